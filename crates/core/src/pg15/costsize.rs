//! Path costs as PostgreSQL 15 computes them for one table: `costsize.c`
//! (`cost_seqscan`, `cost_index`, `index_pages_fetched`,
//! `cost_bitmap_heap_scan` with `compute_bitmap_pages`,
//! `cost_bitmap_and_node`, `cost_bitmap_or_node`, `cost_sort`,
//! `cost_agg`), `selfuncs.c` (`btcostestimate`, `genericcostestimate`)
//! and `pathnode.c`'s LIMIT adjustment (`adjust_limit_rows_costs`).
//!
//! Costs assume no `enable_*` setting is off (PostgreSQL adds
//! `disable_cost`, 1e10, to a disabled path's startup cost) and a plain
//! column target list (no per-row projection cost).

use serde::{Deserialize, Serialize};

use super::analyze::TableStats;
use super::layout::IndexShape;
use super::selectivity::{clamp_row_est, clauselist_selectivity, rint, Clause};
use super::settings::{PgSettings, BLCKSZ};
use super::types::maxalign;

/// A path's estimate, as `EXPLAIN` prints `cost=startup..total rows=`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PathCost {
    pub startup: f64,
    pub total: f64,
    pub rows: f64,
}

/// `QualCost`: the cost of evaluating expressions once and per row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QualCost {
    pub startup: f64,
    pub per_tuple: f64,
}

impl QualCost {
    fn plus(self, other: QualCost) -> QualCost {
        QualCost {
            startup: self.startup + other.startup,
            per_tuple: self.per_tuple + other.per_tuple,
        }
    }
}

/// `MIN_ARRAY_SIZE_FOR_HASHED_SAOP`: from 9 values, `= ANY` is a hash lookup.
const MIN_ARRAY_SIZE_FOR_HASHED_SAOP: usize = 9;

/// `cost_qual_eval`: one `cpu_operator_cost` per operator (every operator
/// here has `procost` 1); `= ANY(list)` costs half the list's comparisons,
/// or from 9 values a hash table (one hash per value at startup, a hash and
/// a comparison per row); IS [NOT] NULL, a boolean column and AND/OR/NOT
/// cost nothing themselves.
pub fn qual_cost(clauses: &[Clause], s: &PgSettings) -> QualCost {
    clauses
        .iter()
        .fold(QualCost::default(), |acc, c| acc.plus(clause_cost(c, s)))
}

fn clause_cost(clause: &Clause, s: &PgSettings) -> QualCost {
    let op = s.cpu_operator_cost;
    let per_tuple = |n: f64| QualCost {
        startup: 0.0,
        per_tuple: n * op,
    };
    match clause {
        Clause::Eq { .. } | Clause::NotEq { .. } | Clause::Like { .. } => per_tuple(1.0),
        Clause::Opaque(_) => per_tuple(1.0),
        Clause::Range { lower, upper, .. } => {
            per_tuple(lower.is_some() as u8 as f64 + upper.is_some() as u8 as f64)
        }
        Clause::In { values, .. } if values.len() >= MIN_ARRAY_SIZE_FOR_HASHED_SAOP => QualCost {
            startup: values.len() as f64 * op,
            per_tuple: 2.0 * op,
        },
        Clause::In { values, .. } => per_tuple(values.len() as f64 * 0.5),
        Clause::IsNull(_) | Clause::IsNotNull(_) | Clause::Bool(_) => QualCost::default(),
        Clause::And(list) | Clause::Or(list) => qual_cost(list, s),
        Clause::Not(inner) => clause_cost(inner, s),
    }
}

/// The number of operator clauses an index condition counts as
/// (`list_length(indexQuals)`: a range with both bounds is two).
fn operator_count(clause: &Clause) -> usize {
    match clause {
        Clause::Range { lower, upper, .. } => lower.is_some() as usize + upper.is_some() as usize,
        Clause::And(list) => list.iter().map(operator_count).sum(),
        _ => 1,
    }
}

/// `cost_seqscan`: every page at `seq_page_cost`, every tuple at
/// `cpu_tuple_cost` plus the quals' cost. `quals` are all the table's
/// restriction clauses.
pub fn seq_scan(s: &PgSettings, rel: &TableStats, quals: &[Clause]) -> PathCost {
    let q = qual_cost(quals, s);
    let startup = q.startup;
    let cpu_run = (s.cpu_tuple_cost + q.per_tuple) * rel.reltuples;
    let disk_run = s.seq_page_cost * rel.relpages;
    PathCost {
        startup,
        total: startup + cpu_run + disk_run,
        rows: rel_rows(rel, quals),
    }
}

