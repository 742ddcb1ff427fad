import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useId, useMemo, useRef, type ReactNode } from 'react';
import { FormProvider, useForm, useFormContext, useWatch } from 'react-hook-form';
import { formStatusText, invalidFieldLabels } from '../../../lib/formStatus.ts';
import {
  emptyCreateFormValues,
  organizationCreateSchema,
  trimFormValues,
  type CreateOrganizationFormOutput,
  type CreateOrganizationFormValues,
} from '../../../lib/organizationForm.ts';
import { changedFields } from '../../../lib/organizationFormChanges.ts';
import { useFieldNotes } from './FieldNotes.tsx';
import { FormActionBar } from './FormActionBar.tsx';
import { OrganizationFields } from './OrganizationFields.tsx';
import { saveShortcut, useSaveShortcut } from './saveShortcut.ts';
import { useFormReports } from './useFormReports.ts';
import { VariablesEditor } from './VariablesEditor.tsx';

export interface OrganizationCreateFormProps {
  /** What the form opens with instead of empty fields (a draft kept in the browser). */
  initialValues?: CreateOrganizationFormValues | undefined;
  saving: boolean;
  disabledReason?: string | undefined;
  failure?: string | undefined;
  onCreate: (values: CreateOrganizationFormOutput) => void;
  onCancel: () => void;
  /** Every change of what the form holds (for its draft). */
  onChange?: ((typed: CreateOrganizationFormValues) => void) | undefined;
  onDirtyChange: (dirty: boolean) => void;
  /** Above the fields: a restored draft's note. */
  notice?: ReactNode;
}

function PhoneNumberField() {
  const { register, getFieldState, formState } = useFormContext<CreateOrganizationFormValues>();
  const notes = useFieldNotes('phoneNumber');
  return (
    <TextInput
      label="Phone number"
      inputMode="tel"
      dir="auto"
      autoComplete="off"
      description={
        <>
          Can be set only now, when creating: the API cannot change it later and does not show it.
          {notes}
        </>
      }
      {...register('phoneNumber')}
      error={getFieldState('phoneNumber', formState).error?.message}
    />
  );
}

/**
 * The create form: the create fields, the phone number that only create accepts, and the
 * variables (set right after the create). Its draft is kept while it holds anything.
 */
export function OrganizationCreateForm({
  initialValues,
  saving,
  disabledReason,
  failure,
  onCreate,
  onCancel,
  onChange,
  onDirtyChange,
  notice,
}: OrganizationCreateFormProps) {
  const empty = useMemo(() => emptyCreateFormValues(), []);
  const form = useForm<CreateOrganizationFormValues, unknown, CreateOrganizationFormOutput>({
    defaultValues: empty,
    resolver: zodResolver(organizationCreateSchema),
    mode: 'all',
  });
  const {
    control,
    handleSubmit,
    formState: { isDirty, isValid, errors },
  } = form;
  const formRef = useRef<HTMLFormElement>(null);
  const statusId = useId();

  useFormReports(form, { initialValues, onChange, onDirtyChange });

  const current = useWatch({ control }) as CreateOrganizationFormValues;
  const changedCount = useMemo(
    () =>
      changedFields(empty, trimFormValues(current), empty).length +
      (current.phoneNumber.trim() === '' ? 0 : 1),
    [empty, current],
  );
  const canCreate = isDirty && !saving;
  useSaveShortcut(formRef, canCreate);

  const disabled = disabledReason !== undefined;
  return (
    <FormProvider {...form}>
      <form
        ref={formRef}
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
          {notice}
          <fieldset disabled={disabled} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <Stack gap="md">
              <OrganizationFields />
              <PhoneNumberField />
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
              title="The organization was not created"
              role="alert"
            >
              <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                {failure}
              </Text>
              <Text size="sm">Your input is kept below, and in this browser.</Text>
            </Alert>
          )}
          <FormActionBar
            statusId={statusId}
            status={
              disabled
                ? undefined
                : formStatusText({
                    saving,
                    justSaved: false,
                    changedCount: isDirty ? Math.max(1, changedCount) : 0,
                    invalidLabels: isDirty ? invalidFieldLabels(errors) : [],
                    action: 'create it',
                    idle: 'Nothing entered yet: a name is all it needs.',
                    shortcut: saveShortcut(),
                  })
            }
          >
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            {!disabled && (
              <Button
                type="submit"
                // Grey while it cannot save, yet reachable by Tab and described by the status;
                // pressed with fields to fix, it moves to the first of them.
                aria-disabled={!canCreate || !isValid}
                data-disabled={!canCreate || !isValid || undefined}
                aria-describedby={statusId}
                loading={saving}
                onClick={(event) => {
                  if (!canCreate) event.preventDefault();
                }}
              >
                Create organization
              </Button>
            )}
          </FormActionBar>
        </Stack>
      </form>
    </FormProvider>
  );
}
