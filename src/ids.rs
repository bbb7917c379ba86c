//! Ids for new records: the next one of a list's own pattern (`m-1102` →
//! `m-1103`), and readable slugs made from a name (`kanto-precision-optics-kk`).
//!
//! Architecture invariant: plain Rust, no egui; linear in the size of one list.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;

use crate::model::{Dataset, ListKind};

/// The form in which two ids are "the same" to a person: trimmed, in
/// lower case, in Unicode's composed form (NFC), so that `"Acme"`,
/// `"acme "` and an `"é"` typed as `e` + accent all meet. An id that is
/// already in that form (every id the app makes) is borrowed as it is.
pub fn look_alike_key(id: &str) -> Cow<'_, str> {
    let plain = id.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) && id.trim() == id;
    if plain {
        Cow::Borrowed(id)
    } else {
        Cow::Owned(id.trim().to_lowercase().nfc().collect())
    }
}

/// What [`IdIndex::insert`] found of an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// The first id of its kind.
    New,
    /// The same id as the record at this position.
    Repeat(usize),
    /// An id that differs from the one of the record at this position only
    /// by case, surrounding spaces or Unicode normalisation.
    LooksLike(usize),
}

/// The ids of one list taken in order: which repeat an earlier one and
/// which only look like one ([`look_alike_key`]).
#[derive(Debug, Default)]
pub struct IdIndex<'a> {
    /// Every id seen, exactly as written, with its first position.
    first: HashMap<&'a str, usize>,
    /// The keys of the ids seen that are not their own key.
    folded: HashMap<String, usize>,
}

impl<'a> IdIndex<'a> {
    /// Records `id` at `index`. An id already in its key's form (every id
    /// the app makes) costs no allocation, and a lookup in an empty map as
    /// long as no id of the list needed folding.
    pub fn insert(&mut self, id: &'a str, index: usize) -> Seen {
        match self.first.entry(id) {
            Entry::Occupied(first) => return Seen::Repeat(*first.get()),
            Entry::Vacant(slot) => {
                slot.insert(index);
            }
        }
        let earlier = match look_alike_key(id) {
            Cow::Borrowed(key) => self.folded.get(key).copied(),
            Cow::Owned(key) => {
                let earlier = self
                    .first
                    .get(key.as_str())
                    .filter(|first| **first != index)
                    .or_else(|| self.folded.get(&key))
                    .copied();
                self.folded.entry(key).or_insert(index);
                earlier
            }
        };
        earlier.map_or(Seen::New, Seen::LooksLike)
    }
}

/// Longest slug made from a name, in characters (cut at a word boundary).
const MAX_SLUG_LEN: usize = 40;

/// Digits of a generated number when the list has no pattern of its own.
const DEFAULT_WIDTH: usize = 4;

/// The prefix of generated ids for a list that has no pattern of its own.
///
/// Countries are identified by their ISO code, chosen by the user, so they
/// have no prefix (and [`next_id`] gives an empty code for them).
pub fn default_prefix(list: ListKind) -> &'static str {
    match list {
        ListKind::Zones => "zone-",
        ListKind::Countries => "",
        ListKind::Institutes => "inst-",
        ListKind::Affiliates => "office-",
        ListKind::Companies => "co-",
        ListKind::Meetings => "m-",
        ListKind::CountryNotes => "note-",
        ListKind::Contracts => "c-",
    }
}

/// The ids (codes for countries) of a list, in order.
pub fn list_ids(dataset: &Dataset, list: ListKind) -> Vec<&str> {
    match list {
        ListKind::Zones => dataset.zones.iter().map(|r| r.id.as_str()).collect(),
        ListKind::Countries => dataset.countries.iter().map(|r| r.code.as_str()).collect(),
        ListKind::Institutes => dataset.institutes.iter().map(|r| r.id.as_str()).collect(),
        ListKind::Affiliates => dataset.affiliates.iter().map(|r| r.id.as_str()).collect(),
        ListKind::Companies => dataset.companies.iter().map(|r| r.id.as_str()).collect(),
        ListKind::Meetings => dataset.meetings.iter().map(|r| r.id.as_str()).collect(),
        ListKind::CountryNotes => dataset
            .country_notes
            .iter()
            .map(|r| r.id.as_str())
            .collect(),
        ListKind::Contracts => dataset.contracts.iter().map(|r| r.id.as_str()).collect(),
    }
}

/// Splits `m-0042` into `("m-", "0042")`; `None` when the id does not end
/// in digits or the number does not fit in a `u64`.
fn split_number(id: &str) -> Option<(&str, &str, u64)> {
    let prefix_len = id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (prefix, digits) = id.split_at(prefix_len);
    if digits.is_empty() {
        return None;
    }
    Some((prefix, digits, digits.parse().ok()?))
}

