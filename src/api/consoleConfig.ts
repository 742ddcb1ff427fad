// What the console server tells the browser about itself (server/console-app.ts): which backend
// answers `/v1` and the chatbot to open on. Never a key.
import type { z } from 'zod/mini';
import { apiPath, request } from './client.ts';
import { consoleConfigSchema } from './schemas.ts';

export type ConsoleConfig = z.infer<typeof consoleConfigSchema>;

export function getConsoleConfig(signal?: AbortSignal): Promise<ConsoleConfig> {
  return request({
    operation: 'getConsoleConfig',
    path: apiPath('console', 'config'),
    schema: consoleConfigSchema,
    signal,
  });
}
