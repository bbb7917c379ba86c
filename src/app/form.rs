//! The form of one record: every field with its widget, checks as you type,
//! Apply / Cancel.
//!
//! A [`RecordForm`] edits a copy of one record (the *draft*) and never
//! touches the workspace: Apply hands back one [`Edit`] (an insert, a
//! replace, or a batch when a company is created from the meeting form) for
//! the shell to apply through [`Workspace::apply`], so it is one undo step.
//!
//! Layout: labels in a column of [`theme::FORM_LABEL_WIDTH`], widgets filling
//! the rest, each widget named by its label for screen readers and tests,
//! problems shown under the field they concern, in the error or warn colour.
//! Reference pickers build their (sorted) list of choices only while their
//! popup is open, and keep it for the data revision it was built on.

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use eframe::egui::{
    self, Align, Button, ComboBox, Id, Key, Label, LayerId, Layout, Modifiers, PopupCloseBehavior,
    Response, RichText, ScrollArea, TextEdit, Ui, vec2,
};

use super::theme;
use crate::countries;
use crate::edit::{self, Edit, Record};
use crate::i18n::{self, Msg, catalogue::form as msg};
use crate::ids;
use crate::lookup::Lookup;
use crate::model::{
    Affiliate, AffiliateStatus, Company, CompanySize, Contact, Contract, ContractKind, CountryNote,
    CountryZone, Institute, IsoDate, ListKind, Meeting, Stage, Zone,
};
use crate::validate::{Severity, describe_country, not_iso_message};
use crate::workspace::Workspace;

/// Width of a date's text field, in points.
const DATE_WIDTH: f32 = 96.0;
/// Width of an amount's text field, in points.
const AMOUNT_WIDTH: f32 = 150.0;
/// Width of a choice box (stage, status…), in points.
const CHOICE_WIDTH: f32 = 200.0;
/// Widest a reference picker grows, in points.
const PICKER_MAX_WIDTH: f32 = 420.0;
/// Width of the "add an institute" picker beside the chips, in points.
const ADD_PICKER_WIDTH: f32 = 200.0;
/// Height of the list of choices in a picker's popup, in points.
const PICKER_LIST_HEIGHT: f32 = 260.0;
/// Below this width a note's reading view goes under its editor, in points.
const SIDE_BY_SIDE_MIN_WIDTH: f32 = 640.0;
/// Rows of a multi-line text field.
const NOTES_ROWS: usize = 4;
/// Rows of a country note's body editor.
const BODY_ROWS: usize = 14;
/// Days between a meeting and the follow-up the calendar suggests.
const FOLLOW_UP_DAYS: u64 = 14;

/// What the user asked of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
#[expect(
    clippy::large_enum_variant,
    reason = "at most one per frame; the shell matches on `edit: Edit` directly"
)]
pub enum FormAction {
    /// Apply this edit as one undoable step with this label.
    Apply {
        /// The change.
        edit: Edit,
        /// What it does, in words, for the Edit menu ("Edit meeting m-0001").
        label: String,
    },
    /// Close the form without change.
    Cancel,
}

/// One problem of the draft, shown under its field.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Issue {
    /// Error (blocks Apply) or warning.
    severity: Severity,
    /// The field, as named in the file (`"date"`, `"new_company.name"`, or
    /// `"record"` for the record as a whole).
    field: &'static str,
    /// What is wrong, in the words of `validate.rs` where they fit.
    message: String,
}

/// A company being created from the meeting form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct NewCompany {
    name: String,
    country: Option<String>,
    sector: Option<String>,
    size: Option<CompanySize>,
}

/// One entry of a reference picker.
struct Choice {
    /// The id stored in the record.
    id: String,
    /// What the user sees.
    label: String,
    /// `label` folded for matching what is typed.
    key: String,
}

/// The choices of the open picker, for one data revision.
struct ChoiceCache {
    list: ListKind,
    revision: u64,
    choices: Vec<Choice>,
    /// The query `matches` were computed for; `None`: not yet.
    matched_query: Option<String>,
    /// Positions in `choices` matching the query, best first.
    matches: Vec<usize>,
}

/// The state of the reference pickers (one popup is open at a time).
#[derive(Default)]
struct PickerState {
    /// The field whose popup is open.
    open: Option<&'static str>,
    /// What was typed in its search field.
    query: String,
    /// Frames left to give the search field the keyboard focus.
    focus_frames: u8,
    /// Its choices, dropped when it closes.
    cache: Option<ChoiceCache>,
}

/// A record being edited (or created).
pub struct RecordForm {
    /// Distinguishes the widgets of one form from those of the next.
    serial: u64,
    list: ListKind,
    index: Option<usize>,
    /// The record as it was when the form opened (existing records only).
    original: Option<Record>,
    /// What the draft started as, to tell whether anything was changed.
    initial: Record,
    initial_amount: String,
    /// The record as typed.
    draft: Record,
    /// The amount field (meetings and contracts), as typed.
    amount_text: String,
    /// A tag being typed (country notes).
    tag_text: String,
    /// A company created from the meeting form.
    new_company: Option<NewCompany>,
    /// The id is made from the name until the user types an id.
    id_follows_name: bool,
    /// A field to give the keyboard focus to on the next frame.
    focus_field: Option<&'static str>,
    /// A short note under the title ("copy of m-0001").
    subtitle: Option<String>,
    picker: PickerState,
    /// Calendar popups drawn last frame (Escape closes them, not the form).
    calendar_ids: Vec<Id>,
    /// The problems found when the form was last drawn.
    issues: Vec<Issue>,
}

