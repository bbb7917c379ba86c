//! Every field of every kind of record, by name, as text: what a spreadsheet
//! column holds, what an import writes, and what a merge compares.
//!
//! One table per list ([`fields`]) names each field as in the data file
//! (`value_eur`; an affiliate's contact is three fields, `contact_name`,
//! `contact_email`, `contact_phone`), with its English and French headers
//! and its kind. [`get`] reads a field of a [`Record`] as canonical text and
//! [`set`] writes one from text, so that `set(r, f, get(r, f))` changes
//! nothing:
//! - text as is; an empty cell is an absent value (`None`);
//! - dates as `YYYY-MM-DD` (a date that is not a real one is kept as written,
//!   as the file format does);
//! - amounts as whole euros, digits only;
//! - choices (stage, status, size, kind) by their name in the file
//!   (`FollowUp`); [`set`] also takes the English and French labels, in any
//!   case and with or without accents ("Follow-up", "suivi");
//! - lists of ids and tags joined with `"; "`.
//!
//! Architecture invariant: no egui, no I/O; one place knows how a record
//! becomes cells and back.

use thiserror::Error;

use crate::edit::Record;
use crate::format::write::{kind_name, size_name, stage_name, status_name};
use crate::ids::fold;
use crate::model::{
    Affiliate, AffiliateStatus, Company, CompanySize, Contact, Contract, ContractKind, CountryNote,
    CountryZone, Institute, IsoDate, ListKind, Meeting, Stage, Zone,
};

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// The record's id (a country's code for `countries`).
    Id,
    /// Free text on one line.
    Text,
    /// Free text over several lines.
    LongText,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// Whole euros.
    Amount,
    /// An ISO 3166-1 alpha-2 country code.
    Country,
    /// One of a fixed set of names.
    Choice(&'static [Choice]),
    /// The id of a record of another list.
    Reference(ListKind),
    /// Ids of records of another list.
    References(ListKind),
    /// Free words.
    Tags,
}

/// One value of a [`FieldKind::Choice`]: its name in the file and its labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// As written in the file (`FollowUp`).
    pub name: &'static str,
    /// Other ways people write it, in English and French.
    pub labels: &'static [&'static str],
}

/// One field of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Its name, as in the data file (`contact_name` for `contact.name`).
    pub name: &'static str,
    /// Its column header in English.
    pub english: &'static str,
    /// Its column header in French.
    pub french: &'static str,
    /// What it holds.
    pub kind: FieldKind,
    /// Whether the format requires it.
    pub required: bool,
}

impl Field {
    /// Its column header in the language of the interface
    /// ([`crate::i18n::current`]).
    pub fn header(&self) -> &'static str {
        match crate::i18n::current() {
            crate::i18n::Language::English => self.english,
            crate::i18n::Language::French => self.french,
        }
    }
}

const fn field(
    name: &'static str,
    english: &'static str,
    french: &'static str,
    kind: FieldKind,
) -> Field {
    Field {
        name,
        english,
        french,
        kind,
        required: false,
    }
}

const fn required(
    name: &'static str,
    english: &'static str,
    french: &'static str,
    kind: FieldKind,
) -> Field {
    Field {
        name,
        english,
        french,
        kind,
        required: true,
    }
}

/// The stages, in pipeline order.
pub const STAGES: &[Choice] = &[
    Choice {
        name: "FirstContact",
        labels: &["First contact", "Premier contact"],
    },
    Choice {
        name: "FollowUp",
        labels: &["Follow-up", "Follow up", "Suivi", "Relance"],
    },
    Choice {
        name: "Proposal",
        labels: &["Proposal", "Proposition", "Offre"],
    },
    Choice {
        name: "Negotiation",
        labels: &["Negotiation", "Négociation"],
    },
    Choice {
        name: "ContractSigned",
        labels: &["Contract signed", "Signed", "Contrat signé", "Signé"],
    },
    Choice {
        name: "Closed",
        labels: &["Closed", "Clos", "Fermé", "Abandonné"],
    },
];

/// The statuses of an affiliate.
pub const STATUSES: &[Choice] = &[
    Choice {
        name: "Active",
        labels: &["Active", "Actif", "Active (ouvert)", "Ouvert", "Ouverte"],
    },
    Choice {
        name: "Planned",
        labels: &["Planned", "Prévu", "En projet"],
    },
    Choice {
        name: "Closed",
        labels: &["Closed", "Fermé", "Fermée", "Clos", "Close"],
    },
];

