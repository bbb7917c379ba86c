//! Countries: ISO 3166-1 alpha-2 codes, their names, and the default zones.
//!
//! The list of codes comes from the maintained `keshvar` crate, never from a
//! hand-typed table. The default zones and the rule that assigns a country to
//! one (by continent and UN sub-region) live here too, used when a new file is
//! created and when the user asks to fill unassigned countries.

use keshvar::{Alpha2, Continent, SUPPORTED_ALPHA2_LIST, SubRegion};

use crate::model::{CountryZone, Zone};

/// The zone id of countries that no zone claims.
pub const UNASSIGNED_ZONE: &str = "unassigned";
/// How the unassigned zone is shown.
pub const UNASSIGNED_ZONE_NAME: &str = "Unassigned";

/// The default zones of a new file: `(id, name)`, in display order.
pub const DEFAULT_ZONES: [(&str, &str); 6] = [
    ("europe", "Europe"),
    ("north-america", "North America"),
    ("latin-america", "Latin America & Caribbean"),
    ("asia-pacific", "Asia-Pacific"),
    ("middle-east", "Middle East"),
    ("africa", "Africa"),
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

/// The English short name of a country, e.g. "Japan" for "JP".
pub fn country_name(code: &str) -> Option<&'static str> {
    lookup(code).map(|alpha2| alpha2.to_country().iso_short_name())
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

/// The default zones, as records.
pub fn default_zones() -> Vec<Zone> {
    DEFAULT_ZONES
        .iter()
        .map(|(id, name)| Zone {
            id: (*id).to_owned(),
            name: Some((*name).to_owned()),
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
        assert!(all_codes().len() >= 245);
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
        for assignment in default_country_zones() {
            let zone = assignment.zone.unwrap_or_default();
            assert!(zone_ids.contains(&zone.as_str()), "{}", assignment.code);
        }
    }
}
