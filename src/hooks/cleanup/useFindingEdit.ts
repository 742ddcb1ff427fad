// Fixing the finding under the queue's position in place: the field's text (the suggested fix,
// else the stored value), saved through useFixFinding, its problem or the newer version said
// beside it. Moving to another finding drops the edit: it belonged to the one before.
import { useEffect, useRef, useState } from 'react';
import type { Finding } from '../../api/cleanup/dataQuality.ts';
import type { Organization } from '../../api/types.ts';
import { fieldValue, findingText } from '../../lib/cleanup/findingFields.ts';
import { findingId } from './useFindingQueue.ts';
import { useFixFinding } from './useFixFinding.ts';

interface EditState {
  editing: boolean;
  text: string;
  problem: string | null;
  conflict: Organization | null;
}

const IDLE: EditState = { editing: false, text: '', problem: null, conflict: null };

/** `field`: the field the finding is about; `editable`: whether it may be edited here. */
export function useFindingEdit(
  chatbotId: string,
  current: Finding | undefined,
  record: Organization | undefined,
  field: string,
  editable: boolean,
) {
  const fixer = useFixFinding(chatbotId);
  const [edit, setEdit] = useState<EditState>(IDLE);
  const inputRef = useRef<HTMLInputElement>(null);
  const currentId = current === undefined ? '' : findingId(current);
  const [shownId, setShownId] = useState(currentId);
  if (shownId !== currentId) {
    // Another finding: whatever was being edited belonged to the one before.
    setShownId(currentId);
    setEdit(IDLE);
  }

  const start = () => {
    if (!editable || current === undefined || record === undefined) return;
    const fix = findingText(current.detail.fix);
    setEdit({
      editing: true,
      text: fix !== '' ? fix : fieldValue(record, field),
      problem: null,
      conflict: null,
    });
  };
  useEffect(() => {
    if (edit.editing) inputRef.current?.focus();
  }, [edit.editing]);

  const save = async (overwrite = false) => {
    if (record === undefined || current === undefined) return;
    const outcome = await fixer.save(record, field, edit.text, { overwrite });
    if (outcome.kind === 'saved') setEdit(IDLE);
    else if (outcome.kind === 'invalid')
      setEdit((state) => ({ ...state, problem: outcome.problem }));
    else if (outcome.kind === 'conflict')
      setEdit((state) => ({ ...state, conflict: outcome.latest }));
    else setEdit((state) => ({ ...state, problem: outcome.message }));
  };

  return {
    ...edit,
    inputRef,
    saving: fixer.saving,
    start,
    setText: (text: string) => setEdit((state) => ({ ...state, text, problem: null })),
    stop: () => setEdit(IDLE),
    save,
  };
}