/// The sizes of a company.
pub const SIZES: &[Choice] = &[
    Choice {
        name: "Startup",
        labels: &["Start-up", "Startup", "Jeune pousse"],
    },
    Choice {
        name: "Sme",
        labels: &["SME", "PME"],
    },
    Choice {
        name: "MidCap",
        labels: &["Mid-cap", "Midcap", "ETI"],
    },
    Choice {
        name: "Large",
        labels: &["Large", "Large company", "Grande entreprise", "GE"],
    },
];

/// The kinds of a contract.
pub const CONTRACT_KINDS: &[Choice] = &[
    Choice {
        name: "Bilateral",
        labels: &["Bilateral", "Bilatéral", "Bilaterale", "Bilatérale"],
    },
    Choice {
        name: "European",
        labels: &[
            "European",
            "European project",
            "Européen",
            "Projet européen",
        ],
    },
];

const ZONES: &[Field] = &[
    required("id", "Id", "Identifiant", FieldKind::Id),
    field("name", "Name", "Nom", FieldKind::Text),
];

const COUNTRIES: &[Field] = &[
    required("code", "Country code", "Code pays", FieldKind::Id),
    field(
        "zone",
        "Zone",
        "Zone",
        FieldKind::Reference(ListKind::Zones),
    ),
];

const INSTITUTES: &[Field] = &[
    required("id", "Id", "Identifiant", FieldKind::Id),
    field("name", "Name", "Nom", FieldKind::Text),
    field("domain", "Domain", "Domaine", FieldKind::Text),
];

const AFFILIATES: &[Field] = &[
    required("id", "Id", "Identifiant", FieldKind::Id),
    required("name", "Name", "Nom", FieldKind::Text),
    required("country", "Country", "Pays", FieldKind::Country),
    field("city", "City", "Ville", FieldKind::Text),
    field("status", "Status", "Statut", FieldKind::Choice(STATUSES)),
    field("opened", "Opened", "Ouverture", FieldKind::Date),
    field(
        "institutes",
        "Institutes",
        "Instituts",
        FieldKind::References(ListKind::Institutes),
    ),
    field("contact_name", "Contact", "Contact", FieldKind::Text),
    field("contact_email", "E-mail", "Courriel", FieldKind::Text),
    field("contact_phone", "Phone", "Téléphone", FieldKind::Text),
    field("notes", "Notes", "Notes", FieldKind::LongText),
];

const COMPANIES: &[Field] = &[
    required("id", "Id", "Identifiant", FieldKind::Id),
    field("name", "Name", "Nom", FieldKind::Text),
    field("country", "Country", "Pays", FieldKind::Country),
    field("sector", "Sector", "Secteur", FieldKind::Text),
    field("size", "Size", "Taille", FieldKind::Choice(SIZES)),
    field("website", "Website", "Site web", FieldKind::Text),
];

const MEETINGS: &[Field] = &[
    required("id", "Id", "Identifiant", FieldKind::Id),
    required("date", "Date", "Date", FieldKind::Date),
    required(
        "company",
        "Company",
        "Entreprise",
        FieldKind::Reference(ListKind::Companies),
    ),
    field(
        "affiliate",
        "Affiliate",
        "Antenne",
        FieldKind::Reference(ListKind::Affiliates),
    ),
    field(
        "institutes",
        "Institutes",
        "Instituts",
        FieldKind::References(ListKind::Institutes),
    ),
    field("initiative", "Initiative", "Initiative", FieldKind::Text),
    field("topic", "Topic", "Sujet", FieldKind::Text),
    field("stage", "Stage", "Étape", FieldKind::Choice(STAGES)),
    field("value_eur", "Value (€)", "Valeur (€)", FieldKind::Amount),
    field("follow_up", "Follow-up", "Relance", FieldKind::Date),
    field("notes", "Notes", "Notes", FieldKind::LongText),
];

const COUNTRY_NOTES: &[Field] = &[
    required("id", "Id", "Identifiant", FieldKind::Id),
    field("country", "Country", "Pays", FieldKind::Country),
    field("title", "Title", "Titre", FieldKind::Text),
    field("body", "Text", "Texte", FieldKind::LongText),
    field("tags", "Tags", "Mots-clés", FieldKind::Tags),
    field("updated", "Updated", "Mise à jour", FieldKind::Date),
    field("author", "Author", "Auteur", FieldKind::Text),
];

