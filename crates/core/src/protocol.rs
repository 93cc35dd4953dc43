//! Every type that crosses the Web Worker boundary. The page sends a
//! [`Request`]; the worker answers with one or more [`Response`]s.
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use serde::{Deserialize, Serialize};

use crate::bench::{Batch, Samples, Timings};
use crate::catalog::IndexDef;
use crate::engine::{MemoryReport, QueryOutcome};
pub use crate::index_cost::IndexCostReport;
pub use crate::storage::usage::UsageReport;
use crate::workload::{WorkloadAnswer, WorkloadTask};

/// Result rows a pane receives; the rest are counted and digested, not sent,
/// so a query returning 100k rows never crosses the worker boundary whole.
pub const SHOWN_ROWS: usize = 50;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum Request {
    /// Sent first: the BroadcastChannel on which the worker reports its own death.
    Watch { channel: String },
    /// Generate the sample database and build every index once.
    Load { seed: u64, scale: usize },
    /// `Load`, then read and build `indexes` too (a link's user indexes as
    /// `CREATE INDEX` text; one that does not parse or build is left out of
    /// the catalog the answer carries).
    LoadWithIndexes {
        seed: u64,
        scale: usize,
        indexes: Vec<String>,
    },
    /// Plan every later statement (runs, repetitions, the workload, index
    /// costs) with this model and these settings; answered `PlannerSet`.
    SetPlanner(crate::planner::choice::PlannerChoice),
    /// Run one statement under each configuration, `repetitions` times each.
    /// CREATE/DROP INDEX and writes run once, whatever the configurations.
    Run {
        id: u64,
        sql: String,
        repetitions: u32,
        configs: Vec<Config>,
    },
    /// Run a read again under one configuration, as `batch` allows; the page
    /// asks for one batch at a time, so it can stop between them (the worker
    /// reads no message while it runs).
    Repeat {
        id: u64,
        sql: String,
        config: Config,
        batch: Batch,
    },
    /// One row of the workload table or one point of the crossover chart,
    /// measured under A and B (the page sends them one at a time).
    Workload { id: u64, task: WorkloadTask },
    /// What A's and B's indexes cost: sizes, writes measured on a scratch
    /// copy, the covering index beside the plain one (reads with `params`).
    IndexCost {
        a: Vec<String>,
        b: Vec<String>,
        params: BTreeMap<String, String>,
    },
    /// The index usage counters since the load or the last reset.
    Usage,
    /// Starts the usage counters again from zero.
    ResetUsage,
}

/// One of the page's two configurations.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    A,
    B,
}

impl Slot {
    pub const BOTH: [Slot; 2] = [Slot::A, Slot::B];

    pub fn label(self) -> &'static str {
        match self {
            Slot::A => "A",
            Slot::B => "B",
        }
    }

    /// The suffix of the pane's test hooks (`plan-a`, `index-toggle-b-…`).
    pub fn lower(self) -> &'static str {
        match self {
            Slot::A => "a",
            Slot::B => "b",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// The indexes a configuration lets the planner see.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub slot: Slot,
    pub indexes: Vec<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum Response {
    Progress(LoadProgress),
    Loaded(DatasetInfo),
    LoadFailed {
        message: String,
    },
    Ran(RunReport),
    Repeated(RepeatReport),
    Workload(WorkloadReport),
    /// Boxed: a report is far larger than the other answers.
    IndexCost(Box<Result<IndexCostReport, String>>),
    Usage(UsageReport),
    /// A request is held until indexes still being built in the background
    /// are there; its answer follows once they are.
    Waiting(WaitingReport),
    /// The model that plans from now on.
    PlannerSet(crate::planner::choice::PlannerChoice),
    /// Indexes built in the background were installed (or built here).
    IndexesBuilt(BuiltReport),
}

/// A held request (the run `id`, if it has one) and what it waits for.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct WaitingReport {
    pub id: Option<u64>,
    pub indexes: Vec<String>,
}

/// Indexes that were pending and are now built.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct BuiltReport {
    pub built: Vec<String>,
    /// Those still pending.
    pub pending: Vec<String>,
    pub memory: MemoryReport,
    pub memory_bytes: Option<u64>,
    /// Since the load began.
    pub elapsed_ms: f64,
    /// Why they were built here after all, if they were.
    pub note: Option<String>,
}

