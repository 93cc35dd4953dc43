//! The whole workload at once: every documented pattern, for the large and
//! the small tenant, measured under configurations A and B with the runs and
//! time budget the page uses, one row per pattern and tenant; the totals
//! weighted by how often each pattern runs (`weights`), the verdict for the
//! index set (`verdict`), why each gain is what it is (`why`), and time
//! against rows matched for one pattern (`crossover`).
//!
//! The worker reads no message while it runs, so the workload travels as
//! tasks of one row (or one chart point) each: [`WorkloadRun`] hands out the
//! next task with its share of the time budget, and takes its answer. The
//! page sends one task at a time and can stop between them; the CLI runs
//! the same tasks in a loop ([`run_all`]).
pub mod crossover;
pub mod verdict;
pub mod weights;
pub mod why;

use std::collections::BTreeMap;

use gluesql_core::sqlparser::ast::{SetExpr, Statement};
use gluesql_core::sqlparser::dialect::PostgreSqlDialect;
use gluesql_core::sqlparser::parser::Parser;
use serde::{Deserialize, Serialize};

use crate::bench::{Ending, RepeatPlan, Timings};
use crate::catalog::IndexSet;
use crate::comparison::expected_percent;
use crate::engine::{Engine, EngineError, ExecStats, QueryOutcome};
use crate::noise::{self, Difference};
use crate::patterns::{self, Pattern};

pub use crossover::{CrossoverRun, Point, PointTask};
pub use verdict::{Totals, WorkloadVerdict, WriteCostPhrase};
pub use weights::Weights;
pub use why::Explanation;

/// Which tenant's parameters a row uses.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tenant {
    Large,
    Small,
}

impl Tenant {
    pub const BOTH: [Tenant; 2] = [Tenant::Large, Tenant::Small];

    /// "large" or "small": the suffix of a row's test hook.
    pub fn word(self) -> &'static str {
        match self {
            Tenant::Large => "large",
            Tenant::Small => "small",
        }
    }
}

/// What a workload measures: the two configurations, the runs and time
/// budget of each configuration's whole workload, and the parameters drawn
/// from the data for each tenant.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct WorkloadSpec {
    pub a: Vec<String>,
    pub b: Vec<String>,
    /// Runs of each row and the time budget of each configuration's workload.
    pub plan: RepeatPlan,
    pub params_large: BTreeMap<String, String>,
    pub params_small: BTreeMap<String, String>,
}

/// One row to measure: a pattern for one tenant under A and under B, each
/// with its own runs and share of the budget.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RowTask {
    pub pattern: String,
    pub tenant: Tenant,
    pub params: BTreeMap<String, String>,
    pub a: Vec<String>,
    pub b: Vec<String>,
    pub plan_a: RepeatPlan,
    pub plan_b: RepeatPlan,
}

/// One configuration's measurement of a row.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Measured {
    /// The index the plan reads; `None` is a full scan.
    pub index: Option<String>,
    pub access: Option<String>,
    pub stats: ExecStats,
    pub timings: Timings,
    /// Why its repetitions ended (every run, or the budget).
    pub ending: Ending,
    /// The plan's one-line summary.
    pub summary: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct WorkloadRow {
    pub pattern: String,
    pub tenant: Tenant,
    pub sql: String,
    pub a: Measured,
    pub b: Measured,
    /// A's median over B's (above 1: B is faster): the point estimate the
    /// table sorts by; what is said of it is `difference`.
    pub speedup: f64,
    /// B against A, called only beyond noise.
    #[serde(default)]
    pub difference: Difference,
    /// The document's wording, "85% faster for report status filtering".
    pub expected: String,
    /// The percentage it names ("85", "80-90").
    pub expected_percent: Option<String>,
    /// Whether B took at least that much less time than A across the whole
    /// interval of `difference` (`false`: across none of it; `None`: no
    /// percentage named, or undecided within noise).
    pub met: Option<bool>,
    pub why: Explanation,
}

/// What the worker is asked to do for a workload or a chart.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum WorkloadTask {
    Row(RowTask),
    Point(PointTask),
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum WorkloadAnswer {
    Row(Box<WorkloadRow>),
    Point(Box<Point>),
}

/// Runs one task on the engine.
pub fn perform(engine: &mut Engine, task: &WorkloadTask) -> Result<WorkloadAnswer, EngineError> {
    match task {
        WorkloadTask::Row(task) => {
            measure_row(engine, task).map(|r| WorkloadAnswer::Row(Box::new(r)))
        }
        WorkloadTask::Point(task) => {
            crossover::measure_point(engine, task).map(|p| WorkloadAnswer::Point(Box::new(p)))
        }
    }
}

