//! The systems under evaluation: pith in-process, and other tools' outputs
//! read from files (`--peers`). Both end as one [`Output`] per page, which is
//! all the scoring code sees.

use std::collections::HashMap;
use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::data::Page;
use crate::markdown;

/// What one system produced for one page.
#[derive(Debug, Clone, Default)]
pub struct Output {
    /// Body as plain text (scored by the text metrics).
    pub text: String,
    /// Body as Markdown, without title, date line or footer (defuddle).
    pub markdown: String,
    /// pith's whole Markdown document, for `--page`.
    pub full_markdown: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub date: Option<String>,
    pub site_name: Option<String>,
    /// Time spent on this page.
    pub seconds: f64,
    /// The page failed (an `Err`, or the tool's own error): scored as empty.
    pub error: Option<String>,
    /// A peer file had no line for this page: scored as empty.
    pub missing: bool,
    pub encoding: Option<&'static str>,
    pub confidence: Option<f32>,
    /// The page type pith reported (`article`, `forum`, …).
    pub page_type: Option<&'static str>,
    /// Markdown fidelity of this page (pith only; see [`crate::fidelity`]).
    pub fidelity: Option<crate::fidelity::Fidelity>,
}

/// What a set scores, which decides what is timed with `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    Text,
    Markdown,
    /// Metadata only (htmldate-eval).
    None,
}

pub fn rendering_for(set: &str) -> Rendering {
    match set {
        "defuddle" => Rendering::Markdown,
        "htmldate-eval" => Rendering::None,
        _ => Rendering::Text,
    }
}

/// Options for one page. A URL that does not parse is left out rather than
/// turned into an `InvalidOption` error, so every page is extracted.
fn options_for(page: &Page) -> pith::Options {
    pith::Options {
        url: page
            .url
            .as_deref()
            .filter(|u| url::Url::parse(u).is_ok())
            .map(str::to_string),
        ..Default::default()
    }
}

/// The body Markdown of an extraction (no title, date line or footer).
pub fn body_markdown(ex: &pith::Extraction, ro: &pith::RenderOptions) -> String {
    pith::render::body_markdown(ex, ro)
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".into())
}

/// Run pith on every page, one thread. Only `extract` and the rendering the
/// set scores are timed; the other renderings are made afterwards.
pub fn run_pith(set: &str, pages: &[Page]) -> Vec<Output> {
    let rendering = rendering_for(set);
    // Images are one of the structures the defuddle set is compared on.
    let ro = pith::RenderOptions {
        images: true,
        ..Default::default()
    };
    // Warm-up, untimed: the first extraction of a process builds pith's
    // lazily compiled tables, which is not the cost of any one page.
    if let Some(p) = pages.first() {
        let _ = catch_unwind(|| pith::extract(&p.html, &options_for(p)).map(|e| e.to_text()));
    }
    pages
        .iter()
        .map(|page| {
            let opts = options_for(page);
            let start = Instant::now();
            // The library must never panic; when it does, the page is listed
            // as failed and the run goes on.
            let res = catch_unwind(AssertUnwindSafe(|| {
                let res = pith::extract(&page.html, &opts);
                let timed = match (&res, rendering) {
                    (Ok(ex), Rendering::Text) => ex.to_text(),
                    (Ok(ex), Rendering::Markdown) => body_markdown(ex, &ro),
                    _ => String::new(),
                };
                (res, timed)
            }));
            let seconds = start.elapsed().as_secs_f64();
            let (res, timed) = match res {
                Ok((Ok(ex), timed)) => (Ok(ex), timed),
                Ok((Err(e), _)) => (Err(e.to_string()), String::new()),
                Err(p) => (Err(format!("PANIC: {}", panic_message(&*p))), String::new()),
            };
            match res {
                Ok(ex) => {
                    let full = ex.to_markdown(&ro);
                    let (text, md) = match rendering {
                        Rendering::Text => (timed, body_markdown(&ex, &ro)),
                        Rendering::Markdown => (ex.to_text(), timed),
                        Rendering::None => (ex.to_text(), body_markdown(&ex, &ro)),
                    };
                    let blocks = ex.article.as_ref().map_or(&[][..], |a| &a.blocks[..]);
                    let fidelity = Some(crate::fidelity::check(&page.html, &md, &text, blocks));
                    let m = ex.metadata;
                    Output {
                        text,
                        markdown: md,
                        full_markdown: Some(full),
                        title: m.title,
                        authors: m.authors,
                        date: m.date,
                        site_name: m.site_name,
                        seconds,
                        error: None,
                        missing: false,
                        encoding: Some(ex.encoding),
                        confidence: Some(ex.confidence),
                        page_type: Some(ex.page_type.as_str()),
                        fidelity,
                    }
                }
                Err(e) => Output {
                    seconds,
                    error: Some(e),
                    ..Default::default()
                },
            }
        })
        .collect()
}

