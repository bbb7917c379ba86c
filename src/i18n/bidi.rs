//! Right-to-left words in the order a reader expects.
//!
//! egui shapes each run of text with its font, and Arabic or Hebrew letters
//! come out joined and right to left within a word; but it has no bidi
//! reordering, so the words of an Arabic or Hebrew phrase are laid out left
//! to right, in the order they are stored: "شركة نجد للحفز" would read
//! backwards. [`display_order`] puts the runs of each line in the visual
//! order of the Unicode bidirectional algorithm (`unicode_bidi::BidiInfo`'s
//! visual runs, so numbers, commas and brackets inside an Arabic or Hebrew
//! name land where a reader expects them), and within a right-to-left run
//! reverses the order of its words and punctuation while keeping the letters
//! of each word as they are, for the shaper; brackets in such a run are
//! mirrored. It is for text that is shown, never for text being edited.

use std::borrow::Cow;

use unicode_bidi::{BidiClass, BidiInfo, bidi_class};

/// Whether `c` is a strong right-to-left letter: without one, nothing moves.
fn is_strong_rtl(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// The explicit embeddings, overrides and isolates: invisible, and set aside
/// before the analysis, so that a name made of a hundred of them cannot push
/// the levels to the algorithm's limit.
fn is_explicit_control(c: char) -> bool {
    matches!(
        bidi_class(c),
        BidiClass::LRE
            | BidiClass::RLE
            | BidiClass::LRO
            | BidiClass::RLO
            | BidiClass::PDF
            | BidiClass::LRI
            | BidiClass::RLI
            | BidiClass::FSI
            | BidiClass::PDI
    )
}

/// A character that ends a paragraph (bidi class B).
fn is_paragraph_end(c: char) -> bool {
    bidi_class(c) == BidiClass::B
}

/// `text` in display order (see the [module](self) docs); borrowed as it is
/// when it has no right-to-left letter.
pub fn display_order(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_strong_rtl) {
        return Cow::Borrowed(text);
    }
    let plain: String = text.chars().filter(|&c| !is_explicit_control(c)).collect();
    let info = BidiInfo::new(&plain, None);
    let mut out = String::with_capacity(plain.len());
    for paragraph in &info.paragraphs {
        let whole = paragraph.range.clone();
        let Some(body) = plain.get(whole.clone()) else {
            continue;
        };
        let body_end = whole.start + body.trim_end_matches(is_paragraph_end).len();
        if body_end > whole.start {
            let (levels, runs) = info.visual_runs(paragraph, whole.start..body_end);
            for run in runs {
                let Some(piece) = plain.get(run.clone()) else {
                    continue;
                };
                if levels.get(run.start).is_some_and(|level| level.is_rtl()) {
                    push_right_to_left(&mut out, piece);
                } else {
                    out.push_str(piece);
                }
            }
        }
        out.push_str(plain.get(body_end..whole.end).unwrap_or_default());
    }
    Cow::Owned(out)
}

/// Whether `c` belongs to a word: letters, digits and the marks on them, not
/// spaces or punctuation.
fn in_word(c: char) -> bool {
    !c.is_whitespace()
        && !matches!(
            bidi_class(c),
            BidiClass::WS
                | BidiClass::ON
                | BidiClass::CS
                | BidiClass::ES
                | BidiClass::ET
                | BidiClass::S
                | BidiClass::B
        )
}

/// A bracket seen from the other side, as a right-to-left run shows it.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

/// Appends a right-to-left run: its words and the characters between them
/// in reverse order, each word's letters kept in order for the shaper.
fn push_right_to_left(out: &mut String, run: &str) {
    let mut pieces: Vec<&str> = Vec::new();
    let mut word_start: Option<usize> = None;
    for (i, c) in run.char_indices() {
        if in_word(c) {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            pieces.push(run.get(start..i).unwrap_or_default());
        }
        pieces.push(run.get(i..i + c.len_utf8()).unwrap_or_default());
    }
    if let Some(start) = word_start {
        pieces.push(run.get(start..).unwrap_or_default());
    }
    for piece in pieces.iter().rev() {
        let mut chars = piece.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => out.push(mirrored(c)),
            _ => out.push_str(piece),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_right_to_left_letters_is_untouched() {
        for text in ["Acme Bio Inc.", "株式会社日立製作所", "Газпром нефть", ""]
        {
            assert!(matches!(display_order(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn the_words_of_a_right_to_left_phrase_are_reversed_not_their_letters() {
        assert_eq!(display_order("شركة نجد للحفز"), "للحفز نجد شركة");
        assert_eq!(display_order("טבע תעשיות"), "תעשיות טבע");
        assert_eq!(display_order("أرامكو"), "أرامكو");
    }

    #[test]
    fn a_phrase_inside_latin_text_is_reversed_in_place() {
        assert_eq!(
            display_order("Najd Catalysis Co. (شركة نجد للحفز)"),
            "Najd Catalysis Co. (للحفز نجد شركة)"
        );
        assert_eq!(
            display_order("Hermon Neurotech Ltd. — חרמון נוירוטק, Haifa"),
            "Hermon Neurotech Ltd. — נוירוטק חרמון, Haifa"
        );
    }

    #[test]
    fn a_number_inside_a_right_to_left_name_stays_between_its_words() {
        // Read right to left: "company", "2000", "catalysis".
        assert_eq!(display_order("شركة 2000 للحفز"), "للحفز 2000 شركة");
        assert_eq!(display_order("מכון 3 ויצמן"), "ויצמן 3 מכון");
    }

    #[test]
    fn a_comma_inside_a_right_to_left_phrase_moves_with_it() {
        // The comma follows its word in reading order: to its left.
        assert_eq!(display_order("נוירוטק, חרמון"), "חרמון ,נוירוטק");
        assert_eq!(display_order("نجد، للحفز"), "للحفز ،نجد");
    }

    #[test]
    fn brackets_inside_a_right_to_left_phrase_are_mirrored() {
        assert_eq!(display_order("شركة (نجد) للحفز"), "للحفز (نجد) شركة");
    }

    #[test]
    fn each_line_is_ordered_on_its_own() {
        assert_eq!(
            display_order("טבע תעשיות\nAcme Bio\n"),
            "תעשיות טבע\nAcme Bio\n"
        );
    }

    #[test]
    fn explicit_direction_controls_cannot_break_it() {
        let hostile = format!("{}شركة 1", "\u{202B}".repeat(200));
        assert_eq!(display_order(&hostile), "1 شركة");
    }

    proptest::proptest! {
        #[test]
        fn any_text_keeps_its_characters_and_never_panics(text in "[\\PC\u{202A}-\u{202E}\u{2066}-\u{2069}\n ,()0-9a-zאבגشرك]{0,40}") {
            let shown = display_order(&text);
            let kept = text.chars().filter(|&c| !is_explicit_control(c)).count();
            if text.chars().any(is_strong_rtl) {
                proptest::prop_assert_eq!(shown.chars().count(), kept);
            } else {
                proptest::prop_assert_eq!(shown.as_ref(), text.as_str());
            }
        }
    }
}
