// After a write through the console (/v1 create, update, delete), that record's findings change
// at once, in the last scan's findings and in a scan staged meanwhile: its own checks are run
// again on the record the API answered, a group finding (duplicate, industry variant) stays only
// while the record still belongs to that group, and a deleted record's findings go. A new group a
// write would form appears with the next scan. A failure here is logged, never the write's.
import { createMiddleware } from 'hono/factory';
import type { ConsoleEnv } from '../pipeline/console-env.ts';
import type { Finding, FindingStore } from '../store/index.ts';
import type { OrganizationDto } from '../sandbox/types.ts';
import { GROUP_CHECKS } from './checks/catalogue.ts';
import { groupFindingStillHolds } from './checks/group-checks.ts';
import { recordFindings, REPLACED_ON_WRITE } from './scan/record-findings.ts';

const GROUPS: readonly string[] = GROUP_CHECKS;

/** The findings a record has after `organization` was written (given its findings before). */
export function findingsAfterWrite(
  organization: OrganizationDto,
  before: readonly Finding[],
): Finding[] {
  const kept = before.filter(
    (finding) =>
      GROUPS.includes(finding.check) &&
      groupFindingStillHolds(
        { check: finding.check, key: finding.key, fix: finding.detail.fix },
        organization,
      ),
  );
  return [...recordFindings(organization), ...kept];
}

export async function updateFindingsAfterWrite(
  findings: FindingStore,
  chatbotId: string,
  write: { kind: 'deleted'; id: string } | { kind: 'written'; organization: OrganizationDto },
): Promise<void> {
  if (write.kind === 'deleted') {
    await findings.replaceForRecord(chatbotId, write.id, []);
    return;
  }
  const { organization } = write;
  const before = await findings.forRecord(chatbotId, organization.id);
  const after = findingsAfterWrite(organization, before);
  await findings.replaceForRecord(
    chatbotId,
    organization.id,
    after.map(({ recordId: _recordId, ...finding }) => finding),
    [...REPLACED_ON_WRITE, ...GROUP_CHECKS],
  );
}

export function findingsOnWrite(findings: FindingStore, log: (line: string) => void) {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    await next();
    const resolved = c.get('apiOperation');
    if (resolved === undefined || !resolved.operation.write) return;
    if (c.res.status < 200 || c.res.status >= 300) return;
    const chatbotId = resolved.parameters.chatbotId;
    if (chatbotId === undefined) return;
    try {
      if (resolved.operation.name === 'delete') {
        const id = resolved.parameters.organizationId;
        if (id !== undefined)
          await updateFindingsAfterWrite(findings, chatbotId, { kind: 'deleted', id });
        return;
      }
      const body = (await c.res.clone().json()) as { organization?: OrganizationDto };
      const organization = body.organization;
      if (organization === undefined || typeof organization.id !== 'string') return;
      await updateFindingsAfterWrite(findings, chatbotId, { kind: 'written', organization });
    } catch (error) {
      log(
        `data quality: findings of a written record not updated: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
}
