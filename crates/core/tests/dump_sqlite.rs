//! `dump` output loads into SQLite unchanged and holds exactly our rows.
use rusqlite::types::ValueRef;
use seekscan_core::catalog::builtin_indexes;
use seekscan_core::dump;
use seekscan_core::engine::Engine;
use seekscan_core::generator::{generate, DatasetSpec};

/// A cell as text both sides agree on; booleans as 0/1 (SQLite has no bool).
fn ours_as_text(cell: &serde_json::Value) -> String {
    match cell {
        serde_json::Value::Null => "NULL".to_owned(),
        serde_json::Value::Bool(b) => i64::from(*b).to_string(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn theirs_as_text(cell: ValueRef) -> String {
    match cell {
        ValueRef::Null => "NULL".to_owned(),
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
        ValueRef::Blob(_) => "blob".to_owned(),
    }
}

fn sqlite_rows(db: &rusqlite::Connection, sql: &str) -> Vec<Vec<String>> {
    let mut statement = db.prepare(sql).unwrap();
    let width = statement.column_count();
    statement
        .query_map([], |row| {
            (0..width)
                .map(|i| Ok(theirs_as_text(row.get_ref(i)?)))
                .collect()
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn sqlite_loads_the_dump_and_holds_our_rows() {
    let dataset = generate(&DatasetSpec {
        seed: 3,
        scale: 3_000,
    });
    let mut sql = Vec::new();
    dump::write_dataset(&dataset, &builtin_indexes(), &mut sql).unwrap();
    let sql = String::from_utf8(sql).unwrap();
    assert!(
        sql.matches("INSERT INTO upstream_domainauditevent").count()
            >= 3_000 / dump::ROWS_PER_INSERT
    );

    let db = rusqlite::Connection::open_in_memory().unwrap();
    db.execute_batch(&sql).unwrap();
    let mut engine = Engine::load(&dataset, &mut |_, _, _| {}).unwrap();

    let indexes = sqlite_rows(
        &db,
        "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name",
    );
    assert_eq!(indexes.len(), 10, "{indexes:?}");

    for (table, checksum) in [
        (
            "upstream_reportrun",
            "SELECT COUNT(*), SUM(id), SUM(customer_id), COUNT(finished_at), COUNT(summary_json) FROM upstream_reportrun",
        ),
        (
            "upstream_domainauditevent",
            "SELECT COUNT(*), SUM(id), SUM(customer_id), COUNT(entity_id), SUM(user_id) FROM upstream_domainauditevent",
        ),
        (
            "upstream_productconfig",
            "SELECT COUNT(*), SUM(id), SUM(customer_id), COUNT(created_by_id), COUNT(updated_by_id) FROM upstream_productconfig",
        ),
    ] {
        let ours = engine.run(checksum).unwrap();
        let ours: Vec<String> = ours.rows[0].iter().map(ours_as_text).collect();
        assert_eq!(ours, sqlite_rows(&db, checksum)[0], "{checksum}");
        assert_eq!(
            ours[0],
            dataset.table(table).unwrap().rows.len().to_string()
        );

        // Every cell, row by row.
        let all = format!("SELECT * FROM {table} ORDER BY id");
        let ours: Vec<Vec<String>> = engine
            .run(&all)
            .unwrap()
            .rows
            .iter()
            .map(|row| row.iter().map(ours_as_text).collect())
            .collect();
        assert_eq!(ours, sqlite_rows(&db, &all), "{table}");
    }
}
