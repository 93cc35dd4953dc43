//! The engine behind the worker boundary: turns protocol requests into engine
//! calls. Lives in the core so the whole request path is tested natively.
use web_time::Instant;

use crate::bench;
use crate::catalog::IndexSet;
use crate::engine::Engine;
use crate::generator::{self, DatasetSpec};
use crate::protocol::{
    Config, DatasetInfo, LoadProgress, Pane, PaneResult, Request, Response, RowAgreement,
    RunKind, RunReport, TableCount,
};

#[derive(Default)]
pub struct Service {
    loaded: Option<Loaded>,
}

struct Loaded {
    engine: Engine,
    info: DatasetInfo,
}

/// What a statement does, decided from its first words before anything runs.
#[derive(Debug, PartialEq, Eq)]
enum StatementKind {
    Query,
    Catalog,
    Mutation,
}

fn statement_kind(sql: &str) -> StatementKind {
    let words: Vec<String> = sql
        .split_whitespace()
        .take(2)
        .map(str::to_ascii_uppercase)
        .collect();
    match words.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["CREATE", "INDEX"] | ["DROP", "INDEX"] => StatementKind::Catalog,
        ["INSERT", ..] | ["UPDATE", ..] | ["DELETE", ..] | ["CREATE", ..] | ["DROP", ..]
        | ["ALTER", ..] => StatementKind::Mutation,
        _ => StatementKind::Query,
    }
}

impl Service {
    pub fn handle(&mut self, request: Request, emit: &mut dyn FnMut(Response)) {
        match request {
            // The worker itself handles this one (its panic hook).
            Request::Watch { .. } => {}
            Request::Load { seed, scale } => match self.load(seed, scale, emit) {
                Ok(info) => emit(Response::Loaded(info)),
                Err(message) => emit(Response::LoadFailed { message }),
            },
            Request::Run {
                id,
                sql,
                configs,
                repetitions,
            } => {
                let kind = self.run(&sql, &configs, repetitions);
                emit(Response::Ran(RunReport { id, sql, kind }));
            }
        }
    }

    fn load(
        &mut self,
        seed: u64,
        scale: usize,
        emit: &mut dyn FnMut(Response),
    ) -> Result<DatasetInfo, String> {
        let started = Instant::now();
        let mut progress = |step: &str, done: usize, total: usize| {
            emit(Response::Progress(LoadProgress {
                step: step.to_owned(),
                done,
                total,
            }))
        };
        progress("generating", 0, scale);
        let dataset = generator::generate(&DatasetSpec { seed, scale });
        let mut engine = Engine::new();
        generator::load_into(&dataset, &mut engine, &mut progress).map_err(|e| e.to_string())?;
        engine
            .build_builtin_indexes(&mut |name: &str, done: usize, total: usize| {
                progress(&format!("indexing {name}"), done, total)
            })
            .map_err(|e| e.to_string())?;
        let info = DatasetInfo {
            seed,
            scale,
            tenants: dataset.tenants.count,
            large_tenant: dataset.tenants.large,
            small_tenant: dataset.tenants.small,
            tables: engine
                .table_counts()
                .into_iter()
                .map(|(name, rows)| TableCount { name, rows })
                .collect(),
            indexes: engine.indexes(),
            load_ms: started.elapsed().as_secs_f64() * 1000.0,
        };
        self.loaded = Some(Loaded {
            engine,
            info: info.clone(),
        });
        Ok(info)
    }

    fn run(&mut self, sql: &str, configs: &[Config], repetitions: u32) -> RunKind {
        let Some(loaded) = self.loaded.as_mut() else {
            return RunKind::Failed {
                message: "the database is still loading".to_owned(),
            };
        };
        match statement_kind(sql) {
            StatementKind::Mutation => RunKind::Failed {
                message: "the playground runs SELECT, EXPLAIN and CREATE/DROP INDEX; \
                          changing data or tables would make the configurations differ"
                    .to_owned(),
            },
            StatementKind::Catalog => match loaded.engine.run(sql, &IndexSet::none()) {
                Ok(_) => {
                    loaded.info.indexes = loaded.engine.indexes();
                    RunKind::Catalog {
                        message: format!("done: {}", sql.trim()),
                        indexes: loaded.info.indexes.clone(),
                    }
                }
                Err(error) => RunKind::Failed {
                    message: error.to_string(),
                },
            },
            StatementKind::Query => {
                let panes: Vec<Pane> = configs
                    .iter()
                    .map(|config| Pane {
                        label: config.label.clone(),
                        result: run_config(&mut loaded.engine, sql, config, repetitions),
                    })
                    .collect();
                let agreement = match panes.as_slice() {
                    [Pane { result: Ok(a), .. }, Pane { result: Ok(b), .. }] => {
                        Some(RowAgreement::of(&a.outcome.rows, &b.outcome.rows))
                    }
                    _ => None,
                };
                RunKind::Query { panes, agreement }
            }
        }
    }
}

fn run_config(
    engine: &mut Engine,
    sql: &str,
    config: &Config,
    repetitions: u32,
) -> Result<PaneResult, String> {
    let visible = IndexSet::from_names(&engine.indexes(), &config.indexes).map_err(|e| e.to_string())?;
    bench::measure(engine, sql, &visible, repetitions.max(1)).map_err(|e| e.to_string())
}
