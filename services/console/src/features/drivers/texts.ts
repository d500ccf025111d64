import type { Messages } from '../../i18n/messages';

const en = {
  title: 'Drivers & Vehicles',
  lead: 'Who charges with an account: its active drivers, those invited by email, and self-registrations waiting for approval.',
  account: {
    label: 'Account',
    choose: 'Choose an account to see its drivers.',
  },
  licence: {
    compact: 'Compact licence: active drivers may charge at every charging station.',
    pro: 'Pro licence: each driver charges where their user groups allow.',
  },
  tabs: { active: 'Active', invited: 'Invited', to_be_approved: 'To be approved' },
  list: {
    licencePlate: 'Licence plate',
    expires: 'Invitation expires',
    registered: 'Registered',
    actions: 'Decision',
  },
  registrations: {
    approve: 'Approve',
    reject: 'Reject',
    confirmReject: 'Reject the registration of {{email}}? The registered user is erased.',
    approved: '{{name}} is approved and may now charge.',
    rejected: 'The registration of {{email}} is rejected.',
  },
  panel: {
    title: 'Driver',
    saved: 'The driver is saved.',
  },
  basic: {
    legend: 'Basic information',
    hint: 'Included as columns when charging sessions are exported.',
    costCenter: 'Cost center',
    costCenterNone: 'No cost center',
    addCostCenter: '+ Add a new cost center',
    newCostCenter: 'New cost center',
    newCostCenterRequired: 'Name the new cost center.',
    info1: 'Info 1',
    info2: 'Info 2',
    infoHint: 'For example an employee number or an internal ID.',
  },
  vehicle: {
    legend: 'Vehicle',
    make: 'Make',
    model: 'Model',
    licencePlate: 'Licence plate',
    licencePlateHint: 'Included in the charging session export.',
    licencePlateFormat: 'Use 1 to 15 letters and digits, with spaces or dashes between them.',
  },
  userGroups: {
    label: 'User groups',
    hintPro:
      'Required on a Pro licence: at least one group, which defines where and under which conditions the driver charges.',
    hintCompact: 'On a Compact licence the driver charges everywhere, whatever their groups.',
    required: 'Choose at least one user group: the account has a Pro licence.',
  },
  priority: {
    label: 'Prioritise this driver',
    hint: 'Where energy management is on, a prioritised driver keeps charging at full speed when the maximum load is reached; the others charge more slowly.',
  },
  cards: {
    legend: 'Charging cards',
    none: 'No charging card is assigned.',
    choose: 'Charging card to assign',
    noneFree: 'Every card of the account is assigned.',
    assign: 'Assign',
    remove: 'Remove',
    removeCard: 'Remove {{card}}',
    assigned: 'The card is assigned.',
    removed: 'The card is no longer assigned.',
  },
  deleted: 'The user is deleted.',
} as const;

