//! seekscan's own in-memory GlueSQL storage. Each table's rows are packed in
//! primary-key order (or generated row id order; see `rows`). Every row
//! handed to the executor is counted, so plans report the rows they really
//! examined.
pub mod access;
mod bitmap;
mod budget;
pub(crate) mod build;
mod entries;
pub mod filter;
mod image;
pub use image::{ByteSource, ImageBytes};
pub use rows::SharedRows;
pub(crate) mod index;
mod keycode;
pub mod memory;
mod offsets;
mod pending;
mod read;
mod rowcode;
mod rows;
mod scratch;
pub mod usage;

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use gluesql_core::data::{Key, Schema, Value};
use gluesql_core::error::{Error, Result};
use gluesql_core::store::{
    AlterTable, CustomFunction, CustomFunctionMut, Index, IndexMut, Metadata, RowIter, Store,
    StoreMut, Transaction,
};

use crate::catalog::{IndexDef, IndexSet};
use crate::planner::TableChoice;
use crate::stats::IndexStats;
/// Kept here too: older callers reach the digit grouping through the storage.
pub use crate::units::thousands;
use access::{AccessKind, AccessSpec};
pub use budget::{Budget, Cancel, CancelFlag, STOPPED_BY_USER};
use entries::EntryIter;
use filter::RowFilter;
use index::{Scratch, SecondaryIndex};
use keycode::IndexKey;
use memory::{IndexMemory, MemoryReport, TableMemory};
use read::RowReader;
use rows::{decoded_key, encoded_key, TableRows};

/// What the storage did for the statements since the last reset.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counters {
    /// Rows handed to the executor, from scans, lookups and index scans.
    pub rows_examined: u64,
    /// Index entries read.
    pub index_entries: u64,
    /// Rows fetched from the table for an index entry (not for covering reads).
    pub table_lookups: u64,
}

#[derive(Debug, Default)]
pub struct SeekStorage {
    tables: BTreeMap<String, Table>,
    rows_examined: Cell<u64>,
    index_entries: Cell<u64>,
    table_lookups: Cell<u64>,
    /// The limit on rows read and time for the statement running now.
    budget: Cell<Option<Budget>>,
    /// The user's Stop, polled with the budget's clock.
    cancel: Cancel,
    /// Leave every condition to GlueSQL (tests compare both ways).
    pub(crate) no_pushdown: Cell<bool>,
    /// Indexes the planner may use for the statement being planned.
    pub(crate) visible: RefCell<IndexSet>,
    /// The cost model that plans the next statement.
    pub(crate) model: Cell<crate::planner::ModelKind>,
    /// PostgreSQL's settings, for its model.
    pub(crate) pg_settings: RefCell<crate::pg15::PgSettings>,
    /// What ANALYZE would have gathered, per table, for PostgreSQL's model.
    pub(crate) pg_stats: crate::planner::StatsCache,
    /// PostgreSQL's model prices index-only scans as after VACUUM.
    pub(crate) pg_vacuumed: Cell<bool>,
    /// The planner's reasoning for the last planned statement.
    pub(crate) choices: RefCell<Vec<TableChoice>>,
    /// Scans, entries read and rows fetched per index (see `usage`).
    pub(crate) usage: usage::UsageCounters,
    /// Indexes defined but built elsewhere, not usable yet (see `pending`).
    pending: Vec<IndexDef>,
    /// Digests of tables with pending indexes (see `pending`), computed
    /// once: such a table takes no writes until they are installed.
    pending_digests: RefCell<BTreeMap<String, u64>>,
}

#[derive(Debug)]
pub(crate) struct Table {
    pub(crate) schema: Schema,
    /// Each row encoded (see `rowcode`) under its encoded key (see `rows`).
    rows: TableRows,
    /// Row ids for tables without a primary key.
    next_row_id: i64,
    pub(crate) indexes: BTreeMap<String, SecondaryIndex>,
    /// Position of the primary key column, whose value is the row key.
    pub(crate) primary_key: Option<usize>,
    /// Rows inserted, updated or deleted since the load: what autovacuum's
    /// ANALYZE threshold counts (see `planner::pg`).
    pub(crate) writes: u64,
}