fn next_serial() -> u64 {
    static SERIAL: AtomicU64 = AtomicU64::new(0);
    SERIAL.fetch_add(1, Ordering::Relaxed)
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

impl RecordForm {
    fn with_draft(
        list: ListKind,
        index: Option<usize>,
        draft: Record,
        original: Option<Record>,
    ) -> Self {
        let amount_text = match &draft {
            Record::Meeting(m) => m.value_eur.map(i18n::count),
            Record::Contract(c) => c.amount_eur.map(i18n::count),
            _ => None,
        }
        .unwrap_or_default();
        Self {
            serial: next_serial(),
            list,
            index,
            original,
            initial: draft.clone(),
            initial_amount: amount_text.clone(),
            draft,
            amount_text,
            tag_text: String::new(),
            new_company: None,
            id_follows_name: false,
            focus_field: None,
            subtitle: None,
            picker: PickerState::default(),
            calendar_ids: Vec::new(),
            issues: Vec::new(),
        }
    }

    /// A form on the record at `index` of `list`; `None` if there is none.
    pub fn edit(ws: &Workspace, list: ListKind, index: usize) -> Option<Self> {
        let record = Record::get(ws.dataset(), list, index)?;
        let mut form = Self::with_draft(list, Some(index), record.clone(), Some(record));
        // Opened by Enter in the table: the keyboard goes on into the form.
        form.focus_field = Some(first_field(list));
        Some(form)
    }

    /// A form on a new record of `list`, with a fresh unique id
    /// ([`ids::next_id`]) and sensible defaults: a meeting is dated today at
    /// stage First contact, an affiliate is Active, a note is updated today.
    /// For lists whose ids are slugs (zones, institutes, affiliates,
    /// companies, notes), the id follows the name until an id is typed.
    /// Apply inserts it at the end of its list.
    pub fn new_record(ws: &Workspace, list: ListKind) -> Self {
        let id = ids::next_id(ws.dataset(), list);
        let draft = match list {
            ListKind::Zones => Record::Zone(Zone { id, name: None }),
            ListKind::Countries => Record::Country(CountryZone {
                code: id,
                zone: None,
            }),
            ListKind::Institutes => Record::Institute(Institute {
                id,
                name: None,
                domain: None,
            }),
            ListKind::Affiliates => Record::Affiliate(Affiliate {
                id,
                name: String::new(),
                country: String::new(),
                city: None,
                status: Some(AffiliateStatus::Active),
                opened: None,
                institutes: Vec::new(),
                contact: None,
                notes: None,
            }),
            ListKind::Companies => Record::Company(Company {
                id,
                name: None,
                country: None,
                sector: None,
                size: None,
                website: None,
            }),
            ListKind::Meetings => Record::Meeting(Meeting {
                id,
                date: IsoDate::Valid(today()),
                company: String::new(),
                affiliate: None,
                institutes: Vec::new(),
                initiative: None,
                topic: None,
                stage: Some(Stage::FirstContact),
                value_eur: None,
                follow_up: None,
                notes: None,
            }),
            ListKind::CountryNotes => Record::CountryNote(CountryNote {
                id,
                country: None,
                title: None,
                body: None,
                tags: Vec::new(),
                updated: Some(IsoDate::Valid(today())),
                author: None,
            }),
            ListKind::Contracts => Record::Contract(Contract {
                id,
                title: None,
                kind: Some(ContractKind::Bilateral),
                company: None,
                country: None,
                programme: None,
                institutes: Vec::new(),
                signed: None,
                amount_eur: None,
                meeting: None,
            }),
        };
        let mut form = Self::with_draft(list, None, draft, None);
        form.id_follows_name = id_from_name(list);
        form.focus_field = Some(first_field(list));
        form
    }

    /// A form on a copy of the record at `index` of `list`, not yet added:
    /// a new id, the name (or title) suffixed " (copy)". A country's copy
    /// has no code until one is chosen. `None` if there is no such record.
    pub fn duplicate(ws: &Workspace, list: ListKind, index: usize) -> Option<Self> {
        let dataset = ws.dataset();
        let source = Record::get(dataset, list, index)?;
        let source_id = source.id().to_owned();
        let mut draft = source;
        let suffix = msg::COPY_SUFFIX.text();
        let copy = |text: &mut Option<String>| {
            if let Some(text) = text.as_mut() {
                text.push_str(suffix);
            }
        };
        match &mut draft {
            Record::Zone(r) => copy(&mut r.name),
            Record::Country(r) => r.code.clear(),
            Record::Institute(r) => copy(&mut r.name),
            Record::Affiliate(r) => r.name.push_str(suffix),
            Record::Company(r) => copy(&mut r.name),
            Record::Meeting(_) => {}
            Record::CountryNote(r) => copy(&mut r.title),
            Record::Contract(r) => copy(&mut r.title),
        }
        let new_id = if id_from_name(list) {
            ids::unique_slug(dataset, list, name_of(&draft).unwrap_or_default())
        } else {
            ids::next_id(dataset, list)
        };
        set_id(&mut draft, new_id);
        let mut form = Self::with_draft(list, None, draft, None);
        form.id_follows_name = id_from_name(list);
        form.focus_field = Some(first_field(list));
        form.subtitle = (!source_id.is_empty()).then(|| msg::COPY_OF.with(&[("id", &source_id)]));
        Some(form)
    }

    /// The list of the record.
    pub fn list(&self) -> ListKind {
        self.list
    }

    /// The record's position, `None` for a new record.
    pub fn index(&self) -> Option<usize> {
        self.index
    }

    /// The record as typed so far (before trimming and parsing the amount).
    pub fn draft(&self) -> &Record {
        &self.draft
    }

    /// Whether the draft differs from the record (for a new record: from
    /// what the form started with), e.g. to ask before discarding it.
    pub fn is_dirty(&self) -> bool {
        self.draft != self.initial
            || parse_amount(&self.amount_text) != parse_amount(&self.initial_amount)
            || !self.tag_text.trim().is_empty()
            || self.new_company.is_some()
    }

    /// Whether the draft has an error (which disables Apply), as checked
    /// when the form was last drawn; false before it is first drawn.
    pub fn has_errors(&self) -> bool {
        has_error(&self.issues)
    }

    /// Draws the form; returns what the user asked: Apply (button or
    /// Ctrl+Enter, only when there is no error) or Cancel (button or Escape).
    pub fn ui(&mut self, ui: &mut Ui, ws: &Workspace, lookup: &Lookup) -> Option<FormAction> {
        // Before the fields: a multi-line field must not turn Ctrl+Enter into a newline.
        let apply_shortcut = ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Enter));
        let escape = ui.input(|i| i.key_pressed(Key::Escape)) && !self.popup_open(ui.ctx());

        self.issues = self.check(ws, lookup);
        let mut action = None;
        ui.push_id(("record_form", self.serial), |ui| {
            self.header_ui(ui);
            let bar_height = ui.spacing().interact_size.y + 3.0 * ui.spacing().item_spacing.y + 6.0;
            ScrollArea::vertical()
                .id_salt("record_form_fields")
                .auto_shrink([false, true])
                .max_height((ui.available_height() - bar_height).max(120.0))
                .show(ui, |ui| self.fields_ui(ui, ws, lookup));
            ui.separator();
            action = self.buttons_ui(ui, ws, lookup, apply_shortcut);
        });
        if action.is_none() && escape {
            action = Some(FormAction::Cancel);
        }
        // What was typed this frame counts for `has_errors`.
        self.issues = self.check(ws, lookup);
        action
    }

    /// Whether a picker or calendar popup of this form is open (Escape is then theirs).
    fn popup_open(&self, ctx: &egui::Context) -> bool {
        egui::Popup::is_any_open(ctx)
            || ctx.memory(|memory| {
                self.calendar_ids.iter().any(|id| {
                    memory
                        .areas()
                        .visible_last_frame(&LayerId::new(egui::Order::Foreground, *id))
                })
            })
    }

    fn header_ui(&self, ui: &mut Ui) {
        let title = match self.index {
            None => list_words(self.list).new_title.text().to_owned(),
            Some(_) => {
                let id = self.original.as_ref().map_or("", Record::id);
                format!("{} {id}", list_words(self.list).noun)
            }
        };
        ui.heading(title);
        if let Some(subtitle) = &self.subtitle {
            ui.weak(subtitle);
        }
        ui.add_space(theme::SECTION_SPACE / 2.0);
    }

    fn fields_ui(&mut self, ui: &mut Ui, ws: &Workspace, lookup: &Lookup) {
        let Self {
            list,
            draft,
            amount_text,
            tag_text,
            new_company,
            id_follows_name,
            focus_field,
            picker,
            calendar_ids,
            issues,
            ..
        } = self;
        calendar_ids.clear();
        let mut fx = Fx {
            ws,
            lookup,
            list: *list,
            issues: issues.as_slice(),
            picker,
            focus_field,
            id_follows_name,
            calendar_ids,
        };
        record_issues_ui(ui, fx.issues);
        match draft {
            Record::Zone(r) => zone_ui(ui, &mut fx, r),
            Record::Country(r) => country_zone_ui(ui, &mut fx, r),
            Record::Institute(r) => institute_ui(ui, &mut fx, r),
            Record::Affiliate(r) => affiliate_ui(ui, &mut fx, r),
            Record::Company(r) => company_ui(ui, &mut fx, r),
            Record::Meeting(r) => meeting_ui(ui, &mut fx, r, amount_text, new_company),
            Record::CountryNote(r) => note_ui(ui, &mut fx, r, tag_text),
            Record::Contract(r) => contract_ui(ui, &mut fx, r, amount_text),
        }
    }

    fn buttons_ui(
        &self,
        ui: &mut Ui,
        ws: &Workspace,
        lookup: &Lookup,
        apply_shortcut: bool,
    ) -> Option<FormAction> {
        let errors: Vec<&Issue> = self
            .issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .collect();
        let warnings = self.issues.len() - errors.len();
        let mut action = None;
        ui.horizontal(|ui| {
            let reason = errors_reason(&self.issues);
            let apply = ui
                .add_enabled(errors.is_empty(), Button::new(msg::APPLY.text()))
                .on_hover_text(msg::APPLY_HINT.text())
                .on_disabled_hover_text(reason);
            if apply.clicked() || apply_shortcut {
                action = self.try_apply(ws, lookup);
            }
            if ui
                .button(msg::CANCEL.text())
                .on_hover_text(msg::CANCEL_HINT.text())
                .clicked()
            {
                action = Some(FormAction::Cancel);
            }
            if !errors.is_empty() {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    i18n::counted(
                        errors.len() as u64,
                        msg::ERRORS_TO_FIX_ONE,
                        msg::ERRORS_TO_FIX_OTHER,
                    ),
                );
            } else if warnings > 0 {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    i18n::counted(warnings as u64, msg::WARNINGS_ONE, msg::WARNINGS_OTHER),
                );
            }
        });
        action
    }

    /// Apply, if the draft has no error: `Cancel` when an existing record
    /// was not changed (no empty undo step).
    fn try_apply(&self, ws: &Workspace, lookup: &Lookup) -> Option<FormAction> {
        if has_error(&self.check(ws, lookup)) {
            return None;
        }
        if self.index.is_some() && !self.is_dirty() {
            return Some(FormAction::Cancel);
        }
        let (edit, label) = self.build(ws);
        Some(FormAction::Apply { edit, label })
    }

    /// What Apply would do now, for the shell's questions before unsaved
    /// work could be lost (Save, Ctrl+S, closing): `Ok(None)` when nothing
    /// was changed, the edit and its label when it can be applied, or what
    /// is wrong (the words of the disabled Apply button's hover text).
    pub fn apply_now(
        &self,
        ws: &Workspace,
        lookup: &Lookup,
    ) -> Result<Option<(Edit, String)>, String> {
        if !self.is_dirty() {
            return Ok(None);
        }
        let issues = self.check(ws, lookup);
        if has_error(&issues) {
            return Err(errors_reason(&issues));
        }
        Ok(Some(self.build(ws)))
    }

    /// The draft as an edit, errors or not, for the recovery copy: what
    /// was typed survives a crash, and the restored file lists its
    /// problems. `None` when nothing was changed.
    pub fn draft_edit(&self, ws: &Workspace) -> Option<Edit> {
        self.is_dirty().then(|| self.build(ws).0)
    }

    /// The edit that Apply hands back, and its label.
    fn build(&self, ws: &Workspace) -> (Edit, String) {
        let dataset = ws.dataset();
        let mut record = self.normalised();
        let words = list_words(self.list);
        let new_company = match (&mut record, &self.new_company) {
            (Record::Meeting(meeting), Some(new)) => {
                let name = new.name.trim().to_owned();
                let company = Company {
                    id: ids::unique_slug(dataset, ListKind::Companies, &name),
                    name: Some(name),
                    country: new.country.clone().filter(|c| !c.is_empty()),
                    sector: trimmed(new.sector.as_deref()),
                    size: new.size,
                    website: None,
                };
                meeting.company = company.id.clone();
                Some(company)
            }
            _ => None,
        };
        let id = record.id().to_owned();
        let (main, mut label) = match self.index {
            Some(index) => (
                Edit::Replace { index, record },
                words.edit.with(&[("id", &id)]),
            ),
            None => (
                Edit::Insert {
                    index: edit::list_len(dataset, self.list),
                    record,
                },
                words.add.with(&[("id", &id)]),
            ),
        };
        let edit = match new_company {
            None => main,
            Some(company) => {
                let name = company.name.clone().unwrap_or_default();
                label = match self.index {
                    // Only a meeting's form creates a company.
                    Some(_) => {
                        msg::EDIT_MEETING_WITH_NEW_COMPANY.with(&[("id", &id), ("name", &name)])
                    }
                    None => msg::ADD_MEETING_WITH_NEW_COMPANY.with(&[("name", &name)]),
                };
                Edit::Batch(vec![
                    Edit::Insert {
                        index: dataset.companies.len(),
                        record: Record::Company(company),
                    },
                    main,
                ])
            }
        };
        (edit, label)
    }

    /// The draft as it would be applied: text trimmed, empty text absent,
    /// the amount parsed, a tag being typed added.
    fn normalised(&self) -> Record {
        let mut record = self.draft.clone();
        let amount = parse_amount(&self.amount_text);
        match &mut record {
            Record::Zone(r) => {
                trim_id(&mut r.id);
                trim_text(&mut r.name);
            }
            Record::Country(r) => trim_id(&mut r.code),
            Record::Institute(r) => {
                trim_id(&mut r.id);
                trim_text(&mut r.name);
                trim_text(&mut r.domain);
            }
            Record::Affiliate(r) => {
                trim_id(&mut r.id);
                trim_id(&mut r.name);
                trim_text(&mut r.city);
                normalise_date(&mut r.opened);
                if let Some(contact) = r.contact.as_mut() {
                    trim_text(&mut contact.name);
                    trim_text(&mut contact.email);
                    trim_text(&mut contact.phone);
                }
                if r.contact.as_ref().is_some_and(Contact::is_empty) {
                    r.contact = None;
                }
                trim_long_text(&mut r.notes);
            }
            Record::Company(r) => {
                trim_id(&mut r.id);
                trim_text(&mut r.name);
                trim_text(&mut r.sector);
                trim_text(&mut r.website);
            }
            Record::Meeting(r) => {
                trim_id(&mut r.id);
                if let IsoDate::Invalid(text) = &r.date {
                    r.date = IsoDate::parse(text.trim());
                }
                trim_text(&mut r.initiative);
                trim_text(&mut r.topic);
                if let Ok(value) = amount {
                    r.value_eur = value;
                }
                normalise_date(&mut r.follow_up);
                trim_long_text(&mut r.notes);
            }
            Record::CountryNote(r) => {
                trim_id(&mut r.id);
                trim_text(&mut r.title);
                trim_long_text(&mut r.body);
                add_tags(&mut r.tags, &self.tag_text);
                normalise_date(&mut r.updated);
                trim_text(&mut r.author);
            }
            Record::Contract(r) => {
                trim_id(&mut r.id);
                trim_text(&mut r.title);
                trim_text(&mut r.programme);
                normalise_date(&mut r.signed);
                if let Ok(value) = amount {
                    r.amount_eur = value;
                }
            }
        }
        record
    }

    /// Every problem of the draft. Linear in the size of the record, not
    /// of the data: ids and references are looked up in `lookup`.
    fn check(&self, ws: &Workspace, lookup: &Lookup) -> Vec<Issue> {
        let mut checks = Checks {
            issues: Vec::new(),
            lookup,
        };
        let record = self.normalised();
        if let (Some(index), Some(original)) = (self.index, &self.original) {
            match Record::get(ws.dataset(), self.list, index) {
                Some(current) if current.id() == original.id() => {
                    if current != *original {
                        checks.warning("record", msg::CHANGED_ELSEWHERE.into());
                    }
                }
                _ => checks.error("record", msg::NO_LONGER_IN_PLACE.into()),
            }
        }
        if self.list != ListKind::Countries {
            checks.id(self.list, self.index, record.id());
        }
        let amount = parse_amount(&self.amount_text);
        match &record {
            Record::Zone(_) | Record::Institute(_) => {}
            Record::Country(r) => {
                if r.code.is_empty() {
                    checks.error("code", msg::CHOOSE_A_COUNTRY.into());
                } else if !countries::is_valid_code(&r.code) {
                    checks.error("code", not_iso_message(&r.code));
                } else if lookup
                    .position(ListKind::Countries, &r.code)
                    .is_some_and(|p| Some(p) != self.index)
                {
                    checks.error(
                        "code",
                        msg::COUNTRY_LISTED_TWICE.with(&[("code", &format!("{:?}", r.code))]),
                    );
                }
                match &r.zone {
                    None if countries::is_valid_code(&r.code) => checks.warning(
                        "zone",
                        msg::NO_ZONE.with(&[
                            ("country", &describe_country(&r.code)),
                            ("zone", &countries::unassigned_zone_name()),
                        ]),
                    ),
                    None => {}
                    Some(zone) => checks.reference("zone", ListKind::Zones, zone),
                }
            }
            Record::Affiliate(r) => {
                if r.name.is_empty() {
                    checks.error("name", msg::NAME_EMPTY.into());
                }
                if r.country.is_empty() {
                    checks.error("country", msg::CHOOSE_OFFICE_COUNTRY.into());
                } else {
                    checks.country("country", Some(&r.country));
                }
                checks.date("opened", r.opened.as_ref());
                checks.institutes(&r.institutes);
                if let Some(email) = r.contact.as_ref().and_then(|c| c.email.as_deref())
                    && !email.contains('@')
                {
                    checks.warning(
                        "contact.email",
                        msg::NOT_AN_EMAIL.with(&[("email", &format!("{email:?}"))]),
                    );
                }
            }
            Record::Company(r) => checks.country("country", r.country.as_deref()),
            Record::Meeting(r) => {
                match &r.date {
                    IsoDate::Invalid(text) if text.is_empty() => {
                        checks.error("date", msg::MEETING_DAY_REQUIRED.into());
                    }
                    date => checks.date("date", Some(date)),
                }
                match &self.new_company {
                    Some(new) => {
                        if new.name.trim().is_empty() {
                            checks.error("new_company.name", msg::NEW_COMPANY_NEEDS_NAME.into());
                        }
                        checks.country("new_company.country", new.country.as_deref());
                    }
                    None if r.company.is_empty() => {
                        checks.error("company", msg::CHOOSE_COMPANY_MET.into());
                    }
                    None => checks.reference("company", ListKind::Companies, &r.company),
                }
                if let Some(affiliate) = &r.affiliate {
                    checks.reference("affiliate", ListKind::Affiliates, affiliate);
                }
                checks.institutes(&r.institutes);
                if let Err(message) = &amount {
                    checks.error("value_eur", message.clone());
                }
                checks.date("follow_up", r.follow_up.as_ref());
                if let (Some(day), Some(follow_up)) = (
                    r.date.valid(),
                    r.follow_up.as_ref().and_then(IsoDate::valid),
                ) && follow_up < day
                {
                    checks.warning(
                        "follow_up",
                        msg::FOLLOW_UP_BEFORE_MEETING.with(&[
                            ("follow_up", &i18n::date(follow_up)),
                            ("day", &i18n::date(day)),
                        ]),
                    );
                }
            }
            Record::CountryNote(r) => {
                checks.country("country", r.country.as_deref());
                checks.date("updated", r.updated.as_ref());
            }
            Record::Contract(r) => {
                match r.kind {
                    None => checks.warning("kind", msg::NO_KIND.into()),
                    Some(ContractKind::Bilateral) if r.company.is_none() => {
                        checks.error("company", msg::BILATERAL_NEEDS_COMPANY.into());
                    }
                    Some(ContractKind::European) if r.country.is_none() => {
                        checks.error("country", msg::EUROPEAN_NEEDS_COUNTRY.into());
                    }
                    Some(_) => {}
                }
                if let Some(company) = &r.company {
                    checks.reference("company", ListKind::Companies, company);
                }
                if r.country.is_some() {
                    checks.country("country", r.country.as_deref());
                }
                checks.institutes(&r.institutes);
                checks.date("signed", r.signed.as_ref());
                if let Err(message) = &amount {
                    checks.error("amount_eur", message.clone());
                }
                if let Some(meeting) = &r.meeting {
                    checks.reference("meeting", ListKind::Meetings, meeting);
                }
            }
        }
        checks.issues
    }
}

