//! The command line as scripts use it: the real binary, real files written
//! by hand (broken in every way a person or a disk can break them), exit
//! statuses and output lines.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_liaison-desk");

fn run(args: &[&str]) -> Output {
    let started = Instant::now();
    let output = Command::new(BIN)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"));
    // Not a performance test: a guard against a hang becoming a silent CI timeout.
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{args:?} took too long"
    );
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {name}: {e}"));
    path
}

fn validate(path: &Path) -> (i32, String) {
    let output = run(&["validate", path.to_str().unwrap_or_default()]);
    assert!(
        !stderr(&output).contains("panicked"),
        "panic on {}: {}",
        path.display(),
        stderr(&output)
    );
    (output.status.code().unwrap_or(-1), stdout(&output))
}

const SMALL: &str = r#"(
    format: 1,
    zones: [(id: "europe", name: "Europe"), (id: "north-america", name: "North America")],
    countries: [(code: "US", zone: "north-america"), (code: "DE", zone: "europe")],
    companies: [(id: "acme", name: "Acme Bio", country: "US"), (id: "rhein", name: "Rhein GmbH", country: "DE")],
    meetings: [
        (id: "m-1", date: "2014-02-12", company: "acme"),
        (id: "m-2", date: "2015-03-12", company: "rhein"),
    ],
)"#;

#[test]
fn validate_exits_0_on_a_clean_file_and_on_warnings_only() {
    let dir = tempfile::tempdir().unwrap();
    let clean = write(dir.path(), "clean.ron", SMALL);
    assert_eq!(validate(&clean), (0, String::new()));

    let warned = write(
        dir.path(),
        "warned.ron",
        r#"(format: 1, companies: [(id: "b", country: "BR")])"#,
    );
    let (code, out) = validate(&warned);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out.trim(),
        format!(
            "{}: warning: companies[b].country: country \"BR\" (Brazil) is not in `countries`: \
             its records count in zone Unassigned (assign it a zone)",
            warned.display()
        )
    );
}

#[test]
fn validate_exits_1_and_prints_one_line_per_check_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "dangling.ron",
        r#"(format: 1, meetings: [(id: "m-0001", date: "2015-02-30", company: "zz")])"#,
    );
    let (code, out) = validate(&path);
    assert_eq!(code, 1);
    let shown = path.display().to_string();
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        vec![
            format!(
                "{shown}: error: meetings[m-0001].date: \"2015-02-30\" is not a real date in the form YYYY-MM-DD"
            ),
            format!("{shown}: error: meetings[m-0001].company: unknown company \"zz\""),
        ]
    );
}

