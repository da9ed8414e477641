//! Render stage: Markdown, text, HTML and JSON, all from [`crate::ir`].

use crate::{Extraction, LinkMode};

/// How to render.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    pub links: LinkMode,
    /// Write images (`![alt](src)`), not only their captions.
    pub images: bool,
}

pub fn markdown(ex: &Extraction, o: &RenderOptions) -> String {
    let _ = (ex, o);
    String::new()
}

pub fn text(ex: &Extraction) -> String {
    let _ = ex;
    String::new()
}

pub fn html(ex: &Extraction, o: &RenderOptions) -> String {
    let _ = (ex, o);
    String::new()
}

pub fn json(ex: &Extraction, o: &RenderOptions) -> serde_json::Value {
    let _ = (ex, o);
    serde_json::Value::Null
}