/// Why Apply is refused: the first error and how many more, or nothing.
fn errors_reason(issues: &[Issue]) -> String {
    let errors: Vec<&Issue> = issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .collect();
    match errors.as_slice() {
        [] => String::new(),
        [only] => msg::FIX_THIS_FIRST.with(&[("field", &only.field), ("message", &only.message)]),
        [first, rest @ ..] => i18n::plural(
            rest.len() as u64,
            msg::FIX_ERRORS_FIRST_ONE,
            msg::FIX_ERRORS_FIRST_OTHER,
        )
        .with(&[
            ("count", &i18n::count(errors.len() as u64)),
            ("field", &first.field),
            ("message", &first.message),
            ("more", &i18n::count(rest.len() as u64)),
        ]),
    }
}

fn has_error(issues: &[Issue]) -> bool {
    issues.iter().any(|i| i.severity == Severity::Error)
}

/// Collects the problems of a draft.
struct Checks<'a> {
    issues: Vec<Issue>,
    lookup: &'a Lookup,
}

impl Checks<'_> {
    fn error(&mut self, field: &'static str, message: String) {
        self.issues.push(Issue {
            severity: Severity::Error,
            field,
            message,
        });
    }

    fn warning(&mut self, field: &'static str, message: String) {
        self.issues.push(Issue {
            severity: Severity::Warning,
            field,
            message,
        });
    }

    /// Not empty, and unique in its list (except the record itself).
    fn id(&mut self, list: ListKind, index: Option<usize>, id: &str) {
        if id.is_empty() {
            self.error("id", list_words(list).no_id.into());
        } else if let Some(other) = self.lookup.position(list, id)
            && Some(other) != index
        {
            self.error(
                "id",
                msg::DUPLICATE_ID.with(&[
                    ("id", &format!("{id:?}")),
                    ("position", &i18n::count(other as u64 + 1)),
                ]),
            );
        }
    }

    fn reference(&mut self, field: &'static str, list: ListKind, id: &str) {
        if !self.lookup.contains(list, id) {
            let unknown = list_words(list).unknown;
            self.error(field, unknown.with(&[("id", &format!("{id:?}"))]));
        }
    }

    fn institutes(&mut self, ids: &[String]) {
        for id in ids {
            self.reference("institutes", ListKind::Institutes, id);
        }
    }

    /// An ISO code, listed in `countries`; absent: a warning.
    fn country(&mut self, field: &'static str, code: Option<&str>) {
        match code {
            None => self.warning(
                field,
                msg::NO_COUNTRY.with(&[("zone", &countries::unassigned_zone_name())]),
            ),
            Some(code) if !countries::is_valid_code(code) => {
                self.error(field, not_iso_message(code));
            }
            Some(code) if !self.lookup.contains(ListKind::Countries, code) => self.warning(
                field,
                msg::NOT_IN_COUNTRIES.with(&[
                    ("country", &describe_country(code)),
                    ("zone", &countries::unassigned_zone_name()),
                ]),
            ),
            Some(_) => {}
        }
    }

    fn date(&mut self, field: &'static str, date: Option<&IsoDate>) {
        if let Some(IsoDate::Invalid(text)) = date {
            let text = format!("{text:?}");
            self.error(field, msg::NOT_A_REAL_DATE.with(&[("text", &text)]));
        }
    }
}

// ---------------------------------------------------------------------------
// Words

/// The words of one kind of record, in the language in use.
struct ListWords {
    /// Begins its title, before the id: "Meeting".
    noun: Msg,
    /// The title of a new one's form: "New meeting".
    new_title: Msg,
    /// The Edit menu's step adding one: "Add meeting {id}".
    add: Msg,
    /// The Edit menu's step changing one: "Edit meeting {id}".
    edit: Msg,
    /// The problem of an empty id.
    no_id: Msg,
    /// The problem of a reference to none: "unknown meeting {id}".
    unknown: Msg,
    /// The name of its picker's search field.
    search: Msg,
}

