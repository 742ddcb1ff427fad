import { IconAt, IconPhone } from '@tabler/icons-react';
import { LookupCopyButton } from './LookupCopyButton.tsx';
import classes from './Lookup.module.css';

/** A panel shows the first few; the organization's page has all of them, with a filter. */
const MAX_CONTACTS_SHOWN = 20;

export interface LookupContact {
  id: string;
  name: string;
  email?: string | undefined;
  phoneNumber?: string | undefined;
}

interface LookupContactsProps {
  id: string;
  organizationName: string;
  contacts: LookupContact[] | undefined;
  error: string | null;
  /** The key of the value last copied (`contact-id:what`), shown as copied. */
  copiedKey: string | null;
  onCopy: (key: string, what: string, value: string) => void;
}

/** An organization's contacts, expanded under its row: name, e-mail and phone, each copyable. */
export function LookupContacts({
  id,
  organizationName,
  contacts,
  error,
  copiedKey,
  onCopy,
}: LookupContactsProps) {
  if (error !== null) {
    return (
      <p id={id} className={classes.error} role="alert">
        Couldn&apos;t load the contacts: {error}
      </p>
    );
  }
  if (contacts === undefined) {
    return (
      <div
        id={id}
        role="status"
        aria-busy="true"
        aria-label={`Loading the contacts of ${organizationName}`}
      >
        <span className={classes.skeleton} style={{ width: '70%' }} />
        <span className={classes.skeleton} style={{ width: '50%' }} />
      </div>
    );
  }
  if (contacts.length === 0) {
    return (
      <p id={id} className={`${classes.meta} ${classes.contacts}`}>
        {organizationName.trim() === '' ? 'This organization' : organizationName} has no contacts.
      </p>
    );
  }
  const shown = contacts.slice(0, MAX_CONTACTS_SHOWN);
  const more = contacts.length - shown.length;
  return (
    <ul id={id} className={classes.contacts} aria-label={`Contacts of ${organizationName}`}>
      {shown.map((contact) => {
        const name = contact.name.trim() === '' ? '(no name)' : contact.name;
        return (
          <li key={contact.id} className={classes.contact}>
            <span className={classes.contactName} dir="auto">
              {name}
            </span>
            {contact.email ? (
              <span>
                <bdi>{contact.email}</bdi>
                <LookupCopyButton
                  what="e-mail"
                  of={name}
                  icon={<IconAt size={14} aria-hidden="true" />}
                  copied={copiedKey === `${contact.id}:email`}
                  onCopy={() =>
                    onCopy(`${contact.id}:email`, `e-mail of ${name}`, contact.email ?? '')
                  }
                />
              </span>
            ) : null}
            {contact.phoneNumber ? (
              <span>
                <bdi>{contact.phoneNumber}</bdi>
                <LookupCopyButton
                  what="phone"
                  of={name}
                  icon={<IconPhone size={14} aria-hidden="true" />}
                  copied={copiedKey === `${contact.id}:phone`}
                  onCopy={() =>
                    onCopy(`${contact.id}:phone`, `phone of ${name}`, contact.phoneNumber ?? '')
                  }
                />
              </span>
            ) : null}
          </li>
        );
      })}
      {more > 0 ? (
        <li className={`${classes.contact} ${classes.meta}`}>
          and {more.toLocaleString('en')} more: open the organization for all of them.
        </li>
      ) : null}
    </ul>
  );
}
