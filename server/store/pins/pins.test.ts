import { expect, it } from 'vitest';
import { describeEachEngine, freshStoreForEachTest } from '../test-support/store-engines.ts';
import { MAX_PINS } from './pin-store.ts';

describeEachEngine('pins', (engine) => {
  const t = freshStoreForEachTest(engine);

  it("keeps each person's pins per chatbot, in the order pinned", async () => {
    expect(await t.store.pins.list('alice', 'demo')).toEqual([]);
    await t.store.pins.add('alice', 'demo', 'o3');
    await t.store.pins.add('alice', 'demo', 'o1');
    expect(await t.store.pins.add('alice', 'demo', 'o2')).toEqual(['o3', 'o1', 'o2']);
    expect(await t.store.pins.add('alice', 'demo', 'o3')).toEqual(['o3', 'o1', 'o2']);
    await t.store.pins.add('alice', 'other', 'o9');
    await t.store.pins.add('bob', 'demo', 'o1');
    expect(await t.store.pins.list('alice', 'demo')).toEqual(['o3', 'o1', 'o2']);
    expect(await t.store.pins.list('alice', 'other')).toEqual(['o9']);
    expect(await t.store.pins.list('bob', 'demo')).toEqual(['o1']);
  });

  it('removes a pin and puts new ones at the end', async () => {
    for (const id of ['a', 'b', 'c']) await t.store.pins.add('alice', 'demo', id);
    expect(await t.store.pins.remove('alice', 'demo', 'b')).toEqual(['a', 'c']);
    expect(await t.store.pins.remove('alice', 'demo', 'missing')).toEqual(['a', 'c']);
    expect(await t.store.pins.add('alice', 'demo', 'b')).toEqual(['a', 'c', 'b']);
  });

  it('reorders the same pins, and refuses any other list', async () => {
    for (const id of ['a', 'b', 'c']) await t.store.pins.add('alice', 'demo', id);
    expect(await t.store.pins.reorder('alice', 'demo', ['c', 'a', 'b'])).toEqual(['c', 'a', 'b']);
    expect(await t.store.pins.add('alice', 'demo', 'd')).toEqual(['c', 'a', 'b', 'd']);
    for (const wrong of [
      ['c', 'a'],
      ['c', 'a', 'b', 'd', 'e'],
      ['c', 'c', 'a', 'b'],
      ['x', 'a', 'b', 'd'],
    ]) {
      await expect(t.store.pins.reorder('alice', 'demo', wrong)).rejects.toThrow(
        /exactly the pinned/,
      );
    }
    expect(await t.store.pins.list('alice', 'demo')).toEqual(['c', 'a', 'b', 'd']);
  });

  it(`holds at most ${MAX_PINS} pins and says so`, async () => {
    for (let i = 0; i < MAX_PINS; i += 1) await t.store.pins.add('alice', 'demo', `o${i}`);
    await expect(t.store.pins.add('alice', 'demo', 'one-more')).rejects.toThrow(/At most 50/);
    expect(await t.store.pins.list('alice', 'demo')).toHaveLength(MAX_PINS);
    expect(await t.store.pins.add('alice', 'demo', 'o7')).toHaveLength(MAX_PINS);
  });
});
