//! Statistics as PostgreSQL 15's ANALYZE gathers them (`analyze.c`:
//! `do_analyze_rel`, `compute_scalar_stats`, `analyze_mcv_list`), with
//! `default_statistics_target` 100.
//!
//! The sample: PostgreSQL reads `300 × target` = 30,000 rows, every row of a
//! smaller table, and a random sample (random blocks, then a reservoir of
//! rows, kept in physical order) of a larger one. Here a larger table's
//! sample is a seeded random choice of 30,000 rows ([`SAMPLE_SEED`]) in
//! physical order, so the same rows give the same statistics every time;
//! PostgreSQL's own sample, and so its statistics, differ between runs.
//! `reltuples` is the exact row count (PostgreSQL extrapolates it from the
//! pages it sampled). Values are stored as PostgreSQL stores them: the
//! fractions, `n_distinct` and the correlation as `real` (f32).

use gluesql_core::data::Value;
use rand::SeedableRng;
use serde::{Deserialize, Serialize};

use super::layout;
use super::types::{self, PgType};

/// `default_statistics_target`.
pub const STATISTICS_TARGET: usize = 100;
/// Rows ANALYZE samples: `300 × default_statistics_target`.
pub const SAMPLE_ROWS: usize = 300 * STATISTICS_TARGET;
/// The seed of the sample of a table larger than [`SAMPLE_ROWS`].
pub const SAMPLE_SEED: u64 = 15;
/// `WIDTH_THRESHOLD`: wider values are left out of the sorted statistics.
const WIDTH_THRESHOLD: usize = 1024;

/// How the planner can use an index on a column, which changes estimates:
/// `get_actual_variable_range` reads the true min/max from a btree index
/// led by the column; a single-column unique index makes
/// `examine_variable` mark the column unique.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Indexed {
    /// No btree index has this column first.
    #[default]
    No,
    /// A btree index has this column as its first key column.
    Leading,
    /// A single-column unique btree index (or primary key) on this column.
    Unique,
}

/// One column's `pg_statistic` row (as `pg_stats` shows it) plus what the
/// planner learns from the catalog about the column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnStats {
    pub ty: PgType,
    /// Whether ANALYZE produced statistics; without them the planner uses
    /// its defaults (and the fields below are not read).
    pub analyzed: bool,
    pub null_frac: f64,
    /// `stawidth`: average stored width of the non-null values, in bytes.
    pub avg_width: i32,
    /// `stadistinct`: > 0 a count, < 0 minus the fraction of rows, 0 unknown.
    pub n_distinct: f64,
    /// Most common values with their frequencies, most common first.
    pub mcv: Vec<(Value, f64)>,
    /// Histogram bounds of the values not in `mcv`, ascending.
    pub histogram: Vec<Value>,
    /// Correlation of the column's order with the physical row order.
    pub correlation: Option<f64>,
    /// The catalog's index facts about this column (set by the caller).
    pub indexed: Indexed,
    /// The column's current min and max (non-null), which
    /// `get_actual_variable_range` reads from the index when `indexed` is
    /// `Leading` or `Unique`.
    pub actual_range: Option<(Value, Value)>,
}

impl ColumnStats {
    /// A column ANALYZE has not seen: the planner's defaults apply.
    pub fn unanalyzed(ty: PgType) -> Self {
        ColumnStats {
            ty,
            analyzed: false,
            null_frac: 0.0,
            avg_width: ty.typlen().map_or(32, |l| l as i32),
            n_distinct: 0.0,
            mcv: Vec::new(),
            histogram: Vec::new(),
            correlation: None,
            indexed: Indexed::No,
            actual_range: None,
        }
    }
}

/// A table's `pg_class` figures and its columns' statistics.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableStats {
    /// `reltuples` (the planner's `rel->tuples`).
    pub reltuples: f64,
    /// `relpages` (the planner's `rel->pages`).
    pub relpages: f64,
    /// `relallvisible / relpages`: 0 after loading and ANALYZE (no page is
    /// marked all-visible until VACUUM), 1 after VACUUM of an unchanged table.
    pub all_visible_frac: f64,
    pub columns: Vec<ColumnStats>,
}

