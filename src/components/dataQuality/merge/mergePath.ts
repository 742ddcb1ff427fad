// Which checks have groups to merge (server/cleanup/duplicate-group-route.ts lists the same);
// the merge page's address is mergePath in src/routes.ts.

export const MERGEABLE_CHECKS: readonly string[] = [
  'duplicateName',
  'duplicateWebsite',
  'duplicateEmailDomain',
];
