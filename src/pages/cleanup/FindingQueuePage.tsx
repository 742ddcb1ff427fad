// One check's findings as a queue by keyboard (J/K next/previous, E edit, Enter save, X select,
// Esc back, M merge a duplicate group: lib/cleanup/queueKeys.ts), with its bulk action and CSV
// export. The finding under the position is fixed in place (hooks/cleanup/useFindingEdit.ts).
import { Button, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CheckSummary, Finding } from '../../api/cleanup/dataQuality.ts';
import { FindingEditor } from '../../components/dataQuality/FindingEditor.tsx';
import { FindingList } from '../../components/dataQuality/FindingList.tsx';
import classes from '../../components/dataQuality/FindingQueue.module.css';
import {
  FindingsLoadFailure,
  FindingsLoading,
  NothingToFix,
} from '../../components/dataQuality/FindingQueueStates.tsx';
import { FindingSelectionBar } from '../../components/dataQuality/FindingSelectionBar.tsx';
import { MERGEABLE_CHECKS } from '../../components/dataQuality/merge/mergePath.ts';
import { PageLayout } from '../../components/shell/PageLayout.tsx';
import { CsvExportButton } from '../../components/exports/CsvExportButton.tsx';
import { CsvExportStatus } from '../../components/exports/CsvExportStatus.tsx';
import type { useCsvExport } from '../../hooks/cleanup/useCsvExport.ts';
import { useFindingEdit } from '../../hooks/cleanup/useFindingEdit.ts';
import { findingId, useFindingQueue } from '../../hooks/cleanup/useFindingQueue.ts';
import { useQueueKeys } from '../../hooks/cleanup/useQueueKeys.ts';
import { useWriteAccess } from '../../hooks/organizations/useWriteAccess.ts';
import { isEditableField } from '../../lib/cleanup/findingFields.ts';
import { dataQualityPath, mergePath, organizationPath } from '../../routes.ts';
import { BulkActionSection } from './BulkActionSection.tsx';

type Csv = ReturnType<typeof useCsvExport>;

export function FindingQueuePage({
  chatbotId,
  check,
  summary,
  overviewPending,
  csv,
}: {
  chatbotId: string;
  check: string;
  summary: CheckSummary | undefined;
  overviewPending: boolean;
  csv: Csv;
}) {
  const navigate = useNavigate();
  const queue = useFindingQueue(chatbotId, check);
  const denials = useWriteAccess(chatbotId);
  const { current, record } = queue;
  const field = current?.detail.field ?? '';
  const editable =
    field !== '' && isEditableField(field) && denials.updateOrganization === undefined;
  const edit = useFindingEdit(chatbotId, current, record, field, editable);

  const mergeHref =
    current !== undefined && MERGEABLE_CHECKS.includes(check)
      ? mergePath(chatbotId, check, current.key)
      : undefined;
  useQueueKeys(
    (action) => {
      if (action === 'next') queue.next();
      else if (action === 'previous') queue.previous();
      else if (action === 'edit') edit.start();
      else if (action === 'select' && current !== undefined) queue.toggleSelected(current);
      else if (action === 'merge' && mergeHref !== undefined) void navigate(mergeHref);
      else if (action === 'back') void navigate(dataQualityPath(chatbotId));
    },
    { canSelect: current !== undefined, canMerge: mergeHref !== undefined },
  );

  const title = summary?.title ?? (overviewPending ? 'Findings' : 'Unknown check');
  // Open while a bulk job is watched (its id in the URL), so a reload keeps showing it.
  const [searchParams] = useSearchParams();
  const [bulkOpen, setBulkOpen] = useState(
    () => searchParams.has('bulkJob') || searchParams.has('bulkUndo'),
  );
  const bulkButtonRef = useRef<HTMLButtonElement>(null);
  const selectedRecordIds = [
    ...new Set(
      queue.findings
        .filter((finding) => queue.selected.has(findingId(finding)))
        .map((finding) => finding.recordId),
    ),
  ];
  return (
    <PageLayout
      title={title}
      meta={summary === undefined ? undefined : `${summary.findings.toLocaleString('en')} findings`}
      actions={
        <>
          <Button variant="default" size="sm" component={Link} to={dataQualityPath(chatbotId)}>
            Back to overview
          </Button>
          <CsvExportButton
            label="Export as CSV"
            running={csv.state.status === 'running'}
            onExport={() => void csv.start({ kind: 'findings', check })}
          />
        </>
      }
    >
      <Stack gap="sm">
        {summary !== undefined && <Text size="sm">{summary.explanation}</Text>}
        <CsvExportStatus state={csv.state} onCancel={csv.cancel} />
        <FindingSelectionBar
          selectedCount={queue.selected.size}
          onClearSelection={queue.clearSelection}
          offerBulk={!bulkOpen && (summary?.findings ?? 0) > 0}
          bulkButtonRef={bulkButtonRef}
          onOpenBulk={() => setBulkOpen(true)}
        />
        {bulkOpen && (
          <BulkActionSection
            chatbotId={chatbotId}
            check={check}
            fixes={summary?.fixes ?? false}
            selectedRecordIds={selectedRecordIds}
            findingsCount={summary?.findings ?? 0}
            onClose={() => {
              setBulkOpen(false);
              requestAnimationFrame(() => bulkButtonRef.current?.focus());
            }}
          />
        )}
        {mergeHref !== undefined && (
          <Group gap="xs">
            <Button size="sm" variant="light" component={Link} to={mergeHref}>
              Merge this group (M)
            </Button>
          </Group>
        )}
        {queue.isPending ? (
          <FindingsLoading />
        ) : queue.error !== null && queue.findings.length === 0 ? (
          <FindingsLoadFailure error={queue.error} onRetry={queue.retry} />
        ) : current === undefined ? (
          <NothingToFix overviewHref={dataQualityPath(chatbotId)} />
        ) : (
          <div className={classes.layout}>
            <FindingList
              findings={queue.findings}
              index={queue.index}
              isSelected={(finding: Finding) => queue.selected.has(findingId(finding))}
              onPick={queue.goTo}
              onToggle={queue.toggleSelected}
              total={summary?.findings ?? queue.findings.length}
            />
            <FindingEditor
              finding={current}
              record={record}
              recordPending={queue.recordPending}
              recordError={queue.recordError}
              onRetryRecord={queue.retryRecord}
              editable={editable}
              readOnlyReason={field !== '' ? denials.updateOrganization : undefined}
              editing={edit.editing}
              text={edit.text}
              onTextChange={edit.setText}
              onEdit={edit.start}
              onCancelEdit={edit.stop}
              onSave={() => void edit.save()}
              saving={edit.saving}
              problem={edit.problem}
              conflict={edit.conflict}
              onOverwrite={() => void edit.save(true)}
              onTakeLatest={() => {
                edit.stop();
                queue.retryRecord();
              }}
              inputRef={edit.inputRef}
              organizationHref={organizationPath(chatbotId, current.recordId)}
            />
          </div>
        )}
      </Stack>
    </PageLayout>
  );
}
