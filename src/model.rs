//! The data model: one [`Dataset`] per file, holding every list of format v1.
//!
//! These types mirror `docs/FORMAT.md` field for field. They derive serde's
//! `Deserialize` (reading goes through `ron`), with `deny_unknown_fields` so
//! that a typo such as `nmae:` is an error instead of a silently lost value.
//! Writing is done by hand in [`crate::format::write`] to control the layout;
//! `Serialize` is derived too, for the benchmarks that compare ron with
//! serde_json on the same data.
//!
//! Architecture invariant: nothing here knows about egui, files or validation.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The newest format version this program reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Everything one data file holds.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Format version of the file; required.
    pub format: u32,
    /// A human title for the file, shown in the window title.
    #[serde(default)]
    pub title: Option<String>,
    /// Geographic zones used to group countries in figures and charts.
    #[serde(default, deserialize_with = "crate::progress::counted")]
    pub zones: Vec<Zone>,
    /// Which zone each country belongs to.
    #[serde(default, deserialize_with = "crate::progress::counted")]
    pub countries: Vec<CountryZone>,
    /// The research institutes of the network.
    #[serde(default, deserialize_with = "crate::progress::counted")]
    pub institutes: Vec<Institute>,
    /// Offices and representatives abroad.
    #[serde(default, deserialize_with = "crate::progress::counted")]
    pub affiliates: Vec<Affiliate>,
    /// Companies met or contracted with.
    #[serde(default, deserialize_with = "crate::progress::counted")]
    pub companies: Vec<Company>,
    /// Company meetings.
    #[serde(default, deserialize_with = "crate::progress::counted")]
    pub meetings: Vec<Meeting>,
    /// Notes on countries: funding, regulation, customs.
    #[serde(default, deserialize_with = "crate::progress::counted")]
    pub country_notes: Vec<CountryNote>,
    /// Signed contracts, bilateral or European.
    #[serde(default, deserialize_with = "crate::progress::counted")]
    pub contracts: Vec<Contract>,
}

impl Default for Dataset {
    fn default() -> Self {
        Self {
            format: FORMAT_VERSION,
            title: None,
            zones: Vec::new(),
            countries: Vec::new(),
            institutes: Vec::new(),
            affiliates: Vec::new(),
            companies: Vec::new(),
            meetings: Vec::new(),
            country_notes: Vec::new(),
            contracts: Vec::new(),
        }
    }
}

/// A geographic zone, such as "Europe".
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    /// Short unique id, referenced by `countries[].zone`.
    pub id: String,
    /// Display name; the id is shown when absent.
    #[serde(default)]
    pub name: Option<String>,
}

/// The assignment of one country to a zone.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CountryZone {
    /// ISO 3166-1 alpha-2 code, upper case; required.
    pub code: String,
    /// Id of a zone of `zones`; absent means unassigned.
    #[serde(default)]
    pub zone: Option<String>,
}

/// A research institute of the network.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Institute {
    /// Short unique id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// Scientific or industrial domain, e.g. "Health".
    #[serde(default)]
    pub domain: Option<String>,
}

/// Whether an office abroad is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum AffiliateStatus {
    /// Open and working.
    Active,
    /// Being set up.
    Planned,
    /// No longer running; kept for history.
    Closed,
}

/// A person to contact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Full name.
    #[serde(default)]
    pub name: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number, preferably in international format.
    #[serde(default)]
    pub phone: Option<String>,
}

impl Contact {
    /// True when no field is filled in (such a contact is not written).
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.email.is_none() && self.phone.is_none()
    }
}

/// An office or representative of the network abroad.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Affiliate {
    /// Short unique id; required.
    pub id: String,
    /// Display name; required.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the country where the office is; required.
    pub country: String,
    /// City of the office.
    #[serde(default)]
    pub city: Option<String>,
    /// Whether it is running.
    #[serde(default)]
    pub status: Option<AffiliateStatus>,
    /// Date of opening.
    #[serde(default)]
    pub opened: Option<IsoDate>,
    /// Ids of the institutes it represents.
    #[serde(default)]
    pub institutes: Vec<String>,
    /// Who to contact there.
    #[serde(default)]
    pub contact: Option<Contact>,
    /// Free text.
    #[serde(default)]
    pub notes: Option<String>,
}

/// Size class of a company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum CompanySize {
    /// Young innovative company.
    Startup,
    /// Small or medium-sized enterprise.
    Sme,
    /// Intermediate-sized company.
    MidCap,
    /// Large group.
    Large,
}

/// A company the network meets or works with.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Company {
    /// Short unique id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// ISO 3166-1 alpha-2 code of its home country; decides its zone.
    #[serde(default)]
    pub country: Option<String>,
    /// Industrial sector, free text.
    #[serde(default)]
    pub sector: Option<String>,
    /// Size class.
    #[serde(default)]
    pub size: Option<CompanySize>,
    /// Web site address.
    #[serde(default)]
    pub website: Option<String>,
}

