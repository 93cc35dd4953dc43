//! The plan tree a query ran with: what the page and the CLI show.
use gluesql_core::plan::{
    DistinctInputPlan, DistinctPlan, LimitInputPlan, OffsetInputPlan, OffsetPlan, QueryPlan,
    SelectOrderByPlan, StatementPlan,
};
use serde::{Deserialize, Serialize};

use crate::planner::{render_expr, ModelKind, ScanNode, TableChoice};
use crate::storage::access::AccessSpec;

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct PlanNode {
    /// "Query", "Limit", "Sort", "Filter", "TableAccess".
    pub op: String,
    pub table: Option<String>,
    /// The index used; `None` is a full scan.
    pub index: Option<String>,
    /// "full scan", "primary key lookup", "index seek", "index scan",
    /// "covering index seek", "covering index scan".
    pub access: Option<String>,
    pub seek_key: Option<String>,
    pub index_conditions: Vec<String>,
    /// Conditions the storage checks on each encoded row it reads before
    /// decoding it: "filter in scan" on a full scan, on the looked-up rows
    /// of an index seek.
    #[serde(default)]
    pub scan_filter: Vec<String>,
    /// Conditions checked on each index entry's key and INCLUDE cells
    /// before its row is looked up ("index condition before lookup").
    #[serde(default)]
    pub entry_filter: Vec<String>,
    pub filter: Vec<String>,
    pub sort: bool,
    pub early_stop: bool,
    pub est_rows: Option<f64>,
    pub actual_rows: Option<u64>,
    pub rejected: Vec<RejectedCandidate>,
    pub children: Vec<PlanNode>,
    /// What the node does, as a fact to match on (`op` is its label).
    #[serde(default)]
    pub kind: NodeKind,
    /// How a table access reads its rows (from the executor's access spec).
    #[serde(default)]
    pub path: Option<AccessPath>,
    /// The access builds rows from index entries alone (no table lookup).
    #[serde(default)]
    pub covering: bool,
    /// The seek's key columns in index order, each with how it is bounded.
    #[serde(default)]
    pub seek: Vec<SeekTerm>,
    /// A Sort node's keys as SQL (`started_at DESC`).
    #[serde(default)]
    pub sort_key: Vec<String>,
    /// On the Query node: whether the rows are aggregated, and how.
    #[serde(default)]
    pub aggregate: Option<Aggregate>,
    /// A table access as PostgreSQL names it (`Seq Scan`, `Index Scan`, …).
    #[serde(default)]
    pub node: Option<ScanNode>,
    /// Every index a table access reads (both sides of a BitmapAnd).
    #[serde(default)]
    pub indexes: Vec<String>,
    /// The model's estimate: cost before the first row, and in total.
    #[serde(default)]
    pub cost: Option<[f64; 2]>,
    /// The cost model that chose the access.
    #[serde(default)]
    pub model: Option<ModelKind>,
}

/// The kinds of plan node the tree holds.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NodeKind {
    Query,
    Limit,
    Sort,
    Filter,
    TableAccess,
    /// Not a query: what an index statement or a write did.
    #[default]
    Other,
}

/// How a table access finds its rows.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessPath {
    FullScan,
    PrimaryKeyLookup,
    /// Reads the index entries between the seek's bounds.
    IndexSeek,
    /// Reads the whole index in key order (for ORDER BY).
    IndexScan,
}

