import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { ConsoleStore } from '../console-store.ts';
import { StoreInputError } from '../errors.ts';
import type { JsonObject } from '../json.ts';
import { describeEachEngine, freshStoreForEachTest } from '../test-support/store-engines.ts';
import type { AuditEntry, NewAuditEntry } from './audit-store.ts';

const DAY = 86_400_000;
const hostile = JSON.parse(
  readFileSync(new URL('../../../fixtures/hostile-strings.json', import.meta.url), 'utf8'),
) as string[];

function entry(overrides: Partial<NewAuditEntry> = {}): NewAuditEntry {
  return {
    actorSubject: 'sub-agent',
    actorEmail: 'agent@demo.test',
    operation: 'updateOrganization',
    chatbotId: 'demo',
    organizationId: 'org-1',
    organizationName: 'Müller & Söhne GmbH',
    before: { industry: 'Retail' },
    after: { industry: 'Wholesale' },
    status: 200,
    error: null,
    requestId: 'req-1',
    ...overrides,
  };
}

async function everyPage(store: ConsoleStore, query: Parameters<ConsoleStore['audit']['list']>[0]) {
  const pages: AuditEntry[][] = [];
  let cursor: string | undefined;
  do {
    const page = await store.audit.list({ ...query, cursor });
    pages.push(page.entries);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return pages;
}

describeEachEngine('audit trail', (engine) => {
  const t = freshStoreForEachTest(engine);

  it('appends an entry and reads it back as written', async () => {
    const written = await t.store.audit.append(entry({ jobId: 'job-7' }));
    expect(written).toEqual({ ...entry(), id: written.id, at: t.clock.now(), jobId: 'job-7' });
    expect((await t.store.audit.list()).entries).toEqual([written]);
  });

  it('keeps hostile strings exactly in before/after, key order included', async () => {
    const before: JsonObject = {};
    hostile.forEach((text, index) => {
      before[`field${index}`] = text;
    });
    const after: JsonObject = {
      zeta: hostile,
      alpha: { nested: ['\u0000', '\ud800', 1.5, true, null] },
    };
    await t.store.audit.append(entry({ before, after }));
    const [read] = (await t.store.audit.list()).entries;
    expect(read?.before).toEqual(before);
    expect(JSON.stringify(read?.before)).toBe(JSON.stringify(before));
    expect(JSON.stringify(read?.after)).toBe(JSON.stringify(after));
  });

  it('stores hostile text in text columns, with U+0000 as U+FFFD on both engines', async () => {
    for (const name of hostile) {
      await t.store.audit.append(entry({ organizationName: name, error: name }));
    }
    const names = (await everyPage(t.store, { limit: 500 })).flat().map((e) => e.organizationName);
    const expected = hostile.map((name) => name.replaceAll('\u0000', '\uFFFD'));
    expect(names.toReversed()).toEqual(expected);
  });

  it('pages newest first without skipping or repeating entries that share a time', async () => {
    const written: AuditEntry[] = [];
    for (let i = 0; i < 230; i += 1) {
      if (i % 7 === 0) t.clock.advance(1_000); // runs of up to 7 entries share one instant
      written.push(await t.store.audit.append(entry({ organizationId: `org-${i}` })));
    }
    // One entry dated in the past (written late, e.g. by a replica with a slower t.clock).
    const late = await t.store.audit.append(
      entry({ at: written[0]!.at - 5, organizationId: 'late' }),
    );
    const pages = await everyPage(t.store, { limit: 100 });
    expect(pages.map((page) => page.length)).toEqual([100, 100, 31]);
    const expected = [...written, late].sort((a, b) => b.at - a.at || b.id - a.id);
    expect(pages.flat().map((e) => e.id)).toEqual(expected.map((e) => e.id));
  });

  it('filters by person, organization, operation, chatbot, job and time', async () => {
    const t0 = t.clock.now();
    await t.store.audit.append(entry({ organizationId: 'a' }));
    t.clock.advance(1_000);
    await t.store.audit.append(
      entry({
        actorSubject: 'sub-admin',
        actorEmail: 'admin@demo.test',
        operation: 'deleteOrganization',
        organizationId: 'a',
      }),
    );
    t.clock.advance(1_000);
    await t.store.audit.append(
      entry({ organizationId: 'b', operation: 'createOrganization', jobId: 'j1' }),
    );
    t.clock.advance(1_000);
    await t.store.audit.append(entry({ chatbotId: 'other', organizationId: 'a' }));

    const ids = async (query: Parameters<ConsoleStore['audit']['list']>[0]) =>
      (await t.store.audit.list(query)).entries.map(
        (e) => `${e.organizationId}/${e.operation}/${e.at - t0}`,
      );

    expect(await ids({ actorSubject: 'sub-admin' })).toEqual(['a/deleteOrganization/1000']);
    expect(await ids({ actorEmail: 'agent@demo.test', chatbotId: 'demo' })).toEqual([
      'b/createOrganization/2000',
      'a/updateOrganization/0',
    ]);
    expect(await ids({ organizationId: 'a', chatbotId: 'demo' })).toEqual([
      'a/deleteOrganization/1000',
      'a/updateOrganization/0',
    ]);
    expect(await ids({ operations: ['createOrganization', 'deleteOrganization'] })).toEqual([
      'b/createOrganization/2000',
      'a/deleteOrganization/1000',
    ]);
    expect(await ids({ jobId: 'j1' })).toEqual(['b/createOrganization/2000']);
    expect(await ids({ from: t0 + 1_000, to: t0 + 3_000 })).toEqual([
      'b/createOrganization/2000',
      'a/deleteOrganization/1000',
    ]);
    expect(await ids({ organizationId: "a' OR '1'='1" })).toEqual([]);
  });

  it('is one trail for every store on the database', async () => {
    const replica = await t.database.open({ now: t.clock.now });
    await t.store.audit.append(entry({ organizationId: 'from-one' }));
    t.clock.advance(1);
    await replica.audit.append(entry({ organizationId: 'from-two' }));
    expect((await t.store.audit.list()).entries.map((e) => e.organizationId)).toEqual([
      'from-two',
      'from-one',
    ]);
  });

  it('offers no way to change or delete an entry, and the database refuses updates', async () => {
    expect(Object.keys(t.store.audit).sort()).toEqual(['append', 'list', 'purgeOlderThan']);
    await t.store.audit.append(entry());
    await expect(t.database.sql(`UPDATE audit_entries SET operation = 'forged'`)).rejects.toThrow(
      /append-only/,
    );
    expect((await t.store.audit.list()).entries[0]?.operation).toBe('updateOrganization');
  });

  it('purges entries older than the retention, and only those', async () => {
    await t.store.audit.append(entry({ organizationId: 'old' }));
    t.clock.advance(40 * DAY);
    await t.store.audit.append(entry({ organizationId: 'recent' }));
    t.clock.advance(50 * DAY);
    expect(await t.store.audit.purgeOlderThan(60)).toBe(1);
    expect((await t.store.audit.list()).entries.map((e) => e.organizationId)).toEqual(['recent']);
    await expect(t.store.audit.purgeOlderThan(0)).rejects.toThrow(StoreInputError);
  });

  it('refuses bad input with a StoreInputError and writes nothing', async () => {
    await expect(t.store.audit.append(entry({ operation: '' }))).rejects.toThrow(StoreInputError);
    await expect(
      t.store.audit.append(entry({ before: ['not', 'an', 'object'] as unknown as JsonObject })),
    ).rejects.toThrow(/before must be an object/);
    await expect(t.store.audit.append(entry({ status: 42 }))).rejects.toThrow(/status/);
    expect((await t.store.audit.list()).entries).toEqual([]);
    await expect(t.store.audit.list({ cursor: 'bm90IGEgY3Vyc29y' })).rejects.toThrow(/cursor/);
    await expect(t.store.audit.list({ limit: 501 })).rejects.toThrow(/limit/);
    await expect(t.store.audit.list({ operations: [] })).rejects.toThrow(/operations/);
  });

  it('cuts a very long error text instead of losing the entry', async () => {
    const written = await t.store.audit.append(entry({ status: 502, error: 'x'.repeat(50_000) }));
    expect(written.error).toHaveLength(10_000);
  });
});
