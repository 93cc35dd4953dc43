//! The engine behind the worker boundary: turns protocol requests into engine
//! calls. Lives in the core so the whole request path is tested natively.
use web_time::Instant;

use crate::bench::{self, Batch, Samples};
use crate::catalog;
use crate::engine::{Engine, QueryOutcome};
use crate::experiment::MAX_SCALE;
use crate::generator::{self, DatasetSpec};
use crate::patterns;
use crate::protocol::{
    Config, DatasetInfo, LoadProgress, Pane, PaneResult, RepeatReport, Request, Response,
    RowDigest, RunKind, RunReport, TableCount, UnbuiltIndex, SHOWN_ROWS,
};
use crate::statement::{self, Script, StatementKind};

mod held;

#[derive(Default)]
pub struct Service {
    engine: Option<Engine>,
    /// Indexes built in another worker, and the requests waiting for them.
    background: held::Background,
    /// The model that plans, kept across loads.
    planner: crate::planner::choice::PlannerChoice,
    /// The page's Stop, handed to every engine this service loads.
    cancel: crate::storage::Cancel,
}

/// The worker's whole memory: its wasm linear memory, which only grows, so
/// this is the peak so far. Natively there is no such figure.
pub fn memory_bytes() -> Option<u64> {
    #[cfg(target_arch = "wasm32")]
    return Some(core::arch::wasm32::memory_size(0) as u64 * 65_536);
    #[cfg(not(target_arch = "wasm32"))]
    None
}

fn table_counts(engine: &Engine) -> Vec<TableCount> {
    engine
        .table_counts()
        .into_iter()
        .map(|(name, rows)| TableCount { name, rows })
        .collect()
}

/// The generated rows `patterns::params_for` reads, kept while a load
/// streams past them: the newest audit event with an entity and a user of
/// the largest and of the smallest tenant, and every product config. On
/// these it finds what it would find on the whole dataset.
struct ParamRows {
    tenants: generator::TenantInfo,
    events: [Option<Vec<gluesql_core::data::Value>>; 2],
    configs: Vec<Vec<gluesql_core::data::Value>>,
}

impl ParamRows {
    fn new(tenants: generator::TenantInfo) -> Self {
        Self {
            tenants,
            events: [None, None],
            configs: Vec::new(),
        }
    }

    fn keep(&mut self, table: &str, rows: &[Vec<gluesql_core::data::Value>]) {
        use gluesql_core::data::Value;
        if table == crate::schema::PRODUCT_CONFIG {
            self.configs.extend_from_slice(rows);
            return;
        }
        if table != crate::schema::AUDIT_EVENT {
            return;
        }
        // Rows come in id order: a chunk's last match replaces what an
        // earlier chunk gave (one copy per tenant and chunk).
        for (at, tenant) in [self.tenants.large, self.tenants.small]
            .into_iter()
            .enumerate()
        {
            let newest = rows.iter().rev().find(|row| {
                row[1] == Value::I64(tenant) && row[4] != Value::Null && row[8] != Value::Null
            });
            if let Some(row) = newest {
                self.events[at] = Some(row.clone());
            }
        }
    }

    fn into_dataset(self, spec: DatasetSpec) -> generator::Dataset {
        generator::Dataset {
            spec,
            tenants: self.tenants,
            tables: vec![
                generator::TableRows {
                    name: crate::schema::AUDIT_EVENT,
                    rows: self.events.into_iter().flatten().collect(),
                },
                generator::TableRows {
                    name: crate::schema::PRODUCT_CONFIG,
                    rows: self.configs,
                },
            ],
        }
    }
}

impl Service {
    /// A service whose loads have `builder` build the large tables' indexes
    /// in the background (see `background`); `Service::default()` builds
    /// every index with the load.
    pub fn with_builder(builder: Box<dyn crate::background::Builder>) -> Self {
        Self {
            engine: None,
            background: held::Background::new(builder),
            planner: Default::default(),
            cancel: Default::default(),
        }
    }

