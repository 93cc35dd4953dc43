//! The storage's index usage counters (`idx_scan`, `idx_tup_read`,
//! `idx_tup_fetch`) equal the reads it performed, counted here from the
//! generated rows themselves, not from the planner or the engine.
use gluesql_core::data::Value;
use seekscan_core::catalog::IndexSet;
use seekscan_core::engine::Engine;
use seekscan_core::generator::{generate, Dataset, DatasetSpec};
use seekscan_core::protocol::{Request, Response};
use seekscan_core::schema::{AUDIT_EVENT, REPORT_RUN};
use seekscan_core::service::Service;
use seekscan_core::storage::usage::IndexUsage;

fn dataset() -> Dataset {
    generate(&DatasetSpec {
        seed: 5,
        scale: 3_000,
    })
}

fn loaded(dataset: &Dataset) -> Engine {
    Engine::load(dataset, &mut |_, _, _| {}).unwrap()
}

/// Generated rows of `table` that `keep` accepts.
fn count(dataset: &Dataset, table: &str, keep: impl Fn(&[Value]) -> bool) -> u64 {
    dataset
        .table(table)
        .unwrap()
        .rows
        .iter()
        .filter(|row| keep(row))
        .count() as u64
}

fn usage(engine: &Engine, index: &str) -> IndexUsage {
    engine.storage().index_usage().get(index).unwrap()
}