/// A fresh id for a new record of `list`, unique in that list.
///
/// When most ids of the list share a pattern "prefix + number" (`m-0001`,
/// `m-0002`, …), the next number after the largest one is used, with as many
/// digits as the widest of them (`m-1102` → `m-1103`, `c-0999` → `c-1000`).
/// Otherwise the list's [`default_prefix`] is numbered from `0001`.
/// Countries are chosen, not generated: their result is empty.
pub fn next_id(dataset: &Dataset, list: ListKind) -> String {
    if list == ListKind::Countries {
        return String::new();
    }
    let ids = list_ids(dataset, list);
    next_in(&ids, default_prefix(list))
}

/// [`next_id`] over a list of ids.
fn next_in(ids: &[&str], default_prefix: &str) -> String {
    // Count the ids of each numbered prefix; the most frequent one is the
    // list's pattern when it covers most of the list.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for id in ids {
        if let Some((prefix, _, _)) = split_number(id) {
            *counts.entry(prefix).or_default() += 1;
        }
    }
    let pattern = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .filter(|(_, count)| **count * 2 > ids.len())
        .map(|(prefix, _)| *prefix);
    let prefix = pattern.unwrap_or(default_prefix);

    // The largest number of that prefix, written as wide as its widest form.
    let mut largest = 0u64;
    let mut width = if pattern.is_some() { 1 } else { DEFAULT_WIDTH };
    for (id_prefix, digits, number) in ids.iter().filter_map(|id| split_number(id)) {
        if id_prefix != prefix {
            continue;
        }
        if number > largest {
            largest = number;
            width = digits.len();
        } else if number == largest {
            width = width.max(digits.len());
        }
    }

    let taken: HashSet<&str> = ids.iter().copied().collect();
    let format = |number: u64| format!("{prefix}{number:0width$}");
    if let Some(next) = largest.checked_add(1) {
        let candidate = format(next);
        if !taken.contains(candidate.as_str()) {
            return candidate;
        }
    }
    // The next number is taken in another width, or there is none: the
    // smallest free number (one of the first `len + 1` is free).
    (1..=u64::MAX)
        .map(format)
        .find(|candidate| !taken.contains(candidate.as_str()))
        .unwrap_or_default()
}

/// Lower case with accents folded to ASCII (`"Müller Ærø"` → `"muller aero"`),
/// for matching what a person types against names. Characters without an
/// ASCII form (CJK, symbols) are kept as they are.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match fold_char(c) {
            Some(ascii) => folded.push_str(ascii),
            None => folded.push(c),
        }
    }
    folded
}

/// The ASCII form of an accented lower-case Latin letter.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// A readable id made from a name: lower-case ASCII words joined by `-`,
/// accents folded, dots and apostrophes dropped, at most 40 characters
/// (`"Kanto Precision Optics K.K."` → `"kanto-precision-optics-kk"`).
/// Empty when the name has no Latin letter or digit.
pub fn slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    let mut pending_dash = false;
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c);
        } else if matches!(c, '.' | '\'' | '’') {
            // "K.K." → "kk", "O'Brien" → "obrien".
        } else {
            pending_dash = true;
        }
    }
    if slug.len() > MAX_SLUG_LEN {
        // Only ASCII here, so byte positions are character positions.
        let cut = slug
            .get(..=MAX_SLUG_LEN)
            .and_then(|head| head.rfind('-'))
            .unwrap_or(MAX_SLUG_LEN);
        slug.truncate(cut);
    }
    slug
}

