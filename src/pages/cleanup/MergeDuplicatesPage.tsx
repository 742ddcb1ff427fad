// mergePath() in src/routes.ts (`…/data-quality/:check/merge?key=`): one group of likely duplicates merged.
// Choose the records to compare (two or more), the one that stays and, where they differ, the
// value it keeps (variables key by key); preview; merge (hooks/cleanup/useMergeDuplicates.ts). The record
// with the most contacts is offered as the one that stays, since contacts cannot be moved.
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Radio.css';
import { Alert, Button, Checkbox, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Organization } from '../../api/types.ts';
import { MergeCompareTable } from '../../components/dataQuality/merge/MergeCompareTable.tsx';
import { MergePreview, MergeResult } from '../../components/dataQuality/merge/MergePreview.tsx';
import { dataQualityPath } from '../../routes.ts';
import { PageLayout } from '../../components/shell/PageLayout.tsx';
import { mergeQueries } from '../../hooks/queries/mergeQueries.ts';
import { organizationQueries } from '../../hooks/queries/organizationQueries.ts';
import { useMergeDuplicates, type MergeOutcome } from '../../hooks/cleanup/useMergeDuplicates.ts';
import { useWriteAccess } from '../../hooks/organizations/useWriteAccess.ts';
import { displayText } from '../../lib/shared/displayText.ts';
import { mergeDefaults, mergePlan, type MergeChoices } from '../../lib/cleanup/mergePlan.ts';

/** Records compared at first: more fit a wide screen, but a group can have hundreds. */
const FIRST_COMPARED = 4;

type Picks = Pick<MergeChoices, 'fields' | 'variables'>;

/** The record with the most contacts, then the oldest: its contacts stay where they are. */
function likelySurvivor(
  records: readonly Organization[],
  contacts: ReadonlyMap<string, number | undefined>,
) {
  return [...records].sort(
    (a, b) =>
      (contacts.get(b.id) ?? 0) - (contacts.get(a.id) ?? 0) ||
      Date.parse(a.created) - Date.parse(b.created),
  )[0]?.id;
}

