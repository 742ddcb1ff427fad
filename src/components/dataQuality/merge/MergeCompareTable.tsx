// The records of a duplicate group side by side: a column per record (its name, its contact count
// and "Keep this record"), a row per field and per variable. Where the records differ, each value
// is a radio button: the one chosen is what the record that stays keeps. Rows scroll sideways on
// a narrow screen with the field's name held at the start.
import { Radio, Text, VisuallyHidden } from '@mantine/core';
import type { Organization } from '../../../lib/shared/apiTypes.ts';
import { displayText } from '../../../lib/shared/displayText.ts';
import { mergeRows, type MergeChoices } from '../../../lib/cleanup/mergePlan.ts';
import classes from './Merge.module.css';

export interface MergeCompareTableProps {
  records: readonly Organization[];
  /** Each record's contact count; undefined while it is read. */
  contacts: ReadonlyMap<string, number | undefined>;
  choices: MergeChoices;
  onSurvivor: (id: string) => void;
  /** `field` is `name`, `address.country`… or `variables.<key>`. */
  onPick: (field: string, recordId: string) => void;
}

function contactText(count: number | undefined): string {
  if (count === undefined) return 'Counting contacts…';
  if (count === 0) return 'No contacts';
  return count === 1 ? '1 contact' : `${count.toLocaleString('en')} contacts`;
}

function chosenFor(choices: MergeChoices, field: string): string | undefined {
  if (field.startsWith('variables.')) return choices.variables[field.slice('variables.'.length)];
  return choices.fields[field as keyof MergeChoices['fields']];
}

export function MergeCompareTable({
  records,
  contacts,
  choices,
  onSurvivor,
  onPick,
}: MergeCompareTableProps) {
  const rows = mergeRows(records);
  const nameOf = (record: Organization) => displayText(record.name) || '(no name)';
  return (
    <div>
      <Text size="sm" c="dimmed" mb={6}>
        Where the records differ (•), choose the value the record that stays keeps.
      </Text>
      <div className={classes.scroller}>
        <table className={classes.table}>
          <VisuallyHidden component="caption">
            The records side by side: choose the one that stays and, where they differ, the value it
            keeps
          </VisuallyHidden>
          <thead>
            <tr>
              <th scope="col">Field</th>
              {records.map((record) => (
                <th
                  key={record.id}
                  scope="col"
                  className={record.id === choices.survivorId ? classes.survivor : undefined}
                >
                  <Text fw={700} size="sm">
                    <bdi>{nameOf(record)}</bdi>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {contactText(contacts.get(record.id))} · created{' '}
                    {new Date(record.created).toLocaleDateString('en')}
                  </Text>
                  <Radio
                    mt={6}
                    size="xs"
                    name="survivor"
                    value={record.id}
                    checked={record.id === choices.survivorId}
                    onChange={() => onSurvivor(record.id)}
                    label="Keep this record"
                    aria-label={`Keep ${nameOf(record)}`}
                  />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const chosen = chosenFor(choices, row.field);
              return (
                <tr key={row.field} className={row.conflicting ? classes.conflict : undefined}>
                  <th scope="row">
                    <bdi>{displayText(row.label)}</bdi>
                  </th>
                  {row.values.map((cell) => {
                    const record = records.find((r) => r.id === cell.recordId)!;
                    const shown = cell.has ? (
                      <bdi>{displayText(cell.value) || ' '}</bdi>
                    ) : (
                      <Text span size="sm" c="dimmed">
                        Not set
                      </Text>
                    );
                    return (
                      <td
                        key={cell.recordId}
                        className={
                          cell.recordId === choices.survivorId ? classes.survivor : undefined
                        }
                      >
                        {row.conflicting ? (
                          <Radio
                            size="xs"
                            name={`pick-${row.field}`}
                            value={cell.recordId}
                            checked={chosen === cell.recordId}
                            onChange={() => onPick(row.field, cell.recordId)}
                            label={shown}
                            aria-label={`${row.label}: ${cell.has ? cell.value || 'empty' : 'not set'}, from ${nameOf(record)}`}
                          />
                        ) : (
                          shown
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
