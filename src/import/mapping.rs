//! Which column of a table goes into which field of a list.
//!
//! [`auto_mapping`] matches headers to fields on the field's name, its
//! English and its French header, folded (case, accents, spaces and
//! punctuation ignored), then on common synonyms ("Société", "Montant",
//! "Country code"…). The readable-name columns an export adds beside an id
//! ("Company name" beside "Company") are recognised and left out, unless no
//! other column gives that field: then a company or a country is found by
//! its name. The result is a plain [`Mapping`] the user may change.
//!
//! Architecture invariant: no egui; the mapping never reads cell values.

use std::fmt;

use thiserror::Error;

use crate::fields::{self, Field, FieldKind};
use crate::i18n::catalogue::exchange;
use crate::ids::fold;
use crate::model::ListKind;

/// Column index → the field it fills, for one list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    /// The list the rows go into.
    pub list: ListKind,
    /// For each column of the table, the name of the field it fills
    /// (`None`: not imported).
    pub columns: Vec<Option<&'static str>>,
    /// For meetings and contracts: the column that gives the country of a
    /// company named in the company column and not yet in the data file
    /// (used only when such a company is created).
    pub company_country: Option<usize>,
}

impl Mapping {
    /// The field a column fills.
    pub fn field_of(&self, column: usize) -> Option<&'static str> {
        self.columns.get(column).copied().flatten()
    }

    /// The (first) column that fills `field`.
    pub fn column_of(&self, field: &str) -> Option<usize> {
        self.columns.iter().position(|f| *f == Some(field))
    }

    /// Whether the mapping can be planned; the first problem otherwise.
    pub fn check(&self) -> Result<(), MappingError> {
        let list = self.list;
        for name in self.columns.iter().flatten() {
            if fields::find(list, name).is_none() {
                return Err(MappingError::NoSuchField {
                    list,
                    field: (*name).to_owned(),
                });
            }
            let columns: Vec<usize> = (0..self.columns.len())
                .filter(|c| self.field_of(*c) == Some(name))
                .collect();
            if columns.len() > 1 {
                return Err(MappingError::Twice {
                    field: name,
                    columns: columns.iter().map(|c| c + 1).collect(),
                });
            }
        }
        if self.columns.iter().all(Option::is_none) {
            return Err(MappingError::Nothing { list });
        }
        let missing: Vec<&'static Field> = fields::fields(list)
            .iter()
            .filter(|f| f.required && self.column_of(f.name).is_none())
            // Ids are generated for rows without one, except countries' codes.
            .filter(|f| f.kind != FieldKind::Id || list == ListKind::Countries)
            .collect();
        if !missing.is_empty() {
            return Err(MappingError::MissingRequired {
                list,
                fields: missing.iter().map(|f| FieldHeaders(f)).collect(),
            });
        }
        let keyed_by_name = matches!(
            list,
            ListKind::Companies | ListKind::Zones | ListKind::Institutes
        );
        if keyed_by_name && self.column_of("id").is_none() && self.column_of("name").is_none() {
            return Err(MappingError::NoIdNorName { list });
        }
        Ok(())
    }
}

/// A field named with its headers, for messages: `date` (“Date” / “Date”).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldHeaders(pub &'static Field);

impl fmt::Display for FieldHeaders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&exchange::FIELD_HEADERS.with(&[
            ("name", &self.0.name),
            ("english", &self.0.english),
            ("french", &self.0.french),
        ]))
    }
}

/// Why a mapping cannot be planned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MappingError {
    /// A required field has no column.
    #[error("{}", exchange::MISSING_REQUIRED.with(&[
        ("fields", &join(fields)),
        ("list", &list_name(*list)),
    ]))]
    MissingRequired {
        /// The list.
        list: ListKind,
        /// The fields without a column.
        fields: Vec<FieldHeaders>,
    },
    /// Two columns fill the same field.
    #[error("{}", exchange::TWICE.with(&[
        ("columns", &columns.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")),
        ("field", field),
    ]))]
    Twice {
        /// The field.
        field: &'static str,
        /// The columns, counted from 1.
        columns: Vec<usize>,
    },
    /// A column is mapped to a field the list does not have.
    #[error("{}", exchange::NO_SUCH_FIELD.with(&[("list", &list_name(*list)), ("field", field)]))]
    NoSuchField {
        /// The list.
        list: ListKind,
        /// The name given.
        field: String,
    },
    /// No column is mapped at all.
    #[error("{}", exchange::NO_COLUMN_MATCHES.with(&[("list", &list_name(*list))]))]
    Nothing {
        /// The list.
        list: ListKind,
    },
    /// Rows could not be matched nor named.
    #[error("{}", exchange::NO_ID_NOR_NAME.with(&[("list", &list_name(*list))]))]
    NoIdNorName {
        /// The list.
        list: ListKind,
    },
}

