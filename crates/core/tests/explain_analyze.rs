//! EXPLAIN plans without running; EXPLAIN ANALYZE adds actual rows to every
//! node whose count the run reveals, and the storage's counters.
use seekscan_core::engine::Engine;
use seekscan_core::explain::PlanNode;
use seekscan_core::generator::{generate, DatasetSpec};

fn engine() -> Engine {
    let dataset = generate(&DatasetSpec {
        seed: 1,
        scale: 2_000,
    });
    Engine::load(&dataset, &mut |_, _, _| {}).unwrap()
}

fn nodes(plan: &PlanNode) -> Vec<&PlanNode> {
    let mut all = vec![plan];
    for child in &plan.children {
        all.extend(nodes(child));
    }
    all
}

const DASHBOARD: &str = "SELECT * FROM upstream_reportrun WHERE customer_id = 1 AND status = 'success' ORDER BY started_at DESC LIMIT 10";

#[test]
fn explain_estimates_without_running() {
    let mut engine = engine();
    let phase3 = engine.index_set("phase3").unwrap();
    let outcome = engine
        .run_with(&format!("EXPLAIN {DASHBOARD}"), &phase3)
        .unwrap();
    assert!(outcome.rows.is_empty());
    assert_eq!(outcome.stats.rows_examined, 0);
    assert!(nodes(&outcome.plan).iter().all(|n| n.actual_rows.is_none()));
    let access = outcome.plan.table_accesses()[0];
    assert!(access.est_rows.is_some());
    assert_eq!(access.index.as_deref(), Some("reportrun_cust_status_idx"));
}

#[test]
fn analyze_counts_every_node_an_index_read_feeds() {
    let mut engine = engine();
    let phase3 = engine.index_set("phase3").unwrap();
    let outcome = engine
        .run_with(&format!("EXPLAIN ANALYZE {DASHBOARD}"), &phase3)
        .unwrap();
    assert_eq!(outcome.stats.rows_returned, 10);
    assert_eq!(
        outcome.stats.rows_examined, 10,
        "the index order stops the scan"
    );
    for node in nodes(&outcome.plan) {
        assert_eq!(node.actual_rows, Some(10), "{}", outcome.plan.to_text());
    }
    assert!(outcome.stats.elapsed_us > 0);
}

#[test]
fn analyze_of_a_sorted_full_scan_counts_what_it_can() {
    let mut engine = engine();
    let outcome = engine
        .run_with(
            &format!("EXPLAIN ANALYZE {DASHBOARD}"),
            &engine.index_set("none").unwrap(),
        )
        .unwrap();
    let access = outcome.plan.table_accesses()[0];
    assert_eq!(access.index, None);
    assert_eq!(access.actual_rows, Some(outcome.stats.rows_examined));
    assert_eq!(access.est_rows, Some(outcome.stats.rows_examined as f64));
    assert_eq!(outcome.plan.op, "Limit");
    assert_eq!(outcome.plan.actual_rows, Some(10));
    // The sort saw every matching row; the limit passed on ten.
    let sort = &outcome.plan.children[0];
    assert_eq!(sort.op, "Sort");
    let matching = engine
        .run("SELECT COUNT(*) FROM upstream_reportrun WHERE customer_id = 1 AND status = 'success'")
        .unwrap()
        .rows[0][0]
        .as_u64();
    assert!(matching > Some(10));
    assert_eq!(sort.actual_rows, matching);
    // Both conditions are checked in the scan, on the encoded rows.
    let scan = &sort.children[0].children[0];
    assert_eq!(scan.op, "TableAccess");
    assert_eq!(scan.scan_filter, ["customer_id = 1", "status = 'success'"]);
    assert!(scan.filter.is_empty());

    let grouped = engine
        .run("EXPLAIN ANALYZE SELECT action, COUNT(*) FROM upstream_domainauditevent WHERE customer_id = 2 GROUP BY action")
        .unwrap();
    let access = grouped.plan.table_accesses()[0];
    assert_eq!(access.actual_rows, Some(grouped.stats.rows_examined));
    assert_eq!(grouped.plan.actual_rows, Some(grouped.rows.len() as u64));
    assert!(grouped.rows.len() < grouped.stats.rows_examined as usize);
}
