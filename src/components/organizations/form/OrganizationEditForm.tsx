import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@mantine/core';
import { useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Organization } from '../../../lib/shared/apiTypes.ts';
import { formStatusText, invalidFieldLabels } from '../../../lib/organizations/formStatus.ts';
import {
  formValuesFromOrganization,
  organizationEditSchema,
  trimFormValues,
  type OrganizationFormOutput,
  type OrganizationFormValues,
} from '../../../lib/organizations/organizationForm.ts';
import { changedFields } from '../../../lib/organizations/organizationFormChanges.ts';
import { storedValueProblems } from '../../../lib/organizations/storedValueProblems.ts';
import { FormActionBar } from './FormActionBar.tsx';
import { OrganizationFields, type StoredNotes } from './OrganizationFields.tsx';
import { FormSubmitButton, OrganizationFormShell } from './OrganizationFormShell.tsx';
import { saveShortcut, useSaveShortcut } from './saveShortcut.ts';
import { useFormReports } from './useFormReports.ts';

type OrganizationDto = Organization;

export interface OrganizationEditFormProps {
  /** The organization as it was when the form opened; remount (key) to start over from another. */
  baseline: OrganizationDto;
  /** What the form opens with instead of the baseline's values (a draft kept in the browser). */
  initialValues?: OrganizationFormValues | undefined;
  saving: boolean;
  /** Set when editing is not allowed (a 403 seen, a read-only key): the whole form is disabled. */
  disabledReason?: string | undefined;
  /** The last failure in plain words (the server's 400 `error`, a network failure, …). */
  failure?: string | undefined;
  onRetry?: (() => void) | undefined;
  onSave: (values: OrganizationFormOutput, typed: OrganizationFormValues) => void;
  /** Every change of what the form holds (for its draft). */
  onChange?: ((typed: OrganizationFormValues) => void) | undefined;
  onDirtyChange: (dirty: boolean) => void;
  /** Reset pressed: the form is back to the stored values. */
  onReset?: (() => void) | undefined;
  /** Above the fields: a restored draft's note. */
  notice?: ReactNode;
  /** The form opened right after a save: its status says so and takes the focus. */
  justSaved?: boolean;
}

/** A stored value's note per field, from the values the form opened with. */
function storedNotesOf(stored: OrganizationFormValues, sizeRequired: boolean): StoredNotes {
  const notes: StoredNotes = {};
  for (const problem of storedValueProblems(stored, sizeRequired)) {
    notes[problem.field] = { problem, value: stored[problem.field] };
  }
  return notes;
}

/**
 * The edit form: react-hook-form over the zod schema. Only the fields the user changes are
 * checked (and sent): a value stored by another client that breaks today's rules is named with a
 * fix, but does not block saving the rest. Save stays reachable; the bar beside it says what it
 * would do or which fields need fixing, and pressing it then moves to the first of them.
 * On failure nothing is reset.
 */
export function OrganizationEditForm({
  baseline,
  initialValues,
  saving,
  disabledReason,
  failure,
  onRetry,
  onSave,
  onChange,
  onDirtyChange,
  onReset,
  notice,
  justSaved = false,
}: OrganizationEditFormProps) {
  const defaultValues = useMemo(() => formValuesFromOrganization(baseline), [baseline]);
  const sizeRequired = baseline.size !== undefined;
  const schema = useMemo(
    () => organizationEditSchema({ sizeRequired, stored: defaultValues }),
    [sizeRequired, defaultValues],
  );
  const storedNotes = useMemo(
    () => storedNotesOf(defaultValues, sizeRequired),
    [defaultValues, sizeRequired],
  );
  const form = useForm<OrganizationFormValues, unknown, OrganizationFormOutput>({
    defaultValues,
    resolver: zodResolver(schema),
    mode: 'all',
  });
  const {
    control,
    handleSubmit,
    getValues,
    reset,
    formState: { isDirty, isValid, errors },
  } = form;
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const statusId = useId();

  // A draft opens as typed, its messages shown at once.
  useFormReports(form, { initialValues, onChange, onDirtyChange });

  useEffect(() => {
    if (justSaved) statusRef.current?.focus();
  }, [justSaved]);

  const current = useWatch({ control }) as OrganizationFormValues;
  const changedCount = useMemo(
    () => changedFields(defaultValues, trimFormValues(current), defaultValues).length,
    [defaultValues, current],
  );
  const invalidLabels = invalidFieldLabels(errors);
  const canSave = isDirty && !saving;
  useSaveShortcut(formRef, canSave);

  const disabled = disabledReason !== undefined;
  return (
    <OrganizationFormShell
      form={form}
      formRef={formRef}
      label="Edit organization"
      onSubmit={handleSubmit((values) => onSave(values, getValues()))}
      disabledReason={disabledReason}
      disabledTitle="Editing is not available"
      notice={notice}
      fields={<OrganizationFields stored={storedNotes} />}
      failure={failure}
      failureTitle="The changes were not saved"
      failureAction={
        onRetry && !disabled ? (
          <div>
            <Button size="xs" color="red" onClick={onRetry} loading={saving}>
              Retry
            </Button>
          </div>
        ) : null
      }
    >
      {!disabled && (
        <FormActionBar
          statusId={statusId}
          statusRef={statusRef}
          status={formStatusText({
            saving,
            justSaved,
            changedCount: isDirty ? Math.max(1, changedCount) : 0,
            invalidLabels: isDirty ? invalidLabels : [],
            action: 'save',
            shortcut: saveShortcut(),
          })}
        >
          <Button
            variant="default"
            disabled={!isDirty || saving}
            onClick={() => {
              reset(defaultValues);
              onReset?.();
            }}
          >
            Reset
          </Button>
          <FormSubmitButton
            canSubmit={canSave}
            isValid={isValid}
            saving={saving}
            statusId={statusId}
          >
            Save changes
          </FormSubmitButton>
        </FormActionBar>
      )}
    </OrganizationFormShell>
  );
}
