// The copy button's tooltip, mounted only on the first hover, still shows and hides as before.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { CopyValueButton } from './CopyValueButton.tsx';

describe('CopyValueButton', () => {
  it('names what it copies in a tooltip on hover, and hides it when the pointer leaves', async () => {
    const { user } = renderWithProviders(<CopyValueButton value="a@b.example" what="email" />);
    const button = screen.getByRole('button', { name: 'Copy email' });
    expect(screen.queryByRole('tooltip')).toBeNull();

    await user.hover(button);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Copy email');

    await user.unhover(button);
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());

    await user.hover(button);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Copy email');
  });
});