/// One key column of a seek and how the seek bounds it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct SeekTerm {
    pub column: String,
    pub bound: SeekBound,
    /// The condition as SQL (`customer_id = 5`).
    pub sql: String,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeekBound {
    /// `=` one value (or `IS NULL`).
    Equal,
    /// `IN (…)`: one seek per value.
    AnyOf,
    /// A lower bound, `>` or `>=`.
    Lower { inclusive: bool },
    /// An upper bound, `<` or `<=`.
    Upper { inclusive: bool },
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aggregate {
    /// One group: `SELECT COUNT(*) …`.
    Plain,
    /// `GROUP BY`: GlueSQL groups rows in a hash map.
    Grouped,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RejectedCandidate {
    pub index: Option<String>,
    pub cost: f64,
    pub reason: String,
}

impl PlanNode {
    /// Reads the decisions GlueSQL's executor will follow out of its plan
    /// (the access path of every table, and whether a sort and a limit run),
    /// with the planner's reasoning for each table access (matched in order
    /// of appearance, by table name).
    pub fn with_choices(statement: &StatementPlan, choices: &[TableChoice]) -> Self {
        let json = serde_json::to_value(statement).unwrap_or_default();
        let mut tables = Vec::new();
        collect_tables(&json, &mut tables);
        let mut unused: Vec<&TableChoice> = choices.iter().collect();
        for node in &mut tables {
            let Some(at) = unused
                .iter()
                .position(|c| Some(&c.table) == node.table.as_ref())
            else {
                continue;
            };
            let choice = unused.remove(at);
            node.access = Some(choice.access.clone());
            node.index = choice.index.clone();
            node.seek_key = choice.seek_key.clone();
            node.seek = choice.seek.clone();
            node.index_conditions = choice.index_conditions.clone();
            node.scan_filter = choice.scan_filter.clone();
            node.entry_filter = choice.entry_filter.clone();
            node.early_stop = choice.early_stop;
            node.est_rows = Some(choice.est_rows);
            node.rejected = choice.rejected.clone();
            node.node = Some(choice.node);
            node.indexes = choice.indexes.clone();
            node.cost = Some(match choice.scan_estimate {
                Some([startup, total, _]) => [startup, total],
                None => [choice.startup_cost, choice.cost],
            });
            if let Some([_, _, rows]) = choice.scan_estimate {
                node.est_rows = Some(rows);
            }
            node.model = Some(choice.model);
            if !choice.filter.is_empty() {
                *node = PlanNode {
                    op: "Filter".to_owned(),
                    kind: NodeKind::Filter,
                    filter: choice.filter.clone(),
                    children: vec![std::mem::take(node)],
                    ..PlanNode::default()
                };
            }
        }
        let early_stop = tables
            .iter()
            .any(|t| t.early_stop || t.children.iter().any(|c| c.early_stop));
        // The statement's own estimate, for one table read: its path with
        // the Sort and LIMIT above it, as the model compared them.
        let statement_cost = match choices {
            [only] => Some([only.startup_cost, only.cost]),
            _ => None,
        };
        let mut root = PlanNode {
            op: "Query".to_owned(),
            kind: NodeKind::Query,
            aggregate: aggregate_of(&json),
            children: tables,
            ..PlanNode::default()
        };
        if contains_key(&json, "SelectOrderBy") {
            root = PlanNode {
                op: "Sort".to_owned(),
                kind: NodeKind::Sort,
                sort_key: sort_keys(statement),
                sort: true,
                children: vec![root],
                ..PlanNode::default()
            };
        }
        if contains_key(&json, "Limit") {
            root = PlanNode {
                op: "Limit".to_owned(),
                kind: NodeKind::Limit,
                early_stop,
                children: vec![root],
                ..PlanNode::default()
            };
        }
        root.cost = statement_cost;
        root
    }

    /// Fills in actual rows after a run: `returned` at the root, handed down
    /// through nodes that keep the row count, `sorted` (the rows that
    /// reached a Sort under a Limit, when counted) below such a Limit, and
    /// `examined` on the table access when it is the only one (the storage
    /// counts rows per statement, not per table). Counts a run does not
    /// reveal, such as the rows a filter passed before grouping, DISTINCT or
    /// OFFSET, stay empty.
    pub fn record_actuals(
        &mut self,
        statement: &StatementPlan,
        returned: u64,
        examined: u64,
        sorted: Option<u64>,
    ) {
        let json = serde_json::to_value(statement).unwrap_or_default();
        let reshaped = ["Aggregation", "Having", "Distinct", "Offset"]
            .iter()
            .any(|key| contains_key(&json, key));
        let single_access = self.table_accesses().len() == 1;
        let mut count = Some(returned);
        let mut node = Some(self);
        while let Some(current) = node {
            if current.op == "TableAccess" {
                if single_access {
                    current.actual_rows = Some(examined);
                }
                break;
            }
            current.actual_rows = count;
            let below = current.children.first().map(|c| c.op.as_str());
            count = match (current.op.as_str(), below) {
                // A Limit over a Sort passed on fewer rows than were sorted.
                ("Limit", Some("Sort")) => sorted,
                ("Limit" | "Query", _) if reshaped => None,
                // Project and Sort keep the count; a Limit reading in order
                // pulled exactly what it returned.
                _ => count,
            };
            node = match current.children.as_mut_slice() {
                [only] => Some(only),
                _ => None,
            };
        }
    }

    /// One line a reader compares across plans: sort or not, early stop,
    /// rows examined.
    pub fn summary(&self, examined: Option<u64>) -> String {
        let (mut sorts, mut limit, mut stops) = (false, false, false);
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            sorts |= node.sort;
            limit |= node.op == "Limit";
            stops |= node.op == "Limit" && node.early_stop;
            stack.extend(&node.children);
        }
        let mut parts = vec![if sorts { "sorts" } else { "no sort" }];
        if limit {
            parts.push(if stops {
                "LIMIT stops the scan early"
            } else {
                "LIMIT applies after the whole scan"
            });
        }
        let mut text = parts.join(" · ");
        if let Some(examined) = examined {
            text.push_str(&format!(" · {examined} rows examined"));
        }
        text
    }

    /// The node in `other` that plays the same part as this one: the same
    /// operator (on the same table). Plans differ in shape (a sort only one
    /// of them needs), so position alone would pair the wrong nodes.
    fn counterpart<'a>(&self, other: &'a PlanNode) -> Option<&'a PlanNode> {
        let mut stack = vec![other];
        while let Some(node) = stack.pop() {
            if node.op == self.op && node.table == self.table {
                return Some(node);
            }
            stack.extend(node.children.iter().rev());
        }
        None
    }

    /// Whether this node has no counterpart in `other` or decides differently.
    pub fn differs_from(&self, other: &PlanNode) -> bool {
        match self.counterpart(other) {
            None => true,
            Some(twin) => {
                self.index != twin.index
                    || self.access != twin.access
                    || self.seek_key != twin.seek_key
                    || self.filter != twin.filter
                    || self.scan_filter != twin.scan_filter
                    || self.entry_filter != twin.entry_filter
                    || self.sort != twin.sort
                    || self.early_stop != twin.early_stop
            }
        }
    }

    /// Every table access in the tree, depth first.
    pub fn table_accesses(&self) -> Vec<&PlanNode> {
        let mut found = Vec::new();
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            if node.op == "TableAccess" {
                found.push(node);
            }
            stack.extend(node.children.iter().rev());
        }
        found
    }

    /// The tree as indented text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write_text(0, &mut out);
        out
    }

    fn write_text(&self, depth: usize, out: &mut String) {
        out.push_str(&"  ".repeat(depth));
        out.push_str(&self.op);
        if let Some(table) = &self.table {
            let path = match &self.index {
                Some(index) => format!("{} {index}", self.access.as_deref().unwrap_or("index")),
                None => self
                    .access
                    .clone()
                    .unwrap_or_else(|| "full scan".to_owned()),
            };
            match (self.node, self.model) {
                (Some(node), Some(ModelKind::Postgres)) => {
                    let using = match (node, self.indexes.as_slice()) {
                        (ScanNode::SeqScan, _) | (_, []) => String::new(),
                        (ScanNode::BitmapHeapScan, all) => format!(" via {}", all.join(" + ")),
                        (_, [first, ..]) => format!(" using {first}"),
                    };
                    out.push_str(&format!(" {}{using} on {table}", node.label()));
                }
                _ => out.push_str(&format!(" {table}: {path}")),
            }
            if let Some(key) = &self.seek_key {
                out.push_str(&format!(" [{key}]"));
            }
            if !self.scan_filter.is_empty() {
                let label = match self.index {
                    None => "filter in scan",
                    Some(_) => "filter on looked-up rows",
                };
                out.push_str(&format!(" ({label}: {})", self.scan_filter.join(" AND ")));
            }
            if !self.entry_filter.is_empty() {
                out.push_str(&format!(
                    " (index condition before lookup: {})",
                    self.entry_filter.join(" AND ")
                ));
            }
        }
        if !self.filter.is_empty() {
            out.push_str(&format!(" {}", self.filter.join(" AND ")));
        }
        if self.op == "Limit" && self.early_stop {
            out.push_str(" (stops the scan early)");
        }
        match (self.cost, self.model) {
            (Some([startup, total]), Some(ModelKind::Postgres)) => {
                let rows = self
                    .est_rows
                    .map_or(String::new(), |r| format!(" rows={r:.0}"));
                out.push_str(&format!(" (cost={startup:.2}..{total:.2}{rows})"));
            }
            _ => {
                if let Some(est) = self.est_rows {
                    out.push_str(&format!(" (est. rows {est:.0})"));
                }
            }
        }
        if let Some(actual) = self.actual_rows {
            out.push_str(&format!(" (actual rows {actual})"));
        }
        out.push('\n');
        for rejected in &self.rejected {
            out.push_str(&"  ".repeat(depth + 1));
            let name = rejected.index.as_deref().unwrap_or("full scan");
            out.push_str(&format!("- rejected {name}: {}\n", rejected.reason));
        }
        for child in &self.children {
            child.write_text(depth + 1, out);
        }
    }
}

