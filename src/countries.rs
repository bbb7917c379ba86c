//! Countries: ISO 3166-1 alpha-2 codes, their names, and the default zones.
//!
//! The list of codes comes from the maintained `keshvar` crate, never from a
//! hand-typed table. The default zones and the rule that assigns a country to
//! one (by continent and UN sub-region) live here too, used when a new file is
//! created and when the user asks to fill unassigned countries.

use std::borrow::Cow;
use std::sync::OnceLock;

use keshvar::{Alpha2, Continent, Country, SUPPORTED_ALPHA2_LIST, SubRegion};

use crate::i18n::catalogue::core;
use crate::i18n::{Language, Msg};
use crate::model::{CountryZone, Zone};

/// The zone id of countries that no zone claims.
pub const UNASSIGNED_ZONE: &str = "unassigned";
/// How the unassigned zone is shown in English, and named in messages of
/// the command line; the interface shows [`unassigned_zone_name`].
pub const UNASSIGNED_ZONE_NAME: &str = "Unassigned"; // i18n: the command line's word

/// The default zones of a new file: `(id, name)`, in display order; the
/// name is written into the file in the interface's language.
pub const DEFAULT_ZONES: [(&str, Msg); 6] = [
    ("europe", core::ZONE_EUROPE),
    ("north-america", core::ZONE_NORTH_AMERICA),
    ("latin-america", core::ZONE_LATIN_AMERICA),
    ("asia-pacific", core::ZONE_ASIA_PACIFIC),
    ("middle-east", core::ZONE_MIDDLE_EAST),
    ("africa", core::ZONE_AFRICA),
];

fn lookup(code: &str) -> Option<Alpha2> {
    // keshvar upper-cases its input; the file format wants upper case as written.
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    Alpha2::try_from(code).ok()
}

/// Whether `code` is an ISO 3166-1 alpha-2 code, in upper case ("US", not "us" or "USA").
pub fn is_valid_code(code: &str) -> bool {
    lookup(code).is_some()
}

/// The name of a country as people say it, in the language in use
/// ([`crate::i18n::current`]): "Japan" for "JP", "United States" rather than
/// ISO's "United States of America", "South Korea" rather than "Korea
/// (Republic of)"; in French "Japon", "États-Unis", "Corée du Sud", "Russie"
/// rather than "Russie, Fédération de".
///
/// The names of each language are worked out once, on first use, and kept:
/// a table sorted by country asks for one name per row.
pub fn country_name(code: &str) -> Option<&'static str> {
    country_name_in(code, crate::i18n::current())
}

/// The name of a country in `language`, as [`country_name`] gives it.
pub fn country_name_in(code: &str, language: Language) -> Option<&'static str> {
    let slot = slot(code)?;
    let names = match language {
        Language::English => ENGLISH_NAMES.get_or_init(|| names_by_slot(english_name)),
        Language::French => FRENCH_NAMES.get_or_init(|| names_by_slot(french_name)),
    };
    names.get(slot)?.as_deref()
}

/// How the unassigned zone is shown, in the language in use
/// ([`UNASSIGNED_ZONE_NAME`] in English).
pub fn unassigned_zone_name() -> &'static str {
    crate::i18n::catalogue::dashboard::UNASSIGNED_ZONE.text()
}

static ENGLISH_NAMES: OnceLock<Vec<Option<Cow<'static, str>>>> = OnceLock::new();
static FRENCH_NAMES: OnceLock<Vec<Option<Cow<'static, str>>>> = OnceLock::new();

/// Where a valid code's name is kept: one slot per pair of letters.
fn slot(code: &str) -> Option<usize> {
    lookup(code)?;
    let [first, second] = <[u8; 2]>::try_from(code.as_bytes()).ok()?;
    Some(usize::from(first - b'A') * 26 + usize::from(second - b'A'))
}

/// The name of every valid code, by slot.
fn names_by_slot(name: fn(&Country) -> Cow<'static, str>) -> Vec<Option<Cow<'static, str>>> {
    let mut names = vec![None; 26 * 26];
    for code in all_codes() {
        if let (Some(slot), Some(alpha2)) = (slot(&code), lookup(&code))
            && let Some(entry) = names.get_mut(slot)
        {
            *entry = Some(name(&alpha2.to_country()));
        }
    }
    names
}

/// The English name: ISO's short name, or a plainer common one.
fn english_name(country: &Country) -> Cow<'static, str> {
    Cow::Borrowed(plain_english_name(country))
}

