//! The PostgreSQL 15 model: the paths PostgreSQL's planner builds for one
//! table (sequential scan; index and index-only scans of the primary key
//! and each visible index, forwards or backwards for ORDER BY; bitmap heap
//! scans over one index, a BitmapAnd of several, or a BitmapOr for an OR),
//! priced with `crate::pg15` (costsize.c, selfuncs.c, btcostestimate) from
//! statistics ANALYZE would gather (`stats`), kept as `add_path` keeps them,
//! then sorted, limited and chosen as `grouping_planner` does.
mod bitmap;
mod clauses;
mod index_paths;
pub mod stats;

use super::model::{CostModel, Named};
use super::query::{Candidate, Query, ScanNode};
use crate::catalog::IndexSet;
use crate::pg15::costsize::{self, rel_width, PathCost};
use crate::pg15::paths::{self as pg_paths, PathKeys};
use crate::pg15::selectivity::Clause;
use crate::pg15::{PgSettings, TableStats};
use crate::storage::access::AccessSpec;
use crate::storage::Table;
use stats::{PgTable, StatsCache};

pub(crate) struct Postgres<'s> {
    pub(crate) settings: PgSettings,
    pub(crate) cache: &'s StatsCache,
    /// After VACUUM every page is all-visible; after a load and ANALYZE none.
    pub(crate) vacuumed: bool,
}

/// A path before sorting and LIMIT: its estimate, and the order it gives.
pub(super) struct Base {
    pub(super) candidate: Candidate,
    pub(super) cost: PathCost,
    pub(super) pathkeys: PathKeys,
    /// Leading ORDER BY keys the path's order gives (an Incremental Sort
    /// finishes the rest).
    pub(super) presorted: usize,
}

/// What every path of one table is priced against.
pub(super) struct Rel<'q, 'a> {
    pub(super) s: &'q PgSettings,
    pub(super) stats: TableStats,
    pub(super) pg: &'q PgTable,
    pub(super) query: &'q Query<'a>,
    pub(super) table: &'q Table,
    pub(super) name: &'q str,
    pub(super) quals: Vec<Clause>,
}

impl Rel<'_, '_> {
    /// The query's ORDER BY as pathkeys, when a path gives it.
    pub(super) fn query_pathkeys(&self) -> PathKeys {
        self.query.order.clone().unwrap_or_default()
    }

    pub(super) fn total_table_pages(&self) -> f64 {
        self.stats.relpages
    }
}

impl CostModel for Postgres<'_> {
    fn candidates(&self, table: &Table, query: &Query, visible: &IndexSet) -> Vec<Named> {
        let name = table.schema.table_name.as_str();
        let pg = self.cache.get(name, table);
        let mut stats = pg.stats.clone();
        if self.vacuumed {
            stats.all_visible_frac = 1.0;
        }
        let quals = query
            .exprs
            .iter()
            .map(|e| clauses::clause(query.scope, e))
            .collect();
        let rel = Rel {
            s: &self.settings,
            stats,
            pg: &pg,
            query,
            table,
            name,
            quals,
        };
        let mut bases = vec![seq_scan(&rel)];
        bases.extend(index_paths::all(&rel, visible));
        bases.extend(bitmap::paths(&rel, visible));
        finish(&rel, bases)
    }

    /// The path `finish` put first.
    fn choose(&self, _candidates: &[Named]) -> usize {
        0
    }
}

fn seq_scan(rel: &Rel) -> Base {
    let cost = costsize::seq_scan(rel.s, &rel.stats, &rel.quals);
    Base::unordered(
        rel,
        (None, "full scan", ScanNode::SeqScan),
        Vec::new(),
        cost,
    )
}

