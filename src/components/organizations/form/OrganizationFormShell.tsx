import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import type { FormEventHandler, ReactNode, RefObject } from 'react';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { VariablesEditor } from './VariablesEditor.tsx';

interface OrganizationFormShellProps<Values extends FieldValues, Output> {
  form: UseFormReturn<Values, unknown, Output>;
  formRef: RefObject<HTMLFormElement | null>;
  /** The form's accessible name: "New organization", "Edit organization". */
  label: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** Set when the form may not be used: said above it, and every field disabled. */
  disabledReason: string | undefined;
  /** "Creating is not available". */
  disabledTitle: string;
  /** Above the fields: a restored draft's note. */
  notice: ReactNode;
  /** The organization's own fields, above its variables. */
  fields: ReactNode;
  /** The last failure in plain words. */
  failure: string | undefined;
  /** "The organization was not created". */
  failureTitle: string;
  /** Under the failure: what the user may do about it (Retry). */
  failureAction?: ReactNode;
  /** The action bar (FormActionBar). */
  children: ReactNode;
}

/**
 * What the create and the edit form share: the form around the fields and the variables, the
 * note when it may not be used, the failure (saying the input is kept) and the action bar below.
 */
export function OrganizationFormShell<Values extends FieldValues, Output>({
  form,
  formRef,
  label,
  onSubmit,
  disabledReason,
  disabledTitle,
  notice,
  fields,
  failure,
  failureTitle,
  failureAction,
  children,
}: OrganizationFormShellProps<Values, Output>) {
  const disabled = disabledReason !== undefined;
  return (
    <FormProvider {...form}>
      <form
        ref={formRef}
        noValidate
        aria-label={label}
        style={{ maxWidth: 1000 }}
        onSubmit={onSubmit}
      >
        <Stack gap="md">
          {disabled && (
            <Alert color="gray" icon={<IconLock size={18} />} title={disabledTitle}>
              {disabledReason}
            </Alert>
          )}
          {notice}
          <fieldset disabled={disabled} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <Stack gap="md">
              {fields}
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
              title={failureTitle}
              role="alert"
            >
              <Stack gap="xs">
                <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                  {failure}
                </Text>
                <Text size="sm">Your input is kept below, and in this browser.</Text>
                {failureAction}
              </Stack>
            </Alert>
          )}
          {children}
        </Stack>
      </form>
    </FormProvider>
  );
}

interface FormSubmitButtonProps {
  /** Something to send and nothing in flight. */
  canSubmit: boolean;
  isValid: boolean;
  saving: boolean;
  /** The action bar's status, which says why it cannot submit yet. */
  statusId: string;
  children: ReactNode;
}

/**
 * Grey while it cannot submit, yet reachable by Tab and described by the status; pressed with
 * fields to fix, it moves to the first of them, and with nothing to send it does nothing.
 */
export function FormSubmitButton({
  canSubmit,
  isValid,
  saving,
  statusId,
  children,
}: FormSubmitButtonProps) {
  return (
    <Button
      type="submit"
      aria-disabled={!canSubmit || !isValid}
      data-disabled={!canSubmit || !isValid || undefined}
      aria-describedby={statusId}
      loading={saving}
      onClick={(event) => {
        if (!canSubmit) event.preventDefault();
      }}
    >
      {children}
    </Button>
  );
}