fn contains_key(json: &serde_json::Value, key: &str) -> bool {
    match json {
        serde_json::Value::Object(map) => {
            map.contains_key(key) || map.values().any(|v| contains_key(v, key))
        }
        serde_json::Value::Array(items) => items.iter().any(|v| contains_key(v, key)),
        _ => false,
    }
}

/// Whether the query aggregates: GlueSQL's `AggregationPlan` serializes
/// as `{"Aggregation": {"group_by": […], …}}`.
fn aggregate_of(json: &serde_json::Value) -> Option<Aggregate> {
    let plan = find_key(json, "Aggregation")?;
    let grouped = plan
        .get("group_by")
        .and_then(|g| g.as_array())
        .is_some_and(|g| !g.is_empty());
    Some(if grouped {
        Aggregate::Grouped
    } else {
        Aggregate::Plain
    })
}

/// The ORDER BY keys of the statement's sort, as SQL.
fn sort_keys(statement: &StatementPlan) -> Vec<String> {
    let Some(sort) = outer_sort(statement) else {
        return Vec::new();
    };
    sort.exprs
        .iter()
        .map(|key| {
            let direction = if key.asc == Some(false) { " DESC" } else { "" };
            format!("{}{direction}", render_expr(&key.expr))
        })
        .collect()
}

