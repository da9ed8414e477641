//! Snapshot tests, Mozilla-Readability style: each folder under
//! `tests/fixtures/` holds `page.html`, optional `options.json`, and the
//! recorded output `expected.md` (Markdown) and `expected.json` (the JSON
//! renderer's object). A snapshot records what the code produced when it was
//! blessed, not what is right: `structure.rs` holds the hand-written checks.
//!
//! Re-record after an intended change, then review the diff:
//! `PITH_BLESS=1 cargo test -p pith --test integration snapshots`.

use std::path::Path;

use crate::util::{fixture_names, Fixture};

fn blessing() -> bool {
    std::env::var_os("PITH_BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// The first line where `want` and `got` differ, with two lines around it.
fn first_difference(want: &str, got: &str) -> String {
    let w: Vec<&str> = want.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    let i = (0..w.len().max(g.len()))
        .find(|&i| w.get(i) != g.get(i))
        .unwrap_or(0);
    let lo = i.saturating_sub(2);
    let mut out = format!("first difference at line {}:\n", i + 1);
    for j in lo..(i + 3) {
        let (a, b) = (w.get(j), g.get(j));
        if a.is_none() && b.is_none() {
            break;
        }
        if a == b {
            out.push_str(&format!("   {}\n", a.copied().unwrap_or("")));
        } else {
            out.push_str(&format!(
                " - {}\n + {}\n",
                a.copied().unwrap_or("<none>"),
                b.copied().unwrap_or("<none>")
            ));
        }
    }
    out
}

fn read_expected(path: &Path, fixture: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "fixture {fixture}: {}: {e}; record it with PITH_BLESS=1",
            path.display()
        )
    })
}

fn check(name: &str) {
    let fx = Fixture::load(name);
    let ex = fx.extract();
    let md = ex.to_markdown(&fx.render);
    let json = ex.to_json(&fx.render);
    let json_text = serde_json::to_string_pretty(&json).expect("serialize JSON") + "\n";
    let md_path = fx.dir.join("expected.md");
    let json_path = fx.dir.join("expected.json");
    if blessing() {
        std::fs::write(&md_path, &md).expect("write expected.md");
        std::fs::write(&json_path, &json_text).expect("write expected.json");
        return;
    }
    let want_md = read_expected(&md_path, name);
    assert!(
        want_md == md,
        "fixture {name}: Markdown differs from expected.md ({} vs {} bytes); \
         if the change is intended, re-record with PITH_BLESS=1\n{}",
        want_md.len(),
        md.len(),
        first_difference(&want_md, &md)
    );
    // Compared as text: serde_json's default float parsing is not exact to
    // the last digit, so parsed values can differ where the text does not.
    let want_json = read_expected(&json_path, name);
    assert!(
        want_json == json_text,
        "fixture {name}: JSON differs from expected.json; \
         if the change is intended, re-record with PITH_BLESS=1\n{}",
        first_difference(&want_json, &json_text)
    );
}

macro_rules! snapshots {
    ($($test:ident => $dir:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check($dir);
            }
        )*

        /// A fixture folder without a test here would never be checked.
        #[test]
        fn every_fixture_folder_has_a_snapshot_test() {
            let listed: Vec<&str> = vec![$($dir),*];
            for name in fixture_names() {
                assert!(
                    listed.contains(&name.as_str()),
                    "fixture {name} has no snapshot test: add it to snapshots.rs"
                );
            }
        }
    };
}

snapshots! {
    article_in_bands => "article-in-bands",
    article_wrapper_share => "article-wrapper-share",
    blog_code_table => "blog-code-table",
    error_404 => "error-404",
    forum_comments => "forum-comments",
    german_windows_1252 => "german-windows-1252",
    infinite_scroll => "infinite-scroll",
    jsonld_graph => "jsonld-graph",
    layout_table => "layout-table",
    lazy_images => "lazy-images",
    news_figure_credit => "news-figure-credit",
    opinion_misleading_classes => "opinion-misleading-classes",
    russian_dates => "russian-dates",
    section_index => "section-index",
    split_paywall => "split-paywall",
}
