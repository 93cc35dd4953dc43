//! A covering index beside the index with the same keys and no INCLUDE
//! columns (the Phase 4 proposal `reportrun_covering_idx` beside
//! `reportrun_cust_status_idx`): size ratio, measured write cost, and the
//! read gain on the documented patterns that index serves, as written and
//! reading only the columns the covering index holds — the measurement the
//! Phase 3 document asks for before deciding ("measure first"). Each read
//! runs under both indexes interleaved, and a gain is called only beyond
//! noise (`noise`): the same plan timed twice reads "no measurable
//! difference".
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::sizes::{IndexSize, SizeReport};
use super::write_cost::{self, WriteCostSummary, WriteOptions};
use crate::bench::{RepeatPlan, Timings};
use crate::catalog::{IndexDef, IndexSet};
use crate::engine::Engine;
use crate::noise::{self, Difference, PairRun};
use crate::patterns;

/// One query timed with only the plain index visible, then only the
/// covering one.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct ReadProbe {
    pub pattern: String,
    /// True when the query reads only the covering index's columns.
    pub projected: bool,
    pub sql: String,
    pub baseline: ReadRun,
    pub proposal: ReadRun,
    /// Table lookups the covering index saved, per run.
    pub lookups_avoided: i64,
    /// The plain index's median over the covering one's (a point estimate:
    /// what is said of it is `difference`).
    pub speedup: f64,
    /// The covering index against the plain one, called only beyond noise.
    #[serde(default)]
    pub difference: Difference,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct ReadRun {
    /// The index the plan read (`None`: a full scan).
    pub index_used: Option<String>,
    pub rows_examined: u64,
    pub index_entries: u64,
    pub table_lookups: u64,
    pub timings: Timings,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct CoveringComparison {
    pub proposal: String,
    pub baseline: String,
    pub proposal_size: IndexSize,
    pub baseline_size: IndexSize,
    /// The covering index's bytes over the plain one's.
    pub size_ratio: f64,
    /// Writes with only the covering index maintained over only the plain
    /// one (`WriteCostSummary`'s "B" is the covering index here).
    pub write_ratios: WriteCostSummary,
    /// Median batch times, µs (insert, update, delete), of each alone.
    pub baseline_write_us: [f64; 3],
    pub proposal_write_us: [f64; 3],
    pub reads: Vec<ReadProbe>,
}

/// Each index with INCLUDE columns and an index of the same table and keys
/// without them: (covering, plain).
pub fn pairs(indexes: &[IndexDef]) -> Vec<(IndexDef, IndexDef)> {
    indexes
        .iter()
        .filter(|c| !c.include.is_empty())
        .filter_map(|covering| {
            indexes
                .iter()
                .find(|p| {
                    p.include.is_empty() && p.table == covering.table && p.keys == covering.keys
                })
                .map(|plain| (covering.clone(), plain.clone()))
        })
        .collect()
}

/// Every covering pair of the engine, measured with `params` (the
/// patterns' parameters) and `runs` timed runs per read. The reads count
/// in no index's usage: they are this measurement, not the workload.
pub fn compare_all(
    engine: &mut Engine,
    sizes: &SizeReport,
    params: &BTreeMap<String, String>,
    runs: u32,
    writes: WriteOptions,
) -> Result<Vec<CoveringComparison>, String> {
    let usage = engine.storage().usage_snapshot();
    let compared = pairs(&engine.indexes())
        .into_iter()
        .map(|(covering, plain)| compare(engine, sizes, &covering, &plain, params, runs, writes))
        .collect();
    engine.storage().restore_usage(&usage);
    compared
}

fn compare(
    engine: &mut Engine,
    sizes: &SizeReport,
    covering: &IndexDef,
    plain: &IndexDef,
    params: &BTreeMap<String, String>,
    runs: u32,
    writes: WriteOptions,
) -> Result<CoveringComparison, String> {
    let size = |name: &str| sizes.index(name).cloned().unwrap_or_default();
    let (proposal_size, baseline_size) = (size(&covering.name), size(&plain.name));
    let plain_set = IndexSet::of([plain.name.as_str()]);
    let covering_set = IndexSet::of([covering.name.as_str()]);
    let cost = write_cost::measure(engine.storage(), &plain_set, &covering_set, writes)?;
    let mut reads = Vec::new();
    // Only the patterns this index serves, with every parameter given.
    let served = patterns::all()
        .iter()
        .filter(|p| p.index == plain.name && p.params.iter().all(|n| params.contains_key(*n)));
    for pattern in served {
        let sql = pattern.render(params);
        let mut variants = vec![(false, sql.clone())];
        if let Some(projected) = projected(&sql, covering) {
            variants.push((true, projected));
        }
        for (projected, sql) in variants {
            let mut probe = read_probe(engine, &sql, &plain_set, &covering_set, runs)?;
            probe.pattern = pattern.id.to_owned();
            probe.projected = projected;
            reads.push(probe);
        }
    }
    Ok(CoveringComparison {
        proposal: covering.name.clone(),
        baseline: plain.name.clone(),
        size_ratio: ratio(proposal_size.bytes as f64, baseline_size.bytes as f64),
        proposal_size,
        baseline_size,
        write_ratios: cost.summary,
        baseline_write_us: cost.a_us,
        proposal_write_us: cost.b_us,
        reads,
    })
}

fn ratio(over: f64, under: f64) -> f64 {
    if under > 0.0 {
        over / under
    } else {
        0.0
    }
}

/// `SELECT * FROM …` as a select of only the columns `covering` holds (its
/// table's primary key, its keys and INCLUDE columns); `None` for any
/// other select list.
fn projected(sql: &str, covering: &IndexDef) -> Option<String> {
    let rest = sql.strip_prefix("SELECT * FROM ")?;
    let mut columns = vec!["id".to_owned()];
    columns.extend(covering.keys.iter().map(|k| k.column.clone()));
    columns.extend(covering.include.iter().cloned());
    Some(format!("SELECT {} FROM {rest}", columns.join(", ")))
}

/// `sql` with only `plain` visible and with only `covering`, `runs` times
/// each, interleaved; the pattern's name and projection are left to the caller.
pub fn read_probe(
    engine: &mut Engine,
    sql: &str,
    plain: &IndexSet,
    covering: &IndexSet,
    runs: u32,
) -> Result<ReadProbe, String> {
    let plan = RepeatPlan {
        wanted: runs.max(1),
        budget_ms: u32::MAX,
    };
    let [baseline, proposal] = noise::measure_pair(engine, sql, [plain, covering], [plan; 2])
        .map_err(|e| e.to_string())?
        .map(read_run);
    Ok(ReadProbe {
        speedup: ratio(baseline.timings.median_us, proposal.timings.median_us),
        difference: noise::difference(&baseline.timings.samples_us, &proposal.timings.samples_us),
        lookups_avoided: baseline.table_lookups as i64 - proposal.table_lookups as i64,
        sql: sql.to_owned(),
        baseline,
        proposal,
        ..ReadProbe::default()
    })
}

fn read_run(run: PairRun) -> ReadRun {
    let index_used = run
        .outcome
        .plan
        .table_accesses()
        .first()
        .and_then(|node| node.index.clone());
    ReadRun {
        index_used,
        rows_examined: run.outcome.stats.rows_examined,
        index_entries: run.outcome.stats.index_entries,
        table_lookups: run.outcome.stats.table_lookups,
        timings: run.timings,
    }
}
