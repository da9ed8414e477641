//! Markdown fidelity over every page written for pith's tests (its
//! fixtures and the pages under `crates/pith/tests/markdown/`): pith's
//! Markdown, parsed by a CommonMark parser, shows a reader the words of
//! pith's text output and no markup, and neither output runs together
//! words the page keeps apart.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use pith_eval::fidelity;

fn pages() -> Vec<PathBuf> {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("../pith/tests");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(tests.join("fixtures")).expect("pith's fixtures") {
        let page = dir.expect("entry").path().join("page.html");
        if page.is_file() {
            out.push(page);
        }
    }
    for f in std::fs::read_dir(tests.join("markdown")).expect("pith's Markdown pages") {
        let f = f.expect("entry").path();
        if f.extension().is_some_and(|e| e == "html") {
            out.push(f);
        }
    }
    out.sort();
    assert!(out.len() >= 15, "pages found: {}", out.len());
    out
}

#[test]
fn markdown_shows_the_text_and_keeps_words_apart_on_every_test_page() {
    for path in pages() {
        let html = std::fs::read(&path).expect("page");
        let options = pith::Options {
            url: Some("https://example.org/a".into()),
            ..Default::default()
        };
        let Ok(ex) = pith::extract(&html, &options) else {
            continue;
        };
        let Some(article) = &ex.article else { continue };
        for images in [false, true] {
            let ro = pith::RenderOptions {
                images,
                ..Default::default()
            };
            let md = pith::render::body_markdown(&ex, &ro);
            let text = ex.to_text();
            let f = fidelity::check(&html, &md, &text, &article.blocks);
            let name = path.display();
            assert!(f.stray.is_empty(), "{name}: stray markup {:?}", f.stray);
            assert!(f.glued.is_empty(), "{name}: glued words {:?}", f.glued);
            // Every word of the text is shown by the Markdown (captions,
            // which only the Markdown has, aside).
            let shown: BTreeSet<String> = fidelity::markdown_visible_text(&md, false)
                .split_whitespace()
                .map(str::to_string)
                .collect();
            let missing: Vec<&str> = text
                .split_whitespace()
                .filter(|w| !shown.contains(*w))
                .collect();
            assert!(
                missing.is_empty(),
                "{name}: text words not shown {missing:?}"
            );
        }
    }
}
