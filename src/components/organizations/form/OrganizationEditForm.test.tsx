import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Organization } from '../../../api/types.ts';
import { organizationEditSchema } from '../../../lib/organizations/organizationForm.ts';
import {
  emailText,
  sizeText,
  websiteText,
} from '../../../lib/organizations/organizationForm.arbitraries.ts';
import { FIELD_MESSAGES } from '../../../lib/organizations/organizationFormRules.ts';
import { OrganizationEditForm } from './OrganizationEditForm.tsx';

const ORGANIZATION: Organization = {
  id: 'org-1',
  name: 'Acme',
  created: '2024-01-01T00:00:00.000Z',
  updated: '2024-02-01T00:00:00.000Z',
  email: 'info@acme.example',
  website: 'https://acme.example',
  size: 12,
  industry: 'Tools',
  address: { street: 'Main Street', houseNumber: '5', location: 'Berlin', country: 'Germany' },
  variables: { plan: 'Gold' },
};

function renderForm(organization: Organization = ORGANIZATION, disabledReason?: string) {
  const onSave = vi.fn();
  const onDirtyChange = vi.fn();
  render(
    <MantineProvider env="test">
      <OrganizationEditForm
        baseline={organization}
        saving={false}
        disabledReason={disabledReason}
        onSave={onSave}
        onDirtyChange={onDirtyChange}
      />
    </MantineProvider>,
  );
  return {
    onSave,
    onDirtyChange,
    save: () => screen.getByRole('button', { name: 'Save changes' }),
  };
}

/** Save is never `disabled` (Tab must reach it): it says it cannot save with aria-disabled. */
function expectSaveUnavailable(button: HTMLElement) {
  expect(button).toBeEnabled();
  expect(button).toHaveAttribute('aria-disabled', 'true');
}

function expectSaveAvailable(button: HTMLElement) {
  expect(button).toHaveAttribute('aria-disabled', 'false');
}

/** The input whose label starts with `label` (a required field's label ends with " *"). */
function field(label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return screen.getByLabelText(new RegExp(`^${escaped}`), { selector: 'input, textarea' });
}

afterEach(cleanup);

// jsdom has no FontFaceSet; Mantine's autosizing Textarea listens on it.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {} },
  });
}

