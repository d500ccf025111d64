import { timestampDate } from '@bufbuild/protobuf/wkt';
import type { accounts } from '@onramp/contracts';
import type {
  AccountResponse,
  CreateAccountBody,
  UpdateAccountBody,
} from '../accounts/accounts.schemas';
import type {
  ChargingCardResponse,
  CreateChargingCardBody,
  UpdateChargingCardBody,
} from '../charging-cards/charging-cards.schemas';
import type { CostCenterResponse } from '../cost-centers/cost-centers.schemas';
import type { DriverResponse, UpdateDriverBody } from '../drivers/drivers.schemas';
import type { UpdateUserGroupBody, UserGroupResponse } from '../user-groups/user-groups.schemas';
import { answered, emptyIfNull, isoOrNull, nonEmptyOrNull } from './proto-values';

// The accounts service's messages become the public JSON here and only here, and the JSON
// requests become its messages: JSON null (clear) is proto's empty string, a replaced list is
// wrapped in a StringList so that an empty list is told apart from an absent one.

const replacement = (values: string[] | undefined) =>
  values === undefined ? undefined : { values };

export function toCreateAccountRequest(body: CreateAccountBody) {
  return {
    ...body,
    relation: body.relation ?? '',
    language: body.language ?? '',
    plan: body.plan ?? '',
    featureFlags: body.featureFlags ?? [],
    paymentReference: body.paymentReference ?? '',
    reimbursementRateEurPerKwh: body.reimbursementRateEurPerKwh ?? '',
    stationIssueEmails: body.stationIssueEmails ?? false,
    licence: body.licence ?? '',
    level: body.level ?? '',
  };
}

export function toUpdateAccountRequest(body: UpdateAccountBody) {
  return {
    ...body,
    parentId: emptyIfNull(body.parentId),
    plan: emptyIfNull(body.plan),
    featureFlags: replacement(body.featureFlags),
    paymentReference: emptyIfNull(body.paymentReference),
    reimbursementRateEurPerKwh: emptyIfNull(body.reimbursementRateEurPerKwh),
    level: emptyIfNull(body.level),
  };
}

export function toUpdateUserGroupRequest(body: UpdateUserGroupBody) {
  return {
    name: body.name,
    stationIds: replacement(body.stationIds),
    stationGroupIds: replacement(body.stationGroupIds),
  };
}

export function toCreateChargingCardRequest(body: CreateChargingCardBody) {
  return {
    ...body,
    visualNumber: body.visualNumber ?? '',
    groupId: body.groupId ?? '',
    whitelist: body.whitelist ?? '',
    language: body.language ?? '',
  };
}

export function toUpdateChargingCardRequest(body: UpdateChargingCardBody) {
  return {
    ...body,
    visualNumber: emptyIfNull(body.visualNumber),
    groupId: emptyIfNull(body.groupId),
    language: emptyIfNull(body.language),
    assignedUserId: emptyIfNull(body.assignedUserId),
  };
}

export function toUpdateDriverRequest(body: UpdateDriverBody) {
  return {
    ...body,
    costCenterId: emptyIfNull(body.costCenterId),
    info1: emptyIfNull(body.info1),
    info2: emptyIfNull(body.info2),
    vehicle: body.vehicle && {
      make: body.vehicle.make ?? '',
      model: body.vehicle.model ?? '',
      licencePlate: body.vehicle.licencePlate ?? '',
    },
    userGroupIds: replacement(body.userGroupIds),
  };
}

export function toAccountJson(account: accounts.Account): AccountResponse {
  const { company, billingAddress: address, contact } = account;
  return {
    id: account.id,
    parentId: account.parentId ?? null,
    relation: nonEmptyOrNull(account.relation),
    name: account.name,
    type: account.type,
    company: company
      ? {
          legalName: company.legalName,
          registrationNumber: nonEmptyOrNull(company.registrationNumber),
          vatNumber: nonEmptyOrNull(company.vatNumber),
        }
      : null,
    billingAddress: address
      ? {
          line1: address.line1,
          line2: nonEmptyOrNull(address.line2),
          postalCode: address.postalCode,
          city: address.city,
          country: address.country,
        }
      : null,
    contact: contact
      ? {
          name: contact.name,
          phone: nonEmptyOrNull(contact.phone),
          email: nonEmptyOrNull(contact.email),
          gender: nonEmptyOrNull(contact.gender),
        }
      : null,
    language: account.language,
    plan: nonEmptyOrNull(account.plan),
    featureFlags: account.featureFlags,
    effectiveFeatureFlags: account.effectiveFeatureFlags,
    paymentReference: nonEmptyOrNull(account.paymentReference),
    reimbursementRateEurPerKwh: nonEmptyOrNull(account.reimbursementRateEurPerKwh),
    stationIssueEmails: account.stationIssueEmails,
    licence: account.licence,
    status: account.status,
    level: nonEmptyOrNull(account.level),
    depth: account.depth,
    externalId: nonEmptyOrNull(account.externalId),
    createdAt: isoOrNull(account.createdAt),
    updatedAt: isoOrNull(account.updatedAt),
  };
}

export function toCostCenterJson(costCenter: accounts.CostCenter): CostCenterResponse {
  return {
    id: costCenter.id,
    accountId: costCenter.accountId,
    name: costCenter.name,
    createdAt: isoOrNull(costCenter.createdAt),
  };
}

export function toUserGroupJson(group: accounts.UserGroup): UserGroupResponse {
  return {
    id: group.id,
    accountId: group.accountId,
    name: group.name,
    stationIds: group.stationIds,
    stationGroupIds: group.stationGroupIds,
    createdAt: isoOrNull(group.createdAt),
  };
}

export function toChargingCardJson(card: accounts.ChargingCard): ChargingCardResponse {
  return {
    id: card.id,
    accountId: card.accountId,
    uid: card.uid,
    type: card.type,
    contractId: card.contractId,
    visualNumber: nonEmptyOrNull(card.visualNumber),
    issuer: card.issuer,
    groupId: nonEmptyOrNull(card.groupId),
    valid: card.valid,
    whitelist: card.whitelist,
    language: nonEmptyOrNull(card.language),
    assignedUserId: card.assignedUserId ?? null,
    lastUpdated: isoOrNull(card.lastUpdated),
  };
}

export function toDriverJson(driver: accounts.Driver): DriverResponse {
  const { vehicle, invitation } = driver;
  return {
    accountId: driver.accountId,
    userId: nonEmptyOrNull(driver.userId),
    email: driver.email,
    name: driver.name,
    status: driver.status,
    costCenterId: nonEmptyOrNull(driver.costCenterId),
    info1: nonEmptyOrNull(driver.info1),
    info2: nonEmptyOrNull(driver.info2),
    vehicle: vehicle
      ? {
          make: nonEmptyOrNull(vehicle.make),
          model: nonEmptyOrNull(vehicle.model),
          licencePlate: nonEmptyOrNull(vehicle.licencePlate),
        }
      : null,
    userGroupIds: driver.userGroupIds,
    prioritised: driver.prioritised,
    chargingCardIds: driver.chargingCardIds,
    invitation: invitation
      ? {
          id: invitation.id,
          status: invitation.status === 'expired' ? 'expired' : 'pending',
          expiresAt: timestampDate(
            answered('accounts', invitation.expiresAt, "an invitation's expiry"),
          ).toISOString(),
        }
      : null,
  };
}