/// `set_rel_width`: the width of a row of these columns, each its
/// statistics' average width, else `get_typavgwidth` (a fixed type's
/// length, 32 for a varlena without a length limit).
pub fn rel_width(rel: &TableStats, columns: &[usize]) -> f64 {
    columns
        .iter()
        .map(|&c| {
            let col = &rel.columns[c];
            match col.ty.typlen() {
                _ if col.analyzed && col.avg_width > 0 => col.avg_width as f64,
                Some(len) => len as f64,
                None => 32.0,
            }
        })
        .sum()
}

/// The table's row estimate under its restriction clauses.
pub fn rel_rows(rel: &TableStats, quals: &[Clause]) -> f64 {
    clamp_row_est(rel.reltuples * clauselist_selectivity(rel, quals))
}

/// `index_pages_fetched`: the Mackert–Lohman estimate of distinct pages
/// fetched for `tuples_fetched` tuples of a table of `pages`, with a cache
/// of `effective_cache_size` shared pro rata by `total_table_pages`
/// (`root->total_table_pages`, the pages of every table in the query)
/// plus `index_pages`.
pub fn index_pages_fetched(
    s: &PgSettings,
    tuples_fetched: f64,
    pages: f64,
    index_pages: f64,
    total_table_pages: f64,
) -> f64 {
    let t = if pages > 1.0 { pages } else { 1.0 };
    let total_pages = (total_table_pages + index_pages).max(1.0);
    let b = s.effective_cache_size * t / total_pages;
    let b = if b <= 1.0 { 1.0 } else { b.ceil() };
    if t <= b {
        let fetched = (2.0 * t * tuples_fetched) / (2.0 * t + tuples_fetched);
        if fetched >= t {
            t
        } else {
            fetched.ceil()
        }
    } else {
        let lim = (2.0 * t * b) / (2.0 * t - b);
        let fetched = if tuples_fetched <= lim {
            (2.0 * t * tuples_fetched) / (2.0 * t + tuples_fetched)
        } else {
            b + (tuples_fetched - lim) * (t - b) / t
        };
        fetched.ceil()
    }
}

/// A btree index as the planner sees it (`IndexOptInfo`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BtreeIndex {
    /// Key columns, by position in the table's rows (INCLUDE columns apart).
    pub key_columns: Vec<usize>,
    pub unique: bool,
    /// `pages` (all blocks), `tuples` (the table's), `tree_height`.
    pub shape: IndexShape,
}

/// An index condition: a clause on the index's `index_column`-th key
/// column (Eq, In, Range, IsNull, IsNotNull), in index column order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexClause {
    pub index_column: usize,
    pub clause: Clause,
}

/// What `btcostestimate` hands `cost_index`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexCost {
    pub startup: f64,
    pub total: f64,
    /// The share of the table's rows the index conditions keep.
    pub selectivity: f64,
    pub correlation: f64,
    /// Index pages read.
    pub pages: f64,
    /// Index scans a `= ANY` condition makes (`num_sa_scans`).
    pub sa_scans: f64,
}

/// The bound quals of `btcostestimate`: conditions on leading columns up
/// to and including the first column without an equality (or IS NULL).
/// Also whether the unique-index shortcut applies and `num_sa_scans`.
fn btree_bound_quals<'a>(
    index: &BtreeIndex,
    clauses: &'a [IndexClause],
) -> (Vec<&'a Clause>, bool, f64) {
    let mut bound = Vec::new();
    let mut indexcol = 0;
    let mut eq_here = false;
    let mut found_saop_or_null = false;
    let mut sa_scans = 1.0;
    for ic in clauses {
        if ic.index_column != indexcol {
            if !eq_here {
                break;
            }
            eq_here = false;
            indexcol += 1;
            if ic.index_column != indexcol {
                break;
            }
        }
        match &ic.clause {
            Clause::Eq { .. } => eq_here = true,
            Clause::In { values, .. } => {
                eq_here = true;
                found_saop_or_null = true;
                if values.len() > 1 {
                    sa_scans *= values.len() as f64;
                }
            }
            Clause::IsNull(_) => {
                eq_here = true;
                found_saop_or_null = true;
            }
            _ => {}
        }
        bound.push(&ic.clause);
    }
    let unique_hit =
        index.unique && indexcol + 1 == index.key_columns.len() && eq_here && !found_saop_or_null;
    (bound, unique_hit, sa_scans)
}

