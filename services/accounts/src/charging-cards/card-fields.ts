import {
  CARD_UID,
  CONTRACT_ID,
  MAX_CARD_GROUP_ID_LENGTH,
  MAX_CARD_ISSUER_LENGTH,
  MAX_CARD_UID_LENGTH,
  MAX_CARD_VISUAL_NUMBER_LENGTH,
} from '@onramp/account-rules';
import type { FieldViolation } from '@onramp/errors';

export const TOKEN_TYPES = ['RFID', 'APP_USER', 'AD_HOC_USER', 'OTHER'] as const;
export const WHITELISTS = ['ALWAYS', 'ALLOWED', 'ALLOWED_OFFLINE', 'NEVER'] as const;

const LANGUAGE = /^[a-z]{2}$/;

export interface CardFields {
  type: string;
  contractId: string;
  visualNumber: string;
  issuer: string;
  groupId: string;
  whitelist: string;
  language: string;
}

/** Whether `uid` may be a card's OCPI uid. */
export function isCardUid(uid: string): boolean {
  return CARD_UID.test(uid);
}

/**
 * A card an import names by its uid alone: RFID, whitelist ALLOWED (CreateChargingCard's
 * default), issued by the account. The uid does not tell its eMA contract id, which stays empty
 * until an admin sets it (UpdateChargingCard then asks for one).
 */
export function importedCardFields(accountName: string): CardFields {
  return {
    type: 'RFID',
    contractId: '',
    visualNumber: '',
    issuer: accountName.slice(0, MAX_CARD_ISSUER_LENGTH),
    groupId: '',
    whitelist: 'ALLOWED',
    language: '',
  };
}

export function cardViolations(fields: CardFields, uid?: string): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (uid !== undefined && !isCardUid(uid))
    violations.push({
      field: 'uid',
      message: `must be 1 to ${MAX_CARD_UID_LENGTH} printable characters`,
    });
  if (!(TOKEN_TYPES as readonly string[]).includes(fields.type))
    violations.push({ field: 'type', message: `must be one of ${TOKEN_TYPES.join(', ')}` });
  if (!(WHITELISTS as readonly string[]).includes(fields.whitelist))
    violations.push({ field: 'whitelist', message: `must be one of ${WHITELISTS.join(', ')}` });
  if (!CONTRACT_ID.test(fields.contractId))
    violations.push({
      field: 'contractId',
      message: 'must be an eMI3 eMA id, e.g. "NL-TNM-C12345678-X"',
    });
  if (fields.issuer.trim().length === 0 || fields.issuer.length > MAX_CARD_ISSUER_LENGTH)
    violations.push({
      field: 'issuer',
      message: `must be 1 to ${MAX_CARD_ISSUER_LENGTH} characters`,
    });
  if (fields.visualNumber.length > MAX_CARD_VISUAL_NUMBER_LENGTH)
    violations.push({
      field: 'visualNumber',
      message: `at most ${MAX_CARD_VISUAL_NUMBER_LENGTH} characters`,
    });
  if (fields.groupId.length > MAX_CARD_GROUP_ID_LENGTH)
    violations.push({
      field: 'groupId',
      message: `at most ${MAX_CARD_GROUP_ID_LENGTH} characters`,
    });
  if (fields.language !== '' && !LANGUAGE.test(fields.language))
    violations.push({ field: 'language', message: 'must be an ISO 639-1 code, e.g. "en"' });
  return violations;
}
