// Horizontal bars drawn with CSS, no chart library: a count per label, longest bar = largest
// count. Each bar is a list item whose text says the label and the count, so a screen reader
// reads the numbers and the bars are decoration; a bar with a link opens what it counts. A chart
// library (recharts ~100 KB gzip, even uPlot ~20 KB) would buy nothing these bars need.
import { VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { displayText } from '../../lib/shared/displayText.ts';
import classes from './BarChart.module.css';

export interface Bar {
  key: string;
  label: string;
  count: number;
  /** Where the bar leads (a check's queue); none: not a link. */
  href?: string | undefined;
  /** Said after the count to a screen reader ("findings"). */
  unit?: string;
}

export interface BarChartProps {
  caption: string;
  bars: readonly Bar[];
}

export function BarChart({ caption, bars }: BarChartProps) {
  const largest = Math.max(1, ...bars.map((bar) => bar.count));
  return (
    <figure className={classes.figure}>
      <figcaption className={classes.caption}>{caption}</figcaption>
      <ul className={classes.list}>
        {bars.map((bar) => {
          const content = (
            <>
              <span className={classes.label}>{displayText(bar.label)}</span>
              <span className={classes.count}>
                {bar.count.toLocaleString('en')}
                {bar.unit !== undefined && <VisuallyHidden> {bar.unit}</VisuallyHidden>}
              </span>
              <span className={classes.track} aria-hidden="true">
                <span
                  className={classes.bar}
                  style={{ display: 'block', width: `${(bar.count / largest) * 100}%` }}
                />
              </span>
            </>
          );
          const rowClass = `${classes.row} ${bar.count === 0 ? classes.zero : ''}`;
          return (
            <li key={bar.key}>
              {bar.href === undefined ? (
                <div className={rowClass}>{content}</div>
              ) : (
                <Link to={bar.href} className={rowClass}>
                  {content}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
