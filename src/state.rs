//! The page's state as a Yew reducer: every change is an [`Action`].
use std::rc::Rc;

use seekscan_core::catalog::Origin;
use seekscan_core::experiment::Experiment;
use seekscan_core::protocol::{DatasetInfo, LoadProgress, Pane, Response, RowAgreement, RunKind, RunReport};
use yew::Reducible;

use crate::components::index_panel::Slot;

pub const DEFAULT_SQL: &str =
    "SELECT id, customer_id, status, started_at\nFROM upstream_reportrun\nORDER BY id\nLIMIT 5";

#[derive(Clone, Debug, PartialEq)]
pub enum EngineStatus {
    Starting,
    Loading(LoadProgress),
    Ready,
    Running,
    Failed(String),
}

impl EngineStatus {
    /// The short word tests and people read in the status badge.
    pub fn word(&self) -> &'static str {
        match self {
            Self::Starting => "starting",
            Self::Loading(_) => "loading",
            Self::Ready => "ready",
            Self::Running => "running",
            Self::Failed(_) => "error",
        }
    }
}

/// What a run in flight was for, so its answer lands in the right place.
#[derive(Clone, Debug, PartialEq)]
pub enum Purpose {
    /// A query on these configurations (both, or only the one a toggle changed).
    Query(Vec<Slot>),
    /// CREATE/DROP INDEX from the index panel.
    Catalog,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub status: EngineStatus,
    pub dataset: Option<DatasetInfo>,
    pub experiment: Experiment,
    /// The text in the editor; a pattern renders into it, editing makes it free SQL.
    pub editor: String,
    pub panes: [Option<Pane>; 2],
    pub agreement: Option<RowAgreement>,
    /// An error that concerns the statement rather than one configuration.
    pub run_error: Option<String>,
    pub notice: Option<String>,
    pub form_error: Option<String>,
    pub pending: Option<(u64, Purpose)>,
    pub next_run_id: u64,
    /// Bumped when the worker is replaced, so the page spawns a new one.
    pub worker_generation: u32,
}

impl AppState {
    pub fn new(experiment: Experiment, link_problem: Option<String>) -> Self {
        let editor = experiment.sql.clone().unwrap_or_else(|| DEFAULT_SQL.to_owned());
        Self {
            status: EngineStatus::Starting,
            dataset: None,
            experiment,
            editor,
            panes: [None, None],
            agreement: None,
            run_error: link_problem,
            notice: None,
            form_error: None,
            pending: None,
            next_run_id: 1,
            worker_generation: 0,
        }
    }

    /// Visible indexes of a configuration: the link's, or the defaults
    /// (A: none, B: the Phase 3 set).
    pub fn config(&self, slot: Slot) -> Vec<String> {
        let chosen = match slot {
            Slot::A => &self.experiment.a,
            Slot::B => &self.experiment.b,
        };
        match (chosen, slot) {
            (Some(names), _) => names.clone(),
            (None, Slot::A) => Vec::new(),
            (None, Slot::B) => self
                .dataset
                .iter()
                .flat_map(|d| &d.indexes)
                .filter(|index| index.origin == Origin::Phase3)
                .map(|index| index.name.clone())
                .collect(),
        }
    }

    pub fn busy(&self) -> bool {
        self.status != EngineStatus::Ready
    }
}

pub enum Action {
    Worker(Response),
    WorkerDied(String),
    EditSql(String),
    /// Pattern chosen (or cleared) with its rendered SQL.
    ChoosePattern { id: Option<String>, sql: String },
    SetParam { name: String, value: String, sql: String },
    Toggle { slot: Slot, index: String, visible: bool },
    SetRepetitions(u32),
    /// A new dataset was requested.
    Regenerate { scale: usize, seed: u64 },
    RunSent { id: u64, purpose: Purpose },
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::EditSql(sql) => {
                next.experiment.sql = Some(sql.clone());
                next.editor = sql;
            }
            Action::ChoosePattern { id, sql } => {
                next.experiment.pattern = id;
                next.experiment.sql = None;
                next.experiment.params.clear();
                next.editor = sql;
            }
            Action::SetParam { name, value, sql } => {
                next.experiment.params.insert(name, value);
                next.experiment.sql = None;
                next.editor = sql;
            }
            Action::Toggle { slot, index, visible } => {
                let mut names = next.config(slot);
                names.retain(|name| name != &index);
                if visible {
                    names.push(index);
                }
                match slot {
                    Slot::A => next.experiment.a = Some(names),
                    Slot::B => next.experiment.b = Some(names),
                }
            }
            Action::SetRepetitions(n) => next.experiment.repetitions = n,
            Action::Regenerate { scale, seed } => {
                next.experiment.scale = scale;
                next.experiment.seed = seed;
                next.status = EngineStatus::Starting;
                next.panes = [None, None];
                next.agreement = None;
                next.pending = None;
            }
            Action::RunSent { id, purpose } => {
                next.pending = Some((id, purpose));
                next.next_run_id = id + 1;
                next.status = EngineStatus::Running;
                next.run_error = None;
                next.notice = None;
            }
            Action::WorkerDied(message) => {
                next.status = EngineStatus::Failed(format!("{message} — restarting the engine"));
                next.pending = None;
                next.dataset = None;
                next.worker_generation += 1;
            }
            Action::Worker(Response::Progress(progress)) => next.status = EngineStatus::Loading(progress),
            Action::Worker(Response::Loaded(info)) => {
                next.dataset = Some(info);
                next.status = EngineStatus::Ready;
            }
            Action::Worker(Response::LoadFailed { message }) => next.status = EngineStatus::Failed(message),
            Action::Worker(Response::Ran(report)) => {
                let Some((id, purpose)) = next.pending.take() else { return self };
                if id != report.id {
                    next.pending = Some((id, purpose));
                    return Rc::new(next);
                }
                next.status = EngineStatus::Ready;
                apply_report(&mut next, report, purpose);
            }
        }
        Rc::new(next)
    }
}

fn apply_report(state: &mut AppState, report: RunReport, purpose: Purpose) {
    match (report.kind, purpose) {
        (RunKind::Query { panes, .. }, Purpose::Query(slots)) => {
            for (pane, slot) in panes.into_iter().zip(slots) {
                state.panes[slot as usize] = Some(pane);
            }
            state.agreement = match &state.panes {
                [Some(Pane { result: Ok(a), .. }), Some(Pane { result: Ok(b), .. })] => {
                    Some(RowAgreement::of(&a.outcome.rows, &b.outcome.rows))
                }
                _ => None,
            };
        }
        (RunKind::Catalog { message, indexes }, _) => {
            state.form_error = None;
            state.notice = Some(message);
            if let Some(dataset) = state.dataset.as_mut() {
                dataset.indexes = indexes;
            }
            // A dropped index is no longer visible anywhere.
            let known = |names: &mut Option<Vec<String>>, state_indexes: &[String]| {
                if let Some(names) = names.as_mut() {
                    names.retain(|n| state_indexes.contains(n));
                }
            };
            let all: Vec<String> = state.dataset.iter().flat_map(|d| &d.indexes).map(|i| i.name.clone()).collect();
            known(&mut state.experiment.a, &all);
            known(&mut state.experiment.b, &all);
        }
        (RunKind::Failed { message }, Purpose::Catalog) => state.form_error = Some(message),
        (RunKind::Failed { message }, Purpose::Query(_)) => {
            state.run_error = Some(message);
            state.panes = [None, None];
            state.agreement = None;
        }
        (RunKind::Query { .. }, Purpose::Catalog) => {}
    }
}
