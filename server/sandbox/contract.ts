/** What the console server (and tests) need from a sandbox: a web-standard fetch handler. */
export interface Sandbox {
  fetch(request: Request): Promise<Response>;
  /** Closes the database; the instance is unusable afterwards. */
  close(): void;
}

export interface SandboxOptions {
  /** Directory of the SQLite database; created when missing. */
  dataDir: string;
  /** Organizations to seed when the database is empty (default 5,000; 0 seeds nothing). */
  seedOrganizations?: number;
}