fn list_words(list: ListKind) -> ListWords {
    let (noun, new_title, add, edit, no_id, unknown, search) = match list {
        ListKind::Zones => (
            msg::ZONE,
            msg::NEW_ZONE,
            msg::ADD_ZONE,
            msg::EDIT_ZONE,
            msg::ZONE_HAS_NO_ID,
            msg::UNKNOWN_ZONE,
            msg::SEARCH_ZONES,
        ),
        ListKind::Countries => (
            msg::COUNTRY,
            msg::NEW_COUNTRY,
            msg::ADD_COUNTRY,
            msg::EDIT_COUNTRY,
            msg::COUNTRY_HAS_NO_ID,
            msg::UNKNOWN_COUNTRY,
            msg::SEARCH_COUNTRIES,
        ),
        ListKind::Institutes => (
            msg::INSTITUTE,
            msg::NEW_INSTITUTE,
            msg::ADD_INSTITUTE,
            msg::EDIT_INSTITUTE,
            msg::INSTITUTE_HAS_NO_ID,
            msg::UNKNOWN_INSTITUTE,
            msg::SEARCH_INSTITUTES,
        ),
        ListKind::Affiliates => (
            msg::AFFILIATE,
            msg::NEW_AFFILIATE,
            msg::ADD_AFFILIATE,
            msg::EDIT_AFFILIATE,
            msg::AFFILIATE_HAS_NO_ID,
            msg::UNKNOWN_AFFILIATE,
            msg::SEARCH_AFFILIATES,
        ),
        ListKind::Companies => (
            msg::COMPANY,
            msg::NEW_COMPANY_TITLE,
            msg::ADD_COMPANY,
            msg::EDIT_COMPANY,
            msg::COMPANY_HAS_NO_ID,
            msg::UNKNOWN_COMPANY,
            msg::SEARCH_COMPANIES,
        ),
        ListKind::Meetings => (
            msg::MEETING,
            msg::NEW_MEETING,
            msg::ADD_MEETING,
            msg::EDIT_MEETING,
            msg::MEETING_HAS_NO_ID,
            msg::UNKNOWN_MEETING,
            msg::SEARCH_MEETINGS,
        ),
        ListKind::CountryNotes => (
            msg::COUNTRY_NOTE,
            msg::NEW_COUNTRY_NOTE,
            msg::ADD_COUNTRY_NOTE,
            msg::EDIT_COUNTRY_NOTE,
            msg::COUNTRY_NOTE_HAS_NO_ID,
            msg::UNKNOWN_COUNTRY_NOTE,
            msg::SEARCH_COUNTRY_NOTES,
        ),
        ListKind::Contracts => (
            msg::CONTRACT,
            msg::NEW_CONTRACT,
            msg::ADD_CONTRACT,
            msg::EDIT_CONTRACT,
            msg::CONTRACT_HAS_NO_ID,
            msg::UNKNOWN_CONTRACT,
            msg::SEARCH_CONTRACTS,
        ),
    };
    ListWords {
        noun,
        new_title,
        add,
        edit,
        no_id,
        unknown,
        search,
    }
}

/// A stage in words ("Contract signed"), in the language in use.
pub fn stage_label(stage: Stage) -> &'static str {
    match stage {
        Stage::FirstContact => msg::STAGE_FIRST_CONTACT,
        Stage::FollowUp => msg::STAGE_FOLLOW_UP,
        Stage::Proposal => msg::STAGE_PROPOSAL,
        Stage::Negotiation => msg::STAGE_NEGOTIATION,
        Stage::ContractSigned => msg::STAGE_CONTRACT_SIGNED,
        Stage::Closed => msg::STAGE_CLOSED,
    }
    .text()
}

/// An affiliate's status in words, in the language in use.
pub fn status_label(status: AffiliateStatus) -> &'static str {
    match status {
        AffiliateStatus::Active => msg::STATUS_ACTIVE,
        AffiliateStatus::Planned => msg::STATUS_PLANNED,
        AffiliateStatus::Closed => msg::STATUS_CLOSED,
    }
    .text()
}

/// A company size in words ("SME"), in the language in use.
pub fn size_label(size: CompanySize) -> &'static str {
    match size {
        CompanySize::Startup => msg::SIZE_STARTUP,
        CompanySize::Sme => msg::SIZE_SME,
        CompanySize::MidCap => msg::SIZE_MID_CAP,
        CompanySize::Large => msg::SIZE_LARGE,
    }
    .text()
}

/// A contract kind in words, in the language in use.
pub fn kind_label(kind: ContractKind) -> &'static str {
    match kind {
        ContractKind::Bilateral => msg::KIND_BILATERAL,
        ContractKind::European => msg::KIND_EUROPEAN,
    }
    .text()
}

const STATUSES: [AffiliateStatus; 3] = [
    AffiliateStatus::Active,
    AffiliateStatus::Planned,
    AffiliateStatus::Closed,
];
const SIZES: [CompanySize; 4] = [
    CompanySize::Startup,
    CompanySize::Sme,
    CompanySize::MidCap,
    CompanySize::Large,
];
const KINDS: [ContractKind; 2] = [ContractKind::Bilateral, ContractKind::European];

/// "Japan (JP)"; a code that is not ISO is shown as it is, marked.
fn country_label(code: &str) -> String {
    match countries::country_name(code) {
        Some(name) => format!("{name} ({code})"),
        None => msg::NOT_AN_ISO_COUNTRY.with(&[("code", &code)]),
    }
}

// ---------------------------------------------------------------------------
// Records: ids, names, normalisation

/// Lists whose ids are readable slugs of a name rather than numbers.
fn id_from_name(list: ListKind) -> bool {
    matches!(
        list,
        ListKind::Zones
            | ListKind::Institutes
            | ListKind::Affiliates
            | ListKind::Companies
            | ListKind::CountryNotes
    )
}

/// The field that gets the keyboard focus in a new record's form.
fn first_field(list: ListKind) -> &'static str {
    match list {
        ListKind::Countries => "code",
        ListKind::Meetings => "date",
        ListKind::CountryNotes | ListKind::Contracts => "title",
        ListKind::Zones | ListKind::Institutes | ListKind::Affiliates | ListKind::Companies => {
            "name"
        }
    }
}

/// The name (or title) an id can be made from.
fn name_of(record: &Record) -> Option<&str> {
    match record {
        Record::Zone(r) => r.name.as_deref(),
        Record::Institute(r) => r.name.as_deref(),
        Record::Affiliate(r) => Some(&r.name),
        Record::Company(r) => r.name.as_deref(),
        Record::CountryNote(r) => r.title.as_deref(),
        Record::Country(_) | Record::Meeting(_) | Record::Contract(_) => None,
    }
}

fn set_id(record: &mut Record, id: String) {
    match record {
        Record::Zone(r) => r.id = id,
        Record::Country(r) => r.code = id,
        Record::Institute(r) => r.id = id,
        Record::Affiliate(r) => r.id = id,
        Record::Company(r) => r.id = id,
        Record::Meeting(r) => r.id = id,
        Record::CountryNote(r) => r.id = id,
        Record::Contract(r) => r.id = id,
    }
}

fn trim_id(id: &mut String) {
    if id.trim().len() != id.len() {
        *id = id.trim().to_owned();
    }
}

fn trimmed(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// One-line text: trimmed, absent when empty.
fn trim_text(text: &mut Option<String>) {
    if let Some(value) = text
        && value.trim().len() != value.len()
    {
        let new = trimmed(Some(value.as_str()));
        *text = new;
    }
}

/// Multi-line text: trailing blanks removed, absent when empty.
fn trim_long_text(text: &mut Option<String>) {
    let new = match text.as_deref() {
        Some(value) if value.trim().is_empty() => None,
        Some(value) if value.trim_end().len() != value.len() => Some(value.trim_end().to_owned()),
        _ => return,
    };
    *text = new;
}

/// An optional date: blanks trimmed, absent when empty.
fn normalise_date(date: &mut Option<IsoDate>) {
    if let Some(IsoDate::Invalid(text)) = date {
        let text = text.trim();
        *date = (!text.is_empty()).then(|| IsoDate::parse(text));
    }
}

/// Adds the tags typed in `text` (comma-separated), without repeats.
fn add_tags(tags: &mut Vec<String>, text: &str) {
    for tag in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
}

/// Whole euros as a person types them: `250000`, `250,000`, `250 000`,
/// `250.000`, `€ 250000`, `250k`, `1.2M`. `Ok(None)` when empty.
fn parse_amount(text: &str) -> Result<Option<u64>, String> {
    let shown = text.trim();
    if shown.is_empty() {
        return Ok(None);
    }
    let cleaned: String = shown
        .chars()
        .filter(|c| !matches!(c, '€' | ' ' | '\u{a0}' | '\u{202f}' | '_' | '\'' | '’'))
        .flat_map(char::to_lowercase)
        .collect();
    let cleaned = cleaned.strip_suffix("eur").unwrap_or(&cleaned);
    let not_a_number = || msg::NOT_AN_AMOUNT.with(&[("shown", &format!("{shown:?}"))]);
    let too_large = || msg::AMOUNT_TOO_LARGE.with(&[("shown", &shown)]);
    let decimals_found = || msg::AMOUNT_DECIMALS.with(&[("shown", &shown)]);
    let is_number = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && s.chars().any(|c| c.is_ascii_digit())
    };
    if let Some(rest) = cleaned.strip_prefix('-') {
        return Err(if is_number(rest.trim_end_matches(['k', 'm'])) {
            msg::AMOUNT_NEGATIVE.with(&[("shown", &shown)])
        } else {
            not_a_number()
        });
    }
    let (number, scale, decimals) = if let Some(n) = cleaned.strip_suffix('k') {
        (n, 1_000u64, 3usize)
    } else if let Some(n) = cleaned.strip_suffix('m') {
        (n, 1_000_000, 6)
    } else {
        (cleaned, 1, 0)
    };
    if !is_number(number) {
        return Err(not_a_number());
    }
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if scale > 1 {
        // "1.5M", "1,5M", "250k": one decimal separator at most.
        let (whole, fraction) = number.split_once(['.', ',']).unwrap_or((number, ""));
        if !digits(whole) || !digits(fraction) {
            return Err(not_a_number());
        }
        let fraction = fraction.trim_end_matches('0');
        if fraction.len() > decimals {
            return Err(decimals_found());
        }
        let whole: u64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| too_large())?
        };
        let fraction_value: u64 = if fraction.is_empty() {
            0
        } else {
            let padded = format!("{fraction:0<decimals$}");
            padded.parse().map_err(|_| not_a_number())?
        };
        return whole
            .checked_mul(scale)
            .and_then(|w| w.checked_add(fraction_value))
            .map(Some)
            .ok_or_else(too_large);
    }
    // Thousands separators: "250,000" or "250.000", groups of three digits.
    let plain: String = if number.contains([',', '.']) {
        let uses_comma = number.contains(',');
        let uses_dot = number.contains('.');
        let groups: Vec<&str> = number.split([',', '.']).collect();
        let grouped = !(uses_comma && uses_dot)
            && groups
                .first()
                .is_some_and(|g| (1..=3).contains(&g.len()) && digits(g))
            && groups.iter().skip(1).all(|g| g.len() == 3 && digits(g));
        if !grouped {
            return Err(decimals_found());
        }
        groups.concat()
    } else {
        number.to_owned()
    };
    plain.parse::<u64>().map(Some).map_err(|_| too_large())
}

