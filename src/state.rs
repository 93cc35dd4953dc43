//! The page's state as a Yew reducer: every change is an [`Action`].
use std::rc::Rc;

use seekscan_core::bench::RepeatPlan;
use seekscan_core::catalog::{IndexDef, Origin};
use seekscan_core::comparison::{compare, Verdict};
use seekscan_core::experiment::Experiment;
use seekscan_core::patterns;
use seekscan_core::protocol::{
    BuiltReport, DatasetInfo, LoadProgress, Response, RowAgreement, RunKind, RunReport, Slot,
};
use seekscan_core::repeats::{PaneRepeats, Repeats};
use yew::Reducible;

use crate::repeats::{self, Ask};

mod costs;
mod workload;
pub use costs::CostState;
pub use workload::{WorkloadAction, WorkloadState};

/// Why a link's query did not run on open.
pub const HELD: &str = "The last visit ended while a query was still running (the tab was closed, \
reloaded or crashed), so this link's own SQL waits for Run instead of running on open.";

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
    /// The editor's statement on these configurations (both, or the one a
    /// toggle changed).
    Query(Vec<Slot>),
    /// CREATE/DROP INDEX from the index panel: its error belongs to the form.
    Catalog,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub status: EngineStatus,
    /// Shared, not copied, by every action (the reducer clones the state).
    pub dataset: Option<Rc<DatasetInfo>>,
    pub experiment: Experiment,
    /// The text in the editor; a pattern renders into it, editing makes it free SQL.
    pub editor: String,
    /// Both panes' answers and their repetitions (core's scheduling).
    pub repeats: Repeats,
    /// The statement the panes show; a toggle re-runs it.
    pub shown_sql: Option<String>,
    /// An error that concerns the statement rather than one configuration.
    pub run_error: Option<String>,
    /// What the last CREATE/DROP INDEX or write did.
    pub notice: Option<String>,
    /// Why the index form's definition was refused.
    pub form_error: Option<String>,
    /// The run in flight; answers to older runs are ignored.
    pub pending: Option<(u64, Purpose)>,
    /// The worker's wasm memory in bytes, as its latest answer reported it.
    pub worker_memory: Option<u64>,
    pub next_run_id: u64,
    /// Bumped when the worker is replaced, so the page spawns a new one.
    pub worker_generation: u32,
    /// Workers in a row that died before their data was ready; past
    /// [`MAX_FAILED_STARTS`] the page stops replacing them.
    pub failed_starts: u32,
    /// Why (part of) the link's settings were ignored, if they were.
    pub link_problem: Option<String>,
    /// The link named a query: run it once, as soon as the data is ready.
    pub autorun: bool,
    /// The statement sent and not yet answered; kept for the tab (see
    /// `run_guard`) and through a worker's death, cleared by its answer.
    pub unfinished: Option<String>,
    /// Built-in indexes dropped while a configuration showed them; they come
    /// back there when Regenerate rebuilds the data with every built-in
    /// index (a restarted worker keeps the settings as they were).
    pub dropped: Vec<(Slot, String)>,
    /// Regenerate was asked for and its data has not arrived yet.
    pub regenerating: bool,
    /// What the indexes cost and how they were used, as last reported.
    pub costs: CostState,
    /// The workload view's run and crossover chart (see `workload_view`).
    pub workload: WorkloadState,
    /// Indexes still being built in the background that the request in
    /// flight waits for (the worker holds it until they are built).
    pub waiting_for: Option<Vec<String>>,
    /// The indexes the load left to the background build, if any.
    pub background: Option<BackgroundBuild>,
}

/// What a load left to the background build, and when it was done.
#[derive(Clone, Debug, PartialEq)]
pub struct BackgroundBuild {
    pub indexes: usize,
    /// When the last one was there, in ms since the load began.
    pub done_ms: Option<f64>,
    /// The background build failed and the engine built them itself.
    pub built_by_engine: bool,
}

