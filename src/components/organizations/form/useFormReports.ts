import { useEffect, useState } from 'react';
import type { DefaultValues, FieldValues, UseFormReturn } from 'react-hook-form';

interface FormReportsOptions<Values extends FieldValues> {
  /** What the form opens with instead of its default values (a draft kept in the browser). */
  initialValues: Values | undefined;
  /** Every change of what the form holds (for its draft). */
  onChange: ((typed: Values) => void) | undefined;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * What both organization forms do besides their fields: open with a draft (its messages shown at
 * once, still dirty against the stored values), report every change for the draft, and report
 * whether anything is unsaved (for the guard).
 */
export function useFormReports<Values extends FieldValues, Output>(
  form: UseFormReturn<Values, unknown, Output>,
  { initialValues, onChange, onDirtyChange }: FormReportsOptions<Values>,
): void {
  const {
    reset,
    trigger,
    subscribe,
    getValues,
    formState: { isDirty },
  } = form;
  // Only the values the form opened with: later ones are the form's own.
  const [opening] = useState(initialValues);
  useEffect(() => {
    if (opening === undefined) return;
    reset(opening as DefaultValues<Values>, { keepDefaultValues: true });
    void trigger();
  }, [opening, reset, trigger]);

  useEffect(() => {
    if (onChange === undefined) return;
    return subscribe({ formState: { values: true }, callback: () => onChange(getValues()) });
  }, [subscribe, getValues, onChange]);

  useEffect(() => {
    onDirtyChange(isDirty);
  }, [isDirty, onDirtyChange]);
}
