import { Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import type { ListRow } from '../../../lib/organizations/listPaging.ts';
import { displayText } from '../../../lib/shared/displayText.ts';
import { exactTime } from '../../../lib/shared/relativeTime.ts';
import classes from './OrganizationTable.module.css';

type NoticeRow = Exclude<ListRow, { kind: 'organization' }>;

function noticeText(row: NoticeRow): string {
  switch (row.kind) {
    case 'truncated-run': {
      const at = exactTime(new Date(row.run.createdMs).toISOString());
      return (
        `${row.run.listed.toLocaleString('en')} organizations created at ${at} are shown; ` +
        `more may share that instant, and the API cannot list past 250 of one instant.`
      );
    }
    case 'gap':
      return 'Organizations were added since this list loaded; some above this line may be missing.';
    case 'server-message':
      return `The server said: ${displayText(row.message)}`;
  }
}

interface ListNoticeRowProps {
  /** The element's id: the table body lists its rows' ids in their order (aria-owns). */
  id: string;
  row: NoticeRow;
  position: number;
  rowIndex: number;
  style: CSSProperties;
  onReload: () => void;
}

/** A row that is not an organization: what the list could not show here, and why. */
export function ListNoticeRow({
  id,
  row,
  position,
  rowIndex,
  style,
  onReload,
}: ListNoticeRowProps) {
  const text = noticeText(row);
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={rowIndex}
      data-position={position}
      className={classes.notice}
      style={style}
    >
      <div role="cell" aria-colspan={7} className={classes.noticeText} title={text}>
        <IconAlertTriangle size={16} aria-hidden="true" style={{ verticalAlign: 'text-bottom' }} />{' '}
        <bdi>{text}</bdi>
      </div>
      {row.kind === 'gap' && (
        <Button size="compact-xs" variant="default" onClick={onReload}>
          Reload from the top
        </Button>
      )}
    </div>
  );
}
