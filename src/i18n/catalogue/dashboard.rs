//! The dashboard: key figures, charts, their axes and tooltips, the world map, filters.

crate::messages! {}
