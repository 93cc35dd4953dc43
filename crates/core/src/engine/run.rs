//! Running an input: each statement of the [`Script`] in turn, under the
//! limits of [`crate::statement::limits`], each with its own plan, rows and
//! counters. The outcome is the last statement's; the ones before it travel
//! as [`StatementSummary`]s, so no number adds up several statements.
use gluesql_core::executor::{execute_with_labels, Payload};
use gluesql_core::plan::{LimitInputPlan, LimitPlan, QueryPlan, StatementPlan};
use gluesql_core::planner::fetch_schema_map;
use gluesql_core::prelude::translate;
use gluesql_core::sqlparser::ast::Statement as SqlStatement;
use gluesql_core::store::Planner;
use web_time::Instant;

use super::{json_cell, Engine, EngineError, ExecStats, QueryOutcome, StatementSummary};
use crate::catalog::IndexSet;
use crate::explain::PlanNode;
use crate::statement::{Action, IndexStatement, Script, Statement};
use crate::storage::{thousands, Budget};

/// Result rows between two looks at the clock.
const CLOCK_EVERY_ROW: u64 = 256;

impl Engine {
    /// Runs SQL with every existing index visible; see `run_with`.
    pub fn run(&mut self, sql: &str) -> Result<QueryOutcome, EngineError> {
        let every = IndexSet::of(self.indexes().into_iter().map(|d| d.name));
        self.run_with(sql, &every)
    }

    /// Runs every statement of `sql` in order with only the `visible`
    /// indexes open to the planner, and returns the last one's outcome
    /// (with the earlier ones summarised in `earlier`). `EXPLAIN` plans
    /// without executing; `EXPLAIN ANALYZE` and plain statements execute.
    /// An error in statement k of n says which; the statements before it
    /// have run.
    pub fn run_with(&mut self, sql: &str, visible: &IndexSet) -> Result<QueryOutcome, EngineError> {
        let script = Script::parse(sql).map_err(EngineError::Sql)?;
        self.run_script(&script, visible)
    }

    /// `run_with` for timing only: the last statement's time in
    /// microseconds. Result rows are counted and dropped, not converted
    /// (repetitions of a run whose rows were shown already).
    pub fn time_with(&mut self, sql: &str, visible: &IndexSet) -> Result<u64, EngineError> {
        self.discard_rows = true;
        let outcome = self.run_with(sql, visible);
        self.discard_rows = false;
        Ok(outcome?.stats.elapsed_us)
    }

    /// `run_with` for an input already parsed.
    pub fn run_script(
        &mut self,
        script: &Script,
        visible: &IndexSet,
    ) -> Result<QueryOutcome, EngineError> {
        let count = script.statements.len();
        let mut earlier = Vec::new();
        for (at, statement) in script.statements.iter().enumerate() {
            let outcome = self
                .run_statement(statement, visible)
                .map_err(|error| in_statement(error, &statement.text, at, count))?;
            if at + 1 == count {
                return Ok(QueryOutcome { earlier, ..outcome });
            }
            earlier.push(StatementSummary {
                sql: statement.text.clone(),
                summary: outcome.summary(),
                stats: outcome.stats,
            });
        }
        Err(EngineError::Empty)
    }

    fn run_statement(
        &mut self,
        statement: &Statement,
        visible: &IndexSet,
    ) -> Result<QueryOutcome, EngineError> {
        match &statement.action {
            Action::Index(index) => self.run_index_statement(index.clone()),
            Action::Query(sql) | Action::Write(sql) => self.execute(sql, visible, false),
            Action::Explain { analyze, inner } => match &inner.action {
                Action::Query(sql) | Action::Write(sql) if *analyze => {
                    self.execute(sql, visible, true)
                }
                Action::Query(sql) | Action::Write(sql) => {
                    Ok(QueryOutcome::plan_only(self.plan(sql, visible)?.1))
                }
                // `Statement::read` refuses EXPLAIN of these.
                Action::Index(_) | Action::Explain { .. } => Err(EngineError::Empty),
            },
        }
    }

