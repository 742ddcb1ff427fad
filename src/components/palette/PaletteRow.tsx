import { Text } from '@mantine/core';
import { Spotlight } from '@mantine/spotlight';
import type { PresentedHit } from '../../lib/search/searchHitFields.ts';
import type { RecentOrganization } from '../../lib/search/searchRecent.ts';
import { Highlight } from '../Highlight.tsx';
import { PaletteCopyButtons } from './PaletteCopyButtons.tsx';
import classes from './OrganizationPalette.module.css';

interface PaletteRowProps {
  organization: RecentOrganization;
  /** The search hit, when the row is one: its highlights are shown. */
  hit?: PresentedHit;
  onOpen: () => void;
}

/**
 * One organization in the palette: an action (selected with the arrow keys, opened with Enter or
 * a click) beside its copy buttons. The buttons sit next to the action, not inside it: a button
 * inside a button is neither valid nor reachable.
 */
export function PaletteRow({ organization, hit, onOpen }: PaletteRowProps) {
  const firstOther = hit?.otherMatches[0];
  const secondLine = firstOther ? (
    <>
      <span className={classes.detailLabel}>{firstOther.label}</span> —{' '}
      <bdi>
        <Highlight {...firstOther.highlight} />
      </bdi>
    </>
  ) : (
    (organization.email ?? organization.website ?? null)
  );
  const nameIsBlank = organization.name.trim() === '';
  return (
    <div className={classes.row}>
      <Spotlight.Action onClick={onOpen} className={classes.action}>
        <span className={classes.actionBody}>
          <Text component="span" fw={600} size="sm" className={classes.line} dir="auto">
            {nameIsBlank ? (
              <Text component="span" c="dimmed" fs="italic" size="sm">
                (no name)
              </Text>
            ) : hit?.nameHighlight != null ? (
              <Highlight {...hit.nameHighlight} />
            ) : (
              organization.name
            )}
          </Text>
          {secondLine !== null ? (
            <Text component="span" size="xs" className={`${classes.line} ${classes.secondary}`}>
              {secondLine}
            </Text>
          ) : null}
        </span>
      </Spotlight.Action>
      <PaletteCopyButtons
        id={organization.id}
        name={organization.name}
        email={organization.email}
        website={organization.website}
      />
    </div>
  );
}
