//! SQLite's `WhereLoop`s for one table (where.c: `whereLoopAddBtree`,
//! `whereLoopAddBtreeIndex`, `whereRangeScanEst`, `whereLoopOutputAdjust`,
//! `whereLoopInsert` and its pruning, `whereLoopAddOr`): every way to read
//! the table through each b-tree, with SQLite's cost (`rRun`) and output
//! rows (`nOut`) as LogEsts, kept or pruned in SQLite's order.
//!
//! Where SQLite reads `sqlite_stat4` samples (equality and range estimates
//! on literal values) the model counts the entries in the index instead:
//! the samples approximate exactly that count.
use std::collections::BTreeSet;

use gluesql_core::data::Value;

use super::logest::{self, add, est_log, LogEst};
use super::stat::TableStat;
use super::terms::{Op, Term};
use crate::planner::query::{Query, MAX_COUNTED_SPANS};
use crate::storage::access::{AccessSpec, RangeBound};

/// One way to read the table, as SQLite's planner keeps it.
#[derive(Clone, Debug)]
pub(super) struct WhereLoop {
    /// The b-tree read (`TableStat::probes`); `None`: a multi-index OR.
    pub(super) probe: Option<usize>,
    pub(super) n_eq: usize,
    pub(super) n_skip: usize,
    /// Terms used, per index column then the range (`None`: a skipped column).
    pub(super) terms: Vec<Option<usize>>,
    /// The conjunct a multi-index OR reads.
    pub(super) or_conjunct: Option<usize>,
    pub(super) r_run: LogEst,
    pub(super) n_out: LogEst,
    pub(super) sort_idx: usize,
    /// `WHERE_INDEXED`: an index, not the rowid table.
    pub(super) indexed: bool,
    /// `WHERE_IDX_ONLY`: no table lookup.
    pub(super) index_only: bool,
    /// `WHERE_COLUMN_EQ | WHERE_COLUMN_NULL | WHERE_COLUMN_IN`.
    pub(super) equality: bool,
    /// A range bound on the column after the equalities.
    pub(super) range: bool,
    pub(super) skip_scan: bool,
}

impl WhereLoop {
    fn new(probe: usize, n_out: LogEst) -> Self {
        WhereLoop {
            probe: Some(probe),
            n_eq: 0,
            n_skip: 0,
            terms: Vec::new(),
            or_conjunct: None,
            r_run: 0,
            n_out,
            sort_idx: 0,
            indexed: false,
            index_only: false,
            equality: false,
            range: false,
            skip_scan: false,
        }
    }

    /// `WHERE_CONSTRAINT`: the loop seeks rather than reads everything.
    pub(super) fn constrained(&self) -> bool {
        self.equality || self.range
    }
}

/// The state `whereLoopAddBtreeIndex` carries down its recursion.
#[derive(Clone)]
struct Template {
    lp: WhereLoop,
    /// Equality values per seek column, to count entries with.
    eq: Vec<Vec<Value>>,
    lower: Option<usize>,
    /// The stat4 probe record is valid for every equality so far.
    record_valid: bool,
}

pub(super) struct Builder<'a, 'q> {
    pub(super) query: &'a Query<'q>,
    pub(super) table: &'a TableStat<'a>,
    pub(super) terms: Vec<Term>,
    /// `TERM_HIGHTRUTH`: stat4 found the equality true for half the rows.
    high_truth: Vec<bool>,
    not_null: Vec<bool>,
    pub(super) loops: Vec<WhereLoop>,
}

impl<'a, 'q> Builder<'a, 'q> {
    pub(super) fn new(query: &'a Query<'q>, table: &'a TableStat<'a>, not_null: Vec<bool>) -> Self {
        let terms = super::terms::of(query.conjuncts);
        let mut builder = Builder {
            query,
            table,
            high_truth: vec![false; query.conjuncts.len()],
            terms,
            not_null,
            loops: Vec::new(),
        };
        builder.high_truth = builder.find_high_truth();
        builder
    }

