//! The write cost of indexes, measured: a batch of INSERTs, UPDATEs of an
//! indexed column and DELETEs, timed with only a chosen set of indexes
//! maintained. Each table is copied into a scratch storage (the same rows,
//! its indexes of A and B built once there), so nothing the user holds is
//! written; on the scratch, the sets are measured interleaved on the same
//! rows (each repetition times every set's batches in turn), and every
//! batch is undone (untimed) before the next, so each starts from the rows
//! the user has. B against A is called only beyond noise (`noise`).
//!
//! The writes are the storage calls GlueSQL's executor makes for INSERT,
//! UPDATE and DELETE (`insert_data` with new keys, `insert_data` with
//! existing keys, `delete_data`), one row per statement, timed without
//! parsing and planning, which cost every configuration the same.
use std::collections::BTreeMap;

use gluesql_core::data::{Key, Value};
use gluesql_core::store::{Store, StoreMut};
use serde::{Deserialize, Serialize};
use web_time::Instant;

use crate::bench::Timings;
use crate::catalog::{IndexDef, IndexSet};
use crate::noise::{self, range, times, Difference, Group};
use crate::storage::SeekStorage;

/// Rows each batch writes, per table (fewer when the table has fewer).
pub const DEFAULT_BATCH_ROWS: usize = 500;
/// Batches timed per set of indexes; median and p95 are over these.
pub const DEFAULT_REPETITIONS: u32 = 7;

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum WriteKind {
    Insert,
    Update,
    Delete,
}

impl WriteKind {
    pub const ALL: [WriteKind; 3] = [WriteKind::Insert, WriteKind::Update, WriteKind::Delete];

    /// The plural a sentence uses: "inserts 2.1× slower".
    pub fn plural(self) -> &'static str {
        match self {
            Self::Insert => "inserts",
            Self::Update => "updates",
            Self::Delete => "deletes",
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriteOptions {
    pub batch_rows: usize,
    pub repetitions: u32,
}

impl Default for WriteOptions {
    fn default() -> Self {
        Self {
            batch_rows: DEFAULT_BATCH_ROWS,
            repetitions: DEFAULT_REPETITIONS,
        }
    }
}

/// What a measured batch did to the scratch table, read back from it after
/// the first repetition's timed writes.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WritesObserved {
    /// Rows the table gained with the inserts.
    pub rows_inserted: u64,
    /// Entries the maintained indexes gained with the inserts.
    pub entries_added: u64,
    /// Rows whose stored value of the updated column changed.
    pub rows_updated: u64,
    /// Rows the table lost with the deletes.
    pub rows_deleted: u64,
    /// Entries the maintained indexes lost with the deletes.
    pub entries_removed: u64,
}

/// One set of maintained indexes on one table: each batch's time in
/// microseconds (median and p95 over the repetitions).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct SetWriteCost {
    pub indexes: Vec<String>,
    pub insert: Timings,
    pub update: Timings,
    pub delete: Timings,
    pub observed: WritesObserved,
}

impl SetWriteCost {
    pub fn timings(&self, kind: WriteKind) -> &Timings {
        match kind {
            WriteKind::Insert => &self.insert,
            WriteKind::Update => &self.update,
            WriteKind::Delete => &self.delete,
        }
    }
}

/// One index maintained alone, against none on its table.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct IndexWriteCost {
    pub index: String,
    pub table: String,
    pub alone: SetWriteCost,
    /// Median time per row written above the table without indexes, µs
    /// (insert, update, delete).
    pub extra_us_per_row: [f64; 3],
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct TableWriteCost {
    pub table: String,
    /// Rows each batch wrote.
    pub batch_rows: usize,
    /// The column the UPDATEs set: the one most of the measured indexes hold.
    pub updated_column: String,
    pub none: SetWriteCost,
    pub a: SetWriteCost,
    pub b: SetWriteCost,
}

/// B's write time over A's, per kind of write: the typed summary a verdict
/// quotes ("inserts 2.1× slower under B (1.8–2.4×)"). The ratios are of the
/// medians summed over the tables; each difference resamples every
/// table's batches at once (`noise::weighted`).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq)]
pub struct WriteCostSummary {
    pub insert_ratio: f64,
    pub update_ratio: f64,
    pub delete_ratio: f64,
    /// B against A, per kind of write (insert, update, delete).
    #[serde(default)]
    pub differences: [Difference; 3],
}

