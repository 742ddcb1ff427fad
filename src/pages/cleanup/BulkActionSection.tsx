// The bulk actions of a check's queue (the Data quality page, whose lazily loaded chunk carries
// them): choose the organizations (the selection, every one with the finding, or every one a
// search finds) and the action, see the preview (count, each field before → after, paged),
// confirm, watch the job, and undo it. Keys typed here stay here (the queue's J/K/E/X/Esc are
// not triggered); Esc closes.
import '@mantine/core/styles/Radio.css';
import { Button, Group, Stack, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { BulkTarget } from '../../api/cleanup/bulk.ts';
import classes from '../../components/dataQuality/bulk/BulkAction.module.css';
import {
  BulkActionForm,
  type BulkActionKind,
  type BulkScope,
} from '../../components/dataQuality/bulk/BulkActionForm.tsx';
import { useBulkAction } from '../../hooks/cleanup/useBulkAction.ts';
import { bulkActionOf, BulkPreviewAndJobs } from './BulkPreviewAndJobs.tsx';

export interface BulkActionSectionProps {
  chatbotId: string;
  check: string;
  /** Whether the check suggests fixes. */
  fixes: boolean;
  selectedRecordIds: readonly string[];
  findingsCount: number;
  onClose: () => void;
}

export function BulkActionSection(props: BulkActionSectionProps) {
  const { chatbotId, check, selectedRecordIds } = props;
  const bulk = useBulkAction(chatbotId);
  const [scope, setScope] = useState<BulkScope>(
    selectedRecordIds.length > 0 ? 'selection' : 'check',
  );
  const [kind, setKind] = useState<BulkActionKind>(props.fixes ? 'applyFix' : 'setIndustry');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [queryProblem, setQueryProblem] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const effectiveScope = scope === 'selection' && selectedRecordIds.length === 0 ? 'check' : scope;

  // A changed choice makes the preview shown stale: it goes until asked for again.
  const changed = () => {
    setProblem(null);
    setQueryProblem(null);
    bulk.previewRequest(null);
  };
  const preview = () => {
    const action = bulkActionOf(kind, value, check);
    if (typeof action === 'string') {
      setProblem(action);
      return;
    }
    if (effectiveScope === 'search' && query.trim() === '') {
      setQueryProblem('Type what to search for.');
      return;
    }
    const target: BulkTarget =
      effectiveScope === 'selection'
        ? { kind: 'selection', ids: [...selectedRecordIds] }
        : effectiveScope === 'search'
          ? { kind: 'search', query: query.trim() }
          : { kind: 'check', check };
    bulk.previewRequest({ action, target });
  };
  return (
    <section
      className={classes.panel}
      aria-labelledby="bulk-action-heading"
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Escape') props.onClose();
      }}
    >
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4" id="bulk-action-heading" ref={headingRef} tabIndex={-1}>
            Bulk action
          </Title>
          <Button size="compact-sm" variant="subtle" onClick={props.onClose}>
            Close
          </Button>
        </Group>
        <BulkActionForm
          scope={effectiveScope}
          onScopeChange={(next) => {
            setScope(next);
            changed();
          }}
          selectedCount={selectedRecordIds.length}
          findingsCount={props.findingsCount}
          fixes={props.fixes}
          actionKind={kind}
          onActionKindChange={(next) => {
            setKind(next);
            changed();
          }}
          value={value}
          onValueChange={(next) => {
            setValue(next);
            changed();
          }}
          problem={problem}
          query={query}
          onQueryChange={(next) => {
            setQuery(next);
            changed();
          }}
          queryProblem={queryProblem}
          onPreview={preview}
          previewing={bulk.previewPending}
        />
        <BulkPreviewAndJobs bulk={bulk} />
      </Stack>
    </section>
  );
}