const CONTRACTS: &[Field] = &[
    required("id", "Id", "Identifiant", FieldKind::Id),
    field("title", "Title", "Titre", FieldKind::Text),
    field("kind", "Kind", "Type", FieldKind::Choice(CONTRACT_KINDS)),
    field(
        "company",
        "Company",
        "Entreprise",
        FieldKind::Reference(ListKind::Companies),
    ),
    field("country", "Country", "Pays", FieldKind::Country),
    field("programme", "Programme", "Programme", FieldKind::Text),
    field(
        "institutes",
        "Institutes",
        "Instituts",
        FieldKind::References(ListKind::Institutes),
    ),
    field("signed", "Signed", "Signature", FieldKind::Date),
    field("amount_eur", "Amount (€)", "Montant (€)", FieldKind::Amount),
    field(
        "meeting",
        "Meeting",
        "Rendez-vous",
        FieldKind::Reference(ListKind::Meetings),
    ),
];

/// The fields of `list`, in the file's order.
pub fn fields(list: ListKind) -> &'static [Field] {
    match list {
        ListKind::Zones => ZONES,
        ListKind::Countries => COUNTRIES,
        ListKind::Institutes => INSTITUTES,
        ListKind::Affiliates => AFFILIATES,
        ListKind::Companies => COMPANIES,
        ListKind::Meetings => MEETINGS,
        ListKind::CountryNotes => COUNTRY_NOTES,
        ListKind::Contracts => CONTRACTS,
    }
}

/// A field of `list` by its name.
pub fn find(list: ListKind, name: &str) -> Option<&'static Field> {
    fields(list).iter().find(|f| f.name == name)
}

/// Why a value cannot go into a field.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FieldError {
    /// The list has no such field.
    #[error("{list} have no field `{field}`")]
    NoSuchField {
        /// The list.
        list: ListKind,
        /// The name asked for.
        field: String,
    },
    /// A required field was left empty.
    #[error("`{field}` is required")]
    Required {
        /// The field.
        field: &'static str,
    },
    /// Not a whole, non-negative number of euros.
    #[error("`{field}`: “{value}” is not a whole number of euros")]
    NotAnAmount {
        /// The field.
        field: &'static str,
        /// The text found.
        value: String,
    },
    /// Not one of the names of a choice.
    #[error("`{field}`: “{value}” is not one of {expected}")]
    NotAChoice {
        /// The field.
        field: &'static str,
        /// The text found.
        value: String,
        /// The names accepted, in words.
        expected: String,
    },
}

/// An empty record of `list`: every field absent, id empty.
pub fn blank(list: ListKind) -> Record {
    match list {
        ListKind::Zones => Record::Zone(Zone {
            id: String::new(),
            name: None,
        }),
        ListKind::Countries => Record::Country(CountryZone {
            code: String::new(),
            zone: None,
        }),
        ListKind::Institutes => Record::Institute(Institute {
            id: String::new(),
            name: None,
            domain: None,
        }),
        ListKind::Affiliates => Record::Affiliate(Affiliate {
            id: String::new(),
            name: String::new(),
            country: String::new(),
            city: None,
            status: None,
            opened: None,
            institutes: Vec::new(),
            contact: None,
            notes: None,
        }),
        ListKind::Companies => Record::Company(Company {
            id: String::new(),
            name: None,
            country: None,
            sector: None,
            size: None,
            website: None,
        }),
        ListKind::Meetings => Record::Meeting(Meeting {
            id: String::new(),
            date: IsoDate::Invalid(String::new()),
            company: String::new(),
            affiliate: None,
            institutes: Vec::new(),
            initiative: None,
            topic: None,
            stage: None,
            value_eur: None,
            follow_up: None,
            notes: None,
        }),
        ListKind::CountryNotes => Record::CountryNote(CountryNote {
            id: String::new(),
            country: None,
            title: None,
            body: None,
            tags: Vec::new(),
            updated: None,
            author: None,
        }),
        ListKind::Contracts => Record::Contract(Contract {
            id: String::new(),
            title: None,
            kind: None,
            company: None,
            country: None,
            programme: None,
            institutes: Vec::new(),
            signed: None,
            amount_eur: None,
            meeting: None,
        }),
    }
}

