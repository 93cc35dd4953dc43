//! Generated queries over a small table return the same rows under every
//! index configuration and every planner model: indexes and models change
//! how rows are found, never which. PostgreSQL's model also runs with
//! settings that make every index path cheap, so that on tables this small
//! it still picks index, index-only, bitmap (And, Or) and primary-key reads.
use proptest::prelude::*;
use seekscan_core::catalog::IndexSet;
use seekscan_core::engine::Engine;
use seekscan_core::pg15::Preset;
use seekscan_core::planner::choice::PlannerChoice;

const INDEXES: [&str; 4] = [
    "CREATE INDEX abc ON t (a, b, c DESC)",
    "CREATE INDEX bc ON t (b, c) INCLUDE (d)",
    "CREATE INDEX d_only ON t (d)",
    "CREATE INDEX ca ON t (c DESC, a)",
];

fn ts(minute: u32) -> String {
    format!("'2025-03-01 {:02}:{:02}:00'", minute / 60, minute % 60)
}

fn engine(rows: &[(i64, &str, Option<u32>, Option<i64>)]) -> Engine {
    let mut engine = Engine::new();
    engine
        .run("CREATE TABLE t (id INT PRIMARY KEY, a INT, b TEXT, c TIMESTAMP NULL, d INT NULL)")
        .unwrap();
    if !rows.is_empty() {
        let values: Vec<String> = rows
            .iter()
            .enumerate()
            .map(|(id, (a, b, c, d))| {
                let c = c.map_or("NULL".to_owned(), ts);
                let d = d.map_or("NULL".to_owned(), |d| d.to_string());
                format!("({id}, {a}, '{b}', {c}, {d})")
            })
            .collect();
        engine
            .run(&format!("INSERT INTO t VALUES {}", values.join(", ")))
            .unwrap();
    }
    for sql in INDEXES {
        engine.run(sql).unwrap();
    }
    engine
}

fn row() -> impl Strategy<Value = (i64, &'static str, Option<u32>, Option<i64>)> {
    (
        0i64..4,
        prop::sample::select(vec!["x", "y", "z"]),
        prop::option::weighted(0.8, 0u32..60),
        prop::option::weighted(0.7, 0i64..5),
    )
}

fn atom() -> impl Strategy<Value = String> {
    prop_oneof![
        (0i64..5).prop_map(|k| format!("a = {k}")),
        prop::collection::vec(0i64..5, 1..4).prop_map(|ks| format!(
            "a IN ({})",
            ks.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )),
        (0i64..5).prop_map(|k| format!("a > {k}")),
        prop::sample::select(vec!["x", "y", "z", "w"]).prop_map(|b| format!("b = '{b}'")),
        (0u32..60).prop_map(|m| format!("c >= {}", ts(m))),
        (0u32..60).prop_map(|m| format!("c < {}", ts(m))),
        (0u32..60, 0u32..30).prop_map(|(m, w)| format!("c BETWEEN {} AND {}", ts(m), ts(m + w))),
        Just("d IS NULL".to_owned()),
        (0i64..5).prop_map(|k| format!("d = {k}")),
        (0i64..5).prop_map(|k| format!("{k} <= d")),
        (0i64..5, 0i64..5).prop_map(|(k, j)| format!("(a = {k} OR d = {j})")),
        (0i64..5, 0u32..60).prop_map(|(k, m)| format!("(a = {k} OR c < {})", ts(m))),
        (0i64..60).prop_map(|k| format!("id >= {k}")),
        prop::collection::vec(0i64..60, 1..4).prop_map(|ks| format!(
            "id IN ({})",
            ks.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    ]
}

/// Every model, PostgreSQL's also with index paths made cheap and after
/// VACUUM (index-only scans read no table pages).
fn planners() -> Vec<PlannerChoice> {
    let mut cheap_indexes = PlannerChoice::preset(Preset::Defaults);
    cheap_indexes.pg.set("seq_page_cost", "1000").unwrap();
    cheap_indexes.pg.set("cpu_tuple_cost", "10").unwrap();
    cheap_indexes.pg.set("random_page_cost", "0.001").unwrap();
    let mut vacuumed = cheap_indexes;
    vacuumed.vacuumed = true;
    let sqlite = PlannerChoice {
        model: seekscan_core::planner::ModelKind::Sqlite,
        ..PlannerChoice::default()
    };
    vec![
        PlannerChoice::memory(),
        PlannerChoice::preset(Preset::Defaults),
        cheap_indexes,
        vacuumed,
        sqlite,
    ]
}

/// A write between queries: statistics and indexes follow it.
fn write() -> impl Strategy<Value = String> {
    prop_oneof![
        (100i64..200, 0i64..4)
            .prop_map(|(id, a)| format!("INSERT INTO t VALUES ({id}, {a}, 'x', NULL, {a})")),
        (0i64..5, 0i64..5).prop_map(|(a, d)| format!("UPDATE t SET d = {d} WHERE a = {a}")),
        (0i64..60).prop_map(|id| format!("DELETE FROM t WHERE id = {id}")),
    ]
}

fn order() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        prop::sample::select(vec![
            "c DESC, id",
            "c DESC, id DESC",
            "c, id",
            "a, b, c DESC, id",
            "a DESC, b DESC, c, id DESC",
            "b, c, id",
            "d, id",
            "id DESC",
        ])
        .prop_map(|o| Some(o.to_owned())),
    ]
}

fn query() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["*", "id, a, c", "id, b, c, d", "COUNT(*)"]),
        prop::collection::vec(atom(), 0..4),
        order(),
        prop::option::of(1u32..8),
    )
        .prop_map(|(columns, atoms, order, limit)| {
            let mut sql = format!("SELECT {columns} FROM t");
            if !atoms.is_empty() {
                sql.push_str(&format!(" WHERE {}", atoms.join(" AND ")));
            }
            let aggregate = columns.starts_with("COUNT");
            match (order, aggregate) {
                (Some(order), false) => {
                    sql.push_str(&format!(" ORDER BY {order}"));
                    // LIMIT only with a total order: otherwise any rows would do.
                    if let Some(limit) = limit {
                        sql.push_str(&format!(" LIMIT {limit}"));
                    }
                }
                (None, false) => sql.push_str(" ORDER BY id"),
                _ => {}
            }
            sql
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_index_configuration_and_model_returns_the_same_rows(
        rows in prop::collection::vec(row(), 0..60),
        queries in prop::collection::vec((query(), prop::option::weighted(0.3, write())), 1..6),
    ) {
        let mut engine = engine(&rows);
        let mut configurations = vec![IndexSet::none(), IndexSet::of(["abc", "bc", "d_only", "ca"])];
        configurations.extend(["abc", "bc", "d_only", "ca"].map(|n| IndexSet::of([n])));
        for (sql, write) in &queries {
            engine.set_planner(&PlannerChoice::memory());
            let expected = engine.run_with(sql, &IndexSet::none()).unwrap();
            let table_rows = engine.storage().row_count("t").unwrap_or(0) as u64;
            for planner in planners() {
                engine.set_planner(&planner);
                for visible in &configurations {
                    let outcome = engine.run_with(sql, visible).unwrap();
                    prop_assert_eq!(
                        &outcome.rows, &expected.rows,
                        "{} under {:?}, {}\n{}", sql, visible, planner.label(), outcome.plan.to_text()
                    );
                    prop_assert!(outcome.stats.rows_examined <= table_rows);
                }
            }
            if let Some(write) = write {
                engine.run(write).unwrap();
            }
        }
    }
}