fn find_pattern(id: &str) -> Result<&'static Pattern, EngineError> {
    patterns::find(id)
        .ok_or_else(|| EngineError::Sql(format!("no documented pattern is called {id:?}")))
}

/// Both configurations of one row, measured interleaved, the rows its
/// conditions match and why the gain is what it is.
pub fn measure_row(engine: &mut Engine, task: &RowTask) -> Result<WorkloadRow, EngineError> {
    let pattern = find_pattern(&task.pattern)?;
    let sql = pattern.render(&task.params);
    let [(a_outcome, a), (b_outcome, b)] =
        measure_both(engine, &sql, [&task.a, &task.b], [task.plan_a, task.plan_b])?;
    let matched = matched_rows(engine, &sql, &task.b)?;
    let table_rows = table_rows(engine, &a_outcome);
    let why = why::explain(&a_outcome, &b_outcome, table_rows, matched);
    let difference = noise::difference(&a.timings.samples_us, &b.timings.samples_us);
    let expected_percent = expected_percent(pattern.expected_improvement);
    let met = expected_percent
        .as_deref()
        .and_then(|percent| meets(&difference, percent));
    Ok(WorkloadRow {
        pattern: pattern.id.to_owned(),
        tenant: task.tenant,
        sql,
        speedup: speedup(a.timings.median_us, b.timings.median_us),
        difference,
        a,
        b,
        expected: pattern.expected_improvement.to_owned(),
        expected_percent,
        met,
        why,
    })
}

/// Whether B took at least the lowest of `percent` ("85", "80-90") less
/// time than A: `Some(true)` when the whole interval meets it, `Some(false)`
/// when none of it does, `None` (undecided) when the interval straddles it
/// or there were too few runs: noise neither meets nor misses a claim.
fn meets(difference: &Difference, percent: &str) -> Option<bool> {
    let lowest: f64 = percent
        .split('-')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or(100.0);
    // B's speed-up that takes `lowest` percent less time.
    let wanted = 1.0 / (1.0 - lowest.min(99.99) / 100.0);
    // The interval of B's speed-up over A.
    let (low, high) = match *difference {
        Difference::Faster { ci, .. } => (ci.low, ci.high),
        Difference::Slower { ci, .. } => (1.0 / ci.high, 1.0 / ci.low),
        Difference::NoMeasurableDifference { ci } => (1.0 / ci.high, 1.0 / ci.low),
        Difference::TooFewRuns { .. } => return None,
    };
    if low >= wanted {
        Some(true)
    } else if high < wanted {
        Some(false)
    } else {
        None
    }
}

/// A's median over B's; a median of 0 µs (below the timer) counts as 1 µs.
pub fn speedup(a_us: f64, b_us: f64) -> f64 {
    a_us.max(1.0) / b_us.max(1.0)
}

/// `sql` under the named indexes of A and B, interleaved, as `plans`
/// allow: each side's first outcome and its measurement.
pub(crate) fn measure_both(
    engine: &mut Engine,
    sql: &str,
    indexes: [&[String]; 2],
    plans: [RepeatPlan; 2],
) -> Result<[(QueryOutcome, Measured); 2], EngineError> {
    let visible_a = engine.index_set(&indexes[0].join(","))?;
    let visible_b = engine.index_set(&indexes[1].join(","))?;
    let runs = noise::measure_pair(engine, sql, [&visible_a, &visible_b], plans)?;
    Ok(runs.map(measured))
}

/// One side of an interleaved pair as the row shows it.
fn measured(run: noise::PairRun) -> (QueryOutcome, Measured) {
    let access = run
        .outcome
        .plan
        .table_accesses()
        .first()
        .map(|a| (a.index.clone(), a.access.clone()));
    let (index, access) = access.unwrap_or_default();
    let measured = Measured {
        index,
        access,
        stats: run.outcome.stats,
        summary: run
            .outcome
            .plan
            .summary(Some(run.outcome.stats.rows_examined)),
        timings: run.timings,
        ending: run.ending,
    };
    (run.outcome, measured)
}

/// Rows of the table the run read (its first table access).
pub(crate) fn table_rows(engine: &Engine, outcome: &QueryOutcome) -> Option<u64> {
    let table = outcome.plan.table_accesses().first()?.table.clone()?;
    engine.storage().row_count(&table).map(|n| n as u64)
}

