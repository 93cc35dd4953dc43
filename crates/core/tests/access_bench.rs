//! How a bitmap AND of two indexes compares with the better single index
//! seek (its rows looked up and the other condition checked on them) at
//! 100,000 rows (#19). Not a timed test: it prints what it measured. Run with
//! `cargo test --release -p seekscan-core --test access_bench -- --ignored --nocapture`.
use gluesql_core::data::Value;
use gluesql_core::store::Index;
use seekscan_core::engine::Engine;
use seekscan_core::storage::access::{AccessSpec, BitmapSource, IndexRange};
use seekscan_core::storage::filter::{CellPredicate, CellTest};
use web_time::Instant;

const ROWS: i64 = 100_000;
const RUNS: usize = 41;

/// `t(id, a, b, pad)`: `a` takes `a_values` values and `b` `b_values`,
/// independently (multiplicative hashes of the id).
fn engine(a_values: i64, b_values: i64) -> Engine {
    let mut engine = Engine::new();
    engine
        .run("CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT, pad TEXT)")
        .unwrap();
    let rows = (0..ROWS)
        .map(|id| {
            let h = (id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            vec![
                Value::I64(id),
                Value::I64((h >> 20) as i64 % a_values),
                Value::I64((h >> 40) as i64 % b_values),
                Value::Str(format!("row {id} padding to look like a real row")),
            ]
        })
        .collect();
    engine.load_rows("t", rows).unwrap();
    engine.run("CREATE INDEX ia ON t (a)").unwrap();
    engine.run("CREATE INDEX ib ON t (b)").unwrap();
    engine
}

fn equals(column: usize, value: i64) -> CellPredicate {
    CellPredicate::Test {
        column,
        test: CellTest::OneOf(vec![Value::I64(value)]),
    }
}

fn leaf(index: &str, value: i64) -> BitmapSource {
    BitmapSource::Index(IndexRange::new(
        index,
        vec![vec![Value::I64(value)]],
        None,
        None,
    ))
}

/// Median microseconds of reading every row of `spec`, and the counters
/// of one run.
fn measure(engine: &Engine, spec: &AccessSpec) -> (f64, usize, seekscan_core::storage::Counters) {
    let storage = engine.storage();
    let name = spec.encode();
    let mut times = Vec::with_capacity(RUNS);
    let mut rows = 0;
    for _ in 0..RUNS {
        storage.reset_rows_examined();
        let started = Instant::now();
        rows = Index::scan_indexed_data(storage, "t", &name, None, None)
            .unwrap()
            .inspect(|r| assert!(r.is_ok()))
            .count();
        times.push(started.elapsed().as_secs_f64() * 1e6);
    }
    times.sort_by(f64::total_cmp);
    (times[RUNS / 2], rows, storage.counters())
}

#[test]
#[ignore = "a measurement: run it in release with --ignored --nocapture"]
fn bitmap_and_against_the_better_single_index() {
    println!("| a values | b values | read | rows | entries | lookups | median µs |");
    println!("|---:|---:|---|---:|---:|---:|---:|");
    for (a_values, b_values) in [(100, 100), (10, 10), (100, 10), (1000, 20)] {
        let engine = engine(a_values, b_values);
        let (x, y) = (a_values / 2, b_values / 3);
        let both = CellPredicate::And(vec![equals(1, x), equals(2, y)]);
        // `a` is at least as selective: its seek is the better one.
        let seek_a = AccessSpec {
            eq: vec![vec![Value::I64(x)]],
            filter: Some(equals(2, y)),
            ..AccessSpec::scan("ia", false)
        };
        let bitmap = AccessSpec::bitmap(
            BitmapSource::And(vec![leaf("ia", x), leaf("ib", y)]),
            Some(both.clone()),
            None,
        );
        let full = AccessSpec::table_scan(Some(both), None);
        let mut found = None;
        for (label, spec) in [
            ("seek ia", &seek_a),
            ("bitmap ia AND ib", &bitmap),
            ("full scan", &full),
        ] {
            let (micros, rows, c) = measure(&engine, spec);
            assert_eq!(*found.get_or_insert(rows), rows, "{label}");
            println!(
                "| {a_values} | {b_values} | {label} | {rows} | {} | {} | {micros:.0} |",
                c.index_entries, c.table_lookups
            );
        }
    }
}
