import { randomUUID } from 'node:crypto';
import type { Api, ApiResponse } from './api';
import type { Stack } from './stack';

/** The parts of a JSON Schema (OpenAPI 3.1) that these probes read. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  maximum?: number;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  required?: string[];
  default?: unknown;
  description?: string;
}

interface DocumentedOperation {
  operationId: string;
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
}

/** The OpenAPI document the gateway publishes, as far as these probes read it. */
export interface ApiDocument {
  paths: Record<string, Record<string, DocumentedOperation>>;
}

export async function apiDocument(stack: Stack): Promise<ApiDocument> {
  const response = await fetch(`${stack.gatewayUrl}/docs/openapi.json`);
  if (response.status !== 200) throw new Error(`/docs/openapi.json answered ${response.status}`);
  return (await response.json()) as ApiDocument;
}

/** Every operation of the document, with its method and path template. */
export function documentedOperations(
  document: ApiDocument,
): { method: string; template: string; operation: DocumentedOperation }[] {
  return Object.entries(document.paths).flatMap(([template, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method, template, operation })),
  );
}

/** Throws unless the document lists `status` among the answers of the operation. */
export function expectDocumentedStatus(
  operation: DocumentedOperation,
  status: number,
  context: string,
): void {
  if (!(String(status) in operation.responses))
    throw new Error(
      `${context} answered ${status}, which ${operation.operationId} does not document (${Object.keys(operation.responses).join(', ')})`,
    );
}

/** A body with one field at a documented bound, or one step past it. */
export interface BoundProbe {
  field: string;
  side: 'at' | 'past';
  body: Record<string, unknown>;
}

type Path = (string | number)[];

/** `base` with the value at `path` replaced (objects and arrays on the way made as needed). */
function withValue(base: unknown, path: Path, value: unknown): unknown {
  const [step, ...rest] = path;
  if (step === undefined) return value;
  if (typeof step === 'number') {
    const list = Array.isArray(base) ? [...(base as unknown[])] : [];
    list[step] = withValue(list[step], rest, value);
    return list;
  }
  const object =
    typeof base === 'object' && base !== null && !Array.isArray(base)
      ? { ...(base as Record<string, unknown>) }
      : {};
  object[step] = withValue(object[step], rest, value);
  return object;
}

function valueAt(base: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (value, step) =>
      typeof value === 'object' && value !== null
        ? (value as Record<string | number, unknown>)[step]
        : undefined,
    base,
  );
}

/**
 * A string of `length` characters that the field's pattern allows: a strong password, plain
 * letters or an email address of that length; undefined when none fits (the bound is then left
 * to unit tests).
 */
function textOfLength(schema: JsonSchema, length: number): string | undefined {
  const candidates = [
    // Upper and lower case, a digit and a special character: a password the policy takes.
    `Aa1-${'x'.repeat(Math.max(0, length - 4))}`,
    'x'.repeat(length),
    `${'x'.repeat(Math.max(0, length - 11))}@example.io`,
  ];
  return candidates.find(
    (text) =>
      text.length === length &&
      (schema.pattern === undefined || new RegExp(schema.pattern).test(text)),
  );
}

/**
 * For every string `maxLength` and number `maximum` in a request body's schema, the `base` body
 * (valid as a whole) with that field exactly at the bound and one past it. Nullable fields are
 * probed in their non-null form; of a union, the variant `base` is (by its `const` fields).
 */
export function boundProbes(schema: JsonSchema, base: Record<string, unknown>): BoundProbe[] {
  const probes: BoundProbe[] = [];
  const walk = (node: JsonSchema, path: Path): void => {
    for (const variant of node.anyOf ?? []) if (variant.type !== 'null') walk(variant, path);
    const chosen = node.oneOf?.find((variant) =>
      Object.entries(variant.properties ?? {}).every(
        ([name, property]) =>
          property.const === undefined || property.const === valueAt(base, [...path, name]),
      ),
    );
    if (chosen) walk(chosen, path);
    for (const [name, property] of Object.entries(node.properties ?? {}))
      walk(property, [...path, name]);
    if (node.items) walk(node.items, [...path, 0]);
    const field = path.join('.');
    const probe = (at: unknown, past: unknown) => {
      probes.push({
        field,
        side: 'at',
        body: withValue(base, path, at) as Record<string, unknown>,
      });
      probes.push({
        field,
        side: 'past',
        body: withValue(base, path, past) as Record<string, unknown>,
      });
    };
    if (node.type === 'string' && node.maxLength !== undefined && node.enum === undefined) {
      const at = textOfLength(node, node.maxLength);
      if (at !== undefined) probe(at, `${at}x`);
    }
    if ((node.type === 'integer' || node.type === 'number') && node.maximum !== undefined)
      probe(node.maximum, node.maximum + 1);
  };
  walk(schema, []);
  return probes;
}

