//! seekscan's own in-memory GlueSQL storage. Rows live in one ordered map per
//! table, keyed by primary key (or a generated row id). Every row handed to
//! the executor is counted, so plans report the rows they really examined.
use std::cell::Cell;
use std::collections::BTreeMap;

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
        for row in rows {
            table.rows.insert(Key::I64(table.next_row_id), row);
            table.next_row_id += 1;
        }
        Ok(())
    }

    fn insert_data(&mut self, table_name: &str, rows: Vec<(Key, Vec<Value>)>) -> Result<()> {
        let table = self
            .tables
            .get_mut(table_name)
            .ok_or_else(|| missing(table_name))?;
        table.rows.extend(rows);
        Ok(())
    }

    fn delete_data(&mut self, table_name: &str, keys: Vec<Key>) -> Result<()> {
        let table = self
            .tables
            .get_mut(table_name)
            .ok_or_else(|| missing(table_name))?;
        for key in keys {
            table.rows.remove(&key);
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