/// A workload task's answer, or the error that ended it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct WorkloadReport {
    pub id: u64,
    pub answer: Result<WorkloadAnswer, String>,
    #[serde(default)]
    pub memory_bytes: Option<u64>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct LoadProgress {
    /// What is happening: "generating", "loading upstream_reportrun", "indexing audit_entity_idx".
    pub step: String,
    pub done: usize,
    pub total: usize,
    /// Rows in the tables loaded so far, of all the dataset's rows.
    #[serde(default)]
    pub rows_loaded: usize,
    #[serde(default)]
    pub rows_total: usize,
    /// Built-in indexes built so far, of all of them.
    #[serde(default)]
    pub indexes_built: usize,
    #[serde(default)]
    pub indexes_total: usize,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct DatasetInfo {
    pub seed: u64,
    pub scale: usize,
    pub tenants: usize,
    pub large_tenant: i64,
    pub small_tenant: i64,
    pub tables: Vec<TableCount>,
    /// Every index the engine holds (all built): Phase 3, the proposal, user indexes.
    pub indexes: Vec<IndexDef>,
    /// Pattern parameters drawn from this data, for the large and the small tenant.
    pub params_large: BTreeMap<String, String>,
    pub params_small: BTreeMap<String, String>,
    pub load_ms: f64,
    /// The part of `load_ms` spent building the built-in indexes.
    pub index_ms: f64,
    /// Estimated bytes per row of each table and per entry of each index.
    #[serde(default)]
    pub memory: MemoryReport,
    /// The worker's whole memory after the load (see [`RunReport::memory_bytes`]).
    #[serde(default)]
    pub memory_bytes: Option<u64>,
    /// User indexes the load was asked for that the engine refused (a
    /// missing column, a name taken), in the order asked.
    #[serde(default)]
    pub unbuilt_indexes: Vec<UnbuiltIndex>,
    /// Indexes listed in `indexes` that are still being built in the
    /// background (see `background`): a statement reading their table
    /// waits for them.
    #[serde(default)]
    pub pending_indexes: Vec<String>,
}

/// A user index a link or lesson defined that could not be built, and why.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct UnbuiltIndex {
    /// The definition as the link or lesson gave it.
    pub sql: String,
    /// Its index name, when the text is a `CREATE INDEX` statement.
    pub name: Option<String>,
    pub error: String,
}

impl DatasetInfo {
    /// The parameters a pattern runs with: data-drawn values for the chosen
    /// tenant size, overridden by what the user set.
    pub fn params(
        &self,
        large: bool,
        overrides: &BTreeMap<String, String>,
    ) -> BTreeMap<String, String> {
        let mut params = if large {
            self.params_large.clone()
        } else {
            self.params_small.clone()
        };
        params.extend(overrides.iter().map(|(k, v)| (k.clone(), v.clone())));
        params
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct TableCount {
    pub name: String,
    pub rows: usize,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RunReport {
    pub id: u64,
    pub sql: String,
    pub kind: RunKind,
    /// The worker's wasm linear memory in bytes after the run (`None` natively).
    #[serde(default)]
    pub memory_bytes: Option<u64>,
}

/// The samples of one batch of repetitions, or the error that ended it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RepeatReport {
    pub id: u64,
    pub slot: Slot,
    /// The batch's runs (statement times and the batch's wall time).
    pub samples: Result<Samples, String>,
    #[serde(default)]
    pub memory_bytes: Option<u64>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum RunKind {
    /// A read ran under each requested configuration.
    Query(Vec<Pane>),
    /// CREATE/DROP INDEX or a write ran once; the catalog as it is now.
    Changed {
        message: String,
        indexes: Vec<IndexDef>,
        tables: Vec<TableCount>,
        /// Bytes per row and entry, with the new or dropped index.
        #[serde(default)]
        memory: MemoryReport,
    },
    /// The statement failed before any configuration ran; nothing changed.
    Failed { message: String },
}

/// One configuration's answer: its result or its own error.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Pane {
    pub slot: Slot,
    pub result: Result<PaneResult, String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct PaneResult {
    /// The first run's outcome, its rows cut to [`SHOWN_ROWS`].
    pub outcome: QueryOutcome,
    pub timings: Timings,
    pub digest: RowDigest,
}

/// A fingerprint of every row a query returned, so two panes compare their
/// full results without sending them.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowDigest {
    pub rows: u64,
    /// Depends on the order of the rows.
    pub ordered: u64,
    /// The same for any order of the same rows.
    pub unordered: u64,
}

impl RowDigest {
    pub fn of(rows: &[Vec<serde_json::Value>]) -> Self {
        let mut ordered = DefaultHasher::new();
        let mut unordered = 0u64;
        for row in rows {
            let text = serde_json::to_string(row).unwrap_or_default();
            text.hash(&mut ordered);
            let mut one = DefaultHasher::new();
            text.hash(&mut one);
            unordered = unordered.wrapping_add(one.finish());
        }
        Self {
            rows: rows.len() as u64,
            ordered: ordered.finish(),
            unordered,
        }
    }
}

/// Whether two configurations returned the same rows.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowAgreement {
    Identical,
    /// Same rows in another order (the query has no total ORDER BY).
    SameRowsOtherOrder,
    Different,
}

impl RowAgreement {
    pub fn of(a: &RowDigest, b: &RowDigest) -> Self {
        if a == b {
            Self::Identical
        } else if a.rows == b.rows && a.unordered == b.unordered {
            Self::SameRowsOtherOrder
        } else {
            Self::Different
        }
    }

