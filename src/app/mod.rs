//! The desktop application: the shell around the tables, forms and screens.
//!
//! [`LiaisonApp`] owns the open document (a [`Workspace`] and its path),
//! the navigation, the menus, the status bar and the modal dialogs. Every
//! change of the data goes through [`Workspace::apply`]; the document is
//! opened and saved by [`crate::document`] on a worker thread ([`busy`]);
//! file dialogs go through the [`files::FilePicker`] seam.
//!
//! Architecture invariant: nothing here computes figures or problems (the
//! workspace does, once per edit), and nothing blocks the frame on a dialog
//! or on opening and saving a large file.

pub mod busy;
pub mod calendar;
pub mod charts;
pub mod dashboard;
pub mod empty_state;
pub mod field_undo;
pub mod files;
pub mod fonts;
pub mod form;
pub mod image_export;
pub mod import_view;
pub mod keyboard;
pub mod merge_view;
pub mod problems;
pub mod settings;
pub mod summary_table;
pub mod table;
pub mod theme;
mod unsaved;
pub mod world_map;
pub mod zones;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use eframe::egui;
use egui::{Key, KeyboardShortcut, Modifiers};

use crate::countries;
use crate::delete::{DeletePlan, plan_delete};
use crate::disk::{DiskState, Fingerprint, Watcher};
use crate::document::{self, Opened, Saved};
use crate::edit::Edit;
use crate::export::Dialect;
use crate::format;
use crate::i18n::{self, Language, Msg, catalogue::shell};
use crate::import::{ImportError, Table};
use crate::lock::{self, LockError, LockGuard, LockInfo};
use crate::lookup::Lookup;
use crate::model::{Dataset, ListKind};
use crate::progress::{self, Poll, Progress, Task};
use crate::recovery::{self, Recovered, RecoveryWriter};
use crate::storage;
use crate::validate;
use crate::workspace::Workspace;

use busy::{Busy, Opening, Saving};
use dashboard::{ChartId, DashboardAction, DashboardView};
use empty_state::{EmptyAction, EmptyState};
use files::{
    DialogPoll, DialogPurpose, Export, ExportFormat, FilePicker, NativePicker, PendingDialog,
};
use form::{FormAction, RecordForm};
use import_view::{ImportAction, ImportView};
use merge_view::{MergeAction, MergeView};
use settings::{Settings, ThemeChoice};
use table::{TableAction, TableView};
use zones::{ZonesAction, ZonesView};

/// Keyboard shortcuts, listed in Help → Keyboard shortcuts.
pub mod shortcuts {
    use super::{Key, KeyboardShortcut, Modifiers};

    /// Open a file.
    pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
    /// Save.
    pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
    /// Save as.
    pub const SAVE_AS: KeyboardShortcut =
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    /// Add a record to the current list.
    pub const NEW_RECORD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
    /// Search the current list.
    pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
    /// Undo.
    pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
    /// Redo.
    pub const REDO: KeyboardShortcut =
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    /// Redo, as on Windows.
    pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
    /// Delete the selected record.
    pub const DELETE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::Delete);
    /// Quit, after asking about unsaved work.
    pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
}

/// The screens of the navigation panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Key figures and charts by zone: the first screen of a file.
    Dashboard,
    /// The table of one list.
    List(ListKind),
    /// Zones, and the zone of each country.
    Zones,
    /// Every validation problem.
    Problems,
}

/// Ctrl+1 … Ctrl+9 go to the screens of the navigation panel, in its order.
const SCREEN_KEYS: [(Key, Screen); 9] = [
    (Key::Num1, Screen::Dashboard),
    (Key::Num2, Screen::List(ListKind::Affiliates)),
    (Key::Num3, Screen::List(ListKind::Companies)),
    (Key::Num4, Screen::List(ListKind::Meetings)),
    (Key::Num5, Screen::List(ListKind::CountryNotes)),
    (Key::Num6, Screen::List(ListKind::Contracts)),
    (Key::Num7, Screen::List(ListKind::Institutes)),
    (Key::Num8, Screen::Zones),
    (Key::Num9, Screen::Problems),
];

/// The lists shown as tables, in navigation order.
pub const LIST_SCREENS: [ListKind; 6] = [
    ListKind::Affiliates,
    ListKind::Companies,
    ListKind::Meetings,
    ListKind::CountryNotes,
    ListKind::Contracts,
    ListKind::Institutes,
];

/// The navigation label of a list.
pub fn list_title(list: ListKind) -> &'static str {
    match list {
        ListKind::Zones => shell::TITLE_ZONES,
        ListKind::Countries => shell::TITLE_COUNTRIES,
        ListKind::Institutes => shell::TITLE_INSTITUTES,
        ListKind::Affiliates => shell::TITLE_AFFILIATES,
        ListKind::Companies => shell::TITLE_COMPANIES,
        ListKind::Meetings => shell::TITLE_MEETINGS,
        ListKind::CountryNotes => shell::TITLE_COUNTRY_NOTES,
        ListKind::Contracts => shell::TITLE_CONTRACTS,
    }
    .text()
}

/// The noun for `count` records of `list`, as a count precedes it:
/// "1 meeting", "3 meetings".
fn noun_for(list: ListKind, count: usize) -> &'static str {
    let (one, other) = match list {
        // "zone" in both languages.
        ListKind::Zones => {
            return i18n::verbatim(if count == 1 { "zone" } else { "zones" });
        }
        ListKind::Countries => (shell::NOUN_COUNTRY, shell::NOUNS_COUNTRIES),
        ListKind::Institutes => (shell::NOUN_INSTITUTE, shell::NOUNS_INSTITUTES),
        ListKind::Affiliates => (shell::NOUN_AFFILIATE, shell::NOUNS_AFFILIATES),
        ListKind::Companies => (shell::NOUN_COMPANY, shell::NOUNS_COMPANIES),
        ListKind::Meetings => (shell::NOUN_MEETING, shell::NOUNS_MEETINGS),
        ListKind::CountryNotes => (shell::NOUN_COUNTRY_NOTE, shell::NOUNS_COUNTRY_NOTES),
        ListKind::Contracts => (shell::NOUN_CONTRACT, shell::NOUNS_CONTRACTS),
    };
    i18n::plural(count as u64, one, other).text()
}

/// `count` records of `list`: "3 meetings".
fn counted_records(list: ListKind, count: usize) -> String {
    format!("{} {}", i18n::count(count as u64), noun_for(list, count))
}

/// The button that opens the form of a new record of `list`.
fn add_label(list: ListKind) -> Msg {
    match list {
        ListKind::Zones => shell::ADD_ZONE,
        ListKind::Countries => shell::ADD_COUNTRY,
        ListKind::Institutes => shell::ADD_INSTITUTE,
        ListKind::Affiliates => shell::ADD_AFFILIATE,
        ListKind::Companies => shell::ADD_COMPANY,
        ListKind::Meetings => shell::ADD_MEETING,
        ListKind::CountryNotes => shell::ADD_COUNTRY_NOTE,
        ListKind::Contracts => shell::ADD_CONTRACT,
    }
}

/// The question before deleting a record of `list`, and the name of the
/// deletion (with `{id}`) for undo.
fn delete_words(list: ListKind) -> (Msg, Msg) {
    match list {
        ListKind::Zones => (shell::DELETE_THIS_ZONE, shell::DELETE_ZONE),
        ListKind::Countries => (shell::DELETE_THIS_COUNTRY, shell::DELETE_COUNTRY),
        ListKind::Institutes => (shell::DELETE_THIS_INSTITUTE, shell::DELETE_INSTITUTE),
        ListKind::Affiliates => (shell::DELETE_THIS_AFFILIATE, shell::DELETE_AFFILIATE),
        ListKind::Companies => (shell::DELETE_THIS_COMPANY, shell::DELETE_COMPANY),
        ListKind::Meetings => (shell::DELETE_THIS_MEETING, shell::DELETE_MEETING),
        ListKind::CountryNotes => (shell::DELETE_THIS_COUNTRY_NOTE, shell::DELETE_COUNTRY_NOTE),
        ListKind::Contracts => (shell::DELETE_THIS_CONTRACT, shell::DELETE_CONTRACT),
    }
}

/// A moment as the recovery and lock windows give it: "Nov 28, 2026 at 14:05".
fn date_at_time<Tz: chrono::TimeZone>(at: &chrono::DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    shell::DATE_AT_TIME.with(&[
        ("date", &i18n::date(at.date_naive())),
        ("time", &at.format("%H:%M")), // i18n: the time of day, written alike in both languages
    ])
}

/// What waits for the user's answer about unsaved changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PendingAction {
    /// Start a new file.
    New,
    /// Open a file; `None`: ask which.
    Open(Option<PathBuf>),
    /// Read the file again from disk, dropping changes.
    Revert,
    /// Close the window.
    Quit,
}

/// A modal dialog.
enum Modal {
    /// Save / Don't save / Cancel before `action`.
    Unsaved(PendingAction),
    /// Confirm a deletion and what it implies.
    Delete(Box<DeletePlan>, Vec<String>),
    /// Saving will drop the hand-written comments of the file.
    Comments(Option<PendingAction>),
    /// Something failed.
    Error { title: String, message: String },
    /// Help → Keyboard shortcuts.
    Shortcuts,
    /// Help → Scripts and fonts.
    Scripts,
    /// Work left unsaved by a run that stopped: restore it, or not.
    Recover(Box<Recovered>),
    /// Someone else holds the file: open it read-only, take it over (when
    /// their lock is stale), or not at all.
    Locked(Box<LockInfo>),
    /// The file changed on disk since it was opened or saved: what now?
    ChangedOnDisk(Option<PendingAction>),
    /// The open form has changes not applied: drop them and show this form
    /// (or none)?
    DiscardForm(Option<Box<RecordForm>>),
}

/// A chart's image on its way: the window's screenshot comes after the frame.
struct PendingImage {
    chart: ChartId,
    /// Where the chart is, in points.
    rect: egui::Rect,
    receiver: std::sync::mpsc::Receiver<Arc<egui::ColorImage>>,
}

/// The open document.
struct Doc {
    ws: Workspace,
    /// Where it is saved; `None`: untitled (Save asks where).
    path: Option<PathBuf>,
    /// What the title bar says when untitled.
    untitled_name: Msg,
    /// The file had comments, which saving drops; cleared once the user agreed.
    has_comments: bool,
    /// Why the file is open read-only (someone else holds it, its folder
    /// cannot be written…); `None`: editable.
    read_only: Option<String>,
    /// Our lock file beside the data file (`.~lock.NAME#`), while we hold it.
    lock: Option<LockGuard>,
    /// When the lock was last refreshed (a live lock is never "long silent").
    lock_refreshed: Instant,
    /// Watches the file for changes made by someone else.
    watcher: Option<Watcher>,
    /// What the watcher last reported, when it is news for the user.
    disk_notice: Option<DiskState>,
}

impl Doc {
    fn new(
        dataset: Dataset,
        path: Option<PathBuf>,
        untitled_name: Msg,
        has_comments: bool,
    ) -> Self {
        Self {
            untitled_name,
            ..Self::opened(Workspace::new(dataset), path, has_comments)
        }
    }

