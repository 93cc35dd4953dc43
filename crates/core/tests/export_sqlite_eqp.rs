//! The SQLite export is what SQLite itself prints: on the rows of `seekscan
//! dump` (same indexes, ANALYZE'd), SQLite's own `EXPLAIN QUERY PLAN`,
//! drawn as the sqlite3 shell draws it, equals our plan's SQLite text for
//! every documented pattern, for the large and the small tenant, with no
//! secondary index, the Phase 3 set, and Phase 3 with the covering index.
use seekscan_core::catalog::{builtin_indexes, Origin};
use seekscan_core::dump;
use seekscan_core::engine::Engine;
use seekscan_core::export::PlanFormat;
use seekscan_core::generator::{generate, DatasetSpec};
use seekscan_core::patterns;

/// SQLite's EXPLAIN QUERY PLAN rows `(id, parent, detail)` as the shell
/// prints them: `|--` for a line with later siblings, `` `-- `` for the last.
fn shell_tree(db: &rusqlite::Connection, sql: &str) -> String {
    let mut statement = db.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let rows: Vec<(i64, i64, String)> = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = String::from("QUERY PLAN\n");
    draw(&rows, 0, "", &mut out);
    out
}

fn draw(rows: &[(i64, i64, String)], parent: i64, prefix: &str, out: &mut String) {
    let children: Vec<_> = rows.iter().filter(|(_, p, _)| *p == parent).collect();
    for (at, (id, _, detail)) in children.iter().enumerate() {
        let last = at + 1 == children.len();
        out.push_str(&format!(
            "{prefix}{}{detail}\n",
            if last { "`--" } else { "|--" }
        ));
        let deeper = format!("{prefix}{}", if last { "   " } else { "|  " });
        draw(rows, *id, &deeper, out);
    }
}

#[test]
fn sqlite_text_equals_sqlites_own_explain_query_plan() {
    let dataset = generate(&DatasetSpec {
        seed: 1,
        scale: 20_000,
    });
    let mut engine = Engine::load(&dataset, &mut |_, _, _| {}).unwrap();
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for set in ["none", "phase3", "all"] {
        let indexes: Vec<_> = builtin_indexes()
            .into_iter()
            .filter(|d| set == "all" || (set == "phase3" && d.origin == Origin::Phase3))
            .collect();
        let mut sql = Vec::new();
        dump::write_dataset(&dataset, &indexes, &mut sql).unwrap();
        let db = rusqlite::Connection::open_in_memory().unwrap();
        db.execute_batch(std::str::from_utf8(&sql).unwrap())
            .unwrap();
        let visible = engine.index_set(set).unwrap();
        for large in [true, false] {
            let params = patterns::params_for(&dataset, large);
            for pattern in patterns::all() {
                let sql = pattern.render(&params);
                let outcome = engine.run_with(&sql, &visible).unwrap();
                let ours = PlanFormat::SqliteEqp.render(&outcome.plan, None).unwrap();
                let theirs = shell_tree(&db, &sql);
                checked += 1;
                if ours != theirs {
                    let tenant = if large { "large" } else { "small" };
                    mismatches.push(format!(
                        "{} ({tenant}, {set}):\nsqlite:\n{theirs}ours:\n{ours}",
                        pattern.id
                    ));
                }
            }
        }
    }
    assert_eq!(checked, 3 * 2 * patterns::all().len());
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn range_seeks_and_ordered_index_reads_print_as_sqlite_does() {
    let dataset = generate(&DatasetSpec {
        seed: 1,
        scale: 5_000,
    });
    let phase3: Vec<_> = builtin_indexes()
        .into_iter()
        .filter(|d| d.origin == Origin::Phase3)
        .collect();
    let mut dumped = Vec::new();
    dump::write_dataset(&dataset, &phase3, &mut dumped).unwrap();
    let db = rusqlite::Connection::open_in_memory().unwrap();
    db.execute_batch(std::str::from_utf8(&dumped).unwrap())
        .unwrap();
    let mut engine = Engine::load(&dataset, &mut |_, _, _| {}).unwrap();
    let visible = engine.index_set("phase3").unwrap();
    let tenant = patterns::params_for(&dataset, true)["tenant"].clone();
    let mut printed = Vec::new();
    for sql in [
        // An equality prefix and a range on the next key column.
        format!("SELECT id FROM upstream_reportrun WHERE customer_id = {tenant} AND status = 'success' AND started_at >= '2024-01-01 00:00:00' AND started_at < '2024-06-01 00:00:00'"),
        // The primary key.
        "SELECT * FROM upstream_reportrun WHERE id = 42".to_owned(),
        // A full scan with a sort.
        "SELECT id FROM upstream_domainauditevent WHERE request_id = 'x' ORDER BY timestamp DESC".to_owned(),
    ] {
        let outcome = engine.run_with(&sql, &visible).unwrap();
        let ours = PlanFormat::SqliteEqp.render(&outcome.plan, None).unwrap();
        assert_eq!(ours, shell_tree(&db, &sql), "{sql}\n{}", outcome.plan.to_text());
        printed.push(ours);
    }
    // The cases are what they claim to be.
    assert!(
        printed[0].contains("(customer_id=? AND status=? AND started_at>? AND started_at<?)"),
        "{}",
        printed[0]
    );
    assert!(
        printed[1].contains("USING INTEGER PRIMARY KEY (rowid=?)"),
        "{}",
        printed[1]
    );
    assert!(
        printed[2].contains("USE TEMP B-TREE FOR ORDER BY"),
        "{}",
        printed[2]
    );
}