/// ANALYZE over `rows` (in insertion order; the sample is read in the
/// physical order [`layout::heap_placement`] gives them) of a table with these column
/// types: `relpages` from [`layout::heap_pages`], `all_visible_frac` 0 (as
/// right after a load; set it to 1 to model VACUUM), every column's
/// statistics by `compute_scalar_stats`, `indexed` left `No` for the
/// caller to set from its indexes.
pub fn analyze(rows: &[Vec<Value>], types: &[PgType]) -> TableStats {
    let blocks = layout::heap_placement(types, rows.iter().map(|r| r.as_slice()));
    let physical = layout::physical_order(&blocks);
    let sample: Vec<usize> = sample_rows(rows.len())
        .into_iter()
        .map(|i| physical[i])
        .collect();
    let columns = (0..types.len())
        .map(|c| {
            let values: Vec<&Value> = sample.iter().map(|&r| &rows[r][c]).collect();
            let mut stats = compute_scalar_stats(types[c], &values, rows.len() as f64);
            stats.actual_range = actual_range(rows.iter().map(|r| &r[c]));
            stats
        })
        .collect();
    let relpages = blocks.iter().max().map_or(0, |&b| b as u64 + 1);
    TableStats {
        reltuples: rows.len() as f64,
        relpages: relpages as f64,
        all_visible_frac: 0.0,
        columns,
    }
}

/// The rows ANALYZE reads: all of them up to [`SAMPLE_ROWS`], else a seeded
/// random choice of that many, in physical order.
pub fn sample_rows(total: usize) -> Vec<usize> {
    if total <= SAMPLE_ROWS {
        return (0..total).collect();
    }
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(SAMPLE_SEED);
    let mut chosen = rand::seq::index::sample(&mut rng, total, SAMPLE_ROWS).into_vec();
    chosen.sort_unstable();
    chosen
}

/// The non-null min and max of a column.
pub fn actual_range<'a>(values: impl Iterator<Item = &'a Value>) -> Option<(Value, Value)> {
    let mut range: Option<(&Value, &Value)> = None;
    for v in values.filter(|v| !matches!(v, Value::Null)) {
        range = Some(match range {
            None => (v, v),
            Some((lo, hi)) => (
                if types::compare(v, lo).is_lt() { v } else { lo },
                if types::compare(v, hi).is_gt() { v } else { hi },
            ),
        });
    }
    range.map(|(lo, hi)| (lo.clone(), hi.clone()))
}

/// PostgreSQL keeps these figures as `real`.
fn real(x: f64) -> f64 {
    x as f32 as f64
}

/// `compute_scalar_stats` over one column's sampled values (in sample
/// order) from a table of `total_rows` rows.
pub fn compute_scalar_stats(ty: PgType, sample: &[&Value], total_rows: f64) -> ColumnStats {
    let sample_rows = sample.len();
    let mut stats = ColumnStats::unanalyzed(ty);
    let mut null_cnt = 0usize;
    let mut toowide_cnt = 0usize;
    let mut total_width = 0f64;
    let mut values: Vec<&Value> = Vec::with_capacity(sample_rows);
    for value in sample {
        if matches!(value, Value::Null) {
            null_cnt += 1;
            continue;
        }
        if ty.typlen().is_none() {
            let width = ty.stored_width(value);
            total_width += width as f64;
            // toast_raw_datum_size: the data plus a 4-byte header.
            if ty.stored(value).0 == 4 && width > WIDTH_THRESHOLD {
                toowide_cnt += 1;
                continue;
            }
        }
        values.push(value);
    }
    let nonnull_cnt = sample_rows - null_cnt;
    if values.is_empty() {
        if null_cnt > 0 {
            stats.analyzed = true;
            stats.null_frac = 1.0;
            stats.avg_width = ty.typlen().map_or(0, |l| l as i32);
            stats.n_distinct = 0.0;
        }
        return stats;
    }
    // Sort by value, ties in sample order (compare_scalars).
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| types::compare(values[a], values[b]).then(a.cmp(&b)));
    let groups = duplicate_groups(&values, &order);
    stats.analyzed = true;
    stats.null_frac = real(null_cnt as f64 / sample_rows as f64);
    stats.avg_width = match ty.typlen() {
        Some(len) => len as i32,
        None => (total_width / nonnull_cnt as f64) as i32,
    };
    let ndistinct = groups.len();
    let nmultiple = groups.iter().filter(|g| g.count > 1).count();
    let stadistinct = n_distinct(
        ndistinct,
        nmultiple,
        toowide_cnt,
        sample_rows,
        null_cnt,
        total_rows,
        null_cnt as f64 / sample_rows as f64,
    );
    stats.n_distinct = real(stadistinct);
    let track = track_list(&groups);
    let num_mcv = mcv_count(
        &track,
        ndistinct,
        toowide_cnt,
        stadistinct,
        null_cnt as f64 / sample_rows as f64,
        sample_rows,
        total_rows,
    );
    stats.mcv = track[..num_mcv]
        .iter()
        .map(|g| {
            (
                values[order[g.first]].clone(),
                real(g.count as f64 / sample_rows as f64),
            )
        })
        .collect();
    stats.histogram = histogram(&values, &order, &track[..num_mcv], ndistinct);
    if values.len() > 1 {
        stats.correlation = Some(real(correlation(&order)));
    }
    stats
}

