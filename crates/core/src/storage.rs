//! seekscan's own in-memory GlueSQL storage. Rows live in one ordered map per
//! table, keyed by primary key (or a generated row id). Every row handed to
//! the executor is counted, so plans report the rows they really examined.
use std::cell::Cell;
use std::collections::BTreeMap;

use crate::catalog::IndexDef;
use gluesql_core::data::{Key, Schema, Value};
use gluesql_core::error::{Error, Result};
use gluesql_core::store::{
    AlterTable, CustomFunction, CustomFunctionMut, Index, IndexMut, Metadata, Planner, RowIter,
    Store, StoreMut, Transaction,
};

#[derive(Debug, Default)]
pub struct SeekStorage {
    tables: BTreeMap<String, Table>,
    rows_examined: Cell<u64>,
}

#[derive(Debug)]
struct Table {
    schema: Schema,
    rows: BTreeMap<Key, Vec<Value>>,
    /// Row ids for tables without a primary key.
    next_row_id: i64,
    indexes: BTreeMap<String, SecondaryIndex>,
}

/// A composite B-tree index: key column values plus the row's key, mapped to
/// the INCLUDE columns only (an entry never copies the whole row).
#[derive(Debug)]
struct SecondaryIndex {
    def: IndexDef,
    key_columns: Vec<usize>,
    include_columns: Vec<usize>,
    entries: BTreeMap<(Vec<Key>, Key), Vec<Value>>,
}

type IndexEntry = ((Vec<Key>, Key), Vec<Value>);

impl SecondaryIndex {
    fn entry(&self, row_key: &Key, row: &[Value]) -> Result<IndexEntry> {
        let keys = self
            .key_columns
            .iter()
            .map(|&i| Key::try_from(&row[i]))
            .collect::<Result<Vec<Key>>>()?;
        let include = self
            .include_columns
            .iter()
            .map(|&i| row[i].clone())
            .collect();
        Ok(((keys, row_key.clone()), include))
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

fn missing(table: &str) -> Error {
    Error::StorageMsg(format!("table not found: {table}"))
}

impl SeekStorage {
    /// Rows handed to the executor since the last reset.
    pub fn rows_examined(&self) -> u64 {
        self.rows_examined.get()
    }

    pub fn reset_rows_examined(&self) {
        self.rows_examined.set(0);
    }

    pub fn row_count(&self, table: &str) -> Option<usize> {
        self.tables.get(table).map(|t| t.rows.len())
    }

    pub fn table_names(&self) -> impl Iterator<Item = &str> {
        self.tables.keys().map(String::as_str)
    }

    /// Every index definition, table by table.
    pub fn index_defs(&self) -> Vec<IndexDef> {
        self.tables
            .values()
            .flat_map(|t| t.indexes.values().map(|i| i.def.clone()))
            .collect()
    }

    /// An index's entries (key values and row key), in index order.
    pub fn index_entries(&self, name: &str) -> Option<Vec<(Vec<Key>, Key)>> {
        self.tables
            .values()
            .find_map(|t| t.indexes.get(name))
            .map(|index| index.entries.keys().cloned().collect())
    }

    /// Builds an index over the table's rows. Nothing changes on error.
    pub fn create_index(&mut self, def: IndexDef) -> std::result::Result<(), String> {
        if self
            .tables
            .values()
            .any(|t| t.indexes.contains_key(&def.name))
        {
            return Err(format!("an index named {} already exists", def.name));
        }
        let table = self
            .tables
            .get_mut(&def.table)
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
        let mut index = SecondaryIndex {
            key_columns: column_positions(&table.schema, &key_names)?,
            include_columns: column_positions(&table.schema, &include_names)?,
            def,
            entries: BTreeMap::new(),
        };
        // Collecting sorts once and bulk-builds the tree: far cheaper than
        // a million ordered inserts.
        index.entries = table
            .rows
            .iter()
            .map(|(key, row)| index.entry(key, row))
            .collect::<Result<_>>()
            .map_err(|e| e.to_string())?;
        table.indexes.insert(index.def.name.clone(), index);
        Ok(())
    }

    pub fn drop_index(&mut self, name: &str) -> std::result::Result<IndexDef, String> {
        self.tables
            .values_mut()
            .find_map(|t| t.indexes.remove(name))
            .map(|index| index.def)
            .ok_or_else(|| format!("index {name} does not exist"))
    }

    /// Bulk load without SQL text: each row's first column is its primary key.
    pub fn load_rows(&mut self, table: &str, rows: Vec<Vec<Value>>) -> Result<()> {
        let keyed = rows
            .into_iter()
            .map(|row| {
                let key = Key::try_from(
                    row.first()
                        .ok_or_else(|| Error::StorageMsg(format!("an empty row for {table}")))?,
                )?;
                Ok((key, row))
            })
            .collect::<Result<Vec<_>>>()?;
        self.insert_data(table, keyed)
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
        let row = table.rows.get(key).cloned();
        if row.is_some() {
            self.rows_examined.set(self.rows_examined.get() + 1);
        }
        Ok(row)
    }

    fn scan_data<'a>(&'a self, table_name: &str) -> Result<RowIter<'a>> {
        let table = self
            .tables
            .get(table_name)
            .ok_or_else(|| missing(table_name))?;
        let counter = &self.rows_examined;
        Ok(Box::new(table.rows.iter().map(move |(key, row)| {
            counter.set(counter.get() + 1);
            Ok((key.clone(), row.clone()))
        })))
    }
}

impl StoreMut for SeekStorage {
    fn insert_schema(&mut self, schema: &Schema) -> Result<()> {
        let table = self
            .tables
            .entry(schema.table_name.clone())
            .or_insert_with(|| Table {
                schema: schema.clone(),
                rows: BTreeMap::new(),
                next_row_id: 1,
                indexes: BTreeMap::new(),
            });
        table.schema = schema.clone();
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
        let table = self
            .tables
            .get_mut(table_name)
            .ok_or_else(|| missing(table_name))?;
        // Every new entry is computed before anything changes, so a row that
        // cannot be indexed leaves table and indexes as they were.
        let mut new_entries = Vec::with_capacity(table.indexes.len());
        for index in table.indexes.values() {
            let entries = rows
                .iter()
                .map(|(key, row)| index.entry(key, row))
                .collect::<Result<Vec<_>>>()?;
            new_entries.push(entries);
        }
        for (key, _) in &rows {
            if let Some(old) = table.rows.get(key) {
                for index in table.indexes.values_mut() {
                    let (entry, _) = index.entry(key, old)?;
                    index.entries.remove(&entry);
                }
            }
        }
        for (index, entries) in table.indexes.values_mut().zip(new_entries) {
            index.entries.extend(entries);
        }
        table.rows.extend(rows);
        Ok(())
    }

    fn delete_data(&mut self, table_name: &str, keys: Vec<Key>) -> Result<()> {
        let table = self
            .tables
            .get_mut(table_name)
            .ok_or_else(|| missing(table_name))?;
        for key in keys {
            if let Some(row) = table.rows.remove(&key) {
                for index in table.indexes.values_mut() {
                    let (entry, _) = index.entry(&key, &row)?;
                    index.entries.remove(&entry);
                }
            }
        }
        Ok(())
    }
}

impl Index for SeekStorage {}
impl IndexMut for SeekStorage {}
impl AlterTable for SeekStorage {}
impl Transaction for SeekStorage {}
impl Metadata for SeekStorage {}
impl CustomFunction for SeekStorage {}
impl CustomFunctionMut for SeekStorage {}
impl Planner for SeekStorage {}
