//! A SQLite loop as the access the storage runs: the same index seek or
//! scan where the storage has it, else the nearest one it can run, with
//! SQLite's own path (as its EXPLAIN QUERY PLAN line) recorded beside it.
use super::logest;
use super::loops::WhereLoop;
use super::solver::Verdict;
use super::stat::TableStat;
use super::terms::{Op, Term};
use crate::planner::conditions::Condition;
use crate::planner::model::Named;
use crate::planner::query::{Candidate, Query, ScanNode, StandIn, Unsupported};

pub(super) struct Paths<'a, 'q> {
    pub(super) query: &'a Query<'q>,
    pub(super) table: &'a TableStat<'a>,
    pub(super) terms: &'a [Term],
    /// The table's name, for SQLite's plan line.
    pub(super) name: &'a str,
    pub(super) order_terms: usize,
}

impl Paths<'_, '_> {
    pub(super) fn named(&self, lp: &WhereLoop, verdict: &Verdict) -> Named {
        let index = lp
            .probe
            .and_then(|p| self.table.probes[p].name())
            .map(str::to_owned);
        let Some(cost) = verdict.cost else {
            return (
                index,
                Err("SQLite reads the whole table or index only when its first pass found no equality seek".to_owned()),
            );
        };
        let wanted_sorted = !self.query.needs_sort() || verdict.sorted(self.order_terms);
        let candidate = match lp.probe {
            Some(p) if !self.table.probes[p].is_rowid() => {
                self.index_path(lp, p, f64::from(cost), wanted_sorted)
            }
            _ => self.table_path(lp, f64::from(cost), wanted_sorted),
        };
        (index, Ok(candidate))
    }

    /// The table read in primary-key order gives the ORDER BY order when
    /// the first key not fixed by an equality is the primary key, ascending.
    fn table_scan_sorted(&self) -> bool {
        let Some(order) = &self.query.order else {
            return false;
        };
        let fixed = |column: usize| {
            self.query.conjuncts.iter().any(|c| {
                matches!(&c.usable, Some((col, Condition::Eq(values))) if *col == column && values.len() == 1)
            })
        };
        match order.iter().find(|(column, _)| !fixed(*column)) {
            None => true,
            Some(&(column, ascending)) => ascending && Some(column) == self.query.primary_key,
        }
    }

    /// The rowid table: a full scan, or (a seek on the primary key, a
    /// backwards scan, a multi-index OR) the full scan in its place.
    fn table_path(&self, lp: &WhereLoop, cost: f64, wanted_sorted: bool) -> Candidate {
        let sorted = !self.query.needs_sort() || self.table_scan_sorted();
        let unsupported = match lp.probe {
            None => Some(Unsupported::MultiIndexOr),
            Some(_) if !lp.terms.is_empty() => Some(Unsupported::KeySeek),
            Some(_) if wanted_sorted && !sorted => Some(Unsupported::ReverseTableScan),
            Some(_) => None,
        };
        Candidate {
            spec: None,
            access: "full scan",
            node: ScanNode::SeqScan,
            indexes: Vec::new(),
            seek_key: None,
            seek: Vec::new(),
            applied: Vec::new(),
            sorted,
            early_stop: sorted && self.query.limit.is_some(),
            matches: None,
            est_rows: logest::to_int(lp.n_out) as f64,
            scan: None,
            startup: if sorted { 0.0 } else { cost },
            cost,
            stand_in: unsupported.map(|unsupported| StandIn {
                wanted: self.describe(lp),
                wanted_sorted,
                unsupported,
            }),
        }
    }

    /// An index: the seek SQLite chose, as `Query::seek_path` builds it;
    /// a skip-scan runs as a read of the whole index, its entries checked.
    fn index_path(&self, lp: &WhereLoop, p: usize, cost: f64, wanted_sorted: bool) -> Candidate {
        let index = self.table.probes[p]
            .index
            .expect("an index probe has its index");
        let path = self
            .query
            .seek_path(index, if lp.skip_scan { 0 } else { lp.n_eq });
        let unsupported = if lp.skip_scan {
            Some(Unsupported::SkipScan)
        } else if path.sorted != wanted_sorted {
            Some(Unsupported::IndexOrder)
        } else {
            None
        };
        let covering = path.spec.covering;
        let applied = path.seek.applied;
        let kind = match (covering, applied.is_empty()) {
            (true, false) => "covering index seek",
            (true, true) => "covering index scan",
            (false, false) => "index seek",
            (false, true) => "index scan",
        };
        Candidate {
            spec: Some(path.spec),
            access: kind,
            node: if covering {
                ScanNode::IndexOnlyScan
            } else {
                ScanNode::IndexScan
            },
            indexes: vec![index.def.name.clone()],
            seek_key: (!path.seek.parts.is_empty()).then(|| path.seek.parts.join(" AND ")),
            seek: path.seek.terms,
            applied,
            sorted: path.sorted,
            early_stop: path.sorted && self.query.limit.is_some(),
            matches: None,
            est_rows: logest::to_int(lp.n_out) as f64,
            scan: None,
            startup: if path.sorted { 0.0 } else { cost },
            cost,
            stand_in: unsupported.map(|unsupported| StandIn {
                wanted: self.describe(lp),
                wanted_sorted,
                unsupported,
            }),
        }
    }

    /// The loop as SQLite's EXPLAIN QUERY PLAN prints it.
    pub(super) fn describe(&self, lp: &WhereLoop) -> String {
        let Some(p) = lp.probe else {
            return "MULTI-INDEX OR".to_owned();
        };
        let probe = &self.table.probes[p];
        let column = |c: usize| {
            if probe.is_rowid() {
                "rowid"
            } else {
                self.query.column_names[c]
            }
        };
        let mut parts = Vec::new();
        for (j, term) in lp.terms.iter().enumerate() {
            let part = match term.map(|t| &self.terms[t]) {
                None => format!("ANY({})", column(probe.columns[j])),
                Some(t) => {
                    let op = match t.op {
                        Op::Lower => ">",
                        Op::Upper => "<",
                        Op::Eq | Op::IsNull | Op::In(_) => "=",
                    };
                    format!("{}{op}?", column(t.column))
                }
            };
            parts.push(part);
        }
        let how = match probe.name() {
            None if parts.is_empty() => return format!("SCAN {}", self.name),
            None => "INTEGER PRIMARY KEY".to_owned(),
            Some(index) if probe.covering => format!("COVERING INDEX {index}"),
            Some(index) => format!("INDEX {index}"),
        };
        if parts.is_empty() {
            format!("SCAN {} USING {how}", self.name)
        } else {
            format!("SEARCH {} USING {how} ({})", self.name, parts.join(" AND "))
        }
    }
}
