//! The planner's choices, checked through what the storage really did.
use seekscan_core::catalog::IndexSet;
use seekscan_core::engine::{Engine, QueryOutcome};
use seekscan_core::explain::PlanNode;

/// 400 report runs: customer 1..=20, status cycling, distinct timestamps.
fn engine() -> Engine {
    let mut engine = Engine::new();
    engine
        .run(
            "CREATE TABLE runs (id INT PRIMARY KEY, customer_id INT, status TEXT, \
             started_at TIMESTAMP, run_type TEXT NULL, note TEXT NULL)",
        )
        .unwrap();
    let values: Vec<String> = (1..=400)
        .map(|id| {
            let status = ["success", "failed", "running", "success"][id % 4];
            let run_type = if id % 7 == 0 {
                "NULL".to_owned()
            } else {
                format!("'t{}'", id % 3)
            };
            let minute = (id * 37) % 1000;
            format!(
                "({id}, {}, '{status}', '2025-01-01 {:02}:{:02}:00', {run_type}, 'n{id}')",
                id % 20 + 1,
                minute / 60,
                minute % 60
            )
        })
        .collect();
    engine
        .run(&format!("INSERT INTO runs VALUES {}", values.join(", ")))
        .unwrap();
    for sql in [
        "CREATE INDEX cust_status ON runs (customer_id, status, started_at DESC)",
        "CREATE INDEX by_type ON runs (run_type, started_at)",
        "CREATE INDEX covering ON runs (customer_id, status, started_at DESC) INCLUDE (run_type)",
    ] {
        engine.run(sql).unwrap();
    }
    engine
}

fn access(outcome: &QueryOutcome) -> &PlanNode {
    outcome.plan.table_accesses()[0]
}

