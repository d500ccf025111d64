import type { FieldViolation } from '@onramp/errors';

export const TOKEN_TYPES = ['RFID', 'APP_USER', 'AD_HOC_USER', 'OTHER'] as const;
export const WHITELISTS = ['ALWAYS', 'ALLOWED', 'ALLOWED_OFFLINE', 'NEVER'] as const;

/** OCPI 2.2.1 Token.uid: CiString(36), printable ASCII without spaces. */
const UID = /^[\x21-\x7e]{1,36}$/;
/**
 * eMI3 eMA id (OCPI contract_id): country code (2 letters), party id (3 alphanumerics), the
 * 9-character instance (conventionally starting with "C"), an optional check character, each
 * part optionally separated by "-": "NL-TNM-C12345678-X", "NLTNMC12345678X", "NL-TNM-C12345678".
 */
export const CONTRACT_ID = /^[A-Za-z]{2}-?[A-Za-z0-9]{3}-?[A-Za-z0-9]{9}(?:-?[A-Za-z0-9])?$/;
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

export function cardViolations(fields: CardFields, uid?: string): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (uid !== undefined && !UID.test(uid))
    violations.push({ field: 'uid', message: 'must be 1 to 36 printable characters' });
  if (!(TOKEN_TYPES as readonly string[]).includes(fields.type))
    violations.push({ field: 'type', message: `must be one of ${TOKEN_TYPES.join(', ')}` });
  if (!(WHITELISTS as readonly string[]).includes(fields.whitelist))
    violations.push({ field: 'whitelist', message: `must be one of ${WHITELISTS.join(', ')}` });
  if (!CONTRACT_ID.test(fields.contractId))
    violations.push({
      field: 'contractId',
      message: 'must be an eMI3 eMA id, e.g. "NL-TNM-C12345678-X"',
    });
  if (fields.issuer.trim().length === 0 || fields.issuer.length > 64)
    violations.push({ field: 'issuer', message: 'must be 1 to 64 characters' });
  if (fields.visualNumber.length > 64)
    violations.push({ field: 'visualNumber', message: 'at most 64 characters' });
  if (fields.groupId.length > 20)
    violations.push({ field: 'groupId', message: 'at most 20 characters' });
  if (fields.language !== '' && !LANGUAGE.test(fields.language))
    violations.push({ field: 'language', message: 'must be an ISO 639-1 code, e.g. "en"' });
  return violations;
}
