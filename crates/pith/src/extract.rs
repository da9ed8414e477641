//! Extract stage: find the article in the tree and build the IR.

use url::Url;

use crate::dom::Dom;
use crate::ir::Article;
use crate::metadata::Metadata;
use crate::Options;

/// What the extract stage found.
#[derive(Debug, Default)]
pub struct Found {
    pub article: Option<Article>,
    pub confidence: f32,
}

/// Find the article.
pub fn article(dom: &Dom, meta: &Metadata, url: Option<&Url>, options: &Options) -> Found {
    let _ = (dom, meta, url, options);
    Found::default()
}