    /// Entries of the probe's index matching the equalities and bounds:
    /// what SQLite's stat4 samples estimate.
    fn count(
        &self,
        probe: usize,
        eq: &[Vec<Value>],
        lower: Option<&RangeBound>,
        upper: Option<&RangeBound>,
    ) -> Option<u64> {
        let index = self.table.probes[probe].index?;
        let spec = AccessSpec {
            index: index.def.name.clone(),
            eq: eq.to_vec(),
            lower: lower.cloned(),
            upper: upper.cloned(),
            ..AccessSpec::scan("", false)
        };
        index.count(&spec, MAX_COUNTED_SPANS).ok().flatten()
    }

    /// SQLite marks an equality on an index's first column "high truth"
    /// when stat4 says it holds for half the rows or more; such a term no
    /// longer caps the rows of loops that leave it as a filter. SQLite
    /// re-plans once it learns this; the model learns it first.
    fn find_high_truth(&self) -> Vec<bool> {
        let mut high = vec![false; self.query.conjuncts.len()];
        for term in &self.terms {
            if !matches!(term.op, Op::Eq | Op::In(_) | Op::IsNull) {
                continue;
            }
            for (p, probe) in self.table.probes.iter().enumerate() {
                if !probe.analyzed || probe.columns.first() != Some(&term.column) {
                    continue;
                }
                if let Some(count) = self.count(p, std::slice::from_ref(&term.values), None, None) {
                    if count > 0 && logest::from_int(count) + 10 > probe.row_est[0] {
                        high[term.conjunct] = true;
                    }
                }
            }
        }
        high
    }

    /// Every loop, in SQLite's order: the rowid table, then each index.
    pub(super) fn build(mut self) -> Vec<WhereLoop> {
        for p in 0..self.table.probes.len() {
            self.add_btree(p);
        }
        self.add_or();
        self.loops
    }

    fn might_help_order(&self, p: usize) -> bool {
        let probe = &self.table.probes[p];
        self.query.order.iter().flatten().any(|(column, _)| {
            Some(*column) == self.query.primary_key && self.table.rowid_alias
                || probe.columns.contains(column)
        })
    }

    /// `whereLoopAddBtree` for one probe: its full scan, then its seeks.
    fn add_btree(&mut self, p: usize) {
        let probe = &self.table.probes[p];
        let r_size = probe.row_est[0];
        let ordered = self.might_help_order(p);
        let sort_idx = if ordered { p + 1 } else { 0 };
        let mut lp = WhereLoop::new(p, r_size);
        if probe.is_rowid() {
            // TUNING: a full scan costs 3N, 2.75N with stat4 data.
            lp.sort_idx = sort_idx;
            lp.r_run = r_size + 16 - 2 * LogEst::from(self.table.has_samples());
            self.output_adjust(&mut lp, r_size);
            self.insert(lp.clone());
        } else {
            lp.indexed = true;
            lp.index_only = probe.covering;
            if ordered || (probe.covering && probe.size < self.table.size) {
                lp.sort_idx = sort_idx;
                lp.r_run = r_size + 1 + (15 * probe.size) / self.table.size;
                if !probe.covering {
                    lp.r_run = add(lp.r_run, self.lookups(p, r_size));
                }
                self.output_adjust(&mut lp, r_size);
                self.insert(lp.clone());
            }
        }
        lp.n_out = r_size;
        let template = Template {
            lp,
            eq: Vec::new(),
            lower: None,
            record_valid: true,
        };
        self.add_btree_index(p, &template, 0);
    }

    /// Table lookups of a full index scan: 3N, less for each leading
    /// conjunct the index's own columns answer.
    fn lookups(&self, p: usize, r_size: LogEst) -> LogEst {
        let probe = &self.table.probes[p];
        let mut n_lookup = r_size + 16;
        for conjunct in self.query.conjuncts {
            let columns: Vec<usize> = match (&conjunct.usable, conjunct.any_of.is_empty()) {
                (_, false) => conjunct.any_of.iter().map(|(c, _)| *c).collect(),
                (Some((c, _)), true) => vec![*c],
                (None, true) => break,
            };
            let held = |c: &usize| probe.columns.contains(c) || Some(*c) == self.query.primary_key;
            if !columns.iter().all(held) {
                break;
            }
            n_lookup -= 1;
            if super::terms::is_equality(conjunct) {
                n_lookup -= 19;
            }
        }
        n_lookup
    }

