//! Extract pages many times in one process, for a profiler:
//!
//! `cargo build --release --example profile_page -p pith`
//! `perf record -g target/release/examples/profile_page [--rounds N] PAGE.html...`
//!
//! Each round extracts every page and renders its text, as `pith extract
//! --format text` does. A first untimed round compiles pith's lazily built
//! tables; the time per page of the other rounds is printed, with the time
//! of a parse alone (decode and tree build) for reference.

#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::time::Instant;

fn main() {
    let mut rounds = 10u32;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--rounds" {
            rounds = args
                .next()
                .and_then(|r| r.parse().ok())
                .expect("--rounds takes a number");
        } else {
            paths.push(a);
        }
    }
    assert!(
        !paths.is_empty(),
        "usage: profile_page [--rounds N] PAGE.html..."
    );
    let pages: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| std::fs::read(p).expect("readable page"))
        .collect();
    let opts = pith::Options::default();
    let extract_all = || {
        let mut chars = 0;
        for html in &pages {
            if let Ok(ex) = pith::extract(html, &opts) {
                chars += ex.to_text().len();
            }
        }
        chars
    };
    let chars = extract_all();
    let start = Instant::now();
    for _ in 0..rounds {
        black_box(extract_all());
    }
    let n = f64::from(rounds.max(1)) * pages.len() as f64;
    let per = start.elapsed().as_secs_f64() / n;
    let start = Instant::now();
    if std::env::var_os("PROFILE_NO_PARSE").is_none() {
        for _ in 0..rounds {
            for html in &pages {
                if let Ok(d) = pith::input::decode(html, None) {
                    black_box(pith::dom::Dom::parse(&d.text, Default::default()).len());
                }
            }
        }
    }
    let parse = start.elapsed().as_secs_f64() / n;
    println!(
        "{} pages, {chars} chars of text: {:.3} ms per extraction ({:.0} pages/s), parse alone {:.3} ms",
        pages.len(),
        per * 1e3,
        1.0 / per,
        parse * 1e3
    );
}