export function MergeDuplicatesPage() {
  const { chatbotId = '', check = '' } = useParams();
  const [params] = useSearchParams();
  const key = params.get('key') ?? '';
  const backHref = dataQualityPath(chatbotId, check);
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
  const records = details.flatMap((query) =>
    query.data?.organization ? [query.data.organization] : [],
  );
  const contacts = new Map(
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

  const [survivorChoice, setSurvivorChoice] = useState<string | null>(null);
  const [picks, setPicks] = useState<Picks>({ fields: {}, variables: {} });
  const [step, setStep] = useState<'compare' | 'preview'>('compare');
  const [outcome, setOutcome] = useState<MergeOutcome | null>(null);
  const denials = useWriteAccess(chatbotId);
  const merger = useMergeDuplicates(chatbotId);

  const survivorId =
    survivorChoice !== null && compared.includes(survivorChoice)
      ? survivorChoice
      : likelySurvivor(records, contacts);
  const defaults = survivorId === undefined ? null : mergeDefaults(records, survivorId);
  const choices: MergeChoices | null =
    defaults === null
      ? null
      : {
          survivorId: defaults.survivorId,
          fields: { ...defaults.fields, ...picks.fields },
          variables: { ...defaults.variables, ...picks.variables },
        };
  const allCounted = [...contacts.values()].every((count) => count !== undefined);
  const plan =
    choices !== null && records.length >= 2 && records.length === compared.length && allCounted
      ? mergePlan(
          records,
          choices,
          contacts as ReadonlyMap<string, number>,
          denials.deleteOrganization === undefined,
        )
      : null;

  const pick = (field: string, recordId: string) =>
    setPicks((previous) =>
      field.startsWith('variables.')
        ? {
            ...previous,
            variables: { ...previous.variables, [field.slice('variables.'.length)]: recordId },
          }
        : { ...previous, fields: { ...previous.fields, [field]: recordId } },
    );
  const toggle = (id: string) => {
    setStep('compare');
    setIncluded(compared.includes(id) ? compared.filter((c) => c !== id) : [...compared, id]);
  };
  const apply = async () => {
    if (plan === null) return;
    setOutcome(await merger.apply(plan));
  };
  const review = () => {
    setOutcome(null);
    setStep('compare');
    for (const query of details) void query.refetch();
    for (const query of contactQueries) void query.refetch();
  };

  const groupName = group.data?.reason ?? 'Likely duplicates';
  return (
    <PageLayout
      title="Merge duplicates"
      meta={group.data ? `${group.data.groupSize.toLocaleString('en')} in this group` : undefined}
      actions={
        <Button variant="default" size="sm" component={Link} to={backHref}>
          Back to the findings
        </Button>
      }
    >
      <Stack gap="md">
        {key === '' ? (
          <Alert color="red" variant="light" role="alert" title="No group given">
            <Text size="sm">Open a group from a duplicate check’s findings.</Text>
          </Alert>
        ) : outcome?.kind === 'merged' ? (
          <Stack gap="sm">
            <MergeResult outcome={outcome} />
            <Group gap="xs">
              <Button component={Link} to={backHref}>
                Back to the findings
              </Button>
            </Group>
          </Stack>
        ) : failed !== null && !loading ? (
          <Alert color="red" variant="light" role="alert" title="Couldn’t load this group">
            <Group gap="sm" justify="space-between">
              <Text size="sm">{failed.message}</Text>
              <Button size="xs" variant="default" onClick={review}>
                Try again
              </Button>
            </Group>
          </Alert>
        ) : loading ? (
          <Stack gap="sm" aria-busy="true" aria-label="Loading the group">
            <Skeleton height={24} />
            <Skeleton height={200} />
          </Stack>
        ) : (
          <>
            <Text size="sm">
              <bdi>{displayText(groupName)}</bdi>
            </Text>
            <Checkbox.Group
              label="Records to compare (two or more)"
              value={[...compared]}
              description={
                group.data?.truncated
                  ? `The first ${members.length} of ${group.data.groupSize.toLocaleString('en')} are listed.`
                  : undefined
              }
            >
              <Group gap="md" mt={6}>
                {members.map((member) => (
                  <Checkbox
                    key={member.recordId}
                    value={member.recordId}
                    label={<bdi>{displayText(member.name) || '(no name)'}</bdi>}
                    onChange={() => toggle(member.recordId)}
                  />
                ))}
              </Group>
            </Checkbox.Group>
            {compared.length < 2 || choices === null ? (
              <Text size="sm" c="dimmed">
                Choose at least two records to compare.
              </Text>
            ) : (
              <MergeCompareTable
                records={records}
                contacts={contacts}
                choices={choices}
                onSurvivor={(id) => {
                  setSurvivorChoice(id);
                  setStep('compare');
                }}
                onPick={(field, id) => {
                  pick(field, id);
                  setStep('compare');
                }}
              />
            )}
            {denials.updateOrganization !== undefined && (
              <Text size="sm" c="dimmed">
                {denials.updateOrganization}
              </Text>
            )}
            {step === 'compare' ? (
              <Group gap="xs">
                <Button
                  onClick={() => setStep('preview')}
                  disabled={plan === null || denials.updateOrganization !== undefined}
                >
                  Preview the merge
                </Button>
              </Group>
            ) : (
              plan !== null && (
                <Stack gap="sm">
                  <MergePreview plan={plan} />
                  {outcome?.kind === 'changed' && (
                    <Alert color="yellow" variant="light" role="alert" title="Nothing was merged">
                      <Stack gap="xs">
                        <Text size="sm">
                          Someone changed{' '}
                          {outcome.names.map((changed, i) => (
                            <span key={i}>
                              {i > 0 ? ', ' : ''}
                              <bdi>{displayText(changed) || '(no name)'}</bdi>
                            </span>
                          ))}{' '}
                          since they were shown. Look at the latest versions and choose again.
                        </Text>
                        <Group>
                          <Button size="xs" onClick={review}>
                            Show the latest versions
                          </Button>
                        </Group>
                      </Stack>
                    </Alert>
                  )}
                  {outcome?.kind === 'failed' && (
                    <Alert color="red" variant="light" role="alert" title="The merge failed">
                      <Text size="sm">
                        {outcome.message} Nothing else was changed; try again, or go back to the
                        choices.
                      </Text>
                    </Alert>
                  )}
                  <Group gap="xs">
                    <Button
                      color="red"
                      onClick={() => void apply()}
                      loading={merger.applying}
                      disabled={plan.problems.length > 0 || outcome?.kind === 'changed'}
                    >
                      Merge {compared.length} records
                    </Button>
                    <Button variant="default" onClick={() => setStep('compare')}>
                      Back to the choices
                    </Button>
                  </Group>
                </Stack>
              )
            )}
          </>
        )}
      </Stack>
    </PageLayout>
  );
}
