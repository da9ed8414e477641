//! Fuzz `pith::extract` and every renderer: no input may panic, and each
//! must finish within the limits.
//!
//! Run it (needs a nightly toolchain and `cargo install cargo-fuzz`), from
//! the repository root:
//!
//! ```text
//! mkdir -p fuzz/corpus/extract
//! cp crates/pith/tests/fixtures/*/page.html fuzz/corpus/extract/   # seeds
//! cargo +nightly fuzz run extract -- -max_len=262144 -timeout=20
//! ```
//!
//! A crash is saved under `fuzz/artifacts/extract/`; replay it with
//! `cargo +nightly fuzz run extract fuzz/artifacts/extract/<file>` and turn
//! it into a case in `crates/pith/tests/integration/robustness.rs`.
//!
//! A first byte below 0x20 that is not whitespace picks the options, so
//! the URL, comments and caller-charset paths are fuzzed too; the rest is
//! the page. Any other input (every HTML seed: `<`, a BOM, a letter) is the
//! page itself, with the default options, so seeds are fuzzed as HTML.
//!
//! Seed it from the evaluation pages and the hostile shapes as well:
//!
//! ```text
//! for f in ../shared/data/*/html/*.gz ../shared/data/*/pages/*/*.gz; do
//!   zcat "$f" | head -c 262144 > "fuzz/corpus/extract/$(basename "$f" .gz)"; done
//! cargo run --release -p pith-eval --bin hostile -- --write-corpus fuzz/corpus/extract
//! ```

#![no_main]

use libfuzzer_sys::fuzz_target;
use pith::{LinkMode, Options, RenderOptions};

fuzz_target!(|data: &[u8]| {
    let (flags, page) = match data.split_first() {
        Some((&f, rest)) if f < 0x20 && !matches!(f, b'\t' | b'\n' | b'\r' | 0x0c) => (f, rest),
        _ => (0, data),
    };
    let charset = match (flags >> 2) & 3 {
        1 => Some("windows-1252"),
        2 => Some("shift_jis"),
        3 => Some("utf-16le"),
        _ => None,
    };
    let options = Options {
        url: (flags & 1 != 0).then(|| "https://fuzz.example/section/page.html?id=1".to_owned()),
        comments: flags & 2 != 0,
        charset: charset.map(str::to_owned),
        now: (flags & 16 != 0).then_some(1_700_000_000),
        ..Options::default()
    };
    let Ok(ex) = pith::extract(page, &options) else {
        return;
    };
    assert!((0.0..=1.0).contains(&ex.confidence));
    for links in [LinkMode::Keep, LinkMode::Strip, LinkMode::Drop] {
        for images in [false, true] {
            let ro = RenderOptions { links, images };
            let _ = ex.to_markdown(&ro);
            let _ = ex.to_html(&ro);
            let _ = ex.to_json(&ro);
        }
    }
    let _ = ex.to_text();
});
