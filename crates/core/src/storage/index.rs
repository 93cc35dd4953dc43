//! Composite secondary indexes: encoded keys (key columns in their declared
//! direction, then the row key; see `keycode`) in index order (see
//! `entries`), each with only its encoded INCLUDE cells, never the whole
//! row. Statistics are kept exact on every insert and delete, so the
//! planner never costs against stale counts.
use std::ops::Bound;

use gluesql_core::ast::DataType;
use gluesql_core::data::{Key, Schema, Value};
use gluesql_core::error::{Error, Result};

use super::access::{AccessSpec, KeyRange, RangeBound};
pub(crate) use super::entries::EntryIter;
use super::entries::{sort_keys, Entries, Packed};
use super::image::{ImageBytes, IndexImage};
use super::keycode::{self, IndexKey};
use super::rowcode;
use super::rows::TableRows;
use crate::catalog::IndexDef;
use crate::stats::IndexStats;

#[derive(Debug)]
pub(crate) struct SecondaryIndex {
    pub(crate) def: IndexDef,
    pub(crate) key_columns: Vec<usize>,
    pub(crate) include_columns: Vec<usize>,
    desc: Vec<bool>,
    /// Whether every key column decodes to exactly the stored value;
    /// DECIMAL keys come back normalized (1.00 as 1).
    exact_keys: bool,
    entries: Entries,
    /// Leading cells of a row that hold every key and INCLUDE column.
    cells: usize,
    pub(crate) stats: IndexStats,
}

/// Buffers reused from row to row while computing keys.
#[derive(Default)]
pub(crate) struct Scratch {
    bytes: Vec<u8>,
    starts: Vec<usize>,
}

fn cell(starts: &[usize], column: usize) -> Result<(usize, usize)> {
    match (starts.get(column), starts.get(column + 1)) {
        (Some(&start), Some(&end)) => Ok((start, end)),
        _ => Err(Error::StorageMsg(format!(
            "a stored row lacks column {column}"
        ))),
    }
}

pub(crate) use super::entries::Span;

fn as_ref(bound: &Bound<Vec<u8>>) -> Bound<&[u8]> {
    match bound {
        Bound::Included(b) => Bound::Included(b.as_slice()),
        Bound::Excluded(b) => Bound::Excluded(b.as_slice()),
        Bound::Unbounded => Bound::Unbounded,
    }
}

fn joined(prefix: &[u8], part: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(prefix.len() + part.len());
    bytes.extend_from_slice(prefix);
    bytes.extend_from_slice(part);
    bytes
}

/// Above every key that starts with `prefix`; unbounded past the last one.
fn past(prefix: &[u8]) -> Bound<Vec<u8>> {
    keycode::successor(prefix).map_or(Bound::Unbounded, Bound::Excluded)
}

impl SecondaryIndex {
    /// An empty index; `key_columns` and `include_columns` index the row.
    pub(crate) fn new(
        def: IndexDef,
        schema: &Schema,
        key_columns: Vec<usize>,
        include_columns: Vec<usize>,
    ) -> Self {
        let desc = def.keys.iter().map(|k| k.desc).collect();
        let defs = schema.column_defs.as_deref().unwrap_or_default();
        let exact_keys = key_columns.iter().all(|&c| {
            defs.get(c)
                .is_some_and(|d| d.data_type != DataType::Decimal)
        });
        let width = key_columns.len();
        let cells = key_columns
            .iter()
            .chain(&include_columns)
            .max()
            .map_or(0, |&c| c + 1);
        Self {
            def,
            key_columns,
            include_columns,
            desc,
            exact_keys,
            entries: Entries::default(),
            cells,
            stats: IndexStats::new(width),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether a covering read may rebuild rows from the entry alone.
    pub(crate) fn exact_keys(&self) -> bool {
        self.exact_keys
    }

    /// Bytes held by the entries.
    pub(crate) fn bytes(&self) -> usize {
        self.entries.bytes()
    }

    /// The encoded key of a stored row: its key cells (already in key
    /// form, inverted for DESC), then the encoded row key (as the table
    /// stores it, see `rows`).
    pub(crate) fn key(
        &self,
        row_key: &[u8],
        row: &[u8],
        scratch: &mut Scratch,
    ) -> Result<IndexKey> {
        Ok(IndexKey::new(self.key_bytes(row_key, row, scratch)?))
    }

    /// `key` into the scratch buffer, without an allocation.
    fn key_bytes<'s>(
        &self,
        row_key: &[u8],
        row: &[u8],
        scratch: &'s mut Scratch,
    ) -> Result<&'s [u8]> {
        rowcode::cell_starts(row, self.cells, &mut scratch.starts)?;
        let out = &mut scratch.bytes;
        out.clear();
        for (&column, &desc) in self.key_columns.iter().zip(&self.desc) {
            let (start, end) = cell(&scratch.starts, column)?;
            if rowcode::is_key_form(row, start) {
                let from = out.len();
                out.extend_from_slice(&row[start..end]);
                if desc {
                    keycode::invert_from(out, from);
                }
            } else {
                let (value, _) = rowcode::decode_cell(row, start)?;
                keycode::encode_value(&value, desc, out)?;
            }
        }
        out.extend_from_slice(row_key);
        Ok(out)
    }

