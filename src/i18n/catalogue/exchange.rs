//! Import, export and merge: their dialogs, previews, reports and column headers.

crate::messages! {
    // The lists, in the words of an import, an export or a merge. A noun
    // alone ("meeting m-0001"), several ("the companies acme, acme-2"), with
    // its article ("is the company acme"), denied ("no company has…"), and
    // the list's name in a sentence ("required for meetings": the file's
    // name of the list in English, its title in French).
    NOUN_ZONE = "zone" | "zone géographique";
    NOUN_COUNTRY = "country" | "pays";
    NOUN_INSTITUTE = "institute" | "institut";
    NOUN_AFFILIATE = "affiliate" | "antenne";
    NOUN_COMPANY = "company" | "entreprise";
    NOUN_MEETING = "meeting" | "réunion";
    NOUN_COUNTRY_NOTE = "country note" | "note pays";
    NOUN_CONTRACT = "contract" | "contrat";
    PLURAL_ZONES = "zones" | "zones géographiques";
    PLURAL_COUNTRIES = "countries" | "pays";
    PLURAL_INSTITUTES = "institutes" | "instituts";
    PLURAL_AFFILIATES = "affiliates" | "antennes";
    PLURAL_COMPANIES = "companies" | "entreprises";
    PLURAL_MEETINGS = "meetings" | "réunions";
    PLURAL_COUNTRY_NOTES = "country notes" | "notes pays";
    PLURAL_CONTRACTS = "contracts" | "contrats";
    THE_ZONE = "the zone" | "la zone";
    THE_COUNTRY = "the country" | "le pays";
    THE_INSTITUTE = "the institute" | "l’institut";
    THE_AFFILIATE = "the affiliate" | "l’antenne";
    THE_COMPANY = "the company" | "l’entreprise";
    THE_MEETING = "the meeting" | "la réunion";
    THE_COUNTRY_NOTE = "the country note" | "la note pays";
    THE_CONTRACT = "the contract" | "le contrat";
    NO_ZONE = "no zone" | "aucune zone";
    NO_COUNTRY = "no country" | "aucun pays";
    NO_INSTITUTE = "no institute" | "aucun institut";
    NO_AFFILIATE = "no affiliate" | "aucune antenne";
    NO_COMPANY = "no company" | "aucune entreprise";
    NO_MEETING = "no meeting" | "aucune réunion";
    NO_COUNTRY_NOTE = "no country note" | "aucune note pays";
    NO_CONTRACT = "no contract" | "aucun contrat";
    LIST_ZONES = "zones" | "Zones";
    LIST_COUNTRIES = "countries" | "Pays";
    LIST_INSTITUTES = "institutes" | "Instituts";
    LIST_AFFILIATES = "affiliates" | "Antennes";
    LIST_COMPANIES = "companies" | "Entreprises";
    LIST_MEETINGS = "meetings" | "Réunions";
    LIST_COUNTRY_NOTES = "country_notes" | "Notes pays";
    LIST_CONTRACTS = "contracts" | "Contrats";

    /// Free words quoted in a message: a header, a cell, a name.
    QUOTED = "“{text}”" | "«\u{a0}{text}\u{a0}»";

    // Why a file cannot be read as a table.
    ERR_READ = "cannot read {path}: {error}; check the path and that you may read the file" | "impossible de lire {path}\u{a0}: {error}\u{a0}; vérifiez le chemin et votre droit de lire le fichier";
    ERR_IS_FOLDER = "{path} is a folder, not a spreadsheet; choose a CSV, XLSX or ODS file" | "{path} est un dossier, pas une feuille de calcul\u{a0}; choisissez un fichier CSV, XLSX ou ODS";
    ERR_TOO_LARGE = "{path} is {size} bytes, more than the {limit} bytes an import may read; split it into smaller files, or remove the columns and rows you do not need" | "{path} fait {size}\u{a0}octets, plus que les {limit}\u{a0}octets qu’une importation peut lire\u{a0}; découpez-le en fichiers plus petits, ou supprimez les colonnes et les lignes inutiles";
    ERR_EMPTY = "{path} is empty: there is no header row; the first row must name the columns" | "{path} est vide\u{a0}: il n’a pas de ligne d’en-tête\u{a0}; la première ligne doit nommer les colonnes";
    /// `{what}` is [`WHAT_ZIP_WORKBOOK`] or [`WHAT_XLS_WORKBOOK`].
    ERR_WORKBOOK_NAMED_AS_TEXT = "{path} is named .{extension} but holds {what}, not text; rename it .{suggested} and import it again, or save it as CSV from the spreadsheet program" | "{path} porte l’extension .{extension} mais contient {what}, pas du texte\u{a0}; renommez-le en .{suggested} et importez-le de nouveau, ou enregistrez-le au format CSV depuis le tableur";
    ERR_BINARY = "{path} is not a spreadsheet or a text file ({what}); save the table as CSV (UTF-8) or XLSX and import that" | "{path} n’est ni une feuille de calcul ni un fichier texte ({what})\u{a0}; enregistrez le tableau au format CSV (UTF-8) ou XLSX et importez ce fichier";
    ERR_NOT_A_WORKBOOK = "{path} is named .{extension} but is not a workbook ({what}); if it is a CSV file, rename it .csv" | "{path} porte l’extension .{extension} mais n’est pas un classeur ({what})\u{a0}; s’il s’agit d’un fichier CSV, renommez-le en .csv";
    ERR_WORKBOOK = "cannot read the workbook {path}: {message}; open it in the spreadsheet program and save it again as XLSX, or export the sheet as CSV" | "impossible de lire le classeur {path}\u{a0}: {message}\u{a0}; ouvrez-le dans le tableur et enregistrez-le de nouveau au format XLSX, ou exportez la feuille au format CSV";
    ERR_NO_SHEET = "the workbook {path} has no sheet with data; the first row of a sheet must name the columns" | "le classeur {path} n’a aucune feuille avec des données\u{a0}; la première ligne d’une feuille doit nommer les colonnes";
    ERR_TOO_MANY_CELLS = "{path} has {what}, more than the {limit} an import takes; delete the stray cells far to the right or below the table, or export only the table" | "{path} contient {what}, plus que les {limit} qu’une importation accepte\u{a0}; supprimez les cellules égarées loin à droite ou sous le tableau, ou n’exportez que le tableau";
    ERR_UNPACKED_TOO_LARGE = "{path} unpacks to more than the {limit} bytes an import may read (a workbook is a compressed archive, and this one holds far more than its size says); delete what the table does not need, or save the sheet as CSV" | "{path} se décompresse en plus des {limit}\u{a0}octets qu’une importation peut lire (un classeur est une archive compressée, et celle-ci contient bien plus que sa taille ne l’indique)\u{a0}; supprimez ce dont le tableau n’a pas besoin, ou enregistrez la feuille au format CSV";
    ERR_UNCLOSED_QUOTE = "the quote that opens a cell on line {line} of {path} is never closed, so every line after it would become one cell; close it, or write a quote inside a quoted cell twice (\"\")" | "le guillemet qui ouvre une cellule à la ligne {line} de {path} n’est jamais fermé, si bien que toutes les lignes suivantes deviendraient une seule cellule\u{a0}; fermez-le, ou doublez un guillemet à l’intérieur d’une cellule entre guillemets (\"\")";
    /// The workbook reader failed on damaged data (it panicked, contained,
    /// or the process reading an `.xls` died).
    WORKBOOK_READER_STOPPED = "its content is damaged, and the workbook reader stopped on it" | "son contenu est endommagé, et le lecteur de classeurs s’y est arrêté";
    /// The `.xls` reader was still busy after its time limit.
    WORKBOOK_READER_TOO_LONG = "the workbook reader was still reading it after {minutes} minutes; it is probably damaged" | "le lecteur de classeurs le lisait encore au bout de {minutes}\u{a0}minutes\u{a0}; il est probablement endommagé";
    ERR_CSV = "cannot read {path} as CSV near line {line}: {message}; check its quotes and delimiters" | "impossible de lire {path} au format CSV vers la ligne {line}\u{a0}: {message}\u{a0}; vérifiez ses guillemets et ses séparateurs";
    /// The command line's `--kind` names no list.
    NOT_A_LIST = "“{name}” is not a list of the data file; use one of: {lists}" | "«\u{a0}{name}\u{a0}» n’est pas une liste du fichier de données\u{a0}; utilisez l’une de celles-ci\u{a0}: {lists}";

    // What a file holds, in the errors above.
    WHAT_REPEATED_CELLS = "{count} cells once its repeated rows and cells are counted" | "{count}\u{a0}cellules une fois comptées ses lignes et cellules répétées";
    WHAT_ZIP_WORKBOOK = "an XLSX or ODS workbook (a ZIP archive)" | "un classeur XLSX ou ODS (une archive ZIP)";
    WHAT_XLS_WORKBOOK = "an Excel 97–2003 workbook" | "un classeur Excel 97–2003";
    WHAT_PLAIN_TEXT = "it is plain text" | "c’est du texte brut";
    WHAT_ROW_OF_CELLS = "a row of {columns} cells" | "une ligne de {columns} cellules";
    WHAT_MORE_CELLS = "more than {count} cells" | "plus de {count} cellules";
    WHAT_VALUES_IN_COLUMNS = "values in {width} columns" | "des valeurs dans {width} colonnes";
    WHAT_TABLE = "a table of {rows} rows by {width} columns" | "un tableau de {rows} lignes sur {width} colonnes";
    WHAT_PDF = "a PDF document" | "un document PDF";
    WHAT_PNG = "a PNG image" | "une image PNG";
    WHAT_JPEG = "a JPEG image" | "une image JPEG";
    WHAT_GIF = "a GIF image" | "une image GIF";
    WHAT_GZIP = "a gzip archive" | "une archive gzip";
    WHAT_PROGRAM = "a program" | "un programme";
    WHAT_NUL_BYTES = "it holds NUL bytes, which text never does" | "il contient des octets NUL, ce que du texte ne fait jamais";
    WHAT_CONTROL_CHARACTERS = "it holds many control characters, which text rarely does" | "il contient beaucoup de caractères de contrôle, ce que du texte fait rarement";

    // How a file was read.
    ENCODING_UTF8_BOM = "UTF-8 (with byte-order mark)" | "UTF-8 (avec indicateur d’ordre des octets)";
    ENCODING_UTF16_LE = "UTF-16 little-endian (with byte-order mark)" | "UTF-16 petit-boutiste (avec indicateur d’ordre des octets)";
    ENCODING_UTF16_BE = "UTF-16 big-endian (with byte-order mark)" | "UTF-16 gros-boutiste (avec indicateur d’ordre des octets)";
    /// UTF-8 with a few bytes that are not: `{count}` bytes, the first on `{line}`.
    ENCODING_UTF8_STRAY = "UTF-8, but for {count} byte(s) that are not UTF-8, the first on line {line}; they show as � — check those cells" | "UTF-8, sauf {count}\u{a0}octet(s) qui ne sont pas de l’UTF-8, le premier à la ligne {line}\u{a0}; ils s’affichent comme �\u{a0}— vérifiez ces cellules";
    ENCODING_WINDOWS_1252 = "Windows-1252 (not UTF-8; as Excel saves CSV on Windows)" | "Windows-1252 (pas UTF-8\u{a0}; comme Excel enregistre le CSV sous Windows)";
    DELIMITER_COMMA = "comma" | "virgule";
    DELIMITER_SEMICOLON = "semicolon" | "point-virgule";
    DELIMITER_TAB = "tab" | "tabulation";
    DELIMITER_BAR = "vertical bar" | "barre verticale";
    SOURCE_CSV = "CSV, encoding {encoding}, delimiter {delimiter}" | "CSV, encodage {encoding}, séparateur {delimiter}";
    SOURCE_SEP_LINE = " (declared by its “sep=” line)" | " (déclaré par sa ligne «\u{a0}sep=\u{a0}»)";
    SOURCE_WORKBOOK = "{format} workbook, sheet “{sheet}”" | "classeur {format}, feuille «\u{a0}{sheet}\u{a0}»";
    SOURCE_OF_SHEETS = " (of {sheets} sheets)" | " (sur {sheets} feuilles)";
    SOURCE_HEADER_ROW = ", header on row {row}" | ", en-tête à la ligne {row}";
    /// A column without header.
    COLUMN_NUMBER = "column {number}" | "colonne {number}";
    /// A column in a message: `{header}` is its header.
    COLUMN_NAMED = "column “{header}”" | "colonne «\u{a0}{header}\u{a0}»";

    // Date and number formats of a column.
    DATE_ISO = "YYYY-MM-DD (ISO)" | "AAAA-MM-JJ (ISO)";
    /// `{s}` is the separator, `{year}` [`YEAR_LONG`] or [`YEAR_SHORT`].
    DATE_DAY_FIRST = "dd{s}mm{s}{year} (day first)" | "jj{s}mm{s}{year} (jour en premier)";
    DATE_MONTH_FIRST = "mm{s}dd{s}{year} (month first)" | "mm{s}jj{s}{year} (mois en premier)";
    YEAR_LONG = "yyyy" | "aaaa";
    YEAR_SHORT = "yy" | "aa";
    DATE_ASSUMED = ", assumed: no day above 12 tells it from month first" | ", supposé\u{a0}: aucun jour au-delà de 12 ne le distingue du mois en premier";
    ISO_PATTERN = "YYYY-MM-DD" | "AAAA-MM-JJ";
    DECIMAL_COMMA = "decimal comma" | "virgule décimale";
    DECIMAL_DOT = "decimal dot" | "point décimal";
    /// In [`NOT_AN_AMOUNT`].
    A_DECIMAL_COMMA = "a decimal comma" | "une virgule décimale";
    /// In [`NOT_AN_AMOUNT`].
    A_DECIMAL_DOT = "a decimal dot" | "un point décimal";
    /// After a decimal mark that no value told.
    ASSUMED = " (assumed)" | " (supposée)";
    THOUSANDS_SPACES = ", thousands separated by spaces" | ", milliers séparés par des espaces";
    THOUSANDS_NO_BREAK_SPACES = ", thousands separated by no-break spaces" | ", milliers séparés par des espaces insécables";
    THOUSANDS_DOTS = ", thousands separated by dots" | ", milliers séparés par des points";
    THOUSANDS_COMMAS = ", thousands separated by commas" | ", milliers séparés par des virgules";
    THOUSANDS_APOSTROPHES = ", thousands separated by apostrophes" | ", milliers séparés par des apostrophes";
    THOUSANDS_OTHER = ", thousands separated by “{other}”" | ", milliers séparés par «\u{a0}{other}\u{a0}»";
    EURO_IGNORED = ", euro sign ignored" | ", symbole euro ignoré";

    // A cell that cannot be converted.
    NOT_A_DATE = "“{text}” is not a date (write it {format}, or YYYY-MM-DD)" | "«\u{a0}{text}\u{a0}» n’est pas une date (écrivez-la {format}, ou AAAA-MM-JJ)";
    /// `{how}` is [`READ_YMD`], [`READ_MDY`] or [`READ_DMY`].
    NOT_A_REAL_DATE = "“{text}” is not a real date (read as {how}: there is no day {day} in month {month} of {year})" | "«\u{a0}{text}\u{a0}» n’est pas une date réelle (lue comme {how}\u{a0}: le mois {month} de {year} n’a pas de jour {day})";
    READ_YMD = "year-month-day" | "année-mois-jour";
    READ_MDY = "month/day/year" | "mois/jour/année";
    READ_DMY = "day/month/year" | "jour/mois/année";
    NOT_IN_EUROS = "“{text}” is not in euros: convert it to euros before importing" | "«\u{a0}{text}\u{a0}» n’est pas en euros\u{a0}: convertissez-le en euros avant de l’importer";
    NEGATIVE_AMOUNT = "a negative amount (“{original}”) cannot be imported: amounts are whole euros, 0 or more" | "un montant négatif («\u{a0}{original}\u{a0}») ne peut pas être importé\u{a0}: les montants sont des euros entiers, 0 ou plus";
    /// `{mark}` is [`A_DECIMAL_COMMA`] or [`A_DECIMAL_DOT`].
    NOT_AN_AMOUNT = "“{original}” is not an amount in euros (this column is read with {mark})" | "«\u{a0}{original}\u{a0}» n’est pas un montant en euros (cette colonne est lue avec {mark})";
    TOO_LARGE_AMOUNT = "“{original}” is too large an amount" | "«\u{a0}{original}\u{a0}» est un montant trop grand";
    /// A note: an amount with cents, rounded to whole euros.
    ROUNDED = "“{original}” rounded to {euros} €" | "«\u{a0}{original}\u{a0}» arrondi à {euros}\u{a0}€";
    SPREADSHEET_ERROR = "holds the spreadsheet error {cell}: fix the formula or clear the cell" | "contient l’erreur de tableur {cell}\u{a0}: corrigez la formule ou videz la cellule";
    NOT_A_COUNTRY_CODE = "“{cell}” is not an ISO 3166-1 alpha-2 country code (such as FR, US, JP)" | "«\u{a0}{cell}\u{a0}» n’est pas un code pays ISO 3166-1 alpha-2 (comme FR, US, JP)";
    NOT_A_COUNTRY = "“{value}” is neither an ISO 3166-1 country code (such as FR, US, JP) nor a country name in English or French" | "«\u{a0}{value}\u{a0}» n’est ni un code pays ISO 3166-1 (comme FR, US, JP) ni un nom de pays en français ou en anglais";
    /// `{plural}` is "companies", `{ids}` the ids they have.
    AMBIGUOUS_VALUE = "“{value}” could be any of the {plural} {ids}: write the id" | "«\u{a0}{value}\u{a0}» peut désigner plusieurs {plural} ({ids})\u{a0}: écrivez l’identifiant";
    AMBIGUOUS_NAME = "“{name}” could be any of the {plural} {ids}: give the id in an “Id” column" | "«\u{a0}{name}\u{a0}» peut désigner plusieurs {plural} ({ids})\u{a0}: donnez l’identifiant dans une colonne «\u{a0}Id\u{a0}»";
    /// `{no_noun}` is "no company".
    NOTHING_NAMED = "refers to “{value}”, but {no_noun} has that id or name in the data file: add it first, or correct the cell" | "renvoie à «\u{a0}{value}\u{a0}», mais {no_noun} n’a cet identifiant ou ce nom dans le fichier de données\u{a0}: ajoutez d’abord la fiche, ou corrigez la cellule";

    // What a row would do, and why it cannot.
    /// `{names}` are the companies' names, quoted.
    NEEDS_COMPANIES = "company {names} is not in the data file; allow creating new companies to import this row" | "l’entreprise {names} n’est pas dans le fichier de données\u{a0}; autorisez la création de nouvelles entreprises pour importer cette ligne";
    /// Why a column is left out: its header repeats an earlier column's.
    SAME_HEADER_AS = "the same header as column {number} (“{header}”), which comes first; rename one of the two" | "même en-tête que la colonne {number} («\u{a0}{header}\u{a0}»), qui vient avant\u{a0}; renommez l’une des deux";
    /// A row or a column: it is not imported, and why.
    NOT_IMPORTED = "not imported: {reason}" | "non importée\u{a0}: {reason}";
    ROW_WIDTH = "the row has {cells} cells where the header has {width}: {why}; fix the row in the file" | "la ligne a {cells} cellules là où l’en-tête en a {width}\u{a0}: {why}\u{a0}; corrigez la ligne dans le fichier";
    WIDTH_MULTI_LINE = "a cell spans several lines, so a quote mark is probably not closed" | "une cellule s’étend sur plusieurs lignes, un guillemet n’est donc sans doute pas fermé";
    WIDTH_SHORT = "a delimiter is missing, or the row was cut short" | "il manque un séparateur, ou la ligne a été tronquée";
    WIDTH_LONG = "a delimiter is in excess (quote cells that contain one)" | "un séparateur est en trop (mettez entre guillemets les cellules qui en contiennent un)";
    EMPTY_COUNTRY_CODE = "the country code is empty: it identifies the country, fill it in" | "le code pays est vide\u{a0}: il identifie le pays, renseignez-le";
    REPEATED_ID = "the id {id} is on rows {rows} of the file: keep one row per {noun}" | "l’identifiant {id} figure aux lignes {rows} du fichier\u{a0}: gardez une seule ligne par {noun}";
    /// Joins row numbers: "2, 3 and 4".
    AND = "{init} and {last}" | "{init} et {last}";
    VANISHED = "{noun} {position} vanished while planning" | "{noun} {position}\u{a0}: disparu pendant la simulation";
    /// A note: a row without id equal to a record already there.
    SAME_AS_EXISTING = "same as the existing {noun} {id} in every column imported" | "identique dans toutes les colonnes importées à une fiche existante ({noun} {id})";
    /// A note: `{the_noun}` is "the company".
    IS_THE = "“{cell}” is {the_noun} {id}" | "«\u{a0}{cell}\u{a0}» est {the_noun} {id}";
    /// A note.
    MATCHED_BY_NAME = "matched by name to the existing {noun} {id}" | "trouvé par son nom\u{a0}: {noun} {id}, déjà dans le fichier";
    /// A note: the country of a new company cannot be read.
    NEW_COMPANY_NO_COUNTRY = "{column}: {reason}; the new company “{name}” gets no country" | "{column}\u{a0}: {reason}\u{a0}; la nouvelle entreprise «\u{a0}{name}\u{a0}» n’aura pas de pays";
    /// `{what}` is [`ABOUT_THE`] or [`ABOUT_SAME_NEW`].
    ROWS_COLLIDE = "rows {rows} are all about {what}: keep one of them" | "les lignes {rows} portent toutes sur {what}\u{a0}: gardez-en une seule";
    /// `{the_noun}` is "the company".
    ABOUT_THE = "{the_noun} {id}" | "{the_noun} {id}";
    ABOUT_SAME_NEW = "the same new {noun}" | "une même nouvelle fiche ({noun})";

    // Which column fills which field.
    /// `{name}` is the field's name in the file, then its two headers.
    FIELD_HEADERS = "`{name}` (“{english}” or “{french}”)" | "`{name}` («\u{a0}{english}\u{a0}» ou «\u{a0}{french}\u{a0}»)";
    MISSING_REQUIRED = "no column gives {fields} (required for {list}): add the column, or name its header so" | "aucune colonne ne donne {fields} (obligatoire pour la liste «\u{a0}{list}\u{a0}»)\u{a0}: ajoutez la colonne, ou donnez-lui cet en-tête";
    TWICE = "columns {columns} all fill `{field}`: keep one of them for this field" | "les colonnes {columns} remplissent toutes `{field}`\u{a0}: gardez-en une seule pour ce champ";
    NO_SUCH_FIELD = "{list} have no field `{field}`: choose one of the list's fields" | "la liste «\u{a0}{list}\u{a0}» n’a pas de champ `{field}`\u{a0}: choisissez l’un de ses champs";
    NO_COLUMN_MATCHES = "no column matches a field of {list}: check that the first row holds the headers and that the file is a list of {list}" | "aucune colonne ne correspond à un champ de la liste «\u{a0}{list}\u{a0}»\u{a0}: vérifiez que la première ligne contient les en-têtes et que le fichier est bien une liste «\u{a0}{list}\u{a0}»";
    NO_ID_NOR_NAME = "{list} need a column of ids or of names (“Id” or “Name”), to tell new records from existing ones" | "la liste «\u{a0}{list}\u{a0}» demande une colonne d’identifiants ou de noms («\u{a0}Id\u{a0}» ou «\u{a0}Nom\u{a0}»), pour distinguer les nouvelles fiches des fiches existantes";
    READABLE_NAME_OF = "the readable name of `{field}`, which another column gives" | "le nom lisible de `{field}`, que donne une autre colonne";
    ZONE_FOLLOWS_COUNTRY = "the zone, which follows from the country" | "la zone, qui découle du pays";

    // The import as the command line prints it.
    REPORT_SOURCE = "{path}: {source}; {rows}" | "{path}\u{a0}: {source}\u{a0}; {rows}";
    ROWS_UNDER_HEADER_ONE = "{count} row under the header" | "{count} ligne sous l’en-tête";
    ROWS_UNDER_HEADER_OTHER = "{count} rows under the header" | "{count} lignes sous l’en-tête";
    REPORT_COLUMNS = "Columns:" | "Colonnes\u{a0}:";
    REPORT_DATES = "{field}, dates {format}" | "{field}, dates au format {format}";
    REPORT_NUMBERS = "{field}, numbers with {format}" | "{field}, nombres avec {format}";
    REPORT_COMPANY_COUNTRY = "the country of new companies (used only when one is created)" | "le pays des nouvelles entreprises (utilisé seulement si l’une d’elles est créée)";
    NO_FIELD_HAS_HEADER = "not imported: no field of {list} has this header" | "non importée\u{a0}: aucun champ de la liste «\u{a0}{list}\u{a0}» n’a cet en-tête";
    REPORT_ROWS = "Rows:" | "Lignes\u{a0}:";
    ROW_ERROR = "error: {reason}" | "erreur\u{a0}: {reason}";
    ROW_ERROR_CREATE = "error: {reason} (--create-companies)" | "erreur\u{a0}: {reason} (--create-companies)";
    ROW_ADD = "add {noun} {id}" | "{noun} {id} à ajouter";
    ROW_UPDATE = "update {noun} {id}: {changed}" | "{noun} {id} à modifier\u{a0}: {changed}";
    ROW_UNCHANGED_RECORD = "unchanged {noun} {id}" | "{noun} {id} sans changement";
    REPORT_ROW = "  row {row}: {line}" | "  ligne {row}\u{a0}: {line}";
    REPORT_NOTE = "    note: {note}" | "    remarque\u{a0}: {note}";
    NEW_COMPANIES_CREATED = "New companies, created first:" | "Nouvelles entreprises, créées d’abord\u{a0}:";
    NEW_COMPANIES_NOT_CREATED = "New companies named in the file (created only with --create-companies):" | "Nouvelles entreprises nommées dans le fichier (créées seulement avec --create-companies)\u{a0}:";
    /// `{country}` is empty or " (FR)".
    NEW_COMPANY_ON_ROW = "  {id} “{name}”{country}, on row {rows}" | "  {id} «\u{a0}{name}\u{a0}»{country}, à la ligne {rows}";
    NEW_COMPANY_ON_ROWS = "  {id} “{name}”{country}, on rows {rows}" | "  {id} «\u{a0}{name}\u{a0}»{country}, aux lignes {rows}";
    SUMMARY_COUNTS = "{added} to add, {updated} to update, {unchanged} unchanged, {errors} in error" | "{added} à ajouter, {updated} à modifier, {unchanged} sans changement, {errors} en erreur";
    SUMMARY_COMPANIES_ONE = ", {count} new company to create" | ", {count} nouvelle entreprise à créer";
    SUMMARY_COMPANIES_OTHER = ", {count} new companies to create" | ", {count} nouvelles entreprises à créer";
    SUMMARY = "Summary: {summary}" | "Bilan\u{a0}: {summary}";

    // The import window.
    /// `{file}` is the spreadsheet's name; the list follows.
    IMPORT_INTO_FILE = "Import {file} into" | "Importer {file} dans";
    /// The name of the list's choice, for screen readers.
    IMPORT_INTO = "Import into" | "Importer dans";
    /// How the file was read, then [`ROWS_UNDER_HEADER_ONE`].
    SOURCE_AND_ROWS = "{source}; {rows}" | "{source}\u{a0}; {rows}";
    COLUMNS = "Columns" | "Colonnes";
    COLUMNS_HINT = "Each column of the file and the field it fills; change one if it was matched wrongly." | "Chaque colonne du fichier et le champ qu’elle remplit\u{a0}; changez-le s’il a été mal reconnu.";
    PREVIEW = "Preview: the first {count} rows" | "Aperçu\u{a0}: les {count} premières lignes";
    ROW = "Row" | "Ligne";
    COLUMN = "Column" | "Colonne";
    FIELD = "Field" | "Champ";
    FORMAT = "Format" | "Format";
    EXAMPLES = "Examples" | "Exemples";
    /// A column's choice: no field.
    NOT_IMPORTED_CHOICE = "(not imported)" | "(non importée)";
    /// For screen readers: `{label}` is the column.
    FIELD_OF = "Field of {label}" | "Champ de {label}";
    FORMAT_DATES = "dates {format}" | "dates au format {format}";
    FORMAT_NUMBERS = "numbers with {format}" | "nombres avec {format}";
    COMPANY_COUNTRY = "country of new companies" | "pays des nouvelles entreprises";
    DRY_RUN = "What the import would do" | "Ce que ferait l’importation";
    DRY_RUN_COUNTS = "{added} to add · {updated} to update · {unchanged} unchanged · {errors} in error (skipped)" | "{added} à ajouter · {updated} à modifier · {unchanged} sans changement · {errors} en erreur (ignorées)";
    CREATE_COMPANIES_ONE = "Create the {count} company named but not in the file: {names}" | "Créer {count} entreprise nommée mais absente du fichier\u{a0}: {names}";
    CREATE_COMPANIES_OTHER = "Create the {count} companies named but not in the file: {names}" | "Créer les {count} entreprises nommées mais absentes du fichier\u{a0}: {names}";
    ROW_SKIPPED = "skipped: {reason}" | "ignorée\u{a0}: {reason}";
    ROW_UNCHANGED = "unchanged" | "sans changement";
    ROW_LINE = "Row {row}: {text}" | "Ligne {row}\u{a0}: {text}";
    IMPORT_BUTTON = "Import: add {added}, update {updated}" | "Importer\u{a0}: ajouter {added}, modifier {updated}";
    NOTHING_TO_IMPORT = "Nothing to import: every row is unchanged or in error" | "Rien à importer\u{a0}: chaque ligne est sans changement ou en erreur";
    /// The import in the Edit menu's history.
    IMPORT_LABEL = "Import {file}: {added} added, {updated} updated" | "Importation de {file} (ajouts\u{a0}: {added}, modifications\u{a0}: {updated})";
    CANCEL = "Cancel" | "Annuler";

    // The merge window.
    MERGE_HEADING = "Merge {name}" | "Fusionner {name}";
    /// The merge in the Edit menu's history.
    MERGE_LABEL = "Merge {name}" | "Fusion de {name}";
    MERGE_INTRO = "Records of {path} that are not in your file are added; where the same record differs, choose which version to keep. Nothing changes until you merge, and the merge can be undone." | "Les fiches de {path} absentes de votre fichier sont ajoutées\u{a0}; là où une même fiche diffère, choisissez la version à garder. Rien ne change avant la fusion, et la fusion peut être annulée.";
    MERGE_NOTHING = "The other file has nothing that yours does not already have." | "L’autre fichier ne contient rien que le vôtre n’ait déjà.";
    CLOSE = "Close" | "Fermer";
    /// `{records}` is [`RECORDS_ONE`], `{fields}` [`FIELDS_ONE`].
    MERGE_BUTTON = "Merge: add {records}, take theirs for {fields}" | "Fusionner\u{a0}: ajouter {records}, prendre leur version pour {fields}";
    RECORDS_ONE = "{count} record" | "{count} fiche";
    RECORDS_OTHER = "{count} records" | "{count} fiches";
    FIELDS_ONE = "{count} field" | "{count} champ";
    FIELDS_OTHER = "{count} fields" | "{count} champs";
    NOTHING_TO_MERGE = "Nothing to merge: no new record is chosen and every conflict keeps yours" | "Rien à fusionner\u{a0}: aucune nouvelle fiche n’est choisie et chaque conflit garde votre version";
    LIST = "List" | "Liste";
    NEW = "New" | "Nouvelles";
    IDENTICAL = "Identical" | "Identiques";
    CONFLICTING = "Conflicting" | "En conflit";
    TITLE = "Title" | "Titre";
    /// No title.
    NONE = "(none)" | "(aucun)";
    MINE_VALUE = "Mine: {value}" | "Ma version\u{a0}: {value}";
    THEIRS_VALUE = "Theirs: {value}" | "Leur version\u{a0}: {value}";
    CONFLICTS_ONE = "Conflicts: {count} record differs" | "Conflits\u{a0}: {count} fiche diffère";
    CONFLICTS_OTHER = "Conflicts: {count} records differ" | "Conflits\u{a0}: {count} fiches diffèrent";
    /// An empty value.
    EMPTY = "(empty)" | "(vide)";
    FIELDS_DIFFER_ONE = "{count} field differs" | "{count} champ diffère";
    FIELDS_DIFFER_OTHER = "{count} fields differ" | "{count} champs diffèrent";
    KEEP_MINE = "Keep mine" | "Garder ma version";
    TAKE_THEIRS = "Take theirs" | "Prendre leur version";
    MINE = "Mine" | "Ma version";
    THEIRS = "Theirs" | "Leur version";
    KEEP_YOUR_FIELD = "Keep your {field}" | "Garder votre valeur de «\u{a0}{field}\u{a0}»";
    TAKE_THEIR_FIELD = "Take their {field}" | "Prendre leur valeur de «\u{a0}{field}\u{a0}»";
    NEW_RECORDS = "New records: {count}" | "Nouvelles fiches\u{a0}: {count}";
    NEW_IN_LIST_ONE = "{list}: {count} new" | "{list}\u{a0}: {count} nouvelle fiche";
    NEW_IN_LIST_OTHER = "{list}: {count} new" | "{list}\u{a0}: {count} nouvelles fiches";
    ADD_ALL = "Add all" | "Tout ajouter";
    ADD_NONE = "Add none" | "N’en ajouter aucune";

    // A merge as the command line and git print it.
    /// `{path}` is `meetings[m-0001].stage`.
    AT_PATH = "{path}: {what}" | "{path}\u{a0}: {what}";
    CHANGED_ON_BOTH = "changed on both sides: base {base}, ours {ours}, theirs {theirs}; ours kept" | "modifié des deux côtés\u{a0}: ancêtre {base}, notre version {ours}, leur version {theirs}\u{a0}; notre version est gardée";
    ADDED_ON_BOTH = "added on both sides with different values: ours {ours}, theirs {theirs}; ours kept" | "ajouté des deux côtés avec des valeurs différentes\u{a0}: notre version {ours}, leur version {theirs}\u{a0}; notre version est gardée";
    DELETED_IN_OURS = "deleted in ours, changed in theirs: base {base}, theirs {theirs}; their record kept" | "supprimé chez nous, modifié chez eux\u{a0}: ancêtre {base}, leur version {theirs}\u{a0}; leur fiche est gardée";
    DELETED_IN_THEIRS = "deleted in theirs, changed in ours: base {base}, ours {ours}; our record kept" | "supprimé chez eux, modifié chez nous\u{a0}: ancêtre {base}, notre version {ours}\u{a0}; notre fiche est gardée";
    NOT_COMBINED = "their change cannot go into our version of the record: base {base}, ours {ours}, theirs {theirs}; ours kept" | "leur modification ne peut pas entrer dans notre version de la fiche\u{a0}: ancêtre {base}, notre version {ours}, leur version {theirs}\u{a0}; notre version est gardée";
    COMPARED_LIST = "{list}: {new} new, {identical} identical, {conflicting} conflicting" | "{list}\u{a0}: nouvelles {new}, identiques {identical}, en conflit {conflicting}";
    COMPARED_TITLE = "title: mine {mine}, theirs {theirs}" | "titre\u{a0}: ma version {mine}, leur version {theirs}";
    COMPARED_FIELD = "{path}: mine {mine}, theirs {theirs}" | "{path}\u{a0}: ma version {mine}, leur version {theirs}";
    /// A value one side does not have.
    ABSENT = "(absent)" | "(aucune valeur)";

    // Exports.
    /// A reference to a record that is not in the file.
    MISSING_REFERENCE = "{id} (missing)" | "{id} (introuvable)";
    TOO_MANY_ROWS = "{count} {list} to export: more than the {max} rows an Excel sheet can hold; export them as CSV instead, or filter them first" | "{count} fiches de la liste «\u{a0}{list}\u{a0}» à exporter\u{a0}: plus que les {max} lignes qu’une feuille Excel peut contenir\u{a0}; exportez-les plutôt en CSV, ou filtrez-les d’abord";
    /// `{path}` is `meetings[m-0001].notes`.
    CELL_TOO_LONG = "{path} has {chars} characters, more than the {max} an Excel cell can hold; export this list as CSV instead, or shorten that text" | "{path} compte {chars} caractères, plus que les {max} qu’une cellule Excel peut contenir\u{a0}; exportez plutôt cette liste en CSV, ou raccourcissez ce texte";
    XLSX_FAILED = "cannot build the Excel workbook ({step}): {error}" | "impossible de construire le classeur Excel ({step})\u{a0}: {error}";
    /// `{what}` is one of the `STEP_` messages.
    STEP_OF_SHEET = "{what} of the sheet {sheet}" | "{what} de la feuille {sheet}";
    STEP_NAMING = "naming" | "nommage";
    STEP_HEADER = "the header" | "en-tête";
    STEP_SIZING = "sizing the columns" | "largeur des colonnes";
    STEP_FREEZING = "freezing the header" | "figement de l’en-tête";
    STEP_FILTER = "adding the filter" | "ajout du filtre";
    STEP_WRITING = "writing {path}" | "écriture de {path}";
    STEP_WRITING_SHEET = "writing the sheet {sheet}" | "écriture de la feuille {sheet}";
    STEP_SAVING = "saving the workbook" | "enregistrement du classeur";
    // The About sheet of a whole-file workbook.
    ABOUT_TITLE = "Title" | "Titre";
    ABOUT_EXPORTED = "Exported" | "Exporté le";
    ABOUT_FORMAT = "Format" | "Format";
    ABOUT_SHEET = "Sheet" | "Feuille";
    ABOUT_RECORDS = "Records" | "Fiches";
}
