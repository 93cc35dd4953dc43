//! Selectivity as PostgreSQL 15 estimates it for restriction clauses on one
//! table: `selfuncs.c` (`var_eq_const`, `scalarineqsel` with
//! `ineq_histogram_selectivity`, `scalararraysel`, `nulltestsel`,
//! `boolvarsel`, `patternsel`) and `clausesel.c`
//! (`clauselist_selectivity` with its pairing of range bounds).

use gluesql_core::data::Value;
use serde::{Deserialize, Serialize};

use super::analyze::{ColumnStats, Indexed, TableStats};
use super::types::{self, PgType};

/// `DEFAULT_EQ_SEL`.
pub const DEFAULT_EQ_SEL: f64 = 0.005;
/// `DEFAULT_INEQ_SEL`.
pub const DEFAULT_INEQ_SEL: f64 = 0.3333333333333333;
/// `DEFAULT_RANGE_INEQ_SEL`.
pub const DEFAULT_RANGE_INEQ_SEL: f64 = 0.005;
/// `DEFAULT_MATCH_SEL` (LIKE without statistics).
pub const DEFAULT_MATCH_SEL: f64 = 0.005;
/// `DEFAULT_UNK_SEL` (IS NULL without statistics).
pub const DEFAULT_UNK_SEL: f64 = 0.005;
/// `DEFAULT_NUM_DISTINCT`.
pub const DEFAULT_NUM_DISTINCT: f64 = 200.0;
/// `FIXED_CHAR_SEL`, `ANY_CHAR_SEL`, `FULL_WILDCARD_SEL` of `like_selectivity`.
const FIXED_CHAR_SEL: f64 = 0.20;
const ANY_CHAR_SEL: f64 = 0.9;
const FULL_WILDCARD_SEL: f64 = 5.0;

/// One bound of a range: `column > value` (exclusive) or `>=` (inclusive).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bound {
    pub value: Value,
    pub inclusive: bool,
}

/// What the planner assumes of a clause it cannot estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unknown {
    /// An equality the estimator cannot read (`DEFAULT_EQ_SEL`).
    Equality,
    /// An inequality the estimator cannot read (`DEFAULT_INEQ_SEL`).
    Inequality,
    /// A boolean function call (`boolvarsel`: 0.3333333).
    FunctionCall,
    /// Any other boolean expression (`boolvarsel`: 0.5).
    Other,
}

/// A restriction clause on one table, over column positions; constants are
/// of the column's type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Clause {
    /// `col = value`.
    Eq {
        column: usize,
        value: Value,
    },
    /// `col <> value`.
    NotEq {
        column: usize,
        value: Value,
    },
    /// `col IN (values)`: `col = ANY(ARRAY[…])` (a one-value list is `Eq`).
    In {
        column: usize,
        values: Vec<Value>,
    },
    /// `col > / >= lower` and/or `col < / <= upper` (BETWEEN: both
    /// inclusive); each bound is one operator clause.
    Range {
        column: usize,
        lower: Option<Bound>,
        upper: Option<Bound>,
    },
    IsNull(usize),
    IsNotNull(usize),
    /// `col LIKE pattern` (`negated`: NOT LIKE), `\` escapes.
    Like {
        column: usize,
        pattern: String,
        negated: bool,
    },
    /// A boolean column used as a condition (`WHERE flag`).
    Bool(usize),
    And(Vec<Clause>),
    Or(Vec<Clause>),
    Not(Box<Clause>),
    /// An expression no estimator reads.
    Opaque(Unknown),
}

/// An inequality operator of `scalarineqsel`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ineq {
    Lt,
    Le,
    Gt,
    Ge,
}

impl Ineq {
    fn is_gt(self) -> bool {
        matches!(self, Ineq::Gt | Ineq::Ge)
    }
    fn is_eq(self) -> bool {
        matches!(self, Ineq::Le | Ineq::Ge)
    }
    fn holds(self, left: &Value, right: &Value) -> bool {
        let o = types::compare(left, right);
        match self {
            Ineq::Lt => o.is_lt(),
            Ineq::Le => o.is_le(),
            Ineq::Gt => o.is_gt(),
            Ineq::Ge => o.is_ge(),
        }
    }
}

impl Bound {
    fn lower_op(&self) -> Ineq {
        if self.inclusive {
            Ineq::Ge
        } else {
            Ineq::Gt
        }
    }
    fn upper_op(&self) -> Ineq {
        if self.inclusive {
            Ineq::Le
        } else {
            Ineq::Lt
        }
    }
}

