//! Synthetic data files for tests and benchmarks (`liaison-desk generate`).
//!
//! The data is plausible rather than random noise: companies named in the
//! style of their country, meetings that move a company through the
//! pipeline over time, contracts that follow signed meetings, notes with
//! several paragraphs. The generator is seeded with ChaCha8, whose output is
//! stable across platforms and versions: the same seed gives the same bytes.
//! Every generated file validates with no error.

use chrono::{Days, NaiveDate};
use rand::rngs::ChaCha8Rng;
use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};

use crate::countries;
use crate::model::{
    Affiliate, AffiliateStatus, Company, CompanySize, Contact, Contract, ContractKind, CountryNote,
    Dataset, Institute, IsoDate, Meeting, Stage,
};

/// The most meetings a generated file may have: about 1.6 GB of text (410
/// bytes a meeting with the other lists), under the 2 GiB a data file may
/// have ([`crate::storage::MAX_FILE_BYTES`]), so that what is written can
/// be opened again. More is refused before anything is allocated.
pub const MAX_MEETINGS: usize = 4_000_000;

/// How large a file to make.
#[derive(Debug, Clone, Copy)]
pub struct GenerateOptions {
    /// Number of meetings; the other lists scale with it.
    pub meetings: usize,
    /// Seed of the random generator.
    pub seed: u64,
}

/// Countries where companies are met, with a weight.
const COUNTRIES: [(&str, u32); 24] = [
    ("US", 20),
    ("DE", 12),
    ("JP", 10),
    ("GB", 8),
    ("CN", 6),
    ("KR", 5),
    ("CA", 5),
    ("CH", 5),
    ("IT", 4),
    ("ES", 4),
    ("NL", 4),
    ("SE", 3),
    ("BE", 3),
    ("SG", 3),
    ("IN", 3),
    ("IL", 3),
    ("BR", 3),
    ("AU", 2),
    ("DK", 2),
    ("MX", 2),
    ("AE", 1),
    ("ZA", 1),
    ("TW", 2),
    ("NO", 1),
];

const OFFICES: [(&str, &str, &str); 20] = [
    ("boston", "US", "Boston"),
    ("san-francisco", "US", "San Francisco"),
    ("montreal", "CA", "Montréal"),
    ("tokyo", "JP", "Tokyo"),
    ("seoul", "KR", "Seoul"),
    ("singapore", "SG", "Singapore"),
    ("shanghai", "CN", "Shanghai"),
    ("bangalore", "IN", "Bangalore"),
    ("sydney", "AU", "Sydney"),
    ("munich", "DE", "Munich"),
    ("london", "GB", "London"),
    ("brussels", "BE", "Brussels"),
    ("stockholm", "SE", "Stockholm"),
    ("zurich", "CH", "Zürich"),
    ("milan", "IT", "Milan"),
    ("tel-aviv", "IL", "Tel Aviv"),
    ("sao-paulo", "BR", "São Paulo"),
    ("mexico-city", "MX", "Mexico City"),
    ("dubai", "AE", "Dubai"),
    ("cape-town", "ZA", "Cape Town"),
];

const DOMAINS: [(&str, &[&str]); 8] = [
    (
        "Health",
        &[
            "Oncology",
            "Immunology",
            "Neuroscience",
            "Vision",
            "Infectious diseases",
        ],
    ),
    (
        "ICT",
        &["Software", "Cybersecurity", "Telecom", "Semiconductors"],
    ),
    ("Energy", &["Batteries", "Hydrogen", "Wind", "Solar"]),
    (
        "Materials",
        &["Composites", "Coatings", "Polymers", "Metallurgy"],
    ),
    ("Mechanics", &["Robotics", "Machining", "Tribology"]),
    (
        "Chemistry",
        &["Catalysis", "Green chemistry", "Formulation"],
    ),
    (
        "Agri-food",
        &["Food safety", "Plant biology", "Fermentation"],
    ),
    ("Transport", &["Aeronautics", "Rail", "Automotive"]),
];

