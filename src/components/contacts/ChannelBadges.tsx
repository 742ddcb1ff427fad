import { Badge, Group } from '@mantine/core';
import { CHANNELS, type ContactDto } from './contactRows.ts';

/** One badge per messaging channel the contact is reachable on, with the channel's id. */
export function ChannelBadges({ contact }: { contact: ContactDto }) {
  const present = CHANNELS.filter((channel) => contact[channel.field] !== undefined);
  if (present.length === 0) return null;
  return (
    <Group gap={4}>
      {present.map((channel) => (
        <Badge
          key={channel.field}
          variant="light"
          color={channel.color}
          tt="none"
          maw="100%"
          // The page's text colour on the tinted badge: the tinted text of a light badge falls
          // below 4.5:1 contrast in one of the two colour schemes.
          styles={{
            root: { color: 'var(--mantine-color-text)' },
            label: { overflow: 'hidden', textOverflow: 'ellipsis' },
          }}
          title={`${channel.label}: ${contact[channel.field] ?? ''}`}
        >
          {channel.label} {contact[channel.field]}
        </Badge>
      ))}
    </Group>
  );
}
