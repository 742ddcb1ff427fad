// Sign-out: the console ends the session, then the browser goes where its answer says (the
// provider's logout when it offers one, else the console's signed-out page).
import { useMutation } from '@tanstack/react-query';
import { signOut } from '../api/session.ts';

export function useSignOut(go: (href: string) => void = (href) => window.location.assign(href)) {
  const mutation = useMutation({
    mutationFn: signOut,
    onSuccess: ({ redirectTo }) => go(redirectTo),
  });
  return {
    signOut: () => mutation.mutate(),
    isPending: mutation.isPending || mutation.isSuccess,
    error: mutation.error,
  };
}