impl WriteCostSummary {
    pub fn ratio(&self, kind: WriteKind) -> f64 {
        match kind {
            WriteKind::Insert => self.insert_ratio,
            WriteKind::Update => self.update_ratio,
            WriteKind::Delete => self.delete_ratio,
        }
    }

    pub fn difference(&self, kind: WriteKind) -> Difference {
        self.differences[kind as usize]
    }

    /// "inserts 2.1× slower under B (1.8–2.4×)", or "inserts show no
    /// measurable difference under B (0.95–1.08×)".
    pub fn describe(&self, kind: WriteKind) -> String {
        difference_text(kind.plural(), self.difference(kind), " under B")
    }
}

/// "inserts 2.1× slower{place} (1.8–2.4×)" for B against A, or "inserts
/// show no measurable difference{place} (0.95–1.08×)".
pub fn difference_text(what: &str, difference: Difference, place: &str) -> String {
    match difference {
        Difference::Faster { ratio, ci } => {
            format!("{what} {} faster{place} ({})", times(ratio), range(ci))
        }
        Difference::Slower { ratio, ci } => {
            format!("{what} {} slower{place} ({})", times(ratio), range(ci))
        }
        Difference::NoMeasurableDifference { ci } => {
            format!(
                "{what} show no measurable difference{place} ({})",
                range(ci)
            )
        }
        Difference::TooFewRuns { runs } => {
            format!("{what} not told apart{place}: too few batches ({runs})")
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct WriteCostReport {
    pub batch_rows: usize,
    pub repetitions: u32,
    /// Tables where A or B has an index (writes elsewhere cost both the same).
    pub tables: Vec<TableWriteCost>,
    /// Every index of A or B, alone on its table.
    pub indexes: Vec<IndexWriteCost>,
    /// Median batch times summed over the tables, µs (insert, update, delete).
    pub a_us: [f64; 3],
    pub b_us: [f64; 3],
    pub summary: WriteCostSummary,
}

impl WriteCostReport {
    pub fn index(&self, name: &str) -> Option<&IndexWriteCost> {
        self.indexes.iter().find(|i| i.index == name)
    }
}

/// What a test sees after each timed phase of a set's first repetition:
/// the scratch storage, with the keys just written.
pub struct Observation<'a> {
    pub table: &'a str,
    pub maintained: &'a [String],
    pub kind: WriteKind,
    pub keys: &'a [Key],
    pub scratch: &'a SeekStorage,
}

/// The write cost of A's and B's indexes, and of each alone.
pub fn measure(
    storage: &SeekStorage,
    a: &IndexSet,
    b: &IndexSet,
    options: WriteOptions,
) -> Result<WriteCostReport, String> {
    measure_observed(storage, a, b, options, &mut |_| {})
}

/// `measure`, telling `observe` what each first timed phase left.
pub fn measure_observed(
    storage: &SeekStorage,
    a: &IndexSet,
    b: &IndexSet,
    options: WriteOptions,
    observe: &mut dyn FnMut(&Observation),
) -> Result<WriteCostReport, String> {
    if options.batch_rows == 0 || options.repetitions == 0 {
        return Err("a write-cost batch needs at least one row and one repetition".into());
    }
    let defs = storage.index_defs();
    let mut report = WriteCostReport {
        batch_rows: options.batch_rows,
        repetitions: options.repetitions,
        ..WriteCostReport::default()
    };
    let tables: Vec<String> = storage.table_names().map(str::to_owned).collect();
    for table in tables {
        let measured: Vec<&IndexDef> = defs
            .iter()
            .filter(|d| d.table == table && (a.contains(&d.name) || b.contains(&d.name)))
            .collect();
        if measured.is_empty() {
            continue;
        }
        let mut bench = TableBench::new(storage, &table, &measured, options)?;
        let in_set = |set: &IndexSet| -> Vec<String> {
            measured
                .iter()
                .filter(|d| set.contains(&d.name))
                .map(|d| d.name.clone())
                .collect()
        };
        let mut sets = vec![Vec::new(), in_set(a), in_set(b)];
        sets.extend(measured.iter().map(|d| vec![d.name.clone()]));
        let costs = bench.measure_interleaved(&sets, observe)?;
        let cost = |set: &Vec<String>| costs.get(set).cloned().unwrap_or_default();
        let none = cost(&sets[0]);
        let (cost_a, cost_b) = (cost(&sets[1]), cost(&sets[2]));
        for def in &measured {
            let alone = cost(&vec![def.name.clone()]);
            let extra = WriteKind::ALL.map(|kind| {
                let rows = bench.rows() as f64;
                (alone.timings(kind).median_us - none.timings(kind).median_us) / rows
            });
            report.indexes.push(IndexWriteCost {
                index: def.name.clone(),
                table: table.clone(),
                alone,
                extra_us_per_row: extra,
            });
        }
        for (i, kind) in WriteKind::ALL.into_iter().enumerate() {
            report.a_us[i] += cost_a.timings(kind).median_us;
            report.b_us[i] += cost_b.timings(kind).median_us;
        }
        report.tables.push(TableWriteCost {
            table: table.clone(),
            batch_rows: bench.rows(),
            updated_column: bench.updated_column_name(),
            none,
            a: cost_a,
            b: cost_b,
        });
    }
    let ratio = |i: usize| {
        if report.a_us[i] > 0.0 {
            report.b_us[i] / report.a_us[i]
        } else {
            0.0
        }
    };
    let differences = WriteKind::ALL.map(|kind| {
        let groups: Vec<Group> = report
            .tables
            .iter()
            .map(|t| Group {
                weight: 1.0,
                reference: &t.a.timings(kind).samples_us,
                subject: &t.b.timings(kind).samples_us,
            })
            .collect();
        noise::weighted(&groups)
    });
    report.summary = WriteCostSummary {
        insert_ratio: ratio(0),
        update_ratio: ratio(1),
        delete_ratio: ratio(2),
        differences,
    };
    Ok(report)
}

/// One table's scratch copy with its measured indexes built, and the batch
/// of rows every set writes.
struct TableBench {
    table: String,
    scratch: SeekStorage,
    /// Built indexes not maintained at the moment.
    parked: BTreeMap<String, crate::storage::index::SecondaryIndex>,
    repetitions: u32,
    column_names: Vec<String>,
    updated_column: usize,
    /// Existing rows the UPDATEs and DELETEs write, as stored.
    existing: Vec<(Key, Vec<Value>)>,
    /// The same rows with the updated column set to another row's value.
    updated: Vec<(Key, Vec<Value>)>,
    /// New rows for the INSERTs: copies of `existing` under unused keys.
    inserted: Vec<(Key, Vec<Value>)>,
}

fn sql_error(error: gluesql_core::error::Error) -> String {
    error.to_string()
}

impl TableBench {
    fn new(
        storage: &SeekStorage,
        table: &str,
        measured: &[&IndexDef],
        options: WriteOptions,
    ) -> Result<Self, String> {
        let mut scratch = storage.scratch_copy(table).map_err(sql_error)?;
        scratch.create_indexes(measured.iter().map(|d| (*d).clone()).collect(), &mut |_| {})?;
        let parked = scratch
            .swap_indexes(table, BTreeMap::new())
            .map_err(sql_error)?;
        let source = storage
            .table(table)
            .ok_or_else(|| format!("table {table} does not exist"))?;
        let column_names: Vec<String> = source
            .column_names()
            .into_iter()
            .map(str::to_owned)
            .collect();
        let primary_key = source.primary_key;
        let updated_column = updated_column(&column_names, primary_key, measured);
        let mut existing = Vec::new();
        for key in scratch.sample_keys(table, options.batch_rows) {
            if let Some(row) = scratch.fetch_data(table, &key).map_err(sql_error)? {
                existing.push((key, row));
            }
        }
        if existing.is_empty() {
            return Err(format!("table {table} has no rows to measure writes on"));
        }
        let updated = updated_rows(&existing, updated_column);
        let inserted = new_rows(&scratch, table, &existing, primary_key)?;
        Ok(Self {
            table: table.to_owned(),
            scratch,
            parked,
            repetitions: options.repetitions,
            column_names,
            updated_column,
            existing,
            updated,
            inserted,
        })
    }

    fn rows(&self) -> usize {
        self.existing.len()
    }

    fn updated_column_name(&self) -> String {
        self.column_names[self.updated_column].clone()
    }

    /// The batches timed for each of `sets` (duplicates measured once),
    /// interleaved: every repetition times each set's batches in turn,
    /// starting one set further on each time, so a burst of load from
    /// elsewhere lands on every set rather than on the one measured then.
    fn measure_interleaved(
        &mut self,
        sets: &[Vec<String>],
        observe: &mut dyn FnMut(&Observation),
    ) -> Result<BTreeMap<Vec<String>, SetWriteCost>, String> {
        let mut distinct: Vec<&Vec<String>> = Vec::new();
        for set in sets {
            if !distinct.contains(&set) {
                distinct.push(set);
            }
        }
        let mut samples: Vec<[Vec<f64>; 3]> = vec![Default::default(); distinct.len()];
        let mut observed = vec![WritesObserved::default(); distinct.len()];
        for repetition in 0..self.repetitions as usize {
            for turn in 0..distinct.len() {
                let i = (turn + repetition) % distinct.len();
                self.maintain(distinct[i])?;
                let first = repetition == 0;
                let round = self.round(distinct[i], first, &mut observed[i], observe);
                // The indexes go back to the shelf whether or not the writes worked.
                self.park()?;
                for (kind, us) in round? {
                    samples[i][kind as usize].push(us);
                }
            }
        }
        Ok(distinct
            .into_iter()
            .zip(samples.into_iter().zip(observed))
            .map(|(set, (samples, observed))| {
                let [insert, update, delete] = samples.map(Timings::from_samples);
                let cost = SetWriteCost {
                    indexes: set.clone(),
                    insert,
                    update,
                    delete,
                    observed,
                };
                (set.clone(), cost)
            })
            .collect())
    }

    /// Puts exactly `maintained` of the built indexes on the table.
    fn maintain(&mut self, maintained: &[String]) -> Result<(), String> {
        let chosen: BTreeMap<_, _> = maintained
            .iter()
            .filter_map(|name| self.parked.remove_entry(name))
            .collect();
        self.scratch
            .swap_indexes(&self.table, chosen)
            .map(|_| ())
            .map_err(sql_error)
    }

    /// Takes every index off the table, back to the shelf.
    fn park(&mut self) -> Result<(), String> {
        let used = self
            .scratch
            .swap_indexes(&self.table, BTreeMap::new())
            .map_err(sql_error)?;
        self.parked.extend(used);
        Ok(())
    }

    /// One batch of each kind, each undone after it; on the `first` round,
    /// what the writes did is recorded and shown to `observe`.
    fn round(
        &mut self,
        maintained: &[String],
        first: bool,
        observed: &mut WritesObserved,
        observe: &mut dyn FnMut(&Observation),
    ) -> Result<[(WriteKind, f64); 3], String> {
        let mut times = WriteKind::ALL.map(|kind| (kind, 0.0));
        for (kind, us) in &mut times {
            let before = self.counts();
            *us = self.timed(*kind)?;
            if first {
                self.observe(*kind, before, observed);
                let keys: Vec<Key> = self.written(*kind).iter().map(|(k, _)| k.clone()).collect();
                observe(&Observation {
                    table: &self.table,
                    maintained,
                    kind: *kind,
                    keys: &keys,
                    scratch: &self.scratch,
                });
            }
            self.undo(*kind)?;
        }
        Ok(times)
    }

    fn written(&self, kind: WriteKind) -> &[(Key, Vec<Value>)] {
        match kind {
            WriteKind::Insert => &self.inserted,
            WriteKind::Update => &self.updated,
            WriteKind::Delete => &self.existing,
        }
    }

    /// The batch's writes, one row per statement; microseconds. The rows
    /// are copied before the clock starts, so only the writes are timed.
    fn timed(&mut self, kind: WriteKind) -> Result<f64, String> {
        let statements: Vec<(Key, Vec<Value>)> = self.written(kind).to_vec();
        let table = self.table.clone();
        let started = Instant::now();
        for (key, row) in statements {
            match kind {
                WriteKind::Insert | WriteKind::Update => {
                    self.scratch.insert_data(&table, vec![(key, row)])
                }
                WriteKind::Delete => self.scratch.delete_data(&table, vec![key]),
            }
            .map_err(sql_error)?;
        }
        Ok(started.elapsed().as_secs_f64() * 1e6)
    }

    /// Puts the rows back as they were before `kind`'s batch (untimed).
    fn undo(&mut self, kind: WriteKind) -> Result<(), String> {
        let table = self.table.clone();
        match kind {
            WriteKind::Insert => {
                let keys = self.inserted.iter().map(|(k, _)| k.clone()).collect();
                self.scratch.delete_data(&table, keys)
            }
            WriteKind::Update | WriteKind::Delete => {
                self.scratch.insert_data(&table, self.existing.clone())
            }
        }
        .map_err(sql_error)
    }

    /// Rows of the table and entries of the maintained indexes.
    fn counts(&self) -> (u64, u64) {
        let rows = self.scratch.row_count(&self.table).unwrap_or(0) as u64;
        let entries = self
            .scratch
            .table(&self.table)
            .map_or(0, |t| t.indexes.values().map(|i| i.len() as u64).sum());
        (rows, entries)
    }

    fn observe(&self, kind: WriteKind, (rows, entries): (u64, u64), observed: &mut WritesObserved) {
        let (rows_now, entries_now) = self.counts();
        match kind {
            WriteKind::Insert => {
                observed.rows_inserted = rows_now.saturating_sub(rows);
                observed.entries_added = entries_now.saturating_sub(entries);
            }
            WriteKind::Update => {
                let column = self.updated_column;
                observed.rows_updated = self
                    .existing
                    .iter()
                    .filter(|(key, old)| {
                        let stored = self.scratch.fetch_data(&self.table, key).ok().flatten();
                        stored.is_some_and(|row| row.get(column) != old.get(column))
                    })
                    .count() as u64;
            }
            WriteKind::Delete => {
                observed.rows_deleted = rows.saturating_sub(rows_now);
                observed.entries_removed = entries.saturating_sub(entries_now);
            }
        }
    }
}

/// The column most of the measured indexes hold (key or INCLUDE), never
/// the primary key; ties go to the earlier column.
fn updated_column(columns: &[String], primary_key: Option<usize>, measured: &[&IndexDef]) -> usize {
    let held = |column: &str| {
        measured
            .iter()
            .filter(|d| {
                d.keys.iter().any(|k| k.column == column) || d.include.iter().any(|c| c == column)
            })
            .count()
    };
    (0..columns.len())
        .filter(|&c| Some(c) != primary_key)
        .max_by(|&x, &y| held(&columns[x]).cmp(&held(&columns[y])).then(y.cmp(&x)))
        .unwrap_or(0)
}

/// Each row with `column` set to the next sampled value that differs from
/// its own (its own when every sampled value is the same).
fn updated_rows(existing: &[(Key, Vec<Value>)], column: usize) -> Vec<(Key, Vec<Value>)> {
    let values: Vec<&Value> = existing.iter().filter_map(|(_, r)| r.get(column)).collect();
    existing
        .iter()
        .enumerate()
        .map(|(i, (key, row))| {
            let mut row = row.clone();
            let own = row.get(column).cloned();
            let other = (1..values.len())
                .map(|step| values[(i + step) % values.len()])
                .find(|v| Some(*v) != own.as_ref());
            if let (Some(cell), Some(value)) = (row.get_mut(column), other) {
                *cell = value.clone();
            }
            (key.clone(), row)
        })
        .collect()
}

/// Copies of `existing` under keys past the table's last one.
fn new_rows(
    scratch: &SeekStorage,
    table: &str,
    existing: &[(Key, Vec<Value>)],
    primary_key: Option<usize>,
) -> Result<Vec<(Key, Vec<Value>)>, String> {
    let last = match scratch.last_key(table) {
        Some(Key::I64(last)) => last,
        Some(other) => {
            return Err(format!(
                "table {table} has a {other:?} key; write costs are measured on integer keys"
            ))
        }
        None => 0,
    };
    Ok(existing
        .iter()
        .zip(last + 1..)
        .map(|((_, row), id)| {
            let mut row = row.clone();
            if let Some(cell) = primary_key.and_then(|pk| row.get_mut(pk)) {
                *cell = Value::I64(id);
            }
            (Key::I64(id), row)
        })
        .collect())
}
