//! Every validation check, on small files written by hand: each problem is
//! found, named by list, record and field, and errors are told from warnings.

use liaison_desk::format::parse_str;
use liaison_desk::model::ListKind;
use liaison_desk::validate::{Problem, Severity, count, validate};

fn problems_of(text: &str) -> Vec<Problem> {
    let parsed = parse_str(text).unwrap_or_else(|e| panic!("test file must parse: {e}"));
    validate(&parsed.dataset)
}

/// The problems rendered as `severity: list[id].field: message` lines.
fn lines(problems: &[Problem]) -> Vec<String> {
    problems
        .iter()
        .map(|p| format!("{}: {p}", p.severity))
        .collect()
}

fn has(problems: &[Problem], severity: Severity, prefix: &str) -> bool {
    problems
        .iter()
        .any(|p| p.severity == severity && p.to_string().starts_with(prefix))
}

const CLEAN: &str = r#"(
    format: 1,
    zones: [(id: "europe", name: "Europe"), (id: "north-america", name: "North America")],
    countries: [(code: "US", zone: "north-america"), (code: "DE", zone: "europe")],
    institutes: [(id: "curie", name: "Carnot Curie Cancer")],
    affiliates: [(id: "boston", name: "Carnot office Boston", country: "US", institutes: ["curie"])],
    companies: [(id: "acme", name: "Acme Bio", country: "US")],
    meetings: [(id: "m-1", date: "2015-02-12", company: "acme", affiliate: "boston",
                institutes: ["curie"], follow_up: "2015-03-01")],
    country_notes: [(id: "de-funding", country: "DE", updated: "2015-01-10")],
    contracts: [
        (id: "c-1", kind: Bilateral, company: "acme", signed: "2015-06-30", meeting: "m-1"),
        (id: "c-2", kind: European, country: "DE", programme: "Horizon 2020"),
    ],
)"#;

#[test]
fn a_consistent_file_has_no_problem() {
    assert_eq!(lines(&problems_of(CLEAN)), Vec::<String>::new());
}

#[test]
fn duplicate_ids_are_errors_in_every_list() {
    let text = r#"(
        format: 1,
        zones: [(id: "eu"), (id: "eu")],
        institutes: [(id: "i"), (id: "i")],
        affiliates: [(id: "a", name: "A", country: "US"), (id: "a", name: "A2", country: "US")],
        companies: [(id: "c"), (id: "c")],
        meetings: [(id: "m", date: "2015-01-01", company: "c"), (id: "m", date: "2015-01-02", company: "c")],
        country_notes: [(id: "n"), (id: "n")],
        contracts: [(id: "k", kind: European, country: "US"), (id: "k", kind: European, country: "US")],
    )"#;
    let problems = problems_of(text);
    for list in [
        "zones[eu]",
        "institutes[i]",
        "affiliates[a]",
        "companies[c]",
        "meetings[m]",
        "country_notes[n]",
        "contracts[k]",
    ] {
        assert!(
            has(
                &problems,
                Severity::Error,
                &format!("{list}.id: duplicate id")
            ),
            "{list}: {:#?}",
            lines(&problems)
        );
    }
}

