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
          styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
          title={`${channel.label}: ${contact[channel.field] ?? ''}`}
        >
          {channel.label} {contact[channel.field]}
        </Badge>
      ))}
    </Group>
  );
}