/// `CLAMP_PROBABILITY`.
pub fn clamp_probability(p: f64) -> f64 {
    p.clamp(0.0, 1.0)
}

/// `clamp_row_est`: at least one row, whole rows.
pub fn clamp_row_est(rows: f64) -> f64 {
    if rows.is_nan() || rows > 1e100 {
        1e100
    } else if rows <= 1.0 {
        1.0
    } else {
        rows.round_ties_even_compat()
    }
}

/// C's `rint` (round half to even).
trait RintCompat {
    fn round_ties_even_compat(self) -> f64;
}

impl RintCompat for f64 {
    fn round_ties_even_compat(self) -> f64 {
        let r = self.round();
        if (self - self.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
            r - self.signum()
        } else {
            r
        }
    }
}

/// C's `rint`.
pub fn rint(x: f64) -> f64 {
    x.round_ties_even_compat()
}

/// `get_variable_numdistinct`: the column's distinct values (a unique
/// index makes it `(1 − null_frac) × tuples`); `None` when it falls back to
/// `DEFAULT_NUM_DISTINCT` (PostgreSQL's `isdefault`).
pub fn numdistinct(col: &ColumnStats, tuples: f64) -> (f64, bool) {
    let (mut stadistinct, stanullfrac) = if col.analyzed {
        (col.n_distinct, col.null_frac)
    } else if col.ty == PgType::Bool {
        (2.0, 0.0)
    } else {
        (0.0, 0.0)
    };
    if col.indexed == Indexed::Unique {
        stadistinct = -(1.0 - stanullfrac);
    }
    if stadistinct > 0.0 {
        return (clamp_row_est(stadistinct), false);
    }
    if tuples <= 0.0 {
        return (DEFAULT_NUM_DISTINCT, true);
    }
    if stadistinct < 0.0 {
        return (clamp_row_est(-stadistinct * tuples), false);
    }
    if tuples < DEFAULT_NUM_DISTINCT {
        return (clamp_row_est(tuples), false);
    }
    (DEFAULT_NUM_DISTINCT, true)
}

/// `var_eq_const`: `col = value` (`negate`: `col <> value`).
pub fn var_eq_const(col: &ColumnStats, tuples: f64, value: &Value, negate: bool) -> f64 {
    if matches!(value, Value::Null) {
        return 0.0;
    }
    let nullfrac = if col.analyzed { col.null_frac } else { 0.0 };
    let selec = if col.indexed == Indexed::Unique && tuples >= 1.0 {
        1.0 / tuples
    } else if col.analyzed {
        eq_with_stats(col, tuples, value)
    } else {
        1.0 / numdistinct(col, tuples).0
    };
    let selec = if negate {
        1.0 - selec - nullfrac
    } else {
        selec
    };
    clamp_probability(selec)
}

/// The MCV or "other values" estimate of `var_eq_const` with statistics.
fn eq_with_stats(col: &ColumnStats, tuples: f64, value: &Value) -> f64 {
    if let Some((_, freq)) = col.mcv.iter().find(|(v, _)| types::equal(v, value)) {
        return *freq;
    }
    let sumcommon: f64 = col.mcv.iter().map(|(_, f)| f).sum();
    let mut selec = clamp_probability(1.0 - sumcommon - col.null_frac);
    let otherdistinct = numdistinct(col, tuples).0 - col.mcv.len() as f64;
    if otherdistinct > 1.0 {
        selec /= otherdistinct;
    }
    if let Some((_, least)) = col.mcv.last() {
        if selec > *least {
            selec = *least;
        }
    }
    selec
}

/// `mcv_selectivity`: the frequency of the MCVs that pass `test`, and of all.
fn mcv_selectivity(col: &ColumnStats, test: impl Fn(&Value) -> bool) -> (f64, f64) {
    let mut matched = 0.0;
    let mut sumcommon = 0.0;
    for (value, freq) in &col.mcv {
        if test(value) {
            matched += freq;
        }
        sumcommon += freq;
    }
    (matched, sumcommon)
}

