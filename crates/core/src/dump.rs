//! The sample database as SQL text: CREATE TABLE, the same rows in batched
//! INSERTs, CREATE INDEX and ANALYZE, in one of two dialects.
//!
//! - [`Dialect::Sqlite`] (the default) loads unchanged into `sqlite3` and
//!   `psql`: only syntax the two share is written: TRUE/FALSE, quoted
//!   timestamps, JSON as quoted text, and covering indexes as plain
//!   composite ones (SQLite has no INCLUDE).
//! - [`Dialect::Postgres`] is what a PostgreSQL deployment of the Django
//!   models holds: `timestamptz` (the rows are UTC), `jsonb` for the JSON
//!   columns, and the covering index with `INCLUDE (…)`.
use std::io::{self, Write};
use std::str::FromStr;

use gluesql_core::ast::DataType;
use gluesql_core::chrono::Timelike;
use gluesql_core::data::{Schema, Value};
use gluesql_core::store::Store;

use crate::catalog::IndexDef;
use crate::engine::Engine;
use crate::generator::Dataset;
use crate::schema;

/// Rows per INSERT: small enough for any statement size limit, large
/// enough that a million rows load in seconds.
pub const ROWS_PER_INSERT: usize = 500;

/// Which database the SQL is written for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dialect {
    /// Syntax SQLite and PostgreSQL share (today's `seekscan dump`).
    #[default]
    Sqlite,
    /// PostgreSQL's own types and `INCLUDE`.
    Postgres,
}

impl FromStr for Dialect {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "sqlite" => Ok(Self::Sqlite),
            "postgres" | "postgresql" => Ok(Self::Postgres),
            other => Err(format!(
                "unknown dialect {other:?}: expected sqlite or postgres"
            )),
        }
    }
}

/// The columns that hold JSON documents (TEXT in GlueSQL and SQLite, `jsonb`
/// in PostgreSQL), as (table, column).
pub const JSON_COLUMNS: [(&str, &str); 3] = [
    (schema::REPORT_RUN, "summary_json"),
    (schema::AUDIT_EVENT, "metadata"),
    (schema::PRODUCT_CONFIG, "config_json"),
];

pub fn is_json_column(table: &str, column: &str) -> bool {
    JSON_COLUMNS.contains(&(table, column))
}

/// The three Upstream tables as GlueSQL defines them.
pub fn upstream_schemas() -> Vec<Schema> {
    let mut engine = Engine::new();
    schema::create_table_sql()
        .iter()
        .filter_map(|ddl| {
            engine.create_table(ddl).ok()?;
            let name = ddl.split_whitespace().nth(2)?;
            engine.storage().fetch_schema(name).ok()?
        })
        .collect()
}

/// The whole dataset, then `indexes` (those on its tables), then ANALYZE,
/// in the shared dialect.
pub fn write_dataset(
    dataset: &Dataset,
    indexes: &[IndexDef],
    out: &mut dyn Write,
) -> io::Result<()> {
    write_dataset_in(Dialect::Sqlite, dataset, indexes, out)
}

/// [`write_dataset`] in `dialect`.
pub fn write_dataset_in(
    dialect: Dialect,
    dataset: &Dataset,
    indexes: &[IndexDef],
    out: &mut dyn Write,
) -> io::Result<()> {
    let spec = dataset.spec;
    writeln!(
        out,
        "-- seekscan sample database: seed {}, scale {} (audit events).",
        spec.seed, spec.scale
    )?;
    let about = match dialect {
        Dialect::Sqlite => {
            "-- Loads unchanged into sqlite3 and psql. JSON columns are TEXT holding JSON."
        }
        Dialect::Postgres => {
            "-- PostgreSQL dialect: timestamptz (UTC), jsonb, covering indexes with INCLUDE."
        }
    };
    writeln!(out, "{about}")?;
    let schemas = upstream_schemas();
    for schema in &schemas {
        writeln!(out, "\n{};", create_table_sql_in(dialect, schema))?;
    }
    writeln!(out, "\nBEGIN;")?;
    for schema in &schemas {
        let rows = dataset
            .table(&schema.table_name)
            .map_or(&[][..], |t| &t.rows[..]);
        let columns = column_names(schema);
        for batch in rows.chunks(ROWS_PER_INSERT) {
            let sql = insert_sql_in(dialect, &schema.table_name, &columns, batch);
            out.write_all(sql.as_bytes())?;
        }
    }
    writeln!(out, "COMMIT;\n")?;
    for def in indexes
        .iter()
        .filter(|d| schemas.iter().any(|s| s.table_name == d.table))
    {
        writeln!(out, "{}", create_index_sql_in(dialect, def))?;
    }
    writeln!(out, "\nANALYZE;")
}

fn column_names(schema: &Schema) -> Vec<&str> {
    schema
        .column_defs
        .iter()
        .flatten()
        .map(|c| c.name.as_str())
        .collect()
}