fn plain_english_name(country: &Country) -> &'static str {
    let iso = country.iso_short_name();
    // ISO's long forms ("Korea (Republic of)", "Taiwan, Province of China",
    // "United Kingdom of Great Britain…") read badly in tables and charts.
    let awkward = iso.contains(['(', ','])
        // i18n: compared with ISO's names, not shown
        || iso.starts_with("United States of")
        // i18n: compared with ISO's names, not shown
        || iso.starts_with("United Kingdom of");
    if !awkward {
        return iso;
    }
    // keshvar lists common names first, then translations: take an early,
    // shorter, plain name that shares a word with the ISO name.
    let words = |name: &str| -> Vec<String> {
        name.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    let iso_words = words(iso);
    let common = country
        .unofficial_name_list()
        .iter()
        .take(3)
        .copied()
        .find(|name| {
            name.len() < iso.len()
                && name.is_ascii()
                && !name.contains(['(', ',', '['])
                && words(name).iter().any(|w| iso_words.contains(w))
        });
    common.unwrap_or(iso)
}

/// French names where keshvar's translation, ISO's list order ("Russie,
/// Fédération de", "Lao, République démocratique populaire"), reads badly
/// and turning it around is not enough.
const FRENCH_COMMON_NAMES: [(Alpha2, &str); 6] = [
    (Alpha2::LA, "Laos"),        // i18n: a French name, shown in French
    (Alpha2::SY, "Syrie"),       // i18n: a French name, shown in French
    (Alpha2::VA, "Saint-Siège"), // i18n: a French name, shown in French
    (Alpha2::VI, "Îles Vierges des États-Unis"), // i18n: a French name, shown in French
    (Alpha2::MO, "Macao"),       // i18n: a French name, shown in French
    (Alpha2::BN, "Brunei"),      // i18n: a French name, shown in French
];

/// The French name: keshvar's French translation, in the order people say
/// it ("Îles Salomon" for "Salomon, Îles", "Iran" for "Iran, République
/// islamique d'"); the English name when keshvar has no French.
fn french_name(country: &Country) -> Cow<'static, str> {
    // "île Bouvet" → "Île Bouvet", as the other names begin.
    let name = french_in_order(country);
    let mut chars = name.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => {
            Cow::Owned(first.to_uppercase().chain(chars).collect())
        }
        _ => name,
    }
}

fn french_in_order(country: &Country) -> Cow<'static, str> {
    let alpha2 = country.alpha2();
    if let Some((_, name)) = FRENCH_COMMON_NAMES.iter().find(|(a, _)| *a == alpha2) {
        return Cow::Borrowed(name);
    }
    let Some(french) = country.translations().get("fr").copied() else {
        return english_name(country);
    };
    let Some((name, designation)) = french.split_once(", ") else {
        return Cow::Borrowed(french);
    };
    // i18n: compared with keshvar's names, not shown
    if designation.starts_with("Île") {
        // "Salomon, Îles" → "Îles Salomon"; "Malouines, Îles (Falkland)" →
        // "Îles Malouines (Falkland)".
        return Cow::Owned(match designation.split_once(" (") {
            Some((islands, aside)) => format!("{islands} {name} ({aside}"),
            None => format!("{designation} {name}"),
        });
    }
    let political = ["République", "Fédération", "État", "États"]; // i18n: compared, not shown
    if political.iter().any(|p| designation.starts_with(p)) {
        return Cow::Borrowed(name);
    }
    // A list of places: "Bonaire, Saint-Eustache et Saba".
    Cow::Borrowed(french)
}

/// Every ISO 3166-1 alpha-2 code known, in alphabetical order.
pub fn all_codes() -> Vec<String> {
    let mut codes: Vec<String> = SUPPORTED_ALPHA2_LIST
        .iter()
        .map(|alpha2| format!("{alpha2:?}"))
        .filter(|code| is_valid_code(code))
        .collect();
    codes.sort();
    codes
}

/// The default zone id of a country, by continent and UN sub-region.
/// `None` for Antarctic territories, which belong to no zone.
pub fn default_zone(code: &str) -> Option<&'static str> {
    let country = lookup(code)?.to_country();
    if country.eu_member() {
        return Some("europe");
    }
    let subregion = country.maybe_subregion();
    let zone = match country.continent() {
        Continent::Europe => "europe",
        Continent::Africa => "africa",
        Continent::Australia => "asia-pacific",
        Continent::SouthAmerica => "latin-america",
        Continent::NorthAmerica => match subregion {
            Some(SubRegion::NorthernAmerica) => "north-america",
            _ => "latin-america",
        },
        Continent::Asia => match subregion {
            Some(SubRegion::WesternAsia) => "middle-east",
            _ => "asia-pacific",
        },
        Continent::Antarctica => return None,
    };
    Some(zone)
}