/// Files that cannot be read as data files: exit 2 with `FILE[:LINE:COL]: error: …`.
#[test]
fn validate_exits_2_on_unreadable_files_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let nested =
        |open: &str, close: &str| format!("{}{}", open.repeat(100_000), close.repeat(100_000));
    let deep_value = format!("(format: 1, title: {})", nested("[", "]"));
    // An unknown field is skipped while probing the format version: deep
    // nesting there must hit ron's recursion limit, not overflow the stack.
    let deep_unknown = format!("(format: 1, extra: {})", nested("[", "]"));
    let deep_struct = nested("(", ")");
    let cases: Vec<(PathBuf, &str)> = vec![
        (write(d, "truncated.ron", &SMALL[..SMALL.len() / 2]), ":"),
        (
            write(d, "binary.ron", [0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0]),
            "binary file",
        ),
        (
            write(d, "latin1.ron", b"(format: 1, title: \"Soci\xe9t\xe9\")"),
            "not UTF-8 text (invalid byte at line 1, column 25)",
        ),
        (write(d, "empty.ron", ""), "the file is empty"),
        (write(d, "blank.ron", "  \n\t\n"), "the file is empty"),
        (
            write(d, "json.ron", r#"{"format": 1, "companies": []}"#),
            "looks like JSON",
        ),
        (write(d, "deep-value.ron", &deep_value), "Expected string"),
        (write(d, "deep-unknown.ron", &deep_unknown), "extra"),
        (write(d, "deep-struct.ron", &deep_struct), ":1:"),
        (
            write(
                d,
                "typo.ron",
                r#"(format: 1, companies: [(id: "a", nmae: "Acme")])"#,
            ),
            "nmae",
        ),
        (
            write(
                d,
                "negative.ron",
                r#"(format: 1, contracts: [(id: "c", amount_eur: -5)])"#,
            ),
            ":1:48: error: an amount cannot be negative",
        ),
        (
            write(
                d,
                "wrong-type.ron",
                r#"(format: 1, meetings: [(id: "m", date: 2015, company: "a")])"#,
            ),
            ":1:",
        ),
        (
            write(
                d,
                "bad-enum.ron",
                r#"(format: 1, companies: [(id: "a", size: Huge)])"#,
            ),
            "Huge",
        ),
        (write(d, "no-format.ron", r#"(title: "x")"#), "format"),
        (
            write(d, "newer.ron", r#"(format: 2, tasks: [(id: "t")])"#),
            "format 2",
        ),
        (write(d, "zero.ron", r#"(format: 0)"#), "not a known format"),
        // Numbers are plain digits (FORMAT.md), whatever else ron reads.
        (
            write(d, "float-format.ron", "(format: 1.0)"),
            ":1:10: error: 1.0 is not a whole number in plain digits",
        ),
        (
            write(
                d,
                "hex.ron",
                r#"(format: 1, contracts: [(id: "c", amount_eur: 0x10)])"#,
            ),
            ":1:47: error: 0x10 is written in another base than decimal: a data file writes numbers in plain digits, here 16",
        ),
        (
            write(
                d,
                "plus.ron",
                r#"(format: 1, meetings: [(id: "m", company: "a", value_eur: +5)])"#,
            ),
            ":1:59: error: +5 has a + sign: a data file writes numbers without it, here 5",
        ),
        (
            write(
                d,
                "underscore.ron",
                "(\n    format: 1,\n    contracts: [(id: \"c\", amount_eur: 1_000)],\n)",
            ),
            ":3:39: error: 1_000 has separators: a data file writes numbers with digits only, here 1000",
        ),
        (
            write(
                d,
                "exponent.ron",
                r#"(format: 1, contracts: [(id: "c", amount_eur: 1e3)])"#,
            ),
            ":1:47: error: 1e3 is not a whole number",
        ),
    ];
    for (path, needle) in cases {
        let (code, out) = validate(&path);
        assert_eq!(code, 2, "{}: {out}", path.display());
        let shown = path.display().to_string();
        assert!(out.starts_with(&shown), "{}: {out}", path.display());
        assert!(out.contains("error: "), "{}: {out}", path.display());
        assert!(
            out.contains(needle),
            "{}: expected {needle:?} in {out}",
            path.display()
        );
        assert_eq!(out.lines().count(), 1, "one line per problem: {out}");
    }
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "typo.ron",
        "(\n    format: 1,\n    companies: [\n        (id: \"a\", nmae: \"Acme\"),\n    ],\n)\n",
    );
    let (code, out) = validate(&path);
    assert_eq!(code, 2);
    assert!(
        out.starts_with(&format!("{}:4:", path.display())),
        "line 4 expected: {out}"
    );
}

#[test]
fn a_missing_file_or_a_folder_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = validate(&dir.path().join("nope.ron"));
    assert_eq!(code, 2);
    assert!(out.contains("cannot read"), "{out}");
    let (code, out) = validate(dir.path());
    assert_eq!(code, 2);
    assert!(out.contains("is a folder"), "{out}");
}

#[test]
fn bom_and_crlf_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(SMALL.replace('\n', "\r\n").as_bytes());
    let path = write(dir.path(), "windows.ron", bytes);
    assert_eq!(validate(&path), (0, String::new()));
    let out = stdout(&run(&["summary", path.to_str().unwrap(), "--csv"]));
    assert!(out.contains("total,0,2,2,2,0,0,0,0"), "{out}");
}

#[test]
fn summary_csv_has_the_documented_columns_and_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "small.ron", SMALL);
    let output = run(&["summary", path.to_str().unwrap(), "--csv"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "zone,affiliates,companies,companies_met,meetings,country_notes,contracts,bilateral_eur,european_eur\n\
         europe,0,1,1,1,0,0,0,0\n\
         north-america,0,1,1,1,0,0,0,0\n\
         total,0,2,2,2,0,0,0,0\n"
    );
    let output = run(&["summary", path.to_str().unwrap(), "--csv", "--year", "2014"]);
    assert_eq!(
        stdout(&output),
        "zone,affiliates,companies,companies_met,meetings,country_notes,contracts,bilateral_eur,european_eur\n\
         europe,0,1,0,0,0,0,0,0\n\
         north-america,0,1,1,1,0,0,0,0\n\
         total,0,2,1,1,0,0,0,0\n"
    );
}

/// The filters of the dashboard, on the command line: the sample's figures
/// for an initiative, a range and an affiliate are the library's.
#[test]
fn summary_takes_the_dashboards_filters() {
    use liaison_desk::stats::{Filter, HeldBy, summary};
    let dataset = liaison_desk::format::parse_str(liaison_desk::SAMPLE_DATA)
        .unwrap()
        .dataset;
    let initiative = liaison_desk::stats::initiatives(&dataset)[0].clone();
    let affiliate = dataset.affiliates[0].id.clone();
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "sample.ron", liaison_desk::SAMPLE_DATA);
    let path = path.to_str().unwrap();
    let csv_total = |args: &[&str]| -> String {
        let mut all = vec!["summary", path, "--csv"];
        all.extend_from_slice(args);
        let output = run(&all);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout(&output).lines().last().unwrap().to_owned()
    };
    let expected_total = |filter: &Filter| {
        let total = summary(&dataset, filter).total;
        let numbers: Vec<String> = total.numbers().iter().map(u128::to_string).collect();
        format!("total,{}", numbers.join(","))
    };
    let day = |s: &str| s.parse().ok();
    let cases: Vec<(Vec<&str>, Filter)> = vec![
        (
            vec!["--initiative", &initiative],
            Filter {
                initiative: Some(initiative.clone()),
                ..Filter::all()
            },
        ),
        (
            vec!["--from", "2014-03-01", "--to", "2014-09-30"],
            Filter {
                from: day("2014-03-01"),
                to: day("2014-09-30"),
                ..Filter::all()
            },
        ),
        (
            vec!["--affiliate", &affiliate, "--year", "2014"],
            Filter {
                held_by: Some(HeldBy::Affiliate(affiliate.clone())),
                ..Filter::year(2014)
            },
        ),
        (
            vec!["--affiliate", "head-office"],
            Filter {
                held_by: Some(HeldBy::HeadOffice),
                ..Filter::all()
            },
        ),
    ];
    for (args, filter) in cases {
        let total = csv_total(&args);
        assert_eq!(total, expected_total(&filter), "{args:?}");
        assert_ne!(
            total,
            expected_total(&Filter::all()),
            "{args:?} filters nothing"
        );
    }
}