fn run(engine: &mut Engine, sql: &str, visible: &str) -> QueryOutcome {
    let set = engine.index_set(visible).unwrap();
    engine
        .run_with(sql, &set)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[test]
fn equality_prefix_seeks_and_examines_only_matching_rows() {
    let mut engine = engine();
    let sql = "SELECT id, note FROM runs WHERE customer_id = 3 AND status = 'running' ORDER BY id";
    let seek = run(&mut engine, sql, "cust_status");
    let scan = run(&mut engine, sql, "none");
    assert_eq!(access(&seek).index.as_deref(), Some("cust_status"));
    assert_eq!(access(&seek).access.as_deref(), Some("index seek"));
    assert_eq!(seek.rows, scan.rows);
    assert_eq!(scan.stats.rows_examined, 400);
    assert_eq!(seek.stats.rows_examined, seek.rows.len() as u64);
    assert!(!seek.rows.is_empty());
    assert_eq!(
        access(&seek).seek_key.as_deref(),
        Some("customer_id = 3 AND status = 'running'")
    );
    assert!(access(&scan).rejected.is_empty());
    assert!(access(&seek)
        .rejected
        .iter()
        .any(|r| r.index.is_none() && r.reason.contains("full scan")));
}

#[test]
fn in_lists_and_is_null_seek() {
    let mut engine = engine();
    let sql = "SELECT id FROM runs WHERE customer_id IN (2, 5) AND status = 'success'";
    let seek = run(&mut engine, sql, "cust_status");
    let scan = run(&mut engine, sql, "none");
    assert_eq!(access(&seek).index.as_deref(), Some("cust_status"));
    let mut a = seek.rows.clone();
    let mut b = scan.rows.clone();
    a.sort_by_key(|r| r[0].as_i64());
    b.sort_by_key(|r| r[0].as_i64());
    assert_eq!(a, b);
    assert_eq!(seek.stats.rows_examined, seek.rows.len() as u64);

    let sql = "SELECT id FROM runs WHERE run_type IS NULL ORDER BY id";
    let seek = run(&mut engine, sql, "by_type");
    assert_eq!(access(&seek).index.as_deref(), Some("by_type"));
    assert_eq!(seek.rows.len(), 400 / 7);
    assert_eq!(seek.stats.rows_examined, seek.rows.len() as u64);
    assert_eq!(seek.rows, run(&mut engine, sql, "none").rows);
}

#[test]
fn range_on_the_column_after_the_prefix() {
    let mut engine = engine();
    let sql = "SELECT id FROM runs WHERE run_type = 't1' \
               AND started_at >= '2025-01-01 05:00:00' AND started_at < '2025-01-01 09:00:00' ORDER BY id";
    let seek = run(&mut engine, sql, "by_type");
    let scan = run(&mut engine, sql, "none");
    assert_eq!(access(&seek).index.as_deref(), Some("by_type"));
    assert_eq!(
        access(&seek).index_conditions.len(),
        3,
        "{:?}",
        access(&seek)
    );
    assert_eq!(seek.rows, scan.rows);
    assert!(!seek.rows.is_empty());
    assert_eq!(seek.stats.rows_examined, seek.rows.len() as u64);
}

#[test]
fn order_by_in_either_direction_drops_the_sort_and_limit_stops_early() {
    let mut engine = engine();
    for (direction, sql) in [
        ("desc", "SELECT id, started_at FROM runs WHERE customer_id = 4 AND status = 'success' ORDER BY started_at DESC LIMIT 3"),
        ("asc", "SELECT id, started_at FROM runs WHERE customer_id = 4 AND status = 'success' ORDER BY started_at LIMIT 3"),
    ] {
        let seek = run(&mut engine, sql, "cust_status");
        let scan = run(&mut engine, sql, "none");
        assert_eq!(seek.rows, scan.rows, "{direction}");
        assert_eq!(seek.rows.len(), 3);
        assert_eq!(seek.stats.rows_examined, 3, "{direction}: early stop");
        assert!(!seek.plan.to_text().contains("Sort"), "{}", seek.plan.to_text());
        assert!(scan.plan.to_text().contains("Sort"), "{}", scan.plan.to_text());
        assert!(seek.plan.early_stop, "{direction}");
    }
}

#[test]
fn covering_index_reads_no_table_rows() {
    let mut engine = engine();
    let sql = "SELECT id, run_type, started_at FROM runs WHERE customer_id = 6 AND status = 'failed' ORDER BY started_at DESC";
    let covered = run(&mut engine, sql, "covering");
    let plain = run(&mut engine, sql, "cust_status");
    assert_eq!(
        access(&covered).access.as_deref(),
        Some("covering index seek")
    );
    assert_eq!(covered.rows, plain.rows);
    assert_eq!(covered.stats.table_lookups, 0);
    assert_eq!(plain.stats.table_lookups, plain.rows.len() as u64);
    // `note` is in neither key nor INCLUDE: no covering read.
    let wider = run(
        &mut engine,
        "SELECT note FROM runs WHERE customer_id = 6 AND status = 'failed'",
        "covering",
    );
    assert_eq!(access(&wider).access.as_deref(), Some("index seek"));
    assert!(wider.rows.iter().all(|r| r[0].is_string()));
}

#[test]
fn explain_plans_without_running_and_analyze_counts() {
    let mut engine = engine();
    let sql = "SELECT id FROM runs WHERE customer_id = 1 AND status = 'running' ORDER BY started_at DESC LIMIT 2";
    let set = IndexSet::of(["cust_status"]);
    let plan = engine.run_with(&format!("EXPLAIN {sql}"), &set).unwrap();
    assert!(plan.rows.is_empty());
    assert_eq!(plan.stats.rows_examined, 0);
    assert!(plan.plan.actual_rows.is_none());
    let analyzed = engine
        .run_with(&format!("EXPLAIN ANALYZE {sql}"), &set)
        .unwrap();
    assert_eq!(analyzed.plan.actual_rows, Some(analyzed.rows.len() as u64));
    let text = analyzed.plan.to_text();
    assert!(text.contains("index seek cust_status"), "{text}");
    assert!(text.contains("rejected full scan"), "{text}");
}

#[test]
fn unhelpful_indexes_are_rejected_with_a_reason() {
    let mut engine = engine();
    let outcome = run(
        &mut engine,
        "SELECT id FROM runs WHERE note = 'n5'",
        "cust_status,by_type",
    );
    assert_eq!(access(&outcome).index, None);
    assert_eq!(outcome.plan.table_accesses().len(), 1);
    let reasons: Vec<_> = access(&outcome).rejected.iter().collect();
    assert_eq!(reasons.len(), 2);
    assert!(reasons
        .iter()
        .all(|r| r.reason.contains("no condition on its leading column")));
    assert_eq!(outcome.rows.len(), 1);
}

#[test]
fn joins_and_subqueries_still_answer_correctly() {
    let mut engine = engine();
    let sql = "SELECT a.id FROM runs a JOIN runs b ON a.id = b.id WHERE a.customer_id = 2 AND b.status = 'failed' ORDER BY a.id";
    let all = run(&mut engine, sql, "cust_status,by_type,covering");
    assert_eq!(all.rows, run(&mut engine, sql, "none").rows);
    let sql = "SELECT id FROM runs WHERE customer_id = 2 AND id IN (SELECT id FROM runs WHERE status = 'failed') ORDER BY id";
    let all = run(&mut engine, sql, "cust_status,by_type,covering");
    assert_eq!(all.rows, run(&mut engine, sql, "none").rows);
    assert!(!all.rows.is_empty());
}

#[test]
fn unknown_index_names_are_errors() {
    let engine = engine();
    let error = engine
        .index_set("cust_status,nope")
        .unwrap_err()
        .to_string();
    assert!(error.contains("unknown index nope"), "{error}");
}