/// Rows the query's conditions match, before ORDER BY and LIMIT: its
/// `COUNT(*)`, run once (untimed) under `indexes`.
pub(crate) fn matched_rows(
    engine: &mut Engine,
    sql: &str,
    indexes: &[String],
) -> Result<Option<u64>, EngineError> {
    let Some(count) = count_sql(sql) else {
        return Ok(None);
    };
    let visible = engine.index_set(&indexes.join(","))?;
    let outcome = engine.run_with(&count, &visible)?;
    Ok(outcome
        .rows
        .first()
        .and_then(|row| row.first())
        .and_then(|v| v.as_u64()))
}

/// `SELECT COUNT(*)` over a single SELECT's FROM and WHERE, without its
/// ORDER BY, LIMIT and OFFSET; `None` for anything else (a union, a
/// grouped or distinct query, several statements).
pub fn count_sql(sql: &str) -> Option<String> {
    let mut statements = Parser::parse_sql(&PostgreSqlDialect {}, sql).ok()?;
    let [Statement::Query(query)] = statements.as_mut_slice() else {
        return None;
    };
    let SetExpr::Select(select) = query.body.as_mut() else {
        return None;
    };
    let grouped = !matches!(&select.group_by, gluesql_core::sqlparser::ast::GroupByExpr::Expressions(e, _) if e.is_empty());
    if grouped || select.distinct.is_some() || select.having.is_some() {
        return None;
    }
    let mut count = Parser::parse_sql(&PostgreSqlDialect {}, "SELECT COUNT(*)").ok()?;
    let Some(Statement::Query(count)) = count.pop() else {
        return None;
    };
    let SetExpr::Select(count) = *count.body else {
        return None;
    };
    select.projection = count.projection;
    query.order_by = None;
    query.limit = None;
    query.offset = None;
    Some(query.to_string())
}

/// Every (pattern, tenant) the workload measures, in the table's order.
pub fn cells() -> Vec<(&'static Pattern, Tenant)> {
    patterns::all()
        .iter()
        .flat_map(|p| Tenant::BOTH.map(|t| (p, t)))
        .collect()
}

/// The share of a configuration's time budget the next of `left` tasks may
/// spend, after `spent_ms`: what is left, split evenly (a fast task leaves
/// its unused share to the ones after it). A task always runs once.
pub fn share_of_budget(plan: RepeatPlan, spent_ms: f64, left: usize) -> RepeatPlan {
    let remaining = (f64::from(plan.budget_ms) - spent_ms).max(0.0);
    RepeatPlan {
        wanted: plan.wanted,
        budget_ms: (remaining / left.max(1) as f64).floor() as u32,
    }
}

/// A workload in progress on the page: which rows are measured, the task
/// in flight, and why it ended.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct WorkloadRun {
    pub id: u64,
    pub spec: WorkloadSpec,
    pub rows: Vec<WorkloadRow>,
    /// `None` while rows are left to measure.
    pub ending: Option<Ending>,
    pub in_flight: bool,
}

impl WorkloadRun {
    pub fn new(id: u64, spec: WorkloadSpec) -> Self {
        Self {
            id,
            spec,
            rows: Vec::new(),
            ending: None,
            in_flight: false,
        }
    }

    /// Rows the whole workload has.
    pub fn total(&self) -> usize {
        cells().len()
    }

    pub fn measuring(&self) -> bool {
        self.ending.is_none()
    }

    /// The next row to ask for, unless one is in flight or the run ended.
    pub fn next_task(&self) -> Option<RowTask> {
        if self.in_flight || !self.measuring() {
            return None;
        }
        let (pattern, tenant) = *cells().get(self.rows.len())?;
        let left = self.total() - self.rows.len();
        let spent = |pick: fn(&WorkloadRow) -> &Measured| {
            self.rows
                .iter()
                .map(|r| pick(r).timings.spent_ms())
                .sum::<f64>()
        };
        let params = match tenant {
            Tenant::Large => self.spec.params_large.clone(),
            Tenant::Small => self.spec.params_small.clone(),
        };
        Some(RowTask {
            pattern: pattern.id.to_owned(),
            tenant,
            params,
            a: self.spec.a.clone(),
            b: self.spec.b.clone(),
            plan_a: share_of_budget(self.spec.plan, spent(|r| &r.a), left),
            plan_b: share_of_budget(self.spec.plan, spent(|r| &r.b), left),
        })
    }

    /// The next task was sent.
    pub fn asked(&mut self) {
        self.in_flight = true;
    }

