//! The page's state as a Yew reducer: every change is an [`Action`].
use std::rc::Rc;

use seekscan_core::protocol::{DatasetInfo, LoadProgress, Response, RunKind, RunReport};
use yew::Reducible;

pub const DEFAULT_SQL: &str = "SELECT id, customer_id, status, started_at\nFROM upstream_reportrun\nORDER BY id\nLIMIT 5";

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
    pub sql: String,
    pub config_a: Vec<String>,
    pub config_b: Vec<String>,
    pub repetitions: u32,
    pub report: Option<RunReport>,
    /// The id of the newest run sent; older answers are ignored.
    pub pending_run: Option<u64>,
    pub next_run_id: u64,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            status: EngineStatus::Starting,
            dataset: None,
            sql: DEFAULT_SQL.to_owned(),
            config_a: Vec::new(),
            config_b: Vec::new(),
            repetitions: 20,
            report: None,
            pending_run: None,
            next_run_id: 1,
        }
    }
}

pub enum Action {
    Worker(Response),
    EditSql(String),
    /// A run request with this id was sent to the worker.
    RunSent(u64),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::EditSql(sql) => next.sql = sql,
            Action::RunSent(id) => {
                next.pending_run = Some(id);
                next.next_run_id = id + 1;
                next.status = EngineStatus::Running;
            }
            Action::Worker(Response::Progress(progress)) => {
                next.status = EngineStatus::Loading(progress)
            }
            Action::Worker(Response::Loaded(info)) => {
                if next.config_b.is_empty() {
                    next.config_b = info
                        .indexes
                        .iter()
                        .filter(|index| index.origin == seekscan_core::catalog::Origin::Phase3)
                        .map(|index| index.name.clone())
                        .collect();
                }
                next.dataset = Some(info);
                next.status = EngineStatus::Ready;
            }
            Action::Worker(Response::LoadFailed { message }) => {
                next.status = EngineStatus::Failed(message)
            }
            Action::Worker(Response::Ran(report)) => {
                if next.pending_run != Some(report.id) {
                    return self;
                }
                if let (RunKind::Catalog { indexes, .. }, Some(dataset)) =
                    (&report.kind, next.dataset.as_mut())
                {
                    dataset.indexes = indexes.clone();
                }
                next.pending_run = None;
                next.status = EngineStatus::Ready;
                next.report = Some(report);
            }
        }
        Rc::new(next)
    }
}