impl Table {
    pub(crate) fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Every `every`-th row, decoded, in row-key order (the order a bulk
    /// load wrote them, which PostgreSQL's heap keeps too).
    pub(crate) fn decoded_rows(&self, every: usize) -> Result<Vec<Vec<Value>>> {
        self.rows
            .iter()
            .step_by(every.max(1))
            .map(|(_, row)| rowcode::decode(row))
            .collect()
    }

    pub(crate) fn column_names(&self) -> Vec<&str> {
        self.schema
            .column_defs
            .iter()
            .flatten()
            .map(|c| c.name.as_str())
            .collect()
    }
}

fn column_positions(schema: &Schema, columns: &[&str]) -> std::result::Result<Vec<usize>, String> {
    let defs = schema.column_defs.as_deref().unwrap_or_default();
    columns
        .iter()
        .map(|column| {
            defs.iter().position(|d| d.name == *column).ok_or_else(|| {
                format!(
                    "column {column} does not exist in table {}",
                    schema.table_name
                )
            })
        })
        .collect()
}

fn primary_key(schema: &Schema) -> Option<usize> {
    schema
        .column_defs
        .as_ref()?
        .iter()
        .position(|c| c.unique.is_some_and(|u| u.is_primary))
}

fn missing(table: &str) -> Error {
    Error::StorageMsg(format!("table not found: {table}"))
}

fn bump(cell: &Cell<u64>) {
    cell.set(cell.get() + 1);
}

impl SeekStorage {
    /// Counts one row handed to the executor, and stops the statement when
    /// that exceeds its budget.
    fn examine(&self) -> Result<()> {
        bump(&self.rows_examined);
        match self.budget.get() {
            Some(budget) => budget.check(self.rows_examined.get(), &self.cancel),
            None => Ok(()),
        }
    }

    /// Polls `cancel` in every statement from now on.
    pub fn set_cancel(&mut self, cancel: Cancel) {
        self.cancel = cancel;
    }

    /// Whether Stop was pressed for the work under way.
    pub fn cancel_requested(&self) -> bool {
        self.cancel.requested()
    }

    /// Limits every statement from now on (`None`: no limit).
    pub fn set_budget(&self, budget: Option<Budget>) {
        self.budget.set(budget);
    }

    /// `Err` once the running statement's time is up.
    pub fn check_time(&self, done: &str) -> Result<()> {
        self.cancel.check()?;
        match self.budget.get() {
            Some(budget) => budget.check_time(done),
            None => Ok(()),
        }
    }

    /// Rows handed to the executor since the last reset.
    pub fn rows_examined(&self) -> u64 {
        self.rows_examined.get()
    }

    pub fn counters(&self) -> Counters {
        Counters {
            rows_examined: self.rows_examined.get(),
            index_entries: self.index_entries.get(),
            table_lookups: self.table_lookups.get(),
        }
    }

    pub fn reset_rows_examined(&self) {
        self.rows_examined.set(0);
        self.index_entries.set(0);
        self.table_lookups.set(0);
    }

    /// The indexes the planner may use from now on.
    pub fn set_visible(&self, visible: IndexSet) {
        *self.visible.borrow_mut() = visible;
    }

    /// What the planner decided for each table of the last planned statement.
    /// The cost model that plans from now on.
    pub fn set_model(&self, model: crate::planner::ModelKind) {
        self.model.set(model);
    }

    /// PostgreSQL's settings for its model.
    pub fn set_pg_settings(&self, settings: crate::pg15::PgSettings) {
        *self.pg_settings.borrow_mut() = settings;
    }

