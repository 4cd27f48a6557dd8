//! sdcoach: an offline coach for system-design interviews.
//!
//! The library is layered; a module imports only the ones listed after it
//! (CONTRIBUTING.md says what each holds, `tests/structure.rs` checks it):
//! [`session`], [`report`], [`drill`], [`review`], [`settings`], [`transcript`],
//! [`grading`], [`lint`], [`diagram`], [`estimation`], [`catalog`], [`framework`],
//! [`error`]. The command line lives with the binary (`src/cli`).

pub mod session;

pub mod report;

pub mod drill;

pub mod review;

pub mod settings;

pub mod transcript;

pub mod grading;

pub mod lint;

pub mod diagram;

pub mod estimation;

pub mod catalog;

pub mod framework;

pub mod error;

pub use error::{Error, Result};
