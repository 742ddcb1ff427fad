import { IconSearch } from '@tabler/icons-react';
import type { KeyboardEvent, Ref } from 'react';
import classes from './Lookup.module.css';
import { LookupSchemeToggle } from './LookupSchemeToggle.tsx';

interface LookupSearchBarProps {
  inputRef: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  /** The box's keys (lib/lookup/lookupKeys.ts): choose, open, copy, pin, contacts. */
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** What the search found, read out politely (lib/lookup/lookupStatus.ts). */
  status: string | null;
}

/** The lookup's top: its search box, the colour scheme toggle and the line saying what was found. */
export function LookupSearchBar({
  inputRef,
  value,
  onChange,
  onKeyDown,
  status,
}: LookupSearchBarProps) {
  return (
    <div className={classes.top}>
      <div className={classes.searchRow}>
        <div className={classes.searchField}>
          <IconSearch size={16} aria-hidden="true" className={classes.searchIcon} />
          <input
            ref={inputRef}
            className={classes.input}
            type="search"
            value={value}
            onChange={(event) => onChange(event.currentTarget.value)}
            onKeyDown={onKeyDown}
            aria-label="Look up an organization"
            aria-describedby="lookup-keys"
            placeholder="Name, e-mail, domain or city"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <LookupSchemeToggle />
      </div>
      <p className={`${classes.meta} ${classes.status}`} aria-live="polite">
        {status}
      </p>
    </div>
  );
}