/// `scalarineqsel`: `col op value`.
pub fn scalarineqsel(col: &ColumnStats, tuples: f64, op: Ineq, value: &Value) -> f64 {
    if matches!(value, Value::Null) {
        return 0.0;
    }
    if !col.analyzed {
        return DEFAULT_INEQ_SEL;
    }
    let (mcv_selec, sumcommon) = mcv_selectivity(col, |v| op.holds(v, value));
    let hist_selec = ineq_histogram_selectivity(col, tuples, op, value);
    let mut selec = 1.0 - col.null_frac - sumcommon;
    selec *= if hist_selec >= 0.0 { hist_selec } else { 0.5 };
    clamp_probability(selec + mcv_selec)
}

/// `ineq_histogram_selectivity`: the share of the histogram's population
/// with `col op value`, interpolating linearly inside the bin
/// (`convert_to_scalar`); -1 without a histogram of two bounds or more.
/// The end bounds are replaced by the column's actual min/max when a
/// btree index leads with it and the search touches them
/// (`get_actual_variable_range`).
pub fn ineq_histogram_selectivity(col: &ColumnStats, tuples: f64, op: Ineq, value: &Value) -> f64 {
    let nvalues = col.histogram.len();
    if nvalues < 2 {
        return -1.0;
    }
    let mut hist: Vec<Value> = col.histogram.clone();
    let actual = match col.indexed {
        Indexed::No => None,
        Indexed::Leading | Indexed::Unique => col.actual_range.clone(),
    };
    let mut have_end = false;
    if nvalues == 2 {
        if let Some((lo, hi)) = &actual {
            hist[0] = lo.clone();
            hist[1] = hi.clone();
            have_end = true;
        }
    }
    let isgt = op.is_gt();
    let (mut lobound, mut hibound) = (0usize, nvalues);
    while lobound < hibound {
        let probe = (lobound + hibound) / 2;
        if nvalues > 2 && (probe == 0 || probe == nvalues - 1) {
            have_end = match &actual {
                Some((lo, hi)) => {
                    hist[probe] = if probe == 0 { lo.clone() } else { hi.clone() };
                    true
                }
                None => false,
            };
        }
        let mut ltcmp = op.holds(&hist[probe], value);
        if isgt {
            ltcmp = !ltcmp;
        }
        if ltcmp {
            lobound = probe + 1;
        } else {
            hibound = probe;
        }
    }
    let histfrac = if lobound == 0 {
        0.0
    } else if lobound >= nvalues {
        1.0
    } else {
        bin_fraction(col, tuples, op, value, &hist, lobound)
    };
    let mut hist_selec = if isgt { 1.0 - histfrac } else { histfrac };
    if have_end {
        hist_selec = clamp_probability(hist_selec);
    } else {
        let cutoff = 0.01 / (nvalues - 1) as f64;
        hist_selec = hist_selec.clamp(cutoff, 1.0 - cutoff);
    }
    hist_selec
}

/// The fraction of the histogram's population `<= value` when
/// `hist[i-1] <= value <= hist[i]`, with the first-bin and `<`/`>=`
/// corrections by the equality estimate.
fn bin_fraction(
    col: &ColumnStats,
    tuples: f64,
    op: Ineq,
    value: &Value,
    hist: &[Value],
    i: usize,
) -> f64 {
    let (isgt, iseq) = (op.is_gt(), op.is_eq());
    let mut eq_selec = 0.0;
    if i == 1 || isgt == iseq {
        let otherdistinct = numdistinct(col, tuples).0 - col.mcv.len() as f64;
        if otherdistinct > 1.0 {
            eq_selec = 1.0 / otherdistinct;
        }
    }
    let binfrac = match convert_to_scalar(value, &hist[i - 1], &hist[i]) {
        Some((val, low, high)) => {
            if high <= low {
                0.5
            } else if val <= low {
                0.0
            } else if val >= high {
                1.0
            } else {
                let f = (val - low) / (high - low);
                if f.is_nan() || !(0.0..=1.0).contains(&f) {
                    0.5
                } else {
                    f
                }
            }
        }
        None => 0.5,
    };
    let mut histfrac = ((i - 1) as f64 + binfrac) / (hist.len() - 1) as f64;
    if i == 1 {
        histfrac += eq_selec * (1.0 - binfrac);
    }
    if isgt == iseq {
        histfrac -= eq_selec;
    }
    histfrac
}