// ---------------------------------------------------------------------------
// Drawing the fields

/// What the field widgets share while one form is drawn.
struct Fx<'a> {
    ws: &'a Workspace,
    lookup: &'a Lookup,
    list: ListKind,
    issues: &'a [Issue],
    picker: &'a mut PickerState,
    focus_field: &'a mut Option<&'static str>,
    id_follows_name: &'a mut bool,
    calendar_ids: &'a mut Vec<Id>,
}

impl Fx<'_> {
    /// Gives the keyboard focus to `response` if it is the field waiting for it.
    fn focus(&mut self, field: &'static str, response: &Response) {
        if *self.focus_field == Some(field) {
            response.request_focus();
            *self.focus_field = None;
        }
    }

    /// After the name changed: the id follows it, if the user has not typed one.
    fn name_changed(&mut self, id: &mut String, name: &str) {
        if *self.id_follows_name {
            *id = ids::unique_slug(self.ws.dataset(), self.list, name);
        }
    }

    /// What the user sees for a reference: a name, never a raw id.
    fn display_name(&self, list: ListKind, id: &str) -> String {
        if list == ListKind::Countries {
            country_label(id)
        } else {
            self.lookup.name(self.ws.dataset(), list, id)
        }
    }
}

/// Problems of the record as a whole, above its fields.
fn record_issues_ui(ui: &mut Ui, issues: &[Issue]) {
    for issue in issues.iter().filter(|i| i.field == "record") {
        issue_ui(ui, issue);
    }
}

fn issue_ui(ui: &mut Ui, issue: &Issue) {
    let color = match issue.severity {
        Severity::Error => ui.visuals().error_fg_color,
        Severity::Warning => ui.visuals().warn_fg_color,
    };
    ui.add(Label::new(RichText::new(&issue.message).color(color)).wrap());
}

/// One row: the label in its column, the widget(s) beside it, and the
/// problems of `fields` under them. `add` gets the label's id, to name
/// its widget with (`labelled_by`).
fn row_ui<R>(
    ui: &mut Ui,
    fx: &mut Fx<'_>,
    label: &str,
    fields: &[&str],
    add: impl FnOnce(&mut Ui, &mut Fx<'_>, Id) -> R,
) -> R {
    ui.horizontal_top(|ui| {
        let label_id = ui
            .allocate_ui_with_layout(
                vec2(theme::FORM_LABEL_WIDTH, ui.spacing().interact_size.y),
                Layout::left_to_right(Align::Center),
                |ui| {
                    ui.set_min_width(theme::FORM_LABEL_WIDTH);
                    ui.add(Label::new(label).truncate()).id
                },
            )
            .inner;
        ui.vertical(|ui| {
            let inner = add(ui, fx, label_id);
            for issue in fx.issues.iter().filter(|i| fields.contains(&i.field)) {
                issue_ui(ui, issue);
            }
            inner
        })
        .inner
    })
    .inner
}

/// The id (or any required one-line text). Typing an id stops it following the name.
fn id_row(ui: &mut Ui, fx: &mut Fx<'_>, id: &mut String) {
    row_ui(ui, fx, msg::ID.text(), &["id"], |ui, fx, label_id| {
        let response = ui
            .add(
                TextEdit::singleline(id)
                    .id_salt("id")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label_id);
        fx.focus("id", &response);
        if response.changed() {
            *fx.id_follows_name = false;
        }
    });
}

/// A required one-line text. True when it changed.
fn required_text_row(
    ui: &mut Ui,
    fx: &mut Fx<'_>,
    label: &str,
    field: &'static str,
    value: &mut String,
) -> bool {
    row_ui(ui, fx, label, &[field], |ui, fx, label_id| {
        let response = ui
            .add(
                TextEdit::singleline(value)
                    .id_salt(field)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label_id);
        fx.focus(field, &response);
        response.changed()
    })
}

/// An optional one-line text (empty: absent). True when it changed.
fn text_row(
    ui: &mut Ui,
    fx: &mut Fx<'_>,
    label: &str,
    field: &'static str,
    value: &mut Option<String>,
) -> bool {
    row_ui(ui, fx, label, &[field], |ui, fx, label_id| {
        text_field_ui(ui, fx, label_id, field, value, None)
    })
}

/// An optional text field; `rows` makes it multi-line.
fn text_field_ui(
    ui: &mut Ui,
    fx: &mut Fx<'_>,
    label_id: Id,
    field: &'static str,
    value: &mut Option<String>,
    rows: Option<usize>,
) -> bool {
    let mut text = value.clone().unwrap_or_default();
    let edit = match rows {
        None => TextEdit::singleline(&mut text),
        Some(rows) => TextEdit::multiline(&mut text).desired_rows(rows),
    };
    let response = ui
        .add(edit.id_salt(field).desired_width(f32::INFINITY))
        .labelled_by(label_id);
    fx.focus(field, &response);
    if response.changed() {
        *value = (!text.is_empty()).then_some(text);
        true
    } else {
        false
    }
}

fn multiline_row(
    ui: &mut Ui,
    fx: &mut Fx<'_>,
    label: &str,
    field: &'static str,
    value: &mut Option<String>,
) {
    row_ui(ui, fx, label, &[field], |ui, fx, label_id| {
        text_field_ui(ui, fx, label_id, field, value, Some(NOTES_ROWS));
    });
}

/// A choice among the values of an enum, with "—" for none.
fn choice_row<T: Copy + PartialEq>(
    ui: &mut Ui,
    fx: &mut Fx<'_>,
    label: &str,
    field: &'static str,
    value: &mut Option<T>,
    all: &[T],
    word: fn(T) -> &'static str,
) {
    row_ui(ui, fx, label, &[field], |ui, fx, label_id| {
        let selected = value.map_or("—", word);
        let shown = ComboBox::from_id_salt(field)
            .selected_text(selected)
            .width(CHOICE_WIDTH)
            .show_ui(ui, |ui| {
                let mut chosen = ui.selectable_value(value, None, "—").clicked();
                for &choice in all {
                    chosen |= ui
                        .selectable_value(value, Some(choice), word(choice))
                        .clicked();
                }
                // egui closes the list on a click only, not on Enter or Space.
                if chosen {
                    ui.close();
                }
                chosen
            });
        let response = shown.response.labelled_by(label_id);
        if shown.inner == Some(true) {
            // Back to the list's button: Tab goes on to the next field.
            response.request_focus();
        }
        fx.focus(field, &response);
    });
}

/// A required date (an empty field is kept as an invalid date and reported).
fn required_date_row(
    ui: &mut Ui,
    fx: &mut Fx<'_>,
    label: &str,
    field: &'static str,
    value: &mut IsoDate,
) {
    row_ui(ui, fx, label, &[field], |ui, fx, label_id| {
        let fallback = value.valid().unwrap_or_else(today);
        if let Some(new) = date_field_ui(
            ui,
            fx,
            label,
            label_id,
            field,
            Some(&*value),
            false,
            fallback,
        ) {
            *value = new.unwrap_or_else(|| IsoDate::Invalid(String::new()));
        }
    });
}

/// An optional date, which can be cleared. The calendar opens on the date,
/// or on `fallback` when there is none.
fn date_row(
    ui: &mut Ui,
    fx: &mut Fx<'_>,
    label: &str,
    field: &'static str,
    value: &mut Option<IsoDate>,
    fallback: NaiveDate,
) {
    row_ui(ui, fx, label, &[field], |ui, fx, label_id| {
        let fallback = value.as_ref().and_then(IsoDate::valid).unwrap_or(fallback);
        if let Some(new) = date_field_ui(
            ui,
            fx,
            label,
            label_id,
            field,
            value.as_ref(),
            true,
            fallback,
        ) {
            *value = new;
        }
    });
}

/// A date's text field (YYYY-MM-DD), its calendar button and, for an
/// optional date, a button that clears it. `Some(new value)` on a change.
#[expect(clippy::too_many_arguments)]
fn date_field_ui(
    ui: &mut Ui,
    fx: &mut Fx<'_>,
    label: &str,
    label_id: Id,
    field: &'static str,
    value: Option<&IsoDate>,
    optional: bool,
    fallback: NaiveDate,
) -> Option<Option<IsoDate>> {
    let mut changed = None;
    ui.horizontal(|ui| {
        let mut text = value.map(ToString::to_string).unwrap_or_default();
        let response = ui
            .add(
                TextEdit::singleline(&mut text)
                    .id_salt(field)
                    .hint_text(msg::DATE_HINT.text())
                    .desired_width(DATE_WIDTH),
            )
            .labelled_by(label_id);
        fx.focus(field, &response);
        if response.changed() {
            changed = Some((!text.is_empty() || !optional).then(|| IsoDate::parse(&text)));
        }

        let mut picked = fallback;
        let salt = format!("{field}.calendar");
        let calendar = super::calendar::calendar_button(
            ui,
            &salt,
            msg::CALENDAR.text(),
            &msg::CALENDAR_NAMED.with(&[("label", &label)]),
            msg::CALENDAR_HINT.text(),
            &mut picked,
        );
        fx.calendar_ids
            .push(ui.make_persistent_id(salt.as_str()).with("calendar"));
        if calendar.changed() {
            changed = Some(Some(IsoDate::Valid(picked)));
        }

        if optional
            && value.is_some()
            && ui
                .small_button("×")
                .on_hover_text(msg::CLEAR_DATE.text())
                .accessible_name(msg::CLEAR_NAMED.with(&[("label", &label)]))
                .clicked()
        {
            changed = Some(None);
        }
    });
    changed
}

/// An amount in whole euros, shown with grouped thousands once typed.
fn amount_row(ui: &mut Ui, fx: &mut Fx<'_>, label: &str, field: &'static str, text: &mut String) {
    row_ui(ui, fx, label, &[field], |ui, fx, label_id| {
        ui.horizontal(|ui| {
            let response = ui
                .add(
                    TextEdit::singleline(text)
                        .id_salt(field)
                        .hint_text("0")
                        .align(egui::Align2::RIGHT_CENTER)
                        .desired_width(AMOUNT_WIDTH),
                )
                .on_hover_text(msg::AMOUNT_HINT.text())
                .labelled_by(label_id);
            fx.focus(field, &response);
            ui.label("€");
            if response.lost_focus()
                && let Ok(Some(value)) = parse_amount(text)
            {
                *text = i18n::count(value);
            }
        });
    });
}

/// What a reference picker gave.
enum Picked {
    /// "—": no reference.
    Nothing,
    /// A record, by id.
    Id(String),
    /// The extra entry ("New company…").
    Extra,
}

/// Options of a reference picker.
#[derive(Default)]
struct PickerOptions<'a> {
    /// The text of the "none" entry; `None`: a value is required.
    none: Option<&'a str>,
    /// An extra entry at the top ("New company…").
    extra: Option<&'a str>,
    /// Ids not offered (institutes already chosen).
    exclude: &'a [String],
    /// The id now chosen, highlighted in the list.
    selected: Option<&'a str>,
    /// The width of the button; default: the available width, up to a limit.
    width: Option<f32>,
}

