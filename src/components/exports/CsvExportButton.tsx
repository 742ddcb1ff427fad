import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';

interface CsvExportButtonProps {
  label: string;
  /** An export is running (one at a time). */
  running: boolean;
  onExport: () => void;
}

/** Starts a CSV export; its progress shows in CsvExportStatus. */
export function CsvExportButton({ label, running, onExport }: CsvExportButtonProps) {
  return (
    <Button
      variant="default"
      size="sm"
      leftSection={<IconDownload size={16} aria-hidden="true" />}
      onClick={onExport}
      disabled={running}
    >
      {label}
    </Button>
  );
}
