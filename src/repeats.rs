//! Repetitions driven by the page. The worker is single-threaded and reads
//! no message while it runs a query, so a Stop sent to it would wait behind
//! every repetition. Instead the first run of each pane answers at once, and
//! the page then asks for one short batch at a time ([`Ask`]), the pane with
//! the fewest samples first, merging each answer into its timings and
//! deciding after each whether to go on (runs asked for, time budget, Stop).
//! Stop therefore takes effect in the page at once; the batch in flight
//! ends within `bench::BATCH_MS` plus one run (itself bounded by the
//! engine's per-run limit), and its answer is ignored.
//! (A SharedArrayBuffer flag the worker polls would also work, the page is
//! cross-origin isolated, but it would tie Stop to those headers and add
//! shared state between threads; asking per batch needs neither.)
use seekscan_core::bench::{Batch, Ending, RepeatPlan, Samples};
use seekscan_core::protocol::{Config, Pane, RepeatReport, Slot};

use crate::state::AppState;

/// One pane's newest answer, the run it came from, and how its repetitions stand.
#[derive(Clone, Debug, PartialEq)]
pub struct PaneState {
    pub pane: Pane,
    pub run: u64,
    pub plan: RepeatPlan,
    /// Why the pane stopped repeating; `None` while it still measures.
    pub ending: Option<Ending>,
}

impl PaneState {
    /// A first answer; it measures on unless it is already done (an error,
    /// an EXPLAIN that ran nothing, one run asked for, a budget spent).
    pub fn new(pane: Pane, run: u64, plan: RepeatPlan) -> Self {
        let mut state = Self {
            pane,
            run,
            plan,
            ending: None,
        };
        state.settle();
        state
    }

    pub fn measuring(&self) -> bool {
        self.ending.is_none()
    }

    /// The next batch this pane asks for, while it measures.
    fn next_batch(&self) -> Option<Batch> {
        let result = self
            .pane
            .result
            .as_ref()
            .ok()
            .filter(|_| self.measuring())?;
        self.plan.next(&result.timings).ok()
    }

    /// Ends the repetitions once the plan has no next batch.
    fn settle(&mut self) {
        if self.ending.is_some() {
            return;
        }
        self.ending = match &self.pane.result {
            Ok(result) if result.outcome.plan.actual_rows.is_some() => {
                self.plan.next(&result.timings).err()
            }
            _ => Some(Ending::Complete),
        };
    }

    /// Adds a batch's samples (or its error) and settles.
    fn merge(&mut self, samples: Result<Samples, String>) {
        let Ok(result) = self.pane.result.as_mut() else {
            return;
        };
        match samples {
            Ok(samples) => {
                result.timings = result.timings.merged(&samples);
                self.settle();
            }
            Err(message) => self.ending = Some(Ending::Failed(message)),
        }
    }
}

/// A batch the page should ask the worker for now.
#[derive(Clone, Debug, PartialEq)]
pub struct Ask {
    /// The run whose pane the samples belong to.
    pub id: u64,
    pub sql: String,
    pub config: Config,
    pub batch: Batch,
    /// Asks sent before this one: no two asks are equal, so an effect keyed
    /// on the next ask sends each exactly once.
    pub seq: u64,
}

/// The next batch to ask for: none while a run or another batch is in
/// flight; else for the measuring pane with the fewest samples, so A and B
/// refine side by side.
pub fn next_ask(state: &AppState) -> Option<Ask> {
    if state.pending.is_some() || state.asking.is_some() {
        return None;
    }
    let sql = state.shown_sql.clone()?;
    let (slot, pane, batch) = Slot::BOTH
        .into_iter()
        .filter_map(|slot| {
            let pane = state.pane(slot)?;
            Some((slot, pane, pane.next_batch()?))
        })
        .min_by_key(|(_, pane, _)| samples(pane))?;
    Some(Ask {
        id: pane.run,
        sql,
        config: Config {
            slot,
            indexes: state.config(slot),
        },
        batch,
        seq: state.asks_sent,
    })
}

fn samples(pane: &PaneState) -> usize {
    pane.pane
        .result
        .as_ref()
        .map_or(0, |r| r.timings.samples_us.len())
}

/// A batch's answer: merged into its pane if that pane still measures the
/// same run; a stopped or replaced run's answer only frees the worker.
pub fn answered(state: &mut AppState, report: RepeatReport) {
    if state.asking == Some((report.id, report.slot)) {
        state.asking = None;
    }
    let pane = state.panes[report.slot.index()]
        .as_mut()
        .filter(|pane| pane.run == report.id && pane.measuring());
    if let Some(pane) = pane {
        pane.merge(report.samples);
    }
}

/// Ends the repetitions of every measuring pane in `slots`, keeping what
/// was measured.
pub fn stop(state: &mut AppState, slots: &[Slot]) {
    for slot in slots {
        if let Some(pane) = state.panes[slot.index()].as_mut() {
            if pane.measuring() {
                pane.ending = Some(Ending::Stopped);
            }
        }
    }
}