    /// Leading cells of a row this index reads.
    pub(crate) fn cells(&self) -> usize {
        self.cells
    }

    /// The length of `key`'s result for a row whose cell starts (at least
    /// `cells()` of them) are `starts`, mostly without copying a byte.
    pub(crate) fn key_len(
        &self,
        row_key: &[u8],
        row: &[u8],
        starts: &[usize],
        scratch: &mut Vec<u8>,
    ) -> Result<usize> {
        let mut len = 0;
        for (&column, &desc) in self.key_columns.iter().zip(&self.desc) {
            let (start, end) = cell(starts, column)?;
            if rowcode::is_key_form(row, start) {
                len += end - start;
            } else {
                let (value, _) = rowcode::decode_cell(row, start)?;
                scratch.clear();
                keycode::encode_value(&value, desc, scratch)?;
                len += scratch.len();
            }
        }
        Ok(len + row_key.len())
    }

    /// The INCLUDE cells of a stored row, copied as they are encoded.
    pub(crate) fn include(&self, row: &[u8], scratch: &mut Scratch) -> Result<Box<[u8]>> {
        if self.include_columns.is_empty() {
            return Ok(Box::default());
        }
        let mut cells = Vec::new();
        self.include_into(row, scratch, &mut cells)?;
        Ok(cells.into_boxed_slice())
    }

    /// Appends the INCLUDE cells of a stored row to `cells`.
    fn include_into(&self, row: &[u8], scratch: &mut Scratch, cells: &mut Vec<u8>) -> Result<()> {
        rowcode::cell_starts(row, self.cells, &mut scratch.starts)?;
        for &column in &self.include_columns {
            let (start, end) = cell(&scratch.starts, column)?;
            cells.extend_from_slice(&row[start..end]);
        }
        Ok(())
    }

    /// The INCLUDE values of an entry, in INCLUDE order.
    pub(crate) fn include_values(&self, cells: &[u8]) -> Result<Vec<Value>> {
        rowcode::decode(cells)
    }

    /// Replaces the entries with those of `rows`: keys are encoded into one
    /// packed array, sorted by `entries::sort_keys` (as fixed-width records
    /// of big-endian words), and the statistics are read off the sorted
    /// keys.
    pub(crate) fn build(&mut self, rows: &TableRows) -> Result<()> {
        self.build_sized(rows, None)
    }

