// A response body made a slice at a time, so that one large answer (a page of 250 records at the
// field limits is about 15 MB of JSON) never holds the event loop for more than a slice: the
// server answers other requests between slices (issue 11: "the server answers other requests
// within its usual latency while a hostile one is handled").

/** Work per slice, wall time: far below the ~50 ms a request may hold the event loop. */
export const SLICE_BUDGET_MS = 8;
/** Text per slice (UTF-16 code units): bounds the encoding of one slice too. */
export const SLICE_MAX_CHARS = 1 << 20;

export interface SlicedText {
  /** The body's text in order; each piece is made when it is taken, so its cost is in a slice. */
  parts: Iterator<string>;
  /**
   * Called before the event loop is given back while parts remain: whatever the next parts
   * depend on must from then on be kept by the producer (other requests run meanwhile).
   */
  beforePause?: () => void;
}

/**
 * The body of `text`: a string when it is made within one slice (the common case: the same body
 * as before, at no extra cost), otherwise a stream whose chunks are made one slice at a time,
 * each after a turn of the event loop (`setImmediate`: I/O and other requests go first).
 */
export function slicedBody({
  parts,
  beforePause,
}: SlicedText): string | ReadableStream<Uint8Array> {
  const first = takeSlice(parts);
  if (first.done) return first.text;
  beforePause?.();
  const encoder = new TextEncoder();
  let pending: string | undefined = first.text;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending !== undefined) {
        controller.enqueue(encoder.encode(pending));
        pending = undefined;
        return;
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
      const slice = takeSlice(parts);
      if (slice.text !== '') controller.enqueue(encoder.encode(slice.text));
      if (slice.done) controller.close();
      else beforePause?.();
    },
  });
}

/** Parts until they run out, the budget is spent or the slice is full. */
function takeSlice(parts: Iterator<string>): { text: string; done: boolean } {
  const started = performance.now();
  let text = '';
  for (;;) {
    const next = parts.next();
    if (next.done) return { text, done: true };
    text += next.value;
    if (text.length >= SLICE_MAX_CHARS || performance.now() - started >= SLICE_BUDGET_MS) {
      return { text, done: false };
    }
  }
}