pub(crate) fn type_sql(
    dialect: Dialect,
    table: &str,
    column: &str,
    data_type: &DataType,
) -> &'static str {
    match (dialect, data_type) {
        (Dialect::Postgres, DataType::Timestamp) => return "TIMESTAMPTZ",
        (Dialect::Postgres, DataType::Text) if is_json_column(table, column) => return "JSONB",
        _ => {}
    }
    match data_type {
        DataType::Boolean => "BOOLEAN",
        DataType::Int8 | DataType::Int16 | DataType::Uint8 => "SMALLINT",
        // The Django models' integer columns; the generated values fit.
        DataType::Int32 | DataType::Int | DataType::Uint16 => "INTEGER",
        DataType::Uint32 => "BIGINT",
        DataType::Int128 | DataType::Uint64 | DataType::Uint128 => "NUMERIC",
        DataType::Float32 | DataType::Float => "DOUBLE PRECISION",
        DataType::Decimal => "NUMERIC",
        DataType::Date => "DATE",
        DataType::Timestamp => "TIMESTAMP",
        DataType::Time => "TIME",
        _ => "TEXT",
    }
}

pub fn create_table_sql(schema: &Schema) -> String {
    create_table_sql_in(Dialect::Sqlite, schema)
}

pub fn create_table_sql_in(dialect: Dialect, schema: &Schema) -> String {
    let table = schema.table_name.as_str();
    let columns: Vec<String> = schema
        .column_defs
        .iter()
        .flatten()
        .map(|c| {
            let constraint = match (c.unique, c.nullable) {
                (Some(u), _) if u.is_primary => " PRIMARY KEY",
                (Some(_), false) => " NOT NULL UNIQUE",
                (Some(_), true) => " UNIQUE",
                (None, false) => " NOT NULL",
                (None, true) => "",
            };
            let sql_type = type_sql(dialect, table, &c.name, &c.data_type);
            format!("  {} {sql_type}{constraint}", c.name)
        })
        .collect();
    format!(
        "CREATE TABLE {} (\n{}\n)",
        schema.table_name,
        columns.join(",\n")
    )
}

fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// A value as a literal both SQLite and PostgreSQL read back unchanged.
pub fn value_sql(value: &Value) -> String {
    value_sql_in(Dialect::Sqlite, value)
}

/// A value as a literal of `dialect`: PostgreSQL's timestamps carry their
/// zone (`+00`), so a `timestamptz` holds the same instant whatever the
/// session's TimeZone.
pub fn value_sql_in(dialect: Dialect, value: &Value) -> String {
    let zone = match dialect {
        Dialect::Sqlite => "",
        Dialect::Postgres => "+00",
    };
    match value {
        Value::Null => "NULL".to_owned(),
        Value::Bool(true) => "TRUE".to_owned(),
        Value::Bool(false) => "FALSE".to_owned(),
        Value::I8(_)
        | Value::I16(_)
        | Value::I32(_)
        | Value::I64(_)
        | Value::I128(_)
        | Value::U8(_)
        | Value::U16(_)
        | Value::U32(_)
        | Value::U64(_)
        | Value::U128(_)
        | Value::F32(_)
        | Value::F64(_)
        | Value::Decimal(_) => String::from(value.clone()),
        Value::Timestamp(t) if t.nanosecond() == 0 => {
            quoted(&format!("{}{zone}", t.format("%Y-%m-%d %H:%M:%S")))
        }
        Value::Timestamp(t) => quoted(&format!("{}{zone}", t.format("%Y-%m-%d %H:%M:%S%.6f"))),
        other => quoted(&String::from(other.clone())),
    }
}

pub fn insert_sql(table: &str, columns: &[&str], rows: &[Vec<Value>]) -> String {
    insert_sql_in(Dialect::Sqlite, table, columns, rows)
}

pub fn insert_sql_in(
    dialect: Dialect,
    table: &str,
    columns: &[&str],
    rows: &[Vec<Value>],
) -> String {
    let mut sql = format!("INSERT INTO {table} ({}) VALUES\n", columns.join(", "));
    for (i, row) in rows.iter().enumerate() {
        let values: Vec<String> = row.iter().map(|v| value_sql_in(dialect, v)).collect();
        sql.push('(');
        sql.push_str(&values.join(", "));
        sql.push_str(if i + 1 == rows.len() { ");\n" } else { "),\n" });
    }
    sql
}

/// `CREATE INDEX`; INCLUDE columns become trailing key columns, which
/// serve the same covering reads wherever INCLUDE is missing.
pub fn create_index_sql(def: &IndexDef) -> String {
    create_index_sql_in(Dialect::Sqlite, def)
}

