//! Results of one system on one set, and their tables and JSON.

use std::fmt::Write as _;

use serde_json::{json, Map, Value};

use crate::score::Metrics;

/// One system on one set (or on all sets run, `set == "all"`).
#[derive(Debug, Clone, Default)]
pub struct SystemResult {
    pub system: String,
    pub set: String,
    pub pages: usize,
    pub bytes: u64,
    pub metrics: Metrics,
    /// Seconds per page, for the pages that were timed (a peer's missing
    /// pages are not).
    pub times: Vec<f64>,
    /// Bytes of the timed pages.
    pub timed_bytes: u64,
    /// Pages that failed, with the error.
    pub failures: Vec<(String, String)>,
    /// Pages a peer file did not cover.
    pub missing: usize,
}

/// Nearest-rank percentile of unsorted values, `q` in 0..=1.
pub fn percentile(values: &[f64], q: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = (q * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}

/// Speed figures derived from the per-page times.
#[derive(Debug, Clone, Copy, Default)]
pub struct Speed {
    pub seconds: f64,
    pub pages_per_s: f64,
    pub mb_per_s: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl SystemResult {
    pub fn mb(&self) -> f64 {
        self.bytes as f64 / 1e6
    }

    pub fn speed(&self) -> Speed {
        let seconds: f64 = self.times.iter().sum();
        let per = |x: f64| if seconds > 0.0 { x / seconds } else { 0.0 };
        Speed {
            seconds,
            pages_per_s: per(self.times.len() as f64),
            mb_per_s: per(self.timed_bytes as f64 / 1e6),
            p50_ms: percentile(&self.times, 0.5) * 1e3,
            p99_ms: percentile(&self.times, 0.99) * 1e3,
            max_ms: percentile(&self.times, 1.0) * 1e3,
        }
    }

    pub fn metric(&self, name: &str) -> Option<f64> {
        self.metrics
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| *v)
    }

    pub fn to_json(&self) -> Value {
        let s = self.speed();
        let metrics: Map<String, Value> = self
            .metrics
            .iter()
            .map(|(k, v)| (k.clone(), json!(round(*v, 6))))
            .collect();
        json!({
            "system": self.system,
            "set": self.set,
            "pages": self.pages,
            "mb": round(self.mb(), 3),
            "metrics": metrics,
            "seconds": round(s.seconds, 4),
            "pages_per_s": round(s.pages_per_s, 2),
            "mb_per_s": round(s.mb_per_s, 3),
            "p50_ms": round(s.p50_ms, 3),
            "p99_ms": round(s.p99_ms, 3),
            "max_ms": round(s.max_ms, 3),
            "failures": self.failures.iter().map(|(id, e)| json!({"id": id, "error": e})).collect::<Vec<_>>(),
            "missing": self.missing,
        })
    }
}

pub fn round(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

/// Facts about the whole run.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    pub peak_rss_kb: Option<u64>,
    pub largest_page_bytes: u64,
    pub largest_page: String,
}

/// Peak resident set size of this process (VmHWM), in kB.
pub fn peak_rss_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

pub fn to_json(results: &[SystemResult], run: &RunInfo) -> Value {
    json!({
        "systems": results.iter().map(SystemResult::to_json).collect::<Vec<_>>(),
        "run": {
            "peak_rss_mb": run.peak_rss_kb.map(|k| round(k as f64 / 1024.0, 1)),
            "largest_page_bytes": run.largest_page_bytes,
            "largest_page": run.largest_page,
        }
    })
}

/// A simple table renderer: Markdown pipes or aligned plain text.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn markdown(&self) -> String {
        let mut s = String::new();
        let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
        s += &line(&self.header);
        s += &line(
            &self
                .header
                .iter()
                .map(|_| "---".to_string())
                .collect::<Vec<_>>(),
        );
        for r in &self.rows {
            s += &line(r);
        }
        s
    }

    pub fn plain(&self) -> String {
        let n = self.header.len();
        let mut w = vec![0usize; n];
        for r in std::iter::once(&self.header).chain(&self.rows) {
            for (i, c) in r.iter().enumerate().take(n) {
                w[i] = w[i].max(c.chars().count());
            }
        }
        let mut s = String::new();
        for (k, r) in std::iter::once(&self.header).chain(&self.rows).enumerate() {
            for (i, c) in r.iter().enumerate().take(n) {
                let pad = w[i] - c.chars().count();
                if i == 0 {
                    let _ = write!(s, "{c}{}", " ".repeat(pad));
                } else {
                    let _ = write!(s, "  {}{c}", " ".repeat(pad));
                }
            }
            s.push('\n');
            if k == 0 {
                s += &"-".repeat(w.iter().sum::<usize>() + 2 * n.saturating_sub(1));
                s.push('\n');
            }
        }
        s
    }
}