/// The default zones, as records, named in the interface's language
/// ("North America", "Amérique du Nord").
pub fn default_zones() -> Vec<Zone> {
    DEFAULT_ZONES
        .iter()
        .map(|(id, name)| Zone {
            id: (*id).to_owned(),
            name: Some(name.text().to_owned()),
        })
        .collect()
}

/// Every country with a default zone, as records, by code.
pub fn default_country_zones() -> Vec<CountryZone> {
    all_codes()
        .into_iter()
        .filter_map(|code| {
            default_zone(&code).map(|zone| CountryZone {
                code,
                zone: Some(zone.to_owned()),
            })
        })
        .collect()
}

/// The countries a "fill from defaults" would assign: every ISO country that
/// is not in `countries` (or is listed there without a zone) and whose
/// default zone exists in the file. Returns `(code, zone id)` pairs by code.
pub fn missing_default_assignments(dataset: &crate::model::Dataset) -> Vec<(String, String)> {
    let zone_ids: std::collections::HashSet<&str> =
        dataset.zones.iter().map(|z| z.id.as_str()).collect();
    let assigned: std::collections::HashSet<&str> = dataset
        .countries
        .iter()
        .filter(|c| c.zone.as_deref().is_some_and(|z| zone_ids.contains(z)))
        .map(|c| c.code.as_str())
        .collect();
    all_codes()
        .into_iter()
        .filter(|code| !assigned.contains(code.as_str()))
        .filter_map(|code| {
            let zone = default_zone(&code)?;
            zone_ids.contains(zone).then(|| (code, zone.to_owned()))
        })
        .collect()
}