/// A combo box over the records of `list` (ISO countries for
/// `ListKind::Countries`), with a search field in its popup filtering by name.
fn picker_ui(
    ui: &mut Ui,
    fx: &mut Fx<'_>,
    field: &'static str,
    label_id: Id,
    list: ListKind,
    selected_text: String,
    options: &PickerOptions<'_>,
) -> Option<Picked> {
    let was_open = fx.picker.open == Some(field);
    let width = options
        .width
        .unwrap_or_else(|| ui.available_width().min(PICKER_MAX_WIDTH));
    // Arabic and Hebrew names read right to left (egui has no bidi); a
    // screen reader gets the name as written.
    let (shown_text, as_written) = match crate::i18n::bidi::display_order(&selected_text) {
        std::borrow::Cow::Owned(reordered) => (reordered, Some(selected_text)),
        std::borrow::Cow::Borrowed(_) => (selected_text, None),
    };
    let shown = ComboBox::from_id_salt(field)
        .selected_text(shown_text)
        .width(width)
        .height(f32::INFINITY)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| picker_popup_ui(ui, fx, field, list, options));
    let response = shown.response.labelled_by(label_id);
    if let Some(as_written) = as_written {
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_value(as_written));
    }
    fx.focus(field, &response);
    match shown.inner {
        None => {
            if was_open {
                // Closed: forget its choices.
                fx.picker.open = None;
                fx.picker.cache = None;
                // Closed by Escape: the focus goes back to the list's button.
                if ui.input(|i| i.key_pressed(Key::Escape)) {
                    response.request_focus();
                }
            }
            None
        }
        Some(picked) => {
            // Chosen (Enter or a click): the focus goes back to the list's
            // button, so that Tab goes on to the next field.
            if picked.is_some() {
                response.request_focus();
            }
            picked
        }
    }
}

fn picker_popup_ui(
    ui: &mut Ui,
    fx: &mut Fx<'_>,
    field: &'static str,
    list: ListKind,
    options: &PickerOptions<'_>,
) -> Option<Picked> {
    let picker = &mut *fx.picker;
    if picker.open != Some(field) {
        picker.open = Some(field);
        picker.query.clear();
        picker.focus_frames = 3;
    }
    let revision = fx.ws.revision();
    let cache = match &mut picker.cache {
        Some(cache) if cache.list == list && cache.revision == revision => cache,
        slot => slot.insert(ChoiceCache {
            list,
            revision,
            choices: build_choices(fx.ws, fx.lookup, list),
            matched_query: None,
            matches: Vec::new(),
        }),
    };

    let search = ui
        .add(
            TextEdit::singleline(&mut picker.query)
                .id_salt("picker_search")
                .hint_text(msg::TYPE_TO_SEARCH.text())
                .desired_width(f32::INFINITY),
        )
        .accessible_name(list_words(list).search.text());
    if search.has_focus() {
        picker.focus_frames = 0;
    } else if picker.focus_frames > 0 {
        search.request_focus();
        picker.focus_frames -= 1;
    }
    cache.filter(&picker.query);
    let enter = search.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));

    let mut picked = None;
    if let Some(extra) = options.extra
        && ui.selectable_label(false, extra).clicked()
    {
        picked = Some(Picked::Extra);
    }
    if let Some(none) = options.none
        && ui
            .selectable_label(options.selected.is_none(), none)
            .clicked()
    {
        picked = Some(Picked::Nothing);
    }
    ui.separator();

    let filtered: Vec<usize>;
    let matches: &[usize] = if options.exclude.is_empty() {
        &cache.matches
    } else {
        filtered = cache
            .matches
            .iter()
            .copied()
            .filter(|i| {
                cache
                    .choices
                    .get(*i)
                    .is_some_and(|c| !options.exclude.contains(&c.id))
            })
            .collect();
        &filtered
    };
    if enter && let Some(choice) = matches.first().and_then(|i| cache.choices.get(*i)) {
        picked = Some(Picked::Id(choice.id.clone()));
    }
    if matches.is_empty() {
        ui.weak(msg::NO_MATCH.text());
    } else {
        let row_height = ui.spacing().interact_size.y;
        ScrollArea::vertical()
            .id_salt("picker_list")
            .max_height(PICKER_LIST_HEIGHT)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, matches.len(), |ui, rows| {
                for choice in matches
                    .get(rows)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|i| cache.choices.get(*i))
                {
                    let is_selected = options.selected == Some(choice.id.as_str());
                    // Arabic and Hebrew names read right to left (egui has
                    // no bidi); a screen reader gets them in their own order.
                    let shown = crate::i18n::bidi::display_order(&choice.label);
                    if ui
                        .add(
                            Button::selectable(is_selected, shown.as_ref())
                                .min_size(vec2(0.0, row_height)),
                        )
                        .accessible_name(choice.label.as_str())
                        .clicked()
                    {
                        picked = Some(Picked::Id(choice.id.clone()));
                    }
                }
            });
    }
    if picked.is_some() {
        ui.close();
    }
    picked
}

impl ChoiceCache {
    /// Recomputes the matches when the query changed: every word typed
    /// must appear in the folded label; labels starting with it come first.
    fn filter(&mut self, query: &str) {
        if self.matched_query.as_deref() == Some(query) {
            return;
        }
        let folded = ids::fold(query);
        let words: Vec<&str> = folded.split_whitespace().collect();
        let mut first = Vec::new();
        let mut others = Vec::new();
        for (i, choice) in self.choices.iter().enumerate() {
            if words.iter().all(|w| choice.key.contains(w)) {
                if words.first().is_some_and(|w| choice.key.starts_with(w)) {
                    first.push(i);
                } else {
                    others.push(i);
                }
            }
        }
        first.append(&mut others);
        self.matches = first;
        self.matched_query = Some(query.to_owned());
    }
}

/// The choices of a picker over `list`, sorted for reading: by name
/// (zones in file order, meetings newest first).
fn build_choices(ws: &Workspace, lookup: &Lookup, list: ListKind) -> Vec<Choice> {
    let dataset = ws.dataset();
    let choice = |id: &str, name: Option<&str>| {
        let label = name
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .unwrap_or(id)
            .to_owned();
        Choice {
            key: ids::fold(&label),
            id: id.to_owned(),
            label,
        }
    };
    let mut choices: Vec<Choice> = match list {
        ListKind::Zones => dataset
            .zones
            .iter()
            .map(|r| choice(&r.id, r.name.as_deref()))
            .collect(),
        ListKind::Countries => countries::all_codes()
            .iter()
            .map(|code| choice(code, Some(country_label(code).as_str())))
            .collect(),
        ListKind::Institutes => dataset
            .institutes
            .iter()
            .map(|r| choice(&r.id, r.name.as_deref()))
            .collect(),
        ListKind::Affiliates => dataset
            .affiliates
            .iter()
            .map(|r| choice(&r.id, Some(r.name.as_str())))
            .collect(),
        ListKind::Companies => dataset
            .companies
            .iter()
            .map(|r| choice(&r.id, r.name.as_deref()))
            .collect(),
        ListKind::Meetings => {
            // Newest first, ordered by the date as written in the file;
            // shown as the language writes it, found by either.
            let mut meetings: Vec<(String, Choice)> = dataset
                .meetings
                .iter()
                .map(|m| {
                    let company = lookup.name(dataset, ListKind::Companies, &m.company);
                    let iso = m.date.to_string();
                    let date = i18n::iso_or_date(&iso);
                    let (label, order) = match &m.topic {
                        Some(topic) => (
                            format!("{date} — {company} — {topic}"),
                            format!("{iso} — {company} — {topic}"),
                        ),
                        None => (format!("{date} — {company}"), format!("{iso} — {company}")),
                    };
                    let mut entry = choice(&m.id, Some(label.as_str()));
                    if date != iso {
                        entry.key.push(' ');
                        entry.key.push_str(&iso);
                    }
                    (order, entry)
                })
                .collect();
            meetings.sort_by(|a, b| b.0.cmp(&a.0));
            meetings.into_iter().map(|(_, entry)| entry).collect()
        }
        ListKind::CountryNotes => dataset
            .country_notes
            .iter()
            .map(|r| choice(&r.id, r.title.as_deref()))
            .collect(),
        ListKind::Contracts => dataset
            .contracts
            .iter()
            .map(|r| choice(&r.id, r.title.as_deref()))
            .collect(),
    };
    match list {
        ListKind::Zones | ListKind::Meetings => {}
        _ => choices.sort_by(|a, b| a.key.cmp(&b.key).then_with(|| a.label.cmp(&b.label))),
    }
    choices
}

