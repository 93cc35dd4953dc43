//! The plan as PostgreSQL's `EXPLAIN (ANALYZE, FORMAT JSON)` output, the
//! shape PEV2 (explain.dalibo.com) and other plan viewers read: an array
//! holding one object with "Plan" and "Execution Time".
//!
//! Our tree maps onto PostgreSQL's nodes: a full scan is a `Seq Scan`, a
//! seek or an ordered index read an `Index Scan` (`Index Only Scan` when
//! covering), a primary-key lookup an `Index Scan` of `<table>_pkey`. A
//! Filter node has no PostgreSQL twin: its conditions join the scan's own
//! `Filter`, as PostgreSQL prints them. The engine times statements, not
//! nodes, so "Actual Total Time" is the statement's time on every node of
//! the chain from the root (a viewer puts it all on the deepest one), and
//! absent below a join. Costs are not PostgreSQL's and are left out.
use serde::Serialize;

use crate::explain::{AccessPath, Aggregate, NodeKind, PlanNode};

#[derive(Serialize)]
struct Explained {
    #[serde(rename = "Plan")]
    plan: Node,
    #[serde(rename = "Triggers")]
    triggers: [(); 0],
    #[serde(rename = "Execution Time", skip_serializing_if = "Option::is_none")]
    execution_time: Option<f64>,
}

#[derive(Serialize, Default)]
struct Node {
    #[serde(rename = "Node Type")]
    node_type: &'static str,
    #[serde(rename = "Strategy", skip_serializing_if = "Option::is_none")]
    strategy: Option<&'static str>,
    #[serde(
        rename = "Parent Relationship",
        skip_serializing_if = "Option::is_none"
    )]
    parent_relationship: Option<&'static str>,
    #[serde(rename = "Parallel Aware")]
    parallel_aware: bool,
    #[serde(rename = "Index Name", skip_serializing_if = "Option::is_none")]
    index_name: Option<String>,
    #[serde(rename = "Relation Name", skip_serializing_if = "Option::is_none")]
    relation_name: Option<String>,
    #[serde(rename = "Alias", skip_serializing_if = "Option::is_none")]
    alias: Option<String>,
    #[serde(rename = "Plan Rows")]
    plan_rows: u64,
    #[serde(rename = "Actual Total Time", skip_serializing_if = "Option::is_none")]
    actual_total_time: Option<f64>,
    #[serde(rename = "Actual Rows", skip_serializing_if = "Option::is_none")]
    actual_rows: Option<u64>,
    #[serde(rename = "Actual Loops", skip_serializing_if = "Option::is_none")]
    actual_loops: Option<u64>,
    #[serde(rename = "Sort Key", skip_serializing_if = "Vec::is_empty")]
    sort_key: Vec<String>,
    #[serde(rename = "Index Cond", skip_serializing_if = "Option::is_none")]
    index_cond: Option<String>,
    #[serde(rename = "Filter", skip_serializing_if = "Option::is_none")]
    filter: Option<String>,
    #[serde(
        rename = "Rows Removed by Filter",
        skip_serializing_if = "Option::is_none"
    )]
    rows_removed_by_filter: Option<u64>,
    #[serde(rename = "Plans", skip_serializing_if = "Vec::is_empty")]
    plans: Vec<Node>,
}

/// What a node hands its children: whether the statement ran (ANALYZE),
/// the time on this chain, and what nodes without a PostgreSQL twin (a
/// Filter, the projection) leave to the scan below them: their conditions
/// and the rows that passed them.
#[derive(Clone, Default)]
struct Context {
    analyzed: bool,
    time_ms: Option<f64>,
    filter: Vec<String>,
    passed: Option<u64>,
}

/// `plan` as pretty-printed JSON; `execution_us` is the measured time of
/// the statement (left out, like PostgreSQL's plain EXPLAIN, when the
/// statement was planned but not run).
pub fn render(plan: &PlanNode, execution_us: Option<f64>) -> Result<String, String> {
    super::require_query(plan)?;
    let analyzed = plan.actual_rows.is_some();
    let time_ms = execution_us
        .filter(|_| analyzed)
        .map(|us| round3(us / 1000.0));
    let context = Context {
        analyzed,
        time_ms,
        ..Context::default()
    };
    let explained = [Explained {
        plan: node(plan, &context),
        triggers: [],
        execution_time: time_ms,
    }];
    serde_json::to_string_pretty(&explained).map_err(|e| e.to_string())
}

fn round3(ms: f64) -> f64 {
    (ms * 1000.0).round() / 1000.0
}