impl AppState {
    pub fn new(experiment: Experiment, link_problem: Option<String>) -> Self {
        let editor = experiment
            .sql
            .clone()
            .unwrap_or_else(|| DEFAULT_SQL.to_owned());
        let autorun =
            experiment.sql.is_some() || experiment.pattern.is_some() || experiment.lesson.is_some();
        Self {
            status: EngineStatus::Starting,
            dataset: None,
            experiment,
            editor,
            repeats: Repeats::default(),
            shown_sql: None,
            run_error: None,
            notice: None,
            form_error: None,
            pending: None,
            worker_memory: None,
            next_run_id: 1,
            worker_generation: 0,
            failed_starts: 0,
            link_problem,
            autorun,
            unfinished: None,
            dropped: Vec::new(),
            regenerating: false,
            costs: CostState::default(),
            workload: WorkloadState::default(),
            waiting_for: None,
            background: None,
        }
    }

    /// The state for a tab whose previous load sent `unfinished` and never
    /// saw it answered (closed, reloaded or crashed mid-run): a link's own
    /// SQL then waits for Run; a documented pattern is known to finish.
    pub fn after_unfinished_run(mut self, unfinished: Option<String>) -> Self {
        if unfinished.is_some() && self.autorun && self.experiment.sql.is_some() {
            self.autorun = false;
            self.notice = Some(HELD.to_owned());
        }
        self.unfinished = unfinished;
        self
    }

    /// A request is in flight that the page must wait for (or the engine is
    /// not there); repetitions alone never make the page busy.
    pub fn busy(&self) -> bool {
        self.pending.is_some()
            || !matches!(self.status, EngineStatus::Ready | EngineStatus::Running)
    }

    /// A query runs or a pane still measures: what Stop ends.
    pub fn running(&self) -> bool {
        matches!(self.pending, Some((_, Purpose::Query(_)))) || self.measuring()
    }

    fn measuring(&self) -> bool {
        self.repeats.measuring()
    }

    /// The batch of repetitions to ask the worker for now, if any.
    pub fn next_ask(&self) -> Option<Ask> {
        repeats::next_ask(self)
    }

    /// The runs a pane asks for and their time budget, as the page says now.
    fn repeat_plan(&self) -> RepeatPlan {
        RepeatPlan {
            wanted: self.experiment.repetitions,
            budget_ms: self.experiment.budget_ms,
        }
    }

    /// Visible indexes of a configuration (see [`Experiment::config`]).
    pub fn config(&self, slot: Slot) -> Vec<String> {
        self.experiment.config(slot)
    }

    /// The configuration after switching `index` on or off, in catalog order.
    pub fn toggled(&self, slot: Slot, index: &str, visible: bool) -> Vec<String> {
        self.experiment
            .toggled(slot, index, visible, self.indexes())
    }

    pub fn indexes(&self) -> &[IndexDef] {
        self.dataset.as_ref().map_or(&[], |d| &d.indexes)
    }

    pub fn pane(&self, slot: Slot) -> Option<&PaneRepeats> {
        self.repeats.pane(slot)
    }

    /// The document's expectation, when the editor holds a documented pattern.
    pub fn expected(&self) -> Option<&'static str> {
        if self.experiment.sql.is_some() {
            return None;
        }
        let pattern = self
            .experiment
            .pattern
            .as_deref()
            .and_then(patterns::find)?;
        Some(pattern.expected_improvement)
    }

    /// The speed-up line and the row check, once both panes have a result.
    pub fn comparison(&self) -> Option<(Verdict, RowAgreement)> {
        let result = |slot| self.pane(slot)?.pane.result.as_ref().ok();
        let (a, b) = (result(Slot::A)?, result(Slot::B)?);
        Some(compare(a, b, self.expected()))
    }
}

