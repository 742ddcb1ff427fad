import { Button } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { describeInvisible, withoutInvisible } from '../../../lib/organizations/invisibleText.ts';
import type { StoredValueProblem } from '../../../lib/organizations/storedValueProblems.ts';
import classes from './FieldNotes.module.css';

export interface StoredNote {
  problem: StoredValueProblem;
  /** The stored value: the note shows while the field still holds it. */
  value: string;
}

/**
 * What a field shows under its input besides an error: a stored value that breaks today's rules
 * (with its fix), and characters a person cannot see (shown as named markers, with "Remove
 * them"). Undefined when there is nothing to say.
 */
export function useFieldNotes(name: string, stored?: StoredNote, multiline = false): ReactNode {
  const { control, setValue } = useFormContext<Record<string, unknown>>();
  const watched = useWatch({ control, name });
  const value = typeof watched === 'string' ? watched : '';
  const invisible = useMemo(() => describeInvisible(value, { multiline }), [value, multiline]);
  const storedProblem =
    stored !== undefined && value.trim() === stored.value.trim() ? stored.problem : undefined;
  if (storedProblem === undefined && invisible === undefined) return undefined;

  const set = (next: string) =>
    setValue(name, next, { shouldDirty: true, shouldValidate: true, shouldTouch: true });
  return (
    <span className={classes.notes}>
      {storedProblem !== undefined && (
        <span className={classes.note}>
          <span>{storedProblem.message} It is kept as it is unless you change it.</span>
          {storedProblem.fix !== undefined && (
            <Button
              size="compact-xs"
              variant="light"
              className={classes.fix}
              onClick={() => set(storedProblem.fix!.value)}
            >
              {storedProblem.fix.label}
            </Button>
          )}
        </span>
      )}
      {invisible !== undefined && (
        <span className={classes.note}>
          <span>Hidden characters: {invisible.description}.</span>
          <bdi className={classes.preview}>
            {invisible.parts.map((part, index) =>
              part.kind === 'text' ? (
                part.text
              ) : (
                <abbr key={index} className={classes.marker} title={part.name}>
                  {part.label}
                </abbr>
              ),
            )}
          </bdi>
          <Button
            size="compact-xs"
            variant="light"
            className={classes.fix}
            onClick={() => set(withoutInvisible(value, { multiline }))}
          >
            Remove them
          </Button>
        </span>
      )}
    </span>
  );
}
