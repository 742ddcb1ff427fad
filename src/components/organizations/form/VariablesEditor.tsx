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
import type { OrganizationFormValues } from '../../../lib/organizationForm.ts';

/**
 * The custom variables as editable rows: add, rename (edit the name), remove. Empty and
 * duplicate names get their message from the form schema. Values are multi-line text areas:
 * a value is data and may hold line breaks, which a single-line input would drop.
 */
export function VariablesEditor() {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<OrganizationFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'variables' });
  return (
    <Stack gap="xs">
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          No variables.
        </Text>
      )}
      {fields.map((field, index) => {
        const number = index + 1;
        return (
          <Group key={field.id} align="flex-start" wrap="nowrap" gap="xs">
            <TextInput
              style={{ flex: 2 }}
              label={`Variable ${number} name`}
              {...register(`variables.${index}.key`)}
              error={errors.variables?.[index]?.key?.message}
            />
            <Textarea
              style={{ flex: 3 }}
              label={`Variable ${number} value`}
              autosize
              minRows={1}
              maxRows={6}
              {...register(`variables.${index}.value`)}
              error={errors.variables?.[index]?.value?.message}
            />
            <Tooltip label={`Remove variable ${number}`} withArrow>
              <ActionIcon
                mt={26}
                variant="subtle"
                color="red"
                aria-label={`Remove variable ${number}`}
                onClick={() => remove(index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        );
      })}
      <div>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => append({ key: '', value: '' })}
        >
          Add variable
        </Button>
      </div>
    </Stack>
  );
}
