import {
  ActionIcon,
  Button,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import type { OrganizationFormValues } from '../../../lib/organizations/organizationForm.ts';
import { useFieldNotes } from './FieldNotes.tsx';

const NOTES_BELOW = ['label', 'input', 'description', 'error'] as const;

function VariableRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const {
    register,
    formState: { errors },
  } = useFormContext<OrganizationFormValues>();
  const number = index + 1;
  const keyNotes = useFieldNotes(`variables.${index}.key`);
  const valueNotes = useFieldNotes(`variables.${index}.value`, undefined, true);
  return (
    <Group align="flex-start" wrap="nowrap" gap="xs">
      <TextInput
        style={{ flex: 2, minWidth: 0 }}
        label={`Variable ${number} name`}
        dir="auto"
        autoComplete="off"
        {...register(`variables.${index}.key`)}
        error={errors.variables?.[index]?.key?.message}
        description={keyNotes}
        inputWrapperOrder={[...NOTES_BELOW]}
      />
      <Textarea
        style={{ flex: 3, minWidth: 0 }}
        label={`Variable ${number} value`}
        dir="auto"
        autosize
        minRows={1}
        maxRows={6}
        {...register(`variables.${index}.value`)}
        error={errors.variables?.[index]?.value?.message}
        description={valueNotes}
        inputWrapperOrder={[...NOTES_BELOW]}
      />
      <Tooltip label={`Remove variable ${number}`} withArrow>
        <ActionIcon
          mt={26}
          variant="subtle"
          color="red"
          aria-label={`Remove variable ${number}`}
          onClick={onRemove}
        >
          <IconTrash size={16} aria-hidden="true" />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/**
 * The custom variables as editable rows: add, rename (edit the name), remove. Empty and
 * duplicate names get their message from the form schema. Values are multi-line text areas:
 * a value is data and may hold line breaks, which a single-line input would drop.
 */
export function VariablesEditor() {
  const { control } = useFormContext<OrganizationFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'variables' });
  return (
    <Stack gap="xs">
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          No variables.
        </Text>
      )}
      {fields.map((field, index) => (
        <VariableRow key={field.id} index={index} onRemove={() => remove(index)} />
      ))}
      <div>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden="true" />}
          onClick={() => append({ key: '', value: '' })}
        >
          Add variable
        </Button>
      </div>
    </Stack>
  );
}
