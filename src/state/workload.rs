//! The workload view's part of the page state: the workload run and the
//! crossover chart in progress (core's `WorkloadRun` and `CrossoverRun`
//! schedule them), and the last weight refused. The worker reads no message
//! while it runs, so each row is its own request and Stop takes effect
//! between rows (and, through the stop flag, within one).
use seekscan_core::bench::RepeatPlan;
use seekscan_core::protocol::{Slot, WorkloadReport};
use seekscan_core::workload::{
    crossover, CrossoverRun, WorkloadAnswer, WorkloadRun, WorkloadSpec, WorkloadTask,
};

use super::AppState;

/// The workload and the chart in progress, and the last weight refused.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorkloadState {
    pub run: Option<WorkloadRun>,
    pub chart: Option<CrossoverRun>,
    pub next_id: u64,
    pub weight_error: Option<String>,
}

pub enum WorkloadAction {
    /// Measure the whole workload with the page's runs and time budget.
    Run,
    /// Chart one pattern.
    Chart(String),
    Stop,
    /// A task was sent to the worker.
    Asked(u64),
    SetWeight {
        pattern: String,
        weight: String,
    },
}

impl WorkloadState {
    /// The task to send now: one at a time, the workload's rows first.
    pub fn next_request(&self) -> Option<(u64, WorkloadTask)> {
        let busy = |in_flight| in_flight;
        if self.run.as_ref().is_some_and(|r| busy(r.in_flight))
            || self.chart.as_ref().is_some_and(|c| busy(c.in_flight))
        {
            return None;
        }
        if let Some(run) = &self.run {
            if let Some(task) = run.next_task() {
                return Some((run.id, WorkloadTask::Row(task)));
            }
        }
        let chart = self.chart.as_ref()?;
        Some((chart.id, WorkloadTask::Point(chart.next_task()?)))
    }

    pub fn measuring(&self) -> bool {
        self.run.as_ref().is_some_and(WorkloadRun::measuring)
            || self.chart.as_ref().is_some_and(CrossoverRun::measuring)
    }

    /// Stop, Regenerate or a worker's death: the run and the chart end,
    /// keeping what they measured, and wait for no answer.
    pub fn interrupt(&mut self) {
        self.run.iter_mut().for_each(WorkloadRun::stop);
        self.chart.iter_mut().for_each(CrossoverRun::stop);
    }
}

fn plan(state: &AppState) -> RepeatPlan {
    RepeatPlan {
        wanted: state.experiment.repetitions,
        budget_ms: state.experiment.budget_ms,
    }
}

/// Applies a workload action to the page's state.
pub fn reduce(state: &mut AppState, action: WorkloadAction) {
    let id = state.workload.next_id + 1;
    match action {
        WorkloadAction::Run => {
            let Some(dataset) = &state.dataset else {
                return;
            };
            let spec = WorkloadSpec {
                a: state.config(Slot::A),
                b: state.config(Slot::B),
                plan: plan(state),
                params_large: dataset.params(true, &Default::default()),
                params_small: dataset.params(false, &Default::default()),
            };
            state.workload.run = Some(WorkloadRun::new(id, spec));
            state.workload.next_id = id;
        }
        WorkloadAction::Chart(pattern) => {
            let Some(dataset) = &state.dataset else {
                return;
            };
            let (large, small) = (
                dataset.params(true, &Default::default()),
                dataset.params(false, &Default::default()),
            );
            let todo = crossover::points(&pattern, dataset.tenants, &large, &small);
            let configs = (state.config(Slot::A), state.config(Slot::B));
            let chart = CrossoverRun::new(id, &pattern, configs, plan(state), todo);
            state.workload.chart = Some(chart);
            state.workload.next_id = id;
        }
        WorkloadAction::Stop => state.workload.interrupt(),
        WorkloadAction::Asked(id) => {
            if let Some(run) = state.workload.run.as_mut().filter(|r| r.id == id) {
                run.asked();
            }
            if let Some(chart) = state.workload.chart.as_mut().filter(|c| c.id == id) {
                chart.asked();
            }
        }
        WorkloadAction::SetWeight { pattern, weight } => {
            let parsed = weight.trim().parse::<u32>().map_err(|_| {
                format!("the weight of {pattern} must be a whole number, got {weight:?}")
            });
            let mut weights = state.experiment.weights.clone();
            match parsed.and_then(|w| weights.set(&pattern, w)) {
                Ok(()) => {
                    state.experiment.weights = weights;
                    state.workload.weight_error = None;
                }
                Err(message) => state.workload.weight_error = Some(message),
            }
        }
    }
}

/// A task's answer: lands in the run or chart it was for; others are ignored.
pub fn answered(state: &mut AppState, report: WorkloadReport) {
    state.worker_memory = report.memory_bytes.or(state.worker_memory);
    let WorkloadState { run, chart, .. } = &mut state.workload;
    match report.answer {
        Ok(WorkloadAnswer::Row(row)) => {
            if let Some(run) = run.as_mut().filter(|r| r.id == report.id) {
                run.absorb(Ok(*row));
            }
        }
        Ok(WorkloadAnswer::Point(point)) => {
            if let Some(chart) = chart.as_mut().filter(|c| c.id == report.id) {
                chart.absorb(Ok(*point));
            }
        }
        Err(message) => {
            if let Some(run) = run.as_mut().filter(|r| r.id == report.id) {
                run.absorb(Err(message.clone()));
            }
            if let Some(chart) = chart.as_mut().filter(|c| c.id == report.id) {
                chart.absorb(Err(message));
            }
        }
    }
}
