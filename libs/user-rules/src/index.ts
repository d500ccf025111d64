export {
  emailViolations,
  languages,
  languageViolations,
  MAX_EMAIL_LENGTH,
  MAX_LOGIN_PASSWORD_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  nameViolations,
  normaliseEmail,
  type Language,
} from './user-fields';