    /// Whether PostgreSQL's model sees the tables as after VACUUM (every
    /// page all-visible) or as after a load and ANALYZE alone.
    pub fn set_pg_vacuumed(&self, vacuumed: bool) {
        self.pg_vacuumed.set(vacuumed);
    }

    /// Keeps PostgreSQL's model's statistics as they are (`true`) or lets
    /// them follow the writes as autovacuum's ANALYZE would.
    pub fn freeze_pg_statistics(&self, frozen: bool) {
        self.pg_stats.frozen.set(frozen);
    }

    /// ANALYZE: PostgreSQL's model reads every table's statistics again.
    pub fn analyze_pg_statistics(&self) {
        self.pg_stats.clear();
    }

    pub fn last_choices(&self) -> Vec<TableChoice> {
        self.choices.borrow().clone()
    }

    pub fn row_count(&self, table: &str) -> Option<usize> {
        self.tables.get(table).map(|t| t.rows.len())
    }

    pub fn table_names(&self) -> impl Iterator<Item = &str> {
        self.tables.keys().map(String::as_str)
    }

    pub(crate) fn table(&self, name: &str) -> Option<&Table> {
        self.tables.get(name)
    }

    /// The rows of `table` as another worker loads them (see `background`).
    pub fn shared_rows(&self, table: &str) -> Option<SharedRows<'_>> {
        self.tables.get(table).map(|t| t.rows.shared())
    }

    /// Every index definition, table by table, then those still being
    /// built elsewhere (see `pending`).
    pub fn index_defs(&self) -> Vec<IndexDef> {
        self.tables
            .values()
            .flat_map(|t| t.indexes.values().map(|i| i.def.clone()))
            .chain(self.pending.iter().cloned())
            .collect()
    }

    /// Statistics of an index, kept exact on every write.
    pub fn index_stats(&self, name: &str) -> Option<IndexStats> {
        self.find_index(name).map(|i| i.stats.clone())
    }

    /// Whether an index of that name is defined, built or pending.
    pub fn has_index(&self, name: &str) -> bool {
        self.find_index(name).is_some() || self.pending_def(name).is_some()
    }

    fn find_index(&self, name: &str) -> Option<&SecondaryIndex> {
        self.tables.values().find_map(|t| t.indexes.get(name))
    }

    /// An index's entries (key values and row key), in index order.
    pub fn index_entries(&self, name: &str) -> Option<Vec<(Vec<Key>, Key)>> {
        self.find_index(name).map(|index| {
            index
                .iter()
                .map(|(bytes, _)| index.decode(bytes).expect("index keys decode"))
                .collect()
        })
    }

    /// Builds an index over the table's rows and analyzes it. Nothing
    /// changes on error.
    pub fn create_index(&mut self, def: IndexDef) -> std::result::Result<(), String> {
        self.create_indexes(vec![def], &mut |_| {})
    }

    /// Builds several indexes, natively on every core; `started(name)` is
    /// told as each build begins. Nothing changes on error.
    pub fn create_indexes(
        &mut self,
        defs: Vec<IndexDef>,
        started: &mut dyn FnMut(&str),
    ) -> std::result::Result<(), String> {
        let mut pending: Vec<SecondaryIndex> = Vec::with_capacity(defs.len());
        for def in defs {
            if pending.iter().any(|p| p.def.name == def.name) {
                return Err(format!("an index named {} already exists", def.name));
            }
            pending.push(self.empty_index(def)?);
        }
        let built =
            build::build_indexes(&self.tables, pending, started).map_err(|e| e.to_string())?;
        for index in built {
            if let Some(table) = self.tables.get_mut(&index.def.table) {
                table.indexes.insert(index.def.name.clone(), index);
            }
        }
        Ok(())
    }

    /// `def` checked against the catalog and its table, not built yet.
    fn empty_index(&self, def: IndexDef) -> std::result::Result<SecondaryIndex, String> {
        if self.has_index(&def.name) {
            return Err(format!("an index named {} already exists", def.name));
        }
        self.empty_index_unchecked(def)
    }

