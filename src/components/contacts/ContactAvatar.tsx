import { Avatar } from '@mantine/core';
import { avatarSource, initialsOf } from './contactRows.ts';

interface ContactAvatarProps {
  name: string;
  avatar: string | undefined;
}

/**
 * The contact's picture, or their initials when there is none or it fails to load (Mantine's
 * Avatar shows its children when the image errors). Decorative: the name is beside it.
 */
export function ContactAvatar({ name, avatar }: ContactAvatarProps) {
  return (
    <Avatar src={avatarSource(avatar) ?? null} alt="" radius="xl" size={32} color="blue">
      {initialsOf(name)}
    </Avatar>
  );
}
