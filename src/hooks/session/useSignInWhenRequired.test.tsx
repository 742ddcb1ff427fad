import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isApiError } from '../../api/client.ts';
import { getConsoleConfig } from '../../api/shell/consoleConfig.ts';
import { isLeavingForSignIn, markSigningOut } from '../../lib/session/leavingForSignIn.ts';
import { useSignInWhenRequired } from './useSignInWhenRequired.ts';
import { answerEveryRequest } from '../../test/answerEveryRequest.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const undo of cleanups.splice(0)) undo();
});

function answering(status: number, body: unknown) {
  cleanups.push(answerEveryRequest(status, body));
}

describe('useSignInWhenRequired', () => {
  it('sends the page to sign-in, back to where it was, once for many 401s', async () => {
    window.history.replaceState(null, '', '/chatbots/demo/organizations/o%201/edit?x=1');
    answering(401, { error: 'Sign in to continue', signInUrl: '/console/sign-in' });
    const go = vi.fn();
    renderHook(() => useSignInWhenRequired(go));
    expect(isLeavingForSignIn()).toBe(false);
    const failures = await Promise.allSettled([getConsoleConfig(), getConsoleConfig()]);
    const error = failures[0]?.status === 'rejected' ? failures[0].reason : undefined;
    expect(isApiError(error) && error.signInRequired).toBe(true);
    expect(go).toHaveBeenCalledTimes(1);
    // The unsaved-changes guard lets this navigation go without asking (the draft is kept).
    expect(isLeavingForSignIn()).toBe(true);
    expect(go).toHaveBeenCalledWith(
      '/console/sign-in?returnTo=%2Fchatbots%2Fdemo%2Forganizations%2Fo%25201%2Fedit%3Fx%3D1',
    );
  });

  it('stays put while the person signs out (the sign-out itself says where to go)', async () => {
    answering(401, { error: 'Sign in to continue', signInUrl: '/console/sign-in' });
    const go = vi.fn();
    renderHook(() => useSignInWhenRequired(go));
    markSigningOut(true);
    cleanups.push(() => markSigningOut(false));
    await expect(getConsoleConfig()).rejects.toMatchObject({ status: 401, signInRequired: true });
    expect(go).not.toHaveBeenCalled();
  });

  it('leaves a 401 of the real API (a key it refused) to the page that asked', async () => {
    answering(401, { error: 'Invalid API key' });
    const go = vi.fn();
    renderHook(() => useSignInWhenRequired(go));
    await expect(getConsoleConfig()).rejects.toMatchObject({ status: 401, signInRequired: false });
    expect(go).not.toHaveBeenCalled();
  });
});