/// `btcostestimate` (with `genericcostestimate`) for one scan
/// (`loop_count` 1) of `index` with these conditions.
pub fn btcostestimate(
    s: &PgSettings,
    rel: &TableStats,
    index: &BtreeIndex,
    clauses: &[IndexClause],
    total_table_pages: f64,
) -> IndexCost {
    let (bound, unique_hit, _) = btree_bound_quals(index, clauses);
    let all: Vec<Clause> = clauses.iter().map(|c| c.clause.clone()).collect();
    let mut sa_scans = 1.0;
    for c in &all {
        if let Clause::In { values, .. } = c {
            if values.len() > 1 {
                sa_scans *= values.len() as f64;
            }
        }
    }
    let tuples = index.shape.tuples as f64;
    let num_index_tuples = if unique_hit {
        1.0
    } else {
        let bound: Vec<Clause> = bound.into_iter().cloned().collect();
        rint(clauselist_selectivity(rel, &bound) * rel.reltuples / sa_scans)
    };
    let selectivity = clauselist_selectivity(rel, &all);
    let num_index_tuples = num_index_tuples.min(tuples).max(1.0);
    let pages = index.shape.pages as f64;
    let num_index_pages = if pages > 1.0 && tuples > 1.0 {
        (num_index_tuples * pages / tuples).ceil()
    } else {
        1.0
    };
    let mut total = if sa_scans > 1.0 {
        let fetched = index_pages_fetched(
            s,
            num_index_pages * sa_scans,
            pages,
            pages,
            total_table_pages,
        );
        fetched * s.random_page_cost
    } else {
        num_index_pages * s.random_page_cost
    };
    let ops: usize = all.iter().map(operator_count).sum();
    let qual_op_cost = s.cpu_operator_cost * ops as f64;
    total += num_index_tuples * sa_scans * (s.cpu_index_tuple_cost + qual_op_cost);
    let mut startup = 0.0;
    if tuples > 1.0 {
        let descent = (tuples.ln() / 2f64.ln()).ceil() * s.cpu_operator_cost;
        startup += descent;
        total += sa_scans * descent;
    }
    let descent = (index.shape.height as f64 + 1.0) * 50.0 * s.cpu_operator_cost;
    startup += descent;
    total += sa_scans * descent;
    IndexCost {
        startup,
        total,
        selectivity,
        correlation: index_correlation(rel, index),
        pages: num_index_pages,
        sa_scans,
    }
}

/// The first key column's correlation; × 0.75 for a multi-column index.
fn index_correlation(rel: &TableStats, index: &BtreeIndex) -> f64 {
    let first = &rel.columns[index.key_columns[0]];
    let c = if first.analyzed {
        first.correlation.unwrap_or(0.0)
    } else {
        0.0
    };
    if index.key_columns.len() > 1 {
        c * 0.75
    } else {
        c
    }
}

/// An index or index-only scan's estimate with the index's own figures.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexScanCost {
    pub path: PathCost,
    pub index: IndexCost,
}

/// `cost_index` for an Index Scan: the index's cost, heap pages by
/// Mackert–Lohman (uncorrelated) and by the selectivity's share of the
/// table read in order (correlated), interpolated by correlation²; then
/// `cpu_tuple_cost` plus the quals left after the index conditions per
/// tuple fetched. `quals` are all the table's restriction clauses;
/// `filter` those the index conditions leave (the scan's Filter).
pub fn index_scan(
    s: &PgSettings,
    rel: &TableStats,
    index: &BtreeIndex,
    clauses: &[IndexClause],
    quals: &[Clause],
    filter: &[Clause],
    total_table_pages: f64,
) -> IndexScanCost {
    cost_index(
        s,
        rel,
        index,
        clauses,
        quals,
        filter,
        total_table_pages,
        false,
    )
}

