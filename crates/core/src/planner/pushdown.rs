//! The part of a WHERE clause the storage can check on encoded rows before
//! decoding them (see `storage::filter`). Each top-level conjunct is
//! translated exactly or not at all: dropping an untranslatable conjunct of
//! an AND only lets more rows through to GlueSQL's own check, but inside OR
//! or NOT every part must be exact.
use gluesql_core::ast::{BinaryOperator, DataType, UnaryOperator};
use gluesql_core::data::Value;
use gluesql_core::plan::ExprPlan;

use super::conditions::{flip, render, Scope};
use crate::storage::access::RangeBound;
use crate::storage::filter::{CellPredicate, CellTest};

/// Column types whose cells order and compare as bytes exactly as their
/// values do (floats are left out: -0.0 and 0.0 are equal but encode apart).
fn byte_comparable(data_type: &DataType) -> bool {
    use DataType::*;
    matches!(
        data_type,
        Int8 | Int16
            | Int32
            | Int
            | Int128
            | Uint8
            | Uint16
            | Uint32
            | Uint64
            | Uint128
            | Text
            | Boolean
            | Timestamp
            | Date
            | Time
            | Uuid
    )
}

/// Nesting a pushed condition may have; a deeper one (many parenthesised
/// levels of alternating AND and OR) stays with GlueSQL.
const MAX_DEPTH: usize = 32;

/// Each conjunct the storage can check, with its SQL text.
pub(super) fn translatable(scope: &Scope, conjuncts: &[&ExprPlan]) -> Vec<(CellPredicate, String)> {
    conjuncts
        .iter()
        .filter_map(|c| Some((exact(scope, c)?, render(c))))
        .filter(|(test, _)| test.depth() <= MAX_DEPTH)
        .collect()
}

/// The conjunction of `tests`, or `None` when there is none.
pub(super) fn all_of(mut tests: Vec<CellPredicate>) -> Option<CellPredicate> {
    match tests.len() {
        0 => None,
        1 => tests.pop(),
        _ => Some(CellPredicate::And(tests)),
    }
}

fn column(scope: &Scope, expr: &ExprPlan) -> Option<usize> {
    let column = scope.column(expr)?;
    byte_comparable(scope.data_type(column)?).then_some(column)
}

fn test(column: usize, test: CellTest) -> CellPredicate {
    CellPredicate::Test { column, test }
}

fn not(inner: CellPredicate) -> CellPredicate {
    CellPredicate::Not(Box::new(inner))
}

fn range(column: usize, lower: Option<RangeBound>, upper: Option<RangeBound>) -> CellPredicate {
    test(column, CellTest::Range { lower, upper })
}

/// `expr` as a cell predicate with exactly its SQL meaning, or `None`.
fn exact(scope: &Scope, expr: &ExprPlan) -> Option<CellPredicate> {
    let bound = |value, inclusive| Some(RangeBound { value, inclusive });
    Some(match expr {
        ExprPlan::Nested(inner) => exact(scope, inner)?,
        ExprPlan::BinaryOp {
            left,
            op: op @ (BinaryOperator::And | BinaryOperator::Or),
            right,
        } => {
            // `a OR b OR c` as one OR of three, not a chain as deep as it is
            // long (the spec travels as JSON, whose reader nests 128 deep).
            let mut parts = Vec::new();
            for side in [left, right] {
                match (exact(scope, side)?, op) {
                    (CellPredicate::And(inner), BinaryOperator::And)
                    | (CellPredicate::Or(inner), BinaryOperator::Or) => parts.extend(inner),
                    (other, _) => parts.push(other),
                }
            }
            match op {
                BinaryOperator::And => CellPredicate::And(parts),
                _ => CellPredicate::Or(parts),
            }
        }
        ExprPlan::BinaryOp { left, op, right } => comparison(scope, left, op, right)?,
        ExprPlan::UnaryOp {
            op: UnaryOperator::Not,
            expr,
        } => not(exact(scope, expr)?),
        ExprPlan::InList {
            expr,
            list,
            negated,
        } => {
            let column = column(scope, expr)?;
            let values = list
                .iter()
                .map(|item| scope.literal(item, column))
                .collect::<Option<Vec<_>>>()?;
            let one_of = test(column, CellTest::OneOf(values));
            if *negated {
                not(one_of)
            } else {
                one_of
            }
        }
        ExprPlan::Between {
            expr,
            negated,
            low,
            high,
        } => {
            let column = column(scope, expr)?;
            let low = scope.literal(low, column)?;
            let high = scope.literal(high, column)?;
            let between = range(column, bound(low, true), bound(high, true));
            if *negated {
                not(between)
            } else {
                between
            }
        }
        ExprPlan::IsNull(inner) => test(column(scope, inner)?, CellTest::IsNull),
        ExprPlan::IsNotNull(inner) => not(test(column(scope, inner)?, CellTest::IsNull)),
        // A bare boolean column: `WHERE enabled`.
        ExprPlan::Identifier(_) | ExprPlan::CompoundIdentifier { .. } => {
            let column = column(scope, expr)?;
            (scope.data_type(column)? == &DataType::Boolean).then_some(())?;
            test(column, CellTest::OneOf(vec![Value::Bool(true)]))
        }
        _ => return None,
    })
}

/// `column op literal` or `literal op column`.
fn comparison(
    scope: &Scope,
    left: &ExprPlan,
    op: &BinaryOperator,
    right: &ExprPlan,
) -> Option<CellPredicate> {
    let (column, value, op) = match (column(scope, left), column(scope, right)) {
        (Some(c), None) => (c, scope.literal(right, c)?, op.clone()),
        (None, Some(c)) => (c, scope.literal(left, c)?, flip(op)?),
        _ => return None,
    };
    let bound = |inclusive| {
        Some(RangeBound {
            value: value.clone(),
            inclusive,
        })
    };
    Some(match op {
        BinaryOperator::Eq => test(column, CellTest::OneOf(vec![value.clone()])),
        BinaryOperator::NotEq => not(test(column, CellTest::OneOf(vec![value.clone()]))),
        BinaryOperator::Lt => range(column, None, bound(false)),
        BinaryOperator::LtEq => range(column, None, bound(true)),
        BinaryOperator::Gt => range(column, bound(false), None),
        BinaryOperator::GtEq => range(column, bound(true), None),
        _ => return None,
    })
}
