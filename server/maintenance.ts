// The store's housekeeping, at start and then every hour: audit entries past their retention
// (AUDIT_RETENTION_DAYS), and sessions and sign-in states that have expired (they already stopped
// working; this only frees their rows).
import type { ConsoleStore } from './store/index.ts';

const EVERY_MS = 60 * 60_000;

export interface Maintenance {
  /** Resolves once the first round is done. */
  started: Promise<void>;
  stop(): void;
}

export function startMaintenance(
  store: ConsoleStore,
  auditRetentionDays: number,
  log: (line: string) => void,
): Maintenance {
  const round = async () => {
    try {
      const audit = await store.audit.purgeOlderThan(auditRetentionDays);
      const sessions = await store.sessions.purgeExpired();
      const signIns =
        (await store.signInStates.purgeExpired()) + (await store.frameSignInCodes.purgeExpired());
      if (audit + sessions + signIns > 0) {
        log(
          `console store: removed ${audit} audit entries older than ${auditRetentionDays} days, ` +
            `${sessions} expired sessions, ${signIns} expired sign-ins`,
        );
      }
    } catch (error) {
      log(`console store: housekeeping failed: ${error instanceof Error ? error.message : error}`);
    }
  };
  const timer = setInterval(() => void round(), EVERY_MS);
  timer.unref();
  return { started: round(), stop: () => clearInterval(timer) };
}