/// A run of equal values in the sorted order.
#[derive(Clone, Copy, Debug)]
struct Group {
    /// Position of the run's first value in the sorted order.
    first: usize,
    count: usize,
}

fn duplicate_groups(values: &[&Value], order: &[usize]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (i, &v) in order.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if types::equal(values[order[g.first]], values[v]) => g.count += 1,
            _ => groups.push(Group { first: i, count: 1 }),
        }
    }
    groups
}

/// The `track` array: up to `STATISTICS_TARGET` values seen more than once,
/// most frequent first; among equal counts the earlier (smaller) value first.
fn track_list(groups: &[Group]) -> Vec<Group> {
    let mut track: Vec<Group> = Vec::new();
    for g in groups.iter().filter(|g| g.count > 1) {
        let full = track.len() >= STATISTICS_TARGET;
        if full && g.count <= track[track.len() - 1].count {
            continue;
        }
        if full {
            track.pop();
        }
        let at = track.partition_point(|t| t.count >= g.count);
        track.insert(at, *g);
    }
    track
}

/// `stadistinct`: unique when no value repeats; the sample's values when
/// every value repeats; else the Haas–Stokes Duj1 estimator
/// `n·d / (n − f1 + f1·n/N)`; scaled to a fraction (negative) when above
/// 10% of the rows.
fn n_distinct(
    ndistinct: usize,
    nmultiple: usize,
    toowide_cnt: usize,
    sample_rows: usize,
    null_cnt: usize,
    total_rows: f64,
    null_frac: f64,
) -> f64 {
    let mut stadistinct = if nmultiple == 0 {
        -(1.0 - null_frac)
    } else if toowide_cnt == 0 && nmultiple == ndistinct {
        ndistinct as f64
    } else {
        let f1 = (ndistinct - nmultiple + toowide_cnt) as f64;
        let d = f1 + nmultiple as f64;
        let n = (sample_rows - null_cnt) as f64;
        let big_n = total_rows * (1.0 - null_frac);
        let mut est = if big_n > 0.0 {
            (n * d) / ((n - f1) + f1 * n / big_n)
        } else {
            0.0
        };
        if est < d {
            est = d;
        }
        if est > big_n {
            est = big_n;
        }
        (est + 0.5).floor()
    };
    if stadistinct > 0.1 * total_rows {
        stadistinct = -(stadistinct / total_rows);
    }
    stadistinct
}

/// How many of the tracked values become MCVs: all of them when they are
/// every value seen and fit; else `analyze_mcv_list`'s rule.
fn mcv_count(
    track: &[Group],
    ndistinct: usize,
    toowide_cnt: usize,
    stadistinct: f64,
    null_frac: f64,
    sample_rows: usize,
    total_rows: f64,
) -> usize {
    if track.len() == ndistinct
        && toowide_cnt == 0
        && stadistinct > 0.0
        && track.len() <= STATISTICS_TARGET
    {
        return track.len();
    }
    let counts: Vec<usize> = track.iter().map(|g| g.count).collect();
    analyze_mcv_list(&counts, stadistinct, null_frac, sample_rows, total_rows)
}

/// `analyze_mcv_list`: drop the least common values while they are not
/// significantly more common than a non-MCV value would be estimated.
fn analyze_mcv_list(
    counts: &[usize],
    stadistinct: f64,
    null_frac: f64,
    sample_rows: usize,
    total_rows: f64,
) -> usize {
    let mut num_mcv = counts.len();
    if num_mcv == 0 || sample_rows as f64 == total_rows || total_rows <= 1.0 {
        return num_mcv;
    }
    let ndistinct_table = if stadistinct < 0.0 {
        -stadistinct * total_rows
    } else {
        stadistinct
    };
    let samplerows = sample_rows as f64;
    let mut sumcount: f64 = counts[..num_mcv - 1].iter().map(|&c| c as f64).sum();
    while num_mcv > 0 {
        let mut selec = (1.0 - sumcount / samplerows - null_frac).clamp(0.0, 1.0);
        let otherdistinct = ndistinct_table - (num_mcv - 1) as f64;
        if otherdistinct > 1.0 {
            selec /= otherdistinct;
        }
        let (big_n, n) = (total_rows, samplerows);
        let count = counts[num_mcv - 1] as f64;
        let k = big_n * count / n;
        let variance = n * k * (big_n - k) * (big_n - n) / (big_n * big_n * (big_n - 1.0));
        if count > selec * samplerows + 2.0 * variance.sqrt() + 0.5 {
            break;
        }
        num_mcv -= 1;
        if num_mcv == 0 {
            break;
        }
        sumcount -= counts[num_mcv - 1] as f64;
    }
    num_mcv
}