impl Base {
    /// A path that reads the table in no useful order (a Seq Scan, a
    /// Bitmap Heap Scan): it seeks nothing and sorts under ORDER BY.
    pub(super) fn unordered(
        rel: &Rel,
        (spec, access, node): (Option<AccessSpec>, &'static str, ScanNode),
        indexes: Vec<String>,
        cost: PathCost,
    ) -> Base {
        Base {
            candidate: Candidate {
                spec,
                access,
                node,
                indexes,
                seek_key: None,
                seek: Vec::new(),
                applied: Vec::new(),
                sorted: !rel.query.needs_sort(),
                early_stop: false,
                matches: None,
                est_rows: cost.rows,
                scan: None,
                stand_in: None,
                startup: cost.startup,
                cost: cost.total,
            },
            cost,
            pathkeys: Vec::new(),
            presorted: 0,
        }
    }
}

/// Keeps the paths `add_path` keeps, then prices each with the sort the
/// ORDER BY needs and the LIMIT's share, and puts the cheapest first (the
/// earlier of fuzzily equal ones, as the pathlist orders them); paths
/// `add_path` dropped follow as rejected.
fn finish(rel: &Rel, bases: Vec<Base>) -> Vec<Named> {
    let offered: Vec<pg_paths::Candidate> = bases
        .iter()
        .map(|b| pg_paths::Candidate {
            cost: b.cost,
            pathkeys: b.pathkeys.clone(),
        })
        .collect();
    let consider_startup = rel.query.limit.is_some();
    let kept = pg_paths::add_paths(&offered, consider_startup);
    let finals: Vec<PathCost> = bases.iter().map(|b| final_cost(rel, b)).collect();
    let best = kept
        .iter()
        .copied()
        .reduce(|best, i| {
            if finals[i].total < finals[best].total * (1.0 - 1e-9) {
                i
            } else {
                best
            }
        })
        .unwrap_or(0);
    let mut named: Vec<Named> = Vec::with_capacity(bases.len());
    let mut order: Vec<usize> = vec![best];
    order.extend((0..bases.len()).filter(|&i| i != best));
    let mut bases: Vec<Option<Base>> = bases.into_iter().map(Some).collect();
    for i in order {
        let base = bases[i].take().expect("each path once");
        let mut c = base.candidate;
        c.scan = Some([base.cost.startup, base.cost.total, base.cost.rows]);
        c.startup = finals[i].startup;
        c.cost = finals[i].total;
        let index = c.indexes.first().cloned();
        // A path add_path dropped is still priced: the plan lists it with
        // its cost beside the chosen one.
        let result = Ok(c);
        named.push((index, result));
    }
    named
}

/// The path with a Sort when it does not give the ORDER BY, then LIMIT.
fn final_cost(rel: &Rel, base: &Base) -> PathCost {
    let q = rel.query;
    let limit = q.limit.map(|l| l as f64);
    // PostgreSQL's view of the order (the path's pathkeys), not the
    // storage's: an index of ours also orders by the row key.
    let sorted = !q.needs_sort() || !base.pathkeys.is_empty();
    let columns: Vec<usize> = (0..q.column_names.len())
        .filter(|&i| q.needed.is_none_or(|n| n.contains(q.column_names[i])))
        .collect();
    let width = rel_width(&rel.stats, &columns);
    let cost = if sorted {
        base.cost
    } else if base.presorted > 0 {
        let order = q.order.as_deref().unwrap_or_default();
        let presorted: Vec<usize> = order[..base.presorted].iter().map(|(c, _)| *c).collect();
        incremental_sort(rel, &base.cost, &presorted, width, limit)
    } else {
        costsize::sort(rel.s, &base.cost, width, limit)
    };
    costsize::limit(&cost, None, limit)
}

/// `cost_incremental_sort`: the input arrives ordered by `presorted`; each
/// group of equal presorted keys is sorted on its own.
fn incremental_sort(
    rel: &Rel,
    input: &PathCost,
    presorted: &[usize],
    width: f64,
    limit: Option<f64>,
) -> PathCost {
    let s = rel.s;
    let tuples = input.rows.max(2.0);
    let groups = costsize::estimate_num_groups(&rel.stats, presorted, tuples);
    let group_tuples = tuples / groups;
    let input_run = input.total - input.startup;
    let group_input_run = input_run / groups;
    // `cost_tuplesort` of one group: a sort of an input that costs nothing.
    let empty = PathCost {
        startup: 0.0,
        total: 0.0,
        rows: group_tuples,
    };
    let group = costsize::sort(s, &empty, width, limit);
    let (group_startup, group_run) = (group.startup, group.total - group.startup);
    let startup = group_startup + input.startup + group_input_run;
    let run = group_run
        + (group_run + group_startup) * (groups - 1.0)
        + group_input_run * (groups - 1.0)
        + s.cpu_tuple_cost * tuples
        + 2.0 * s.cpu_tuple_cost * groups;
    PathCost {
        startup,
        total: startup + run,
        rows: input.rows,
    }
}