    /// A document read by [`document::open`]: its workspace (validated and
    /// indexed) was built on the worker thread.
    fn opened(ws: Workspace, path: Option<PathBuf>, has_comments: bool) -> Self {
        Self {
            ws,
            path,
            untitled_name: shell::UNTITLED,
            has_comments,
            read_only: None,
            lock: None,
            lock_refreshed: Instant::now(),
            watcher: None,
            disk_notice: None,
        }
    }

    fn name(&self) -> String {
        match &self.path {
            Some(path) => display_name(path),
            None => self.untitled_name.text().to_owned(),
        }
    }
}

fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// A new file: the default zones, every country assigned by continent.
pub fn new_dataset() -> Dataset {
    Dataset {
        zones: countries::default_zones(),
        countries: countries::default_country_zones(),
        ..Dataset::default()
    }
}

/// The bundled sample data.
pub fn sample_dataset() -> Result<Dataset, String> {
    format::parse_str(crate::SAMPLE_DATA)
        .map(|p| p.dataset)
        .map_err(|e| shell::SAMPLE_UNREADABLE.with(&[("error", &e)]))
}

/// Files with more records than this wait for a pause in the editing
/// ([`RECOVERY_QUIET`]) before their recovery copy is written.
const LARGE_FILE_RECORDS: u64 = 50_000;

/// How long a large file's edits must pause before its recovery copy.
const RECOVERY_QUIET: Duration = Duration::from_secs(2);

/// How long [`LiaisonApp::start`] waits for a file to open or save.
pub const SYNCHRONOUS: Duration = Duration::from_secs(120);

/// What a dialog's button does once the dialog is closed.
type Continuation = Box<dyn FnOnce(&mut LiaisonApp)>;

/// The application.
pub struct LiaisonApp {
    doc: Doc,
    screen: Screen,
    tables: BTreeMap<ListKind, TableView>,
    zones: ZonesView,
    dashboard: DashboardView,
    /// Another office's file being merged, shown instead of the screen.
    merge: Option<MergeView>,
    /// A spreadsheet being imported, shown instead of the screen.
    import: Option<ImportView>,
    /// A chart waiting for its screenshot.
    pending_image: Option<PendingImage>,
    /// The window's context once known, for threads that need a repaint.
    repaint: Arc<Mutex<Option<egui::Context>>>,
    /// How often the open file is checked for changes on disk.
    watch_interval: Duration,
    /// Writes recovery copies of unsaved work off the UI thread.
    recovery: Option<RecoveryWriter>,
    /// Where the recovery copy of the open document stands.
    recovery_state: unsaved::RecoveryState,
    form: Option<RecordForm>,
    /// A file being opened or saved on a worker thread.
    busy: Option<Busy>,
    /// While starting: if the file given cannot be opened, show the empty
    /// window (never the sample: that would invite typing into it).
    empty_if_open_fails: bool,
    /// No document is open (the file given at start could not be): the
    /// window offers Open, New and the recent files.
    empty: Option<EmptyState>,
    /// How long opening or saving may hold the frame before the progress
    /// window takes over ([`busy::INLINE_WAIT`]; tests set zero).
    inline_wait: Duration,
    modal: Option<Modal>,
    dialog: Option<PendingDialog<PendingAction>>,
    picker: Arc<dyn FilePicker>,
    settings: Settings,
    status: Option<String>,
    allow_close: bool,
    /// Close the window on the next frame (after "Don't save" or a save).
    quit_now: bool,
    title_sent: Option<String>,
    theme_applied: Option<(ThemeChoice, f32)>,
    /// The language the cached texts (tables, charts, problems) were made in.
    language_applied: Language,
}