describe('OrganizationEditForm', () => {
  it('opens with the organization and Save disabled until something changes', async () => {
    const { save, onDirtyChange } = renderForm();
    expect(field('Name')).toHaveValue('Acme');
    expect(field('Email')).toHaveValue('info@acme.example');
    expect(field('Size')).toHaveValue('12');
    expect(field('Variable 1 name')).toHaveValue('plan');
    await waitFor(() => expectSaveUnavailable(save()));
    expect(screen.getByText('No unsaved changes.')).toBeInTheDocument();
    fireEvent.change(field('Industry'), { target: { value: 'Hardware' } });
    await waitFor(() => expectSaveAvailable(save()));
    expect(screen.getByText(/^1 unsaved change, kept in this browser/)).toBeInTheDocument();
    // Reported from an effect after the render that enabled Save.
    await waitFor(() => expect(onDirtyChange).toHaveBeenLastCalledWith(true));
  });

  it.each([
    ['Name', '   ', FIELD_MESSAGES.nameRequired],
    ['Email', 'info@', FIELD_MESSAGES.email],
    ['Website', 'acme.example', FIELD_MESSAGES.websiteScheme],
    ['Website', 'https://acme example', FIELD_MESSAGES.website],
    ['Size', '12.5', FIELD_MESSAGES.size],
    ['Size', '', FIELD_MESSAGES.sizeRequired],
  ])('refuses %s %j inline and sends nothing', async (label, value, message) => {
    const { save, onSave } = renderForm();
    fireEvent.change(field(label), { target: { value } });
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(field(label)).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expectSaveUnavailable(save()));
    expect(save()).toHaveAccessibleDescription(new RegExp(`^Fix 1 field to save: ${label}`));
    // Pressed all the same: nothing is sent, and the focus goes to the field to fix.
    await userEvent.click(save());
    expect(onSave).not.toHaveBeenCalled();
    await waitFor(() => expect(field(label)).toHaveFocus());
  });

  it('does not let stored values that break the rules block saving the other fields', async () => {
    const { save, onSave } = renderForm({
      ...ORGANIZATION,
      website: 'acme.example',
      email: 'info(at)acme.example',
      size: 0.5,
    });
    // Named, with a fix, but not an error.
    expect(await screen.findByText(/The stored web address has no http/)).toBeInTheDocument();
    expect(screen.getByText(/The stored email is not a valid email address/)).toBeInTheDocument();
    expect(screen.getByText(/The stored size is not a whole number/)).toBeInTheDocument();
    expect(field('Website')).not.toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(field('Industry'), { target: { value: 'Hardware' } });
    await waitFor(() => expectSaveAvailable(save()));
    await userEvent.click(save());
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const [values] = onSave.mock.calls[0] as [Record<string, unknown>];
    expect(values).toMatchObject({ industry: 'Hardware', website: 'acme.example', size: '0.5' });
  });

  it('offers the fix of a stored value, which then counts as a change checked strictly', async () => {
    const { save } = renderForm({ ...ORGANIZATION, website: 'acme.example', size: 0.5 });
    await userEvent.click(await screen.findByRole('button', { name: 'Add https://' }));
    expect(field('Website')).toHaveValue('https://acme.example');
    expect(screen.queryByText(/The stored web address has no http/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Round to 1' }));
    expect(field('Size')).toHaveValue('1');
    await waitFor(() => expectSaveAvailable(save()));
    // Changed now, so checked: a bad edit of it is refused again.
    fireEvent.change(field('Website'), { target: { value: 'acme example' } });
    expect(await screen.findByText(FIELD_MESSAGES.websiteScheme)).toBeInTheDocument();
  });

  it('shows hidden characters and double spaces as markers, and removes them on request', async () => {
    renderForm();
    fireEvent.change(field('Name'), { target: { value: 'Acme\u200b  Tools\u202e' } });
    expect(
      await screen.findByText(
        /Hidden characters: 1 zero-width space, 2 extra spaces, 1 right-to-left override/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByTitle('zero-width space')).toHaveTextContent('ZWSP');
    expect(screen.getByTitle('right-to-left override')).toHaveTextContent('RLO');
    await userEvent.click(screen.getByRole('button', { name: 'Remove them' }));
    expect(field('Name')).toHaveValue('Acme Tools');
    expect(screen.queryByText(/Hidden characters/)).toBeNull();
  });

  it('sends trimmed values when everything is acceptable', async () => {
    const { save, onSave } = renderForm();
    fireEvent.change(field('Name'), { target: { value: '  Acme Tools  ' } });
    fireEvent.change(field('Website'), { target: { value: ' https://tools.acme.example/ ' } });
    await waitFor(() => expectSaveAvailable(save()));
    await userEvent.click(save());
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const [values] = onSave.mock.calls[0] as [Record<string, unknown>];
    expect(values).toMatchObject({
      name: 'Acme Tools',
      website: 'https://tools.acme.example/',
      variables: [{ key: 'plan', value: 'Gold' }],
    });
  });

  it('adds, renames and removes variables, refusing empty and duplicate names', async () => {
    const user = userEvent.setup();
    const { save } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Add variable' }));
    expect(await screen.findByText(FIELD_MESSAGES.variableKeyRequired)).toBeInTheDocument();
    fireEvent.change(field('Variable 2 name'), { target: { value: 'plan' } });
    expect(await screen.findByText(FIELD_MESSAGES.variableKeyDuplicate)).toBeInTheDocument();
    await waitFor(() => expectSaveUnavailable(save()));
    fireEvent.change(field('Variable 2 name'), { target: { value: 'tier' } });
    await waitFor(() => expectSaveAvailable(save()));
    await user.click(screen.getByRole('button', { name: 'Remove variable 1' }));
    expect(field('Variable 1 name')).toHaveValue('tier');
  });

  it('names a stored value the API contract would not accept at once, as text', async () => {
    renderForm({ ...ORGANIZATION, email: '<img src=x onerror=alert(1)>' });
    expect(
      await screen.findByText(/The stored email is not a valid email address/),
    ).toBeInTheDocument();
    expect(field('Email')).toHaveValue('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('disables every input with the reason when editing is not allowed', () => {
    renderForm(ORGANIZATION, 'This API key may not edit organizations.');
    expect(screen.getByText('This API key may not edit organizations.')).toBeInTheDocument();
    expect(field('Name')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Add variable' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
  });

  it('never sends a value the schema refuses (property)', async () => {
    const schema = organizationEditSchema({ sizeRequired: true });
    const base = { name: 'Acme', email: '', website: '', size: '1', industry: '' };
    // A single-line input drops line breaks from what is typed: check what it will hold.
    const typed = (text: string) => text.replace(/[\r\n]/g, '');
    const refused = fc
      .oneof(
        emailText.map((value) => ['Email', 'email', typed(value)] as const),
        websiteText.map((value) => ['Website', 'website', typed(value)] as const),
        sizeText.map((value) => ['Size', 'size', typed(value)] as const),
      )
      .filter(
        ([, key, value]) =>
          !schema.safeParse({
            ...base,
            [key]: value,
            address: { street: '', houseNumber: '', zipcode: '', location: '', country: '' },
            variables: [],
          }).success,
      );
    await fc.assert(
      fc.asyncProperty(refused, async ([label, , value]) => {
        cleanup();
        const { onSave, save } = renderForm();
        fireEvent.change(field(label), { target: { value } });
        await waitFor(() => expectSaveUnavailable(save()));
        fireEvent.submit(screen.getByRole('form', { name: 'Edit organization' }));
        await act(async () => {});
        expect(onSave).not.toHaveBeenCalled();
      }),
      { numRuns: 15 },
    );
    // Fifteen renders of the whole form: seconds on a quiet machine, far more on a loaded one.
  }, 180_000);
});
