//! `FROM a, b WHERE …` as the inner join it means. GlueSQL's translator
//! takes one FROM item (with its JOINs) and refuses a list ("select on two
//! or more than tables are not supported"), and has no `CROSS JOIN`. The
//! list becomes `a JOIN b ON … JOIN c ON …`, left to right as SQLite reads
//! it, and `CROSS JOIN` a JOIN without a condition.
//!
//! A WHERE conjunct moves into the ON of the join that brings in the last
//! table it names, when every column in it is qualified by a table already
//! joined there: GlueSQL's hash join reads its key equality from ON only,
//! so `WHERE r.customer_id = p.customer_id` left in WHERE would be a cross
//! product filtered afterwards. For inner joins ON and WHERE keep the same
//! rows, so the result does not change; anything else (unqualified columns,
//! subqueries, a table's own filter) stays in WHERE.
//!
//! Subqueries are rewritten too, where GlueSQL can have them: derived tables,
//! `IN (…)`, `EXISTS (…)` and scalar subqueries inside the common
//! expressions. A comma join nested anywhere else still reaches GlueSQL's
//! error, which `crate::sql_error` words as "write JOIN … ON".
use std::collections::BTreeSet;

use gluesql_core::sqlparser::ast::{
    BinaryOperator, Expr, FunctionArg, FunctionArgExpr, FunctionArguments, Join, JoinConstraint,
    JoinOperator, Query, Select, SelectItem, SetExpr, Statement, TableFactor, TableWithJoins,
};

/// Rewrites every comma join and `CROSS JOIN` of `statement` in place.
pub(super) fn rewrite(statement: &mut Statement) {
    match statement {
        Statement::Query(query) => rewrite_query(query),
        Statement::Insert(insert) => {
            if let Some(source) = insert.source.as_mut() {
                rewrite_query(source);
            }
        }
        Statement::Update {
            assignments,
            selection,
            ..
        } => {
            for assignment in assignments {
                rewrite_expr(&mut assignment.value);
            }
            selection.iter_mut().for_each(rewrite_expr);
        }
        Statement::Delete(delete) => delete.selection.iter_mut().for_each(rewrite_expr),
        _ => {}
    }
}

fn rewrite_query(query: &mut Query) {
    rewrite_set_expr(&mut query.body);
}

fn rewrite_set_expr(body: &mut SetExpr) {
    match body {
        SetExpr::Select(select) => rewrite_select(select),
        SetExpr::Query(query) => rewrite_query(query),
        SetExpr::SetOperation { left, right, .. } => {
            rewrite_set_expr(left);
            rewrite_set_expr(right);
        }
        _ => {}
    }
}

fn rewrite_select(select: &mut Select) {
    select.from.iter_mut().for_each(rewrite_table_with_joins);
    for item in &mut select.projection {
        match item {
            SelectItem::UnnamedExpr(expr) | SelectItem::ExprWithAlias { expr, .. } => {
                rewrite_expr(expr)
            }
            SelectItem::QualifiedWildcard(..) | SelectItem::Wildcard(_) => {}
        }
    }
    select.selection.iter_mut().for_each(rewrite_expr);
    select.having.iter_mut().for_each(rewrite_expr);
    if select.from.len() > 1 {
        join_the_list(select);
    }
}

fn rewrite_table_with_joins(item: &mut TableWithJoins) {
    rewrite_factor(&mut item.relation);
    for join in &mut item.joins {
        rewrite_factor(&mut join.relation);
        if join.join_operator == JoinOperator::CrossJoin {
            join.join_operator = JoinOperator::Inner(JoinConstraint::None);
        }
        if let JoinOperator::Inner(JoinConstraint::On(on))
        | JoinOperator::LeftOuter(JoinConstraint::On(on)) = &mut join.join_operator
        {
            rewrite_expr(on);
        }
    }
}

fn rewrite_factor(factor: &mut TableFactor) {
    match factor {
        TableFactor::Derived { subquery, .. } => rewrite_query(subquery),
        TableFactor::NestedJoin {
            table_with_joins, ..
        } => rewrite_table_with_joins(table_with_joins),
        _ => {}
    }
}

