import { randomUUID } from 'node:crypto';
import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { membershipViolations } from '@onramp/authz';
import { invitations } from '@onramp/contracts';
import { membershipOf, planInvitation, scopeKeyOf } from './invitation-kinds';

const account = randomUUID();
const other = randomUUID();

type SpecInit = MessageInitShape<typeof invitations.InvitationSpecSchema>;

function kindOf(init: SpecInit) {
  return create(invitations.InvitationSpecSchema, init).kind;
}

describe('invitation kinds', () => {
  it('grants each kind the membership its invitee is promised', () => {
    const cases: [SpecInit, boolean, string[]][] = [
      [
        { kind: { case: 'systemUser', value: { roles: ['support', 'billing'] } } },
        true,
        ['support', 'billing'],
      ],
      [{ kind: { case: 'accountOwner', value: { accountId: account } } }, false, ['account_owner']],
      [
        { kind: { case: 'admin', value: { accountId: account, level: 'company' } } },
        false,
        ['company_admin'],
      ],
      [{ kind: { case: 'account', value: { accountId: account } } }, false, ['no_role']],
      [
        {
          kind: {
            case: 'accountUser',
            value: {
              accountIds: [account, other],
              role: 'billing_admin',
              additionalPermissions: ['exports.read'],
            },
          },
        },
        false,
        ['billing_admin'],
      ],
    ];
    for (const [init, platform, roles] of cases) {
      const { plan, violations } = planInvitation(kindOf(init));
      expect(violations).toEqual([]);
      const membership = membershipOf(plan!);
      expect(membership.platform).toBe(platform);
      expect(membership.roles).toEqual(roles);
      expect(membershipViolations(membership)).toEqual([]);
    }
  });

  it('plans the sub-account acceptance creates and gives its owner the new account only', () => {
    const { plan, violations } = planInvitation(
      kindOf({
        kind: {
          case: 'subAccount',
          value: {
            parentAccountId: account,
            relation: 'subsidiary',
            accountName: '  Fleet North ',
            accountType: 'business',
            reimbursementRateEurPerKwh: '0.3125',
          },
        },
      }),
    );
    expect(violations).toEqual([]);
    expect(plan!.newAccount).toEqual({
      parentId: account,
      relation: 'subsidiary',
      name: 'Fleet North',
      type: 'business',
      reimbursementRate: '0.3125',
    });
    const created = randomUUID();
    expect(membershipOf(plan!, created)).toMatchObject({
      accountIds: [created],
      roles: ['account_owner'],
    });
  });

  it('keeps the role an account invitation grants, no_role when none was named', () => {
    const { plan } = planInvitation(
      kindOf({ kind: { case: 'account', value: { accountId: account } } }),
    );
    expect(plan!.spec).toMatchObject({
      case: 'account',
      value: { accountId: account, role: 'no_role' },
    });
  });

  it('keeps the reimbursement rate in its one spelling', () => {
    for (const [sent, kept] of [
      ['0.215', '0.2150'],
      ['0.2150', '0.2150'],
      [' 0.22', '0.2200'],
      ['', ''],
    ]) {
      const { plan } = planInvitation(
        kindOf({
          kind: {
            case: 'subAccount',
            value: {
              parentAccountId: account,
              relation: 'employee',
              accountName: 'Fleet',
              accountType: 'consumer',
              reimbursementRateEurPerKwh: sent,
            },
          },
        }),
      );
      expect(plan!.spec).toMatchObject({ value: { reimbursementRateEurPerKwh: kept } });
      expect(plan!.newAccount!.reimbursementRate).toBe(kept);
    }
  });

  it('names every wrong field of an end-user invitation', () => {
    const { violations } = planInvitation(
      kindOf({
        kind: {
          case: 'endUser',
          value: {
            accountId: 'nope',
            accountName: ' ',
            role: 'platform_admin',
            accountType: 'company',
            reimbursementRateEurPerKwh: '10.5',
          },
        },
      }),
    );
    expect(violations.map((violation) => violation.field).sort()).toEqual(
      ['accountId', 'accountName', 'accountType', 'reimbursementRateEurPerKwh', 'role'].sort(),
    );
  });

  it('refuses a spec without a kind', () => {
    expect(planInvitation({ case: undefined }).violations).toEqual([
      { field: 'kind', message: 'say what the invitation is for' },
    ]);
  });

  it('puts invitations of the same accounts in one scope, whatever their order', () => {
    const first = planInvitation(
      kindOf({
        kind: { case: 'accountUser', value: { accountIds: [account, other], role: 'driver' } },
      }),
    ).plan!;
    const second = planInvitation(
      kindOf({
        kind: { case: 'accountUser', value: { accountIds: [other, account], role: 'driver' } },
      }),
    ).plan!;
    expect(scopeKeyOf(first)).toBe(scopeKeyOf(second));
    expect(
      scopeKeyOf(
        planInvitation(kindOf({ kind: { case: 'systemUser', value: { roles: ['support'] } } }))
          .plan!,
      ),
    ).toBe('platform');
  });
});
