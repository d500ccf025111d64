import {
  CARD_UID,
  CONTRACT_ID,
  FEATURE_FLAG,
  LICENCE_PLATE,
  MAX_ACCOUNT_TEXT,
  MAX_CARD_GROUP_ID_LENGTH,
  MAX_CARD_ISSUER_LENGTH,
  MAX_CARD_UID_LENGTH,
  MAX_CARD_VISUAL_NUMBER_LENGTH,
  MAX_COMPANY_NUMBER_LENGTH,
  MAX_DRIVER_INFO_LENGTH,
  MAX_DRIVER_USER_GROUPS,
  MAX_FEATURE_FLAGS,
  MAX_GROUP_NAME_LENGTH,
  MAX_LICENCE_PLATE_INPUT_LENGTH,
  MAX_PHONE_LENGTH,
  MAX_POSTAL_CODE_LENGTH,
  MAX_STATION_ID_LENGTH,
  MAX_STATIONS_PER_GROUP,
  MAX_VEHICLE_TEXT_LENGTH,
  REIMBURSEMENT_RATE,
  STATION_ID,
} from '@onramp/account-rules';
import {
  MAX_CODE_INPUT_LENGTH,
  MAX_INVITATION_ACCOUNTS,
  MAX_JOINING_CODE_USES,
  MAX_JOINING_CODE_VALID_DAYS,
  MAX_PERSONAL_MESSAGE_LENGTH,
  MIN_CODE_INPUT_LENGTH,
} from '@onramp/invitation-rules';
import {
  MAX_MESSAGE_STREAM_LENGTH,
  MAX_TEMPLATE_PART_BYTES,
  MAX_WEBHOOK_DESCRIPTION_LENGTH,
  MAX_WEBHOOK_URL_LENGTH,
  MESSAGE_STREAM,
  POSTMARK_TOKEN,
} from '@onramp/notification-rules';
import {
  MAX_EMAIL_LENGTH,
  MAX_LOGIN_PASSWORD_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
} from '@onramp/user-rules';
import { newPassword } from '../http/common.schemas';
import { openApiDocument } from './openapi-document';

type Schema = Record<string, unknown>;

const document = openApiDocument();
const bodies = new Map<string, Schema>();
for (const item of Object.values(document.paths))
  for (const operation of Object.values(item) as {
    operationId: string;
    requestBody?: { content: { 'application/json'?: { schema: Schema } } };
  }[]) {
    // Uploads (multipart/form-data) carry a file and form fields, no JSON with limits.
    const json = operation.requestBody?.content['application/json'];
    if (json) bodies.set(operation.operationId, json.schema);
  }

/**
 * The schema at `path` in an operation's request body: property names, `[]` for an array's items,
 * `kind=value` for the variant of a discriminated union; a nullable field is its non-null schema.
 */
function schemaAt(operationId: string, path: string): Schema {
  let schema = bodies.get(operationId);
  for (const step of path.split('.')) {
    if (schema === undefined) break;
    const [key, value] = step.split('=');
    if (value !== undefined) {
      schema = (schema.oneOf as Schema[]).find(
        (variant) =>
          ((variant.properties as Record<string, Schema>)[key ?? '']?.const ?? '') === value,
      );
    } else if (step === '[]') schema = schema.items as Schema;
    else schema = (schema.properties as Record<string, Schema>)[step];
    // A nullable field is `anyOf` its schema and null.
    const variants = schema?.anyOf as Schema[] | undefined;
    if (variants) schema = variants.find((variant) => variant.type !== 'null');
  }
  if (schema === undefined) throw new Error(`${operationId} has no ${path}`);
  return schema;
}

