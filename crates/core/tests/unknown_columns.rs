//! A misspelt column is an error even when no row would reach the executor's
//! evaluation; labels, aliases and derived tables stay valid.
use seekscan_core::engine::Engine;
use seekscan_core::generator::{generate, DatasetSpec};

fn engine() -> Engine {
    let dataset = generate(&DatasetSpec {
        seed: 1,
        scale: 1_000,
    });
    Engine::load(&dataset, &mut |_, _, _| {}).unwrap()
}

#[test]
fn unknown_columns_are_named_even_when_nothing_matches() {
    let mut engine = engine();
    for sql in [
        "SELECT nope FROM upstream_reportrun WHERE customer_id = -1",
        "SELECT id FROM upstream_reportrun WHERE nope = 1 AND customer_id = -1",
        "SELECT r.nope FROM upstream_reportrun r WHERE r.customer_id = -1",
        "SELECT id FROM upstream_reportrun WHERE customer_id = -1 ORDER BY nope",
        "DELETE FROM upstream_reportrun WHERE nope = 1",
        "UPDATE upstream_reportrun SET status = 'failed' WHERE nope = 1",
    ] {
        let error = engine.run(sql).expect_err(sql).to_string();
        assert!(
            error.starts_with("unknown column ") && error.contains("nope in `"),
            "{sql}: {error}"
        );
    }
}

#[test]
fn labels_aliases_joins_and_derived_tables_are_not_unknown() {
    let mut engine = engine();
    for sql in [
        "SELECT id AS x FROM upstream_reportrun ORDER BY x LIMIT 1",
        "SELECT COUNT(*) AS n, status FROM upstream_reportrun GROUP BY status",
        "SELECT r.id, p.product_slug FROM upstream_reportrun r JOIN upstream_productconfig p ON p.customer_id = r.customer_id LIMIT 3",
        "SELECT d.x FROM (SELECT id AS x FROM upstream_reportrun) AS d WHERE d.x = 1",
        "SELECT id FROM upstream_reportrun WHERE customer_id = -1",
    ] {
        engine.run(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
}