/// Subqueries inside the expressions GlueSQL translates.
fn rewrite_expr(expr: &mut Expr) {
    match expr {
        Expr::Subquery(query)
        | Expr::Exists {
            subquery: query, ..
        } => rewrite_query(query),
        Expr::InSubquery { expr, subquery, .. } => {
            rewrite_expr(expr);
            rewrite_query(subquery);
        }
        Expr::BinaryOp { left, right, .. } => {
            rewrite_expr(left);
            rewrite_expr(right);
        }
        Expr::UnaryOp { expr, .. }
        | Expr::Nested(expr)
        | Expr::IsNull(expr)
        | Expr::IsNotNull(expr)
        | Expr::Cast { expr, .. } => rewrite_expr(expr),
        Expr::Between {
            expr, low, high, ..
        } => {
            for part in [expr, low, high] {
                rewrite_expr(part);
            }
        }
        Expr::InList { expr, list, .. } => {
            rewrite_expr(expr);
            list.iter_mut().for_each(rewrite_expr);
        }
        Expr::Case {
            operand,
            conditions,
            results,
            else_result,
        } => {
            operand.iter_mut().for_each(|e| rewrite_expr(e));
            conditions.iter_mut().for_each(rewrite_expr);
            results.iter_mut().for_each(rewrite_expr);
            else_result.iter_mut().for_each(|e| rewrite_expr(e));
        }
        Expr::Function(function) => {
            if let FunctionArguments::List(list) = &mut function.args {
                for arg in &mut list.args {
                    if let FunctionArg::Unnamed(FunctionArgExpr::Expr(expr)) = arg {
                        rewrite_expr(expr);
                    }
                }
            }
        }
        _ => {}
    }
}

/// `FROM a, b, c WHERE …` into `FROM a JOIN b ON … JOIN c ON … WHERE …`.
fn join_the_list(select: &mut Select) {
    let mut items = std::mem::take(&mut select.from).into_iter();
    let Some(mut joined) = items.next() else {
        return;
    };
    let mut names: BTreeSet<String> = BTreeSet::new();
    names.extend(factor_name(&joined.relation));
    names.extend(joined.joins.iter().filter_map(|j| factor_name(&j.relation)));
    let mut left: Vec<Expr> = select.selection.take().map(conjuncts).unwrap_or_default();
    for item in items {
        let entering = factor_name(&item.relation);
        names.extend(entering.clone());
        let (on, rest): (Vec<Expr>, Vec<Expr>) = left.into_iter().partition(|conjunct| {
            entering.as_ref().is_some_and(|entering| {
                qualifiers(conjunct)
                    .is_some_and(|used| used.contains(entering) && used.is_subset(&names))
            })
        });
        left = rest;
        let constraint = all_of(on).map_or(JoinConstraint::None, JoinConstraint::On);
        joined.joins.push(Join {
            relation: item.relation,
            global: false,
            join_operator: JoinOperator::Inner(constraint),
        });
        names.extend(item.joins.iter().filter_map(|j| factor_name(&j.relation)));
        joined.joins.extend(item.joins);
    }
    select.from = vec![joined];
    select.selection = all_of(left);
}

/// The name columns use to qualify a FROM item: its alias, or the table's
/// own name. Nested joins and table functions have none here.
fn factor_name(factor: &TableFactor) -> Option<String> {
    match factor {
        TableFactor::Table {
            alias: Some(alias), ..
        }
        | TableFactor::Derived {
            alias: Some(alias), ..
        } => Some(alias.name.value.clone()),
        TableFactor::Table { name, .. } => name.0.last().map(|ident| ident.value.clone()),
        _ => None,
    }
}

/// The top-level AND chain as a list (parentheses around an AND kept whole).
fn conjuncts(expr: Expr) -> Vec<Expr> {
    match expr {
        Expr::BinaryOp {
            left,
            op: BinaryOperator::And,
            right,
        } => {
            let mut parts = conjuncts(*left);
            parts.extend(conjuncts(*right));
            parts
        }
        other => vec![other],
    }
}

fn all_of(parts: Vec<Expr>) -> Option<Expr> {
    parts.into_iter().reduce(|left, right| Expr::BinaryOp {
        left: Box::new(left),
        op: BinaryOperator::And,
        right: Box::new(right),
    })
}

/// The table qualifiers a conjunct's columns use, or None when it holds an
/// unqualified column, a subquery or anything this does not read (such a
/// conjunct stays in WHERE).
fn qualifiers(expr: &Expr) -> Option<BTreeSet<String>> {
    let mut found = BTreeSet::new();
    collect_qualifiers(expr, &mut found).then_some(found)
}

