//! The engine behind the worker boundary: turns protocol requests into engine
//! calls. Lives in the core so the whole request path is tested natively.
use web_time::Instant;

use crate::bench;
use crate::engine::Engine;
use crate::generator::{self, DatasetSpec};
use crate::patterns;
use crate::protocol::{
    DatasetInfo, LoadProgress, PaneResult, Request, Response, RunKind, RunReport, TableCount,
};

#[derive(Default)]
pub struct Service {
    engine: Option<Engine>,
}

/// Whether a statement only reads, decided from its first word.
fn read_only(sql: &str) -> bool {
    let first = sql
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_uppercase();
    matches!(
        first.as_str(),
        "SELECT" | "EXPLAIN" | "WITH" | "VALUES" | "SHOW" | "("
    )
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
                repetitions,
            } => {
                let kind = self.run(&sql, repetitions);
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
        if scale == 0 {
            return Err("scale must be at least 1 audit event".to_owned());
        }
        let started = Instant::now();
        let mut progress = |step: &str, done: usize, total: usize| {
            emit(Response::Progress(LoadProgress {
                step: step.to_owned(),
                done,
                total,
            }))
        };
        progress("generating", 0, 1);
        let dataset = generator::generate(&DatasetSpec { seed, scale });
        let engine = Engine::load(&dataset, &mut progress).map_err(|e| e.to_string())?;
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
            params_large: patterns::params_for(&dataset, true),
            params_small: patterns::params_for(&dataset, false),
            load_ms: started.elapsed().as_secs_f64() * 1000.0,
        };
        self.engine = Some(engine);
        Ok(info)
    }

    fn run(&mut self, sql: &str, repetitions: u32) -> RunKind {
        let Some(engine) = self.engine.as_mut() else {
            return RunKind::Failed {
                message: "the database is still loading".to_owned(),
            };
        };
        // Repeating a write would apply it N times; writes run once.
        let repetitions = if read_only(sql) {
            repetitions.max(1)
        } else {
            1
        };
        match bench::measure(engine, sql, repetitions) {
            Ok((outcome, timings)) => RunKind::Query(Box::new(PaneResult { outcome, timings })),
            Err(error) => RunKind::Failed {
                message: error.to_string(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serve(service: &mut Service, request: Request) -> Vec<Response> {
        let mut out = Vec::new();
        service.handle(request, &mut |r| out.push(r));
        out
    }

    #[test]
    fn load_then_query_then_error_then_query() {
        let mut service = Service::default();
        let loaded = serve(
            &mut service,
            Request::Load {
                seed: 1,
                scale: 2_000,
            },
        );
        let Some(Response::Loaded(info)) = loaded.last() else {
            panic!("loaded: {loaded:?}")
        };
        assert!(loaded.iter().any(|r| matches!(r, Response::Progress(_))));
        assert!(info.tables.iter().map(|t| t.rows).sum::<usize>() > 2_000);

        let sql = "SELECT id, status FROM upstream_reportrun ORDER BY id LIMIT 5".to_owned();
        let ran = serve(
            &mut service,
            Request::Run {
                id: 1,
                sql: sql.clone(),
                repetitions: 3,
            },
        );
        let [Response::Ran(RunReport {
            kind: RunKind::Query(pane),
            ..
        })] = ran.as_slice()
        else {
            panic!("ran: {ran:?}")
        };
        assert_eq!(pane.outcome.rows.len(), 5);
        assert_eq!(pane.outcome.rows[0][0], serde_json::json!(1));
        assert_eq!(pane.timings.samples_us.len(), 3);

        let bad = serve(
            &mut service,
            Request::Run {
                id: 2,
                sql: "SELEC nonsense".into(),
                repetitions: 3,
            },
        );
        assert!(matches!(
            bad.as_slice(),
            [Response::Ran(RunReport {
                kind: RunKind::Failed { .. },
                ..
            })]
        ));
        let again = serve(
            &mut service,
            Request::Run {
                id: 3,
                sql,
                repetitions: 1,
            },
        );
        assert!(matches!(
            again.as_slice(),
            [Response::Ran(RunReport {
                kind: RunKind::Query(_),
                ..
            })]
        ));
    }
}
