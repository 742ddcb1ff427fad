import { Badge, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { AuditEntry } from '../../lib/shared/apiTypes.ts';
import { fieldChanges, operationWord, outcomeText } from '../../lib/audit/auditChanges.ts';
import { displayText } from '../../lib/shared/displayText.ts';
import classes from './AuditEntryList.module.css';

const OPERATION_COLOURS: Readonly<Record<string, string>> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
};

interface AuditEntryRowProps {
  entry: AuditEntry;
  /** The organization's page, or undefined where the row is on that page already. */
  organizationHref: string | undefined;
}

/** One write: when, who, what, on which organization, its outcome and its changes as text. */
export function AuditEntryRow({ entry, organizationHref }: AuditEntryRowProps) {
  const outcome = outcomeText(entry);
  const changes = fieldChanges(entry);
  const when = new Date(entry.at);
  const organization = entry.organizationName ?? entry.organizationId ?? '(no organization)';
  return (
    <article
      className={classes.row}
      aria-label={`${operationWord(entry.operation)} ${organization}`}
    >
      <div className={classes.head}>
        <Badge
          size="sm"
          variant="light"
          color={OPERATION_COLOURS[entry.operation] ?? 'gray'}
          data-colour={OPERATION_COLOURS[entry.operation] ?? 'gray'}
          className={classes.operation}
        >
          {operationWord(entry.operation)}
        </Badge>
        {organizationHref === undefined ? (
          <bdi className={classes.organization}>{displayText(organization)}</bdi>
        ) : (
          <Link to={organizationHref} className={classes.organization}>
            <bdi>{displayText(organization)}</bdi>
          </Link>
        )}
        <Text size="xs" c="dimmed" className={classes.meta}>
          by <bdi>{displayText(entry.actorEmail ?? 'local mode (no sign-in)')}</bdi> ·{' '}
          <time dateTime={when.toISOString()}>
            {when.toLocaleString('en-GB', { timeZone: 'UTC' })} UTC
          </time>
        </Text>
      </div>
      {outcome !== null && (
        <Text size="xs" c="var(--mantine-color-error)" className={classes.outcome}>
          {outcome}
        </Text>
      )}
      {changes.length > 0 && (
        <dl className={classes.changes}>
          {changes.map((change) => (
            <div key={change.field} className={classes.change}>
              <dt className={classes.field}>{change.field}</dt>
              <dd className={classes.values}>
                <span className={classes.before}>
                  {change.before === null ? '(none)' : displayText(change.before)}
                </span>
                <span aria-hidden="true" className={classes.arrow}>
                  →
                </span>
                <VisuallyHidden> changed to </VisuallyHidden>
                <span className={classes.after}>
                  {change.after === null ? '(none)' : displayText(change.after)}
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </article>
  );
}