const nl: Messages<typeof en> = {
  title: 'Bestuurders & voertuigen',
  lead: 'Wie met een account laadt: de actieve bestuurders, wie per e-mail is uitgenodigd, en zelfregistraties die op goedkeuring wachten.',
  account: {
    label: 'Account',
    choose: 'Kies een account om de bestuurders te zien.',
  },
  licence: {
    compact: 'Compact-licentie: actieve bestuurders mogen bij elk laadstation laden.',
    pro: 'Pro-licentie: elke bestuurder laadt waar de gebruikersgroepen het toestaan.',
  },
  tabs: { active: 'Actief', invited: 'Uitgenodigd', to_be_approved: 'Goed te keuren' },
  list: {
    licencePlate: 'Kenteken',
    expires: 'Uitnodiging verloopt',
    registered: 'Geregistreerd',
    actions: 'Beslissing',
  },
  registrations: {
    approve: 'Goedkeuren',
    reject: 'Afwijzen',
    confirmReject:
      'De registratie van {{email}} afwijzen? De geregistreerde gebruiker wordt gewist.',
    approved: '{{name}} is goedgekeurd en mag nu laden.',
    rejected: 'De registratie van {{email}} is afgewezen.',
  },
  panel: {
    title: 'Bestuurder',
    saved: 'De bestuurder is opgeslagen.',
  },
  basic: {
    legend: 'Basisgegevens',
    hint: 'Komen als kolommen in de export van laadsessies.',
    costCenter: 'Kostenplaats',
    costCenterNone: 'Geen kostenplaats',
    addCostCenter: '+ Nieuwe kostenplaats toevoegen',
    newCostCenter: 'Nieuwe kostenplaats',
    newCostCenterRequired: 'Geef de nieuwe kostenplaats een naam.',
    info1: 'Info 1',
    info2: 'Info 2',
    infoHint: 'Bijvoorbeeld een personeelsnummer of een interne ID.',
  },
  vehicle: {
    legend: 'Voertuig',
    make: 'Merk',
    model: 'Model',
    licencePlate: 'Kenteken',
    licencePlateHint: 'Komt in de export van laadsessies.',
    licencePlateFormat: 'Gebruik 1 tot 15 letters en cijfers, met spaties of streepjes ertussen.',
  },
  userGroups: {
    label: 'Gebruikersgroepen',
    hintPro:
      'Verplicht bij een Pro-licentie: minstens één groep, die bepaalt waar en onder welke voorwaarden de bestuurder laadt.',
    hintCompact: 'Bij een Compact-licentie laadt de bestuurder overal, welke groepen ook.',
    required: 'Kies minstens één gebruikersgroep: het account heeft een Pro-licentie.',
  },
  priority: {
    label: 'Deze bestuurder voorrang geven',
    hint: 'Waar energiebeheer aan staat, blijft een bestuurder met voorrang op volle snelheid laden als de maximale belasting is bereikt; de anderen laden langzamer.',
  },
  cards: {
    legend: 'Laadpassen',
    none: 'Er is geen laadpas toegewezen.',
    choose: 'Laadpas om toe te wijzen',
    noneFree: 'Alle laadpassen van het account zijn toegewezen.',
    assign: 'Toewijzen',
    remove: 'Verwijderen',
    removeCard: '{{card}} verwijderen',
    assigned: 'De laadpas is toegewezen.',
    removed: 'De laadpas is niet meer toegewezen.',
  },
  deleted: 'De gebruiker is verwijderd.',
};

const de: Messages<typeof en> = {
  title: 'Fahrer & Fahrzeuge',
  lead: 'Wer mit einem Konto lädt: die aktiven Fahrer, die per E-Mail Eingeladenen und Selbstregistrierungen, die auf Genehmigung warten.',
  account: {
    label: 'Konto',
    choose: 'Wählen Sie ein Konto, um seine Fahrer zu sehen.',
  },
  licence: {
    compact: 'Compact-Lizenz: Aktive Fahrer dürfen an jeder Ladestation laden.',
    pro: 'Pro-Lizenz: Jeder Fahrer lädt dort, wo seine Benutzergruppen es erlauben.',
  },
  tabs: { active: 'Aktiv', invited: 'Eingeladen', to_be_approved: 'Zu genehmigen' },
  list: {
    licencePlate: 'Kennzeichen',
    expires: 'Einladung läuft ab',
    registered: 'Registriert',
    actions: 'Entscheidung',
  },
  registrations: {
    approve: 'Genehmigen',
    reject: 'Ablehnen',
    confirmReject:
      'Die Registrierung von {{email}} ablehnen? Der registrierte Benutzer wird gelöscht.',
    approved: '{{name}} ist genehmigt und darf jetzt laden.',
    rejected: 'Die Registrierung von {{email}} ist abgelehnt.',
  },
  panel: {
    title: 'Fahrer',
    saved: 'Der Fahrer ist gespeichert.',
  },
  basic: {
    legend: 'Basisinformationen',
    hint: 'Erscheinen als Spalten im Export der Ladevorgänge.',
    costCenter: 'Kostenstelle',
    costCenterNone: 'Keine Kostenstelle',
    addCostCenter: '+ Neue Kostenstelle hinzufügen',
    newCostCenter: 'Neue Kostenstelle',
    newCostCenterRequired: 'Benennen Sie die neue Kostenstelle.',
    info1: 'Info 1',
    info2: 'Info 2',
    infoHint: 'Zum Beispiel eine Personalnummer oder eine interne ID.',
  },
  vehicle: {
    legend: 'Fahrzeug',
    make: 'Marke',
    model: 'Modell',
    licencePlate: 'Kennzeichen',
    licencePlateHint: 'Erscheint im Export der Ladevorgänge.',
    licencePlateFormat:
      'Verwenden Sie 1 bis 15 Buchstaben und Ziffern, mit Leerzeichen oder Bindestrichen dazwischen.',
  },
  userGroups: {
    label: 'Benutzergruppen',
    hintPro:
      'Pflicht bei einer Pro-Lizenz: mindestens eine Gruppe, die festlegt, wo und zu welchen Bedingungen der Fahrer lädt.',
    hintCompact: 'Bei einer Compact-Lizenz lädt der Fahrer überall, unabhängig von seinen Gruppen.',
    required: 'Wählen Sie mindestens eine Benutzergruppe: Das Konto hat eine Pro-Lizenz.',
  },
  priority: {
    label: 'Diesen Fahrer priorisieren',
    hint: 'Wo das Energiemanagement aktiv ist, lädt ein priorisierter Fahrer bei erreichter Maximallast weiter mit voller Leistung; die anderen laden langsamer.',
  },
  cards: {
    legend: 'Ladekarten',
    none: 'Keine Ladekarte zugewiesen.',
    choose: 'Zuzuweisende Ladekarte',
    noneFree: 'Alle Ladekarten des Kontos sind zugewiesen.',
    assign: 'Zuweisen',
    remove: 'Entfernen',
    removeCard: '{{card}} entfernen',
    assigned: 'Die Ladekarte ist zugewiesen.',
    removed: 'Die Ladekarte ist nicht mehr zugewiesen.',
  },
  deleted: 'Der Benutzer ist gelöscht.',
};

