import { describe, expect, it } from 'vitest';
import {
  accountNameProblem,
  accountProblem,
  accountTypeProblem,
  endUserInvitation,
  endUserRoleProblem,
  ownerRoleProblem,
  rateProblem,
} from './invite-rules';

const endUser = {
  email: '  driver@fleet.example ',
  accountName: ' Fleet A – Jan ',
  role: 'driver',
  accountType: 'consumer',
  accountId: '0b9c1f7e-6a0e-4c3a-9d55-0c2f4f1b2a10',
  rate: '0.3125',
};

describe('the customer invitation rules', () => {
  it('need the customer account chosen', () => {
    expect(accountProblem(null)).toBe('accountRequired');
    expect(accountProblem('')).toBe('accountRequired');
    expect(accountProblem(endUser.accountId)).toBeUndefined();
  });

  it('need an account name of at most 200 characters', () => {
    expect(accountNameProblem('   ')).toBe('accountNameRequired');
    expect(accountNameProblem('x'.repeat(201))).toBe('accountNameRequired');
    expect(accountNameProblem('Fleet A')).toBeUndefined();
  });

  it('invite a client only with the account owner role ticked', () => {
    expect(ownerRoleProblem([])).toBe('ownerRoleRequired');
    expect(ownerRoleProblem(['account_owner'])).toBeUndefined();
  });

  it('offer an end user the driver or account owner role only', () => {
    expect(endUserRoleProblem('driver')).toBeUndefined();
    expect(endUserRoleProblem('account_owner')).toBeUndefined();
    expect(endUserRoleProblem('')).toBe('roleRequired');
    expect(endUserRoleProblem('billing_admin')).toBe('roleRequired');
  });

  it('need a business or consumer account type', () => {
    expect(accountTypeProblem('business')).toBeUndefined();
    expect(accountTypeProblem('consumer')).toBeUndefined();
    expect(accountTypeProblem('')).toBe('accountTypeRequired');
  });

  it.each(['', '0', '0.3125', '10', '10.0000', '9.9999', ' 0.25 '])('take %j as a rate', (rate) => {
    expect(rateProblem(rate)).toBeUndefined();
  });

  it.each(['0,31', '0.31255', '10.0001', '11', '-1', '1e2', '.5', '0.', '100', 'abc'])(
    'refuse %j as a rate',
    (rate) => {
      expect(rateProblem(rate)).toBe('rateFormat');
    },
  );
});

describe('the end-user invitation', () => {
  it('sends the rate as the digits typed, never rounded', () => {
    expect(endUserInvitation(endUser)).toEqual({
      kind: 'end_user',
      email: 'driver@fleet.example',
      accountId: endUser.accountId,
      accountName: 'Fleet A – Jan',
      role: 'driver',
      accountType: 'consumer',
      reimbursementRateEurPerKwh: '0.3125',
    });
    expect(endUserInvitation({ ...endUser, rate: '0.2150' }).reimbursementRateEurPerKwh).toBe(
      '0.2150',
    );
  });

  it('leaves the rate out when none was given', () => {
    expect(endUserInvitation({ ...endUser, rate: '  ' })).not.toHaveProperty(
      'reimbursementRateEurPerKwh',
      expect.anything(),
    );
  });

  it('refuses to build an invitation the rules would refuse', () => {
    expect(() => endUserInvitation({ ...endUser, accountId: null })).toThrow();
    expect(() => endUserInvitation({ ...endUser, role: '' })).toThrow();
  });
});