const NAME_STEMS: [&str; 24] = [
    "Apex",
    "Borealis",
    "Cedar",
    "Delta",
    "Ember",
    "Fjord",
    "Granite",
    "Helix",
    "Iris",
    "Juniper",
    "Keystone",
    "Lumen",
    "Meridian",
    "Nimbus",
    "Orion",
    "Pioneer",
    "Quartz",
    "Riverside",
    "Summit",
    "Tidal",
    "Umbra",
    "Vertex",
    "Willow",
    "Zenith",
];

const TOPIC_ANGLES: [&str; 10] = [
    "joint lab proposal",
    "test bench access",
    "PhD co-supervision",
    "licensing discussion",
    "feasibility study",
    "pilot project scope",
    "Horizon 2020 consortium",
    "technology watch",
    "prototype evaluation",
    "framework agreement",
];

/// Makes a dataset of about `options.meetings` meetings.
pub fn generate(options: GenerateOptions) -> Dataset {
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let n = options.meetings;
    let mut data = Dataset {
        title: Some(format!(
            "Synthetic liaison data ({n} meetings, seed {})",
            options.seed
        )),
        zones: countries::default_zones(),
        countries: countries::default_country_zones(),
        ..Dataset::default()
    };

    for (i, (domain, _)) in DOMAINS.iter().cycle().take(34).enumerate() {
        data.institutes.push(Institute {
            id: format!("inst-{:02}", i + 1),
            name: Some(format!("Carnot institute {} ({domain})", i + 1)),
            domain: Some((*domain).to_owned()),
        });
    }
    let institute_ids: Vec<String> = data.institutes.iter().map(|i| i.id.clone()).collect();

    for (i, (id, country, city)) in OFFICES.iter().enumerate() {
        let status = match i {
            17 | 18 => AffiliateStatus::Planned,
            19 => AffiliateStatus::Closed,
            _ => AffiliateStatus::Active,
        };
        let opened = (status != AffiliateStatus::Planned)
            .then(|| date_plus(day(2010, 1, 1), rng.random_range(0..1500)).into());
        data.affiliates.push(Affiliate {
            id: (*id).to_owned(),
            name: format!("Carnot office {city}"),
            country: (*country).to_owned(),
            city: Some((*city).to_owned()),
            status: Some(status),
            opened,
            institutes: pick_ids(&mut rng, &institute_ids, 1, 4),
            contact: Some(Contact {
                name: Some(format!("Liaison officer {city}")),
                email: Some(format!("{id}@carnot-international.example")),
                phone: None,
            }),
            notes: None,
        });
    }

    let company_count = (n / 8).max(20);
    let weights: Vec<(&str, u32)> = COUNTRIES.to_vec();
    for i in 0..company_count {
        let country = weights
            .choose_weighted(&mut rng, |(_, w)| *w)
            .map_or("US", |(c, _)| *c);
        let (domain, fields) = DOMAINS.choose(&mut rng).copied().unwrap_or(DOMAINS[0]);
        let sector = fields.choose(&mut rng).copied().unwrap_or(domain);
        let stem = NAME_STEMS.choose(&mut rng).copied().unwrap_or("Apex");
        let size = *[
            CompanySize::Startup,
            CompanySize::Sme,
            CompanySize::MidCap,
            CompanySize::Large,
        ]
        .choose(&mut rng)
        .unwrap_or(&CompanySize::Sme);
        let name = format!("{stem} {sector} {}", legal_suffix(country, i));
        let id = format!("co-{:06}", i + 1);
        data.companies.push(Company {
            website: Some(format!("https://{}.example", id)),
            id,
            name: Some(name),
            country: Some(country.to_owned()),
            sector: Some(sector.to_owned()),
            size: Some(size),
        });
    }

    let start = day(2013, 1, 1);
    let span_days = 365 * 3 + (n as u64 / 20_000) * 365;
    let mut stage_of: Vec<Option<Stage>> = vec![None; company_count];
    let mut dates: Vec<u64> = (0..n).map(|_| rng.random_range(0..span_days)).collect();
    dates.sort_unstable();
    for (i, offset) in dates.into_iter().enumerate() {
        let company_index = rng.random_range(0..company_count);
        let company = &data.companies[company_index];
        let stage = next_stage(&mut rng, stage_of[company_index]);
        stage_of[company_index] = Some(stage);
        let date = date_plus(start, offset);
        let affiliate = OFFICES
            .iter()
            .find(|(_, c, _)| Some(*c) == company.country.as_deref())
            .map(|(id, _, _)| (*id).to_owned());
        let value_eur = matches!(
            stage,
            Stage::Proposal | Stage::Negotiation | Stage::ContractSigned
        )
        .then(|| rng.random_range(5..300u64) * 10_000);
        let follow_up = (!matches!(stage, Stage::ContractSigned | Stage::Closed))
            .then(|| date_plus(date, rng.random_range(14..60)).into());
        let sector = company.sector.clone().unwrap_or_default();
        let angle = TOPIC_ANGLES.choose(&mut rng).copied().unwrap_or("meeting");
        let notes = (rng.random_range(0..4) == 0).then(|| {
            format!(
                "Met the R&D director about {}.\nNext step: {} with the \"{}\" team.",
                sector.to_lowercase(),
                angle,
                company.name.clone().unwrap_or_default()
            )
        });
        let initiative = (company
            .sector
            .as_deref()
            .is_some_and(|s| DOMAINS[0].1.contains(&s))
            && rng.random_range(0..3) > 0)
            .then(|| "GLOBAL CARE".to_owned());
        data.meetings.push(Meeting {
            id: format!("m-{:07}", i + 1),
            date: date.into(),
            company: company.id.clone(),
            affiliate,
            institutes: pick_ids(&mut rng, &institute_ids, 1, 3),
            initiative,
            topic: Some(format!("{sector}: {angle}")),
            stage: Some(stage),
            value_eur,
            follow_up,
            notes,
        });
    }

    let note_count = (n / 100).clamp(10, 5_000);
    for i in 0..note_count {
        let (country, _) = COUNTRIES[i % COUNTRIES.len()];
        let name = countries::country_name(country).unwrap_or(country);
        let theme = [
            "Funding",
            "Regulation",
            "Partnership customs",
            "Events",
            "Tax",
        ][i % 5];
        data.country_notes.push(CountryNote {
            id: format!("note-{:05}", i + 1),
            country: Some(country.to_owned()),
            title: Some(format!("{theme} in {name}")),
            body: Some(format!(
                "## {theme}\n\nWhat the offices have learnt about {theme_lc} in {name}.\n\n\
                 - Who decides, and how long it takes\n- Which programmes co-fund joint research\n\
                 - What to bring to a first meeting\n\nUpdated after each mission.",
                theme_lc = theme.to_lowercase()
            )),
            tags: vec![theme.to_lowercase()],
            updated: Some(date_plus(start, rng.random_range(0..span_days)).into()),
            author: Some("Liaison team".to_owned()),
        });
    }

    let signed: Vec<usize> = data
        .meetings
        .iter()
        .enumerate()
        .filter(|(_, m)| m.stage == Some(Stage::ContractSigned))
        .map(|(i, _)| i)
        .collect();
    let contract_count = (n / 20).max(5);
    for i in 0..contract_count {
        let european = i % 3 == 2 || signed.is_empty();
        let contract = if european {
            let (country, _) = COUNTRIES[rng.random_range(0..12)];
            Contract {
                id: format!("c-{:06}", i + 1),
                title: Some(format!("European project {}", i + 1)),
                kind: Some(ContractKind::European),
                company: None,
                country: Some(country.to_owned()),
                programme: Some(
                    ["Horizon 2020", "FP7", "EIT Health", "Eurostars"][i % 4].to_owned(),
                ),
                institutes: pick_ids(&mut rng, &institute_ids, 1, 4),
                signed: Some(date_plus(start, rng.random_range(0..span_days)).into()),
                amount_eur: Some(rng.random_range(30..1200u64) * 10_000),
                meeting: None,
            }
        } else {
            let meeting = &data.meetings[signed[rng.random_range(0..signed.len())]];
            let signed_on = meeting
                .date
                .valid()
                .map(|d| IsoDate::from(date_plus(d, rng.random_range(10..90))));
            Contract {
                id: format!("c-{:06}", i + 1),
                title: meeting.topic.clone(),
                kind: Some(ContractKind::Bilateral),
                company: Some(meeting.company.clone()),
                country: None,
                programme: None,
                institutes: meeting.institutes.clone(),
                signed: signed_on,
                amount_eur: meeting.value_eur,
                meeting: Some(meeting.id.clone()),
            }
        };
        data.contracts.push(contract);
    }
    data
}

