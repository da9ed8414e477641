//! Typed errors. "No article on this page" is not an error: it is an
//! [`crate::Extraction`] whose `article` is `None`.

use std::fmt;

/// What went wrong, broadly. New kinds may be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is larger than [`crate::Limits::max_bytes`].
    TooLarge,
    /// The caller named a character encoding that does not exist.
    UnknownEncoding,
    /// The input does not look like HTML at all (binary data).
    NotHtml,
    /// An option value is not valid (a malformed URL, for instance).
    InvalidOption,
    /// The extraction ran past [`crate::Limits::time_budget`].
    TimedOut,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorKind::TooLarge => "input too large",
            ErrorKind::UnknownEncoding => "unknown encoding",
            ErrorKind::NotHtml => "input is not HTML",
            ErrorKind::InvalidOption => "invalid option",
            ErrorKind::TimedOut => "time budget exceeded",
        })
    }
}

/// An error from the library: a kind to match on and a message for people.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{kind}: {message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// The broad kind of the error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}