    /// Statements end early once `flag` says Stop (the worker's flag, which
    /// the page sets while the worker runs).
    pub fn set_cancel(&mut self, flag: std::rc::Rc<dyn crate::storage::CancelFlag>) {
        self.cancel = crate::storage::Cancel::new(flag);
        if let Some(engine) = self.engine.as_mut() {
            engine.set_cancel(self.cancel.clone());
        }
    }

    pub fn handle(&mut self, request: Request, emit: &mut dyn FnMut(Response)) {
        let Some(request) = self.hold_if_waiting(request, emit) else {
            return;
        };
        match request {
            // The worker itself handles this one (its panic hook).
            Request::Watch { .. } => {}
            Request::SetPlanner(choice) => {
                self.planner = choice;
                if let Some(engine) = self.engine.as_mut() {
                    engine.set_planner(&choice);
                }
                emit(Response::PlannerSet(choice));
            }
            Request::Load { seed, scale } => match self.load(seed, scale, emit) {
                Ok(info) => {
                    emit(Response::Loaded(info));
                    self.share_rows();
                }
                Err(message) => emit(Response::LoadFailed { message }),
            },
            Request::LoadWithIndexes {
                seed,
                scale,
                indexes,
            } => match self.load(seed, scale, emit) {
                Ok(info) => {
                    emit(Response::Loaded(self.with_user_indexes(info, indexes)));
                    self.share_rows();
                }
                Err(message) => emit(Response::LoadFailed { message }),
            },
            Request::Run {
                id,
                sql,
                repetitions,
                configs,
            } => {
                let kind = self.run(&sql, repetitions, &configs);
                emit(Response::Ran(RunReport {
                    id,
                    sql,
                    kind,
                    memory_bytes: memory_bytes(),
                }));
            }
            Request::Repeat {
                id,
                sql,
                config,
                batch,
            } => {
                let samples = self.repeat(&sql, &config, batch);
                emit(Response::Repeated(RepeatReport {
                    id,
                    slot: config.slot,
                    samples,
                    memory_bytes: memory_bytes(),
                }));
            }
            Request::IndexCost { a, b, params } => emit(Response::IndexCost(Box::new(
                crate::index_cost::answer(self.engine.as_mut(), &a, &b, &params),
            ))),
            Request::Usage | Request::ResetUsage => {
                if let Some(storage) = self.engine.as_ref().map(Engine::storage) {
                    if matches!(request, Request::ResetUsage) {
                        storage.reset_usage();
                    }
                    emit(Response::Usage(storage.index_usage()));
                }
            }
            Request::Workload { id, task } => {
                let answer = match self.engine.as_mut() {
                    Some(engine) => {
                        crate::workload::perform(engine, &task).map_err(|e| e.to_string())
                    }
                    None => Err("the database is still loading".to_owned()),
                };
                emit(Response::Workload(crate::protocol::WorkloadReport {
                    id,
                    answer,
                    memory_bytes: memory_bytes(),
                }));
            }
        }
    }

    /// More runs of a read the page already ran once under `config`.
    fn repeat(&mut self, sql: &str, config: &Config, batch: Batch) -> Result<Samples, String> {
        let Some(engine) = self.engine.as_mut() else {
            return Err("the database is still loading".to_owned());
        };
        // Writes run once; the page never asks to repeat one, and this holds
        // even if it did.
        if Script::parse(sql).map(|s| s.kind()) != Ok(StatementKind::Read) {
            return Err("only reads are repeated".to_owned());
        }
        let visible = engine
            .index_set(&config.indexes.join(","))
            .map_err(|e| e.to_string())?;
        bench::repeat_batch(engine, sql, &visible, batch).map_err(|e| e.to_string())
    }

