// The rows of the CSV exports: the whole list (walked through the API backend as the scan walks
// it) and a check's findings (read from the store in keyset pages). Each yields a page of rows at
// a time, so an export of any size streams with one page in memory.
import type { ApiHandler } from '../api-key.ts';
import type { FindingStore } from '../store/index.ts';
import type { OrganizationDto } from '../sandbox/types.ts';
import { walkOrganizations } from './api-reader.ts';

export const ORGANIZATION_COLUMNS = [
  'id',
  'name',
  'email',
  'website',
  'size',
  'industry',
  'street',
  'houseNumber',
  'zipcode',
  'location',
  'country',
  'created',
  'updated',
  'variables',
] as const;

export function organizationRow(o: OrganizationDto): unknown[] {
  const a = o.address ?? {};
  const variables = o.variables ?? {};
  return [
    o.id,
    o.name,
    o.email,
    o.website,
    o.size,
    o.industry,
    a.street,
    a.houseNumber,
    a.zipcode,
    a.location,
    a.country,
    o.created,
    o.updated,
    Object.keys(variables).length === 0 ? '' : JSON.stringify(variables),
  ];
}

export async function* organizationRows(
  api: ApiHandler,
  chatbotId: string,
  signal?: AbortSignal,
): AsyncGenerator<unknown[][]> {
  for await (const page of walkOrganizations(api, chatbotId, { kind: 'newest' }, signal)) {
    yield page.organizations.map(organizationRow);
  }
}

export const FINDING_COLUMNS = [
  'organizationId',
  'name',
  'check',
  'field',
  'value',
  'suggestedFix',
  'group',
  'reason',
] as const;

export async function* findingRows(
  findings: FindingStore,
  chatbotId: string,
  check: string,
): AsyncGenerator<unknown[][]> {
  let cursor: string | undefined;
  do {
    const page = await findings.list(chatbotId, check, {
      limit: 1_000,
      ...(cursor === undefined ? {} : { cursor }),
    });
    yield page.findings.map((finding) => {
      const d = finding.detail;
      return [
        finding.recordId,
        d.name,
        check,
        d.field,
        d.value,
        d.fix,
        d.reason === undefined ? '' : finding.key,
        d.reason,
      ];
    });
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
