// The findings of a check, the current one marked, a window of them around it (a queue is worked
// one at a time; thousands of rows need not be drawn). A click moves there; J/K do the same.
import { Checkbox, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { Finding } from '../../lib/shared/apiTypes.ts';
import { displayText } from '../../lib/shared/displayText.ts';
import { findingText } from '../../lib/cleanup/findingFields.ts';
import classes from './FindingQueue.module.css';

const BEFORE = 10;
const AFTER = 30;

export interface FindingListProps {
  findings: readonly Finding[];
  index: number;
  isSelected: (finding: Finding) => boolean;
  onPick: (index: number) => void;
  onToggle: (finding: Finding) => void;
  /** How many there are in all (the check's count), when more than are loaded. */
  total: number;
}

function summary(finding: Finding): string {
  const { detail } = finding;
  if (detail.reason !== undefined) return detail.reason;
  const value = findingText(detail.value);
  return value === '' ? 'Not set' : value;
}

export function FindingList({
  findings,
  index,
  isSelected,
  onPick,
  onToggle,
  total,
}: FindingListProps) {
  const currentRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    currentRef.current?.scrollIntoView({ block: 'nearest' });
  }, [index]);
  const start = Math.max(0, index - BEFORE);
  const end = Math.min(findings.length, index + AFTER);
  return (
    <div>
      <ul className={classes.list} aria-label="Findings">
        {findings.slice(start, end).map((finding, offset) => {
          const at = start + offset;
          const current = at === index;
          const name = finding.detail.name ?? '';
          return (
            <li key={`${finding.key}\u0000${finding.recordId}`}>
              <div className={`${classes.item} ${current ? classes.current : ''}`}>
                <Checkbox
                  size="xs"
                  checked={isSelected(finding)}
                  onChange={() => onToggle(finding)}
                  aria-label={`Select ${name === '' ? 'the organization without a name' : name}`}
                  tabIndex={-1}
                />
                <button
                  type="button"
                  ref={current ? currentRef : undefined}
                  className={classes.pick}
                  aria-current={current ? 'true' : undefined}
                  onClick={() => onPick(at)}
                >
                  <span className={classes.name}>
                    {name === '' ? '(no name)' : displayText(name)}
                  </span>
                  <span className={classes.value}>{displayText(summary(finding))}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <Text size="xs" c="dimmed" mt={4}>
        {`${(index + 1).toLocaleString('en')} of ${Math.max(total, findings.length).toLocaleString('en')}`}
      </Text>
    </div>
  );
}
