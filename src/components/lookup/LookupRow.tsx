import {
  IconAt,
  IconChevronDown,
  IconChevronUp,
  IconHash,
  IconPin,
  IconPinnedFilled,
  IconWorld,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { LookupRowData } from '../../lib/lookup/lookupRows.ts';
import { Highlight } from '../Highlight.tsx';
import { LookupCopyButton } from './LookupCopyButton.tsx';
import classes from './Lookup.module.css';
import { contactsCountText } from '../../lib/search/contactsCountText.ts';

interface LookupRowProps {
  row: LookupRowData;
  /** The element id (the search box's keys point at it). */
  elementId: string;
  active: boolean;
  href: string;
  /** Open the full console in a new tab (framed in a chat tool). */
  newTab: boolean;
  contactsCount: number | undefined;
  pinned: boolean;
  /** Pins can be changed (not while it is unknown where they are kept). */
  canPin: boolean;
  expanded: boolean;
  /** The key of the value last copied (`organization-id:what`). */
  copiedKey: string | null;
  contacts: ReactNode;
  onCopy: (key: string, what: string, value: string) => void;
  onTogglePin: () => void;
  onToggleContacts: () => void;
  onOpen: () => void;
}

/**
 * One organization in the lookup: its name (a link into the full console), the field that matched,
 * where it is and how many contacts it has (what tells look-alikes apart), and its buttons: copy
 * e-mail, website and id; pin; show its contacts.
 */
export function LookupRow(props: LookupRowProps) {
  const { row, copiedKey, onCopy } = props;
  const displayName = row.name.trim() === '' ? '(no name)' : row.name;
  const place = [row.city, row.country].filter((part) => part && part.trim() !== '').join(', ');
  const meta = [place, contactsCountText(props.contactsCount)].filter(Boolean).join(' · ');
  const contactsId = `${props.elementId}-contacts`;
  const copy = (what: 'email' | 'website' | 'id', label: string, value: string | undefined) =>
    value ? (
      <LookupCopyButton
        what={label}
        of={displayName}
        icon={
          what === 'email' ? (
            <IconAt size={16} aria-hidden="true" />
          ) : what === 'website' ? (
            <IconWorld size={16} aria-hidden="true" />
          ) : (
            <IconHash size={16} aria-hidden="true" />
          )
        }
        copied={copiedKey === `${row.id}:${what}`}
        onCopy={() => onCopy(`${row.id}:${what}`, `${label} of ${displayName}`, value)}
      />
    ) : null;

  return (
    <li
      id={props.elementId}
      className={classes.row}
      aria-current={props.active ? 'true' : undefined}
    >
      <div className={classes.rowMain}>
        <div className={classes.rowText}>
          <a
            className={classes.name}
            href={props.href}
            target={props.newTab ? '_blank' : undefined}
            rel={props.newTab ? 'noopener' : undefined}
            dir="auto"
            onClick={props.onOpen}
          >
            {row.nameHighlight ? <Highlight {...row.nameHighlight} /> : displayName}
          </a>
          {row.match ? (
            <div className={classes.line}>
              <span className={classes.matchLabel}>{row.match.label}</span> —{' '}
              <bdi>
                <Highlight {...row.match.highlight} />
              </bdi>
            </div>
          ) : row.email || row.website ? (
            <div className={classes.line}>
              <bdi>{row.email ?? row.website}</bdi>
            </div>
          ) : null}
          {meta !== '' ? <div className={classes.meta}>{meta}</div> : null}
        </div>
      </div>
      <div className={classes.actions}>
        {copy('email', 'e-mail', row.email)}
        {copy('website', 'website', row.website)}
        {copy('id', 'id', row.id)}
        {props.canPin ? (
          <button
            type="button"
            className={classes.iconButton}
            aria-pressed={props.pinned}
            aria-label={`Pin ${displayName}`}
            title={props.pinned ? `Unpin ${displayName}` : `Pin ${displayName}`}
            onClick={props.onTogglePin}
          >
            {props.pinned ? (
              <IconPinnedFilled size={16} aria-hidden="true" />
            ) : (
              <IconPin size={16} aria-hidden="true" />
            )}
          </button>
        ) : null}
        <button
          type="button"
          className={classes.iconButton}
          aria-expanded={props.expanded}
          aria-controls={props.expanded ? contactsId : undefined}
          aria-label={`Contacts of ${displayName}`}
          title={props.expanded ? 'Hide contacts' : 'Show contacts'}
          onClick={props.onToggleContacts}
        >
          {props.expanded ? (
            <IconChevronUp size={16} aria-hidden="true" />
          ) : (
            <IconChevronDown size={16} aria-hidden="true" />
          )}
        </button>
      </div>
      {props.expanded ? props.contacts : null}
    </li>
  );
}
