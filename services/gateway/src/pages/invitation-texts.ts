import type { PageLanguage } from './page-language';

/** What the invitation is for, as the preview tells it; null where the preview leaves it empty. */
export interface InvitationTarget {
  inviter: string | null;
  account: string | null;
  newAccount: string | null;
}

export type PasswordRule = 'upper' | 'lower' | 'digit' | 'special' | 'common';

/** Every text of the acceptance page, in one language. Values are plain text, escaped on use. */
export interface InvitationTexts {
  /** For dates, e.g. the expiry. */
  locale: string;
  title: string;
  invitation(target: InvitationTarget): string;
  roles(names: string[]): string;
  expires(date: string): string;
  personalMessage(inviter: string | null): string;
  email: string;
  name: string;
  password: string;
  passwordPolicy: string;
  repeatPassword: string;
  company: string;
  companyHint: string;
  legalName: string;
  registrationNumber: string;
  vatNumber: string;
  accept: string;
  existingUserTitle: string;
  existingUser(email: string): string;
  existingUserHow: string;
  acceptedTitle: string;
  accepted: string;
  invalidTitle: string;
  invalid: string;
  passwordsDiffer: string;
  weakPassword: string;
  passwordLength(min: string, max: string): string;
  passwordRules: Record<PasswordRule, string>;
  nameMissing: string;
  companyMissing: string;
  legalNameMissing: string;
  companyNumberMissing: string;
  checkInput: string;
  rateLimitedTitle: string;
  rateLimited(minutes: number): string;
  unavailableTitle: string;
  unavailable: string;
  failedTitle: string;
  failed(errorId: string): string;
  unreadableForm: string;
}

const en: InvitationTexts = {
  locale: 'en-GB',
  title: 'Accept your invitation',
  invitation: ({ inviter, account, newAccount }) => {
    const who = inviter === null ? 'You are invited' : `${inviter} invites you`;
    if (newAccount !== null) return `${who} to set up the account ${newAccount} under ${account}.`;
    if (account !== null) return `${who} to join ${account}.`;
    return `${who} to join the operator team.`;
  },
  roles: (names) => `${names.length === 1 ? 'Your role' : 'Your roles'}: ${names.join(', ')}.`,
  expires: (date) => `This invitation is valid until ${date}.`,
  personalMessage: (inviter) => (inviter === null ? 'Personal message' : `Message from ${inviter}`),
  email: 'Email address',
  name: 'Your name',
  password: 'Choose a password',
  passwordPolicy:
    'At least 8 characters, with upper and lower case letters, digits and special characters.',
  repeatPassword: 'Repeat the password',
  company: 'Company details',
  companyHint:
    "This is a business account: give the company's legal name and its registration (chamber of commerce) number or VAT number.",
  legalName: 'Legal name',
  registrationNumber: 'Registration number (chamber of commerce)',
  vatNumber: 'VAT number',
  accept: 'Accept invitation',
  existingUserTitle: 'Sign in to accept',
  existingUser: (email) =>
    `An account with the email address ${email} already exists. Sign in with it first, then accept the invitation while signed in.`,
  existingUserHow:
    'Your app or dashboard does this for you. Through the API: log in with POST /v1/auth/login, then send POST /v1/invitations/accept with the token of this link and your name, with the header Authorization: Bearer <access token>.',
  acceptedTitle: 'Welcome',
  accepted:
    'Your account is active. You can now log in with your email address and your new password.',
  invalidTitle: 'Link not valid',
  invalid:
    'This invitation link is not valid (any more): it may have expired, been used or been replaced by a newer one, or the invitation was cancelled. Ask the person who invited you to send a new invitation.',
  passwordsDiffer: 'The two passwords are not the same.',
  weakPassword: 'The password does not meet the requirements:',
  passwordLength: (min, max) => `It must be ${min} to ${max} characters long.`,
  passwordRules: {
    upper: 'It must contain an upper-case letter.',
    lower: 'It must contain a lower-case letter.',
    digit: 'It must contain a digit.',
    special: 'It must contain a special character.',
    common: 'It is one of the most common passwords; choose another.',
  },
  nameMissing: 'Enter your name.',
  companyMissing:
    'Company details are required: the legal name and the registration number or VAT number.',
  legalNameMissing: "Enter the company's legal name.",
  companyNumberMissing: 'Enter the registration number or the VAT number.',
  checkInput: 'Please check:',
  rateLimitedTitle: 'Too many attempts',
  rateLimited: (minutes) =>
    minutes <= 1 ? 'Try again in a minute.' : `Try again in ${minutes} minutes.`,
  unavailableTitle: 'Temporarily unavailable',
  unavailable:
    'The service is temporarily unavailable; nothing was saved. Try again in a few minutes.',
  failedTitle: 'Something went wrong',
  failed: (errorId) =>
    `Nothing was saved. Try again later; if it keeps failing, tell support the error id ${errorId}.`,
  unreadableForm: 'The form could not be read. Open the invitation link again and try once more.',
};

