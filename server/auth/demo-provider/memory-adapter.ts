// Where the demo provider keeps its state (sessions, interactions, codes, grants): in this
// process's memory, gone on restart — a demo's sign-ins need not outlive it. oidc-provider's own
// in-memory adapter does the same but is shared by every provider in the process and announces
// itself as unfit for production at start; this one belongs to one provider.
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

interface StoredPayload {
  payload: AdapterPayload;
  /** Epoch ms; undefined: until the process ends. */
  expiresAt: number | undefined;
}

/** Above this many entries, an upsert first drops the expired ones. */
const SWEEP_ABOVE = 1_000;

export function memoryAdapter(now: () => number = Date.now): AdapterFactory {
  const entries = new Map<string, StoredPayload>();
  const keyByUid = new Map<string, string>();
  const keyByUserCode = new Map<string, string>();
  const keysByGrant = new Map<string, Set<string>>();

  const live = (key: string | undefined): AdapterPayload | undefined => {
    if (key === undefined) return undefined;
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  const sweep = () => {
    for (const key of [...entries.keys()]) live(key);
  };

  return (model: string): Adapter => {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        if (entries.size > SWEEP_ABOVE) sweep();
        const key = keyOf(id);
        entries.set(key, {
          payload,
          expiresAt: expiresIn > 0 ? now() + expiresIn * 1000 : undefined,
        });
        if (payload.uid !== undefined) keyByUid.set(payload.uid, key);
        if (payload.userCode !== undefined) keyByUserCode.set(payload.userCode, key);
        if (payload.grantId !== undefined) {
          const keys = keysByGrant.get(payload.grantId) ?? new Set<string>();
          keys.add(key);
          keysByGrant.set(payload.grantId, keys);
        }
      },
      async find(id) {
        return live(keyOf(id));
      },
      async findByUid(uid) {
        return live(keyByUid.get(uid));
      },
      async findByUserCode(userCode) {
        return live(keyByUserCode.get(userCode));
      },
      async consume(id) {
        const payload = live(keyOf(id));
        if (payload !== undefined) payload.consumed = Math.floor(now() / 1000);
      },
      async destroy(id) {
        entries.delete(keyOf(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of keysByGrant.get(grantId) ?? []) entries.delete(key);
        keysByGrant.delete(grantId);
      },
    };
  };
}
