import type Database from 'better-sqlite3';
import { requiredId } from '../input.ts';
import {
  MAX_PINS,
  checkReorder,
  pinKey,
  tooManyPins,
  type PinKey,
  type PinStore,
} from './pin-store.ts';

export function createSqlitePinStore(db: Database.Database, now: () => number): PinStore {
  const select = db
    .prepare(
      `SELECT organization_id FROM pins WHERE user_subject = ? AND chatbot_id = ?
        ORDER BY sort_order, pinned_at, organization_id`,
    )
    .pluck();
  const count = db
    .prepare('SELECT count(*) FROM pins WHERE user_subject = ? AND chatbot_id = ?')
    .pluck();
  // An aggregate without GROUP BY yields one row even when the person has no pin yet.
  const insert = db.prepare(
    `INSERT INTO pins (user_subject, chatbot_id, organization_id, sort_order, pinned_at)
     SELECT @user, @chatbot, @organization, COALESCE(MAX(sort_order) + 1, 0), @now
       FROM pins WHERE user_subject = @user AND chatbot_id = @chatbot
     ON CONFLICT (user_subject, chatbot_id, organization_id) DO NOTHING`,
  );
  const remove = db.prepare(
    'DELETE FROM pins WHERE user_subject = ? AND chatbot_id = ? AND organization_id = ?',
  );
  const move = db.prepare(
    `UPDATE pins SET sort_order = ?
      WHERE user_subject = ? AND chatbot_id = ? AND organization_id = ?`,
  );
  const list = ({ user, chatbot }: PinKey) => select.all(user, chatbot) as string[];

  const add = db.transaction((key: PinKey, organization: string) => {
    const current = list(key);
    if (current.includes(organization)) return current;
    if ((count.get(key.user, key.chatbot) as number) >= MAX_PINS) throw tooManyPins();
    insert.run({ ...key, organization, now: now() });
    return list(key);
  });
  const reorder = db.transaction((key: PinKey, requested: readonly string[]) => {
    const next = checkReorder(list(key), requested);
    next.forEach((organization, index) => move.run(index, key.user, key.chatbot, organization));
    return list(key);
  });

  return {
    async list(userSubject, chatbotId) {
      return list(pinKey(userSubject, chatbotId));
    },
    async add(userSubject, chatbotId, organizationId) {
      return add.immediate(
        pinKey(userSubject, chatbotId),
        requiredId('organizationId', organizationId),
      );
    },
    async remove(userSubject, chatbotId, organizationId) {
      const key = pinKey(userSubject, chatbotId);
      remove.run(key.user, key.chatbot, requiredId('organizationId', organizationId));
      return list(key);
    },
    async reorder(userSubject, chatbotId, organizationIds) {
      return reorder.immediate(pinKey(userSubject, chatbotId), organizationIds);
    },
  };
}
