import fc from 'fast-check';
import { create } from '@bufbuild/protobuf';
import { common } from '@onramp/contracts';
import { isAllowed } from './authorize';
import { grantOf, mayGrant, membershipViolations, type MembershipShape } from './memberships';
import { permissions, platformOnlyPermissions } from './permissions';
import { roles } from './roles';

const accountIds = ['a', 'b', 'c'].map(
  (letter) => `${letter.repeat(8)}-0000-4000-8000-000000000000`,
);
const roleNames = Object.keys(roles);
const accountRoles = roleNames.filter(
  (name) => roles[name as keyof typeof roles].scope === 'account',
);

const membership: fc.Arbitrary<MembershipShape> = fc.record({
  platform: fc.boolean(),
  accountIds: fc.subarray(accountIds),
  roles: fc.subarray(roleNames, { minLength: 1, maxLength: 3 }),
  additionalPermissions: fc.subarray([...permissions], { maxLength: 3 }),
});
const wellFormed = membership.filter((shape) => membershipViolations(shape).length === 0);
const callerFrom = (shapes: MembershipShape[]) =>
  create(common.CallerSchema, { userId: 'granter', grants: shapes.map(grantOf) });

describe('membershipViolations', () => {
  it('accepts an account membership with account roles', () => {
    expect(
      membershipViolations({
        platform: false,
        accountIds: [accountIds[0]],
        roles: ['account_admin'],
        additionalPermissions: ['exports.read'],
      }),
    ).toEqual([]);
  });

  it('refuses unknown roles, roles of the other scope, platform permissions in accounts and empty scopes', () => {
    const fields = (shape: MembershipShape) => membershipViolations(shape).map((v) => v.field);
    expect(
      fields({ platform: false, accountIds: [], roles: ['driver'], additionalPermissions: [] }),
    ).toContain('accountIds');
    expect(
      fields({ platform: true, accountIds: [], roles: ['driver'], additionalPermissions: [] }),
    ).toContain('roles');
    expect(
      fields({
        platform: false,
        accountIds: [accountIds[0]],
        roles: ['admin'],
        additionalPermissions: [],
      }),
    ).toContain('roles');
    expect(
      fields({
        platform: false,
        accountIds: [accountIds[0]],
        roles: ['driver'],
        additionalPermissions: ['settings.manage'],
      }),
    ).toContain('additionalPermissions');
    expect(
      fields({
        platform: false,
        accountIds: ['not-a-uuid'],
        roles: ['driver'],
        additionalPermissions: [],
      }),
    ).toContain('accountIds');
  });

  it('never lets a platform-only permission into an account grant', () => {
    fc.assert(
      fc.property(wellFormed, (shape) => {
        if (!shape.platform) {
          expect(
            grantOf(shape).permissions.some((p) => platformOnlyPermissions.has(p as never)),
          ).toBe(false);
        }
      }),
    );
  });
});

describe('mayGrant', () => {
  it('never lets anyone grant a permission they do not hold where it would apply (no escalation)', () => {
    fc.assert(
      fc.property(fc.array(wellFormed, { maxLength: 3 }), wellFormed, (held, requested) => {
        const granter = callerFrom(held);
        if (!mayGrant(granter, requested)) return;
        const conferred = grantOf(requested);
        const targets = requested.platform
          ? [{ platform: true } as const]
          : requested.accountIds.map((id) => ({ accountIds: [id] }));
        for (const target of targets) {
          expect(isAllowed(granter, 'memberships.manage', target)).toBe(true);
          for (const permission of conferred.permissions) {
            expect(isAllowed(granter, permission as never, target)).toBe(true);
          }
        }
      }),
    );
  });

  it('lets a platform admin grant anything well-formed', () => {
    const admin = callerFrom([
      { platform: true, accountIds: [], roles: ['platform_admin'], additionalPermissions: [] },
    ]);
    fc.assert(
      fc.property(wellFormed, (requested) => expect(mayGrant(admin, requested)).toBe(true)),
    );
  });

  it('lets an account admin hand out account roles in their own account only', () => {
    const admin = callerFrom([
      {
        platform: false,
        accountIds: [accountIds[0]],
        roles: ['account_admin'],
        additionalPermissions: [],
      },
    ]);
    const grantable = accountRoles.filter((role) =>
      mayGrant(admin, {
        platform: false,
        accountIds: [accountIds[0]],
        roles: [role],
        additionalPermissions: [],
      }),
    );
    expect(grantable).toEqual(
      expect.arrayContaining(['driver', 'api_developer', 'billing_admin', 'account_admin']),
    );
    expect(grantable).not.toContain('account_owner');
    expect(grantable).not.toContain('enterprise_admin');
    expect(
      mayGrant(admin, {
        platform: false,
        accountIds: [accountIds[1]],
        roles: ['driver'],
        additionalPermissions: [],
      }),
    ).toBe(false);
    expect(
      mayGrant(admin, {
        platform: true,
        accountIds: [],
        roles: ['support'],
        additionalPermissions: [],
      }),
    ).toBe(false);
  });

  it('keeps admin levels apart: a location admin cannot make a company admin', () => {
    const locationAdmin = callerFrom([
      {
        platform: false,
        accountIds: [accountIds[0]],
        roles: ['location_admin'],
        additionalPermissions: [],
      },
    ]);
    const spec = (role: string) => ({
      platform: false,
      accountIds: [accountIds[0]],
      roles: [role],
      additionalPermissions: [],
    });
    expect(mayGrant(locationAdmin, spec('location_admin'))).toBe(true);
    expect(mayGrant(locationAdmin, spec('company_admin'))).toBe(false);
    expect(mayGrant(locationAdmin, spec('enterprise_admin'))).toBe(false);
  });
});
