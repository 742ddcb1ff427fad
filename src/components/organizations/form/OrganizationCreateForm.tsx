import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useEffect } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import {
  emptyCreateFormValues,
  organizationCreateSchema,
  type CreateOrganizationFormOutput,
  type CreateOrganizationFormValues,
} from '../../../lib/organizationForm.ts';
import { OrganizationFields } from './OrganizationFields.tsx';

export interface OrganizationCreateFormProps {
  saving: boolean;
  disabledReason?: string | undefined;
  failure?: string | undefined;
  onCreate: (values: CreateOrganizationFormOutput) => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

/** The create form: the create fields, including the phone number that only create accepts. */
export function OrganizationCreateForm({
  saving,
  disabledReason,
  failure,
  onCreate,
  onCancel,
  onDirtyChange,
}: OrganizationCreateFormProps) {
  const form = useForm<CreateOrganizationFormValues, unknown, CreateOrganizationFormOutput>({
    defaultValues: emptyCreateFormValues(),
    resolver: zodResolver(organizationCreateSchema),
    mode: 'all',
  });
  const {
    handleSubmit,
    register,
    formState: { errors, isDirty, isValid },
  } = form;

  useEffect(() => {
    onDirtyChange(isDirty);
  }, [isDirty, onDirtyChange]);

  const disabled = disabledReason !== undefined;
  return (
    <FormProvider {...form}>
      <form
        noValidate
        aria-label="New organization"
        style={{ maxWidth: 1000 }}
        onSubmit={handleSubmit(onCreate)}
      >
        <Stack gap="md">
          {disabled && (
            <Alert color="gray" icon={<IconLock size={18} />} title="Creating is not available">
              {disabledReason}
            </Alert>
          )}
          <fieldset disabled={disabled} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <Stack gap="md">
              <OrganizationFields />
              <TextInput
                label="Phone number"
                inputMode="tel"
                description="Can be set only now, when creating: the API cannot change it later and does not show it."
                {...register('phoneNumber')}
                error={errors.phoneNumber?.message}
              />
            </Stack>
          </fieldset>
          {failure !== undefined && (
            <Alert
              color="red"
              icon={<IconAlertTriangle size={18} />}
              title="The organization was not created"
              role="alert"
            >
              <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                {failure}
              </Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            {!disabled && (
              <Button type="submit" disabled={!isDirty || !isValid} loading={saving}>
                Create organization
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
