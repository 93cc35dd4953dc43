//! The facade the worker, the CLI and the tests use: GlueSQL over
//! `SeekStorage`, with the plan, rows and counters of every statement.
use gluesql_core::data::Value;
use gluesql_core::prelude::Glue;
use serde::{Deserialize, Serialize};

use crate::catalog::{self, IndexDef, IndexSet};
use crate::explain::PlanNode;
use crate::generator::{self, Dataset, DatasetSpec, TenantInfo};
use crate::schema;
pub use crate::sql_error::{ErrorKind, SqlError};
use crate::statement::limits::RunLimits;
pub use crate::statement::StatementKind;
pub use crate::storage::memory::MemoryReport;
use crate::storage::SeekStorage;

mod run;

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct QueryOutcome {
    pub plan: PlanNode,
    pub columns: Vec<String>,
    /// JSON scalars; timestamps as `YYYY-MM-DD HH:MM:SS`, JSON columns as text.
    pub rows: Vec<Vec<serde_json::Value>>,
    pub stats: ExecStats,
    /// What a write did ("deleted 3 rows"); `None` for a query.
    #[serde(default)]
    pub note: Option<String>,
    /// The statements that ran before this one in a multi-statement input,
    /// each with its own counters (this outcome's are the last statement's).
    #[serde(default)]
    pub earlier: Vec<StatementSummary>,
}

/// One statement of a multi-statement input that ran before the last.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct StatementSummary {
    pub sql: String,
    /// The plan's one-line summary, or what the statement did.
    pub summary: String,
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
    /// A GlueSQL error, typed and worded for the user (`crate::sql_error`).
    #[error("{0}")]
    Refused(SqlError),
    /// The user pressed Stop (see `storage::CancelFlag`).
    #[error("{}", crate::storage::STOPPED_BY_USER)]
    Stopped,
}

impl From<gluesql_core::error::Error> for EngineError {
    fn from(error: gluesql_core::error::Error) -> Self {
        EngineError::Refused(SqlError::from(&error))
    }
}

