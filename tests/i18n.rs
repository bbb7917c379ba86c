//! The interface speaks English and French from one catalogue: every
//! message has both languages, and no code shows a text of its own.
//!
//! The second test reads the sources of everything that makes text for a
//! person (the app, and the core's errors, problems and reports) and fails
//! on a string literal with words in it that does not come from the
//! catalogue. Literals that are not shown are told apart by what they look
//! like (`"value_eur"`, `"csv"`, `"{} ({})"`: no words), by where they go
//! (an egui id, a thread's name), or by [`liaison_desk::i18n::verbatim`] for
//! a text that is the same in every language (a product's name).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use liaison_desk::i18n::{Language, catalogue, placeholders};

/// Texts written the same in English and French.
const SAME_IN_BOTH: &[&str] = &[
    "Zone",
    "Zones",
    "Total",
    "Notes",
    "Date",
    "Contact",
    "Initiative",
    "Initiatives",
    "Code",
    "Source",
    "Dashboard",
    "Type",
    "Programme",
    "Europe",
    "Message",
    "Notes:",
    "OK",
    "Tags",
    "Total:",
    "Date:",
    "Zone:",
    "Initiative:",
    "Contact:",
    "Type:",
    "Source:",
    "Programme:",
    "Million",
    "Description",
    "Documentation",
    "Format",
    "Type",
    "Volume",
    "Action",
    "Actions",
    "Options",
    "Pipeline",
    "Info",
    "Minimum",
    "Maximum",
    "Menu",
    "Filtres",
    "Nord",
    "Sud",
    "Contrats",
    "Global",
    "Accents",
    "Position",
    "Distance",
    "Latitude",
    "Longitude",
    "Active",
    "Start-up",
    "zone",
    "zones",
];

#[test]
fn every_message_has_both_languages_naming_the_same_values() {
    let mut keys = HashSet::new();
    let mut faults = Vec::new();
    let mut count = 0;
    for msg in catalogue::all() {
        count += 1;
        if !keys.insert(msg.key) {
            faults.push(format!("{}: defined twice", msg.key));
        }
        for language in Language::ALL {
            if msg.text_in(language).trim().is_empty() {
                faults.push(format!("{}: no {language:?} text", msg.key));
            }
        }
        let en: BTreeSet<_> = placeholders(msg.en).into_iter().collect();
        let fr: BTreeSet<_> = placeholders(msg.fr).into_iter().collect();
        if en != fr {
            faults.push(format!(
                "{}: English names {en:?}, French names {fr:?}",
                msg.key
            ));
        }
        if msg.en == msg.fr && !SAME_IN_BOTH.contains(&msg.en) && has_words(msg.en) {
            faults.push(format!(
                "{}: French is the English {:?} (add it to SAME_IN_BOTH if French says it so)",
                msg.key, msg.en
            ));
        }
    }
    assert!(count > 0, "the catalogue is empty");
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn every_column_has_a_header_in_both_languages() {
    for list in liaison_desk::model::ListKind::ALL {
        for field in liaison_desk::fields::fields(list) {
            assert!(!field.english.trim().is_empty(), "{list:?}.{}", field.name);
            assert!(!field.french.trim().is_empty(), "{list:?}.{}", field.name);
        }
    }
}

/// Files whose every text is shown to a person, and the core's files that
/// make errors, problems or reports.
fn shown_sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&root.join("app"), &mut files);
    collect(&root.join("storage"), &mut files);
    for core in [
        "delete.rs",
        "disk.rs",
        "document.rs",
        "lock.rs",
        "progress.rs",
        "recovery.rs",
        "validate.rs",
        "workspace.rs",
        "dashboard.rs",
        "stats.rs",
        "merge.rs",
        "format/read.rs",
        "import/mod.rs",
        "import/plan.rs",
        "import/read.rs",
        "import/report.rs",
        "import/formats.rs",
        "import/sniff.rs",
        "import/mapping.rs",
        "lookup.rs",
        "countries.rs",
        "export.rs",
        "edit.rs",
    ] {
        files.push(root.join(core));
    }
    files
}