    /// `empty_index` without asking whether the name is taken.
    fn empty_index_unchecked(&self, def: IndexDef) -> std::result::Result<SecondaryIndex, String> {
        let table = self
            .tables
            .get(&def.table)
            .ok_or_else(|| format!("table {} does not exist", def.table))?;
        if def.keys.is_empty() {
            return Err(format!("index {} has no key columns", def.name));
        }
        let key_names: Vec<&str> = def.keys.iter().map(|k| k.column.as_str()).collect();
        let include_names: Vec<&str> = def.include.iter().map(String::as_str).collect();
        let mut all = key_names.clone();
        all.extend(&include_names);
        if let Some(twice) = all
            .iter()
            .enumerate()
            .find_map(|(i, c)| all[..i].contains(c).then_some(c))
        {
            return Err(format!(
                "column {twice} appears twice in index {}",
                def.name
            ));
        }
        let key_columns = column_positions(&table.schema, &key_names)?;
        let include_columns = column_positions(&table.schema, &include_names)?;
        Ok(SecondaryIndex::new(
            def,
            &table.schema,
            key_columns,
            include_columns,
        ))
    }

    pub fn drop_index(&mut self, name: &str) -> std::result::Result<IndexDef, String> {
        if let Some(at) = self.pending.iter().position(|d| d.name == name) {
            return Ok(self.pending.remove(at));
        }
        self.tables
            .values_mut()
            .find_map(|t| t.indexes.remove(name))
            .inspect(|_| self.usage.forget(name))
            .map(|index| index.def)
            .ok_or_else(|| format!("index {name} does not exist"))
    }

    /// Bulk load without SQL text: each row's primary key column (else its
    /// first column) is its key. Into an empty table the rows go in one
    /// bulk build (its indexes are rebuilt the same way); otherwise they are
    /// written like an INSERT. Statistics stay exact either way.
    pub fn load_rows(&mut self, table: &str, rows: Vec<Vec<Value>>) -> Result<()> {
        self.copy_rows(table, &rows)
    }

    /// `load_rows` from borrowed rows, encoded natively on every core.
    pub fn copy_rows(&mut self, table: &str, rows: &[Vec<Value>]) -> Result<()> {
        let encoded = build::copy_rows(rows, self.key_column(table)?)?;
        self.load_encoded(table, encoded)
    }

    fn key_column(&self, table: &str) -> Result<usize> {
        let t = self.tables.get(table).ok_or_else(|| missing(table))?;
        Ok(t.primary_key.unwrap_or(0))
    }

    fn load_encoded(&mut self, table: &str, encoded: build::Encoded) -> Result<()> {
        let t = self.tables.get_mut(table).ok_or_else(|| missing(table))?;
        if !t.rows.is_empty() {
            let keyed = encoded
                .keys
                .iter()
                .zip(encoded.rows.iter())
                .map(|(key, row)| Ok((decoded_key(key)?, rowcode::decode(row)?)))
                .collect::<Result<Vec<_>>>()?;
            return self.insert_data(table, keyed);
        }
        // Sorted input (the generator's ids ascend) is taken as it is;
        // otherwise it is sorted, and later duplicates win, as with INSERT.
        let rows = TableRows::from_loaded(encoded.keys, encoded.rows);
        let mut indexes = std::mem::take(&mut t.indexes);
        for index in indexes.values_mut() {
            if let Err(error) = index.build(&rows) {
                // Nothing changes on error: the old (empty) indexes come back.
                for index in indexes.values_mut() {
                    index.build(&TableRows::default())?;
                }
                t.indexes = indexes;
                return Err(error);
            }
        }
        t.indexes = indexes;
        t.rows = rows;
        Ok(())
    }

