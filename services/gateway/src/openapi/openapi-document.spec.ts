import { openApiDocument } from './openapi-document';
import { allOperations } from './operations';

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required: boolean;
}
interface OperationObject {
  operationId: string;
  security: Schema[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema: Schema }>; headers?: object }
  >;
}

const document = openApiDocument();
/** Public operations that check credentials sent in their body or a cookie rather than a bearer one. */
const credentialsInBody = [
  'login',
  'refreshTokens',
  'createConsoleSession',
  'refreshConsoleSession',
];
/** Public operations that refuse a request whose CSRF header does not repeat its cookie. */
const csrfChecked = ['refreshConsoleSession'];
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item as Record<string, OperationObject>).map(([method, operation]) => ({
    path,
    method,
    operation,
  })),
);

/** Every `$ref` in the document, so that each can be checked to resolve. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner),
  );
}

describe('the OpenAPI document', () => {
  it('is an OpenAPI 3.1 document with a bearer security scheme', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBeTruthy();
    expect(document.components.securitySchemes.bearer).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it('has one uniquely named operation per registered operation', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(allOperations.length);
    expect(ids).toHaveLength(allOperations.length);
  });

  it('declares every path template parameter, required, and no other path parameter', () => {
    for (const { path, operation } of operations) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
      expect(declared.map((parameter) => parameter.name).sort()).toEqual(templated);
      expect(declared.every((parameter) => parameter.required)).toBe(true);
    }
  });

  it('describes problems: 401 where a credential is checked, 403 where one is required, 429, 503 and 504 everywhere, 400 with input', () => {
    for (const { operation } of operations) {
      const statuses = Object.keys(operation.responses);
      expect(statuses).toEqual(expect.arrayContaining(['429', '503', '504']));
      for (const status of ['429', '503'])
        expect(Object.keys(operation.responses[status].headers ?? {})).toEqual(['Retry-After']);
      const acceptsCredential =
        operation.security.some((requirement) => 'bearer' in requirement) ||
        credentialsInBody.includes(operation.operationId);
      const allowsAnonymous =
        operation.security.length === 0 ||
        operation.security.some((requirement) => Object.keys(requirement).length === 0);
      expect(statuses.includes('401')).toBe(acceptsCredential);
      expect(statuses.includes('403')).toBe(
        !allowsAnonymous || csrfChecked.includes(operation.operationId),
      );
      if (operation.requestBody || operation.parameters) expect(statuses).toContain('400');
      for (const [status, response] of Object.entries(operation.responses)) {
        expect(response.description).toBeTruthy();
        if (Number(status) >= 400) {
          expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
        }
      }
    }
  });

  it('answers 401 to a login or refresh whose credentials do not hold, and says why', () => {
    for (const operationId of credentialsInBody) {
      const { operation } = operations.find(
        (entry) => entry.operation.operationId === operationId,
      )!;
      expect(operation.responses['401']?.description).not.toBe(
        'No valid bearer access token or API key',
      );
    }
  });

  it('marks a request body required exactly where the gateway refuses a request without one', () => {
    const optional = operations
      .filter(({ operation }) => operation.requestBody?.required === false)
      .map(({ operation }) => operation.operationId)
      .sort();
    expect(optional).toEqual(['createJoiningCode', 'previewTemplate', 'resendInvitation']);
    for (const { operation } of operations.filter((entry) => entry.operation.requestBody)) {
      const served = allOperations.find((entry) => entry.operationId === operation.operationId);
      expect(operation.requestBody?.required).toBe(served?.optionalBody !== true);
    }
  });

  it('refuses unknown request fields in the schemas it publishes, as the gateway does', () => {
    for (const { operation } of operations) {
      const schema = operation.requestBody?.content['application/json']?.schema;
      if (schema?.type === 'object') expect(schema.additionalProperties).toBe(false);
    }
  });

  it('only refers to components it defines', () => {
    for (const ref of refsIn(document)) {
      const [, section, name] = /^#\/components\/(\w+)\/(\w+)$/.exec(ref) ?? [];
      const components = document.components as Record<string, Record<string, unknown>>;
      expect(components[section ?? '']?.[name ?? '']).toBeDefined();
    }
  });
});
