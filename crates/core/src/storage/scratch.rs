//! A scratch storage for measuring writes: one table's schema and an exact
//! copy of its encoded rows, apart from the user's storage, so a
//! measurement can write as much as it likes and leave the user's rows,
//! indexes, statistics and counters untouched.
use std::collections::BTreeMap;

use gluesql_core::data::Key;
use gluesql_core::error::Result;

use super::index::SecondaryIndex;
use super::rows::decoded_key;
use super::{missing, SeekStorage, Table};

/// Indexes taken off a table (built, with their statistics).
pub(crate) type Detached = BTreeMap<String, SecondaryIndex>;

impl SeekStorage {
    /// A new storage holding `table`'s schema and rows, and no index.
    pub(crate) fn scratch_copy(&self, table: &str) -> Result<SeekStorage> {
        let source = self.tables.get(table).ok_or_else(|| missing(table))?;
        let copy = Table {
            schema: source.schema.clone(),
            rows: source.rows.clone(),
            next_row_id: source.next_row_id,
            indexes: BTreeMap::new(),
            primary_key: source.primary_key,
            writes: 0,
        };
        let mut scratch = SeekStorage::default();
        scratch.tables.insert(table.to_owned(), copy);
        Ok(scratch)
    }

    /// Puts `indexes` on `table` in place of the ones it has, which come
    /// back: writes from now on maintain exactly these.
    pub(crate) fn swap_indexes(&mut self, table: &str, indexes: Detached) -> Result<Detached> {
        let t = self.tables.get_mut(table).ok_or_else(|| missing(table))?;
        Ok(std::mem::replace(&mut t.indexes, indexes))
    }

    /// The largest row key of `table` (`None` when it is empty).
    pub(crate) fn last_key(&self, table: &str) -> Option<Key> {
        let last = self.tables.get(table)?.rows.last_key()?;
        decoded_key(last).ok()
    }

    /// `count` row keys of `table` spread evenly over it, in key order
    /// (all of them when it has fewer).
    pub(crate) fn sample_keys(&self, table: &str, count: usize) -> Vec<Key> {
        let Some(t) = self.tables.get(table) else {
            return Vec::new();
        };
        let step = (t.rows.len() / count.max(1)).max(1);
        t.rows
            .iter()
            .step_by(step)
            .take(count)
            .filter_map(|(key, _)| decoded_key(key).ok())
            .collect()
    }
}