/// How far a relationship with a company has gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Stage {
    /// First meeting.
    FirstContact,
    /// Further discussions.
    FollowUp,
    /// A proposal was sent.
    Proposal,
    /// Terms are being negotiated.
    Negotiation,
    /// A contract came of it.
    ContractSigned,
    /// Stopped without a contract.
    Closed,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 6] = [
        Stage::FirstContact,
        Stage::FollowUp,
        Stage::Proposal,
        Stage::Negotiation,
        Stage::ContractSigned,
        Stage::Closed,
    ];
}

/// A meeting with a company.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Short unique id; required.
    pub id: String,
    /// Day of the meeting; required.
    pub date: IsoDate,
    /// Id of the company met; required.
    pub company: String,
    /// Id of the affiliate that held it; absent: the head office.
    #[serde(default)]
    pub affiliate: Option<String>,
    /// Ids of the institutes concerned.
    #[serde(default)]
    pub institutes: Vec<String>,
    /// Joint initiative under which it was held, e.g. "GLOBAL CARE".
    #[serde(default)]
    pub initiative: Option<String>,
    /// What was discussed, in a few words.
    #[serde(default)]
    pub topic: Option<String>,
    /// Where the relationship stands after the meeting.
    #[serde(default)]
    pub stage: Option<Stage>,
    /// Expected value of the deal, whole euros.
    #[serde(default, deserialize_with = "optional_euros")]
    pub value_eur: Option<u64>,
    /// Date of the planned follow-up.
    #[serde(default)]
    pub follow_up: Option<IsoDate>,
    /// Free text.
    #[serde(default)]
    pub notes: Option<String>,
}

/// A note on a country.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CountryNote {
    /// Short unique id.
    pub id: String,
    /// ISO 3166-1 alpha-2 code of the country it is about.
    #[serde(default)]
    pub country: Option<String>,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Text, usually several paragraphs.
    #[serde(default)]
    pub body: Option<String>,
    /// Keywords.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Day of the last update.
    #[serde(default)]
    pub updated: Option<IsoDate>,
    /// Who wrote it.
    #[serde(default)]
    pub author: Option<String>,
}

/// Where a contract's money comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum ContractKind {
    /// Financed by a company.
    Bilateral,
    /// A European collaborative project.
    European,
}

/// A signed contract.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    /// Short unique id.
    pub id: String,
    /// Title of the contract or project.
    #[serde(default)]
    pub title: Option<String>,
    /// Bilateral or European.
    #[serde(default)]
    pub kind: Option<ContractKind>,
    /// Id of the company; required for Bilateral contracts.
    #[serde(default)]
    pub company: Option<String>,
    /// European: country of the coordinator or main partner.
    #[serde(default)]
    pub country: Option<String>,
    /// Funding programme, e.g. "Horizon 2020".
    #[serde(default)]
    pub programme: Option<String>,
    /// Ids of the institutes involved.
    #[serde(default)]
    pub institutes: Vec<String>,
    /// Day of signature.
    #[serde(default)]
    pub signed: Option<IsoDate>,
    /// Amount, whole euros.
    #[serde(default, deserialize_with = "optional_euros")]
    pub amount_eur: Option<u64>,
    /// Id of the meeting it came from.
    #[serde(default)]
    pub meeting: Option<String>,
}

/// An amount in whole euros: an integer from 0 up, with a message that says
/// so (ron alone would say "Integer is out of bounds" for `-5`).
struct Euros(u64);

impl<'de> Deserialize<'de> for Euros {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EurosVisitor;
        impl serde::de::Visitor<'_> for EurosVisitor {
            type Value = Euros;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount in whole euros, 0 or more, such as 250000")
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Euros, E> {
                Ok(Euros(v))
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Euros, E> {
                u64::try_from(v).map(Euros).map_err(|_| {
                    E::custom(format!(
                        "an amount cannot be negative (found {v}); write it in whole euros, 0 or more"
                    ))
                })
            }

            fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Euros, E> {
                u64::try_from(v)
                    .map(Euros)
                    .map_err(|_| E::custom(format!("the amount {v} is too large to be in euros")))
            }

            fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<Euros, E> {
                if v < 0 {
                    return Err(E::custom(format!(
                        "an amount cannot be negative (found {v}); write it in whole euros, 0 or more"
                    )));
                }
                u64::try_from(v)
                    .map(Euros)
                    .map_err(|_| E::custom(format!("the amount {v} is too large to be in euros")))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Euros, E> {
                Err(E::custom(format!(
                    "amounts are whole euros, without decimals (found {v})"
                )))
            }
        }
        deserializer.deserialize_any(EurosVisitor)
    }
}

