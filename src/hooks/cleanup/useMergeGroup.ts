// A group of likely duplicates as the merge page compares it: the group (its members, from the
// last scan), the records chosen to compare (the first few at first) read afresh, and each one's
// contact count (what decides whether it can be deleted).
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Organization } from '../../api/types.ts';
import { mergeQueries } from '../queries/mergeQueries.ts';
import { organizationQueries } from '../queries/organizationQueries.ts';

/** Records compared at first: more fit a wide screen, but a group can have hundreds. */
const FIRST_COMPARED = 4;

export function useMergeGroup(chatbotId: string, check: string, key: string) {
  const group = useQuery({ ...mergeQueries.group(chatbotId, check, key), enabled: key !== '' });
  const members = group.data?.members ?? [];
  const [included, setIncluded] = useState<readonly string[] | null>(null);
  const compared = included ?? members.slice(0, FIRST_COMPARED).map((m) => m.recordId);

  const details = useQueries({
    queries: compared.map((id) => organizationQueries.detail(chatbotId, id)),
  });
  const contactQueries = useQueries({
    queries: compared.map((id) => organizationQueries.contacts(chatbotId, id)),
  });
  const records: Organization[] = details.flatMap((query) =>
    query.data?.organization ? [query.data.organization] : [],
  );
  const contacts: ReadonlyMap<string, number | undefined> = new Map(
    compared.map((id, i) => [id, contactQueries[i]?.data?.contacts.length] as const),
  );
  const loading =
    group.isPending ||
    details.some((query) => query.isPending) ||
    contactQueries.some((query) => query.isPending);
  const failed =
    group.error ??
    details.find((query) => query.error !== null)?.error ??
    contactQueries.find((query) => query.error !== null)?.error ??
    null;

  return {
    group: group.data,
    members,
    /** The ids of the records compared, in order. */
    compared,
    records,
    contacts,
    loading,
    failed,
    /** Adds the record to the comparison, or takes it out. */
    toggle: (id: string) =>
      setIncluded(compared.includes(id) ? compared.filter((c) => c !== id) : [...compared, id]),
    /** Reads the compared records and their contacts again (the latest versions). */
    refetch: () => {
      for (const query of details) void query.refetch();
      for (const query of contactQueries) void query.refetch();
    },
  };
}
