// A group check's suggested fixes for one record, from the last scan's findings: an industry
// variant's fix (the spelling most records use) cannot be worked out from the record alone.
import type { FindingStore } from '../../store/index.ts';
import { GROUP_CHECKS, type CheckName } from '../checks/catalogue.ts';
import type { FieldValues } from './bulk-actions.ts';

const GROUPS: readonly string[] = GROUP_CHECKS;

export async function storedFixes(
  findings: FindingStore,
  chatbotId: string,
  recordId: string,
  check: CheckName,
): Promise<FieldValues> {
  if (!GROUPS.includes(check)) return {};
  const fixes: FieldValues = {};
  for (const finding of await findings.forRecord(chatbotId, recordId)) {
    const { field, fix } = finding.detail;
    if (finding.check !== check || typeof field !== 'string') continue;
    if (typeof fix === 'string' || typeof fix === 'number') fixes[field] = fix;
  }
  return fixes;
}
