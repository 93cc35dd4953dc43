//! Bulk work spread over the machine's cores: copying loaded rows and
//! building several indexes at once. Natively each job runs on its own
//! scoped thread; on wasm (no threads in a plain worker) they run in turn.
use std::collections::BTreeMap;

use gluesql_core::data::{Key, Value};
use gluesql_core::error::{Error, Result};

use super::entries::Packed;
use super::image::{ByteSource, Cursor};
use super::index::SecondaryIndex;
use super::{rowcode, rows, Table};

/// Rows encoded for a table, in load order: each one's key (its
/// `key_column`, encoded as the table stores it) and its cells.
#[derive(Default)]
pub(crate) struct Encoded {
    pub(crate) keys: Packed,
    pub(crate) rows: Packed,
}

impl Encoded {
    fn append(&mut self, other: &Encoded) {
        self.keys.append(&other.keys);
        self.rows.append(&other.rows);
    }

    /// Rows as `SharedRows` wrote them (in another worker).
    fn read_from(source: &dyn ByteSource) -> std::result::Result<Encoded, String> {
        let mut input = Cursor::new(source);
        let keys = Packed::read_from(&mut input)?;
        let rows = Packed::read_from(&mut input)?;
        if !input.finished() || keys.len() != rows.len() {
            return Err("a chunk of rows does not read back whole".to_owned());
        }
        Ok(Encoded { keys, rows })
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

fn copy_chunk(rows: &[Vec<Value>], key_column: usize) -> Result<Encoded> {
    let mut scratch = Vec::with_capacity(256);
    let mut encoded = Encoded::default();
    for row in rows {
        let key = Key::try_from(
            row.get(key_column)
                .ok_or_else(|| Error::StorageMsg(format!("a row without column {key_column}")))?,
        )?;
        encoded.keys.push(rows::encoded_key(&key).as_bytes());
        encoded.rows.push(&rowcode::encode(row, &mut scratch)?);
    }
    Ok(encoded)
}

/// Encodes `rows` in row order.
pub(crate) fn copy_rows(rows: &[Vec<Value>], key_column: usize) -> Result<Encoded> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = threads();
        if threads > 1 && rows.len() >= 10_000 {
            let chunk = rows.len().div_ceil(threads);
            let parts: Vec<Result<Encoded>> = std::thread::scope(|scope| {
                let handles: Vec<_> = rows
                    .chunks(chunk)
                    .map(|part| scope.spawn(move || copy_chunk(part, key_column)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("a row copy panicked"))
                    .collect()
            });
            let mut encoded = Encoded::default();
            for part in parts {
                encoded.append(&part?);
            }
            return Ok(encoded);
        }
    }
    copy_chunk(rows, key_column)
}

fn build_one(
    tables: &BTreeMap<String, Table>,
    index: &mut SecondaryIndex,
    longest: Option<usize>,
) -> Result<()> {
    let table = tables
        .get(&index.def.table)
        .ok_or_else(|| Error::StorageMsg(format!("table {} does not exist", index.def.table)))?;
    index.build_sized(&table.rows, longest)
}

/// The longest key of each index, read for all of a table's indexes in one
/// pass over its rows (each row's cells found once), so each build sizes
/// its sort records without a pass of its own.
fn longest_keys(
    tables: &BTreeMap<String, Table>,
    pending: &[SecondaryIndex],
) -> Vec<Option<usize>> {
    let mut longest: Vec<Option<usize>> = vec![None; pending.len()];
    for (name, table) in tables {
        let of_table: Vec<usize> = (0..pending.len())
            .filter(|&at| pending[at].def.table == *name)
            .collect();
        if of_table.len() < 2 {
            continue;
        }
        let cells = of_table
            .iter()
            .map(|&at| pending[at].cells())
            .max()
            .unwrap_or(0);
        let (mut starts, mut scratch) = (Vec::new(), Vec::new());
        let mut lengths = vec![0usize; of_table.len()];
        let measured = table.rows.iter().try_for_each(|(key, row)| {
            rowcode::cell_starts(row, cells, &mut starts)?;
            for (length, &at) in lengths.iter_mut().zip(&of_table) {
                let len = pending[at].key_len(key, row, &starts, &mut scratch)?;
                *length = (*length).max(len);
            }
            Ok::<(), Error>(())
        });
        // A row that cannot be measured fails its build, with its own error.
        if measured.is_ok() {
            for (length, &at) in lengths.iter().zip(&of_table) {
                longest[at] = Some(*length);
            }
        }
    }
    longest
}

/// Fills each empty index from its table's rows; `started(name)` is told
/// as each build begins. Returns the indexes in the order given.
pub(crate) fn build_indexes(
    tables: &BTreeMap<String, Table>,
    pending: Vec<SecondaryIndex>,
    started: &mut dyn FnMut(&str),
) -> Result<Vec<SecondaryIndex>> {
    let longest = longest_keys(tables, &pending);
    let order = largest_first(tables, &pending, &longest);
    let (pending, longest) = permute(pending, &longest, &order);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = threads().min(pending.len());
        if threads > 1 {
            let built = build_in_parallel(tables, pending, &longest, threads, started)?;
            return Ok(restore(built, &order));
        }
    }
    let mut pending = pending;
    for (index, longest) in pending.iter_mut().zip(longest) {
        started(&index.def.name);
        build_one(tables, index, longest)?;
    }
    Ok(restore(pending, &order))
}