const nl: InvitationTexts = {
  locale: 'nl-NL',
  title: 'Uitnodiging accepteren',
  invitation: ({ inviter, account, newAccount }) => {
    const who = inviter === null ? 'Je bent uitgenodigd' : `${inviter} nodigt je uit`;
    if (newAccount !== null) {
      return `${who} om het account ${newAccount} aan te maken onder ${account}.`;
    }
    if (account !== null) return `${who} voor ${account}.`;
    return `${who} voor het team van de beheerder.`;
  },
  roles: (names) => `${names.length === 1 ? 'Je rol' : 'Je rollen'}: ${names.join(', ')}.`,
  expires: (date) => `Deze uitnodiging is geldig tot ${date}.`,
  personalMessage: (inviter) =>
    inviter === null ? 'Persoonlijk bericht' : `Bericht van ${inviter}`,
  email: 'E-mailadres',
  name: 'Je naam',
  password: 'Kies een wachtwoord',
  passwordPolicy:
    'Minimaal 8 tekens, met hoofdletters en kleine letters, cijfers en speciale tekens.',
  repeatPassword: 'Herhaal het wachtwoord',
  company: 'Bedrijfsgegevens',
  companyHint:
    'Dit is een zakelijk account: vul de statutaire naam van het bedrijf in en het KvK-nummer of het btw-nummer.',
  legalName: 'Statutaire naam',
  registrationNumber: 'KvK-nummer',
  vatNumber: 'Btw-nummer',
  accept: 'Uitnodiging accepteren',
  existingUserTitle: 'Log in om te accepteren',
  existingUser: (email) =>
    `Er bestaat al een account met het e-mailadres ${email}. Log daar eerst mee in en accepteer de uitnodiging terwijl je bent ingelogd.`,
  existingUserHow:
    'Je app of dashboard doet dit voor je. Via de API: log in met POST /v1/auth/login en stuur dan POST /v1/invitations/accept met het token van deze link en je naam, met de header Authorization: Bearer <access token>.',
  acceptedTitle: 'Welkom',
  accepted: 'Je account is actief. Je kunt nu inloggen met je e-mailadres en je nieuwe wachtwoord.',
  invalidTitle: 'Link niet geldig',
  invalid:
    'Deze uitnodigingslink is niet (meer) geldig: hij is misschien verlopen, al gebruikt of vervangen door een nieuwere, of de uitnodiging is ingetrokken. Vraag degene die je heeft uitgenodigd om een nieuwe uitnodiging.',
  passwordsDiffer: 'De twee wachtwoorden zijn niet gelijk.',
  weakPassword: 'Het wachtwoord voldoet niet aan de eisen:',
  passwordLength: (min, max) => `Het moet ${min} tot ${max} tekens lang zijn.`,
  passwordRules: {
    upper: 'Het moet een hoofdletter bevatten.',
    lower: 'Het moet een kleine letter bevatten.',
    digit: 'Het moet een cijfer bevatten.',
    special: 'Het moet een speciaal teken bevatten.',
    common: 'Het is een van de meest gebruikte wachtwoorden; kies een ander.',
  },
  nameMissing: 'Vul je naam in.',
  companyMissing:
    'Bedrijfsgegevens zijn verplicht: de statutaire naam en het KvK-nummer of het btw-nummer.',
  legalNameMissing: 'Vul de statutaire naam van het bedrijf in.',
  companyNumberMissing: 'Vul het KvK-nummer of het btw-nummer in.',
  checkInput: 'Controleer het volgende:',
  rateLimitedTitle: 'Te veel pogingen',
  rateLimited: (minutes) =>
    minutes <= 1
      ? 'Probeer het over een minuut opnieuw.'
      : `Probeer het over ${minutes} minuten opnieuw.`,
  unavailableTitle: 'Tijdelijk niet beschikbaar',
  unavailable:
    'De dienst is tijdelijk niet beschikbaar; er is niets opgeslagen. Probeer het over een paar minuten opnieuw.',
  failedTitle: 'Er ging iets mis',
  failed: (errorId) =>
    `Er is niets opgeslagen. Probeer het later opnieuw; blijft het misgaan, geef dan deze foutcode door aan support: ${errorId}.`,
  unreadableForm:
    'Het formulier kon niet worden gelezen. Open de uitnodigingslink opnieuw en probeer het nog eens.',
};