/// A slug of `name` not yet used in `list`: `slug(name)`, then `-2`, `-3`…;
/// [`next_id`] when the name gives no slug. For records created by name
/// (companies, affiliates, institutes, country notes).
pub fn unique_slug(dataset: &Dataset, list: ListKind, name: &str) -> String {
    let base = slug(name);
    if base.is_empty() {
        return next_id(dataset, list);
    }
    let ids = list_ids(dataset, list);
    let taken: HashSet<&str> = ids.into_iter().collect();
    if !taken.contains(base.as_str()) {
        return base;
    }
    (2u64..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken.contains(candidate.as_str()))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Company, IsoDate, Meeting};

    fn meeting(id: &str) -> Meeting {
        Meeting {
            id: id.to_owned(),
            date: IsoDate::parse("2015-01-01"),
            company: "acme".to_owned(),
            affiliate: None,
            institutes: Vec::new(),
            initiative: None,
            topic: None,
            stage: None,
            value_eur: None,
            follow_up: None,
            notes: None,
        }
    }

    fn company(id: &str) -> Company {
        Company {
            id: id.to_owned(),
            name: None,
            country: None,
            sector: None,
            size: None,
            website: None,
        }
    }

    fn with_meetings(ids: &[&str]) -> Dataset {
        Dataset {
            meetings: ids.iter().map(|id| meeting(id)).collect(),
            ..Dataset::default()
        }
    }

    #[test]
    fn next_id_continues_the_lists_own_numbering() {
        let data = with_meetings(&["m-0001", "m-1102", "m-0457"]);
        assert_eq!(next_id(&data, ListKind::Meetings), "m-1103");
        let data = with_meetings(&["m-0998", "m-0999"]);
        assert_eq!(next_id(&data, ListKind::Meetings), "m-1000");
        let data = with_meetings(&["m-9999"]);
        assert_eq!(next_id(&data, ListKind::Meetings), "m-10000");
        let data = with_meetings(&["mtg7", "mtg12", "m-0001"]);
        assert_eq!(next_id(&data, ListKind::Meetings), "mtg13");
    }

    #[test]
    fn next_id_uses_a_prefix_per_kind_when_the_list_has_no_pattern() {
        let empty = Dataset::default();
        assert_eq!(next_id(&empty, ListKind::Meetings), "m-0001");
        assert_eq!(next_id(&empty, ListKind::Contracts), "c-0001");
        assert_eq!(next_id(&empty, ListKind::Companies), "co-0001");
        assert_eq!(next_id(&empty, ListKind::Countries), "");
        let data = Dataset {
            companies: vec![
                company("acme-bio"),
                company("kanto-optics"),
                company("co-0004"),
            ],
            ..Dataset::default()
        };
        assert_eq!(next_id(&data, ListKind::Companies), "co-0005");
    }

    #[test]
    fn next_id_is_never_taken() {
        // The largest number is taken with another width: skip past it.
        let data = with_meetings(&["m-0001", "m-2", "m-0002"]);
        let next = next_id(&data, ListKind::Meetings);
        assert_eq!(next, "m-0003");
        let data = with_meetings(&["m-18446744073709551615", "m-0001"]);
        assert!(
            !data
                .meetings
                .iter()
                .any(|m| m.id == next_id(&data, ListKind::Meetings))
        );
    }

    #[test]
    fn next_id_on_the_sample_follows_its_numbering() {
        let data = crate::format::parse_str(crate::SAMPLE_DATA)
            .expect("the sample parses")
            .dataset;
        assert_eq!(next_id(&data, ListKind::Meetings), "m-1103");
        let last = data
            .contracts
            .last()
            .map(|c| c.id.clone())
            .unwrap_or_default();
        let expected = format!(
            "c-{:04}",
            last.trim_start_matches("c-").parse::<u64>().unwrap_or(0) + 1
        );
        assert_eq!(next_id(&data, ListKind::Contracts), expected);
    }

    #[test]
    fn slugs_are_readable_ascii() {
        assert_eq!(
            slug("Kanto Precision Optics K.K."),
            "kanto-precision-optics-kk"
        );
        assert_eq!(
            slug("Société Générale d'Études"),
            "societe-generale-detudes"
        );
        assert_eq!(slug("  Müller & Søn GmbH  "), "muller-son-gmbh");
        assert_eq!(slug("Œuvre Straße"), "oeuvre-strasse");
        assert_eq!(slug("東京"), "");
        assert_eq!(slug("3D-Bio / Lab #2"), "3d-bio-lab-2");
        let long = slug("International Consortium for the Advancement of Very Long Names Ltd");
        assert!(long.len() <= MAX_SLUG_LEN, "{long}");
        assert!(!long.ends_with('-'), "{long}");
        assert_eq!(long, "international-consortium-for-the");
    }

    #[test]
    fn unique_slugs_skip_taken_ids() {
        let data = Dataset {
            companies: vec![company("acme-bio"), company("acme-bio-2")],
            ..Dataset::default()
        };
        assert_eq!(
            unique_slug(&data, ListKind::Companies, "Acme Bio"),
            "acme-bio-3"
        );
        assert_eq!(unique_slug(&data, ListKind::Companies, "Zeta"), "zeta");
        assert_eq!(unique_slug(&data, ListKind::Companies, "東京"), "co-0001");
    }

    #[test]
    fn folding_matches_what_people_type() {
        assert_eq!(fold("Müller ÆRØ"), "muller aero");
        assert_eq!(fold("Japan (JP)"), "japan (jp)");
        assert_eq!(fold("東京"), "東京");
    }
}
