import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from './afterNextPaint.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Animation frames run only when `runFrames` is called. */
function holdFrames() {
  const frames = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
    frames.set(next, callback);
    return next++;
  });
  vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((handle) => {
    frames.delete(handle);
  });
  return () => {
    const due = [...frames.values()];
    frames.clear();
    for (const callback of due) callback(performance.now());
  };
}

describe('afterNextPaint', () => {
  it('waits for the next frame, then for a task after it', async () => {
    const runFrames = holdFrames();
    const callback = vi.fn();
    afterNextPaint(callback);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(callback).not.toHaveBeenCalled();
    runFrames();
    expect(callback).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('runs in a task of its own in a hidden tab', async () => {
    holdFrames();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const callback = vi.fn();
    afterNextPaint(callback);
    expect(callback).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('can be cancelled before the frame and after it', async () => {
    const runFrames = holdFrames();
    const beforeFrame = vi.fn();
    const afterFrame = vi.fn();
    afterNextPaint(beforeFrame)();
    const cancelAfterFrame = afterNextPaint(afterFrame);
    runFrames();
    cancelAfterFrame();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(beforeFrame).not.toHaveBeenCalled();
    expect(afterFrame).not.toHaveBeenCalled();
  });
});
