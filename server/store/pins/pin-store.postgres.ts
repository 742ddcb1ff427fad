import type pg from 'pg';
import { requiredId } from '../input.ts';
import { inTransaction, type Queryable } from '../postgres/pool.ts';
import {
  MAX_PINS,
  checkReorder,
  pinKey,
  tooManyPins,
  type PinKey,
  type PinStore,
} from './pin-store.ts';

async function list(db: Queryable, { user, chatbot }: PinKey, lock = false): Promise<string[]> {
  const { rows } = await db.query<{ organization_id: string }>(
    `SELECT organization_id FROM pins WHERE user_subject = $1 AND chatbot_id = $2
      ORDER BY sort_order, pinned_at, organization_id ${lock ? 'FOR UPDATE' : ''}`,
    [user, chatbot],
  );
  return rows.map((row) => row.organization_id);
}

export function createPostgresPinStore(pool: pg.Pool, now: () => number): PinStore {
  return {
    async list(userSubject, chatbotId) {
      return list(pool, pinKey(userSubject, chatbotId));
    },
    async add(userSubject, chatbotId, organizationId) {
      const key = pinKey(userSubject, chatbotId);
      const organization = requiredId('organizationId', organizationId);
      return inTransaction(pool, async (client) => {
        // Locks the person's pins, so two tabs adding at once count each other's (the very
        // first pins of a list have no row to lock: at worst they share a position).
        const current = await list(client, key, true);
        if (current.includes(organization)) return current;
        if (current.length >= MAX_PINS) throw tooManyPins();
        await client.query(
          `INSERT INTO pins (user_subject, chatbot_id, organization_id, sort_order, pinned_at)
           SELECT $1, $2, $3, COALESCE(MAX(sort_order) + 1, 0), $4
             FROM pins WHERE user_subject = $1 AND chatbot_id = $2
           ON CONFLICT (user_subject, chatbot_id, organization_id) DO NOTHING`,
          [key.user, key.chatbot, organization, now()],
        );
        return list(client, key);
      });
    },
    async remove(userSubject, chatbotId, organizationId) {
      const key = pinKey(userSubject, chatbotId);
      await pool.query(
        'DELETE FROM pins WHERE user_subject = $1 AND chatbot_id = $2 AND organization_id = $3',
        [key.user, key.chatbot, requiredId('organizationId', organizationId)],
      );
      return list(pool, key);
    },
    async reorder(userSubject, chatbotId, organizationIds) {
      const key = pinKey(userSubject, chatbotId);
      return inTransaction(pool, async (client) => {
        const next = checkReorder(await list(client, key, true), organizationIds);
        await client.query(
          `UPDATE pins SET sort_order = t.position - 1
             FROM unnest($3::text[]) WITH ORDINALITY AS t(organization_id, position)
            WHERE pins.user_subject = $1 AND pins.chatbot_id = $2
              AND pins.organization_id = t.organization_id`,
          [key.user, key.chatbot, next],
        );
        return list(client, key);
      });
    },
  };
}
