// What a key pressed in the lookup's search box does (the keys are listed under the results):
// ↓/↑ choose a row, Enter opens it, Esc clears the box, Alt+E/W/I copy the chosen row's e-mail,
// website or id, Alt+P pins it, Alt+C shows its contacts.
import type { LookupRowData } from './lookupRows.ts';

/** The key as the browser reports it (a keyboard event's fields). */
export interface LookupKey {
  key: string;
  code: string;
  altKey: boolean;
}

export interface LookupKeyContext {
  /** The rows on screen, in order. */
  rows: readonly LookupRowData[];
  /** The chosen row (the first when none was chosen); undefined when there are no rows. */
  active: LookupRowData | undefined;
  /** Whether the search box shows any text. */
  boxHasText: boolean;
  /** Whether pins can be changed (not while it is unknown where they are kept). */
  canPin: boolean;
}

export type LookupKeyAction =
  | { kind: 'choose'; index: number }
  | { kind: 'open'; row: LookupRowData }
  | { kind: 'clear' }
  | { kind: 'copy'; key: string; what: string; value: string }
  | { kind: 'say'; message: string }
  | { kind: 'pin'; id: string }
  | { kind: 'contacts'; id: string };

/** Alt+<code>: which value of the row, in the words of the message. */
const COPY_KEYS: Record<string, [what: 'email' | 'website' | 'id', label: string]> = {
  KeyE: ['email', 'e-mail'],
  KeyW: ['website', 'website'],
  KeyI: ['id', 'id'],
};

/** What the key does; null when the lookup leaves it to the browser. */
export function lookupKeyAction(
  { key, code, altKey }: LookupKey,
  { rows, active, boxHasText, canPin }: LookupKeyContext,
): LookupKeyAction | null {
  const index = active === undefined ? -1 : rows.indexOf(active);
  const choose = (to: number): LookupKeyAction | null =>
    rows.length === 0
      ? null
      : { kind: 'choose', index: Math.max(0, Math.min(rows.length - 1, to)) };
  if (key === 'ArrowDown') return choose(index + 1);
  if (key === 'ArrowUp') return choose(index - 1);
  if (key === 'Enter' && active !== undefined) return { kind: 'open', row: active };
  if (key === 'Escape' && boxHasText) return { kind: 'clear' };
  if (!altKey || active === undefined) return null;
  const copyKey = COPY_KEYS[code];
  if (copyKey !== undefined) {
    const [what, label] = copyKey;
    const name = active.name.trim() === '' ? '(no name)' : active.name;
    const value = active[what];
    return value
      ? { kind: 'copy', key: `${active.id}:${what}`, what: `${label} of ${name}`, value }
      : { kind: 'say', message: `${name} has no ${label} to copy.` };
  }
  if (code === 'KeyP' && canPin) return { kind: 'pin', id: active.id };
  if (code === 'KeyC') return { kind: 'contacts', id: active.id };
  return null;
}