/// A reference to one record (or none, when `none` is given).
fn reference_row(
    ui: &mut Ui,
    fx: &mut Fx<'_>,
    label: &str,
    field: &'static str,
    list: ListKind,
    value: &mut Option<String>,
    none: Option<&str>,
) {
    row_ui(ui, fx, label, &[field], |ui, fx, label_id| {
        reference_field_ui(ui, fx, label_id, field, list, value, none);
    });
}

fn reference_field_ui(
    ui: &mut Ui,
    fx: &mut Fx<'_>,
    label_id: Id,
    field: &'static str,
    list: ListKind,
    value: &mut Option<String>,
    none: Option<&str>,
) {
    let selected_text = match value.as_deref() {
        Some(id) => fx.display_name(list, id),
        None => none.unwrap_or(msg::CHOOSE.text()).to_owned(),
    };
    let options = PickerOptions {
        none,
        selected: value.as_deref(),
        ..PickerOptions::default()
    };
    match picker_ui(ui, fx, field, label_id, list, selected_text, &options) {
        Some(Picked::Id(id)) => *value = Some(id),
        Some(Picked::Nothing) => *value = None,
        Some(Picked::Extra) | None => {}
    }
}

/// A required reference held as a plain string (empty: none yet).
fn required_reference_row(
    ui: &mut Ui,
    fx: &mut Fx<'_>,
    label: &str,
    field: &'static str,
    list: ListKind,
    value: &mut String,
) {
    let mut option = (!value.is_empty()).then(|| value.clone());
    reference_row(ui, fx, label, field, list, &mut option, None);
    if let Some(new) = option
        && new != *value
    {
        *value = new;
    }
}

/// A small removable tag: the name and a cross; a click removes it.
fn chip_ui(ui: &mut Ui, text: &str) -> bool {
    ui.add(Button::new(format!("{text}  ×")).small().corner_radius(8.0))
        .on_hover_text(msg::REMOVE.text())
        .accessible_name(msg::REMOVE_NAMED.with(&[("name", &text)]))
        .clicked()
}

/// Institutes as removable chips, and a picker to add one.
fn institutes_row(ui: &mut Ui, fx: &mut Fx<'_>, label: &str, ids_list: &mut Vec<String>) {
    row_ui(ui, fx, label, &["institutes"], |ui, fx, label_id| {
        ui.horizontal_wrapped(|ui| {
            let mut remove = None;
            for (i, id) in ids_list.iter().enumerate() {
                let name = fx.display_name(ListKind::Institutes, id);
                if chip_ui(ui, &name) {
                    remove = Some(i);
                }
            }
            if let Some(i) = remove
                && i < ids_list.len()
            {
                ids_list.remove(i);
            }
            let options = PickerOptions {
                exclude: ids_list.as_slice(),
                width: Some(ADD_PICKER_WIDTH),
                ..PickerOptions::default()
            };
            let picked = picker_ui(
                ui,
                fx,
                "institutes",
                label_id,
                ListKind::Institutes,
                msg::ADD_AN_INSTITUTE.text().to_owned(),
                &options,
            );
            if let Some(Picked::Id(id)) = picked
                && !ids_list.contains(&id)
            {
                ids_list.push(id);
            }
        });
    });
}

/// Tags as removable chips, and a field to add one (Enter or a comma).
fn tags_row(ui: &mut Ui, fx: &mut Fx<'_>, tags: &mut Vec<String>, text: &mut String) {
    row_ui(ui, fx, msg::TAGS.text(), &["tags"], |ui, fx, label_id| {
        ui.horizontal_wrapped(|ui| {
            let mut remove = None;
            for (i, tag) in tags.iter().enumerate() {
                if chip_ui(ui, tag) {
                    remove = Some(i);
                }
            }
            if let Some(i) = remove
                && i < tags.len()
            {
                tags.remove(i);
            }
            let response = ui
                .add(
                    TextEdit::singleline(text)
                        .id_salt("tags")
                        .hint_text(msg::NEW_TAG_HINT.text())
                        .desired_width(ADD_PICKER_WIDTH),
                )
                .labelled_by(label_id);
            fx.focus("tags", &response);
            let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if entered || (response.changed() && text.contains(',')) {
                // Keep what follows the last comma being typed.
                let (done, rest) = if entered {
                    (text.as_str(), "")
                } else {
                    text.rsplit_once(',').unwrap_or((text.as_str(), ""))
                };
                add_tags(tags, done);
                *text = rest.trim_start().to_owned();
                if entered {
                    response.request_focus();
                }
            }
        });
    });
}

// ---------------------------------------------------------------------------
// The form of each kind of record

fn zone_ui(ui: &mut Ui, fx: &mut Fx<'_>, zone: &mut Zone) {
    id_row(ui, fx, &mut zone.id);
    if text_row(ui, fx, msg::NAME.text(), "name", &mut zone.name) {
        let name = zone.name.clone().unwrap_or_default();
        fx.name_changed(&mut zone.id, &name);
    }
}

fn country_zone_ui(ui: &mut Ui, fx: &mut Fx<'_>, country: &mut CountryZone) {
    required_reference_row(
        ui,
        fx,
        msg::COUNTRY.text(),
        "code",
        ListKind::Countries,
        &mut country.code,
    );
    reference_row(
        ui,
        fx,
        msg::ZONE.text(),
        "zone",
        ListKind::Zones,
        &mut country.zone,
        Some(msg::NO_ZONE_CHOSEN.text()),
    );
}

fn institute_ui(ui: &mut Ui, fx: &mut Fx<'_>, institute: &mut Institute) {
    id_row(ui, fx, &mut institute.id);
    if text_row(ui, fx, msg::NAME.text(), "name", &mut institute.name) {
        let name = institute.name.clone().unwrap_or_default();
        fx.name_changed(&mut institute.id, &name);
    }
    text_row(ui, fx, msg::DOMAIN.text(), "domain", &mut institute.domain);
}

fn affiliate_ui(ui: &mut Ui, fx: &mut Fx<'_>, affiliate: &mut Affiliate) {
    id_row(ui, fx, &mut affiliate.id);
    if required_text_row(ui, fx, msg::NAME.text(), "name", &mut affiliate.name) {
        let name = affiliate.name.clone();
        fx.name_changed(&mut affiliate.id, &name);
    }
    required_reference_row(
        ui,
        fx,
        msg::COUNTRY.text(),
        "country",
        ListKind::Countries,
        &mut affiliate.country,
    );
    text_row(ui, fx, msg::CITY.text(), "city", &mut affiliate.city);
    choice_row(
        ui,
        fx,
        msg::STATUS.text(),
        "status",
        &mut affiliate.status,
        &STATUSES,
        status_label,
    );
    date_row(
        ui,
        fx,
        msg::OPENED.text(),
        "opened",
        &mut affiliate.opened,
        today(),
    );
    institutes_row(ui, fx, msg::INSTITUTES.text(), &mut affiliate.institutes);

    let before = affiliate.contact.clone().unwrap_or_default();
    let mut contact = before.clone();
    text_row(
        ui,
        fx,
        msg::CONTACT_NAME.text(),
        "contact.name",
        &mut contact.name,
    );
    text_row(
        ui,
        fx,
        msg::CONTACT_EMAIL.text(),
        "contact.email",
        &mut contact.email,
    );
    text_row(
        ui,
        fx,
        msg::CONTACT_PHONE.text(),
        "contact.phone",
        &mut contact.phone,
    );
    if contact != before {
        affiliate.contact = Some(contact);
    }
    multiline_row(ui, fx, msg::NOTES.text(), "notes", &mut affiliate.notes);
}

fn company_ui(ui: &mut Ui, fx: &mut Fx<'_>, company: &mut Company) {
    id_row(ui, fx, &mut company.id);
    if text_row(ui, fx, msg::NAME.text(), "name", &mut company.name) {
        let name = company.name.clone().unwrap_or_default();
        fx.name_changed(&mut company.id, &name);
    }
    reference_row(
        ui,
        fx,
        msg::COUNTRY.text(),
        "country",
        ListKind::Countries,
        &mut company.country,
        Some("—"),
    );
    text_row(ui, fx, msg::SECTOR.text(), "sector", &mut company.sector);
    choice_row(
        ui,
        fx,
        msg::SIZE.text(),
        "size",
        &mut company.size,
        &SIZES,
        size_label,
    );
    text_row(ui, fx, msg::WEBSITE.text(), "website", &mut company.website);
}

fn meeting_ui(
    ui: &mut Ui,
    fx: &mut Fx<'_>,
    meeting: &mut Meeting,
    amount_text: &mut String,
    new_company: &mut Option<NewCompany>,
) {
    id_row(ui, fx, &mut meeting.id);
    required_date_row(ui, fx, msg::DATE.text(), "date", &mut meeting.date);
    row_ui(
        ui,
        fx,
        msg::COMPANY.text(),
        &["company"],
        |ui, fx, label_id| {
            let selected_text = match new_company.as_ref() {
                Some(new) if new.name.trim().is_empty() => {
                    msg::NEW_COMPANY_CHOSEN.text().to_owned()
                }
                Some(new) => msg::NEW_COMPANY_NAMED.with(&[("name", &new.name.trim())]),
                None if meeting.company.is_empty() => msg::CHOOSE_A_COMPANY.text().to_owned(),
                None => fx.display_name(ListKind::Companies, &meeting.company),
            };
            let options = PickerOptions {
                extra: Some(msg::NEW_COMPANY_ENTRY.text()),
                selected: (!meeting.company.is_empty() && new_company.is_none())
                    .then_some(meeting.company.as_str()),
                ..PickerOptions::default()
            };
            let picked = picker_ui(
                ui,
                fx,
                "company",
                label_id,
                ListKind::Companies,
                selected_text,
                &options,
            );
            match picked {
                Some(Picked::Id(id)) => {
                    meeting.company = id;
                    *new_company = None;
                }
                Some(Picked::Extra) => {
                    if new_company.is_none() {
                        *new_company = Some(NewCompany::default());
                    }
                    *fx.focus_field = Some("new_company.name");
                }
                Some(Picked::Nothing) | None => {}
            }
        },
    );
    if let Some(new) = new_company.as_mut()
        && new_company_ui(ui, fx, new)
    {
        *new_company = None;
    }
    reference_row(
        ui,
        fx,
        msg::AFFILIATE.text(),
        "affiliate",
        ListKind::Affiliates,
        &mut meeting.affiliate,
        Some(msg::HEAD_OFFICE.text()),
    );
    institutes_row(ui, fx, msg::INSTITUTES.text(), &mut meeting.institutes);
    text_row(
        ui,
        fx,
        msg::INITIATIVE.text(),
        "initiative",
        &mut meeting.initiative,
    );
    text_row(ui, fx, msg::TOPIC.text(), "topic", &mut meeting.topic);
    choice_row(
        ui,
        fx,
        msg::STAGE.text(),
        "stage",
        &mut meeting.stage,
        &Stage::ALL,
        stage_label,
    );
    amount_row(ui, fx, msg::EXPECTED_VALUE.text(), "value_eur", amount_text);
    let suggested = meeting
        .date
        .valid()
        .unwrap_or_else(today)
        .checked_add_days(chrono::Days::new(FOLLOW_UP_DAYS))
        .unwrap_or_else(today);
    date_row(
        ui,
        fx,
        msg::FOLLOW_UP.text(),
        "follow_up",
        &mut meeting.follow_up,
        suggested,
    );
    multiline_row(ui, fx, msg::NOTES.text(), "notes", &mut meeting.notes);
}

