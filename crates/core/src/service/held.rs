//! The requests that wait for indexes built in the background (see
//! `crate::background`): held in arrival order, each answered with
//! `Response::Waiting` at once and for real once what it waits for is
//! installed. A load replaces the data they were asked about, so it
//! answers each with an error instead.
use web_time::Instant;

use super::{memory_bytes, Service};
use crate::background::{self, Builder};
use crate::protocol::{BuiltReport, Request, Response, RunKind, RunReport, WaitingReport};
use crate::statement::Script;
use crate::storage::ByteSource;

#[derive(Default)]
pub(super) struct Background {
    builder: Option<Box<dyn Builder>>,
    held: Vec<Request>,
    /// When the load that deferred indexes began.
    load_started: Option<Instant>,
}

impl Background {
    pub(super) fn new(builder: Box<dyn Builder>) -> Self {
        Self {
            builder: Some(builder),
            ..Self::default()
        }
    }

    pub(super) fn cancel(&mut self) {
        if let Some(builder) = self.builder.as_mut() {
            builder.cancel();
        }
    }
}

/// What a request reads, for deciding whether it waits.
enum Reads<'a> {
    Sql(&'a str),
    Everything,
    Nothing,
}

fn reads(request: &Request) -> Reads<'_> {
    match request {
        Request::Run { sql, .. } | Request::Repeat { sql, .. } => Reads::Sql(sql),
        // Every pattern, and A's and B's indexes whole.
        Request::Workload { .. } | Request::IndexCost { .. } => Reads::Everything,
        Request::Watch { .. }
        | Request::Load { .. }
        | Request::LoadWithIndexes { .. }
        | Request::Usage
        | Request::ResetUsage
        | Request::SetPlanner(_) => Reads::Nothing,
    }
}

fn run_id(request: &Request) -> Option<u64> {
    match request {
        Request::Run { id, .. } | Request::Repeat { id, .. } | Request::Workload { id, .. } => {
            Some(*id)
        }
        _ => None,
    }
}

impl Service {
    /// Holds `request` if it must wait for pending indexes, saying so
    /// through `emit`; gives it back otherwise.
    pub(super) fn hold_if_waiting(
        &mut self,
        request: Request,
        emit: &mut dyn FnMut(Response),
    ) -> Option<Request> {
        let Some(engine) = self.engine.as_ref() else {
            return Some(request);
        };
        let indexes = match reads(&request) {
            Reads::Nothing => Vec::new(),
            Reads::Everything => engine.storage().pending_indexes(),
            Reads::Sql(sql) => Script::parse(sql)
                .map(|script| engine.waits_for(&script))
                .unwrap_or_default(),
        };
        if indexes.is_empty() {
            return Some(request);
        }
        emit(Response::Waiting(WaitingReport {
            id: run_id(&request),
            indexes,
        }));
        self.background.held.push(request);
        None
    }

    /// Before a load: ends a background build of the old data, answers
    /// what waited for it, and starts building `scale`'s large tables'
    /// indexes elsewhere if a builder will. Returns the indexes deferred.
    pub(super) fn start_background(
        &mut self,
        seed: u64,
        scale: usize,
        emit: &mut dyn FnMut(Response),
    ) -> Vec<String> {
        for request in std::mem::take(&mut self.background.held) {
            refuse(
                request,
                "the data was loaded again before this could run",
                emit,
            );
        }
        self.background.load_started = Some(Instant::now());
        let Some(builder) = self.background.builder.as_mut() else {
            return Vec::new();
        };
        match background::order(seed, scale) {
            Some(order) if builder.start(&order) => {
                order.defs.into_iter().map(|d| d.name).collect()
            }
            Some(_) => Vec::new(),
            None => {
                builder.cancel();
                Vec::new()
            }
        }
    }