pub enum Action {
    Worker(Response),
    /// The workload view: run, chart, stop, weights (see `workload_view::reduce`).
    Workload(WorkloadAction),
    /// The worker of this generation died, for this reason.
    WorkerDied {
        generation: u32,
        message: String,
    },
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
    /// A configuration's new list of visible indexes.
    SetConfig {
        slot: Slot,
        indexes: Vec<String>,
    },
    SetRepetitions(u32),
    SetBudget(u32),
    /// Stop: the query in flight and every pane's repetitions end now; what
    /// was measured stays.
    Stop,
    /// A batch of repetitions was sent for this run's pane.
    Asked {
        id: u64,
        slot: Slot,
    },
    Regenerate {
        scale: usize,
        seed: u64,
    },
    RunSent {
        id: u64,
        sql: String,
        purpose: Purpose,
    },
    /// The index costs of A and B were asked for.
    CostSent,
    /// Another model plans (the link keeps it).
    SetPlanner(seekscan_core::planner::choice::PlannerChoice),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::CostSent => next.costs.measuring = true,
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
            Action::SetConfig { slot, indexes } => next.experiment.set_config(slot, indexes),
            Action::SetRepetitions(n) => next.experiment.repetitions = n,
            Action::SetBudget(ms) => next.experiment.budget_ms = ms,
            Action::SetPlanner(choice) => {
                next.experiment.planner = choice;
                // Costs and counters were measured under the old model.
                next.costs = CostState::default();
            }
            Action::Stop => stop(&mut next),
            Action::Asked { id, slot } => next.repeats.asked(id, slot),
            Action::Regenerate { scale, seed } => regenerate(&mut next, scale, seed),
            Action::RunSent { id, sql, purpose } => {
                // A pane run again measures the new run, not the old one.
                if let Purpose::Query(slots) = &purpose {
                    next.repeats.stop(slots);
                }
                next.autorun = false;
                next.unfinished = Some(sql);
                next.pending = Some((id, purpose));
                next.next_run_id = id + 1;
                next.status = EngineStatus::Running;
                next.run_error = None;
                next.notice = None;
            }
            Action::WorkerDied {
                generation,
                message,
            } => {
                // A death reported twice (panic hook and `error` event), or
                // by a worker already replaced, restarts nothing.
                if generation != next.worker_generation {
                    return self;
                }
                worker_died(&mut next, message);
            }
            Action::Workload(action) => workload::reduce(&mut next, action),
            Action::Worker(response) => answered(&mut next, response),
        }
        settle_status(&mut next);
        Rc::new(next)
    }
}

/// Each kind of answer the worker sends, where it lands.
fn answered(state: &mut AppState, response: Response) {
    match response {
        Response::Ran(report) => ran(state, report),
        Response::Repeated(report) => {
            state.worker_memory = report.memory_bytes.or(state.worker_memory);
            state.repeats.answered(report);
        }
        Response::Progress(progress) => state.status = EngineStatus::Loading(progress),
        Response::Loaded(info) => loaded(state, info),
        Response::LoadFailed { message } => state.status = EngineStatus::Failed(message),
        Response::Waiting(report) => state.waiting_for = Some(report.indexes),
        Response::IndexesBuilt(report) => built_in_background(state, report),
        Response::IndexCost(report) => state.costs.measured(*report),
        Response::Usage(usage) => state.costs.usage = Some(usage),
        Response::Workload(report) => {
            state.waiting_for = None;
            workload::answered(state, report)
        }
        // The picker already shows the model it asked for.
        Response::PlannerSet(_) => {}
    }
}

/// Stop: the query in flight, every pane's repetitions, the workload and
/// the chart end now (the worker's part through the stop flag); what was
/// measured stays. A cost measurement is no longer waited for.
fn stop(state: &mut AppState) {
    if matches!(state.pending, Some((_, Purpose::Query(_)))) {
        state.pending = None;
        // A held run stopped waits for nothing the page shows.
        state.waiting_for = None;
    }
    state.repeats.interrupt();
    state.workload.interrupt();
    state.costs.measuring = false;
}

/// Regenerate: new data is on its way; nothing in flight lands any more.
fn regenerate(state: &mut AppState, scale: usize, seed: u64) {
    state.regenerating = true;
    state.experiment.scale = scale;
    state.experiment.seed = seed;
    state.status = EngineStatus::Starting;
    state.repeats.clear();
    state.shown_sql = None;
    state.run_error = None;
    state.notice = None;
    state.pending = None;
    state.waiting_for = None;
    state.workload.interrupt();
    state.costs.measuring = false;
}

/// Running while a query is in flight or a pane measures; ready after.
fn settle_status(state: &mut AppState) {
    if matches!(state.status, EngineStatus::Ready | EngineStatus::Running) {
        state.status = if state.pending.is_some() || state.measuring() {
            EngineStatus::Running
        } else {
            EngineStatus::Ready
        };
    }
}

