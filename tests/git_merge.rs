//! The app as git's merge driver, in a real repository: two offices edit,
//! delete and add records on their branches, and `git merge` merges them
//! record by record with no manual step, where a line merge would conflict;
//! a true conflict (one field changed differently) stops the merge and leaves
//! a valid data file holding our value.
//!
//! Skipped, with a note, when `git` is not installed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use std::path::Path;
use std::process::{Command, Output};

use liaison_desk::format::{parse_str, to_ron_string};
use liaison_desk::model::{Dataset, Meeting, Stage};
use liaison_desk::validate::{self, Severity};

const BIN: &str = env!("CARGO_BIN_EXE_liaison-desk");
const DATA: &str = "liaison.ron";

fn git_available() -> bool {
    let found = Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("note: git is not installed; the git merge driver test is skipped");
    }
    found
}

/// Runs git in `dir`, isolated from the user's and the system's settings.
fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .unwrap_or_else(|e| panic!("cannot run git {args:?}: {e}"))
}

fn git_ok(dir: &Path, args: &[&str]) -> String {
    let output = git(dir, args);
    assert!(
        output.status.success(),
        "git {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A repository on `main` with the driver set up as the README says and the
/// sample data committed in the canonical layout.
fn repository(driver: &str) -> (tempfile::TempDir, Dataset) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    git_ok(path, &["-c", "init.defaultBranch=main", "init", "-q"]);
    git_ok(path, &["config", "user.name", "Test Office"]);
    git_ok(path, &["config", "user.email", "office@example.org"]);
    git_ok(path, &["config", "commit.gpgsign", "false"]);
    git_ok(
        path,
        &[
            "config",
            "merge.liaison-desk.name",
            "Liaison Desk data files",
        ],
    );
    git_ok(path, &["config", "merge.liaison-desk.driver", driver]);
    std::fs::write(path.join(".gitattributes"), "*.ron merge=liaison-desk\n").unwrap();
    let sample = parse_str(liaison_desk::SAMPLE_DATA).unwrap().dataset;
    write_data(path, &sample);
    git_ok(path, &["add", "."]);
    git_ok(path, &["commit", "-q", "-m", "Base"]);
    (dir, sample)
}

fn driver_command(args: &str) -> String {
    assert!(!BIN.contains('\''), "the test cannot quote {BIN}");
    format!("'{BIN}' merge-driver {args}")
}

fn write_data(dir: &Path, dataset: &Dataset) {
    std::fs::write(dir.join(DATA), to_ron_string(dataset)).unwrap();
}

fn read_data(dir: &Path) -> Dataset {
    let text = std::fs::read_to_string(dir.join(DATA)).unwrap();
    parse_str(&text)
        .unwrap_or_else(|e| panic!("the merged file is not a data file: {e}\n{text}"))
        .dataset
}

fn commit_on(dir: &Path, branch: &str, dataset: &Dataset, message: &str) {
    git_ok(dir, &["checkout", "-q", branch]);
    write_data(dir, dataset);
    git_ok(dir, &["commit", "-q", "-am", message]);
}

fn meeting<'a>(dataset: &'a mut Dataset, id: &str) -> &'a mut Meeting {
    dataset
        .meetings
        .iter_mut()
        .find(|m| m.id == id)
        .unwrap_or_else(|| panic!("no meeting {id}"))
}

fn find<'a>(dataset: &'a Dataset, id: &str) -> Option<&'a Meeting> {
    dataset.meetings.iter().find(|m| m.id == id)
}

fn new_meeting(sample: &Dataset, id: &str, topic: &str) -> Meeting {
    let mut m = sample.meetings[0].clone();
    m.id = id.to_owned();
    m.topic = Some(topic.to_owned());
    m
}

/// Meetings no contract comes from: they can be deleted without leaving a
/// reference to nothing.
fn deletable(sample: &Dataset) -> Vec<String> {
    sample
        .meetings
        .iter()
        .filter(|m| {
            !sample
                .contracts
                .iter()
                .any(|c| c.meeting.as_deref() == Some(m.id.as_str()))
        })
        .map(|m| m.id.clone())
        .collect()
}

fn error_count(dataset: &Dataset) -> usize {
    validate::validate(dataset)
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count()
}

/// The text git would produce merging by lines: its number of conflicts.
fn line_merge_conflicts(dir: &Path, base: &Dataset, ours: &Dataset, theirs: &Dataset) -> i32 {
    let files = [("b.txt", base), ("o.txt", ours), ("t.txt", theirs)];
    for (name, dataset) in files {
        std::fs::write(dir.join(name), to_ron_string(dataset)).unwrap();
    }
    let output = git(dir, &["merge-file", "-p", "o.txt", "b.txt", "t.txt"]);
    output.status.code().unwrap_or(-1)
}

