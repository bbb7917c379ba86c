//! Liaison Desk: the data of a research network's offices abroad, by zone.
//!
//! The library is the functional core: model, file format, validation,
//! statistics, storage and the command line, all without egui. The desktop
//! app (`app`, behind the default feature `gui`) reads them and proposes
//! changes. Built with `--no-default-features`, the library and the command
//! line have no egui, eframe or rfd at all. See `docs/ARCHITECTURE.md`.

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod countries;
pub mod dashboard;
pub mod delete;
pub mod disk;
pub mod document;
pub mod edit;
pub mod export;
pub mod fields;
pub mod format;
pub mod generate;
pub mod i18n;
pub mod ids;
pub mod import;
pub mod lock;
pub mod lookup;
pub mod merge;
pub mod model;
pub mod progress;
pub mod recovery;
pub mod stats;
pub mod storage;
pub mod validate;
pub mod workspace;
pub mod world;

/// The bundled sample data, opened on the very first start.
pub const SAMPLE_DATA: &str = include_str!("../assets/sample.ron");
