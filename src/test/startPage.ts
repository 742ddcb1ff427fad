// Set-up shared by the tests of a page's start data and its server render (src/prerender.test.tsx,
// src/lookupPrerender.test.tsx, src/startup/startData/*.test.ts): a fresh seeded sandbox per test,
// a query client as the browser's without retries or toasts, and, for a render React adopts, the
// server's HTML in the document and the root unmounted after the test.
import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, vi, type Mock } from 'vitest';
import { configureApiClient } from '../api/client.ts';
import { createQueryClient } from '../startup/queryClient.ts';
import { createTestSandbox, type TestSandbox } from './sandbox.ts';

/** The browser's query client, without retries or toasts. */
export const quietQueryClient = () => createQueryClient({ retry: false, notify: () => undefined });

/** A sandbox seeded with `seedOrganizations` for each test; global stubs undone after it. */
export function sandboxPerTest(seedOrganizations: number): () => TestSandbox {
  let sandbox: TestSandbox | undefined;
  beforeEach(() => {
    sandbox = createTestSandbox({ seedOrganizations });
  });
  afterEach(() => {
    sandbox?.close();
    sandbox = undefined;
    vi.unstubAllGlobals();
  });
  return () => {
    if (sandbox === undefined) throw new Error('The sandbox exists only during a test.');
    return sandbox;
  };
}

/** Creates organizations in the sandbox through its API, one after the other (newest last). */
export async function createOrganizations(
  sandbox: TestSandbox,
  bodies: readonly Record<string, unknown>[],
): Promise<void> {
  for (const body of bodies) {
    await sandbox.fetch(`/v1/chatbots/${sandbox.chatbotId}/organizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
}

/** The server's HTML for #root, in the document as the browser receives it. */
export function showServerHtml(html: string | undefined): HTMLDivElement {
  const container = document.createElement('div');
  container.innerHTML = html ?? '';
  document.body.append(container);
  return container;
}

export interface ServerRenderTest {
  /** This test's sandbox (seeded), which src/api talks to. */
  readonly sandbox: TestSandbox;
  /** From now on src/api's requests go through the returned spy (to see that none is made). */
  spyOnRequests(): Mock<TestSandbox['fetch']>;
  /** React adopts the server's HTML in `container`; what it could not adopt is in the mock. */
  hydrate(container: HTMLElement, element: ReactNode): Promise<Mock>;
}

/** For each test: a sandbox src/api talks to; after it, the React root unmounted, the page empty. */
export function serverRenderPerTest(seedOrganizations = 12): ServerRenderTest {
  const sandbox = sandboxPerTest(seedOrganizations);
  let restoreClient = () => {};
  let root: Root | undefined;
  beforeEach(() => {
    restoreClient = configureApiClient({ fetch: sandbox().fetch });
  });
  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
    document.body.innerHTML = '';
    restoreClient();
  });
  return {
    get sandbox() {
      return sandbox();
    },
    spyOnRequests() {
      const spy = vi.fn(sandbox().fetch);
      restoreClient();
      restoreClient = configureApiClient({ fetch: spy });
      return spy;
    },
    async hydrate(container, element) {
      const recoverableErrors = vi.fn();
      await act(async () => {
        root = hydrateRoot(container, element, { onRecoverableError: recoverableErrors });
      });
      return recoverableErrors;
    },
  };
}
