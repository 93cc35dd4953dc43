//! Access paths for one table and what each would cost: a full scan, and
//! every visible index seeking on an equality prefix and a range, reading in
//! ORDER BY order (so the sort goes and LIMIT stops early), or covering the
//! query. Costs are in "row reads": a table row costs 1, an index entry 0.2
//! plus a little per column it holds, so of two indexes that serve a query
//! equally the narrower one wins (as in SQLite, which weighs index row size).
//! The rows a seek matches are counted in the index spans it would read
//! (like MySQL's index dives), so a skewed value is not taken for an average
//! one; filters left for after the seek are guessed.
use std::collections::BTreeSet;

use super::conditions::{value_sql, Condition, Conjunct};
use crate::explain::{SeekBound, SeekTerm};
use crate::storage::access::{AccessSpec, RangeBound};
use crate::storage::index::SecondaryIndex;

const ENTRY_COST: f64 = 0.2;
const ENTRY_COLUMN_COST: f64 = 0.01;
const SEEK_COST: f64 = 0.5;
const SORT_COST: f64 = 0.05;
/// Seeks with at most this many spans (IN-list combinations) have their
/// entries counted exactly; larger ones are estimated from averages.
pub(super) const MAX_COUNTED_SPANS: usize = 64;

/// What the query asks of one table.
pub(crate) struct Query<'a> {
    pub(crate) rows: f64,
    pub(crate) column_names: Vec<&'a str>,
    pub(crate) primary_key: Option<usize>,
    pub(crate) conjuncts: &'a [Conjunct],
    /// Per conjunct, the share of rows it keeps where an index counted it.
    pub(crate) counted: &'a [Option<f64>],
    /// ORDER BY as (column, ascending); `None` when some key is not a plain
    /// column of this table (then no index can supply the order).
    pub(crate) order: Option<Vec<(usize, bool)>>,
    /// LIMIT plus OFFSET: the rows the executor will pull at most.
    pub(crate) limit: Option<u64>,
    /// Columns the statement reads; `None` means every column.
    pub(crate) needed: Option<&'a BTreeSet<String>>,
}

#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub(crate) spec: Option<AccessSpec>,
    pub(crate) access: &'static str,
    pub(crate) seek_key: Option<String>,
    pub(crate) seek: Vec<SeekTerm>,
    pub(crate) applied: Vec<usize>,
    pub(crate) sorted: bool,
    pub(crate) early_stop: bool,
    /// Rows passing the whole WHERE clause, when the seek's were counted.
    pub(crate) matches: Option<f64>,
    pub(crate) est_rows: f64,
    pub(crate) cost: f64,
}