describe('the limits the OpenAPI document publishes are the ones the services enforce', () => {
  it.each([
    ['createJoiningCode', 'maxUses', 'maximum', MAX_JOINING_CODE_USES],
    ['createJoiningCode', 'validDays', 'maximum', MAX_JOINING_CODE_VALID_DAYS],
    ['redeemJoiningCode', 'code', 'minLength', MIN_CODE_INPUT_LENGTH],
    ['redeemJoiningCode', 'code', 'maxLength', MAX_CODE_INPUT_LENGTH],
    ['register', 'registrationCode', 'maxLength', MAX_CODE_INPUT_LENGTH],
    ['register', 'name', 'maxLength', MAX_NAME_LENGTH],
    ['register', 'email', 'maxLength', MAX_EMAIL_LENGTH],
    ['register', 'password', 'minLength', MIN_PASSWORD_LENGTH],
    ['register', 'password', 'maxLength', MAX_PASSWORD_LENGTH],
    ['createUser', 'name', 'maxLength', MAX_NAME_LENGTH],
    ['createUser', 'password', 'maxLength', MAX_PASSWORD_LENGTH],
    ['confirmPasswordReset', 'newPassword', 'maxLength', MAX_PASSWORD_LENGTH],
    ['acceptInvitation', 'password', 'maxLength', MAX_PASSWORD_LENGTH],
    ['acceptInvitation', 'company.registrationNumber', 'maxLength', MAX_COMPANY_NUMBER_LENGTH],
    ['login', 'password', 'maxLength', MAX_LOGIN_PASSWORD_LENGTH],
    ['createInvitation', 'kind=account.personalMessage', 'maxLength', MAX_PERSONAL_MESSAGE_LENGTH],
    ['createInvitation', 'kind=account_user.accountIds', 'maxItems', MAX_INVITATION_ACCOUNTS],
    ['createInvitation', 'kind=end_user.accountName', 'maxLength', MAX_ACCOUNT_TEXT],
    ['createAccount', 'name', 'maxLength', MAX_ACCOUNT_TEXT],
    ['createAccount', 'company.vatNumber', 'maxLength', MAX_COMPANY_NUMBER_LENGTH],
    ['createAccount', 'billingAddress.postalCode', 'maxLength', MAX_POSTAL_CODE_LENGTH],
    ['createAccount', 'contact.phone', 'maxLength', MAX_PHONE_LENGTH],
    ['createAccount', 'contact.email', 'maxLength', MAX_ACCOUNT_TEXT],
    ['createAccount', 'featureFlags', 'maxItems', MAX_FEATURE_FLAGS],
    ['createAccount', 'featureFlags.[]', 'pattern', FEATURE_FLAG.source],
    ['createAccount', 'reimbursementRateEurPerKwh', 'pattern', REIMBURSEMENT_RATE.source],
    ['createCostCenter', 'name', 'maxLength', MAX_GROUP_NAME_LENGTH],
    ['createUserGroup', 'name', 'maxLength', MAX_GROUP_NAME_LENGTH],
    ['createUserGroup', 'stationIds', 'maxItems', MAX_STATIONS_PER_GROUP],
    ['createUserGroup', 'stationIds.[]', 'maxLength', MAX_STATION_ID_LENGTH],
    ['createUserGroup', 'stationIds.[]', 'pattern', STATION_ID.source],
    ['updateUserGroup', 'stationGroupIds.[]', 'maxLength', MAX_STATION_ID_LENGTH],
    ['updateDriver', 'newCostCenterName', 'maxLength', MAX_GROUP_NAME_LENGTH],
    ['updateDriver', 'info1', 'maxLength', MAX_DRIVER_INFO_LENGTH],
    ['updateDriver', 'userGroupIds', 'maxItems', MAX_DRIVER_USER_GROUPS],
    ['updateDriver', 'vehicle.make', 'maxLength', MAX_VEHICLE_TEXT_LENGTH],
    ['updateDriver', 'vehicle.licencePlate', 'maxLength', MAX_LICENCE_PLATE_INPUT_LENGTH],
    ['updateDriver', 'vehicle.licencePlate', 'pattern', LICENCE_PLATE.source],
    ['createChargingCard', 'uid', 'pattern', CARD_UID.source],
    ['createChargingCard', 'uid', 'maxLength', MAX_CARD_UID_LENGTH],
    ['createChargingCard', 'contractId', 'pattern', CONTRACT_ID.source],
    ['createChargingCard', 'issuer', 'maxLength', MAX_CARD_ISSUER_LENGTH],
    ['createChargingCard', 'visualNumber', 'maxLength', MAX_CARD_VISUAL_NUMBER_LENGTH],
    ['createChargingCard', 'groupId', 'maxLength', MAX_CARD_GROUP_ID_LENGTH],
    ['putEmailProviderSettings', 'messageStream', 'maxLength', MAX_MESSAGE_STREAM_LENGTH],
    ['putEmailProviderSettings', 'messageStream', 'pattern', MESSAGE_STREAM.source],
    ['putEmailProviderSettings', 'postmarkServerToken', 'pattern', POSTMARK_TOKEN.source],
    ['putTemplate', 'html', 'maxLength', MAX_TEMPLATE_PART_BYTES],
    ['createWebhook', 'url', 'maxLength', MAX_WEBHOOK_URL_LENGTH],
    ['createWebhook', 'description', 'maxLength', MAX_WEBHOOK_DESCRIPTION_LENGTH],
  ] as const)('%s %s: %s is the shared rule', (operationId, path, keyword, expected) => {
    expect(schemaAt(operationId, path)[keyword]).toEqual(expected);
  });

  it('counts a new password in code points, as the password policy and JSON Schema do', () => {
    const emoji = '🔑';
    expect(newPassword().safeParse(emoji.repeat(MAX_PASSWORD_LENGTH)).success).toBe(true);
    expect(newPassword().safeParse(emoji.repeat(MAX_PASSWORD_LENGTH + 1)).success).toBe(false);
  });
});
