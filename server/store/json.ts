// JSON columns: TEXT in SQLite, `json` in PostgreSQL. Both keep the text exactly as written, so a
// value reads back as it was stored, with its key order, on either engine. (`jsonb` would reorder
// keys and refuses the escape \u0000, which organization fields may hold and an undo must restore.)
import { StoreDataError } from './errors.ts';

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function encodeJson(value: JsonValue): string {
  return JSON.stringify(value);
}

export function encodeOptionalJson(value: JsonValue | null | undefined): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export function isJsonObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function decodeJson(text: string, where: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw new StoreDataError(`${where} holds invalid JSON.`);
  }
}
