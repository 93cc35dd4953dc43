//! Index usage counters, like PostgreSQL's `pg_stat_user_indexes`: per
//! index, the scans started (`idx_scan`), the entries read (`idx_tup_read`)
//! and the table rows fetched through it (`idx_tup_fetch`; a covering read
//! fetches none). The storage counts them where it really reads an index,
//! over everything run since the load or the last reset; planning (which
//! counts spans without reading entries) and writes count nothing.
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::SeekStorage;
use crate::catalog::IndexSet;

/// One index's counters.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IndexUsage {
    /// Seeks and scans of the index started.
    pub idx_scan: u64,
    /// Index entries read.
    pub idx_tup_read: u64,
    /// Table rows fetched for an entry read.
    pub idx_tup_fetch: u64,
}

/// One row of the usage table.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct IndexUsageRow {
    pub index: String,
    pub table: String,
    pub usage: IndexUsage,
}

/// Every index of the storage with its counters, in table and index order.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct UsageReport {
    pub indexes: Vec<IndexUsageRow>,
}

impl UsageReport {
    pub fn get(&self, index: &str) -> Option<IndexUsage> {
        self.indexes
            .iter()
            .find(|row| row.index == index)
            .map(|row| row.usage)
    }

    /// The indexes `visible` lets the planner see that no read has used
    /// since the counters started: candidates to drop (PostgreSQL's
    /// `idx_scan = 0`).
    pub fn unused_among(&self, visible: &IndexSet) -> Vec<String> {
        self.indexes
            .iter()
            .filter(|row| visible.contains(&row.index) && row.usage.idx_scan == 0)
            .map(|row| row.index.clone())
            .collect()
    }
}

/// The live counters of one index. Atomics (relaxed, uncontended) rather
/// than cells, so the storage stays `Send`.
#[derive(Debug, Default)]
pub(crate) struct IndexTally {
    scans: AtomicU64,
    read: AtomicU64,
    fetched: AtomicU64,
}

impl IndexTally {
    pub(crate) fn entry_read(&self) {
        self.read.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn row_fetched(&self) {
        self.fetched.fetch_add(1, Ordering::Relaxed);
    }

    fn usage(&self) -> IndexUsage {
        IndexUsage {
            idx_scan: self.scans.load(Ordering::Relaxed),
            idx_tup_read: self.read.load(Ordering::Relaxed),
            idx_tup_fetch: self.fetched.load(Ordering::Relaxed),
        }
    }

    fn set(&self, usage: IndexUsage) {
        self.scans.store(usage.idx_scan, Ordering::Relaxed);
        self.read.store(usage.idx_tup_read, Ordering::Relaxed);
        self.fetched.store(usage.idx_tup_fetch, Ordering::Relaxed);
    }
}

/// The counters of every index read so far, by index name.
#[derive(Debug, Default)]
pub(crate) struct UsageCounters {
    by_index: RefCell<BTreeMap<String, Arc<IndexTally>>>,
}

/// The counters at one moment, to put back after a measurement that is no
/// part of the user's workload.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct UsageSnapshot(BTreeMap<String, IndexUsage>);

impl UsageCounters {
    /// Counts one scan of `index` started; the scan counts its entries and
    /// fetches on the tally returned.
    pub(crate) fn scan_started(&self, index: &str) -> Arc<IndexTally> {
        let tally = self
            .by_index
            .borrow_mut()
            .entry(index.to_owned())
            .or_default()
            .clone();
        tally.scans.fetch_add(1, Ordering::Relaxed);
        tally
    }

    /// A dropped index takes its counters with it (a new one of the same
    /// name starts at zero).
    pub(crate) fn forget(&self, index: &str) {
        self.by_index.borrow_mut().remove(index);
    }

    fn usage(&self, index: &str) -> IndexUsage {
        self.by_index
            .borrow()
            .get(index)
            .map_or_else(IndexUsage::default, |t| t.usage())
    }

    pub(crate) fn snapshot(&self) -> UsageSnapshot {
        UsageSnapshot(
            self.by_index
                .borrow()
                .iter()
                .map(|(name, tally)| (name.clone(), tally.usage()))
                .collect(),
        )
    }

    pub(crate) fn restore(&self, snapshot: &UsageSnapshot) {
        let mut by_index = self.by_index.borrow_mut();
        by_index.retain(|name, _| snapshot.0.contains_key(name));
        for (name, usage) in &snapshot.0 {
            by_index.entry(name.clone()).or_default().set(*usage);
        }
    }
}

impl SeekStorage {
    /// Every index with its counters since the load or the last reset.
    pub fn index_usage(&self) -> UsageReport {
        let indexes = self
            .tables
            .iter()
            .flat_map(|(table, t)| {
                t.indexes.keys().map(move |index| IndexUsageRow {
                    index: index.clone(),
                    table: table.clone(),
                    usage: self.usage.usage(index),
                })
            })
            .collect();
        UsageReport { indexes }
    }

    /// Starts every index's counters again from zero.
    pub fn reset_usage(&self) {
        self.usage.by_index.borrow_mut().clear();
    }

    pub(crate) fn usage_snapshot(&self) -> UsageSnapshot {
        self.usage.snapshot()
    }

    pub(crate) fn restore_usage(&self, snapshot: &UsageSnapshot) {
        self.usage.restore(snapshot);
    }
}
