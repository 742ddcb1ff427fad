import { CloseButton, Loader, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { focusFirstResult, registerSearchBoxFocus } from './resultsFocus.ts';
import classes from './SearchBox.module.css';

interface SearchBoxProps {
  value: string;
  /** Every keystroke. */
  onChange: (value: string) => void;
  /** Enter or leaving the box: the text is a search the user means (kept in history). */
  onCommit: () => void;
  onClear: () => void;
  /** A search is loading. */
  busy: boolean;
}

/**
 * The search field of the organizations page: type to search, Enter to keep, Esc to clear, ↓ to
 * the first result (↑ there comes back).
 */
export const SearchBox = memo(function SearchBox({
  value,
  onChange,
  onCommit,
  onClear,
  busy,
}: SearchBoxProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(
    () =>
      registerSearchBoxFocus(() => {
        inputRef.current?.focus();
        return inputRef.current !== null;
      }),
    [],
  );
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && value.trim() !== '') {
      // Into the results; the search is kept as the user leaves the box (onBlur).
      if (focusFirstResult()) event.preventDefault();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onCommit();
    } else if (event.key === 'Escape' && value !== '') {
      event.preventDefault();
      onClear();
    }
  };
  return (
    <TextInput
      ref={inputRef}
      type="search"
      aria-label="Search organizations"
      aria-keyshortcuts="ArrowDown"
      placeholder="Search name, email, website, industry, address…"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onKeyDown={handleKeyDown}
      onBlur={onCommit}
      classNames={{ input: classes.input }}
      leftSection={
        busy ? (
          <Loader size={16} role="progressbar" aria-label="Searching" />
        ) : (
          <IconSearch size={16} aria-hidden="true" />
        )
      }
      rightSection={
        value !== '' ? <CloseButton size="sm" aria-label="Clear search" onClick={onClear} /> : null
      }
      rightSectionPointerEvents={value !== '' ? 'all' : 'none'}
      autoComplete="off"
      spellCheck={false}
      w="100%"
      maw={560}
    />
  );
});
