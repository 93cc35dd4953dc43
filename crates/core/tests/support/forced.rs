//! Runs a statement with a chosen access spec in place of the planner's:
//! GlueSQL plans it (no index visible, so the sort and the WHERE clause
//! stay), the table's access is replaced by the spec, and GlueSQL's
//! executor runs the result. Rows come back as text, one list per row.
use gluesql_core::data::Value;
use gluesql_core::executor::execute_with_labels;
use gluesql_core::plan::StatementPlan;
use gluesql_core::prelude::translate;
use gluesql_core::store::Planner;
use seekscan_core::catalog::IndexSet;
use seekscan_core::engine::Engine;
use seekscan_core::storage::access::AccessSpec;

fn planned(engine: &Engine, sql: &str) -> StatementPlan {
    let storage = engine.storage();
    storage.set_visible(IndexSet::none());
    let parsed = gluesql_core::parse_sql::parse(sql).unwrap();
    storage.plan(translate(&parsed[0]).unwrap().into()).unwrap()
}

/// Replaces the access of every source reading `table`; how many.
fn force(json: &mut serde_json::Value, table: &str, spec: &AccessSpec) -> usize {
    match json {
        serde_json::Value::Object(map) => {
            let mut forced = 0;
            if map.get("name").and_then(|n| n.as_str()) == Some(table) && map.contains_key("access")
            {
                map.insert(
                    "access".to_owned(),
                    serde_json::json!({"Index": {"name": spec.encode(), "asc": null, "predicate": null}}),
                );
                forced += 1;
            }
            forced
                + map
                    .values_mut()
                    .map(|v| force(v, table, spec))
                    .sum::<usize>()
        }
        serde_json::Value::Array(items) => items.iter_mut().map(|v| force(v, table, spec)).sum(),
        _ => 0,
    }
}

fn rows(engine: &Engine, plan: &StatementPlan) -> Vec<Vec<String>> {
    let StatementPlan::Query(query) = plan else {
        panic!("not a query")
    };
    let storage = engine.storage();
    storage.reset_rows_examined();
    let (_, rows) = execute_with_labels(storage, query, None).unwrap();
    rows.map(|row| {
        row.unwrap()
            .into_values()
            .into_iter()
            .map(|v| match v {
                Value::Null => "NULL".to_owned(),
                other => String::from(other),
            })
            .collect()
    })
    .collect()
}

/// `sql`'s rows read through `spec`.
pub fn forced_rows(engine: &Engine, sql: &str, table: &str, spec: &AccessSpec) -> Vec<Vec<String>> {
    let mut json = serde_json::to_value(planned(engine, sql)).unwrap();
    assert!(force(&mut json, table, spec) > 0, "{sql} reads no {table}");
    let plan: StatementPlan = serde_json::from_value(json).unwrap();
    rows(engine, &plan)
}

/// `sql`'s rows as the planner reads them with no index visible.
pub fn plain_rows(engine: &Engine, sql: &str) -> Vec<Vec<String>> {
    rows(engine, &planned(engine, sql))
}
