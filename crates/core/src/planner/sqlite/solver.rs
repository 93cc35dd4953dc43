//! SQLite's choice among the loops of one table (where.c:
//! `wherePathSolver`, `wherePathSatisfiesOrderBy`, `whereSortingCost`,
//! `whereInterstageHeuristic`): a first pass ignores the ORDER BY and
//! estimates the rows to sort; a second adds the cost of sorting to every
//! loop that does not deliver the order, and drops full scans when the
//! first pass found an equality seek.
use super::logest::{self, add, est_log, LogEst};
use super::loops::WhereLoop;
use super::stat::TableStat;
use super::terms::{Op, Term};
use crate::planner::query::Query;

/// How one loop fares in the final pass.
#[derive(Clone, Copy, Debug)]
pub(super) struct Verdict {
    /// `None`: the interstage heuristic took the loop out of the race.
    pub(super) cost: Option<LogEst>,
    /// ORDER BY terms the loop delivers in order (all of them, or none
    /// asked, when no sort follows).
    pub(super) ordered: usize,
}

impl Verdict {
    pub(super) fn sorted(&self, order_terms: usize) -> bool {
        self.ordered >= order_terms
    }
}

pub(super) struct Solver<'a, 'q> {
    pub(super) query: &'a Query<'q>,
    pub(super) table: &'a TableStat<'a>,
    pub(super) terms: &'a [Term],
    pub(super) not_null: &'a [bool],
}

/// The best path so far: `(rCost, nRow, rUnsort)` and its loop.
#[derive(Clone, Copy)]
struct Best {
    cost: LogEst,
    rows: LogEst,
    unsorted: LogEst,
    at: usize,
}

impl Solver<'_, '_> {
    pub(super) fn order_terms(&self) -> usize {
        self.query.order.as_ref().map_or(0, Vec::len)
    }

    /// The loop SQLite runs, and every loop's verdict.
    pub(super) fn solve(&self, loops: &[WhereLoop]) -> (usize, Vec<Verdict>) {
        let unordered: Vec<Verdict> = loops
            .iter()
            .map(|lp| Verdict {
                cost: Some(add(lp.r_run, 0)),
                ordered: 0,
            })
            .collect();
        let first = self.pass(loops, &unordered, 0, 0);
        let n_order_by = self.order_terms();
        if n_order_by == 0 && self.query.order.is_some() {
            return (first, unordered);
        }
        let n_row_est = loops[first].n_out.max(0) + 1;
        let heuristic = loops[first].equality;
        let verdicts: Vec<Verdict> = loops
            .iter()
            .map(|lp| {
                let ordered = self.order_satisfied(lp);
                let disabled = heuristic && !lp.constrained();
                Verdict {
                    cost: (!disabled).then_some(0),
                    ordered,
                }
            })
            .collect();
        let n_order_by = n_order_by.max(1);
        let best = self.pass(loops, &verdicts, n_order_by, n_row_est);
        let priced = loops
            .iter()
            .zip(&verdicts)
            .map(|(lp, v)| Verdict {
                cost: v
                    .cost
                    .map(|_| self.path_cost(lp, v.ordered, n_order_by, n_row_est).0),
                ..*v
            })
            .collect();
        (best, priced)
    }

    /// `(rCost, rUnsort)` of one loop: its run cost, plus the sort when it
    /// does not deliver the order (and a small penalty for sorting).
    fn path_cost(
        &self,
        lp: &WhereLoop,
        ordered: usize,
        n_order_by: usize,
        n_row_est: LogEst,
    ) -> (LogEst, LogEst) {
        let unsorted = add(lp.r_run, 0);
        if ordered < n_order_by {
            let sort = self.sorting_cost(n_row_est, n_order_by, ordered);
            (add(unsorted, sort) + 3, unsorted)
        } else {
            (unsorted, unsorted - 2)
        }
    }

    /// One solver pass over the loops still allowed, in list order: a loop
    /// replaces the best only if strictly better on (cost, rows, unsorted
    /// cost), or equal and read through a narrower index.
    fn pass(
        &self,
        loops: &[WhereLoop],
        verdicts: &[Verdict],
        n_order_by: usize,
        n_row_est: LogEst,
    ) -> usize {
        let mut best: Option<Best> = None;
        for (at, (lp, verdict)) in loops.iter().zip(verdicts).enumerate() {
            if verdict.cost.is_none() {
                continue;
            }
            let (cost, unsorted) = self.path_cost(lp, verdict.ordered, n_order_by, n_row_est);
            let candidate = Best {
                cost,
                rows: lp.n_out,
                unsorted,
                at,
            };
            let keep = best.is_some_and(|b| {
                (b.cost, b.rows, b.unsorted) < (cost, lp.n_out, unsorted)
                    || ((b.cost, b.rows, b.unsorted) == (cost, lp.n_out, unsorted)
                        && self.no_better(lp, &loops[b.at]))
            });
            if !keep {
                best = Some(candidate);
            }
        }
        best.map_or(0, |b| b.at)
    }

