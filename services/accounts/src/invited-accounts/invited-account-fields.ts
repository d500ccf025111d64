import { create } from '@bufbuild/protobuf';
import { accounts, isUuid, type invitations } from '@onramp/contracts';
import type { FieldViolation } from '@onramp/errors';
import type { AccountFields } from '../accounts/account-fields';
import { checkedFields, fieldsOf } from '../accounts/accounts.service';

/** The account an accepted invitation asks for, checked at the boundary. */
export interface InvitedAccount {
  id: string;
  parentId: string;
  byUserId: string;
  fields: AccountFields;
}

/**
 * The new account of an InvitationAccepted as accounts would store it, or why it cannot be: the
 * rules are those of any account (invitations applied them when inviting and accepting), except
 * that a business account needs no billing address yet.
 */
export function invitedAccountOf(
  newAccount: invitations.NewAccount,
): { account: InvitedAccount } | { violations: FieldViolation[] } {
  const violations: FieldViolation[] = [];
  for (const [field, id] of [
    ['accountId', newAccount.accountId],
    ['parentId', newAccount.parentId],
  ] as const)
    if (!isUuid(id)) violations.push({ field, message: 'must be a UUID' });
  // Created as any account would be from these details; the rate is always given (empty: none).
  const checked = checkedFields(
    fieldsOf(
      create(accounts.CreateAccountRequestSchema, {
        relation: newAccount.relation,
        name: newAccount.name,
        type: newAccount.type,
        company: newAccount.company,
        language: newAccount.language,
      }),
    ),
    true,
    newAccount.reimbursementRateEurPerKwh,
    undefined,
    false,
  );
  violations.push(...checked.violations);
  if (violations.length > 0) return { violations };
  return {
    account: {
      id: newAccount.accountId.toLowerCase(),
      parentId: newAccount.parentId.toLowerCase(),
      byUserId: newAccount.byUserId,
      fields: checked.fields,
    },
  };
}
