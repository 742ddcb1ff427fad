import { describe, expect, it } from 'vitest';
import { FULL_ACCESS_KEY, READ_ONLY_KEY } from '../sandbox/api-keys.ts';
import { sandboxKeyOperations } from './key-operations.ts';

describe('sandboxKeyOperations', () => {
  it('gives the full-access key every operation', () => {
    expect(sandboxKeyOperations(FULL_ACCESS_KEY)).toEqual([
      'list',
      'create',
      'search',
      'get',
      'update',
      'delete',
      'contacts',
      'contactsCount',
    ]);
  });

  it('gives the read-only key no write', () => {
    expect(sandboxKeyOperations(READ_ONLY_KEY)).toEqual([
      'list',
      'search',
      'get',
      'contacts',
      'contactsCount',
    ]);
  });

  it('gives a key the sandbox does not know nothing', () => {
    expect(sandboxKeyOperations('not-a-sandbox-key')).toEqual([]);
  });
});
