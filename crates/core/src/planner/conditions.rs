//! WHERE clauses read as conjuncts on one table's columns: which ones an
//! index can apply (equality, IN, IS NULL, ranges on literals) and the SQL
//! text the plan shows for each.
use gluesql_core::ast::{BinaryOperator, DataType, Literal, ToSql};
use gluesql_core::data::{Schema, Value};
use gluesql_core::plan::ExprPlan;

use crate::storage::access::RangeBound;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Condition {
    /// `=`, `IN (...)` or `IS NULL` (a single NULL value).
    Eq(Vec<Value>),
    Range {
        lower: Option<RangeBound>,
        upper: Option<RangeBound>,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct Conjunct {
    /// The column and what the conjunct asks of it, when an index can help.
    pub(crate) usable: Option<(usize, Condition)>,
    /// For `a OR b OR …` whose every side an index could apply: each
    /// side's column and condition (SQLite's multi-index OR reads them).
    pub(crate) any_of: Vec<(usize, Condition)>,
    pub(crate) text: String,
}

/// The table a condition may name, as `alias.column` or just `column`.
pub(crate) struct Scope<'a> {
    pub(crate) schema: &'a Schema,
    pub(crate) alias: &'a str,
}

impl Scope<'_> {
    pub(crate) fn column(&self, expr: &ExprPlan) -> Option<usize> {
        let name = match expr {
            ExprPlan::Identifier(name) => name,
            ExprPlan::CompoundIdentifier { alias, ident } if alias == self.alias => ident,
            ExprPlan::Nested(inner) => return self.column(inner),
            _ => return None,
        };
        self.schema
            .column_defs
            .as_ref()?
            .iter()
            .position(|c| &c.name == name)
    }

    pub(crate) fn data_type(&self, column: usize) -> Option<&DataType> {
        Some(&self.schema.column_defs.as_ref()?.get(column)?.data_type)
    }

    /// A literal as a value of the column's type, only when the conversion
    /// is exact (a seek on a rounded bound could miss rows).
    pub(crate) fn literal(&self, expr: &ExprPlan, column: usize) -> Option<Value> {
        let data_type = self.data_type(column)?;
        let value = match expr {
            ExprPlan::Value(value) => value.clone(),
            ExprPlan::Literal(Literal::QuotedString(s)) => Value::Str(s.clone()),
            ExprPlan::Literal(Literal::Number(n)) => Value::I64(n.to_string().parse().ok()?),
            ExprPlan::TypedString { data_type, value } => {
                Value::Str(value.clone()).cast(data_type).ok()?
            }
            ExprPlan::Nested(inner) => return self.literal(inner, column),
            _ => return None,
        };
        if matches!(value, Value::Null) {
            return None;
        }
        let cast = value.cast(data_type).ok()?;
        let exact = match (&value, &cast) {
            (Value::Str(_), Value::Str(_)) => true,
            (Value::Str(_), Value::Timestamp(_) | Value::Date(_)) => true,
            (Value::Str(_), _) => false,
            (original, cast) => cast.cast(&original.get_type()?).ok().as_ref() == Some(original),
        };
        (exact && cast.get_type().as_ref() == Some(data_type)).then_some(cast)
    }
}

/// `a AND b AND c` as `[a, b, c]`.
pub(crate) fn conjuncts(expr: &ExprPlan) -> Vec<&ExprPlan> {
    match expr {
        ExprPlan::BinaryOp {
            left,
            op: BinaryOperator::And,
            right,
        } => {
            let mut all = conjuncts(left);
            all.extend(conjuncts(right));
            all
        }
        ExprPlan::Nested(inner) => conjuncts(inner),
        other => vec![other],
    }
}

fn bound(value: Value, inclusive: bool) -> Option<RangeBound> {
    Some(RangeBound { value, inclusive })
}

pub(crate) fn analyze(scope: &Scope, expr: &ExprPlan) -> Conjunct {
    let any_of = disjuncts(expr)
        .into_iter()
        .map(|side| usable(scope, side))
        .collect::<Option<Vec<_>>>()
        .filter(|sides| sides.len() > 1)
        .unwrap_or_default();
    Conjunct {
        usable: usable(scope, expr).or_else(|| same_column_in(&any_of)),
        any_of,
        text: render(expr),
    }
}

/// `a OR b OR c` as `[a, b, c]`.
fn disjuncts(expr: &ExprPlan) -> Vec<&ExprPlan> {
    match expr {
        ExprPlan::BinaryOp {
            left,
            op: BinaryOperator::Or,
            right,
        } => {
            let mut all = disjuncts(left);
            all.extend(disjuncts(right));
            all
        }
        ExprPlan::Nested(inner) => disjuncts(inner),
        other => vec![other],
    }
}

/// `x = 1 OR x = 2 OR x IN (3, 4)` is `x IN (1, 2, 3, 4)`, as SQLite and
/// PostgreSQL read it; NULL sides (`x IS NULL OR …`) are left as they are.
fn same_column_in(sides: &[(usize, Condition)]) -> Option<(usize, Condition)> {
    let (column, _) = sides.first()?;
    let mut values = Vec::new();
    for (side_column, condition) in sides {
        match condition {
            Condition::Eq(side) if side_column == column && !side.contains(&Value::Null) => {
                values.extend(side.iter().cloned())
            }
            _ => return None,
        }
    }
    Some((*column, Condition::Eq(values)))
}

