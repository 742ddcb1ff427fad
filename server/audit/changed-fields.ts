// What an audit entry says changed: an organization's data fields before → after, without what the
// API keeps by itself (id, created, updated). A field that is absent on one side is null there.
import type { JsonObject, JsonValue } from '../store/index.ts';

const BOOKKEEPING_FIELDS = new Set(['id', 'created', 'updated']);

export interface FieldChange {
  before: JsonObject;
  after: JsonObject;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An organization's data fields (everything but id, created and updated). */
export function dataFields(record: JsonObject): JsonObject {
  const fields: JsonObject = {};
  for (const [name, value] of Object.entries(record)) {
    if (!BOOKKEEPING_FIELDS.has(name)) fields[name] = value;
  }
  return fields;
}

/**
 * The fields whose values differ between `before` and `after`, each side with its own value (null
 * when absent). `among`: only these fields (those a request named), when given.
 */
export function changedFields(
  before: JsonObject,
  after: JsonObject,
  among?: readonly string[],
): FieldChange {
  const names = among ?? [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const change: FieldChange = { before: {}, after: {} };
  for (const name of names) {
    if (BOOKKEEPING_FIELDS.has(name)) continue;
    const was = before[name] ?? null;
    const is = after[name] ?? null;
    if (!sameJson(was, is)) {
      change.before[name] = was;
      change.after[name] = is;
    }
  }
  return change;
}

/** Equal as JSON values, whatever the order of object keys. */
export function sameJson(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameJson(item, b[index] as JsonValue))
    );
  }
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => key in b && sameJson(a[key] as JsonValue, b[key] as JsonValue))
  );
}