impl LiaisonApp {
    /// The app as started by `liaison-desk [FILE]`: the file given, else the
    /// last file, else (first start) the bundled sample as an untitled copy.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        // Names in every script: the system's fonts, found off the UI thread.
        fonts::install(&cc.egui_ctx);
        let mut settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        // The first start takes the system's language, and keeps it.
        settings.language.get_or_insert_with(Language::from_system);
        let file = file.or_else(|| settings.last_file.clone());
        let app = Self::start_with(settings, Arc::new(NativePicker), file, busy::INLINE_WAIT);
        match recovery::default_folder() {
            Some(folder) => {
                let writer = RecoveryWriter::new(folder.clone());
                recovery::install_panic_hook(writer.latest(), folder);
                app.with_recovery(writer)
            }
            None => {
                let mut app = app;
                app.status = Some(shell::NO_DATA_FOLDER.text().to_owned());
                app
            }
        }
    }

    /// Keeps recovery copies of unsaved work with `writer`, and offers to
    /// restore what a previous run left in its folder.
    pub fn with_recovery(mut self, writer: RecoveryWriter) -> Self {
        let mut damaged = Vec::new();
        for found in recovery::find(writer.folder()) {
            match found {
                Ok(copy) => {
                    if self.modal.is_none() {
                        self.modal = Some(Modal::Recover(Box::new(copy)));
                    }
                }
                Err(error) => damaged.push(error.to_string()),
            }
        }
        if !damaged.is_empty() {
            self.status = Some(shell::RECOVERY_UNREADABLE.with(&[("errors", &damaged.join("; "))]));
        }
        self.recovery = Some(writer);
        self
    }

    /// Opens work restored from a recovery copy, as unsaved changes to its file.
    fn restore(&mut self, copy: Recovered) {
        match copy.load() {
            Ok(dataset) => {
                let mut doc =
                    Doc::new(dataset, copy.original.clone(), shell::RECOVERED_WORK, false);
                doc.ws.mark_unsaved();
                if let Some(path) = &copy.original {
                    match lock::acquire(path) {
                        Ok(guard) => doc.lock = Some(guard),
                        Err(LockError::HeldBy(info)) => {
                            doc.read_only =
                                Some(shell::HAS_IT_OPEN.with(&[("holder", &info.holder())]));
                        }
                        Err(_) => {}
                    }
                    if let Ok(known) = Fingerprint::of_file(path) {
                        doc.watcher = self.watch(path, known);
                    }
                }
                self.replace_doc(doc);
                // The restored work is safe in a new copy before the old one goes.
                let written = date_at_time(&copy.written);
                if self.keep_restored(copy.original.clone()) {
                    // The new copy holds the work: the old one is not needed.
                    copy.discard().ok();
                }
                self.status = Some(shell::RESTORED.with(&[("written", &written)]));
            }
            Err(error) => self.error(
                shell::RESTORE_FAILED.text(),
                shell::RECOVERY_KEPT.with(&[("error", &error)]),
            ),
        }
    }

    /// The app with the given settings and file picker, opening `file` (or
    /// the sample when `None`). Tests use it with a scripted picker. Settings
    /// without a language speak English, whatever the machine's locale
    /// ([`LiaisonApp::new`] takes the system's on a first start).
    ///
    /// Files open and save as if synchronously (the worker's result is
    /// awaited, up to [`SYNCHRONOUS`]), so that a test sees the outcome as
    /// soon as it asked, however busy the machine; the window made by
    /// [`LiaisonApp::new`] waits only [`busy::INLINE_WAIT`] and shows a
    /// progress window beyond. [`LiaisonApp::set_inline_wait`] changes it.
    pub fn start(settings: Settings, picker: Arc<dyn FilePicker>, file: Option<PathBuf>) -> Self {
        Self::start_with(settings, picker, file, SYNCHRONOUS)
    }

    fn start_with(
        settings: Settings,
        picker: Arc<dyn FilePicker>,
        file: Option<PathBuf>,
        inline_wait: Duration,
    ) -> Self {
        let mut app = Self {
            doc: Doc::new(new_dataset(), None, shell::UNTITLED, false),
            screen: Screen::Dashboard,
            tables: BTreeMap::new(),
            zones: ZonesView::default(),
            dashboard: DashboardView::default(),
            merge: None,
            import: None,
            pending_image: None,
            repaint: Arc::new(Mutex::new(None)),
            watch_interval: Watcher::DEFAULT_INTERVAL,
            recovery: None,
            recovery_state: unsaved::RecoveryState::default(),
            form: None,
            busy: None,
            empty_if_open_fails: false,
            empty: None,
            inline_wait,
            modal: None,
            dialog: None,
            picker,
            settings,
            status: None,
            allow_close: false,
            quit_now: false,
            title_sent: None,
            theme_applied: None,
            language_applied: Language::English,
        };
        app.settings.started_before = true;
        // Settings that name no language (tests, embedding) speak English,
        // whatever the machine's locale: `new` asks the system first.
        let language = *app.settings.language.get_or_insert(Language::English);
        i18n::set_language(language);
        app.language_applied = language;
        match file {
            Some(path) => {
                app.empty_if_open_fails = true;
                if !app.open_path(&path) && app.empty.is_none() {
                    // Someone else's lock is asked about over the empty window.
                    app.show_empty(None);
                }
                app.empty_if_open_fails = false;
            }
            None => app.open_sample(),
        }
        app
    }

    /// The data being worked on.
    pub fn workspace(&self) -> &Workspace {
        &self.doc.ws
    }

    /// Where the document is saved, if it is.
    pub fn path(&self) -> Option<&Path> {
        self.doc.path.as_deref()
    }

    /// The screen shown.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The dashboard's state (filters, figures shown).
    pub fn dashboard(&self) -> &DashboardView {
        &self.dashboard
    }

    /// The table of a list, once it has been shown.
    pub fn table(&self, list: ListKind) -> Option<&TableView> {
        self.tables.get(&list)
    }

    /// The remembered settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The window title: `*` marks unsaved work (a form not applied included).
    pub fn window_title(&self) -> String {
        if self.empty.is_some() {
            return i18n::verbatim("Liaison Desk").to_owned();
        }
        let mark = if self.has_unsaved_work() { "*" } else { "" };
        let read_only = if self.doc.read_only.is_some() {
            shell::READ_ONLY_MARK.text()
        } else {
            ""
        };
        format!(
            "{mark}{}{read_only} — {}",
            self.doc.name(),
            i18n::verbatim("Liaison Desk")
        )
    }

    /// Why the open file is read-only, if it is.
    pub fn read_only(&self) -> Option<&str> {
        self.doc.read_only.as_deref()
    }

    /// The last status message.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Closes the document: the window offers Open, New and the recent
    /// files, with what could not be opened (`reason`: heading and error).
    fn show_empty(&mut self, reason: Option<(String, String)>) {
        self.replace_doc(Doc::new(Dataset::default(), None, shell::UNTITLED, false));
        self.empty = Some(match reason {
            Some((title, message)) => EmptyState::failed(title, message),
            None => EmptyState::default(),
        });
    }

    /// Whether no document is open (the window offers Open, New, Recent).
    pub fn no_document(&self) -> bool {
        self.empty.is_some()
    }

    fn open_sample(&mut self) {
        match sample_dataset() {
            Ok(dataset) => {
                self.replace_doc(Doc::new(dataset, None, shell::SAMPLE_UNTITLED, false));
            }
            Err(message) => self.error(shell::SAMPLE_NOT_OPENED.text(), message),
        }
    }

    /// Opens `path`, replacing the document; on failure the current document
    /// stays and the reason is shown. Returns whether it opened.
    fn open_path(&mut self, path: &Path) -> bool {
        // Someone else's lock: ask first (unless it is this document's own).
        let ours = self.doc.path.as_deref() == Some(path) && self.doc.lock.is_some();
        let lock = if ours {
            self.doc.lock.take().map(Ok)
        } else {
            match lock::acquire(path) {
                // A file marked read-only opens read-only: Save offers Save As.
                Ok(_) if let Some(why) = storage::read_only_reason(path) => Some(Err(why)),
                Ok(guard) => Some(Ok(guard)),
                // Our own lock, left by a run of ours that stopped here (a
                // crash): nobody else is involved, take it back.
                Err(LockError::HeldBy(info))
                    if info.stale && info.is_this_machine() && info.user == lock::this_user() =>
                {
                    match lock::take_over(path) {
                        Ok(guard) => Some(Ok(guard)),
                        Err(error) => Some(Err(error.to_string())),
                    }
                }
                Err(LockError::HeldBy(info)) => {
                    self.modal = Some(Modal::Locked(Box::new(info)));
                    return false;
                }
                // The folder cannot be written (or the lock made): read-only.
                Err(error) if path.is_file() => Some(Err(error.to_string())),
                // No such file: the load below says so.
                Err(_) => None,
            }
        };
        self.open_with(path, lock)
    }

    /// Opens `path` with the lock taken (`Ok`), or read-only for the reason
    /// given (`Err`), on a worker thread. A small file is open when this
    /// returns; a large one opens behind a progress window. Returns whether
    /// it opened or is opening.
    fn open_with(&mut self, path: &Path, lock: Option<Result<LockGuard, String>>) -> bool {
        let target = path.to_owned();
        let task = match Task::spawn("open-file", move |progress| {
            document::open(&target, progress)
        }) {
            Ok(task) => task,
            Err(_) => {
                // No thread to be had: open here, the window waits.
                let result = document::open(path, &Arc::new(Progress::default()));
                return self.finish_open(path, lock, result, self.empty_if_open_fails);
            }
        };
        let opening = Opening {
            path: path.to_owned(),
            lock,
            empty_if_fails: self.empty_if_open_fails,
            task,
        };
        match opening.task.wait(self.inline_wait) {
            Some(result) => {
                let empty_if_fails = opening.empty_if_fails;
                self.finish_open(&opening.path, opening.lock, result, empty_if_fails)
            }
            None => {
                self.busy = Some(Busy::Opening(Box::new(opening)));
                true
            }
        }
    }

    /// Takes the document read by [`document::open`], or says why it could
    /// not be. With `empty_if_fails`, a failure leaves the window empty (the
    /// file given at start could not be opened, and nothing else is open).
    fn finish_open(
        &mut self,
        path: &Path,
        lock: Option<Result<LockGuard, String>>,
        result: Result<Opened, storage::FileError>,
        empty_if_fails: bool,
    ) -> bool {
        match result {
            Ok(opened) => {
                let mut doc =
                    Doc::opened(opened.workspace, Some(path.to_owned()), opened.has_comments);
                match lock {
                    Some(Ok(guard)) => doc.lock = Some(guard),
                    Some(Err(why)) => doc.read_only = Some(why),
                    None => {}
                }
                doc.watcher = self.watch(path, opened.fingerprint);
                let problems = doc.ws.problems().len();
                self.replace_doc(doc);
                self.settings.add_recent(path);
                self.settings.last_file = Some(path.to_owned());
                self.status = Some(if problems == 0 {
                    shell::OPENED.with(&[("path", &path.display())])
                } else {
                    let problems = problems as u64;
                    i18n::plural(
                        problems,
                        shell::OPENED_PROBLEMS_ONE,
                        shell::OPENED_PROBLEMS_OTHER,
                    )
                    .with(&[("path", &path.display()), ("count", &i18n::count(problems))])
                });
                if problems > 0 {
                    self.screen = Screen::Problems;
                }
                true
            }
            Err(error) => {
                // Reverting failed: the document stays open, and so does its lock.
                if let Some(Ok(guard)) = lock
                    && self.doc.path.as_deref() == Some(path)
                {
                    self.doc.lock = Some(guard);
                }
                if let storage::FileError::Cancelled { .. } = error {
                    if empty_if_fails {
                        self.show_empty(None);
                    }
                    self.status = Some(shell::OPEN_CANCELLED.with(&[("path", &path.display())]));
                    return false;
                }
                if matches!(error, storage::FileError::Read { .. }) {
                    self.settings.remove_recent(path);
                }
                let title = shell::COULD_NOT_OPEN.with(&[("name", &display_name(path))]);
                let message = shell::OPEN_FAILED.with(&[("error", &error)]);
                if empty_if_fails {
                    // The empty window says why, in place of the document.
                    self.show_empty(Some((title, message)));
                } else {
                    self.error(&title, message);
                }
                false
            }
        }
    }

    /// Picks up the result of a file being opened or saved, or shows how far
    /// it has gone.
    fn poll_busy(&mut self, ctx: &egui::Context) {
        let Some(busy) = self.busy.take() else {
            return;
        };
        match busy {
            Busy::Opening(opening) => match opening.task.poll() {
                Poll::Done(result) => {
                    self.finish_open(&opening.path, opening.lock, result, opening.empty_if_fails);
                }
                Poll::Lost => {
                    let title =
                        shell::COULD_NOT_OPEN.with(&[("name", &display_name(&opening.path))]);
                    let message = shell::OPEN_LOST.text().to_owned();
                    if opening.empty_if_fails {
                        self.show_empty(Some((title, message)));
                    } else {
                        self.error(&title, message);
                    }
                }
                Poll::Running => self.busy = Some(Busy::Opening(opening)),
            },
            Busy::Saving(saving) => match saving.task.poll() {
                Poll::Done(result) => self.finish_save(*saving, result),
                Poll::Lost => {
                    if let Some(watcher) = &self.doc.watcher {
                        watcher.resume();
                    }
                    self.error(shell::NOT_SAVED.text(), shell::SAVE_LOST.text().to_owned());
                }
                Poll::Running => self.busy = Some(Busy::Saving(saving)),
            },
            Busy::Reading(reading) => match reading.task.poll() {
                Poll::Done(result) => self.finish_import_read(reading.list, result),
                Poll::Lost => {
                    self.error(
                        shell::CANNOT_IMPORT.text(),
                        shell::IMPORT_LOST.text().to_owned(),
                    );
                }
                // Cancelled: the read is left to end on its own (an `.xls`
                // child is ended at once), its result unused.
                Poll::Running if reading.task.progress().is_cancelled() => {
                    self.status =
                        Some(shell::IMPORT_CANCELLED.with(&[("path", &reading.path.display())]));
                }
                Poll::Running => self.busy = Some(Busy::Reading(reading)),
            },
        }
        if self.busy.is_some() {
            ctx.request_repaint_after(busy::POLL);
        }
    }

    /// Sets how long opening or saving may hold the frame before the
    /// progress window takes over (tests set zero, to see that window).
    pub fn set_inline_wait(&mut self, wait: Duration) {
        self.inline_wait = wait;
    }

    /// Whether a file is being opened or saved (the window shows its progress).
    pub fn is_busy(&self) -> bool {
        self.busy.is_some()
    }

    fn replace_doc(&mut self, doc: Doc) {
        self.doc = doc;
        self.empty = None;
        self.tables.clear();
        self.form = None;
        self.screen = Screen::Dashboard;
        self.dashboard.new_file();
        self.merge = None;
        self.import = None;
    }

    fn error(&mut self, title: &str, message: String) {
        self.modal = Some(Modal::Error {
            title: title.to_owned(),
            message,
        });
    }

    /// Asks about unsaved work (a form not applied included) before
    /// `action`, or does it at once.
    pub fn request(&mut self, action: PendingAction) {
        if self.has_unsaved_work() {
            self.modal = Some(Modal::Unsaved(action));
        } else {
            self.perform(action);
        }
    }

    fn perform(&mut self, action: PendingAction) {
        // The user chose to drop the unsaved changes (or there were none).
        if !matches!(action, PendingAction::Open(None)) {
            self.discard_recovery();
        }
        match action {
            PendingAction::New => {
                self.replace_doc(Doc::new(new_dataset(), None, shell::UNTITLED, false));
                self.settings.last_file = None;
                self.status = Some(shell::NEW_FILE.text().to_owned());
            }
            PendingAction::Open(Some(path)) => {
                self.open_path(&path);
            }
            PendingAction::Open(None) => self.show_dialog(DialogPurpose::Open),
            PendingAction::Revert => {
                if let Some(path) = self.doc.path.clone() {
                    self.open_path(&path);
                }
            }
            PendingAction::Quit => {
                // Dropped (or saved): no copy is kept, not even at exit.
                self.drop_recovery_for_good();
                self.allow_close = true;
                self.quit_now = true;
            }
        }
    }

    fn show_dialog(&mut self, purpose: DialogPurpose<PendingAction>) {
        if self.dialog.is_some() {
            return;
        }
        let suggested = match &self.doc.path {
            Some(path) => display_name(path),
            None => "liaison-data.ron".to_owned(), // i18n: a file name, kept as is
        };
        self.dialog = Some(PendingDialog::spawn(
            self.picker.clone(),
            purpose,
            suggested,
        ));
    }

    /// Save; asks where when untitled, then carries on with `then`. The
    /// open form's changes are applied first: a save writes what the person
    /// sees (a form that cannot be applied stops the save, saying why).
    pub fn save(&mut self, then: Option<PendingAction>) {
        if self.empty.is_some() || !self.apply_form_first() {
            return;
        }
        if self.doc.read_only.is_some() {
            // The file cannot be written here: save a copy elsewhere.
            self.show_dialog(DialogPurpose::SaveAs(then));
            return;
        }
        match self.doc.path.clone() {
            None => self.show_dialog(DialogPurpose::SaveAs(then)),
            Some(path) => {
                if self.doc.has_comments {
                    self.modal = Some(Modal::Comments(then));
                } else {
                    self.save_to(&path, then);
                }
            }
        }
    }

    /// Save As, after applying the open form's changes (as [`Self::save`]).
    fn save_as(&mut self, then: Option<PendingAction>) {
        if self.empty.is_none() && self.apply_form_first() {
            self.show_dialog(DialogPurpose::SaveAs(then));
        }
    }

    fn save_to(&mut self, path: &Path, then: Option<PendingAction>) {
        self.save_checked(path, then, false);
    }

    /// Saves to `path`; unless `overwrite`, first makes sure the file was
    /// not changed on disk by someone else since we read or wrote it (if it
    /// was, the user decides).
    fn save_checked(&mut self, path: &Path, then: Option<PendingAction>, overwrite: bool) {
        let same_file = self.doc.path.as_deref() == Some(path);
        // Saving as another file: that file's lock first.
        let new_lock = if same_file {
            None
        } else {
            match lock::acquire(path) {
                Ok(guard) => Some(guard),
                Err(LockError::HeldBy(info)) => {
                    return self.error(
                        shell::NOT_SAVED.text(),
                        shell::SAVE_HELD
                            .with(&[("path", &path.display()), ("holder", &info.holder())]),
                    );
                }
                // A folder where no lock can be made: the save says why, or succeeds.
                Err(_) => None,
            }
        };
        if let Some(watcher) = &self.doc.watcher
            && same_file
        {
            watcher.pause();
        }
        // Unless told to overwrite, the save first checks that the file is
        // still the one we read or wrote (else the person decides).
        let known = match &self.doc.watcher {
            Some(watcher) if same_file && !overwrite => Some(watcher.known()),
            _ => None,
        };
        let dataset = self.doc.ws.shared();
        let target = path.to_owned();
        let work = move |progress: &Arc<Progress>| {
            document::save(&target, &dataset, known.as_ref(), progress)
        };
        let task = match Task::spawn("save-file", work) {
            Ok(task) => task,
            Err(error) => {
                if let Some(watcher) = &self.doc.watcher {
                    watcher.resume();
                }
                return self.error(
                    shell::NOT_SAVED.text(),
                    shell::SAVE_NOT_STARTED.with(&[("error", &error)]),
                );
            }
        };
        let saving = Saving {
            path: path.to_owned(),
            then,
            same_file,
            new_lock,
            state: self.doc.ws.state(),
            task,
        };
        match saving.task.wait(self.inline_wait) {
            Some(result) => self.finish_save(saving, result),
            None => self.busy = Some(Busy::Saving(Box::new(saving))),
        }
    }

    /// What follows a save: the document marked saved (as of the state
    /// written), the watcher told, the next action; or why it failed.
    fn finish_save(&mut self, saving: Saving, result: Result<Saved, storage::FileError>) {
        let Saving {
            path,
            then,
            same_file,
            new_lock,
            state,
            ..
        } = saving;
        match result {
            Ok(Saved::ChangedOnDisk) => {
                if let Some(watcher) = &self.doc.watcher {
                    watcher.resume();
                }
                drop(new_lock);
                self.modal = Some(Modal::ChangedOnDisk(then));
            }
            Ok(Saved::Written {
                backup,
                fingerprint: known,
            }) => {
                // Saved: the recovery copy (under the old name too) is not
                // needed, unless edits were made while it was written.
                if state == self.doc.ws.state() {
                    self.discard_recovery();
                }
                if same_file {
                    if let Some(watcher) = &self.doc.watcher {
                        watcher.set_known(known);
                        watcher.resume();
                    } else {
                        self.doc.watcher = self.watch(&path, known);
                    }
                } else {
                    self.doc.lock = new_lock;
                    self.doc.watcher = self.watch(&path, known);
                }
                self.doc.disk_notice = None;
                self.doc.ws.mark_saved_state(state);
                self.doc.path = Some(path.clone());
                self.doc.has_comments = false;
                // A copy saved elsewhere is ours to edit.
                self.doc.read_only = None;
                self.settings.add_recent(&path);
                self.settings.last_file = Some(path.clone());
                self.status = Some(match backup {
                    Some(backup) => shell::SAVED_WITH_BACKUP.with(&[
                        ("path", &path.display()),
                        ("backup", &display_name(&backup)),
                    ]),
                    None => shell::SAVED_TO.with(&[("path", &path.display())]),
                });
                if let Some(action) = then {
                    self.perform(action);
                }
            }
            Err(error) => {
                if let Some(watcher) = &self.doc.watcher {
                    watcher.resume();
                }
                self.error(
                    shell::NOT_SAVED.text(),
                    shell::SAVE_FAILED.with(&[("error", &error)]),
                );
            }
        }
    }

    /// Watches `path` for changes by others, from `known`.
    fn watch(&self, path: &Path, known: Fingerprint) -> Option<Watcher> {
        let repaint = self.repaint.clone();
        let waker = Box::new(move || {
            if let Ok(ctx) = repaint.lock()
                && let Some(ctx) = ctx.as_ref()
            {
                ctx.request_repaint();
            }
        });
        Watcher::start(path, known, self.watch_interval, waker).ok()
    }

    /// Sets how often open files are checked for changes on disk (tests
    /// shorten it); applies to files opened afterwards.
    pub fn set_watch_interval(&mut self, interval: Duration) {
        self.watch_interval = interval;
    }

    /// What the watcher reports, and the lock kept alive.
    fn poll_disk(&mut self) {
        if let Some(state) = self.doc.watcher.as_ref().and_then(Watcher::poll) {
            self.doc.disk_notice = match state {
                DiskState::Unchanged => None,
                other => Some(other),
            };
        }
        if self.doc.lock_refreshed.elapsed() >= lock::REFRESH_EVERY {
            self.doc.lock_refreshed = Instant::now();
            if let Some(guard) = &self.doc.lock
                && let Err(LockError::HeldBy(info)) = guard.refresh()
            {
                self.doc.lock = None;
                self.doc.read_only = Some(shell::TOOK_OVER.with(&[("holder", &info.holder())]));
            }
        }
    }

    /// The banner about a change on disk, with what can be done about it.
    fn disk_notice_ui(&mut self, ui: &mut egui::Ui) {
        let Some(state) = &self.doc.disk_notice else {
            return;
        };
        let name = self.doc.name();
        let text = match state {
            DiskState::Modified { .. } => shell::DISK_MODIFIED.with(&[("name", &name)]),
            DiskState::Missing => shell::DISK_MISSING.with(&[("name", &name)]),
            DiskState::Unreadable(why) => {
                shell::DISK_UNREADABLE.with(&[("name", &name), ("why", why)])
            }
            DiskState::Unchanged => return,
        };
        let modified = matches!(state, DiskState::Modified { .. });
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, text);
            if modified {
                let reload = if self.doc.ws.is_modified() {
                    shell::RELOAD_DROPPING
                } else {
                    shell::RELOAD
                };
                if ui.button(reload.text()).clicked() {
                    self.reload_from_disk();
                }
                if ui
                    .button(shell::MERGE_THEIRS.text())
                    .on_hover_text(shell::MERGE_THEIRS_HINT.text())
                    .clicked()
                {
                    self.merge_from_disk();
                }
            }
            if ui.button(shell::DISMISS.text()).clicked() {
                self.doc.disk_notice = None;
            }
        });
    }

    /// Reads the file again, dropping unsaved changes (the user asked).
    fn reload_from_disk(&mut self) {
        if let Some(path) = self.doc.path.clone() {
            self.open_path(&path);
        }
    }

    /// Reviews the version on disk as another office's file; from then on it
    /// is the version we know, so saving after the merge does not ask again.
    fn merge_from_disk(&mut self) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        if let (Some(watcher), Ok(now)) = (&self.doc.watcher, Fingerprint::of_file(&path)) {
            watcher.set_known(now);
        }
        self.doc.disk_notice = None;
        self.start_merge(path);
    }

    fn poll_dialog(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &self.dialog else {
            return;
        };
        match dialog.poll() {
            DialogPoll::Waiting => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
            DialogPoll::Done(path) => {
                let Some(dialog) = self.dialog.take() else {
                    return;
                };
                match (dialog.purpose, path) {
                    (DialogPurpose::Open, Some(path)) => {
                        self.open_path(&path);
                    }
                    (DialogPurpose::OpenToMerge, Some(path)) => self.start_merge(path),
                    (DialogPurpose::Import(list), Some(path)) => self.start_import(&path, list),
                    (DialogPurpose::SaveAs(then), Some(path)) => self.save_to(&path, then),
                    (DialogPurpose::Export(export), Some(path)) => self.write_export(export, &path),
                    (_, None) => {}
                }
            }
        }
    }

    fn add_record(&mut self) {
        if let Screen::List(list) = self.screen {
            let form = RecordForm::new_record(&self.doc.ws, list);
            self.show_form(Some(form));
        }
    }

    fn duplicate_selected(&mut self) {
        if let Some((list, index)) = self.selection() {
            let form = RecordForm::duplicate(&self.doc.ws, list, index);
            self.show_form(form);
        }
    }

    /// Replaces the open form (`None` closes it), asking first when the open
    /// one has changes not applied.
    fn show_form(&mut self, form: Option<RecordForm>) {
        if self.form.as_ref().is_some_and(RecordForm::is_dirty) {
            self.modal = Some(Modal::DiscardForm(form.map(Box::new)));
        } else {
            self.form = form;
        }
    }

    fn delete_selected(&mut self) {
        if let Some((list, index)) = self.selection() {
            self.confirm_delete(list, index);
        }
    }

    fn confirm_delete(&mut self, list: ListKind, index: usize) {
        if let Some(plan) = plan_delete(self.doc.ws.dataset(), list, index) {
            let lines = describe_plan(&plan, self.doc.ws.dataset(), self.doc.ws.lookup());
            self.modal = Some(Modal::Delete(Box::new(plan), lines));
        }
    }

    fn selection(&self) -> Option<(ListKind, usize)> {
        let Screen::List(list) = self.screen else {
            return None;
        };
        let index = self.tables.get(&list)?.selected()?;
        Some((list, index))
    }

    /// Applies `edit` as one undoable step named `label`, as a form or a
    /// table would (refused in read-only mode). Returns whether it applied.
    pub fn apply_edit(&mut self, label: impl Into<String>, edit: Edit) -> bool {
        self.apply(label.into(), edit)
    }

    fn apply(&mut self, label: String, edit: Edit) -> bool {
        if let Some(why) = &self.doc.read_only {
            self.status = Some(shell::READ_ONLY_REFUSED.with(&[("why", why)]));
            return false;
        }
        match self.doc.ws.apply(label.clone(), edit) {
            Ok(()) => {
                self.status = Some(label);
                true
            }
            Err(error) => {
                self.error(shell::CHANGE_FAILED.text(), error.to_string());
                false
            }
        }
    }

    fn undo(&mut self) {
        if self.form_is_dirty() {
            self.status = Some(shell::FORM_BEFORE_UNDO.text().to_owned());
            return;
        }
        let label = self.doc.ws.undo_label().map(str::to_owned);
        if self.doc.ws.undo() {
            self.form = None;
            self.status = label.map(|l| shell::UNDONE.with(&[("label", &l)]));
        }
    }

    fn redo(&mut self) {
        if self.form.as_ref().is_some_and(RecordForm::is_dirty) {
            self.status = Some(shell::FORM_BEFORE_REDO.text().to_owned());
            return;
        }
        let label = self.doc.ws.redo_label().map(str::to_owned);
        if self.doc.ws.redo() {
            self.form = None;
            self.status = label.map(|l| shell::REDONE.with(&[("label", &l)]));
        }
    }

    /// Shows a record: its list, selected, with its form open.
    pub fn go_to(&mut self, list: ListKind, index: usize) {
        if matches!(list, ListKind::Zones | ListKind::Countries) {
            self.screen = Screen::Zones;
            return;
        }
        self.screen = Screen::List(list);
        self.tables
            .entry(list)
            .or_insert_with(|| TableView::new(list))
            .select(Some(index));
        let form = RecordForm::edit(&self.doc.ws, list, index);
        self.show_form(form);
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        if self.modal.is_some() || self.busy.is_some() {
            return;
        }
        let typing = ctx.egui_wants_keyboard_input();
        let pressed = |s: &KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(s));
        // Most specific first: Ctrl+Shift+S before Ctrl+S.
        if pressed(&shortcuts::QUIT) {
            self.request(PendingAction::Quit);
        }
        if pressed(&shortcuts::OPEN) {
            self.request(PendingAction::Open(None));
        }
        if self.empty.is_some() {
            // Nothing open: nothing to save, add, search or undo.
            return;
        }
        if pressed(&shortcuts::SAVE_AS) {
            self.save_as(None);
        } else if pressed(&shortcuts::SAVE) {
            self.save(None);
        }
        if pressed(&shortcuts::NEW_RECORD) {
            self.add_record();
        }
        for (key, screen) in SCREEN_KEYS {
            if pressed(&KeyboardShortcut::new(Modifiers::COMMAND, key)) {
                self.switch_to(screen);
            }
        }
        if pressed(&shortcuts::FIND)
            && let Screen::List(list) = self.screen
        {
            self.tables
                .entry(list)
                .or_insert_with(|| TableView::new(list))
                .request_search_focus();
        }
        if !typing {
            if pressed(&shortcuts::REDO) || pressed(&shortcuts::REDO_Y) {
                self.redo();
            } else if pressed(&shortcuts::UNDO) {
                self.undo();
            }
            if self.form.is_none() && pressed(&shortcuts::DELETE) {
                self.delete_selected();
            }
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_owned()));
        if let Some(path) = dropped {
            if self.busy.is_some() {
                self.status =
                    Some(shell::DROPPED_WHILE_BUSY.with(&[("name", &display_name(&path))]));
                return;
            }
            // A spreadsheet dropped on the window is imported; anything else opened.
            let spreadsheet = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                files::SPREADSHEET_EXTENSIONS
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(e))
            });
            if spreadsheet && self.empty.is_some() {
                self.status =
                    Some(shell::IMPORT_NEEDS_FILE.with(&[("name", &display_name(&path))]));
            } else if spreadsheet {
                self.start_import(&path, self.import_target());
            } else {
                self.request(PendingAction::Open(Some(path)));
            }
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if matches!(self.busy, Some(Busy::Saving(_))) {
                // Never stop a save halfway: close once it is done.
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.status = Some(shell::CLOSE_WHILE_SAVING.text().to_owned());
            } else if self.has_unsaved_work() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.modal = Some(Modal::Unsaved(PendingAction::Quit));
            } else {
                self.allow_close = true;
            }
        }
        if std::mem::take(&mut self.quit_now) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Whether the app agreed to close (after asking about unsaved changes).
    pub fn may_close(&self) -> bool {
        self.allow_close
    }

    /// Speaks the chosen language on this thread; after a change, words
    /// cached in the old one (problems, tables, charts) are made again.
    fn apply_language(&mut self) {
        let language = self.settings.language.unwrap_or_default();
        i18n::set_language(language);
        if self.language_applied != language {
            self.language_applied = language;
            self.doc.ws.revalidate();
            self.tables.clear();
            self.dashboard.forget_figures();
        }
    }

    fn apply_look(&mut self, ctx: &egui::Context) {
        // egui's own keyboard zoom (Ctrl +/-/0) changes the context's zoom:
        // adopt it, unless the View menu has just asked for another one.
        // (A zoom set here only shows in `ctx.zoom_factor()` from the next pass.)
        if let Some((_, sent_zoom)) = self.theme_applied {
            let current = ctx.zoom_factor();
            if self.settings.zoom == sent_zoom && current != sent_zoom {
                self.settings.zoom = current;
                self.theme_applied = Some((self.settings.theme, current));
            }
        }
        self.settings.zoom = self.settings.zoom.clamp(0.5, 3.0);
        let wanted = (self.settings.theme, self.settings.zoom);
        if self.theme_applied != Some(wanted) {
            theme::install(ctx);
            ctx.set_theme(self.settings.theme.preference());
            ctx.set_zoom_factor(self.settings.zoom);
            self.theme_applied = Some(wanted);
        }
    }

    /// Draws the whole window.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // Escape answers a dialog only if it was already open when the key
        // was pressed (the same Escape may have just closed a form).
        let modal_was_open = self.modal.is_some();
        self.apply_language();
        self.apply_look(&ctx);
        if let Ok(mut repaint) = self.repaint.lock()
            && repaint.is_none()
        {
            *repaint = Some(ctx.clone());
        }
        self.poll_busy(&ctx);
        self.poll_dialog(&ctx);
        self.poll_disk();
        self.keep_recovery(&ctx);
        self.receive_screenshot(&ctx);
        self.handle_dropped_files(&ctx);
        self.handle_close_request(&ctx);
        self.handle_shortcuts(&ctx);

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if self.doc.disk_notice.is_some() {
            egui::Panel::top("disk-notice").show(ui, |ui| self.disk_notice_ui(ui));
        }
        if let Some(why) = self.doc.read_only.clone() {
            egui::Panel::top("read-only").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        shell::READ_ONLY_BANNER.with(&[("why", &why)]),
                    );
                    if ui
                        .button(shell::SAVE_AS.text())
                        .on_hover_text(shell::SAVE_COPY_HINT.text())
                        .clicked()
                    {
                        self.save_as(None);
                    }
                });
            });
        }
        if let Some(empty) = &self.empty {
            let action = egui::CentralPanel::default()
                .show(ui, |ui| empty.ui(ui, &self.settings.recent_files))
                .inner;
            match action {
                Some(EmptyAction::Open) => self.request(PendingAction::Open(None)),
                Some(EmptyAction::New) => self.request(PendingAction::New),
                Some(EmptyAction::OpenRecent(path)) => {
                    self.request(PendingAction::Open(Some(path)));
                }
                None => {}
            }
        } else {
            self.document_ui(ui);
        }
        self.modal_ui(&ctx, modal_was_open);
        if let Some(busy) = &self.busy
            && busy::progress_ui(&ctx, busy)
        {
            busy.progress().cancel();
        }

        let title = self.window_title();
        if self.title_sent.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }
    }

    /// The open document: navigation, the form beside the screen.
    fn document_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(theme::NAV_WIDTH)
            .show(ui, |ui| self.nav_ui(ui));
        if let Some(form) = &self.form {
            // A note is read beside its editor: its form gets a wider panel.
            let (id, width) = if form.list() == ListKind::CountryNotes {
                ("note-form", theme::NOTE_FORM_WIDTH)
            } else {
                ("form", theme::FORM_WIDTH)
            };
            egui::Panel::right(id)
                .resizable(true)
                .default_size(width)
                .show(ui, |ui| self.form_panel_ui(ui));
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui));
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(shell::FILE.text(), |ui| {
                if ui.button(shell::NEW.text()).clicked() {
                    self.request(PendingAction::New);
                }
                let open = ui.add(
                    egui::Button::new(shell::OPEN.text())
                        .shortcut_text(ui.ctx().format_shortcut(&shortcuts::OPEN)),
                );
                if open.clicked() {
                    self.request(PendingAction::Open(None));
                }
                ui.menu_button(shell::OPEN_RECENT.text(), |ui| {
                    if self.settings.recent_files.is_empty() {
                        ui.label(shell::NO_RECENT.text());
                    }
                    let mut chosen = None;
                    for path in &self.settings.recent_files {
                        if ui
                            .button(display_name(path))
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            chosen = Some(path.clone());
                        }
                    }
                    if let Some(path) = chosen {
                        self.request(PendingAction::Open(Some(path)));
                    }
                });
                ui.separator();
                let has_doc = self.empty.is_none();
                let save = ui.add_enabled(
                    has_doc,
                    egui::Button::new(shell::SAVE.text())
                        .shortcut_text(ui.ctx().format_shortcut(&shortcuts::SAVE)),
                );
                if save.clicked() {
                    self.save(None);
                }
                let save_as = ui.add_enabled(
                    has_doc,
                    egui::Button::new(shell::SAVE_AS.text())
                        .shortcut_text(ui.ctx().format_shortcut(&shortcuts::SAVE_AS)),
                );
                if save_as.clicked() {
                    self.save_as(None);
                }
                let can_revert = self.doc.path.is_some() && self.has_unsaved_work();
                if ui
                    .add_enabled(can_revert, egui::Button::new(shell::REVERT.text()))
                    .on_hover_text(shell::REVERT_HINT.text())
                    .clicked()
                {
                    self.request(PendingAction::Revert);
                }
                ui.separator();
                if ui
                    .add_enabled(has_doc, egui::Button::new(shell::IMPORT.text()))
                    .on_hover_text(shell::IMPORT_HINT.text())
                    .clicked()
                {
                    self.show_dialog(DialogPurpose::Import(self.import_target()));
                }
                if ui
                    .add_enabled(has_doc, egui::Button::new(shell::MERGE_FILE.text()))
                    .on_hover_text(shell::MERGE_FILE_HINT.text())
                    .clicked()
                {
                    self.show_dialog(DialogPurpose::OpenToMerge);
                }
                ui.add_enabled_ui(has_doc, |ui| {
                    ui.menu_button(shell::EXPORT.text(), |ui| self.export_menu_ui(ui));
                });
                ui.separator();
                let quit = ui.add(
                    egui::Button::new(shell::QUIT.text())
                        .shortcut_text(ui.ctx().format_shortcut(&shortcuts::QUIT)),
                );
                if quit.clicked() {
                    self.request(PendingAction::Quit);
                }
            });
            ui.menu_button(shell::EDIT.text(), |ui| {
                let undo_text = match self.doc.ws.undo_label() {
                    Some(label) => shell::UNDO_LABEL.with(&[("label", &label)]),
                    None => shell::UNDO.text().to_owned(),
                };
                let undo = ui.add_enabled(
                    self.doc.ws.undo_label().is_some(),
                    egui::Button::new(undo_text)
                        .shortcut_text(ui.ctx().format_shortcut(&shortcuts::UNDO)),
                );
                if undo.clicked() {
                    self.undo();
                }
                let redo_text = match self.doc.ws.redo_label() {
                    Some(label) => shell::REDO_LABEL.with(&[("label", &label)]),
                    None => shell::REDO.text().to_owned(),
                };
                let redo = ui.add_enabled(
                    self.doc.ws.redo_label().is_some(),
                    egui::Button::new(redo_text)
                        .shortcut_text(ui.ctx().format_shortcut(&shortcuts::REDO)),
                );
                if redo.clicked() {
                    self.redo();
                }
                ui.separator();
                let in_list = matches!(self.screen, Screen::List(_)) && self.empty.is_none();
                let has_selection = self.selection().is_some();
                if ui
                    .add_enabled(
                        in_list,
                        egui::Button::new(shell::ADD.text())
                            .shortcut_text(ui.ctx().format_shortcut(&shortcuts::NEW_RECORD)),
                    )
                    .clicked()
                {
                    self.add_record();
                }
                if ui
                    .add_enabled(has_selection, egui::Button::new(shell::DUPLICATE.text()))
                    .clicked()
                {
                    self.duplicate_selected();
                }
                if ui
                    .add_enabled(
                        has_selection,
                        egui::Button::new(shell::DELETE_ASK.text())
                            .shortcut_text(ui.ctx().format_shortcut(&shortcuts::DELETE)),
                    )
                    .clicked()
                {
                    self.delete_selected();
                }
            });
            ui.menu_button(shell::VIEW.text(), |ui| {
                ui.label(shell::LANGUAGE.text());
                for language in Language::ALL {
                    ui.radio_value(
                        &mut self.settings.language,
                        Some(language),
                        i18n::verbatim(language.native_name()),
                    )
                    .on_hover_text(shell::LANGUAGE_HINT.text());
                }
                ui.separator();
                ui.label(shell::THEME.text());
                for (choice, label) in [
                    (ThemeChoice::System, shell::THEME_SYSTEM),
                    (ThemeChoice::Light, shell::THEME_LIGHT),
                    (ThemeChoice::Dark, shell::THEME_DARK),
                ] {
                    ui.radio_value(&mut self.settings.theme, choice, label.text());
                }
                ui.separator();
                ui.label(shell::ZOOM.with(&[(
                    "percent",
                    &i18n::decimal(f64::from(self.settings.zoom) * 100.0, 0),
                )]));
                ui.horizontal(|ui| {
                    if ui.button(shell::SMALLER.text()).clicked() {
                        self.settings.zoom = (self.settings.zoom - 0.1).max(0.5);
                        self.theme_applied = None;
                    }
                    if ui.button(shell::ZOOM_RESET.text()).clicked() {
                        self.settings.zoom = 1.0;
                        self.theme_applied = None;
                    }
                    if ui.button(shell::LARGER.text()).clicked() {
                        self.settings.zoom = (self.settings.zoom + 0.1).min(3.0);
                        self.theme_applied = None;
                    }
                });
            });
            ui.menu_button(shell::HELP.text(), |ui| {
                if ui.button(shell::KEYBOARD_SHORTCUTS.text()).clicked() {
                    self.modal = Some(Modal::Shortcuts);
                }
                if ui.button(shell::SCRIPTS_AND_FONTS.text()).clicked() {
                    self.modal = Some(Modal::Scripts);
                }
            });
        });
    }

    fn nav_ui(&mut self, ui: &mut egui::Ui) {
        ui.add_space(6.0);
        let dataset = self.doc.ws.dataset();
        let mut go = None;
        let width = ui.available_width();
        let mut entry = |ui: &mut egui::Ui, screen: Screen, title: &str, count: Option<usize>| {
            let mut button = egui::Button::selectable(self.screen == screen, title)
                .min_size(egui::vec2(width, 24.0));
            if let Some(count) = count {
                button = button.right_text(i18n::count(count as u64));
            }
            if ui.add(button).clicked() {
                go = Some(screen);
            }
        };
        entry(ui, Screen::Dashboard, shell::DASHBOARD.text(), None);
        ui.separator();
        for list in LIST_SCREENS {
            let count = crate::edit::list_len(dataset, list);
            entry(ui, Screen::List(list), list_title(list), Some(count));
        }
        entry(
            ui,
            Screen::Zones,
            shell::ZONES_AND_COUNTRIES.text(),
            Some(dataset.zones.len()),
        );
        ui.separator();
        entry(
            ui,
            Screen::Problems,
            shell::PROBLEMS.text(),
            Some(self.doc.ws.problems().len()),
        );
        if let Some(screen) = go {
            self.switch_to(screen);
        }
    }

    /// Shows another screen; a form without unapplied changes closes.
    pub fn switch_to(&mut self, screen: Screen) {
        // Going elsewhere leaves a merge or an import under review (nothing
        // was changed).
        self.merge = None;
        self.import = None;
        if screen != self.screen {
            self.screen = screen;
            if !self.form.as_ref().is_some_and(RecordForm::is_dirty) {
                self.form = None;
            }
        }
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if self.empty.is_some() {
                ui.label(shell::NO_FILE_OPEN.text());
                if let Some(status) = &self.status {
                    ui.separator();
                    ui.label(status);
                }
                return;
            }
            let place = match &self.doc.path {
                Some(path) => path.display().to_string(),
                None => shell::NOT_SAVED_YET.with(&[("name", &self.doc.untitled_name)]),
            };
            ui.label(place);
            ui.separator();
            if self.doc.ws.is_modified() {
                ui.colored_label(ui.visuals().warn_fg_color, shell::UNSAVED_CHANGES.text());
            } else if self.form_is_dirty() {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    shell::FORM_NOT_APPLIED_YET.text(),
                );
            } else if self.doc.path.is_some() {
                ui.label(shell::SAVED.text());
            } else {
                ui.label(shell::NO_CHANGES.text());
            }
            ui.separator();
            let (errors, warnings) = validate::count(self.doc.ws.problems());
            let text = format!(
                "{}, {}",
                i18n::counted(errors as u64, shell::ERRORS_ONE, shell::ERRORS_OTHER),
                i18n::counted(warnings as u64, shell::WARNINGS_ONE, shell::WARNINGS_OTHER)
            );
            let color = if errors > 0 {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().text_color()
            };
            if ui
                .link(egui::RichText::new(text).color(color))
                .on_hover_text(shell::SHOW_PROBLEMS.text())
                .clicked()
            {
                self.screen = Screen::Problems;
            }
            if let Some(status) = &self.status {
                ui.separator();
                ui.label(status);
            }
        });
    }

    fn central_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(view) = &mut self.import {
            match view.ui(ui, &self.doc.ws) {
                Some(ImportAction::Apply { label, edit }) => {
                    self.finish_import(ui.ctx(), label, *edit);
                }
                Some(ImportAction::Cancel) => self.import = None,
                None => {}
            }
            return;
        }
        if let Some(view) = &mut self.merge {
            match view.ui(ui, self.doc.ws.dataset(), self.doc.ws.revision()) {
                Some(MergeAction::Apply { label, edit }) => self.finish_merge(label, *edit),
                Some(MergeAction::Cancel) => self.merge = None,
                None => {}
            }
            return;
        }
        match self.screen {
            Screen::Dashboard => {
                let name = self.doc.name();
                let action = egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        self.dashboard
                            .ui(ui, &self.doc.ws, self.doc.ws.lookup(), &name)
                    })
                    .inner;
                if let Some(action) = action {
                    self.dashboard_action(ui.ctx(), action);
                }
            }
            Screen::Problems => {
                if let Some((list, index)) = problems::problems_ui(ui, self.doc.ws.problems()) {
                    self.go_to(list, index);
                }
            }
            Screen::List(list) => self.list_ui(ui, list),
            Screen::Zones => {
                let action = egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        self.zones.ui(ui, &self.doc.ws, self.doc.ws.lookup())
                    })
                    .inner;
                match action {
                    Some(ZonesAction::Apply { label, edit }) => {
                        self.apply(label, *edit);
                    }
                    Some(ZonesAction::DeleteZone(index)) => {
                        self.confirm_delete(ListKind::Zones, index)
                    }
                    None => {}
                }
            }
        }
    }

    /// Carries out what the dashboard asked for.
    fn dashboard_action(&mut self, ctx: &egui::Context, action: DashboardAction) {
        match action {
            DashboardAction::Drill { list, label, drill } => {
                self.switch_to(Screen::List(list));
                self.tables
                    .entry(list)
                    .or_insert_with(|| TableView::new(list))
                    .show_drill(label, drill);
            }
            DashboardAction::ExportCsv { chart, csv } => {
                self.export(
                    Export {
                        what: shell::NUMBERS_OF_CHART.with(&[("chart", &chart.title())]),
                        format: ExportFormat::Csv,
                        bytes: csv,
                    },
                    chart.file_stem(),
                );
            }
            DashboardAction::ExportPng { chart, rect } => {
                // The window's image arrives after the frame is painted.
                let (sender, receiver) = std::sync::mpsc::channel();
                let repaint = ctx.clone();
                ctx.request_screenshot(move |image| {
                    sender.send(image).ok();
                    repaint.request_repaint();
                });
                self.pending_image = Some(PendingImage {
                    chart,
                    rect,
                    receiver,
                });
            }
        }
    }

    /// Turns the screenshot asked for by a chart's PNG button into a file.
    fn receive_screenshot(&mut self, ctx: &egui::Context) {
        let Some(pending) = &self.pending_image else {
            return;
        };
        let image = match pending.receiver.try_recv() {
            Ok(image) => image,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.pending_image = None;
                self.status = Some(shell::NO_SCREENSHOT.text().to_owned());
                return;
            }
        };
        let (chart, rect) = (pending.chart, pending.rect);
        self.pending_image = None;
        match image_export::crop_to_png(&image, rect, ctx.pixels_per_point()) {
            Ok(bytes) => self.export(
                Export {
                    what: shell::THE_CHART.with(&[("chart", &chart.title())]),
                    format: ExportFormat::Png,
                    bytes,
                },
                chart.file_stem(),
            ),
            Err(message) => self.error(shell::IMAGE_FAILED.text(), message),
        }
    }

    /// Reads another office's file and shows what merging it would do.
    fn start_merge(&mut self, path: PathBuf) {
        match storage::load_file(&path) {
            Ok(_) if self.form.as_ref().is_some_and(RecordForm::is_dirty) => {
                self.status = Some(shell::FORM_BEFORE_MERGE.text().to_owned());
            }
            Ok(parsed) => {
                self.form = None;
                self.merge = Some(MergeView::new(
                    path,
                    self.doc.ws.dataset(),
                    self.doc.ws.revision(),
                    parsed.dataset,
                ));
            }
            Err(error) => self.error(
                shell::CANNOT_MERGE.text(),
                shell::NOTHING_CHANGED.with(&[("error", &error)]),
            ),
        }
    }

    /// Applies a reviewed merge as one step; on failure the reason is shown
    /// and the review stays open.
    fn finish_merge(&mut self, label: String, edit: Edit) {
        if self.apply(label.clone(), edit) {
            self.status = Some(shell::MERGE_DONE.with(&[("label", &label)]));
            self.merge = None;
        }
    }

    /// The list an import goes into at first: the one shown, else meetings.
    fn import_target(&self) -> ListKind {
        match self.screen {
            Screen::List(list) => list,
            _ => ListKind::Meetings,
        }
    }

    /// Reads a spreadsheet on a worker thread and shows its import into
    /// `list`: at once for a small file, else behind the progress window
    /// (an `.xls` is read by a child process that may take a while).
    fn start_import(&mut self, path: &Path, list: ListKind) {
        if self.form.as_ref().is_some_and(RecordForm::is_dirty) {
            self.status = Some(shell::FORM_BEFORE_IMPORT.text().to_owned());
            return;
        }
        let target = path.to_owned();
        let task = match Task::spawn("read-spreadsheet", move |progress| {
            progress.begin(progress::Step::Reading, 0.0, 1.0, 0);
            crate::import::read_table_for(&target, Some(list.file_name()))
        }) {
            Ok(task) => task,
            Err(_) => {
                // No thread to be had: read here, the window waits.
                let result = crate::import::read_table_for(path, Some(list.file_name()));
                self.finish_import_read(list, result);
                return;
            }
        };
        match task.wait(self.inline_wait) {
            Some(result) => self.finish_import_read(list, result),
            None => {
                self.busy = Some(Busy::Reading(Box::new(busy::Reading {
                    path: path.to_owned(),
                    list,
                    task,
                })));
            }
        }
    }

    /// Shows the import of the table read, or says why it could not be read.
    fn finish_import_read(&mut self, list: ListKind, result: Result<Table, ImportError>) {
        match result {
            Ok(table) => {
                self.form = None;
                self.merge = None;
                self.import = Some(ImportView::new(table, list));
            }
            Err(error) => self.error(
                shell::CANNOT_IMPORT.text(),
                shell::NOTHING_CHANGED.with(&[("error", &error)]),
            ),
        }
    }

    /// Applies an import as one step, then shows the list it went into,
    /// every row of it: a search or filter that would hide the new rows (a
    /// drill-down from the dashboard, say) is cleared, and the status says
    /// so. The status promises that Ctrl+Z undoes the import, so no text
    /// field keeps the keyboard (its own undo would answer instead).
    fn finish_import(&mut self, ctx: &egui::Context, label: String, edit: Edit) {
        let list = self.import.as_ref().map(ImportView::list);
        let before = list.map(|list| crate::edit::list_len(self.doc.ws.dataset(), list));
        if self.apply(label.clone(), edit) {
            self.import = None;
            let mut cleared = false;
            if let (Some(list), Some(before)) = (list, before) {
                self.switch_to(Screen::List(list));
                let added = crate::edit::list_len(self.doc.ws.dataset(), list) > before;
                let table = self
                    .tables
                    .entry(list)
                    .or_insert_with(|| TableView::new(list));
                if table.has_filters() || !table.search().is_empty() {
                    table.clear_filters();
                    table.set_search("");
                    cleared = true;
                }
                // The first row added is selected, and scrolled to.
                if added {
                    table.select(Some(before));
                }
            }
            ctx.memory_mut(|memory| {
                if let Some(id) = memory.focused() {
                    memory.surrender_focus(id);
                }
            });
            let done = if cleared {
                shell::IMPORT_DONE_SHOWN
            } else {
                shell::IMPORT_DONE
            };
            self.status = Some(done.with(&[("label", &label)]));
        }
    }

    /// The import being prepared, if any.
    pub fn import_view(&self) -> Option<&ImportView> {
        self.import.as_ref()
    }

    /// The merge being reviewed, if any.
    pub fn merge_view(&self) -> Option<&MergeView> {
        self.merge.as_ref()
    }

    /// Asks where to write an exported file, named after `stem` and the date.
    fn export(&mut self, export: Export, stem: &str) {
        let today = chrono::Local::now().date_naive();
        let suggested = format!("{stem}-{today}.{}", export.format.extension());
        self.export_as(export, suggested);
    }

    /// Asks where to write an exported file, suggesting `suggested`.
    fn export_as(&mut self, export: Export, suggested: String) {
        if self.dialog.is_some() {
            return;
        }
        self.dialog = Some(PendingDialog::spawn(
            self.picker.clone(),
            DialogPurpose::Export(export),
            suggested,
        ));
    }

    /// File → Export: the table shown (as filtered and sorted), or the whole file.
    fn export_menu_ui(&mut self, ui: &mut egui::Ui) {
        let list = match self.screen {
            Screen::List(list) => Some(list),
            _ => None,
        };
        let what = list.map_or_else(
            || shell::EXPORT_NO_LIST.text().to_owned(),
            |l| shell::EXPORT_AS_SHOWN.with(&[("list", &list_title(l))]),
        );
        ui.label(egui::RichText::new(what).weak());
        let choices = [
            (
                i18n::verbatim("CSV…"),
                ExportFormat::Csv,
                Dialect::Standard,
                shell::EXPORT_CSV_HINT.text(),
            ),
            (
                shell::EXPORT_CSV_FRENCH.text(),
                ExportFormat::Csv,
                Dialect::ExcelFrench,
                shell::EXPORT_CSV_FRENCH_HINT.text(),
            ),
            (
                shell::EXPORT_XLSX.text(),
                ExportFormat::Xlsx,
                Dialect::Standard,
                shell::EXPORT_XLSX_HINT.text(),
            ),
        ];
        for (label, format, dialect, hint) in choices {
            if ui
                .add_enabled(list.is_some(), egui::Button::new(label))
                .on_hover_text(hint)
                .clicked()
                && let Some(list) = list
            {
                self.export_list(list, format, dialect);
            }
        }
        ui.separator();
        if ui
            .button(shell::EXPORT_WORKBOOK.text())
            .on_hover_text(shell::EXPORT_WORKBOOK_HINT.text())
            .clicked()
        {
            self.export_whole_file();
        }
    }

    /// Exports the records of `list` shown in its table, in their order.
    fn export_list(&mut self, list: ListKind, format: ExportFormat, dialect: Dialect) {
        let dataset = self.doc.ws.dataset();
        let positions = match self.tables.get(&list) {
            Some(table) if table.total_rows() == crate::edit::list_len(dataset, list) => {
                table.filtered_positions().to_vec()
            }
            _ => crate::export::all_positions(dataset, list),
        };
        let bytes = match format {
            ExportFormat::Xlsx => match crate::export::export_xlsx(dataset, list, &positions) {
                Ok(bytes) => bytes,
                Err(error) => {
                    return self.error(
                        shell::EXPORT_FAILED.text(),
                        shell::LIST_NOT_EXPORTED
                            .with(&[("list", &list_title(list)), ("error", &error)]),
                    );
                }
            },
            _ => crate::export::export_csv(dataset, list, &positions, dialect),
        };
        let today = chrono::Local::now().date_naive();
        let suggested = crate::export::default_file_name(Some(list), format.extension(), today);
        let count = positions.len();
        self.export_as(
            Export {
                what: counted_records(list, count),
                format,
                bytes,
            },
            suggested,
        );
    }

    /// Exports every list as a sheet of one workbook.
    fn export_whole_file(&mut self) {
        match crate::export::export_workbook(self.doc.ws.dataset()) {
            Ok(bytes) => {
                let today = chrono::Local::now().date_naive();
                let suggested = crate::export::default_file_name(None, "xlsx", today);
                self.export_as(
                    Export {
                        what: shell::WHOLE_FILE.text().to_owned(),
                        format: ExportFormat::Xlsx,
                        bytes,
                    },
                    suggested,
                );
            }
            Err(error) => self.error(
                shell::EXPORT_FAILED.text(),
                shell::WORKBOOK_FAILED.with(&[("error", &error)]),
            ),
        }
    }

    /// Writes an exported file where the user chose.
    fn write_export(&mut self, export: Export, path: &Path) {
        match storage::write_export(path, &export.bytes) {
            Ok(()) => {
                self.status = Some(
                    shell::EXPORTED.with(&[("what", &export.what), ("path", &path.display())]),
                );
            }
            Err(error) => self.error(shell::EXPORT_FAILED.text(), error.to_string()),
        }
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, list: ListKind) {
        ui.horizontal(|ui| {
            ui.heading(list_title(list));
            ui.add_space(12.0);
            if ui
                .button(add_label(list).text())
                .on_hover_text(ui.ctx().format_shortcut(&shortcuts::NEW_RECORD))
                .clicked()
            {
                self.add_record();
            }
            let has_selection = self.selection().is_some();
            if ui
                .add_enabled(has_selection, egui::Button::new(shell::DUPLICATE.text()))
                .clicked()
            {
                self.duplicate_selected();
            }
            if ui
                .add_enabled(has_selection, egui::Button::new(shell::DELETE_ASK.text()))
                .clicked()
            {
                self.delete_selected();
            }
        });
        ui.add_space(4.0);
        let table = self
            .tables
            .entry(list)
            .or_insert_with(|| TableView::new(list));
        match table.ui(ui, &self.doc.ws, self.doc.ws.lookup()) {
            Some(TableAction::Open(index)) => {
                let form = RecordForm::edit(&self.doc.ws, list, index);
                self.show_form(form);
            }
            Some(TableAction::Undo) => self.undo(),
            None => {}
        }
    }

    fn form_panel_ui(&mut self, ui: &mut egui::Ui) {
        let Some(form) = self.form.as_mut() else {
            return;
        };
        let action = egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| form.ui(ui, &self.doc.ws, self.doc.ws.lookup()))
            .inner;
        match action {
            Some(FormAction::Apply { edit, label }) => {
                let (list, index) = (form.list(), form.index());
                self.apply_form(list, index, label, edit);
            }
            Some(FormAction::Cancel) => self.show_form(None),
            None => {}
        }
    }

    fn modal_ui(&mut self, ctx: &egui::Context, escape_allowed: bool) {
        let Some(modal) = self.modal.take() else {
            return;
        };
        let mut keep = true;
        let mut discard_form = false;
        let mut then: Option<Continuation> = None;
        let escape = escape_allowed && ctx.input(|i| i.key_pressed(Key::Escape));
        // The keyboard starts on the dialog's default button (Enter or
        // Space answers it, Tab moves on), unless it is already inside the
        // dialog: nothing has the focus, or a widget behind the dialog has.
        let focus_default = ctx.memory(|m| m.focused()).is_none_or(|id| {
            ctx.read_response(id)
                .is_none_or(|r| !ctx.memory(|m| m.allows_interaction(r.layer_id)))
        });
        let default = move |response: egui::Response| {
            if focus_default {
                response.request_focus();
            }
            response
        };
        egui::Modal::new(egui::Id::unique("modal")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            match &modal {
                Modal::Unsaved(action) => {
                    ui.heading(shell::SAVE_CHANGES.text());
                    if self.doc.ws.is_modified() {
                        ui.label(shell::UNSAVED_WILL_BE_LOST.with(&[("name", &self.doc.name())]));
                    }
                    if let Some(form) = self.form.as_ref().filter(|f| f.is_dirty()) {
                        ui.label(
                            shell::UNSAVED_FORM.with(&[("record", &unsaved::form_record(form))]),
                        );
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if default(ui.button(shell::SAVE.text())).clicked() {
                            let action = action.clone();
                            then = Some(Box::new(move |app: &mut Self| app.save(Some(action))));
                            keep = false;
                        }
                        if ui.button(shell::DONT_SAVE.text()).clicked() {
                            let action = action.clone();
                            then = Some(Box::new(move |app: &mut Self| app.perform(action)));
                            keep = false;
                        }
                        if ui.button(shell::CANCEL.text()).clicked() || escape {
                            keep = false;
                        }
                    });
                }
                Modal::Delete(plan, lines) => {
                    let (question, deletion) = delete_words(plan.list);
                    ui.heading(question.text());
                    for line in lines {
                        ui.label(line);
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        let label = if plan.references.is_empty() {
                            shell::DELETE
                        } else {
                            shell::DELETE_WITH_REFERENCES
                        };
                        if ui.button(label.text()).clicked() {
                            let edit = plan.edit.clone();
                            let label = deletion.with(&[("id", &plan.record_id)]);
                            then = Some(Box::new(move |app: &mut Self| {
                                if app.apply(label, edit) {
                                    app.form = None;
                                    if let Screen::List(list) = app.screen
                                        && let Some(table) = app.tables.get_mut(&list)
                                    {
                                        table.select(None);
                                    }
                                }
                            }));
                            keep = false;
                        }
                        if default(ui.button(shell::CANCEL.text())).clicked() || escape {
                            keep = false;
                        }
                    });
                }
                Modal::Comments(action) => {
                    ui.heading(shell::COMMENTS_LOST.text());
                    ui.label(shell::COMMENTS_EXPLAINED.text());
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(shell::SAVE_WITHOUT_COMMENTS.text()).clicked() {
                            let action = action.clone();
                            then = Some(Box::new(move |app: &mut Self| {
                                app.doc.has_comments = false;
                                app.save(action);
                            }));
                            keep = false;
                        }
                        if ui.button(shell::SAVE_AS.text()).clicked() {
                            let action = action.clone();
                            then = Some(Box::new(move |app: &mut Self| {
                                app.show_dialog(DialogPurpose::SaveAs(action));
                            }));
                            keep = false;
                        }
                        if default(ui.button(shell::CANCEL.text())).clicked() || escape {
                            keep = false;
                        }
                    });
                }
                Modal::Recover(copy) => {
                    ui.heading(shell::RESTORE_QUESTION.text());
                    let file = copy.original.as_ref().map_or_else(
                        || shell::AN_UNTITLED_FILE.text().to_owned(),
                        |p| p.display().to_string(),
                    );
                    let title = copy
                        .title
                        .as_ref()
                        .map(|t| shell::TITLED.with(&[("title", t)]))
                        .unwrap_or_default();
                    ui.label(shell::STOPPED_BEFORE_SAVING.with(&[
                        ("file", &file),
                        ("title", &title),
                        ("when", &date_at_time(&copy.written)),
                    ]));
                    if copy.original_changed_since() {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            shell::ORIGINAL_CHANGED.text(),
                        );
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if default(ui.button(shell::RESTORE.text())).clicked() {
                            let copy = (**copy).clone();
                            then = Some(Box::new(move |app: &mut Self| app.restore(copy)));
                            keep = false;
                        }
                        if ui.button(shell::DISCARD_IT.text()).clicked() {
                            let copy = (**copy).clone();
                            then = Some(Box::new(move |app: &mut Self| {
                                if let Err(error) = copy.discard() {
                                    app.error(
                                        shell::RECOVERY_NOT_REMOVED.text(),
                                        error.to_string(),
                                    );
                                }
                            }));
                            keep = false;
                        }
                        if ui.button(shell::DECIDE_LATER.text()).clicked() || escape {
                            keep = false;
                        }
                    });
                }
                Modal::Locked(info) => {
                    let path = info.path.clone();
                    ui.heading(shell::SOMEONE_HAS_IT.text());
                    let holder = info.holder();
                    ui.label(match &info.since {
                        Some(since) => shell::OPEN_BY_SINCE.with(&[
                            ("path", &path.display()),
                            ("holder", &holder),
                            ("when", &date_at_time(since)),
                        ]),
                        None => {
                            shell::OPEN_BY.with(&[("path", &path.display()), ("holder", &holder)])
                        }
                    });
                    if info.stale {
                        ui.label(shell::STALE_LOCK.text());
                    } else {
                        ui.label(shell::LIVE_LOCK.text());
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if default(ui.button(shell::OPEN_READ_ONLY.text())).clicked() {
                            let why = shell::HAS_IT_OPEN.with(&[("holder", &holder)]);
                            let path = path.clone();
                            then = Some(Box::new(move |app: &mut Self| {
                                app.open_with(&path, Some(Err(why)));
                            }));
                            keep = false;
                        }
                        if info.stale && ui.button(shell::TAKE_OVER.text()).clicked() {
                            let path = path.clone();
                            then = Some(Box::new(move |app: &mut Self| {
                                match lock::take_over(&path) {
                                    Ok(guard) => {
                                        app.open_with(&path, Some(Ok(guard)));
                                    }
                                    Err(error) => {
                                        app.error(
                                            shell::TAKE_OVER_FAILED.text(),
                                            error.to_string(),
                                        );
                                    }
                                }
                            }));
                            keep = false;
                        }
                        if ui.button(shell::CANCEL.text()).clicked() || escape {
                            keep = false;
                        }
                    });
                }
                Modal::ChangedOnDisk(action) => {
                    ui.heading(shell::CHANGED_ON_DISK.text());
                    ui.label(shell::CHANGED_ON_DISK_EXPLAINED.with(&[("name", &self.doc.name())]));
                    ui.add_space(8.0);
                    ui.horizontal_wrapped(|ui| {
                        if ui
                            .button(shell::MERGE_THEIRS.text())
                            .on_hover_text(shell::MERGE_THEIRS_THEN_SAVE_HINT.text())
                            .clicked()
                        {
                            then = Some(Box::new(|app: &mut Self| app.merge_from_disk()));
                            keep = false;
                        }
                        if ui.button(shell::SAVE_AS.text()).clicked() {
                            let action = action.clone();
                            then = Some(Box::new(move |app: &mut Self| {
                                app.show_dialog(DialogPurpose::SaveAs(action));
                            }));
                            keep = false;
                        }
                        if ui.button(shell::OVERWRITE_THEIRS.text()).clicked() {
                            let action = action.clone();
                            then = Some(Box::new(move |app: &mut Self| {
                                if let Some(path) = app.doc.path.clone() {
                                    app.save_checked(&path, action, true);
                                }
                            }));
                            keep = false;
                        }
                        if ui.button(shell::RELOAD_THEIRS.text()).clicked() {
                            then = Some(Box::new(|app: &mut Self| app.reload_from_disk()));
                            keep = false;
                        }
                        if default(ui.button(shell::CANCEL.text())).clicked() || escape {
                            keep = false;
                        }
                    });
                }
                Modal::Error { title, message } => {
                    ui.heading(title);
                    ui.label(message);
                    ui.add_space(8.0);
                    if default(ui.button("OK")).clicked() || escape {
                        keep = false;
                    }
                }
                Modal::DiscardForm(_) => {
                    let what = self
                        .form
                        .as_ref()
                        .map_or_else(String::new, unsaved::form_record);
                    ui.heading(shell::DISCARD_QUESTION.text());
                    ui.label(shell::FORM_NOT_APPLIED.with(&[("record", &what)]));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(shell::DISCARD_CHANGES.text()).clicked() {
                            discard_form = true;
                            keep = false;
                        }
                        if default(ui.button(shell::KEEP_EDITING.text())).clicked() || escape {
                            keep = false;
                        }
                    });
                }
                Modal::Scripts => {
                    ui.heading(shell::SCRIPTS_AND_FONTS.text());
                    fonts::coverage_ui(ui);
                    ui.add_space(8.0);
                    if default(ui.button(shell::CLOSE.text())).clicked() || escape {
                        keep = false;
                    }
                }
                Modal::Shortcuts => {
                    ui.heading(shell::KEYBOARD_SHORTCUTS.text());
                    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                        let zoom = [
                            egui::gui_zoom::kb_shortcuts::ZOOM_IN,
                            egui::gui_zoom::kb_shortcuts::ZOOM_OUT,
                            egui::gui_zoom::kb_shortcuts::ZOOM_RESET,
                        ]
                        .map(|keys| ctx.format_shortcut(&keys))
                        .join(i18n::verbatim(", "));
                        let rows: [(Msg, String); 15] = [
                            (shell::SHORTCUT_OPEN, ctx.format_shortcut(&shortcuts::OPEN)),
                            (shell::SAVE, ctx.format_shortcut(&shortcuts::SAVE)),
                            (
                                shell::SHORTCUT_SAVE_AS,
                                ctx.format_shortcut(&shortcuts::SAVE_AS),
                            ),
                            (
                                shell::SHORTCUT_ADD,
                                ctx.format_shortcut(&shortcuts::NEW_RECORD),
                            ),
                            (
                                shell::SHORTCUT_SEARCH,
                                ctx.format_shortcut(&shortcuts::FIND),
                            ),
                            (shell::UNDO, ctx.format_shortcut(&shortcuts::UNDO)),
                            (
                                shell::REDO,
                                shell::SHORTCUT_EITHER.with(&[
                                    ("one", &ctx.format_shortcut(&shortcuts::REDO)),
                                    ("other", &ctx.format_shortcut(&shortcuts::REDO_Y)),
                                ]),
                            ),
                            (
                                shell::SHORTCUT_DELETE,
                                ctx.format_shortcut(&shortcuts::DELETE),
                            ),
                            (
                                shell::SHORTCUT_OPEN_RECORD,
                                shell::KEY_ENTER.text().to_owned(),
                            ),
                            (shell::SHORTCUT_FIELDS, shell::KEYS_TAB.text().to_owned()),
                            (
                                shell::SHORTCUT_APPLY,
                                ctx.format_shortcut(&KeyboardShortcut::new(
                                    Modifiers::COMMAND,
                                    Key::Enter,
                                )),
                            ),
                            (shell::SHORTCUT_CLOSE, shell::KEY_ESCAPE.text().to_owned()),
                            (shell::SHORTCUT_QUIT, ctx.format_shortcut(&shortcuts::QUIT)),
                            (shell::SHORTCUT_ZOOM, zoom),
                            (
                                shell::SHORTCUT_SCREENS,
                                format!(
                                    "{} … {}",
                                    ctx.format_shortcut(&KeyboardShortcut::new(
                                        Modifiers::COMMAND,
                                        Key::Num1
                                    )),
                                    ctx.format_shortcut(&KeyboardShortcut::new(
                                        Modifiers::COMMAND,
                                        Key::Num9
                                    ))
                                ),
                            ),
                        ];
                        for (what, keys) in rows {
                            ui.label(what.text());
                            ui.strong(keys);
                            ui.end_row();
                        }
                    });
                    ui.add_space(8.0);
                    if default(ui.button(shell::CLOSE.text())).clicked() || escape {
                        keep = false;
                    }
                }
            }
        });
        if keep {
            self.modal = Some(modal);
        } else if discard_form && let Modal::DiscardForm(next) = modal {
            self.form = next.map(|form| *form);
        }
        if let Some(then) = then {
            then(self);
        }
    }
}

