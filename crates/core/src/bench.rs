//! Repeated runs: browsers coarsen timers, so one run says little. The
//! median and p95 of N runs are what the page and the CLI report. The page
//! measures a pane a batch at a time ([`RepeatPlan`], [`repeat_batch`]) so
//! it sees every answer and can stop between batches.
use std::time::Duration;

use serde::{Deserialize, Serialize};
use web_time::Instant;

use crate::catalog::IndexSet;
use crate::engine::{Engine, EngineError, QueryOutcome};

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Timings {
    pub samples_us: Vec<f64>,
    pub median_us: f64,
    pub p95_us: f64,
    /// Milliseconds the runs took from first start to last end, planning,
    /// result rows and every other overhead included: what the user waited
    /// (0 when not known). The samples time the statements alone.
    #[serde(default)]
    pub wall_ms: f64,
}

/// The runs of one batch: each statement's time, and the batch's whole.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Samples {
    pub samples_us: Vec<f64>,
    pub wall_ms: f64,
}

impl Timings {
    pub fn from_samples(samples_us: Vec<f64>) -> Self {
        let mut sorted = samples_us.clone();
        sorted.sort_by(f64::total_cmp);
        Self {
            median_us: percentile(&sorted, 50),
            p95_us: percentile(&sorted, 95),
            samples_us,
            wall_ms: 0.0,
        }
    }

    /// These samples and `more`, with median and p95 over all of them.
    pub fn merged(&self, more: &Samples) -> Self {
        let mut samples = self.samples_us.clone();
        samples.extend_from_slice(&more.samples_us);
        Self {
            wall_ms: self.wall_ms + more.wall_ms,
            ..Self::from_samples(samples)
        }
    }

    /// Milliseconds the runs took, as the user waited for them: their wall
    /// time, or the statements' own time where that is all that is known.
    pub fn spent_ms(&self) -> f64 {
        (self.samples_us.iter().sum::<f64>() / 1000.0).max(self.wall_ms)
    }
}

/// The longest batch the page asks for: a Stop, a toggle or a new Run waits
/// on at most this plus the one run under way when it ends.
pub const BATCH_MS: f64 = 50.0;

/// The most runs a batch asks for: the page asks for the pane with the
/// fewest samples next, so A and B alternate every few runs (interleaved,
/// as `noise` needs) instead of one pane running all of its runs first.
pub const MAX_BATCH_RUNS: u32 = 5;

/// Repetitions one at a time or a few: at most `runs`, and none begun once
/// `within_ms` have passed (the first always runs).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct Batch {
    pub runs: u32,
    pub within_ms: f64,
}

/// How many runs a pane asks for and how long they may take together.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct RepeatPlan {
    pub wanted: u32,
    pub budget_ms: u32,
}

/// Why a pane stopped repeating.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum Ending {
    /// Every run asked for was measured.
    Complete,
    /// The runs so far used up the time budget.
    OverBudget,
    /// The user pressed Stop (or started something else).
    Stopped,
    /// A repetition failed; the samples before it stay.
    Failed(String),
}

impl RepeatPlan {
    /// The next batch after `timings`, or why there is none: the runs asked
    /// for are measured, or their time is past the budget.
    pub fn next(&self, timings: &Timings) -> Result<Batch, Ending> {
        let done = timings.samples_us.len() as u32;
        if done >= self.wanted {
            return Err(Ending::Complete);
        }
        let left_ms = f64::from(self.budget_ms) - timings.spent_ms();
        if left_ms <= 0.0 {
            return Err(Ending::OverBudget);
        }
        Ok(Batch {
            runs: (self.wanted - done).min(MAX_BATCH_RUNS),
            within_ms: left_ms.min(BATCH_MS),
        })
    }
}

