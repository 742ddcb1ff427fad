// A small structural validator for response bodies at the API boundary (schemas.ts, client.ts).
// It replaces zod/mini there: the list page loaded ~15 KB gzip of zod only to check JSON shapes.
// valibot 1.5 was measured in its place (issue 13): +1.0 KB gzip on the list page's first JS
// (147,933 → 148,932 bytes at gzip -9, with only a thin adapter), which would put the page over
// its 150 KB budget; and its `record` drops the keys `__proto__`, `constructor` and `prototype`
// (a variable of that name would vanish, and be deleted by the next save, which sends the whole
// map), its `object` reads declared keys through the prototype chain and accepts arrays.
//
// A schema is plain data (a tree of `SchemaNode`s); `safeParse` walks it recursively with no
// closures per call. The result is always a fresh value: objects keep only their declared fields
// (unknown fields are stripped, not rejected), arrays and records are copied. Keys from the input
// (records) are written as own properties, so a `__proto__` key never changes a prototype; fields
// are read only when the input owns them, so `constructor` or `toString` never come from
// Object.prototype.

/** What the walker knows about a schema; built only by the combinators below. */
export type SchemaNode =
  | { readonly kind: 'string' | 'number' | 'boolean' | 'json' }
  | { readonly kind: 'literals'; readonly values: readonly string[] }
  | { readonly kind: 'array' | 'record' | 'optional' | 'nullable'; readonly inner: SchemaNode }
  | {
      readonly kind: 'object';
      readonly keys: readonly string[];
      readonly fields: readonly SchemaNode[];
    };

/** A schema whose successful parse returns a `T`. */
export interface Schema<T> {
  readonly node: SchemaNode;
  /** Type only, never set: carries `T` for `Infer`. */
  readonly output?: T;
}

/** A field that may be absent (or undefined): `object` makes its key optional. */
export interface OptionalSchema<T> extends Schema<T | undefined> {
  readonly optional: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

export const string = (): Schema<string> => ({ node: { kind: 'string' } });
/** A finite number (JSON has no NaN or Infinity; anything else producing one is refused). */
export const number = (): Schema<number> => ({ node: { kind: 'number' } });
export const boolean = (): Schema<boolean> => ({ node: { kind: 'boolean' } });

/** A JSON value as parsed (string, number, boolean, null, array or object); never a function. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Any JSON value: for data the console shows as text without knowing its shape (audit changes). */
export const json = (): Schema<JsonValue> => ({ node: { kind: 'json' } });

/** One of the given strings: `literals('sandbox', 'upstream')`. */
export const literals = <const V extends readonly string[]>(...values: V): Schema<V[number]> => ({
  node: { kind: 'literals', values },
});

export const array = <T>(item: Schema<T>): Schema<T[]> => ({
  node: { kind: 'array', inner: item.node },
});

/** An object used as a map: any keys, every value checked by `value`. */
export const record = <T>(value: Schema<T>): Schema<{ [key: string]: T }> => ({
  node: { kind: 'record', inner: value.node },
});

export const optional = <T>(inner: Schema<T>): OptionalSchema<T> => ({
  node: { kind: 'optional', inner: inner.node },
  optional: true,
});

export const nullable = <T>(inner: Schema<T>): Schema<T | null> => ({
  node: { kind: 'nullable', inner: inner.node },
});

type Shape = { readonly [key: string]: Schema<unknown> };
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends OptionalSchema<unknown> ? K : never;
}[keyof S];
// The mapped type flattens the intersection, so the result is one plain object type (the
// compile-time contract checks in schemas.ts compare types exactly).
type Flatten<T> = T extends unknown ? { [K in keyof T]: T[K] } : never;
type ObjectOutput<S extends Shape> = Flatten<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
    [K in OptionalKeys<S>]?: Infer<S[K]>;
  }
>;

/** An object with these fields; any other field of the input is left out of the result. */
export const object = <S extends Shape>(shape: S): Schema<ObjectOutput<S>> => {
  const keys = Object.keys(shape);
  return {
    node: { kind: 'object', keys, fields: keys.map((key) => (shape[key] as Schema<unknown>).node) },
  };
};