/// The user with the most audit events, and their count.
fn busiest_user(dataset: &Dataset) -> (i64, u64) {
    let mut counts = std::collections::BTreeMap::new();
    for row in &dataset.table(AUDIT_EVENT).unwrap().rows {
        if let Value::I64(user) = row[8] {
            *counts.entry(user).or_insert(0u64) += 1;
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).unwrap()
}

#[test]
fn a_seek_counts_one_scan_every_entry_it_read_and_every_row_it_fetched() {
    let dataset = dataset();
    let mut engine = loaded(&dataset);
    let (user, events) = busiest_user(&dataset);
    assert!(events > 1);
    let only = IndexSet::of(["audit_user_date_idx"]);
    let sql = format!("SELECT * FROM {AUDIT_EVENT} WHERE user_id = {user} ORDER BY timestamp DESC");
    let outcome = engine.run_with(&sql, &only).unwrap();
    assert_eq!(outcome.stats.rows_returned, events);
    assert_eq!(
        usage(&engine, "audit_user_date_idx"),
        IndexUsage {
            idx_scan: 1,
            idx_tup_read: events,
            idx_tup_fetch: events
        }
    );
    engine.run_with(&sql, &only).unwrap();
    assert_eq!(
        usage(&engine, "audit_user_date_idx"),
        IndexUsage {
            idx_scan: 2,
            idx_tup_read: 2 * events,
            idx_tup_fetch: 2 * events
        }
    );
    // No other index was read.
    for row in engine.storage().index_usage().indexes {
        if row.index != "audit_user_date_idx" {
            assert_eq!(row.usage, IndexUsage::default(), "{}", row.index);
        }
    }
}

#[test]
fn an_in_list_is_one_scan_and_a_covering_read_fetches_no_row() {
    let dataset = dataset();
    let mut engine = loaded(&dataset);
    let tenant = dataset.tenants.large;
    let matches = count(&dataset, REPORT_RUN, |r| {
        r[1] == Value::I64(tenant)
            && matches!(&r[5], Value::Str(s) if s == "success" || s == "failed")
    });
    assert!(matches > 0);
    let covering = IndexSet::of(["reportrun_covering_idx"]);
    let sql = format!(
        "SELECT id, customer_id, status, started_at, run_type, summary_json FROM {REPORT_RUN} \
         WHERE customer_id = {tenant} AND status IN ('success', 'failed')"
    );
    let outcome = engine.run_with(&sql, &covering).unwrap();
    assert_eq!(outcome.stats.rows_returned, matches);
    assert_eq!(
        usage(&engine, "reportrun_covering_idx"),
        IndexUsage {
            idx_scan: 1,
            idx_tup_read: matches,
            idx_tup_fetch: 0
        },
        "{}",
        outcome.plan.to_text()
    );
}

#[test]
fn full_scans_explain_and_writes_count_in_no_index() {
    let dataset = dataset();
    let mut engine = loaded(&dataset);
    let (user, _) = busiest_user(&dataset);
    let sql = format!("SELECT * FROM {AUDIT_EVENT} WHERE user_id = {user}");
    engine.run_with(&sql, &IndexSet::none()).unwrap();
    engine
        .run_with(&format!("EXPLAIN {sql}"), &IndexSet::phase3())
        .unwrap();
    engine
        .run_with(
            &format!("UPDATE {REPORT_RUN} SET status = 'failed' WHERE id = 1"),
            &IndexSet::none(),
        )
        .unwrap();
    let report = engine.storage().index_usage();
    assert_eq!(report.indexes.len(), engine.indexes().len());
    assert!(report
        .indexes
        .iter()
        .all(|row| row.usage == IndexUsage::default()));
}

#[test]
fn reset_zeroes_every_counter_and_unused_indexes_are_the_ones_never_scanned() {
    let dataset = dataset();
    let mut engine = loaded(&dataset);
    let (user, _) = busiest_user(&dataset);
    let sql = format!("SELECT id FROM {AUDIT_EVENT} WHERE user_id = {user}");
    engine.run_with(&sql, &IndexSet::phase3()).unwrap();
    let report = engine.storage().index_usage();
    let unused = report.unused_among(&IndexSet::phase3());
    assert_eq!(unused.len(), 8, "{unused:?}");
    assert!(!unused.contains(&"audit_user_date_idx".to_owned()));
    // The proposal is not in the set: it is not a candidate there.
    assert!(!unused.contains(&"reportrun_covering_idx".to_owned()));
    engine.storage().reset_usage();
    let report = engine.storage().index_usage();
    assert!(report
        .indexes
        .iter()
        .all(|r| r.usage == IndexUsage::default()));
    assert_eq!(report.unused_among(&IndexSet::phase3()).len(), 9);
}

#[test]
fn a_dropped_index_takes_its_counters_and_a_new_one_starts_at_zero() {
    let dataset = dataset();
    let mut engine = loaded(&dataset);
    let (user, _) = busiest_user(&dataset);
    let sql = format!("SELECT id FROM {AUDIT_EVENT} WHERE user_id = {user}");
    let only = IndexSet::of(["audit_user_date_idx"]);
    engine.run_with(&sql, &only).unwrap();
    assert_eq!(usage(&engine, "audit_user_date_idx").idx_scan, 1);
    engine.run("DROP INDEX audit_user_date_idx").unwrap();
    assert!(engine
        .storage()
        .index_usage()
        .get("audit_user_date_idx")
        .is_none());
    engine
        .run(&format!(
            "CREATE INDEX audit_user_date_idx ON {AUDIT_EVENT} (user_id, timestamp DESC)"
        ))
        .unwrap();
    assert_eq!(usage(&engine, "audit_user_date_idx"), IndexUsage::default());
}

#[test]
fn the_service_answers_usage_and_resets_it() {
    let mut service = Service::default();
    let mut answers = Vec::new();
    let mut serve = |service: &mut Service, request| {
        answers.clear();
        service.handle(request, &mut |r| answers.push(r));
        answers.pop()
    };
    serve(
        &mut service,
        Request::Load {
            seed: 5,
            scale: 2_000,
        },
    );
    let Some(Response::Usage(before)) = serve(&mut service, Request::Usage) else {
        panic!("no usage answer")
    };
    assert_eq!(before.indexes.len(), 10);
    serve(
        &mut service,
        Request::Run {
            id: 1,
            sql: "SELECT id FROM upstream_productconfig WHERE product_slug = 'denialscope' AND enabled = TRUE".into(),
            repetitions: 3,
            configs: vec![seekscan_core::protocol::Config {
                slot: seekscan_core::protocol::Slot::B,
                indexes: vec!["prodcfg_slug_enabled_idx".into()],
            }],
        },
    );
    let Some(Response::Usage(after)) = serve(&mut service, Request::Usage) else {
        panic!("no usage answer")
    };
    // Three repetitions, three scans.
    assert_eq!(after.get("prodcfg_slug_enabled_idx").unwrap().idx_scan, 3);
    let Some(Response::Usage(reset)) = serve(&mut service, Request::ResetUsage) else {
        panic!("no usage answer")
    };
    assert!(reset
        .indexes
        .iter()
        .all(|r| r.usage == IndexUsage::default()));
}
