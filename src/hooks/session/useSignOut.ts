// Sign-out: the console ends the session, then the browser goes where its answer says (the
// provider's logout when it offers one, else the console's signed-out page).
import { useMutation } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { signOut } from '../../api/session/session.ts';
import { markSigningOut } from '../../lib/session/leavingForSignIn.ts';

export function useSignOut(go: (href: string) => void = (href) => window.location.assign(href)) {
  const mutation = useMutation({
    mutationFn: signOut,
    onMutate: () => markSigningOut(true),
    onError: () => markSigningOut(false),
    onSuccess: ({ redirectTo }) => go(redirectTo),
  });
  return {
    signOut: () => mutation.mutate(),
    isPending: mutation.isPending || mutation.isSuccess,
    error: mutation.error,
    /** What went wrong, in a sentence for the account menu; null when nothing did. */
    errorMessage:
      mutation.error === null
        ? null
        : isApiError(mutation.error)
          ? mutation.error.message
          : 'Could not sign out. Try again.',
  };
}