    /// `whereLoopAddBtreeIndex`: one more term on the next column of the
    /// probe, each tried in turn, then a skip-scan over that column.
    fn add_btree_index(&mut self, p: usize, base: &Template, n_in_mul: LogEst) {
        let probe = &self.table.probes[p];
        let n_eq = base.lp.n_eq;
        if n_eq < probe.seekable {
            let column = probe.columns[n_eq];
            for t in 0..self.terms.len() {
                let term = &self.terms[t];
                let allowed = match term.op {
                    Op::Upper => true,
                    _ if base.lower.is_some() => false,
                    Op::IsNull => !self.not_null[column],
                    _ => true,
                };
                if term.column == column && allowed {
                    self.add_term(p, base, t, n_in_mul);
                }
            }
        }
        self.add_skip_scan(p, base, n_in_mul);
    }

    fn add_term(&mut self, p: usize, base: &Template, t: usize, n_in_mul: LogEst) {
        let probe = &self.table.probes[p];
        let term = self.terms[t].clone();
        let r_size = probe.row_est[0];
        let r_log_size = est_log(r_size);
        let saved_n_out = base.lp.n_out;
        let mut next = base.clone();
        next.lp.terms.push(Some(t));
        let mut n_in = 0;
        if let Op::In(values) = term.op {
            n_in = logest::from_int(values as u64);
            if probe.analyzed && r_log_size >= 10 {
                // Scanning M rows beats K seeks when M*log(K) < K*log(N).
                let m = probe.row_est[base.lp.n_eq];
                let x = m + est_log(n_in) + 10 - (n_in + r_log_size);
                if x < 0 && n_in_mul >= 2 {
                    return;
                }
            }
        }
        let range = matches!(term.op, Op::Lower | Op::Upper);
        if range {
            next.lp.range = true;
            let lower = match term.op {
                Op::Lower => Some(t),
                _ => base.lower,
            };
            let upper = (term.op == Op::Upper).then_some(t);
            next.lp.n_out = self.range_estimate(p, base, lower, upper);
            next.lower = lower;
        } else {
            next.lp.equality = true;
            next.lp.n_eq += 1;
            next.lp.n_out = self.equality_estimate(p, base, &term, n_in, n_in_mul, &mut next);
            next.eq.push(term.values.clone());
        }
        let n_out = next.lp.n_out;
        let cost_index = if probe.is_rowid() {
            n_out + 16
        } else {
            n_out + 1 + (15 * probe.size) / self.table.size
        };
        let mut r_run = add(r_log_size, cost_index);
        if !probe.covering && !probe.is_rowid() {
            r_run = add(r_run, n_out + 16);
        }
        let mut inserted = next.lp.clone();
        inserted.r_run = r_run + n_in_mul + n_in;
        inserted.n_out = n_out + n_in_mul + n_in;
        self.output_adjust(&mut inserted, r_size);
        self.insert(inserted);
        next.lp.n_out = if range { saved_n_out } else { n_out };
        let has_top = term.op == Op::Upper;
        if !has_top && next.lp.n_eq < probe.columns.len() + 1 {
            self.add_btree_index(p, &next, n_in_mul + n_in);
        }
    }

    /// Rows per seek after one more equality (or IN, per value): counted
    /// (stat4) while every earlier column had one literal value, else
    /// stat1's average for the longer prefix.
    fn equality_estimate(
        &self,
        p: usize,
        base: &Template,
        term: &Term,
        n_in: LogEst,
        n_in_mul: LogEst,
        next: &mut Template,
    ) -> LogEst {
        let probe = &self.table.probes[p];
        let n_eq = base.lp.n_eq + 1;
        let saved = base.lp.n_out;
        if n_in_mul == 0 && probe.analyzed && base.record_valid {
            let mut eq = base.eq.clone();
            eq.push(term.values.clone());
            let rows = logest::to_int(probe.row_est[0]);
            if let Some(count) = self.count(p, &eq, None, None).filter(|&c| c > 0) {
                return logest::from_int(count.min(rows)).min(saved) - n_in;
            }
        } else {
            next.record_valid = false;
        }
        let mut n_out = saved + probe.row_est[n_eq] - probe.row_est[n_eq - 1];
        if term.op == Op::IsNull {
            // TUNING: IS NULL matches twice as many rows as `= ?`.
            n_out += 10;
        }
        n_out
    }

