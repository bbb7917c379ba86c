//! The tables, the problems panel, the zones and countries screen, the figures-by-zone table.

crate::messages! {}
