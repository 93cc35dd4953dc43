//! Two configurations of one statement measured interleaved: run by run,
//! A then B, then B then A, and so on (each pair in the other order, so
//! neither side always runs on caches the other warmed). Measured one after
//! the other, a burst of load from another process lands on one side only
//! and reads as a difference; interleaved, it lands on both.
use web_time::Instant;

use crate::bench::{Ending, RepeatPlan, Timings};
use crate::catalog::IndexSet;
use crate::engine::{Engine, EngineError, QueryOutcome};

/// One side of an interleaved pair: its first run's outcome, every run's
/// timings and why its runs ended.
#[derive(Clone, Debug)]
pub struct PairRun {
    pub outcome: QueryOutcome,
    pub timings: Timings,
    pub ending: Ending,
}

/// Runs `sql` under `sets[0]` and `sets[1]` in turn, one run at a time,
/// each side as its own `plans` entry allows (runs asked for, time budget).
/// The first run of each side returns its outcome and counts as a sample.
pub fn measure_pair(
    engine: &mut Engine,
    sql: &str,
    sets: [&IndexSet; 2],
    plans: [RepeatPlan; 2],
) -> Result<[PairRun; 2], EngineError> {
    let mut timings = [Timings::default(), Timings::default()];
    let mut outcomes = Vec::with_capacity(2);
    for (side, visible) in sets.iter().enumerate() {
        let started = Instant::now();
        let outcome = engine.run_with(sql, visible)?;
        record(&mut timings[side], outcome.stats.elapsed_us as f64, started);
        outcomes.push(outcome);
    }
    let mut endings: [Option<Ending>; 2] = [None, None];
    for round in 1.. {
        let order = if round % 2 == 0 { [0, 1] } else { [1, 0] };
        for side in order {
            if endings[side].is_some() {
                continue;
            }
            match plans[side].next(&timings[side]) {
                Ok(_) => {
                    let started = Instant::now();
                    let us = engine.time_with(sql, sets[side])? as f64;
                    record(&mut timings[side], us, started);
                }
                Err(ending) => endings[side] = Some(ending),
            }
        }
        if endings.iter().all(Option::is_some) {
            break;
        }
    }
    let mut outcomes = outcomes.into_iter();
    Ok([0, 1].map(|side| {
        let samples = std::mem::take(&mut timings[side].samples_us);
        PairRun {
            outcome: outcomes.next().unwrap_or_default(),
            timings: Timings {
                wall_ms: timings[side].wall_ms,
                ..Timings::from_samples(samples)
            },
            ending: endings[side].take().unwrap_or(Ending::Complete),
        }
    }))
}

/// Adds one run: its statement time and the wall time since `started`.
fn record(timings: &mut Timings, us: f64, started: Instant) {
    timings.samples_us.push(us);
    timings.wall_ms += started.elapsed().as_secs_f64() * 1000.0;
}
