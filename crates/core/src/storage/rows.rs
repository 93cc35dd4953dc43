//! A table's rows, packed like index entries (see `entries`): the row key
//! in the ascending key encoding (`keycode::encode_key`, whose byte order
//! is `Key`'s order within one type, and a table's keys are of one type)
//! with the encoded row (`rowcode`) as its payload. A bulk load leaves one
//! sorted array of keys and one of rows, found by binary search; later
//! writes sit in the overlay until they fold back. Compared with a B-tree
//! of boxed rows, a row costs its bytes and two offsets: no allocation
//! header, no rounding, no node slot.
use std::ops::Bound;

use gluesql_core::data::Key;
use gluesql_core::error::Result;

use super::entries::{sort_order, Entries, EntryIter, Packed, Span};
use super::keycode::{self, IndexKey};

#[derive(Debug, Default, Clone)]
pub(crate) struct TableRows {
    entries: Entries,
}

/// A row key's encoding, as tables and index entries store it.
pub(crate) fn encoded_key(key: &Key) -> IndexKey {
    let mut bytes = Vec::with_capacity(16);
    keycode::encode_key(key, &mut bytes);
    IndexKey::new(&bytes)
}

/// The row key whose encoding is `bytes`.
pub(crate) fn decoded_key(bytes: &[u8]) -> Result<Key> {
    Ok(keycode::decode(bytes, 0, false)?.0)
}

/// A table's rows as bytes another worker loads (see `background`): its
/// row keys and its rows as two packed arrays, as a bulk load gathers them.
pub struct SharedRows<'a> {
    keys: std::borrow::Cow<'a, Packed>,
    rows: std::borrow::Cow<'a, Packed>,
}

impl SharedRows<'_> {
    /// The bytes `write` hands on, in all.
    pub fn len(&self) -> usize {
        self.keys.written_len() + self.rows.written_len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Hands `sink` the bytes piece by piece, in order.
    pub fn write(&self, sink: &mut dyn FnMut(&[u8])) {
        self.keys.write_parts(sink);
        self.rows.write_parts(sink);
    }
}

impl TableRows {
    pub(crate) fn shared(&self) -> SharedRows<'_> {
        let (keys, rows) = self.entries.packed();
        SharedRows { keys, rows }
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The encoded row stored under the encoded key `key`.
    pub(crate) fn get(&self, key: &[u8]) -> Option<&[u8]> {
        self.entries.get(key)
    }

    /// Stores `row` under `key`, replacing the row there.
    pub(crate) fn insert(&mut self, key: IndexKey, row: Box<[u8]>) {
        self.entries.insert(key, row);
    }

    pub(crate) fn remove(&mut self, key: &[u8]) {
        self.entries.remove(key);
    }

    /// Encoded keys and rows in key order.
    pub(crate) fn iter(&self) -> EntryIter<'_> {
        self.entries.iter()
    }

    /// Encoded keys and rows in key order, or reversed.
    pub(crate) fn iter_ordered(&self, reverse: bool) -> EntryIter<'_> {
        self.entries
            .range(Bound::Unbounded, Bound::Unbounded, reverse)
    }

    /// The rows whose encoded keys lie in `spans` (in key order, bounds
    /// not crossing), lazily; all reversed when asked.
    pub(crate) fn spans(&self, spans: Vec<Span>, reverse: bool) -> EntryIter<'_> {
        self.entries.spans(spans, reverse)
    }

    /// The encoded key of the last row.
    pub(crate) fn last_key(&self) -> Option<&[u8]> {
        self.entries
            .range(Bound::Unbounded, Bound::Unbounded, true)
            .next()
            .map(|(key, _)| key)
    }

    /// Bytes held, packed arrays and overlay together.
    pub(crate) fn bytes(&self) -> usize {
        self.entries.bytes()
    }

    /// Rows from `keys` and `rows` (one row per key, in load order). Keys
    /// already ascending (the generator's ids do) are taken as they are;
    /// otherwise they are sorted, and of a key loaded twice the last row
    /// wins, as with INSERT.
    pub(crate) fn from_loaded(mut keys: Packed, mut rows: Packed) -> Self {
        debug_assert_eq!(keys.len(), rows.len());
        let ascending = (1..keys.len()).all(|at| keys.get(at - 1) < keys.get(at));
        if ascending {
            keys.shrink_to_fit();
            rows.shrink_to_fit();
            return Self {
                entries: Entries::from_sorted(keys, rows),
            };
        }
        let order = sort_order(&keys);
        // Equal keys sort next to each other in no set order: keep the one
        // loaded last of each run.
        let mut kept: Vec<u32> = Vec::with_capacity(order.len());
        for at in order {
            match kept.last_mut() {
                Some(last) if keys.get(*last as usize) == keys.get(at as usize) => {
                    *last = (*last).max(at);
                }
                _ => kept.push(at),
            }
        }
        let (keys, rows) = (keys.permuted(&kept), rows.permuted(&kept));
        Self {
            entries: Entries::from_sorted(keys, rows),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(keys: &[i64]) -> TableRows {
        let (mut packed_keys, mut rows) = (Packed::default(), Packed::default());
        for (at, key) in keys.iter().enumerate() {
            packed_keys.push(encoded_key(&Key::I64(*key)).as_bytes());
            rows.push(&[at as u8]);
        }
        TableRows::from_loaded(packed_keys, rows)
    }

    fn contents(rows: &TableRows) -> Vec<(Key, Vec<u8>)> {
        rows.iter()
            .map(|(k, r)| (decoded_key(k).unwrap(), r.to_vec()))
            .collect()
    }

    #[test]
    fn unsorted_loads_sort_and_the_last_duplicate_wins() {
        let rows = loaded(&[5, -3, 5, 200, -3, 0]);
        assert_eq!(
            contents(&rows),
            [
                (Key::I64(-3), vec![4]),
                (Key::I64(0), vec![5]),
                (Key::I64(5), vec![2]),
                (Key::I64(200), vec![3]),
            ]
        );
        let key = encoded_key(&Key::I64(5));
        assert_eq!(rows.get(key.as_bytes()), Some(&[2u8][..]));
        assert_eq!(rows.get(encoded_key(&Key::I64(6)).as_bytes()), None);
    }

    #[test]
    fn writes_over_a_load_read_back_in_key_order() {
        let mut rows = loaded(&(0..5000).map(|n| n * 2).collect::<Vec<_>>());
        let mut expected: std::collections::BTreeMap<Key, Vec<u8>> =
            contents(&rows).into_iter().collect();
        for n in (0..12_000).step_by(7) {
            let key = Key::I64(n);
            if n % 3 == 0 {
                rows.remove(encoded_key(&key).as_bytes());
                expected.remove(&key);
            } else {
                rows.insert(encoded_key(&key), vec![9, n as u8].into());
                expected.insert(key, vec![9, n as u8]);
            }
        }
        assert_eq!(rows.len(), expected.len());
        assert_eq!(
            contents(&rows),
            expected.clone().into_iter().collect::<Vec<_>>()
        );
        let last = expected.keys().next_back().unwrap();
        assert_eq!(decoded_key(rows.last_key().unwrap()).unwrap(), *last);
        for (key, row) in &expected {
            assert_eq!(rows.get(encoded_key(key).as_bytes()), Some(&row[..]));
        }
    }
}
