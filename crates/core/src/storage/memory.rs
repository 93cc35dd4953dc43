//! Estimated memory per row and per index entry: inline sizes, heap buffers
//! of strings, and B-tree node overhead (nodes hold up to 11 entries).
use std::mem::size_of;

use gluesql_core::data::{Key, Value};
use serde::{Deserialize, Serialize};

use super::index::KeyPart;

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

/// A B-tree keeps entries in nodes of 11 with two-thirds typical fill; the
/// extra third plus parent pointers and lengths is charged per entry.
pub(crate) fn btree_slot<K, V>() -> usize {
    (size_of::<K>() + size_of::<V>()) * 3 / 2 + 2
}

/// Heap bytes behind one allocation of `len` bytes: allocators round up to
/// 16 and keep a header.
fn allocation(len: usize) -> usize {
    if len == 0 {
        0
    } else {
        len.div_ceil(16) * 16 + 8
    }
}

pub(crate) fn value_heap(value: &Value) -> usize {
    match value {
        Value::Str(s) => allocation(s.capacity()),
        Value::Bytea(b) => allocation(b.capacity()),
        Value::List(items) => {
            allocation(items.capacity() * size_of::<Value>())
                + items.iter().map(value_heap).sum::<usize>()
        }
        Value::Map(map) => map
            .iter()
            .map(|(k, v)| btree_slot::<String, Value>() + allocation(k.capacity()) + value_heap(v))
            .sum(),
        _ => 0,
    }
}

fn key_heap(key: &Key) -> usize {
    match key {
        Key::Str(s) => allocation(s.capacity()),
        Key::Bytea(b) => allocation(b.len()),
        _ => 0,
    }
}

pub(crate) fn row_bytes(key: &Key, row: &[Value]) -> usize {
    btree_slot::<Key, Box<[Value]>>()
        + key_heap(key)
        + allocation(size_of_val(row))
        + row.iter().map(value_heap).sum::<usize>()
}

pub(crate) fn entry_bytes(parts: &[KeyPart], include: &[Value]) -> usize {
    btree_slot::<Box<[KeyPart]>, Box<[Value]>>()
        + allocation(size_of_val(parts))
        + parts
            .iter()
            .filter_map(KeyPart::key)
            .map(key_heap)
            .sum::<usize>()
        + allocation(size_of_val(include))
        + include.iter().map(value_heap).sum::<usize>()
}
