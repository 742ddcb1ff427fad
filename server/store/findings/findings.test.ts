import { expect, it } from 'vitest';
import type { ConsoleStore } from '../console-store.ts';
import { StoreInputError } from '../errors.ts';
import { describeEachEngine, freshStoreForEachTest } from '../test-support/store-engines.ts';
import type { Finding } from './finding-store.ts';

const invalidEmail = (recordId: string, value = 'not-an-email'): Finding => ({
  check: 'invalidEmail',
  recordId,
  key: 'email',
  detail: { value },
});

const duplicate = (recordId: string, group: string): Finding => ({
  check: 'duplicateName',
  recordId,
  key: group,
  detail: { reason: `same folded name "${group}"` },
});

async function allOfCheck(store: ConsoleStore, check: string, limit: number) {
  const found: Finding[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.findings.list('demo', check, { cursor, limit });
    found.push(...page.findings);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return found;
}

describeEachEngine('scan findings', (engine) => {
  const t = freshStoreForEachTest(engine);

  it('has nothing before the first scan', async () => {
    expect(await t.store.findings.lastScan('demo')).toBeNull();
    expect(await t.store.findings.counts('demo')).toEqual([]);
    expect(await t.store.findings.list('demo', 'invalidEmail')).toEqual({
      findings: [],
      nextCursor: null,
    });
  });

  it("replaces a chatbot's findings with a scan's, with the scan's time and counts", async () => {
    await t.store.findings.replace('demo', { scanId: 's1', scannedAt: 1_000, recordCount: 10 }, [
      invalidEmail('o1'),
      invalidEmail('o2'),
      duplicate('o1', 'acme'),
      duplicate('o3', 'acme'),
      { check: 'leadingOrTrailingSpaces', recordId: 'o1', key: 'name', detail: { value: ' A ' } },
      { check: 'leadingOrTrailingSpaces', recordId: 'o1', key: 'city', detail: { value: 'B ' } },
    ]);
    await t.store.findings.replace('other', { scanId: 's1', scannedAt: 2_000, recordCount: 3 }, [
      invalidEmail('x1'),
    ]);
    expect(await t.store.findings.lastScan('demo')).toEqual({
      scanId: 's1',
      scannedAt: 1_000,
      recordCount: 10,
    });
    expect(await t.store.findings.counts('demo')).toEqual([
      { check: 'duplicateName', findings: 2, records: 2 },
      { check: 'invalidEmail', findings: 2, records: 2 },
      { check: 'leadingOrTrailingSpaces', findings: 2, records: 1 },
    ]);
    expect(
      (await t.store.findings.forRecord('demo', 'o1')).map((f) => `${f.check}/${f.key}`),
    ).toEqual([
      'duplicateName/acme',
      'invalidEmail/email',
      'leadingOrTrailingSpaces/city',
      'leadingOrTrailingSpaces/name',
    ]);

    await t.store.findings.replace('demo', { scanId: 's2', scannedAt: 5_000, recordCount: 11 }, [
      invalidEmail('o9'),
    ]);
    expect(await t.store.findings.counts('demo')).toEqual([
      { check: 'invalidEmail', findings: 1, records: 1 },
    ]);
    expect(await t.store.findings.lastScan('demo')).toMatchObject({
      scanId: 's2',
      scannedAt: 5_000,
    });
    expect(await t.store.findings.counts('other')).toEqual([
      { check: 'invalidEmail', findings: 1, records: 1 },
    ]);
  });

  it("pages a check's findings in (key, record) order, so a duplicate group comes together", async () => {
    const findings: Finding[] = [];
    for (let i = 0; i < 250; i += 1)
      findings.push(duplicate(`o${String(i).padStart(3, '0')}`, `group-${i % 7}`));
    findings.push(
      duplicate('Z-upper', 'group-0'),
      duplicate('a-lower', 'group-0'),
      duplicate('É', 'group-0'),
    );
    await t.store.findings.replace(
      'demo',
      { scanId: 's', scannedAt: 1, recordCount: 253 },
      findings.toReversed(),
    );
    const listed = await allOfCheck(t.store, 'duplicateName', 40);
    expect(listed).toHaveLength(253);
    const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const expected = findings
      .map((f) => [f.key, f.recordId] as const)
      .sort((a, b) => byCodePoint(a[0], b[0]) || byCodePoint(a[1], b[1]));
    expect(listed.map((f) => [f.key, f.recordId])).toEqual(expected);
    expect(listed.slice(0, 3).map((f) => f.recordId)).toEqual(['Z-upper', 'a-lower', 'o000']);
  });

  it('stages a scan page by page, invisible until published, and resumes after a restart', async () => {
    await t.store.findings.replace('demo', { scanId: 'old', scannedAt: 1, recordCount: 2 }, [
      invalidEmail('o1'),
    ]);
    await t.store.findings.beginScan('demo', 'new');
    await t.store.findings.stage('demo', 'new', [invalidEmail('o2'), invalidEmail('o3')]);
    expect(
      (await t.store.findings.list('demo', 'invalidEmail')).findings.map((f) => f.recordId),
    ).toEqual(['o1']);

    // The process restarts: another store opens, the scan begins again and goes on staging.
    const restarted = await t.database.open({ now: t.clock.now });
    await restarted.findings.beginScan('demo', 'new');
    await restarted.findings.stage('demo', 'new', [
      invalidEmail('o3', 'changed'),
      invalidEmail('o4'),
    ]);
    await restarted.findings.publish('demo', 'new', { scannedAt: 9, recordCount: 4 });

    const listed = (await t.store.findings.list('demo', 'invalidEmail')).findings;
    expect(listed.map((f) => [f.recordId, f.detail.value])).toEqual([
      ['o2', 'not-an-email'],
      ['o3', 'changed'],
      ['o4', 'not-an-email'],
    ]);
    expect(await t.database.sql(`SELECT * FROM findings WHERE scan_id = 'old'`)).toEqual([]);
    await expect(t.store.findings.stage('demo', 'new', [invalidEmail('o5')])).rejects.toThrow(
      /not staged/,
    );
    await expect(t.store.findings.beginScan('demo', 'new')).rejects.toThrow(/already published/);
  });

  it('discards a cancelled scan and refuses to stage into or publish an unknown one', async () => {
    await t.store.findings.beginScan('demo', 'cancelled');
    await t.store.findings.stage('demo', 'cancelled', [invalidEmail('o1')]);
    await t.store.findings.discard('demo', 'cancelled');
    expect(await t.database.sql('SELECT * FROM findings')).toEqual([]);
    await expect(t.store.findings.stage('demo', 'cancelled', [invalidEmail('o1')])).rejects.toThrow(
      StoreInputError,
    );
    await expect(
      t.store.findings.publish('demo', 'nope', { scannedAt: 1, recordCount: 0 }),
    ).rejects.toThrow(StoreInputError);
    expect(await t.store.findings.lastScan('demo')).toBeNull();
  });

  it("updates one record's findings after a write, in the published scan and in a running one", async () => {
    await t.store.findings.replace('demo', { scanId: 'done', scannedAt: 1, recordCount: 3 }, [
      invalidEmail('o1'),
      duplicate('o1', 'acme'),
      invalidEmail('o2'),
    ]);
    await t.store.findings.beginScan('demo', 'running');
    await t.store.findings.stage('demo', 'running', [invalidEmail('o1'), invalidEmail('o2')]);

    // o1's e-mail was fixed through the console; its duplicate finding is recomputed elsewhere.
    await t.store.findings.replaceForRecord('demo', 'o1', [], ['invalidEmail']);
    expect((await t.store.findings.forRecord('demo', 'o1')).map((f) => f.check)).toEqual([
      'duplicateName',
    ]);
    // o2 was changed and now has leading spaces instead.
    await t.store.findings.replaceForRecord('demo', 'o2', [
      { check: 'leadingOrTrailingSpaces', key: 'name', detail: { value: ' O2' } },
    ]);
    expect((await t.store.findings.forRecord('demo', 'o2')).map((f) => f.check)).toEqual([
      'leadingOrTrailingSpaces',
    ]);

    await t.store.findings.publish('demo', 'running', { scannedAt: 2, recordCount: 3 });
    expect(await t.store.findings.counts('demo')).toEqual([
      { check: 'leadingOrTrailingSpaces', findings: 1, records: 1 },
    ]);
    await expect(
      t.store.findings.replaceForRecord('demo', 'o3', [invalidEmail('o3')], ['duplicateName']),
    ).rejects.toThrow(/not among the checks/);
  });

  it('keeps a large scan whole (thousands of findings in one call)', async () => {
    const many = Array.from({ length: 12_000 }, (_, i) => invalidEmail(`o${i}`));
    await t.store.findings.replace(
      'demo',
      { scanId: 'big', scannedAt: 1, recordCount: 12_000 },
      many,
    );
    expect(await t.store.findings.counts('demo')).toEqual([
      { check: 'invalidEmail', findings: 12_000, records: 12_000 },
    ]);
  });

  it('keeps hostile details exactly, and refuses a cursor it did not make', async () => {
    const detail = {
      value: '\u0000nul byte',
      suggestion: '</mark><img src=x onerror=alert(1)><mark>',
      n: [1, 'two'],
    };
    await t.store.findings.replace('demo', { scanId: 's', scannedAt: 1, recordCount: 1 }, [
      { check: 'markup', recordId: "o'1", key: 'name', detail },
    ]);
    expect((await t.store.findings.forRecord('demo', "o'1"))[0]?.detail).toEqual(detail);
    await expect(t.store.findings.list('demo', 'markup', { cursor: 'WzFd' })).rejects.toThrow(
      /cursor/,
    );
  });
});
