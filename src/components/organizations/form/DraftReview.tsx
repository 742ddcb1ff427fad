import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { FieldVersions } from '../../../lib/organizations/organizationFormChanges.ts';
import { FieldVersionsTable } from './FieldVersionsTable.tsx';

interface DraftReviewProps {
  /** "3 hours ago" */
  savedAgo: string;
  fields: readonly FieldVersions[];
  onApply: () => void;
  onDiscard: () => void;
}

/**
 * A draft kept in the browser that was made on an older version of the organization (it was
 * saved since): both versions side by side, and the choice; never applied unasked.
 */
export function DraftReview({ savedAgo, fields, onApply, onDiscard }: DraftReviewProps) {
  return (
    <Alert color="yellow" variant="light" title="Unsaved changes from an earlier visit" maw={1000}>
      <Stack gap="sm">
        <Text size="sm">
          This browser kept changes you made {savedAgo} without saving them. The organization has
          been saved since, so they were made to an older version. Applying them changes only the
          fields you changed (in bold) in the current version; nothing is saved until you press
          Save.
        </Text>
        <FieldVersionsTable
          label="Your draft and the current version"
          fields={fields}
          columns={['When you started', 'Your draft', 'Saved now']}
        />
        <Group gap="xs">
          <Button onClick={onApply}>Apply my changes to the current version</Button>
          <Button variant="default" onClick={onDiscard}>
            Discard the draft
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
