import fc from 'fast-check';
import { create } from '@bufbuild/protobuf';
import { common } from '@onramp/contracts';
import { isAllowed, scopeOf } from './authorize';
import { permissions, type Permission } from './permissions';

const accountIds = ['a', 'b', 'c', 'd'].map(
  (letter) => `${letter.repeat(8)}-0000-4000-8000-000000000000`,
);

const grant = fc.record({
  platform: fc.boolean(),
  accountIds: fc.subarray(accountIds, { minLength: 1 }),
  permissions: fc.subarray([...permissions]),
});
const caller = fc.array(grant, { maxLength: 4 }).map((grants) =>
  create(common.CallerSchema, {
    userId: 'u',
    grants: grants.map((g) => ({ ...g, accountIds: g.platform ? [] : g.accountIds })),
  }),
);
const permission = fc.constantFrom(...permissions);
const target = fc.subarray(accountIds, { minLength: 1 });

describe('isAllowed', () => {
  it('allows exactly when one grant holds the permission and covers the target', () => {
    fc.assert(
      fc.property(caller, permission, target, (who, wanted, targetIds) => {
        const expected = who.grants.some(
          (g) =>
            g.permissions.includes(wanted) &&
            (g.platform || g.accountIds.some((id) => targetIds.includes(id))),
        );
        expect(isAllowed(who, wanted, { accountIds: targetIds })).toBe(expected);
      }),
    );
  });

  it('never lets account grants reach platform targets', () => {
    fc.assert(
      fc.property(caller, permission, (who, wanted) => {
        const accountOnly = create(common.CallerSchema, {
          grants: who.grants.filter((g) => !g.platform),
        });
        expect(isAllowed(accountOnly, wanted, { platform: true })).toBe(false);
      }),
    );
  });

  it('is monotonic: adding a grant never takes a permission away', () => {
    fc.assert(
      fc.property(caller, grant, permission, target, (who, extra, wanted, targetIds) => {
        const wider = create(common.CallerSchema, { grants: [...who.grants, extra] });
        if (isAllowed(who, wanted, { accountIds: targetIds })) {
          expect(isAllowed(wider, wanted, { accountIds: targetIds })).toBe(true);
        }
      }),
    );
  });

  it('denies everything to a caller without grants', () => {
    fc.assert(
      fc.property(permission, target, (wanted, targetIds) => {
        const nobody = create(common.CallerSchema, {});
        expect(isAllowed(nobody, wanted, { accountIds: targetIds })).toBe(false);
        expect(isAllowed(nobody, wanted, { platform: true })).toBe(false);
      }),
    );
  });
});

describe('scopeOf', () => {
  it('agrees with isAllowed for every account', () => {
    fc.assert(
      fc.property(caller, permission, (who, wanted: Permission) => {
        const scope = scopeOf(who, wanted);
        for (const id of accountIds) {
          const inScope = scope.everywhere || scope.accountIds.includes(id);
          expect(inScope).toBe(isAllowed(who, wanted, { accountIds: [id] }));
        }
      }),
    );
  });
});
