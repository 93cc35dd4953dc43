//! The PostgreSQL export parses as `EXPLAIN (ANALYZE, FORMAT JSON)` output
//! (an array holding one object with "Plan" and "Execution Time") and names
//! the node types, relations and indexes the plan has.
use seekscan_core::bench::measure_with;
use seekscan_core::engine::Engine;
use seekscan_core::explain::{AccessPath, NodeKind, PlanNode};
use seekscan_core::export::PlanFormat;
use seekscan_core::generator::{generate, DatasetSpec};
use seekscan_core::patterns;
use serde_json::Value;

/// Every node of a PostgreSQL plan, depth first.
fn nodes(plan: &Value) -> Vec<&Value> {
    let mut found = vec![plan];
    for child in plan["Plans"].as_array().into_iter().flatten() {
        found.extend(nodes(child));
    }
    found
}

fn strings<'a>(nodes: &[&'a Value], key: &str) -> Vec<&'a str> {
    nodes.iter().filter_map(|n| n[key].as_str()).collect()
}

fn engine(scale: usize) -> (Engine, seekscan_core::generator::Dataset) {
    let dataset = generate(&DatasetSpec { seed: 1, scale });
    let engine = Engine::load(&dataset, &mut |_, _, _| {}).unwrap();
    (engine, dataset)
}

/// The PostgreSQL node types our plan's nodes become, depth first, written
/// out here from the plan's facts (the projection and Filter nodes have no
/// node of their own).
fn expected_types(plan: &PlanNode, out: &mut Vec<&'static str>) {
    match plan.kind {
        NodeKind::Limit => out.push("Limit"),
        NodeKind::Sort => out.push("Sort"),
        NodeKind::TableAccess => out.push(match (plan.path, plan.covering) {
            (Some(AccessPath::FullScan), _) => "Seq Scan",
            (_, true) => "Index Only Scan",
            _ => "Index Scan",
        }),
        _ => {}
    }
    for child in &plan.children {
        expected_types(child, out);
    }
}

#[test]
fn every_pattern_parses_with_its_nodes_relations_and_indexes() {
    let (mut engine, dataset) = engine(10_000);
    for set in ["none", "phase3", "all"] {
        let visible = engine.index_set(set).unwrap();
        for large in [true, false] {
            let params = patterns::params_for(&dataset, large);
            for pattern in patterns::all() {
                let sql = pattern.render(&params);
                let (outcome, timings) = measure_with(&mut engine, &sql, &visible, 3).unwrap();
                let text = PlanFormat::PgJson
                    .render(&outcome.plan, Some(timings.median_us))
                    .unwrap();
                let context = format!("{} ({set}, large {large})\n{text}", pattern.id);
                let json: Value = serde_json::from_str(&text).expect(&context);
                let explained = json.as_array().expect(&context);
                assert_eq!(explained.len(), 1, "{context}");
                let root = &explained[0]["Plan"];
                assert_eq!(
                    explained[0]["Execution Time"].as_f64(),
                    Some((timings.median_us / 1000.0 * 1000.0).round() / 1000.0),
                    "{context}"
                );
                let all = nodes(root);
                let mut types = Vec::new();
                expected_types(&outcome.plan, &mut types);
                assert_eq!(strings(&all, "Node Type"), types, "{context}");
                let accesses = outcome.plan.table_accesses();
                let tables: Vec<&str> =
                    accesses.iter().filter_map(|a| a.table.as_deref()).collect();
                assert_eq!(strings(&all, "Relation Name"), tables, "{context}");
                let indexes: Vec<&str> =
                    accesses.iter().filter_map(|a| a.index.as_deref()).collect();
                assert_eq!(strings(&all, "Index Name"), indexes, "{context}");
                assert_eq!(tables, [pattern_table(pattern.sql)], "{context}");
                // The root returned what the statement returned; every node ran once.
                assert_eq!(
                    root["Actual Rows"], outcome.stats.rows_returned,
                    "{context}"
                );
                assert!(all.iter().all(|n| n["Actual Loops"] == 1), "{context}");
                // A sort says what it sorts by.
                for sort in all.iter().filter(|n| n["Node Type"] == "Sort") {
                    let key = sort["Sort Key"].as_array().expect(&context);
                    let order_by = pattern.sql.split("ORDER BY ").nth(1).unwrap();
                    assert!(order_by.starts_with(key[0].as_str().unwrap()), "{context}");
                }
                if set == "none" {
                    assert!(types.contains(&"Seq Scan"), "{context}");
                }
            }
        }
    }
}

