import { Checkbox, Group } from '@mantine/core';
import { displayText } from '../../../lib/shared/displayText.ts';

interface MergeRecordPickerProps {
  /** The group's members (the first ones of a large group). */
  members: readonly { recordId: string; name: string }[];
  /** The ids of the records compared. */
  compared: readonly string[];
  /** The group is larger than the members listed: says how many of how many. */
  groupSize: number | undefined;
  truncated: boolean;
  onToggle: (recordId: string) => void;
}

/**
 * Which of the group's records to compare and merge: two or more. (Mantine's Checkbox styles are
 * imported by the page, MergeDuplicatesPage.tsx, ahead of the merge's own.)
 */
export function MergeRecordPicker({
  members,
  compared,
  groupSize,
  truncated,
  onToggle,
}: MergeRecordPickerProps) {
  return (
    <Checkbox.Group
      label="Records to compare (two or more)"
      value={[...compared]}
      description={
        truncated && groupSize !== undefined
          ? `The first ${members.length} of ${groupSize.toLocaleString('en')} are listed.`
          : undefined
      }
    >
      <Group gap="md" mt={6}>
        {members.map((member) => (
          <Checkbox
            key={member.recordId}
            value={member.recordId}
            label={<bdi>{displayText(member.name) || '(no name)'}</bdi>}
            onChange={() => onToggle(member.recordId)}
          />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
