// mergePath() in src/routes.ts (`…/data-quality/:check/merge?key=`): one group of likely duplicates merged.
// Choose the records to compare (two or more), the one that stays and, where they differ, the
// value it keeps (variables key by key); preview; merge (hooks/cleanup/useMergeDuplicates.ts). The record
// with the most contacts is offered as the one that stays, since contacts cannot be moved
// (lib/cleanup/mergeChoices.ts).
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Radio.css';
import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { MergeApplyStep } from '../../components/dataQuality/merge/MergeApplyStep.tsx';
import { MergeCompareTable } from '../../components/dataQuality/merge/MergeCompareTable.tsx';
import { MergeResult } from '../../components/dataQuality/merge/MergePreview.tsx';
import { MergeRecordPicker } from '../../components/dataQuality/merge/MergeRecordPicker.tsx';
import { dataQualityPath } from '../../routes.ts';
import { PageLayout } from '../../components/shell/PageLayout.tsx';
import { useMergeChoices } from '../../hooks/cleanup/useMergeChoices.ts';
import { useMergeDuplicates, type MergeOutcome } from '../../hooks/cleanup/useMergeDuplicates.ts';
import { useMergeGroup } from '../../hooks/cleanup/useMergeGroup.ts';
import { useWriteAccess } from '../../hooks/organizations/useWriteAccess.ts';
import { displayText } from '../../lib/shared/displayText.ts';

export function MergeDuplicatesPage() {
  const { chatbotId = '', check = '' } = useParams();
  const [params] = useSearchParams();
  const key = params.get('key') ?? '';
  const backHref = dataQualityPath(chatbotId, check);
  const comparison = useMergeGroup(chatbotId, check, key);
  const { group, members, compared, records, contacts, loading, failed } = comparison;
  const denials = useWriteAccess(chatbotId);
  const mayDelete = denials.deleteOrganization === undefined;
  const { choices, plan, chooseSurvivor, pick } = useMergeChoices(
    compared,
    records,
    contacts,
    mayDelete,
  );
  const [step, setStep] = useState<'compare' | 'preview'>('compare');
  const [outcome, setOutcome] = useState<MergeOutcome | null>(null);
  const merger = useMergeDuplicates(chatbotId);

  const apply = async () => {
    if (plan === null) return;
    setOutcome(await merger.apply(plan));
  };
  const review = () => {
    setOutcome(null);
    setStep('compare');
    comparison.refetch();
  };

  const groupName = group?.reason ?? 'Likely duplicates';
  return (
    <PageLayout
      title="Merge duplicates"
      meta={group ? `${group.groupSize.toLocaleString('en')} in this group` : undefined}
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
            <MergeRecordPicker
              members={members}
              compared={compared}
              groupSize={group?.groupSize}
              truncated={group?.truncated ?? false}
              onToggle={(id) => {
                setStep('compare');
                comparison.toggle(id);
              }}
            />
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
                  chooseSurvivor(id);
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
                <MergeApplyStep
                  plan={plan}
                  outcome={outcome}
                  recordCount={compared.length}
                  applying={merger.applying}
                  onApply={() => void apply()}
                  onReview={review}
                  onBack={() => setStep('compare')}
                />
              )
            )}
          </>
        )}
      </Stack>
    </PageLayout>
  );
}