fn optional_euros<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    Ok(Option::<Euros>::deserialize(deserializer)?.map(|euros| euros.0))
}

/// A date as written in the file: `YYYY-MM-DD`.
///
/// A string that is not a real date is kept as written (so that nothing is
/// lost when the file is saved again) and reported by validation with its
/// list, record and field, instead of refusing the whole file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IsoDate {
    /// A real calendar date.
    Valid(NaiveDate),
    /// The text found in the file, which is not a real `YYYY-MM-DD` date.
    Invalid(String),
}

impl IsoDate {
    /// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day).
    pub fn parse(text: &str) -> Self {
        match parse_iso_date(text) {
            Some(date) => IsoDate::Valid(date),
            None => IsoDate::Invalid(text.to_owned()),
        }
    }

    /// The date, when it is a real one.
    pub fn valid(&self) -> Option<NaiveDate> {
        match self {
            IsoDate::Valid(date) => Some(*date),
            IsoDate::Invalid(_) => None,
        }
    }
}

impl From<NaiveDate> for IsoDate {
    fn from(date: NaiveDate) -> Self {
        IsoDate::Valid(date)
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IsoDate::Valid(date) => write!(f, "{}", date.format("%Y-%m-%d")),
            IsoDate::Invalid(text) => f.write_str(text),
        }
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Parsed from the text as found: no `String` per date (a million
        // meetings have two million dates).
        struct DateVisitor;
        impl serde::de::Visitor<'_> for DateVisitor {
            type Value = IsoDate;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<IsoDate, E> {
                Ok(IsoDate::parse(text))
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

/// Strict `YYYY-MM-DD`: chrono alone would accept `2015-2-3` or `+2015-02-03`.
fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The lists of a file, as named in it. Used to name where a problem is,
/// and by the command line's `--kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ListKind {
    /// `zones`
    Zones,
    /// `countries`
    Countries,
    /// `institutes`
    Institutes,
    /// `affiliates`
    Affiliates,
    /// `companies`
    Companies,
    /// `meetings`
    Meetings,
    /// `country_notes`
    CountryNotes,
    /// `contracts`
    Contracts,
}

impl ListKind {
    /// Every list, in file order.
    pub const ALL: [ListKind; 8] = [
        ListKind::Zones,
        ListKind::Countries,
        ListKind::Institutes,
        ListKind::Affiliates,
        ListKind::Companies,
        ListKind::Meetings,
        ListKind::CountryNotes,
        ListKind::Contracts,
    ];

    /// The list's field name in the file.
    pub fn file_name(self) -> &'static str {
        match self {
            ListKind::Zones => "zones",
            ListKind::Countries => "countries",
            ListKind::Institutes => "institutes",
            ListKind::Affiliates => "affiliates",
            ListKind::Companies => "companies",
            ListKind::Meetings => "meetings",
            ListKind::CountryNotes => "country_notes",
            ListKind::Contracts => "contracts",
        }
    }
}

impl ListKind {
    /// One record of the list, in words: "meeting", "country note".
    pub fn noun(self) -> &'static str {
        self.nouns().0
    }

    /// Several records of the list, in words: "meetings", "companies".
    pub fn plural(self) -> &'static str {
        self.nouns().1
    }

    /// The noun that goes with `count`: "1 meeting", "2 meetings".
    pub fn noun_for(self, count: usize) -> &'static str {
        if count == 1 {
            self.noun()
        } else {
            self.plural()
        }
    }

    fn nouns(self) -> (&'static str, &'static str) {
        match self {
            ListKind::Zones => ("zone", "zones"),
            ListKind::Countries => ("country", "countries"),
            ListKind::Institutes => ("institute", "institutes"),
            ListKind::Affiliates => ("affiliate", "affiliates"),
            ListKind::Companies => ("company", "companies"),
            ListKind::Meetings => ("meeting", "meetings"),
            ListKind::CountryNotes => ("country note", "country notes"),
            ListKind::Contracts => ("contract", "contracts"),
        }
    }
}

impl fmt::Display for ListKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.file_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_strict() {
        assert_eq!(
            IsoDate::parse("2015-02-12").valid(),
            NaiveDate::from_ymd_opt(2015, 2, 12)
        );
        for bad in [
            "2015-02-30",
            "2015-2-12",
            "12/02/2015",
            "+2015-02-1",
            "",
            "2015-13-01",
        ] {
            assert_eq!(
                IsoDate::parse(bad),
                IsoDate::Invalid(bad.to_owned()),
                "{bad}"
            );
        }
        assert_eq!(IsoDate::parse("2016-02-29").to_string(), "2016-02-29");
        assert_eq!(IsoDate::parse("2015-02-29").to_string(), "2015-02-29");
    }
}
