//! `dump --dialect postgres` loads into PostgreSQL with `psql -v
//! ON_ERROR_STOP=1` and holds exactly the rows the shared dialect gives
//! SQLite: per table, PostgreSQL's `md5(string_agg(row text ORDER BY id))`
//! equals the md5 of the same canonical text built from SQLite's rows.
//!
//! The canonical text of a row is its cells as PostgreSQL casts them to
//! text (booleans `true`/`false`, timestamps `… +00` under TimeZone UTC,
//! `jsonb` in its normalized form), `\N` for NULL, tab-separated.
#[path = "support/postgres.rs"]
mod postgres_cluster;

use gluesql_core::ast::DataType;
use gluesql_core::data::Schema;
use md5::{Digest, Md5};
use rusqlite::types::ValueRef;
use seekscan_core::catalog::builtin_indexes;
use seekscan_core::dump::{self, Dialect};
use seekscan_core::generator::{generate, DatasetSpec};

const NULL: &str = "\\N";

/// PostgreSQL's text form of a `jsonb` value: object keys ordered by
/// length, then bytes; `": "` and `", "` between items.
fn jsonb_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
            let items: Vec<String> = keys
                .iter()
                .map(|k| {
                    format!(
                        "{}: {}",
                        serde_json::Value::from(k.as_str()),
                        jsonb_text(&map[*k])
                    )
                })
                .collect();
            format!("{{{}}}", items.join(", "))
        }
        serde_json::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(jsonb_text).collect();
            format!("[{}]", items.join(", "))
        }
        scalar => scalar.to_string(),
    }
}

/// One SQLite cell as PostgreSQL's text cast of the column's type.
fn canonical_cell(table: &str, column: &str, data_type: &DataType, cell: ValueRef) -> String {
    match (cell, data_type) {
        (ValueRef::Null, _) => NULL.to_owned(),
        (ValueRef::Integer(n), DataType::Boolean) => (n != 0).to_string(),
        (ValueRef::Integer(n), _) => n.to_string(),
        (ValueRef::Real(f), _) => f.to_string(),
        (ValueRef::Text(t), DataType::Timestamp) => format!("{}+00", String::from_utf8_lossy(t)),
        (ValueRef::Text(t), _) if dump::is_json_column(table, column) => {
            let parsed: serde_json::Value = serde_json::from_slice(t)
                .unwrap_or_else(|e| panic!("{table}.{column} holds no JSON: {e}"));
            jsonb_text(&parsed)
        }
        (ValueRef::Text(t), _) => String::from_utf8_lossy(t).into_owned(),
        (ValueRef::Blob(_), _) => panic!("{table}.{column}: unexpected blob"),
    }
}

fn columns(schema: &Schema) -> Vec<(String, DataType)> {
    schema
        .column_defs
        .iter()
        .flatten()
        .map(|c| (c.name.clone(), c.data_type.clone()))
        .collect()
}

/// The canonical text of every row of `schema`'s table in SQLite, by id.
fn sqlite_rows(db: &rusqlite::Connection, schema: &Schema) -> Vec<String> {
    let table = schema.table_name.as_str();
    let columns = columns(schema);
    let mut statement = db
        .prepare(&format!("SELECT * FROM {table} ORDER BY id"))
        .unwrap();
    statement
        .query_map([], |row| {
            let cells: Vec<String> = columns
                .iter()
                .enumerate()
                .map(|(i, (name, data_type))| {
                    Ok(canonical_cell(table, name, data_type, row.get_ref(i)?))
                })
                .collect::<Result<_, rusqlite::Error>>()?;
            Ok(cells.join("\t"))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The same canonical row text, as a PostgreSQL expression.
fn postgres_row_text(schema: &Schema) -> String {
    let cells: Vec<String> = columns(schema)
        .iter()
        .map(|(name, _)| format!("coalesce({name}::text, '{NULL}')"))
        .collect();
    format!("concat_ws(E'\\t', {})", cells.join(", "))
}

fn md5_hex(text: &str) -> String {
    Md5::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn postgres_loads_the_postgres_dump_with_the_rows_sqlite_holds() {
    let dataset = generate(&DatasetSpec {
        seed: 3,
        scale: 3_000,
    });
    let indexes = builtin_indexes();
    let mut shared = Vec::new();
    dump::write_dataset(&dataset, &indexes, &mut shared).unwrap();
    let sqlite = rusqlite::Connection::open_in_memory().unwrap();
    sqlite
        .execute_batch(std::str::from_utf8(&shared).unwrap())
        .unwrap();

    let cluster = postgres_cluster::Cluster::start().unwrap();
    let file = cluster.file("dump.sql");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
    dump::write_dataset_in(Dialect::Postgres, &dataset, &indexes, &mut out).unwrap();
    drop(out);
    cluster
        .psql_file("postgres", &file)
        .unwrap_or_else(|e| panic!("{e}\n{}", cluster.log()));
    let mut pg = cluster.client("postgres").unwrap();
    pg.batch_execute("SET TimeZone = 'UTC'").unwrap();

    for schema in dump::upstream_schemas() {
        let table = &schema.table_name;
        let ours = sqlite_rows(&sqlite, &schema);
        let row_text = postgres_row_text(&schema);
        let sql = format!(
            "SELECT md5(string_agg({row_text}, E'\\n' ORDER BY id)), count(*) FROM {table}"
        );
        let row = pg.query_one(&sql, &[]).unwrap();
        let (theirs, count): (String, i64) = (row.get(0), row.get(1));
        assert_eq!(count as usize, ours.len(), "{table}: row count");
        if theirs != md5_hex(&ours.join("\n")) {
            let pg_rows: Vec<String> = pg
                .query(&format!("SELECT {row_text} FROM {table} ORDER BY id"), &[])
                .unwrap()
                .iter()
                .map(|r| r.get(0))
                .collect();
            let first = ours.iter().zip(&pg_rows).find(|(a, b)| a != b);
            panic!("{table}: md5 differs; first differing row (sqlite, postgres): {first:#?}");
        }
        println!("{table}: {count} rows, md5 {theirs} on both");
    }

    // The dialect's own types and the covering index's INCLUDE survived.
    let types: Vec<(String, String)> = pg
        .query(
            "SELECT column_name::text, data_type::text FROM information_schema.columns \
             WHERE column_name IN ('started_at', 'summary_json', 'enabled')",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    for expected in [
        ("started_at", "timestamp with time zone"),
        ("summary_json", "jsonb"),
        ("enabled", "boolean"),
    ] {
        assert!(
            types
                .iter()
                .any(|(c, t)| (c.as_str(), t.as_str()) == expected),
            "{expected:?} in {types:?}"
        );
    }
    let covering = indexes.iter().find(|d| !d.include.is_empty()).unwrap();
    let definition: String = pg
        .query_one(
            "SELECT indexdef FROM pg_indexes WHERE indexname = $1",
            &[&covering.name],
        )
        .unwrap()
        .get(0);
    assert!(
        definition.ends_with("INCLUDE (run_type, summary_json)"),
        "{definition}"
    );
}

#[test]
fn jsonb_text_orders_keys_as_postgres_does() {
    let value =
        serde_json::json!({"rows": 0, "error": "upstream timeout", "a": [1, {"bb": 2, "c": "\n"}]});
    assert_eq!(
        jsonb_text(&value),
        r#"{"a": [1, {"c": "\n", "bb": 2}], "rows": 0, "error": "upstream timeout"}"#
    );
}
