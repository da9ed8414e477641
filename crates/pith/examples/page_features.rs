//! Print the page-type classifier's verdict and measurements for pages, one
//! JSON object per line: `page_features [--url U] FILE...` (`.gz` files are
//! read as gzip). For tuning the classifier against labelled sets.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Read;

fn main() {
    let mut url = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--url" {
            url = args.next();
            continue;
        }
        let Ok(bytes) = std::fs::read(&a) else {
            eprintln!("cannot read {a}");
            continue;
        };
        let bytes = if a.ends_with(".gz") {
            let mut out = Vec::new();
            if flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut out)
                .is_err()
            {
                eprintln!("bad gzip {a}");
                continue;
            }
            out
        } else {
            bytes
        };
        let html = String::from_utf8_lossy(&bytes);
        let (t, conf, f) = pith::explain_page_type(&html, url.as_deref());
        let line =
            serde_json::json!({"file": a, "page_type": t, "confidence": conf, "features": f});
        println!("{line}");
    }
}
