//! A table's packed rows read like an ordered map of them: a load in any
//! order, with keys loaded twice, then enough writes that they fold back
//! into the packed array more than once, and scans, lookups and index
//! reads still give every row, in key order, as a model map holds them.
use std::collections::BTreeMap;

use gluesql_core::data::Value;
use seekscan_core::engine::Engine;

fn engine() -> Engine {
    let mut engine = Engine::new();
    engine
        .create_table("CREATE TABLE t (id INT PRIMARY KEY, name TEXT NULL, n INT NOT NULL)")
        .unwrap();
    engine
}

fn row(id: i64, name: &str, n: i64) -> Vec<Value> {
    vec![Value::I64(id), Value::Str(name.to_owned()), Value::I64(n)]
}

/// The table as (id, name, n), in the order the statement returns it.
fn read(engine: &mut Engine, sql: &str) -> Vec<(i64, String, i64)> {
    engine
        .run(sql)
        .unwrap()
        .rows
        .iter()
        .map(|r| {
            (
                r[0].as_i64().unwrap(),
                r[1].as_str().unwrap_or("NULL").to_owned(),
                r[2].as_i64().unwrap(),
            )
        })
        .collect()
}

fn model_rows(model: &BTreeMap<i64, (String, i64)>) -> Vec<(i64, String, i64)> {
    model
        .iter()
        .map(|(id, (name, n))| (*id, name.clone(), *n))
        .collect()
}

#[test]
fn packed_rows_and_their_writes_read_in_key_order() {
    let mut engine = engine();
    let mut model = BTreeMap::new();
    // Out of order, negative keys, and every key below 0 loaded twice (the
    // later row wins).
    let mut load = Vec::new();
    for step in 0..3000i64 {
        let id = (step * 7919) % 3000 - 500;
        load.push(row(id, &format!("first {id}"), id % 13));
        model.insert(id, (format!("first {id}"), id % 13));
    }
    for id in -500..0i64 {
        load.push(row(id, &format!("again {id}"), 1));
        model.insert(id, (format!("again {id}"), 1));
    }
    engine.load_rows("t", load).unwrap();
    engine.run("CREATE INDEX t_n ON t (n, name)").unwrap();
    let all = "SELECT id, name, n FROM t";
    assert_eq!(read(&mut engine, all), model_rows(&model));
    // Updates, deletes and inserts, past the point where they fold back.
    for id in (-500..2500i64).step_by(2) {
        engine
            .run(&format!(
                "UPDATE t SET name = 'updated {id}', n = 5 WHERE id = {id}"
            ))
            .unwrap();
        model.insert(id, (format!("updated {id}"), 5));
    }
    engine.run("DELETE FROM t WHERE id % 3 = 0").unwrap();
    model.retain(|id, _| id % 3 != 0);
    for id in 2500..4000i64 {
        engine
            .run(&format!("INSERT INTO t VALUES ({id}, NULL, 7)"))
            .unwrap();
        model.insert(id, ("NULL".to_owned(), 7));
    }
    assert_eq!(read(&mut engine, all), model_rows(&model));
    for id in [-500i64, -1, 0, 1, 2, 2499, 2500, 3999, 4000] {
        let found = read(
            &mut engine,
            &format!("SELECT id, name, n FROM t WHERE id = {id}"),
        );
        let expected: Vec<_> = model_rows(&model)
            .into_iter()
            .filter(|r| r.0 == id)
            .collect();
        assert_eq!(found, expected, "id {id}");
    }
    // Through the index: every row with n = 5, looked up from its entry.
    let through_index = read(
        &mut engine,
        "SELECT id, name, n FROM t WHERE n = 5 ORDER BY name",
    );
    let mut expected: Vec<_> = model_rows(&model)
        .into_iter()
        .filter(|r| r.2 == 5)
        .collect();
    expected.sort_by(|a, b| a.1.cmp(&b.1));
    assert_eq!(through_index, expected);
    assert_eq!(engine.storage().row_count("t"), Some(model.len()));
}

#[test]
fn tables_without_a_primary_key_number_their_rows_in_order() {
    let mut engine = Engine::new();
    engine
        .create_table("CREATE TABLE log (line TEXT NOT NULL, n INT NOT NULL)")
        .unwrap();
    for n in 0..2500 {
        engine
            .run(&format!("INSERT INTO log VALUES ('line {n}', {n})"))
            .unwrap();
    }
    engine.run("DELETE FROM log WHERE n % 2 = 1").unwrap();
    engine.run("INSERT INTO log VALUES ('last', 9999)").unwrap();
    let ns: Vec<i64> = engine
        .run("SELECT n FROM log")
        .unwrap()
        .rows
        .iter()
        .map(|r| r[0].as_i64().unwrap())
        .collect();
    let mut expected: Vec<i64> = (0..2500).step_by(2).collect();
    expected.push(9999);
    assert_eq!(ns, expected);
}