#[test]
fn summary_refuses_a_filter_that_names_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "sample.ron", liaison_desk::SAMPLE_DATA);
    let output = run(&["summary", path.to_str().unwrap(), "--institute", "nowhere"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    let message = stderr(&output);
    assert!(message.contains("no institute `nowhere`"), "{message}");
    let output = run(&[
        "summary",
        path.to_str().unwrap(),
        "--initiative",
        "GLOBAL CAR",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("GLOBAL CARE"),
        "the choices are listed"
    );
}

#[test]
fn summary_table_is_aligned_with_a_total() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "small.ron", SMALL);
    let out = stdout(&run(&["summary", path.to_str().unwrap()]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(lines[0].starts_with("zone"));
    assert!(lines[3].starts_with("---"));
    assert!(lines[4].starts_with("total"));
    // Right-aligned numbers end in the same column as their header.
    let header_end = lines[0].find("meetings").unwrap() + "meetings".len();
    for line in [lines[1], lines[2], lines[4]] {
        let before = &line[..header_end];
        assert!(before.ends_with('1') || before.ends_with('2'), "{line}");
    }
}

#[test]
fn summary_of_an_unreadable_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bad.ron", "(format: 1,");
    let output = run(&["summary", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains(&format!("{}:", path.display())));
    assert!(stdout(&output).is_empty());
}

#[test]
fn generate_is_reproducible_and_validates() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    for path in [&a, &b] {
        let output = run(&[
            "generate",
            "--meetings",
            "500",
            "--seed",
            "42",
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    let bytes_a = std::fs::read(&a).unwrap();
    assert_eq!(bytes_a, std::fs::read(&b).unwrap());
    let (code, out) = validate(&a);
    assert_eq!(code, 0, "{out}");
    let csv = stdout(&run(&["summary", a.to_str().unwrap(), "--csv"]));
    let total = csv.lines().last().unwrap_or_default();
    assert!(total.starts_with("total,"), "{csv}");
    let meetings: u64 = total.split(',').nth(4).unwrap().parse().unwrap();
    assert_eq!(meetings, 500);
}

#[test]
fn format_rewrites_a_hand_written_file_in_the_canonical_layout() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "hand.ron", SMALL);
    let check = run(&["format", path.to_str().unwrap(), "--check"]);
    assert_eq!(check.status.code(), Some(1));
    let output = run(&["format", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("#![enable(implicit_some)]\n(\n    format: 1,\n"),
        "{text}"
    );
    assert_eq!(
        run(&["format", path.to_str().unwrap(), "--check"])
            .status
            .code(),
        Some(0)
    );
    // The original was kept as a backup.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("hand.ron.bak")).unwrap(),
        SMALL
    );
}

#[test]
fn the_bundled_sample_validates_without_errors() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.ron");
    let output = run(&["validate", sample.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

/// Runs the binary with at most `bytes` of address space, so that a command
/// that allocates without bound fails here instead of exhausting the machine.
fn run_with_memory_limit(args: &[&str], bytes: u64) -> Output {
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(BIN);
    command.args(args);
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        command.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"))
}

#[test]
fn generate_refuses_a_size_no_file_could_hold_before_allocating_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    for meetings in ["18446744073709551615", "4000001"] {
        let output = run_with_memory_limit(
            &[
                "generate",
                "--meetings",
                meetings,
                "-o",
                path.to_str().unwrap(),
            ],
            1 << 30,
        );
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{meetings}: {message}");
        assert!(
            message.contains(&format!(
                "--meetings {meetings} is more than a data file can hold"
            )) && message.contains("at most 4,000,000 meetings"),
            "{message}"
        );
        assert!(!path.exists(), "nothing may be written for {meetings}");
    }
}

/// Two contracts of the largest amount a file can hold add up to more than
/// 64 bits: the total is exact, not capped at 18,446,744,073,709,551,615.
#[test]
fn summary_totals_are_exact_past_the_largest_single_amount() {
    let dir = tempfile::tempdir().unwrap();
    let largest = u64::MAX;
    let text = SMALL.replace(
        "    meetings: [",
        &format!(
            "    contracts: [\n\
             (id: \"c-1\", kind: Bilateral, company: \"rhein\", signed: \"2015-01-02\", amount_eur: {largest}),\n\
             (id: \"c-2\", kind: Bilateral, company: \"rhein\", signed: \"2015-01-03\", amount_eur: {largest}),\n\
             (id: \"c-3\", kind: European, company: \"acme\", signed: \"2015-01-04\", amount_eur: {largest}),\n\
             ],\n    meetings: ["
        ),
    );
    let path = write(dir.path(), "rich.ron", text);
    let csv = run(&["summary", path.to_str().unwrap(), "--csv"]);
    assert_eq!(csv.status.code(), Some(0), "{}", stderr(&csv));
    let csv = stdout(&csv);
    // 2 × (2^64 − 1), worked out by hand.
    assert!(
        csv.contains("\neurope,0,1,1,1,0,2,36893488147419103230,0\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\ntotal,0,2,2,2,0,3,36893488147419103230,18446744073709551615\n"),
        "{csv}"
    );
    let table = stdout(&run(&["summary", path.to_str().unwrap()]));
    assert!(table.contains("36,893,488,147,419,103,230"), "{table}");
}
