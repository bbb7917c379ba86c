//! The window around the screens: menus, navigation, status bar, file
//! dialogs, questions before closing, busy and error windows.

crate::messages! {
    /// The View menu's submenu of languages.
    LANGUAGE = "Language" | "Langue";
    /// Hover text of each language of the View menu.
    LANGUAGE_HINT = "The language chosen is kept for the next starts" | "La langue choisie est conservée pour les prochains démarrages";

    // The lists, as the side panel names them.
    TITLE_ZONES = "Zones" | "Zones";
    TITLE_COUNTRIES = "Countries" | "Pays";
    TITLE_INSTITUTES = "Institutes" | "Instituts";
    TITLE_AFFILIATES = "Affiliates" | "Antennes";
    TITLE_COMPANIES = "Companies" | "Entreprises";
    TITLE_MEETINGS = "Meetings" | "Réunions";
    TITLE_COUNTRY_NOTES = "Country notes" | "Notes pays";
    TITLE_CONTRACTS = "Contracts" | "Contrats";

    // One record of a list, and several, after a count ("3 meetings").
    // (Zones are "zone" in both languages: written verbatim.)
    NOUN_COUNTRY = "country" | "pays";
    NOUNS_COUNTRIES = "countries" | "pays";
    NOUN_INSTITUTE = "institute" | "institut";
    NOUNS_INSTITUTES = "institutes" | "instituts";
    NOUN_AFFILIATE = "affiliate" | "antenne";
    NOUNS_AFFILIATES = "affiliates" | "antennes";
    NOUN_COMPANY = "company" | "entreprise";
    NOUNS_COMPANIES = "companies" | "entreprises";
    NOUN_MEETING = "meeting" | "réunion";
    NOUNS_MEETINGS = "meetings" | "réunions";
    NOUN_COUNTRY_NOTE = "country note" | "note pays";
    NOUNS_COUNTRY_NOTES = "country notes" | "notes pays";
    NOUN_CONTRACT = "contract" | "contrat";
    NOUNS_CONTRACTS = "contracts" | "contrats";

    // The button above a list's table that opens a new record's form.
    ADD_ZONE = "Add zone" | "Ajouter une zone";
    ADD_COUNTRY = "Add country" | "Ajouter un pays";
    ADD_INSTITUTE = "Add institute" | "Ajouter un institut";
    ADD_AFFILIATE = "Add affiliate" | "Ajouter une antenne";
    ADD_COMPANY = "Add company" | "Ajouter une entreprise";
    ADD_MEETING = "Add meeting" | "Ajouter une réunion";
    ADD_COUNTRY_NOTE = "Add country note" | "Ajouter une note pays";
    ADD_CONTRACT = "Add contract" | "Ajouter un contrat";

    // The heading of the window that confirms a deletion.
    DELETE_THIS_ZONE = "Delete this zone?" | "Supprimer cette zone\u{a0}?";
    DELETE_THIS_COUNTRY = "Delete this country?" | "Supprimer ce pays\u{a0}?";
    DELETE_THIS_INSTITUTE = "Delete this institute?" | "Supprimer cet institut\u{a0}?";
    DELETE_THIS_AFFILIATE = "Delete this affiliate?" | "Supprimer cette antenne\u{a0}?";
    DELETE_THIS_COMPANY = "Delete this company?" | "Supprimer cette entreprise\u{a0}?";
    DELETE_THIS_MEETING = "Delete this meeting?" | "Supprimer cette réunion\u{a0}?";
    DELETE_THIS_COUNTRY_NOTE = "Delete this country note?" | "Supprimer cette note pays\u{a0}?";
    DELETE_THIS_CONTRACT = "Delete this contract?" | "Supprimer ce contrat\u{a0}?";

    // A deletion as the Edit menu names it for undo ("Undo Delete meeting m-0001").
    DELETE_ZONE = "Delete zone {id}" | "Supprimer la zone {id}";
    DELETE_COUNTRY = "Delete country {id}" | "Supprimer le pays {id}";
    DELETE_INSTITUTE = "Delete institute {id}" | "Supprimer l’institut {id}";
    DELETE_AFFILIATE = "Delete affiliate {id}" | "Supprimer l’antenne {id}";
    DELETE_COMPANY = "Delete company {id}" | "Supprimer l’entreprise {id}";
    DELETE_MEETING = "Delete meeting {id}" | "Supprimer la réunion {id}";
    DELETE_COUNTRY_NOTE = "Delete country note {id}" | "Supprimer la note pays {id}";
    DELETE_CONTRACT = "Delete contract {id}" | "Supprimer le contrat {id}";

    // Starting, and the document's names.
    /// An error: the sample data built into the program does not parse.
    SAMPLE_UNREADABLE = "the bundled sample data cannot be read: {error}" | "les données d’exemple fournies avec l’application sont illisibles\u{a0}: {error}";
    NO_DATA_FOLDER = "No data folder was found: unsaved work cannot be kept in case of a crash" | "Aucun dossier de données n’a été trouvé\u{a0}: le travail non enregistré ne pourra pas être conservé en cas de plantage";
    RECOVERY_UNREADABLE = "A recovery copy could not be read: {errors}" | "Une copie de récupération n’a pas pu être lue\u{a0}: {errors}";
    RECOVERY_NOT_WRITTEN = "The recovery copy could not be written: {error}" | "La copie de récupération n’a pas pu être écrite\u{a0}: {error}";
    /// The name of a document restored from a recovery copy of an untitled file.
    RECOVERED_WORK = "Recovered work" | "Travail récupéré";
    /// Why a file is read-only: `{holder}` is "alice on boston-laptop".
    HAS_IT_OPEN = "{holder} has it open" | "{holder} l’a ouvert";
    /// A moment, as the recovery and lock windows give it.
    DATE_AT_TIME = "{date} at {time}" | "{date} à {time}";
    RESTORED = "Restored the work of {written} — save it to keep it" | "Travail du {written} restauré — enregistrez-le pour le conserver";
    RESTORE_FAILED = "The unsaved work could not be restored" | "Le travail non enregistré n’a pas pu être restauré";
    RECOVERY_KEPT = "{error}. The recovery copy was kept." | "{error}. La copie de récupération a été conservée.";
    /// The name of a new document, in the title bar.
    UNTITLED = "Untitled" | "Sans titre";
    SAMPLE_UNTITLED = "Sample data (untitled)" | "Données d’exemple (sans titre)";
    /// After the file's name in the title bar.
    READ_ONLY_MARK = " (read-only)" | " (lecture seule)";
    SAMPLE_NOT_OPENED = "The sample data could not be opened" | "Les données d’exemple n’ont pas pu être ouvertes";

    // Opening and saving.
    OPENED = "Opened {path}" | "Fichier ouvert\u{a0}: {path}";
    OPENED_PROBLEMS_ONE = "Opened {path} — {count} problem to look at" | "Fichier ouvert\u{a0}: {path} — {count} problème à examiner";
    OPENED_PROBLEMS_OTHER = "Opened {path} — {count} problems to look at" | "Fichier ouvert\u{a0}: {path} — {count} problèmes à examiner";
    OPEN_CANCELLED = "Opening {path} was cancelled" | "Ouverture de {path} annulée";
    IMPORT_CANCELLED = "Reading {path} to import it was cancelled; nothing changed" | "Lecture de {path} pour l’importer annulée\u{a0}; rien n’a changé";
    /// The thread reading a spreadsheet to import stopped without a result.
    IMPORT_LOST = "Reading the spreadsheet stopped on an internal error. Nothing changed; try again, or save the sheet as CSV and import that." | "La lecture du tableur s’est arrêtée sur une erreur interne. Rien n’a changé\u{a0}; réessayez, ou enregistrez la feuille au format CSV et importez-la.";
    COULD_NOT_OPEN = "Could not open {name}" | "Impossible d’ouvrir {name}";
    OPEN_FAILED = "{error}\n\nThe file was not changed. Fix it in a text editor (`liaison-desk validate` lists every problem), or open another file." | "{error}\n\nLe fichier n’a pas été modifié. Corrigez-le dans un éditeur de texte (`liaison-desk validate` liste tous les problèmes), ou ouvrez un autre fichier.";
    OPEN_LOST = "Reading the file stopped on an internal error. The file was not changed; try again, or run `liaison-desk validate` on it." | "La lecture du fichier s’est arrêtée sur une erreur interne. Le fichier n’a pas été modifié\u{a0}; réessayez, ou lancez `liaison-desk validate` sur ce fichier.";
    NOT_SAVED = "The file was not saved" | "Le fichier n’a pas été enregistré";
    SAVE_LOST = "Saving stopped on an internal error; the file on disk was left as it was. Your changes are still here: try Save As… to another folder." | "L’enregistrement s’est arrêté sur une erreur interne\u{a0}; le fichier sur le disque est resté tel quel. Vos modifications sont toujours là\u{a0}: essayez Enregistrer sous… dans un autre dossier.";
    NEW_FILE = "New file: six zones, every country assigned by continent" | "Nouveau fichier\u{a0}: six zones, chaque pays rattaché à celle de son continent";
    /// Saving as a file someone else holds.
    SAVE_HELD = "{holder} has {path} open. Save under another name, or ask them to close it." | "{holder} a ouvert {path}. Enregistrez sous un autre nom, ou demandez que le fichier soit fermé.";
    SAVE_NOT_STARTED = "Saving could not start: {error}. Your changes are still here." | "L’enregistrement n’a pas pu commencer\u{a0}: {error}. Vos modifications sont toujours là.";
    SAVED_WITH_BACKUP = "Saved {path} (previous version kept as {backup})" | "Fichier enregistré\u{a0}: {path} (version précédente conservée sous le nom {backup})";
    SAVED_TO = "Saved {path}" | "Fichier enregistré\u{a0}: {path}";
    SAVE_FAILED = "{error}\n\nYour changes are still here: try Save As… to another folder." | "{error}\n\nVos modifications sont toujours là\u{a0}: essayez Enregistrer sous… dans un autre dossier.";

    // The file on disk.
    TOOK_OVER = "{holder} took this file over" | "{holder} a repris ce fichier";
    DISK_MODIFIED = "{name} was changed on disk by someone else (another program, or another person)." | "{name} a été modifié sur le disque par quelqu’un d’autre (un autre programme, ou une autre personne).";
    DISK_MISSING = "{name} was moved or deleted. Save writes it again." | "{name} a été déplacé ou supprimé. Enregistrer l’écrira de nouveau.";
    DISK_UNREADABLE = "{name} cannot be read now: {why}" | "{name} ne peut pas être lu pour le moment\u{a0}: {why}";
    RELOAD_DROPPING = "Reload (drop my changes)" | "Recharger (abandonner mes modifications)";
    RELOAD = "Reload" | "Recharger";
    MERGE_THEIRS = "Merge their version…" | "Fusionner leur version…";
    MERGE_THEIRS_HINT = "Review what differs, and take theirs where you choose" | "Passer en revue les différences, et reprendre leur version là où vous le choisissez";
    DISMISS = "Dismiss" | "Masquer";
    READ_ONLY_REFUSED = "Read-only ({why}): nothing was changed. File → Save As… makes an editable copy." | "Lecture seule ({why})\u{a0}: rien n’a été modifié. Fichier → Enregistrer sous… crée une copie modifiable.";
    READ_ONLY_BANNER = "Read-only: {why}. Changes cannot be made to this file." | "Lecture seule\u{a0}: {why}. Ce fichier ne peut pas être modifié.";
    SAVE_COPY_HINT = "Save an editable copy elsewhere" | "Enregistrer ailleurs une copie modifiable";

    // Changes.
    CHANGE_FAILED = "The change could not be made" | "La modification n’a pas pu être faite";
    FORM_BEFORE_UNDO = "Apply or cancel the form before undoing" | "Appliquez ou abandonnez les modifications du formulaire avant d’annuler";
    UNDONE = "Undone: {label}" | "Annulé\u{a0}: {label}";
    FORM_BEFORE_REDO = "Apply or cancel the form before redoing" | "Appliquez ou abandonnez les modifications du formulaire avant de rétablir";
    REDONE = "Redone: {label}" | "Rétabli\u{a0}: {label}";
    DROPPED_WHILE_BUSY = "{name} was not opened: wait until the file being read or saved is done" | "{name} n’a pas été ouvert\u{a0}: attendez la fin de la lecture ou de l’enregistrement en cours";
    CLOSE_WHILE_SAVING = "Saving… close the window again once it is saved" | "Enregistrement en cours… refermez la fenêtre une fois le fichier enregistré";

    // The menus.
    FILE = "File" | "Fichier";
    NEW = "New" | "Nouveau";
    OPEN = "Open…" | "Ouvrir…";
    OPEN_RECENT = "Open Recent" | "Fichiers récents";
    NO_RECENT = "No recent files" | "Aucun fichier récent";
    SAVE = "Save" | "Enregistrer";
    SAVE_AS = "Save As…" | "Enregistrer sous…";
    REVERT = "Revert" | "Revenir à la version enregistrée";
    REVERT_HINT = "Read the file again from disk, dropping unsaved changes" | "Relire le fichier sur le disque, en abandonnant les modifications non enregistrées";
    IMPORT = "Import…" | "Importer…";
    IMPORT_HINT = "Add or update records from a CSV, Excel or OpenDocument file" | "Ajouter ou mettre à jour des fiches depuis un fichier CSV, Excel ou OpenDocument";
    MERGE_FILE = "Merge another office's file…" | "Fusionner le fichier d’une autre antenne…";
    MERGE_FILE_HINT = "Add the records of another data file, choosing where the same record differs" | "Ajouter les fiches d’un autre fichier de données, en choisissant là où une même fiche diffère";
    EXPORT = "Export" | "Exporter";
    QUIT = "Quit" | "Quitter";
    EDIT = "Edit" | "Édition";
    /// `{label}` names the change: "Undo Delete meeting m-0001".
    UNDO_LABEL = "Undo {label}" | "Annuler «\u{a0}{label}\u{a0}»";
    UNDO = "Undo" | "Annuler";
    /// `{label}` names the change: "Redo Delete meeting m-0001".
    REDO_LABEL = "Redo {label}" | "Rétablir «\u{a0}{label}\u{a0}»";
    REDO = "Redo" | "Rétablir";
    ADD = "Add" | "Ajouter";
    DUPLICATE = "Duplicate" | "Dupliquer";
    DELETE_ASK = "Delete…" | "Supprimer…";
    VIEW = "View" | "Affichage";
    THEME = "Theme" | "Thème";
    THEME_SYSTEM = "Follow the system" | "Suivre le système";
    THEME_LIGHT = "Light" | "Clair";
    THEME_DARK = "Dark" | "Sombre";
    ZOOM = "Zoom: {percent} %" | "Zoom\u{a0}: {percent}\u{a0}%";
    SMALLER = "Smaller" | "Plus petit";
    /// Back to the zoom of 100 %.
    ZOOM_RESET = "Reset" | "Réinitialiser";
    LARGER = "Larger" | "Plus grand";
    HELP = "Help" | "Aide";
    KEYBOARD_SHORTCUTS = "Keyboard shortcuts" | "Raccourcis clavier";

    // The side panel and the status bar.
    DASHBOARD = "Dashboard" | "Tableau de bord";
    ZONES_AND_COUNTRIES = "Zones & countries" | "Zones et pays";
    PROBLEMS = "Problems" | "Problèmes";
    NOT_SAVED_YET = "{name} — not saved yet" | "{name} — pas encore enregistré";
    UNSAVED_CHANGES = "Unsaved changes" | "Modifications non enregistrées";
    /// The status bar, when only the open form holds changes.
    FORM_NOT_APPLIED_YET = "Form not applied yet" | "Formulaire pas encore appliqué";
    /// The status bar: the file on disk is the document.
    SAVED = "Saved" | "Enregistré";
    NO_CHANGES = "No changes" | "Aucune modification";
    ERRORS_ONE = "{count} error" | "{count} erreur";
    ERRORS_OTHER = "{count} errors" | "{count} erreurs";
    WARNINGS_ONE = "{count} warning" | "{count} avertissement";
    WARNINGS_OTHER = "{count} warnings" | "{count} avertissements";
    SHOW_PROBLEMS = "Show the problems" | "Afficher les problèmes";

    // Merging, importing, exporting.
    /// What a chart's CSV export holds, in "Exported … to …".
    NUMBERS_OF_CHART = "the numbers of “{chart}”" | "les chiffres de «\u{a0}{chart}\u{a0}»";
    /// What a chart's PNG export holds, in "Exported … to …".
    THE_CHART = "the chart “{chart}”" | "le graphique «\u{a0}{chart}\u{a0}»";
    NO_SCREENSHOT = "The image could not be taken: this display gave none" | "L’image n’a pas pu être prise\u{a0}: cet écran n’en a fourni aucune";
    IMAGE_FAILED = "The image could not be made" | "L’image n’a pas pu être créée";
    FORM_BEFORE_MERGE = "Apply or cancel the open form first, then merge again" | "Appliquez ou abandonnez d’abord le formulaire ouvert, puis relancez la fusion";
    CANNOT_MERGE = "The file cannot be merged" | "Ce fichier ne peut pas être fusionné";
    NOTHING_CHANGED = "{error}. Nothing was changed." | "{error}. Rien n’a été modifié.";
    MERGE_DONE = "{label} done (Ctrl+Z undoes it)" | "{label}\u{a0}: terminé (Ctrl+Z l’annule)";
    FORM_BEFORE_IMPORT = "Apply or cancel the open form first, then import again" | "Appliquez ou abandonnez d’abord le formulaire ouvert, puis relancez l’import";
    CANNOT_IMPORT = "The file cannot be imported" | "Ce fichier ne peut pas être importé";
    IMPORT_DONE = "{label} (Ctrl+Z undoes it)" | "{label} (Ctrl+Z l’annule)";
    /// After an import into a table whose search or filters would have hidden the new rows.
    IMPORT_DONE_SHOWN = "{label}; the search and filters were cleared to show every row (Ctrl+Z undoes the import)" | "{label}\u{a0}; la recherche et les filtres ont été effacés pour montrer toutes les lignes (Ctrl+Z annule l’import)";
    /// A spreadsheet dropped on the window while no file is open.
    IMPORT_NEEDS_FILE = "Open a file or start a new one before importing {name}" | "Ouvrez un fichier ou créez-en un nouveau avant d’importer {name}";
    EXPORT_NO_LIST = "This table (open a list first)" | "Ce tableau (ouvrez d’abord une liste)";
    EXPORT_AS_SHOWN = "{list} as shown" | "{list}, comme à l’écran";
    EXPORT_CSV_HINT = "UTF-8, commas, dates as 2026-11-28" | "UTF-8, virgules, dates au format 2026-11-28";
    EXPORT_CSV_FRENCH = "CSV for Excel (French)…" | "CSV pour Excel (français)…";
    EXPORT_CSV_FRENCH_HINT = "Semicolons, dates as 28/11/2026, opens as is in a French Excel" | "Points-virgules, dates au format 28/11/2026, s’ouvre tel quel dans un Excel français";
    EXPORT_XLSX = "Excel workbook (XLSX)…" | "Classeur Excel (XLSX)…";
    EXPORT_XLSX_HINT = "One sheet" | "Une seule feuille";
    EXPORT_WORKBOOK = "Whole file as an Excel workbook…" | "Tout le fichier en classeur Excel…";
    EXPORT_WORKBOOK_HINT = "One sheet per list, and an About sheet" | "Une feuille par liste, et une feuille de présentation (About)";
    EXPORT_FAILED = "The export failed" | "L’export a échoué";
    LIST_NOT_EXPORTED = "{list} could not be exported: {error}" | "La liste «\u{a0}{list}\u{a0}» n’a pas pu être exportée\u{a0}: {error}";
    /// What a whole-file export holds, in "Exported … to …".
    WHOLE_FILE = "the whole file" | "tout le fichier";
    WORKBOOK_FAILED = "The workbook could not be made: {error}" | "Le classeur n’a pas pu être créé\u{a0}: {error}";
    EXPORTED = "Exported {what} to {path}" | "Export terminé\u{a0}: {what}, dans {path}";

    // The questions.
    SAVE_CHANGES = "Save changes?" | "Enregistrer les modifications\u{a0}?";
    UNSAVED_WILL_BE_LOST = "{name} has unsaved changes. They will be lost if you don't save them." | "{name} contient des modifications non enregistrées. Elles seront perdues si vous ne les enregistrez pas.";
    /// Under the question, when a form holds changes not applied.
    UNSAVED_FORM = "The form of {record} has changes not applied yet: Save applies them first." | "Le formulaire ({record}) contient des modifications pas encore appliquées\u{a0}: Enregistrer les applique d’abord.";
    /// A save refused because the open form cannot be applied.
    FORM_STOPS_SAVE = "The form of {record} cannot be applied yet, so nothing was saved. {reason}\n\nCorrect the form, or close it with Cancel, then save again." | "Le formulaire ({record}) ne peut pas encore être appliqué\u{a0}: rien n’a été enregistré. {reason}\n\nCorrigez le formulaire, ou fermez-le avec Annuler, puis enregistrez à nouveau.";

    // The window with no file open.
    NO_FILE_OPEN = "No file is open" | "Aucun fichier n’est ouvert";
    EMPTY_STATE_HINT_FIRST = "Open a data file, or start a new one." | "Ouvrez un fichier de données, ou créez-en un nouveau.";
    EMPTY_STATE_HINT = "Open a data file, start a new one, or pick one you used recently." | "Ouvrez un fichier de données, créez-en un nouveau, ou reprenez un fichier récent.";
    EMPTY_OPEN = "Open a file…" | "Ouvrir un fichier…";
    EMPTY_NEW = "New file" | "Nouveau fichier";
    EMPTY_RECENT = "Recent files" | "Fichiers récents";
    DONT_SAVE = "Don't save" | "Ne pas enregistrer";
    CANCEL = "Cancel" | "Annuler";
    DELETE = "Delete" | "Supprimer";
    DELETE_WITH_REFERENCES = "Delete and remove the references" | "Supprimer et retirer les références";
    COMMENTS_LOST = "The file's comments will be lost" | "Les commentaires du fichier seront perdus";
    COMMENTS_EXPLAINED = "This file was written by hand and has comments (// or /* */). Saving rewrites the file and cannot keep them." | "Ce fichier a été écrit à la main et contient des commentaires (// ou /* */). L’enregistrement réécrit le fichier et ne peut pas les conserver.";
    SAVE_WITHOUT_COMMENTS = "Save without the comments" | "Enregistrer sans les commentaires";
    RESTORE_QUESTION = "Restore unsaved work?" | "Restaurer le travail non enregistré\u{a0}?";
    AN_UNTITLED_FILE = "an untitled file" | "un fichier sans titre";
    /// After the file in [`STOPPED_BEFORE_SAVING`]: the title of the data.
    TITLED = " (“{title}”)" | " («\u{a0}{title}\u{a0}»)";
    /// `{when}` is a [`DATE_AT_TIME`].
    STOPPED_BEFORE_SAVING = "Liaison Desk stopped before changes to {file}{title} were saved. A copy of that work was kept on {when}." | "Liaison Desk s’est arrêté avant l’enregistrement des modifications de {file}{title}. Une copie de ce travail a été conservée le {when}.";
    ORIGINAL_CHANGED = "The file itself has changed since: after restoring, saving will ask whether to merge or overwrite." | "Le fichier lui-même a changé depuis\u{a0}: après la restauration, l’enregistrement demandera s’il faut fusionner ou écraser.";
    RESTORE = "Restore" | "Restaurer";
    DISCARD_IT = "Discard it" | "L’abandonner";
    RECOVERY_NOT_REMOVED = "The recovery copy could not be removed" | "La copie de récupération n’a pas pu être supprimée";
    DECIDE_LATER = "Decide later" | "Décider plus tard";
    SOMEONE_HAS_IT = "Someone else has this file open" | "Quelqu’un d’autre a ouvert ce fichier";
    OPEN_BY = "{path} has been open by {holder}." | "{path} est ouvert par {holder}.";
    /// `{when}` is a [`DATE_AT_TIME`].
    OPEN_BY_SINCE = "{path} has been open by {holder} since {when}." | "{path} est ouvert par {holder} depuis le {when}.";
    STALE_LOCK = "Their lock looks stale (its program is gone, or it has been silent for hours): you can take the file over." | "Son verrou semble abandonné (son programme a disparu, ou il ne s’est pas manifesté depuis des heures)\u{a0}: vous pouvez reprendre le fichier.";
    LIVE_LOCK = "Open it read-only to look without changing it, or wait until they close it: two people saving the same file lose each other's work." | "Ouvrez-le en lecture seule pour le consulter sans le modifier, ou attendez qu’il soit fermé\u{a0}: deux personnes qui enregistrent le même fichier perdent le travail l’une de l’autre.";
    OPEN_READ_ONLY = "Open read-only" | "Ouvrir en lecture seule";
    TAKE_OVER = "Take it over" | "Le reprendre";
    TAKE_OVER_FAILED = "The file could not be taken over" | "Le fichier n’a pas pu être repris";
    CHANGED_ON_DISK = "The file was changed on disk" | "Le fichier a été modifié sur le disque";
    CHANGED_ON_DISK_EXPLAINED = "Someone else (another program, or another person) changed {name} since you opened it. Saving now would replace their changes with yours." | "Quelqu’un d’autre (un autre programme, ou une autre personne) a modifié {name} depuis que vous l’avez ouvert. Enregistrer maintenant remplacerait ses modifications par les vôtres.";
    MERGE_THEIRS_THEN_SAVE_HINT = "Review what differs and take theirs where you choose, then save" | "Passer en revue les différences, reprendre leur version là où vous le choisissez, puis enregistrer";
    OVERWRITE_THEIRS = "Overwrite their changes" | "Écraser leurs modifications";
    RELOAD_THEIRS = "Reload theirs (drop mine)" | "Recharger leur version (abandonner la mienne)";
    DISCARD_QUESTION = "Discard your changes?" | "Abandonner vos modifications\u{a0}?";
    /// `{record}` is "meeting m-0001".
    FORM_NOT_APPLIED = "The form of {record} has changes that were not applied. Discard them, or keep editing and press Apply." | "Le formulaire ({record}) contient des modifications non appliquées. Abandonnez-les, ou continuez la saisie et cliquez sur Appliquer.";
    DISCARD_CHANGES = "Discard changes" | "Abandonner les modifications";
    KEEP_EDITING = "Keep editing" | "Continuer la saisie";
    CLOSE = "Close" | "Fermer";

    // Help → Keyboard shortcuts.
    SHORTCUT_OPEN = "Open a file" | "Ouvrir un fichier";
    SHORTCUT_SAVE_AS = "Save as" | "Enregistrer sous";
    SHORTCUT_ADD = "Add a record" | "Ajouter une fiche";
    SHORTCUT_SEARCH = "Search the list" | "Rechercher dans la liste";
    /// Two shortcuts that do the same.
    SHORTCUT_EITHER = "{one} or {other}" | "{one} ou {other}";
    SHORTCUT_DELETE = "Delete the selected record" | "Supprimer la fiche sélectionnée";
    SHORTCUT_OPEN_RECORD = "Open the selected record" | "Ouvrir la fiche sélectionnée";
    /// The key.
    KEY_ENTER = "Enter" | "Entrée";
    SHORTCUT_CLOSE = "Close a form or dialog" | "Fermer un formulaire ou une boîte de dialogue";
    SHORTCUT_QUIT = "Quit (asks about unsaved work first)" | "Quitter (demande d’abord pour le travail non enregistré)";
    /// The key.
    KEY_ESCAPE = "Escape" | "Échap";
    SHORTCUT_SCREENS = "Go to a screen of the side panel" | "Aller à un écran du panneau latéral";
    SHORTCUT_APPLY = "Apply a form" | "Appliquer un formulaire";
    SHORTCUT_FIELDS = "Next or previous field, button or list" | "Champ, bouton ou liste suivant ou précédent";
    /// The keys.
    KEYS_TAB = "Tab, Shift+Tab" | "Tab, Maj+Tab";
    SHORTCUT_ZOOM = "Zoom in, zoom out, actual size" | "Agrandir, réduire, taille réelle";

    // What a deletion implies.
    WILL_BE_DELETED = "“{name}” will be deleted." | "À supprimer\u{a0}: «\u{a0}{name}\u{a0}».";
    NOTHING_REFERS = "Nothing else refers to it." | "Aucune autre fiche n’y fait référence.";
    /// `{records}` is "3 meetings".
    ALSO_DELETED_ONE = "{records} that refer to it will be deleted too." | "Cela supprimera aussi {records} qui y fait référence.";
    /// `{records}` is "3 meetings".
    ALSO_DELETED_OTHER = "{records} that refer to it will be deleted too." | "Cela supprimera aussi {records} qui y font référence.";
    /// `{records}` is "1 contract", `{field}` the field it loses, `{note}` empty or [`CONTRACTS_LISTED_ONE`].
    LOSE_FIELD_ONE = "{records} will lose their {field}{note}." | "{records} n’aura plus de valeur pour «\u{a0}{field}\u{a0}»{note}.";
    /// `{records}` is "3 contracts", `{field}` the field they lose, `{note}` empty or [`CONTRACTS_LISTED_OTHER`].
    LOSE_FIELD_OTHER = "{records} will lose their {field}{note}." | "{records} n’auront plus de valeur pour «\u{a0}{field}\u{a0}»{note}.";
    CONTRACTS_LISTED_ONE = " (they will be listed in Problems)" | " (il apparaîtra dans Problèmes)";
    CONTRACTS_LISTED_OTHER = " (they will be listed in Problems)" | " (ils apparaîtront dans Problèmes)";
    CAN_UNDO = "You can undo this with Ctrl+Z." | "Vous pourrez l’annuler avec Ctrl+Z.";

    // The progress window.
    OPENING = "Opening {name}" | "Ouverture de {name}";
    /// The progress window's title while a spreadsheet to import is read.
    READING_TO_IMPORT = "Reading {name} to import it" | "Lecture de {name} pour l’importer";
    SAVING = "Saving {name}" | "Enregistrement de {name}";
    CANCELLING = "Cancelling…" | "Annulation…";
    MEGABYTES_DONE = "{done} of {total} MB" | "{done} sur {total}\u{a0}Mo";
    RECORDS_DONE_ABOUT = "{done} of about {total} records" | "{done} sur environ {total} fiches";
    RECORDS_DONE = "{done} of {total} records" | "{done} sur {total} fiches";

    // The system's file dialogs.
    DIALOG_OPEN = "Open a data file" | "Ouvrir un fichier de données";
    DIALOG_IMPORT = "Import a spreadsheet" | "Importer une feuille de calcul";
    DIALOG_MERGE = "Merge another office's data file" | "Fusionner le fichier de données d’une autre antenne";
    DIALOG_SAVE = "Save the data file as" | "Enregistrer le fichier de données sous";
    FILTER_DATA = "Liaison Desk data (RON)" | "Données Liaison Desk (RON)";
    FILTER_ALL = "All files" | "Tous les fichiers";
    FILTER_SPREADSHEETS = "Spreadsheets (CSV, Excel, OpenDocument)" | "Feuilles de calcul (CSV, Excel, OpenDocument)";
    FILTER_PNG = "PNG image" | "Image PNG";
    FILTER_CSV = "CSV (comma-separated values)" | "CSV (valeurs séparées par des virgules)";
    FILTER_XLSX = "Excel workbook" | "Classeur Excel";

    // A chart saved as an image.
    CHART_OFF_SCREEN = "the chart is not on screen (it is at {rect} of a {width}×{height} window); scroll it into view and try again" | "le graphique n’est pas à l’écran (il est en {rect} d’une fenêtre de {width}×{height})\u{a0}; faites-le défiler jusqu’à le voir, puis réessayez";
    SCREENSHOT_TOO_SMALL = "the screenshot is smaller than the window" | "la capture d’écran est plus petite que la fenêtre";
    CANNOT_ENCODE_IMAGE = "cannot encode the image: {error}" | "impossible d’encoder l’image\u{a0}: {error}";

    // Help → Scripts and fonts.
    SCRIPTS_AND_FONTS = "Scripts and fonts" | "Écritures et polices";
    SCRIPTS_INTRO = "Names are shown as written, in any of these scripts, with the fonts of this computer." | "Les noms s’affichent tels qu’ils sont écrits, dans chacune de ces écritures, avec les polices de cet ordinateur.";
    SCRIPTS_LOOKING = "Looking for fonts…" | "Recherche des polices…";
    FONT_BUNDLED = "the app's own font" | "police de l’application";
    FONT_MISSING = "no font: shown as boxes; install one that has this script" | "aucune police\u{a0}: affiché en carrés\u{a0}; installez une police qui a cette écriture";
    SCRIPT_LATIN = "Latin (accents, Vietnamese)" | "Latin (accents, vietnamien)";
    SCRIPT_GREEK = "Greek" | "Grec";
    SCRIPT_CYRILLIC = "Cyrillic" | "Cyrillique";
    SCRIPT_ARABIC = "Arabic" | "Arabe";
    SCRIPT_HEBREW = "Hebrew" | "Hébreu";
    SCRIPT_THAI = "Thai" | "Thaï";
    SCRIPT_DEVANAGARI = "Devanagari (Hindi)" | "Dévanagari (hindi)";
    SCRIPT_HAN = "Chinese characters (hanzi, kanji)" | "Caractères chinois (hanzi, kanji)";
    SCRIPT_KANA = "Japanese kana" | "Kana japonais";
    SCRIPT_HANGUL = "Korean (Hangul)" | "Coréen (hangeul)";
    SCRIPT_EMOJI = "Emoji and symbols" | "Émojis et symboles";
}
