import { Stack, Text } from '@mantine/core';
import classes from './ContactsTable.module.css';

/** A contact's variables, one `key: value` a line. */
export function ContactVariables({ variables }: { variables: Record<string, string> }) {
  const entries = Object.entries(variables);
  if (entries.length === 0) return null;
  return (
    <Stack gap={0}>
      {entries.map(([key, value]) => (
        <Text key={key} size="xs" className={classes.text}>
          <Text span size="xs" c="dimmed">
            {key}:
          </Text>{' '}
          {value}
        </Text>
      ))}
    </Stack>
  );
}