/// The list in a sentence: `meetings` in English, « Réunions » in French.
fn list_name(list: ListKind) -> &'static str {
    super::list_words(list).name.text()
}

fn join(fields: &[FieldHeaders]) -> String {
    fields
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A header reduced to what matters for matching: folded, letters and
/// digits only ("Valeur (€)" → "valeur", "Nom de l'entreprise" →
/// "nomdelentreprise").
pub fn header_key(header: &str) -> String {
    fold(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The same key without a trailing currency ("Amount (EUR)" → "amount").
fn without_currency(key: &str) -> Option<&str> {
    ["euros", "euro", "eur"]
        .iter()
        .find_map(|suffix| key.strip_suffix(suffix))
        .filter(|rest| !rest.is_empty())
}

/// Other headers people give a field, as [`header_key`]s.
fn synonyms(list: ListKind, field: &str) -> &'static [&'static str] {
    match (list, field) {
        (ListKind::Countries, "code") => &["code", "iso", "isocode", "country", "pays", "codeiso"],
        (ListKind::Countries, "zone") => &["zoneid", "region", "zonegeographique"],
        (_, "id") => &["identifier", "ref", "reference", "code"],
        (ListKind::Companies, "name") => &[
            "company",
            "companyname",
            "entreprise",
            "societe",
            "raisonsociale",
            "nomdelentreprise",
            "nomdelasociete",
            "organisation",
            "organization",
        ],
        (ListKind::Affiliates, "name") => &["office", "bureau", "nomdubureau", "officename"],
        (ListKind::Institutes, "name") => &["institute", "institut", "nomdelinstitut"],
        (ListKind::Zones, "name") => &["zone", "zonename", "nomdelazone"],
        (_, "company") => &[
            "societe",
            "entreprise",
            "client",
            "firm",
            "organisation",
            "organization",
            "companyid",
        ],
        (_, "country") => &["countrycode", "codepays", "iso", "countryiso"],
        (_, "date") => &[
            "meetingdate",
            "datedurendezvous",
            "datedelareunion",
            "jour",
            "day",
        ],
        (_, "affiliate") => &[
            "office",
            "affiliateid",
            "representation",
            "antenne",
            "bureau",
            "affilie",
        ],
        (_, "institutes") => &[
            "institute",
            "institut",
            "carnot",
            "institutscarnot",
            "carnotinstitutes",
        ],
        (_, "topic") => &["subject", "objet", "theme", "sujetdurendezvous"],
        (_, "stage") => &["stade", "phase", "etat", "avancement"],
        (_, "value_eur") => &[
            "montant",
            "amount",
            "value",
            "valeur",
            "expectedvalue",
            "valeurestimee",
            "montantht",
        ],
        (_, "amount_eur") => &["montant", "amount", "value", "valeur", "montantht"],
        (_, "follow_up") => &[
            "followupdate",
            "nextstep",
            "prochainerelance",
            "datederelance",
            "suite",
        ],
        (_, "notes") => &["comments", "commentaires", "remarques", "note", "comment"],
        (_, "website") => &["site", "web", "url", "siteinternet", "sitewebdelentreprise"],
        (_, "sector") => &["industry", "secteurdactivite", "activite"],
        (_, "size") => &[
            "companysize",
            "tailledelentreprise",
            "categorie",
            "category",
        ],
        (_, "signed") => &[
            "datedesignature",
            "signaturedate",
            "signedon",
            "signele",
            "date",
        ],
        (_, "title") => &[
            "intitule",
            "projet",
            "project",
            "nomduprojet",
            "name",
            "nom",
        ],
        (_, "kind") => &["typedecontrat", "contracttype", "type"],
        (_, "meeting") => &["meetingid", "rdv", "rendezvousid"],
        (_, "programme") => &["program", "fundingprogramme", "programmedefinancement"],
        (_, "contact_name") => &["contactname", "nomducontact", "interlocuteur"],
        (_, "contact_email") => &[
            "email",
            "mail",
            "emailaddress",
            "adressecourriel",
            "adressemail",
        ],
        (_, "contact_phone") => &["tel", "telephone", "phonenumber", "numerodetelephone"],
        (_, "city") => &["town", "ville"],
        (_, "status") => &["etat", "state"],
        (_, "opened") => &["openingdate", "datedouverture", "ouvertle", "opening"],
        (_, "body") => &["body", "contenu", "content", "note", "text"],
        (_, "updated") => &[
            "lastupdated",
            "datedemiseajour",
            "modifiele",
            "modified",
            "date",
        ],
        (_, "author") => &["redacteur", "by", "par", "writtenby"],
        (_, "tags") => &["keywords", "motscles", "labels", "etiquettes"],
        (_, "domain") => &["field", "thematique", "domainescientifique"],
        _ => &[],
    }
}

/// Whether `key` is one of a field's own names (name, English, French).
fn own_name(field: &Field, key: &str) -> bool {
    [field.name, field.english, field.french]
        .iter()
        .any(|name| header_key(name) == key)
}

/// Whether a header key names `field`: by its own names, or by a synonym.
fn names_field(list: ListKind, field: &Field, key: &str, by_synonym: bool) -> bool {
    let matches = |key: &str| {
        if by_synonym {
            synonyms(list, field.name).contains(&key)
        } else {
            own_name(field, key)
        }
    };
    matches(key) || without_currency(key).is_some_and(matches)
}

/// Proposes a mapping of `headers` to the fields of `list`.
pub fn auto_mapping(list: ListKind, headers: &[String]) -> Mapping {
    let all = fields::fields(list);
    let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    let mut columns: Vec<Option<&'static str>> = vec![None; headers.len()];
    let taken = |columns: &[Option<&'static str>], name: &str| columns.contains(&Some(name));

    // First the fields' own names, then their synonyms, each field once.
    for by_synonym in [false, true] {
        for (column, key) in keys.iter().enumerate() {
            if columns.get(column).copied().flatten().is_some() || key.is_empty() {
                continue;
            }
            if let Some(field) = all
                .iter()
                .find(|f| !taken(&columns, f.name) && names_field(list, f, key, by_synonym))
                && let Some(slot) = columns.get_mut(column)
            {
                *slot = Some(field.name);
            }
        }
    }

    // Readable-name columns fill their field only when nothing else does,
    // and only for what can be found by name: companies and countries.
    for (column, header) in headers.iter().enumerate() {
        if columns.get(column).copied().flatten().is_some() {
            continue;
        }
        if let Some(field) = readable_field(list, header)
            && matches!(
                field.kind,
                FieldKind::Reference(ListKind::Companies) | FieldKind::Country
            )
            && !taken(&columns, field.name)
            && let Some(slot) = columns.get_mut(column)
        {
            *slot = Some(field.name);
        }
    }

    let company_country = company_country_column(list, &keys, &columns);
    Mapping {
        list,
        columns,
        company_country,
    }
}

/// The column giving the country of companies named in a meeting or
/// contract import: for meetings any country column (they have no country
/// of their own); for contracts only one that says it is the company's.
fn company_country_column(
    list: ListKind,
    keys: &[String],
    columns: &[Option<&'static str>],
) -> Option<usize> {
    let accepted: &[&str] = match list {
        ListKind::Meetings => &[
            "companycountry",
            "paysdelentreprise",
            "country",
            "pays",
            "countrycode",
            "codepays",
            "countryname",
            "nomdupays",
        ],
        ListKind::Contracts => &["companycountry", "paysdelentreprise", "paysdelasociete"],
        _ => return None,
    };
    // In the order of `accepted`: the company's own country first.
    accepted.iter().find_map(|wanted| {
        keys.iter().enumerate().find_map(|(column, key)| {
            (key == wanted && columns.get(column).copied().flatten().is_none()).then_some(column)
        })
    })
}

/// The field whose readable name a column holds, in an export of `list`:
/// "Company name" / "Nom de l'entreprise" beside "Company", "Country name"
/// beside "Country", "Institutes names" beside "Institutes".
fn readable_field(list: ListKind, header: &str) -> Option<&'static Field> {
    let key = header_key(header);
    // The headers this program's own export gives them, then the usual
    // ways of naming such a column.
    let exported = crate::export::columns(list).into_iter().find(|column| {
        column.is_derived()
            && (header_key(column.english) == key || header_key(column.french) == key)
    });
    if let Some(column) = exported {
        return Some(column.field);
    }
    fields::fields(list).iter().find(|field| {
        let described = matches!(
            field.kind,
            FieldKind::Reference(_) | FieldKind::References(_) | FieldKind::Country
        );
        described && readable_keys(field).contains(&key)
    })
}

fn readable_keys(field: &Field) -> Vec<String> {
    let english = header_key(field.english);
    let singular = english.strip_suffix('s').unwrap_or(&english).to_owned();
    let french = header_key(field.french);
    let mut keys = Vec::new();
    for e in [&english, &singular] {
        keys.push(format!("{e}name"));
        keys.push(format!("{e}names"));
        keys.push(format!("nameof{e}"));
    }
    for prefix in [
        "nom", "nomde", "nomdu", "nomdela", "nomdel", "nomdes", "noms", "nomsdes",
    ] {
        keys.push(format!("{prefix}{french}"));
    }
    if field.name == "affiliate" {
        // Exports made before affiliates were called antennes in French.
        keys.extend(["nomdubureau", "nomsdesbureaux"].map(str::to_owned));
    }
    keys
}

/// Why a column is left out, when it is a readable column of an export:
/// "the readable name of `company`", "the zone, derived from the country".
/// `None` for any other column.
pub fn readable_name_of(list: ListKind, header: &str) -> Option<String> {
    if let Some(field) = readable_field(list, header) {
        return Some(exchange::READABLE_NAME_OF.with(&[("field", &field.name)]));
    }
    let key = header_key(header);
    let has_country = fields::fields(list).iter().any(|f| {
        f.kind == FieldKind::Country || f.kind == FieldKind::Reference(ListKind::Companies)
    });
    let zone_keys = ["zone", "zonename", "nomdelazone", "zonegeographique"];
    (has_country && list != ListKind::Countries && zone_keys.contains(&key.as_str()))
        .then(|| exchange::ZONE_FOLLOWS_COUNTRY.text().to_owned())
}

/// Why the column `column` of a table with `headers` is left out, when
/// there is a reason beyond "no field has this header": a readable column
/// of an export ([`readable_name_of`]), or a header that an earlier column
/// already has (the first one is imported; the data file cannot hold two).
pub fn why_not_imported(list: ListKind, headers: &[String], column: usize) -> Option<String> {
    let header = headers.get(column).map_or("", String::as_str);
    if let Some(why) = readable_name_of(list, header) {
        return Some(why);
    }
    let key = header_key(header);
    let first = headers
        .iter()
        .take(column)
        .position(|other| !key.is_empty() && header_key(other) == key)?;
    let first_header = headers.get(first).map_or("", |h| h.trim());
    Some(exchange::SAME_HEADER_AS.with(&[("number", &(first + 1)), ("header", &first_header)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn french_and_english_headers_and_synonyms() {
        let m = auto_mapping(
            ListKind::Meetings,
            &headers(&[
                "Identifiant",
                "DATE",
                "Société",
                "Montant (€)",
                "Étape",
                "Pays",
            ]),
        );
        assert_eq!(
            m.columns,
            vec![
                Some("id"),
                Some("date"),
                Some("company"),
                Some("value_eur"),
                Some("stage"),
                None
            ]
        );
        assert_eq!(m.company_country, Some(5));
        assert_eq!(m.check(), Ok(()));
    }

    #[test]
    fn readable_name_columns_are_left_out_beside_their_id() {
        let m = auto_mapping(
            ListKind::Meetings,
            &headers(&["Id", "Date", "Company", "Company name", "Zone"]),
        );
        assert_eq!(
            m.columns,
            vec![Some("id"), Some("date"), Some("company"), None, None]
        );
        assert!(readable_name_of(ListKind::Meetings, "Company name").is_some());
        assert!(readable_name_of(ListKind::Meetings, "Nom de l'entreprise").is_some());
        assert!(readable_name_of(ListKind::Meetings, "Zone").is_some());
        // Alone, the name column gives the company.
        let m = auto_mapping(ListKind::Meetings, &headers(&["Date", "Company name"]));
        assert_eq!(m.columns, vec![Some("date"), Some("company")]);
    }

    #[test]
    fn missing_required_columns_are_named() {
        let m = auto_mapping(ListKind::Meetings, &headers(&["Id", "Company"]));
        let error = m.check().unwrap_err().to_string();
        assert!(error.contains("`date`"), "{error}");
        let m = auto_mapping(ListKind::Companies, &headers(&["Sector"]));
        assert!(matches!(m.check(), Err(MappingError::NoIdNorName { .. })));
    }
}
