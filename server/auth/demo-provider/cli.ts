// `npm run demo-provider`: the demo OpenID provider on its own, for several console replicas in
// demo mode (each started with DEMO_OIDC_ISSUER and DEMO_OIDC_CLIENT_SECRET): a sign-in begun on
// one replica may come back through the load balancer to another, which must redeem the code at
// the same provider. CONSOLE_URL is the address people open the console at (the load balancer's),
// DEMO_OIDC_CLIENT_SECRET the secret the replicas are given, DEMO_OIDC_PORT its port. Its own
// state (sign-ins in progress at the provider, its signing key) is in this process's memory: a
// restart of it ends sign-ins in progress, not the console's sessions, which live in the store.
import { ConfigProblems, integerSetting, nonEmpty } from '../../settings.ts';
import { MIN_DEMO_CLIENT_SECRET_LENGTH } from '../auth-config.ts';
import { CALLBACK_PATH, SIGNED_OUT_PATH } from '../sign-in-routes.ts';
import { startDemoProvider } from './demo-provider.ts';

const env = process.env;
const problems = new ConfigProblems();
const consoleUrl = nonEmpty(env.CONSOLE_URL);
if (consoleUrl === undefined || !/^https?:\/\/[^/]+$/.test(consoleUrl.replace(/\/$/, ''))) {
  problems.add(
    'CONSOLE_URL must be the address people open the console at (the load balancer), such as http://localhost:4173.',
  );
}
const clientSecret = nonEmpty(env.DEMO_OIDC_CLIENT_SECRET);
if (clientSecret === undefined || clientSecret.length < MIN_DEMO_CLIENT_SECRET_LENGTH) {
  problems.add(
    `DEMO_OIDC_CLIENT_SECRET must be at least ${MIN_DEMO_CLIENT_SECRET_LENGTH} characters: the secret the replicas are given too.`,
  );
}
const port = problems.read(() => integerSetting(env, 'DEMO_OIDC_PORT', 4174, 0, 65_535), 4174);
if (problems.any) {
  for (const problem of problems.all) console.error(`demo provider: ${problem}`);
  process.exit(1);
}

const origin = consoleUrl!.replace(/\/$/, '');
const provider = await startDemoProvider({
  host: '127.0.0.1',
  port,
  consoleUrl: origin,
  redirectUri: `${origin}${CALLBACK_PATH}`,
  postLogoutRedirectUri: `${origin}${SIGNED_OUT_PATH}`,
  clientSecret,
});
console.log(`Demo OpenID provider at ${provider.issuer} for the console at ${origin}`);

const stop = () => void provider.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
