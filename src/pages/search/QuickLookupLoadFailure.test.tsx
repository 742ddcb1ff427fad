import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { installJsdomDialogMethods } from '../../components/palette/jsdomDialog.ts';
import { QuickLookup } from './QuickLookup.tsx';

// The palette's chunk cannot be fetched (offline, or a deploy removed the old file).
vi.mock('./QuickLookupPalette.tsx', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

beforeAll(() => {
  installJsdomDialogMethods();
});

describe('QuickLookup when the palette cannot be loaded', () => {
  it('says so in the stand-in, keeps what was typed, and the page stays usable', async () => {
    const { user } = renderWithProviders(
      <>
        <QuickLookup chatbotId="demo" />
        <button type="button">Something else on the page</button>
      </>,
    );
    await user.keyboard('{Control>}k{/Control}northwind');
    const standIn = screen.getByRole('dialog', { name: 'Quick lookup of organizations' });
    expect(await within(standIn).findByRole('status')).toHaveTextContent(
      /could not be loaded\. Check the connection/,
    );
    expect(within(standIn).getByRole('textbox', { name: 'Find an organization' })).toHaveValue(
      'northwind',
    );

    // Ctrl+K closes it again; the rest of the page is still there.
    await user.keyboard('{Control>}k{/Control}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Something else on the page' })).toBeVisible();
  });
});
