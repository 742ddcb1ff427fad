import { Anchor } from '@mantine/core';
import { CopyValueButton } from '../organizations/detail/CopyValueButton.tsx';
import classes from './ContactsTable.module.css';

/** An e-mail or phone number: a link when it is a plausible one, and a copy button. */
export function ContactValue({
  value,
  href,
  what,
}: {
  value: string | undefined;
  href: string | undefined;
  what: string;
}) {
  if (value === undefined || value === '') return null;
  return (
    <span className={classes.value}>
      {href === undefined ? (
        <span className={classes.text}>{value}</span>
      ) : (
        <Anchor href={href} size="sm" className={classes.text}>
          {value}
        </Anchor>
      )}
      <CopyValueButton value={value} what={what} />
    </span>
  );
}