    /// `whereLoopIsNoBetter`: on a full tie, a narrower index wins.
    fn no_better(&self, candidate: &WhereLoop, baseline: &WhereLoop) -> bool {
        if !candidate.indexed || !baseline.indexed {
            return true;
        }
        let size = |lp: &WhereLoop| lp.probe.map(|p| self.table.probes[p].size);
        size(candidate) >= size(baseline)
    }

    /// `whereSortingCost`: N·log N with SQLite's constants, less when the
    /// leading terms are in order already, log(LIMIT) when a LIMIT stops
    /// the sort early (at twice the price for the bookkeeping).
    fn sorting_cost(&self, n_row: LogEst, n_order_by: usize, n_sorted: usize) -> LogEst {
        let n_expr = self
            .query
            .needed
            .map_or(self.query.column_names.len(), |n| n.len().max(1));
        let mut cost = n_row + logest::from_int(((n_expr + 59) / 30) as u64);
        if n_sorted > 0 {
            cost += logest::from_int(((n_order_by - n_sorted) * 100 / n_order_by) as u64) - 66;
        }
        let mut n_row = n_row;
        if let Some(limit) = self.query.limit {
            cost += 10;
            if n_sorted > 0 {
                cost += 6;
            }
            n_row = n_row.min(logest::from_int(limit));
        }
        cost + est_log(n_row)
    }

    /// `wherePathSatisfiesOrderBy` for a single table: how many leading
    /// ORDER BY terms the loop delivers (forwards or backwards).
    fn order_satisfied(&self, lp: &WhereLoop) -> usize {
        let Some(order) = &self.query.order else {
            return 0;
        };
        let n = order.len();
        let mut satisfied: Vec<bool> = order
            .iter()
            .map(|(column, _)| {
                self.terms
                    .iter()
                    .any(|t| t.column == *column && matches!(t.op, Op::Eq | Op::IsNull))
            })
            .collect();
        let Some(p) = lp.probe else {
            return 0;
        };
        let probe = &self.table.probes[p];
        let rowid = |c: usize| self.table.rowid_alias && Some(c) == self.query.primary_key;
        let key_columns = if probe.is_rowid() {
            0
        } else {
            probe.columns.len()
        };
        // The index's columns, then the rowid every entry ends with.
        let columns: Vec<(Option<usize>, bool)> = if probe.is_rowid() {
            vec![(None, false)]
        } else {
            probe
                .columns
                .iter()
                .zip(&probe.desc)
                .map(|(&c, &d)| ((!rowid(c)).then_some(c), d))
                .chain([(None, false)])
                .collect()
        };
        let mut distinct = probe.is_rowid();
        let mut distinct_columns = false;
        let mut reverse: Option<bool> = None;
        for (j, &(column, desc)) in columns.iter().enumerate() {
            if j < lp.n_eq && j >= lp.n_skip {
                if let Some(t) = lp.terms[j] {
                    match self.terms[t].op {
                        Op::Eq => continue,
                        Op::IsNull => {
                            distinct = false;
                            continue;
                        }
                        _ => {}
                    }
                }
            }
            if distinct && column.is_some_and(|c| j >= lp.n_eq && !self.not_null[c]) {
                distinct = false;
            }
            let next = satisfied.iter().position(|s| !s);
            let mut matched = next.is_some_and(|i| match column {
                Some(c) => order[i].0 == c,
                None => rowid(order[i].0),
            });
            if let (true, Some(i)) = (matched, next) {
                let wants_desc = !order[i].1;
                match reverse {
                    Some(r) if (r ^ desc) != wants_desc => matched = false,
                    Some(_) => {}
                    None => reverse = Some(desc ^ wants_desc),
                }
            }
            match (matched, next) {
                (true, Some(i)) => {
                    distinct_columns |= column.is_none();
                    satisfied[i] = true;
                }
                _ => {
                    if j == 0 || j < key_columns {
                        distinct = false;
                    }
                    break;
                }
            }
        }
        if distinct || distinct_columns {
            return n;
        }
        satisfied.iter().take_while(|s| **s).count()
    }
}
