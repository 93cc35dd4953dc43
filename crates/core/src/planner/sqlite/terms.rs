//! The WHERE clause as SQLite's planner splits it into terms: `x = v`,
//! `x IS NULL`, `x IN (…)`, and each side of a range (BETWEEN gives two).
use gluesql_core::data::Value;

use crate::planner::conditions::{Condition, Conjunct};
use crate::storage::access::RangeBound;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Op {
    Eq,
    IsNull,
    /// `IN` with this many values.
    In(usize),
    /// `>` or `>=`.
    Lower,
    /// `<` or `<=`.
    Upper,
}

#[derive(Clone, Debug)]
pub(super) struct Term {
    /// The conjunct it comes from (a BETWEEN is one conjunct, two terms).
    pub(super) conjunct: usize,
    pub(super) column: usize,
    pub(super) op: Op,
    /// The values an equality or IN asks for (`[NULL]` for IS NULL).
    pub(super) values: Vec<Value>,
    pub(super) bound: Option<RangeBound>,
}

/// The terms of the conjuncts an index can apply, in clause order.
pub(super) fn of(conjuncts: &[Conjunct]) -> Vec<Term> {
    let mut terms = Vec::new();
    for (conjunct, c) in conjuncts.iter().enumerate() {
        let Some((column, condition)) = &c.usable else {
            continue;
        };
        let term = |op, values, bound| Term {
            conjunct,
            column: *column,
            op,
            values,
            bound,
        };
        match condition {
            Condition::Eq(values) if values.as_slice() == [Value::Null] => {
                terms.push(term(Op::IsNull, values.clone(), None))
            }
            Condition::Eq(values) if values.len() == 1 => {
                terms.push(term(Op::Eq, values.clone(), None))
            }
            Condition::Eq(values) => terms.push(term(Op::In(values.len()), values.clone(), None)),
            Condition::Range { lower, upper } => {
                if let Some(lower) = lower {
                    terms.push(term(Op::Lower, Vec::new(), Some(lower.clone())));
                }
                if let Some(upper) = upper {
                    terms.push(term(Op::Upper, Vec::new(), Some(upper.clone())));
                }
            }
        }
    }
    terms
}

/// `x = value` (SQLite's `WO_EQ`): one value, not NULL.
pub(super) fn is_equality(conjunct: &Conjunct) -> bool {
    matches!(&conjunct.usable, Some((_, Condition::Eq(values)))
        if values.len() == 1 && values[0] != Value::Null)
}

/// The equality's value is the integer -1, 0 or 1, which SQLite takes
/// for a flag column's common value.
pub(super) fn is_small_integer(conjunct: &Conjunct) -> bool {
    let Some((_, Condition::Eq(values))) = &conjunct.usable else {
        return false;
    };
    let small = |n: i128| (-1..=1).contains(&n);
    match values.first() {
        Some(Value::I8(n)) => small(i128::from(*n)),
        Some(Value::I16(n)) => small(i128::from(*n)),
        Some(Value::I32(n)) => small(i128::from(*n)),
        Some(Value::I64(n)) => small(i128::from(*n)),
        Some(Value::U8(n)) => small(i128::from(*n)),
        Some(Value::U16(n)) => small(i128::from(*n)),
        Some(Value::U32(n)) => small(i128::from(*n)),
        Some(Value::U64(n)) => small(i128::from(*n)),
        _ => false,
    }
}
