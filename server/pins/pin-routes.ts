// A person's pinned organizations, kept in the console's store (server/store/pins/) so that they
// follow the person from browser to browser and into a chat tool's frame:
//
//   GET    /console/pins/:chatbotId                   → {"pins": [organizationId, …]}
//   PUT    /console/pins/:chatbotId/:organizationId   → the list, the organization added at its end
//   DELETE /console/pins/:chatbotId/:organizationId   → the list without it
//
// Behind the same steps as every /console route: the Host allowlist and the same-origin rule
// (writes only from the console's own page; another site's page cannot even read), then the
// session (401 without one). Pins are a person's own shortcuts to what they may already search,
// so the role that may search (every role) may pin; a session without it is refused (403).
// In local mode there is no person to keep them for: 404, and the page keeps them in the browser.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { OPERATION_ROLES, refusalMessage, roleAllows } from '../api/roles.ts';
import type { TeamAccess } from '../auth/console-auth.ts';
import type { ConsoleEnv } from '../pipeline/console-env.ts';
import { StoreInputError } from '../store/index.ts';

export const PINS_PATH = '/console/pins';

export const LOCAL_PINS_ERROR = {
  error:
    'Pins are kept in this browser in local mode (no sign-in): the console has no person to keep them for.',
};

/** Ids longer than this are no ids the API hands out (the store itself allows up to 1,000). */
const MAX_PIN_ID_LENGTH = 200;

export function mountPinRoutes(
  app: Hono<ConsoleEnv>,
  team: TeamAccess | undefined,
  session: MiddlewareHandler<ConsoleEnv>,
): void {
  if (team === undefined || team.auth.mode === 'local') {
    app.all(`${PINS_PATH}/*`, (c) => c.json(LOCAL_PINS_ERROR, 404));
    return;
  }
  const pins = team.store.pins;

  app.get(`${PINS_PATH}/:chatbotId`, session, (c) =>
    answer(c, (subject, chatbotId) => pins.list(subject, chatbotId)),
  );
  app.put(`${PINS_PATH}/:chatbotId/:organizationId`, session, (c) =>
    answer(c, (subject, chatbotId, organizationId) => pins.add(subject, chatbotId, organizationId)),
  );
  app.delete(`${PINS_PATH}/:chatbotId/:organizationId`, session, (c) =>
    answer(c, (subject, chatbotId, organizationId) =>
      pins.remove(subject, chatbotId, organizationId),
    ),
  );
  app.all(`${PINS_PATH}/*`, (c) => {
    c.header('Allow', 'GET, PUT, DELETE');
    c.header('Cache-Control', 'no-store');
    return c.json({ error: `${c.req.method} is not allowed here: GET, PUT or DELETE.` }, 405);
  });
}

async function answer(
  c: Context<ConsoleEnv>,
  act: (subject: string, chatbotId: string, organizationId: string) => Promise<string[]>,
): Promise<Response> {
  c.header('Cache-Control', 'no-store');
  const actor = c.get('actor');
  if (actor?.kind !== 'person') throw new Error('the pin routes run after the session step');
  if (!roleAllows(actor.role, 'search')) {
    return c.json(
      {
        error: refusalMessage(actor.role, 'search'),
        role: actor.role,
        requiredRole: OPERATION_ROLES.search,
        operation: 'search',
      },
      403,
    );
  }
  const chatbotId = c.req.param('chatbotId') ?? '';
  const organizationId = c.req.param('organizationId') ?? '-';
  for (const [name, value] of [
    ['chatbot id', chatbotId],
    ['organization id', organizationId],
  ] as const) {
    if (value.length > MAX_PIN_ID_LENGTH || value.trim() === '') {
      return c.json({ error: `The ${name} must be 1–${MAX_PIN_ID_LENGTH} characters.` }, 400);
    }
  }
  try {
    return c.json({ pins: await act(actor.subject, chatbotId, organizationId) });
  } catch (error) {
    if (error instanceof StoreInputError) return c.json({ error: error.message }, 400);
    throw error;
  }
}
