import { Fieldset, SimpleGrid, Stack, TextInput, type TextInputProps } from '@mantine/core';
import { useFormContext, type FieldPath } from 'react-hook-form';
import type { OrganizationFormValues } from '../../../lib/organizations/organizationForm.ts';
import { ADDRESS_LABELS } from '../../../lib/organizations/organizationFormChanges.ts';
import type { CheckedField } from '../../../lib/organizations/storedValueProblems.ts';
import { useFieldNotes, type StoredNote } from './FieldNotes.tsx';

/** The fields the edit and create forms share (both are wrapped in a react-hook-form provider). */
type CommonValues = Omit<OrganizationFormValues, 'variables'>;

export type StoredNotes = Partial<Record<CheckedField, StoredNote>>;

const NOTES_BELOW: TextInputProps['inputWrapperOrder'] = ['label', 'input', 'description', 'error'];

interface FieldProps extends Omit<TextInputProps, 'name' | 'error' | 'description'> {
  name: FieldPath<CommonValues>;
  stored?: StoredNote | undefined;
}

/** One text field: its input (direction from its text), its error, and its notes under it. */
function Field({ name, stored, ...props }: FieldProps) {
  const { register, getFieldState, formState } = useFormContext<CommonValues>();
  const notes = useFieldNotes(name, stored);
  return (
    <TextInput
      dir="auto"
      autoComplete="off"
      {...props}
      {...register(name)}
      error={getFieldState(name, formState).error?.message}
      description={notes}
      inputWrapperOrder={NOTES_BELOW}
    />
  );
}

/**
 * Name, email, website, size, industry and the five address fields, with inline messages, the
 * notes on stored values that break today's rules (`stored`), and on hidden characters.
 */
export function OrganizationFields({ stored = {} }: { stored?: StoredNotes }) {
  return (
    <Stack gap="sm">
      <Field name="name" label="Name" withAsterisk stored={stored.name} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Field name="email" label="Email" inputMode="email" stored={stored.email} />
        <Field name="website" label="Website" inputMode="url" stored={stored.website} />
        <Field name="size" label="Size (employees)" inputMode="numeric" stored={stored.size} />
        <Field name="industry" label="Industry" />
      </SimpleGrid>
      <Fieldset legend="Address" variant="filled">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Field name="address.street" label={ADDRESS_LABELS.street} />
          <Field name="address.houseNumber" label={ADDRESS_LABELS.houseNumber} />
          <Field name="address.zipcode" label={ADDRESS_LABELS.zipcode} />
          <Field name="address.location" label={ADDRESS_LABELS.location} />
          <Field name="address.country" label={ADDRESS_LABELS.country} />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
