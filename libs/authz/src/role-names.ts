import { isRole, type Role } from './roles';

/** The languages roles are named in: those of emails and pages. */
export type RoleLanguage = 'en' | 'nl' | 'de' | 'fr';

/**
 * The roles of the catalogue as a recipient reads them, lower-case where the language writes them
 * so inside a sentence ("You will join as account owner and driver"). Typed against the catalogue:
 * a role added there without a name here does not compile.
 */
const ROLE_NAMES: Record<RoleLanguage, Record<Role, string>> = {
  en: {
    platform_admin: 'platform administrator',
    support: 'support staff',
    billing: 'billing staff',
    field_service: 'field service staff',
    no_role: 'user without a role (own sessions only)',
    driver: 'driver',
    api_developer: 'API developer',
    locations_facilitator: 'locations facilitator',
    field_service_technician: 'field service technician',
    billing_admin: 'billing admin',
    account_admin: 'account admin',
    account_owner: 'account owner',
    enterprise_admin: 'enterprise admin',
    company_admin: 'company admin',
    location_admin: 'location admin',
  },
  nl: {
    platform_admin: 'platformbeheerder',
    support: 'supportmedewerker',
    billing: 'medewerker facturatie',
    field_service: 'medewerker buitendienst',
    no_role: 'gebruiker zonder rol (alleen eigen sessies)',
    driver: 'bestuurder',
    api_developer: 'API-ontwikkelaar',
    locations_facilitator: 'locatiefacilitator',
    field_service_technician: 'servicemonteur',
    billing_admin: 'facturatiebeheerder',
    account_admin: 'accountbeheerder',
    account_owner: 'accounteigenaar',
    enterprise_admin: 'enterprisebeheerder',
    company_admin: 'bedrijfsbeheerder',
    location_admin: 'locatiebeheerder',
  },
  de: {
    platform_admin: 'Plattform-Administrator',
    support: 'Support-Mitarbeiter',
    billing: 'Mitarbeiter Abrechnung',
    field_service: 'Außendienst-Mitarbeiter',
    no_role: 'Benutzer ohne Rolle (nur eigene Ladevorgänge)',
    driver: 'Fahrer',
    api_developer: 'API-Entwickler',
    locations_facilitator: 'Standort-Vermittler',
    field_service_technician: 'Servicetechniker',
    billing_admin: 'Abrechnungs-Administrator',
    account_admin: 'Konto-Administrator',
    account_owner: 'Kontoinhaber',
    enterprise_admin: 'Enterprise-Administrator',
    company_admin: 'Unternehmens-Administrator',
    location_admin: 'Standort-Administrator',
  },
  fr: {
    platform_admin: 'administrateur de la plateforme',
    support: 'membre du support',
    billing: 'membre de la facturation',
    field_service: 'membre du service terrain',
    no_role: 'utilisateur sans rôle (ses propres sessions uniquement)',
    driver: 'conducteur',
    api_developer: 'développeur API',
    locations_facilitator: 'facilitateur de sites',
    field_service_technician: 'technicien de maintenance',
    billing_admin: 'administrateur de la facturation',
    account_admin: 'administrateur du compte',
    account_owner: 'propriétaire du compte',
    enterprise_admin: "administrateur de l'entreprise",
    company_admin: 'administrateur de la société',
    location_admin: 'administrateur du site',
  },
};

/** A role as people read it in `language`; one the catalogue does not know, as its id in words. */
export function roleName(role: string, language: RoleLanguage): string {
  return isRole(role) ? ROLE_NAMES[language][role] : role.replace(/_/g, ' ');
}

/** "account owner and driver": the roles named and joined as `language` joins a list. */
export function roleList(roles: readonly string[], language: RoleLanguage): string {
  const names = roles.map((role) => roleName(role, language));
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names);
}