fn pattern_table(sql: &str) -> &str {
    sql.split("FROM ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
}

#[test]
fn seeks_filters_covering_reads_and_aggregates() {
    let (mut engine, _) = engine(5_000);
    let phase3 = engine.index_set("phase3").unwrap();
    let all = engine.index_set("all").unwrap();
    let none = engine.index_set("none").unwrap();
    let render = |outcome: &seekscan_core::engine::QueryOutcome| {
        let text = PlanFormat::PgJson
            .render(&outcome.plan, Some(1500.0))
            .unwrap();
        serde_json::from_str::<Value>(&text).unwrap()[0]["Plan"].clone()
    };

    // An index seek: its key as Index Cond, the rest of WHERE as Filter.
    let seek = engine
        .run_with(
            "SELECT * FROM upstream_reportrun WHERE customer_id = 1 AND status = 'success' AND run_type <> 'x'",
            &phase3,
        )
        .unwrap();
    let plan = render(&seek);
    let scan = nodes(&plan)
        .into_iter()
        .find(|n| n["Relation Name"].is_string())
        .unwrap()
        .clone();
    assert_eq!(scan["Node Type"], "Index Scan", "{plan:#}");
    assert_eq!(scan["Index Name"], "reportrun_cust_status_idx");
    assert_eq!(
        scan["Index Cond"],
        "((customer_id = 1) AND (status = 'success'))"
    );
    assert!(
        scan["Filter"].as_str().unwrap().contains("run_type <> 'x'"),
        "{plan:#}"
    );

    // A full scan with a filter: rows read = passed + removed.
    let scanned = engine
        .run_with(
            "SELECT id FROM upstream_reportrun WHERE run_type = 'daily'",
            &none,
        )
        .unwrap();
    let plan = render(&scanned);
    assert_eq!(plan["Node Type"], "Seq Scan", "{plan:#}");
    assert_eq!(plan["Actual Rows"], scanned.stats.rows_returned, "{plan:#}");
    assert_eq!(
        plan["Actual Rows"].as_u64().unwrap() + plan["Rows Removed by Filter"].as_u64().unwrap(),
        scanned.stats.rows_examined,
        "{plan:#}"
    );
    assert_eq!(plan["Actual Total Time"], 1.5);

    // The Phase 4 covering index answers from its entries.
    let covered = engine
        .run_with(
            "SELECT customer_id, status, started_at FROM upstream_reportrun WHERE customer_id = 1 AND status = 'success'",
            &all,
        )
        .unwrap();
    let plan = render(&covered);
    assert!(
        nodes(&plan)
            .iter()
            .any(|n| n["Node Type"] == "Index Only Scan"),
        "{}\n{plan:#}",
        covered.plan.to_text()
    );

    // COUNT(*) is an Aggregate over the scan.
    let counted = engine
        .run_with("SELECT COUNT(*) FROM upstream_productconfig", &phase3)
        .unwrap();
    let plan = render(&counted);
    assert_eq!(plan["Node Type"], "Aggregate", "{plan:#}");
    assert_eq!(plan["Strategy"], "Plain");
    assert_eq!(plan["Plans"][0]["Node Type"], "Seq Scan");

    // EXPLAIN without ANALYZE: no actual counts, no execution time.
    let planned = engine
        .run_with(
            "EXPLAIN SELECT * FROM upstream_reportrun WHERE id = 3",
            &phase3,
        )
        .unwrap();
    let text = PlanFormat::PgJson
        .render(&planned.plan, Some(10.0))
        .unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    assert!(json[0].get("Execution Time").is_none(), "{text}");
    assert_eq!(
        json[0]["Plan"]["Index Name"], "upstream_reportrun_pkey",
        "{text}"
    );
    assert!(json[0]["Plan"].get("Actual Rows").is_none(), "{text}");

    // A statement that is not a query has nothing to export.
    let made = engine
        .run("CREATE INDEX rr_type ON upstream_reportrun (run_type)")
        .unwrap();
    assert!(PlanFormat::PgJson.render(&made.plan, None).is_err());
}
