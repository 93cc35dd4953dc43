//! Row estimates of index seeks: the planner counts the entries in the spans
//! a seek reads, so on Zipf-skewed tenants the estimate is the number of
//! rows the storage then hands out, before and after writes.
use seekscan_core::engine::Engine;
use seekscan_core::generator::{generate, DatasetSpec};

const REPORTS: &str = "upstream_reportrun";
const EVENTS: &str = "upstream_domainauditevent";

fn engine() -> (Engine, i64, i64) {
    engine_at(20_000)
}

fn engine_at(scale: usize) -> (Engine, i64, i64) {
    let dataset = generate(&DatasetSpec { seed: 1, scale });
    let (large, small) = (dataset.tenants.large, dataset.tenants.small);
    let engine = Engine::load(&dataset, &mut |_, _, _| {}).unwrap();
    (engine, large, small)
}

/// The estimate and the rows examined of `sql` through `index` alone,
/// checking that the seek on `index` is what ran.
fn estimate_and_actual(engine: &mut Engine, sql: &str, index: &str) -> (f64, u64) {
    let visible = engine.index_set(index).unwrap();
    let outcome = engine
        .run_with(sql, &visible)
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    let access = outcome.plan.table_accesses()[0];
    assert_eq!(access.index.as_deref(), Some(index), "{sql}: {access:?}");
    let est = access.est_rows.expect("a planned access has an estimate");
    (est, outcome.stats.rows_examined)
}

fn assert_exact(engine: &mut Engine, sql: &str, index: &str) -> u64 {
    let (est, actual) = estimate_and_actual(engine, sql, index);
    eprintln!("{index}: est {est} actual {actual}: {sql}");
    assert_eq!(est, actual as f64, "{sql}");
    actual
}

#[test]
fn equality_seeks_on_skewed_tenants_estimate_the_rows_read() {
    let (mut engine, large, small) = engine();
    let mut counts = Vec::new();
    for tenant in [large, small] {
        counts.push(assert_exact(
            &mut engine,
            &format!("SELECT * FROM {REPORTS} WHERE customer_id = {tenant}"),
            "reportrun_cust_type_idx",
        ));
        assert_exact(
            &mut engine,
            &format!(
                "SELECT * FROM {REPORTS} WHERE customer_id = {tenant} AND run_type = 'weekly'"
            ),
            "reportrun_cust_type_idx",
        );
        assert_exact(
            &mut engine,
            &format!(
                "SELECT * FROM {EVENTS} WHERE customer_id = {tenant} \
                 AND action = 'upload_created' ORDER BY timestamp DESC"
            ),
            "audit_cust_action_idx",
        );
    }
    // The skew the averages missed: the large tenant has many times the
    // rows of the small one.
    assert!(counts[0] > 10 * counts[1].max(1), "{counts:?}");

    // IN list: one span per value, duplicates read once.
    assert_exact(
        &mut engine,
        &format!("SELECT * FROM {REPORTS} WHERE customer_id IN ({large}, {small}, {large}, 2)"),
        "reportrun_cust_type_idx",
    );
    // IS NULL: events with no user.
    assert!(
        assert_exact(
            &mut engine,
            &format!("SELECT * FROM {EVENTS} WHERE user_id IS NULL"),
            "audit_user_date_idx",
        ) > 0
    );
    // A range on the DESC column after the prefix, open and closed.
    for range in [
        "started_at >= '2025-11-01 00:00:00'",
        "started_at < '2025-11-01 00:00:00'",
        "started_at > '2025-09-01 00:00:00' AND started_at <= '2025-12-01 00:00:00'",
    ] {
        assert_exact(
            &mut engine,
            &format!("SELECT * FROM {REPORTS} WHERE status = 'success' AND {range}"),
            "reportrun_status_date_idx",
        );
    }
    // A range on the leading column.
    assert_exact(
        &mut engine,
        &format!("SELECT * FROM {REPORTS} WHERE customer_id <= 3"),
        "reportrun_cust_type_idx",
    );
}