fn next_stage(rng: &mut ChaCha8Rng, previous: Option<Stage>) -> Stage {
    match previous {
        None | Some(Stage::ContractSigned) | Some(Stage::Closed) => Stage::FirstContact,
        Some(stage) => {
            let roll = rng.random_range(0..10);
            match (stage, roll) {
                (_, 0) => Stage::Closed,
                (Stage::FirstContact, _) => Stage::FollowUp,
                (Stage::FollowUp, r) if r < 6 => Stage::Proposal,
                (Stage::FollowUp, _) => Stage::FollowUp,
                (Stage::Proposal, _) => Stage::Negotiation,
                (Stage::Negotiation, r) if r < 7 => Stage::ContractSigned,
                (_, _) => Stage::Negotiation,
            }
        }
    }
}

fn pick_ids(rng: &mut ChaCha8Rng, ids: &[String], min: usize, max: usize) -> Vec<String> {
    let count = rng.random_range(min..=max);
    let mut picked: Vec<String> = ids.sample(rng, count).cloned().collect();
    picked.sort();
    picked
}

fn legal_suffix(country: &str, i: usize) -> &'static str {
    let options: &[&'static str] = match country {
        "US" => &["Inc.", "Corp.", "LLC"],
        "DE" | "CH" => &["GmbH", "AG"],
        "JP" => &["K.K.", "Co., Ltd."],
        "GB" | "AU" | "IE" => &["Ltd", "plc"],
        "KR" | "CN" | "TW" => &["Co., Ltd."],
        "IT" => &["S.p.A.", "S.r.l."],
        "ES" | "MX" => &["S.A.", "S.L."],
        "NL" | "BE" => &["B.V.", "N.V."],
        "SE" | "NO" | "DK" => &["AB", "AS", "A/S"],
        "BR" => &["Ltda."],
        _ => &["Ltd"],
    };
    options.get(i % options.len()).copied().unwrap_or("Ltd")
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

fn date_plus(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{Severity, validate};

    #[test]
    fn generated_files_validate_without_errors() {
        let data = generate(GenerateOptions {
            meetings: 2_000,
            seed: 7,
        });
        assert_eq!(data.meetings.len(), 2_000);
        let errors: Vec<_> = validate(&data)
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }

    #[test]
    fn the_same_seed_gives_the_same_data_and_another_seed_does_not() {
        let a = generate(GenerateOptions {
            meetings: 300,
            seed: 1,
        });
        let b = generate(GenerateOptions {
            meetings: 300,
            seed: 1,
        });
        let c = generate(GenerateOptions {
            meetings: 300,
            seed: 2,
        });
        assert_eq!(
            crate::format::to_ron_string(&a),
            crate::format::to_ron_string(&b)
        );
        assert_ne!(a, c);
    }
}
