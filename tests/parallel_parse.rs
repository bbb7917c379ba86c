//! Large files are parsed on two threads (the second half of the meetings
//! beside the rest): the result is exactly what one thread reads, whatever
//! the strings hold, and a mistake is still reported where it is.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use liaison_desk::format::read::parse_in_parallel;
use liaison_desk::format::{ReadError, parse_str, to_ron_string};
use liaison_desk::generate::{GenerateOptions, generate};
use liaison_desk::model::Dataset;

/// Notes that look like the structure the split looks for.
const TRICKY: [&str; 6] = [
    "meetings: [ (id: \"fake\") ]",
    "a ] and a ) and a [",
    "line one\nmeetings: [\n        (\n        ),\n    ],",
    "quote \" and hash r#\"raw\"# inside",
    "multi-line with a \"# in it\nand a ]",
    "// not a comment, inside a string",
];

fn tricky_dataset() -> Dataset {
    let mut data = generate(GenerateOptions {
        meetings: 3_000,
        seed: 9,
    });
    for (i, meeting) in data.meetings.iter_mut().enumerate().step_by(97) {
        meeting.notes = Some(TRICKY[i % TRICKY.len()].to_owned());
        meeting.topic = Some(TRICKY[(i + 1) % TRICKY.len()].to_owned());
    }
    data.title = Some("meetings: [".to_owned());
    data
}

#[test]
fn two_threads_read_exactly_what_one_reads() {
    let data = tricky_dataset();
    let text = to_ron_string(&data);
    let parallel = parse_in_parallel(&text)
        .expect("a canonical file splits")
        .unwrap();
    assert_eq!(parallel, data);
    assert_eq!(parse_str(&text).unwrap().dataset, data);
}

#[test]
fn hand_written_layouts_are_read_whole_or_left_to_one_thread() {
    let data = tricky_dataset();
    // The whole file on one line, as a script might write it.
    let compact = to_ron_string(&data)
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    let parallel = parse_in_parallel(&compact).expect("one line splits too");
    let one_thread = parse_str(&compact).unwrap().dataset;
    assert_eq!(parallel.unwrap(), one_thread);
    assert_eq!(one_thread.meetings.len(), data.meetings.len());
    // A comment: never split.
    let commented = to_ron_string(&data).replacen("(\n", "( // hand-written\n", 1);
    assert!(parse_in_parallel(&commented).is_none());
}

#[test]
fn a_mistake_in_the_second_half_is_still_reported_at_its_line() {
    let data = tricky_dataset();
    let text = to_ron_string(&data);
    let last = &data.meetings.last().unwrap().id;
    let broken = text.replacen(&format!("id: \"{last}\""), &format!("idd: \"{last}\""), 1);
    assert!(matches!(parse_in_parallel(&broken), Some(Err(_))));
    let line = broken
        .lines()
        .position(|l| l.contains("idd:"))
        .map(|i| i + 1)
        .unwrap();
    match parse_str(&broken) {
        Err(ReadError::Syntax { line: found, .. }) => assert_eq!(found, line),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}
