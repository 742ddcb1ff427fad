import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSigningOut, markSigningOut } from '../../lib/session/leavingForSignIn.ts';
import { createTestQueryClient } from '../../test/render.tsx';
import { useSignOut } from './useSignOut.ts';
import { answerEveryRequest } from '../../test/answerEveryRequest.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanup();
  markSigningOut(false);
  for (const undo of cleanups.splice(0)) undo();
});

function answering(status: number, body: unknown) {
  cleanups.push(answerEveryRequest(status, body));
}

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={createTestQueryClient()}>{children}</QueryClientProvider>;
}

describe('useSignOut', () => {
  it('goes where the answer says, and is signing out from the press on', async () => {
    answering(200, { redirectTo: 'https://idp.example/session/end?x=1' });
    const go = vi.fn();
    const { result } = renderHook(() => useSignOut(go), { wrapper });
    act(() => result.current.signOut());
    await waitFor(() => expect(go).toHaveBeenCalledWith('https://idp.example/session/end?x=1'));
    expect(isSigningOut()).toBe(true);
    expect(result.current.isPending).toBe(true);
  });

  it('says what failed and is no longer signing out when the sign-out fails', async () => {
    answering(503, { error: 'The console store is unavailable' });
    const go = vi.fn();
    const { result } = renderHook(() => useSignOut(go), { wrapper });
    act(() => result.current.signOut());
    await waitFor(() => expect(result.current.errorMessage).not.toBeNull());
    expect(isSigningOut()).toBe(false);
    expect(go).not.toHaveBeenCalled();
  });
});