/// `convert_to_scalar`: the value and the bin's bounds on one numeric
/// scale: numbers and times as numbers, strings by
/// `convert_string_to_scalar` (C collation).
fn convert_to_scalar(value: &Value, lo: &Value, hi: &Value) -> Option<(f64, f64, f64)> {
    if let (Value::Str(v), Value::Str(l), Value::Str(h)) = (value, lo, hi) {
        return Some(convert_string_to_scalar(
            v.as_bytes(),
            l.as_bytes(),
            h.as_bytes(),
        ));
    }
    Some((
        types::numeric_scalar(value)?,
        types::numeric_scalar(lo)?,
        types::numeric_scalar(hi)?,
    ))
}

/// `convert_string_to_scalar`: the byte range the three strings use
/// (widened to whole letter and digit ranges, at least ' '..127 when
/// narrow), the common prefix stripped, then each as a base-(range) fraction.
pub fn convert_string_to_scalar(value: &[u8], lo: &[u8], hi: &[u8]) -> (f64, f64, f64) {
    let first = hi.first().copied().unwrap_or(0) as i32;
    let (mut rangelo, mut rangehi) = (first, first);
    for &c in lo.iter().chain(hi) {
        rangelo = rangelo.min(c as i32);
        rangehi = rangehi.max(c as i32);
    }
    for (a, z) in [(b'A', b'Z'), (b'a', b'z'), (b'0', b'9')] {
        if rangelo <= z as i32 && rangehi >= a as i32 {
            rangelo = rangelo.min(a as i32);
            rangehi = rangehi.max(z as i32);
        }
    }
    if rangehi - rangelo < 9 {
        rangelo = b' ' as i32;
        rangehi = 127;
    }
    let mut strip = 0;
    while strip < lo.len()
        && strip < hi.len()
        && strip < value.len()
        && lo[strip] == hi[strip]
        && lo[strip] == value[strip]
    {
        strip += 1;
    }
    let one = |s: &[u8]| convert_one_string_to_scalar(&s[strip.min(s.len())..], rangelo, rangehi);
    (one(value), one(lo), one(hi))
}

fn convert_one_string_to_scalar(s: &[u8], rangelo: i32, rangehi: i32) -> f64 {
    let base = (rangehi - rangelo + 1) as f64;
    let mut num = 0.0;
    let mut denom = base;
    for &c in s.iter().take(12) {
        let ch = (c as i32).clamp(rangelo - 1, rangehi + 1);
        num += (ch - rangelo) as f64 / denom;
        denom *= base;
    }
    num
}

/// `scalararraysel` for `col = ANY(values)`: the sum of the equality
/// estimates when it stays within [0, 1] (distinct values are disjoint),
/// else `s1 + s2 − s1·s2` accumulated.
pub fn scalararraysel(col: &ColumnStats, tuples: f64, values: &[Value]) -> f64 {
    let mut s1 = 0.0;
    let mut disjoint = 0.0;
    for v in values {
        let s2 = var_eq_const(col, tuples, v, false);
        s1 = s1 + s2 - s1 * s2;
        disjoint += s2;
    }
    if (0.0..=1.0).contains(&disjoint) {
        s1 = disjoint;
    }
    clamp_probability(s1)
}

/// `nulltestsel`.
pub fn nulltestsel(col: &ColumnStats, is_null: bool) -> f64 {
    let selec = match (col.analyzed, is_null) {
        (true, true) => col.null_frac,
        (true, false) => 1.0 - col.null_frac,
        (false, true) => DEFAULT_UNK_SEL,
        (false, false) => 1.0 - DEFAULT_UNK_SEL,
    };
    clamp_probability(selec)
}

/// `boolvarsel`: a boolean column as `col = true`, 0.5 without statistics.
pub fn boolvarsel(col: &ColumnStats, tuples: f64) -> f64 {
    if col.analyzed {
        var_eq_const(col, tuples, &Value::Bool(true), false)
    } else {
        0.5
    }
}

/// `like_fixed_prefix`: the literal prefix up to the first wildcard and
/// whether the whole pattern is literal.
fn like_prefix(pattern: &str) -> (String, Option<usize>) {
    let bytes = pattern.as_bytes();
    let mut prefix = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' | b'_' => return (String::from_utf8_lossy(&prefix).into_owned(), Some(i)),
            b'\\' if i + 1 < bytes.len() => {
                prefix.push(bytes[i + 1]);
                i += 2;
            }
            b'\\' => break,
            c => {
                prefix.push(c);
                i += 1;
            }
        }
    }
    (String::from_utf8_lossy(&prefix).into_owned(), None)
}

