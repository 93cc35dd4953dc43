//! What each index holds, in bytes: the encoded keys (key columns and the
//! row key), the INCLUDE cells, and the rest (entry slots, allocation
//! headers, spare capacity, the structures holding recent writes), out of
//! the storage's own byte count (`MemoryReport`); and its share of its
//! table's size. A configuration's size is the sum of its indexes'.
use serde::{Deserialize, Serialize};

use crate::catalog::IndexSet;
use crate::storage::memory::MemoryReport;
use crate::storage::SeekStorage;

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct IndexSize {
    pub index: String,
    pub table: String,
    pub entries: u64,
    /// Every byte the index holds (the storage's `MemoryReport`).
    pub bytes: u64,
    /// Encoded key bytes: key columns in their direction, then the row key.
    pub key_bytes: u64,
    /// Encoded INCLUDE cells.
    pub include_bytes: u64,
    /// `bytes` less keys and INCLUDE cells.
    pub overhead_bytes: u64,
    /// `bytes` over the bytes of its table's rows.
    pub share_of_table: f64,
}

/// The indexes of one configuration on one table.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct TableShare {
    pub table: String,
    pub table_bytes: u64,
    pub indexes: usize,
    pub index_bytes: u64,
    pub share_of_table: f64,
}

/// The indexes of one configuration together.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct ConfigSize {
    pub indexes: Vec<String>,
    pub entries: u64,
    pub bytes: u64,
    /// Per table the configuration has an index on, and every other table.
    pub tables: Vec<TableShare>,
    /// `bytes` over the bytes of every table's rows.
    pub share_of_data: f64,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct SizeReport {
    /// Every index of the storage.
    pub indexes: Vec<IndexSize>,
    /// Bytes of every table's rows together.
    pub data_bytes: u64,
    pub a: ConfigSize,
    pub b: ConfigSize,
}

impl SizeReport {
    pub fn index(&self, name: &str) -> Option<&IndexSize> {
        self.indexes.iter().find(|i| i.index == name)
    }
}

fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Keys and INCLUDE cells of `index`, counted entry by entry.
fn content_bytes(storage: &SeekStorage, table: &str, index: &str) -> (u64, u64) {
    let Some(index) = storage.table(table).and_then(|t| t.indexes.get(index)) else {
        return (0, 0);
    };
    index.iter().fold((0, 0), |(keys, cells), (key, include)| {
        (keys + key.len() as u64, cells + include.len() as u64)
    })
}

/// Every index's size, and those of configurations `a` and `b`.
pub fn measure(storage: &SeekStorage, a: &IndexSet, b: &IndexSet) -> SizeReport {
    let memory = storage.memory_report();
    let table_bytes = |table: &str| {
        memory
            .tables
            .iter()
            .find(|t| t.table == table)
            .map_or(0, |t| t.bytes)
    };
    let indexes: Vec<IndexSize> = memory
        .indexes
        .iter()
        .map(|index| {
            let (key_bytes, include_bytes) = content_bytes(storage, &index.table, &index.index);
            IndexSize {
                index: index.index.clone(),
                table: index.table.clone(),
                entries: index.entries,
                bytes: index.bytes,
                key_bytes,
                include_bytes,
                overhead_bytes: index.bytes.saturating_sub(key_bytes + include_bytes),
                share_of_table: share(index.bytes, table_bytes(&index.table)),
            }
        })
        .collect();
    let data_bytes = memory.tables.iter().map(|t| t.bytes).sum();
    SizeReport {
        a: config_size(&indexes, &memory, a, data_bytes),
        b: config_size(&indexes, &memory, b, data_bytes),
        indexes,
        data_bytes,
    }
}

fn config_size(
    indexes: &[IndexSize],
    memory: &MemoryReport,
    set: &IndexSet,
    data_bytes: u64,
) -> ConfigSize {
    let chosen: Vec<&IndexSize> = indexes.iter().filter(|i| set.contains(&i.index)).collect();
    let tables = memory
        .tables
        .iter()
        .map(|table| {
            let on_table: Vec<_> = chosen.iter().filter(|i| i.table == table.table).collect();
            let index_bytes = on_table.iter().map(|i| i.bytes).sum();
            TableShare {
                table: table.table.clone(),
                table_bytes: table.bytes,
                indexes: on_table.len(),
                index_bytes,
                share_of_table: share(index_bytes, table.bytes),
            }
        })
        .collect();
    let bytes = chosen.iter().map(|i| i.bytes).sum();
    ConfigSize {
        indexes: chosen.iter().map(|i| i.index.clone()).collect(),
        entries: chosen.iter().map(|i| i.entries).sum(),
        bytes,
        tables,
        share_of_data: share(bytes, data_bytes),
    }
}
