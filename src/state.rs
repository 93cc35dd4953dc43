//! The page's state as a Yew reducer: every change is an [`Action`].
use std::rc::Rc;

use seekscan_core::experiment::Experiment;
use seekscan_core::patterns;
use seekscan_core::protocol::{DatasetInfo, LoadProgress, Response, RunKind};
use yew::Reducible;

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

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub status: EngineStatus,
    pub dataset: Option<DatasetInfo>,
    pub experiment: Experiment,
    /// The text in the editor; a pattern renders into it, editing makes it free SQL.
    pub editor: String,
    /// The newest answer: a result or the statement's error.
    pub result: Option<RunKind>,
    /// The run in flight; answers to older runs are ignored.
    pub pending: Option<u64>,
    /// The id of the run `result` answers (0 before the first).
    pub result_run: u64,
    pub next_run_id: u64,
    /// Bumped when the worker is replaced, so the page spawns a new one.
    pub worker_generation: u32,
    /// Why the link's settings were ignored, if they were.
    pub link_problem: Option<String>,
    /// The link named a query: run it once, as soon as the data is ready.
    pub autorun: bool,
}

impl AppState {
    pub fn new(experiment: Experiment, link_problem: Option<String>) -> Self {
        let editor = experiment
            .sql
            .clone()
            .unwrap_or_else(|| DEFAULT_SQL.to_owned());
        let autorun = experiment.sql.is_some() || experiment.pattern.is_some();
        Self {
            status: EngineStatus::Starting,
            dataset: None,
            experiment,
            editor,
            result: None,
            pending: None,
            result_run: 0,
            next_run_id: 1,
            worker_generation: 0,
            link_problem,
            autorun,
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
    ChoosePattern {
        id: Option<String>,
        sql: String,
    },
    SetParam {
        name: String,
        value: String,
        sql: String,
    },
    SetRepetitions(u32),
    Regenerate {
        scale: usize,
        seed: u64,
    },
    RunSent(u64),
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
            Action::SetRepetitions(n) => next.experiment.repetitions = n,
            Action::Regenerate { scale, seed } => {
                next.experiment.scale = scale;
                next.experiment.seed = seed;
                next.status = EngineStatus::Starting;
                next.result = None;
                next.pending = None;
            }
            Action::RunSent(id) => {
                next.autorun = false;
                next.pending = Some(id);
                next.next_run_id = id + 1;
                next.status = EngineStatus::Running;
            }
            Action::WorkerDied(message) => {
                next.status = EngineStatus::Failed(format!("{message} — restarting the engine"));
                next.pending = None;
                next.dataset = None;
                next.worker_generation += 1;
            }
            Action::Worker(Response::Progress(progress)) => {
                next.status = EngineStatus::Loading(progress)
            }
            Action::Worker(Response::Loaded(info)) => {
                // A linked pattern renders with this data's parameters.
                if let (Some(pattern), None) = (
                    next.experiment.pattern.as_deref().and_then(patterns::find),
                    &next.experiment.sql,
                ) {
                    let params = info.params(true, &next.experiment.params);
                    next.editor = pattern.render(&params);
                }
                next.dataset = Some(info);
                next.status = EngineStatus::Ready;
            }
            Action::Worker(Response::LoadFailed { message }) => {
                next.status = EngineStatus::Failed(message)
            }
            Action::Worker(Response::Ran(report)) => {
                if next.pending != Some(report.id) {
                    return self;
                }
                next.pending = None;
                next.status = EngineStatus::Ready;
                next.result_run = report.id;
                next.result = Some(report.kind);
            }
        }
        Rc::new(next)
    }
}
