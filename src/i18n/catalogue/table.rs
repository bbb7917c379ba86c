//! The tables, the problems panel, the zones and countries screen, the figures-by-zone table.
//!
//! A count and its noun puts a no-break space between them in French
//! ("12 réunions" never breaks across two lines).

crate::messages! {
    // The table's toolbar.

    /// Placeholder of a table's search box.
    SEARCH_HINT = "Search…" | "Rechercher…";
    /// What a screen reader calls a table's search box.
    SEARCH = "Search" | "Rechercher";
    CLEAR_SEARCH = "Clear search" | "Effacer la recherche";
    FILTER_BY_ZONE = "Filter by zone" | "Filtrer par zone";
    ALL_ZONES = "All zones" | "Toutes les zones";
    FILTER_BY_COUNTRY = "Filter by country" | "Filtrer par pays";
    ALL_COUNTRIES = "All countries" | "Tous les pays";
    FILTER_BY_AFFILIATE = "Filter by affiliate" | "Filtrer par antenne";
    ALL_AFFILIATES = "All affiliates" | "Toutes les antennes";
    FILTER_BY_STAGE = "Filter by stage" | "Filtrer par étape";
    ALL_STAGES = "All stages" | "Toutes les étapes";
    FILTER_BY_STATUS = "Filter by status" | "Filtrer par statut";
    ALL_STATUSES = "All statuses" | "Tous les statuts";
    FILTER_BY_SIZE = "Filter by size" | "Filtrer par taille";
    ALL_SIZES = "All sizes" | "Toutes les tailles";
    FILTER_BY_KIND = "Filter by kind" | "Filtrer par type";
    ALL_KINDS = "All kinds" | "Tous les types";
    FILTER_BY_YEAR = "Filter by year" | "Filtrer par année";
    ALL_YEARS = "All years" | "Toutes les années";
    /// A filter's choice that the data no longer offers.
    NOT_IN_THIS_LIST = "(not in this list)" | "(absent de cette liste)";
    /// The filter set by a click on the dashboard; `{label}` says which figure.
    FROM_DASHBOARD = "From the dashboard: {label}" | "Depuis le tableau de bord\u{a0}: {label}";
    FROM_DASHBOARD_HINT = "Only the records behind the figure clicked on the dashboard"
        | "Uniquement les fiches à l'origine du chiffre cliqué dans le tableau de bord";
    CLEAR_FILTERS = "Clear filters" | "Effacer les filtres";
    /// While the search indexes a large list; `{total}` is "3,000 meetings".
    SEARCHING = "Searching {total}…" | "Recherche parmi {total}…";
    INDEXING = "Indexing the text of the records: {percent}%"
        | "Indexation du texte des fiches\u{a0}: {percent}\u{a0}%";
    /// The count line, "12 of 340 meetings"; `{total}` is "340 meetings".
    SHOWN_OF_TOTAL = "{shown} of {total}" | "{shown} sur {total}";

    // The records of each list, counted, and the empty states.

    ZONES_ONE = "{count} zone" | "{count}\u{a0}zone";
    ZONES_OTHER = "{count} zones" | "{count}\u{a0}zones";
    ZONES_EMPTY = "No zones yet — add one with Ctrl+N"
        | "Aucune zone pour l'instant — Ctrl+N pour en ajouter une";
    /// Followed by the search or the filters: see `NO_MATCH_*`.
    ZONES_NONE_MATCH = "No zones match" | "Aucune zone ne correspond";
    ZONES_SHOW_ALL = "Show all zones" | "Afficher toutes les zones";
    COUNTRIES_ONE = "{count} country" | "{count}\u{a0}pays";
    COUNTRIES_OTHER = "{count} countries" | "{count}\u{a0}pays";
    COUNTRIES_EMPTY = "No countries yet — add one with Ctrl+N"
        | "Aucun pays pour l'instant — Ctrl+N pour en ajouter un";
    COUNTRIES_NONE_MATCH = "No countries match" | "Aucun pays ne correspond";
    COUNTRIES_SHOW_ALL = "Show all countries" | "Afficher tous les pays";
    INSTITUTES_ONE = "{count} institute" | "{count}\u{a0}institut";
    INSTITUTES_OTHER = "{count} institutes" | "{count}\u{a0}instituts";
    INSTITUTES_EMPTY = "No institutes yet — add one with Ctrl+N"
        | "Aucun institut pour l'instant — Ctrl+N pour en ajouter un";
    INSTITUTES_NONE_MATCH = "No institutes match" | "Aucun institut ne correspond";
    INSTITUTES_SHOW_ALL = "Show all institutes" | "Afficher tous les instituts";
    AFFILIATES_ONE = "{count} affiliate" | "{count}\u{a0}antenne";
    AFFILIATES_OTHER = "{count} affiliates" | "{count}\u{a0}antennes";
    AFFILIATES_EMPTY = "No affiliates yet — add one with Ctrl+N"
        | "Aucune antenne pour l'instant — Ctrl+N pour en ajouter une";
    AFFILIATES_NONE_MATCH = "No affiliates match" | "Aucune antenne ne correspond";
    AFFILIATES_SHOW_ALL = "Show all affiliates" | "Afficher toutes les antennes";
    COMPANIES_ONE = "{count} company" | "{count}\u{a0}entreprise";
    COMPANIES_OTHER = "{count} companies" | "{count}\u{a0}entreprises";
    COMPANIES_EMPTY = "No companies yet — add one with Ctrl+N"
        | "Aucune entreprise pour l'instant — Ctrl+N pour en ajouter une";
    COMPANIES_NONE_MATCH = "No companies match" | "Aucune entreprise ne correspond";
    COMPANIES_SHOW_ALL = "Show all companies" | "Afficher toutes les entreprises";
    MEETINGS_ONE = "{count} meeting" | "{count}\u{a0}réunion";
    MEETINGS_OTHER = "{count} meetings" | "{count}\u{a0}réunions";
    MEETINGS_EMPTY = "No meetings yet — add one with Ctrl+N"
        | "Aucune réunion pour l'instant — Ctrl+N pour en ajouter une";
    MEETINGS_NONE_MATCH = "No meetings match" | "Aucune réunion ne correspond";
    MEETINGS_SHOW_ALL = "Show all meetings" | "Afficher toutes les réunions";
    COUNTRY_NOTES_ONE = "{count} country note" | "{count}\u{a0}note pays";
    COUNTRY_NOTES_OTHER = "{count} country notes" | "{count}\u{a0}notes pays";
    COUNTRY_NOTES_EMPTY = "No country notes yet — add one with Ctrl+N"
        | "Aucune note pays pour l'instant — Ctrl+N pour en ajouter une";
    COUNTRY_NOTES_NONE_MATCH = "No country notes match" | "Aucune note pays ne correspond";
    COUNTRY_NOTES_SHOW_ALL = "Show all country notes" | "Afficher toutes les notes pays";
    CONTRACTS_ONE = "{count} contract" | "{count}\u{a0}contrat";
    CONTRACTS_OTHER = "{count} contracts" | "{count}\u{a0}contrats";
    CONTRACTS_EMPTY = "No contracts yet — add one with Ctrl+N"
        | "Aucun contrat pour l'instant — Ctrl+N pour en ajouter un";
    CONTRACTS_NONE_MATCH = "No contracts match" | "Aucun contrat ne correspond";
    CONTRACTS_SHOW_ALL = "Show all contracts" | "Afficher tous les contrats";
    /// `{none}` is a list's `*_NONE_MATCH`, "No meetings match".
    NO_MATCH_SEARCH = "{none} “{search}”." | "{none} à «\u{a0}{search}\u{a0}».";
    NO_MATCH_SEARCH_AND_FILTERS = "{none} “{search}” with these filters."
        | "{none} à «\u{a0}{search}\u{a0}» avec ces filtres.";
    NO_MATCH_FILTERS = "{none} these filters." | "{none} à ces filtres.";
    SHOW_ALL_HINT = "Clear the search and the filters" | "Effacer la recherche et les filtres";

    // Headers and cells.

    SORT_BY = "Sort by {title}" | "Trier par {title}";
    SORTED_ASCENDING = "Sorted by {title}, ascending: click for descending"
        | "Trié par {title}, ordre croissant\u{a0}: cliquer pour l'ordre décroissant";
    SORTED_DESCENDING = "Sorted by {title}, descending: click for the file's order"
        | "Trié par {title}, ordre décroissant\u{a0}: cliquer pour revenir à l'ordre du fichier";
    /// Header of the number of meetings of a company or an institute.
    COLUMN_MEETINGS = "Meetings" | "Réunions";
    /// Header of the number of contracts of an institute.
    COLUMN_CONTRACTS = "Contracts" | "Contrats";
    /// Header of the number of countries of a zone.
    COLUMN_COUNTRIES = "Countries" | "Pays";
    /// Header of a country's ISO code.
    COLUMN_CODE = "Code" | "Code";
    /// Who held a meeting without affiliate.
    HEAD_OFFICE = "Head office" | "Siège";
    /// A reference to an id that no record has.
    MISSING = "{id} (missing)" | "{id} (introuvable)";
    MISSING_HINT = "No record has this id: fix the reference in the record's form"
        | "Aucune fiche n'a cet identifiant\u{a0}: corriger la référence dans le formulaire de la fiche";
    NOT_A_COUNTRY_CODE = "Not an ISO 3166-1 alpha-2 country code"
        | "Ce n'est pas un code pays ISO 3166-1 alpha-2";
    NOT_A_DATE = "Not a real date: write it YYYY-MM-DD"
        | "Date inexistante\u{a0}: l'écrire sous la forme AAAA-MM-JJ";
    /// A company's size, short, as a table cell and a filter say it.
    SIZE_STARTUP = "Startup" | "Start-up";
    SIZE_SME = "SME" | "PME";
    SIZE_MID_CAP = "Mid-cap" | "ETI";
    /// In a narrow column: the official French categories PME, ETI, GE.
    SIZE_LARGE = "Large" | "GE";
    /// A contract's kind, short, as a table cell and a filter say it.
    KIND_BILATERAL = "Bilateral" | "Bilatéral";
    KIND_EUROPEAN = "European" | "Européen";

    // The zones and countries screen.

    ZONES_TITLE = "Zones & countries" | "Zones et pays";
    ZONES_INTRO = "Every figure and chart groups records by the zone of their country."
        | "Tous les chiffres et graphiques regroupent les fiches selon la zone de leur pays.";
    ZONES_HEADING = "Zones" | "Zones";
    ZONE_NAME_HINT = "Zone name" | "Nom de la zone";
    /// What Undo names: the zone's old name and new name.
    RENAME_ZONE_TO = "Rename zone {name} to {text}" | "Renommer la zone {name} en {text}";
    ZONE_ID_HINT = "id: {id} — double click to rename"
        | "identifiant\u{a0}: {id} — double-cliquer pour renommer";
    UP = "Up" | "Monter";
    MOVE_UP = "Move {name} up" | "Monter {name}";
    DOWN = "Down" | "Descendre";
    MOVE_DOWN = "Move {name} down" | "Descendre {name}";
    RENAME = "Rename" | "Renommer";
    RENAME_NAMED = "Rename {name}" | "Renommer {name}";
    REMOVE = "Remove…" | "Supprimer…";
    REMOVE_NAMED = "Remove {name}" | "Supprimer {name}";
    /// `{unassigned}` is the unassigned zone's name (`countries::unassigned_zone_name`).
    NO_ZONE_YET = "No zone yet: every record counts in {unassigned}."
        | "Aucune zone pour l'instant\u{a0}: toutes les fiches comptent dans «\u{a0}{unassigned}\u{a0}».";
    NEW_ZONE = "New zone" | "Nouvelle zone";
    NEW_ZONE_HINT = "e.g. Nordic countries" | "p. ex. Pays nordiques";
    ADD_ZONE = "Add zone" | "Ajouter la zone";
    /// What Undo names.
    ADD_ZONE_NAMED = "Add zone {name}" | "Ajouter la zone {name}";
    /// What Undo names.
    MOVE_ZONE = "Move zone {name}" | "Déplacer la zone {name}";
    COUNTRIES_HEADING = "Countries" | "Pays";
    FIND = "Find" | "Chercher";
    FIND_HINT = "Country name or code" | "Nom ou code du pays";
    ONLY_UNASSIGNED = "Only unassigned" | "Sans zone seulement";
    FILL_FROM_DEFAULTS = "Fill {missing} unassigned from the defaults"
        | "Affecter {missing} pays sans zone d'après les zones par défaut";
    FILL_FROM_DEFAULTS_HINT = "Assign each unassigned country to its zone by continent, where that zone exists"
        | "Affecter chaque pays sans zone à la zone de son continent, quand cette zone existe";
    /// What Undo names.
    ASSIGN_FROM_DEFAULTS_ONE = "Assign {count} country from the defaults"
        | "Affecter {count}\u{a0}pays d'après les zones par défaut";
    /// What Undo names.
    ASSIGN_FROM_DEFAULTS_OTHER = "Assign {count} countries from the defaults"
        | "Affecter {count}\u{a0}pays d'après les zones par défaut";
    NO_COUNTRY_MATCHES = "No country matches." | "Aucun pays ne correspond.";
    /// What a screen reader calls the zone list of a country.
    ZONE_OF = "Zone of {name}" | "Zone du pays {name}";
    /// What Undo names.
    PUT_IN_ZONE = "Put {name} in {zone}" | "Placer {name} dans la zone {zone}";

    // The figures by zone.

    SUMMARY_ZONE = "Zone" | "Zone";
    SUMMARY_ZONE_HINT = "The zone of a record is the zone of its country"
        | "La zone d'une fiche est celle de son pays";
    SUMMARY_AFFILIATES = "Affiliates" | "Antennes";
    SUMMARY_AFFILIATES_HINT = "Offices abroad in the zone that are not closed (with a period: opened by its end)"
        | "Antennes de la zone qui ne sont pas fermées (sur une période\u{a0}: ouvertes avant sa fin)";
    SUMMARY_COMPANIES = "Companies" | "Entreprises";
    SUMMARY_COMPANIES_HINT = "Companies whose country is in the zone"
        | "Entreprises dont le pays est dans la zone";
    SUMMARY_COMPANIES_MET = "Companies met" | "Entreprises rencontrées";
    SUMMARY_COMPANIES_MET_HINT = "Companies of the zone with at least one meeting"
        | "Entreprises de la zone avec au moins une réunion";
    SUMMARY_MEETINGS = "Meetings" | "Réunions";
    SUMMARY_MEETINGS_HINT = "Meetings with companies of the zone"
        | "Réunions avec des entreprises de la zone";
    SUMMARY_COUNTRY_NOTES = "Country notes" | "Notes pays";
    SUMMARY_COUNTRY_NOTES_HINT = "Notes on the zone's countries" | "Notes sur les pays de la zone";
    SUMMARY_CONTRACTS = "Contracts" | "Contrats";
    SUMMARY_CONTRACTS_HINT = "Contracts of the zone" | "Contrats de la zone";
    SUMMARY_BILATERAL = "Bilateral (€)" | "Bilatéraux (€)";
    SUMMARY_BILATERAL_HINT = "Total of Bilateral contracts, financed by companies of the zone"
        | "Total des contrats bilatéraux, financés par des entreprises de la zone";
    SUMMARY_EUROPEAN = "European (€)" | "Européens (€)";
    SUMMARY_EUROPEAN_HINT = "Total of European projects coordinated from the zone"
        | "Total des projets européens coordonnés depuis la zone";
    /// The last row of the figures by zone.
    SUMMARY_TOTAL = "Total" | "Total";

    // The problems panel.

    PROBLEMS = "Problems" | "Problèmes";
    NO_PROBLEMS = "No problems found: every reference, date and country code checks out."
        | "Aucun problème\u{a0}: toutes les références, dates et codes pays sont valides.";
    ERRORS_ONE = "{count} error" | "{count}\u{a0}erreur";
    ERRORS_OTHER = "{count} errors" | "{count}\u{a0}erreurs";
    WARNINGS_ONE = "{count} warning" | "{count}\u{a0}avertissement";
    WARNINGS_OTHER = "{count} warnings" | "{count}\u{a0}avertissements";
    /// `{errors}` is "2 errors", `{warnings}` "1 warning".
    PROBLEMS_SUMMARY = "{errors}, {warnings}. Click a problem to open its record."
        | "{errors}, {warnings}. Cliquer sur un problème pour ouvrir sa fiche.";
    ERROR = "Error" | "Erreur";
    WARNING = "Warning" | "Avertissement";
    OPEN_THIS_RECORD = "Open this record" | "Ouvrir cette fiche";
}
