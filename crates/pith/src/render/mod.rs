//! Render stage: Markdown, text, HTML and JSON, all from [`crate::ir`].
//!
//! Each renderer writes into one `String` reused across the whole document.

mod html;
mod markdown;

use serde_json::json;

use crate::ir::{inlines_text_into, Block, Inline};
use crate::{Extraction, LinkMode};

pub use markdown::{body_markdown, escape_inline};

/// How to render.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    pub links: LinkMode,
    /// Write images (`![alt](src)`), not only their captions.
    pub images: bool,
}

/// The whole document: title, date, body, comments and footer.
pub fn markdown(ex: &Extraction, o: &RenderOptions) -> String {
    markdown::document(ex, o)
}

/// The body as plain text: blocks separated by blank lines, list items and
/// table rows on lines of their own, figures left out. This is what
/// accuracy is scored on.
pub fn text(ex: &Extraction) -> String {
    let mut out = String::new();
    if let Some(a) = &ex.article {
        blocks_text(&a.blocks, &mut out);
    }
    out.truncate(out.trim_end().len());
    out
}

/// Text of the comments section, same form as [`text`].
pub fn comments_text(ex: &Extraction) -> String {
    let mut out = String::new();
    if let Some(a) = &ex.article {
        blocks_text(&a.comments, &mut out);
    }
    out.truncate(out.trim_end().len());
    out
}

fn blocks_text(blocks: &[Block], out: &mut String) {
    for b in blocks {
        block_text(b, out);
    }
}

fn block_text(b: &Block, out: &mut String) {
    let start = out.len();
    match b {
        Block::Heading { content, .. } | Block::Paragraph(content) => {
            inlines_text_into(content, out)
        }
        Block::List(l) => {
            for item in &l.items {
                let s = out.len();
                for (i, blk) in item.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    let mut tmp = String::new();
                    block_text(blk, &mut tmp);
                    out.push_str(tmp.trim_end());
                }
                if out.len() > s {
                    out.push('\n');
                }
            }
        }
        Block::Quote(v) => {
            let mut tmp = String::new();
            blocks_text(v, &mut tmp);
            out.push_str(tmp.trim_end());
        }
        Block::Code { text, .. } => out.push_str(text),
        Block::Table(t) => {
            for row in &t.rows {
                for (i, cell) in row.cells.iter().enumerate() {
                    if i > 0 {
                        out.push_str(" | ");
                    }
                    inlines_text_into(cell, out);
                }
                out.push('\n');
            }
        }
        // Captions and credits describe a picture; they are not the running
        // text (the scrapinghub and trafilatura ground truths agree).
        Block::Figure(_) | Block::Rule => {}
    }
    let trimmed = out.trim_end().len();
    if trimmed > start {
        out.truncate(trimmed);
        out.push_str("\n\n");
    } else {
        out.truncate(start);
    }
}

/// The cleaned article as minimal HTML.
pub fn html(ex: &Extraction, o: &RenderOptions) -> String {
    html::document(ex, o)
}

/// One JSON object with the metadata, the Markdown and the text. Field
/// names are stable (see the README).
pub fn json(ex: &Extraction, o: &RenderOptions) -> serde_json::Value {
    let m = &ex.metadata;
    let has_article = ex.article.is_some();
    json!({
        "url": ex.url,
        "title": m.title,
        "date": m.date,
        "date_modified": m.date_modified,
        "authors": m.authors,
        "site_name": m.site_name,
        "description": m.description,
        "language": m.language,
        "image": m.image,
        "tags": m.tags,
        "categories": m.categories,
        "canonical_url": m.canonical_url,
        "markdown": has_article.then(|| markdown(ex, o)),
        "text": has_article.then(|| text(ex)),
        "comments": ex.article.as_ref().filter(|a| !a.comments.is_empty()).map(|_| comments_text(ex)),
        "encoding": ex.encoding,
        "confidence": (ex.confidence * 1000.0).round() / 1000.0,
        "page_type": ex.page_type.as_str(),
        "page_type_confidence": (f64::from(ex.page_type_confidence) * 1000.0).round() / 1000.0,
        "truncated": (!ex.truncated.is_empty()).then(|| {
            ex.truncated
                .iter()
                .map(|t| json!({"reason": t.limit.name(), "message": t.message}))
                .collect::<Vec<_>>()
        }),
    })
}

/// The target of a link as the link mode wants it; `None`: text only.
fn link_target(href: &str, mode: LinkMode) -> Option<&str> {
    match mode {
        LinkMode::Keep => Some(href),
        LinkMode::Strip => Some("#"),
        LinkMode::Drop => None,
    }
}

/// Format an ISO date's day as `February 28, 2022`.
pub fn human_date(iso: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let y: u32 = iso.get(0..4)?.parse().ok()?;
    if iso.len() == 4 {
        return Some(y.to_string());
    }
    if iso.get(4..5)? != "-" {
        return None;
    }
    let m: usize = iso.get(5..7)?.parse().ok()?;
    let month = MONTHS.get(m.checked_sub(1)?)?;
    match iso.get(8..10).and_then(|d| d.parse::<u32>().ok()) {
        Some(d) if (1..=31).contains(&d) => Some(format!("{month} {d}, {y}")),
        _ => Some(format!("{month} {y}")),
    }
}

/// Is this inline run only images (a paragraph that is a picture)?
fn only_images(v: &[Inline]) -> bool {
    !v.is_empty()
        && v.iter().all(|i| match i {
            Inline::Image(_) | Inline::LineBreak => true,
            Inline::Text(t) => t.trim().is_empty(),
            Inline::Link { content, .. } => only_images(content),
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_dates() {
        assert_eq!(
            human_date("2022-02-28").as_deref(),
            Some("February 28, 2022")
        );
        assert_eq!(
            human_date("2022-02-03T10:00:00+03:00").as_deref(),
            Some("February 3, 2022")
        );
        assert_eq!(human_date("2022-13-01"), None);
        assert_eq!(human_date("nonsense"), None);
    }
}