/// `CREATE INDEX` in `dialect`: PostgreSQL keeps `INCLUDE (…)`.
pub fn create_index_sql_in(dialect: Dialect, def: &IndexDef) -> String {
    if dialect == Dialect::Postgres {
        return format!("{};", def.create_sql());
    }
    let mut keys = def.key_list();
    keys.extend(def.include.iter().cloned());
    let statement = format!(
        "CREATE INDEX {} ON {} ({});",
        def.name,
        def.table,
        keys.join(", ")
    );
    if def.include.is_empty() {
        statement
    } else {
        format!(
            "-- {} INCLUDEs ({}); SQLite has no INCLUDE, so they are trailing key columns here.\n{statement}",
            def.name,
            def.include.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::builtin_indexes;
    use gluesql_core::chrono::NaiveDate;

    #[test]
    fn literals_both_databases_read() {
        let t = NaiveDate::from_ymd_opt(2026, 1, 2)
            .unwrap()
            .and_hms_opt(3, 4, 5)
            .unwrap();
        assert_eq!(value_sql(&Value::Timestamp(t)), "'2026-01-02 03:04:05'");
        assert_eq!(value_sql(&Value::Str("it's".into())), "'it''s'");
        assert_eq!(
            value_sql(&Value::Str(r#"{"a": "b\c"}"#.into())),
            r#"'{"a": "b\c"}'"#
        );
        assert_eq!(value_sql(&Value::Bool(true)), "TRUE");
        assert_eq!(value_sql(&Value::Null), "NULL");
        assert_eq!(value_sql(&Value::I64(-7)), "-7");
    }

    #[test]
    fn tables_and_indexes_as_shared_sql() {
        let schemas = upstream_schemas();
        assert_eq!(schemas.len(), 3);
        let runs = create_table_sql(&schemas[0]);
        assert!(runs.starts_with("CREATE TABLE upstream_reportrun (\n  id INTEGER PRIMARY KEY,\n  customer_id INTEGER NOT NULL,"), "{runs}");
        assert!(runs.contains("finished_at TIMESTAMP,"), "{runs}");
        let indexes = builtin_indexes();
        let status = indexes
            .iter()
            .find(|d| d.name == "reportrun_cust_status_idx")
            .unwrap();
        assert_eq!(
            create_index_sql(status),
            "CREATE INDEX reportrun_cust_status_idx ON upstream_reportrun (customer_id, status, started_at DESC);"
        );
        let covering = indexes.iter().find(|d| !d.include.is_empty()).unwrap();
        assert!(create_index_sql(covering)
            .ends_with("(customer_id, status, started_at DESC, run_type, summary_json);"));
    }

    #[test]
    fn postgres_dialect_uses_its_own_types_and_include() {
        let schemas = upstream_schemas();
        let runs = create_table_sql_in(Dialect::Postgres, &schemas[0]);
        assert!(
            runs.contains("  started_at TIMESTAMPTZ NOT NULL,"),
            "{runs}"
        );
        assert!(runs.contains("  summary_json JSONB\n"), "{runs}");
        let configs = create_table_sql_in(Dialect::Postgres, &schemas[2]);
        assert!(configs.contains("  enabled BOOLEAN NOT NULL,"), "{configs}");
        assert!(
            configs.contains("  config_json JSONB NOT NULL,"),
            "{configs}"
        );
        // Text that is not JSON stays text.
        assert!(
            configs.contains("  product_slug TEXT NOT NULL,"),
            "{configs}"
        );
        let indexes = builtin_indexes();
        let covering = indexes.iter().find(|d| !d.include.is_empty()).unwrap();
        assert_eq!(
            create_index_sql_in(Dialect::Postgres, covering),
            format!(
                "CREATE INDEX {} ON upstream_reportrun (customer_id, status, started_at DESC) INCLUDE (run_type, summary_json);",
                covering.name
            )
        );
        let t = NaiveDate::from_ymd_opt(2026, 1, 2)
            .unwrap()
            .and_hms_opt(3, 4, 5)
            .unwrap();
        assert_eq!(
            value_sql_in(Dialect::Postgres, &Value::Timestamp(t)),
            "'2026-01-02 03:04:05+00'"
        );
        assert_eq!("postgres".parse(), Ok(Dialect::Postgres));
        assert_eq!("sqlite".parse(), Ok(Dialect::Sqlite));
        assert!("mysql".parse::<Dialect>().unwrap_err().contains("mysql"));
    }

    #[test]
    fn inserts_come_in_batches() {
        let rows: Vec<Vec<Value>> = (0..1200).map(|i| vec![Value::I64(i)]).collect();
        let mut out = Vec::new();
        for batch in rows.chunks(ROWS_PER_INSERT) {
            out.push(insert_sql("t", &["id"], batch));
        }
        assert_eq!(out.len(), 3);
        assert_eq!(out[2].lines().count(), 201);
        assert!(out[0].ends_with("(499);\n"));
    }
}
