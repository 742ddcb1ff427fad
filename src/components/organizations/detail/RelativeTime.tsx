import { exactTime, relativeTime } from '../../../lib/shared/relativeTime.ts';
import classes from './OrganizationOverview.module.css';
import { useHoverTooltip } from './useHoverTooltip.tsx';

interface RelativeTimeProps {
  iso: string;
  /** Passed in so a render is deterministic (and tests can fix "now"). */
  nowMs: number;
}

const TOOLTIP_LOOK = { withArrow: true };

/**
 * "2 days ago" (src/lib/shared/relativeTime.ts), with the exact date and time on hover and in the
 * `<time>` element.
 */
export function RelativeTime({ iso, nowMs }: RelativeTimeProps) {
  const relative = relativeTime(iso, nowMs);
  const exact = exactTime(iso) ?? undefined;
  const hover = useHoverTooltip(exact, TOOLTIP_LOOK);
  if (relative === null || exact === undefined) {
    return <span className={classes.small}>{iso}</span>;
  }
  return (
    <>
      <time
        {...hover.triggerProps}
        className={classes.small}
        dateTime={iso}
        title={exact}
        tabIndex={0}
      >
        {relative}
      </time>
      {hover.tooltip}
    </>
  );
}
