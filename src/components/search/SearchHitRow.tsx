import { memo } from 'react';
import { Link } from 'react-router';
import {
  placeOf,
  plainTextOf,
  sameShownHit,
  type PresentedHit,
} from '../../lib/search/searchHitFields.ts';
import { contactsCountText } from '../../lib/search/contactsCountText.ts';
import { Highlight } from '../Highlight.tsx';
import classes from './SearchHitRow.module.css';

interface SearchHitRowProps {
  hit: PresentedHit;
  /** Where the row leads (the organization's page). */
  href: string;
  /** How many contacts it has, once known. */
  contactsCount?: number | undefined;
}

/** Every row is this tall (two lines), so the virtualized list never measures a row. */
export const SEARCH_ROW_HEIGHT = 60;

/**
 * One search result in two lines: the organization's name with its highlights (or as plain text
 * when the name did not match) and its city and country and, once known, its contacts count (what tells look-alikes apart), then the best other matched field as "Label — snippet" and the
 * labels of any further ones; with no other match, the email or website as plain context.
 * Plain elements styled by class, and memoized: rows are rendered while the user types, so each
 * must cost little and re-render only when what it shows changes.
 */
export const SearchHitRow = memo(
  function SearchHitRow({ hit, href, contactsCount }: SearchHitRowProps) {
    const { organization, nameHighlight, otherMatches } = hit;
    const [first, ...more] = otherMatches;
    const nameIsBlank = organization.name.trim() === '';
    const context = organization.email ?? organization.website ?? '';
    const where = placeOf(organization);
    const count = contactsCountText(contactsCount);
    const place = [where, count].filter(Boolean).join(' · ');
    // On the narrow second line, which is cut with an ellipsis, the count comes first.
    const placeNarrow = [count, where].filter(Boolean).join(' · ');
    return (
      <Link to={href} className={classes.row}>
        <span className={classes.firstLine}>
          <span className={classes.name} title={organization.name} dir="auto">
            {nameIsBlank ? (
              <span className={classes.noName}>(no name)</span>
            ) : nameHighlight !== null ? (
              <Highlight {...nameHighlight} />
            ) : (
              organization.name
            )}
          </span>
          {place !== '' && (
            <span className={classes.place} title={place}>
              <span className={classes.visuallyHidden}>, in </span>
              <bdi>{place}</bdi>
            </span>
          )}
        </span>
        {/* In a narrow row the place opens the second line instead, leaving the name the first
            (one of the two is display: none, so it is read once). */}
        <span className={classes.secondLine}>
          {placeNarrow !== '' && (
            <span className={classes.placeSecondLine} title={placeNarrow}>
              {count === null && <span className={classes.visuallyHidden}>In </span>}
              <bdi>{placeNarrow}</bdi>
            </span>
          )}
          {first ? (
            <span
              className={classes.match}
              title={`${first.label}: ${plainTextOf(first.highlight)}`}
            >
              <span className={classes.matchLabel}>{first.label}</span>
              <span aria-hidden="true"> — </span>
              <bdi>
                <Highlight {...first.highlight} />
              </bdi>
              {more.length > 0 ? (
                <span className={classes.more}>
                  {' '}
                  · also {more.map((match) => match.label).join(', ')}
                </span>
              ) : null}
            </span>
          ) : (
            <span className={classes.match}>
              <bdi>{context}</bdi>
            </span>
          )}
        </span>
      </Link>
    );
  },
  (before, after) =>
    before.href === after.href &&
    before.contactsCount === after.contactsCount &&
    sameShownHit(before.hit, after.hit),
);