/// The histogram of the values left after removing the MCVs: at most
/// `target + 1` bounds, the first and last values and evenly spaced ones
/// in between; none unless two distinct values are left.
fn histogram(values: &[&Value], order: &[usize], mcvs: &[Group], ndistinct: usize) -> Vec<Value> {
    let mut num_hist = ndistinct - mcvs.len();
    if num_hist > STATISTICS_TARGET {
        num_hist = STATISTICS_TARGET + 1;
    }
    if num_hist < 2 {
        return Vec::new();
    }
    let mut skip: Vec<(usize, usize)> = mcvs.iter().map(|g| (g.first, g.count)).collect();
    skip.sort_unstable();
    let mut rest: Vec<usize> = Vec::with_capacity(order.len());
    let mut next = skip.iter().peekable();
    let mut i = 0;
    while i < order.len() {
        if let Some(&&(first, count)) = next.peek() {
            if i == first {
                i += count;
                next.next();
                continue;
            }
        }
        rest.push(order[i]);
        i += 1;
    }
    let nvals = rest.len();
    let (delta, deltafrac) = ((nvals - 1) / (num_hist - 1), (nvals - 1) % (num_hist - 1));
    let (mut pos, mut posfrac) = (0usize, 0usize);
    let mut bounds = Vec::with_capacity(num_hist);
    for _ in 0..num_hist {
        bounds.push(values[rest[pos]].clone());
        pos += delta;
        posfrac += deltafrac;
        if posfrac >= num_hist - 1 {
            pos += 1;
            posfrac -= num_hist - 1;
        }
    }
    bounds
}

/// The correlation between sorted position and sample position.
fn correlation(order: &[usize]) -> f64 {
    let n = order.len() as f64;
    let xysum: f64 = order
        .iter()
        .enumerate()
        .map(|(i, &tupno)| i as f64 * tupno as f64)
        .sum();
    let xsum = (n - 1.0) * n / 2.0;
    let x2sum = (n - 1.0) * n * (2.0 * n - 1.0) / 6.0;
    (n * xysum - xsum * xsum) / (n * x2sum - xsum * xsum)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(values: Vec<Value>, ty: PgType) -> ColumnStats {
        let refs: Vec<&Value> = values.iter().collect();
        compute_scalar_stats(ty, &refs, values.len() as f64)
    }

    #[test]
    fn unique_column_has_no_mcv_and_full_histogram() {
        let s = column((0..1000).map(Value::I64).collect(), PgType::Int4);
        assert_eq!(s.n_distinct, -1.0);
        assert!(s.mcv.is_empty());
        assert_eq!(s.histogram.len(), 101);
        assert_eq!(s.histogram[0], Value::I64(0));
        assert_eq!(s.histogram[100], Value::I64(999));
        assert_eq!(s.correlation, Some(1.0));
    }

    #[test]
    fn small_value_set_is_all_mcv() {
        let vals: Vec<Value> = (0..1000)
            .map(|i| {
                if i % 10 == 0 {
                    Value::Null
                } else {
                    Value::I64(i % 3)
                }
            })
            .collect();
        let s = column(vals, PgType::Int4);
        assert_eq!(s.null_frac, real(0.1));
        assert_eq!(s.n_distinct, 3.0);
        assert_eq!(s.mcv.len(), 3);
        assert!(s.histogram.is_empty());
        let total: f64 = s.mcv.iter().map(|(_, f)| f).sum();
        assert!((total - 0.9).abs() < 1e-6);
    }

    #[test]
    fn haas_stokes_on_a_sample() {
        // 1000 values in a sample of 2000 from a table of 100,000 rows.
        let est = n_distinct(1000, 1000, 0, 2000, 0, 100_000.0, 0.0);
        assert_eq!(est, 1000.0);
        let est = n_distinct(1500, 500, 0, 2000, 0, 100_000.0, 0.0);
        // n·d / (n − f1 + f1·n/N) = 2000·1500 / (1000 + 1000·0.02) -> 2941
        assert_eq!(est, 2941.0);
    }

    #[test]
    fn sample_is_deterministic_and_ordered() {
        let a = sample_rows(100_000);
        assert_eq!(a.len(), SAMPLE_ROWS);
        assert_eq!(a, sample_rows(100_000));
        assert!(a.windows(2).all(|w| w[0] < w[1]));
    }
}
