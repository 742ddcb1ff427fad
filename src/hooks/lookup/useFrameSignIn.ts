// Sign-in for the lookup inside a chat tool's frame. The frame's session cookie belongs to the chat
// tool's site (partitioned), and identity providers refuse to be framed, so sign-in runs in a
// pop-up, where a session of the console's own is made. Its last page posts a one-time code to this
// window (to the console's origin only); the code is swapped for the frame's own session
// (api/lookup/frameSignIn.ts) and every query asks again: the page goes on where it was, nothing
// typed lost, no reload. Only a message from the pop-up this page opened, at its own origin,
// counts.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  FRAME_SIGN_IN_MESSAGE,
  FRAME_SIGN_IN_PAGE,
  redeemFrameSignInCode,
} from '../../api/lookup/frameSignIn.ts';
import { errorReason } from '../search/useOrganizationSearch.ts';

export type FrameSignInStep =
  | { step: 'idle' }
  /** The pop-up is open; the person signs in there. */
  | { step: 'waiting' }
  /** The code came back; the frame's own session is being made. */
  | { step: 'finishing' }
  /** The browser did not open the pop-up. */
  | { step: 'blocked' }
  /** The pop-up was closed before it handed a sign-in back. */
  | { step: 'closed' }
  | { step: 'failed'; reason: string };

/** How often the page notices that the person closed the pop-up. */
const CLOSED_CHECK_MS = 500;

function codeOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, code } = data as { type?: unknown; code?: unknown };
  return type === FRAME_SIGN_IN_MESSAGE && typeof code === 'string' && code.length <= 100
    ? code
    : null;
}

export function useFrameSignIn(): { state: FrameSignInStep; start: () => void } {
  const queryClient = useQueryClient();
  const [state, setState] = useState<FrameSignInStep>({ step: 'idle' });
  const popUp = useRef<Window | null>(null);

  const start = useCallback(() => {
    const opened = window.open(
      FRAME_SIGN_IN_PAGE,
      'organizations-console-sign-in',
      'popup,width=520,height=680',
    );
    popUp.current = opened;
    setState(opened === null ? { step: 'blocked' } : { step: 'waiting' });
    opened?.focus();
  }, []);

  const waiting = state.step === 'waiting';
  useEffect(() => {
    if (!waiting) return;
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== popUp.current) return;
      const code = codeOf(event.data);
      if (code === null) return;
      setState({ step: 'finishing' });
      redeemFrameSignInCode(code).then(
        async () => {
          popUp.current?.close();
          popUp.current = null;
          await queryClient.invalidateQueries();
          setState({ step: 'idle' });
        },
        (error: unknown) =>
          setState({
            step: 'failed',
            reason: error instanceof Error ? errorReason(error) : String(error),
          }),
      );
    };
    window.addEventListener('message', onMessage);
    const closedCheck = window.setInterval(() => {
      if (popUp.current?.closed) {
        popUp.current = null;
        setState((current) => (current.step === 'waiting' ? { step: 'closed' } : current));
      }
    }, CLOSED_CHECK_MS);
    return () => {
      window.removeEventListener('message', onMessage);
      window.clearInterval(closedCheck);
    };
  }, [waiting, queryClient]);

  return { state, start };
}
