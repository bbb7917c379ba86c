//! The record forms: field labels, hints, choices, validation as you type.

crate::messages! {
    // Buttons and the state of the form.
    APPLY = "Apply" | "Appliquer";
    APPLY_HINT = "Apply the changes as one step that Undo can take back (Ctrl+Enter)"
        | "Appliquer les modifications en une seule étape, que l'on peut annuler (Ctrl+Entrée)";
    CANCEL = "Cancel" | "Annuler";
    CANCEL_HINT = "Close the form without changing anything (Escape)"
        | "Fermer le formulaire sans rien modifier (Échap)";
    /// Why Apply is disabled; `{field}` is the field's name in the file.
    FIX_THIS_FIRST = "Fix this first — {field}: {message}"
        | "À corriger d'abord — {field}\u{a0}: {message}";
    /// Why Apply is disabled, with one more error than the one named.
    FIX_ERRORS_FIRST_ONE = "Fix {count} errors first — {field}: {message} (and {more} more)"
        | "{count} erreurs à corriger d'abord — {field}\u{a0}: {message} (et {more} autre)";
    /// Why Apply is disabled, with several more errors than the one named.
    FIX_ERRORS_FIRST_OTHER = "Fix {count} errors first — {field}: {message} (and {more} more)"
        | "{count} erreurs à corriger d'abord — {field}\u{a0}: {message} (et {more} autres)";
    ERRORS_TO_FIX_ONE = "{count} error to fix before applying"
        | "{count} erreur à corriger avant d'appliquer";
    ERRORS_TO_FIX_OTHER = "{count} errors to fix before applying"
        | "{count} erreurs à corriger avant d'appliquer";
    WARNINGS_ONE = "{count} warning" | "{count} avertissement";
    WARNINGS_OTHER = "{count} warnings" | "{count} avertissements";
    /// Under the title of a duplicated record's form.
    COPY_OF = "Copy of {id}" | "Copie de {id}";
    /// Added to the name (or title) of a duplicated record.
    COPY_SUFFIX = " (copy)" | " (copie)";
    /// Step of the Edit menu: a meeting added with the company created in its form.
    ADD_MEETING_WITH_NEW_COMPANY = "Add meeting with new company {name}"
        | "Ajouter une réunion avec la nouvelle entreprise {name}";
    /// Step of the Edit menu: a meeting changed, with the company created in its form.
    EDIT_MEETING_WITH_NEW_COMPANY = "Edit meeting {id} with new company {name}"
        | "Modifier la réunion {id} avec la nouvelle entreprise {name}";

    // Each kind of record: the title of a new one's form, the steps of the
    // Edit menu, its problems, the search field of its picker.
    NEW_ZONE = "New zone" | "Nouvelle zone";
    ADD_ZONE = "Add zone {id}" | "Ajouter la zone {id}";
    EDIT_ZONE = "Edit zone {id}" | "Modifier la zone {id}";
    ZONE_HAS_NO_ID = "the zone has no id" | "la zone n'a pas d'identifiant";
    UNKNOWN_ZONE = "unknown zone {id}" | "zone inconnue {id}";
    SEARCH_ZONES = "Search zones" | "Rechercher parmi les zones";
    NEW_COUNTRY = "New country" | "Nouveau pays";
    ADD_COUNTRY = "Add country {id}" | "Ajouter le pays {id}";
    EDIT_COUNTRY = "Edit country {id}" | "Modifier le pays {id}";
    COUNTRY_HAS_NO_ID = "the country has no id" | "le pays n'a pas d'identifiant";
    UNKNOWN_COUNTRY = "unknown country {id}" | "pays inconnu {id}";
    SEARCH_COUNTRIES = "Search countries" | "Rechercher parmi les pays";
    NEW_INSTITUTE = "New institute" | "Nouvel institut";
    ADD_INSTITUTE = "Add institute {id}" | "Ajouter l'institut {id}";
    EDIT_INSTITUTE = "Edit institute {id}" | "Modifier l'institut {id}";
    INSTITUTE_HAS_NO_ID = "the institute has no id" | "l'institut n'a pas d'identifiant";
    UNKNOWN_INSTITUTE = "unknown institute {id}" | "institut inconnu {id}";
    SEARCH_INSTITUTES = "Search institutes" | "Rechercher parmi les instituts";
    NEW_AFFILIATE = "New affiliate" | "Nouvelle antenne";
    ADD_AFFILIATE = "Add affiliate {id}" | "Ajouter l'antenne {id}";
    EDIT_AFFILIATE = "Edit affiliate {id}" | "Modifier l'antenne {id}";
    AFFILIATE_HAS_NO_ID = "the affiliate has no id" | "l'antenne n'a pas d'identifiant";
    UNKNOWN_AFFILIATE = "unknown affiliate {id}" | "antenne inconnue {id}";
    SEARCH_AFFILIATES = "Search affiliates" | "Rechercher parmi les antennes";
    /// The title of a new company's form.
    NEW_COMPANY_TITLE = "New company" | "Nouvelle entreprise";
    ADD_COMPANY = "Add company {id}" | "Ajouter l'entreprise {id}";
    EDIT_COMPANY = "Edit company {id}" | "Modifier l'entreprise {id}";
    COMPANY_HAS_NO_ID = "the company has no id" | "l'entreprise n'a pas d'identifiant";
    UNKNOWN_COMPANY = "unknown company {id}" | "entreprise inconnue {id}";
    SEARCH_COMPANIES = "Search companies" | "Rechercher parmi les entreprises";
    NEW_MEETING = "New meeting" | "Nouvelle réunion";
    ADD_MEETING = "Add meeting {id}" | "Ajouter la réunion {id}";
    EDIT_MEETING = "Edit meeting {id}" | "Modifier la réunion {id}";
    MEETING_HAS_NO_ID = "the meeting has no id" | "la réunion n'a pas d'identifiant";
    UNKNOWN_MEETING = "unknown meeting {id}" | "réunion inconnue {id}";
    SEARCH_MEETINGS = "Search meetings" | "Rechercher parmi les réunions";
    NEW_COUNTRY_NOTE = "New country note" | "Nouvelle note pays";
    ADD_COUNTRY_NOTE = "Add country note {id}" | "Ajouter la note pays {id}";
    EDIT_COUNTRY_NOTE = "Edit country note {id}" | "Modifier la note pays {id}";
    COUNTRY_NOTE_HAS_NO_ID = "the country note has no id"
        | "la note pays n'a pas d'identifiant";
    UNKNOWN_COUNTRY_NOTE = "unknown country note {id}" | "note pays inconnue {id}";
    SEARCH_COUNTRY_NOTES = "Search country notes" | "Rechercher parmi les notes pays";
    NEW_CONTRACT = "New contract" | "Nouveau contrat";
    ADD_CONTRACT = "Add contract {id}" | "Ajouter le contrat {id}";
    EDIT_CONTRACT = "Edit contract {id}" | "Modifier le contrat {id}";
    CONTRACT_HAS_NO_ID = "the contract has no id" | "le contrat n'a pas d'identifiant";
    UNKNOWN_CONTRACT = "unknown contract {id}" | "contrat inconnu {id}";
    SEARCH_CONTRACTS = "Search contracts" | "Rechercher parmi les contrats";

    // Field labels, and the words of a record's title ("Meeting m-0001").
    ID = "Id" | "Identifiant";
    NAME = "Name" | "Nom";
    COUNTRY = "Country" | "Pays";
    ZONE = "Zone" | "Zone";
    INSTITUTE = "Institute" | "Institut";
    AFFILIATE = "Affiliate" | "Antenne";
    COMPANY = "Company" | "Entreprise";
    MEETING = "Meeting" | "Réunion";
    COUNTRY_NOTE = "Country note" | "Note pays";
    CONTRACT = "Contract" | "Contrat";
    DOMAIN = "Domain" | "Domaine";
    CITY = "City" | "Ville";
    STATUS = "Status" | "Statut";
    OPENED = "Opened" | "Ouverture";
    INSTITUTES = "Institutes" | "Instituts";
    CONTACT_NAME = "Contact name" | "Nom du contact";
    CONTACT_EMAIL = "Contact e-mail" | "Courriel du contact";
    CONTACT_PHONE = "Contact phone" | "Téléphone du contact";
    NOTES = "Notes" | "Notes";
    SECTOR = "Sector" | "Secteur";
    SIZE = "Size" | "Taille";
    WEBSITE = "Website" | "Site web";
    DATE = "Date" | "Date";
    INITIATIVE = "Initiative" | "Initiative";
    TOPIC = "Topic" | "Sujet";
    STAGE = "Stage" | "Étape";
    EXPECTED_VALUE = "Expected value" | "Valeur attendue";
    FOLLOW_UP = "Follow-up" | "Relance";
    COMPANY_NAME = "Company name" | "Nom de l'entreprise";
    COMPANY_COUNTRY = "Company country" | "Pays de l'entreprise";
    TITLE = "Title" | "Titre";
    TAGS = "Tags" | "Mots-clés";
    UPDATED = "Updated" | "Mise à jour";
    AUTHOR = "Author" | "Auteur";
    /// A country note's text.
    BODY = "Body" | "Texte";
    KIND = "Kind" | "Type";
    PROGRAMME = "Programme" | "Programme";
    SIGNED = "Signed" | "Signature";
    AMOUNT = "Amount" | "Montant";

    // Pickers and their entries.
    /// A country's zone picker: no zone chosen.
    NO_ZONE_CHOSEN = "— (unassigned)" | "— (sans zone)";
    /// A meeting's affiliate picker: no affiliate, the meeting was held by the head office.
    HEAD_OFFICE = "— (head office)" | "— (siège)";
    /// A contract's company picker, empty, for a Bilateral contract.
    REQUIRED_FOR_BILATERAL = "— (required for a Bilateral contract)"
        | "— (obligatoire pour un contrat bilatéral)";
    /// A contract's country picker, empty, for a European project.
    REQUIRED_FOR_EUROPEAN = "— (required for a European project)"
        | "— (obligatoire pour un projet européen)";
    CHOOSE = "Choose…" | "Choisir…";
    TYPE_TO_SEARCH = "Type to search…" | "Saisir pour rechercher…";
    NO_MATCH = "No match" | "Aucun résultat";
    ADD_AN_INSTITUTE = "Add an institute…" | "Ajouter un institut…";
    /// A chip's hover text (an institute, a tag).
    REMOVE = "Remove" | "Retirer";
    /// A chip's name for screen readers.
    REMOVE_NAMED = "Remove {name}" | "Retirer {name}";
    NEW_TAG_HINT = "New tag, then Enter" | "Nouveau mot-clé, puis Entrée";
    /// A country that is not ISO, in a country picker.
    NOT_AN_ISO_COUNTRY = "{code} (not an ISO country code)" | "{code} (code pays non ISO)";

    // The company created from the meeting form.
    /// The meeting's company picker, showing a company being created without a name yet.
    NEW_COMPANY_CHOSEN = "New company" | "Nouvelle entreprise";
    NEW_COMPANY_NAMED = "New company: {name}" | "Nouvelle entreprise\u{a0}: {name}";
    CHOOSE_A_COMPANY = "Choose a company…" | "Choisir une entreprise…";
    /// The entry of the company picker that creates a company.
    NEW_COMPANY_ENTRY = "New company…" | "Nouvelle entreprise…";
    NEW_COMPANY_HEADING = "New company, added with this meeting"
        | "Nouvelle entreprise, ajoutée avec cette réunion";
    DISCARD = "Discard" | "Abandonner";
    DISCARD_HINT = "Choose an existing company instead" | "Choisir plutôt une entreprise existante";
    DISCARD_NAME = "Discard the new company" | "Abandonner la nouvelle entreprise";

    // Dates and amounts.
    /// The hint of an empty date field: the format to type.
    DATE_HINT = "YYYY-MM-DD" | "AAAA-MM-JJ";
    /// The button opening a date's calendar.
    CALENDAR = "Calendar…" | "Calendrier…";
    CALENDAR_HINT = "Pick the date in a calendar" | "Choisir la date dans un calendrier";
    /// The calendar button's name for screen readers.
    CALENDAR_NAMED = "{label}: calendar" | "{label}\u{a0}: calendrier";
    CLEAR_DATE = "Clear the date" | "Effacer la date";
    /// The clear button's name for screen readers.
    CLEAR_NAMED = "Clear {label}" | "{label}\u{a0}: effacer";
    AMOUNT_HINT = "Whole euros: 250000, 250,000, 250k or 1.2M"
        | "Euros entiers\u{a0}: 250000, 250\u{a0}000, 250k ou 1,2M";

    // Choices.
    STAGE_FIRST_CONTACT = "First contact" | "Premier contact";
    STAGE_FOLLOW_UP = "Follow-up" | "Suivi";
    STAGE_PROPOSAL = "Proposal" | "Proposition";
    STAGE_NEGOTIATION = "Negotiation" | "Négociation";
    STAGE_CONTRACT_SIGNED = "Contract signed" | "Contrat signé";
    STAGE_CLOSED = "Closed" | "Clos";
    /// An affiliate (une antenne) that is open.
    STATUS_ACTIVE = "Active" | "Active";
    STATUS_PLANNED = "Planned" | "En projet";
    /// An affiliate (une antenne) that is closed.
    STATUS_CLOSED = "Closed" | "Fermée";
    SIZE_STARTUP = "Start-up" | "Start-up";
    SIZE_SME = "SME" | "PME";
    SIZE_MID_CAP = "Mid-cap" | "ETI";
    SIZE_LARGE = "Large company" | "Grande entreprise";
    KIND_BILATERAL = "Bilateral (financed by a company)"
        | "Bilatéral (financé par une entreprise)";
    KIND_EUROPEAN = "European project" | "Projet européen";

    // Checks as you type.
    CHANGED_ELSEWHERE = "this record was changed elsewhere since the form was opened \
        (e.g. by Undo); Apply replaces it with what the form shows"
        | "cet enregistrement a été modifié ailleurs depuis l'ouverture du formulaire \
        (par exemple par Annuler)\u{a0}; Appliquer le remplace par ce qu'affiche le formulaire";
    NO_LONGER_IN_PLACE = "this record is no longer at its place in the list (it was removed or \
        moved); close the form and open the record again"
        | "cet enregistrement n'est plus à sa place dans la liste (il a été supprimé ou \
        déplacé)\u{a0}; fermez le formulaire et rouvrez l'enregistrement";
    CHOOSE_A_COUNTRY = "choose a country (required)" | "choisir un pays (obligatoire)";
    COUNTRY_LISTED_TWICE = "country {code} is listed twice"
        | "le pays {code} figure deux fois dans la liste";
    /// `{country}` is the country described ("country \"JP\" (Japan)").
    NO_ZONE = "no zone: records in {country} count in zone {zone}"
        | "aucune zone\u{a0}: les enregistrements de ce pays ({country}) comptent dans la zone {zone}";
    NAME_EMPTY = "the name is empty" | "le nom est vide";
    CHOOSE_OFFICE_COUNTRY = "choose the country of the office (required)"
        | "choisir le pays de l'antenne (obligatoire)";
    NOT_AN_EMAIL = "{email} does not look like an e-mail address"
        | "{email} ne ressemble pas à une adresse électronique";
    MEETING_DAY_REQUIRED = "the day of the meeting is required (YYYY-MM-DD)"
        | "la date de la réunion est obligatoire (AAAA-MM-JJ)";
    NEW_COMPANY_NEEDS_NAME = "the new company needs a name"
        | "la nouvelle entreprise doit avoir un nom";
    CHOOSE_COMPANY_MET = "choose the company met (required)"
        | "choisir l'entreprise rencontrée (obligatoire)";
    FOLLOW_UP_BEFORE_MEETING = "the follow-up ({follow_up}) is before the meeting ({day})"
        | "la relance ({follow_up}) précède la réunion ({day})";
    NO_KIND = "no kind: counted neither as Bilateral nor as European"
        | "aucun type\u{a0}: compté ni comme bilatéral ni comme européen";
    BILATERAL_NEEDS_COMPANY = "a Bilateral contract needs the company that finances it"
        | "un contrat bilatéral doit indiquer l'entreprise qui le finance";
    EUROPEAN_NEEDS_COUNTRY = "a European contract needs the country of its coordinator or main partner"
        | "un contrat européen doit indiquer le pays de son coordinateur ou de son partenaire principal";
    DUPLICATE_ID = "duplicate id {id}: record {position} of the list has it too"
        | "identifiant {id} en double\u{a0}: l'enregistrement {position} de la liste l'a aussi";
    NO_COUNTRY = "no country: the record counts in zone {zone}"
        | "aucun pays\u{a0}: l'enregistrement compte dans la zone {zone}";
    /// `countries` is the list's name in the data file.
    NOT_IN_COUNTRIES = "{country} is not in `countries`: its records count in zone {zone} (assign it a zone)"
        | "{country} n'est pas dans `countries`\u{a0}: ses enregistrements comptent dans la zone {zone} (lui attribuer une zone)";
    NOT_A_REAL_DATE = "{text} is not a real date in the form YYYY-MM-DD"
        | "{text} n'est pas une date réelle au format AAAA-MM-JJ";
    NOT_AN_AMOUNT = "{shown} is not an amount: write whole euros, e.g. 250000 or 250,000"
        | "{shown} n'est pas un montant\u{a0}: écrire des euros entiers, par exemple 250000 ou 250\u{a0}000";
    AMOUNT_TOO_LARGE = "the amount {shown} is too large to be in euros"
        | "le montant {shown} est trop grand pour être en euros";
    AMOUNT_NEGATIVE = "an amount cannot be negative (found {shown}); write it in whole euros, 0 or more"
        | "un montant ne peut pas être négatif ({shown})\u{a0}; l'écrire en euros entiers, 0 ou plus";
    AMOUNT_DECIMALS = "amounts are whole euros, without decimals (found {shown})"
        | "les montants sont en euros entiers, sans décimales ({shown})";

    // The reading view of a country note.
    NOTHING_WRITTEN = "Nothing written yet." | "Rien d'écrit pour l'instant.";

    // The calendar of a date field.
    JANUARY = "January" | "Janvier";
    FEBRUARY = "February" | "Février";
    MARCH = "March" | "Mars";
    APRIL = "April" | "Avril";
    MAY = "May" | "Mai";
    JUNE = "June" | "Juin";
    JULY = "July" | "Juillet";
    AUGUST = "August" | "Août";
    SEPTEMBER = "September" | "Septembre";
    OCTOBER = "October" | "Octobre";
    NOVEMBER = "November" | "Novembre";
    DECEMBER = "December" | "Décembre";
    /// A calendar's column.
    MONDAY_SHORT = "Mo" | "lu";
    /// A calendar's column.
    TUESDAY_SHORT = "Tu" | "ma";
    /// A calendar's column.
    WEDNESDAY_SHORT = "We" | "me";
    /// A calendar's column.
    THURSDAY_SHORT = "Th" | "je";
    /// A calendar's column.
    FRIDAY_SHORT = "Fr" | "ve";
    /// A calendar's column.
    SATURDAY_SHORT = "Sa" | "sa";
    /// A calendar's column.
    SUNDAY_SHORT = "Su" | "di";
    PREVIOUS_MONTH = "Previous month (Page Up)" | "Mois précédent (Page préc.)";
    NEXT_MONTH = "Next month (Page Down)" | "Mois suivant (Page suiv.)";
    PREVIOUS_YEAR = "Previous year" | "Année précédente";
    NEXT_YEAR = "Next year" | "Année suivante";
}