pub struct Engine {
    glue: Glue<SeekStorage>,
    limits: RunLimits,
    /// Result rows are counted and dropped, not converted (`time_with`).
    discard_rows: bool,
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

impl Engine {
    pub fn new() -> Self {
        Self {
            glue: Glue::new(SeekStorage::default()),
            limits: RunLimits::default(),
            discard_rows: false,
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
        let mut engine = Self::with_tables()?;
        let total = dataset.tables.len() + catalog::builtin_indexes().len();
        for (done, table) in dataset.tables.iter().enumerate() {
            progress(&format!("loading {}", table.name), done, total);
            engine.store(table.name, &table.rows)?;
        }
        engine.finish_load(dataset.tables.len(), catalog::builtin_indexes(), progress)?;
        Ok(engine)
    }

    /// Like `load`, taking the dataset: each table's generated rows are
    /// freed as soon as they are stored, before the indexes are built, so
    /// the peak holds the stored rows without the generated ones (wasm
    /// memory never shrinks: its peak is what the worker keeps).
    pub fn load_owned(
        dataset: Dataset,
        progress: &mut dyn FnMut(&str, usize, usize),
    ) -> Result<Self, EngineError> {
        let mut engine = Self::with_tables()?;
        let count = dataset.tables.len();
        let total = count + catalog::builtin_indexes().len();
        for (done, table) in dataset.tables.into_iter().enumerate() {
            progress(&format!("loading {}", table.name), done, total);
            engine.store(table.name, &table.rows)?;
        }
        engine.finish_load(count, catalog::builtin_indexes(), progress)?;
        Ok(engine)
    }

    /// Generates `spec`'s rows a chunk at a time (`generator::CHUNK_ROWS`)
    /// and stores each chunk encoded before the next is drawn, so the whole
    /// dataset never exists as values (a `Value` row takes several times
    /// its encoding, and wasm memory never shrinks after such a peak); then
    /// builds the built-in indexes as `load` does. `observe` sees every
    /// chunk before it is encoded and dropped.
    pub fn generate_and_load(
        spec: &DatasetSpec,
        observe: &mut dyn FnMut(&'static str, &[Vec<Value>]),
        progress: &mut dyn FnMut(&str, usize, usize),
    ) -> Result<(Self, TenantInfo), EngineError> {
        Self::generate_and_load_deferring(spec, &[], observe, progress)
    }

    /// `generate_and_load`, leaving the built-in indexes named in `later`
    /// defined but not built: they are pending (see `storage::pending`)
    /// until their images are installed or `build_pending` builds them.
    pub fn generate_and_load_deferring(
        spec: &DatasetSpec,
        later: &[String],
        observe: &mut dyn FnMut(&'static str, &[Vec<Value>]),
        progress: &mut dyn FnMut(&str, usize, usize),
    ) -> Result<(Self, TenantInfo), EngineError> {
        let (deferred, now): (Vec<IndexDef>, Vec<IndexDef>) = catalog::builtin_indexes()
            .into_iter()
            .partition(|d| later.contains(&d.name));
        let total = generator::TABLE_ORDER.len() + now.len();
        let (mut engine, tenants) = Self::generate_tables(spec, observe, &mut |table, at| {
            progress(&format!("loading {table}"), at, total)
        })?;
        engine
            .glue
            .storage
            .defer_indexes(deferred)
            .map_err(EngineError::Load)?;
        engine.finish_load(generator::TABLE_ORDER.len(), now, progress)?;
        Ok((engine, tenants))
    }

    /// An engine holding the generated rows, without indexes.
    /// `loading(table, at)` is told after each chunk.
    fn generate_tables(
        spec: &DatasetSpec,
        observe: &mut dyn FnMut(&'static str, &[Vec<Value>]),
        loading: &mut dyn FnMut(&str, usize),
    ) -> Result<(Self, TenantInfo), EngineError> {
        let mut engine = Self::with_tables()?;
        let order = generator::TABLE_ORDER;
        let sizes = generator::table_sizes(spec.scale);
        let load_error = |e: gluesql_core::error::Error| EngineError::Load(e.to_string());
        let storage = &mut engine.glue.storage;
        let mut current: Option<crate::storage::build::BulkLoad> = None;
        let tenants =
            generator::generate_in_chunks(spec, generator::CHUNK_ROWS, &mut |table, rows| {
                if current.as_ref().is_some_and(|c| c.table() != table) {
                    let done = current.take().expect("a table being loaded");
                    storage.finish_bulk(done).map_err(load_error)?;
                }
                let at = order.iter().position(|t| *t == table).unwrap_or(0);
                if current.is_none() {
                    current = Some(storage.begin_bulk(table, sizes[at]).map_err(load_error)?);
                }
                observe(table, &rows);
                // After each chunk, so rows loaded advance through a large table.
                loading(table, at);
                let load = current.as_mut().expect("a table being loaded");
                load.add(&rows).map_err(load_error)
            })?;
        if let Some(last) = current {
            storage.finish_bulk(last).map_err(load_error)?;
        }
        Ok((engine, tenants))
    }

    /// An engine with the three Upstream tables, empty.
    pub(crate) fn with_tables() -> Result<Self, EngineError> {
        let mut engine = Self::new();
        for ddl in schema::create_table_sql() {
            engine.glue.execute(ddl)?;
        }
        Ok(engine)
    }

    fn store(&mut self, table: &str, rows: &[Vec<Value>]) -> Result<(), EngineError> {
        self.glue
            .storage
            .copy_rows(table, rows)
            .map_err(|e| EngineError::Load(e.to_string()))
    }

    /// Builds `defs` after `loaded` tables, counting on.
    fn finish_load(
        &mut self,
        loaded: usize,
        defs: Vec<IndexDef>,
        progress: &mut dyn FnMut(&str, usize, usize),
    ) -> Result<(), EngineError> {
        let total = loaded + defs.len();
        self.create_indexes(defs, &mut |step, done, _| {
            progress(step, loaded + done, total)
        })?;
        progress("loaded", total, total);
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

    /// Rows read and time one run of a statement may take (the defaults
    /// are in `statement::limits`).
    pub fn set_limits(&mut self, limits: RunLimits) {
        self.limits = limits;
    }

    /// Whether the storage checks WHERE conditions on encoded rows before
    /// decoding them (on by default; off leaves every check to GlueSQL).
    pub fn set_pushdown(&mut self, enabled: bool) {
        self.glue.storage.no_pushdown.set(!enabled);
    }

    /// The cost model that plans every statement from now on; the rows a
    /// statement returns never depend on it.
    pub fn set_model(&mut self, model: crate::planner::ModelKind) {
        self.glue.storage.set_model(model);
    }

    /// The model, PostgreSQL's settings and its visibility assumption at once.
    pub fn set_planner(&mut self, choice: &crate::planner::choice::PlannerChoice) {
        self.set_model(choice.model);
        self.set_pg_settings(choice.pg);
        self.glue.storage.set_pg_vacuumed(choice.vacuumed);
    }

    /// PostgreSQL's settings for its model (`random_page_cost`, …).
    pub fn set_pg_settings(&mut self, settings: crate::pg15::PgSettings) {
        self.glue.storage.set_pg_settings(settings);
    }

    pub(crate) fn storage_mut(&mut self) -> &mut SeekStorage {
        &mut self.glue.storage
    }

    pub fn storage(&self) -> &SeekStorage {
        &self.glue.storage
    }

    /// Every statement from now on ends early once `flag` says Stop.
    pub fn set_cancel(&mut self, flag: crate::storage::Cancel) {
        self.glue.storage.set_cancel(flag);
    }

    /// `Err(Stopped)` once Stop was pressed: loops of runs check between runs.
    pub fn check_cancel(&self) -> Result<(), EngineError> {
        match self.glue.storage.cancel_requested() {
            true => Err(EngineError::Stopped),
            false => Ok(()),
        }
    }

    pub fn table_counts(&self) -> Vec<(String, usize)> {
        let storage = &self.glue.storage;
        storage
            .table_names()
            .map(|name| (name.to_owned(), storage.row_count(name).unwrap_or(0)))
            .collect()
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