/// What deleting implies, in sentences for the confirmation.
fn describe_plan(plan: &DeletePlan, dataset: &Dataset, lookup: &Lookup) -> Vec<String> {
    let name = lookup.name(dataset, plan.list, &plan.record_id);
    let mut lines = vec![shell::WILL_BE_DELETED.with(&[("name", &name)])];
    if plan.references.is_empty() {
        lines.push(shell::NOTHING_REFERS.text().to_owned());
        return lines;
    }
    let mut deleted: BTreeMap<ListKind, usize> = BTreeMap::new();
    for (list, _) in &plan.also_deleted {
        *deleted.entry(*list).or_default() += 1;
    }
    for (list, n) in deleted {
        let records = counted_records(list, n);
        let sentence = i18n::plural(n as u64, shell::ALSO_DELETED_ONE, shell::ALSO_DELETED_OTHER);
        lines.push(sentence.with(&[("records", &records)]));
    }
    let mut cleared: BTreeMap<(ListKind, &str), usize> = BTreeMap::new();
    for (list, _, field) in &plan.cleared {
        *cleared.entry((*list, field)).or_default() += 1;
    }
    for ((list, field), n) in cleared {
        let note = if list == ListKind::Contracts && field == "company" {
            i18n::plural(
                n as u64,
                shell::CONTRACTS_LISTED_ONE,
                shell::CONTRACTS_LISTED_OTHER,
            )
            .text()
        } else {
            ""
        };
        let sentence = i18n::plural(n as u64, shell::LOSE_FIELD_ONE, shell::LOSE_FIELD_OTHER);
        lines.push(sentence.with(&[
            ("records", &counted_records(list, n)),
            ("field", &field_in_words(list, field)),
            ("note", &note),
        ]));
    }
    lines.push(shell::CAN_UNDO.text().to_owned());
    lines
}

/// A field as a sentence names it: its name in English ("company"), its
/// column header in French ("Entreprise").
fn field_in_words(list: ListKind, field: &'static str) -> &'static str {
    match i18n::current() {
        Language::English => field,
        Language::French => crate::fields::find(list, field).map_or(field, |f| f.french),
    }
}

impl eframe::App for LiaisonApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Still unsaved on the way out, and not dropped on purpose ("Don't
        // save"): keep the copy current, the form's draft included.
        self.keep_recovery_on_exit();
    }
}