/** Whether two dotted field paths name the same field or one lies inside the other. */
function related(a: string, b: string): boolean {
  const steps = (field: string) => field.replace(/\[(\d+)\]/g, '.$1').split('.');
  const [shorter, longer] = [steps(a), steps(b)].sort((x, y) => x.length - y.length);
  return shorter.every((step, index) => step === longer[index]);
}

function violatedFields(response: ApiResponse): string[] {
  const violations = (response.body as { violations?: { field: string }[] }).violations ?? [];
  return violations.map((violation) => violation.field);
}

/** An endpoint whose documented bounds are probed with a valid body; `base` makes a fresh one. */
export interface BoundedEndpoint {
  method: 'POST' | 'PATCH' | 'PUT';
  /** The path as the document spells it, e.g. `/v1/accounts/{id}/user-groups`. */
  template: string;
  path: string;
  base: () => Record<string, unknown>;
  /** Fields whose bound the document cannot make complete, each with the reason in a comment. */
  unprobed?: string[];
}

/**
 * Sends every bound probe of the endpoint: a value at a documented bound is not refused for that
 * field, one past it is refused with 400 naming the field, and every answer is one the document
 * lists for the operation.
 */
export async function expectDocumentedBoundsHold(
  api: Api,
  document: ApiDocument,
  endpoint: BoundedEndpoint,
): Promise<void> {
  const operation = document.paths[endpoint.template]?.[endpoint.method.toLowerCase()];
  const schema = operation?.requestBody?.content['application/json']?.schema;
  if (operation === undefined || schema === undefined)
    throw new Error(`the document has no body for ${endpoint.method} ${endpoint.template}`);
  const probes = boundProbes(schema, endpoint.base()).filter(
    (probe) => !(endpoint.unprobed ?? []).includes(probe.field),
  );
  if (probes.length === 0) throw new Error(`${endpoint.template} documents no bound to probe`);
  for (const { field, side } of probes) {
    const body = boundProbes(schema, endpoint.base()).find(
      (probe) => probe.field === field && probe.side === side,
    )!.body;
    const response = await api.request(endpoint.method, endpoint.path, body);
    const context = `${endpoint.method} ${endpoint.path} with ${field} ${side} its bound`;
    expectDocumentedStatus(operation, response.status, context);
    const named = violatedFields(response).filter((violation) => related(violation, field));
    if (side === 'at' && response.status === 400 && named.length > 0)
      throw new Error(`${context} was refused: ${JSON.stringify(response.body)}`);
    if (side === 'past' && (response.status !== 400 || named.length === 0))
      throw new Error(`${context} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
}

/** Path parameters that are not ids, with a value each that exists. */
const pathValues: Record<string, string> = { key: 'password-reset', lang: 'en' };

/**
 * Every operation with a request body, sent none: refused with 400 exactly where the document
 * marks the body required, and answered with a documented status either way.
 */
export async function expectBodylessRequestsAsDocumented(
  api: Api,
  document: ApiDocument,
): Promise<void> {
  for (const { method, template, operation } of documentedOperations(document)) {
    if (operation.requestBody === undefined) continue;
    const path = template.replace(
      /\{(\w+)\}/g,
      (_, name: string) => pathValues[name] ?? randomUUID(),
    );
    const response = await api.request(method.toUpperCase(), path);
    const context = `${method.toUpperCase()} ${path} without a body`;
    expectDocumentedStatus(operation, response.status, context);
    const refusedForIt = response.status === 400 && violatedFields(response).length === 0;
    if (refusedForIt !== operation.requestBody.required)
      throw new Error(
        `${context} answered ${response.status} ${JSON.stringify(response.body)}, but the document says the body is ${operation.requestBody.required ? 'required' : 'optional'}`,
      );
  }
}