/// `cost_index` for an Index Only Scan: heap pages only for the share of
/// pages not all-visible (`rel.all_visible_frac`).
pub fn index_only_scan(
    s: &PgSettings,
    rel: &TableStats,
    index: &BtreeIndex,
    clauses: &[IndexClause],
    quals: &[Clause],
    filter: &[Clause],
    total_table_pages: f64,
) -> IndexScanCost {
    cost_index(
        s,
        rel,
        index,
        clauses,
        quals,
        filter,
        total_table_pages,
        true,
    )
}

#[allow(clippy::too_many_arguments)]
fn cost_index(
    s: &PgSettings,
    rel: &TableStats,
    index: &BtreeIndex,
    clauses: &[IndexClause],
    quals: &[Clause],
    filter: &[Clause],
    total_table_pages: f64,
    index_only: bool,
) -> IndexScanCost {
    let ic = btcostestimate(s, rel, index, clauses, total_table_pages);
    let mut startup = ic.startup;
    let mut run = ic.total - ic.startup;
    let tuples_fetched = clamp_row_est(ic.selectivity * rel.reltuples);
    let not_visible = |pages: f64| {
        if index_only {
            (pages * (1.0 - rel.all_visible_frac)).ceil()
        } else {
            pages
        }
    };
    let fetched = index_pages_fetched(
        s,
        tuples_fetched,
        rel.relpages,
        index.shape.pages as f64,
        total_table_pages,
    );
    let max_io = not_visible(fetched) * s.random_page_cost;
    let in_order = not_visible((ic.selectivity * rel.relpages).ceil());
    let min_io = if in_order > 0.0 {
        s.random_page_cost + (in_order - 1.0).max(0.0) * s.seq_page_cost
    } else {
        0.0
    };
    let csquared = ic.correlation * ic.correlation;
    run += max_io + csquared * (min_io - max_io);
    let q = qual_cost(filter, s);
    startup += q.startup;
    run += (s.cpu_tuple_cost + q.per_tuple) * tuples_fetched;
    IndexScanCost {
        path: PathCost {
            startup,
            total: startup + run,
            rows: rel_rows(rel, quals),
        },
        index: ic,
    }
}

/// A node of a bitmap tree: a Bitmap Index Scan, BitmapAnd or BitmapOr.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BitmapNode {
    /// What `cost_bitmap_tree_node` reports: for an index, its total cost
    /// plus 0.1 × `cpu_operator_cost` per row of the table's estimate.
    pub tree_cost: f64,
    pub selectivity: f64,
    /// The node as EXPLAIN shows it (an index: `0..index total`).
    pub shown: PathCost,
    pub is_index: bool,
}

/// A Bitmap Index Scan: the index path's cost (`btcostestimate`) as a
/// bitmap source. `quals` are all the table's restriction clauses (the
/// index path's row estimate, which the bitmap charge uses).
pub fn bitmap_index_scan(
    s: &PgSettings,
    rel: &TableStats,
    index: &BtreeIndex,
    clauses: &[IndexClause],
    quals: &[Clause],
    total_table_pages: f64,
) -> BitmapNode {
    let ic = btcostestimate(s, rel, index, clauses, total_table_pages);
    let path_rows = rel_rows(rel, quals);
    BitmapNode {
        tree_cost: ic.total + 0.1 * s.cpu_operator_cost * path_rows,
        selectivity: ic.selectivity,
        shown: PathCost {
            startup: 0.0,
            total: ic.total,
            rows: clamp_row_est(ic.selectivity * rel.reltuples),
        },
        is_index: true,
    }
}

/// `cost_bitmap_and_node`: inputs' costs plus 100 × `cpu_operator_cost`
/// per intersection; selectivities multiply.
pub fn bitmap_and(s: &PgSettings, rel: &TableStats, inputs: &[BitmapNode]) -> BitmapNode {
    let mut total = 0.0;
    let mut selec = 1.0;
    for (i, node) in inputs.iter().enumerate() {
        selec *= node.selectivity;
        total += node.tree_cost;
        if i > 0 {
            total += 100.0 * s.cpu_operator_cost;
        }
    }
    combined(rel, total, selec)
}

/// `cost_bitmap_or_node`: inputs' costs plus 100 × `cpu_operator_cost`
/// per union of a non-index input; selectivities add, at most 1.
pub fn bitmap_or(s: &PgSettings, rel: &TableStats, inputs: &[BitmapNode]) -> BitmapNode {
    let mut total = 0.0;
    let mut selec = 0.0;
    for (i, node) in inputs.iter().enumerate() {
        selec += node.selectivity;
        total += node.tree_cost;
        if i > 0 && !node.is_index {
            total += 100.0 * s.cpu_operator_cost;
        }
    }
    combined(rel, total, selec.min(1.0))
}

