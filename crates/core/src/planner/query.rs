//! What a query asks of one table, and the access paths any cost model
//! starts from: every visible index seeking on an equality prefix and a
//! range, reading in ORDER BY order (so the sort goes and LIMIT stops
//! early), or covering the query. Pricing them is the model's
//! (`super::model::CostModel`).
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use gluesql_core::plan::ExprPlan;

use super::conditions::{value_sql, Condition, Conjunct, Scope};
use crate::explain::{SeekBound, SeekTerm};
use crate::storage::access::{AccessSpec, RangeBound};
use crate::storage::index::SecondaryIndex;

/// Seeks with at most this many spans (IN-list combinations) have their
/// entries counted exactly; larger ones are estimated from averages.
pub(super) const MAX_COUNTED_SPANS: usize = 64;

/// What the query asks of one table.
pub(crate) struct Query<'a> {
    pub(crate) rows: f64,
    pub(crate) column_names: Vec<&'a str>,
    pub(crate) primary_key: Option<usize>,
    pub(crate) conjuncts: &'a [Conjunct],
    /// The WHERE clause's conjuncts as written (`conjuncts` in order).
    pub(crate) exprs: &'a [&'a ExprPlan],
    pub(crate) scope: &'a Scope<'a>,
    /// ORDER BY as (column, ascending); `None` when some key is not a plain
    /// column of this table (then no index can supply the order).
    pub(crate) order: Option<Vec<(usize, bool)>>,
    /// LIMIT plus OFFSET: the rows the executor will pull at most.
    pub(crate) limit: Option<u64>,
    /// Columns the statement reads; `None` means every column.
    pub(crate) needed: Option<&'a BTreeSet<String>>,
}

/// How a table access reads its rows, in PostgreSQL's terms.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScanNode {
    #[serde(rename = "Seq Scan")]
    SeqScan,
    #[serde(rename = "Index Scan")]
    IndexScan,
    #[serde(rename = "Index Only Scan")]
    IndexOnlyScan,
    #[serde(rename = "Bitmap Heap Scan")]
    BitmapHeapScan,
}

impl ScanNode {
    /// The node's name as PostgreSQL's EXPLAIN prints it.
    pub fn label(self) -> &'static str {
        match self {
            Self::SeqScan => "Seq Scan",
            Self::IndexScan => "Index Scan",
            Self::IndexOnlyScan => "Index Only Scan",
            Self::BitmapHeapScan => "Bitmap Heap Scan",
        }
    }
}

/// What the storage cannot run yet of a path a model chose.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsupported {
    /// A seek on the primary key's values (IN, a range): the table is
    /// read whole instead.
    KeySeek,
    /// The table read backwards in primary-key order.
    ReverseTableScan,
    /// An index seek that skips over its leading column's values: the
    /// whole index is read instead, its entries checked.
    SkipScan,
    /// Several index seeks whose rows are united (an OR): the table is
    /// read whole instead.
    MultiIndexOr,
    /// The order the model expects of the index differs from the order
    /// the storage reads it in, so whether a sort follows differs.
    IndexOrder,
}

/// The path a model chose when the storage runs another in its place.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct StandIn {
    /// The chosen path as the model's database prints it (SQLite: its
    /// EXPLAIN QUERY PLAN line).
    pub wanted: String,
    /// Whether the chosen path would have given the ORDER BY order.
    pub wanted_sorted: bool,
    pub unsupported: Unsupported,
}

/// One way to read the table, priced by a cost model.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub(crate) spec: Option<AccessSpec>,
    pub(crate) access: &'static str,
    pub(crate) node: ScanNode,
    /// Every index the path reads (both sides of a BitmapAnd).
    pub(crate) indexes: Vec<String>,
    pub(crate) seek_key: Option<String>,
    pub(crate) seek: Vec<SeekTerm>,
    pub(crate) applied: Vec<usize>,
    pub(crate) sorted: bool,
    pub(crate) early_stop: bool,
    /// Rows passing the whole WHERE clause, when the seek's were counted.
    pub(crate) matches: Option<f64>,
    /// Rows the path reads (the in-memory model) or returns (PostgreSQL's).
    pub(crate) est_rows: f64,
    /// The scan's own estimate before any Sort or LIMIT above it, where
    /// the model prices nodes as PostgreSQL does: startup, total, rows.
    pub(crate) scan: Option<[f64; 3]>,
    /// The cost before the first row, in the model's units.
    pub(crate) startup: f64,
    /// The cost of the whole read (and sort, and LIMIT's share), in the
    /// model's units: the one the choice compares.
    pub(crate) cost: f64,
    /// The path the model chose, when the storage runs this one instead.
    pub(crate) stand_in: Option<StandIn>,
}

/// An index seek before pricing: what it reads and what it leaves.
pub(crate) struct SeekPath {
    pub(crate) spec: AccessSpec,
    pub(crate) seek: Seek,
    /// Index descents: the product of the IN lists' lengths.
    pub(crate) combos: f64,
    /// The rows come out in ORDER BY order (or no order is asked).
    pub(crate) sorted: bool,
    /// A read in key order that is only there for the ORDER BY.
    pub(crate) ordered_scan: bool,
}

impl Query<'_> {
    pub(crate) fn needs_sort(&self) -> bool {
        !matches!(&self.order, Some(order) if order.is_empty())
    }

    /// The conjunct (by position) giving `column` an equality, or a range.
    pub(crate) fn find(&self, column: usize, want_eq: bool) -> Vec<usize> {
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

    pub(crate) fn covers(&self, index: &SecondaryIndex) -> bool {
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

    /// The index read with an equality prefix of at most `max_eq` columns,
    /// a range on the next key column, in ORDER BY order when it can be, and
    /// covering when the index holds every column the statement reads.
    pub(crate) fn seek_path(&self, index: &SecondaryIndex, max_eq: usize) -> SeekPath {
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
        SeekPath {
            spec,
            seek,
            combos,
            sorted,
            ordered_scan,
        }
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
}

/// What a seek reads of an index so far: equality values per key column,
/// the conjuncts it applies, and its terms for the plan.
#[derive(Default)]
pub(crate) struct Seek {
    pub(crate) eq: Vec<Vec<gluesql_core::data::Value>>,
    pub(crate) applied: Vec<usize>,
    pub(crate) parts: Vec<String>,
    pub(crate) terms: Vec<SeekTerm>,
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
