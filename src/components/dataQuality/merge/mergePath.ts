// Where a duplicate group is merged (pages/MergeDuplicatesPage.tsx), and which checks have groups
// to merge (server/cleanup/duplicate-group-route.ts lists the same).
import { dataQualityPath } from '../../shell/AppHeader.tsx';

export const MERGEABLE_CHECKS: readonly string[] = [
  'duplicateName',
  'duplicateWebsite',
  'duplicateEmailDomain',
];

export function mergePath(chatbotId: string, check: string, key: string): string {
  return `${dataQualityPath(chatbotId)}/${encodeURIComponent(check)}/merge?${new URLSearchParams({ key }).toString()}`;
}
