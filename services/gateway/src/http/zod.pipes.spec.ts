import fc from 'fast-check';
import { DomainError } from '@onramp/errors';
import type { z } from 'zod';
import { createUserBody } from '../users/users.schemas';
import { allOperations } from '../openapi/operations';
import { ZodBodyPipe, ZodParamsPipe, ZodQueryPipe } from './zod.pipes';

/** Every schema a request passes through, by where it applies. */
const schemas = allOperations.flatMap((operation) =>
  (['body', 'query', 'params'] as const).flatMap((where) => {
    const schema = operation[where];
    return schema === undefined
      ? []
      : [{ name: `${operation.operationId} ${where}`, where, schema }];
  }),
);

const keysOf = (schema: z.ZodType): string[] =>
  'shape' in schema ? Object.keys(schema.shape as object) : [];

/** A valid request of each kind, to which the property tests add what must not be there. */
const validBodies: Record<string, unknown> = {
  login: { email: 'ada@example.com', password: 'secret' },
  createUser: { email: 'ada@example.com', name: 'Ada' },
  createApiKey: {
    accountId: '6f1c2a53-8a4e-4c1e-9a55-0b6c1b0d2f11',
    name: 'billing sync',
    permissions: ['users.read'],
  },
  grantMembership: { accountIds: ['6f1c2a53-8a4e-4c1e-9a55-0b6c1b0d2f11'], roles: ['driver'] },
};

describe('request validation', () => {
  it('covers a body, query or path schema of every operation that takes input', () => {
    expect(schemas.length).toBeGreaterThan(10);
  });

  it.each(schemas)('$name: random JSON passes only if it names known fields', ({ schema }) => {
    const known = new Set(keysOf(schema));
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        if (!schema.safeParse(value).success) return;
        expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
        for (const key of Object.keys(value as object)) expect(known.has(key)).toBe(true);
      }),
    );
  });

  it.each(Object.entries(validBodies))(
    '%s: a valid body with any unknown field added is refused',
    (operationId, valid) => {
      const schema = allOperations.find((operation) => operation.operationId === operationId)?.body;
      expect(schema?.safeParse(valid).success).toBe(true);
      const known = new Set(keysOf(schema as z.ZodType));
      fc.assert(
        fc.property(
          fc.string({ minLength: 1 }).filter((key) => !known.has(key) && key !== '__proto__'),
          fc.jsonValue(),
          (key, extra) => {
            expect(schema?.safeParse({ ...(valid as object), [key]: extra }).success).toBe(false);
          },
        ),
      );
    },
  );

  it('bounds the length of strings and lists', () => {
    const base = { email: 'ada@example.com', name: 'Ada' };
    expect(createUserBody.safeParse({ ...base, name: 'x'.repeat(201) }).success).toBe(false);
    expect(createUserBody.safeParse({ ...base, email: `${'x'.repeat(250)}@x.io` }).success).toBe(
      false,
    );
    const membership = { platform: true, roles: ['support'] };
    expect(
      createUserBody.safeParse({ ...base, memberships: Array(21).fill(membership) }).success,
    ).toBe(false);
  });

  it.each(schemas)(
    '$name: the pipe only ever fails with validation_failed',
    ({ schema, where }) => {
      const pipe =
        where === 'body'
          ? new ZodBodyPipe(schema)
          : where === 'query'
            ? new ZodQueryPipe(schema)
            : new ZodParamsPipe(schema);
      fc.assert(
        fc.property(fc.anything(), (value) => {
          try {
            pipe.transform(value);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe('validation_failed');
          }
        }),
      );
    },
  );
});
