export { actingUserId, requireCaller } from './callers';
export {
  holdsAnywhere,
  isAllowed,
  scopeOf,
  type AccessScope,
  type Caller,
  type Target,
} from './authorize';
export {
  grantOf,
  mayGrant,
  membershipViolations,
  type MembershipShape,
  type MembershipViolation,
} from './memberships';
export { isPermission, permissions, platformOnlyPermissions, type Permission } from './permissions';
export { effectivePermissions, isRole, roles, type Role } from './roles';
export { roleList, roleName, type RoleLanguage } from './role-names';
