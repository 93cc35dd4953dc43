//! Each kind of path the PostgreSQL model can choose is chosen somewhere,
//! and the engine runs it (whether PostgreSQL itself chooses the same is
//! `pg_model_agreement.rs`'s question): a table of 20,000 rows where one
//! condition is selective enough for a bitmap scan, two moderately selective conditions
//! on two indexes for a BitmapAnd, an OR over two indexes for a BitmapOr,
//! `ORDER BY id LIMIT` for the primary key, and a covering read after
//! VACUUM for an Index Only Scan. Every plan returns the rows the in-memory
//! model's full scan returns.
use seekscan_core::catalog::IndexSet;
use seekscan_core::engine::Engine;
use seekscan_core::pg15::Preset;
use seekscan_core::planner::choice::PlannerChoice;
use seekscan_core::planner::ScanNode;

const ROWS: i64 = 20_000;

fn engine() -> Engine {
    let mut engine = Engine::new();
    engine
        .run("CREATE TABLE t (id INT PRIMARY KEY, a INT NOT NULL, b INT NOT NULL, c INT NOT NULL, pad TEXT NOT NULL)")
        .unwrap();
    for chunk in 0..(ROWS / 1000) {
        let values: Vec<String> = (chunk * 1000..(chunk + 1) * 1000)
            .map(|id| {
                // a: 100 values, b: 50 values, independent; c: 2,000 values.
                let (a, b, c) = (id * 7 % 100, id * 13 % 50 + (id / 7) % 3, (id * 31) % 2000);
                format!("({id}, {a}, {b}, {c}, 'padding-{id:08}')")
            })
            .collect();
        engine
            .run(&format!("INSERT INTO t VALUES {}", values.join(", ")))
            .unwrap();
    }
    for sql in [
        "CREATE INDEX ta ON t (a)",
        "CREATE INDEX tb ON t (b)",
        "CREATE INDEX tc ON t (c)",
    ] {
        engine.run(sql).unwrap();
    }
    engine
}

/// The first table read's node and indexes under PostgreSQL's model, and
/// the rows equal to the in-memory model's full scan.
fn plan(engine: &mut Engine, choice: &PlannerChoice, sql: &str) -> (ScanNode, Vec<String>) {
    engine.set_planner(&PlannerChoice::memory());
    let expected = engine.run_with(sql, &IndexSet::none()).unwrap();
    engine.set_planner(choice);
    let all = IndexSet::of(["ta", "tb", "tc"]);
    let outcome = engine.run_with(sql, &all).unwrap();
    assert_eq!(
        outcome.rows,
        expected.rows,
        "{sql}\n{}",
        outcome.plan.to_text()
    );
    let accesses = outcome.plan.table_accesses();
    let node = &accesses[0];
    (node.node.expect("a model's node"), node.indexes.clone())
}

#[test]
fn each_path_kind_is_chosen_and_runs() {
    let mut engine = engine();
    let pg = PlannerChoice::preset(Preset::Defaults);
    let cases: [(&str, ScanNode, &[&str]); 5] = [
        (
            "SELECT * FROM t WHERE c = 17 ORDER BY id",
            ScanNode::BitmapHeapScan,
            &["tc"],
        ),
        (
            "SELECT * FROM t WHERE a = 3 AND b = 20 ORDER BY id",
            ScanNode::BitmapHeapScan,
            &["ta", "tb"],
        ),
        (
            "SELECT * FROM t WHERE c = 5 OR c = 1999 ORDER BY id",
            ScanNode::BitmapHeapScan,
            &["tc"],
        ),
        (
            "SELECT * FROM t ORDER BY id DESC LIMIT 3",
            ScanNode::IndexScan,
            &["t_pkey"],
        ),
        (
            "SELECT COUNT(*) FROM t WHERE a > 10",
            ScanNode::SeqScan,
            &[],
        ),
    ];
    for (sql, node, indexes) in cases {
        let (chosen, read) = plan(&mut engine, &pg, sql);
        let mut read: Vec<&str> = read.iter().map(String::as_str).collect();
        read.sort();
        read.dedup();
        assert_eq!((chosen, read.as_slice()), (node, indexes), "{sql}");
    }
    let mut vacuumed = pg;
    vacuumed.vacuumed = true;
    let (chosen, read) = plan(
        &mut engine,
        &vacuumed,
        "SELECT COUNT(*) FROM t WHERE c BETWEEN 10 AND 20",
    );
    assert_eq!(
        (chosen, read),
        (ScanNode::IndexOnlyScan, vec!["tc".to_owned()])
    );
}
