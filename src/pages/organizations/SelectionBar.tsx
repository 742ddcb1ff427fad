// The organizations page's selection bar, its own chunk (loaded with the first box checked): how
// many are selected (or "all N matching" a search), Clear, Bulk action… (only for a person whose
// role may edit; the server checks again) and Export CSV with its progress. The bulk dialog and
// the export are in this chunk too: as chunks of their own, each would share a different part
// of the list's first JS, and the bundler would split that JS into more files (measured: about
// 1 KB gzip more to load before the list is usable).
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { CsvExport } from '../../api/cleanup/dataQuality.ts';
import type { BulkTarget } from '../../api/cleanup/bulk.ts';
import classes from '../../components/organizations/selection/SelectionBar.module.css';
import {
  selectedCount,
  type OrganizationSelection,
  type SelectionSnapshot,
} from '../../lib/organizations/organizationSelection.ts';
import { SelectionBulkDialog as BulkDialog } from './SelectionBulkDialog.tsx';
import { SelectionExport as Export } from './SelectionExport.tsx';

export interface SelectionBarProps {
  chatbotId: string;
  selection: OrganizationSelection;
  snapshot: SelectionSnapshot;
  /** Whether this person may run bulk actions (edit organizations). */
  mayBulk: boolean;
  /** A bulk job is being watched (its id in the URL, as after a reload): the dialog opens. */
  watchingJob: boolean;
}

const count = new Intl.NumberFormat('en');

export function SelectionBar(props: SelectionBarProps) {
  const { chatbotId, selection, snapshot } = props;
  const [dialogOpen, setDialogOpen] = useState(props.watchingJob);
  const [exported, setExported] = useState<CsvExport | null>(null);
  const [exporting, setExporting] = useState(false);
  const onRunningChange = useCallback((running: boolean) => setExporting(running), []);
  const n = selectedCount(snapshot);
  const target: BulkTarget =
    snapshot.search !== null
      ? { kind: 'search', query: snapshot.search.query }
      : { kind: 'selection', ids: [...snapshot.ids] };
  const label =
    snapshot.search !== null ? (
      <>
        All {count.format(n)} matching “<bdi>{snapshot.search.query}</bdi>”
      </>
    ) : (
      `${count.format(n)} selected`
    );
  const scopeLabel =
    snapshot.search !== null
      ? `all ${count.format(n)} that match “${snapshot.search.query}” (as the server finds them when it runs)`
      : `the ${count.format(n)} selected`;
  return (
    <>
      {n > 0 && (
        <section className={classes.bar} aria-label="Selection">
          <Stack gap={4}>
            <Group gap="xs" justify="space-between" wrap="wrap">
              <Text size="sm" fw={600} className={classes.count} role="status">
                {label}
              </Text>
              <Group gap="xs" wrap="wrap">
                <Button size="compact-sm" variant="subtle" onClick={selection.clear}>
                  Clear
                </Button>
                {props.mayBulk && (
                  <Button size="compact-sm" variant="light" onClick={() => setDialogOpen(true)}>
                    Bulk action…
                  </Button>
                )}
                <Button
                  size="compact-sm"
                  variant="default"
                  leftSection={<IconDownload size={14} aria-hidden="true" />}
                  disabled={exporting}
                  onClick={() =>
                    setExported(
                      target.kind === 'search'
                        ? { kind: 'search', query: target.query }
                        : { kind: 'selection', ids: target.ids },
                    )
                  }
                >
                  Export CSV
                </Button>
              </Group>
            </Group>
            {exported !== null && (
              <Export chatbotId={chatbotId} what={exported} onRunningChange={onRunningChange} />
            )}
          </Stack>
        </section>
      )}
      {dialogOpen && (
        <BulkDialog
          chatbotId={chatbotId}
          target={target}
          scopeLabel={scopeLabel}
          onClose={() => setDialogOpen(false)}
        />
      )}
    </>
  );
}