    /// The pending indexes (see `storage::pending`) `script` must wait
    /// for: those on a table it reads, or every one if it writes or changes
    /// an index (a write keeps indexes in step; a catalog change concerns
    /// them all). A statement that does not translate waits for nothing:
    /// it fails as it would anyway.
    pub fn waits_for(&self, script: &Script) -> Vec<String> {
        let storage = &self.glue.storage;
        if storage.pending_indexes().is_empty() {
            return Vec::new();
        }
        if script.kind() == crate::statement::StatementKind::Write {
            return storage.pending_indexes();
        }
        let mut tables = std::collections::BTreeSet::new();
        for statement in &script.statements {
            let sql = match &statement.action {
                Action::Query(sql) | Action::Write(sql) => sql,
                Action::Explain { inner, .. } => match &inner.action {
                    Action::Query(sql) | Action::Write(sql) => sql,
                    Action::Index(_) | Action::Explain { .. } => continue,
                },
                Action::Index(_) => continue,
            };
            let Ok(translated) = translate(sql) else {
                continue;
            };
            if let Ok(schemas) = fetch_schema_map(storage, &translated.into()) {
                tables.extend(schemas.into_keys());
            }
        }
        storage.pending_on(tables.iter().map(String::as_str))
    }

    /// GlueSQL's plan of one statement, with seekscan's access choices.
    fn plan(
        &mut self,
        sql: &SqlStatement,
        visible: &IndexSet,
    ) -> Result<(StatementPlan, PlanNode), EngineError> {
        let storage = &self.glue.storage;
        storage.set_visible(visible.clone());
        let plan = storage.plan(translate(sql)?.into())?;
        let node = PlanNode::with_choices(&plan, &storage.last_choices());
        Ok((plan, node))
    }

    /// Plans and runs one statement under the run limits; `analyze` also
    /// counts the rows that reached a sort under a LIMIT.
    fn execute(
        &mut self,
        sql: &SqlStatement,
        visible: &IndexSet,
        analyze: bool,
    ) -> Result<QueryOutcome, EngineError> {
        let (statement, mut plan) = self.plan(sql, visible)?;
        let storage = &self.glue.storage;
        storage.reset_rows_examined();
        storage.set_budget(Some(Budget::new(
            self.limits.max_rows_examined,
            self.limits.max_run_time,
            plan.table_accesses().len() > 1,
        )));
        let started = Instant::now();
        let payload = match &statement {
            StatementPlan::Query(query) => self.query_rows(query),
            other => self.glue.execute_stmt(other),
        };
        let elapsed_us = started.elapsed().as_micros() as u64;
        let counters = self.glue.storage.counters();
        let sorted = match (&payload, analyze) {
            (Ok(_), true) => self.rows_into_sort(&statement),
            _ => None,
        };
        self.glue.storage.set_budget(None);
        if payload.is_err() {
            // A statement Stop ended says so, whatever the executor made of it.
            self.check_cancel()?;
        }
        let payload = payload?;
        let note = write_note(&payload);
        let returned = row_count(&payload);
        let (columns, rows) = match self.discard_rows {
            false => rows_of(payload),
            true => (Vec::new(), Vec::new()),
        };
        plan.record_actuals(&statement, returned, counters.rows_examined, sorted);
        Ok(QueryOutcome {
            plan,
            stats: ExecStats {
                rows_examined: counters.rows_examined,
                index_entries: counters.index_entries,
                table_lookups: counters.table_lookups,
                rows_returned: returned,
                elapsed_us,
            },
            columns,
            rows,
            note,
            earlier: Vec::new(),
        })
    }

    /// A query's rows, pulled one at a time so that a result past the row
    /// limit, or past the time limit, stops instead of filling memory.
    fn query_rows(&self, query: &QueryPlan) -> gluesql_core::error::Result<Payload> {
        let storage = &self.glue.storage;
        let (labels, rows) = execute_with_labels(storage, query, None)?;
        let max = self.limits.max_rows_returned;
        let mut collected = Vec::new();
        for row in rows {
            collected.push(row?.into_values());
            let count = collected.len() as u64;
            if count > max {
                return Err(gluesql_core::error::Error::StorageMsg(format!(
                    "stopped after {} result rows (the limit for one query): narrow the query or add a LIMIT",
                    thousands(max)
                )));
            }
            if count.is_multiple_of(CLOCK_EVERY_ROW) {
                storage.check_time(&format!("{} result rows", thousands(count)))?;
            }
        }
        Ok(Payload::Select {
            labels,
            rows: collected,
        })
    }