const de: InvitationTexts = {
  locale: 'de-DE',
  title: 'Einladung annehmen',
  invitation: ({ inviter, account, newAccount }) => {
    if (newAccount !== null) {
      return inviter === null
        ? `Sie sind eingeladen, das Konto ${newAccount} unter ${account} einzurichten.`
        : `${inviter} lädt Sie ein, das Konto ${newAccount} unter ${account} einzurichten.`;
    }
    if (account !== null) {
      return inviter === null
        ? `Sie sind zu ${account} eingeladen.`
        : `${inviter} lädt Sie zu ${account} ein.`;
    }
    return inviter === null
      ? 'Sie sind in das Betreiberteam eingeladen.'
      : `${inviter} lädt Sie in das Betreiberteam ein.`;
  },
  roles: (names) => `${names.length === 1 ? 'Ihre Rolle' : 'Ihre Rollen'}: ${names.join(', ')}.`,
  expires: (date) => `Diese Einladung ist gültig bis ${date}.`,
  personalMessage: (inviter) =>
    inviter === null ? 'Persönliche Nachricht' : `Nachricht von ${inviter}`,
  email: 'E-Mail-Adresse',
  name: 'Ihr Name',
  password: 'Passwort wählen',
  passwordPolicy: 'Mindestens 8 Zeichen, mit Groß- und Kleinbuchstaben, Ziffern und Sonderzeichen.',
  repeatPassword: 'Passwort wiederholen',
  company: 'Firmendaten',
  companyHint:
    'Dies ist ein Geschäftskonto: Geben Sie den offiziellen Firmennamen und die Handelsregisternummer oder die USt-IdNr. an.',
  legalName: 'Offizieller Firmenname',
  registrationNumber: 'Handelsregisternummer',
  vatNumber: 'USt-IdNr.',
  accept: 'Einladung annehmen',
  existingUserTitle: 'Zum Annehmen anmelden',
  existingUser: (email) =>
    `Zur E-Mail-Adresse ${email} gibt es bereits ein Konto. Melden Sie sich zuerst damit an und nehmen Sie die Einladung dann angemeldet an.`,
  existingUserHow:
    'Ihre App oder Ihr Dashboard erledigt das für Sie. Über die API: Melden Sie sich mit POST /v1/auth/login an und senden Sie dann POST /v1/invitations/accept mit dem Token dieses Links und Ihrem Namen, mit dem Header Authorization: Bearer <Access-Token>.',
  acceptedTitle: 'Willkommen',
  accepted:
    'Ihr Konto ist aktiv. Sie können sich jetzt mit Ihrer E-Mail-Adresse und Ihrem neuen Passwort anmelden.',
  invalidTitle: 'Link ungültig',
  invalid:
    'Dieser Einladungslink ist nicht (mehr) gültig: Er ist vielleicht abgelaufen, wurde bereits verwendet oder durch einen neueren ersetzt, oder die Einladung wurde zurückgezogen. Bitten Sie die Person, die Sie eingeladen hat, um eine neue Einladung.',
  passwordsDiffer: 'Die beiden Passwörter stimmen nicht überein.',
  weakPassword: 'Das Passwort erfüllt die Anforderungen nicht:',
  passwordLength: (min, max) => `Es muss ${min} bis ${max} Zeichen lang sein.`,
  passwordRules: {
    upper: 'Es muss einen Großbuchstaben enthalten.',
    lower: 'Es muss einen Kleinbuchstaben enthalten.',
    digit: 'Es muss eine Ziffer enthalten.',
    special: 'Es muss ein Sonderzeichen enthalten.',
    common: 'Es gehört zu den häufigsten Passwörtern; wählen Sie ein anderes.',
  },
  nameMissing: 'Geben Sie Ihren Namen ein.',
  companyMissing:
    'Firmendaten sind erforderlich: der offizielle Firmenname und die Handelsregisternummer oder die USt-IdNr.',
  legalNameMissing: 'Geben Sie den offiziellen Firmennamen ein.',
  companyNumberMissing: 'Geben Sie die Handelsregisternummer oder die USt-IdNr. ein.',
  checkInput: 'Bitte prüfen Sie:',
  rateLimitedTitle: 'Zu viele Versuche',
  rateLimited: (minutes) =>
    minutes <= 1
      ? 'Versuchen Sie es in einer Minute erneut.'
      : `Versuchen Sie es in ${minutes} Minuten erneut.`,
  unavailableTitle: 'Vorübergehend nicht verfügbar',
  unavailable:
    'Der Dienst ist vorübergehend nicht verfügbar; es wurde nichts gespeichert. Versuchen Sie es in einigen Minuten erneut.',
  failedTitle: 'Etwas ist schiefgelaufen',
  failed: (errorId) =>
    `Es wurde nichts gespeichert. Versuchen Sie es später erneut; wenn es weiterhin fehlschlägt, nennen Sie dem Support die Fehlerkennung ${errorId}.`,
  unreadableForm:
    'Das Formular konnte nicht gelesen werden. Öffnen Sie den Einladungslink erneut und versuchen Sie es noch einmal.',
};

