// A bulk action's preview: how many organizations it runs on and, a page at a time, what it does
// to each (every field before → after, a delete, or why it leaves a record alone), read from the
// records as they are now. Nothing is written.
import type { FindingStore } from '../../store/index.ts';
import type { OrganizationDto } from '../../sandbox/types.ts';
import { changeFor, valuesAt, type BulkAction, type FieldValue } from './bulk-actions.ts';
import type { ConsoleWriter } from './console-writer.ts';
import { storedFixes } from './stored-fixes.ts';

export const MAX_PREVIEW_PAGE = 50;

export interface FieldChangeView {
  field: string;
  before: FieldValue;
  after: FieldValue;
}

export interface PreviewRow {
  id: string;
  name: string | null;
  change: 'update' | 'delete' | 'skip' | 'missing';
  fields: FieldChangeView[];
  reason: string | null;
}

export interface PreviewPage {
  count: number;
  offset: number;
  rows: PreviewRow[];
  nextOffset: number | null;
}

export async function previewPage(options: {
  ids: readonly string[];
  offset: number;
  limit: number;
  action: BulkAction;
  reader: ConsoleWriter;
  findings: FindingStore;
  chatbotId: string;
  signal?: AbortSignal;
}): Promise<PreviewPage> {
  const { ids, offset, limit, action, reader, findings, chatbotId } = options;
  const slice = ids.slice(offset, offset + limit);
  const rows = await Promise.all(
    slice.map(async (id): Promise<PreviewRow> => {
      const answer = await reader.get(chatbotId, id, options.signal);
      const organization = answer.body.organization as OrganizationDto | undefined;
      if (answer.status !== 200 || organization === undefined) {
        return {
          id,
          name: null,
          change: 'missing',
          fields: [],
          reason:
            answer.status === 404
              ? 'The organization no longer exists.'
              : `The API answered ${answer.status}.`,
        };
      }
      const fixes =
        action.kind === 'applyFix' ? await storedFixes(findings, chatbotId, id, action.check) : {};
      const change = changeFor(action, organization, fixes);
      const name = organization.name;
      if (change.kind === 'skip') {
        return { id, name, change: 'skip', fields: [], reason: change.reason };
      }
      if (change.kind === 'delete') {
        return { id, name, change: 'delete', fields: [], reason: null };
      }
      const before = valuesAt(organization, Object.keys(change.fields));
      return {
        id,
        name,
        change: 'update',
        fields: Object.entries(change.fields).map(([field, after]) => ({
          field,
          before: before[field] ?? null,
          after,
        })),
        reason: null,
      };
    }),
  );
  const next = offset + slice.length;
  return { count: ids.length, offset, rows, nextOffset: next < ids.length ? next : null };
}
