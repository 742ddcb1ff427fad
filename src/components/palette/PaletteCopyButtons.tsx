import { ActionIcon, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconAt, IconCheck, IconHash, IconWorld } from '@tabler/icons-react';
import classes from './OrganizationPalette.module.css';

interface PaletteCopyButtonsProps {
  id: string;
  name: string;
  email?: string | undefined;
  website?: string | undefined;
}

interface CopyTarget {
  what: string;
  value: string | undefined;
  icon: typeof IconHash;
}

/** Copy buttons for an organization's id, email and website (those it has). */
export function PaletteCopyButtons({ id, name, email, website }: PaletteCopyButtonsProps) {
  const targets: CopyTarget[] = [
    { what: 'id', value: id, icon: IconHash },
    { what: 'email', value: email, icon: IconAt },
    { what: 'website', value: website, icon: IconWorld },
  ];
  return (
    <Group gap={4} wrap="nowrap">
      {targets.map(({ what, value, icon: Icon }) =>
        // A missing value keeps its slot, so the buttons line up from row to row.
        !value ? (
          <span key={what} className={classes.emptySlot} aria-hidden="true" />
        ) : (
          <CopyButton value={value} timeout={1500} key={what}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? `Copied ${what}` : `Copy ${what}`} withArrow position="left">
                <ActionIcon
                  variant={copied ? 'light' : 'subtle'}
                  color={copied ? 'teal' : 'gray'}
                  size="md"
                  onClick={copy}
                  aria-label={`Copy ${what} of ${name.trim() === '' ? 'this organization' : name}`}
                >
                  {copied ? (
                    <IconCheck size={16} aria-hidden="true" />
                  ) : (
                    <Icon size={16} aria-hidden="true" />
                  )}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        ),
      )}
    </Group>
  );
}