    /// A row's answer (or the error that ends the workload).
    pub fn absorb(&mut self, answer: Result<WorkloadRow, String>) {
        self.in_flight = false;
        if !self.measuring() {
            return;
        }
        match answer {
            Ok(row) => {
                self.rows.push(row);
                if self.rows.len() >= self.total() {
                    self.ending = Some(Ending::Complete);
                }
            }
            Err(message) => self.ending = Some(Ending::Failed(message)),
        }
    }

    /// Stop, Regenerate or a worker's death: the rows measured so far stay,
    /// and the task in flight is given up (its answer, if any, lands
    /// nowhere), so nothing waits for an answer a dead worker never sends.
    pub fn stop(&mut self) {
        self.in_flight = false;
        if self.measuring() {
            self.ending = Some(Ending::Stopped);
        }
    }
}

/// The whole workload, task after task (the command line's way).
pub fn run_all(engine: &mut Engine, spec: WorkloadSpec) -> Result<Vec<WorkloadRow>, EngineError> {
    let mut run = WorkloadRun::new(0, spec);
    while let Some(task) = run.next_task() {
        run.asked();
        run.absorb(Ok(measure_row(engine, &task)?));
    }
    Ok(run.rows)
}

/// A configuration spec (`none`, `phase3`, `all`, a list) as index names.
pub fn index_names(engine: &Engine, spec: &str) -> Result<Vec<String>, EngineError> {
    let set: IndexSet = engine.index_set(spec)?;
    Ok(set.names().map(str::to_owned).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_keeps_from_and_where_and_drops_order_and_limit() {
        assert_eq!(
            count_sql("SELECT * FROM t WHERE a = 1 AND b = 'x' ORDER BY c DESC LIMIT 10")
                .as_deref(),
            Some("SELECT COUNT(*) FROM t WHERE a = 1 AND b = 'x'")
        );
        assert_eq!(count_sql("SELECT a FROM t GROUP BY a"), None);
        assert_eq!(count_sql("SELECT DISTINCT a FROM t"), None);
        assert_eq!(count_sql("SELECT 1; SELECT 2"), None);
    }

    #[test]
    fn an_expectation_is_met_or_missed_only_across_the_whole_interval() {
        use crate::noise::Interval;
        let faster = |low, high| Difference::Faster {
            ratio: (low + high) / 2.0,
            ci: Interval { low, high },
        };
        // 85% less time is a speed-up of 6.7×.
        assert_eq!(meets(&faster(7.0, 9.0), "85"), Some(true));
        assert_eq!(meets(&faster(5.0, 9.0), "85"), None);
        assert_eq!(meets(&faster(2.0, 3.0), "85"), Some(false));
        assert_eq!(meets(&faster(2.0, 3.0), "50-60"), Some(true));
        let spans = Difference::NoMeasurableDifference {
            ci: Interval {
                low: 0.9,
                high: 1.1,
            },
        };
        assert_eq!(meets(&spans, "70"), Some(false));
        assert_eq!(meets(&Difference::TooFewRuns { runs: 2 }, "70"), None);
    }

    #[test]
    fn a_run_stopped_with_a_task_in_flight_waits_for_nothing() {
        let spec = WorkloadSpec {
            a: Vec::new(),
            b: Vec::new(),
            plan: RepeatPlan {
                wanted: 1,
                budget_ms: 100,
            },
            params_large: Default::default(),
            params_small: Default::default(),
        };
        let mut run = WorkloadRun::new(1, spec);
        assert!(run.next_task().is_some());
        run.asked();
        assert!(run.next_task().is_none());
        run.stop();
        assert!(!run.in_flight && !run.measuring());
        assert_eq!(run.ending, Some(Ending::Stopped));
        // The stopped task's answer, if one comes, changes nothing.
        run.absorb(Err("stopped: Stop was pressed".to_owned()));
        assert_eq!((run.rows.len(), run.ending), (0, Some(Ending::Stopped)));
    }

    #[test]
    fn the_budget_left_is_split_over_the_tasks_left() {
        let plan = RepeatPlan {
            wanted: 20,
            budget_ms: 2_400,
        };
        assert_eq!(share_of_budget(plan, 0.0, 24).budget_ms, 100);
        assert_eq!(share_of_budget(plan, 400.0, 20).budget_ms, 100);
        assert_eq!(share_of_budget(plan, 3_000.0, 2).budget_ms, 0);
        assert_eq!(share_of_budget(plan, 0.0, 24).wanted, 20);
    }
}
