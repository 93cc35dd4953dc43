//! PostgreSQL's `EXPLAIN (FORMAT JSON)` read into the access paths seekscan
//! compares: every table read (Seq Scan, Index Scan, Index Only Scan, or a
//! Bitmap Heap Scan over one or more Bitmap Index Scans), and whether a
//! sort runs. With ANALYZE, the execution time and the buffers touched.
use serde_json::Value;

use super::{Access, ScanKind};

/// One table read in a PostgreSQL plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PgScan {
    pub relation: String,
    pub access: Access,
    /// "Plan Rows": what the planner expects the read to return.
    pub estimated_rows: f64,
    /// "Actual Rows" (per loop) under EXPLAIN ANALYZE.
    pub actual_rows: Option<f64>,
}

/// The top plan node of `EXPLAIN (FORMAT JSON)`'s answer (`[{"Plan": …}]`).
pub fn top_plan(explain: &Value) -> Option<&Value> {
    explain.get(0)?.get("Plan")
}

fn children(node: &Value) -> impl Iterator<Item = &Value> {
    node.get("Plans")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

fn node_type(node: &Value) -> &str {
    node.get("Node Type").and_then(Value::as_str).unwrap_or("")
}

/// Whether any node of the plan sorts.
pub fn sorts(plan: &Value) -> bool {
    matches!(node_type(plan), "Sort" | "Incremental Sort") || children(plan).any(sorts)
}

/// The index names under a bitmap heap scan, in plan order.
fn bitmap_indexes(node: &Value, out: &mut Vec<String>) {
    if node_type(node) == "Bitmap Index Scan" {
        if let Some(name) = node.get("Index Name").and_then(Value::as_str) {
            out.push(name.to_owned());
        }
    }
    for child in children(node) {
        bitmap_indexes(child, out);
    }
}

/// Every table read in the plan, outermost first. `sorts` on each read is
/// whether the plan sorts anywhere (the patterns read one table).
pub fn scans(plan: &Value) -> Vec<PgScan> {
    let sorted = sorts(plan);
    let mut found = Vec::new();
    collect(plan, sorted, &mut found);
    found
}

fn collect(node: &Value, sorted: bool, found: &mut Vec<PgScan>) {
    let kind = match node_type(node) {
        "Seq Scan" => Some(ScanKind::Seq),
        "Index Scan" => Some(ScanKind::Index),
        "Index Only Scan" => Some(ScanKind::IndexOnly),
        "Bitmap Heap Scan" => Some(ScanKind::Bitmap),
        _ => None,
    };
    if let Some(kind) = kind {
        let index = match kind {
            ScanKind::Seq => None,
            ScanKind::Bitmap => {
                let mut names = Vec::new();
                bitmap_indexes(node, &mut names);
                Some(names.join(" + "))
            }
            _ => node
                .get("Index Name")
                .and_then(Value::as_str)
                .map(str::to_owned),
        };
        found.push(PgScan {
            relation: node
                .get("Relation Name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            access: Access {
                kind,
                index,
                sorts: sorted,
            },
            estimated_rows: node.get("Plan Rows").and_then(Value::as_f64).unwrap_or(0.0),
            actual_rows: node.get("Actual Rows").and_then(Value::as_f64),
        });
        // A bitmap heap scan's children are its index scans, not table reads.
        return;
    }
    for child in children(node) {
        collect(child, sorted, found);
    }
}

/// What EXPLAIN (ANALYZE, BUFFERS) measured for the whole statement.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Measured {
    pub execution_ms: f64,
    pub planning_ms: f64,
    /// Shared buffers found in cache plus those read, over the whole plan.
    pub buffers: u64,
    pub rows: f64,
}

pub fn measured(explain: &Value) -> Option<Measured> {
    let top = explain.get(0)?;
    let plan = top.get("Plan")?;
    let number = |v: &Value, key: &str| v.get(key).and_then(Value::as_f64);
    let buffers = number(plan, "Shared Hit Blocks").unwrap_or(0.0)
        + number(plan, "Shared Read Blocks").unwrap_or(0.0);
    Some(Measured {
        execution_ms: number(top, "Execution Time")?,
        planning_ms: number(top, "Planning Time").unwrap_or(0.0),
        buffers: buffers as u64,
        rows: number(plan, "Actual Rows").unwrap_or(0.0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_index_bitmap_and_sequential_scans() {
        let explain = serde_json::json!([{"Plan": {
        "Node Type": "Sort", "Plans": [{
            "Node Type": "Nested Loop", "Plans": [
                {"Node Type": "Bitmap Heap Scan", "Relation Name": "r", "Plan Rows": 12.0,
                 "Plans": [{"Node Type": "BitmapAnd", "Plans": [
                    {"Node Type": "Bitmap Index Scan", "Index Name": "a_idx"},
                    {"Node Type": "Bitmap Index Scan", "Index Name": "b_idx"}]}]},
                {"Node Type": "Index Only Scan", "Relation Name": "p", "Index Name": "p_idx", "Plan Rows": 1.0},
                {"Node Type": "Seq Scan", "Relation Name": "q", "Plan Rows": 300.0}
            ]}]}}]);
        let found = scans(top_plan(&explain).unwrap());
        let labels: Vec<(&str, ScanKind, &str)> = found
            .iter()
            .map(|s| (s.relation.as_str(), s.access.kind, s.access.label()))
            .collect();
        assert_eq!(
            labels,
            [
                ("r", ScanKind::Bitmap, "a_idx + b_idx"),
                ("p", ScanKind::IndexOnly, "p_idx"),
                ("q", ScanKind::Seq, "seq scan"),
            ]
        );
        assert!(found.iter().all(|s| s.access.sorts));
        assert_eq!(found[0].estimated_rows, 12.0);
    }

    #[test]
    fn analyze_gives_time_and_buffers() {
        let explain = serde_json::json!([{"Plan": {"Node Type": "Seq Scan", "Relation Name": "t",
            "Actual Rows": 5.0, "Shared Hit Blocks": 7, "Shared Read Blocks": 2},
            "Planning Time": 0.1, "Execution Time": 1.5}]);
        let m = measured(&explain).unwrap();
        assert_eq!((m.execution_ms, m.buffers, m.rows), (1.5, 9, 5.0));
        assert!(!sorts(top_plan(&explain).unwrap()));
    }
}
