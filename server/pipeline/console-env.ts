import type { Operation } from '../api/operations.ts';
import type { ConsoleRole } from '../api/roles.ts';

/** A request's operation, as api-operation.ts found it: what every later step asks about. */
export interface ResolvedOperation {
  operation: Operation;
  /** The path's parameters, decoded (`chatbotId`, `organizationId`). */
  parameters: Readonly<Record<string, string>>;
  /** The path as the console forwards it: decoded once, then encoded one way. */
  path: string;
  /** The query as the console forwards it (with its `?`, or ''), each parameter once. */
  search: string;
}

/**
 * Who a request acts for: a signed-in person (with the role of their session), or `local` when the
 * console runs without sign-in (loopback only; the audit trail says "local").
 */
export type Actor =
  | { kind: 'local' }
  | {
      kind: 'person';
      subject: string;
      email: string | null;
      name: string | null;
      role: ConsoleRole;
    };

/** The console app's context variables, set by the pipeline's steps for those after them. */
export interface ConsoleEnv {
  Variables: {
    /** A fresh id for every request (X-Request-Id on the response, the audit entry's requestId). */
    requestId: string;
    /** Set by the session step on the routes that need one (`/v1/*`, pages, `/console/*`). */
    actor?: Actor;
    /** The inline scripts' hashes of the HTML page being answered (page-html.ts), for the CSP. */
    scriptHashes?: string[];
    /** The origins that may frame the page being answered (the lookup page, EMBED_ALLOWED_ORIGINS). */
    frameAncestors?: readonly string[];
    /**
     * The answer keeps its window's opener (Cross-Origin-Opener-Policy: unsafe-none): a step of the
     * lookup's sign-in pop-up (auth/frame-sign-in-routes.ts), which must not be cut from the frame
     * that opened it, or the lookup page itself (static.ts says why).
     */
    keepOpener?: boolean;
    /** Set on `/v1/*` once the request is known to be one of the eight operations. */
    apiOperation?: ResolvedOperation;
  };
}