fn usable(scope: &Scope, expr: &ExprPlan) -> Option<(usize, Condition)> {
    match expr {
        ExprPlan::BinaryOp { left, op, right } => {
            // `column op literal`, or `literal op column` read backwards.
            let (column, value, op) = match (scope.column(left), scope.column(right)) {
                (Some(c), None) => (c, scope.literal(right, c)?, op.clone()),
                (None, Some(c)) => (c, scope.literal(left, c)?, flip(op)?),
                _ => return None,
            };
            let condition = match op {
                BinaryOperator::Eq => Condition::Eq(vec![value]),
                BinaryOperator::Lt => Condition::Range {
                    lower: None,
                    upper: bound(value, false),
                },
                BinaryOperator::LtEq => Condition::Range {
                    lower: None,
                    upper: bound(value, true),
                },
                BinaryOperator::Gt => Condition::Range {
                    lower: bound(value, false),
                    upper: None,
                },
                BinaryOperator::GtEq => Condition::Range {
                    lower: bound(value, true),
                    upper: None,
                },
                _ => return None,
            };
            Some((column, condition))
        }
        ExprPlan::InList {
            expr,
            list,
            negated: false,
        } => {
            let column = scope.column(expr)?;
            let values = list
                .iter()
                .map(|item| scope.literal(item, column))
                .collect::<Option<Vec<_>>>()?;
            (!values.is_empty()).then_some((column, Condition::Eq(values)))
        }
        ExprPlan::IsNull(inner) => Some((scope.column(inner)?, Condition::Eq(vec![Value::Null]))),
        ExprPlan::Between {
            expr,
            negated: false,
            low,
            high,
        } => {
            let column = scope.column(expr)?;
            Some((
                column,
                Condition::Range {
                    lower: bound(scope.literal(low, column)?, true),
                    upper: bound(scope.literal(high, column)?, true),
                },
            ))
        }
        // A bare boolean column: `WHERE enabled`.
        ExprPlan::Identifier(_) | ExprPlan::CompoundIdentifier { .. } => {
            let column = scope.column(expr)?;
            (scope.data_type(column) == Some(&DataType::Boolean))
                .then(|| (column, Condition::Eq(vec![Value::Bool(true)])))
        }
        ExprPlan::Nested(inner) => usable(scope, inner),
        _ => None,
    }
}

/// `a op b` as `b op' a`.
pub(crate) fn flip(op: &BinaryOperator) -> Option<BinaryOperator> {
    Some(match op {
        BinaryOperator::Eq => BinaryOperator::Eq,
        BinaryOperator::NotEq => BinaryOperator::NotEq,
        BinaryOperator::Lt => BinaryOperator::Gt,
        BinaryOperator::LtEq => BinaryOperator::GtEq,
        BinaryOperator::Gt => BinaryOperator::Lt,
        BinaryOperator::GtEq => BinaryOperator::LtEq,
        _ => return None,
    })
}

/// A value as SQL text.
pub(crate) fn value_sql(value: &Value) -> String {
    match value {
        Value::Null => "NULL".to_owned(),
        Value::Bool(true) => "TRUE".to_owned(),
        Value::Bool(false) => "FALSE".to_owned(),
        Value::Str(s) => format!("'{}'", s.replace('\'', "''")),
        Value::Timestamp(t) => format!("'{}'", t.format("%Y-%m-%d %H:%M:%S")),
        other => String::from(other.clone()),
    }
}

/// The expressions a WHERE clause usually holds, as SQL text.
pub(crate) fn render(expr: &ExprPlan) -> String {
    match expr {
        ExprPlan::Identifier(name) => name.clone(),
        ExprPlan::CompoundIdentifier { alias, ident } => format!("{alias}.{ident}"),
        ExprPlan::Value(value) => value_sql(value),
        ExprPlan::Literal(literal) => literal.to_sql(),
        ExprPlan::TypedString { data_type, value } => format!("{data_type} '{value}'"),
        ExprPlan::Nested(inner) => format!("({})", render(inner)),
        ExprPlan::BinaryOp { left, op, right } => {
            format!("{} {} {}", render(left), op.to_sql(), render(right))
        }
        ExprPlan::IsNull(inner) => format!("{} IS NULL", render(inner)),
        ExprPlan::IsNotNull(inner) => format!("{} IS NOT NULL", render(inner)),
        ExprPlan::InList {
            expr,
            list,
            negated,
        } => format!(
            "{}{} IN ({})",
            render(expr),
            if *negated { " NOT" } else { "" },
            list.iter().map(render).collect::<Vec<_>>().join(", ")
        ),
        ExprPlan::Between {
            expr,
            negated,
            low,
            high,
        } => format!(
            "{}{} BETWEEN {} AND {}",
            render(expr),
            if *negated { " NOT" } else { "" },
            render(low),
            render(high)
        ),
        ExprPlan::Like {
            expr,
            negated,
            pattern,
        } => format!(
            "{}{} LIKE {}",
            render(expr),
            if *negated { " NOT" } else { "" },
            render(pattern)
        ),
        ExprPlan::UnaryOp { op, expr } => format!("{}{}", op.to_sql(), render(expr)),
        ExprPlan::Subquery(_) | ExprPlan::InSubquery { .. } | ExprPlan::Exists { .. } => {
            "(subquery condition)".to_owned()
        }
        _ => "(expression)".to_owned(),
    }
}
