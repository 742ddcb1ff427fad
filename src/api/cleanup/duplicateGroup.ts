// One group of likely duplicates (server/cleanup/duplicate-group-route.ts), for the merge page.
// Apart from dataQuality.ts so that it loads with the merge page's chunk.
import { apiPath, request } from '../client.ts';
import { addOperationLabels } from '../permissions.ts';
import * as v from '../validate.ts';

export const duplicateGroupSchema = v.object({
  check: v.string(),
  key: v.string(),
  reason: v.string(),
  groupSize: v.number(),
  members: v.array(v.object({ recordId: v.string(), name: v.string() })),
  truncated: v.boolean(),
});

export type DuplicateGroup = v.Infer<typeof duplicateGroupSchema>;

addOperationLabels({ getDuplicateGroup: 'load the group of duplicates' });

export function getDuplicateGroup(
  chatbotId: string,
  check: string,
  key: string,
  signal?: AbortSignal,
): Promise<DuplicateGroup> {
  return request({
    operation: 'getDuplicateGroup',
    path: apiPath('console', 'chatbots', chatbotId, 'data-quality', 'duplicate-group'),
    query: { check, key },
    schema: duplicateGroupSchema,
    signal,
  });
}