    fn load(
        &mut self,
        seed: u64,
        scale: usize,
        emit: &mut dyn FnMut(Response),
    ) -> Result<DatasetInfo, String> {
        if scale == 0 {
            return Err("scale must be at least 1 audit event".to_owned());
        }
        if scale > MAX_SCALE {
            return Err(format!(
                "scale {scale} is above the maximum of {MAX_SCALE} audit events"
            ));
        }
        // The old database goes first: two at 1M would not fit in a tab.
        self.engine = None;
        let started = Instant::now();
        let later = self.start_background(seed, scale, emit);
        emit(Response::Progress(LoadProgress {
            step: "generating".to_owned(),
            done: 0,
            total: 1,
            rows_loaded: 0,
            rows_total: 0,
            indexes_built: 0,
            indexes_total: 0,
        }));
        let spec = DatasetSpec { seed, scale };
        let tenants = generator::tenant_info(scale);
        let tables = generator::TABLE_ORDER.len();
        // Rows so far, and the expected total (product configs are known
        // only once drawn; the count is exact at "loaded").
        let rows_seen = std::cell::Cell::new(0);
        let mut rows_total: usize = generator::table_sizes(scale).iter().sum();
        let indexes_total = catalog::builtin_indexes().len() - later.len();
        let mut indexes_built = 0;
        let (mut indexing, mut index_ms) = (None, 0.0);
        // The engine counts tables, then indexes, in one sequence of steps;
        // the page shows rows loaded and indexes built separately.
        let mut progress = |step: &str, done: usize, total: usize| {
            if step.starts_with("indexing ") {
                indexes_built = done.saturating_sub(tables);
                indexing.get_or_insert_with(Instant::now);
            }
            if step == "loaded" {
                rows_total = rows_seen.get();
                indexes_built = indexes_total;
                index_ms = indexing.map_or(0.0, |i: Instant| i.elapsed().as_secs_f64() * 1000.0);
            }
            emit(Response::Progress(LoadProgress {
                step: step.to_owned(),
                done,
                total,
                rows_loaded: rows_seen.get(),
                rows_total,
                indexes_built,
                indexes_total,
            }))
        };
        // The rows the pattern parameters are read from, kept as they pass.
        let mut param_rows = ParamRows::new(tenants);
        let mut observe = |table: &'static str, rows: &[Vec<gluesql_core::data::Value>]| {
            rows_seen.set(rows_seen.get() + rows.len());
            param_rows.keep(table, rows);
        };
        let loaded =
            Engine::generate_and_load_deferring(&spec, &later, &mut observe, &mut progress);
        let (mut engine, _) = loaded.map_err(|e| {
            self.background.cancel();
            e.to_string()
        })?;
        let sample = param_rows.into_dataset(spec);
        let (params_large, params_small) = (
            patterns::params_for(&sample, true),
            patterns::params_for(&sample, false),
        );
        let info = DatasetInfo {
            seed,
            scale,
            tenants: tenants.count,
            large_tenant: tenants.large,
            small_tenant: tenants.small,
            tables: table_counts(&engine),
            indexes: engine.indexes(),
            params_large,
            params_small,
            load_ms: started.elapsed().as_secs_f64() * 1000.0,
            index_ms,
            memory: engine.memory_report(),
            memory_bytes: memory_bytes(),
            unbuilt_indexes: Vec::new(),
            pending_indexes: engine.storage().pending_indexes(),
        };
        engine.set_planner(&self.planner);
        engine.set_cancel(self.cancel.clone());
        self.engine = Some(engine);
        Ok(info)
    }

    /// Builds a link's user indexes after a load; one that fails is left
    /// out, and the page says which (it is missing from the catalog).
    fn with_user_indexes(&mut self, mut info: DatasetInfo, indexes: Vec<String>) -> DatasetInfo {
        let Some(engine) = self.engine.as_mut().filter(|_| !indexes.is_empty()) else {
            return info;
        };
        for sql in indexes {
            if let Err((name, error)) = build_user_index(engine, &sql) {
                info.unbuilt_indexes.push(UnbuiltIndex { sql, name, error });
            }
        }
        info.indexes = engine.indexes();
        info.memory = engine.memory_report();
        info.memory_bytes = memory_bytes();
        info
    }

    fn run(&mut self, sql: &str, repetitions: u32, configs: &[Config]) -> RunKind {
        let Some(engine) = self.engine.as_mut() else {
            return RunKind::Failed {
                message: "the database is still loading".to_owned(),
            };
        };
        // Anything not a write (a read, or text that does not parse) runs under
        // each configuration, so a syntax error shows in the panes; with no
        // pane asked for (the index form), the error is the answer.
        let script = match Script::parse(sql) {
            Ok(script) if script.kind() == StatementKind::Write => script,
            Err(message) if configs.is_empty() => return RunKind::Failed { message },
            _ => return run_panes(engine, sql, repetitions, configs),
        };
        // Repeating a write would apply it N times, and a catalog change
        // concerns both configurations: these run once, under the first.
        let visible = match configs.first() {
            Some(config) => engine.index_set(&config.indexes.join(",")),
            None => engine.index_set("none"),
        };
        match visible.and_then(|visible| engine.run_script(&script, &visible)) {
            Ok(outcome) => RunKind::Changed {
                message: changed_message(&script, &outcome),
                indexes: engine.indexes(),
                tables: table_counts(engine),
                memory: engine.memory_report(),
            },
            Err(error) => RunKind::Failed {
                message: error.to_string(),
            },
        }
    }
}