fn collect_qualifiers(expr: &Expr, found: &mut BTreeSet<String>) -> bool {
    match expr {
        Expr::CompoundIdentifier(parts) if parts.len() == 2 => {
            found.insert(parts[0].value.clone());
            true
        }
        Expr::Value(_) | Expr::TypedString { .. } => true,
        Expr::BinaryOp { left, right, .. } => {
            collect_qualifiers(left, found) && collect_qualifiers(right, found)
        }
        Expr::UnaryOp { expr, .. }
        | Expr::Nested(expr)
        | Expr::IsNull(expr)
        | Expr::IsNotNull(expr)
        | Expr::Cast { expr, .. } => collect_qualifiers(expr, found),
        Expr::Between {
            expr, low, high, ..
        } => [expr, low, high]
            .into_iter()
            .all(|part| collect_qualifiers(part, found)),
        Expr::InList { expr, list, .. } => {
            collect_qualifiers(expr, found) && list.iter().all(|e| collect_qualifiers(e, found))
        }
        Expr::Like { expr, pattern, .. } | Expr::ILike { expr, pattern, .. } => {
            collect_qualifiers(expr, found) && collect_qualifiers(pattern, found)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::Script;
    use super::super::{Action, Statement};

    fn rewritten(sql: &str) -> String {
        let script = Script::parse(sql).unwrap();
        match &script.statements[0].action {
            Action::Query(statement) | Action::Write(statement) => statement.to_string(),
            Action::Explain { inner, .. } => match &inner.action {
                Action::Query(statement) | Action::Write(statement) => statement.to_string(),
                _ => unreachable!(),
            },
            Action::Index(_) => unreachable!(),
        }
    }

    #[test]
    fn a_comma_list_becomes_joins_with_the_join_conditions_in_on() {
        assert_eq!(
            rewritten("SELECT r.id FROM r, p WHERE r.c = p.c AND r.s = 'x' AND p.e"),
            "SELECT r.id FROM r JOIN p ON r.c = p.c AND p.e WHERE r.s = 'x'"
        );
        assert_eq!(
            rewritten("SELECT * FROM a x, b y, c WHERE c.k = y.k AND x.k = y.k AND k = 1"),
            "SELECT * FROM a AS x JOIN b AS y ON x.k = y.k JOIN c ON c.k = y.k WHERE k = 1"
        );
        assert_eq!(
            rewritten("SELECT * FROM a, b"),
            "SELECT * FROM a JOIN b",
            "no WHERE: a join without a condition"
        );
    }

    #[test]
    fn a_right_filter_joins_the_on_and_an_or_stays_whole() {
        assert_eq!(
            rewritten("SELECT * FROM a, b WHERE b.v > 1 AND (a.k = b.k OR a.k IS NULL)"),
            "SELECT * FROM a JOIN b ON b.v > 1 AND (a.k = b.k OR a.k IS NULL)"
        );
    }

    #[test]
    fn joins_of_an_item_follow_it_and_keep_their_kind() {
        assert_eq!(
            rewritten(
                "SELECT * FROM a, b LEFT JOIN c ON b.k = c.k WHERE a.k = b.k AND c.v IS NULL"
            ),
            "SELECT * FROM a JOIN b ON a.k = b.k LEFT JOIN c ON b.k = c.k WHERE c.v IS NULL"
        );
        assert_eq!(
            rewritten("SELECT * FROM a CROSS JOIN b"),
            "SELECT * FROM a JOIN b"
        );
    }

    #[test]
    fn subqueries_and_writes_are_rewritten() {
        assert_eq!(
            rewritten("SELECT * FROM (SELECT a.k FROM a, b WHERE a.k = b.k) AS d"),
            "SELECT * FROM (SELECT a.k FROM a JOIN b ON a.k = b.k) AS d"
        );
        assert_eq!(
            rewritten("DELETE FROM t WHERE id IN (SELECT a.id FROM a, b WHERE a.k = b.k)"),
            "DELETE FROM t WHERE id IN (SELECT a.id FROM a JOIN b ON a.k = b.k)"
        );
        assert_eq!(
            rewritten("EXPLAIN SELECT 1 FROM a, b WHERE EXISTS (SELECT 1 FROM c, d)"),
            "SELECT 1 FROM a JOIN b WHERE EXISTS (SELECT 1 FROM c JOIN d)"
        );
    }

    #[test]
    fn the_statement_text_is_what_was_typed() {
        let script = Script::parse("SELECT * FROM a, b").unwrap();
        let Statement { text, .. } = &script.statements[0];
        assert_eq!(text, "SELECT * FROM a, b");
    }
}
