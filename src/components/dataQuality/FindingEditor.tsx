// One finding beside its record: the record's main fields (the one the finding is about marked),
// what the check says, the stored value and the suggested fix, and the field edited in place
// (E to edit, Enter to save, Esc to stop). When the record changed since it was shown, the save
// writes nothing and says so, with the newer value and the choice to overwrite it.
import {
  Alert,
  Button,
  Group,
  Kbd,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { RefObject } from 'react';
import { Link } from 'react-router';
import type { Finding, Organization } from '../../lib/shared/apiTypes.ts';
import { displayText } from '../../lib/shared/displayText.ts';
import { fieldLabel, findingText } from '../../lib/cleanup/findingFields.ts';
import { FindingConflictAlert } from './FindingConflictAlert.tsx';
import { FindingRecordFields } from './FindingRecordFields.tsx';
import classes from './FindingQueue.module.css';

const SHOWN_FIELDS = ['name', 'email', 'website', 'size', 'industry', 'address.country'];

export interface FindingEditorProps {
  finding: Finding;
  record: Organization | undefined;
  recordPending: boolean;
  recordError: string | null;
  onRetryRecord: () => void;
  editable: boolean;
  /** Why the field cannot be edited here (a role, the key), when it cannot. */
  readOnlyReason: string | undefined;
  editing: boolean;
  text: string;
  onTextChange: (text: string) => void;
  onEdit: () => void;
  onCancelEdit: () => void;
  onSave: () => void;
  saving: boolean;
  problem: string | null;
  conflict: Organization | null;
  onOverwrite: () => void;
  onTakeLatest: () => void;
  inputRef: RefObject<HTMLInputElement | null>;
  organizationHref: string;
}

export function FindingEditor({ inputRef, ...props }: FindingEditorProps) {
  const { finding, record, editing, conflict } = props;
  const field = finding.detail.field ?? '';
  const fix = findingText(finding.detail.fix);
  const fields =
    SHOWN_FIELDS.includes(field) || field === '' ? SHOWN_FIELDS : [...SHOWN_FIELDS, field];
  return (
    <Paper withBorder p="md" radius="sm">
      <Stack gap="sm">
        <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
          {record === undefined
            ? displayText(finding.detail.name ?? '')
            : displayText(record.name) || '(no name)'}
        </Title>
        {finding.detail.reason !== undefined && (
          <Text size="sm">{displayText(finding.detail.reason)}</Text>
        )}
        {props.recordPending ? (
          <Stack gap={6} aria-busy="true" aria-label="Loading the organization">
            {fields.map((name) => (
              <Skeleton key={name} height={18} />
            ))}
          </Stack>
        ) : props.recordError !== null || record === undefined ? (
          <Alert color="red" variant="light" role="alert" title="Couldn’t load this organization">
            <Group gap="sm" justify="space-between">
              <Text size="sm">
                {props.recordError ?? 'It may have been deleted. Press J for the next one.'}
              </Text>
              <Button size="xs" variant="default" onClick={props.onRetryRecord}>
                Try again
              </Button>
            </Group>
          </Alert>
        ) : (
          <FindingRecordFields record={record} fields={fields} field={field} />
        )}
        {field !== '' && (
          <Stack gap={6}>
            <Text size="sm">
              <strong>{fieldLabel(field)}</strong>
              {fix !== '' ? (
                <>
                  {' '}
                  — suggested fix: <bdi className={classes.highlight}>{displayText(fix)}</bdi>
                </>
              ) : (
                ' — no fix can be suggested; type the right value.'
              )}
            </Text>
            {editing && record !== undefined ? (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  props.onSave();
                }}
              >
                <Group gap="xs" align="flex-start" wrap="wrap">
                  <TextInput
                    ref={inputRef}
                    label={`New ${fieldLabel(field).toLowerCase()}`}
                    value={props.text}
                    onChange={(event) => props.onTextChange(event.currentTarget.value)}
                    onKeyDown={(event) => {
                      if (event.key === 'Escape') {
                        event.preventDefault();
                        event.stopPropagation();
                        props.onCancelEdit();
                      }
                    }}
                    error={props.problem ?? undefined}
                    style={{ flex: '1 1 16rem' }}
                    autoComplete="off"
                    spellCheck={false}
                  />
                  <Group gap="xs" mt={{ base: 0, xs: 25 }}>
                    <Button type="submit" loading={props.saving}>
                      Save
                    </Button>
                    <Button variant="default" onClick={props.onCancelEdit}>
                      Cancel
                    </Button>
                  </Group>
                </Group>
              </form>
            ) : (
              <Group gap="xs">
                <Button
                  size="sm"
                  onClick={props.onEdit}
                  disabled={!props.editable || record === undefined}
                  title={props.readOnlyReason}
                >
                  {fix !== '' ? 'Edit with the fix' : 'Edit'}
                </Button>
                <Button size="sm" variant="subtle" component={Link} to={props.organizationHref}>
                  Open the organization
                </Button>
              </Group>
            )}
            {props.readOnlyReason !== undefined && (
              <Text size="xs" c="dimmed">
                {props.readOnlyReason}
              </Text>
            )}
          </Stack>
        )}
        {conflict !== null && (
          <FindingConflictAlert
            field={field}
            latest={conflict}
            shown={record}
            onOverwrite={props.onOverwrite}
            onTakeLatest={props.onTakeLatest}
          />
        )}
        <Text size="xs" c="dimmed">
          <Kbd>J</Kbd>/<Kbd>K</Kbd> next/previous · <Kbd>E</Kbd> edit · <Kbd>Enter</Kbd> save ·{' '}
          <Kbd>X</Kbd> select · <Kbd>Esc</Kbd> back
        </Text>
      </Stack>
    </Paper>
  );
}
