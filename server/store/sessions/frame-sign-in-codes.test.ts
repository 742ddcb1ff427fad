import { expect, it } from 'vitest';
import { StoreInputError } from '../errors.ts';
import { describeEachEngine, freshStoreForEachTest } from '../test-support/store-engines.ts';
import type { NewFrameSignInCode } from './frame-sign-in-code-store.ts';

const agent = (now: number): NewFrameSignInCode => ({
  subject: 'sub-agent-1',
  email: 'agent@demo.test',
  name: 'Ágnes Agent',
  role: 'agent',
  idToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzdWItYWdlbnQtMSJ9.c2lnbmF0dXJl',
  absoluteExpiresAt: now + 8 * 3_600_000,
  ttlMs: 60_000,
});

describeEachEngine('frame sign-in codes', (engine) => {
  const t = freshStoreForEachTest(engine);

  it('gives a code once, keeps only its hash, and hands its person back once', async () => {
    const { code, expiresAt } = await t.store.frameSignInCodes.create(agent(t.clock.now()));
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toBe(t.clock.now() + 60_000);
    const rows = await t.database.sql('SELECT * FROM frame_sign_in_codes');
    expect(JSON.stringify(rows)).not.toContain(code);

    expect(await t.store.frameSignInCodes.take(code)).toMatchObject({
      subject: 'sub-agent-1',
      email: 'agent@demo.test',
      name: 'Ágnes Agent',
      role: 'agent',
      absoluteExpiresAt: t.clock.now() + 8 * 3_600_000,
    });
    expect(await t.store.frameSignInCodes.take(code)).toBeNull();
  });

  it('refuses a code past its minute, an unknown one and what cannot be a code', async () => {
    const { code } = await t.store.frameSignInCodes.create(agent(t.clock.now()));
    t.clock.advance(60_000);
    expect(await t.store.frameSignInCodes.take(code)).toBeNull();
    expect(await t.store.frameSignInCodes.take('A'.repeat(43))).toBeNull();
    expect(await t.store.frameSignInCodes.take("' OR 1=1 --")).toBeNull();
  });

  it('lives a minute at most, and purges the codes nobody used', async () => {
    await expect(
      t.store.frameSignInCodes.create({ ...agent(t.clock.now()), ttlMs: 60_001 }),
    ).rejects.toThrow(StoreInputError);
    await t.store.frameSignInCodes.create(agent(t.clock.now()));
    t.clock.advance(30_000);
    const { code } = await t.store.frameSignInCodes.create(agent(t.clock.now()));
    t.clock.advance(30_000);
    expect(await t.store.frameSignInCodes.purgeExpired()).toBe(1);
    expect(await t.store.frameSignInCodes.take(code)).not.toBeNull();
  });
});
