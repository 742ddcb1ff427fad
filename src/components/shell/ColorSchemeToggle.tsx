import { ActionIcon, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';

/**
 * Switches between light and dark. The console starts by following the system
 * (`defaultColorScheme="auto"`); a choice made here is remembered (Mantine keeps it in local
 * storage). A plain button rather than a menu keeps the popover code out of the first load.
 *
 * The icon follows the page's colour scheme attribute through CSS, so the HTML the server renders
 * (which cannot know the scheme) is right from the first paint; the label follows once React runs.
 */
export function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true });
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <ActionIcon
      variant="default"
      size="lg"
      aria-label={`Switch to ${next} colour scheme`}
      title={`Switch to ${next} colour scheme`}
      onClick={() => setColorScheme(next)}
    >
      <IconMoon className="mantine-dark-hidden" size={18} stroke={1.6} aria-hidden="true" />
      <IconSun className="mantine-light-hidden" size={18} stroke={1.6} aria-hidden="true" />
    </ActionIcon>
  );
}