/// What an input that writes did, statement by statement.
fn changed_message(script: &Script, outcome: &QueryOutcome) -> String {
    let mut parts: Vec<String> = outcome.earlier.iter().map(|s| s.summary.clone()).collect();
    parts.push(outcome.summary());
    let mut message = parts.join("; ");
    if !script.changes_indexes() {
        message.push_str(" (ran once: writes are not repeated)");
    }
    message
}

fn run_panes(engine: &mut Engine, sql: &str, repetitions: u32, configs: &[Config]) -> RunKind {
    let panes = configs
        .iter()
        .map(|config| Pane {
            slot: config.slot,
            result: run_pane(engine, sql, repetitions.max(1), config),
        })
        .collect();
    RunKind::Query(panes)
}

fn run_pane(
    engine: &mut Engine,
    sql: &str,
    repetitions: u32,
    config: &Config,
) -> Result<PaneResult, String> {
    let visible = engine
        .index_set(&config.indexes.join(","))
        .map_err(|e| e.to_string())?;
    let (mut outcome, timings) =
        bench::measure_with(engine, sql, &visible, repetitions).map_err(|e| e.to_string())?;
    let digest = RowDigest::of(&outcome.rows);
    outcome.rows.truncate(SHOWN_ROWS);
    Ok(PaneResult {
        outcome,
        timings,
        digest,
    })
}