fn node(plan: &PlanNode, context: &Context) -> Node {
    match plan.kind {
        NodeKind::Filter => {
            let mut inner = context.clone();
            inner.filter.extend(plan.filter.iter().cloned());
            inner.passed = plan.actual_rows;
            match plan.children.as_slice() {
                [only] => node(only, &inner),
                _ => operator(plan, "Result", &inner),
            }
        }
        NodeKind::Query => match (plan.aggregate, plan.children.as_slice()) {
            (Some(aggregate), _) => {
                let mut out = operator(plan, "Aggregate", context);
                out.strategy = Some(match aggregate {
                    Aggregate::Plain => "Plain",
                    Aggregate::Grouped => "Hashed",
                });
                out
            }
            // The projection has no node of its own in PostgreSQL.
            (None, [only]) => {
                let mut inner = context.clone();
                inner.passed = plan.actual_rows;
                node(only, &inner)
            }
            (None, []) => operator(plan, "Result", context),
            (None, _) => operator(plan, "Nested Loop", context),
        },
        NodeKind::Limit => operator(plan, "Limit", context),
        NodeKind::Sort => {
            let mut out = operator(plan, "Sort", context);
            out.sort_key = plan.sort_key.clone();
            out
        }
        NodeKind::TableAccess => scan(plan, context),
        NodeKind::Other => operator(plan, "Result", context),
    }
}

/// A node above others: its children, with their relationship to it.
fn operator(plan: &PlanNode, node_type: &'static str, context: &Context) -> Node {
    let mut below = context.clone();
    below.filter.clear();
    below.passed = None;
    if plan.children.len() > 1 {
        // Time is per statement: several children cannot share it.
        below.time_ms = None;
    }
    let plans: Vec<Node> = plan
        .children
        .iter()
        .enumerate()
        .map(|(at, child)| {
            let mut child = node(child, &below);
            child.parent_relationship = Some(if at == 0 { "Outer" } else { "Inner" });
            child
        })
        .collect();
    let plan_rows = plan
        .est_rows
        .map(|rows| rows.round() as u64)
        .or_else(|| plans.first().map(|p| p.plan_rows))
        .unwrap_or(1);
    Node {
        node_type,
        plan_rows,
        filter: conditions(&context.filter),
        plans,
        ..measured(plan, context)
    }
}

/// A table access: `Seq Scan`, `Index Scan` or `Index Only Scan`.
fn scan(plan: &PlanNode, context: &Context) -> Node {
    let table = plan.table.clone();
    let (node_type, index_name) = match (plan.path, &plan.index) {
        (Some(AccessPath::PrimaryKeyLookup), _) => {
            ("Index Scan", table.as_ref().map(|t| format!("{t}_pkey")))
        }
        (Some(AccessPath::IndexSeek | AccessPath::IndexScan), Some(index)) => (
            if plan.covering {
                "Index Only Scan"
            } else {
                "Index Scan"
            },
            Some(index.clone()),
        ),
        _ => ("Seq Scan", None),
    };
    let seek: Vec<String> = plan.seek.iter().map(|term| term.sql.clone()).collect();
    let filter: Vec<String> = plan
        .entry_filter
        .iter()
        .chain(&plan.scan_filter)
        .chain(&context.filter)
        .cloned()
        .collect();
    // Our access counts the rows it reads (rows examined); PostgreSQL's
    // counts those that pass its filter and the rest as removed. When the
    // run does not reveal how many passed, the count is left out.
    let (actual_rows, removed) = match (plan.actual_rows, context.passed) {
        (read, _) if filter.is_empty() => (read, None),
        (Some(read), Some(passed)) if passed <= read => (Some(passed), Some(read - passed)),
        _ => (None, None),
    };
    Node {
        node_type,
        index_name,
        relation_name: table.clone(),
        alias: table,
        plan_rows: plan.est_rows.map_or(1, |rows| rows.round() as u64),
        index_cond: conditions(&seek),
        filter: conditions(&filter),
        rows_removed_by_filter: removed.filter(|_| context.analyzed),
        actual_rows: actual_rows.filter(|_| context.analyzed),
        ..measured(plan, context)
    }
}

/// The actual counts a run revealed.
fn measured(plan: &PlanNode, context: &Context) -> Node {
    Node {
        actual_total_time: context.time_ms,
        actual_rows: plan.actual_rows.filter(|_| context.analyzed),
        actual_loops: context.analyzed.then_some(1),
        ..Node::default()
    }
}

/// Conditions as PostgreSQL prints them: each parenthesized, joined by AND,
/// the whole in parentheses (`((a = 1) AND (b = 2))`).
fn conditions(parts: &[String]) -> Option<String> {
    match parts {
        [] => None,
        [one] => Some(format!("({one})")),
        many => Some(format!(
            "({})",
            many.iter()
                .map(|c| format!("({c})"))
                .collect::<Vec<_>>()
                .join(" AND ")
        )),
    }
}
