//! pith-eval: accuracy and speed of pith (and of other tools' saved outputs)
//! on the shared evaluation sets. See `eval/README.md` for the metrics.

pub mod data;
pub mod fidelity;
pub mod gate;
pub mod markdown;
pub mod metrics;
pub mod page;
pub mod report;
pub mod score;
pub mod system;
