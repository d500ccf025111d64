import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@onramp/authz';

export const PUBLIC_ROUTE = Symbol('onramp:public-route');
export const REQUIRED_PERMISSION = Symbol('onramp:required-permission');
export const OPTIONAL_AUTHENTICATION = Symbol('onramp:optional-authentication');

/** The route answers without credentials (login, password reset, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The route answers without credentials too, but a bearer credential that is sent must be valid,
 * and its caller is passed on (an existing user accepting an invitation into their account).
 */
export const OptionalAuthentication = () => SetMetadata(OPTIONAL_AUTHENTICATION, true);

/**
 * A coarse check: the caller must hold the permission somewhere. Which accounts it covers is the
 * owning service's decision, made with the caller every request carries.
 */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(REQUIRED_PERMISSION, permission);
