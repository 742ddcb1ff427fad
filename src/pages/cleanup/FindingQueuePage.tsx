// One check's findings as a queue by keyboard (J/K next/previous, E edit, Enter save, X select,
// Esc back, M merge a duplicate group), with its bulk action and CSV export.
import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CheckSummary, Finding } from '../../api/cleanup/dataQuality.ts';
import type { Organization } from '../../api/types.ts';
import { FindingEditor } from '../../components/dataQuality/FindingEditor.tsx';
import { FindingList } from '../../components/dataQuality/FindingList.tsx';
import classes from '../../components/dataQuality/FindingQueue.module.css';
import { MERGEABLE_CHECKS } from '../../components/dataQuality/merge/mergePath.ts';
import { PageLayout } from '../../components/shell/PageLayout.tsx';
import { CsvExportButton } from '../../components/exports/CsvExportButton.tsx';
import { CsvExportStatus } from '../../components/exports/CsvExportStatus.tsx';
import type { useCsvExport } from '../../hooks/cleanup/useCsvExport.ts';
import { findingId, useFindingQueue } from '../../hooks/cleanup/useFindingQueue.ts';
import { useFixFinding } from '../../hooks/cleanup/useFixFinding.ts';
import { useWriteAccess } from '../../hooks/organizations/useWriteAccess.ts';
import { fieldValue, findingText, isEditableField } from '../../lib/cleanup/findingFields.ts';
import { dataQualityPath, mergePath, organizationPath } from '../../routes.ts';
import { BulkActionSection } from './BulkActionSection.tsx';

type Csv = ReturnType<typeof useCsvExport>;

interface EditState {
  editing: boolean;
  text: string;
  problem: string | null;
  conflict: Organization | null;
}

const IDLE: EditState = { editing: false, text: '', problem: null, conflict: null };

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

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
  const fixer = useFixFinding(chatbotId);
  const denials = useWriteAccess(chatbotId);
  const [edit, setEdit] = useState<EditState>(IDLE);
  const inputRef = useRef<HTMLInputElement>(null);
  const { current, record } = queue;
  const currentId = current === undefined ? '' : findingId(current);
  const [shownId, setShownId] = useState(currentId);
  if (shownId !== currentId) {
    // Another finding: whatever was being edited belonged to the one before.
    setShownId(currentId);
    setEdit(IDLE);
  }
  const field = current?.detail.field ?? '';
  const editable =
    field !== '' && isEditableField(field) && denials.updateOrganization === undefined;

  const startEdit = () => {
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

  const mergeHref =
    current !== undefined && MERGEABLE_CHECKS.includes(check)
      ? mergePath(chatbotId, check, current.key)
      : undefined;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'j') queue.next();
      else if (key === 'k') queue.previous();
      else if (key === 'e') startEdit();
      else if (key === 'x' && current !== undefined) queue.toggleSelected(current);
      else if (key === 'm' && mergeHref !== undefined) void navigate(mergeHref);
      else if (event.key === 'Escape') void navigate(dataQualityPath(chatbotId));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const title = summary?.title ?? (overviewPending ? 'Findings' : 'Unknown check');
  const selectedCount = queue.selected.size;
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
        <Group gap="xs" mih={30}>
          {selectedCount > 0 && (
            <>
              <Text size="sm">{selectedCount.toLocaleString('en')} selected</Text>
              <Button size="compact-sm" variant="subtle" onClick={queue.clearSelection}>
                Clear selection
              </Button>
            </>
          )}
          {!bulkOpen && (summary?.findings ?? 0) > 0 && (
            <Button
              size="compact-sm"
              variant="default"
              ref={bulkButtonRef}
              onClick={() => {
                setBulkOpen(true);
              }}
            >
              Bulk action…
            </Button>
          )}
        </Group>
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
          <Stack gap="sm" aria-busy="true" aria-label="Loading the findings">
            <Skeleton height={28} />
            <Skeleton height={28} />
            <Skeleton height={160} />
          </Stack>
        ) : queue.error !== null && queue.findings.length === 0 ? (
          <Alert color="red" variant="light" role="alert" title="Couldn’t load the findings">
            <Group gap="sm" justify="space-between">
              <Text size="sm">{queue.error}</Text>
              <Button size="xs" variant="default" onClick={queue.retry}>
                Try again
              </Button>
            </Group>
          </Alert>
        ) : current === undefined ? (
          <Stack align="center" gap="xs" py="xl" ta="center">
            <Text fw={600}>Nothing to fix here</Text>
            <Text c="dimmed" size="sm" maw={420}>
              No organization has this problem in the last scan, or every one was fixed since.
            </Text>
            <Button variant="default" component={Link} to={dataQualityPath(chatbotId)}>
              Back to overview
            </Button>
          </Stack>
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
              onTextChange={(text) => setEdit((state) => ({ ...state, text, problem: null }))}
              onEdit={startEdit}
              onCancelEdit={() => setEdit(IDLE)}
              onSave={() => void save()}
              saving={fixer.saving}
              problem={edit.problem}
              conflict={edit.conflict}
              onOverwrite={() => void save(true)}
              onTakeLatest={() => {
                setEdit(IDLE);
                queue.retryRecord();
              }}
              inputRef={inputRef}
              organizationHref={organizationPath(chatbotId, current.recordId)}
            />
          </div>
        )}
      </Stack>
    </PageLayout>
  );
}