#[test]
fn estimates_follow_inserts_updates_and_deletes() {
    let (mut engine, large, small) = engine();
    let index = "reportrun_cust_type_idx";
    let by_tenant = |t: i64| format!("SELECT * FROM {REPORTS} WHERE customer_id = {t}");
    let before = assert_exact(&mut engine, &by_tenant(small), index);
    let values: Vec<String> = (0..40)
        .map(|i| {
            format!(
                "({}, {small}, 'weekly', '2025-01-01 00:00:{i:02}', NULL, 'success', NULL)",
                9_000_000 + i
            )
        })
        .collect();
    engine
        .run(&format!(
            "INSERT INTO {REPORTS} VALUES {}",
            values.join(", ")
        ))
        .unwrap();
    assert_eq!(
        assert_exact(&mut engine, &by_tenant(small), index),
        before + 40
    );
    let large_before = assert_exact(&mut engine, &by_tenant(large), index);
    engine
        .run(&format!(
            "UPDATE {REPORTS} SET customer_id = {large} WHERE id >= 9000000 AND id < 9000010"
        ))
        .unwrap();
    assert_eq!(
        assert_exact(&mut engine, &by_tenant(small), index),
        before + 30
    );
    assert_eq!(
        assert_exact(&mut engine, &by_tenant(large), index),
        large_before + 10
    );
    // Deleting built entries marks them in the removed-bitmap.
    engine
        .run(&format!(
            "DELETE FROM {REPORTS} WHERE customer_id = {large} AND run_type = 'weekly'"
        ))
        .unwrap();
    let left = assert_exact(&mut engine, &by_tenant(large), index);
    assert!(left < large_before, "{left} of {large_before}");
    assert_eq!(
        assert_exact(
            &mut engine,
            &format!("SELECT * FROM {REPORTS} WHERE customer_id = {large} AND run_type = 'weekly'"),
            index,
        ),
        0
    );
}

#[test]
fn seeks_with_too_many_spans_fall_back_to_averages() {
    let (mut engine, large, _) = engine();
    let index = "audit_cust_action_idx";
    // The large tenant among tenants that have no events: the average per
    // (tenant, action) prefix misjudges it either way.
    let tenants = |n: i64| {
        std::iter::once(large)
            .chain(1_001..1_000 + n)
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let sql = |tenants: &str, actions: &str| {
        format!("SELECT * FROM {EVENTS} WHERE customer_id IN ({tenants}) AND action IN ({actions})")
    };
    // 22 × 3 = 66 spans: past the spans worth counting.
    let over = sql(
        &tenants(22),
        "'upload_created', 'report_exported', 'member_added'",
    );
    let (est, actual) = estimate_and_actual(&mut engine, &over, index);
    eprintln!("{index}: est {est} actual {actual}: {over}");
    assert!(actual > 0);
    assert_ne!(est, actual as f64, "{over}");
    // 32 × 2 = 64 spans are still counted.
    assert_exact(
        &mut engine,
        &sql(&tenants(32), "'upload_created', 'report_exported'"),
        index,
    );
}

#[test]
fn a_full_scan_sorts_the_rows_a_seek_counted() {
    let (mut engine, _, _) = engine();
    // Nearly every run succeeded: the scan would sort almost all rows, so
    // reading them in order through the index stays cheaper.
    let sql = format!("SELECT * FROM {REPORTS} WHERE status = 'success' ORDER BY started_at DESC");
    let visible = engine.index_set("reportrun_status_date_idx").unwrap();
    let outcome = engine.run_with(&sql, &visible).unwrap();
    let access = outcome.plan.table_accesses()[0];
    assert_eq!(
        access.index.as_deref(),
        Some("reportrun_status_date_idx"),
        "{}",
        outcome.plan.to_text()
    );
    assert!(!outcome.plan.to_text().contains("Sort"));
    assert_eq!(access.est_rows, Some(outcome.stats.rows_examined as f64));
}

#[test]
fn conditions_left_after_the_seek_are_counted_where_an_index_leads_with_them() {
    // 66 runs, nearly all successful: a guessed share for the tenant would
    // have the seek read most of them, dearer than scanning and sorting.
    let (mut engine, large, _) = engine_at(2_000);
    // Only the status index may be read, but the tenant's share of the rows
    // is counted in a customer index: a tenant with many runs fills the
    // LIMIT soon, so reading in order beats scanning and sorting.
    let sql = format!(
        "SELECT * FROM {REPORTS} WHERE customer_id = {large} AND status = 'success' \
         ORDER BY started_at DESC LIMIT 10"
    );
    let visible = engine.index_set("reportrun_status_date_idx").unwrap();
    let outcome = engine.run_with(&sql, &visible).unwrap();
    let access = outcome.plan.table_accesses()[0];
    assert_eq!(
        access.index.as_deref(),
        Some("reportrun_status_date_idx"),
        "{}",
        outcome.plan.to_text()
    );
    assert!(
        outcome.stats.rows_examined < 50,
        "{}",
        outcome.plan.to_text()
    );
}
