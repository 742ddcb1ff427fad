// GET /console/chatbots/:chatbotId/data-quality/duplicate-group?check=&key= — the members of one
// group of likely duplicates (a duplicate check's findings that share a key), for the merge page
// (src/pages/cleanup/MergeDuplicatesPage.tsx): `{check, key, reason, groupSize, members:
// [{recordId, name}], truncated}`, at most MAX_MEMBERS. Viewer, like the other data-quality reads;
// the merge itself is made of /v1 updates and deletes, each checked against the role and audited
// there.
import type { Hono, MiddlewareHandler } from 'hono';
import type { ConsoleEnv } from '../pipeline/console-env.ts';
import type { FindingStore } from '../store/index.ts';
import { encodeCursor } from '../store/input.ts';

export const DUPLICATE_CHECKS = ['duplicateName', 'duplicateWebsite', 'duplicateEmailDomain'];
/** More than a person compares side by side; the page says how many were left out. */
export const MAX_MEMBERS = 50;

// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CHATBOT_ID = /^[^\u0000-\u001f\u007f/]{1,200}$/;

export interface DuplicateGroup {
  check: string;
  key: string;
  reason: string;
  groupSize: number;
  members: { recordId: string; name: string }[];
  truncated: boolean;
}

/** The group's members in record order: the findings after (key, '') while the key holds. */
export async function duplicateGroup(
  findings: FindingStore,
  chatbotId: string,
  check: string,
  key: string,
): Promise<DuplicateGroup | null> {
  const page = await findings.list(chatbotId, check, {
    cursor: encodeCursor([key, '']),
    limit: MAX_MEMBERS + 1,
  });
  const members = page.findings.filter((finding) => finding.key === key);
  const first = members[0];
  if (first === undefined) return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    check,
    key,
    reason: text(first.detail.reason),
    groupSize: typeof first.detail.groupSize === 'number' ? first.detail.groupSize : members.length,
    members: members
      .slice(0, MAX_MEMBERS)
      .map((finding) => ({ recordId: finding.recordId, name: text(finding.detail.name) })),
    truncated: members.length > MAX_MEMBERS,
  };
}

export function mountDuplicateGroupRoute(
  app: Hono<ConsoleEnv>,
  findings: FindingStore,
  session: MiddlewareHandler<ConsoleEnv>,
): void {
  app.get('/console/chatbots/:chatbotId/data-quality/duplicate-group', session, async (c) => {
    c.header('Cache-Control', 'no-store');
    const chatbotId = c.req.param('chatbotId');
    const check = c.req.query('check') ?? '';
    const key = c.req.query('key') ?? '';
    if (!CHATBOT_ID.test(chatbotId)) return c.json({ error: 'Unknown chatbot id.' }, 400);
    if (!DUPLICATE_CHECKS.includes(check)) {
      return c.json({ error: `Unknown check. Use one of: ${DUPLICATE_CHECKS.join(', ')}.` }, 400);
    }
    if (key === '' || key.length > 1_000) {
      return c.json({ error: 'Give the group’s key (1 to 1,000 characters).' }, 400);
    }
    const group = await duplicateGroup(findings, chatbotId, check, key);
    if (group === null) {
      return c.json(
        {
          error: 'No such group in the last scan: it was merged or fixed since, or a new scan ran.',
        },
        404,
      );
    }
    return c.json(group);
  });
}
