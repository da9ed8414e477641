//! Settings for one extraction.

use crate::dom::ParseLimits;

/// What to do with hyperlinks in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LinkMode {
    /// Keep links with their (resolved) targets.
    #[default]
    Keep,
    /// Keep the link text and its brackets but replace the target with `#`.
    Strip,
    /// Keep the text only.
    Drop,
}

/// Resource limits. Every input ends in a result or an error within them.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Inputs larger than this are refused with [`crate::ErrorKind::TooLarge`].
    pub max_bytes: usize,
    /// The tree stops growing at this many nodes (the rest of the page is dropped).
    pub max_nodes: usize,
    /// Elements nested deeper than this are flattened into their ancestor.
    pub max_depth: u32,
    /// Elements open at once in the parser; past it the rest of the page is
    /// dropped (see [`crate::dom::ParseLimits::max_open_elements`]).
    pub max_open_elements: usize,
    /// Attributes kept per tag (html5ever's duplicate check is quadratic).
    pub max_attributes: usize,
    /// Time allowed to one extraction. When it passes, [`crate::extract()`]
    /// stops and returns [`crate::ErrorKind::TimedOut`]; the clock is
    /// checked inside the parse and between stages, so a page ends within
    /// a small multiple of the budget. `None`: no deadline.
    pub time_budget: Option<std::time::Duration>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // Real article pages are under 5 MB; 64 MB leaves room for pages
            // with inlined assets while bounding memory to a few hundred MB.
            max_bytes: 64 << 20,
            max_nodes: 2_000_000,
            // Real pages stay under ~60 levels; 256 keeps every recursion small.
            max_depth: 256,
            max_open_elements: ParseLimits::default().max_open_elements,
            max_attributes: ParseLimits::default().max_attributes,
            time_budget: None,
        }
    }
}

impl Limits {
    pub(crate) fn parse_limits(&self, deadline: Option<std::time::Instant>) -> ParseLimits {
        ParseLimits {
            max_nodes: self.max_nodes,
            max_depth: self.max_depth,
            max_open_elements: self.max_open_elements,
            max_attributes: self.max_attributes,
            deadline,
        }
    }
}

/// Options for [`crate::extract()`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The page's address: resolves relative links and fills the footer.
    pub url: Option<String>,
    /// An encoding label given by the caller (HTTP header, command line); it
    /// beats `<meta charset>` but not a byte-order mark.
    pub charset: Option<String>,
    /// Keep comments, rendered in their own section after the body.
    pub comments: bool,
    /// Reference time (seconds since the Unix epoch) for relative dates such
    /// as "3 hours ago", and the upper bound for plausible dates. `None`: the
    /// clock is not read, relative dates are ignored, and dates up to a day
    /// after the present are accepted.
    pub now: Option<i64>,
    pub limits: Limits,
}
