//! Import, export and merge: their dialogs, previews, reports and column headers.

crate::messages! {}
