// A bulk job (or its undo) under way or finished: done of total, the records skipped or failed
// with the reason, Cancel while it runs, Undo once it has finished.
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { BulkItem, BulkJob } from '../../../lib/shared/apiTypes.ts';
import { valueText } from './BulkPreviewTable.tsx';
import classes from './BulkAction.module.css';

export interface BulkJobProgressProps {
  /** "Bulk action" or "Undo". */
  label: string;
  job: BulkJob | undefined;
  error: string | null;
  onRetry: () => void;
  problems: readonly BulkItem[];
  moreProblems: boolean;
  onCancel: (() => void) | null;
  cancelling: boolean;
  onUndo: (() => void) | null;
  undoing: boolean;
  actionError: string | null;
}

const STATES: Record<BulkJob['state'], string> = {
  queued: 'Waiting to start',
  running: 'Running',
  paused: 'Paused',
  cancelled: 'Cancelled',
  done: 'Finished',
  failed: 'Failed',
};

export function BulkJobProgress(props: BulkJobProgressProps) {
  const { job, label } = props;
  if (job === undefined) {
    return props.error === null ? (
      <Text size="sm" c="dimmed" role="status" className={classes.jobBox}>
        Loading the {label.toLowerCase()}…
      </Text>
    ) : (
      <Alert
        color="red"
        variant="light"
        role="alert"
        title={`Couldn’t load the ${label.toLowerCase()}`}
      >
        <Group gap="sm" justify="space-between">
          <Text size="sm">{props.error}</Text>
          <Button size="xs" variant="default" onClick={props.onRetry}>
            Try again
          </Button>
        </Group>
      </Alert>
    );
  }
  const handled = job.done + job.failed + job.skipped;
  const percent = job.total > 0 ? Math.min(100, (handled / job.total) * 100) : 0;
  const n = (value: number) => value.toLocaleString('en');
  return (
    <Stack gap="xs" className={classes.jobBox} aria-label={label} role="group">
      <Text size="sm" fw={600}>
        {label}: {job.action}
      </Text>
      <Progress value={percent} aria-label={`${label} progress`} />
      <Text size="sm" role="status">
        {`${STATES[job.state]} · ${n(handled)} of ${n(job.total)} · ${n(job.done)} done, ${n(job.skipped)} skipped, ${n(job.failed)} failed`}
        {job.ratePerSecond !== null && job.state === 'running'
          ? ` · ${n(Math.round(job.ratePerSecond))} per second`
          : ''}
      </Text>
      {job.error !== null && (
        <Text size="sm" c="red" role="alert">
          {job.error}
        </Text>
      )}
      {props.problems.length > 0 && (
        <details className={classes.problems}>
          <summary>
            {`Skipped or failed: ${n(job.skipped + job.failed)}${props.moreProblems ? ' (the first 100 listed)' : ''}`}
          </summary>
          <ul>
            {props.problems.map((item) => (
              <li key={item.seq}>
                <span className={classes.field}>
                  {item.name === null ? item.recordId : valueText(item.name)}
                </span>
                {' — '}
                {item.status === 'failed' ? 'failed: ' : 'skipped: '}
                {item.note ?? ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      <Group gap="xs">
        {props.onCancel !== null && (
          <Button
            size="compact-sm"
            variant="default"
            onClick={props.onCancel}
            loading={props.cancelling}
          >
            Cancel
          </Button>
        )}
        {props.onUndo !== null && (
          <Button
            size="compact-sm"
            variant="default"
            onClick={props.onUndo}
            loading={props.undoing}
          >
            Undo
          </Button>
        )}
        {job.undoneBy !== null && (
          <Text size="sm" c="dimmed">
            Undone (see below).
          </Text>
        )}
      </Group>
      {props.actionError !== null && (
        <Text size="sm" c="red" role="alert">
          {props.actionError}
        </Text>
      )}
    </Stack>
  );
}