/// Quality table of one set: one row per metric, one column per system.
pub fn quality_table(results: &[&SystemResult]) -> Table {
    let mut names: Vec<String> = Vec::new();
    for r in results {
        for (n, _) in &r.metrics {
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
    }
    let mut header = vec!["metric".to_string()];
    header.extend(results.iter().map(|r| r.system.clone()));
    let rows = names
        .iter()
        .map(|n| {
            let mut row = vec![n.clone()];
            row.extend(
                results
                    .iter()
                    .map(|r| r.metric(n).map_or("-".into(), |v| format!("{v:.3}"))),
            );
            row
        })
        .collect();
    Table { header, rows }
}

/// Speed table: one row per (system, set).
pub fn speed_table(results: &[&SystemResult]) -> Table {
    let header = [
        "system", "set", "pages", "MB", "seconds", "pages/s", "MB/s", "p50 ms", "p99 ms", "max ms",
        "failed", "missing",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let rows = results
        .iter()
        .map(|r| {
            let s = r.speed();
            vec![
                r.system.clone(),
                r.set.clone(),
                r.pages.to_string(),
                format!("{:.1}", r.mb()),
                format!("{:.2}", s.seconds),
                format!("{:.1}", s.pages_per_s),
                format!("{:.2}", s.mb_per_s),
                format!("{:.2}", s.p50_ms),
                format!("{:.2}", s.p99_ms),
                format!("{:.2}", s.max_ms),
                r.failures.len().to_string(),
                r.missing.to_string(),
            ]
        })
        .collect();
    Table { header, rows }
}

/// The whole report as Markdown: per-set quality tables, then speed.
pub fn to_markdown(results: &[SystemResult], run: &RunInfo) -> String {
    let mut s = String::from("# pith evaluation\n\n");
    let mut sets: Vec<&str> = Vec::new();
    for r in results {
        if r.set != "all" && !sets.contains(&r.set.as_str()) {
            sets.push(&r.set);
        }
    }
    for set in &sets {
        let rs: Vec<&SystemResult> = results
            .iter()
            .filter(|r| r.set == *set && !r.metrics.is_empty())
            .collect();
        let _ = writeln!(s, "## {set}\n");
        s += &quality_table(&rs).markdown();
        s.push('\n');
    }
    s += "## Speed\n\n";
    s += &speed_table(&results.iter().collect::<Vec<_>>()).markdown();
    let _ = write!(
        s,
        "\nPeak RSS: {} MB. Largest page: {} ({} bytes).\n",
        run.peak_rss_kb
            .map_or("?".into(), |k| format!("{:.1}", k as f64 / 1024.0)),
        run.largest_page,
        run.largest_page_bytes
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_and_speed() {
        let v = [0.004, 0.001, 0.003, 0.002];
        assert_eq!(percentile(&v, 0.5), 0.002);
        assert_eq!(percentile(&v, 0.99), 0.004);
        assert_eq!(percentile(&v, 1.0), 0.004);
        assert_eq!(percentile(&[], 0.5), 0.0);
        let r = SystemResult {
            times: v.to_vec(),
            timed_bytes: 2_000_000,
            ..Default::default()
        };
        let s = r.speed();
        assert!((s.pages_per_s - 400.0).abs() < 1e-6);
        assert!((s.mb_per_s - 200.0).abs() < 1e-6);
    }
}
