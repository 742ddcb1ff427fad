import { Anchor, Stack } from '@mantine/core';
import { Link } from 'react-router';
import classes from './ContactsTable.module.css';

/** The other organizations a contact belongs to, each a link (its name when known, else its id). */
export function OtherOrganizations({
  ids,
  organizationPath,
  organizationName,
}: {
  ids: readonly string[];
  organizationPath: (id: string) => string;
  organizationName: (id: string) => string | undefined;
}) {
  if (ids.length === 0) return null;
  return (
    <Stack gap={2}>
      {ids.map((id) => (
        <Anchor
          key={id}
          component={Link}
          to={organizationPath(id)}
          size="sm"
          className={classes.text}
        >
          {organizationName(id) ?? `Organization ${id}`}
        </Anchor>
      ))}
    </Stack>
  );
}
