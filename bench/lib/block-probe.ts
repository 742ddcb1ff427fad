import { eventLoopCpuMs } from './measure.ts';

/**
 * The longest time the event loop went without a turn while a request was served in process:
 * a `setImmediate` callback runs once per turn, reading the event loop thread's CPU clock and the
 * wall clock; the longest gap between two readings is the longest block (a sliced response
 * gives the loop back between slices, so its blocks are its slices, not its total). The CPU gap
 * is right to a scheduler tick (see eventLoopCpuMs); the wall gap also counts time the thread
 * waited for a core on a busy machine.
 */
export class BlockProbe {
  private lastCpuMs = eventLoopCpuMs();
  private lastWallMs = performance.now();
  private running = true;
  longestCpuMs = 0;
  longestWallMs = 0;

  constructor() {
    this.schedule();
  }

  /** Takes the last reading and stops; the figures are final. */
  stop(): { longestCpuMs: number; longestWallMs: number } {
    if (this.running) this.mark();
    this.running = false;
    return { longestCpuMs: this.longestCpuMs, longestWallMs: this.longestWallMs };
  }

  private schedule(): void {
    setImmediate(() => {
      if (!this.running) return;
      this.mark();
      this.schedule();
    });
  }

  private mark(): void {
    const cpuMs = eventLoopCpuMs();
    const wallMs = performance.now();
    this.longestCpuMs = Math.max(this.longestCpuMs, cpuMs - this.lastCpuMs);
    this.longestWallMs = Math.max(this.longestWallMs, wallMs - this.lastWallMs);
    this.lastCpuMs = cpuMs;
    this.lastWallMs = wallMs;
  }
}
