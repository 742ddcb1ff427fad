import { act, screen, waitFor, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configureApiClient } from '../../api/client.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { createTestSandbox, type TestSandbox } from '../../test/sandbox.ts';
import { installJsdomDialogMethods } from '../../components/palette/jsdomDialog.ts';
import { QuickLookup } from './QuickLookup.tsx';

// The palette's code arrives when the test says, as over a slow network.
const paletteCode = vi.hoisted(() => {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  return { arrived, arrive: () => arrive() };
});
vi.mock('./QuickLookupPalette.tsx', async (importOriginal) => {
  await paletteCode.arrived;
  return importOriginal();
});

let sandbox: TestSandbox;
let restoreClient: () => void;

beforeAll(() => {
  installJsdomDialogMethods();
  sandbox = createTestSandbox({ seedOrganizations: 20 });
  restoreClient = configureApiClient({ fetch: sandbox.fetch });
});

afterAll(() => {
  restoreClient();
  sandbox.close();
});

function lookupDialog() {
  return screen.getByRole('dialog', { name: 'Quick lookup of organizations' });
}

describe('QuickLookup before its palette has loaded', () => {
  it('takes the keys typed right after Ctrl+K, and the palette carries on with text and caret', async () => {
    // StrictMode, as in development: effects run, are cleaned up and run again.
    const { user } = renderWithProviders(
      <StrictMode>
        <QuickLookup chatbotId="demo" />
      </StrictMode>,
    );
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.keyboard('{Control>}k{/Control}');
    const standIn = lookupDialog();
    const standInField = within(standIn).getByRole('textbox', { name: 'Find an organization' });
    expect(standInField).toHaveFocus();
    expect(within(standIn).getByRole('status')).toHaveTextContent('Loading the quick lookup…');

    await user.keyboard('traders{Home}north ');
    expect(standInField).toHaveValue('north traders');
    expect(standInField).toHaveProperty('selectionStart', 'north '.length);

    await act(async () => {
      paletteCode.arrive();
      await paletteCode.arrived;
    });
    // The real palette module is transformed on first import: allow for a slow machine.
    await waitFor(() => expect(screen.queryByText('Loading the quick lookup…')).toBeNull(), {
      timeout: 15_000,
    });
    const paletteField = within(lookupDialog()).getByRole('textbox', {
      name: 'Find an organization',
    });
    expect(paletteField).not.toBe(standInField);
    expect(paletteField).toHaveValue('north traders');
    expect(paletteField).toHaveFocus();
    expect(paletteField).toHaveProperty('selectionStart', 'north '.length);

    // Typing goes on at the caret, in the palette.
    await user.keyboard('wind');
    expect(paletteField).toHaveValue('north windtraders');
  });
});