    /// `build`, told the longest key (`build::longest_keys` reads it for
    /// every index of a table in one pass) or finding it itself.
    pub(crate) fn build_sized(&mut self, rows: &TableRows, longest: Option<usize>) -> Result<()> {
        let count = rows.len();
        let mut scratch = Scratch::default();
        let width = self.key_columns.len();
        let with_include = !self.include_columns.is_empty();
        let sorted = sort_keys(count, longest, with_include, &mut |key| {
            for (row_key, row) in rows.iter() {
                key(self.key_bytes(row_key, row, &mut scratch)?);
            }
            Ok(())
        })?;
        let include = if with_include {
            let mut include = Packed::with_capacity(count, 0);
            let mut cells = Vec::new();
            for (_, row) in rows.iter() {
                cells.clear();
                self.include_into(row, &mut scratch, &mut cells)?;
                if include.is_empty() {
                    include.reserve_bytes(cells.len() * count + count / 8);
                }
                include.push(&cells);
            }
            include.permuted(&sorted.order)
        } else {
            Packed::default()
        };
        self.stats = self.analyze(sorted.keys.iter(), width)?;
        self.entries = Entries::from_sorted(sorted.keys, include);
        Ok(())
    }

    fn analyze<'a>(
        &self,
        sorted: impl Iterator<Item = &'a [u8]>,
        width: usize,
    ) -> Result<IndexStats> {
        let mut stats = IndexStats::new(width);
        let mut previous: Option<&[u8]> = None;
        for key in sorted {
            let shared = match previous {
                Some(previous) => self.shared_columns(key, previous)?,
                None => 0,
            };
            stats.add(shared);
            previous = Some(key);
        }
        Ok(stats)
    }

    /// How many leading key columns `a` and `b` have in common.
    fn shared_columns(&self, a: &[u8], b: &[u8]) -> Result<usize> {
        let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let mut at = 0;
        for (shared, &desc) in self.desc.iter().enumerate() {
            at = keycode::skip(a, at, desc)?;
            // Column encodings are prefix-free: equal bytes up to the end of
            // a column in one key mean the same column in the other.
            if at > common {
                return Ok(shared);
            }
        }
        Ok(self.desc.len())
    }

    /// Key columns `key` shares with its closest neighbour: a distinct
    /// prefix appears or disappears with `key` exactly past that many.
    fn shared_with_neighbours(&self, key: &[u8]) -> Result<usize> {
        let (before, after) = self.entries.neighbours(key);
        let mut shared = 0;
        for neighbour in [before, after].into_iter().flatten() {
            shared = shared.max(self.shared_columns(key, neighbour)?);
        }
        Ok(shared)
    }

    pub(crate) fn insert(&mut self, key: IndexKey, include: Box<[u8]>) -> Result<()> {
        let bytes = key.clone();
        if self.entries.insert(key, include) {
            let shared = self.shared_with_neighbours(bytes.as_bytes())?;
            self.stats.add(shared);
        }
        Ok(())
    }

    pub(crate) fn remove(&mut self, key: &[u8]) -> Result<()> {
        if self.entries.remove(key) {
            let shared = self.shared_with_neighbours(key)?;
            self.stats.remove(shared);
        }
        Ok(())
    }

    /// Every entry in index order.
    pub(crate) fn iter(&self) -> EntryIter<'_> {
        self.entries.iter()
    }

    /// This index as an image of an index built over `rows`, whose digest
    /// is `digest` (see `image`).
    pub(crate) fn image(&self, rows: &TableRows, digest: u64) -> ImageBytes<'_> {
        let (keys, include) = self.entries.packed();
        ImageBytes::new(
            &self.def,
            &self.stats,
            (rows.len() as u64, digest),
            (keys, include),
        )
    }

    /// Takes the entries and statistics of `image`, whose definition must be
    /// this index's and whose INCLUDE cells must be there exactly when this
    /// index has INCLUDE columns. The caller checks it was built over this
    /// table's rows.
    pub(crate) fn fill_from(&mut self, image: IndexImage) -> Result<()> {
        let refuse = |why: &str| {
            Err(Error::StorageMsg(format!(
                "the image of index {} {why}",
                self.def.name
            )))
        };
        if image.def != self.def {
            return refuse("has another definition");
        }
        if self.include_columns.is_empty() != image.include.is_empty() && !image.keys.is_empty() {
            return refuse("does not carry its INCLUDE cells");
        }
        if image.stats.distinct_prefixes.len() != self.key_columns.len() {
            return refuse("has statistics of another width");
        }
        self.stats = image.stats;
        self.entries = Entries::from_sorted(image.keys, image.include);
        Ok(())
    }

    /// The key columns and the row key of an entry.
    pub(crate) fn decode(&self, bytes: &[u8]) -> Result<(Vec<Key>, Key)> {
        let mut at = 0;
        let mut keys = Vec::with_capacity(self.desc.len());
        for &desc in &self.desc {
            let (key, next) = keycode::decode(bytes, at, desc)?;
            keys.push(key);
            at = next;
        }
        let (row_key, _) = keycode::decode(bytes, at, false)?;
        Ok((keys, row_key))
    }

    /// The entry's key and INCLUDE cells laid out as a row (ascending
    /// form, DESC keys inverted back) into `row`, for a filter that tests
    /// only this index's columns; the columns the index lacks are NULL and
    /// never tested.
    pub(crate) fn entry_as_row(
        &self,
        bytes: &[u8],
        include: &[u8],
        row: &mut Vec<u8>,
    ) -> Result<()> {
        let mut cells: Vec<(usize, usize, usize, bool)> = Vec::new();
        let mut at = 0;
        for (&column, &desc) in self.key_columns.iter().zip(&self.desc) {
            let end = keycode::skip(bytes, at, desc)?;
            cells.push((column, at, end, desc));
            at = end;
        }
        let key_cells = cells.len();
        let mut at = 0;
        for &column in &self.include_columns {
            let end = rowcode::skip_cell(include, at)?;
            cells.push((column, at, end, false));
            at = end;
        }
        let width = cells.iter().map(|c| c.0 + 1).max().unwrap_or(0);
        row.clear();
        for column in 0..width {
            match cells.iter().position(|c| c.0 == column) {
                Some(i) => {
                    let (_, start, end, desc) = cells[i];
                    let source = if i < key_cells { bytes } else { include };
                    let from = row.len();
                    row.extend_from_slice(&source[start..end]);
                    if desc {
                        keycode::invert_from(row, from);
                    }
                }
                None => row.push(keycode::NULL),
            }
        }
        Ok(())
    }

    /// The encoded row key of an entry (its tail, past the key columns),
    /// as the table stores it.
    pub(crate) fn row_key<'b>(&self, bytes: &'b [u8]) -> Result<&'b [u8]> {
        let mut at = 0;
        for &desc in &self.desc {
            at = keycode::skip(bytes, at, desc)?;
        }
        bytes
            .get(at..)
            .ok_or_else(|| Error::StorageMsg("corrupt index key: a key ends early".into()))
    }

    /// The key ranges a seek reads, in index order.
    fn spans(&self, range: KeyRange<'_>) -> Result<Vec<Span>> {
        spans(range, &self.desc, &format!("index {}", self.def.name))
    }

    /// How many entries the spec selects, counted span by span without
    /// reading them; `None` when it would seek more than `max_spans` spans.
    pub(crate) fn count(&self, spec: &AccessSpec, max_spans: usize) -> Result<Option<u64>> {
        // Bound the combinations before building them: an IN list product
        // can be far larger than the spans worth counting.
        let mut combinations = 1usize;
        for values in &spec.eq {
            combinations = combinations.saturating_mul(values.len());
            if combinations > max_spans {
                return Ok(None);
            }
        }
        let spans = self.spans(spec.key_range())?;
        Ok(Some(
            spans
                .iter()
                .map(|(low, high)| self.entries.count(as_ref(low), as_ref(high)) as u64)
                .sum(),
        ))
    }

    /// Entries the spec selects, in index order (reversed when asked).
    pub(crate) fn seek<'a>(&'a self, spec: &AccessSpec) -> Result<EntryIter<'a>> {
        self.seek_range(spec.key_range(), spec.reverse)
    }

    /// Entries `range` selects, in index order (reversed when asked).
    pub(crate) fn seek_range<'a>(
        &'a self,
        range: KeyRange<'_>,
        reverse: bool,
    ) -> Result<EntryIter<'a>> {
        Ok(self.entries.spans(self.spans(range)?, reverse))
    }
}