fn collect(folder: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
}

#[test]
fn no_code_shows_a_text_outside_the_catalogue() {
    let mut faults = Vec::new();
    for path in shown_sources() {
        let source = std::fs::read_to_string(&path).unwrap();
        let name = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&path)
            .display()
            .to_string();
        for literal in shown_literals(&source) {
            faults.push(format!("{name}:{}: {:?}", literal.line, literal.text));
        }
    }
    assert!(
        faults.is_empty(),
        "{} texts are shown without the catalogue (src/i18n/catalogue):\n{}",
        faults.len(),
        faults.join("\n")
    );
}

#[test]
fn the_source_reader_finds_what_is_shown_and_only_that() {
    let source = r##"
        //! A doc "Comment" is not shown.
        fn ui(ui: &mut Ui) {
            ui.label("Shown"); // "a comment"
            ui.label(shell::OPEN.text());
            let id = egui::Id::new("Not shown");
            ui.push_id("Grid of things", |ui| {});
            ui.label(verbatim("Liaison Desk"));
            ui.label(format!("{count} {}", x));
            ui.label(r#"Raw "text""#);
            let key = "value_eur";
            let day = date.format("%d/%m/%Y");
            let c = 'x'; let s: &'static str = "";
            ui.label(format!("{name} was saved"));
            let b = b"Bytes are not shown";
            let header = "Written in a file"; // i18n: a file's header
            // i18n: the file's own words
            let header = "Also written";
            ui.label("Shown again");
        }
        #[cfg(test)]
        mod tests {
            fn t() { assert_eq!(x, "Tests are not shown"); }
        }
    "##;
    let found: Vec<_> = shown_literals(source).into_iter().map(|l| l.text).collect();
    assert_eq!(
        found,
        ["Shown", "Raw \"text\"", "{name} was saved", "Shown again"]
    );
}

fn has_words(text: &str) -> bool {
    without_values(text).chars().any(char::is_alphabetic)
}

/// The text without its values in braces, which are filled in, not read,
/// nor the directives of a date format (`%Y-%m-%d`).
fn without_values(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    let mut after_percent = false;
    for c in text.chars() {
        match c {
            _ if after_percent => after_percent = false,
            '%' => after_percent = true,
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A literal that looks like a key, an id, a file extension or a code,
/// never like words for a person: `value_eur`, `csv`, `m-0001`, `XLSX`.
fn looks_like_a_key(text: &str) -> bool {
    let text = without_values(text);
    let lower_key = text
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-.:/#*".contains(c));
    let code = text
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    lower_key || code
}

/// Calls whose string argument names something rather than shows it.
const NOT_SHOWN_AFTER: &[&str] = &[
    "Id::new(",
    "id_salt(",
    "push_id(",
    "verbatim(",
    "Panel::top(",
    "Panel::bottom(",
    "Panel::left(",
    "Panel::right(",
    "Plot::new(",
    "Area::new(",
    ".name(",
    "env::var(",
    "include_str!(",
    "include_bytes!(",
    "unreachable!(",
    "debug_assert!(",
    "concat!(",
];

struct Literal {
    line: usize,
    text: String,
}

/// The string literals of `source` that a person would read: outside
/// comments, test modules and attributes (but `#[error(…)]`, which is shown),
/// with words in them, not keys, not after a call that names.
///
/// A comment `// i18n: why` on the literal's line, or alone on the line
/// before, says that the literals there are not shown (text written into a
/// file, say): the reason stays next to the exception.
fn shown_literals(source: &str) -> Vec<Literal> {
    let lines: Vec<&str> = source.lines().collect();
    let marked = |line: usize| {
        let at = |n: usize| {
            n.checked_sub(1)
                .and_then(|n| lines.get(n))
                .copied()
                .unwrap_or("")
        };
        at(line).contains("// i18n:") || (at(line - 1).trim_start().starts_with("// i18n:"))
    };
    let chars: Vec<char> = source.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    let mut line = 1;
    // Depth of braces, and the depth at which a test module started.
    let mut depth = 0usize;
    let mut test_module_at: Option<usize> = None;
    let mut cfg_test_pending = false;
    let mut attribute_depth: Option<usize> = None;
    let mut brackets = 0usize;
    while i < chars.len() {
        let c = chars[i];
        let rest_starts = |s: &str| chars[i..].iter().take(s.len()).copied().eq(s.chars());
        if c == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if rest_starts("//") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if rest_starts("/*") {
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                if chars[i] == '\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 2;
            continue;
        }
        if rest_starts("#[cfg(test)]") {
            cfg_test_pending = true;
        }
        if c == '#' && chars.get(i + 1) == Some(&'[') && attribute_depth.is_none() {
            let shown = rest_starts("#[error(");
            if !shown {
                attribute_depth = Some(brackets);
            }
        }
        match c {
            '[' => brackets += 1,
            ']' => {
                brackets = brackets.saturating_sub(1);
                if attribute_depth == Some(brackets) {
                    attribute_depth = None;
                }
            }
            '{' => {
                if cfg_test_pending && test_module_at.is_none() {
                    test_module_at = Some(depth);
                    cfg_test_pending = false;
                }
                depth += 1;
            }
            '}' => {
                depth = depth.saturating_sub(1);
                if test_module_at == Some(depth) {
                    test_module_at = None;
                }
            }
            ';' => cfg_test_pending = false,
            _ => {}
        }
        // Character literals and lifetimes.
        if c == '\'' {
            if chars.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
                continue;
            }
            if chars.get(i + 2) == Some(&'\'') {
                i += 3;
                continue;
            }
            i += 1;
            continue;
        }
        // String literals: "…", r"…", r#"…"#, b"…", br"…".
        let prev_is_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        let (bytes, raw_start) = if !prev_is_ident && (c == 'b' || c == 'r') {
            let bytes = c == 'b';
            let j = if bytes && chars.get(i + 1) == Some(&'r') {
                i + 2
            } else {
                i + 1
            };
            let is_raw = c == 'r' || j == i + 2;
            let mut k = j;
            while chars.get(k) == Some(&'#') {
                k += 1;
            }
            if chars.get(k) == Some(&'"') && (is_raw || k == j) {
                (bytes, Some((j, k, is_raw)))
            } else {
                (false, None)
            }
        } else {
            (false, None)
        };
        let start = match (c, raw_start) {
            ('"', _) => Some((i + 1, 0usize, false)),
            (_, Some((j, k, is_raw))) => Some((k + 1, k - j, is_raw)),
            _ => None,
        };
        let Some((body, hashes, raw)) = start else {
            i += 1;
            continue;
        };
        let before: String = chars[..i]
            .iter()
            .rev()
            .take(40)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let before = before.trim_end();
        let start_line = line;
        let mut text = String::new();
        let mut k = body;
        while let Some(&ch) = chars.get(k) {
            if ch == '\n' {
                line += 1;
            }
            if !raw && ch == '\\' {
                match chars.get(k + 1) {
                    Some('n') => text.push('\n'),
                    Some('"') => text.push('"'),
                    Some('\\') => text.push('\\'),
                    Some('\n') => {
                        line += 1;
                        k += 2;
                        while chars.get(k).is_some_and(|c| c.is_whitespace()) {
                            if chars[k] == '\n' {
                                line += 1;
                            }
                            k += 1;
                        }
                        continue;
                    }
                    Some(other) => text.push(*other),
                    None => {}
                }
                k += 2;
                continue;
            }
            if ch == '"' && (0..hashes).all(|h| chars.get(k + 1 + h) == Some(&'#')) {
                k += 1 + hashes;
                break;
            }
            text.push(ch);
            k += 1;
        }
        i = k;
        let skipped = bytes
            || test_module_at.is_some()
            || attribute_depth.is_some()
            || NOT_SHOWN_AFTER.iter().any(|call| before.ends_with(call))
            || !has_words(&text)
            || looks_like_a_key(&text)
            || marked(start_line);
        if !skipped {
            found.push(Literal {
                line: start_line,
                text,
            });
        }
    }
    found
}