/// `like_selectivity` of the pattern's rest after the prefix.
fn like_selectivity(rest: &[u8]) -> f64 {
    let mut sel = 1.0;
    let mut pos = rest
        .iter()
        .position(|&c| c != b'%' && c != b'_')
        .unwrap_or(rest.len());
    while pos < rest.len() {
        match rest[pos] {
            b'%' => sel *= FULL_WILDCARD_SEL,
            b'_' => sel *= ANY_CHAR_SEL,
            b'\\' => {
                pos += 1;
                if pos >= rest.len() {
                    break;
                }
                sel *= FIXED_CHAR_SEL;
            }
            _ => sel *= FIXED_CHAR_SEL,
        }
        pos += 1;
    }
    sel.min(1.0)
}

/// Whether `text` matches the LIKE `pattern` (`%`, `_`, `\` escapes).
pub fn like_matches(text: &str, pattern: &str) -> bool {
    fn go(t: &[char], p: &[char]) -> bool {
        match p.first() {
            None => t.is_empty(),
            Some('%') => (0..=t.len()).any(|k| go(&t[k..], &p[1..])),
            Some('_') => !t.is_empty() && go(&t[1..], &p[1..]),
            Some('\\') if p.len() > 1 => t.first() == Some(&p[1]) && go(&t[1..], &p[2..]),
            Some(c) => t.first() == Some(c) && go(&t[1..], &p[1..]),
        }
    }
    let t: Vec<char> = text.chars().collect();
    let p: Vec<char> = pattern.chars().collect();
    go(&t, &p)
}

/// `make_greater_string` in the C collation: the prefix with its last
/// character incremented (dropping characters that cannot be).
fn make_greater_string(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        let mut next = last as u32 + 1;
        while next <= 0x10FFFF {
            if let Some(c) = char::from_u32(next) {
                chars.push(c);
                return Some(chars.into_iter().collect());
            }
            next += 1;
        }
    }
    None
}

/// `prefix_selectivity`: `col >= prefix AND col < greater(prefix)` from
/// the histogram, at least the equality estimate of the prefix.
fn prefix_selectivity(col: &ColumnStats, tuples: f64, prefix: &str) -> f64 {
    let lower = Value::Str(prefix.to_owned());
    let mut prefixsel = ineq_histogram_selectivity(col, tuples, Ineq::Ge, &lower);
    if prefixsel < 0.0 {
        return DEFAULT_MATCH_SEL;
    }
    if let Some(greater) = make_greater_string(prefix) {
        let topsel = ineq_histogram_selectivity(col, tuples, Ineq::Lt, &Value::Str(greater));
        prefixsel = topsel + prefixsel - 1.0;
    }
    let eq_sel = var_eq_const(col, tuples, &lower, false);
    prefixsel.max(eq_sel)
}

/// `histogram_selectivity` of LIKE over the inner histogram bounds (when
/// at least 10), and the histogram's size.
fn like_histogram_selectivity(col: &ColumnStats, pattern: &str) -> (f64, usize) {
    let n = col.histogram.len();
    if !col.analyzed || n < 10 {
        return (-1.0, if col.analyzed { n } else { 0 });
    }
    let inner = &col.histogram[1..n - 1];
    let matched = inner
        .iter()
        .filter(|v| like_matches(&types::text_of(v), pattern))
        .count();
    (matched as f64 / inner.len() as f64, n)
}

/// `patternsel` for LIKE (`negated`: NOT LIKE).
pub fn likesel(col: &ColumnStats, tuples: f64, pattern: &str, negated: bool) -> f64 {
    let nullfrac = if col.analyzed { col.null_frac } else { 0.0 };
    let (prefix, wildcard_at) = like_prefix(pattern);
    let result = match wildcard_at {
        None => var_eq_const(col, tuples, &Value::Str(prefix), false),
        Some(at) => {
            let rest_selec = like_selectivity(&pattern.as_bytes()[at..]);
            let (mut selec, hist_size) = like_histogram_selectivity(col, pattern);
            if hist_size < 100 {
                let prefixsel = if prefix.is_empty() {
                    1.0
                } else {
                    prefix_selectivity(col, tuples, &prefix)
                };
                let heursel = prefixsel * rest_selec;
                selec = if selec < 0.0 {
                    heursel
                } else {
                    let weight = hist_size as f64 / 100.0;
                    selec * weight + heursel * (1.0 - weight)
                };
            }
            selec = selec.clamp(0.0001, 0.9999);
            let (mcv_selec, sumcommon) =
                mcv_selectivity(col, |v| like_matches(&types::text_of(v), pattern));
            selec *= 1.0 - nullfrac - sumcommon;
            selec + mcv_selec
        }
    };
    let result = if negated {
        1.0 - result - nullfrac
    } else {
        result
    };
    clamp_probability(result)
}

