// The CSV export of the organizations page's selection, its own chunk (the code that streams the
// file is not in the list's first JS): started when it mounts, with its progress, cancel, and the
// file handed to the browser's download; a new export (`what` changed) starts again.
import { useEffect } from 'react';
import type { CsvExport } from '../../api/cleanup/dataQuality.ts';
import { CsvExportStatus } from '../../components/exports/CsvExportStatus.tsx';
import { useCsvExport } from '../../hooks/cleanup/useCsvExport.ts';

export interface SelectionExportProps {
  chatbotId: string;
  what: CsvExport;
  /** Tells whether an export is under way (the button waits meanwhile). */
  onRunningChange: (running: boolean) => void;
}

export function SelectionExport({ chatbotId, what, onRunningChange }: SelectionExportProps) {
  const csv = useCsvExport(chatbotId);
  const { start } = csv;
  useEffect(() => {
    void start(what);
  }, [start, what]);
  const running = csv.state.status === 'running';
  useEffect(() => onRunningChange(running), [running, onRunningChange]);
  return <CsvExportStatus state={csv.state} onCancel={csv.cancel} />;
}
