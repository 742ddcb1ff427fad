import { zodResolver } from '@hookform/resolvers/zod';
import { Button, TextInput } from '@mantine/core';
import { useId, useMemo, useRef, type ReactNode } from 'react';
import { useForm, useFormContext, useWatch } from 'react-hook-form';
import { formStatusText, invalidFieldLabels } from '../../../lib/organizations/formStatus.ts';
import {
  emptyCreateFormValues,
  organizationCreateSchema,
  trimFormValues,
  type CreateOrganizationFormOutput,
  type CreateOrganizationFormValues,
} from '../../../lib/organizations/organizationForm.ts';
import { changedFields } from '../../../lib/organizations/organizationFormChanges.ts';
import { useFieldNotes } from './FieldNotes.tsx';
import { FormActionBar } from './FormActionBar.tsx';
import { OrganizationFields } from './OrganizationFields.tsx';
import { FormSubmitButton, OrganizationFormShell } from './OrganizationFormShell.tsx';
import { saveShortcut, useSaveShortcut } from './saveShortcut.ts';
import { useFormReports } from './useFormReports.ts';

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
    <OrganizationFormShell
      form={form}
      formRef={formRef}
      label="New organization"
      onSubmit={handleSubmit(onCreate)}
      disabledReason={disabledReason}
      disabledTitle="Creating is not available"
      notice={notice}
      fields={
        <>
          <OrganizationFields />
          <PhoneNumberField />
        </>
      }
      failure={failure}
      failureTitle="The organization was not created"
    >
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
          <FormSubmitButton
            canSubmit={canCreate}
            isValid={isValid}
            saving={saving}
            statusId={statusId}
          >
            Create organization
          </FormSubmitButton>
        )}
      </FormActionBar>
    </OrganizationFormShell>
  );
}
