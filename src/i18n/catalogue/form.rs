//! The record forms: field labels, hints, choices, validation as you type.

crate::messages! {}
