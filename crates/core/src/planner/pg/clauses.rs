//! A WHERE conjunct as the typed clause PostgreSQL's estimators read:
//! comparisons of a column with a constant, IN lists, IS [NOT] NULL, LIKE,
//! BETWEEN, boolean columns, and AND/OR/NOT of those; anything else is an
//! opaque expression priced with the planner's defaults.
use gluesql_core::ast::{BinaryOperator, DataType, UnaryOperator};
use gluesql_core::data::Value;
use gluesql_core::plan::ExprPlan;

use super::super::conditions::{flip, Scope};
use crate::pg15::selectivity::{Bound, Clause, Unknown};

pub(crate) fn clause(scope: &Scope, expr: &ExprPlan) -> Clause {
    match expr {
        ExprPlan::Nested(inner) => clause(scope, inner),
        ExprPlan::BinaryOp {
            left,
            op: BinaryOperator::And,
            right,
        } => Clause::And(vec![clause(scope, left), clause(scope, right)]),
        ExprPlan::BinaryOp {
            left,
            op: BinaryOperator::Or,
            right,
        } => Clause::Or(or_arms(scope, left, right)),
        ExprPlan::BinaryOp { left, op, right } => comparison(scope, left, op, right),
        ExprPlan::UnaryOp {
            op: UnaryOperator::Not,
            expr,
        } => Clause::Not(Box::new(clause(scope, expr))),
        ExprPlan::IsNull(inner) => scope
            .column(inner)
            .map_or(Clause::Opaque(Unknown::Other), Clause::IsNull),
        ExprPlan::IsNotNull(inner) => scope
            .column(inner)
            .map_or(Clause::Opaque(Unknown::Other), Clause::IsNotNull),
        ExprPlan::InList {
            expr,
            list,
            negated,
        } => in_list(scope, expr, list, *negated),
        ExprPlan::Between {
            expr,
            negated,
            low,
            high,
        } => between(scope, expr, low, high, *negated),
        ExprPlan::Like {
            expr,
            negated,
            pattern,
        } => like(scope, expr, pattern, *negated),
        ExprPlan::Identifier(_) | ExprPlan::CompoundIdentifier { .. } => match scope.column(expr) {
            Some(c) if scope.data_type(c) == Some(&DataType::Boolean) => Clause::Bool(c),
            _ => Clause::Opaque(Unknown::Other),
        },
        ExprPlan::Function(_) => Clause::Opaque(Unknown::FunctionCall),
        _ => Clause::Opaque(Unknown::Other),
    }
}

/// `a OR b OR c` as one list of arms.
fn or_arms(scope: &Scope, left: &ExprPlan, right: &ExprPlan) -> Vec<Clause> {
    [left, right]
        .into_iter()
        .flat_map(|side| match clause(scope, side) {
            Clause::Or(arms) => arms,
            other => vec![other],
        })
        .collect()
}

fn comparison(scope: &Scope, left: &ExprPlan, op: &BinaryOperator, right: &ExprPlan) -> Clause {
    let unknown = match op {
        BinaryOperator::Eq | BinaryOperator::NotEq => Unknown::Equality,
        BinaryOperator::Lt | BinaryOperator::LtEq | BinaryOperator::Gt | BinaryOperator::GtEq => {
            Unknown::Inequality
        }
        _ => Unknown::Other,
    };
    let read = match (scope.column(left), scope.column(right)) {
        (Some(c), None) => scope.literal(right, c).map(|v| (c, v, op.clone())),
        (None, Some(c)) => scope.literal(left, c).and_then(|v| Some((c, v, flip(op)?))),
        _ => None,
    };
    let Some((column, value, op)) = read else {
        return Clause::Opaque(unknown);
    };
    let bound = |inclusive| {
        Some(Bound {
            value: value.clone(),
            inclusive,
        })
    };
    match op {
        BinaryOperator::Eq => Clause::Eq { column, value },
        BinaryOperator::NotEq => Clause::NotEq { column, value },
        BinaryOperator::Lt => range(column, None, bound(false)),
        BinaryOperator::LtEq => range(column, None, bound(true)),
        BinaryOperator::Gt => range(column, bound(false), None),
        BinaryOperator::GtEq => range(column, bound(true), None),
        _ => Clause::Opaque(unknown),
    }
}

fn range(column: usize, lower: Option<Bound>, upper: Option<Bound>) -> Clause {
    Clause::Range {
        column,
        lower,
        upper,
    }
}

fn in_list(scope: &Scope, expr: &ExprPlan, list: &[ExprPlan], negated: bool) -> Clause {
    let values = scope.column(expr).and_then(|c| {
        let values = list
            .iter()
            .map(|item| scope.literal(item, c))
            .collect::<Option<Vec<Value>>>()?;
        Some((c, values))
    });
    let inner = match values {
        Some((column, mut values)) if values.len() == 1 => Clause::Eq {
            column,
            value: values.remove(0),
        },
        Some((column, values)) if !values.is_empty() => Clause::In { column, values },
        _ => Clause::Opaque(Unknown::Equality),
    };
    if negated {
        Clause::Not(Box::new(inner))
    } else {
        inner
    }
}

fn between(
    scope: &Scope,
    expr: &ExprPlan,
    low: &ExprPlan,
    high: &ExprPlan,
    negated: bool,
) -> Clause {
    let inner = scope
        .column(expr)
        .and_then(|c| {
            let bound = |e| {
                Some(Bound {
                    value: scope.literal(e, c)?,
                    inclusive: true,
                })
            };
            Some(range(c, Some(bound(low)?), Some(bound(high)?)))
        })
        .unwrap_or(Clause::Opaque(Unknown::Inequality));
    if negated {
        Clause::Not(Box::new(inner))
    } else {
        inner
    }
}

fn like(scope: &Scope, expr: &ExprPlan, pattern: &ExprPlan, negated: bool) -> Clause {
    let column = scope.column(expr);
    let text = match pattern {
        ExprPlan::Value(Value::Str(s)) => Some(s.clone()),
        ExprPlan::Literal(gluesql_core::ast::Literal::QuotedString(s)) => Some(s.clone()),
        _ => None,
    };
    match (column, text) {
        (Some(column), Some(pattern)) => Clause::Like {
            column,
            pattern,
            negated,
        },
        _ => Clause::Opaque(Unknown::Other),
    }
}
