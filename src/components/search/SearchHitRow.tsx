import { Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PresentedHit } from '../../lib/searchHitFields.ts';
import { snippetText } from '../../lib/searchSnippet.ts';
import { Highlight } from '../Highlight.tsx';
import classes from './SearchHitRow.module.css';

interface SearchHitRowProps {
  hit: PresentedHit;
  /** Where the row leads (the organization's page). */
  href: string;
  /** Matched fields shown under the name; more are summed up as "+2 more fields". */
  maxOtherMatches?: number;
}

/**
 * One search result: the organization's name with its highlights (or as plain text when the name
 * did not match), then each other matched field as "Label — snippet".
 */
export function SearchHitRow({ hit, href, maxOtherMatches = 2 }: SearchHitRowProps) {
  const { organization, nameSnippet, otherMatches } = hit;
  const shown = otherMatches.slice(0, maxOtherMatches);
  const hidden = otherMatches.length - shown.length;
  const nameIsBlank = organization.name.trim() === '';
  return (
    <Link to={href} className={classes.row}>
      <Text component="span" fw={600} className={classes.name} title={organization.name} dir="auto">
        {nameIsBlank ? (
          <Text component="span" c="dimmed" fs="italic">
            (no name)
          </Text>
        ) : nameSnippet !== null ? (
          <Highlight snippet={nameSnippet} />
        ) : (
          organization.name
        )}
      </Text>
      {shown.map((match) => (
        <Text
          component="span"
          size="sm"
          className={classes.match}
          key={match.field}
          title={`${match.label}: ${snippetText(match.snippet)}`}
        >
          <span className={classes.matchLabel}>{match.label}</span>
          <span aria-hidden="true"> — </span>
          <bdi>
            <Highlight snippet={match.snippet} />
          </bdi>
        </Text>
      ))}
      {hidden > 0 ? (
        <Text component="span" size="xs" c="dimmed">
          +{hidden} more {hidden === 1 ? 'field' : 'fields'}
        </Text>
      ) : null}
    </Link>
  );
}
