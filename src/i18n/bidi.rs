//! Right-to-left words in the order a reader expects.
//!
//! egui shapes each run of text with its font, and Arabic or Hebrew letters
//! come out joined and right to left within a word; but it has no bidi
//! reordering, so the words of an Arabic or Hebrew phrase are laid out left
//! to right, in the order they are stored: "شركة نجد للحفز" would read
//! backwards. [`display_order`] reverses the order of the words of each
//! right-to-left phrase (keeping the letters of each word as they are, for
//! the shaper), so that such a phrase reads correctly inside Latin text or
//! on its own. It is for text that is shown, never for text being edited.

use std::borrow::Cow;

use unicode_bidi::{BidiClass, bidi_class};

/// Kinds of the pieces a text is cut into.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Right-to-left letters, with their marks and Arabic digits.
    Rtl,
    /// White space.
    Space,
    /// Anything else: Latin, digits, punctuation, brackets.
    Other,
}

fn kind(c: char) -> Kind {
    match bidi_class(c) {
        BidiClass::R | BidiClass::AL | BidiClass::AN => Kind::Rtl,
        // Marks and joiners stay with the letters they follow.
        BidiClass::NSM | BidiClass::BN => Kind::Rtl,
        BidiClass::WS | BidiClass::B | BidiClass::S => Kind::Space,
        _ => Kind::Other,
    }
}

/// `text` with the words of each right-to-left phrase in display order;
/// borrowed as it is when it has no right-to-left letter.
pub fn display_order(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
    {
        return Cow::Borrowed(text);
    }
    let mut pieces: Vec<(&str, Kind)> = Vec::new();
    let mut start = 0;
    let mut current: Option<Kind> = None;
    for (i, c) in text.char_indices() {
        let mut k = kind(c);
        // A mark after anything but a right-to-left letter stays with it.
        if k == Kind::Rtl
            && matches!(bidi_class(c), BidiClass::NSM | BidiClass::BN)
            && current != Some(Kind::Rtl)
        {
            k = current.unwrap_or(Kind::Other);
        }
        if let Some(was) = current
            && was != k
        {
            pieces.push((&text[start..i], was));
            start = i;
        }
        current = Some(k);
    }
    if let Some(last) = current {
        pieces.push((&text[start..], last));
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&(piece, k)) = pieces.get(i) {
        if k != Kind::Rtl {
            out.push_str(piece);
            i += 1;
            continue;
        }
        // A phrase: right-to-left words joined by white space only.
        let mut end = i + 1;
        while pieces.get(end).is_some_and(|p| p.1 == Kind::Space)
            && pieces.get(end + 1).is_some_and(|p| p.1 == Kind::Rtl)
        {
            end += 2;
        }
        for (word, _) in pieces.get(i..end).unwrap_or_default().iter().rev() {
            out.push_str(word);
        }
        i = end;
    }
    Cow::Owned(out)
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
}
