//! One problem found in a data file, as loading and `lint` report it.

use crate::error::Error;
use std::fmt;

/// One problem found in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.file, self.message),
            (Some(l), None) => write!(f, "{}:{l}: {}", self.file, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl Finding {
    /// The finding as a load error.
    pub fn into_error(self) -> Error {
        match (self.line, self.column) {
            (Some(line), Some(column)) => Error::Yaml {
                file: self.file,
                line,
                column,
                message: self.message,
            },
            _ => Error::Data {
                file: match self.line {
                    Some(l) => format!("{}:{l}", self.file),
                    None => self.file,
                },
                message: self.message,
            },
        }
    }
}
