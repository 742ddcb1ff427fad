import { createContext, useContext } from 'react';

/** Set while the page's HTML is rendered with the first page's data (startup/startData/startData.ts). */
export interface ServerRender {
  /** The server's clock at that render: relative times read the same on both sides. */
  nowMs: number;
}

export const ServerRenderContext = createContext<ServerRender | null>(null);

/**
 * The render with data the console server made of this page, or null: on the server while it
 * renders with data, and in the browser while (and after) React adopts that HTML.
 */
export function useServerRender(): ServerRender | null {
  return useContext(ServerRenderContext);
}
