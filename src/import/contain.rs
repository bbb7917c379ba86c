//! Containing a panic of a third-party reader: a damaged file must give an
//! error, never a crash (the `.xls` reader panics on some damaged files).
//!
//! The panic is caught at the reader's boundary and its message is kept
//! from the terminal and from the crash-recovery hook: it was expected, and
//! the caller reports the file as damaged in its own words.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Whether this thread is inside [`contained`] (its panics are quiet).
    static CONTAINING: Cell<bool> = const { Cell::new(false) };
}

static QUIET_HOOK: Once = Once::new();

/// Runs `read`, and returns `None` if it panicked instead of returning.
///
/// A reader that panics may leave what it was building half done; nothing
/// it touched is used afterwards (it owns its state), so unwinding out of
/// it is safe.
pub fn contained<T>(read: impl FnOnce() -> T) -> Option<T> {
    QUIET_HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !CONTAINING.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let outer = CONTAINING.with(|containing| containing.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(read));
    CONTAINING.with(|containing| containing.set(outer));
    result.ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_none_and_a_value_passes() {
        assert_eq!(contained(|| 7), Some(7));
        let none: Option<()> = contained(|| panic!("a reader's assertion"));
        assert_eq!(none, None);
        // Panics outside are not contained (and reach the hook as before).
        assert!(panic::catch_unwind(|| panic!("outside")).is_err());
    }
}
