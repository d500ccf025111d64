import { MAX_DRIVER_INFO_LENGTH, MAX_VEHICLE_TEXT_LENGTH } from '@onramp/account-rules';
import { emailViolations, MAX_NAME_LENGTH, normaliseEmail } from '@onramp/user-rules';
import { MAX_EXTERNAL_ID_LENGTH } from './account-columns';
import {
  booleanColumn,
  genderColumn,
  ignoredColumn,
  listColumn,
  migratedColumn,
  textColumn,
  userLanguageColumn,
  type CellValue,
  type Column,
} from './column';

/** PHC strings identity verifies at the first login: bcrypt ($2a$, $2b$, $2y$) and argon2id. */
const PASSWORD_HASH =
  /^(\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}|\$argon2id\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+)$/;

const email: Column<string> = {
  header: 'email',
  required: true,
  example: 'jane@acme.example',
  parse(cell) {
    const value = normaliseEmail(cell);
    if (value === '') return { problem: 'is required' };
    const [violation] = emailViolations(value);
    return violation === undefined ? { value } : { problem: violation.message };
  },
  format: (value) => value,
};

const passwordHash: Column<string> = {
  header: 'passwordHash',
  required: false,
  example: '',
  parse(cell) {
    const value = cell.trim();
    if (value === '' || PASSWORD_HASH.test(value)) return { value };
    return { problem: 'must be a bcrypt ($2a$, $2b$, $2y$) or argon2id PHC hash' };
  },
  // Exports never hold password hashes: identity does not give them out.
  format: () => '',
};

/** The driver fields (cost center, vehicle, groups, cards): they apply in the row's first account. */
export const DRIVER_HEADERS = [
  'costCenter',
  'info1',
  'info2',
  'vehicle.make',
  'vehicle.model',
  'vehicle.licencePlate',
  'userGroups',
  'chargingCards',
  'prioritised',
] as const;

/**
 * The columns of a users file: one membership per row (the same email on several rows is the
 * same user in several accounts), the previous system's rules for gender, language and migrated,
 * and the driver fields.
 */
export const userColumns: readonly Column<CellValue>[] = [
  email,
  textColumn('name', { example: 'Jane Doe', maxLength: MAX_NAME_LENGTH }),
  userLanguageColumn('defaultLangCode'),
  genderColumn('contact.gender'),
  migratedColumn(),
  textColumn('externalId', { example: 'LEGACY-USER-77', maxLength: MAX_EXTERNAL_ID_LENGTH }),
  passwordHash,
  listColumn('accounts', { example: 'LEGACY-1001' }),
  listColumn('roles', { example: 'driver' }),
  textColumn('costCenter', { example: 'Sales', maxLength: MAX_DRIVER_INFO_LENGTH }),
  textColumn('info1', { example: 'E-1234', maxLength: MAX_DRIVER_INFO_LENGTH }),
  textColumn('info2', { maxLength: MAX_DRIVER_INFO_LENGTH }),
  textColumn('vehicle.make', { example: 'Volkswagen', maxLength: MAX_VEHICLE_TEXT_LENGTH }),
  textColumn('vehicle.model', { example: 'ID.3', maxLength: MAX_VEHICLE_TEXT_LENGTH }),
  textColumn('vehicle.licencePlate', { example: 'AB-123-C', maxLength: 20 }),
  listColumn('userGroups', { example: 'Office' }),
  listColumn('chargingCards', { example: 'NL-ACM-000123' }),
  booleanColumn('prioritised', 'false'),
  ignoredColumn('status', 'active'),
];