    /// `whereRangeScanEst`: rows per seek within the bounds, counted
    /// (stat4) when the equalities before it are literal values, else
    /// SQLite's fixed guess of a quarter per bound and 1/64 for both.
    fn range_estimate(
        &self,
        p: usize,
        base: &Template,
        lower: Option<usize>,
        upper: Option<usize>,
    ) -> LogEst {
        let probe = &self.table.probes[p];
        let mut n_out = base.lp.n_out;
        let bounds = LogEst::from(lower.is_some()) + LogEst::from(upper.is_some());
        if probe.analyzed && base.record_valid && base.lp.n_skip == 0 {
            let bound = |t: Option<usize>| t.and_then(|t| self.terms[t].bound.as_ref());
            if let Some(count) = self.count(p, &base.eq, bound(lower), bound(upper)) {
                let seeks: u64 = base.eq.iter().map(|v| v.len() as u64).product();
                let per_seek = count / seeks.max(1);
                let estimate = if per_seek > 0 {
                    logest::from_int(per_seek)
                } else {
                    10
                };
                return (n_out - bounds).min(estimate);
            }
        }
        let mut estimate = n_out - 20 * bounds;
        if bounds == 2 {
            estimate -= 20;
        }
        n_out -= bounds;
        n_out.min(estimate.max(10))
    }

    /// A skip-scan: the next column taken as "any value" when each of its
    /// values repeats at least 18 times.
    fn add_skip_scan(&mut self, p: usize, base: &Template, n_in_mul: LogEst) {
        let probe = &self.table.probes[p];
        let n_eq = base.lp.n_eq;
        if base.lp.n_skip != n_eq
            || n_eq + 1 >= probe.columns.len()
            || base.lp.terms.len() != n_eq
            || !probe.analyzed
            || probe.row_est[n_eq + 1] < 42
            || probe.is_rowid()
        {
            return;
        }
        let mut next = base.clone();
        next.lp.n_eq += 1;
        next.lp.n_skip += 1;
        next.lp.terms.push(None);
        next.lp.skip_scan = true;
        next.record_valid = false;
        let n_iter = probe.row_est[n_eq] - probe.row_est[n_eq + 1];
        next.lp.n_out -= n_iter;
        // TUNING: a 1.375 fudge factor makes skip-scan slightly less likely.
        self.add_btree_index(p, &next, n_iter + 5 + n_in_mul);
    }

    /// `whereLoopOutputAdjust`: each conjunct the loop leaves as a filter
    /// keeps 93.75% of the rows, and an `x = value` left over caps them at
    /// a quarter of the table (half for a value of -1, 0 or 1).
    fn output_adjust(&self, lp: &mut WhereLoop, n_row: LogEst) {
        let used: BTreeSet<usize> = lp
            .terms
            .iter()
            .flatten()
            .map(|&t| self.terms[t].conjunct)
            .chain(lp.or_conjunct)
            .collect();
        let mut reduce = 0;
        for (i, conjunct) in self.query.conjuncts.iter().enumerate() {
            if used.contains(&i) {
                continue;
            }
            lp.n_out -= 1;
            if super::terms::is_equality(conjunct) && !self.high_truth[i] {
                let k = if super::terms::is_small_integer(conjunct) {
                    10
                } else {
                    20
                };
                reduce = reduce.max(k);
            }
        }
        lp.n_out = lp.n_out.min(n_row - reduce);
    }

    /// `whereLoopInsert`: a loop no better than one already kept (same
    /// sort index, cost and rows no lower) is dropped; one at least as good
    /// takes the other's place.
    pub(super) fn insert(&mut self, mut template: WhereLoop) {
        self.adjust_cost(&mut template);
        let Some(at) = find_lesser(&self.loops, 0, &template) else {
            return;
        };
        if at == self.loops.len() {
            self.loops.push(template);
            return;
        }
        let mut from = at + 1;
        while let Some(worse) = find_lesser(&self.loops, from, &template) {
            if worse >= self.loops.len() {
                break;
            }
            self.loops.remove(worse);
            from = worse;
        }
        self.loops[at] = template;
    }