/** One reason a value did not match: where (`['organizations', 3, 'name']`) and what. */
export interface Issue {
  readonly path: readonly (string | number)[];
  /** "expected a string, got a number" */
  readonly message: string;
}

export type ParseResult<T> =
  | { readonly success: true; readonly data: T }
  | {
      readonly success: false;
      /** The first issues found, in document order (at most MAX_ISSUES_KEPT). */
      readonly issues: readonly Issue[];
      /** How many issues there were in all. */
      readonly issueCount: number;
    };

/** A body with thousands of bad entries keeps only the first few issues (messages show three). */
export const MAX_ISSUES_KEPT = 20;

interface Walk {
  path: (string | number)[];
  issues: Issue[];
  issueCount: number;
}

/** Checks `input` against `schema`; on success `data` is a fresh copy with only declared fields. */
export function safeParse<T>(schema: Schema<T>, input: unknown): ParseResult<T> {
  const walk: Walk = { path: [], issues: [], issueCount: 0 };
  const data = parseNode(schema.node, input, walk);
  return walk.issueCount === 0
    ? { success: true, data: data as T }
    : { success: false, issues: walk.issues, issueCount: walk.issueCount };
}

function parseNode(node: SchemaNode, input: unknown, walk: Walk): unknown {
  switch (node.kind) {
    case 'string':
    case 'boolean':
      return typeof input === node.kind ? input : fail(walk, `a ${node.kind}`, input);
    case 'number':
      return Number.isFinite(input) ? input : fail(walk, 'a number', input);
    case 'json':
      // Bodies come from JSON.parse, so any value is JSON; undefined is a missing field.
      return input === undefined ? fail(walk, 'a JSON value', input) : input;
    case 'literals':
      return node.values.includes(input as string)
        ? input
        : fail(walk, node.values.map(quote).join(' or '), input, true);
    case 'optional':
      return input === undefined ? undefined : parseNode(node.inner, input, walk);
    case 'nullable':
      return input === null ? null : parseNode(node.inner, input, walk);
    case 'array': {
      if (!Array.isArray(input)) return fail(walk, 'an array', input);
      const items: unknown[] = [];
      const { path } = walk;
      for (let index = 0; index < input.length; index++) {
        path.push(index);
        items.push(parseNode(node.inner, input[index], walk));
        path.pop();
      }
      return items;
    }
    case 'record': {
      if (!isPlainObject(input)) return fail(walk, 'an object', input);
      const entries: Record<string, unknown> = {};
      const { path } = walk;
      for (const key of Object.keys(input)) {
        path.push(key);
        setOwn(entries, key, parseNode(node.inner, input[key], walk));
        path.pop();
      }
      return entries;
    }
    case 'object': {
      if (!isPlainObject(input)) return fail(walk, 'an object', input);
      const fields: Record<string, unknown> = {};
      const { path } = walk;
      for (let index = 0; index < node.keys.length; index++) {
        const key = node.keys[index] as string;
        path.push(key);
        const value = parseNode(
          node.fields[index] as SchemaNode,
          Object.hasOwn(input, key) ? input[key] : undefined,
          walk,
        );
        path.pop();
        // Only an optional field can parse to undefined: its key is left out, as it was absent.
        if (value !== undefined) setOwn(fields, key, value);
      }
      return fields;
    }
  }
}

function isPlainObject(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

// Plain assignment of `__proto__` would replace the result's prototype instead of adding a key.
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/** Records an issue at the current path; `quoteString`: name a wrong string (for literals). */
function fail(walk: Walk, expected: string, input: unknown, quoteString = false): undefined {
  walk.issueCount++;
  if (walk.issues.length < MAX_ISSUES_KEPT) {
    const got = quoteString && typeof input === 'string' ? quote(input) : describe(input);
    walk.issues.push({ path: [...walk.path], message: `expected ${expected}, got ${got}` });
  }
  return undefined;
}

/** "a number", "null", "nothing": the kind of value, never the server's text. */
function describe(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  return `a ${typeof input}`;
}

// A wrong literal is named, but only its start: the message must stay a short sentence.
const MAX_QUOTED_LENGTH = 40;

function quote(text: string): string {
  return JSON.stringify(
    text.length <= MAX_QUOTED_LENGTH ? text : `${text.slice(0, MAX_QUOTED_LENGTH - 1)}…`,
  );
}