    /// CREATE INDEX and DROP INDEX, which seekscan runs itself.
    fn run_index_statement(
        &mut self,
        statement: IndexStatement,
    ) -> Result<QueryOutcome, EngineError> {
        let started = Instant::now();
        let storage = &mut self.glue.storage;
        let done = match statement {
            IndexStatement::Create(def) => {
                let name = def.name.clone();
                storage.create_index(def).map_err(EngineError::Sql)?;
                format!("created index {name}")
            }
            IndexStatement::Drop(name) => {
                storage.drop_index(&name).map_err(EngineError::Sql)?;
                format!("dropped index {name}")
            }
        };
        let mut outcome = QueryOutcome::plan_only(PlanNode {
            op: done.clone(),
            ..PlanNode::default()
        });
        outcome.stats.elapsed_us = started.elapsed().as_micros() as u64;
        outcome.note = Some(done);
        Ok(outcome)
    }

    /// For EXPLAIN ANALYZE of `… ORDER BY … LIMIT n`: the limit hides how
    /// many rows reached the sort, so the query under the sort runs once
    /// more, unsorted, to count them (after the timed run).
    fn rows_into_sort(&mut self, statement: &StatementPlan) -> Option<u64> {
        let StatementPlan::Query(QueryPlan::Limit(LimitPlan {
            input: LimitInputPlan::SelectOrderBy(sorted),
            ..
        })) = statement
        else {
            return None;
        };
        let unsorted = StatementPlan::Query(QueryPlan::Project(sorted.input.clone()));
        match self.glue.execute_stmt(&unsorted).ok()? {
            Payload::Select { rows, .. } => Some(rows.len() as u64),
            Payload::SelectMap(rows) => Some(rows.len() as u64),
            _ => None,
        }
    }
}

impl QueryOutcome {
    /// What the statement did in a line: a write's note, or the plan's
    /// summary with the rows it examined.
    pub fn summary(&self) -> String {
        self.note
            .clone()
            .unwrap_or_else(|| self.plan.summary(Some(self.stats.rows_examined)))
    }

    /// A plan with nothing run: no rows, no counters.
    fn plan_only(plan: PlanNode) -> Self {
        Self {
            plan,
            ..Self::default()
        }
    }
}

/// An error says which statement it came from: GlueSQL's quote the
/// statement, and with several statements every error says which one.
fn in_statement(error: EngineError, text: &str, at: usize, count: usize) -> EngineError {
    match error {
        EngineError::Refused(error) => {
            let error = error.in_statement(text);
            EngineError::Refused(match count > 1 {
                true => error.at(at + 1, count),
                false => error,
            })
        }
        EngineError::Sql(message) if count > 1 => {
            EngineError::Sql(format!("statement {} of {count}: {message}", at + 1))
        }
        other => other,
    }
}

/// What a write did, in words.
fn write_note(payload: &Payload) -> Option<String> {
    let rows = |n: usize| {
        if n == 1 {
            "1 row".to_owned()
        } else {
            format!("{n} rows")
        }
    };
    Some(match payload {
        Payload::Insert(n) => format!("inserted {}", rows(*n)),
        Payload::Update(n) => format!("updated {}", rows(*n)),
        Payload::Delete(n) => format!("deleted {}", rows(*n)),
        Payload::Create => "created the table".to_owned(),
        Payload::DropTable(n) => format!("dropped {n} table(s)"),
        Payload::Select { .. } | Payload::SelectMap(_) => return None,
        _ => "done".to_owned(),
    })
}

/// The rows a query returned.
fn row_count(payload: &Payload) -> u64 {
    match payload {
        Payload::Select { rows, .. } => rows.len() as u64,
        Payload::SelectMap(rows) => rows.len() as u64,
        _ => 0,
    }
}

/// Column labels and rows as JSON scalars.
fn rows_of(payload: Payload) -> (Vec<String>, Vec<Vec<serde_json::Value>>) {
    let (columns, rows) = match payload {
        Payload::Select { labels, rows } => (labels, rows),
        Payload::SelectMap(maps) => {
            let columns: Vec<String> = maps
                .first()
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
            let rows = maps
                .into_iter()
                .map(|m| m.into_values().collect())
                .collect();
            (columns, rows)
        }
        _ => (Vec::new(), Vec::new()),
    };
    let rows = rows
        .into_iter()
        .map(|row| row.into_iter().map(json_cell).collect())
        .collect();
    (columns, rows)
}
