import { Text } from '@mantine/core';
import type { Organization } from '../../lib/shared/apiTypes.ts';
import { fieldLabel, fieldValue } from '../../lib/cleanup/findingFields.ts';
import { displayText } from '../../lib/shared/displayText.ts';
import classes from './FindingQueue.module.css';

interface FindingRecordFieldsProps {
  record: Organization;
  /** The fields shown, in order. */
  fields: readonly string[];
  /** The field the finding is about (marked); '' when none. */
  field: string;
}

/** The record's main fields beside a finding, the one it is about marked. */
export function FindingRecordFields({ record, fields, field }: FindingRecordFieldsProps) {
  return (
    <dl className={classes.fields} aria-label="The organization’s fields">
      {fields.map((name) => (
        <div key={name} style={{ display: 'contents' }}>
          <dt className={name === field ? classes.highlight : undefined}>{fieldLabel(name)}</dt>
          <dd className={name === field ? classes.highlight : undefined}>
            {fieldValue(record, name) === '' ? (
              <Text span c="dimmed" size="sm">
                Not set
              </Text>
            ) : (
              displayText(fieldValue(record, name))
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
