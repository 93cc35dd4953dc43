//! Repeated runs: browsers coarsen timers, so one run says little. The
//! median and p95 of N runs are what the page and the CLI report.
use serde::{Deserialize, Serialize};

use crate::catalog::IndexSet;
use crate::engine::{Engine, EngineError, QueryOutcome};

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Timings {
    pub samples_us: Vec<f64>,
    pub median_us: f64,
    pub p95_us: f64,
}

impl Timings {
    pub fn from_samples(samples_us: Vec<f64>) -> Self {
        let mut sorted = samples_us.clone();
        sorted.sort_by(f64::total_cmp);
        Self {
            median_us: percentile(&sorted, 50),
            p95_us: percentile(&sorted, 95),
            samples_us,
        }
    }
}

/// Nearest-rank percentile of sorted samples (0 when there are none).
fn percentile(sorted: &[f64], p: usize) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted[rank - 1]
}

/// Runs `sql` `repetitions` times; the first run's outcome is returned with
/// the timings of all runs.
pub fn measure(
    engine: &mut Engine,
    sql: &str,
    repetitions: u32,
) -> Result<(QueryOutcome, Timings), EngineError> {
    let every = IndexSet::of(engine.indexes().into_iter().map(|d| d.name));
    measure_with(engine, sql, &every, repetitions)
}

/// Like [`measure`], with only the `visible` indexes open to the planner.
pub fn measure_with(
    engine: &mut Engine,
    sql: &str,
    visible: &IndexSet,
    repetitions: u32,
) -> Result<(QueryOutcome, Timings), EngineError> {
    let first = engine.run_with(sql, visible)?;
    let mut samples = vec![first.stats.elapsed_us as f64];
    for _ in 1..repetitions {
        samples.push(engine.run_with(sql, visible)?.stats.elapsed_us as f64);
    }
    Ok((first, Timings::from_samples(samples)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_p95_by_nearest_rank() {
        let t = Timings::from_samples((1..=20).rev().map(f64::from).collect());
        assert_eq!(t.median_us, 10.0);
        assert_eq!(t.p95_us, 19.0);
        assert_eq!(Timings::from_samples(vec![4.0]).p95_us, 4.0);
        assert_eq!(Timings::from_samples(vec![]).median_us, 0.0);
    }
}
