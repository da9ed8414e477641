//! `pith-eval`: see eval/README.md.

// This is a report-printing tool.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Parser;

use pith_eval::data::{self, Page, SETS};
use pith_eval::report::{self, RunInfo, SystemResult};
use pith_eval::system::{self, Output};
use pith_eval::{gate, page, score};

/// Accuracy and speed of pith on the shared evaluation sets.
#[derive(Parser, Debug)]
#[command(name = "pith-eval")]
struct Args {
    /// Folder holding one folder per set.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Run only this set (repeatable). Default: all six.
    #[arg(long = "set", value_name = "NAME")]
    sets: Vec<String>,
    /// Show one page (needs --set): output beside ground truth.
    #[arg(long, value_name = "ID")]
    page: Option<String>,
    /// Write all results as JSON.
    #[arg(long, value_name = "PATH")]
    json: Option<PathBuf>,
    /// Write all results as Markdown tables.
    #[arg(long, value_name = "PATH")]
    markdown: Option<PathBuf>,
    /// Fail (exit 3) when a metric is more than the tolerance below its floor.
    #[arg(long, value_name = "BASELINE")]
    gate: Option<PathBuf>,
    /// Write the floors measured now (merged into an existing file).
    #[arg(long, value_name = "PATH")]
    write_baseline: Option<PathBuf>,
    /// Also score other tools' outputs: DIR/<tool>/<set>.jsonl.
    #[arg(long, value_name = "DIR")]
    peers: Option<PathBuf>,
    /// Write one line per page: set, id, its score on the set's main
    /// measure (see `score::page_score`), its half and its extraction time
    /// in milliseconds, to diff two runs.
    #[arg(long, value_name = "PATH")]
    per_page: Option<PathBuf>,
    /// Skip the parse-only speed reference.
    #[arg(long)]
    no_parse: bool,
    /// Write the Markdown fidelity findings, one line per page with any:
    /// set, id, half, `stray` or `glued`, and the words (see
    /// `fidelity.rs`).
    #[arg(long, value_name = "PATH")]
    fidelity: Option<PathBuf>,
}

fn result_of(system: &str, set: &str, pages: &[Page], outs: &[Output]) -> SystemResult {
    SystemResult {
        system: system.to_string(),
        set: set.to_string(),
        pages: pages.len(),
        bytes: pages.iter().map(|p| p.html.len() as u64).sum(),
        metrics: score::score(set, pages, outs),
        times: outs
            .iter()
            .filter(|o| !o.missing)
            .map(|o| o.seconds)
            .collect(),
        timed_bytes: pages
            .iter()
            .zip(outs)
            .filter(|(_, o)| !o.missing)
            .map(|(p, _)| p.html.len() as u64)
            .sum(),
        failures: pages
            .iter()
            .zip(outs)
            .filter_map(|(p, o)| o.error.clone().map(|e| (p.id.clone(), e)))
            .collect(),
        missing: outs.iter().filter(|o| o.missing).count(),
    }
}

/// The half of a set a page belongs to, by a hash of its id (FNV-1a): the
/// `study` half is for looking at pages, the `holdout` half only for
/// scoring them. A rule that lifts the study half and not the holdout is
/// tuned to the file list, not to the web.
fn half_of(id: &str) -> &'static str {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    if h >> 63 == 0 {
        "study"
    } else {
        "holdout"
    }
}

/// pith's metrics on each half of a set, as the pseudo-sets `SET/study`
/// and `SET/holdout` (gated like the sets).
fn halves(set: &str, pages: &[Page], outs: &[Output]) -> Vec<SystemResult> {
    ["study", "holdout"]
        .iter()
        .map(|half| {
            let (p, o): (Vec<Page>, Vec<Output>) = pages
                .iter()
                .zip(outs)
                .filter(|(p, _)| half_of(&p.id) == *half)
                .map(|(p, o)| (p.clone(), o.clone()))
                .unzip();
            SystemResult {
                system: "pith".into(),
                set: format!("{set}/{half}"),
                pages: p.len(),
                metrics: score::score(set, &p, &o),
                ..Default::default()
            }
        })
        .collect()
}