fn combined(rel: &TableStats, total: f64, selectivity: f64) -> BitmapNode {
    BitmapNode {
        tree_cost: total,
        selectivity,
        shown: PathCost {
            startup: total,
            total,
            rows: clamp_row_est(selectivity * rel.reltuples),
        },
        is_index: false,
    }
}

/// `tbm_calculate_entries`: exact pages a bitmap holds in `work_mem`
/// (64 bytes per page entry on 64-bit builds).
fn tbm_max_entries(s: &PgSettings) -> f64 {
    ((s.work_mem * 1024.0) / 64.0).floor().max(16.0)
}

/// `compute_bitmap_pages`: heap pages fetched, and tuples fetched (more
/// when the bitmap turns lossy for lack of `work_mem`).
pub fn compute_bitmap_pages(s: &PgSettings, rel: &TableStats, bitmap: &BitmapNode) -> (f64, f64) {
    let mut tuples_fetched = clamp_row_est(bitmap.selectivity * rel.reltuples);
    let t = if rel.relpages > 1.0 {
        rel.relpages
    } else {
        1.0
    };
    let mut pages = (2.0 * t * tuples_fetched) / (2.0 * t + tuples_fetched);
    pages = if pages >= t { t } else { pages.ceil() };
    let heap_pages = pages.min(rel.relpages);
    let maxentries = tbm_max_entries(s);
    if maxentries < heap_pages {
        let lossy = (heap_pages - maxentries / 2.0).max(0.0);
        let exact = heap_pages - lossy;
        if lossy > 0.0 {
            tuples_fetched = clamp_row_est(
                bitmap.selectivity * (exact / heap_pages) * rel.reltuples
                    + (lossy / heap_pages) * rel.reltuples,
            );
        }
    }
    (pages, tuples_fetched)
}

/// `cost_bitmap_heap_scan`: the bitmap's cost at startup, each heap page
/// at a cost between `random_page_cost` and `seq_page_cost` by
/// √(pages/T), every fetched tuple rechecked against all `quals`.
pub fn bitmap_heap_scan(
    s: &PgSettings,
    rel: &TableStats,
    bitmap: &BitmapNode,
    quals: &[Clause],
) -> PathCost {
    let (pages, tuples_fetched) = compute_bitmap_pages(s, rel, bitmap);
    let t = if rel.relpages > 1.0 {
        rel.relpages
    } else {
        1.0
    };
    let cost_per_page = if pages >= 2.0 {
        s.random_page_cost - (s.random_page_cost - s.seq_page_cost) * (pages / t).sqrt()
    } else {
        s.random_page_cost
    };
    let q = qual_cost(quals, s);
    let startup = bitmap.tree_cost + q.startup;
    let run = pages * cost_per_page + (s.cpu_tuple_cost + q.per_tuple) * tuples_fetched;
    PathCost {
        startup,
        total: startup + run,
        rows: rel_rows(rel, quals),
    }
}

/// `relation_byte_size`: rows of `width` as sorted or hashed tuples.
fn relation_byte_size(tuples: f64, width: f64) -> f64 {
    tuples * (maxalign(width as usize) as f64 + maxalign(23) as f64)
}

/// `tuplesort_merge_order` for `bytes` of sort memory.
fn merge_order(bytes: f64) -> f64 {
    (bytes / (34.0 * BLCKSZ)).floor().clamp(6.0, 500.0)
}

