import { Text, Tooltip } from '@mantine/core';
import { exactTimeText, relativeTimeText } from './relativeTime.ts';

interface RelativeTimeProps {
  iso: string;
  /** Passed in so a render is deterministic (and tests can fix "now"). */
  nowMs: number;
}

/** "2 days ago", with the exact date and time on hover and in the `<time>` element. */
export function RelativeTime({ iso, nowMs }: RelativeTimeProps) {
  const relative = relativeTimeText(iso, nowMs);
  const exact = exactTimeText(iso);
  if (relative === undefined || exact === undefined)
    return (
      <Text span size="sm">
        {iso}
      </Text>
    );
  return (
    <Tooltip label={exact} withArrow>
      <Text span size="sm" component="time" dateTime={iso} title={exact} tabIndex={0}>
        {relative}
      </Text>
    </Tooltip>
  );
}
