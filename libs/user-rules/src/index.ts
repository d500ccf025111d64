export {
  emailViolations,
  languages,
  languageViolations,
  nameViolations,
  normaliseEmail,
  type Language,
} from './user-fields';
