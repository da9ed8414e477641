//! The accuracy gate: floors per (set, metric) for pith, and the pure check.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::report::SystemResult;

/// How far below its floor a metric may fall before the gate fails.
pub const TOLERANCE: f64 = 0.005;

/// `eval/baseline.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// Allowed drop below a floor.
    pub tolerance: f64,
    /// The system the floors apply to.
    pub system: String,
    /// set → metric → floor. Speed is never gated.
    pub floors: BTreeMap<String, BTreeMap<String, f64>>,
}

/// One metric that fell.
#[derive(Debug, Clone, PartialEq)]
pub struct Fall {
    pub set: String,
    pub metric: String,
    pub floor: f64,
    /// `None`: the set ran but the metric is gone.
    pub value: Option<f64>,
}

impl std::fmt::Display for Fall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.value {
            Some(v) => write!(
                f,
                "{} {}: {:.4} is {:.4} below its floor {:.4}",
                self.set,
                self.metric,
                v,
                self.floor - v,
                self.floor
            ),
            None => write!(
                f,
                "{} {}: missing from the results (floor {:.4})",
                self.set, self.metric, self.floor
            ),
        }
    }
}

/// Compare results with the floors. Sets that were not run are not checked;
/// a metric more than `baseline.tolerance` below its floor, or missing from a
/// set that ran, is a fall.
pub fn check(baseline: &Baseline, results: &[SystemResult]) -> Vec<Fall> {
    let mut falls = Vec::new();
    for (set, floors) in &baseline.floors {
        let Some(r) = results
            .iter()
            .find(|r| r.system == baseline.system && &r.set == set)
        else {
            continue;
        };
        for (metric, &floor) in floors {
            let value = r.metric(metric);
            let fell = match value {
                // A small epsilon keeps "exactly at the tolerance" a pass.
                Some(v) => v < floor - baseline.tolerance - 1e-9,
                None => true,
            };
            if fell {
                falls.push(Fall {
                    set: set.clone(),
                    metric: metric.clone(),
                    floor,
                    value,
                });
            }
        }
    }
    falls
}

/// Floors from current results: every accuracy metric of `system`, rounded
/// down to 4 decimals so that the run that wrote them passes.
pub fn baseline_from(results: &[SystemResult], system: &str) -> Baseline {
    let mut floors = BTreeMap::new();
    for r in results
        .iter()
        .filter(|r| r.system == system && r.set != "all")
    {
        let m: BTreeMap<String, f64> = r
            .metrics
            .iter()
            .map(|(k, v)| (k.clone(), (v * 1e4).floor() / 1e4))
            .collect();
        if !m.is_empty() {
            floors.insert(r.set.clone(), m);
        }
    }
    Baseline {
        tolerance: TOLERANCE,
        system: system.to_string(),
        floors,
    }
}

pub fn read(path: &std::path::Path) -> Result<Baseline> {
    let s = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&s).with_context(|| format!("parsing {}", path.display()))
}

/// Write `new`, keeping the floors of sets that `new` does not cover (so that
/// a `--set` run updates only its own sets).
pub fn write(path: &std::path::Path, new: &Baseline) -> Result<()> {
    let mut merged = match read(path) {
        Ok(old) if old.system == new.system => old,
        _ => Baseline {
            floors: BTreeMap::new(),
            ..new.clone()
        },
    };
    merged.tolerance = new.tolerance;
    for (set, m) in &new.floors {
        merged.floors.insert(set.clone(), m.clone());
    }
    let s = serde_json::to_string_pretty(&merged)? + "\n";
    std::fs::write(path, s).with_context(|| format!("writing {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(set: &str, metrics: &[(&str, f64)]) -> SystemResult {
        SystemResult {
            system: "pith".into(),
            set: set.into(),
            metrics: metrics.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            ..Default::default()
        }
    }

    fn baseline() -> Baseline {
        baseline_from(
            &[
                result("scrapinghub", &[("f1", 0.91237), ("accuracy", 0.2)]),
                result("htmldate-eval", &[("f1", 0.8)]),
            ],
            "pith",
        )
    }

    #[test]
    fn floors_round_down() {
        let b = baseline();
        assert_eq!(b.floors["scrapinghub"]["f1"], 0.9123);
        assert_eq!(b.tolerance, TOLERANCE);
    }

    #[test]
    fn passes_at_and_within_tolerance() {
        let b = baseline();
        let same = [
            result("scrapinghub", &[("f1", 0.91237), ("accuracy", 0.2)]),
            result("htmldate-eval", &[("f1", 0.8)]),
        ];
        assert!(check(&b, &same).is_empty());
        let within = [
            result(
                "scrapinghub",
                &[("f1", 0.9123 - 0.004), ("accuracy", 0.195)],
            ),
            result("htmldate-eval", &[("f1", 0.9)]),
        ];
        assert!(check(&b, &within).is_empty());
        // A set that was not run is not checked.
        assert!(check(&b, &[result("htmldate-eval", &[("f1", 0.8)])]).is_empty());
    }

    #[test]
    fn fails_on_a_lowered_result() {
        let b = baseline();
        let lowered = [
            result("scrapinghub", &[("f1", 0.90), ("accuracy", 0.2)]),
            result("htmldate-eval", &[("f1", 0.8)]),
        ];
        let falls = check(&b, &lowered);
        assert_eq!(falls.len(), 1);
        assert_eq!(falls[0].set, "scrapinghub");
        assert_eq!(falls[0].metric, "f1");
        assert!(falls[0].to_string().contains("below its floor"));
        // A metric that disappears is a fall too.
        let gone = [result("scrapinghub", &[("f1", 0.95)])];
        let falls = check(&b, &gone);
        assert_eq!(falls.len(), 1);
        assert_eq!(falls[0].value, None);
        // Peers are not gated.
        let peer = SystemResult {
            system: "other".into(),
            ..result("htmldate-eval", &[("f1", 0.1)])
        };
        assert!(check(&b, &[peer]).is_empty());
    }
}