/// Reads one `CREATE INDEX` text and builds it; on failure, the index's
/// name (when the text names one) and why.
fn build_user_index(engine: &mut Engine, sql: &str) -> Result<(), (Option<String>, String)> {
    let def = statement::index_definition(sql).map_err(|error| (None, error))?;
    engine
        .run(&def.create_sql())
        .map(drop)
        .map_err(|error| (Some(def.name), error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{IndexSet, Origin};
    use crate::protocol::{RowAgreement, Slot};

    fn serve(service: &mut Service, request: Request) -> Vec<Response> {
        let mut out = Vec::new();
        service.handle(request, &mut |r| out.push(r));
        out
    }

    fn loaded(scale: usize) -> (Service, DatasetInfo) {
        let mut service = Service::default();
        let out = serve(&mut service, Request::Load { seed: 1, scale });
        let Some(Response::Loaded(info)) = out.last() else {
            panic!("loaded: {out:?}")
        };
        let steps: Vec<&str> = out
            .iter()
            .filter_map(|r| match r {
                Response::Progress(p) => Some(p.step.as_str()),
                _ => None,
            })
            .collect();
        assert!(steps.iter().any(|s| s.starts_with("loading")), "{steps:?}");
        assert!(
            steps.contains(&"indexing reportrun_cust_status_idx"),
            "{steps:?}"
        );
        let Some(Response::Progress(last)) = out.iter().rev().nth(1) else {
            panic!("progress before loaded: {out:?}")
        };
        assert_eq!(last.rows_loaded, last.rows_total);
        assert_eq!(last.indexes_built, last.indexes_total);
        assert!(out.iter().any(|r| matches!(r, Response::Progress(p)
            if p.rows_loaded > 0 && p.rows_loaded < p.rows_total)));
        let info = info.clone();
        (service, info)
    }

    fn config(slot: Slot, spec: &str) -> Config {
        let indexes = match spec {
            "phase3" => IndexSet::phase3().names().map(str::to_owned).collect(),
            "none" => Vec::new(),
            list => list.split(',').map(str::to_owned).collect(),
        };
        Config { slot, indexes }
    }

    fn run(service: &mut Service, sql: &str, configs: Vec<Config>) -> RunKind {
        let out = serve(
            service,
            Request::Run {
                id: 7,
                sql: sql.to_owned(),
                repetitions: 3,
                configs,
            },
        );
        let [Response::Ran(RunReport { id: 7, kind, .. })] = out.as_slice() else {
            panic!("ran: {out:?}")
        };
        kind.clone()
    }

    fn panes(kind: RunKind) -> Vec<Pane> {
        let RunKind::Query(panes) = kind else {
            panic!("query: {kind:?}")
        };
        panes
    }

    fn ok(pane: &Pane) -> &PaneResult {
        pane.result.as_ref().unwrap_or_else(|e| panic!("{e}"))
    }

    /// The index of the plan's first table access (`None`: full scan).
    fn index_of(pane: &Pane) -> Option<String> {
        ok(pane).outcome.plan.table_accesses()[0].index.clone()
    }

    #[test]
    fn pattern_parameters_read_while_loading_match_the_whole_dataset() {
        for scale in [2_000, 30_000] {
            let (_, info) = loaded(scale);
            let dataset = generator::generate(&DatasetSpec { seed: 1, scale });
            assert_eq!(info.params_large, patterns::params_for(&dataset, true));
            assert_eq!(info.params_small, patterns::params_for(&dataset, false));
            assert!(info.params_large.contains_key("entity_id"), "{scale}");
        }
    }

    #[test]
    fn load_reports_tables_catalog_and_index_build() {
        let (_, info) = loaded(2_000);
        assert!(info.tables.iter().map(|t| t.rows).sum::<usize>() > 2_000);
        assert_eq!(info.indexes.len(), 10);
        assert!(info
            .indexes
            .iter()
            .any(|i| i.origin == Origin::Phase4Proposal));
        assert!(info.index_ms <= info.load_ms);
    }

    /// The in-memory model's choices, named so (PostgreSQL's reads a
    /// one-page table whole, rightly: `planner::pg`'s own tests cover it).
    #[test]
    fn every_pattern_scans_under_a_and_seeks_its_index_under_b() {
        let (mut service, info) = loaded(10_000);
        let choice = crate::planner::choice::PlannerChoice::memory();
        service.handle(Request::SetPlanner(choice), &mut |_| {});
        for pattern in patterns::all() {
            let sql = pattern.render(&info.params(true, &Default::default()));
            let result = panes(run(
                &mut service,
                &sql,
                vec![config(Slot::A, "none"), config(Slot::B, "phase3")],
            ));
            let [a, b] = result.as_slice() else {
                panic!("{result:?}")
            };
            assert_eq!((a.slot, b.slot), (Slot::A, Slot::B));
            assert_eq!(index_of(a), None, "{} under A", pattern.id);
            assert_eq!(
                index_of(b).as_deref(),
                Some(pattern.index),
                "{} under B: {}",
                pattern.id,
                ok(b).outcome.plan.to_text()
            );
            assert_eq!(
                RowAgreement::of(&ok(a).digest, &ok(b).digest),
                RowAgreement::Identical,
                "{}",
                pattern.id
            );
            assert!(ok(a).outcome.rows.len() <= SHOWN_ROWS);
            assert_eq!(ok(a).timings.samples_us.len(), 3);
        }
    }

    #[test]
    fn a_toggle_reruns_one_configuration_under_its_new_set() {
        let (mut service, info) = loaded(2_000);
        let sql = patterns::find("audit_trail")
            .unwrap()
            .render(&info.params(true, &Default::default()));
        let only_b = panes(run(
            &mut service,
            &sql,
            vec![config(Slot::B, "audit_user_date_idx,audit_entity_idx")],
        ));
        let [b] = only_b.as_slice() else {
            panic!("{only_b:?}")
        };
        assert_eq!(b.slot, Slot::B);
        assert_ne!(index_of(b).as_deref(), Some("audit_cust_action_idx"));
    }

    #[test]
    fn create_index_then_use_it_then_drop_it() {
        let (mut service, info) = loaded(2_000);
        let created = run(
            &mut service,
            "CREATE INDEX my_idx ON upstream_reportrun (customer_id, started_at DESC) INCLUDE (status)",
            vec![config(Slot::A, "none"), config(Slot::B, "phase3")],
        );
        let RunKind::Changed {
            message, indexes, ..
        } = created
        else {
            panic!("{created:?}")
        };
        assert!(message.contains("my_idx"), "{message}");
        assert_eq!(indexes.len(), info.indexes.len() + 1);
        assert!(indexes
            .iter()
            .any(|i| i.name == "my_idx" && i.origin == Origin::User));

        let sql = format!(
            "SELECT id FROM upstream_reportrun WHERE customer_id = {} ORDER BY started_at DESC LIMIT 5",
            info.large_tenant
        );
        let mine = panes(run(&mut service, &sql, vec![config(Slot::B, "my_idx")]));
        assert_eq!(index_of(&mine[0]).as_deref(), Some("my_idx"));

        let dropped = run(&mut service, "DROP INDEX my_idx", Vec::new());
        let RunKind::Changed { indexes, .. } = dropped else {
            panic!("{dropped:?}")
        };
        assert_eq!(indexes.len(), info.indexes.len());
        // A configuration naming a dropped index says so in its own pane.
        let gone = panes(run(
            &mut service,
            &sql,
            vec![config(Slot::A, "none"), config(Slot::B, "my_idx")],
        ));
        assert!(gone[0].result.is_ok());
        assert!(gone[1].result.as_ref().unwrap_err().contains("my_idx"));
    }

    #[test]
    fn bad_index_definitions_fail_and_change_nothing() {
        let (mut service, info) = loaded(2_000);
        for sql in [
            "CREATE INDEX bad ON upstream_reportrun (customer_id SIDEWAYS)",
            "CREATE INDEX bad ON upstream_reportrun (no_such_column)",
            "CREATE INDEX bad ON no_such_table (id)",
            "CREATE INDEX reportrun_cust_status_idx ON upstream_reportrun (id)",
            "DROP INDEX no_such_index",
        ] {
            // With no pane asked for (the index form), every error is the answer.
            let kind = run(&mut service, sql, Vec::new());
            let RunKind::Failed { message } = kind else {
                panic!("{sql}: {kind:?}")
            };
            assert!(!message.is_empty(), "{sql}");
            // A syntax error is no write: with panes, it shows in each.
            if message.starts_with("SQL syntax error") {
                let kind = run(&mut service, sql, vec![config(Slot::A, "none")]);
                let RunKind::Query(panes) = kind else {
                    panic!("{sql}: {kind:?}")
                };
                assert_eq!(panes[0].result, Err(message), "{sql}");
            }
        }
        let again = run(&mut service, "SELECT 1", vec![config(Slot::A, "none")]);
        assert!(panes(again)[0].result.is_ok());
        let RunKind::Changed { indexes, .. } = run(
            &mut service,
            "CREATE INDEX fine ON upstream_productconfig (enabled)",
            Vec::new(),
        ) else {
            panic!("create")
        };
        assert_eq!(indexes.len(), info.indexes.len() + 1);
    }

    #[test]
    fn errors_stay_in_their_pane_and_the_next_query_works() {
        let (mut service, _) = loaded(2_000);
        let both = || vec![config(Slot::A, "none"), config(Slot::B, "phase3")];
        let typo = panes(run(&mut service, "SELEC nonsense", both()));
        assert_eq!(
            typo[0].result,
            Err(
                "SQL syntax error: Expected: an SQL statement, found: SELEC at Line: 1, Column: 1"
                    .to_owned()
            )
        );
        let syntax = panes(run(&mut service, "SELECT FROM WHERE", both()));
        for pane in &syntax {
            assert_eq!(
                pane.result.as_ref().unwrap_err(),
                "SQL syntax error: Expected an expression, found: FROM at Line: 1, Column: 13"
            );
        }
        let unknown = panes(run(
            &mut service,
            "SELECT nope FROM upstream_reportrun",
            both(),
        ));
        let unknown = unknown[0].result.as_ref().unwrap_err();
        assert!(
            unknown.starts_with("unknown column nope in `SELECT nope FROM upstream_reportrun`"),
            "{unknown}"
        );
        let table = panes(run(&mut service, "SELECT * FROM nope", both()));
        let table = table[1].result.as_ref().unwrap_err();
        assert!(
            table.starts_with("unknown table nope in `SELECT * FROM nope`"),
            "{table}"
        );
        let fine = panes(run(
            &mut service,
            "SELECT id, status FROM upstream_reportrun ORDER BY id LIMIT 5",
            both(),
        ));
        assert_eq!(ok(&fine[0]).outcome.rows.len(), 5);
        assert_eq!(ok(&fine[1]).outcome.rows[0][0], serde_json::json!(1));
    }

    #[test]
    fn big_results_are_cut_but_digested_whole() {
        let (mut service, _) = loaded(2_000);
        let all = panes(run(
            &mut service,
            "SELECT id FROM upstream_domainauditevent",
            vec![config(Slot::A, "none")],
        ));
        let result = ok(&all[0]);
        assert_eq!(result.outcome.rows.len(), SHOWN_ROWS);
        assert_eq!(result.outcome.stats.rows_returned, 2_000);
        assert_eq!(result.digest.rows, 2_000);
    }

    #[test]
    fn writes_run_once_and_before_loading_nothing_runs() {
        let mut service = Service::default();
        let early = run(&mut service, "SELECT 1", Vec::new());
        assert!(matches!(early, RunKind::Failed { .. }));
        let (mut service, _) = loaded(2_000);
        let kind = run(
            &mut service,
            "DELETE FROM upstream_productconfig WHERE id = 1",
            vec![config(Slot::A, "none"), config(Slot::B, "phase3")],
        );
        assert!(matches!(kind, RunKind::Changed { .. }), "{kind:?}");
    }

    fn sum_of_customer_ids(service: &mut Service) -> serde_json::Value {
        let sum = panes(run(
            service,
            "SELECT SUM(customer_id) FROM upstream_reportrun",
            vec![config(Slot::A, "none")],
        ));
        ok(&sum[0]).outcome.rows[0][0].clone()
    }

    /// A write anywhere in the input, behind a read or a comment, makes the
    /// whole input run once, under one configuration.
    #[test]
    fn an_input_with_a_write_anywhere_runs_once() {
        let (mut service, info) = loaded(2_000);
        let runs = info
            .tables
            .iter()
            .find(|t| t.name == "upstream_reportrun")
            .unwrap()
            .rows;
        for sql in [
            "SELECT 1; UPDATE upstream_reportrun SET customer_id = customer_id + 1",
            "-- note\nUPDATE upstream_reportrun SET customer_id = customer_id + 1",
        ] {
            let before = sum_of_customer_ids(&mut service).as_i64().unwrap();
            let kind = run(
                &mut service,
                sql,
                vec![config(Slot::A, "none"), config(Slot::B, "phase3")],
            );
            let RunKind::Changed { message, .. } = kind else {
                panic!("{sql}: {kind:?}")
            };
            assert!(
                message.contains(&format!("updated {runs} rows")),
                "{message}"
            );
            let after = sum_of_customer_ids(&mut service).as_i64().unwrap();
            assert_eq!(after - before, runs as i64, "{sql} ran more than once");
        }
    }

    /// Each statement's counters are its own; the pane's are the last one's.
    #[test]
    fn a_multi_statement_read_reports_the_last_statements_numbers() {
        let (mut service, info) = loaded(2_000);
        let runs = info
            .tables
            .iter()
            .find(|t| t.name == "upstream_reportrun")
            .unwrap()
            .rows as u64;
        let twice = panes(run(
            &mut service,
            "SELECT COUNT(*) FROM upstream_reportrun; SELECT COUNT(*) FROM upstream_reportrun",
            vec![config(Slot::A, "none")],
        ));
        let outcome = &ok(&twice[0]).outcome;
        assert_eq!(outcome.stats.rows_examined, runs);
        assert_eq!(outcome.earlier.len(), 1);
        assert_eq!(outcome.earlier[0].stats.rows_examined, runs);
        assert_eq!(ok(&twice[0]).timings.samples_us.len(), 3);
    }

    #[test]
    fn a_primary_key_update_says_it_is_not_supported_here() {
        let (mut service, _) = loaded(2_000);
        let kind = run(
            &mut service,
            "UPDATE upstream_productconfig SET id = id + 1000",
            Vec::new(),
        );
        let RunKind::Failed { message } = kind else {
            panic!("{kind:?}")
        };
        assert!(
            message.starts_with("primary keys can't be updated here (SET id)"),
            "{message}"
        );
    }

    #[test]
    fn a_repeat_runs_one_batch_of_a_read_and_never_a_write() {
        let (mut service, _) = loaded(2_000);
        let mut repeat = |sql: &str, runs, within_ms| {
            let batch = Batch { runs, within_ms };
            let out = serve(
                &mut service,
                Request::Repeat {
                    id: 9,
                    sql: sql.to_owned(),
                    config: config(Slot::B, "phase3"),
                    batch,
                },
            );
            let [Response::Repeated(RepeatReport {
                id: 9,
                slot: Slot::B,
                samples,
                ..
            })] = out.as_slice()
            else {
                panic!("repeated: {out:?}")
            };
            samples.clone().map(|s| {
                assert!(s.wall_ms * 1000.0 >= s.samples_us.iter().sum::<f64>() * 0.99);
                s.samples_us
            })
        };
        let count = "SELECT COUNT(*) FROM upstream_reportrun";
        assert_eq!(repeat(count, 4, 60_000.0).map(|s| s.len()), Ok(4));
        // With no time left, a batch still runs once.
        assert_eq!(repeat(count, 4, 0.0).map(|s| s.len()), Ok(1));
        let delete = "DELETE FROM upstream_productconfig";
        assert_eq!(
            repeat(delete, 3, 60_000.0),
            Err("only reads are repeated".into())
        );
        assert!(repeat("SELECT nope FROM upstream_reportrun", 3, 60_000.0).is_err());
        let left = panes(run(
            &mut service,
            "SELECT COUNT(*) FROM upstream_productconfig",
            vec![config(Slot::A, "none")],
        ));
        assert_ne!(
            ok(&left[0]).outcome.rows[0][0],
            serde_json::json!(0),
            "the delete never ran"
        );
    }

    #[test]
    fn the_dataset_comes_with_bytes_per_row_and_per_entry() {
        let (_, info) = loaded(2_000);
        assert_eq!(info.memory.tables.len(), info.tables.len());
        assert_eq!(info.memory.indexes.len(), info.indexes.len());
        assert!(info.memory.tables.iter().all(|t| t.bytes_per_row > 0.0));
        // Only the wasm worker has a linear memory to report.
        assert_eq!(info.memory_bytes, None);
    }

    #[test]
    fn a_scale_past_the_maximum_is_refused_before_generating() {
        let mut service = Service::default();
        let out = serve(
            &mut service,
            Request::Load {
                seed: 1,
                scale: MAX_SCALE + 1,
            },
        );
        let [Response::LoadFailed { message }] = out.as_slice() else {
            panic!("{out:?}")
        };
        assert!(message.contains("above the maximum"), "{message}");
    }
}
