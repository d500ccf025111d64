import fc from 'fast-check';
import type { Stack } from './stack';

/** An endpoint to probe with bad input; `fields` name its real body's fields. */
export interface BodyEndpoint {
  method: 'POST' | 'PATCH' | 'PUT';
  path: string;
  fields: string[];
  /** Those of `fields` that take true or false (a body of booleans alone may have no string). */
  booleans?: string[];
}

/**
 * Values of every type but string: almost every body has a string field (a name, an email, an
 * id), so a body made of these is always wrongly typed, while any string could happen to be valid.
 */
const notAString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { minLength: 1 }),
  fc.object(),
);

/** Values of every type but boolean, for the fields that take one. */
const notABoolean = fc.oneof(
  fc.integer(),
  fc.string(),
  fc.constant(null),
  fc.array(fc.anything(), { minLength: 1 }),
  fc.object(),
);

/** Bodies of the right shape with values of the wrong type, and bodies of no shape at all. */
export const wrongBody = (fields: string[], booleans: string[] = []): fc.Arbitrary<unknown> =>
  fc
    .oneof(
      fc.anything(),
      fields.length === 0
        ? fc.dictionary(fc.string({ minLength: 1 }), fc.anything(), { minKeys: 1 })
        : fc.record(
            Object.fromEntries(
              fields.map((field) => [field, booleans.includes(field) ? notABoolean : notAString]),
            ),
          ),
      fc.constantFrom(
        [],
        'text',
        42,
        null,
        { unexpected: true },
        Object.fromEntries(fields.map((field) => [field, { nested: [1, 2] }])),
        Object.fromEntries(fields.map((field) => [field, 'x'.repeat(100_000)])),
      ),
      // `{}` (also what undefined values serialise to) is a valid "change nothing" PATCH.
    )
    .filter((body) => JSON.stringify(body) !== '{}');

/** Raw bodies no endpoint may accept: broken JSON, a form. */
export const malformedBodies: [body: string, contentType: string][] = [
  ['{"email": ', 'application/json'],
  ['not json at all', 'application/json'],
  ['email=a@b.c', 'application/x-www-form-urlencoded'],
];

/** A body size no endpoint takes (twice the gateway's limit), declared by `requestDeclaringBody`. */
export const OVERSIZED_BODY_BYTES = 2 * 1024 * 1024;

/** Ids no path may accept. */
export const malformedIds = ['not-a-uuid', '1', "x' OR 1=1 --", 'ÿ'.repeat(300)];

/**
 * A digest of every table of a service's schema that a refused request must leave alone
 * (event bookkeeping and logs of attempts excluded).
 */
export async function schemaDigest(stack: Stack, schema: string): Promise<Record<string, string>> {
  const tables = await stack.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1
       AND table_name !~ '(outbox|processed_messages|login|_prisma_migrations)'`,
    [schema],
  );
  const digest: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const [row] = await stack.query<{ digest: string | null }>(
      `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS digest FROM "${schema}"."${table}" t`,
    );
    digest[table] = row?.digest ?? 'empty';
  }
  return digest;
}

/** A refusal: 4xx (never 2xx, never 5xx) as problem+json. */
export function expectProblem(
  response: { status: number; headers: Headers },
  context: string,
): void {
  if (response.status < 400 || response.status >= 500) {
    throw new Error(`${context} answered ${response.status}`);
  }
  if (!(response.headers.get('content-type') ?? '').includes('application/problem+json')) {
    throw new Error(`${context} answered ${response.status} without problem+json`);
  }
}

/** What the gateway's OpenAPI document says one operation's requests carry. */
export interface DocumentedOperation {
  /** Upper case, as sent. */
  method: string;
  /** The OpenAPI template, e.g. `/v1/users/{id}`. */
  path: string;
  pathParameters: string[];
  queryParameters: string[];
  /** The fields of its JSON body (of every variant), string fields first; absent without one. */
  bodyFields?: string[];
}

interface DocumentedSchema {
  type?: string | string[];
  properties?: Record<string, DocumentedSchema>;
  oneOf?: DocumentedSchema[];
  anyOf?: DocumentedSchema[];
}

interface DocumentedRequest {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: DocumentedSchema } | undefined> };
}

/** The top-level properties of a body schema and of each of its variants. */
function propertiesOf(schema: DocumentedSchema): [string, DocumentedSchema][] {
  const variants = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  return [...Object.entries(schema.properties ?? {}), ...variants.flatMap(propertiesOf)];
}

/** Every operation of the document the running gateway serves at `/docs/openapi.json`. */
export async function documentedOperations(gatewayUrl: string): Promise<DocumentedOperation[]> {
  const response = await fetch(`${gatewayUrl}/docs/openapi.json`);
  const document = (await response.json()) as {
    paths: Record<string, Record<string, DocumentedRequest>>;
  };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => {
      const parameters = (where: string) =>
        (operation.parameters ?? []).filter((each) => each.in === where).map((each) => each.name);
      const body = operation.requestBody?.content['application/json']?.schema;
      const isString = ([, field]: [string, DocumentedSchema]) =>
        [field.type].flat().includes('string');
      const properties = body === undefined ? [] : propertiesOf(body);
      const fields = [...properties.filter(isString), ...properties.filter((p) => !isString(p))];
      return {
        method: method.toUpperCase(),
        path,
        pathParameters: parameters('path'),
        queryParameters: parameters('query'),
        ...(body && { bodyFields: [...new Set(fields.map(([name]) => name))] }),
      };
    }),
  );
}

/** A path of a template, each `{parameter}` given by `value` (encoded). */
export function pathOf(template: string, value: (parameter: string) => string): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(value(name)));
}

/** Whether a template serves a path, as the gateway's router reads it. */
export function templateMatches(template: string, path: string): boolean {
  return new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(path);
}

/** Text with the NUL character, which no Onramp service can store. */
export const TEXT_WITH_NUL = 'Fleet\u0000Partners';
