//! The 1M-row budget: loading the generated data and building every index
//! natively in under two seconds, and what a row and an index entry cost.
//! Run in release: `cargo test --release -p seekscan-core --test engine_scale -- --ignored --nocapture`.
use seekscan_core::engine::Engine;
use seekscan_core::generator::{generate, DatasetSpec};
use web_time::Instant;

#[test]
#[ignore = "a release-build measurement at 1M audit rows"]
fn a_million_audit_rows_load_and_index_within_two_seconds() {
    let dataset = generate(&DatasetSpec {
        seed: 1,
        scale: 1_000_000,
    });
    let started = Instant::now();
    let mut engine = Engine::load(&dataset, &mut |_, _, _| {}).unwrap();
    let loaded = started.elapsed();
    engine.build_builtin_indexes(&mut |_, _, _| {}).unwrap();
    let total = started.elapsed();
    println!("load {loaded:?}, load + 10 indexes {total:?}");
    for (table, rows) in engine.table_counts() {
        println!("{table}: {rows} rows");
    }
    let report = engine.memory_report();
    for t in &report.tables {
        println!(
            "{}: {:.0} bytes/row, {} MB",
            t.table,
            t.bytes_per_row,
            t.bytes >> 20
        );
    }
    for i in &report.indexes {
        println!(
            "{}: {:.0} bytes/entry, {} MB",
            i.index,
            i.bytes_per_entry,
            i.bytes >> 20
        );
    }
    let sql = "SELECT * FROM upstream_domainauditevent WHERE customer_id = 1 \
               AND action = 'upload_created' ORDER BY timestamp DESC LIMIT 50";
    let indexed = engine.run(sql).unwrap();
    let scanned = engine
        .run_with(sql, &engine.index_set("none").unwrap())
        .unwrap();
    println!(
        "pattern: indexed {} rows examined in {} us, full scan {} in {} us",
        indexed.stats.rows_examined,
        indexed.stats.elapsed_us,
        scanned.stats.rows_examined,
        scanned.stats.elapsed_us
    );
    assert_eq!(indexed.rows, scanned.rows);
    assert!(indexed.stats.rows_examined <= 50);
    assert!(total.as_secs_f64() < 2.0, "load + index took {total:?}");
}