/// The sort of the statement's outermost query, read from the typed plan
/// (a JSON round trip would put GlueSQL's plan deserializers, 150 KB, into
/// the worker's wasm).
fn outer_sort(statement: &StatementPlan) -> Option<&SelectOrderByPlan> {
    let query = match statement {
        StatementPlan::Query(query) | StatementPlan::Insert { source: query, .. } => query,
        _ => return None,
    };
    fn distinct(plan: &DistinctPlan) -> Option<&SelectOrderByPlan> {
        match &plan.input {
            DistinctInputPlan::SelectOrderBy(sort) => Some(sort),
            DistinctInputPlan::Project(_) => None,
        }
    }
    fn offset(plan: &OffsetPlan) -> Option<&SelectOrderByPlan> {
        match &plan.input {
            OffsetInputPlan::SelectOrderBy(sort) => Some(sort),
            OffsetInputPlan::Distinct(plan) => distinct(plan),
            _ => None,
        }
    }
    match query {
        QueryPlan::SelectOrderBy(sort) => Some(sort),
        QueryPlan::Distinct(plan) => distinct(plan),
        QueryPlan::Offset(plan) => offset(plan),
        QueryPlan::Limit(plan) => match &plan.input {
            LimitInputPlan::SelectOrderBy(sort) => Some(sort),
            LimitInputPlan::Distinct(plan) => distinct(plan),
            LimitInputPlan::Offset(plan) => offset(plan),
            _ => None,
        },
        _ => None,
    }
}