const fr: InvitationTexts = {
  locale: 'fr-FR',
  title: 'Accepter votre invitation',
  invitation: ({ inviter, account, newAccount }) => {
    const who = inviter === null ? 'Vous êtes invité(e)' : `${inviter} vous invite`;
    if (newAccount !== null) return `${who} à créer le compte ${newAccount} sous ${account}.`;
    if (account !== null) return `${who} à rejoindre ${account}.`;
    return `${who} à rejoindre l'équipe de l'opérateur.`;
  },
  roles: (names) => `${names.length === 1 ? 'Votre rôle' : 'Vos rôles'} : ${names.join(', ')}.`,
  expires: (date) => `Cette invitation est valable jusqu'au ${date}.`,
  personalMessage: (inviter) => (inviter === null ? 'Message personnel' : `Message de ${inviter}`),
  email: 'Adresse e-mail',
  name: 'Votre nom',
  password: 'Choisissez un mot de passe',
  passwordPolicy:
    'Au moins 8 caractères, avec des majuscules et des minuscules, des chiffres et des caractères spéciaux.',
  repeatPassword: 'Répétez le mot de passe',
  company: "Informations sur l'entreprise",
  companyHint:
    "Il s'agit d'un compte professionnel : indiquez la raison sociale de l'entreprise et son numéro d'immatriculation ou de TVA.",
  legalName: 'Raison sociale',
  registrationNumber: "Numéro d'immatriculation",
  vatNumber: 'Numéro de TVA',
  accept: "Accepter l'invitation",
  existingUserTitle: 'Connectez-vous pour accepter',
  existingUser: (email) =>
    `Un compte existe déjà avec l'adresse e-mail ${email}. Connectez-vous d'abord avec celui-ci, puis acceptez l'invitation une fois connecté(e).`,
  existingUserHow:
    "Votre application ou votre tableau de bord le fait pour vous. Par l'API : connectez-vous avec POST /v1/auth/login, puis envoyez POST /v1/invitations/accept avec le jeton de ce lien et votre nom, avec l'en-tête Authorization: Bearer <jeton d'accès>.",
  acceptedTitle: 'Bienvenue',
  accepted:
    'Votre compte est actif. Vous pouvez maintenant vous connecter avec votre adresse e-mail et votre nouveau mot de passe.',
  invalidTitle: 'Lien non valide',
  invalid:
    "Ce lien d'invitation n'est pas (ou plus) valide : il a peut-être expiré, déjà été utilisé ou été remplacé par un plus récent, ou l'invitation a été annulée. Demandez une nouvelle invitation à la personne qui vous a invité(e).",
  passwordsDiffer: 'Les deux mots de passe ne sont pas identiques.',
  weakPassword: 'Le mot de passe ne respecte pas les exigences :',
  passwordLength: (min, max) => `Il doit comporter de ${min} à ${max} caractères.`,
  passwordRules: {
    upper: 'Il doit contenir une lettre majuscule.',
    lower: 'Il doit contenir une lettre minuscule.',
    digit: 'Il doit contenir un chiffre.',
    special: 'Il doit contenir un caractère spécial.',
    common: "C'est l'un des mots de passe les plus courants ; choisissez-en un autre.",
  },
  nameMissing: 'Indiquez votre nom.',
  companyMissing:
    "Les informations sur l'entreprise sont obligatoires : la raison sociale et le numéro d'immatriculation ou de TVA.",
  legalNameMissing: "Indiquez la raison sociale de l'entreprise.",
  companyNumberMissing: "Indiquez le numéro d'immatriculation ou le numéro de TVA.",
  checkInput: 'Veuillez vérifier :',
  rateLimitedTitle: 'Trop de tentatives',
  rateLimited: (minutes) =>
    minutes <= 1 ? 'Réessayez dans une minute.' : `Réessayez dans ${minutes} minutes.`,
  unavailableTitle: 'Temporairement indisponible',
  unavailable:
    "Le service est temporairement indisponible ; rien n'a été enregistré. Réessayez dans quelques minutes.",
  failedTitle: "Une erreur s'est produite",
  failed: (errorId) =>
    `Rien n'a été enregistré. Réessayez plus tard ; si l'erreur persiste, communiquez au support l'identifiant d'erreur ${errorId}.`,
  unreadableForm:
    "Le formulaire n'a pas pu être lu. Ouvrez à nouveau le lien d'invitation et réessayez.",
};

export const invitationTexts: Record<PageLanguage, InvitationTexts> = { en, nl, de, fr };
