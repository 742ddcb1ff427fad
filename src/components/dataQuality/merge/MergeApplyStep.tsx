import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { MergeOutcome } from '../../../hooks/cleanup/useMergeDuplicates.ts';
import type { MergePlan } from '../../../lib/cleanup/mergePlan.ts';
import { displayText } from '../../../lib/shared/displayText.ts';
import { MergePreview } from './MergePreview.tsx';

interface MergeApplyStepProps {
  plan: MergePlan;
  /** How the last try went (a merge done is shown in place of the page); null before one. */
  outcome: MergeOutcome | null;
  /** How many records are merged (the button says it). */
  recordCount: number;
  applying: boolean;
  onApply: () => void;
  /** Shows the latest versions of the records (someone changed them meanwhile). */
  onReview: () => void;
  onBack: () => void;
}

/** The merge's preview, what stopped the last try, and the button that merges. */
export function MergeApplyStep({
  plan,
  outcome,
  recordCount,
  applying,
  onApply,
  onReview,
  onBack,
}: MergeApplyStepProps) {
  return (
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
              <Button size="xs" onClick={onReview}>
                Show the latest versions
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {outcome?.kind === 'failed' && (
        <Alert color="red" variant="light" role="alert" title="The merge failed">
          <Text size="sm">
            {outcome.message} Nothing else was changed; try again, or go back to the choices.
          </Text>
        </Alert>
      )}
      <Group gap="xs">
        <Button
          color="red"
          onClick={onApply}
          loading={applying}
          disabled={plan.problems.length > 0 || outcome?.kind === 'changed'}
        >
          Merge {recordCount} records
        </Button>
        <Button variant="default" onClick={onBack}>
          Back to the choices
        </Button>
      </Group>
    </Stack>
  );
}
