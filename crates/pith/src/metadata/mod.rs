//! Metadata stage: title, dates, authors, site, language, image, tags.
//!
//! Reads the same parsed tree as extraction; never mutates it.

use serde::Serialize;
use url::Url;

use crate::dom::Dom;

/// Everything known about the page besides its body. Field names are part of
/// the JSON output and stable.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metadata {
    /// The article's headline, without a site-name suffix.
    pub title: Option<String>,
    /// Original publication date, ISO 8601 (`2022-02-28` or `2022-02-28T09:30:00+03:00`).
    pub date: Option<String>,
    /// Last modification date, ISO 8601, when the page gives one apart from `date`.
    pub date_modified: Option<String>,
    /// Person names, in byline order.
    pub authors: Vec<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
    /// BCP 47 language tag (`en`, `de`, `pt-BR`).
    pub language: Option<String>,
    /// The lead image's absolute URL.
    pub image: Option<String>,
    pub tags: Vec<String>,
    pub categories: Vec<String>,
    pub canonical_url: Option<String>,
}

/// What the metadata stage knows besides the tree.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The page's address.
    pub url: Option<&'a Url>,
    /// Reference time in seconds since the Unix epoch (see [`crate::Options::now`]).
    pub now: Option<i64>,
}

/// Extract the page's metadata.
pub fn extract(dom: &Dom, ctx: &Context<'_>) -> Metadata {
    let _ = (dom, ctx);
    Metadata::default()
}
