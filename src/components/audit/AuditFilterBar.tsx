import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconChevronDown } from '@tabler/icons-react';
import { useId, useState, type FormEvent } from 'react';
import {
  AUDIT_OPERATIONS,
  NO_AUDIT_FILTERS,
  hasAuditFilters,
  type AuditFilterValues,
  type AuditOperation,
} from '../../lib/audit/auditFilters.ts';
import classes from './AuditFilterBar.module.css';

interface AuditFilterBarProps {
  /** The filters in the URL; the form starts from them and is reset when they change. */
  values: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
}

/** How many of the filters in force are set (for the narrow window's "Filters · 2 set"). */
function countSet(values: AuditFilterValues): number {
  return [values.person, values.organization, values.operation, values.from, values.to].filter(
    (value) => value !== '',
  ).length;
}

/**
 * Person, organization, operation and a range of days; applied together, into the URL. In a
 * narrow window (under 40em) the fields fold behind a "Filters" button, so the trail itself
 * starts near the top rather than five rows of fields down.
 */
export function AuditFilterBar({ values, onApply }: AuditFilterBarProps) {
  const [open, setOpen] = useState(false);
  const fieldsId = useId();
  const setCount = countSet(values);
  const [typed, setTyped] = useState(values);
  const [shown, setShown] = useState(values);
  // The URL changed (Back, a link): the form shows the filters in force.
  if (shown !== values) {
    setShown(values);
    setTyped(values);
  }
  const set = <K extends keyof AuditFilterValues>(name: K, value: AuditFilterValues[K]) =>
    setTyped((current) => ({ ...current, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(typed);
  };
  return (
    <form className={classes.bar} onSubmit={submit} aria-label="Filter the audit trail">
      <Group gap="xs" className={classes.toggleRow}>
        <Button
          variant="default"
          size="sm"
          leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden="true" />}
          rightSection={
            <IconChevronDown
              size={14}
              aria-hidden="true"
              className={open ? classes.chevronOpen : undefined}
            />
          }
          aria-expanded={open}
          aria-controls={fieldsId}
          onClick={() => setOpen((was) => !was)}
        >
          {setCount === 0 ? 'Filters' : `Filters · ${setCount} set`}
        </Button>
        {setCount > 0 && !open && (
          <Button variant="subtle" size="sm" onClick={() => onApply(NO_AUDIT_FILTERS)}>
            Clear
          </Button>
        )}
      </Group>
      <div id={fieldsId} className={classes.fields} data-open={open || undefined}>
        <TextInput
          label="Person (e-mail)"
          value={typed.person}
          onChange={(event) => set('person', event.currentTarget.value)}
          maxLength={1000}
          className={classes.wide}
        />
        <TextInput
          label="Organization id"
          value={typed.organization}
          onChange={(event) => set('organization', event.currentTarget.value)}
          maxLength={1000}
          className={classes.wide}
        />
        <NativeSelect
          label="Operation"
          value={typed.operation}
          onChange={(event) => set('operation', event.currentTarget.value as AuditOperation | '')}
          data={[
            { value: '', label: 'Any' },
            ...AUDIT_OPERATIONS.map((operation) => ({ value: operation, label: operation })),
          ]}
        />
        <TextInput
          type="date"
          label="From (UTC)"
          value={typed.from}
          onChange={(event) => set('from', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="To (UTC)"
          value={typed.to}
          onChange={(event) => set('to', event.currentTarget.value)}
          error={
            typed.from !== '' && typed.to !== '' && typed.from > typed.to
              ? '“To” is before “From”'
              : undefined
          }
        />
        <Group gap="xs" className={classes.buttons}>
          <Button
            type="submit"
            disabled={typed.from !== '' && typed.to !== '' && typed.from > typed.to}
          >
            Apply filters
          </Button>
          {hasAuditFilters(values) && (
            <Button variant="default" onClick={() => onApply(NO_AUDIT_FILTERS)}>
              Clear
            </Button>
          )}
        </Group>
      </div>
    </form>
  );
}
