//! Messages of the core: errors reading and writing files, validation problems, locks, recovery, deletion.

crate::messages! {}