/// One edit that assigns every [`missing_default_assignments`] country:
/// entries without a valid zone are updated in place, absent countries are
/// added at the end. `None` when there is nothing to fill.
pub fn fill_from_defaults(dataset: &crate::model::Dataset) -> Option<crate::edit::Edit> {
    use crate::edit::{Edit, Record};
    let missing = missing_default_assignments(dataset);
    if missing.is_empty() {
        return None;
    }
    let mut edits = Vec::new();
    let mut appended = dataset.countries.len();
    for (code, zone) in missing {
        let record = Record::Country(CountryZone {
            code: code.clone(),
            zone: Some(zone),
        });
        match dataset.countries.iter().position(|c| c.code == code) {
            Some(index) => edits.push(Edit::Replace { index, record }),
            None => {
                edits.push(Edit::Insert {
                    index: appended,
                    record,
                });
                appended += 1;
            }
        }
    }
    Some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_checked_against_iso_3166() {
        assert!(is_valid_code("US"));
        assert!(is_valid_code("JP"));
        assert!(!is_valid_code("us"));
        assert!(!is_valid_code("USA"));
        assert!(!is_valid_code("ZZ"));
        assert!(
            !is_valid_code("UK"),
            "the ISO code of the United Kingdom is GB"
        );
        assert_eq!(country_name("JP"), Some("Japan"));
        assert_eq!(country_name("US"), Some("United States"));
        assert_eq!(country_name("GB"), Some("United Kingdom"));
        assert_eq!(country_name("KR"), Some("South Korea"));
        assert_eq!(country_name("KP"), Some("North Korea"));
        assert_eq!(country_name("TW"), Some("Taiwan"));
        assert_eq!(
            country_name("CC"),
            Some("Cocos (Keeling) Islands"),
            "not a translation"
        );
        assert_eq!(country_name("CZ"), Some("Czechia"));
        assert_eq!(country_name("MK"), Some("North Macedonia"));
        assert!(all_codes().len() >= 245);
    }

    #[test]
    fn a_new_file_names_its_zones_in_the_language_in_use() {
        let names =
            || -> Vec<String> { default_zones().into_iter().filter_map(|z| z.name).collect() };
        crate::i18n::set_language(Language::French);
        let french = names();
        crate::i18n::set_language(Language::English);
        assert_eq!(french[1], "Amérique du Nord");
        assert_eq!(names()[1], "North America");
        let ids: Vec<String> = default_zones().into_iter().map(|z| z.id).collect();
        assert_eq!(
            ids[1], "north-america",
            "ids do not change with the language"
        );
    }

    #[test]
    fn country_names_follow_the_language_in_use() {
        use crate::i18n::{Language, set_language};
        set_language(Language::French);
        assert_eq!(country_name("DE"), Some("Allemagne"));
        assert_eq!(country_name("JP"), Some("Japon"));
        assert_eq!(country_name("US"), Some("États-Unis"));
        assert_eq!(country_name("GB"), Some("Royaume-Uni"));
        assert_eq!(country_name("KR"), Some("Corée du Sud"));
        assert_eq!(country_name("RU"), Some("Russie"));
        assert_eq!(country_name("IR"), Some("Iran"));
        assert_eq!(country_name("LA"), Some("Laos"));
        assert_eq!(country_name("SB"), Some("Îles Salomon"));
        assert_eq!(country_name("FK"), Some("Îles Malouines (Falkland)"));
        assert_eq!(country_name("RE"), Some("Île de la Réunion"));
        assert_eq!(country_name("BV"), Some("Île Bouvet"));
        assert_eq!(country_name("ZZ"), None);
        assert_eq!(country_name("de"), None);
        assert_eq!(unassigned_zone_name(), "Non attribuée");
        // Every country has a French name, none in ISO's list order.
        for code in all_codes() {
            let name = country_name(&code).unwrap_or_default();
            assert!(!name.is_empty(), "{code}");
            assert!(
                !name.contains(", Î") && !name.contains(", R") && !name.contains(", F"),
                "{code}: {name}"
            );
        }
        set_language(Language::English);
        assert_eq!(country_name("DE"), Some("Germany"));
        assert_eq!(country_name("JP"), Some("Japan"));
        assert_eq!(country_name("RU"), Some("Russian Federation"));
        assert_eq!(unassigned_zone_name(), UNASSIGNED_ZONE_NAME);
    }

    #[test]
    fn default_zones_follow_continents() {
        assert_eq!(default_zone("US"), Some("north-america"));
        assert_eq!(default_zone("CA"), Some("north-america"));
        assert_eq!(default_zone("MX"), Some("latin-america"));
        assert_eq!(default_zone("BR"), Some("latin-america"));
        assert_eq!(default_zone("DE"), Some("europe"));
        assert_eq!(default_zone("CY"), Some("europe"));
        assert_eq!(default_zone("JP"), Some("asia-pacific"));
        assert_eq!(default_zone("AU"), Some("asia-pacific"));
        assert_eq!(default_zone("IL"), Some("middle-east"));
        assert_eq!(default_zone("AE"), Some("middle-east"));
        assert_eq!(default_zone("ZA"), Some("africa"));
        assert_eq!(default_zone("AQ"), None);
        let zone_ids: Vec<&str> = DEFAULT_ZONES.iter().map(|(id, _)| *id).collect();
        assert!(default_country_zones().len() >= 240);
        for assignment in default_country_zones() {
            let zone = assignment.zone.unwrap_or_default();
            assert!(zone_ids.contains(&zone.as_str()), "{}", assignment.code);
        }
    }

    #[test]
    fn filling_from_defaults_assigns_only_missing_countries_to_existing_zones() {
        use crate::model::Dataset;
        let mut data = Dataset {
            zones: vec![
                Zone {
                    id: "europe".into(),
                    name: None,
                },
                Zone {
                    id: "asia-pacific".into(),
                    name: None,
                },
            ],
            countries: vec![
                CountryZone {
                    code: "DE".into(),
                    zone: Some("asia-pacific".into()),
                },
                CountryZone {
                    code: "JP".into(),
                    zone: None,
                },
            ],
            ..Dataset::default()
        };
        let missing = missing_default_assignments(&data);
        assert!(missing.contains(&("JP".to_owned(), "asia-pacific".to_owned())));
        assert!(missing.contains(&("FR".to_owned(), "europe".to_owned())));
        assert!(
            !missing.iter().any(|(c, _)| c == "DE"),
            "a deliberate choice is kept"
        );
        assert!(
            !missing.iter().any(|(c, _)| c == "US"),
            "no north-america zone in this file"
        );
        let edit = fill_from_defaults(&data).unwrap_or(crate::edit::Edit::Batch(vec![]));
        crate::edit::apply(&mut data, edit).ok();
        assert_eq!(data.countries[1].zone.as_deref(), Some("asia-pacific"));
        assert_eq!(data.countries[0].zone.as_deref(), Some("asia-pacific"));
        assert!(missing_default_assignments(&data).is_empty());
        assert!(fill_from_defaults(&data).is_none());
    }
}