    /// Estimated bytes per row of every table and per entry of every index.
    pub fn memory_report(&self) -> MemoryReport {
        let mut report = MemoryReport::default();
        for (name, table) in &self.tables {
            let bytes = table.rows.bytes();
            let rows = table.rows.len() as u64;
            report.tables.push(TableMemory {
                table: name.clone(),
                rows,
                bytes: bytes as u64,
                bytes_per_row: per(bytes, rows),
            });
            for (index_name, index) in &table.indexes {
                let bytes = memory::index_bytes(index);
                let entries = index.len() as u64;
                report.indexes.push(IndexMemory {
                    index: index_name.clone(),
                    table: name.clone(),
                    entries,
                    bytes: bytes as u64,
                    bytes_per_entry: per(bytes, entries),
                });
            }
        }
        report
    }
}

fn per(bytes: usize, count: u64) -> f64 {
    if count == 0 {
        0.0
    } else {
        bytes as f64 / count as f64
    }
}

impl Store for SeekStorage {
    fn fetch_schema(&self, table_name: &str) -> Result<Option<Schema>> {
        Ok(self.tables.get(table_name).map(|t| t.schema.clone()))
    }

    fn fetch_all_schemas(&self) -> Result<Vec<Schema>> {
        Ok(self.tables.values().map(|t| t.schema.clone()).collect())
    }

    fn fetch_data(&self, table_name: &str, key: &Key) -> Result<Option<Vec<Value>>> {
        let table = self
            .tables
            .get(table_name)
            .ok_or_else(|| missing(table_name))?;
        let row = table
            .rows
            .get(encoded_key(key).as_bytes())
            .map(rowcode::decode)
            .transpose()?;
        if row.is_some() {
            self.examine()?;
        }
        Ok(row)
    }

    fn scan_data<'a>(&'a self, table_name: &str) -> Result<RowIter<'a>> {
        let table = self
            .tables
            .get(table_name)
            .ok_or_else(|| missing(table_name))?;
        Ok(Box::new(table.rows.iter().map(move |(key, row)| {
            self.examine()?;
            Ok((decoded_key(key)?, rowcode::decode(row)?))
        })))
    }
}

impl Index for SeekStorage {
    fn scan_indexed_data<'a>(
        &'a self,
        table_name: &str,
        index_name: &str,
        asc: Option<bool>,
        cmp_value: Option<(&gluesql_core::ast::IndexOperator, Value)>,
    ) -> Result<RowIter<'a>> {
        if cmp_value.is_some() {
            return Err(Error::StorageMsg(
                "index predicates travel in the access spec, not as a GlueSQL predicate".into(),
            ));
        }
        let spec = AccessSpec::decode(index_name, asc).map_err(Error::StorageMsg)?;
        let table = self
            .tables
            .get(table_name)
            .ok_or_else(|| missing(table_name))?;
        let kind = spec.kind().map_err(Error::StorageMsg)?;
        let reader = RowReader::new(table, &spec)?;
        match (kind, &spec.bitmap) {
            (AccessKind::TableScan, _) => {
                Ok(self.table_rows(table.rows.iter_ordered(spec.reverse), reader))
            }
            (AccessKind::PrimaryKeyRange, _) => {
                let spans = primary_key_spans(table, &spec)?;
                Ok(self.table_rows(table.rows.spans(spans, spec.reverse), reader))
            }
            (AccessKind::Bitmap, Some(source)) => bitmap::scan(self, table, source, reader),
            _ => self.index_rows(table, &spec, reader),
        }
    }
}

/// The key ranges of a read of part of the table's primary key.
fn primary_key_spans(table: &Table, spec: &AccessSpec) -> Result<Vec<index::Span>> {
    if table.primary_key.is_none() {
        return Err(Error::StorageMsg(format!(
            "table {} has no primary key to read a range of",
            table.schema.table_name
        )));
    }
    // Row keys are encoded ascending, as a one-column index key would be.
    let name = format!("the primary key of {}", table.schema.table_name);
    index::spans(spec.key_range(), &[false], &name)
}

