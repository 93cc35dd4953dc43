//! Estimated memory per row and per index entry: the packed arrays of rows
//! and index entries (bytes and offsets, as allocated), and the B-tree
//! nodes of recent writes with their rows, INCLUDE cells and keys too long
//! to sit inline.
use std::mem::size_of;

use serde::{Deserialize, Serialize};

use super::index::SecondaryIndex;

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct TableMemory {
    pub table: String,
    pub rows: u64,
    pub bytes: u64,
    pub bytes_per_row: f64,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct IndexMemory {
    pub index: String,
    pub table: String,
    pub entries: u64,
    pub bytes: u64,
    pub bytes_per_entry: f64,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct MemoryReport {
    pub tables: Vec<TableMemory>,
    pub indexes: Vec<IndexMemory>,
}

/// Bytes of a B-tree's nodes for `len` entries, `bulk` of them placed by a
/// bulk build. A node holds up to 11 entries plus a parent pointer and two
/// lengths; one node in twelve is internal and adds 12 child pointers. Bulk
/// builds fill nodes; later inserts leave them about two-thirds full.
pub(crate) fn tree_bytes<K, V>(len: usize, bulk: usize) -> usize {
    const CAPACITY: usize = 11;
    let node = allocation(CAPACITY * (size_of::<K>() + size_of::<V>()) + 12);
    let internal_extra = 12 * size_of::<usize>();
    let per_node = node + internal_extra / 12;
    let incremental = len.saturating_sub(bulk);
    (bulk.div_ceil(CAPACITY) + (incremental * 3).div_ceil(CAPACITY * 2)) * per_node
}

/// Heap bytes behind one allocation of `len` bytes: allocators round up to
/// 16 and keep a header.
pub(crate) fn allocation(len: usize) -> usize {
    if len == 0 {
        0
    } else {
        len.div_ceil(16) * 16 + 8
    }
}

/// Every byte of an index.
pub(crate) fn index_bytes(index: &SecondaryIndex) -> usize {
    index.bytes()
}
