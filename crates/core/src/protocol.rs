//! Every type that crosses the Web Worker boundary. The page sends a
//! [`Request`]; the worker answers with one or more [`Response`]s.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::bench::Timings;
use crate::engine::QueryOutcome;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum Request {
    /// Sent first: the BroadcastChannel on which the worker reports its own death.
    Watch { channel: String },
    /// Generate the sample database and build every index once.
    Load { seed: u64, scale: usize },
    /// Run one statement `repetitions` times.
    Run {
        id: u64,
        sql: String,
        repetitions: u32,
    },
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
    Query(Box<PaneResult>),
    /// The statement failed; nothing changed.
    Failed {
        message: String,
    },
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct PaneResult {
    pub outcome: QueryOutcome,
    pub timings: Timings,
}
