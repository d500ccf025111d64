// The bounds of what brings people in, enforced by the invitations service and documented by the
// API from these same constants.

/** Shown, escaped, in the email and on the acceptance page; counted after trimming. */
export const MAX_PERSONAL_MESSAGE_LENGTH = 1000;
/** The accounts (the permission level) one account_user invitation may name. */
export const MAX_INVITATION_ACCOUNTS = 20;

/** A joining code may be redeemed this many times at most; 0 (or left out) means unlimited. */
export const MAX_JOINING_CODE_USES = 100_000;
export const DEFAULT_JOINING_CODE_VALID_DAYS = 30;
export const MAX_JOINING_CODE_VALID_DAYS = 365;

/** A joining or registration code as people type it: generous, for dashes and spaces. */
export const MIN_CODE_INPUT_LENGTH = 4;
export const MAX_CODE_INPUT_LENGTH = 64;