impl Query<'_> {
    fn needs_sort(&self) -> bool {
        !matches!(&self.order, Some(order) if order.is_empty())
    }

    fn selectivity(&self, skip: &[usize]) -> f64 {
        self.conjuncts
            .iter()
            .enumerate()
            .filter(|(i, _)| !skip.contains(i))
            .map(
                |(i, c)| match (self.counted.get(i).copied().flatten(), &c.usable) {
                    (Some(counted), _) => counted,
                    (None, Some((_, Condition::Eq(values)))) => {
                        (0.1 * values.len() as f64).min(1.0)
                    }
                    (None, Some((_, Condition::Range { .. }))) => 0.3,
                    (None, None) => 0.5,
                },
            )
            .product()
    }

    fn sort_cost(&self, rows: f64) -> f64 {
        rows * (rows + 2.0).log2() * SORT_COST
    }

    /// A full scan. `matches`: rows passing the WHERE clause, as an index
    /// seek counted them; the rows to sort and the point where LIMIT stops
    /// follow from it instead of from guessed selectivities.
    pub(crate) fn full_scan(&self, matches: Option<f64>) -> Candidate {
        let out = matches.unwrap_or_else(|| self.rows * self.selectivity(&[]));
        let needs_sort = self.needs_sort();
        let read = match self.limit {
            Some(limit) if !needs_sort => self
                .rows
                .min(limit as f64 * self.rows / out.max(f64::MIN_POSITIVE)),
            _ => self.rows,
        };
        Candidate {
            spec: None,
            access: "full scan",
            seek_key: None,
            seek: Vec::new(),
            applied: Vec::new(),
            sorted: !needs_sort,
            early_stop: self.limit.is_some() && !needs_sort,
            matches: None,
            est_rows: read,
            cost: read + if needs_sort { self.sort_cost(out) } else { 0.0 },
        }
    }

    /// The conjunct (by position) giving `column` an equality, or a range.
    fn find(&self, column: usize, want_eq: bool) -> Vec<usize> {
        self.conjuncts
            .iter()
            .enumerate()
            .filter(|(_, c)| match &c.usable {
                Some((col, Condition::Eq(_))) => *col == column && want_eq,
                Some((col, Condition::Range { .. })) => *col == column && !want_eq,
                None => false,
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Whether reading `index` after an equality prefix of `fixed_prefix`
    /// columns yields the ORDER BY order: `Some(reverse)` if so.
    fn order_direction(&self, index: &SecondaryIndex, fixed_prefix: usize) -> Option<bool> {
        let order = self.order.as_ref()?;
        let fixed: BTreeSet<usize> = self
            .conjuncts
            .iter()
            .filter_map(|c| match &c.usable {
                Some((col, Condition::Eq(values))) if values.len() == 1 => Some(*col),
                _ => None,
            })
            .collect();
        // After the prefix the index is ordered by its remaining key columns,
        // then by the row key (the primary key, ascending).
        let mut sequence = index.key_columns[fixed_prefix..]
            .iter()
            .zip(&index.def.keys[fixed_prefix..])
            .map(|(&col, key)| (col, !key.desc))
            .chain(self.primary_key.map(|pk| (pk, true)))
            .filter(|(col, _)| !fixed.contains(col));
        let mut reverse = None;
        for &(column, asc) in order.iter().filter(|(col, _)| !fixed.contains(col)) {
            let (index_column, index_asc) = sequence.next()?;
            if index_column != column {
                return None;
            }
            let flipped = asc != index_asc;
            if *reverse.get_or_insert(flipped) != flipped {
                return None;
            }
        }
        Some(reverse.unwrap_or(false))
    }

    fn covers(&self, index: &SecondaryIndex) -> bool {
        let Some(needed) = self.needed else {
            return false;
        };
        let held: BTreeSet<&str> = index
            .key_columns
            .iter()
            .chain(&index.include_columns)
            .chain(&self.primary_key)
            .map(|&i| self.column_names[i])
            .collect();
        needed.iter().all(|c| held.contains(c.as_str()))
    }

    /// Rows a seek matches from the averages per index prefix, when the
    /// seek has too many spans to count: skewed values are misjudged.
    fn average_matches(
        &self,
        index: &SecondaryIndex,
        spec: &AccessSpec,
        combos: f64,
        entries: f64,
    ) -> f64 {
        let prefix = spec.eq.len();
        let scale = self.rows / entries.max(1.0);
        let matched = if prefix == 0 {
            self.rows
        } else {
            combos * index.stats.rows_per_prefix(prefix) * scale
        };
        matched
            * match (&spec.lower, &spec.upper) {
                (Some(_), Some(_)) => 0.1,
                (None, None) => 1.0,
                _ => 0.3,
            }
    }

    /// The index read with an equality prefix of at most `max_eq` columns,
    /// a range on the next key column, in ORDER BY order, or (when it holds
    /// every column the statement reads) in full instead of the table.
    pub(crate) fn index(
        &self,
        index: &SecondaryIndex,
        max_eq: usize,
        entries: f64,
    ) -> Result<Candidate, String> {
        let mut seek = self.equality_prefix(index, max_eq);
        let prefix = seek.eq.len();
        let (lower, upper) = self.range_after(index, &mut seek);
        let single_valued = seek.eq.iter().all(|v| v.len() == 1);
        let direction = if single_valued {
            self.order_direction(index, prefix)
        } else {
            None
        };
        let sorted = !self.needs_sort() || direction.is_some();
        let ordered_scan = self.needs_sort() && direction.is_some();
        // No full read of a covering index in place of the table: measured
        // at 1M, it hands the executor as many rows and saved nothing
        // (GROUP BY over the whole table 566 → 499 ms, COUNT(*) 340 → 366 ms).
        if seek.applied.is_empty() && !ordered_scan {
            return Err(format!(
                "no condition on its leading column {} and it does not give the ORDER BY order",
                self.column_names[index.key_columns[0]]
            ));
        }
        let covering = self.covers(index);
        let combos: f64 = seek.eq.iter().map(|v| v.len() as f64).product();
        let spec = AccessSpec {
            index: index.def.name.clone(),
            eq: std::mem::take(&mut seek.eq),
            lower,
            upper,
            reverse: direction.unwrap_or(false),
            covering,
            ..AccessSpec::scan("", false)
        };
        Ok(self.priced(index, spec, seek, combos, entries, sorted))
    }

    /// The seek's equality prefix: one conjunct per leading key column.
    fn equality_prefix(&self, index: &SecondaryIndex, max_eq: usize) -> Seek {
        let name = |i: usize| self.column_names[index.key_columns[i]];
        let mut seek = Seek::default();
        for position in 0..index.key_columns.len().min(max_eq) {
            let Some(&found) = self.find(index.key_columns[position], true).first() else {
                break;
            };
            let Some((_, Condition::Eq(values))) = &self.conjuncts[found].usable else {
                break;
            };
            let column = name(position);
            let (bound, sql) = match values.as_slice() {
                [gluesql_core::data::Value::Null] => {
                    (SeekBound::Equal, format!("{column} IS NULL"))
                }
                [one] => (SeekBound::Equal, format!("{column} = {}", value_sql(one))),
                many => (
                    SeekBound::AnyOf,
                    format!(
                        "{column} IN ({})",
                        many.iter().map(value_sql).collect::<Vec<_>>().join(", ")
                    ),
                ),
            };
            seek.push(column, bound, sql);
            seek.eq.push(values.clone());
            seek.applied.push(found);
        }
        seek
    }

    /// The range on the key column after the prefix, from every conjunct
    /// that bounds it (the first lower and the first upper bound win).
    fn range_after(
        &self,
        index: &SecondaryIndex,
        seek: &mut Seek,
    ) -> (Option<RangeBound>, Option<RangeBound>) {
        let prefix = seek.eq.len();
        let (mut lower, mut upper): (Option<RangeBound>, Option<RangeBound>) = (None, None);
        if prefix < index.key_columns.len() {
            for found in self.find(index.key_columns[prefix], false) {
                if let Some((_, Condition::Range { lower: l, upper: u })) =
                    &self.conjuncts[found].usable
                {
                    let mut used = false;
                    if lower.is_none() && l.is_some() {
                        lower = l.clone();
                        used = true;
                    }
                    if upper.is_none() && u.is_some() {
                        upper = u.clone();
                        used = true;
                    }
                    if used {
                        seek.applied.push(found);
                    }
                }
            }
        }
        let column = self.column_names[index.key_columns[prefix.min(index.key_columns.len() - 1)]];
        let terms = [
            lower.as_ref().map(|b| {
                (
                    b,
                    SeekBound::Lower {
                        inclusive: b.inclusive,
                    },
                )
            }),
            upper.as_ref().map(|b| {
                (
                    b,
                    SeekBound::Upper {
                        inclusive: b.inclusive,
                    },
                )
            }),
        ];
        for (b, bound) in terms.into_iter().flatten() {
            let op = match bound {
                SeekBound::Lower { inclusive: true } => ">=",
                SeekBound::Lower { .. } => ">",
                SeekBound::Upper { inclusive: true } => "<=",
                _ => "<",
            };
            seek.push(
                column,
                bound,
                format!("{column} {op} {}", value_sql(&b.value)),
            );
        }
        (lower, upper)
    }

    /// The candidate's rows and cost: the entries it reads (counted in the
    /// index when it can be), a table lookup each unless covering, the sort
    /// unless the index gives the order, and one descent per span.
    fn priced(
        &self,
        index: &SecondaryIndex,
        spec: AccessSpec,
        seek: Seek,
        combos: f64,
        entries: f64,
        sorted: bool,
    ) -> Candidate {
        let applied = seek.applied;
        let counted = if applied.is_empty() {
            None
        } else {
            index.count(&spec, MAX_COUNTED_SPANS).ok().flatten()
        };
        let matched = match counted {
            Some(counted) => counted as f64,
            None if applied.is_empty() => self.rows,
            None => self.average_matches(index, &spec, combos, entries),
        };
        let residual = self.selectivity(&applied);
        let read = match self.limit {
            Some(limit) if sorted => matched.min(limit as f64 / residual),
            _ => matched,
        };
        let width = (index.key_columns.len() + index.include_columns.len()) as f64;
        let lookup = if spec.covering { 0.0 } else { 1.0 };
        let per_row = ENTRY_COST + ENTRY_COLUMN_COST * width + lookup;
        let sort = if sorted {
            0.0
        } else {
            self.sort_cost(matched * residual)
        };
        let seeks = combos.max(1.0) * (self.rows + 2.0).log2() * SEEK_COST;
        let kind = match (spec.covering, applied.is_empty()) {
            (true, false) => "covering index seek",
            (true, true) => "covering index scan",
            (false, false) => "index seek",
            (false, true) => "index scan",
        };
        Candidate {
            spec: Some(spec),
            access: kind,
            seek_key: (!seek.parts.is_empty()).then(|| seek.parts.join(" AND ")),
            seek: seek.terms,
            applied,
            sorted,
            early_stop: sorted && self.limit.is_some(),
            matches: counted.map(|_| matched * residual),
            est_rows: read,
            cost: seeks + read * per_row + sort,
        }
    }
}

/// What a seek reads of an index so far: equality values per key column,
/// the conjuncts it applies, and its terms for the plan.
#[derive(Default)]
struct Seek {
    eq: Vec<Vec<gluesql_core::data::Value>>,
    applied: Vec<usize>,
    parts: Vec<String>,
    terms: Vec<SeekTerm>,
}

impl Seek {
    fn push(&mut self, column: &str, bound: SeekBound, sql: String) {
        self.terms.push(SeekTerm {
            column: column.to_owned(),
            bound,
            sql: sql.clone(),
        });
        self.parts.push(sql);
    }
}
