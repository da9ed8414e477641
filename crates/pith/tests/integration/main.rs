//! pith's integration tests, built as one binary (ripgrep's layout): one
//! module per topic, so the crate is linked once instead of once per file.
//!
//! - `snapshots`: every folder under `tests/fixtures/` is rendered with its
//!   `options.json` and compared with `expected.md` and `expected.json`.
//!   `PITH_BLESS=1 cargo test -p pith --test integration snapshots` rewrites them.
//! - `structure`: hand-written assertions per fixture that encode what the
//!   right answer is (snapshots only record what the code does today).
//! - `robustness`: generated hostile inputs; each must end in `Ok` or `Err`,
//!   never a panic, and every renderer must run on each `Ok`.
//! - `encodings`: one article in many encodings and byte layouts gives one text.
//! - `hostile`: the shapes of `pith-hostile` keep the article, report any
//!   cut, and give output proportional to the input.
//! - `regressions`: defects found on real pages, each on a page written here.
//! - `markdown`: inline shapes that once showed stray markup or glued
//!   words, on the pages under `tests/markdown/`.
//!
//! - `page_types`: one page of each kind under `tests/page_types/`; its
//!   main content is every band or item, not one block.
//!
//! The heaviest robustness cases (50 MB, 100,000-deep nesting) are meant to
//! run in release too: CI can use `cargo test --release -p pith --test integration`.

mod encodings;
mod hostile;
mod markdown;
mod page_types;
mod regressions;
mod robustness;
mod snapshots;
mod structure;
mod util;