/// A run's answer. The newest run sent is finished even when it was
/// stopped (the tab need not hold its SQL on the next load); only the run
/// in flight lands on the page, answers to older or stopped runs are ignored.
fn ran(state: &mut AppState, report: RunReport) {
    state.worker_memory = report.memory_bytes.or(state.worker_memory);
    if report.id + 1 == state.next_run_id {
        state.unfinished = None;
    }
    let Some((id, purpose)) = state.pending.clone() else {
        return;
    };
    if id != report.id {
        return;
    }
    state.pending = None;
    state.waiting_for = None;
    if matches!(report.kind, RunKind::Query(_)) {
        state.shown_sql = Some(report.sql);
    }
    apply_report(state, id, report.kind, purpose);
}

/// The load's data: the editor, the link's indexes and what the page
/// shows follow it.
fn loaded(state: &mut AppState, info: DatasetInfo) {
    state.worker_memory = info.memory_bytes;
    // A linked pattern renders with this data's parameters.
    if let (Some(pattern), None) = (
        state.experiment.pattern.as_deref().and_then(patterns::find),
        &state.experiment.sql,
    ) {
        let params = info.params(true, &state.experiment.params);
        state.editor = pattern.render(&params);
    }
    if let Some(sql) = state.experiment.lesson_sql(&info) {
        state.editor = sql;
    }
    let unbuilt = state.experiment.drop_unbuilt(&info.unbuilt_indexes);
    if !unbuilt.is_empty() {
        let earlier = state.link_problem.take().into_iter();
        state.link_problem = Some(earlier.chain(unbuilt).collect::<Vec<_>>().join("; "));
    }
    state.background = (!info.pending_indexes.is_empty()).then_some(BackgroundBuild {
        indexes: info.pending_indexes.len(),
        done_ms: None,
        built_by_engine: false,
    });
    state.dataset = Some(Rc::new(info));
    // New data: earlier costs and counters describe the old.
    state.costs = CostState::default();
    if std::mem::take(&mut state.regenerating) {
        restore_dropped(state);
    }
    forget_unknown_indexes(state);
    state.failed_starts = 0;
    state.waiting_for = None;
    state.status = EngineStatus::Ready;
}

/// Indexes built in the background arrived: the dataset's catalog, memory
/// and what is still pending follow; a note says why they were built in
/// the engine after all, if they were.
fn built_in_background(state: &mut AppState, report: BuiltReport) {
    state.worker_memory = report.memory_bytes.or(state.worker_memory);
    if let Some(dataset) = state.dataset.as_mut().map(Rc::make_mut) {
        dataset.pending_indexes = report.pending.clone();
        dataset.memory = report.memory;
    }
    if report.pending.is_empty() {
        state.waiting_for = None;
        if let Some(background) = state.background.as_mut() {
            background.done_ms = Some(report.elapsed_ms);
        }
    } else if let Some(waiting) = state.waiting_for.as_mut() {
        waiting.retain(|name| report.pending.contains(name));
    }
    if let Some(note) = report.note {
        if let Some(background) = state.background.as_mut() {
            background.built_by_engine = true;
        }
        state.notice = Some(note);
    }
}

/// Configurations keep only indexes the engine has (a link may name a user
/// index from another session); the link problem says what was dropped.
fn forget_unknown_indexes(state: &mut AppState) {
    let catalog = state.dataset.as_ref().map_or(&[][..], |d| &d.indexes);
    let dropped = state.experiment.forget_unknown_indexes(catalog);
    if !dropped.is_empty() {
        state.link_problem = Some(format!(
            "this dataset has no index {}; it was left out",
            dropped.join(", ")
        ));
    }
}

fn apply_report(state: &mut AppState, id: u64, kind: RunKind, purpose: Purpose) {
    match (kind, purpose) {
        (RunKind::Query(panes), _) => {
            let plan = state.repeat_plan();
            for pane in panes {
                state.repeats.first_answer(pane, id, plan);
            }
        }
        (
            RunKind::Changed {
                message,
                indexes,
                tables,
                memory,
            },
            _,
        ) => {
            state.form_error = None;
            let before = state.indexes().to_vec();
            if let Some(dataset) = state.dataset.as_mut().map(Rc::make_mut) {
                dataset.indexes = indexes;
                dataset.tables = tables;
                dataset.memory = memory;
            }
            // The link carries the user indexes as the catalog now holds them.
            let catalog = state.indexes().to_vec();
            state.experiment.define_user_indexes(&catalog);
            state.notice = Some(forget_dropped(state, &before).unwrap_or(message));
        }
        (RunKind::Failed { message }, Purpose::Catalog) => state.form_error = Some(message),
        (RunKind::Failed { message }, Purpose::Query(_)) => state.run_error = Some(message),
    }
}

