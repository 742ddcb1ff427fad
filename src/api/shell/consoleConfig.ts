// What the console server tells the browser about itself (server/console-app.ts): which backend
// answers `/v1` and the chatbot to open on. Never a key.
import { apiPath, request } from '../client.ts';
import { consoleConfigSchema } from '../schemas.ts';
import type { Infer } from '../validate.ts';

export type ConsoleConfig = Infer<typeof consoleConfigSchema>;

export function getConsoleConfig(signal?: AbortSignal): Promise<ConsoleConfig> {
  return request({
    operation: 'getConsoleConfig',
    path: apiPath('console', 'config'),
    schema: consoleConfigSchema,
    signal,
  });
}
