//! The generated rows in an in-memory SQLite, stored the way `seekscan dump`
//! writes them (timestamps as `YYYY-MM-DD HH:MM:SS` text, booleans as 0/1),
//! and a query timed over every result row.
use std::time::Instant;

use gluesql_core::chrono::Timelike;
use gluesql_core::data::Value;
use rusqlite::types::Value as Cell;
use rusqlite::Connection;
use seekscan_core::bench::Timings;
use seekscan_core::catalog::IndexDef;
use seekscan_core::dump;
use seekscan_core::generator::Dataset;
use seekscan_core::schema;

/// A generated value as the dump's literal leaves it in SQLite.
fn cell(value: &Value) -> Cell {
    match value {
        Value::Null => Cell::Null,
        Value::Bool(b) => Cell::Integer(i64::from(*b)),
        Value::I64(n) => Cell::Integer(*n),
        Value::F64(f) => Cell::Real(*f),
        Value::Str(s) => Cell::Text(s.clone()),
        Value::Timestamp(t) if t.nanosecond() == 0 => {
            Cell::Text(t.format("%Y-%m-%d %H:%M:%S").to_string())
        }
        Value::Timestamp(t) => Cell::Text(t.format("%Y-%m-%d %H:%M:%S%.6f").to_string()),
        other => Cell::Text(String::from(other.clone())),
    }
}

/// The dump's tables, `dataset`'s rows through one prepared INSERT per
/// table in one transaction (far quicker than parsing the dump's text),
/// then `indexes` and ANALYZE. LIKE is case-sensitive, as GlueSQL's is.
pub fn load(dataset: &Dataset, indexes: &[IndexDef]) -> rusqlite::Result<Connection> {
    let mut db = Connection::open_in_memory()?;
    db.execute_batch("PRAGMA case_sensitive_like = ON")?;
    let schemas = dump::upstream_schemas();
    for schema in &schemas {
        db.execute_batch(&dump::create_table_sql(schema))?;
    }
    let load = db.transaction()?;
    for table in &dataset.tables {
        let Some(width) = table.rows.first().map(Vec::len) else {
            continue;
        };
        let marks = vec!["?"; width].join(", ");
        let mut insert = load.prepare(&format!("INSERT INTO {} VALUES ({marks})", table.name))?;
        for row in &table.rows {
            insert.execute(rusqlite::params_from_iter(row.iter().map(cell)))?;
        }
    }
    load.commit()?;
    for def in indexes {
        db.execute_batch(&dump::create_index_sql(def))?;
    }
    db.execute_batch("ANALYZE")?;
    Ok(db)
}

/// `sql` with `NOT INDEXED` after every table name, so that SQLite reads
/// each table whole (its rowid is still the primary key).
pub fn not_indexed(sql: &str) -> String {
    [
        schema::REPORT_RUN,
        schema::AUDIT_EVENT,
        schema::PRODUCT_CONFIG,
    ]
    .iter()
    .fold(sql.to_owned(), |sql, table| {
        sql.replace(
            &format!("FROM {table}"),
            &format!("FROM {table} NOT INDEXED"),
        )
    })
}

/// Runs `sql` `repetitions` times and returns the first run's rows with
/// the timings of all. Like seekscan's `elapsed_us`, the clock covers
/// execution and every result row read into owned cells, not the parse
/// and plan (the statement is prepared once, before).
pub fn measure(
    db: &Connection,
    sql: &str,
    repetitions: u32,
) -> rusqlite::Result<(Vec<Vec<Cell>>, Timings)> {
    let mut statement = db.prepare(sql)?;
    let width = statement.column_count();
    let mut first = None;
    let mut samples = Vec::new();
    for _ in 0..repetitions {
        let started = Instant::now();
        let mut rows = statement.query([])?;
        let mut read = Vec::new();
        while let Some(row) = rows.next()? {
            read.push((0..width).map(|i| row.get(i)).collect::<Result<_, _>>()?);
        }
        samples.push(started.elapsed().as_secs_f64() * 1e6);
        first.get_or_insert(read);
    }
    Ok((first.unwrap_or_default(), Timings::from_samples(samples)))
}

/// How SQLite's plan for `sql` reads its table: "seek" (a SEARCH through
/// an index), "index" (a SCAN of a whole index, for its order or because
/// it covers the query) or "scan" (the table itself).
pub fn access(db: &Connection, sql: &str) -> rusqlite::Result<&'static str> {
    let mut statement = db.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
    let details = statement
        .query_map([], |row| row.get::<_, String>(3))?
        .collect::<Result<Vec<_>, _>>()?;
    let through_index = |verb: &str| {
        details
            .iter()
            .any(|d| d.starts_with(verb) && d.contains(" INDEX "))
    };
    Ok(if through_index("SEARCH") {
        "seek"
    } else if through_index("SCAN") {
        "index"
    } else {
        "scan"
    })
}

/// A SQLite cell as text that matches [`engine_text`] for the same value.
pub fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Null => "null".to_owned(),
        Cell::Integer(n) => n.to_string(),
        Cell::Real(f) => f.to_string(),
        Cell::Text(t) => t.clone(),
        Cell::Blob(_) => "blob".to_owned(),
    }
}

/// An engine cell (a JSON scalar) as text; booleans as 0/1 like SQLite's.
pub fn engine_text(cell: &serde_json::Value) -> String {
    match cell {
        serde_json::Value::Bool(b) => i64::from(*b).to_string(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
