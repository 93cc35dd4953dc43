//! The plan as SQLite's `EXPLAIN QUERY PLAN` prints it in the sqlite3 shell:
//!
//! ```text
//! QUERY PLAN
//! |--SEARCH upstream_reportrun USING INDEX reportrun_cust_status_idx (customer_id=? AND status=?)
//! `--USE TEMP B-TREE FOR ORDER BY
//! ```
//!
//! One line per table access in the order they run, then the temporary
//! B-trees SQLite would build: for GROUP BY (GlueSQL groups every
//! aggregate query in a hash map) and for an ORDER BY the access does not
//! supply. SQLite writes every seek bound as `=`, `>` or `<` with `?` for
//! its value, whatever the operator (`>=` reads `>`), and so does this.
use crate::explain::{AccessPath, Aggregate, NodeKind, PlanNode, SeekBound};

/// The sqlite3 shell's rendering of `plan`.
pub fn render(plan: &PlanNode) -> Result<String, String> {
    super::require_query(plan)?;
    Ok(tree(&lines(plan)))
}

/// SQLite's detail lines for `plan`, top level, in order.
pub fn lines(plan: &PlanNode) -> Vec<String> {
    let mut out: Vec<String> = plan.table_accesses().into_iter().map(access).collect();
    let mut grouped = false;
    let mut sorted = false;
    let mut stack = vec![plan];
    while let Some(node) = stack.pop() {
        grouped |= node.aggregate == Some(Aggregate::Grouped);
        sorted |= node.kind == NodeKind::Sort;
        stack.extend(&node.children);
    }
    if grouped {
        out.push("USE TEMP B-TREE FOR GROUP BY".to_owned());
    }
    if sorted {
        out.push("USE TEMP B-TREE FOR ORDER BY".to_owned());
    }
    out
}

/// Top-level lines drawn as the shell draws them.
pub fn tree(lines: &[String]) -> String {
    let mut out = String::from("QUERY PLAN\n");
    for (at, line) in lines.iter().enumerate() {
        let branch = if at + 1 == lines.len() { "`--" } else { "|--" };
        out.push_str(branch);
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// One table access: `SCAN t`, `SEARCH t USING INDEX i (a=? AND b>?)`.
fn access(node: &PlanNode) -> String {
    let table = node.table.as_deref().unwrap_or("?");
    let using = |index: &str| {
        let covering = if node.covering { "COVERING " } else { "" };
        format!("USING {covering}INDEX {index}")
    };
    match (node.path, node.index.as_deref()) {
        (Some(AccessPath::PrimaryKeyLookup), _) => {
            format!("SEARCH {table} USING INTEGER PRIMARY KEY (rowid=?)")
        }
        (Some(AccessPath::IndexSeek), Some(index)) => {
            format!("SEARCH {table} {} ({})", using(index), seek_terms(node))
        }
        (Some(AccessPath::IndexScan), Some(index)) => format!("SCAN {table} {}", using(index)),
        _ => format!("SCAN {table}"),
    }
}

fn seek_terms(node: &PlanNode) -> String {
    node.seek
        .iter()
        .map(|term| {
            let op = match term.bound {
                SeekBound::Equal | SeekBound::AnyOf => "=",
                SeekBound::Lower { .. } => ">",
                SeekBound::Upper { .. } => "<",
            };
            format!("{}{op}?", term.column)
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::SeekTerm;

    fn seek(column: &str, bound: SeekBound) -> SeekTerm {
        SeekTerm {
            column: column.to_owned(),
            bound,
            sql: String::new(),
        }
    }

    #[test]
    fn a_range_seek_under_a_sort() {
        let access = PlanNode {
            op: "TableAccess".into(),
            kind: NodeKind::TableAccess,
            table: Some("t".into()),
            index: Some("t_a_b".into()),
            path: Some(AccessPath::IndexSeek),
            covering: true,
            seek: vec![
                seek("a", SeekBound::Equal),
                seek("b", SeekBound::Lower { inclusive: true }),
                seek("b", SeekBound::Upper { inclusive: false }),
            ],
            ..PlanNode::default()
        };
        let plan = PlanNode {
            op: "Sort".into(),
            kind: NodeKind::Sort,
            children: vec![access],
            ..PlanNode::default()
        };
        assert_eq!(
            render(&plan).unwrap(),
            "QUERY PLAN\n|--SEARCH t USING COVERING INDEX t_a_b (a=? AND b>? AND b<?)\n`--USE TEMP B-TREE FOR ORDER BY\n"
        );
        let statement = PlanNode {
            op: "created index x".into(),
            ..PlanNode::default()
        };
        assert!(render(&statement).unwrap_err().contains("not a query plan"));
    }
}
