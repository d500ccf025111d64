import {
  CARD_UID,
  CONTRACT_ID,
  MAX_CARD_GROUP_ID_LENGTH,
  MAX_CARD_ISSUER_LENGTH,
  MAX_CARD_UID_LENGTH,
  MAX_CARD_VISUAL_NUMBER_LENGTH,
} from '@onramp/account-rules';
import { z } from 'zod';
import { id, page, pageQueryFields, searchQuery, timestamp } from '../http/common.schemas';

// Field sizes are those of the OCPI 2.2.1 Token object the cards are modelled on.
export const cardTypes = ['RFID', 'APP_USER', 'AD_HOC_USER', 'OTHER'] as const;
export const whitelistTypes = ['ALWAYS', 'ALLOWED', 'ALLOWED_OFFLINE', 'NEVER'] as const;

const type = z.enum(cardTypes);
const contractId = z
  .string()
  .regex(CONTRACT_ID, 'must be an eMI3 eMA id, e.g. NL-TNM-C12345678-X')
  .describe('eMI3 eMA id, e.g. NL-TNM-C12345678-X');
const visualNumber = z
  .string()
  .min(1)
  .max(MAX_CARD_VISUAL_NUMBER_LENGTH)
  .describe('As printed on the card');
const issuer = z
  .string()
  .min(1)
  .max(MAX_CARD_ISSUER_LENGTH)
  .describe('The company that issued the card');
const groupId = z
  .string()
  .min(1)
  .max(MAX_CARD_GROUP_ID_LENGTH)
  .describe('Groups cards that belong together');
const whitelist = z
  .enum(whitelistTypes)
  .describe('When the card may charge without an online check');
const language = z
  .string()
  .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code, e.g. en')
  .describe('ISO 639-1');
const assignedUserId = id().describe('The driver of the account the card is assigned to');

export const createChargingCardBody = z.strictObject({
  uid: z
    .string()
    .max(MAX_CARD_UID_LENGTH)
    .regex(CARD_UID, `must be 1 to ${MAX_CARD_UID_LENGTH} printable characters without spaces`)
    .describe('Unique across the platform'),
  type,
  contractId,
  visualNumber: visualNumber.optional(),
  issuer,
  groupId: groupId.optional(),
  whitelist: whitelist.optional().describe('ALLOWED by default'),
  language: language.optional(),
  assignedUserId: assignedUserId.optional(),
});

/** Only the fields given change; null clears a field that may be empty. */
export const updateChargingCardBody = z.strictObject({
  type: type.optional(),
  contractId: contractId.optional(),
  visualNumber: visualNumber.nullable().optional(),
  issuer: issuer.optional(),
  groupId: groupId.nullable().optional(),
  whitelist: whitelist.optional(),
  language: language.nullable().optional(),
  assignedUserId: assignedUserId.nullable().optional().describe('null unassigns the card'),
});

export const chargingCardParams = z.strictObject({ id: id(), cardId: id() });

export const listChargingCardsQuery = z.strictObject({
  assignedUserId: id().optional().describe('Only the cards of this driver'),
  q: searchQuery('Part of the uid or of the visual number, case-insensitive'),
  ...pageQueryFields,
});

export const chargingCardResponse = z.object({
  id: z.string(),
  accountId: z.string(),
  uid: z.string(),
  type: z.string().describe(cardTypes.join(', ')),
  contractId: z.string(),
  visualNumber: z.string().nullable(),
  issuer: z.string(),
  groupId: z.string().nullable(),
  valid: z.boolean().describe('false once the card was invalidated'),
  whitelist: z.string().describe(whitelistTypes.join(', ')),
  language: z.string().nullable(),
  assignedUserId: z.string().nullable(),
  lastUpdated: timestamp().nullable(),
});

export const chargingCardPageResponse = page(chargingCardResponse);

export type CreateChargingCardBody = z.output<typeof createChargingCardBody>;
export type UpdateChargingCardBody = z.output<typeof updateChargingCardBody>;
export type ChargingCardParams = z.output<typeof chargingCardParams>;
export type ListChargingCardsQuery = z.output<typeof listChargingCardsQuery>;
export type ChargingCardResponse = z.output<typeof chargingCardResponse>;
export type ChargingCardPageResponse = z.output<typeof chargingCardPageResponse>;
