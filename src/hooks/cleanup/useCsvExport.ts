// A CSV export streamed from the console server, with its progress (about how many rows came of
// those expected: line breaks inside quoted cells count too), cancel, and the file handed to the browser's download when complete.
import { useCallback, useEffect, useRef, useState } from 'react';
import { csvFileName, exportCsv, type CsvExport } from '../../api/cleanup/dataQuality.ts';
import { isApiError } from '../../api/client.ts';

export type CsvExportState =
  | { status: 'idle' }
  | { status: 'running'; what: CsvExport; rows: number; expectedRows: number | null }
  | { status: 'done'; what: CsvExport; fileName: string; bytes: number }
  | { status: 'failed'; what: CsvExport; message: string };

function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function useCsvExport(chatbotId: string) {
  const [state, setState] = useState<CsvExportState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(
    async (what: CsvExport) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      setState({ status: 'running', what, rows: 0, expectedRows: null });
      try {
        const blob = await exportCsv(
          chatbotId,
          what,
          ({ lines, expectedLines }) =>
            setState({
              status: 'running',
              what,
              rows: Math.max(0, lines - 1),
              expectedRows: expectedLines === null ? null : expectedLines - 1,
            }),
          controller.signal,
        );
        if (controller.signal.aborted) return;
        const fileName = csvFileName(what);
        saveFile(blob, fileName);
        setState({ status: 'done', what, fileName, bytes: blob.size });
      } catch (error) {
        if (controller.signal.aborted) {
          setState({ status: 'idle' });
          return;
        }
        setState({
          status: 'failed',
          what,
          message: isApiError(error) ? error.message : 'The export failed. Try again.',
        });
      } finally {
        if (running.current === controller) running.current = null;
      }
    },
    [chatbotId],
  );
  const cancel = useCallback(() => {
    running.current?.abort();
    setState({ status: 'idle' });
  }, []);
  return { state, start, cancel };
}