/// The separator of ids and tags in one cell.
pub const LIST_SEPARATOR: &str = "; ";

fn joined(items: &[String]) -> Option<String> {
    (!items.is_empty()).then(|| items.join(LIST_SEPARATOR))
}

fn date(value: &Option<IsoDate>) -> Option<String> {
    value.as_ref().map(IsoDate::to_string)
}

fn text(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_owned())
}

/// A field of a record as canonical text; `None` when absent (or when the
/// record's list has no such field).
pub fn get(record: &Record, name: &str) -> Option<String> {
    match record {
        Record::Zone(z) => match name {
            "id" => text(&z.id),
            "name" => z.name.clone(),
            _ => None,
        },
        Record::Country(c) => match name {
            "code" => text(&c.code),
            "zone" => c.zone.clone(),
            _ => None,
        },
        Record::Institute(i) => match name {
            "id" => text(&i.id),
            "name" => i.name.clone(),
            "domain" => i.domain.clone(),
            _ => None,
        },
        Record::Affiliate(a) => {
            let contact = a.contact.as_ref();
            match name {
                "id" => text(&a.id),
                "name" => text(&a.name),
                "country" => text(&a.country),
                "city" => a.city.clone(),
                "status" => a.status.map(|s| status_name(s).to_owned()),
                "opened" => date(&a.opened),
                "institutes" => joined(&a.institutes),
                "contact_name" => contact.and_then(|c| c.name.clone()),
                "contact_email" => contact.and_then(|c| c.email.clone()),
                "contact_phone" => contact.and_then(|c| c.phone.clone()),
                "notes" => a.notes.clone(),
                _ => None,
            }
        }
        Record::Company(c) => match name {
            "id" => text(&c.id),
            "name" => c.name.clone(),
            "country" => c.country.clone(),
            "sector" => c.sector.clone(),
            "size" => c.size.map(|s| size_name(s).to_owned()),
            "website" => c.website.clone(),
            _ => None,
        },
        Record::Meeting(m) => match name {
            "id" => text(&m.id),
            "date" => text(&m.date.to_string()),
            "company" => text(&m.company),
            "affiliate" => m.affiliate.clone(),
            "institutes" => joined(&m.institutes),
            "initiative" => m.initiative.clone(),
            "topic" => m.topic.clone(),
            "stage" => m.stage.map(|s| stage_name(s).to_owned()),
            "value_eur" => m.value_eur.map(|v| v.to_string()),
            "follow_up" => date(&m.follow_up),
            "notes" => m.notes.clone(),
            _ => None,
        },
        Record::CountryNote(n) => match name {
            "id" => text(&n.id),
            "country" => n.country.clone(),
            "title" => n.title.clone(),
            "body" => n.body.clone(),
            "tags" => joined(&n.tags),
            "updated" => date(&n.updated),
            "author" => n.author.clone(),
            _ => None,
        },
        Record::Contract(c) => match name {
            "id" => text(&c.id),
            "title" => c.title.clone(),
            "kind" => c.kind.map(|k| kind_name(k).to_owned()),
            "company" => c.company.clone(),
            "country" => c.country.clone(),
            "programme" => c.programme.clone(),
            "institutes" => joined(&c.institutes),
            "signed" => date(&c.signed),
            "amount_eur" => c.amount_eur.map(|v| v.to_string()),
            "meeting" => c.meeting.clone(),
            _ => None,
        },
    }
}

/// Every field of a record as canonical text, in the order of [`fields`].
pub fn row(record: &Record) -> Vec<Option<String>> {
    fields(record.list())
        .iter()
        .map(|f| get(record, f.name))
        .collect()
}

/// Finds the choice named or labelled `value` (case, accents and spaces
/// ignored).
pub fn choice(choices: &[Choice], value: &str) -> Option<&'static str> {
    let wanted = squash(value);
    choices
        .iter()
        .find(|c| squash(c.name) == wanted || c.labels.iter().any(|label| squash(label) == wanted))
        .map(|c| c.name)
}

/// Folded, without spaces, hyphens or underscores: "Follow-up" = "followup".
fn squash(text: &str) -> String {
    fold(text)
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .collect()
}