/// The key ranges a seek reads over keys whose columns run in the
/// directions `desc` (`name` says whose keys, in errors), in storage
/// order: one per combination of equality values, each narrowed by the
/// range on the next key column.
pub(crate) fn spans(range: KeyRange<'_>, desc: &[bool], name: &str) -> Result<Vec<Span>> {
    let encoded = |position: usize, value: &Value| -> Result<Vec<u8>> {
        let desc = *desc.get(position).ok_or_else(|| {
            Error::StorageMsg(format!(
                "{name} has {} key columns, a seek asked for column {}",
                desc.len(),
                position + 1
            ))
        })?;
        let mut bytes = Vec::new();
        keycode::encode_value(value, desc, &mut bytes)?;
        Ok(bytes)
    };
    let mut prefixes: Vec<Vec<u8>> = vec![Vec::new()];
    for (position, values) in range.eq.iter().enumerate() {
        let mut parts = values
            .iter()
            .map(|v| encoded(position, v))
            .collect::<Result<Vec<_>>>()?;
        // Byte order is index order, so the seeks come out in order.
        parts.sort();
        parts.dedup();
        prefixes = prefixes
            .iter()
            .flat_map(|prefix| parts.iter().map(|part| joined(prefix, part)))
            .collect();
    }
    let position = range.eq.len();
    if range.lower.is_none() && range.upper.is_none() {
        return Ok(prefixes
            .into_iter()
            .map(|prefix| {
                let end = past(&prefix);
                (Bound::Included(prefix), end)
            })
            .collect());
    }
    // A comparison with NULL is never true.
    let null_bound = |b: Option<&RangeBound>| b.is_some_and(|b| matches!(b.value, Value::Null));
    if null_bound(range.lower) || null_bound(range.upper) {
        return Ok(Vec::new());
    }
    let desc_range = desc.get(position).copied().unwrap_or(false);
    // In storage order a DESC column's upper bound comes first.
    let (low, high) = if desc_range {
        (range.upper, range.lower)
    } else {
        (range.lower, range.upper)
    };
    let encode = |bound: &RangeBound| -> Result<(Vec<u8>, bool)> {
        Ok((encoded(position, &bound.value)?, bound.inclusive))
    };
    let low = low.map(encode).transpose()?;
    let high = high.map(encode).transpose()?;
    let null = encoded(position, &Value::Null)?;
    Ok(prefixes
        .into_iter()
        .filter_map(|prefix| ranged_span(&prefix, low.as_ref(), high.as_ref(), &null, desc_range))
        .collect())
}

