import { ActionIcon, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';

/**
 * Switches between light and dark. The console starts by following the system
 * (`defaultColorScheme="auto"`); a choice made here is remembered (Mantine keeps it in local
 * storage). A plain button rather than a menu keeps the popover code out of the first load.
 */
export function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const next = computed === 'dark' ? 'light' : 'dark';
  const Icon = computed === 'dark' ? IconSun : IconMoon;
  return (
    <ActionIcon
      variant="default"
      size="lg"
      aria-label={`Switch to ${next} colour scheme`}
      title={`Switch to ${next} colour scheme`}
      onClick={() => setColorScheme(next)}
    >
      <Icon size={18} stroke={1.6} aria-hidden="true" />
    </ActionIcon>
  );
}