/// `clause_selectivity` of one clause.
pub fn clause_selectivity(stats: &TableStats, clause: &Clause) -> f64 {
    let tuples = stats.reltuples;
    let col = |c: usize| &stats.columns[c];
    match clause {
        Clause::Eq { column, value } => var_eq_const(col(*column), tuples, value, false),
        Clause::NotEq { column, value } => var_eq_const(col(*column), tuples, value, true),
        Clause::In { column, values } => scalararraysel(col(*column), tuples, values),
        Clause::Range { .. } => clauselist_selectivity(stats, std::slice::from_ref(clause)),
        Clause::IsNull(c) => nulltestsel(col(*c), true),
        Clause::IsNotNull(c) => nulltestsel(col(*c), false),
        Clause::Like {
            column,
            pattern,
            negated,
        } => likesel(col(*column), tuples, pattern, *negated),
        Clause::Bool(c) => boolvarsel(col(*c), tuples),
        Clause::And(list) => clauselist_selectivity(stats, list),
        Clause::Or(list) => list.iter().fold(0.0, |s1, c| {
            let s2 = clause_selectivity(stats, c);
            s1 + s2 - s1 * s2
        }),
        Clause::Not(inner) => 1.0 - clause_selectivity(stats, inner),
        Clause::Opaque(kind) => match kind {
            Unknown::Equality => DEFAULT_EQ_SEL,
            Unknown::Inequality => DEFAULT_INEQ_SEL,
            Unknown::FunctionCall => 0.3333333,
            Unknown::Other => 0.5,
        },
    }
}

/// One bound clause as `clauselist_selectivity` sees it.
struct BoundClause<'a> {
    column: usize,
    op: Ineq,
    value: &'a Value,
}

/// The operator clauses a clause list holds, each range bound apart.
fn flatten(clauses: &[Clause]) -> Vec<Result<BoundClause<'_>, &Clause>> {
    let mut out = Vec::new();
    for clause in clauses {
        match clause {
            Clause::Range {
                column,
                lower,
                upper,
            } => {
                if let Some(b) = lower {
                    out.push(Ok(BoundClause {
                        column: *column,
                        op: b.lower_op(),
                        value: &b.value,
                    }));
                }
                if let Some(b) = upper {
                    out.push(Ok(BoundClause {
                        column: *column,
                        op: b.upper_op(),
                        value: &b.value,
                    }));
                }
            }
            Clause::And(list) => out.extend(flatten(list)),
            other => out.push(Err(other)),
        }
    }
    out
}

/// `RangeQueryClause`: the lower and upper bound estimates of one column.
struct RangePair {
    column: usize,
    lobound: Option<f64>,
    hibound: Option<f64>,
}

/// `clauselist_selectivity`: clauses multiply as independent, except that
/// a lower and an upper bound on the same column pair up as
/// `hi + lo − 1` (plus the null fraction, counted out twice), the most
/// selective bound of each side kept (`addRangeClause`).
pub fn clauselist_selectivity(stats: &TableStats, clauses: &[Clause]) -> f64 {
    let items = flatten(clauses);
    if items.len() == 1 {
        return match &items[0] {
            Ok(b) => scalarineqsel(&stats.columns[b.column], stats.reltuples, b.op, b.value),
            Err(c) => clause_selectivity(stats, c),
        };
    }
    let mut s1 = 1.0;
    let mut pairs: Vec<RangePair> = Vec::new();
    for item in &items {
        match item {
            Err(c) => s1 *= clause_selectivity(stats, c),
            Ok(b) => {
                let s2 = scalarineqsel(&stats.columns[b.column], stats.reltuples, b.op, b.value);
                add_range_clause(&mut pairs, b.column, b.op.is_gt(), s2);
            }
        }
    }
    for pair in pairs {
        s1 *= match (pair.lobound, pair.hibound) {
            (Some(lo), Some(hi)) => range_pair(&stats.columns[pair.column], lo, hi),
            (Some(lo), None) => lo,
            (None, Some(hi)) => hi,
            (None, None) => 1.0,
        };
    }
    s1
}

