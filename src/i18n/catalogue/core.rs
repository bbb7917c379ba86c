//! Messages of the core: errors reading and writing files, validation problems, locks, recovery, deletion.
//!
//! Errors are worded when they are shown (their `Display`), so in the
//! language of the thread that shows them; validation problems and the
//! reasons kept as text in an error are worded when they are found.

crate::messages! {
    // Opening and saving a data file (storage::FileError).

    FILE_CANNOT_READ = "cannot read {path}: {error}" | "impossible de lire {path}\u{a0}: {error}";
    FILE_IS_FOLDER = "{path} is a folder, not a data file"
        | "{path} est un dossier, pas un fichier de données";
    FILE_TOO_LARGE = "{path} is {size} bytes, more than the {limit} bytes a data file may have; it was not opened"
        | "{path} fait {size}\u{a0}octets, plus que les {limit}\u{a0}octets permis pour un fichier de données\u{a0}; il n'a pas été ouvert";
    FILE_CANCELLED = "opening {path} was cancelled" | "l'ouverture de {path} a été annulée";
    /// `{step}` is one of the `STEP_` messages.
    FILE_NOT_SAVED = "could not save {path} ({step}): {error}; the file on disk was left as it was"
        | "impossible d'enregistrer {path} ({step})\u{a0}: {error}\u{a0}; le fichier sur le disque est resté tel quel";
    /// `{what}` is one of the `SPECIAL_` messages.
    FILE_NOT_REGULAR = "{path} is {what}, not an ordinary file; nothing was read from it or written to it: choose a file"
        | "{path} est {what}, pas un fichier ordinaire\u{a0}; rien n'y a été lu ni écrit\u{a0}: choisissez un fichier";
    FILE_READ_ONLY = "{path} is marked read-only, so it was not changed: save under another name (Save As), or make the file writable first"
        | "{path} est en lecture seule, il n'a donc pas été modifié\u{a0}: enregistrez sous un autre nom (Enregistrer sous), ou rendez d'abord le fichier modifiable";
    /// Why a file opens read-only, before anything was tried (the window's banner).
    FILE_MARKED_READ_ONLY = "{path} is marked read-only in its permissions: save a copy under another name (Save As), or make the file writable and open it again"
        | "{path} est en lecture seule d'après ses permissions\u{a0}: enregistrez-en une copie sous un autre nom (Enregistrer sous), ou rendez le fichier modifiable et rouvrez-le";
    FILE_CHANGED_MEANWHILE = "{path} was changed by another program since it was read, so it was not overwritten (nothing was written): look at the new version, then do the change again"
        | "{path} a été modifié par un autre programme depuis sa lecture, il n'a donc pas été écrasé (rien n'a été écrit)\u{a0}: regardez la nouvelle version, puis refaites la modification";
    FILE_TOO_LARGE_TO_SAVE = "{path} would be {size} bytes, more than the {limit} bytes a data file may have: it could not be opened again, so nothing was written; remove records or split the file"
        | "{path} ferait {size}\u{a0}octets, plus que les {limit}\u{a0}octets permis pour un fichier de données\u{a0}: il ne pourrait plus être ouvert, donc rien n'a été écrit\u{a0}; supprimez des fiches ou partagez le fichier";
    SPECIAL_FIFO = "a named pipe (FIFO)" | "un tube nommé (FIFO)";
    SPECIAL_DEVICE = "a device" | "un périphérique";
    SPECIAL_SOCKET = "a socket" | "une socket";
    SPECIAL_OTHER = "a special file" | "un fichier spécial";
    HINT_LINK_LOOP = "too many levels of symbolic links" | "trop de niveaux de liens symboliques";
    /// Added after the system's own message when a file cannot be used.
    HINT_NOT_FOUND = "; check the path, the file may have been moved or deleted"
        | "\u{a0}; vérifiez le chemin, le fichier a peut-être été déplacé ou supprimé";
    HINT_NO_RIGHT = "; you may not have the right to use this file or folder: choose another folder, or ask for access"
        | "\u{a0}; vous n'avez peut-être pas le droit d'utiliser ce fichier ou ce dossier\u{a0}: choisissez un autre dossier, ou demandez l'accès";
    HINT_DISK_FULL = "; the disk is full: free some space, or save elsewhere"
        | "\u{a0}; le disque est plein\u{a0}: libérez de la place, ou enregistrez ailleurs";
    HINT_READ_ONLY = "; the disk is read-only: save elsewhere"
        | "\u{a0}; le disque est en lecture seule\u{a0}: enregistrez ailleurs";
    HINT_NOT_A_FOLDER = "; a part of the path is a file, not a folder"
        | "\u{a0}; une partie du chemin est un fichier, pas un dossier";

    // What a save was doing when it failed, inside FILE_NOT_SAVED and RECOVERY_WRITE.

    STEP_LOOKING = "looking at the file" | "examen du fichier";
    STEP_TEMPORARY = "creating a temporary file beside it" | "création d'un fichier temporaire à côté";
    STEP_WRITING = "writing" | "écriture";
    STEP_READING_PREVIOUS = "reading the previous version" | "lecture de la version précédente";
    STEP_KEEPING_PREVIOUS = "keeping the previous version" | "conservation de la version précédente";
    STEP_REPLACING = "replacing the file" | "remplacement du fichier";
    STEP_RECOVERY_FOLDER = "creating the recovery folder" | "création du dossier de récupération";
    STEP_HEADER = "preparing the header" | "préparation de l'en-tête";
    STEP_CREATING_FILE = "creating the file" | "création du fichier";
    STEP_FINISHING = "finishing the file" | "finalisation du fichier";

    // A data file's content (format::ReadError).

    READ_EMPTY = "the file is empty; a data file starts with `(` and `format: 1`"
        | "le fichier est vide\u{a0}; un fichier de données commence par `(` et `format: 1`";
    READ_NOT_UTF8 = "the file is not UTF-8 text (invalid byte at line {line}, column {col}); if it is a data file saved in another encoding, save it again as UTF-8"
        | "le fichier n'est pas du texte UTF-8 (octet invalide ligne {line}, colonne {col})\u{a0}; si c'est un fichier de données enregistré dans un autre encodage, enregistrez-le de nouveau en UTF-8";
    READ_BINARY = "the file contains NUL bytes (line {line}, column {col}): it is a binary file, not a RON data file"
        | "le fichier contient des octets NUL (ligne {line}, colonne {col})\u{a0}: c'est un fichier binaire, pas un fichier de données RON";
    READ_NEWER_FORMAT = "this file uses format {found}, but this version of Liaison Desk reads format {supported} at most; open it with a newer version (the file was left untouched)"
        | "ce fichier utilise le format {found}, mais cette version de Liaison Desk lit au plus le format {supported}\u{a0}; ouvrez-le avec une version plus récente (le fichier n'a pas été modifié)";
    READ_UNKNOWN_FORMAT = "`format: {found}` is not a known format version; the current one is {supported}"
        | "`format: {found}` n'est pas une version de format connue\u{a0}; la version actuelle est {supported}";
    /// Added after the parser's own (English) message when the file starts with `{` or `[`.
    READ_LOOKS_LIKE_JSON = " (this looks like JSON or another format: a Liaison Desk file is RON, starting with `(` and `format: 1`; see docs/FORMAT.md)"
        | " (cela ressemble à du JSON ou à un autre format\u{a0}: un fichier Liaison Desk est en RON et commence par `(` et `format: 1`\u{a0}; voir docs/FORMAT.md)";
    // Numbers of a data file (format::lexical): plain decimal digits only.
    READ_NUMBER_RADIX = "{found} is written in another base than decimal: a data file writes numbers in plain digits, here {plain}"
        | "{found} est écrit dans une autre base que le décimal\u{a0}: un fichier de données écrit les nombres en chiffres simples, ici {plain}";
    READ_NUMBER_SIGN = "{found} has a + sign: a data file writes numbers without it, here {plain}"
        | "{found} porte un signe +\u{a0}: un fichier de données écrit les nombres sans lui, ici {plain}";
    READ_NUMBER_SEPARATOR = "{found} has separators: a data file writes numbers with digits only, here {plain}"
        | "{found} contient des séparateurs\u{a0}: un fichier de données écrit les nombres avec des chiffres seulement, ici {plain}";
    READ_NUMBER_NOT_WHOLE = "{found} is not a whole number in plain digits: a data file writes its numbers that way (`format: 1`, amounts in whole euros such as `250000`)"
        | "{found} n'est pas un nombre entier en chiffres simples\u{a0}: un fichier de données écrit ainsi ses nombres (`format: 1`, montants en euros entiers comme `250000`)";

    // Validation problems (validate::Problem), shown in the problems panel.
    // `{id}`, `{code}`, `{text}` are filled quoted, as in the file: "m-0001".

    NO_ID_ZONE = "the zone has no id" | "la zone n'a pas d'identifiant";
    NO_ID_INSTITUTE = "the institute has no id" | "l'institut n'a pas d'identifiant";
    NO_ID_AFFILIATE = "the affiliate has no id" | "l'antenne n'a pas d'identifiant";
    NO_ID_COMPANY = "the company has no id" | "l'entreprise n'a pas d'identifiant";
    NO_ID_MEETING = "the meeting has no id" | "la réunion n'a pas d'identifiant";
    NO_ID_NOTE = "the note has no id" | "la note pays n'a pas d'identifiant";
    NO_ID_CONTRACT = "the contract has no id" | "le contrat n'a pas d'identifiant";
    /// `{number}`: the position, from 1, of the first record with that id.
    DUPLICATE_ID = "duplicate id {id}: record {number} of the list has it too"
        | "identifiant {id} en double\u{a0}: l'enregistrement {number} de la liste a le même";
    ID_LOOKS_LIKE = "id {id} differs from the id of record {number} of the list only by capitals, spaces around it or the way an accent is encoded: a reference meant for one may reach the other; make them the same id, or clearly different"
        | "l'identifiant {id} ne diffère de celui de l'enregistrement {number} de la liste que par des majuscules, des espaces autour ou la façon dont un accent est codé\u{a0}: une référence destinée à l'un peut atteindre l'autre\u{a0}; faites-en le même identifiant, ou deux bien distincts";
    NAME_EMPTY = "the name is empty" | "le nom est vide";
    UNKNOWN_COMPANY = "unknown company {id}" | "entreprise inconnue {id}";
    UNKNOWN_AFFILIATE = "unknown affiliate {id}" | "antenne inconnue {id}";
    UNKNOWN_MEETING = "unknown meeting {id}" | "réunion inconnue {id}";
    UNKNOWN_INSTITUTE = "unknown institute {id}" | "institut inconnu {id}";
    UNKNOWN_ZONE = "unknown zone {id}" | "zone inconnue {id}";
    /// Both dates as the file writes them, YYYY-MM-DD.
    FOLLOW_UP_BEFORE_MEETING = "the follow-up ({follow_up}) is before the meeting ({day})"
        | "la relance ({follow_up}) est antérieure à la réunion ({day})";
    NO_CONTRACT_KIND = "no kind: counted neither as Bilateral nor as European"
        | "pas de type\u{a0}: compté ni comme bilatéral ni comme européen";
    BILATERAL_NEEDS_COMPANY = "a Bilateral contract needs the company that finances it"
        | "un contrat bilatéral doit indiquer l'entreprise qui le finance";
    EUROPEAN_NEEDS_COUNTRY = "a European contract needs the country of its coordinator or main partner"
        | "un contrat européen doit indiquer le pays de son coordinateur ou de son partenaire principal";
    /// `{zone}`: the name of the zone of countries without one.
    NO_COUNTRY = "no country: the record counts in zone {zone}"
        | "pas de pays\u{a0}: l'enregistrement compte dans la zone {zone}";
    /// `{country}`: COUNTRY_NAMED or COUNTRY_CODE.
    COUNTRY_NOT_LISTED = "{country} is not in `countries`: its records count in zone {zone} (assign it a zone)"
        | "{country} absent de `countries`\u{a0}: ses enregistrements comptent dans la zone {zone} (attribuez-lui une zone)";
    /// `{country}`: COUNTRY_NAMED or COUNTRY_CODE.
    NO_ZONE = "no zone: records in {country} count in zone {zone}"
        | "pas de zone\u{a0}: les enregistrements du {country} comptent dans la zone {zone}";
    /// A country inside a problem, without article in French: `pays "BR" (Brésil)`.
    COUNTRY_NAMED = "country {code} ({name})" | "pays {code} ({name})";
    /// A country whose name is not known, without article in French.
    COUNTRY_CODE = "country {code}" | "pays {code}";
    INVALID_DATE = "{text} is not a real date in the form YYYY-MM-DD"
        | "{text} n'est pas une date réelle au format AAAA-MM-JJ";
    COUNTRY_LISTED_TWICE = "country {code} is listed twice" | "le pays {code} figure deux fois dans la liste";
    /// `{upper}`: the code in capitals, quoted.
    NOT_ISO_CAPITALS = "{code} is not an ISO 3166-1 alpha-2 code: write it in capitals, {upper}"
        | "{code} n'est pas un code ISO 3166-1 alpha-2\u{a0}: écrivez-le en majuscules, {upper}";
    NOT_ISO_UK = "{code} is not an ISO 3166-1 alpha-2 code: the United Kingdom is \"GB\""
        | "{code} n'est pas un code ISO 3166-1 alpha-2\u{a0}: le code du Royaume-Uni est \"GB\"";
    NOT_ISO = "{code} is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. \"JP\")"
        | "{code} n'est pas un code de pays ISO 3166-1 alpha-2 (deux lettres majuscules, par exemple \"JP\")";

    // Lock files (lock::LockError, lock::LockInfo::holder).

    HOLDER_YOU_PROCESS = "you, in another window (process {pid})"
        | "vous, dans une autre fenêtre (processus {pid})";
    HOLDER_YOU = "you, in another window" | "vous, dans une autre fenêtre";
    HOLDER_USER_ON = "{user} on {machine}" | "{user} sur {machine}";
    HOLDER_SOMEONE_ON = "someone on {machine}" | "quelqu'un sur {machine}";
    HOLDER_SOMEONE = "someone" | "quelqu'un";
    /// How a lock's time is written after "since" (a chrono format, not words).
    LOCK_SINCE_FORMAT = "%Y-%m-%d %H:%M" | "le %d/%m/%Y à %H:%M";
    /// After "since", when the lock does not say when it was taken.
    LOCK_UNKNOWN_TIME = "an unknown time" | "une date inconnue";
    LOCK_HELD_STALE = "{file} is marked as open by {holder} since {since}, but that lock looks abandoned (its program is no longer running, or it has not been renewed for {hours} hours): take it over if you are sure nobody is editing the file, or open it read-only"
        | "{file} est marqué comme ouvert par {holder} depuis {since}, mais ce verrou semble abandonné (son programme ne tourne plus, ou il n'a pas été renouvelé depuis {hours}\u{a0}heures)\u{a0}: reprenez-le si vous êtes sûr que personne ne modifie le fichier, ou ouvrez-le en lecture seule";
    LOCK_HELD = "{file} is open by {holder} since {since}: open it read-only, or wait until they close it, so that neither of you overwrites the other's changes"
        | "{file} est ouvert par {holder} depuis {since}\u{a0}: ouvrez-le en lecture seule, ou attendez qu'il soit fermé, pour que personne n'écrase les modifications de l'autre";
    /// `{error}`: the system's error and LOCK_ERROR_ADVICE.
    LOCK_CANNOT_CREATE = "could not create the lock file {path}: {error}"
        | "impossible de créer le fichier de verrou {path}\u{a0}: {error}";
    LOCK_CANNOT_WRITE = "could not write the lock file {path}: {error}"
        | "impossible d'écrire le fichier de verrou {path}\u{a0}: {error}";
    LOCK_CANNOT_READ = "could not read the lock file {path}: {error}"
        | "impossible de lire le fichier de verrou {path}\u{a0}: {error}";
    LOCK_CANNOT_REPLACE = "could not replace the lock file {path}: {error}"
        | "impossible de remplacer le fichier de verrou {path}\u{a0}: {error}";
    LOCK_CANNOT_REMOVE = "could not remove the lock file {path}: {error}"
        | "impossible de supprimer le fichier de verrou {path}\u{a0}: {error}";
    LOCK_CANNOT_USE = "could not use the lock file {path}: {error}"
        | "impossible d'utiliser le fichier de verrou {path}\u{a0}: {error}";
    /// The system's error, then what to do about it.
    LOCK_ERROR_ADVICE = "{error}; {advice}" | "{error}\u{a0}; {advice}";
    LOCK_ADVICE_NO_WRITE = "you cannot write in that folder: the file can be opened read-only, or copied to a folder where you can write"
        | "vous ne pouvez pas écrire dans ce dossier\u{a0}: le fichier peut être ouvert en lecture seule, ou copié dans un dossier où vous pouvez écrire";
    LOCK_ADVICE_FOLDER = "check that the folder still exists" | "vérifiez que le dossier existe toujours";
    LOCK_ADVICE_DISK_FULL = "the disk is full: free some space, or open the file read-only"
        | "le disque est plein\u{a0}: libérez de la place, ou ouvrez le fichier en lecture seule";
    LOCK_ADVICE_READ_ONLY = "the file can still be opened read-only"
        | "le fichier peut quand même être ouvert en lecture seule";
    LOCK_FLICKERS = "the lock file kept appearing and disappearing"
        | "le fichier de verrou ne cessait d'apparaître et de disparaître";

    // Changes made on disk by someone else (disk).

    DISK_IS_FOLDER = "this is a folder, not a data file" | "c'est un dossier, pas un fichier de données";
    DISK_NOW_FOLDER = "{path} is now a folder, not a data file; it was probably replaced by someone else: save your work elsewhere with Save As"
        | "{path} est maintenant un dossier, pas un fichier de données\u{a0}; il a sans doute été remplacé par quelqu'un d'autre\u{a0}: enregistrez votre travail ailleurs avec Enregistrer sous";
    DISK_CANNOT_CHECK = "could not read {path} to see whether someone else changed it: {error}; check that its folder is still reachable (a network share may be offline), it will be looked at again"
        | "impossible de lire {path} pour savoir si quelqu'un d'autre l'a modifié\u{a0}: {error}\u{a0}; vérifiez que son dossier est toujours accessible (un partage réseau est peut-être hors ligne), il sera examiné de nouveau";
    WATCH_CANNOT_START = "could not start watching {path} for changes made by others: {error}; the file is open, but a change on disk will only be noticed when saving"
        | "impossible de surveiller {path} pour voir les modifications faites par d'autres\u{a0}: {error}\u{a0}; le fichier est ouvert, mais une modification sur le disque ne sera remarquée qu'à l'enregistrement";

    // The steps of opening and saving, in the progress window (progress::Step).

    PROGRESS_STARTING = "Starting" | "Démarrage";
    PROGRESS_READING = "Reading the file" | "Lecture du fichier";
    PROGRESS_PARSING = "Reading the records" | "Lecture des enregistrements";
    PROGRESS_CHECKING = "Checking the data" | "Vérification des données";
    PROGRESS_COMPARING = "Checking the file on disk" | "Vérification du fichier sur le disque";
    PROGRESS_SERIALISING = "Writing the records" | "Écriture des enregistrements";
    PROGRESS_WRITING = "Saving to disk" | "Enregistrement sur le disque";

    // Recovery copies of unsaved work (recovery::RecoveryError).

    /// `{step}` is one of the `STEP_` messages.
    RECOVERY_WRITE = "could not keep a recovery copy of your unsaved changes in {file} ({step}): {error}; until it works they are only in memory: save your work"
        | "impossible de garder une copie de récupération de vos modifications non enregistrées dans {file} ({step})\u{a0}: {error}\u{a0}; tant que cela ne fonctionne pas, elles ne sont qu'en mémoire\u{a0}: enregistrez votre travail";
    RECOVERY_LIST = "could not look for recovery copies in {folder}: {error}; unsaved work from an earlier session cannot be offered until that folder can be read"
        | "impossible de chercher des copies de récupération dans {folder}\u{a0}: {error}\u{a0}; le travail non enregistré d'une session précédente ne pourra pas être proposé tant que ce dossier ne pourra pas être lu";
    RECOVERY_READ = "could not read the recovery copy {file}: {error}"
        | "impossible de lire la copie de récupération {file}\u{a0}: {error}";
    /// `{reason}`: one of the `DAMAGED_` messages.
    RECOVERY_DAMAGED = "{file} is not a usable recovery copy: {reason}; it was left as it is: open it in a text editor to rescue what it holds, or discard it"
        | "{file} n'est pas une copie de récupération utilisable\u{a0}: {reason}\u{a0}; le fichier a été laissé tel quel\u{a0}: ouvrez-le dans un éditeur de texte pour récupérer ce qu'il contient, ou supprimez-le";
    RECOVERY_NEWER = "the recovery copy {file} was written by a newer version of Liaison Desk (recovery format {version}); it was left as it is: open it with that version"
        | "la copie de récupération {file} a été écrite par une version plus récente de Liaison Desk (format de récupération {version})\u{a0}; elle a été laissée telle quelle\u{a0}: ouvrez-la avec cette version";
    RECOVERY_TOO_LARGE = "the recovery copy {file} is {size} bytes, more than the {limit} bytes a data file may have; it was not opened: open it in a text editor, or discard it"
        | "la copie de récupération {file} fait {size}\u{a0}octets, plus que les {limit}\u{a0}octets permis pour un fichier de données\u{a0}; elle n'a pas été ouverte\u{a0}: ouvrez-la dans un éditeur de texte, ou supprimez-la";
    /// `{place}`: the copy, and the line and column when known (`copy.ron:12:3`).
    RECOVERY_DATA = "{place}: the data in this recovery copy cannot be read: {error}; it was left as it is: open it in a text editor to rescue what it holds, or discard it"
        | "{place}\u{a0}: les données de cette copie de récupération ne peuvent pas être lues\u{a0}: {error}\u{a0}; elle a été laissée telle quelle\u{a0}: ouvrez-la dans un éditeur de texte pour récupérer ce qu'elle contient, ou supprimez-la";
    RECOVERY_REMOVE = "could not remove the recovery copy {file}: {error}; it will be offered again at the next start: remove it by hand"
        | "impossible de supprimer la copie de récupération {file}\u{a0}: {error}\u{a0}; elle sera de nouveau proposée au prochain démarrage\u{a0}: supprimez-la à la main";
    RECOVERY_TIMED_OUT = "the recovery copy in {folder} was not written within {seconds} seconds (the disk may be slow or not responding); save your work before closing"
        | "la copie de récupération dans {folder} n'a pas été écrite en {seconds}\u{a0}secondes (le disque est peut-être lent ou ne répond pas)\u{a0}; enregistrez votre travail avant de fermer";
    RECOVERY_START = "could not start writing recovery copies: {error}; in this session unsaved changes are kept only when the app closes: save often"
        | "impossible de commencer à écrire des copies de récupération\u{a0}: {error}\u{a0}; pendant cette session, les modifications non enregistrées ne sont gardées qu'à la fermeture de l'application\u{a0}: enregistrez souvent";
    /// Added after the system's own message about a recovery copy or its folder.
    RECOVERY_HINT_NOT_FOUND = "; the file or folder is not there (any more)"
        | "\u{a0}; le fichier ou le dossier n'existe pas (ou plus)";
    RECOVERY_HINT_NO_RIGHT = "; you may not have the right to use this folder: check its permissions"
        | "\u{a0}; vous n'avez peut-être pas le droit d'utiliser ce dossier\u{a0}: vérifiez ses permissions";
    RECOVERY_HINT_DISK_FULL = "; the disk is full: free some space"
        | "\u{a0}; le disque est plein\u{a0}: libérez de la place";
    RECOVERY_HINT_READ_ONLY = "; the disk is read-only" | "\u{a0}; le disque est en lecture seule";
    /// Why a file is not a usable recovery copy (the subject is the file).
    DAMAGED_EMPTY = "it is empty" | "il est vide";
    DAMAGED_NO_DATA = "it holds a header but no data" | "il contient un en-tête mais pas de données";
    DAMAGED_HEADER_TOO_LONG = "its header is far too long" | "son en-tête est beaucoup trop long";
    DAMAGED_HEADER_NOT_UTF8 = "its header is not UTF-8 text" | "son en-tête n'est pas du texte UTF-8";
    DAMAGED_NO_HEADER = "it does not start with the header of a recovery copy"
        | "il ne commence pas par l'en-tête d'une copie de récupération";
    DAMAGED_NO_FORMAT = "its header has no valid `recovery-format`"
        | "son en-tête n'a pas de `recovery-format` valide";
    DAMAGED_NO_WRITTEN = "its header has no valid `written` time"
        | "son en-tête n'a pas d'heure `written` valide";
    DAMAGED_NO_PID = "its header has no valid `pid`" | "son en-tête n'a pas de `pid` valide";
    DAMAGED_NOT_QUOTED = "`{key}` in its header is not a quoted string"
        | "`{key}` dans son en-tête n'est pas une chaîne entre guillemets";
    DAMAGED_BAD_HEX = "`original-hex` in its header is not valid"
        | "`original-hex` dans son en-tête n'est pas valide";
    /// Printed on standard error when the app stops on a bug.
    PANIC_KEPT = "Liaison Desk is stopping on an error; your unsaved changes were kept in {file} and will be offered at the next start."
        | "Liaison Desk s'arrête sur une erreur\u{a0}; vos modifications non enregistrées ont été gardées dans {file} et seront proposées au prochain démarrage.";
    /// Printed on standard error when the app stops on a bug; `{error}` is RECOVERY_WRITE.
    PANIC_NOT_KEPT = "Liaison Desk is stopping on an error, and {error}"
        | "Liaison Desk s'arrête sur une erreur, et {error}";

    // The zones of a new file, written into it in the interface's language.
    ZONE_EUROPE = "Europe" | "Europe";
    ZONE_NORTH_AMERICA = "North America" | "Amérique du Nord";
    ZONE_LATIN_AMERICA = "Latin America & Caribbean" | "Amérique latine et Caraïbes";
    ZONE_ASIA_PACIFIC = "Asia-Pacific" | "Asie-Pacifique";
    ZONE_MIDDLE_EAST = "Middle East" | "Moyen-Orient";
    ZONE_AFRICA = "Africa" | "Afrique";

    /// An edit that names a record that is not there (a bug, reported).
    NO_SUCH_RECORD = "there is no record {index} in {list} (it has {len})" | "il n’y a pas de fiche {index} dans {list} (elle en a {len})";
}
