//! The in-memory cost model: costs in "row reads". A table row costs 1, an
//! index entry 0.2 plus a little per column it holds, so of two indexes that
//! serve a query equally the narrower one wins (as in SQLite, which weighs
//! index row size). The rows a seek matches are counted in the index spans
//! it would read (like MySQL's index dives), so a skewed value is not taken
//! for an average one; filters left for after the seek are guessed.
use super::conditions::Condition;
use super::model::{CostModel, Named};
use super::query::{Candidate, Query, ScanNode, SeekPath, MAX_COUNTED_SPANS};
use super::selectivity;
use crate::catalog::IndexSet;
use crate::storage::access::AccessSpec;
use crate::storage::index::SecondaryIndex;
use crate::storage::Table;

const ENTRY_COST: f64 = 0.2;
const ENTRY_COLUMN_COST: f64 = 0.01;
const SEEK_COST: f64 = 0.5;
const SORT_COST: f64 = 0.05;

/// seekscan's own model of its in-memory storage.
pub(crate) struct Memory;

impl CostModel for Memory {
    /// Every way to read the table: the full scan first (so that it wins a
    /// tie), then each visible index, seeking and, where an IN list would
    /// lose the index order, seeking only the prefix before it.
    fn candidates(&self, table: &Table, query: &Query, visible: &IndexSet) -> Vec<Named> {
        let pricing = Pricing {
            query,
            counted: selectivity::counted(table, query.conjuncts),
        };
        let mut candidates: Vec<Named> = Vec::new();
        for index in table
            .indexes
            .values()
            .filter(|i| visible.contains(&i.def.name))
        {
            let entries = index.stats.entries as f64;
            let name = Some(index.def.name.clone());
            let full = pricing.index(index, usize::MAX, entries);
            let ordered = full.as_ref().ok().and_then(|c| {
                let spec = c.spec.as_ref()?;
                let first_multi = spec.eq.iter().position(|v| v.len() > 1)?;
                (!c.sorted).then(|| pricing.index(index, first_multi, entries).ok())?
            });
            candidates.push((name.clone(), full));
            if let Some(ordered) = ordered {
                candidates.push((name, Ok(ordered)));
            }
        }
        // The fewest matching rows any counted seek found: the most
        // conditions checked against the data rather than guessed.
        let matches = candidates
            .iter()
            .filter_map(|(_, c)| c.as_ref().ok()?.matches)
            .reduce(f64::min);
        candidates.insert(0, (None, Ok(pricing.full_scan(matches))));
        candidates
    }
}

/// A query and the share of rows each of its conjuncts keeps, where an
/// index counted it.
struct Pricing<'q, 'a> {
    query: &'q Query<'a>,
    counted: Vec<Option<f64>>,
}

impl Pricing<'_, '_> {
    fn selectivity(&self, skip: &[usize]) -> f64 {
        self.query
            .conjuncts
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
        let out = matches.unwrap_or_else(|| self.query.rows * self.selectivity(&[]));
        let needs_sort = self.query.needs_sort();
        let read = match self.query.limit {
            Some(limit) if !needs_sort => self
                .query
                .rows
                .min(limit as f64 * self.query.rows / out.max(f64::MIN_POSITIVE)),
            _ => self.query.rows,
        };
        Candidate {
            spec: None,
            access: "full scan",
            node: ScanNode::SeqScan,
            indexes: Vec::new(),
            seek_key: None,
            seek: Vec::new(),
            applied: Vec::new(),
            sorted: !needs_sort,
            early_stop: self.query.limit.is_some() && !needs_sort,
            matches: None,
            est_rows: read,
            scan: None,
            startup: 0.0,
            cost: read + if needs_sort { self.sort_cost(out) } else { 0.0 },
            stand_in: None,
        }
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
        let scale = self.query.rows / entries.max(1.0);
        let matched = if prefix == 0 {
            self.query.rows
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

    /// The index seek as `Query::seek_path` builds it, priced; refused when
    /// it neither seeks nor gives the ORDER BY order.
    fn index(
        &self,
        index: &SecondaryIndex,
        max_eq: usize,
        entries: f64,
    ) -> Result<Candidate, String> {
        let path = self.query.seek_path(index, max_eq);
        // No full read of a covering index in place of the table: measured
        // at 1M, it hands the executor as many rows and saved nothing
        // (GROUP BY over the whole table 566 → 499 ms, COUNT(*) 340 → 366 ms).
        if path.seek.applied.is_empty() && !path.ordered_scan {
            return Err(format!(
                "no condition on its leading column {} and it does not give the ORDER BY order",
                self.query.column_names[index.key_columns[0]]
            ));
        }
        Ok(self.priced(index, path, entries))
    }

    /// The candidate's rows and cost: the entries it reads (counted in the
    /// index when it can be), a table lookup each unless covering, the sort
    /// unless the index gives the order, and one descent per span.
    fn priced(&self, index: &SecondaryIndex, path: SeekPath, entries: f64) -> Candidate {
        let SeekPath {
            spec,
            seek,
            combos,
            sorted,
            ..
        } = path;
        let applied = seek.applied;
        let counted = if applied.is_empty() {
            None
        } else {
            index.count(&spec, MAX_COUNTED_SPANS).ok().flatten()
        };
        let matched = match counted {
            Some(counted) => counted as f64,
            None if applied.is_empty() => self.query.rows,
            None => self.average_matches(index, &spec, combos, entries),
        };
        let residual = self.selectivity(&applied);
        let read = match self.query.limit {
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
        let seeks = combos.max(1.0) * (self.query.rows + 2.0).log2() * SEEK_COST;
        let kind = match (spec.covering, applied.is_empty()) {
            (true, false) => "covering index seek",
            (true, true) => "covering index scan",
            (false, false) => "index seek",
            (false, true) => "index scan",
        };
        Candidate {
            spec: Some(spec),
            access: kind,
            node: if lookup == 0.0 {
                ScanNode::IndexOnlyScan
            } else {
                ScanNode::IndexScan
            },
            indexes: vec![index.def.name.clone()],
            seek_key: (!seek.parts.is_empty()).then(|| seek.parts.join(" AND ")),
            seek: seek.terms,
            applied,
            sorted,
            early_stop: sorted && self.query.limit.is_some(),
            matches: counted.map(|_| matched * residual),
            est_rows: read,
            scan: None,
            startup: seeks,
            cost: seeks + read * per_row + sort,
            stand_in: None,
        }
    }
}
