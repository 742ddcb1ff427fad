// Work a page starts on mounting that nothing on its first frame needs (bookkeeping such as the
// recently opened organizations): run after that frame has been painted rather than before it.
// A navigation renders and runs its effects in the click's own task (App.tsx), so anything an
// effect does directly, and every render it causes, delays what the person is waiting to see.

/**
 * Calls `callback` once the next frame has been painted (the frame's animation callback, then a
 * task after it); at once, in a task of its own, in a hidden tab (no frames come). Returns a
 * function that cancels it.
 */
export function afterNextPaint(callback: () => void): () => void {
  let frame: number | undefined;
  let timer: number | undefined;
  if (document.visibilityState === 'hidden') {
    timer = window.setTimeout(callback, 0);
  } else {
    frame = window.requestAnimationFrame(() => {
      frame = undefined;
      timer = window.setTimeout(callback, 0);
    });
  }
  return () => {
    if (frame !== undefined) window.cancelAnimationFrame(frame);
    if (timer !== undefined) window.clearTimeout(timer);
  };
}
