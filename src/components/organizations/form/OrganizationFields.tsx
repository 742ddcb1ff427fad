import { Fieldset, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useFormContext } from 'react-hook-form';
import type { OrganizationFormValues } from '../../../lib/organizationForm.ts';
import { ADDRESS_LABELS } from '../../../lib/organizationFormChanges.ts';

/** The fields the edit and create forms share (both are wrapped in a react-hook-form provider). */
type CommonValues = Omit<OrganizationFormValues, 'variables'>;

/** Name, email, website, size, industry and the five address fields, with inline messages. */
export function OrganizationFields() {
  const {
    register,
    formState: { errors },
  } = useFormContext<CommonValues>();
  return (
    <Stack gap="sm">
      <TextInput label="Name" withAsterisk {...register('name')} error={errors.name?.message} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Email"
          inputMode="email"
          autoComplete="off"
          {...register('email')}
          error={errors.email?.message}
        />
        <TextInput
          label="Website"
          inputMode="url"
          placeholder="https://example.com"
          autoComplete="off"
          {...register('website')}
          error={errors.website?.message}
        />
        <TextInput
          label="Size (employees)"
          inputMode="numeric"
          {...register('size')}
          error={errors.size?.message}
        />
        <TextInput label="Industry" {...register('industry')} error={errors.industry?.message} />
      </SimpleGrid>
      <Fieldset legend="Address" variant="filled">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={ADDRESS_LABELS.street}
            {...register('address.street')}
            error={errors.address?.street?.message}
          />
          <TextInput
            label={ADDRESS_LABELS.houseNumber}
            {...register('address.houseNumber')}
            error={errors.address?.houseNumber?.message}
          />
          <TextInput
            label={ADDRESS_LABELS.zipcode}
            {...register('address.zipcode')}
            error={errors.address?.zipcode?.message}
          />
          <TextInput
            label={ADDRESS_LABELS.location}
            {...register('address.location')}
            error={errors.address?.location?.message}
          />
          <TextInput
            label={ADDRESS_LABELS.country}
            {...register('address.country')}
            error={errors.address?.country?.message}
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