    pub fn text(self) -> &'static str {
        match self {
            Self::Identical => "A and B returned the same rows",
            Self::SameRowsOtherOrder => "A and B returned the same rows in a different order",
            Self::Different => "A and B returned different rows",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn user_parameters_override_data_drawn_ones() {
        let info = DatasetInfo {
            seed: 1,
            scale: 10,
            tenants: 2,
            large_tenant: 1,
            small_tenant: 2,
            tables: Vec::new(),
            indexes: Vec::new(),
            params_large: BTreeMap::from([
                ("tenant".into(), "1".into()),
                ("status".into(), "success".into()),
            ]),
            params_small: BTreeMap::from([("tenant".into(), "2".into())]),
            load_ms: 0.0,
            index_ms: 0.0,
            memory: MemoryReport::default(),
            memory_bytes: None,
            unbuilt_indexes: Vec::new(),
            pending_indexes: Vec::new(),
        };
        let chosen = BTreeMap::from([("status".to_owned(), "failed".to_owned())]);
        assert_eq!(info.params(true, &chosen)["status"], "failed");
        assert_eq!(info.params(true, &chosen)["tenant"], "1");
        assert_eq!(info.params(false, &BTreeMap::new())["tenant"], "2");
    }

    #[test]
    fn digests_tell_order_from_content() {
        let rows = vec![vec![json!(1), json!("a")], vec![json!(2), json!(null)]];
        let reversed: Vec<_> = rows.iter().rev().cloned().collect();
        let other = vec![vec![json!(1), json!("a")], vec![json!(3), json!(null)]];
        let digest = RowDigest::of(&rows);
        assert_eq!(
            RowAgreement::of(&digest, &RowDigest::of(&rows)),
            RowAgreement::Identical
        );
        assert_eq!(
            RowAgreement::of(&digest, &RowDigest::of(&reversed)),
            RowAgreement::SameRowsOtherOrder
        );
        assert_eq!(
            RowAgreement::of(&digest, &RowDigest::of(&other)),
            RowAgreement::Different
        );
        assert_eq!(
            RowAgreement::of(&digest, &RowDigest::of(&rows[..1])),
            RowAgreement::Different
        );
    }
}

/// A confidence interval of a time ratio (`noise::CONFIDENCE`, from a
/// bootstrap of the two samples' medians), its bounds the same way round as
/// the ratio it goes with.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

/// How one measured thing (the subject: B, the covering index, a set of
/// indexes) compares in time with another (the reference: A, the plain
/// index, no index), called only beyond noise: a ratio whose interval spans
/// 1× is no measurable difference. Computed by `noise::difference`.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub enum Difference {
    /// The subject took less time: `ratio` is the reference's median over
    /// the subject's (above 1), `ci` the same way round, wholly above 1.
    Faster { ratio: f64, ci: Interval },
    /// The subject took more time: `ratio` is its median over the
    /// reference's (above 1), `ci` the same way round, wholly above 1.
    Slower { ratio: f64, ci: Interval },
    /// The interval spans 1×: `ci` is the subject's time over the reference's.
    NoMeasurableDifference { ci: Interval },
    /// Fewer runs than `noise::MIN_RUNS` on a side: no interval says anything.
    TooFewRuns { runs: u32 },
}

impl Default for Difference {
    /// Nothing measured yet.
    fn default() -> Self {
        Difference::TooFewRuns { runs: 0 }
    }
}