/// `cost_sort` over `input` rows of `width` bytes: quicksort
/// (2·`cpu_operator_cost`·N·log2 N), a bounded heap sort when a LIMIT of
/// `limit` rows is known and fits (…·N·log2 2K), or an external merge sort
/// past `work_mem`; one `cpu_operator_cost` per row out.
pub fn sort(s: &PgSettings, input: &PathCost, width: f64, limit: Option<f64>) -> PathCost {
    let tuples_in = input.rows;
    let input_bytes = relation_byte_size(tuples_in, width);
    let tuples = tuples_in.max(2.0);
    let comparison = 2.0 * s.cpu_operator_cost;
    let sort_mem = s.work_mem * 1024.0;
    let (output_tuples, output_bytes) = match limit {
        Some(l) if l > 0.0 && l < tuples => (l, relation_byte_size(l, width)),
        _ => (tuples, input_bytes),
    };
    let startup = if output_bytes > sort_mem {
        let npages = (input_bytes / BLCKSZ).ceil();
        let nruns = input_bytes / sort_mem;
        let order = merge_order(sort_mem);
        let log_runs = if nruns > order {
            (nruns.ln() / order.ln()).ceil()
        } else {
            1.0
        };
        let accesses = 2.0 * npages * log_runs;
        comparison * tuples * tuples.log2()
            + accesses * (s.seq_page_cost * 0.75 + s.random_page_cost * 0.25)
    } else if tuples > 2.0 * output_tuples || input_bytes > sort_mem {
        comparison * tuples * (2.0 * output_tuples).log2()
    } else {
        comparison * tuples * tuples.log2()
    };
    let startup = startup + input.total;
    PathCost {
        startup,
        total: startup + s.cpu_operator_cost * tuples,
        rows: tuples_in,
    }
}

/// `adjust_limit_rows_costs`: OFFSET moves the start later, LIMIT keeps
/// the share `count / rows` of the run cost.
pub fn limit(input: &PathCost, offset: Option<f64>, count: Option<f64>) -> PathCost {
    let mut out = *input;
    let input_rows = input.rows;
    let run = input.total - input.startup;
    if let Some(offset) = offset.filter(|o| *o != 0.0) {
        let offset = offset.min(out.rows);
        if input_rows > 0.0 {
            out.startup += run * offset / input_rows;
        }
        out.rows = (out.rows - offset).max(1.0);
    }
    if let Some(count) = count {
        let count = count.min(out.rows);
        if input_rows > 0.0 {
            out.total = out.startup + run * count / input_rows;
        }
        out.rows = count.max(1.0);
    }
    out
}

/// `estimate_num_groups` for GROUP BY columns of one table scanned with
/// `rel_rows` rows left by its restriction clauses: the product of the
/// columns' distinct counts, clamped to the table's rows (a tenth for
/// several columns, never under the largest count), scaled down for the
/// rows selected, and at most `rel_rows`.
pub fn estimate_num_groups(rel: &TableStats, columns: &[usize], rel_rows: f64) -> f64 {
    let tuples = rel.reltuples;
    let counts: Vec<f64> = columns
        .iter()
        .map(|&c| super::selectivity::numdistinct(&rel.columns[c], tuples).0)
        .collect();
    let mut reldistinct: f64 = counts.iter().product();
    if tuples > 0.0 {
        let mut clamp = tuples;
        if counts.len() > 1 {
            let largest = counts.iter().copied().fold(0.0, f64::max);
            clamp *= 0.1;
            if clamp < largest {
                clamp = largest.min(tuples);
            }
        }
        reldistinct = reldistinct.min(clamp);
        if reldistinct > 0.0 && rel_rows < tuples {
            reldistinct *= 1.0 - ((tuples - rel_rows) / tuples).powf(tuples / reldistinct);
        }
        reldistinct = clamp_row_est(reldistinct);
    }
    reldistinct.ceil().min(rel_rows).max(1.0)
}

/// How an Agg node works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AggStrategy {
    /// No GROUP BY: one row.
    Plain,
    /// GROUP BY over input sorted by the group columns.
    Sorted,
    /// GROUP BY through a hash table.
    Hashed,
}

/// `agg(...)`'s description of the aggregation.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct AggSpec {
    pub strategy: AggStrategy,
    /// Aggregates whose transition function runs per input row (COUNT,
    /// COUNT(*), MIN, MAX, SUM: one `cpu_operator_cost` each).
    pub aggregates: usize,
    pub group_columns: usize,
    /// `estimate_num_groups` (1 for Plain).
    pub groups: f64,
    /// The input rows' width (for a hash table that spills).
    pub input_width: f64,
}