/// The first value under `key`, depth first.
fn find_key<'a>(json: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    match json {
        serde_json::Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|v| find_key(v, key))),
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}

/// Table sources serialize as `{"name": …, "alias": …, "access": …}`.
fn collect_tables(json: &serde_json::Value, out: &mut Vec<PlanNode>) {
    match json {
        serde_json::Value::Object(map) => {
            if let (Some(serde_json::Value::String(name)), Some(access)) =
                (map.get("name"), map.get("access"))
            {
                let (access, path, spec) = match access {
                    serde_json::Value::String(s) if s == "FullScan" => {
                        ("full scan", AccessPath::FullScan, None)
                    }
                    serde_json::Value::Object(a) if a.contains_key("PrimaryKey") => {
                        ("primary key lookup", AccessPath::PrimaryKeyLookup, None)
                    }
                    serde_json::Value::Object(a) => {
                        let spec = a
                            .get("Index")
                            .and_then(|i| i.get("name"))
                            .and_then(|n| n.as_str())
                            .and_then(|n| AccessSpec::decode(n, None).ok())
                            .filter(|spec| !spec.table_scan);
                        let path = match &spec {
                            None => AccessPath::FullScan,
                            Some(s)
                                if s.eq.is_empty() && s.lower.is_none() && s.upper.is_none() =>
                            {
                                AccessPath::IndexScan
                            }
                            Some(_) => AccessPath::IndexSeek,
                        };
                        ("index seek", path, spec)
                    }
                    _ => ("full scan", AccessPath::FullScan, None),
                };
                out.push(PlanNode {
                    op: "TableAccess".to_owned(),
                    kind: NodeKind::TableAccess,
                    table: Some(name.clone()),
                    covering: spec.as_ref().is_some_and(|s| s.covering),
                    index: spec.map(|s| s.index),
                    access: Some(access.to_owned()),
                    path: Some(path),
                    ..PlanNode::default()
                });
            }
            map.values().for_each(|v| collect_tables(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_tables(v, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::PlanNode;

    fn access(index: Option<&str>) -> PlanNode {
        PlanNode {
            op: "TableAccess".into(),
            table: Some("upstream_reportrun".into()),
            index: index.map(str::to_owned),
            ..PlanNode::default()
        }
    }

    #[test]
    fn summaries_and_differences_between_two_plans() {
        let indexed = PlanNode {
            op: "Limit".into(),
            early_stop: true,
            children: vec![access(Some("reportrun_cust_status_idx"))],
            ..PlanNode::default()
        };
        let scanned = PlanNode {
            op: "Limit".into(),
            children: vec![PlanNode {
                op: "Sort".into(),
                sort: true,
                children: vec![access(None)],
                ..PlanNode::default()
            }],
            ..PlanNode::default()
        };
        assert_eq!(
            scanned.summary(Some(1234)),
            "sorts · LIMIT applies after the whole scan · 1234 rows examined"
        );
        assert_eq!(
            indexed.summary(None),
            "no sort · LIMIT stops the scan early"
        );
        assert!(scanned.differs_from(&indexed));
        assert!(
            scanned.children[0].differs_from(&indexed),
            "the Sort has no twin"
        );
        assert!(scanned.children[0].children[0].differs_from(&indexed));
        assert!(!indexed.children[0].differs_from(&indexed));
    }
}