/// Ids that a person reads as the same, but that are not: a reference
/// typed for one may reach the other. A warning on the later record.
#[test]
fn ids_differing_only_by_case_spaces_or_normalisation_are_warned() {
    // "Café" twice: composed (U+00E9) then decomposed (e + U+0301).
    let text = "(
        format: 1,
        companies: [
            (id: \"acme\"), (id: \"Acme\"),
            (id: \"rhein\"), (id: \"rhein \"),
            (id: \"caf\u{e9}\"), (id: \"cafe\u{301}\"),
            (id: \"AB\"), (id: \"ab\"),
            (id: \"kanto\"), (id: \"osaka\"),
        ],
        meetings: [(id: \"m-1\", date: \"2015-01-01\", company: \"acme\"),
                   (id: \"M-1\", date: \"2015-01-02\", company: \"acme\")],
    )";
    let problems = problems_of(text);
    let warned: Vec<String> = problems
        .iter()
        .filter(|p| p.severity == Severity::Warning && p.field == "id")
        .map(|p| format!("{}[{}] #{}", p.list, p.record_id, p.index + 1))
        .collect();
    assert_eq!(
        warned,
        vec![
            "companies[Acme] #2".to_owned(),
            "companies[rhein ] #4".to_owned(),
            "companies[cafe\u{301}] #6".to_owned(),
            "companies[ab] #8".to_owned(),
            "meetings[M-1] #2".to_owned(),
        ],
        "{:#?}",
        lines(&problems)
    );
    let acme = problems
        .iter()
        .find(|p| p.record_id == "Acme")
        .map(|p| p.message.clone())
        .unwrap_or_default();
    assert!(
        acme.contains("differs from the id of record 1 of the list only by capitals"),
        "{acme}"
    );
    assert!(
        !problems
            .iter()
            .any(|p| p.severity == Severity::Error && p.field == "id"),
        "look-alikes are not duplicates: {:#?}",
        lines(&problems)
    );
}

#[test]
fn dangling_references_name_list_record_and_field() {
    let text = r#"(
        format: 1,
        zones: [(id: "europe")],
        countries: [(code: "DE", zone: "europa")],
        companies: [(id: "acme", country: "DE")],
        meetings: [(id: "m-0001", date: "2015-01-01", company: "zz", affiliate: "nowhere", institutes: ["ghost"])],
        contracts: [(id: "c-1", kind: Bilateral, company: "nobody", meeting: "m-9999", institutes: ["ghost"])],
        affiliates: [(id: "a", name: "A", country: "DE", institutes: ["ghost"])],
    )"#;
    let problems = problems_of(text);
    let expected = [
        "countries[DE].zone: unknown zone \"europa\"",
        "meetings[m-0001].company: unknown company \"zz\"",
        "meetings[m-0001].affiliate: unknown affiliate \"nowhere\"",
        "meetings[m-0001].institutes: unknown institute \"ghost\"",
        "contracts[c-1].company: unknown company \"nobody\"",
        "contracts[c-1].meeting: unknown meeting \"m-9999\"",
        "contracts[c-1].institutes: unknown institute \"ghost\"",
        "affiliates[a].institutes: unknown institute \"ghost\"",
    ];
    for line in expected {
        assert!(
            problems
                .iter()
                .any(|p| p.severity == Severity::Error && p.to_string() == line),
            "missing {line:?} in {:#?}",
            lines(&problems)
        );
    }
}

#[test]
fn country_codes_must_be_iso_3166_alpha_2() {
    let text = r#"(
        format: 1,
        zones: [(id: "europe")],
        countries: [(code: "UK", zone: "europe"), (code: "fr", zone: "europe"), (code: "XX", zone: "europe")],
        companies: [(id: "a", country: "USA"), (id: "b", country: "GB")],
    )"#;
    let problems = problems_of(text);
    assert!(has(
        &problems,
        Severity::Error,
        "countries[UK].code: \"UK\" is not an ISO 3166-1 alpha-2 code: the United Kingdom is \"GB\""
    ));
    assert!(has(
        &problems,
        Severity::Error,
        "countries[fr].code: \"fr\" is not an ISO 3166-1 alpha-2 code: write it in capitals, \"FR\""
    ));
    assert!(has(&problems, Severity::Error, "countries[XX].code:"));
    assert!(has(
        &problems,
        Severity::Error,
        "companies[a].country: \"USA\" is not an ISO"
    ));
    // GB is valid but not assigned: a warning, not an error.
    assert!(has(
        &problems,
        Severity::Warning,
        "companies[b].country: country \"GB\" (United Kingdom"
    ));
}

#[test]
fn a_valid_country_without_zone_is_one_warning_per_country() {
    let text = r#"(
        format: 1,
        companies: [(id: "a", country: "BR"), (id: "b", country: "BR"), (id: "c", country: "JP")],
        countries: [(code: "IT")],
    )"#;
    let problems = problems_of(text);
    let (errors, warnings) = count(&problems);
    assert_eq!(errors, 0, "{:#?}", lines(&problems));
    // BR once (not twice), JP once, IT listed without zone once.
    assert_eq!(warnings, 3, "{:#?}", lines(&problems));
    assert!(has(
        &problems,
        Severity::Warning,
        "companies[a].country: country \"BR\" (Brazil) is not in `countries`"
    ));
    assert!(has(
        &problems,
        Severity::Warning,
        "countries[IT].zone: no zone"
    ));
}

#[test]
fn impossible_dates_are_errors_on_their_field() {
    let text = r#"(
        format: 1,
        companies: [(id: "acme")],
        affiliates: [(id: "a", name: "A", country: "US", opened: "2013-13-01")],
        meetings: [(id: "m-1", date: "2015-02-30", company: "acme", follow_up: "15/03/2015")],
        country_notes: [(id: "n", country: "US", updated: "2015-1-1")],
        contracts: [(id: "c", kind: Bilateral, company: "acme", signed: "yesterday")],
        countries: [(code: "US", zone: "na")],
        zones: [(id: "na")],
    )"#;
    let problems = problems_of(text);
    for line in [
        "affiliates[a].opened: \"2013-13-01\" is not a real date",
        "meetings[m-1].date: \"2015-02-30\" is not a real date",
        "meetings[m-1].follow_up: \"15/03/2015\" is not a real date",
        "country_notes[n].updated: \"2015-1-1\" is not a real date",
        "contracts[c].signed: \"yesterday\" is not a real date",
    ] {
        assert!(
            has(&problems, Severity::Error, line),
            "{line}: {:#?}",
            lines(&problems)
        );
    }
}

#[test]
fn contracts_need_what_their_kind_requires() {
    let text = r#"(
        format: 1,
        contracts: [
            (id: "bi", kind: Bilateral, amount_eur: 100),
            (id: "eu", kind: European, programme: "Horizon 2020"),
            (id: "none", title: "Kind forgotten"),
        ],
    )"#;
    let problems = problems_of(text);
    assert!(has(
        &problems,
        Severity::Error,
        "contracts[bi].company: a Bilateral contract needs the company"
    ));
    assert!(has(
        &problems,
        Severity::Error,
        "contracts[eu].country: a European contract needs the country"
    ));
    assert!(has(
        &problems,
        Severity::Warning,
        "contracts[none].kind: no kind"
    ));
}

#[test]
fn a_follow_up_before_the_meeting_is_a_warning() {
    let text = r#"(
        format: 1,
        companies: [(id: "acme")],
        meetings: [(id: "m-1", date: "2015-02-12", company: "acme", follow_up: "2015-01-01")],
    )"#;
    let problems = problems_of(text);
    assert!(has(
        &problems,
        Severity::Warning,
        "meetings[m-1].follow_up: the follow-up (2015-01-01) is before the meeting (2015-02-12)"
    ));
}

#[test]
fn records_without_id_are_named_by_position() {
    let text = r#"(format: 1, companies: [(id: "a", country: "US"), (id: "", country: "US")],
                   zones: [(id: "na")], countries: [(code: "US", zone: "na")])"#;
    let problems = problems_of(text);
    assert_eq!(problems.len(), 1, "{:#?}", lines(&problems));
    let problem = &problems[0];
    assert_eq!(problem.list, ListKind::Companies);
    assert_eq!(problem.index, 1);
    assert_eq!(
        problem.to_string(),
        "companies[#2].id: the company has no id"
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let text = r#"(
        format: 1,
        meetings: [
            (id: "m-1", date: "2015-02-30", company: "x"),
            (id: "m-2", date: "2015-02-31", company: "y"),
        ],
    )"#;
    let (errors, _) = count(&problems_of(text));
    assert_eq!(errors, 4);
}

