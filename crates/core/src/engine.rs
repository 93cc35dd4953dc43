//! The facade the worker, the CLI and the tests use: GlueSQL over
//! `SeekStorage`, with the plan, rows and counters of every statement.
use gluesql_core::data::Value;
use gluesql_core::executor::Payload;
use gluesql_core::plan::{LimitInputPlan, LimitPlan, QueryPlan, StatementPlan};
use gluesql_core::prelude::Glue;
use serde::{Deserialize, Serialize};
use web_time::Instant;

use crate::catalog::{self, IndexDef, IndexSet, IndexStatement};
use crate::explain::PlanNode;
use crate::generator::Dataset;
use crate::schema;
pub use crate::storage::memory::MemoryReport;
use crate::storage::SeekStorage;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct QueryOutcome {
    pub plan: PlanNode,
    pub columns: Vec<String>,
    /// JSON scalars; timestamps as `YYYY-MM-DD HH:MM:SS`, JSON columns as text.
    pub rows: Vec<Vec<serde_json::Value>>,
    pub stats: ExecStats,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExecStats {
    /// Rows the storage handed to the executor (scans, lookups, index reads).
    pub rows_examined: u64,
    /// Index entries read.
    #[serde(default)]
    pub index_entries: u64,
    /// Table rows fetched for index entries (none for covering reads).
    #[serde(default)]
    pub table_lookups: u64,
    pub rows_returned: u64,
    pub elapsed_us: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum EngineError {
    #[error("{0}")]
    Sql(String),
    #[error("no statement to run")]
    Empty,
    #[error("{0}")]
    Load(String),
    #[error("{0}")]
    UnknownIndex(String),
}

impl From<gluesql_core::error::Error> for EngineError {
    fn from(error: gluesql_core::error::Error) -> Self {
        EngineError::Sql(error.to_string())
    }
}

pub struct Engine {
    glue: Glue<SeekStorage>,
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

/// `EXPLAIN [ANALYZE] <query>` is read here; GlueSQL does not know EXPLAIN.
fn split_explain(sql: &str) -> (Option<bool>, &str) {
    let trimmed = sql.trim_start();
    let mut words = trimmed.splitn(2, char::is_whitespace);
    if !words
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("EXPLAIN"))
    {
        return (None, sql);
    }
    let rest = words.next().unwrap_or("").trim_start();
    let mut words = rest.splitn(2, char::is_whitespace);
    match words.next() {
        Some(w) if w.eq_ignore_ascii_case("ANALYZE") => (Some(true), words.next().unwrap_or("")),
        _ => (Some(false), rest),
    }
}

/// What a statement does, from its leading words: a read may be repeated
/// for timing; a write must run once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementKind {
    Read,
    Write,
    /// Neither (empty, or text that does not parse): the engine reports it.
    Unknown,
}

impl StatementKind {
    pub fn of(sql: &str) -> Self {
        match split_explain(sql) {
            // EXPLAIN ANALYZE runs the statement; plain EXPLAIN only plans it.
            (Some(true), inner) => Self::of(inner),
            (Some(false), _) => Self::Read,
            (None, sql) => {
                let sql = sql.trim_start();
                let first = sql.split_whitespace().next().unwrap_or("");
                match first.to_ascii_uppercase().as_str() {
                    "SELECT" | "WITH" | "VALUES" | "SHOW" => Self::Read,
                    "INSERT" | "UPDATE" | "DELETE" | "CREATE" | "DROP" | "ALTER" | "TRUNCATE" => {
                        Self::Write
                    }
                    _ if sql.starts_with('(') => Self::Read,
                    _ => Self::Unknown,
                }
            }
        }
    }
}

impl Engine {
    pub fn new() -> Self {
        Self {
            glue: Glue::new(SeekStorage::default()),
        }
    }

    /// Creates the three Upstream tables, loads `dataset` through the
    /// storage API (no SQL text per row) and builds the built-in indexes
    /// (Phase 3 and the Phase 4 proposal). `progress(step, done, total)`
    /// counts tables and indexes together: "loading <table>", then
    /// "indexing <index>", then "loaded".
    pub fn load(
        dataset: &Dataset,
        progress: &mut dyn FnMut(&str, usize, usize),
    ) -> Result<Self, EngineError> {
        let mut engine = Self::new();
        for ddl in schema::create_table_sql() {
            engine.glue.execute(ddl)?;
        }
        let builtin = catalog::builtin_indexes();
        let total = dataset.tables.len() + builtin.len();
        for (done, table) in dataset.tables.iter().enumerate() {
            progress(&format!("loading {}", table.name), done, total);
            engine
                .glue
                .storage
                .copy_rows(table.name, &table.rows)
                .map_err(|e| EngineError::Load(e.to_string()))?;
        }
        let loaded = dataset.tables.len();
        engine.create_indexes(builtin, &mut |step, done, _| {
            progress(step, loaded + done, total)
        })?;
        progress("loaded", total, total);
        Ok(engine)
    }

    /// Builds those of the Phase 3 indexes and the Phase 4 proposal that do
    /// not exist yet (`load` builds them all, so this usually does nothing).
    pub fn build_builtin_indexes(
        &mut self,
        progress: &mut dyn FnMut(&str, usize, usize),
    ) -> Result<(), EngineError> {
        let total = catalog::builtin_indexes().len();
        self.create_indexes(catalog::builtin_indexes(), progress)?;
        progress("indexed", total, total);
        Ok(())
    }

    /// Creates each index whose name is not taken yet (natively several at
    /// once), reporting "indexing <name>" as each build begins.
    fn create_indexes(
        &mut self,
        defs: Vec<IndexDef>,
        progress: &mut dyn FnMut(&str, usize, usize),
    ) -> Result<(), EngineError> {
        let total = defs.len();
        let storage = &mut self.glue.storage;
        let missing: Vec<IndexDef> = defs
            .into_iter()
            .filter(|d| !storage.has_index(&d.name))
            .collect();
        let mut done = total - missing.len();
        storage
            .create_indexes(missing, &mut |name| {
                progress(&format!("indexing {name}"), done, total);
                done += 1;
            })
            .map_err(EngineError::Sql)
    }

    /// Creates an empty table from `CREATE TABLE …` text.
    pub fn create_table(&mut self, schema_sql: &str) -> Result<(), EngineError> {
        let statements = self.glue.plan(schema_sql)?;
        if !statements
            .iter()
            .all(|s| matches!(s, gluesql_core::plan::StatementPlan::CreateTable { .. }))
        {
            return Err(EngineError::Sql(format!(
                "expected CREATE TABLE, got {schema_sql:?}"
            )));
        }
        for statement in &statements {
            self.glue.execute_stmt(statement)?;
        }
        Ok(())
    }

    /// Bulk-loads rows (in column order) without SQL text; indexes and their
    /// statistics follow.
    pub fn load_rows(&mut self, table: &str, rows: Vec<Vec<Value>>) -> Result<(), EngineError> {
        self.glue
            .storage
            .load_rows(table, rows)
            .map_err(|e| EngineError::Load(e.to_string()))
    }

    /// An index configuration (`none`, `phase3`, `all`, `a,b,c`) with names
    /// checked against this engine's indexes.
    pub fn index_set(&self, spec: &str) -> Result<IndexSet, EngineError> {
        let known: Vec<String> = self.indexes().into_iter().map(|d| d.name).collect();
        IndexSet::parse_among(spec, &known).map_err(EngineError::UnknownIndex)
    }

    /// Estimated bytes per row of each table and per entry of each index.
    pub fn memory_report(&self) -> MemoryReport {
        self.glue.storage.memory_report()
    }

    /// Every index: built-in and user-defined.
    pub fn indexes(&self) -> Vec<IndexDef> {
        self.glue.storage.index_defs()
    }

    pub fn storage(&self) -> &SeekStorage {
        &self.glue.storage
    }

    /// CREATE INDEX and DROP INDEX, handled before GlueSQL.
    fn run_index_statement(&mut self, statement: IndexStatement) -> Result<String, EngineError> {
        match statement {
            IndexStatement::Create(def) => {
                let name = def.name.clone();
                self.glue
                    .storage
                    .create_index(def)
                    .map_err(EngineError::Sql)?;
                Ok(format!("created index {name}"))
            }
            IndexStatement::Drop(name) => {
                self.glue
                    .storage
                    .drop_index(&name)
                    .map_err(EngineError::Sql)?;
                Ok(format!("dropped index {name}"))
            }
        }
    }

    pub fn table_counts(&self) -> Vec<(String, usize)> {
        let storage = &self.glue.storage;
        storage
            .table_names()
            .map(|name| (name.to_owned(), storage.row_count(name).unwrap_or(0)))
            .collect()
    }

    /// Runs SQL with every existing index visible; see `run_with`.
    pub fn run(&mut self, sql: &str) -> Result<QueryOutcome, EngineError> {
        let every = IndexSet::of(self.indexes().into_iter().map(|d| d.name));
        self.run_with(sql, &every)
    }

    /// Runs SQL (the last statement's result is returned) with only the
    /// `visible` indexes open to the planner. `EXPLAIN` plans without
    /// executing; `EXPLAIN ANALYZE` and plain queries execute.
    pub fn run_with(&mut self, sql: &str, visible: &IndexSet) -> Result<QueryOutcome, EngineError> {
        if let Some(statement) = catalog::parse_index_statement(sql).map_err(EngineError::Sql)? {
            let started = Instant::now();
            let done = self.run_index_statement(statement)?;
            return Ok(QueryOutcome {
                plan: PlanNode {
                    op: done,
                    ..PlanNode::default()
                },
                columns: Vec::new(),
                rows: Vec::new(),
                stats: ExecStats {
                    elapsed_us: started.elapsed().as_micros() as u64,
                    ..ExecStats::default()
                },
            });
        }
        let (explain, sql) = split_explain(sql);
        self.glue.storage.set_visible(visible.clone());
        let statements = self.glue.plan(sql)?;
        let last = statements.last().ok_or(EngineError::Empty)?;
        let plan = PlanNode::with_choices(last, &self.glue.storage.last_choices());
        if explain == Some(false) {
            return Ok(QueryOutcome {
                plan,
                columns: Vec::new(),
                rows: Vec::new(),
                stats: ExecStats::default(),
            });
        }
        self.glue.storage.reset_rows_examined();
        let started = Instant::now();
        let mut payload = None;
        for statement in &statements {
            payload = Some(self.glue.execute_stmt(statement)?);
        }
        let elapsed_us = started.elapsed().as_micros() as u64;
        let counters = self.glue.storage.counters();
        let (columns, rows) = match payload {
            Some(Payload::Select { labels, rows }) => (labels, rows),
            Some(Payload::SelectMap(maps)) => {
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
        let rows: Vec<Vec<serde_json::Value>> = rows
            .into_iter()
            .map(|row| row.into_iter().map(json_cell).collect())
            .collect();
        let mut plan = plan;
        let sorted = if explain == Some(true) {
            self.rows_into_sort(last)
        } else {
            None
        };
        plan.record_actuals(last, rows.len() as u64, counters.rows_examined, sorted);
        Ok(QueryOutcome {
            plan,
            stats: ExecStats {
                rows_examined: counters.rows_examined,
                index_entries: counters.index_entries,
                table_lookups: counters.table_lookups,
                rows_returned: rows.len() as u64,
                elapsed_us,
            },
            columns,
            rows,
        })
    }
}

impl Engine {
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

/// A cell as a JSON scalar, the way the CLI and the page print it.
pub fn json_cell(value: Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => b.into(),
        Value::I8(n) => n.into(),
        Value::I16(n) => n.into(),
        Value::I32(n) => n.into(),
        Value::I64(n) => n.into(),
        Value::U8(n) => n.into(),
        Value::U16(n) => n.into(),
        Value::U32(n) => n.into(),
        Value::U64(n) => n.into(),
        Value::F32(n) => {
            serde_json::Number::from_f64(f64::from(n)).map_or(serde_json::Value::Null, Into::into)
        }
        Value::F64(n) => {
            serde_json::Number::from_f64(n).map_or(serde_json::Value::Null, Into::into)
        }
        Value::Str(s) => s.into(),
        Value::Timestamp(t) => t.format("%Y-%m-%d %H:%M:%S").to_string().into(),
        other => String::from(other).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::StatementKind;

    #[test]
    fn reads_writes_and_the_rest() {
        for sql in [
            "SELECT 1",
            " with x as (select 1) select * from x",
            "EXPLAIN INSERT INTO t VALUES (1)",
            "EXPLAIN ANALYZE SELECT 1",
            "(SELECT 1)",
        ] {
            assert_eq!(StatementKind::of(sql), StatementKind::Read, "{sql}");
        }
        for sql in [
            "INSERT INTO t VALUES (1)",
            "EXPLAIN ANALYZE DELETE FROM t",
            "CREATE INDEX i ON t (a)",
            "drop index i",
        ] {
            assert_eq!(StatementKind::of(sql), StatementKind::Write, "{sql}");
        }
        for sql in ["", "SELEC nonsense"] {
            assert_eq!(StatementKind::of(sql), StatementKind::Unknown, "{sql}");
        }
    }
}