/// `cost_agg` (no HAVING, no final functions; a hash table that would pass
/// `work_mem` × `hash_mem_multiplier` 2 adds PostgreSQL's spill charge).
pub fn agg(s: &PgSettings, input: &PathCost, spec: &AggSpec) -> PathCost {
    let trans = spec.aggregates as f64 * s.cpu_operator_cost * input.rows;
    let group_cmp = s.cpu_operator_cost * spec.group_columns as f64 * input.rows;
    match spec.strategy {
        AggStrategy::Plain => {
            let startup = input.total + trans;
            PathCost {
                startup,
                total: startup + s.cpu_tuple_cost,
                rows: 1.0,
            }
        }
        AggStrategy::Sorted => PathCost {
            startup: input.startup,
            total: input.total + trans + group_cmp + s.cpu_tuple_cost * spec.groups,
            rows: spec.groups,
        },
        AggStrategy::Hashed => {
            let mut startup = input.total + trans + group_cmp;
            let mut total = startup + s.cpu_tuple_cost * spec.groups;
            let spill = hash_spill(s, input.rows, spec);
            startup += spill.0;
            total += spill.1;
            PathCost {
                startup,
                total,
                rows: spec.groups,
            }
        }
    }
}

/// The spill cost of a hash aggregate (startup, total), zero when the
/// groups fit: an approximation of `hash_agg_entry_size` (a minimal tuple,
/// its hash entry and one transition state per aggregate) and of
/// `hash_agg_set_limits` (4 partitions per spill level).
fn hash_spill(s: &PgSettings, input_rows: f64, spec: &AggSpec) -> (f64, f64) {
    let entry =
        16.0 + maxalign(spec.input_width as usize) as f64 + 24.0 + 16.0 * spec.aggregates as f64;
    let mem_limit = s.work_mem * 1024.0 * 2.0;
    let nbatches = ((spec.groups * entry) / mem_limit).ceil().max(1.0);
    if nbatches <= 1.0 {
        return (0.0, 0.0);
    }
    let partitions = 4f64;
    let depth = (nbatches.ln() / partitions.ln()).ceil();
    let pages = relation_byte_size(input_rows, spec.input_width) / BLCKSZ;
    let written = pages * depth * 2.0;
    let read = pages * depth * 2.0;
    let cpu = depth * input_rows * 2.0 * s.cpu_tuple_cost;
    (
        written * s.random_page_cost + cpu,
        written * s.random_page_cost + read * s.seq_page_cost + cpu,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(tuples: f64, pages: f64) -> TableStats {
        TableStats {
            reltuples: tuples,
            relpages: pages,
            all_visible_frac: 0.0,
            columns: vec![],
        }
    }

    #[test]
    fn seq_scan_of_a_plain_table() {
        let s = PgSettings::defaults();
        let c = seq_scan(&s, &rel(10_000.0, 45.0), &[]);
        assert_eq!(c.startup, 0.0);
        assert!((c.total - 145.0).abs() < 1e-9);
        assert_eq!(c.rows, 10_000.0);
    }

    #[test]
    fn mackert_lohman() {
        let s = PgSettings::defaults();
        // Cache larger than the table: 2TN/(2T+N).
        assert_eq!(index_pages_fetched(&s, 100.0, 1000.0, 10.0, 1000.0), 96.0);
        assert_eq!(index_pages_fetched(&s, 1e9, 1000.0, 10.0, 1000.0), 1000.0);
    }

    #[test]
    fn sort_and_limit() {
        let s = PgSettings::defaults();
        let input = PathCost {
            startup: 0.0,
            total: 100.0,
            rows: 1000.0,
        };
        let full = sort(&s, &input, 8.0, None);
        let expected = 100.0 + 2.0 * 0.0025 * 1000.0 * 1000f64.log2();
        assert!((full.startup - expected).abs() < 1e-9);
        let top = sort(&s, &input, 8.0, Some(10.0));
        assert!((top.startup - (100.0 + 0.005 * 1000.0 * 20f64.log2())).abs() < 1e-9);
        let l = limit(&top, None, Some(10.0));
        assert!((l.total - (top.startup + 2.5 * 10.0 / 1000.0)).abs() < 1e-9);
        assert_eq!(l.rows, 10.0);
    }

    #[test]
    fn plain_count() {
        let s = PgSettings::defaults();
        let input = PathCost {
            startup: 0.0,
            total: 145.0,
            rows: 10_000.0,
        };
        let spec = AggSpec {
            strategy: AggStrategy::Plain,
            aggregates: 1,
            group_columns: 0,
            groups: 1.0,
            input_width: 0.0,
        };
        let c = agg(&s, &input, &spec);
        assert!((c.startup - 170.0).abs() < 1e-9);
        assert!((c.total - 170.01).abs() < 1e-9);
    }
}
