//! Secondary indexes stay exactly what a fresh build would give after any
//! INSERT, UPDATE and DELETE; bad index statements change nothing.
use seekscan_core::catalog::IndexDef;
use seekscan_core::engine::Engine;
use seekscan_core::generator::{generate, DatasetSpec};

fn engine() -> Engine {
    let dataset = generate(&DatasetSpec {
        seed: 3,
        scale: 1_500,
    });
    // Every built-in index, built by the load.
    Engine::load(&dataset, &mut |_, _, _| {}).unwrap()
}

/// Every index's entries and statistics next to a rebuild of the same
/// definition.
fn assert_indexes_match_a_rebuild(engine: &mut Engine) {
    for def in engine.indexes() {
        let maintained = engine.storage().index_entries(&def.name).unwrap();
        let maintained_stats = engine.storage().index_stats(&def.name).unwrap();
        engine.run(&format!("DROP INDEX {}", def.name)).unwrap();
        let rebuilt_def = IndexDef {
            name: def.name.clone(),
            ..def.clone()
        };
        // Rebuild through the same storage path the loader uses.
        engine.run(&rebuilt_def.create_sql()).unwrap();
        let rebuilt = engine.storage().index_entries(&def.name).unwrap();
        assert_eq!(
            maintained_stats,
            engine.storage().index_stats(&def.name).unwrap(),
            "{}: statistics went stale",
            def.name
        );
        if maintained != rebuilt {
            let extra: Vec<_> = maintained
                .iter()
                .filter(|e| !rebuilt.contains(e))
                .take(3)
                .collect();
            let missing: Vec<_> = rebuilt
                .iter()
                .filter(|e| !maintained.contains(e))
                .take(3)
                .collect();
            panic!(
                "{} drifted from its rows: stale {extra:?}, missing {missing:?}",
                def.name
            );
        }
    }
}

#[test]
fn every_builtin_index_covers_every_row() {
    let engine = engine();
    assert_eq!(engine.indexes().len(), 10);
    for def in engine.indexes() {
        let rows = engine.storage().row_count(&def.table).unwrap();
        assert_eq!(
            engine.storage().index_entries(&def.name).unwrap().len(),
            rows,
            "{}",
            def.name
        );
    }
}

#[test]
fn writes_keep_indexes_in_step_with_rows() {
    let mut engine = engine();
    for sql in [
        "UPDATE upstream_reportrun SET status = 'failed', started_at = '2025-09-01 10:00:00' WHERE customer_id = 2",
        "UPDATE upstream_domainauditevent SET user_id = NULL, action = 'role_changed' WHERE id < 40",
        "DELETE FROM upstream_domainauditevent WHERE customer_id = 3",
        // Every row at once: more writes than an index holds apart.
        "UPDATE upstream_domainauditevent SET user_id = user_id + 1, timestamp = '2025-12-01 00:00:00' WHERE id % 2 = 0",
        "DELETE FROM upstream_productconfig WHERE enabled = FALSE",
        "INSERT INTO upstream_reportrun VALUES (900001, 7, 'custom', '2026-01-20 08:00:00', NULL, 'running', NULL)",
        "INSERT INTO upstream_productconfig VALUES (900001, 99, 'authsignal', TRUE, '{}', '2026-01-01 00:00:00', '2026-01-02 00:00:00', NULL, NULL)",
    ] {
        engine.run(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
    assert_indexes_match_a_rebuild(&mut engine);
}

#[test]
fn bad_index_statements_leave_everything_as_it_was() {
    let mut engine = engine();
    engine
        .run(
            "CREATE INDEX mine ON upstream_reportrun (run_type, finished_at DESC) INCLUDE (status)",
        )
        .unwrap();
    let before = engine.indexes();
    let entries = engine.storage().index_entries("mine").unwrap();
    for (sql, says) in [
        (
            "CREATE INDEX mine ON upstream_reportrun (status)",
            "already exists",
        ),
        (
            "CREATE INDEX audit_entity_idx ON upstream_reportrun (status)",
            "already exists",
        ),
        (
            "CREATE INDEX x ON no_such_table (a)",
            "table no_such_table does not exist",
        ),
        (
            "CREATE INDEX x ON upstream_reportrun (nope)",
            "column nope does not exist",
        ),
        (
            "CREATE INDEX x ON upstream_reportrun (status) INCLUDE (nope)",
            "column nope does not exist",
        ),
        (
            "CREATE INDEX x ON upstream_reportrun (status, status)",
            "appears twice",
        ),
        ("CREATE INDEX x ON upstream_reportrun status", "Expected: ("),
        (
            "DROP INDEX no_such_index",
            "index no_such_index does not exist",
        ),
    ] {
        let error = engine.run(sql).unwrap_err().to_string();
        assert!(error.contains(says), "{sql}: {error}");
        assert_eq!(engine.indexes(), before, "{sql} changed the catalog");
    }
    assert_eq!(engine.storage().index_entries("mine").unwrap(), entries);
    engine.run("DROP INDEX mine").unwrap();
    assert_eq!(engine.indexes().len(), 10);
}

#[test]
fn tables_without_a_primary_key_keep_their_indexes_too() {
    let mut engine = Engine::new();
    engine.run("CREATE TABLE t (a INT, b TEXT NULL)").unwrap();
    engine
        .run("INSERT INTO t VALUES (1, 'x'), (2, NULL), (3, 'y')")
        .unwrap();
    engine.run("CREATE INDEX t_b_a ON t (b, a DESC)").unwrap();
    engine.run("INSERT INTO t VALUES (4, 'x')").unwrap();
    engine.run("UPDATE t SET b = 'z' WHERE a = 1").unwrap();
    engine.run("DELETE FROM t WHERE a = 3").unwrap();
    assert_eq!(engine.storage().index_entries("t_b_a").unwrap().len(), 3);
    assert_indexes_match_a_rebuild(&mut engine);
}

#[test]
fn statistics_follow_every_write() {
    let mut engine = engine();
    // Long keys (past the inline size) and a DESC text column as well.
    engine
        .run("CREATE INDEX long_keys ON upstream_domainauditevent (metadata, request_id DESC, entity_id)")
        .unwrap();
    let distinct_customers = |engine: &Engine| {
        engine
            .storage()
            .index_stats("audit_cust_action_idx")
            .unwrap()
            .distinct_prefixes[0]
    };
    let before = distinct_customers(&engine);
    engine
        .run("DELETE FROM upstream_domainauditevent WHERE customer_id = 2")
        .unwrap();
    assert_eq!(distinct_customers(&engine), before - 1);
    engine
        .run(
            "INSERT INTO upstream_domainauditevent VALUES \
             (900001, 4242, 'member_added', 'membership', NULL, '2026-01-20 08:00:00', NULL, '{}', NULL), \
             (900002, 4242, 'member_added', 'membership', NULL, '2026-01-20 08:00:01', NULL, '{}', NULL)",
        )
        .unwrap();
    assert_eq!(distinct_customers(&engine), before);
    engine
        .run("UPDATE upstream_domainauditevent SET customer_id = 4243, metadata = 'x' WHERE id = 900002")
        .unwrap();
    assert_eq!(distinct_customers(&engine), before + 1);
    let stats = engine
        .storage()
        .index_stats("audit_cust_action_idx")
        .unwrap();
    assert_eq!(
        stats.entries as usize,
        engine
            .storage()
            .row_count("upstream_domainauditevent")
            .unwrap()
    );
    assert_indexes_match_a_rebuild(&mut engine);
}
