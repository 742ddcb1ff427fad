// ROUTES.dataQuality (src/routes.ts). The overview: what is wrong with the chatbot's
// organizations at a glance (a bar per check, the industry, country and size distributions), the
// scan with its progress, start and cancel, and CSV exports; with a check, one check's findings
// as a queue by keyboard (J/K next/previous, E edit, Enter save, X select, Esc back, M merge a
// duplicate group); mergePath() a group's merge (MergeDuplicatesPage.tsx).
// Styles of the Mantine components only this page uses, loaded with it (mantine-styles.ts has the
// rest; the list's CSS budget).
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Progress.css';
import { Alert, Button, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { CheckSummary, CsvExport, Finding } from '../api/dataQuality.ts';
import type { Organization } from '../api/types.ts';
import { BarChart } from '../components/dataQuality/BarChart.tsx';
import { FindingEditor } from '../components/dataQuality/FindingEditor.tsx';
import { FindingList } from '../components/dataQuality/FindingList.tsx';
import classes from '../components/dataQuality/FindingQueue.module.css';
import { ScanStatus } from '../components/dataQuality/ScanStatus.tsx';
import { MERGEABLE_CHECKS } from '../components/dataQuality/merge/mergePath.ts';
import { PageLayout } from '../components/shell/PageLayout.tsx';
import { CsvExportStatus } from '../components/exports/CsvExportStatus.tsx';
import { useCsvExport } from '../hooks/useCsvExport.ts';
import { useDataQuality } from '../hooks/useDataQuality.ts';
import { findingId, useFindingQueue } from '../hooks/useFindingQueue.ts';
import { useFixFinding } from '../hooks/useFixFinding.ts';
import { useWriteAccess } from '../hooks/useWriteAccess.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { fieldValue, findingText, isEditableField } from '../lib/findingFields.ts';
import { dataQualityPath, mergePath, organizationPath } from '../routes.ts';
import { BulkActionSection } from './BulkActionSection.tsx';

// Its own chunk, loaded from this one with React's lazy rather than lazyPage.tsx: importing that
// from here made the bundler split modules out of the list's first JS into more chunks (measured:
// 0.5 KB gzip more for the list), where this adds some 60 bytes (the route's pattern).
const MergeDuplicatesPage = lazy(async () => ({
  default: (await import('./MergeDuplicatesPage.tsx')).MergeDuplicatesPage,
}));

export function DataQualityPage() {
  const { view } = useParams();
  if (view === 'merge') {
    return (
      <Suspense
        fallback={
          <Stack gap="sm" aria-busy="true" aria-label="Loading the merge page">
            <Skeleton height={36} />
            <Skeleton height={240} />
          </Stack>
        }
      >
        <MergeDuplicatesPage />
      </Suspense>
    );
  }
  if (view !== undefined) return <NotFoundPage />;
  return <DataQualityViews />;
}

function DataQualityViews() {
  const { chatbotId = '', check } = useParams();
  const quality = useDataQuality(chatbotId);
  const csv = useCsvExport(chatbotId);
  const summary = quality.overview?.checks.find((candidate) => candidate.check === check);
  if (check !== undefined) {
    return (
      <CheckQueuePage
        chatbotId={chatbotId}
        check={check}
        summary={summary}
        overviewPending={quality.isPending}
        csv={csv}
      />
    );
  }
  return <OverviewPage chatbotId={chatbotId} quality={quality} csv={csv} />;
}

type Csv = ReturnType<typeof useCsvExport>;

function ExportButton({ csv, what, label }: { csv: Csv; what: CsvExport; label: string }) {
  return (
    <Button
      variant="default"
      size="sm"
      leftSection={<IconDownload size={16} aria-hidden="true" />}
      onClick={() => void csv.start(what)}
      disabled={csv.state.status === 'running'}
    >
      {label}
    </Button>
  );
}

function OverviewPage({
  chatbotId,
  quality,
  csv,
}: {
  chatbotId: string;
  quality: ReturnType<typeof useDataQuality>;
  csv: Csv;
}) {
  const { overview } = quality;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const bars = (checks: readonly CheckSummary[]) =>
    checks.map((summary) => ({
      key: summary.check,
      label: summary.title,
      count: summary.findings,
      unit: summary.findings === 1 ? 'finding' : 'findings',
      href: dataQualityPath(chatbotId, summary.check),
    }));
  const distribution = (name: 'industry' | 'country' | 'size') =>
    (overview?.distributions?.[name] ?? []).map((bar) => ({
      key: bar.value,
      label: bar.value,
      count: bar.count,
      unit: 'organizations',
    }));

  return (
    <PageLayout
      title="Data quality"
      actions={
        <ExportButton csv={csv} what={{ kind: 'organizations' }} label="Export all as CSV" />
      }
    >
      <Stack gap="lg">
        {quality.isPending ? (
          <Stack gap="sm" aria-busy="true" aria-label="Loading the data-quality overview">
            <Skeleton height={36} />
            <Skeleton height={240} />
          </Stack>
        ) : quality.error !== null || overview === undefined ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            icon={<IconAlertTriangle aria-hidden="true" />}
            title="Couldn’t load the data-quality overview"
          >
            <Group gap="sm" justify="space-between">
              <Text size="sm">{quality.error}</Text>
              <Button size="xs" variant="default" onClick={quality.retry}>
                Try again
              </Button>
            </Group>
          </Alert>
        ) : (
          <>
            <ScanStatus
              lastScan={overview.lastScan}
              scan={overview.scan}
              scanning={quality.scanning}
              mayScan={overview.mayScan}
              onStart={quality.start}
              onCancel={quality.cancel}
              starting={quality.starting}
              cancelling={quality.cancelling}
              error={quality.startError ?? quality.cancelError}
              now={now}
            />
            <CsvExportStatus state={csv.state} onCancel={csv.cancel} />
            {overview.lastScan === null ? (
              <Stack align="center" gap="xs" py="xl" ta="center">
                <Text fw={600}>Nothing scanned yet</Text>
                <Text c="dimmed" size="sm" maw={460}>
                  A scan reads every organization and counts invalid e-mails and websites, missing
                  fields, stray spaces and markup, countries written several ways and likely
                  duplicates.
                </Text>
              </Stack>
            ) : (
              <>
                <BarChart
                  caption="Findings per check (open one to work through it)"
                  bars={bars(overview.checks)}
                />
                <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
                  <BarChart caption="Industries" bars={distribution('industry')} />
                  <BarChart caption="Countries" bars={distribution('country')} />
                  <BarChart caption="Size (employees)" bars={distribution('size')} />
                </SimpleGrid>
              </>
            )}
          </>
        )}
      </Stack>
    </PageLayout>
  );
}

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

function CheckQueuePage({
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
          <ExportButton csv={csv} what={{ kind: 'findings', check }} label="Export as CSV" />
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
