// The bounds of what an account holds besides its own fields: cost centers, user groups, driver
// profiles and charging cards. The accounts service enforces them and the API documents them.

/** A cost center's or a user group's name, trimmed. */
export const MAX_GROUP_NAME_LENGTH = 100;

/** Stations and station groups are the charging back end's ids: printable ASCII, no spaces. */
export const MAX_STATION_ID_LENGTH = 64;
export const STATION_ID = new RegExp(`^[\\x21-\\x7e]{1,${MAX_STATION_ID_LENGTH}}$`);
/** Of each list of a user group (stations, station groups). */
export const MAX_STATIONS_PER_GROUP = 100;

/** A driver's info fields, trimmed. */
export const MAX_DRIVER_INFO_LENGTH = 200;
export const MAX_VEHICLE_TEXT_LENGTH = 100;
export const MAX_DRIVER_USER_GROUPS = 100;
/** As typed ("ab-123-c"); stored as at most 15 letters and digits once spaces and dashes go. */
export const MAX_LICENCE_PLATE_INPUT_LENGTH = 20;
export const LICENCE_PLATE = /^[\s-]*(?:[A-Za-z0-9][\s-]*){1,15}$/;

// A charging card's field sizes are those of the OCPI 2.2.1 Token object it is modelled on.
/** Token.uid: CiString(36), printable ASCII without spaces. */
export const MAX_CARD_UID_LENGTH = 36;
export const CARD_UID = new RegExp(`^[\\x21-\\x7e]{1,${MAX_CARD_UID_LENGTH}}$`);
/**
 * eMI3 eMA id (OCPI contract_id): country code (2 letters), party id (3 alphanumerics), the
 * 9-character instance (conventionally starting with "C"), an optional check character, each
 * part optionally separated by "-": "NL-TNM-C12345678-X", "NLTNMC12345678X", "NL-TNM-C12345678".
 */
export const CONTRACT_ID = /^[A-Za-z]{2}-?[A-Za-z0-9]{3}-?[A-Za-z0-9]{9}(?:-?[A-Za-z0-9])?$/;
export const MAX_CARD_ISSUER_LENGTH = 64;
export const MAX_CARD_VISUAL_NUMBER_LENGTH = 64;
export const MAX_CARD_GROUP_ID_LENGTH = 20;