impl SeekStorage {
    /// The table's rows from `rows`, each counted, checked and decoded.
    fn table_rows<'a>(&'a self, rows: EntryIter<'a>, mut reader: RowReader) -> RowIter<'a> {
        Box::new(rows.filter_map(move |(key, row)| reader.read(self, key, row)))
    }

    /// The rows of an index seek or scan: built from its entries (covering)
    /// or looked up in the table.
    fn index_rows<'a>(
        &'a self,
        table: &'a Table,
        spec: &AccessSpec,
        mut reader: RowReader,
    ) -> Result<RowIter<'a>> {
        let index = table
            .indexes
            .get(&spec.index)
            .ok_or_else(|| Error::StorageMsg(format!("index {} does not exist", spec.index)))?;
        let mut entry_filter = spec
            .entry_filter
            .as_ref()
            .map(|p| RowFilter::new(p).map(|f| (f, Vec::new())))
            .transpose()?;
        // DECIMAL keys decode normalized; their rows come from the table.
        let covering = spec.covering && index.exact_keys();
        let entries = index.seek(spec)?;
        let tally = self.usage.scan_started(&spec.index);
        let (read, lookups) = (&self.index_entries, &self.table_lookups);
        Ok(Box::new(entries.filter_map(move |(bytes, include)| {
            bump(read);
            tally.entry_read();
            // An entry the index condition rejects costs no lookup (and no
            // row built from it); it still counts as examined, as its row
            // would have been.
            if let Some((filter, row)) = entry_filter.as_mut() {
                let passes = index
                    .entry_as_row(bytes, include, row)
                    .and_then(|()| filter.passes(row));
                match passes {
                    Ok(true) => {}
                    Ok(false) => return self.examine().err().map(Err),
                    Err(error) => return Some(Err(error)),
                }
            }
            if covering {
                return Some(
                    covered_row(table, index, bytes, include)
                        .and_then(|row| self.examine().map(|()| row)),
                );
            }
            let row_key = match index.row_key(bytes) {
                Ok(key) => key,
                Err(error) => return Some(Err(error)),
            };
            bump(lookups);
            tally.row_fetched();
            let row = table.rows.get(row_key)?;
            reader.read(self, row_key, row)
        })))
    }
}

/// A row built from an index entry alone: columns outside the index stay
/// NULL, which the planner allows only when none is read.
fn covered_row(
    table: &Table,
    index: &SecondaryIndex,
    bytes: &[u8],
    include: &[u8],
) -> Result<(Key, Vec<Value>)> {
    let width = table.schema.column_defs.as_ref().map_or(0, Vec::len);
    let (keys, row_key) = index.decode(bytes)?;
    let mut row = vec![Value::Null; width];
    for (&column, key) in index.key_columns.iter().zip(keys) {
        row[column] = Value::from(key);
    }
    let include = index.include_values(include)?;
    for (&column, value) in index.include_columns.iter().zip(include) {
        row[column] = value;
    }
    if let Some(pk) = table.primary_key {
        row[pk] = Value::from(row_key.clone());
    }
    Ok((row_key, row))
}

impl StoreMut for SeekStorage {
    fn insert_schema(&mut self, schema: &Schema) -> Result<()> {
        let table = self
            .tables
            .entry(schema.table_name.clone())
            .or_insert_with(|| Table {
                schema: schema.clone(),
                rows: TableRows::default(),
                next_row_id: 1,
                indexes: BTreeMap::new(),
                primary_key: None,
                writes: 0,
            });
        table.schema = schema.clone();
        table.primary_key = primary_key(schema);
        Ok(())
    }

    fn delete_schema(&mut self, table_name: &str) -> Result<()> {
        self.tables.remove(table_name);
        Ok(())
    }

