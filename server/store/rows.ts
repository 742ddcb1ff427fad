// Rows read back are checked column by column at the boundary (cheap: a typeof per column), so a
// database changed outside this code fails loudly here instead of somewhere in a page.
import { StoreDataError } from './errors.ts';
import { decodeJson, type JsonObject, type JsonValue, isJsonObject } from './json.ts';

export type Row = Record<string, unknown>;

export class RowReader {
  constructor(
    private readonly row: Row,
    private readonly table: string,
  ) {}

  private fail(column: string, expected: string): never {
    throw new StoreDataError(`${this.table}.${column} is not ${expected}.`);
  }

  text(column: string): string {
    const value = this.row[column];
    return typeof value === 'string' ? value : this.fail(column, 'text');
  }

  optionalText(column: string): string | null {
    return this.row[column] === null ? null : this.text(column);
  }

  integer(column: string): number {
    const value = this.row[column];
    return typeof value === 'number' && Number.isSafeInteger(value)
      ? value
      : this.fail(column, 'a whole number');
  }

  optionalInteger(column: string): number | null {
    return this.row[column] === null ? null : this.integer(column);
  }

  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const value = this.text(column);
    return (allowed as readonly string[]).includes(value)
      ? (value as T)
      : this.fail(column, `one of ${allowed.join(', ')}`);
  }

  json(column: string): JsonValue {
    return decodeJson(this.text(column), `${this.table}.${column}`);
  }

  optionalJson(column: string): JsonValue | null {
    return this.row[column] === null ? null : this.json(column);
  }

  optionalJsonObject(column: string): JsonObject | null {
    const value = this.optionalJson(column);
    if (value === null || isJsonObject(value)) return value;
    return this.fail(column, 'a JSON object');
  }
}

export function read(row: Row, table: string): RowReader {
  return new RowReader(row, table);
}
