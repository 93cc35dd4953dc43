//! What indexes cost: their size ([`sizes`]), their write cost measured on
//! a scratch copy of each table ([`write_cost`]), and a covering index
//! beside the plain one with the same keys ([`covering`]). The storage's
//! usage counters (which indexes reads really use) are in
//! `storage::usage`.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::IndexSet;
use crate::engine::Engine;

pub mod covering;
pub mod sizes;
pub mod write_cost;

pub use covering::CoveringComparison;
pub use sizes::{ConfigSize, IndexSize, SizeReport};
pub use write_cost::{WriteCostReport, WriteCostSummary, WriteKind, WriteOptions};

/// How much measuring to do.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct CostOptions {
    pub writes: WriteOptions,
    /// Timed runs of each read of the covering comparison.
    pub read_runs: u32,
}

impl Default for CostOptions {
    fn default() -> Self {
        Self {
            writes: WriteOptions::default(),
            // Enough runs for an interval that can exclude 1× (`noise::MIN_RUNS`).
            read_runs: 15,
        }
    }
}

/// Sizes, write costs and the covering comparison for configurations A and B.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct IndexCostReport {
    pub a: Vec<String>,
    pub b: Vec<String>,
    pub sizes: SizeReport,
    pub writes: WriteCostReport,
    pub covering: Vec<CoveringComparison>,
}

/// Everything A's and B's indexes cost, with `params` for the covering
/// comparison's reads (the large tenant's, usually).
pub fn measure(
    engine: &mut Engine,
    a: &IndexSet,
    b: &IndexSet,
    params: &BTreeMap<String, String>,
    options: CostOptions,
) -> Result<IndexCostReport, String> {
    let sizes = sizes::measure(engine.storage(), a, b);
    let writes = write_cost::measure(engine.storage(), a, b, options.writes)?;
    let covering =
        covering::compare_all(engine, &sizes, params, options.read_runs, options.writes)?;
    Ok(IndexCostReport {
        a: a.names().map(str::to_owned).collect(),
        b: b.names().map(str::to_owned).collect(),
        sizes,
        writes,
        covering,
    })
}

/// The worker's answer to `Request::IndexCost`: configurations by index
/// names, checked against the engine's indexes.
pub fn answer(
    engine: Option<&mut Engine>,
    a: &[String],
    b: &[String],
    params: &BTreeMap<String, String>,
) -> Result<IndexCostReport, String> {
    let engine = engine.ok_or("the database is still loading")?;
    let a = engine.index_set(&a.join(",")).map_err(|e| e.to_string())?;
    let b = engine.index_set(&b.join(",")).map_err(|e| e.to_string())?;
    measure(engine, &a, &b, params, CostOptions::default())
}
