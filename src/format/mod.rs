//! The data file format v1: reading ([`read`]) and writing ([`write`]).
//!
//! `docs/FORMAT.md` is the contract; this module implements it. It knows
//! nothing of files on disk (see [`crate::storage`]) nor of validation rules
//! beyond syntax and types (see [`crate::validate`]).

// Data from a file is read with `.get()`, never a panicking index.
#![deny(clippy::indexing_slicing)]

pub mod lexical;
pub mod read;
pub mod write;

pub use read::{Parsed, ReadError, has_comments, parse_bytes, parse_str};
pub use write::to_ron_string;
