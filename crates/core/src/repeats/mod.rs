//! Repetitions of a read, scheduled a batch at a time (the page's way; the
//! workload's twin is `workload::WorkloadRun`). The first run of each pane
//! answers at once; then one short batch is asked for at a time, for the
//! measuring pane with the fewest samples, so A and B refine side by side.
//! Each answer is merged into its pane's timings, and the pane decides
//! whether to go on: the runs asked for, the time budget ([`RepeatPlan`]),
//! Stop, or a failed run end it. An answer to a run the pane no longer
//! measures (stopped, or replaced by a newer run) is dropped.
use serde::{Deserialize, Serialize};

use crate::bench::{Batch, Ending, RepeatPlan, Samples};
use crate::protocol::{Pane, RepeatReport, Slot};

#[cfg(test)]
mod tests;

/// One pane's newest answer, the run it came from, and how its repetitions stand.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct PaneRepeats {
    pub pane: Pane,
    pub run: u64,
    pub plan: RepeatPlan,
    /// Why the pane stopped repeating; `None` while it still measures.
    pub ending: Option<Ending>,
}

impl PaneRepeats {
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

    /// Samples measured so far (0 for a failed run).
    pub fn samples(&self) -> usize {
        self.pane
            .result
            .as_ref()
            .map_or(0, |r| r.timings.samples_us.len())
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

    /// Stop: what was measured stays.
    fn stop(&mut self) {
        if self.measuring() {
            self.ending = Some(Ending::Stopped);
        }
    }
}

/// The batch to ask for next: for run `run`'s pane `slot`.
#[derive(Clone, Debug, PartialEq)]
pub struct NextBatch {
    pub run: u64,
    pub slot: Slot,
    pub batch: Batch,
    /// Batches asked for before this one: no two are equal, so a caller
    /// that sends each new value once sends each batch exactly once.
    pub seq: u64,
}

/// Both panes' repetitions and the batch in flight.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Repeats {
    panes: [Option<PaneRepeats>; 2],
    /// The batch in flight: (run, pane).
    asking: Option<(u64, Slot)>,
    /// Batches asked for so far (see [`NextBatch::seq`]).
    asks_sent: u64,
}

impl Repeats {
    pub fn pane(&self, slot: Slot) -> Option<&PaneRepeats> {
        self.panes[slot.index()].as_ref()
    }

    /// A pane still measures.
    pub fn measuring(&self) -> bool {
        self.panes.iter().flatten().any(PaneRepeats::measuring)
    }

    /// A batch was asked for and not answered yet.
    pub fn asking(&self) -> bool {
        self.asking.is_some()
    }

    /// A run's first answer for its pane: the pane measures this run now.
    pub fn first_answer(&mut self, pane: Pane, run: u64, plan: RepeatPlan) {
        let slot = pane.slot;
        self.panes[slot.index()] = Some(PaneRepeats::new(pane, run, plan));
    }

    /// The next batch: none while another is in flight; else for the
    /// measuring pane with the fewest samples.
    pub fn next(&self) -> Option<NextBatch> {
        if self.asking.is_some() {
            return None;
        }
        let (slot, pane, batch) = Slot::BOTH
            .into_iter()
            .filter_map(|slot| {
                let pane = self.pane(slot)?;
                Some((slot, pane, pane.next_batch()?))
            })
            .min_by_key(|(_, pane, _)| pane.samples())?;
        Some(NextBatch {
            run: pane.run,
            slot,
            batch,
            seq: self.asks_sent,
        })
    }

    /// A batch for run `run`'s pane `slot` was sent.
    pub fn asked(&mut self, run: u64, slot: Slot) {
        self.asking = Some((run, slot));
        self.asks_sent += 1;
    }

    /// A batch's answer: merged into its pane if that pane still measures
    /// the same run; a stopped or replaced run's answer only frees the worker.
    pub fn answered(&mut self, report: RepeatReport) {
        if self.asking == Some((report.id, report.slot)) {
            self.asking = None;
        }
        let pane = self.panes[report.slot.index()]
            .as_mut()
            .filter(|pane| pane.run == report.id && pane.measuring());
        if let Some(pane) = pane {
            pane.merge(report.samples);
        }
    }

    /// Ends the repetitions of every measuring pane in `slots`, keeping
    /// what was measured.
    pub fn stop(&mut self, slots: &[Slot]) {
        for slot in slots {
            if let Some(pane) = self.panes[slot.index()].as_mut() {
                pane.stop();
            }
        }
    }

    /// The worker is gone (or its work was ended): no batch is in flight
    /// any more, and no pane measures.
    pub fn interrupt(&mut self) {
        self.asking = None;
        self.stop(&Slot::BOTH);
    }

    /// New data: nothing measured describes it.
    pub fn clear(&mut self) {
        let asks_sent = self.asks_sent;
        *self = Self {
            asks_sent,
            ..Self::default()
        };
    }
}
