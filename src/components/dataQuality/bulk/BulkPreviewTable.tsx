// A bulk action's preview: how many organizations, and for a page of them each field before →
// after (or a delete, or why one is left alone); then the confirmation that starts the job.
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { BulkPreview } from '../../../lib/shared/apiTypes.ts';
import { displayText } from '../../../lib/shared/displayText.ts';
import classes from './BulkAction.module.css';

export interface BulkPreviewTableProps {
  preview: BulkPreview | undefined;
  pending: boolean;
  /** A page is loading (the one shown is the page before). */
  fetching: boolean;
  error: string | null;
  onRetry: () => void;
  pageSize: number;
  onPage: (offset: number) => void;
  onRun: () => void;
  running: boolean;
  runError: string | null;
}

export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  return displayText(typeof value === 'string' ? value : JSON.stringify(value));
}

export function BulkPreviewTable(props: BulkPreviewTableProps) {
  const { preview, pending, error } = props;
  if (pending) {
    return (
      <div className={classes.previewBox} aria-busy="true" role="status">
        <Text size="sm" c="dimmed">
          Reading the organizations for the preview…
        </Text>
      </div>
    );
  }
  if (error !== null) {
    return (
      <Alert color="red" variant="light" role="alert" title="Couldn’t preview the action">
        <Group gap="sm" justify="space-between">
          <Text size="sm">{error}</Text>
          <Button size="xs" variant="default" onClick={props.onRetry}>
            Try again
          </Button>
        </Group>
      </Alert>
    );
  }
  if (preview === undefined) return null;
  if (preview.count === 0) {
    return (
      <Text size="sm" role="status">
        No organization matches: nothing would change.
      </Text>
    );
  }
  const first = preview.offset + 1;
  const last = preview.offset + preview.rows.length;
  const count = preview.count.toLocaleString('en');
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600} role="status">
        {preview.action}: {count} {preview.count === 1 ? 'organization' : 'organizations'}
      </Text>
      <div className={classes.previewBox} aria-busy={props.fetching}>
        <Table.ScrollContainer minWidth={320}>
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Caption>
              {`Organizations ${first.toLocaleString('en')}–${last.toLocaleString('en')} of ${count}`}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Organization</Table.Th>
                <Table.Th scope="col">Change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td className={classes.nameCell}>
                    {row.name === null ? row.id : valueText(row.name)}
                  </Table.Td>
                  <Table.Td>
                    {row.change === 'delete' ? (
                      <Text size="sm" c="red">
                        Deleted
                      </Text>
                    ) : row.change === 'update' ? (
                      <ul className={classes.changes}>
                        {row.fields.map((field) => (
                          <li key={field.field}>
                            <span className={classes.field}>{field.field}</span>{' '}
                            <del className={classes.before}>{valueText(field.before)}</del>
                            {' → '}
                            <ins className={classes.after}>{valueText(field.after)}</ins>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Left alone: {row.reason ?? ''}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </div>
      <Group justify="space-between" gap="sm">
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="default"
            disabled={preview.offset === 0 || props.fetching}
            onClick={() => props.onPage(Math.max(0, preview.offset - props.pageSize))}
          >
            Previous
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            disabled={preview.nextOffset === null || props.fetching}
            onClick={() => preview.nextOffset !== null && props.onPage(preview.nextOffset)}
          >
            Next
          </Button>
        </Group>
        {preview.mayRun ? (
          <Button
            color={preview.action === 'Delete' ? 'red' : undefined}
            onClick={props.onRun}
            loading={props.running}
          >
            {`${preview.action === 'Delete' ? 'Delete' : 'Change'} ${count} ${preview.count === 1 ? 'organization' : 'organizations'}`}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            Running this needs the {preview.requiredRole} role.
          </Text>
        )}
      </Group>
      {props.runError !== null && (
        <Text size="sm" c="red" role="alert">
          {props.runError}
        </Text>
      )}
    </Stack>
  );
}