/// Build order, the largest sort first: a build's scratch (its sort records)
/// is freed when it ends, so the peak is the data, the indexes built so far
/// and one scratch, and wasm memory never shrinks below a peak. Largest
/// first also keeps the threads of a native build evenly busy.
fn largest_first(
    tables: &BTreeMap<String, Table>,
    pending: &[SecondaryIndex],
    longest: &[Option<usize>],
) -> Vec<usize> {
    // A key not measured (the only pending index of its table) counts as
    // a typical one, two 8-byte words.
    let size = |at: usize| {
        let rows = tables
            .get(&pending[at].def.table)
            .map_or(0, |t| t.rows.len());
        rows * longest[at].unwrap_or(16)
    };
    let mut order: Vec<usize> = (0..pending.len()).collect();
    // Stable: equal sizes keep the order given.
    order.sort_by_key(|&at| std::cmp::Reverse(size(at)));
    order
}

fn permute(
    pending: Vec<SecondaryIndex>,
    longest: &[Option<usize>],
    order: &[usize],
) -> (Vec<SecondaryIndex>, Vec<Option<usize>>) {
    let mut slots: Vec<Option<SecondaryIndex>> = pending.into_iter().map(Some).collect();
    let indexes = order
        .iter()
        .map(|&at| slots[at].take().expect("each index once"))
        .collect();
    (indexes, order.iter().map(|&at| longest[at]).collect())
}

/// `built` (in `order`) back in the order the caller gave.
fn restore(built: Vec<SecondaryIndex>, order: &[usize]) -> Vec<SecondaryIndex> {
    let mut slots: Vec<Option<SecondaryIndex>> = (0..built.len()).map(|_| None).collect();
    for (index, &at) in built.into_iter().zip(order) {
        slots[at] = Some(index);
    }
    slots
        .into_iter()
        .map(|s| s.expect("each index once"))
        .collect()
}

#[cfg(not(target_arch = "wasm32"))]
fn build_in_parallel(
    tables: &BTreeMap<String, Table>,
    pending: Vec<SecondaryIndex>,
    longest: &[Option<usize>],
    threads: usize,
    started: &mut dyn FnMut(&str),
) -> Result<Vec<SecondaryIndex>> {
    use std::sync::{mpsc, Mutex};

    enum Event {
        Started(String),
        Built(usize, Box<Result<SecondaryIndex>>),
    }
    let count = pending.len();
    let queue = Mutex::new(pending.into_iter().enumerate());
    let (sender, events) = mpsc::channel();
    let mut built: Vec<Option<Result<SecondaryIndex>>> = (0..count).map(|_| None).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let (queue, sender) = (&queue, sender.clone());
            scope.spawn(move || loop {
                let next = queue
                    .lock()
                    .expect("no build panics holding the queue")
                    .next();
                let Some((at, mut index)) = next else {
                    break;
                };
                let _ = sender.send(Event::Started(index.def.name.clone()));
                let result = build_one(tables, &mut index, longest[at]).map(|()| index);
                let _ = sender.send(Event::Built(at, Box::new(result)));
            });
        }
        drop(sender);
        // The caller's callback is not Send; it runs here, on this thread.
        for event in events {
            match event {
                Event::Started(name) => started(&name),
                Event::Built(at, result) => built[at] = Some(*result),
            }
        }
    });
    built
        .into_iter()
        .map(|b| b.unwrap_or_else(|| Err(Error::StorageMsg("an index build panicked".into()))))
        .collect()
}

/// A table's rows gathered chunk by chunk, each chunk encoded as it comes,
/// so a load never holds the whole table as values; `SeekStorage::finish_bulk`
/// stores them in one bulk build.
pub struct BulkLoad {
    table: String,
    key_column: usize,
    /// Rows the load expects in all.
    expected: usize,
    /// The rows so far, packed as the table will hold them.
    encoded: Encoded,
}

impl BulkLoad {
    /// Encodes `rows` (natively on every core) and keeps them.
    pub fn add(&mut self, rows: &[Vec<Value>]) -> Result<()> {
        let chunk = copy_rows(rows, self.key_column)?;
        self.keep(&chunk);
        Ok(())
    }

    /// Keeps rows another worker stored (see `SharedRows`).
    pub fn add_bytes(&mut self, chunk: &dyn ByteSource) -> std::result::Result<(), String> {
        let chunk = Encoded::read_from(chunk)?;
        if self.encoded.keys.is_empty() {
            // The whole table, as it usually comes: kept as it is.
            self.encoded = chunk;
        } else {
            self.keep(&chunk);
        }
        Ok(())
    }

    fn keep(&mut self, chunk: &Encoded) {
        if self.encoded.keys.is_empty() {
            self.reserve_like(chunk);
        }
        self.encoded.append(chunk);
    }

    /// Room for the expected rows at the first chunk's bytes per row, plus
    /// a little: the buffers are then allocated once at about their final
    /// size, where growing by doubling could leave them nearly twice it.
    fn reserve_like(&mut self, chunk: &Encoded) {
        let rows = chunk.keys.len().max(1);
        let expected = self.expected.max(rows);
        let estimate = |bytes: usize| (bytes / rows + 1) * expected / 64 * 65;
        self.encoded
            .keys
            .reserve_exact(expected, estimate(chunk.keys.total_len()));
        self.encoded
            .rows
            .reserve_exact(expected, estimate(chunk.rows.total_len()));
    }

    pub fn table(&self) -> &str {
        &self.table
    }
}

impl super::SeekStorage {
    /// Starts a bulk load of `table`, room made for `expected` rows.
    pub fn begin_bulk(&self, table: &str, expected: usize) -> Result<BulkLoad> {
        Ok(BulkLoad {
            table: table.to_owned(),
            key_column: self.key_column(table)?,
            expected,
            encoded: Encoded::default(),
        })
    }

    /// Stores what `load` gathered, as `load_rows` would.
    pub fn finish_bulk(&mut self, load: BulkLoad) -> Result<()> {
        self.load_encoded(&load.table, load.encoded)
    }
}
