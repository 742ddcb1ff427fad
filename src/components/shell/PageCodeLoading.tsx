import { useEffect } from 'react';
import { startPageCodeLoading } from './pageCodeLoading.ts';

/**
 * A page's place while its code loads: the header stays, the progress bar runs, and the space
 * stays empty rather than flashing a skeleton that is gone a moment later.
 */
export function PageCodeLoading() {
  useEffect(() => startPageCodeLoading(), []);
  return null;
}
