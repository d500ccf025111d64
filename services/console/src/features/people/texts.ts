import type { Messages } from '../../i18n/messages';

const en = {
  user: {
    title: 'User',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    delete: 'Delete user',
    confirmDelete: 'Delete {{email}} for good? This cannot be undone.',
    resetPassword: 'Send password reset',
    resetSent: 'A password reset link was sent to {{email}}.',
    securityReport: 'Send security report',
    reportSent: 'The security report will be emailed to {{email}}.',
  },
  invitation: {
    title: 'Invitation',
    expires: 'Expires',
    emailStatus: 'Email status',
    resend: 'Resend invitation',
    resent: 'Invitation sent again.',
    cancel: 'Cancel invitation',
    cancelled: 'Invitation cancelled.',
  },
} as const;

const nl: Messages<typeof en> = {
  user: {
    title: 'Gebruiker',
    deactivate: 'Deactiveren',
    reactivate: 'Heractiveren',
    delete: 'Gebruiker verwijderen',
    confirmDelete: '{{email}} definitief verwijderen? Dit kan niet ongedaan worden gemaakt.',
    resetPassword: 'Wachtwoordherstel versturen',
    resetSent: 'Een link om het wachtwoord te herstellen is naar {{email}} verstuurd.',
    securityReport: 'Beveiligingsrapport versturen',
    reportSent: 'Het beveiligingsrapport wordt naar {{email}} gemaild.',
  },
  invitation: {
    title: 'Uitnodiging',
    expires: 'Verloopt',
    emailStatus: 'E-mailstatus',
    resend: 'Uitnodiging opnieuw versturen',
    resent: 'Uitnodiging opnieuw verstuurd.',
    cancel: 'Uitnodiging annuleren',
    cancelled: 'Uitnodiging geannuleerd.',
  },
};

const de: Messages<typeof en> = {
  user: {
    title: 'Benutzer',
    deactivate: 'Deaktivieren',
    reactivate: 'Reaktivieren',
    delete: 'Benutzer löschen',
    confirmDelete: '{{email}} endgültig löschen? Das lässt sich nicht rückgängig machen.',
    resetPassword: 'Passwort-Zurücksetzung senden',
    resetSent: 'Ein Link zum Zurücksetzen des Passworts wurde an {{email}} gesendet.',
    securityReport: 'Sicherheitsbericht senden',
    reportSent: 'Der Sicherheitsbericht wird an {{email}} gesendet.',
  },
  invitation: {
    title: 'Einladung',
    expires: 'Läuft ab',
    emailStatus: 'E-Mail-Status',
    resend: 'Einladung erneut senden',
    resent: 'Einladung erneut gesendet.',
    cancel: 'Einladung zurückziehen',
    cancelled: 'Einladung zurückgezogen.',
  },
};

const fr: Messages<typeof en> = {
  user: {
    title: 'Utilisateur',
    deactivate: 'Désactiver',
    reactivate: 'Réactiver',
    delete: "Supprimer l'utilisateur",
    confirmDelete: 'Supprimer définitivement {{email}} ? Cette action est irréversible.',
    resetPassword: 'Envoyer une réinitialisation du mot de passe',
    resetSent: 'Un lien de réinitialisation a été envoyé à {{email}}.',
    securityReport: 'Envoyer le rapport de sécurité',
    reportSent: 'Le rapport de sécurité sera envoyé à {{email}}.',
  },
  invitation: {
    title: 'Invitation',
    expires: 'Expire',
    emailStatus: "Statut de l'e-mail",
    resend: "Renvoyer l'invitation",
    resent: 'Invitation renvoyée.',
    cancel: "Annuler l'invitation",
    cancelled: 'Invitation annulée.',
  },
};

export const peopleTexts = { en, nl, de, fr };
