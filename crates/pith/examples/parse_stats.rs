//! What the parser's limits meet on real pages.
//!
//! `cargo run --release -p pith --example parse_stats -- <set dir>...`
//!
//! For every page of the given evaluation sets: the most elements open at
//! once in the tree builder, the most attributes on one tag, the tree
//! builder's stack-work estimate per input byte, and the node count per
//! input byte. Prints, per set, the maxima and the 99th percentiles, and
//! the page that holds each maximum: the reasons for the defaults of
//! `pith::dom::ParseLimits`.

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

use std::io::Read;
use std::path::Path;

fn p99(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() * 99 / 100).copied().unwrap_or(0.0)
}

fn main() {
    for dir in std::env::args().skip(1) {
        let dir = Path::new(&dir);
        let manifest = std::fs::read_to_string(dir.join("manifest.jsonl")).unwrap();
        let mut open = Vec::new();
        let mut attrs = Vec::new();
        let mut work = Vec::new();
        let mut nodes = Vec::new();
        let mut worst = [
            (0f64, String::new()),
            (0.0, String::new()),
            (0.0, String::new()),
            (0.0, String::new()),
        ];
        let mut cut = 0;
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
            let Ok(decoded) = pith::input::decode(&bytes, None) else {
                continue;
            };
            let dom = pith::dom::Dom::parse(&decoded.text, Default::default());
            if dom.truncated() {
                cut += 1;
                println!("  cut: {} {:?}", v["id"], dom.truncations());
            }
            let s = dom.stats();
            let len = decoded.text.len().max(1) as f64;
            let row = [
                s.max_open as f64,
                s.max_attributes as f64,
                s.work as f64 / len,
                dom.len() as f64 / len,
            ];
            for (k, x) in row.iter().enumerate() {
                if *x > worst[k].0 {
                    worst[k] = (*x, v["id"].to_string());
                }
            }
            open.push(row[0]);
            attrs.push(row[1]);
            work.push(row[2]);
            nodes.push(row[3]);
        }
        println!(
            "{}: {} pages, {cut} cut by a limit",
            dir.display(),
            open.len()
        );
        for (k, (name, v)) in [
            ("open elements", &mut open),
            ("attributes per tag", &mut attrs),
            ("stack work per byte", &mut work),
            ("nodes per byte", &mut nodes),
        ]
        .into_iter()
        .enumerate()
        {
            println!(
                "  {name:20} p99 {:8.2}  max {:8.2}  ({})",
                p99(v),
                worst[k].0,
                worst[k].1
            );
        }
    }
}
