// The console as an OpenID Connect client (openid-client): authorization code flow with PKCE, a
// nonce and a state, the provider found by discovery, and RP-initiated logout when the provider
// offers it. Discovery is retried on the next sign-in when the provider could not be reached at
// start, so a provider that is down only delays sign-in; signed-in people keep working.
import * as oidc from 'openid-client';
import type { Claims } from './role-mapping.ts';

export interface RelyingPartyOptions {
  issuer: string;
  clientId: string;
  /** Undefined: a public client (PKCE only, no secret at the token endpoint). */
  clientSecret: string | undefined;
  scopes: string;
  /** CONSOLE_URL/console/callback: registered at the provider. */
  redirectUri: string;
  /** CONSOLE_URL/console/signed-out: registered at the provider for logout. */
  postLogoutRedirectUri: string;
  /** Plain http to the provider: only for one on this machine (checked by auth-config.ts). */
  allowHttp: boolean;
}

/** What the callback must check, kept in the store under the state's hash until then. */
export interface PendingSignIn {
  state: string;
  codeVerifier: string;
  nonce: string;
}

export interface SignedIn {
  /** The ID token's claims, with the UserInfo endpoint's (e-mail, name, groups) when it has one. */
  claims: Claims & { sub: string };
  idToken: string | null;
}

export interface RelyingParty {
  /** Finds the provider (once; again after a failure). Rejects when it cannot be reached. */
  discover(): Promise<void>;
  /** A fresh state, PKCE verifier and nonce, and the provider's URL to send the browser to. */
  begin(options: { forceLogin: boolean }): Promise<{ url: string; pending: PendingSignIn }>;
  /** Checks the provider's answer at the callback and exchanges the code for the ID token. */
  finish(callbackUrl: URL, pending: PendingSignIn): Promise<SignedIn>;
  /** The provider's logout address for this session, or undefined when it offers none. */
  endSessionUrl(idToken: string | null): Promise<string | undefined>;
}

/** Seconds the console waits for the provider (discovery, token, UserInfo). */
const PROVIDER_TIMEOUT_SECONDS = 10;

export function createRelyingParty(options: RelyingPartyOptions): RelyingParty {
  let configuration: Promise<oidc.Configuration> | undefined;
  const configured = (): Promise<oidc.Configuration> => {
    configuration ??= oidc
      .discovery(
        new URL(options.issuer),
        options.clientId,
        options.clientSecret === undefined ? {} : { client_secret: options.clientSecret },
        // The spec's default method for a client with a secret, which every provider supports.
        options.clientSecret === undefined
          ? oidc.None()
          : oidc.ClientSecretBasic(options.clientSecret),
        {
          execute: options.allowHttp ? [oidc.allowInsecureRequests] : [],
          timeout: PROVIDER_TIMEOUT_SECONDS,
        },
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };

  return {
    async discover() {
      await configured();
    },

    async begin({ forceLogin }) {
      const config = await configured();
      const pending: PendingSignIn = {
        state: oidc.randomState(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
        nonce: oidc.randomNonce(),
      };
      const parameters: Record<string, string> = {
        redirect_uri: options.redirectUri,
        scope: options.scopes,
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      };
      if (forceLogin) parameters.prompt = 'login';
      return { url: oidc.buildAuthorizationUrl(config, parameters).href, pending };
    },

    async finish(callbackUrl, pending) {
      const config = await configured();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (idClaims === undefined) throw new Error('the provider sent no ID token');
      let claims: Claims & { sub: string } = { ...idClaims };
      if (config.serverMetadata().userinfo_endpoint !== undefined) {
        const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        // The ID token's own claims (sub, iss, aud, nonce…) win over UserInfo's.
        claims = { ...userInfo, ...idClaims };
      }
      return { claims, idToken: tokens.id_token ?? null };
    },

    async endSessionUrl(idToken) {
      let config: oidc.Configuration;
      try {
        config = await configured();
      } catch {
        return undefined;
      }
      if (config.serverMetadata().end_session_endpoint === undefined) return undefined;
      const parameters: Record<string, string> = {
        post_logout_redirect_uri: options.postLogoutRedirectUri,
      };
      if (idToken !== null) parameters.id_token_hint = idToken;
      return oidc.buildEndSessionUrl(config, parameters).href;
    },
  };
}
