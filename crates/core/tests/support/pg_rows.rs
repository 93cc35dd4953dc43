//! Rows from PostgreSQL as text seekscan's rows compare with: booleans as
//! 1/0, timestamps without `+00`, JSON re-serialized, NULL as `null`.
#![allow(dead_code)]

use postgres::types::Type;
use postgres::{Client, SimpleQueryMessage};

/// Result rows as text both engines agree on: booleans 1/0, timestamps
/// without PostgreSQL's `+00`, JSON documents re-serialized (PostgreSQL
/// normalizes `jsonb`), NULL as `null`.
pub type Rows = Vec<Vec<String>>;

pub fn simple_rows(pg: &mut Client, sql: &str) -> Result<Vec<Vec<Option<String>>>, String> {
    let messages = pg.simple_query(sql).map_err(|e| db_error(&e))?;
    Ok(messages
        .iter()
        .filter_map(|m| match m {
            SimpleQueryMessage::Row(row) => Some(
                (0..row.len())
                    .map(|i| row.get(i).map(str::to_owned))
                    .collect(),
            ),
            _ => None,
        })
        .collect())
}

pub fn db_error(e: &postgres::Error) -> String {
    e.as_db_error()
        .map_or_else(|| e.to_string(), |d| d.message().to_owned())
}

pub fn canonical_json(text: &str) -> String {
    serde_json::from_str::<serde_json::Value>(text)
        .map_or_else(|_| text.to_owned(), |v| v.to_string())
}

pub fn pg_result(pg: &mut Client, sql: &str) -> Result<Rows, String> {
    let types: Vec<Type> = pg
        .prepare(sql)
        .map_err(|e| db_error(&e))?
        .columns()
        .iter()
        .map(|c| c.type_().clone())
        .collect();
    let rows = simple_rows(pg, sql)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .zip(&types)
                .map(|(cell, ty)| match (cell, ty) {
                    (None, _) => "null".to_owned(),
                    (Some(b), &Type::BOOL) => if b == "t" { "1" } else { "0" }.to_owned(),
                    (Some(t), &Type::TIMESTAMPTZ) => t.trim_end_matches("+00").to_owned(),
                    (Some(j), &Type::JSONB) => canonical_json(&j),
                    (Some(text), _) => text,
                })
                .collect()
        })
        .collect())
}

/// Positions of `jsonb` columns in PostgreSQL's answer to `sql`.
pub fn json_positions(pg: &mut Client, sql: &str) -> Vec<usize> {
    pg.prepare(sql).map_or_else(
        |_| Vec::new(),
        |s| {
            s.columns()
                .iter()
                .enumerate()
                .filter(|(_, c)| c.type_() == &Type::JSONB)
                .map(|(i, _)| i)
                .collect()
        },
    )
}

/// Rows agree: in order where the order is total; as multisets where it
/// is not (`tie_key`: the column a pattern sorts by, whose equal values may
/// come in any order, and under LIMIT may be cut anywhere among the last).
pub fn rows_agree(
    ours: &Rows,
    theirs: &Rows,
    ordered: bool,
    tie_key: Option<usize>,
    cut: bool,
) -> bool {
    if ours.len() != theirs.len() {
        return false;
    }
    if ordered && tie_key.is_none() {
        return ours == theirs;
    }
    if let Some(key) = tie_key {
        let keys = |rows: &Rows| rows.iter().map(|r| r[key].clone()).collect::<Vec<_>>();
        if keys(ours) != keys(theirs) {
            return false;
        }
        if cut {
            let last = ours.last().map(|r| r[key].clone());
            let before = |rows: &Rows| {
                let mut kept: Vec<Vec<String>> = rows
                    .iter()
                    .filter(|r| Some(&r[key]) != last.as_ref())
                    .cloned()
                    .collect();
                kept.sort();
                kept
            };
            return before(ours) == before(theirs);
        }
    }
    let (mut a, mut b) = (ours.clone(), theirs.clone());
    a.sort();
    b.sort();
    a == b
}

/// seekscan's result rows as the same text (`json`: positions of the
/// columns PostgreSQL holds as `jsonb`).
pub fn rows_as_text(rows: &[Vec<serde_json::Value>], json: &[usize]) -> Rows {
    rows.iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(i, cell)| match cell {
                    serde_json::Value::Bool(b) => i64::from(*b).to_string(),
                    serde_json::Value::String(s) if json.contains(&i) => canonical_json(s),
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}