fn add_range_clause(pairs: &mut Vec<RangePair>, column: usize, is_lower: bool, s2: f64) {
    let pair = match pairs.iter_mut().find(|p| p.column == column) {
        Some(p) => p,
        None => {
            pairs.push(RangePair {
                column,
                lobound: None,
                hibound: None,
            });
            pairs.last_mut().expect("just pushed")
        }
    };
    let side = if is_lower {
        &mut pair.lobound
    } else {
        &mut pair.hibound
    };
    *side = Some(side.map_or(s2, |old| old.min(s2)));
}

/// A matched pair of bounds.
fn range_pair(col: &ColumnStats, lo: f64, hi: f64) -> f64 {
    if hi == DEFAULT_INEQ_SEL || lo == DEFAULT_INEQ_SEL {
        return DEFAULT_RANGE_INEQ_SEL;
    }
    let s2 = hi + lo - 1.0 + nulltestsel(col, true);
    if s2 <= 0.0 {
        if s2 < -0.01 {
            DEFAULT_RANGE_INEQ_SEL
        } else {
            1.0e-10
        }
    } else {
        s2
    }
}

/// The rows a scan with these restriction clauses returns
/// (`set_baserel_size_estimates`): `clamp_row_est(tuples × selectivity)`.
pub fn rows(stats: &TableStats, clauses: &[Clause]) -> f64 {
    clamp_row_est(stats.reltuples * clauselist_selectivity(stats, clauses))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pg15::analyze::compute_scalar_stats;

    fn table(values: Vec<Value>, ty: PgType) -> TableStats {
        let refs: Vec<&Value> = values.iter().collect();
        let col = compute_scalar_stats(ty, &refs, values.len() as f64);
        TableStats {
            reltuples: values.len() as f64,
            relpages: 1.0,
            all_visible_frac: 0.0,
            columns: vec![col],
        }
    }

    #[test]
    fn equality_uses_mcv_and_other_values() {
        // 0 is half of the rows, 1..=500 once each... then twice.
        let mut vals: Vec<Value> = vec![Value::I64(0); 1000];
        vals.extend((1..=500).flat_map(|i| [Value::I64(i), Value::I64(i)]));
        let t = table(vals, PgType::Int4);
        let s = clause_selectivity(
            &t,
            &Clause::Eq {
                column: 0,
                value: Value::I64(0),
            },
        );
        assert!((s - 0.5).abs() < 1e-6);
        assert_eq!(
            clause_selectivity(
                &t,
                &Clause::Eq {
                    column: 0,
                    value: Value::Null
                }
            ),
            0.0
        );
    }

    #[test]
    fn ranges_pair_up() {
        let t = table((0..10_000).map(Value::I64).collect(), PgType::Int4);
        let r = Clause::Range {
            column: 0,
            lower: Some(Bound {
                value: Value::I64(1000),
                inclusive: true,
            }),
            upper: Some(Bound {
                value: Value::I64(2000),
                inclusive: false,
            }),
        };
        let s = clauselist_selectivity(&t, &[r]);
        assert!((s - 0.1).abs() < 0.001, "{s}");
        let unknown = Clause::Opaque(Unknown::Inequality);
        let s = clauselist_selectivity(&t, &[unknown.clone(), unknown]);
        assert!((s - DEFAULT_INEQ_SEL * DEFAULT_INEQ_SEL).abs() < 1e-12);
    }

    #[test]
    fn like_pieces() {
        assert_eq!(like_prefix("abc%"), ("abc".to_owned(), Some(3)));
        assert_eq!(like_prefix("abc"), ("abc".to_owned(), None));
        assert!((like_selectivity(b"%x%") - FIXED_CHAR_SEL * FULL_WILDCARD_SEL).abs() < 1e-12);
        assert!(like_matches("alert_rule", "alert\\_%"));
        assert!(!like_matches("alertxrule", "alert\\_%"));
        assert_eq!(make_greater_string("ab").as_deref(), Some("ac"));
    }

    #[test]
    fn string_scalar_scale() {
        let (v, lo, hi) = convert_string_to_scalar(b"m", b"a", b"z");
        assert!(lo < v && v < hi);
        assert_eq!(rint(2.5), 2.0);
        assert_eq!(clamp_row_est(0.2), 1.0);
        assert_eq!(clamp_row_est(10.5), 10.0);
    }
}