fn split(value: &str) -> Vec<String> {
    value
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Writes a field of a record from text (empty or only spaces = absent).
/// Free text ([`FieldKind::Text`], [`FieldKind::LongText`]) is kept as
/// written, leading and trailing spaces, tabs and line breaks included, so
/// that what a spreadsheet or a form gives back is what the file held; any
/// other value is trimmed.
///
/// Dates are taken as written (`YYYY-MM-DD`; anything else is kept, and
/// validation reports it); amounts must be whole euros (digits, with spaces
/// or thin spaces between thousands allowed); choices by name or label.
pub fn set(record: &mut Record, name: &str, value: &str) -> Result<(), FieldError> {
    let list = record.list();
    let field = find(list, name).ok_or_else(|| FieldError::NoSuchField {
        list,
        field: name.to_owned(),
    })?;
    let value = match field.kind {
        FieldKind::Text | FieldKind::LongText if !value.trim().is_empty() => value,
        _ => value.trim(),
    };
    let opt = (!value.is_empty()).then(|| value.to_owned());
    if field.required && opt.is_none() {
        return Err(FieldError::Required { field: field.name });
    }
    let date = || opt.as_deref().map(IsoDate::parse);
    let amount = || -> Result<Option<u64>, FieldError> {
        match &opt {
            None => Ok(None),
            Some(text) => parse_amount(text).map(Some).ok_or(FieldError::NotAnAmount {
                field: field.name,
                value: text.clone(),
            }),
        }
    };
    let pick = |choices: &'static [Choice]| -> Result<Option<&'static str>, FieldError> {
        match &opt {
            None => Ok(None),
            Some(text) => choice(choices, text)
                .map(Some)
                .ok_or_else(|| FieldError::NotAChoice {
                    field: field.name,
                    value: text.clone(),
                    expected: choices
                        .iter()
                        .map(|c| c.labels.first().copied().unwrap_or(c.name))
                        .collect::<Vec<_>>()
                        .join(", "),
                }),
        }
    };
    let owned = || opt.clone().unwrap_or_default();
    match record {
        Record::Zone(z) => match field.name {
            "id" => z.id = owned(),
            _ => z.name = opt.clone(),
        },
        Record::Country(c) => match field.name {
            "code" => c.code = owned().to_uppercase(),
            _ => c.zone = opt.clone(),
        },
        Record::Institute(i) => match field.name {
            "id" => i.id = owned(),
            "name" => i.name = opt.clone(),
            _ => i.domain = opt.clone(),
        },
        Record::Affiliate(a) => match field.name {
            "id" => a.id = owned(),
            "name" => a.name = owned(),
            "country" => a.country = owned().to_uppercase(),
            "city" => a.city = opt.clone(),
            "status" => a.status = pick(STATUSES)?.and_then(status_of),
            "opened" => a.opened = date(),
            "institutes" => a.institutes = split(value),
            "notes" => a.notes = opt.clone(),
            contact_field => {
                let contact = a.contact.get_or_insert_with(Contact::default);
                match contact_field {
                    "contact_name" => contact.name = opt.clone(),
                    "contact_email" => contact.email = opt.clone(),
                    _ => contact.phone = opt.clone(),
                }
                if contact.is_empty() {
                    a.contact = None;
                }
            }
        },
        Record::Company(c) => match field.name {
            "id" => c.id = owned(),
            "name" => c.name = opt.clone(),
            "country" => c.country = opt.as_deref().map(str::to_uppercase),
            "sector" => c.sector = opt.clone(),
            "size" => c.size = pick(SIZES)?.and_then(size_of),
            _ => c.website = opt.clone(),
        },
        Record::Meeting(m) => match field.name {
            "id" => m.id = owned(),
            "date" => m.date = IsoDate::parse(value),
            "company" => m.company = owned(),
            "affiliate" => m.affiliate = opt.clone(),
            "institutes" => m.institutes = split(value),
            "initiative" => m.initiative = opt.clone(),
            "topic" => m.topic = opt.clone(),
            "stage" => m.stage = pick(STAGES)?.and_then(stage_of),
            "value_eur" => m.value_eur = amount()?,
            "follow_up" => m.follow_up = date(),
            _ => m.notes = opt.clone(),
        },
        Record::CountryNote(n) => match field.name {
            "id" => n.id = owned(),
            "country" => n.country = opt.as_deref().map(str::to_uppercase),
            "title" => n.title = opt.clone(),
            "body" => n.body = opt.clone(),
            "tags" => n.tags = split(value),
            "updated" => n.updated = date(),
            _ => n.author = opt.clone(),
        },
        Record::Contract(c) => match field.name {
            "id" => c.id = owned(),
            "title" => c.title = opt.clone(),
            "kind" => c.kind = pick(CONTRACT_KINDS)?.and_then(contract_kind_of),
            "company" => c.company = opt.clone(),
            "country" => c.country = opt.as_deref().map(str::to_uppercase),
            "programme" => c.programme = opt.clone(),
            "institutes" => c.institutes = split(value),
            "signed" => c.signed = date(),
            "amount_eur" => c.amount_eur = amount()?,
            _ => c.meeting = opt.clone(),
        },
    }
    Ok(())
}

/// Whole euros: digits, with spaces, thin spaces or apostrophes between
/// groups of thousands ("1 200 000", "1'200'000"). Commas and dots are
/// refused: whether they group thousands or mark decimals depends on the
/// language, which the import decides before calling this.
pub fn parse_amount(text: &str) -> Option<u64> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn stage_of(name: &str) -> Option<Stage> {
    Stage::ALL.into_iter().find(|s| stage_name(*s) == name)
}

fn status_of(name: &str) -> Option<AffiliateStatus> {
    [
        AffiliateStatus::Active,
        AffiliateStatus::Planned,
        AffiliateStatus::Closed,
    ]
    .into_iter()
    .find(|s| status_name(*s) == name)
}

fn size_of(name: &str) -> Option<CompanySize> {
    [
        CompanySize::Startup,
        CompanySize::Sme,
        CompanySize::MidCap,
        CompanySize::Large,
    ]
    .into_iter()
    .find(|s| size_name(*s) == name)
}

fn contract_kind_of(name: &str) -> Option<ContractKind> {
    [ContractKind::Bilateral, ContractKind::European]
        .into_iter()
        .find(|k| kind_name(*k) == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::parse_str;

    /// Every field of every record of the sample goes through text and back
    /// unchanged.
    #[test]
    fn get_then_set_gives_the_same_record() {
        let dataset = parse_str(crate::SAMPLE_DATA).unwrap().dataset;
        for list in ListKind::ALL {
            for index in 0..crate::edit::list_len(&dataset, list) {
                let record = Record::get(&dataset, list, index).unwrap();
                let mut rebuilt = blank(list);
                for f in fields(list) {
                    let value = get(&record, f.name).unwrap_or_default();
                    set(&mut rebuilt, f.name, &value).unwrap();
                }
                assert_eq!(rebuilt, record, "{list} #{index}");
            }
        }
    }

    #[test]
    fn choices_are_read_by_name_or_label_in_either_language() {
        assert_eq!(choice(STAGES, "FollowUp"), Some("FollowUp"));
        assert_eq!(choice(STAGES, "follow-up"), Some("FollowUp"));
        assert_eq!(choice(STAGES, "Négociation"), Some("Negotiation"));
        assert_eq!(choice(STAGES, "negociation"), Some("Negotiation"));
        assert_eq!(choice(SIZES, "PME"), Some("Sme"));
        assert_eq!(choice(CONTRACT_KINDS, "Européen"), Some("European"));
        assert_eq!(choice(STAGES, "Maybe"), None);
    }

    #[test]
    fn a_bad_value_is_refused_with_the_field_and_the_choices() {
        let mut meeting = blank(ListKind::Meetings);
        let error = set(&mut meeting, "stage", "Maybe").unwrap_err();
        assert_eq!(
            error.to_string(),
            "`stage`: “Maybe” is not one of First contact, Follow-up, Proposal, \
             Negotiation, Contract signed, Closed"
        );
        assert!(matches!(
            set(&mut meeting, "value_eur", "-5"),
            Err(FieldError::NotAnAmount { .. })
        ));
        assert!(matches!(
            set(&mut meeting, "id", "  "),
            Err(FieldError::Required { field: "id" })
        ));
        assert!(matches!(
            set(&mut meeting, "nmae", "x"),
            Err(FieldError::NoSuchField { .. })
        ));
        assert_eq!(parse_amount("1 200 000"), Some(1_200_000));
        assert_eq!(parse_amount("1,5"), None);
    }
}