const fr: Messages<typeof en> = {
  title: 'Conducteurs et véhicules',
  lead: "Qui recharge avec un compte : ses conducteurs actifs, ceux invités par e-mail, et les inscriptions en attente d'approbation.",
  account: {
    label: 'Compte',
    choose: 'Choisissez un compte pour voir ses conducteurs.',
  },
  licence: {
    compact: 'Licence Compact : les conducteurs actifs peuvent recharger à toutes les bornes.',
    pro: "Licence Pro : chaque conducteur recharge là où ses groupes d'utilisateurs le permettent.",
  },
  tabs: { active: 'Actifs', invited: 'Invités', to_be_approved: 'À approuver' },
  list: {
    licencePlate: 'Immatriculation',
    expires: "Expiration de l'invitation",
    registered: 'Inscrit le',
    actions: 'Décision',
  },
  registrations: {
    approve: 'Approuver',
    reject: 'Refuser',
    confirmReject: "Refuser l'inscription de {{email}} ? L'utilisateur inscrit est effacé.",
    approved: '{{name}} est approuvé et peut maintenant recharger.',
    rejected: "L'inscription de {{email}} est refusée.",
  },
  panel: {
    title: 'Conducteur',
    saved: 'Le conducteur est enregistré.',
  },
  basic: {
    legend: 'Informations de base',
    hint: "Figurent en colonnes dans l'export des sessions de recharge.",
    costCenter: 'Centre de coûts',
    costCenterNone: 'Aucun centre de coûts',
    addCostCenter: '+ Ajouter un centre de coûts',
    newCostCenter: 'Nouveau centre de coûts',
    newCostCenterRequired: 'Nommez le nouveau centre de coûts.',
    info1: 'Info 1',
    info2: 'Info 2',
    infoHint: 'Par exemple un matricule ou un identifiant interne.',
  },
  vehicle: {
    legend: 'Véhicule',
    make: 'Marque',
    model: 'Modèle',
    licencePlate: 'Immatriculation',
    licencePlateHint: "Figure dans l'export des sessions de recharge.",
    licencePlateFormat:
      'Utilisez 1 à 15 lettres et chiffres, séparés par des espaces ou des tirets.',
  },
  userGroups: {
    label: "Groupes d'utilisateurs",
    hintPro:
      'Obligatoire avec une licence Pro : au moins un groupe, qui définit où et à quelles conditions le conducteur recharge.',
    hintCompact:
      'Avec une licence Compact, le conducteur recharge partout, quels que soient ses groupes.',
    required: "Choisissez au moins un groupe d'utilisateurs : le compte a une licence Pro.",
  },
  priority: {
    label: 'Donner la priorité à ce conducteur',
    hint: "Là où la gestion de l'énergie est active, un conducteur prioritaire continue de recharger à pleine puissance quand la charge maximale est atteinte ; les autres rechargent plus lentement.",
  },
  cards: {
    legend: 'Cartes de recharge',
    none: "Aucune carte de recharge n'est attribuée.",
    choose: 'Carte de recharge à attribuer',
    noneFree: 'Toutes les cartes du compte sont attribuées.',
    assign: 'Attribuer',
    remove: 'Retirer',
    removeCard: 'Retirer {{card}}',
    assigned: 'La carte est attribuée.',
    removed: "La carte n'est plus attribuée.",
  },
  deleted: "L'utilisateur est supprimé.",
};

export const driversTexts = { en, nl, de, fr };
