// A WHERE clause built from optional filters, with parameters numbered for the engine: `?` for
// SQLite, `$1, $2, …` for PostgreSQL. Values always travel as parameters, never in the SQL text.
export type Dialect = 'sqlite' | 'postgres';

export class SqlFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  constructor(private readonly dialect: Dialect) {}

  /** A placeholder for `value`, to be used in the next condition. */
  param(value: unknown): string {
    this.params.push(value);
    return this.dialect === 'sqlite' ? '?' : `$${this.params.length}`;
  }

  /** `column` equals one of `values` (a text list). */
  inList(column: string, values: readonly string[]): this {
    return this.dialect === 'sqlite'
      ? this.where(
          `${column} IN (SELECT value FROM json_each(${this.param(JSON.stringify(values))}))`,
        )
      : this.where(`${column} = ANY(${this.param(values)}::text[])`);
  }

  where(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  toSql(): string {
    return this.conditions.length === 0 ? '' : `WHERE ${this.conditions.join(' AND ')}`;
  }
}
