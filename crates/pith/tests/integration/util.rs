//! Shared helpers: loading fixtures with their options, running every
//! renderer, and small text checks with readable failure messages.

use std::path::{Path, PathBuf};

use pith::{Extraction, LinkMode, Options, RenderOptions};
use serde_json::Value;

/// `crates/pith/tests/fixtures`.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

/// Names of all fixture folders, sorted.
pub fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures_dir())
        .expect("read tests/fixtures")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("page.html").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// One fixture page with the options it is extracted and rendered with.
pub struct Fixture {
    pub name: String,
    pub dir: PathBuf,
    pub page: Vec<u8>,
    pub options: Options,
    pub render: RenderOptions,
}

impl Fixture {
    /// Load `tests/fixtures/<name>/page.html` and its optional `options.json`:
    /// `{"url": str, "charset": str, "comments": bool, "now": int,
    ///   "links": "keep"|"strip"|"drop", "images": bool, "max_bytes": int}`.
    pub fn load(name: &str) -> Fixture {
        let dir = fixtures_dir().join(name);
        let page = std::fs::read(dir.join("page.html"))
            .unwrap_or_else(|e| panic!("fixture {name}: page.html: {e}"));
        let mut options = Options::default();
        let mut render = RenderOptions::default();
        let opath = dir.join("options.json");
        if opath.is_file() {
            let text = std::fs::read_to_string(&opath).expect("read options.json");
            let v: Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("fixture {name}: options.json: {e}"));
            let obj = v.as_object().expect("options.json is an object");
            for (key, val) in obj {
                match key.as_str() {
                    "url" => options.url = Some(val.as_str().expect("url: string").to_owned()),
                    "charset" => {
                        options.charset = Some(val.as_str().expect("charset: string").to_owned())
                    }
                    "comments" => options.comments = val.as_bool().expect("comments: bool"),
                    "now" => options.now = Some(val.as_i64().expect("now: integer")),
                    "images" => render.images = val.as_bool().expect("images: bool"),
                    "max_bytes" => {
                        options.limits.max_bytes =
                            val.as_u64().expect("max_bytes: integer") as usize
                    }
                    "links" => {
                        render.links = match val.as_str().expect("links: string") {
                            "keep" => LinkMode::Keep,
                            "strip" => LinkMode::Strip,
                            "drop" => LinkMode::Drop,
                            other => panic!("fixture {name}: unknown links mode {other:?}"),
                        }
                    }
                    other => panic!("fixture {name}: unknown key {other:?} in options.json"),
                }
            }
        }
        Fixture {
            name: name.to_owned(),
            dir,
            page,
            options,
            render,
        }
    }

    pub fn extract(&self) -> Extraction {
        pith::extract(&self.page, &self.options)
            .unwrap_or_else(|e| panic!("fixture {}: extract failed: {e}", self.name))
    }

    /// Extract and render Markdown and text with the fixture's options.
    pub fn run(&self) -> Run {
        let ex = self.extract();
        let md = ex.to_markdown(&self.render);
        let text = ex.to_text();
        Run { ex, md, text }
    }
}

/// A fixture's extraction and its renderings.
pub struct Run {
    pub ex: Extraction,
    pub md: String,
    pub text: String,
}

impl Run {
    /// The Markdown split into blocks (runs of lines between blank lines),
    /// trimmed, without empty ones.
    pub fn md_blocks(&self) -> Vec<&str> {
        blocks(&self.md)
    }
}

/// Text split at blank lines into trimmed, non-empty blocks.
pub fn blocks(s: &str) -> Vec<&str> {
    s.split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect()
}

/// Run every renderer in every mode: none of them may panic on any `Ok`.
pub fn render_all(ex: &Extraction) {
    for links in [LinkMode::Keep, LinkMode::Strip, LinkMode::Drop] {
        for images in [false, true] {
            let ro = RenderOptions { links, images };
            let _ = ex.to_markdown(&ro);
            let _ = ex.to_html(&ro);
            let _ = ex.to_json(&ro);
        }
    }
    let _ = ex.to_text();
}

/// Shorten `s` for a failure message.
pub fn excerpt(s: &str) -> String {
    const MAX: usize = 3000;
    if s.len() <= MAX {
        return s.to_owned();
    }
    let mut cut = MAX;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}\n[... {} more bytes]", &s[..cut], s.len() - cut)
}

/// Assert that `hay` contains every needle.
#[track_caller]
pub fn assert_has(hay: &str, needles: &[&str]) {
    for n in needles {
        assert!(
            hay.contains(n),
            "expected to find {n:?} in:\n{}",
            excerpt(hay)
        );
    }
}

/// Assert that `hay` contains none of the needles.
#[track_caller]
pub fn assert_lacks(hay: &str, needles: &[&str]) {
    for n in needles {
        assert!(
            !hay.contains(n),
            "expected NOT to find {n:?} in:\n{}",
            excerpt(hay)
        );
    }
}

/// Assert that the needles occur in `hay` in this order.
#[track_caller]
pub fn assert_in_order(hay: &str, needles: &[&str]) {
    let mut from = 0;
    for n in needles {
        match hay[from..].find(n) {
            Some(p) => from += p + n.len(),
            None => panic!(
                "expected {n:?} after byte {from} (needles in order: {needles:?}) in:\n{}",
                excerpt(hay)
            ),
        }
    }
}

/// Assert that `needle` occurs exactly once in `hay`.
#[track_caller]
pub fn assert_once(hay: &str, needle: &str) {
    let n = hay.matches(needle).count();
    assert_eq!(
        n,
        1,
        "expected {needle:?} exactly once, found {n} times in:\n{}",
        excerpt(hay)
    );
}

/// Assert that no paragraph-sized block (40+ characters) appears twice in
/// the article (in comments, one user's name line legitimately repeats).
#[track_caller]
pub fn assert_no_repeated_block(md: &str) {
    let mut seen = std::collections::HashSet::new();
    let article = md.split("\n## Comments\n").next().unwrap_or(md);
    for b in blocks(article) {
        if b.chars().count() >= 40 {
            assert!(seen.insert(b), "block repeated: {b:?} in:\n{}", excerpt(md));
        }
    }
}