/// Problems are worded in the language of the thread that validates (the
/// app's, set each frame): French when it speaks French, English otherwise;
/// the list and field stay the file's own words.
#[test]
fn problems_are_worded_in_the_language_of_the_thread() {
    use liaison_desk::i18n::{Language, set_language};
    let text = r#"(format: 1, zones: [(id: "na")], countries: [(code: "US", zone: "na")],
                   meetings: [(id: "m-1", date: "2015-02-12", company: "zz")])"#;

    set_language(Language::French);
    let french = lines(&problems_of(text));
    set_language(Language::English);
    let english = lines(&problems_of(text));

    assert_eq!(
        french,
        ["error: meetings[m-1].company: entreprise inconnue \"zz\""]
    );
    assert_eq!(
        english,
        ["error: meetings[m-1].company: unknown company \"zz\""]
    );
}

/// A problem about a country keeps the file's code and says the rest in
/// French, with French typography.
#[test]
fn country_problems_are_worded_in_french() {
    use liaison_desk::i18n::{Language, set_language};
    let text = r#"(format: 1, countries: [(code: "UK"), (code: "fr")])"#;
    set_language(Language::French);
    let french = lines(&problems_of(text));
    set_language(Language::English);
    assert_eq!(
        french,
        [
            "error: countries[UK].code: \"UK\" n'est pas un code ISO 3166-1 alpha-2\u{a0}: \
             le code du Royaume-Uni est \"GB\"",
            "error: countries[fr].code: \"fr\" n'est pas un code ISO 3166-1 alpha-2\u{a0}: \
             écrivez-le en majuscules, \"FR\"",
        ]
    );
}
