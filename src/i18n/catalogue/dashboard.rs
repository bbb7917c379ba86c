//! The dashboard: key figures, charts, their axes and tooltips, the world map, filters.

crate::messages! {
    // Chart titles.

    TITLE_MEETINGS_BY_STAGE = "Meetings per zone, by stage" | "Réunions par zone, par étape";
    TITLE_COMPANIES_MET = "Companies met per zone" | "Entreprises rencontrées par zone";
    TITLE_AFFILIATES = "Affiliates per zone" | "Antennes par zone";
    TITLE_CONTRACT_VALUE = "Contract value per zone" | "Montant des contrats par zone";
    TITLE_OVER_TIME = "Meetings per zone over time" | "Réunions par zone au fil du temps";
    TITLE_PIPELINE = "Pipeline per zone: meetings that reached each stage"
        | "Pipeline par zone\u{a0}: réunions parvenues à chaque étape";
    TITLE_COVERAGE = "Coverage: countries met, with or without a country note"
        | "Couverture\u{a0}: pays rencontrés, avec ou sans note pays";
    /// Also the map's accessible name.
    TITLE_MAP = "World map" | "Carte du monde";

    // Key figures.

    KEY_ACTIVE_AFFILIATES = "Active affiliates" | "Antennes actives";
    KEY_OPEN_PIPELINE = "Open pipeline" | "Pipeline en cours";
    KEY_BILATERAL = "Bilateral contracts" | "Contrats bilatéraux";
    KEY_EUROPEAN = "European projects" | "Projets européens";
    /// Hover text of a key figure's card.
    KEY_SHOW_RECORDS = "Show these records ({title})" | "Afficher ces fiches ({title})";
    /// What a screen reader says of a key figure: its title and its exact value.
    KEY_SPOKEN = "{title}: {value}" | "{title}\u{a0}: {value}";
    /// Under a key figure: "+12 (+8%) vs 2014".
    KEY_CHANGE_SINCE = "{change} vs {previous}" | "{change} par rapport à {previous}";
    KEY_NO_CHANGE = "No change" | "Inchangé";
    /// A change and its percentage: `{sign}` is + or −.
    KEY_CHANGE_PERCENT = "{sign}{difference} ({sign}{percent}%)"
        | "{sign}{difference} ({sign}{percent}\u{a0}%)";

    // Filters.

    PERIOD = "Period" | "Période";
    ALL_YEARS = "All years" | "Toutes les années";
    /// A period between two dates.
    DATE_RANGE = "{from} to {to}" | "du {from} au {to}";
    CUSTOM_RANGE = "Custom range" | "Période personnalisée";
    /// Accessible name of the first day of a custom range.
    RANGE_FROM = "From" | "Début";
    /// Accessible name of the last day of a custom range.
    RANGE_TO = "To" | "Fin";
    /// Between the two days of a custom range.
    RANGE_BETWEEN = "to" | "au";
    ALL_INSTITUTES = "All institutes" | "Tous les instituts";
    INSTITUTE = "Institute" | "Institut";
    ALL_INITIATIVES = "All initiatives" | "Toutes les initiatives";
    INITIATIVE = "Initiative" | "Initiative";
    ALL_AFFILIATES = "All affiliates" | "Toutes les antennes";
    /// Meetings held by the head office rather than an affiliate.
    HEAD_OFFICE = "Head office" | "Siège";
    AFFILIATE = "Affiliate" | "Antenne";
    CLEAR_FILTERS = "Clear filters" | "Effacer les filtres";

    // The cards.

    FIGURES_BY_ZONE = "Figures by zone" | "Chiffres par zone";
    FIGURES_BY_ZONE_NOTE = "The same figures as `liaison-desk summary` for these filters"
        | "Les mêmes chiffres que `liaison-desk summary` pour ces filtres";
    MAP_BY_ZONE = "By zone" | "Par zone";
    MAP_BY_MEETINGS = "By meetings" | "Par nombre de réunions";
    SAVE_MAP_IMAGE = "Save the map as an image" | "Enregistrer la carte en image";
    SAVE_MAP_CSV = "Save the map's figures by country as CSV"
        | "Enregistrer les chiffres de la carte par pays en CSV";
    RESET_VIEW = "Reset view" | "Réinitialiser la vue";
    MAP_CANNOT_DRAW = "The world map cannot be drawn: {error}"
        | "Impossible de dessiner la carte du monde\u{a0}: {error}";
    SAVE_CHART_IMAGE = "Save the chart as an image" | "Enregistrer le graphique en image";
    SAVE_CHART_CSV = "Save the chart's numbers as CSV"
        | "Enregistrer les chiffres du graphique en CSV";
    RESET_TIME_HINT = "Show the whole period again (drag to pan, Ctrl+scroll to zoom)"
        | "Afficher de nouveau toute la période (glisser pour se déplacer, Ctrl+molette pour zoomer)";
    BY_QUARTER = "By quarter" | "Par trimestre";
    BY_YEAR = "By year" | "Par année";

    // Empty charts.

    NO_MEETINGS_IN_PERIOD = "No meetings in this period" | "Aucune réunion sur cette période";
    NO_COMPANY_IN_PERIOD = "No company met in this period"
        | "Aucune entreprise rencontrée sur cette période";
    NO_AFFILIATE = "No affiliate" | "Aucune antenne";
    NO_CONTRACT_IN_PERIOD = "No contract signed in this period"
        | "Aucun contrat signé sur cette période";

    // Series, axes and the columns of the charts' CSV.

    /// The stack of meetings without a stage.
    NO_STAGE = "No stage" | "Sans étape";
    ZONE = "Zone" | "Zone";
    MEETINGS = "Meetings" | "Réunions";
    COMPANIES = "Companies" | "Entreprises";
    COMPANIES_MET = "Companies met" | "Entreprises rencontrées";
    AFFILIATES = "Affiliates" | "Antennes";
    CONTRACT_VALUE_AXIS = "Contract value (M€)" | "Montant des contrats (M€)";
    QUARTER = "Quarter" | "Trimestre";
    YEAR = "Year" | "Année";
    STAGE_REACHED = "Stage reached" | "Étape atteinte";
    WITH_NOTE = "With a country note" | "Avec une note pays";
    WITHOUT_NOTE = "No country note yet" | "Pas encore de note pays";
    COUNTRIES_WITH_MEETINGS = "Countries with meetings" | "Pays avec des réunions";
    COUNTRY = "Country" | "Pays";
    COUNTRY_NOTES = "Country notes" | "Notes pays";

    // What a drill-down shows, after the filter and the zone: "2014 · Europe · companies met".

    DRILL_COMPANIES_MET = "companies met" | "entreprises rencontrées";
    /// `{stage}` in lower case.
    DRILL_REACHED = "reached {stage}" | "étape atteinte\u{a0}: {stage}";
    DRILL_UNCOVERED = "countries without a note" | "pays sans note";
    DRILL_COUNTRIES_MET = "countries met" | "pays rencontrés";

    // Counts, in tooltips.

    MEETING_ONE = "{count} meeting" | "{count} réunion";
    MEETING_OTHER = "{count} meetings" | "{count} réunions";
    COMPANY_ONE = "{count} company" | "{count} entreprise";
    COMPANY_OTHER = "{count} companies" | "{count} entreprises";
    COMPANY_MET_ONE = "{count} company met" | "{count} entreprise rencontrée";
    COMPANY_MET_OTHER = "{count} companies met" | "{count} entreprises rencontrées";
    AFFILIATE_ONE = "{count} affiliate" | "{count} antenne";
    AFFILIATE_OTHER = "{count} affiliates" | "{count} antennes";
    COUNTRY_ONE = "{count} country" | "{count} pays";
    COUNTRY_OTHER = "{count} countries" | "{count} pays";
    NOTE_ONE = "{count} country note" | "{count} note pays";
    NOTE_OTHER = "{count} country notes" | "{count} notes pays";

    // A chart's tooltip.

    /// A series and its value: "First contact: 12 meetings".
    TOOLTIP_VALUE = "{series}: {value}" | "{series}\u{a0}: {value}";
    /// The whole bar, all series together.
    TOOLTIP_ALL = "All: {value}" | "Total\u{a0}: {value}";
    CLICK_FOR_RECORDS = "Click to see these records" | "Cliquer pour voir ces fiches";

    // The map's tooltip, legend and the countries without a note.

    EVERY_COUNTRY_NOTED = "Every country met has a country note."
        | "Chaque pays rencontré a une note pays.";
    /// `{countries}`: "Japan (12), Brazil (3)".
    NO_NOTE_YET = "No note yet: {countries}" | "Pas encore de note\u{a0}: {countries}";
    AND_MORE = " and {more} more" | " et {more} autres";
    UNCOVERED_HINT = "Countries with meetings in the period, and the number of meetings"
        | "Pays avec des réunions sur la période, et le nombre de réunions";
    NOT_ISO_COUNTRY = "Not an ISO 3166 country" | "Pas un pays de la norme ISO 3166";
    ZONE_OF_COUNTRY = "Zone: {zone}" | "Zone\u{a0}: {zone}";
    CLICK_FOR_MEETINGS = "Click to see the meetings" | "Cliquer pour voir les réunions";
    NOT_IN_A_ZONE = "Not in a zone" | "Hors zone";
    NO_MEETINGS = "No meetings" | "Aucune réunion";

    // Zones (core: stats and countries).

    /// The zone of countries no zone claims.
    UNASSIGNED_ZONE = "Unassigned" | "Non attribuée";
    /// The last row of the figures by zone.
    TOTAL = "Total" | "Total";
}
