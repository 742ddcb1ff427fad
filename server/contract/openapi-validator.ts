// Validates response bodies against the component schemas of src/api/openapi.json with ajv.
// `format` is a claim of the document, not checked: stored data may break it (docs/API-NOTES.md),
// and a read must still succeed. Structure, types and required fields are checked, and (for the
// sandbox, which should return exactly what the document declares) no undeclared properties.
import { Ajv, type ValidateFunction } from 'ajv';
import openapi from '../../src/api/openapi.json' with { type: 'json' };

type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

interface JsonSchema {
  [keyword: string]: unknown;
}

const DOCUMENT_ID = 'openapi.json';

/**
 * OpenAPI 3.0's `nullable` beside `allOf` (no `type`) is not JSON Schema; say the same thing as
 * `anyOf: [null, the schema]`. Other OpenAPI-only keywords (`example`) are annotations. An object
 * schema that lists its properties and says nothing of others is closed.
 */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as JsonSchema).map(([key, child]) => [
    key,
    toJsonSchema(child),
  ]);
  const schema: JsonSchema = Object.fromEntries(entries);
  if (schema.properties !== undefined && schema.additionalProperties === undefined) {
    schema.additionalProperties = false;
  }
  if (schema.nullable !== true) return schema;
  const { nullable: _nullable, description, ...rest } = schema;
  return { description, anyOf: [{ type: 'null' }, rest] };
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ $id: DOCUMENT_ID, components: toJsonSchema(openapi.components) }, DOCUMENT_ID);

const byReference = new Map<string, ValidateFunction>();

function validatorFor(reference: string): ValidateFunction {
  let validate = byReference.get(reference);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}${reference}` });
    byReference.set(reference, validate);
  }
  return validate;
}

/** The `$ref` of an operation's JSON response schema, read from the document. */
export function responseSchemaReference(
  method: HttpMethod,
  pathTemplate: string,
  status: number,
): string {
  const paths = openapi.paths as Record<string, Record<string, unknown>>;
  const operation = paths[pathTemplate]?.[method] as
    | { responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }
    | undefined;
  const reference =
    operation?.responses?.[String(status)]?.content?.['application/json']?.schema?.$ref;
  if (!reference) {
    throw new Error(`The document declares no JSON body for ${method} ${pathTemplate} ${status}.`);
  }
  return reference;
}

/** Schema violations of `body` (empty when it conforms), as readable lines. */
export function schemaViolations(reference: string, body: unknown): string[] {
  const validate = validatorFor(reference);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => {
    const extra =
      error.keyword === 'additionalProperties' ? ` (${JSON.stringify(error.params)})` : '';
    return `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}${extra}`;
  });
}

/** Violations of a documented response body of an operation. */
export function responseViolations(
  method: HttpMethod,
  pathTemplate: string,
  status: number,
  body: unknown,
): string[] {
  return schemaViolations(responseSchemaReference(method, pathTemplate, status), body);
}
