// CONSOLE_AUTH=demo: a real OpenID provider (oidc-provider) in the console's process, on its own
// port, with the three demo users and one client, the console. Its development interactions are
// off: the sign-in page is ours (demo-pages.ts), and it names the demo users. The console signs in
// through it exactly as through a company's provider (openid-client, code + PKCE, discovery).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { errors, type Configuration } from 'oidc-provider';
import { demoPageHeaders, errorPage, loginPage, logoutPage, signedOutPage } from './demo-pages.ts';
import { DEMO_SCOPES, DEMO_USERS, findDemoUser } from './demo-users.ts';
import { memoryAdapter } from './memory-adapter.ts';

export const DEMO_CLIENT_ID = 'organizations-console';

/** The Koa context of a middleware the provider runs (before its own routes). */
type ProviderContext = Parameters<Parameters<Provider['use']>[0]>[0];

export interface DemoProviderOptions {
  /** Interface to listen on (the console's HOST: loopback in demo mode). */
  host: string;
  /** 0: any free port. */
  port: number;
  /** The console's address (its origin): where the provider sends people back. */
  consoleUrl: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  /**
   * The console's client secret; default: made anew at this start, never leaving this process. A
   * provider shared by replicas (cli.ts) is given one, which each replica is given too.
   */
  clientSecret?: string;
}

export interface DemoProvider {
  /** http://localhost:PORT: the OIDC_ISSUER of the console in demo mode. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]{1,100})(\/login)?$/;
/** A sign-in form is two short fields: a body beyond this is refused unread. */
const MAX_FORM_BYTES = 8 * 1024;

export async function startDemoProvider(options: DemoProviderOptions): Promise<DemoProvider> {
  // Its handler is added once the provider exists; nobody knows the port before then.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://localhost:${port}`;
  const clientSecret = options.clientSecret ?? randomBytes(32).toString('base64url');
  const provider = new Provider(issuer, configuration(options, clientSecret));
  const headers = demoPageHeaders([new URL(options.consoleUrl).origin]);

  provider.use(async (ctx, next) => {
    try {
      const interaction = INTERACTION_PATH.exec(ctx.path);
      if (interaction === null) await next();
      else await interact(provider, ctx, interaction[2] !== undefined, options.consoleUrl);
    } finally {
      ctx.set(headers);
    }
  });
  server.on('request', provider.callback());

  return {
    issuer,
    clientId: DEMO_CLIENT_ID,
    clientSecret,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function configuration(options: DemoProviderOptions, clientSecret: string): Configuration {
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });
  return {
    adapter: memoryAdapter(),
    clients: [
      {
        client_id: DEMO_CLIENT_ID,
        client_secret: clientSecret,
        client_name: 'Organizations Console',
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_ctx, subject) {
      const user = DEMO_USERS.find((candidate) => candidate.subject === subject);
      if (user === undefined) return undefined;
      return {
        accountId: user.subject,
        claims: () => ({
          sub: user.subject,
          email: user.email,
          email_verified: true,
          name: user.name,
          groups: user.groups,
        }),
      };
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
    },
    scopes: DEMO_SCOPES.split(' '),
    responseTypes: ['code'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      const what = typeof out.error_description === 'string' ? out.error_description : out.error;
      ctx.body = errorPage(`The provider could not go on: ${String(what)}.`, options.consoleUrl);
    },
    // The console is the demo provider's own first-party client: no consent screen, the grant
    // covers what the console asks for.
    async loadExistingGrant(ctx) {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (session?.accountId === undefined || client === undefined) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing !== undefined) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope(DEMO_SCOPES);
      await grant.save();
      return grant;
    },
    clientBasedCORS: () => false,
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      // Lax for both: the console and this provider are one site (localhost), and every hop
      // between them is a top-level navigation. (SameSite=None needs https.)
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: 'demo-signing-key' }] },
    ttl: {
      AccessToken: 10 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 10 * 60,
      Session: 8 * 60 * 60,
      Grant: 24 * 60 * 60,
    },
  };
}

/** GET /interaction/<uid>: the sign-in page; POST …/login: check the demo user, go on. */
async function interact(
  provider: Provider,
  ctx: ProviderContext,
  submitted: boolean,
  consoleUrl: string,
): Promise<void> {
  ctx.set('Cache-Control', 'no-store');
  let details;
  try {
    details = await provider.interactionDetails(ctx.req, ctx.res);
  } catch (error) {
    if (!(error instanceof errors.SessionNotFound)) throw error;
    ctx.status = 400;
    ctx.type = 'html';
    ctx.body = errorPage(
      'This sign-in has expired or was opened in another browser. Go back to the console and sign in again.',
      consoleUrl,
    );
    return;
  }
  const action = `/interaction/${details.uid}/login`;
  if (details.prompt.name !== 'login') {
    // Consent: the console is first-party (loadExistingGrant); nothing to ask.
    const grant = new provider.Grant({
      clientId: String(details.params.client_id),
      accountId: details.session?.accountId,
    });
    grant.addOIDCScope(DEMO_SCOPES);
    const grantId = await grant.save();
    await redirectTo(
      ctx,
      await provider.interactionResult(
        ctx.req,
        ctx.res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      ),
    );
    return;
  }
  if (ctx.method === 'GET' && !submitted) {
    ctx.type = 'html';
    ctx.body = loginPage({ action, email: '', error: undefined });
    return;
  }
  if (ctx.method !== 'POST' || !submitted) {
    ctx.status = 405;
    return;
  }
  const form = await readForm(ctx);
  const email = form?.get('email') ?? '';
  const user = findDemoUser(email, form?.get('password') ?? '');
  if (user === undefined) {
    ctx.status = 401;
    ctx.type = 'html';
    ctx.body = loginPage({
      action,
      email,
      error:
        'That e-mail and password are not a demo user’s. Use one of the addresses below with the password demo.',
    });
    return;
  }
  await redirectTo(
    ctx,
    await provider.interactionResult(
      ctx.req,
      ctx.res,
      { login: { accountId: user.subject } },
      {
        mergeWithLastSubmission: false,
      },
    ),
  );
}

async function redirectTo(ctx: ProviderContext, url: string): Promise<void> {
  ctx.status = 303;
  ctx.redirect(url);
}

/** An application/x-www-form-urlencoded body of at most MAX_FORM_BYTES, or undefined. */
async function readForm(ctx: ProviderContext): Promise<URLSearchParams | undefined> {
  if (!(ctx.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded'))
    return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
