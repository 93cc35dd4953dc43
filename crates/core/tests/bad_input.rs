//! A statement that fails leaves rows, indexes and catalog exactly as they
//! were: nothing half-applied, whatever the kind of error.
use gluesql_core::data::Key;
use seekscan_core::catalog::IndexDef;
use seekscan_core::engine::{Engine, MemoryReport};
use seekscan_core::generator::{generate, DatasetSpec};

/// An index's entries: key values and row key, in index order.
type Entries = Vec<(Vec<Key>, Key)>;

#[derive(Debug, PartialEq)]
struct Snapshot {
    counts: Vec<(String, usize)>,
    indexes: Vec<IndexDef>,
    memory: MemoryReport,
    entries: Vec<Option<Entries>>,
    rows: Vec<Vec<Vec<serde_json::Value>>>,
}

fn snapshot(engine: &mut Engine) -> Snapshot {
    let indexes = engine.indexes();
    let entries = indexes
        .iter()
        .map(|d| engine.storage().index_entries(&d.name))
        .collect();
    let counts = engine.table_counts();
    let rows = counts
        .iter()
        .map(|(table, _)| {
            engine
                .run(&format!("SELECT * FROM {table} ORDER BY id"))
                .unwrap()
                .rows
        })
        .collect();
    Snapshot {
        counts,
        memory: engine.memory_report(),
        indexes,
        entries,
        rows,
    }
}

const RUN: &str = "'weekly', '2026-01-01 00:00:00', NULL, 'success', NULL";

#[test]
fn failing_statements_change_nothing() {
    let dataset = generate(&DatasetSpec {
        seed: 1,
        scale: 2_000,
    });
    let mut engine = Engine::load(&dataset, &mut |_, _, _| {}).unwrap();
    engine
        .run("CREATE INDEX user_made_idx ON upstream_reportrun (run_type, finished_at DESC) INCLUDE (status)")
        .unwrap();
    let before = snapshot(&mut engine);
    assert_eq!(before.indexes.len(), 11);
    assert!(before.counts.iter().all(|(_, rows)| *rows > 0));

    let failing = [
        "SELEC nonsense".to_owned(),
        "SELECT * FROM no_such_table".to_owned(),
        "SELECT no_such_column FROM upstream_reportrun".to_owned(),
        "SELECT id FROM upstream_reportrun WHERE no_such_column = 1".to_owned(),
        "EXPLAIN ANALYZE SELECT * FROM no_such_table".to_owned(),
        "DROP INDEX no_such_idx".to_owned(),
        "DROP INDEX".to_owned(),
        "CREATE INDEX audit_entity_idx ON upstream_reportrun (status)".to_owned(),
        "CREATE INDEX user_made_idx ON upstream_domainauditevent (action)".to_owned(),
        "CREATE INDEX fresh_idx ON upstream_reportrun (no_such_column)".to_owned(),
        "CREATE INDEX fresh_idx ON upstream_reportrun (status, no_such_column)".to_owned(),
        "CREATE INDEX fresh_idx ON upstream_reportrun (status) INCLUDE (no_such_column)".to_owned(),
        "CREATE INDEX fresh_idx ON upstream_reportrun (status, status)".to_owned(),
        "CREATE INDEX fresh_idx ON no_such_table (id)".to_owned(),
        "CREATE INDEX fresh_idx ON upstream_reportrun status".to_owned(),
        // A type error in the second row of one INSERT.
        format!("INSERT INTO upstream_reportrun VALUES (900001, 1, {RUN}), (900002, 'many', {RUN})"),
        // A bad timestamp, a NULL in a NOT NULL column, a duplicate key, mid-batch.
        format!("INSERT INTO upstream_reportrun VALUES (900001, 1, {RUN}), (900002, 1, 'weekly', '2026-13-45 00:00:00', NULL, 'success', NULL)"),
        format!("INSERT INTO upstream_reportrun VALUES (900001, 1, {RUN}), (900002, NULL, {RUN})"),
        format!("INSERT INTO upstream_reportrun VALUES (900001, 1, {RUN}), (1, 1, {RUN})"),
        format!("INSERT INTO upstream_reportrun VALUES (900001, 1, {RUN}, 'one too many')"),
        format!("INSERT INTO no_such_table VALUES (900001, 1, {RUN})"),
        // UPDATEs that fail on some rows but not others.
        "UPDATE upstream_reportrun SET customer_id = CASE WHEN id > 10 THEN 'many' ELSE 1 END".to_owned(),
        "UPDATE upstream_reportrun SET status = NULL WHERE customer_id = 1".to_owned(),
        "UPDATE upstream_reportrun SET started_at = 'yesterday' WHERE status = 'success'".to_owned(),
        "UPDATE upstream_reportrun SET no_such_column = 1".to_owned(),
        "UPDATE upstream_productconfig SET enabled = 'perhaps' WHERE customer_id = 1".to_owned(),
        "DELETE FROM no_such_table".to_owned(),
        "DELETE FROM upstream_reportrun WHERE no_such_column = 1".to_owned(),
        "".to_owned(),
    ];
    for sql in &failing {
        let result = engine.run(sql);
        assert!(result.is_err(), "{sql:?} should fail, got {result:?}");
        assert!(
            snapshot(&mut engine) == before,
            "{sql:?} changed the database"
        );
    }
    // An unknown name in an index set is an error too, and changes nothing.
    assert!(engine.index_set("audit_entity_idx,no_such_idx").is_err());
    assert!(snapshot(&mut engine) == before);
}
