// What a merge will do before it is done: the record that stays, each of its fields before →
// after, and for every other record whether it is deleted or kept and marked (and why); then what
// it did, record by record.
import { Alert, List, Stack, Text, Title } from '@mantine/core';
import type { MergeOutcome } from '../../../hooks/cleanup/useMergeDuplicates.ts';
import { displayText } from '../../../lib/shared/displayText.ts';
import { DUPLICATE_OF, type MergePlan } from '../../../lib/cleanup/mergePlan.ts';
import classes from './Merge.module.css';

const name = (text: string) => <bdi>{displayText(text) || '(no name)'}</bdi>;
const value = (text: string) =>
  text === '' ? (
    <Text span size="sm" c="dimmed">
      not set
    </Text>
  ) : (
    <bdi>“{displayText(text)}”</bdi>
  );

const NO_MOVE =
  'The API cannot move contacts to another organization, so a record with contacts is kept.';

export function MergePreview({ plan }: { plan: MergePlan }) {
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {name(plan.survivor.name)} stays
      </Title>
      {plan.changes.length === 0 ? (
        <Text size="sm">Its fields do not change.</Text>
      ) : (
        <dl className={classes.changes} aria-label="Changes to the record that stays">
          {plan.changes.map((change) => (
            <div key={change.field} style={{ display: 'contents' }}>
              <dt>
                <bdi>{displayText(change.label)}</bdi>
              </dt>
              <dd>
                {value(change.before)} → {value(change.after)}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <Title order={3} size="h5">
        The other {plan.others.length === 1 ? 'record' : `${plan.others.length} records`}
      </Title>
      <List spacing={4} size="sm">
        {plan.others.map((other) => (
          <List.Item key={other.record.id}>
            {name(other.record.name)}:{' '}
            {other.kind === 'delete'
              ? 'deleted (it has no contacts).'
              : other.reason === 'contacts'
                ? `kept and marked ${DUPLICATE_OF} = this record’s id, because it has ${other.contacts === 1 ? 'a contact' : `${other.contacts.toLocaleString('en')} contacts`}. ${NO_MOVE}`
                : `kept and marked ${DUPLICATE_OF} = this record’s id, because your role may not delete organizations.`}
          </List.Item>
        ))}
      </List>
      {plan.problems.length > 0 && (
        <Alert color="red" variant="light" role="alert" title="This merge cannot be saved">
          <List size="sm">
            {plan.problems.map((problem) => (
              <List.Item key={problem}>{displayText(problem)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

export function MergeResult({ outcome }: { outcome: Extract<MergeOutcome, { kind: 'merged' }> }) {
  const failed = outcome.others.filter((other) => other.kind === 'failed').length;
  return (
    <Alert
      color={failed > 0 ? 'yellow' : 'green'}
      variant="light"
      role="status"
      title={failed > 0 ? 'Merged, but not every record could be changed' : 'Merged'}
    >
      <Stack gap={6}>
        <Text size="sm">{name(outcome.survivor.name)} stays, with the values chosen.</Text>
        <List size="sm" spacing={4}>
          {outcome.others.map((other) => (
            <List.Item key={other.id}>
              {name(other.name)}:{' '}
              {other.kind === 'deleted'
                ? 'deleted.'
                : other.kind === 'marked'
                  ? other.reason === 'contacts'
                    ? `kept, marked ${DUPLICATE_OF}: it has ${other.contacts === 1 ? 'a contact' : `${other.contacts.toLocaleString('en')} contacts`}, and ${NO_MOVE.charAt(0).toLowerCase()}${NO_MOVE.slice(1)}`
                    : `kept, marked ${DUPLICATE_OF}: your role may not delete organizations.`
                  : `not changed: ${displayText(other.message)}`}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}
