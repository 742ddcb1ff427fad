import type { Operation } from '../api/operations.ts';

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

/** The console app's context variables, set by the pipeline's steps for those after them. */
export interface ConsoleEnv {
  Variables: {
    /** The inline scripts' hashes of the HTML page being answered (page-html.ts), for the CSP. */
    scriptHashes?: string[];
    /** Set on `/v1/*` once the request is known to be one of the eight operations. */
    apiOperation?: ResolvedOperation;
  };
}