/// Runs `sql` as `batch` allows; the samples, in microseconds.
/// Only the statements' times are kept: the rows are neither converted nor
/// sent (the first run already showed them).
pub fn repeat_batch(
    engine: &mut Engine,
    sql: &str,
    visible: &IndexSet,
    batch: Batch,
) -> Result<Samples, EngineError> {
    let started = Instant::now();
    let within = Duration::from_secs_f64(batch.within_ms.max(0.0) / 1000.0);
    let mut samples = Vec::new();
    while samples.is_empty() || (samples.len() < batch.runs as usize && started.elapsed() < within)
    {
        // A run too short to reach the storage's check still ends the batch.
        engine.check_cancel()?;
        samples.push(engine.time_with(sql, visible)? as f64);
    }
    Ok(Samples {
        samples_us: samples,
        wall_ms: started.elapsed().as_secs_f64() * 1000.0,
    })
}

/// Nearest-rank percentile of sorted samples (0 when there are none).
pub(crate) fn percentile(sorted: &[f64], p: usize) -> f64 {
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
    let started = Instant::now();
    let first = engine.run_with(sql, visible)?;
    let mut samples = vec![first.stats.elapsed_us as f64];
    for _ in 1..repetitions {
        samples.push(engine.time_with(sql, visible)? as f64);
    }
    let timings = Timings {
        wall_ms: started.elapsed().as_secs_f64() * 1000.0,
        ..Timings::from_samples(samples)
    };
    Ok((first, timings))
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

    #[test]
    fn merged_batches_recompute_median_and_p95_over_every_sample() {
        let first = Timings::from_samples(vec![100.0]);
        let batch = |samples: &[f64], wall_ms| Samples {
            samples_us: samples.to_vec(),
            wall_ms,
        };
        let merged = first
            .merged(&batch(&[300.0, 200.0], 0.2))
            .merged(&batch(&[400.0], 0.3));
        assert_eq!(merged.samples_us, [100.0, 300.0, 200.0, 400.0]);
        assert_eq!(
            merged,
            Timings {
                wall_ms: 0.5,
                ..Timings::from_samples(merged.samples_us.clone())
            }
        );
        assert_eq!((merged.median_us, merged.p95_us), (200.0, 400.0));
        // The statements' own time, where it is more than the wall time known.
        assert_eq!(merged.spent_ms(), 1.0);
        // The wall time, where the runs' overheads made it more.
        assert_eq!(merged.merged(&batch(&[], 4.0)).spent_ms(), 4.5);
    }

    #[test]
    fn a_plan_asks_for_the_runs_left_until_count_or_budget() {
        let plan = RepeatPlan {
            wanted: 5,
            budget_ms: 100,
        };
        let one = Timings::from_samples(vec![10_000.0]);
        assert_eq!(
            plan.next(&one),
            Ok(Batch {
                runs: 4,
                within_ms: BATCH_MS
            })
        );
        // Close to the budget, a batch takes only what is left.
        let batch = |us: f64, wall_ms: f64| Samples {
            samples_us: vec![us],
            wall_ms,
        };
        let close = one.merged(&batch(70_000.0, 0.0));
        assert_eq!(plan.next(&close).map(|b| b.within_ms), Ok(20.0));
        assert_eq!(
            plan.next(&close.merged(&batch(20_000.0, 0.0))),
            Err(Ending::OverBudget)
        );
        // The wall time counts where the statements took less of it.
        let waited = one.merged(&batch(1_000.0, 95.0));
        assert_eq!(plan.next(&waited).map(|b| b.within_ms), Ok(5.0));
        // Many runs left are asked for a few at a time, A and B in turn.
        let many = RepeatPlan {
            wanted: 20,
            budget_ms: 100,
        };
        assert_eq!(many.next(&one).map(|b| b.runs), Ok(MAX_BATCH_RUNS));
        let five = Timings::from_samples(vec![1.0; 5]);
        assert_eq!(plan.next(&five), Err(Ending::Complete));
        // A first run longer than the budget is the only one.
        let slow = Timings::from_samples(vec![150_000.0]);
        assert_eq!(plan.next(&slow), Err(Ending::OverBudget));
    }
}