    /// `whereLoopAdjustCost`: a loop costs less than any loop whose terms
    /// are a proper subset of its own, and more than any of which it is one.
    fn adjust_cost(&self, template: &mut WhereLoop) {
        if !template.indexed {
            return;
        }
        for p in self.loops.iter().filter(|p| p.indexed) {
            if cheaper_proper_subset(p, template) {
                template.r_run = template.r_run.min(p.r_run);
                template.n_out = template.n_out.min(p.n_out - 1);
            } else if cheaper_proper_subset(template, p) {
                template.r_run = template.r_run.max(p.r_run);
                template.n_out = template.n_out.max(p.n_out + 1);
            }
        }
    }

    /// `whereLoopAddOr`: for `a OR b`, the cheapest seek for each side,
    /// costs and rows added, as one loop.
    fn add_or(&mut self) {
        for (i, conjunct) in self.query.conjuncts.iter().enumerate() {
            if conjunct.any_of.is_empty() {
                continue;
            }
            let mut total: Option<(LogEst, LogEst)> = None;
            for (column, condition) in &conjunct.any_of {
                let Some((r_run, n_out)) = self.best_single_seek(i, *column, condition) else {
                    total = None;
                    break;
                };
                total = Some(match total {
                    None => (r_run, n_out),
                    Some((r, n)) => (add(r, r_run), add(n, n_out)),
                });
            }
            if let Some((r_run, n_out)) = total {
                let mut lp = WhereLoop::new(0, n_out);
                lp.probe = None;
                lp.or_conjunct = Some(i);
                lp.r_run = r_run + 1;
                self.insert(lp);
            }
        }
    }

    /// The cheapest seek one side of an OR has on its own (a sub-planner
    /// whose WHERE clause is that side alone).
    fn best_single_seek(
        &self,
        conjunct: usize,
        column: usize,
        condition: &crate::planner::conditions::Condition,
    ) -> Option<(LogEst, LogEst)> {
        let side = [crate::planner::conditions::Conjunct {
            usable: Some((column, condition.clone())),
            any_of: Vec::new(),
            text: String::new(),
        }];
        let query = Query {
            rows: self.query.rows,
            column_names: self.query.column_names.clone(),
            primary_key: self.query.primary_key,
            conjuncts: &side,
            exprs: &[],
            scope: self.query.scope,
            order: None,
            limit: None,
            needed: self.query.needed,
        };
        let mut sub = Builder::new(&query, self.table, self.not_null.clone());
        sub.high_truth = vec![self.high_truth[conjunct]];
        for p in 0..self.table.probes.len() {
            let template = Template {
                lp: WhereLoop::new(p, self.table.probes[p].row_est[0]),
                eq: Vec::new(),
                lower: None,
                record_valid: true,
            };
            sub.add_btree_index(p, &template, 0);
        }
        sub.loops
            .iter()
            .filter(|lp| !lp.terms.is_empty())
            .map(|lp| (lp.r_run, lp.n_out))
            .reduce(|best, next| if next.0 < best.0 { next } else { best })
    }
}

/// `whereLoopFindLesser`: where `template` goes among `loops[from..]`:
/// `None` if a kept loop is at least as good, the position of one it beats,
/// or the end.
fn find_lesser(loops: &[WhereLoop], from: usize, template: &WhereLoop) -> Option<usize> {
    for (i, p) in loops.iter().enumerate().skip(from) {
        if p.sort_idx != template.sort_idx {
            continue;
        }
        if p.r_run <= template.r_run && p.n_out <= template.n_out {
            return None;
        }
        if p.r_run >= template.r_run && p.n_out >= template.n_out {
            return Some(i);
        }
    }
    Some(loops.len())
}

/// `whereLoopCheaperProperSubset`: `x` uses a proper subset of `y`'s terms
/// and costs no more.
fn cheaper_proper_subset(x: &WhereLoop, y: &WhereLoop) -> bool {
    if x.r_run > y.r_run && x.n_out > y.n_out {
        return false;
    }
    if x.n_eq < y.n_eq && x.probe == y.probe && x.n_skip == 0 && y.n_skip == 0 {
        return true;
    }
    if x.terms.len() - x.n_skip >= y.terms.len() - y.n_skip || y.n_skip > x.n_skip {
        return false;
    }
    let all_in_y = x
        .terms
        .iter()
        .flatten()
        .all(|t| y.terms.contains(&Some(*t)));
    // (2e): a covering subset of a non-covering loop is not cheaper.
    all_in_y && (!x.index_only || y.index_only)
}
