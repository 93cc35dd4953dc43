//! The generated rows in SQLite, and result rows from either side as text
//! both agree on (the oracle tests share it).
use gluesql_core::data::Value;
use rusqlite::types::{Value as Cell, ValueRef};
use seekscan_core::generator::Dataset;

const SCHEMA: &str = "
    CREATE TABLE upstream_reportrun (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL,
        run_type TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL,
        summary_json TEXT);
    CREATE TABLE upstream_domainauditevent (id INTEGER PRIMARY KEY, customer_id INTEGER,
        action TEXT NOT NULL, entity_type TEXT NOT NULL, entity_id TEXT, timestamp TEXT NOT NULL,
        request_id TEXT, metadata TEXT NOT NULL, user_id INTEGER);
    CREATE TABLE upstream_productconfig (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL,
        product_slug TEXT NOT NULL, enabled BOOLEAN NOT NULL, config_json TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by_id INTEGER,
        updated_by_id INTEGER);";

/// A generated value as SQLite stores it: timestamps as the text GlueSQL
/// prints, booleans as 0/1 (SQLite has no boolean type).
fn cell(value: &Value) -> Cell {
    match value {
        Value::Null => Cell::Null,
        Value::I64(n) => Cell::Integer(*n),
        Value::Bool(b) => Cell::Integer(i64::from(*b)),
        Value::Str(s) => Cell::Text(s.clone()),
        Value::Timestamp(t) => Cell::Text(t.format("%Y-%m-%d %H:%M:%S").to_string()),
        other => panic!("unexpected generated value {other:?}"),
    }
}

/// An in-memory SQLite database with the three tables and `dataset`'s rows.
/// LIKE is made case-sensitive, as GlueSQL's is.
pub fn sqlite_with(dataset: &Dataset) -> rusqlite::Connection {
    let db = rusqlite::Connection::open_in_memory().unwrap();
    db.execute_batch(SCHEMA).unwrap();
    db.execute_batch("PRAGMA case_sensitive_like = ON").unwrap();
    for table in &dataset.tables {
        let width = table.rows[0].len();
        let marks = vec!["?"; width].join(", ");
        let mut insert = db
            .prepare(&format!("INSERT INTO {} VALUES ({marks})", table.name))
            .unwrap();
        for row in &table.rows {
            insert
                .execute(rusqlite::params_from_iter(row.iter().map(cell)))
                .unwrap();
        }
    }
    db
}

/// Engine cells as text; booleans as 0/1 like SQLite's.
pub fn engine_text(rows: &[Vec<serde_json::Value>]) -> Vec<Vec<String>> {
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::Bool(b) => i64::from(*b).to_string(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    rows.iter()
        .map(|row| row.iter().map(text).collect())
        .collect()
}

/// SQLite's rows as text, or its error.
pub fn sqlite_text(db: &rusqlite::Connection, sql: &str) -> Result<Vec<Vec<String>>, String> {
    let mut statement = db.prepare(sql).map_err(|e| e.to_string())?;
    let width = statement.column_count();
    let text = |cell: ValueRef| match cell {
        ValueRef::Null => "null".to_owned(),
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
        ValueRef::Blob(_) => "blob".to_owned(),
    };
    let rows = statement
        .query_map([], |row| {
            (0..width).map(|i| Ok(text(row.get_ref(i)?))).collect()
        })
        .map_err(|e| e.to_string())?;
    rows.collect::<Result<_, _>>().map_err(|e| e.to_string())
}