/// One prefix's span narrowed by the encoded bounds on the next column
/// (low and high in storage order); `None` when it is empty. NULL never
/// satisfies a comparison; it sorts last ascending, first descending, so
/// an open side of a range stops short of the NULLs.
fn ranged_span(
    prefix: &[u8],
    low: Option<&(Vec<u8>, bool)>,
    high: Option<&(Vec<u8>, bool)>,
    null: &[u8],
    desc: bool,
) -> Option<Span> {
    let start = match low {
        Some((part, true)) => Bound::Included(joined(prefix, part)),
        Some((part, false)) => Bound::Included(keycode::successor(&joined(prefix, part))?),
        None if desc => Bound::Included(keycode::successor(&joined(prefix, null))?),
        None => Bound::Included(prefix.to_vec()),
    };
    let end = match high {
        Some((part, true)) => past(&joined(prefix, part)),
        Some((part, false)) => Bound::Excluded(joined(prefix, part)),
        None if !desc => Bound::Excluded(joined(prefix, null)),
        None => past(prefix),
    };
    (!is_empty(&start, &end)).then_some((start, end))
}

/// A range whose bounds cross (or meet, open) is just empty.
fn is_empty(start: &Bound<Vec<u8>>, end: &Bound<Vec<u8>>) -> bool {
    match (start, end) {
        (Bound::Included(s), Bound::Included(e)) => s > e,
        (Bound::Included(s) | Bound::Excluded(s), Bound::Included(e) | Bound::Excluded(e)) => {
            s >= e
        }
        _ => false,
    }
}
