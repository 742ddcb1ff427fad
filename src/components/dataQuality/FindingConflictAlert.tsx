import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { Organization } from '../../lib/shared/apiTypes.ts';
import { fieldLabel, fieldValue } from '../../lib/cleanup/findingFields.ts';
import { displayText } from '../../lib/shared/displayText.ts';

interface FindingConflictAlertProps {
  field: string;
  /** The organization as stored now. */
  latest: Organization;
  /** The organization as it was shown; undefined when it could not be. */
  shown: Organization | undefined;
  onOverwrite: () => void;
  onTakeLatest: () => void;
}

/** A fix not saved because the record changed since it was shown: the newer value, and a choice. */
export function FindingConflictAlert({
  field,
  latest,
  shown,
  onOverwrite,
  onTakeLatest,
}: FindingConflictAlertProps) {
  return (
    <Alert
      color="yellow"
      variant="light"
      role="alert"
      title="Someone changed this organization meanwhile"
    >
      <Stack gap="xs">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          Nothing was saved. Its {fieldLabel(field).toLowerCase()} is now “
          {displayText(fieldValue(latest, field))}” (it was “
          {displayText(shown === undefined ? '' : fieldValue(shown, field))}” when shown).
        </Text>
        <Group gap="xs">
          <Button size="xs" onClick={onOverwrite}>
            Save mine anyway
          </Button>
          <Button size="xs" variant="default" onClick={onTakeLatest}>
            Keep theirs
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
