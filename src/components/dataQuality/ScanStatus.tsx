// The scan's state: when the findings were made, the scan under way with its progress (done of
// total, rate, time left) and Cancel, or Start scan; a failed scan's reason in words.
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { DataQuality, ScanJob } from '../../lib/shared/apiTypes.ts';
import { timeAgo } from '../../lib/shared/relativeTime.ts';

export interface ScanStatusProps {
  lastScan: DataQuality['lastScan'];
  scan: ScanJob | null;
  scanning: boolean;
  /** Whether the person's role may start or cancel a scan. */
  mayScan: boolean;
  onStart: () => void;
  onCancel: (scanId: string) => void;
  starting: boolean;
  cancelling: boolean;
  error: string | null;
  /** The time now (epoch ms), for "5 minutes ago". */
  now: number;
}

function secondsText(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.round(minutes / 6) / 10} h`;
}

export function progressText(scan: ScanJob): string {
  const done = scan.done.toLocaleString('en');
  const parts = [
    scan.total === null
      ? `${done} organizations read`
      : `${done} of ${scan.total.toLocaleString('en')} organizations read`,
  ];
  if (scan.ratePerSecond !== null)
    parts.push(`${Math.round(scan.ratePerSecond).toLocaleString('en')} per second`);
  if (scan.secondsLeft !== null) parts.push(`about ${secondsText(scan.secondsLeft)} left`);
  return parts.join(' · ');
}

export function ScanStatus(props: ScanStatusProps) {
  const { lastScan, scan, scanning, mayScan, now } = props;
  const percent =
    scan !== null && scan.total !== null && scan.total > 0
      ? Math.min(100, (scan.done / scan.total) * 100)
      : 0;
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" c="dimmed" role="status">
          {lastScan === null
            ? 'No scan yet: start one to see what needs fixing.'
            : `Findings of the scan ${timeAgo(lastScan.scannedAt, now)}, over ${lastScan.recordCount.toLocaleString('en')} organizations. Fixes made here show at once.`}
        </Text>
        {scanning && scan !== null ? (
          <Button
            variant="default"
            size="sm"
            onClick={() => props.onCancel(scan.id)}
            loading={props.cancelling}
            disabled={!mayScan}
          >
            Cancel scan
          </Button>
        ) : (
          <Button
            size="sm"
            onClick={props.onStart}
            loading={props.starting}
            disabled={!mayScan}
            title={mayScan ? undefined : 'Starting a scan needs the agent role.'}
          >
            {lastScan === null ? 'Start scan' : 'Scan again'}
          </Button>
        )}
      </Group>
      {!mayScan && (
        <Text size="xs" c="dimmed">
          Your role may read the findings; starting a scan needs the agent role.
        </Text>
      )}
      {scanning && scan !== null && (
        <Stack gap={4}>
          <Progress
            value={percent}
            animated
            aria-label="Scan progress"
            aria-valuetext={progressText(scan)}
          />
          <Text size="sm" data-testid="scan-progress">
            {scan.state === 'queued' && scan.done === 0 ? 'Scan waiting to start… ' : ''}
            {progressText(scan)}
          </Text>
        </Stack>
      )}
      {scan?.state === 'failed' && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title="The last scan failed"
          role="alert"
        >
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {scan.error ?? 'No reason was given.'} The findings shown are those of the scan before.
            Start the scan again once the cause is fixed.
          </Text>
        </Alert>
      )}
      {scan?.state === 'cancelled' && (
        <Text size="xs" c="dimmed">
          The last scan was cancelled; the findings shown are those of the scan before it.
        </Text>
      )}
      {props.error !== null && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title="The scan could not be started or cancelled"
        >
          <Text size="sm">{props.error}</Text>
        </Alert>
      )}
    </Stack>
  );
}
