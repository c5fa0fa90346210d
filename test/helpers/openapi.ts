import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The vendor's OpenAPI descriptions of AIDA, copied into test/fixtures/openapi (the project reads nothing outside
 * itself), loaded as JSON-schema validators. The specs' own errors, and how these helpers cope with each, are listed
 * in README.md ("Where the vendor's specs are wrong").
 */

const DIR = join(__dirname, '..', 'fixtures', 'openapi');

export type SpecName = 'aida-1.0.721' | 'aida-1.6.3.25' | 'aida-mini-1.6.3.26';

const FILES: Record<SpecName, string> = {
  'aida-1.0.721': 'aida-openapi-excerpt.yaml',
  'aida-1.6.3.25': 'aida-openapi-1.6.3.25.json',
  'aida-mini-1.6.3.26': 'aida-mini-openapi-1.6.3.26.json',
};

type Json = Record<string, unknown>;

export interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Json }[];
  requestBody?: { content: Record<string, { schema?: Json }> };
  responses?: Record<string, { content?: Record<string, { schema?: Json }> }>;
  security?: Record<string, unknown>[];
}

export interface Spec {
  name: SpecName;
  doc: {
    openapi: string;
    info: { version: string };
    paths: Record<string, Record<string, Operation>>;
    security?: Record<string, unknown>[];
    components: { schemas: Record<string, Json> };
  };
  operation(method: string, path: string): Operation | undefined;
  /** A validator for a schema written against the spec (its `$ref`s point into the spec's components). */
  validator(schema: Json): ValidateFunction;
  /** The named component schema as a validator, exactly as the spec declares it. */
  component(name: string): ValidateFunction;
  /** Operation `security`, else the spec's global requirement. */
  security(op: Operation): Record<string, unknown>[];
}

/**
 * Rewrites what JSON-schema validation cannot take as written: `$ref`s made absolute (`spec#/…`) so any sub-schema
 * compiles on its own, and a `nullable: true` with no `type` (the spec's `additionalProperties: {nullable: true}`,
 * e.g. metadataFields) read as what it means, any value.
 */
function prepare(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prepare);
  if (!value || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) out[k] = `spec${v}`;
    else out[k] = prepare(v);
  }
  if (out['nullable'] === true && out['type'] === undefined && out['$ref'] === undefined) delete out['nullable'];
  return out;
}

const cache = new Map<SpecName, Spec>();

export function loadSpec(name: SpecName): Spec {
  const cached = cache.get(name);
  if (cached) return cached;
  const text = readFileSync(join(DIR, FILES[name]), 'utf8');
  const raw = FILES[name].endsWith('.yaml') ? load(text) : (JSON.parse(text) as unknown);
  const doc = prepare(raw) as Spec['doc'];
  // OpenAPI keywords (discriminator, example, readOnly, deprecated…) are not JSON-schema: strict mode off.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const int = (bits: number) => ({ type: 'number' as const, validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** (bits - 1) });
  ajv.addFormat('int32', int(32));
  ajv.addFormat('int64', int(64));
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addSchema(doc as object, 'spec');
  const compiled = new Map<string, ValidateFunction>();
  const spec: Spec = {
    name,
    doc,
    operation: (method, path) => doc.paths[path]?.[method.toLowerCase()],
    validator: (schema) => ajv.compile(schema),
    component(component) {
      const found = compiled.get(component) ?? ajv.compile({ $ref: `spec#/components/schemas/${component}` });
      compiled.set(component, found);
      return found;
    },
    security: (op) => op.security ?? doc.security ?? [],
  };
  cache.set(name, spec);
  return spec;
}

export const describeErrors = (errors: ErrorObject[] | null | undefined): string =>
  (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('; ');
