// The console server's data-quality routes (server/cleanup/data-quality-routes.ts): the overview,
// a check's findings in keyset pages, starting and cancelling a scan, and the CSV exports.
import { apiPath, request } from '../client.ts';
import { download, type DownloadRequest } from '../download.ts';
import { addOperationLabels } from '../permissions.ts';
import { dataQualitySchema, findingPageSchema, scanResponseSchema } from './dataQualitySchemas.ts';
import type { Infer } from '../validate.ts';

export type DataQuality = Infer<typeof dataQualitySchema>;
export type CheckSummary = DataQuality['checks'][number];
export type ScanJob = NonNullable<DataQuality['scan']>;
export type DistributionBar = NonNullable<DataQuality['distributions']>['industry'][number];
export type FindingPage = Infer<typeof findingPageSchema>;
export type Finding = FindingPage['findings'][number];

addOperationLabels({
  getDataQuality: 'load the data-quality overview',
  listFindings: 'load the findings',
  startScan: 'start a scan',
  cancelScan: 'cancel the scan',
  exportCsv: 'export the CSV file',
});

export const FINDING_PAGE_SIZE = 100;

function dataQualityPath(chatbotId: string, ...rest: string[]): string {
  return apiPath('console', 'chatbots', chatbotId, 'data-quality', ...rest);
}

export function getDataQuality(chatbotId: string, signal?: AbortSignal): Promise<DataQuality> {
  return request({
    operation: 'getDataQuality',
    path: dataQualityPath(chatbotId),
    schema: dataQualitySchema,
    signal,
  });
}

export function listFindings(
  chatbotId: string,
  check: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<FindingPage> {
  return request({
    operation: 'listFindings',
    path: dataQualityPath(chatbotId, 'findings'),
    query: { check, cursor: cursor ?? undefined, limit: FINDING_PAGE_SIZE },
    schema: findingPageSchema,
    signal,
  });
}

export function startScan(chatbotId: string): Promise<Infer<typeof scanResponseSchema>> {
  return request({
    operation: 'startScan',
    method: 'POST',
    path: dataQualityPath(chatbotId, 'scans'),
    schema: scanResponseSchema,
  });
}

export function cancelScan(
  chatbotId: string,
  scanId: string,
): Promise<Infer<typeof scanResponseSchema>> {
  return request({
    operation: 'cancelScan',
    method: 'POST',
    path: dataQualityPath(chatbotId, 'scans', scanId, 'cancel'),
    schema: scanResponseSchema,
  });
}

/**
 * What can be exported: every organization, one check's findings, every organization a search
 * finds, or a selection (sent in a POST body: it may hold many thousands of ids).
 */
export type CsvExport =
  | { kind: 'organizations' }
  | { kind: 'findings'; check: string }
  | { kind: 'search'; query: string }
  | { kind: 'selection'; ids: readonly string[] };

export function csvFileName(what: CsvExport): string {
  return what.kind === 'findings' ? `${what.check}.csv` : `${what.kind}.csv`;
}

export function exportCsv(
  chatbotId: string,
  what: CsvExport,
  onProgress: DownloadRequest['onProgress'],
  signal?: AbortSignal,
): Promise<Blob> {
  const common = { operation: 'exportCsv' as const, onProgress, signal };
  if (what.kind === 'search' || what.kind === 'selection') {
    return download({
      ...common,
      path: apiPath('console', 'chatbots', chatbotId, 'exports', 'organizations.csv'),
      body: { target: what.kind === 'search' ? what : { kind: 'selection', ids: what.ids } },
    });
  }
  return download({
    ...common,
    path:
      what.kind === 'organizations'
        ? apiPath('console', 'chatbots', chatbotId, 'organizations.csv')
        : dataQualityPath(chatbotId, 'findings.csv'),
    query: what.kind === 'findings' ? { check: what.check } : {},
  });
}
