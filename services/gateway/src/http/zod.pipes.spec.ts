import fc from 'fast-check';
import { DomainError } from '@onramp/errors';
import type { z } from 'zod';
import { createAccountBody, updateAccountBody } from '../accounts/accounts.schemas';
import { createChargingCardBody } from '../charging-cards/charging-cards.schemas';
import { updateDriverBody } from '../drivers/drivers.schemas';
import { createUserGroupBody } from '../user-groups/user-groups.schemas';
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

const randomId = '0b9d7c3e-2f4a-4b8e-8d1c-5e6f7a8b9c0d';

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
  createAccount: {
    name: 'Fleet Partners',
    type: 'business',
    company: { legalName: 'Fleet Partners B.V.', vatNumber: 'NL123456789B01' },
    billingAddress: {
      line1: 'Stationsplein 1',
      postalCode: '1012 AB',
      city: 'Amsterdam',
      country: 'NL',
    },
    contact: { name: 'Jan', email: 'jan@example.com' },
    reimbursementRateEurPerKwh: '0.3125',
  },
  updateAccount: { parentId: null, featureFlags: [], plan: null, status: 'suspended' },
  createCostCenter: { name: 'Logistics' },
  updateCostCenter: { name: 'Logistics' },
  createUserGroup: { name: 'Depot chargers', stationIds: ['NL*TNM*E0001'] },
  updateUserGroup: { stationGroupIds: [] },
  createChargingCard: {
    uid: '04A2B3C4D5E6F7',
    type: 'RFID',
    contractId: 'NL-TNM-C12345678-X',
    issuer: 'Onramp CPO',
    whitelist: 'ALLOWED',
  },
  updateChargingCard: { assignedUserId: null, whitelist: 'NEVER' },
  updateDriver: {
    costCenterId: null,
    info1: 'EMP-001',
    vehicle: { make: 'Kia', licencePlate: 'AB-123-C' },
    userGroupIds: ['6f1c2a53-8a4e-4c1e-9a55-0b6c1b0d2f11'],
    prioritised: true,
  },
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

  it('bounds the strings and lists of the accounts endpoints', () => {
    const account = { name: 'Fleet', type: 'consumer' };
    expect(createAccountBody.safeParse({ ...account, name: 'x'.repeat(201) }).success).toBe(false);
    expect(
      createAccountBody.safeParse({ ...account, featureFlags: Array(101).fill('ev') }).success,
    ).toBe(false);
    const group = { name: 'Depot' };
    expect(
      createUserGroupBody.safeParse({ ...group, stationIds: Array(101).fill('NL*TNM*E1') }).success,
    ).toBe(false);
    expect(createUserGroupBody.safeParse({ ...group, stationIds: ['x'.repeat(101)] }).success).toBe(
      false,
    );
    const card = validBodies.createChargingCard as object;
    expect(createChargingCardBody.safeParse({ ...card, groupId: 'g'.repeat(21) }).success).toBe(
      false,
    );
    expect(createChargingCardBody.safeParse({ ...card, uid: 'u'.repeat(37) }).success).toBe(false);
    expect(updateDriverBody.safeParse({ userGroupIds: Array(101).fill(randomId) }).success).toBe(
      false,
    );
    expect(updateDriverBody.safeParse({ info1: 'x'.repeat(201) }).success).toBe(false);
  });

  it('takes a reimbursement rate only as an exact decimal from 0 to 10', () => {
    const rate = (value: unknown) =>
      updateAccountBody.safeParse({ reimbursementRateEurPerKwh: value }).success;
    for (const good of ['0', '0.3125', '10', '10.0000', '9.9999']) expect(rate(good)).toBe(true);
    for (const bad of ['0.12345', '-1', '11', '10.0001', 'abc', '1e1', ' 1', 0.3, '.5', '1.']) {
      expect(rate(bad)).toBe(false);
    }
    expect(rate(null)).toBe(true);
  });

  it('asks a relation of a sub-account only, and one cost center choice of a driver', () => {
    const account = { name: 'Jan', type: 'consumer' };
    expect(createAccountBody.safeParse({ ...account, parentId: randomId }).success).toBe(false);
    expect(createAccountBody.safeParse({ ...account, relation: 'employee' }).success).toBe(false);
    expect(
      createAccountBody.safeParse({ ...account, parentId: randomId, relation: 'employee' }).success,
    ).toBe(true);
    expect(
      updateDriverBody.safeParse({ costCenterId: randomId, newCostCenterName: 'Sales' }).success,
    ).toBe(false);
    expect(
      updateDriverBody.safeParse({ costCenterId: null, newCostCenterName: 'Sales' }).success,
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
