//! The interface's words in English and French: one message catalogue, the
//! language in use, and numbers, amounts and dates written the way each
//! language writes them.
//!
//! Every text the app shows is a [`Msg`] from [`catalogue`]: a constant
//! holding its English and its French, written side by side so that one cannot
//! be added without the other (the [`messages!`](crate::messages) macro
//! refuses a message with one language). A message with values to fill names
//! them in braces, `"{count} meetings"`, and is filled with [`Msg::with`].
//!
//! The language in use belongs to the thread ([`current`], [`set_language`]):
//! the app sets it at the start of every frame from its settings, and hands it
//! to the threads it starts ([`crate::progress::Task`]), so that messages made
//! there (an error while opening, a validation problem) speak it too. A thread
//! nobody set speaks English: the command line is for scripts, and its output
//! stays the same whatever the machine's locale.
//!
//! Architecture invariant: no egui, no I/O. Code that shows text takes it from
//! here; `tests/i18n.rs` fails on a text shown from anywhere else, and on a
//! message whose two languages do not name the same values.

pub mod bidi;
pub mod catalogue;
mod format;

use std::cell::Cell;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use format::{amount_eur, count, date, decimal, euros_short, iso_or_date, quarter};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Language {
    /// English.
    #[default]
    English,
    /// French.
    French,
}

impl Language {
    /// Every language, in the order the View menu lists them.
    pub const ALL: [Language; 2] = [Language::English, Language::French];

    /// The language's own name for itself ("Français"), as a menu lists it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::French => "Français",
        }
    }

    /// The language a locale such as `fr-FR`, `fr_CA.UTF-8` or `en-US` asks
    /// for; English for any other language, since the interface has no third.
    pub fn from_locale(locale: &str) -> Language {
        let primary = locale
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if primary == "fr" {
            Language::French
        } else {
            Language::English
        }
    }

    /// The language of the system's locale (`LANG`, `LC_ALL` on Linux; the
    /// user's preferred language on Windows and macOS), English when the
    /// system does not say.
    pub fn from_system() -> Language {
        sys_locale::get_locale()
            .map(|locale| Language::from_locale(&locale))
            .unwrap_or_default()
    }
}

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::English) };
}

/// The language this thread speaks.
pub fn current() -> Language {
    CURRENT.with(Cell::get)
}

/// Makes this thread speak `language` from now on.
pub fn set_language(language: Language) {
    CURRENT.with(|current| current.set(language));
}

/// A text of the interface, in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Msg {
    /// Where it is defined, `shell::OPEN`: how tests and translators name it.
    pub key: &'static str,
    /// In English.
    pub en: &'static str,
    /// In French.
    pub fr: &'static str,
}

impl Msg {
    /// The text in the language this thread speaks.
    pub fn text(self) -> &'static str {
        self.text_in(current())
    }

    /// The text in `language`.
    pub fn text_in(self, language: Language) -> &'static str {
        match language {
            Language::English => self.en,
            Language::French => self.fr,
        }
    }

    /// The text with each `{name}` replaced by its value; a name not given
    /// stays as written, so that a mistake shows instead of vanishing.
    pub fn with(self, values: &[(&str, &dyn fmt::Display)]) -> String {
        fill(self.text(), values)
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

impl From<Msg> for String {
    fn from(msg: Msg) -> Self {
        msg.text().to_owned()
    }
}

/// One of two messages by count, as each language agrees nouns: English
/// says "1 meeting, 0 meetings", French "1 réunion, 0 réunion".
pub fn plural(n: u64, one: Msg, other: Msg) -> Msg {
    let singular = match current() {
        Language::English => n == 1,
        Language::French => n < 2,
    };
    if singular { one } else { other }
}

/// A count and its noun, `"3 meetings"`: `one` and `other` name the value
/// `{count}`, written with [`count`].
pub fn counted(n: u64, one: Msg, other: Msg) -> String {
    plural(n, one, other).with(&[("count", &count(n))])
}

/// Replaces each `{name}` of `template` by its value.
pub fn fill(template: &str, values: &[(&str, &dyn fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (close, *value))
        });
        match value {
            Some((close, value)) => {
                use fmt::Write as _;
                write!(out, "{value}").ok();
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names in braces of a message, in order: what [`Msg::with`] fills.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                names.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    names
}

/// Text shown as it is in every language: a product name, a file
/// extension, a code. The catalogue's test accepts a literal shown through
/// this function, so that each exception is visible where it is made.
pub fn verbatim(text: &str) -> &str {
    text
}

/// Defines messages: `NAME = "English" | "Français";`, each a public [`Msg`]
/// constant, and `ALL`, every message of the module, for the tests.
#[macro_export]
macro_rules! messages {
    ($( $(#[$doc:meta])* $name:ident = $en:literal | $fr:literal ;)*) => {
        $(
            $(#[$doc])*
            pub const $name: $crate::i18n::Msg = $crate::i18n::Msg {
                key: concat!(module_path!(), "::", stringify!($name)),
                en: $en,
                fr: $fr,
            };
        )*
        /// Every message of this part of the catalogue.
        pub const ALL: &[$crate::i18n::Msg] = &[$($name),*];
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    const MEETING: Msg = Msg {
        key: "t::MEETING",
        en: "{count} meeting",
        fr: "{count} réunion",
    };
    const MEETINGS: Msg = Msg {
        key: "t::MEETINGS",
        en: "{count} meetings",
        fr: "{count} réunions",
    };

    #[test]
    fn a_locale_picks_french_only_when_it_is_french() {
        for locale in ["fr", "fr-FR", "fr_CA.UTF-8", "FR-be", "fr@euro"] {
            assert_eq!(Language::from_locale(locale), Language::French, "{locale}");
        }
        for locale in ["en-US", "de_DE.UTF-8", "C", "POSIX", "", "fra"] {
            assert_eq!(Language::from_locale(locale), Language::English, "{locale}");
        }
    }

    #[test]
    fn each_thread_speaks_its_own_language() {
        set_language(Language::French);
        assert_eq!(MEETING.text(), "{count} réunion");
        let other = std::thread::spawn(|| MEETING.text()).join().unwrap();
        assert_eq!(other, "{count} meeting");
        set_language(Language::English);
    }

    #[test]
    fn counts_agree_with_their_noun_in_each_language() {
        set_language(Language::English);
        assert_eq!(counted(0, MEETING, MEETINGS), "0 meetings");
        assert_eq!(counted(1, MEETING, MEETINGS), "1 meeting");
        assert_eq!(counted(12_345, MEETING, MEETINGS), "12,345 meetings");
        set_language(Language::French);
        assert_eq!(counted(0, MEETING, MEETINGS), "0 réunion");
        assert_eq!(counted(1, MEETING, MEETINGS), "1 réunion");
        assert_eq!(counted(2, MEETING, MEETINGS), "2 réunions");
        assert_eq!(counted(12_345, MEETING, MEETINGS), "12\u{a0}345 réunions");
        set_language(Language::English);
    }

    #[test]
    fn filling_replaces_named_values_and_keeps_unknown_ones() {
        assert_eq!(
            fill("{a} and {b}, {c}", &[("a", &1), ("b", &"two")]),
            "1 and two, {c}"
        );
        assert_eq!(fill("no values", &[]), "no values");
        assert_eq!(fill("open { brace", &[("x", &1)]), "open { brace");
        assert_eq!(placeholders("{a} and {b}, {c}"), vec!["a", "b", "c"]);
    }
}
