//! Check language detection against the pages' own declarations.
//!
//! `cargo run --release -p pith --example lang_eval -- <set dir>...`
//!
//! For every page that declares its language (`<html lang>` and the like),
//! detects the language of the extracted article as if it had not, and
//! compares primary subtags. Prints, per set: pages declared, detections
//! given, agreement among those, and the detector's time per page.

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let mut total = (0usize, 0usize, 0usize);
    for dir in std::env::args().skip(1) {
        let dir = Path::new(&dir);
        let manifest = std::fs::read_to_string(dir.join("manifest.jsonl")).unwrap();
        let (mut declared, mut given, mut agree) = (0usize, 0usize, 0usize);
        let mut spent = Duration::ZERO;
        let mut misses = Vec::new();
        for line in manifest.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let path = dir.join(v["html_path"].as_str().unwrap());
            let raw = std::fs::read(&path).unwrap();
            let bytes = if path.extension().is_some_and(|e| e == "gz") {
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(&raw[..])
                    .read_to_end(&mut out)
                    .unwrap();
                out
            } else {
                raw
            };
            let Ok(ex) = pith::extract(&bytes, &pith::Options::default()) else {
                continue;
            };
            let (Some(lang), Some(article)) = (ex.metadata.language.as_deref(), &ex.article) else {
                continue;
            };
            declared += 1;
            let t = Instant::now();
            let found =
                pith::metadata::language::detect_article(ex.metadata.title.as_deref(), article);
            spent += t.elapsed();
            let Some(found) = found else { continue };
            given += 1;
            let primary = lang.split('-').next().unwrap_or(lang).to_ascii_lowercase();
            // Norwegian: `no` and `nb` are one language as pages declare it.
            let same = found == primary || (found == "nb" && primary == "no");
            if same {
                agree += 1;
            } else {
                misses.push(format!("{} declared {lang} detected {found}", v["id"]));
            }
        }
        println!(
            "{}: declared {declared}, detected {given} ({:.1}%), agreeing {agree} ({:.1}%), {:.3} ms per page",
            dir.display(),
            100.0 * given as f64 / declared.max(1) as f64,
            100.0 * agree as f64 / given.max(1) as f64,
            spent.as_secs_f64() * 1000.0 / declared.max(1) as f64,
        );
        for m in &misses {
            println!("  {m}");
        }
        total.0 += declared;
        total.1 += given;
        total.2 += agree;
    }
    println!(
        "all: declared {}, detected {}, agreeing {} ({:.1}%)",
        total.0,
        total.1,
        total.2,
        100.0 * total.2 as f64 / total.1.max(1) as f64
    );
}
