//! Exit codes: the library's, in one place (`sdcoach::error::exit`).

pub use sdcoach::error::exit::*;
