import { Button, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';

/** The id of the text beside the header that says why Delete is not available. */
export const DELETE_DENIED_REASON_ID = 'delete-denied-reason';

interface OrganizationActionsProps {
  listPath: string;
  /** Why this person may not delete it; undefined when they may. */
  deleteDenied: string | undefined;
  onDelete: () => void;
}

/** The organization page's header actions: back to the list, and Delete (or why not). */
export function OrganizationActions({
  listPath,
  deleteDenied,
  onDelete,
}: OrganizationActionsProps) {
  return (
    <>
      <Button
        component={Link}
        to={listPath}
        variant="default"
        leftSection={<IconArrowLeft size={16} aria-hidden="true" />}
      >
        All organizations
      </Button>
      {deleteDenied === undefined ? (
        <Button
          color="red"
          variant="light"
          leftSection={<IconTrash size={16} aria-hidden="true" />}
          onClick={onDelete}
        >
          Delete
        </Button>
      ) : (
        // Only a denied Delete has a tooltip (its reason): a tooltip costs its floating
        // machinery on every opening of the page.
        <Tooltip label={deleteDenied} multiline w={280}>
          <Button
            color="red"
            variant="light"
            leftSection={<IconTrash size={16} aria-hidden="true" />}
            disabled
            // A disabled button takes no hover: the wrapper carries the reason for the tooltip.
            aria-describedby={DELETE_DENIED_REASON_ID}
          >
            Delete
          </Button>
        </Tooltip>
      )}
    </>
  );
}
