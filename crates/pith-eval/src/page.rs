//! `--page ID`: one page's output beside its ground truth.

use std::fmt::Write as _;

use crate::data::{Ann, Page};
use crate::metrics::{self, GoldDate};
use crate::score::{self, FEATURE_NAMES};
use crate::system::Output;

fn ann<T: std::fmt::Debug>(a: &Ann<T>) -> String {
    match a {
        Ann::Unknown => "(not annotated)".into(),
        Ann::Absent => "(none)".into(),
        Ann::Value(v) => format!("{v:?}"),
    }
}

fn section(s: &mut String, title: &str, body: &str) {
    let _ = writeln!(s, "\n===== {title} =====\n{body}");
}

fn yes(b: bool) -> &'static str {
    if b {
        "ok"
    } else {
        "WRONG"
    }
}

/// The report for one page and one system.
pub fn detail(set: &str, page: &Page, system: &str, o: &Output) -> String {
    let g = &page.gold;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "##### {system} on {set} / {} ({} bytes, url {:?})",
        page.id,
        page.html.len(),
        page.url
    );
    let _ = writeln!(
        s,
        "time {:.2} ms; encoding {:?}; confidence {:?}; error {:?}; missing {}",
        o.seconds * 1e3,
        o.encoding,
        o.confidence,
        o.error,
        o.missing
    );
    let _ = writeln!(s, "\nfield       ours  |  gold");
    let _ = writeln!(s, "title       {:?}  |  {}", o.title, ann(&g.title));
    let _ = writeln!(s, "authors     {:?}  |  {}", o.authors, ann(&g.authors));
    if g.byline.is_scored() {
        let _ = writeln!(
            s,
            "byline      {:?}  |  {}",
            o.authors.join(", "),
            ann(&g.byline)
        );
    }
    let _ = writeln!(s, "site_name   {:?}  |  {}", o.site_name, ann(&g.site_name));
    let gold_date = match &g.htmldate {
        Some(GoldDate::Day(d)) => format!("{d:?}"),
        Some(GoldDate::NaN) => "NaN".into(),
        Some(GoldDate::None) => "(none)".into(),
        None => ann(&g.date),
    };
    let _ = writeln!(s, "date        {:?}  |  {gold_date}", o.date);

    if let Some(full) = &o.full_markdown {
        section(&mut s, "our Markdown (full document)", full);
    } else {
        section(&mut s, "our Markdown", &o.markdown);
    }
    section(&mut s, "our text", &o.text);

    let _ = writeln!(s, "\n===== score =====");
    match set {
        "scrapinghub" | "mozilla-readability" => {
            section(&mut s, "gold body", g.body.as_deref().unwrap_or(""));
            let d = score::page_shingles(page, o);
            let _ = writeln!(
                s,
                "shingles: tp {:.3} fp {:.3} fn {:.3}; precision {:.3} recall {:.3} f1 {:.3}; exact tokens {}",
                d.tp,
                d.fp,
                d.fn_,
                d.precision(),
                d.recall(),
                d.f1(),
                d.exact
            );
            if set == "mozilla-readability" {
                let ws = metrics::norm_ws;
                let _ = writeln!(s, "title {}", yes(score::title_ok(g, o, ws)));
                let _ = writeln!(s, "byline {}", yes(score::byline_ok(g, o)));
                let _ = writeln!(s, "authors {}", yes(score::authors_set_ok(g, o)));
                let _ = writeln!(s, "site_name {}", yes(score::site_ok(g, o, ws)));
                if g.date.is_scored() {
                    let _ = writeln!(s, "date {}", yes(score::date_ok(g, o)));
                }
            }
        }
        "trafilatura-eval" => {
            let h = metrics::snippets(&o.text, &g.with, &g.without);
            for (snip, hit) in g.with.iter().zip(&h.with) {
                let _ = writeln!(
                    s,
                    "with     {:5}  {snip:?}",
                    if *hit { "HIT" } else { "MISS" }
                );
            }
            for (snip, hit) in g.without.iter().zip(&h.without) {
                let _ = writeln!(
                    s,
                    "without  {:5}  {snip:?}",
                    if *hit { "FOUND" } else { "ok" }
                );
            }
            let c = h.confusion();
            let _ = writeln!(s, "tp {} fn {} fp {} tn {}", c.tp, c.fn_, c.fp, c.tn);
            let lower = metrics::norm_lower;
            if g.title.is_scored() {
                let _ = writeln!(s, "title {}", yes(score::title_ok(g, o, lower)));
            }
            if g.authors.is_scored() {
                let _ = writeln!(
                    s,
                    "authors {} (exact string {})",
                    yes(score::authors_set_ok(g, o)),
                    yes(score::authors_exact_ok(g, o))
                );
            }
            if g.date.is_scored() {
                let _ = writeln!(s, "date {}", yes(score::date_ok(g, o)));
            }
            if g.site_name.is_scored() {
                let _ = writeln!(s, "site_name {}", yes(score::site_ok(g, o, lower)));
            }
        }
        "defuddle" => {
            section(
                &mut s,
                "expected body Markdown",
                g.markdown.as_deref().unwrap_or(""),
            );
            let (ours, gold) = score::page_features(page, o);
            let ok = score::feature_matches(&ours, &gold);
            let ours_v = [
                ours.headings,
                ours.list_items,
                ours.table_rows,
                ours.code_blocks,
                ours.images,
                ours.links,
            ];
            let gold_v = [
                gold.headings,
                gold.list_items,
                gold.table_rows,
                gold.code_blocks,
                gold.images,
                gold.links,
            ];
            for i in 0..6 {
                let _ = writeln!(
                    s,
                    "{:12} ours {:4}  expected {:4}  {}",
                    FEATURE_NAMES[i],
                    ours_v[i],
                    gold_v[i],
                    yes(ok[i])
                );
            }
            let d = metrics::doc_shingles(
                &crate::markdown::text_of(g.markdown.as_deref().unwrap_or("")),
                &crate::markdown::text_of(&o.markdown),
            );
            let _ = writeln!(
                s,
                "all (but links) match: {}; text precision {:.3} recall {:.3} f1 {:.3}",
                ok[..5].iter().all(|&b| b),
                d.precision(),
                d.recall(),
                d.f1()
            );
        }
        "htmldate-eval" => {
            let gold = g.htmldate.clone().unwrap_or(GoldDate::None);
            let c = metrics::date_confusion(&gold, o.date.as_deref());
            let _ = writeln!(s, "date: tp {} fp {} fn {} tn {}", c.tp, c.fp, c.fn_, c.tn);
        }
        _ => {}
    }
    s
}