/// Totals over sets for one system (speed only).
fn overall(results: &[SystemResult], system: &str) -> Option<SystemResult> {
    let rs: Vec<&SystemResult> = results
        .iter()
        .filter(|r| r.system == system && !r.set.contains('/'))
        .collect();
    if rs.len() < 2 {
        return None;
    }
    Some(SystemResult {
        system: system.to_string(),
        set: "all".to_string(),
        pages: rs.iter().map(|r| r.pages).sum(),
        bytes: rs.iter().map(|r| r.bytes).sum(),
        metrics: Vec::new(),
        times: rs.iter().flat_map(|r| r.times.iter().copied()).collect(),
        timed_bytes: rs.iter().map(|r| r.timed_bytes).sum(),
        failures: rs.iter().flat_map(|r| r.failures.iter().cloned()).collect(),
        missing: rs.iter().map(|r| r.missing).sum(),
    })
}

fn main() {
    match run() {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("pith-eval: {e:#}");
            std::process::exit(1);
        }
    }
}

fn run() -> Result<i32> {
    let args = Args::parse();
    // A panic in pith is caught per page and listed as a failure; one line
    // on stderr is enough here.
    std::panic::set_hook(Box::new(|info| eprintln!("panic: {info}")));
    let sets: Vec<String> = if args.sets.is_empty() {
        SETS.iter().map(|s| s.to_string()).collect()
    } else {
        args.sets.clone()
    };
    for s in &sets {
        if !SETS.contains(&s.as_str()) {
            bail!("unknown set {s:?} (known: {})", SETS.join(", "));
        }
    }
    if args.page.is_some() && sets.len() != 1 {
        bail!("--page needs exactly one --set");
    }
    let mut results: Vec<SystemResult> = Vec::new();
    let mut run_info = RunInfo::default();
    let mut per_page = String::new();
    let mut fidelity = String::new();
    for set in &sets {
        let pages = data::load_set(&args.data, set, args.page.as_deref())?;
        if let Some(id) = &args.page {
            if pages.is_empty() {
                bail!("no page {id:?} in {set}");
            }
        }
        eprintln!(
            "{set}: {} pages, {:.1} MB loaded",
            pages.len(),
            pages.iter().map(|p| p.html.len()).sum::<usize>() as f64 / 1e6
        );
        if let Some(p) = pages.iter().max_by_key(|p| p.html.len()) {
            if p.html.len() as u64 > run_info.largest_page_bytes {
                run_info.largest_page_bytes = p.html.len() as u64;
                run_info.largest_page = format!("{set}/{}", p.id);
            }
        }
        let outs = system::run_pith(set, &pages);
        for (p, o) in pages.iter().zip(&outs) {
            use std::fmt::Write;
            let _ = writeln!(
                per_page,
                "{set}\t{}\t{:.4}\t{}\t{:.3}",
                p.id,
                score::page_score(set, p, o),
                half_of(&p.id),
                o.seconds * 1e3
            );
        }
        for (p, o) in pages.iter().zip(&outs) {
            use std::fmt::Write;
            let Some(f) = &o.fidelity else { continue };
            for (kind, words) in [("stray", &f.stray), ("glued", &f.glued)] {
                if !words.is_empty() {
                    let _ = writeln!(
                        fidelity,
                        "{set}\t{}\t{}\t{kind}\t{}",
                        p.id,
                        half_of(&p.id),
                        words.join(" ")
                    );
                }
            }
        }
        let mut set_results = vec![result_of("pith", set, &pages, &outs)];
        let half_results = if args.page.is_none() {
            halves(set, &pages, &outs)
        } else {
            Vec::new()
        };
        if !args.no_parse {
            let times = system::run_parse_only(&pages);
            set_results.push(SystemResult {
                system: "parse-only".into(),
                set: set.clone(),
                pages: pages.len(),
                bytes: set_results[0].bytes,
                timed_bytes: set_results[0].bytes,
                times,
                ..Default::default()
            });
        }
        let mut peer_outs = Vec::new();
        if let Some(dir) = &args.peers {
            for (tool, path) in system::peer_files(dir, set)? {
                let o = system::read_peer(&path, &pages)?;
                set_results.push(result_of(&tool, set, &pages, &o));
                peer_outs.push((tool, o));
            }
        }
        if args.page.is_some() {
            print!("{}", page::detail(set, &pages[0], "pith", &outs[0]));
            for (tool, o) in &peer_outs {
                println!();
                print!("{}", page::detail(set, &pages[0], tool, &o[0]));
            }
        } else {
            let rs: Vec<&SystemResult> = set_results.iter().collect();
            let quality: Vec<&SystemResult> = rs
                .iter()
                .copied()
                .filter(|r| !r.metrics.is_empty())
                .collect();
            println!("\n=== {set} ===\n");
            let mut with_halves = quality.clone();
            let named: Vec<SystemResult> = half_results
                .iter()
                .map(|h| SystemResult {
                    system: format!("pith {}", &h.set[set.len() + 1..]),
                    metrics: h.metrics.clone(),
                    ..Default::default()
                })
                .collect();
            with_halves.extend(named.iter());
            print!("{}", report::quality_table(&with_halves).plain());
            println!();
            print!("{}", report::speed_table(&rs).plain());
            for r in &rs {
                if !r.failures.is_empty() {
                    println!("{} failed on {} pages:", r.system, r.failures.len());
                    for (id, e) in &r.failures {
                        println!("  {id}: {e}");
                    }
                }
            }
        }
        results.extend(set_results);
        results.extend(half_results);
    }
    let systems: Vec<String> = {
        let mut v: Vec<String> = Vec::new();
        for r in &results {
            if !v.contains(&r.system) {
                v.push(r.system.clone());
            }
        }
        v
    };
    for s in &systems {
        if let Some(all) = overall(&results, s) {
            results.push(all);
        }
    }
    run_info.peak_rss_kb = report::peak_rss_kb();
    if args.page.is_none() {
        let all: Vec<&SystemResult> = results.iter().filter(|r| r.set == "all").collect();
        if !all.is_empty() {
            println!("\n=== all sets ===\n");
            print!("{}", report::speed_table(&all).plain());
        }
        println!(
            "\npeak RSS {} MB; largest page {} ({:.2} MB)",
            run_info
                .peak_rss_kb
                .map_or("?".into(), |k| format!("{:.1}", k as f64 / 1024.0)),
            run_info.largest_page,
            run_info.largest_page_bytes as f64 / 1e6
        );
    }
    if let Some(p) = &args.json {
        let s = serde_json::to_string_pretty(&report::to_json(&results, &run_info))?;
        std::fs::write(p, s + "\n")?;
    }
    if let Some(p) = &args.markdown {
        std::fs::write(p, report::to_markdown(&results, &run_info))?;
    }
    if let Some(p) = &args.fidelity {
        std::fs::write(p, fidelity)?;
    }
    if let Some(p) = &args.per_page {
        std::fs::write(p, per_page)?;
    }
    if args.page.is_some() {
        return Ok(0);
    }
    if let Some(p) = &args.write_baseline {
        gate::write(p, &gate::baseline_from(&results, "pith"))?;
        eprintln!("wrote floors to {}", p.display());
    }
    if let Some(p) = &args.gate {
        let b = gate::read(p)?;
        let falls = gate::check(&b, &results);
        if falls.is_empty() {
            println!(
                "gate: every metric is at or above its floor (tolerance {})",
                b.tolerance
            );
        } else {
            println!("gate FAILED: {} metric(s) fell", falls.len());
            for f in &falls {
                println!("  {f}");
            }
            return Ok(3);
        }
    }
    Ok(0)
}
