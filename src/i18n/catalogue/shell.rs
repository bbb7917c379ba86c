//! The window around the screens: menus, navigation, status bar, file
//! dialogs, questions before closing, busy and error windows.

crate::messages! {
    /// The View menu's submenu of languages.
    LANGUAGE = "Language" | "Langue";
}
