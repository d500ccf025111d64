import type { Messages } from '../../i18n/messages';

const en = {
  title: 'System users',
  lead: "The operator's staff, and what each may do on the whole platform.",
  tabs: { active: 'Active', invited: 'Invited', deactivated: 'Deactivated' },
  add: {
    open: 'Add system user',
    title: 'Add system user',
    roles: 'Roles',
    rolesHint: 'Tick at least one role.',
    rolesRequired: 'Choose at least one role.',
    emailRequired: 'Enter an email address.',
    send: 'Send invitation',
    sent: 'Invitation sent to {{email}}.',
  },
} as const;

const nl: Messages<typeof en> = {
  title: 'Systeemgebruikers',
  lead: 'De medewerkers van de operator, en wat ieder op het hele platform mag.',
  tabs: { active: 'Actief', invited: 'Uitgenodigd', deactivated: 'Gedeactiveerd' },
  add: {
    open: 'Systeemgebruiker toevoegen',
    title: 'Systeemgebruiker toevoegen',
    roles: 'Rollen',
    rolesHint: 'Vink minstens één rol aan.',
    rolesRequired: 'Kies minstens één rol.',
    emailRequired: 'Vul een e-mailadres in.',
    send: 'Uitnodiging versturen',
    sent: 'Uitnodiging verstuurd naar {{email}}.',
  },
};

const de: Messages<typeof en> = {
  title: 'Systembenutzer',
  lead: 'Die Mitarbeitenden des Betreibers und was jeder auf der ganzen Plattform darf.',
  tabs: { active: 'Aktiv', invited: 'Eingeladen', deactivated: 'Deaktiviert' },
  add: {
    open: 'Systembenutzer hinzufügen',
    title: 'Systembenutzer hinzufügen',
    roles: 'Rollen',
    rolesHint: 'Wählen Sie mindestens eine Rolle.',
    rolesRequired: 'Wählen Sie mindestens eine Rolle.',
    emailRequired: 'Geben Sie eine E-Mail-Adresse ein.',
    send: 'Einladung senden',
    sent: 'Einladung an {{email}} gesendet.',
  },
};

const fr: Messages<typeof en> = {
  title: 'Utilisateurs système',
  lead: "Le personnel de l'opérateur, et ce que chacun peut faire sur toute la plateforme.",
  tabs: { active: 'Actifs', invited: 'Invités', deactivated: 'Désactivés' },
  add: {
    open: 'Ajouter un utilisateur système',
    title: 'Ajouter un utilisateur système',
    roles: 'Rôles',
    rolesHint: 'Cochez au moins un rôle.',
    rolesRequired: 'Choisissez au moins un rôle.',
    emailRequired: 'Saisissez une adresse e-mail.',
    send: "Envoyer l'invitation",
    sent: 'Invitation envoyée à {{email}}.',
  },
};

export const systemUsersTexts = { en, nl, de, fr };
