import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ConsoleStore, Finding } from '../store/index.ts';
import { openConsoleStore } from '../store/open-console-store.ts';
import { duplicateGroup, MAX_MEMBERS } from './duplicate-group-route.ts';

let root: string;
let store: ConsoleStore;
beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'console-duplicate-group-'));
  store = await openConsoleStore({ dataDir: root });
});
afterEach(async () => {
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

const member = (key: string, recordId: string, name: string): Finding => ({
  check: 'duplicateName',
  recordId,
  key,
  detail: { name, reason: `Same name: ${key}`, groupSize: 3, field: 'name' },
});

it('lists exactly the members of one group, the group before and after it left out', async () => {
  await store.findings.replace('demo', { scanId: 's1', scannedAt: 1, recordCount: 9 }, [
    member('name:acm', 'r0', 'Acm'),
    member('name:acme', 'r2', 'ACME'),
    member('name:acme', 'r1', '<b>Acme</b>'),
    member('name:acme', 'r3', 'Acme GmbH'),
    member('name:acme ltd', 'r4', 'Acme Ltd'),
  ]);
  const group = await duplicateGroup(store.findings, 'demo', 'duplicateName', 'name:acme');
  expect(group).toEqual({
    check: 'duplicateName',
    key: 'name:acme',
    reason: 'Same name: name:acme',
    groupSize: 3,
    members: [
      { recordId: 'r1', name: '<b>Acme</b>' },
      { recordId: 'r2', name: 'ACME' },
      { recordId: 'r3', name: 'Acme GmbH' },
    ],
    truncated: false,
  });
  expect(await duplicateGroup(store.findings, 'demo', 'duplicateName', 'name:zzz')).toBeNull();
  expect(await duplicateGroup(store.findings, 'demo', 'duplicateWebsite', 'name:acme')).toBeNull();
});

it('says when a group has more members than it lists', async () => {
  const many = Array.from({ length: MAX_MEMBERS + 5 }, (_, i) =>
    member('email:acme.de', `r${String(i).padStart(3, '0')}`, `Acme ${i}`),
  );
  await store.findings.replace('demo', { scanId: 's1', scannedAt: 1, recordCount: 60 }, many);
  const group = await duplicateGroup(store.findings, 'demo', 'duplicateName', 'email:acme.de');
  expect(group?.members).toHaveLength(MAX_MEMBERS);
  expect(group?.truncated).toBe(true);
});
