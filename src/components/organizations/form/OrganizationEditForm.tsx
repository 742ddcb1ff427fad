import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { components } from '../../../api/schema.gen.ts';
import {
  formValuesFromOrganization,
  organizationEditSchema,
  type OrganizationFormOutput,
  type OrganizationFormValues,
} from '../../../lib/organizationForm.ts';
import { OrganizationFields } from './OrganizationFields.tsx';
import { VariablesEditor } from './VariablesEditor.tsx';

type OrganizationDto = components['schemas']['OrganizationDto'];

export interface OrganizationEditFormProps {
  /** The organization as it was when the form opened; remount (key) to start over from another. */
  baseline: OrganizationDto;
  saving: boolean;
  /** Set when editing is not allowed (a 403 seen, a read-only key): the whole form is disabled. */
  disabledReason?: string | undefined;
  /** The last failure in plain words (the server's 400 `error`, a network failure, …). */
  failure?: string | undefined;
  onRetry?: (() => void) | undefined;
  onSave: (values: OrganizationFormOutput, typed: OrganizationFormValues) => void;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * The edit form: react-hook-form over the zod schema. Messages show inline as soon as a value is
 * refused — also for values stored by other clients, checked when the form opens — and Save is
 * enabled only when something changed and everything is acceptable. On failure nothing is reset.
 */
export function OrganizationEditForm({
  baseline,
  saving,
  disabledReason,
  failure,
  onRetry,
  onSave,
  onDirtyChange,
}: OrganizationEditFormProps) {
  const defaultValues = useMemo(() => formValuesFromOrganization(baseline), [baseline]);
  const schema = useMemo(
    () => organizationEditSchema({ sizeRequired: baseline.size !== undefined }),
    [baseline.size],
  );
  const form = useForm<OrganizationFormValues, unknown, OrganizationFormOutput>({
    defaultValues,
    resolver: zodResolver(schema),
    mode: 'all',
  });
  const {
    handleSubmit,
    getValues,
    trigger,
    reset,
    formState: { isDirty, isValid },
  } = form;

  // Values stored by other clients (an email without "@", a size of 12.5) are shown with their
  // message at once, rather than as a Save button that stays disabled for no visible reason.
  useEffect(() => {
    void trigger();
  }, [trigger]);

  useEffect(() => {
    onDirtyChange(isDirty);
  }, [isDirty, onDirtyChange]);

  const disabled = disabledReason !== undefined;
  return (
    <FormProvider {...form}>
      <form
        noValidate
        aria-label="Edit organization"
        style={{ maxWidth: 1000 }}
        onSubmit={handleSubmit((values) => onSave(values, getValues()))}
      >
        <Stack gap="md">
          {disabled && (
            <Alert color="gray" icon={<IconLock size={18} />} title="Editing is not available">
              {disabledReason}
            </Alert>
          )}
          <fieldset disabled={disabled} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <Stack gap="md">
              <OrganizationFields />
              <Title order={2} size="h4">
                Variables
              </Title>
              <VariablesEditor />
            </Stack>
          </fieldset>
          {failure !== undefined && (
            <Alert
              color="red"
              icon={<IconAlertTriangle size={18} />}
              title="The changes were not saved"
              role="alert"
            >
              <Stack gap="xs">
                <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                  {failure}
                </Text>
                <Text size="sm">Your input is kept below.</Text>
                {onRetry && !disabled && (
                  <div>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      onClick={onRetry}
                      loading={saving}
                    >
                      Retry
                    </Button>
                  </div>
                )}
              </Stack>
            </Alert>
          )}
          {!disabled && (
            <Group justify="flex-end">
              <Button
                variant="default"
                disabled={!isDirty || saving}
                onClick={() => reset(defaultValues)}
              >
                Reset
              </Button>
              <Button type="submit" disabled={!isDirty || !isValid} loading={saving}>
                Save changes
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </FormProvider>
  );
}