/// The worker is gone: say so, and spawn another that reloads the data.
/// Workers that may die in a row before their data is ready (a wasm that
/// never starts, a scale past the browser's memory) before the page stops
/// replacing them: each would die the same way, in an endless loop.
pub const MAX_FAILED_STARTS: u32 = 3;

fn worker_died(state: &mut AppState, message: String) {
    if !matches!(state.status, EngineStatus::Ready | EngineStatus::Running) {
        state.failed_starts += 1;
    }
    // Nothing in flight will be answered: every view ends what it waits for.
    state.repeats.interrupt();
    state.workload.interrupt();
    state.costs.measuring = false;
    state.waiting_for = None;
    if state.failed_starts >= MAX_FAILED_STARTS {
        state.pending = None;
        state.status = EngineStatus::Failed(format!(
            "{message} — the engine failed to start {MAX_FAILED_STARTS} times in a row, so it was \
             not restarted: reload the page, or try a smaller scale"
        ));
        return;
    }
    let interrupted = state.pending.take().and(state.unfinished.clone());
    let custom = state.experiment.sql.is_some();
    // A link's own query that never ran may be what killed it.
    state.autorun &= !custom;
    let mut notice = message.clone();
    if let Some(sql) = interrupted {
        notice.push_str(&format!(" while running {}", abbreviated(&sql)));
    }
    notice.push_str("; restarted it and reloaded the data");
    if custom {
        notice.push_str(" (the query waits for Run)");
    }
    state.notice = Some(notice);
    state.status = EngineStatus::Failed(format!("{message} — restarting the engine"));
    state.dataset = None;
    state.worker_generation += 1;
}

/// The first line of a statement, cut at 60 characters.
pub fn abbreviated(sql: &str) -> String {
    let line = sql.trim().lines().next().unwrap_or_default();
    match line.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None if sql.trim().contains('\n') => format!("{line} …"),
        None => line.to_owned(),
    }
}

/// After a catalog change: drops vanished indexes from both configurations
/// (a configuration naming an unknown index fails every run) and says what
/// happened to each, or `None` when no index vanished.
fn forget_dropped(state: &mut AppState, before: &[IndexDef]) -> Option<String> {
    let gone: Vec<&IndexDef> = before
        .iter()
        .filter(|old| !state.indexes().iter().any(|i| i.name == old.name))
        .collect();
    if gone.is_empty() {
        return None;
    }
    let mut lines = Vec::new();
    for index in gone {
        let slots: Vec<Slot> = Slot::BOTH
            .into_iter()
            .filter(|slot| state.config(*slot).contains(&index.name))
            .collect();
        let builtin = index.origin != Origin::User;
        if builtin {
            state
                .dropped
                .extend(slots.iter().map(|slot| (*slot, index.name.clone())));
        }
        let labels: Vec<&str> = slots.iter().map(|s| s.label()).collect();
        let from = match labels.as_slice() {
            [] => "it was in neither configuration".to_owned(),
            labels => format!("removed from {}", labels.join(" and ")),
        };
        let restore = if builtin {
            "; Regenerate restores built-in indexes"
        } else {
            ""
        };
        lines.push(format!("dropped {}: {from}{restore}", index.name));
    }
    let catalog = state.indexes().to_vec();
    state.experiment.forget_unknown_indexes(&catalog);
    Some(lines.join(". "))
}

/// Regenerated data has every built-in index again: put the dropped ones
/// back in the configurations they were dropped from.
fn restore_dropped(state: &mut AppState) {
    for (slot, name) in std::mem::take(&mut state.dropped) {
        if state.indexes().iter().any(|i| i.name == name) && !state.config(slot).contains(&name) {
            let indexes = state.toggled(slot, &name, true);
            state.experiment.set_config(slot, indexes);
        }
    }
}