    fn append_data(&mut self, table_name: &str, rows: Vec<Vec<Value>>) -> Result<()> {
        let table = self
            .tables
            .get_mut(table_name)
            .ok_or_else(|| missing(table_name))?;
        let first = table.next_row_id;
        let keyed = rows
            .into_iter()
            .zip(first..)
            .map(|(row, id)| (Key::I64(id), row))
            .collect::<Vec<_>>();
        let count = keyed.len() as i64;
        self.insert_data(table_name, keyed)?;
        if let Some(table) = self.tables.get_mut(table_name) {
            table.next_row_id = first + count;
        }
        Ok(())
    }

    fn insert_data(&mut self, table_name: &str, rows: Vec<(Key, Vec<Value>)>) -> Result<()> {
        self.refuse_pending(table_name)?;
        let table = self
            .tables
            .get_mut(table_name)
            .ok_or_else(|| missing(table_name))?;
        // A key written twice keeps its last row, as the table would.
        // Encoded keys compare as the keys do, so this map dedupes alike.
        let mut encoded = Vec::new();
        let rows = rows
            .into_iter()
            .map(|(key, row)| Ok((encoded_key(&key), rowcode::encode(&row, &mut encoded)?)))
            .collect::<Result<BTreeMap<IndexKey, Box<[u8]>>>>()?;
        // Every entry, new and old, is computed before anything changes, so
        // a row that cannot be indexed leaves table and indexes as they were.
        let mut scratch = Scratch::default();
        let mut changes = Vec::with_capacity(table.indexes.len());
        for index in table.indexes.values() {
            let mut old = Vec::new();
            let mut new = Vec::with_capacity(rows.len());
            for (key, row) in &rows {
                let key = key.as_bytes();
                if let Some(previous) = table.rows.get(key) {
                    old.push(index.key(key, previous, &mut scratch)?);
                }
                let include = index.include(row, &mut scratch)?;
                new.push((index.key(key, row, &mut scratch)?, include));
            }
            changes.push((old, new));
        }
        for (index, (old, new)) in table.indexes.values_mut().zip(changes) {
            for key in old {
                index.remove(key.as_bytes())?;
            }
            for (key, include) in new {
                index.insert(key, include)?;
            }
        }
        table.writes += rows.len() as u64;
        for (key, row) in rows {
            table.rows.insert(key, row);
        }
        Ok(())
    }

    fn delete_data(&mut self, table_name: &str, keys: Vec<Key>) -> Result<()> {
        self.refuse_pending(table_name)?;
        let table = self
            .tables
            .get_mut(table_name)
            .ok_or_else(|| missing(table_name))?;
        let keys: Vec<IndexKey> = keys.iter().map(encoded_key).collect();
        let mut scratch = Scratch::default();
        let mut gone = Vec::with_capacity(table.indexes.len());
        for index in table.indexes.values() {
            let mut entries = Vec::new();
            for key in &keys {
                if let Some(row) = table.rows.get(key.as_bytes()) {
                    entries.push(index.key(key.as_bytes(), row, &mut scratch)?);
                }
            }
            gone.push(entries);
        }
        for (index, entries) in table.indexes.values_mut().zip(gone) {
            for key in entries {
                index.remove(key.as_bytes())?;
            }
        }
        table.writes += keys.len() as u64;
        for key in &keys {
            table.rows.remove(key.as_bytes());
        }
        Ok(())
    }
}

/// CREATE INDEX through GlueSQL takes one column only; seekscan's own
/// statement (see `catalog::parse_index_statement`) runs before GlueSQL.
impl IndexMut for SeekStorage {}
impl AlterTable for SeekStorage {}
/// A single-user in-memory store: statements apply at once; commit and
/// rollback have nothing to do.
impl Transaction for SeekStorage {}
impl Metadata for SeekStorage {}
impl CustomFunction for SeekStorage {}
impl CustomFunctionMut for SeekStorage {}
