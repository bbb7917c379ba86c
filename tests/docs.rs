//! The documentation tells the truth: FORMAT.md's complete example is a
//! valid file, written exactly in the layout the app saves.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic: that is how they fail

use liaison_desk::format::{parse_str, to_ron_string};
use liaison_desk::validate::validate;

fn format_md_example() -> String {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/FORMAT.md"))
        .expect("docs/FORMAT.md exists");
    let start = doc
        .find("## A complete example")
        .expect("the example section exists");
    let rest = &doc[start..];
    let open = rest.find("```ron\n").expect("the example is a ron block") + "```ron\n".len();
    let close = rest[open..].find("```").expect("the block is closed");
    rest[open..open + close].to_owned()
}

#[test]
fn the_complete_example_of_format_md_is_valid_and_canonical() {
    let example = format_md_example();
    let parsed = parse_str(&example).unwrap_or_else(|e| panic!("FORMAT.md example: {e:?}"));
    let problems = validate(&parsed.dataset);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(parsed.dataset.contracts.len(), 2);
    assert_eq!(
        to_ron_string(&parsed.dataset),
        example,
        "the example is in the saved layout"
    );
}
