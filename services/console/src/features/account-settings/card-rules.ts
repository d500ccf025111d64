/**
 * The rules of the charging card form, checked before sending; the API checks them again. The
 * fields are those of an OCPI 2.2.1 token, with its sizes. Each problem is the key of its text.
 */
import type { NewChargingCard } from './charging-cards.api';

export const cardTypes = ['RFID', 'APP_USER', 'AD_HOC_USER', 'OTHER'] as const;
export const whitelistTypes = ['ALLOWED', 'ALWAYS', 'ALLOWED_OFFLINE', 'NEVER'] as const;
type CardType = (typeof cardTypes)[number];
type Whitelist = (typeof whitelistTypes)[number];

const CARD_UID = /^[\x21-\x7e]{1,36}$/;
/** eMI3 eMA id: country, party, instance and an optional check character, dashes optional. */
const CONTRACT_ID = /^[A-Za-z]{2}-?[A-Za-z0-9]{3}-?[A-Za-z0-9]{9}(?:-?[A-Za-z0-9])?$/;
const MAX_ISSUER_LENGTH = 64;
const MAX_VISUAL_NUMBER_LENGTH = 64;
const MAX_GROUP_ID_LENGTH = 20;

export function uidProblem(uid: string): 'uidInvalid' | undefined {
  return CARD_UID.test(uid.trim()) ? undefined : 'uidInvalid';
}

export function contractIdProblem(contractId: string): 'contractIdInvalid' | undefined {
  return CONTRACT_ID.test(contractId.trim()) ? undefined : 'contractIdInvalid';
}

export function issuerProblem(issuer: string): 'issuerInvalid' | undefined {
  const length = issuer.trim().length;
  return length === 0 || length > MAX_ISSUER_LENGTH ? 'issuerInvalid' : undefined;
}

export function visualNumberProblem(visualNumber: string): 'visualNumberInvalid' | undefined {
  return visualNumber.trim().length > MAX_VISUAL_NUMBER_LENGTH ? 'visualNumberInvalid' : undefined;
}

export function groupIdProblem(groupId: string): 'groupIdInvalid' | undefined {
  return groupId.trim().length > MAX_GROUP_ID_LENGTH ? 'groupIdInvalid' : undefined;
}

export interface CardValues {
  uid: string;
  type: CardType;
  contractId: string;
  issuer: string;
  visualNumber: string;
  groupId: string;
  whitelist: Whitelist;
}

/** The request for checked values, trimmed; the optional fields left empty are not sent. */
export function chargingCardBody(values: CardValues): NewChargingCard {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    uid: values.uid.trim(),
    type: values.type,
    contractId: values.contractId.trim(),
    issuer: values.issuer.trim(),
    visualNumber: optional(values.visualNumber),
    groupId: optional(values.groupId),
    whitelist: values.whitelist,
  };
}