    /// After a load (and its answer): hands the builders the rows of every
    /// table with pending indexes.
    pub(super) fn share_rows(&mut self) {
        let (Some(engine), Some(builder)) =
            (self.engine.as_ref(), self.background.builder.as_mut())
        else {
            return;
        };
        let storage = engine.storage();
        let mut tables: Vec<String> = storage
            .pending_indexes()
            .iter()
            .filter_map(|name| storage.pending_def(name).map(|d| d.table.clone()))
            .collect();
        tables.sort();
        tables.dedup();
        for table in tables {
            if let Some(rows) = storage.shared_rows(&table) {
                builder.rows(&table, &rows);
            }
        }
    }

    /// Installs an index built in the background, then answers what no
    /// longer waits. An image that cannot be installed (other rows, a
    /// damaged transfer) is refused, and every pending index is built here.
    pub fn index_built(&mut self, image: &dyn ByteSource, emit: &mut dyn FnMut(Response)) {
        let Some(engine) = self.engine.as_mut() else {
            return;
        };
        match engine.storage_mut().install_index(image) {
            Ok(None) => {}
            Ok(Some(name)) => {
                let report = self.built_report(vec![name], None);
                emit(Response::IndexesBuilt(report));
                self.release_held(emit);
            }
            Err(error) => self.background_failed(&error, emit),
        }
    }

    /// The background build failed (or sent what cannot be installed):
    /// builds whatever is still pending here, then answers what waited.
    pub fn background_failed(&mut self, error: &str, emit: &mut dyn FnMut(Response)) {
        if let Some(builder) = self.background.builder.as_mut() {
            builder.cancel();
        }
        let Some(engine) = self.engine.as_mut() else {
            return;
        };
        if engine.storage().pending_indexes().is_empty() {
            return;
        }
        let built = engine.storage_mut().build_pending(&mut |_| {});
        let (built, note) = match built {
            Ok(names) => (
                names,
                format!("the background build failed ({error}), so the engine built them itself"),
            ),
            Err(second) => (
                Vec::new(),
                format!(
                    "the background build failed ({error}) and so did building here ({second})"
                ),
            ),
        };
        let report = self.built_report(built, Some(note));
        emit(Response::IndexesBuilt(report));
        self.release_held(emit);
    }

    fn built_report(&self, built: Vec<String>, note: Option<String>) -> BuiltReport {
        let engine = self.engine.as_ref().expect("an engine with the indexes");
        BuiltReport {
            built,
            pending: engine.storage().pending_indexes(),
            memory: engine.memory_report(),
            memory_bytes: memory_bytes(),
            elapsed_ms: self
                .background
                .load_started
                .map_or(0.0, |s| s.elapsed().as_secs_f64() * 1000.0),
            note,
        }
    }

    /// Handles the held requests again, in the order they came; those that
    /// still wait are held again.
    fn release_held(&mut self, emit: &mut dyn FnMut(Response)) {
        for request in std::mem::take(&mut self.background.held) {
            self.handle(request, emit);
        }
    }
}

/// Answers a held request with `message` as its error.
fn refuse(request: Request, message: &str, emit: &mut dyn FnMut(Response)) {
    let message = message.to_owned();
    match request {
        Request::Run { id, sql, .. } => emit(Response::Ran(RunReport {
            id,
            sql,
            kind: RunKind::Failed { message },
            memory_bytes: memory_bytes(),
        })),
        Request::Repeat { id, config, .. } => {
            emit(Response::Repeated(crate::protocol::RepeatReport {
                id,
                slot: config.slot,
                samples: Err(message),
                memory_bytes: memory_bytes(),
            }))
        }
        Request::Workload { id, .. } => emit(Response::Workload(crate::protocol::WorkloadReport {
            id,
            answer: Err(message),
            memory_bytes: memory_bytes(),
        })),
        Request::IndexCost { .. } => emit(Response::IndexCost(Box::new(Err(message)))),
        Request::Watch { .. }
        | Request::Load { .. }
        | Request::LoadWithIndexes { .. }
        | Request::Usage
        | Request::ResetUsage
        | Request::SetPlanner(_) => {}
    }
}
