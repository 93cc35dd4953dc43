//! Every type that crosses the Web Worker boundary. The page sends a
//! [`Request`]; the worker answers with one or more [`Response`]s.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::bench::Timings;
use crate::catalog::IndexDef;
use crate::engine::QueryOutcome;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum Request {
    /// Sent first: the BroadcastChannel on which the worker reports its own death.
    Watch { channel: String },
    /// Generate the sample database and build every index once.
    Load { seed: u64, scale: usize },
    /// Run one statement under each configuration, `repetitions` times each.
    Run {
        id: u64,
        sql: String,
        configs: Vec<Config>,
        repetitions: u32,
    },
}

/// A named set of visible indexes ("A", "B").
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub label: String,
    pub indexes: Vec<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum Response {
    Progress(LoadProgress),
    Loaded(DatasetInfo),
    LoadFailed { message: String },
    Ran(RunReport),
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct LoadProgress {
    /// What is happening: "generating", "loading upstream_reportrun", "indexing audit_entity_idx".
    pub step: String,
    pub done: usize,
    pub total: usize,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct DatasetInfo {
    pub seed: u64,
    pub scale: usize,
    pub tenants: usize,
    pub large_tenant: i64,
    pub small_tenant: i64,
    pub tables: Vec<TableCount>,
    pub indexes: Vec<IndexDef>,
    /// Each documented pattern's parameters, drawn from this data.
    pub pattern_params: Vec<PatternParams>,
    pub load_ms: f64,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct PatternParams {
    pub pattern: String,
    pub large: BTreeMap<String, String>,
    pub small: BTreeMap<String, String>,
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
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum RunKind {
    /// A query ran once per configuration.
    Query {
        panes: Vec<Pane>,
        agreement: Option<RowAgreement>,
    },
    /// CREATE/DROP INDEX changed the catalog; the page refreshes its index list.
    Catalog {
        message: String,
        indexes: Vec<IndexDef>,
    },
    /// The statement failed before any configuration ran.
    Failed { message: String },
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Pane {
    pub label: String,
    pub result: Result<PaneResult, String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct PaneResult {
    pub outcome: QueryOutcome,
    pub timings: Timings,
}

/// Whether two configurations returned the same rows.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowAgreement {
    Identical,
    /// Same multiset of rows in another order (the query has no total ORDER BY).
    SameRowsOtherOrder,
    Different,
}

impl RowAgreement {
    pub fn of(a: &[Vec<serde_json::Value>], b: &[Vec<serde_json::Value>]) -> Self {
        if a == b {
            return Self::Identical;
        }
        let sorted = |rows: &[Vec<serde_json::Value>]| {
            let mut keys: Vec<String> = rows
                .iter()
                .map(|row| serde_json::to_string(row).unwrap_or_default())
                .collect();
            keys.sort_unstable();
            keys
        };
        if sorted(a) == sorted(b) {
            Self::SameRowsOtherOrder
        } else {
            Self::Different
        }
    }
}