/// The company created with the meeting; true when it is discarded.
fn new_company_ui(ui: &mut Ui, fx: &mut Fx<'_>, new: &mut NewCompany) -> bool {
    let mut discard = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.strong(msg::NEW_COMPANY_HEADING.text());
            if ui
                .small_button(msg::DISCARD.text())
                .on_hover_text(msg::DISCARD_HINT.text())
                .accessible_name(msg::DISCARD_NAME.text())
                .clicked()
            {
                discard = true;
            }
        });
        required_text_row(
            ui,
            fx,
            msg::COMPANY_NAME.text(),
            "new_company.name",
            &mut new.name,
        );
        reference_row(
            ui,
            fx,
            msg::COMPANY_COUNTRY.text(),
            "new_company.country",
            ListKind::Countries,
            &mut new.country,
            Some("—"),
        );
        text_row(
            ui,
            fx,
            msg::SECTOR.text(),
            "new_company.sector",
            &mut new.sector,
        );
        choice_row(
            ui,
            fx,
            msg::SIZE.text(),
            "new_company.size",
            &mut new.size,
            &SIZES,
            size_label,
        );
    });
    discard
}

fn note_ui(ui: &mut Ui, fx: &mut Fx<'_>, note: &mut CountryNote, tag_text: &mut String) {
    id_row(ui, fx, &mut note.id);
    if text_row(ui, fx, msg::TITLE.text(), "title", &mut note.title) {
        let title = note.title.clone().unwrap_or_default();
        fx.name_changed(&mut note.id, &title);
    }
    reference_row(
        ui,
        fx,
        msg::COUNTRY.text(),
        "country",
        ListKind::Countries,
        &mut note.country,
        Some("—"),
    );
    tags_row(ui, fx, &mut note.tags, tag_text);
    date_row(
        ui,
        fx,
        msg::UPDATED.text(),
        "updated",
        &mut note.updated,
        today(),
    );
    text_row(ui, fx, msg::AUTHOR.text(), "author", &mut note.author);
    row_ui(ui, fx, msg::BODY.text(), &["body"], |ui, fx, label_id| {
        let editor = |ui: &mut Ui, fx: &mut Fx<'_>, body: &mut Option<String>| {
            text_field_ui(ui, fx, label_id, "body", body, Some(BODY_ROWS));
        };
        let reading = |ui: &mut Ui, body: &Option<String>| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                note_reading_ui(ui, body.as_deref().unwrap_or_default());
            });
        };
        if ui.available_width() >= SIDE_BY_SIDE_MIN_WIDTH {
            ui.columns(2, |columns| {
                if let [left, right] = columns {
                    editor(left, fx, &mut note.body);
                    reading(right, &note.body);
                }
            });
        } else {
            editor(ui, fx, &mut note.body);
            reading(ui, &note.body);
        }
    });
}

fn contract_ui(ui: &mut Ui, fx: &mut Fx<'_>, contract: &mut Contract, amount_text: &mut String) {
    id_row(ui, fx, &mut contract.id);
    text_row(ui, fx, msg::TITLE.text(), "title", &mut contract.title);
    choice_row(
        ui,
        fx,
        msg::KIND.text(),
        "kind",
        &mut contract.kind,
        &KINDS,
        kind_label,
    );
    let (company_none, country_none) = match contract.kind {
        Some(ContractKind::Bilateral) => (msg::REQUIRED_FOR_BILATERAL.text(), "—"),
        Some(ContractKind::European) => ("—", msg::REQUIRED_FOR_EUROPEAN.text()),
        None => ("—", "—"),
    };
    reference_row(
        ui,
        fx,
        msg::COMPANY.text(),
        "company",
        ListKind::Companies,
        &mut contract.company,
        Some(company_none),
    );
    reference_row(
        ui,
        fx,
        msg::COUNTRY.text(),
        "country",
        ListKind::Countries,
        &mut contract.country,
        Some(country_none),
    );
    text_row(
        ui,
        fx,
        msg::PROGRAMME.text(),
        "programme",
        &mut contract.programme,
    );
    institutes_row(ui, fx, msg::INSTITUTES.text(), &mut contract.institutes);
    date_row(
        ui,
        fx,
        msg::SIGNED.text(),
        "signed",
        &mut contract.signed,
        today(),
    );
    amount_row(ui, fx, msg::AMOUNT.text(), "amount_eur", amount_text);
    reference_row(
        ui,
        fx,
        msg::MEETING.text(),
        "meeting",
        ListKind::Meetings,
        &mut contract.meeting,
        Some("—"),
    );
}

// ---------------------------------------------------------------------------
// Reading view of a note

/// A country note's body as it reads: paragraphs (consecutive lines joined),
/// `## ` headings larger and strong, `- ` list items as bullets.
pub fn note_reading_ui(ui: &mut Ui, body: &str) {
    // Left-aligned whatever the parent's layout (columns justify text).
    ui.vertical(|ui| reading_blocks_ui(ui, body));
}

fn reading_blocks_ui(ui: &mut Ui, body: &str) {
    if body.trim().is_empty() {
        ui.weak(msg::NOTHING_WRITTEN.text());
        return;
    }
    let body_size = ui
        .style()
        .text_styles
        .get(&egui::TextStyle::Body)
        .map_or(14.0, |font| font.size);
    let gap = body_size * 0.5;
    let mut paragraph = String::new();
    let flush = |ui: &mut Ui, paragraph: &mut String| {
        if !paragraph.is_empty() {
            ui.add(Label::new(paragraph.as_str()).wrap());
            ui.add_space(gap);
            paragraph.clear();
        }
    };
    for line in body.lines() {
        let line = line.trim();
        if line.is_empty() {
            flush(ui, &mut paragraph);
        } else if let Some((level, heading)) = heading_of(line) {
            flush(ui, &mut paragraph);
            ui.add_space(gap);
            let scale = match level {
                1 => 1.5,
                2 => 1.25,
                _ => 1.0,
            };
            ui.add(Label::new(RichText::new(heading).strong().size(body_size * scale)).wrap());
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            flush(ui, &mut paragraph);
            ui.horizontal_top(|ui| {
                ui.label("•");
                ui.add(Label::new(item.trim()).wrap());
            });
        } else {
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(line);
        }
    }
    flush(ui, &mut paragraph);
}

/// `## Title` → `(2, "Title")`.
fn heading_of(line: &str) -> Option<(usize, &str)> {
    let text = line.trim_start_matches('#');
    let level = line.len() - text.len();
    let text = text.strip_prefix(' ')?;
    (1..=6)
        .contains(&level)
        .then_some((level, text.trim()))
        .filter(|(_, t)| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_as_people_type_them() {
        assert_eq!(parse_amount(""), Ok(None));
        assert_eq!(parse_amount("  "), Ok(None));
        assert_eq!(parse_amount("250000"), Ok(Some(250_000)));
        assert_eq!(parse_amount("250,000"), Ok(Some(250_000)));
        assert_eq!(parse_amount("1,200,000"), Ok(Some(1_200_000)));
        assert_eq!(parse_amount("250.000"), Ok(Some(250_000)));
        assert_eq!(parse_amount("250 000 €"), Ok(Some(250_000)));
        assert_eq!(parse_amount("250k"), Ok(Some(250_000)));
        assert_eq!(parse_amount("1.2M"), Ok(Some(1_200_000)));
        assert_eq!(parse_amount("1,25 M€"), Ok(Some(1_250_000)));
        assert_eq!(parse_amount("0"), Ok(Some(0)));
        assert!(
            parse_amount("-5")
                .unwrap_err()
                .contains("cannot be negative")
        );
        assert!(
            parse_amount("12.5")
                .unwrap_err()
                .contains("without decimals")
        );
        assert!(
            parse_amount("1,234.5")
                .unwrap_err()
                .contains("without decimals")
        );
        assert!(
            parse_amount("1.2345k")
                .unwrap_err()
                .contains("without decimals")
        );
        assert!(
            parse_amount("abc")
                .unwrap_err()
                .contains("is not an amount")
        );
        assert!(
            parse_amount("99999999999999999999999")
                .unwrap_err()
                .contains("too large")
        );
    }

    #[test]
    fn stages_and_sizes_shown_in_either_language_are_read_back_by_an_import() {
        use crate::fields::{SIZES, STAGES, choice};
        use crate::i18n::{Language, set_language};
        for language in Language::ALL {
            set_language(language);
            for stage in Stage::ALL {
                let name = format!("{stage:?}");
                assert_eq!(choice(STAGES, stage_label(stage)), Some(name.as_str()));
            }
            for size in super::SIZES {
                let name = format!("{size:?}");
                assert_eq!(choice(SIZES, size_label(size)), Some(name.as_str()));
            }
        }
        set_language(Language::English);
    }

    #[test]
    fn amount_problems_speak_the_language_in_use() {
        use crate::i18n::{Language, set_language};
        set_language(Language::French);
        let negative = parse_amount("-5").unwrap_err();
        set_language(Language::English);
        assert!(
            negative.starts_with("un montant ne peut pas être négatif"),
            "{negative}"
        );
    }

    #[test]
    fn headings_need_hashes_and_a_space() {
        assert_eq!(heading_of("## Rules"), Some((2, "Rules")));
        assert_eq!(heading_of("# Top"), Some((1, "Top")));
        assert_eq!(heading_of("#hashtag"), None);
        assert_eq!(heading_of("##"), None);
        assert_eq!(heading_of("Plain"), None);
    }
}