/// The speed reference: decode and parse only, per page seconds.
pub fn run_parse_only(pages: &[Page]) -> Vec<f64> {
    pages
        .iter()
        .map(|page| {
            let start = Instant::now();
            let _ = catch_unwind(|| {
                if let Ok(d) = pith::input::decode(&page.html, None) {
                    let dom = pith::dom::Dom::parse(&d.text, Default::default());
                    black_box(dom.len());
                }
            });
            start.elapsed().as_secs_f64()
        })
        .collect()
}

/// One line of a peer file `DIR/<tool>/<set>.jsonl`.
#[derive(Debug, Deserialize)]
struct PeerLine {
    id: String,
    text: Option<String>,
    markdown: Option<String>,
    title: Option<String>,
    authors: Option<Vec<String>>,
    date: Option<String>,
    site_name: Option<String>,
    seconds: Option<f64>,
    error: Option<String>,
}

impl From<PeerLine> for Output {
    fn from(l: PeerLine) -> Output {
        let text = match (&l.text, &l.markdown) {
            (Some(t), _) => t.clone(),
            (None, Some(m)) => markdown::text_of(m),
            (None, None) => String::new(),
        };
        Output {
            markdown: l.markdown.or(l.text).unwrap_or_default(),
            text,
            full_markdown: None,
            title: l.title,
            authors: l.authors.unwrap_or_default(),
            date: l.date,
            site_name: l.site_name,
            seconds: l.seconds.unwrap_or(0.0),
            error: l.error,
            missing: false,
            encoding: None,
            confidence: None,
            page_type: None,
            fidelity: None,
        }
    }
}

/// Parse a peer file's text into one output per page, in page order. Pages
/// without a line are empty outputs marked `missing`; lines for unknown ids
/// are ignored.
pub fn parse_peer(jsonl: &str, pages: &[Page]) -> Result<Vec<Output>> {
    let mut by_id: HashMap<String, Output> = HashMap::new();
    for (n, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let l: PeerLine = serde_json::from_str(line).with_context(|| format!("line {}", n + 1))?;
        by_id.insert(l.id.clone(), l.into());
    }
    Ok(pages
        .iter()
        .map(|p| {
            by_id.remove(&p.id).unwrap_or_else(|| Output {
                missing: true,
                ..Default::default()
            })
        })
        .collect())
}

/// Tools with a file for `set` under `dir`, sorted by name.
pub fn peer_files(dir: &Path, set: &str) -> Result<Vec<(String, std::path::PathBuf)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let entry = entry?;
        let f = entry.path().join(format!("{set}.jsonl"));
        if f.is_file() {
            out.push((entry.file_name().to_string_lossy().into_owned(), f));
        }
    }
    out.sort();
    Ok(out)
}

pub fn read_peer(path: &Path, pages: &[Page]) -> Result<Vec<Output>> {
    let f = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut s = String::new();
    for line in BufReader::new(f).lines() {
        s.push_str(&line?);
        s.push('\n');
    }
    parse_peer(&s, pages).with_context(|| format!("in {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Gold;

    fn page(id: &str) -> Page {
        Page {
            id: id.into(),
            url: None,
            html: Vec::new(),
            gold: Gold::default(),
        }
    }

    #[test]
    fn reads_peer_lines() {
        let sample = r##"{"id": "b", "text": null, "markdown": "# H\n\n[x](http://y.example/)", "title": "T", "authors": ["A", "B"], "date": "2020-01-02", "site_name": null, "seconds": 0.25, "error": null}

{"id": "a", "text": "Body text.", "markdown": null, "title": null, "authors": null, "date": null, "site_name": "S", "seconds": 0.5, "error": null}
{"id": "zz", "text": "not a page of the set", "seconds": 1.0}
{"id": "d", "text": null, "markdown": null, "error": "timeout", "seconds": 2.0}
"##;
        let pages = [page("a"), page("b"), page("c"), page("d")];
        let outs = parse_peer(sample, &pages).expect("parse");
        assert_eq!(outs.len(), 4);
        assert_eq!(outs[0].text, "Body text.");
        assert_eq!(outs[0].markdown, "Body text.");
        assert_eq!(outs[0].site_name.as_deref(), Some("S"));
        assert_eq!(outs[0].seconds, 0.5);
        assert_eq!(outs[1].text, "# H\n\n[x]");
        assert_eq!(outs[1].authors, vec!["A", "B"]);
        assert_eq!(outs[1].date.as_deref(), Some("2020-01-02"));
        assert!(outs[2].missing && outs[2].text.is_empty());
        assert_eq!(outs[3].error.as_deref(), Some("timeout"));
        assert!(parse_peer("{not json", &pages).is_err());
    }
}
