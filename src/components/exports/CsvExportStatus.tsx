// A CSV export's progress (about how many rows of those expected), its result or its failure,
// as useCsvExport (src/hooks/cleanup/useCsvExport.ts) reports them.
import { Button, Group, Text } from '@mantine/core';
import type { CsvExportState } from '../../hooks/cleanup/useCsvExport.ts';

export function CsvExportStatus({
  state,
  onCancel,
}: {
  state: CsvExportState;
  onCancel: () => void;
}) {
  if (state.status === 'idle') return null;
  if (state.status === 'running') {
    return (
      <Group gap="xs" role="status">
        <Text size="sm">
          Exporting… about {state.rows.toLocaleString('en')}
          {state.expectedRows !== null ? ` of ${state.expectedRows.toLocaleString('en')}` : ''} rows
        </Text>
        <Button size="compact-sm" variant="subtle" onClick={onCancel}>
          Cancel export
        </Button>
      </Group>
    );
  }
  if (state.status === 'done') {
    return (
      <Text size="sm" role="status">
        Downloaded {state.fileName} (
        {Math.max(1, Math.round(state.bytes / 1024)).toLocaleString('en')} KB).
      </Text>
    );
  }
  return (
    <Text size="sm" c="red" role="alert">
      The export failed: {state.message}
    </Text>
  );
}