#[test]
fn git_merges_two_offices_changes_record_by_record_without_a_manual_step() {
    if !git_available() {
        return;
    }
    let (repo, sample) = repository(&driver_command("%O %A %B"));
    let path = repo.path();
    git_ok(path, &["branch", "boston"]);
    let gone = deletable(&sample);
    let (ours_deletes, theirs_deletes) = (gone[3].clone(), gone[7].clone());
    let shared = sample.meetings[0].id.clone();
    let company = sample.companies[2].id.clone();

    // Paris (main): the shared meeting's stage, a company's sector, one
    // deletion and one new meeting at the end.
    let mut ours = sample.clone();
    meeting(&mut ours, &shared).stage = Some(Stage::Proposal);
    ours.companies[2].sector = Some("Medical devices".to_owned());
    ours.meetings.retain(|m| m.id != ours_deletes);
    ours.meetings
        .push(new_meeting(&sample, "m-paris-1", "Paris follow-up"));
    commit_on(path, "main", &ours, "Paris");

    // Boston: the same meeting's topic (the line next to its stage), a
    // country note's author, another deletion and another new meeting at
    // the end.
    let mut theirs = sample.clone();
    meeting(&mut theirs, &shared).topic = Some("Geothermal pilot plant".to_owned());
    theirs.country_notes[0].author = Some("Boston office".to_owned());
    theirs.meetings.retain(|m| m.id != theirs_deletes);
    theirs
        .meetings
        .push(new_meeting(&sample, "m-boston-1", "Boston follow-up"));
    commit_on(path, "boston", &theirs, "Boston");

    let scratch = tempfile::tempdir().unwrap();
    assert!(
        line_merge_conflicts(scratch.path(), &sample, &ours, &theirs) > 0,
        "the scenario must be one a line merge cannot do"
    );

    git_ok(path, &["checkout", "-q", "main"]);
    let merge = git(path, &["merge", "--no-edit", "boston"]);
    assert!(
        merge.status.success(),
        "git merge failed:\n{}\n{}",
        String::from_utf8_lossy(&merge.stdout),
        String::from_utf8_lossy(&merge.stderr)
    );
    assert_eq!(
        git_ok(path, &["status", "--porcelain"]),
        "",
        "merged and committed, no stray file (no .bak)"
    );
    assert!(!path.join(format!("{DATA}.bak")).exists());

    let merged = read_data(path);
    assert_eq!(error_count(&merged), error_count(&sample));
    let both = find(&merged, &shared).expect("the shared meeting");
    assert_eq!(both.stage, Some(Stage::Proposal), "Paris' stage");
    assert_eq!(
        both.topic.as_deref(),
        Some("Geothermal pilot plant"),
        "Boston's topic"
    );
    assert!(find(&merged, &ours_deletes).is_none(), "Paris' deletion");
    assert!(
        find(&merged, &theirs_deletes).is_none(),
        "Boston's deletion"
    );
    assert_eq!(
        merged.companies[2].sector.as_deref(),
        Some("Medical devices")
    );
    assert_eq!(merged.companies[2].id, company);
    assert_eq!(
        merged.country_notes[0].author.as_deref(),
        Some("Boston office")
    );
    let last: Vec<&str> = merged
        .meetings
        .iter()
        .rev()
        .take(2)
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(
        last,
        ["m-boston-1", "m-paris-1"],
        "ours' addition, then theirs'"
    );
    assert_eq!(merged.meetings.len(), sample.meetings.len());
    // The committed file is in the canonical layout.
    let text = std::fs::read_to_string(path.join(DATA)).unwrap();
    assert_eq!(text, to_ron_string(&merged));
}

#[test]
fn a_field_changed_differently_on_both_branches_stops_git_with_a_valid_file() {
    if !git_available() {
        return;
    }
    let (repo, sample) = repository(&driver_command("%O %A %B %P"));
    let path = repo.path();
    git_ok(path, &["branch", "boston"]);
    let shared = sample.meetings[1].id.clone();

    let mut ours = sample.clone();
    meeting(&mut ours, &shared).topic = Some("Serology, Paris version".to_owned());
    commit_on(path, "main", &ours, "Paris");

    let mut theirs = sample.clone();
    meeting(&mut theirs, &shared).topic = Some("Serology, Boston version".to_owned());
    theirs
        .meetings
        .push(new_meeting(&sample, "m-boston-1", "Boston follow-up"));
    commit_on(path, "boston", &theirs, "Boston");

    git_ok(path, &["checkout", "-q", "main"]);
    let merge = git(path, &["merge", "--no-edit", "boston"]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&merge.stdout),
        String::from_utf8_lossy(&merge.stderr)
    );
    assert!(!merge.status.success(), "the merge must stop:\n{said}");
    assert!(
        said.contains(&format!("meetings[{shared}].topic")),
        "names the field:\n{said}"
    );
    assert!(said.contains("Serology, Boston version"), "{said}");
    assert!(said.contains(DATA), "names the file by its path:\n{said}");
    assert!(
        git_ok(path, &["status", "--porcelain"]).contains(&format!("UU {DATA}")),
        "git marks the file conflicted"
    );

    let merged = read_data(path);
    assert_eq!(
        find(&merged, &shared).and_then(|m| m.topic.as_deref()),
        Some("Serology, Paris version"),
        "ours kept"
    );
    assert!(
        find(&merged, "m-boston-1").is_some(),
        "their other changes are merged"
    );
    assert_eq!(error_count(&merged), error_count(&sample));
    assert!(!path.join(format!("{DATA}.bak")).exists());
}
