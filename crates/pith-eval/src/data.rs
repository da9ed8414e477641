//! Loading the evaluation sets: manifest lines and gzip-compressed pages.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::metrics::GoldDate;

/// The sets, in the order they are run.
pub const SETS: [&str; 6] = [
    "scrapinghub",
    "trafilatura-eval",
    "mozilla-readability",
    "defuddle",
    "htmldate-eval",
    "wcxb-dev",
];

/// A metadata field of the ground truth.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Ann<T> {
    /// The set says nothing about this field for this page: not scored.
    #[default]
    Unknown,
    /// Annotated as absent: the right answer is "none".
    Absent,
    Value(T),
}

impl<T> Ann<T> {
    pub fn is_scored(&self) -> bool {
        !matches!(self, Ann::Unknown)
    }
    pub fn value(&self) -> Option<&T> {
        match self {
            Ann::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// Everything the ground truth says about one page.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    /// Article text (scrapinghub, mozilla-readability).
    pub body: Option<String>,
    /// Snippets that must / must not appear (trafilatura-eval).
    pub with: Vec<String>,
    pub without: Vec<String>,
    /// Expected body Markdown (defuddle).
    pub markdown: Option<String>,
    pub title: Ann<String>,
    pub authors: Ann<Vec<String>>,
    /// The byline string as given (mozilla-readability).
    pub byline: Ann<String>,
    pub site_name: Ann<String>,
    pub date: Ann<String>,
    /// htmldate-eval's publication day, with its NaN entries.
    pub htmldate: Option<GoldDate>,
    /// WCXB's page type (article, forum, product, ...).
    pub page_type: Option<String>,
}

/// One page: its bytes and its ground truth.
#[derive(Debug, Clone)]
pub struct Page {
    pub id: String,
    pub url: Option<String>,
    pub html: Vec<u8>,
    pub gold: Gold,
}

fn str_field(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string)
}

fn str_list(v: &Value, key: &str) -> Vec<String> {
    match v.get(key) {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// `Value` when the manifest has a non-empty value; else `absent`.
fn ann_str(v: &Value, key: &str, absent: Ann<String>) -> Ann<String> {
    str_field(v, key).map_or(absent, Ann::Value)
}

fn ann_list(v: &Value, key: &str, absent: Ann<Vec<String>>) -> Ann<Vec<String>> {
    let l: Vec<String> = str_list(v, key)
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if l.is_empty() {
        absent
    } else {
        Ann::Value(l)
    }
}

/// Build the ground truth of one manifest line of `set`.
pub fn gold_of(set: &str, v: &Value, set_dir: &Path) -> Result<Gold> {
    let mut g = Gold::default();
    match set {
        "scrapinghub" => g.body = Some(str_field(v, "body").unwrap_or_default()),
        "mozilla-readability" => {
            g.body = Some(
                v.get("body")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
            );
            // Readability's test compares title, byline and siteName always
            // (null must stay null) and publishedTime only when given.
            g.title = ann_str(v, "title", Ann::Absent);
            g.byline = ann_str(v, "byline", Ann::Absent);
            g.authors = ann_list(v, "authors", Ann::Absent);
            g.site_name = ann_str(v, "site_name", Ann::Absent);
            g.date = ann_str(v, "date", Ann::Unknown);
        }
        "trafilatura-eval" => {
            g.with = str_list(v, "with");
            g.without = str_list(v, "without");
            let annotated: Vec<String> = str_list(v, "annotated_fields");
            let has = |k: &str| annotated.iter().any(|a| a == k);
            let absent_if = |k: &str| if has(k) { Ann::Absent } else { Ann::Unknown };
            g.title = ann_str(v, "title", absent_if("title"));
            g.authors = ann_list(v, "authors", {
                if has("author") {
                    Ann::Absent
                } else {
                    Ann::Unknown
                }
            });
            g.date = ann_str(v, "date", absent_if("date"));
            g.site_name = ann_str(v, "site_name", absent_if("sitename"));
        }
        "defuddle" => {
            let path = v
                .get("expected_markdown_path")
                .and_then(Value::as_str)
                .context("defuddle line without expected_markdown_path")?;
            let md = std::fs::read_to_string(set_dir.join(path))
                .with_context(|| format!("reading {path}"))?;
            g.markdown = Some(md);
            // Defuddle's fixtures are one tool's output: score only what it found.
            g.title = ann_str(v, "title", Ann::Unknown);
            g.authors = ann_list(v, "authors", Ann::Unknown);
            g.site_name = ann_str(v, "site_name", Ann::Unknown);
            g.date = ann_str(v, "date", Ann::Unknown);
        }
        "htmldate-eval" => {
            g.htmldate = Some(
                if v.get("date_is_nan").and_then(Value::as_bool) == Some(true) {
                    GoldDate::NaN
                } else {
                    match str_field(v, "date") {
                        Some(d) => GoldDate::Day(d),
                        None => GoldDate::None,
                    }
                },
            );
        }
        "wcxb-dev" => {
            // The main content for the page's type; "" for the pages whose
            // truth is "no content" (scored 1.0 for an empty output).
            g.body = Some(str_field(v, "body").unwrap_or_default());
            g.with = str_list(v, "with");
            g.without = str_list(v, "without");
            g.title = ann_str(v, "title", Ann::Unknown);
            g.date = ann_str(v, "date", Ann::Unknown);
            g.page_type = str_field(v, "page_type");
        }
        other => bail!("unknown set {other:?} (known: {})", SETS.join(", ")),
    }
    Ok(g)
}

/// Read and gunzip one page.
pub fn read_gz(path: &Path) -> Result<Vec<u8>> {
    let f = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(BufReader::new(f))
        .read_to_end(&mut out)
        .with_context(|| format!("gunzipping {}", path.display()))?;
    Ok(out)
}

/// Load a set: every page decompressed into memory, optionally only `only_id`.
pub fn load_set(data: &Path, set: &str, only_id: Option<&str>) -> Result<Vec<Page>> {
    let dir: PathBuf = data.join(set);
    let manifest = dir.join("manifest.jsonl");
    let f = std::fs::File::open(&manifest)
        .with_context(|| format!("opening {}", manifest.display()))?;
    let mut pages = Vec::new();
    for (n, line) in BufReader::new(f).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}", manifest.display(), n + 1))?;
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .context("manifest line without id")?
            .to_string();
        if only_id.is_some_and(|o| o != id) {
            continue;
        }
        let html_path = v
            .get("html_path")
            .and_then(Value::as_str)
            .context("manifest line without html_path")?;
        let html = read_gz(&dir.join(html_path))?;
        pages.push(Page {
            url: str_field(&v, "url"),
            gold: gold_of(set, &v, &dir)?,
            id,
            html,
        });
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trafilatura_annotations() {
        let v: Value = serde_json::from_str(
            r#"{"id":"x","with":["a"],"without":["b","c"],"title":"T",
                "annotated_fields":["author","date","title"]}"#,
        )
        .expect("json");
        let g = gold_of("trafilatura-eval", &v, Path::new(".")).expect("gold");
        assert_eq!(g.title, Ann::Value("T".into()));
        assert_eq!(g.authors, Ann::Absent);
        assert_eq!(g.date, Ann::Absent);
        assert_eq!(g.site_name, Ann::Unknown);
        assert_eq!(g.without.len(), 2);
    }

    #[test]
    fn htmldate_nan() {
        let v: Value = serde_json::from_str(r#"{"id":"x","date_is_nan":true}"#).expect("json");
        let g = gold_of("htmldate-eval", &v, Path::new(".")).expect("gold");
        assert_eq!(g.htmldate, Some(GoldDate::NaN));
    }
}
