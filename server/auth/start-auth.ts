// Sign-in as server/main.ts starts it, once the console's address is known: nothing (local mode),
// a company's provider (found by discovery, retried at sign-in if it is down now), or the demo
// provider started here on its own port.
import type { ConsoleAccess } from '../pipeline/console-access.ts';
import type { AuthConfig } from './auth-config.ts';
import type { ConsoleAuth } from './console-auth.ts';
import {
  DEMO_CLIENT_ID,
  startDemoProvider,
  type DemoProvider,
} from './demo-provider/demo-provider.ts';
import { DEMO_PASSWORD, DEMO_SCOPES, DEMO_USERS } from './demo-provider/demo-users.ts';
import { createRelyingParty, type RelyingParty } from './oidc-client.ts';
import { cookiePolicy } from './session-cookie.ts';
import { CALLBACK_PATH, SIGNED_OUT_PATH } from './sign-in-routes.ts';

/**
 * The demo provider on `port` (0: any free one) and the console's client of it, found by
 * discovery as a company's provider would be.
 */
export async function startDemoSignIn(
  host: string,
  port: number,
  consoleUrl: string,
  clientSecret?: string,
): Promise<{ provider: DemoProvider; relyingParty: RelyingParty }> {
  const redirectUri = `${consoleUrl}${CALLBACK_PATH}`;
  const postLogoutRedirectUri = `${consoleUrl}${SIGNED_OUT_PATH}`;
  const provider = await startDemoProvider({
    host,
    port,
    consoleUrl,
    redirectUri,
    postLogoutRedirectUri,
    clientSecret,
  });
  const relyingParty = createRelyingParty({
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    scopes: DEMO_SCOPES,
    redirectUri,
    postLogoutRedirectUri,
    allowHttp: true,
  });
  try {
    await relyingParty.discover();
  } catch (error) {
    await provider.close();
    throw error;
  }
  return { provider, relyingParty };
}

export interface StartedAuth {
  auth: ConsoleAuth;
  /** For the start banner: how people sign in. */
  description: string;
  close(): Promise<void>;
}

export async function startAuth(
  config: AuthConfig,
  access: ConsoleAccess,
  host: string,
  consoleUrl: string | undefined,
  log: (line: string) => void,
  /** EMBED_ALLOWED_ORIGINS is set: the session cookie must travel in another site's frame. */
  embedded = false,
): Promise<StartedAuth> {
  if (config.mode === 'off') {
    return {
      auth: { mode: 'local' },
      description: 'off (local mode: no sign-in, this machine only)',
      close: async () => {},
    };
  }
  const redirectUri = `${access.url}${CALLBACK_PATH}`;
  const postLogoutRedirectUri = `${access.url}${SIGNED_OUT_PATH}`;
  const common = {
    roles: config.roles,
    sessions: config.sessions,
    cookies: cookiePolicy(consoleUrl, embedded),
  };

  if (config.mode === 'demo') {
    const users = DEMO_USERS.map((user) => user.email).join(', ');
    if (config.sharedProvider !== undefined) {
      // A provider shared by replicas, run on its own (`npm run demo-provider`): it must answer now.
      const relyingParty = createRelyingParty({
        issuer: config.sharedProvider.issuer,
        clientId: DEMO_CLIENT_ID,
        clientSecret: config.sharedProvider.clientSecret,
        scopes: DEMO_SCOPES,
        redirectUri,
        postLogoutRedirectUri,
        allowHttp: true,
      });
      await relyingParty.discover();
      return {
        auth: { mode: 'demo', relyingParty, ...common },
        description: `shared demo provider at ${config.sharedProvider.issuer}; users ${users}, password ${DEMO_PASSWORD}`,
        close: async () => {},
      };
    }
    const { provider, relyingParty } = await startDemoSignIn(host, config.providerPort, access.url);
    return {
      auth: { mode: 'demo', relyingParty, ...common },
      description: `demo provider at ${provider.issuer}; users ${users}, password ${DEMO_PASSWORD}`,
      close: () => provider.close(),
    };
  }

  const relyingParty = createRelyingParty({
    ...config.oidc,
    redirectUri,
    postLogoutRedirectUri,
    allowHttp: config.oidc.issuer.startsWith('http:'),
  });
  try {
    await relyingParty.discover();
  } catch (error) {
    log(
      `Organizations Console: the OpenID provider ${config.oidc.issuer} cannot be reached yet ` +
        `(${error instanceof Error ? error.message : error}); sign-in tries again when someone signs in.`,
    );
  }
  return {
    auth: { mode: 'oidc', relyingParty, ...common },
    description: `OpenID provider ${config.oidc.issuer}, redirect URI ${redirectUri}`,
    close: async () => {},
  };
}
