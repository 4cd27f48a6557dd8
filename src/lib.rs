//! sdcoach: an offline coach for system-design interviews.
//!
//! Data flows one way: files -> [`catalog`] -> ([`session`] ->) [`transcript`]
//! -> [`grading`] -> [`report`]. Only [`cli`] knows about the command line.

pub mod catalog;
pub mod error;

pub mod estimation;
pub mod framework;
pub mod grading;
pub mod lint;
pub mod report;
pub mod review;

pub use error::{Error, Result};
pub mod session;
pub mod transcript;
