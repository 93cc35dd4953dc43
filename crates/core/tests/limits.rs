//! Inputs that would overflow the stack, read without end or overflow the
//! planner's arithmetic fail with an error that names the limit, and leave
//! the database as it was.
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use seekscan_core::bench::{repeat_batch, Batch};
use seekscan_core::catalog::IndexSet;
use seekscan_core::engine::{Engine, EngineError};
use seekscan_core::generator::{generate, DatasetSpec};
use seekscan_core::statement::limits::{RunLimits, MAX_OPERATORS};
use seekscan_core::storage::{Cancel, CancelFlag, STOPPED_BY_USER};

fn engine() -> Engine {
    Engine::load(
        &generate(&DatasetSpec {
            seed: 3,
            scale: 2_000,
        }),
        &mut |_, _, _| {},
    )
    .unwrap()
}

fn or_chain(terms: usize) -> String {
    let terms: Vec<String> = (0..terms).map(|i| format!("user_id = {i}")).collect();
    format!(
        "SELECT COUNT(*) FROM upstream_domainauditevent WHERE {}",
        terms.join(" OR ")
    )
}

/// The longest chain the limit lets through runs on a test thread (whose
/// stack `.cargo/config.toml` sizes like the worker's and the CLI's).
#[test]
fn the_longest_allowed_or_chain_runs_and_a_longer_one_is_refused() {
    let mut engine = engine();
    let allowed = or_chain(MAX_OPERATORS / 4);
    // `user_id = i OR …`: two operators per term, less one OR.
    engine.run(&allowed).unwrap();
    let longest = or_chain(MAX_OPERATORS.div_ceil(2));
    engine.run(&longest).unwrap();
    let error = engine.run(&or_chain(5_000)).unwrap_err().to_string();
    assert!(error.contains("operators"), "{error}");
}

#[test]
fn limit_and_offset_near_the_largest_integer_do_not_overflow() {
    let mut engine = engine();
    // 10^19 each: both fit a u64 (GlueSQL's LIMIT type), their sum does not.
    let max = 10_000_000_000_000_000_000u64;
    let outcome = engine
        .run(&format!(
            "SELECT id FROM upstream_reportrun ORDER BY id LIMIT {max} OFFSET {max}"
        ))
        .unwrap();
    assert!(outcome.rows.is_empty());
    let outcome = engine
        .run(&format!(
            "SELECT id FROM upstream_reportrun WHERE customer_id = 1 ORDER BY started_at DESC LIMIT {max} OFFSET 1"
        ))
        .unwrap();
    assert!(outcome.stats.rows_returned > 0);
}

#[test]
fn a_cross_join_stops_at_the_row_limit_and_changes_nothing() {
    let mut engine = engine();
    engine.set_limits(RunLimits {
        max_rows_examined: 100_000,
        max_rows_returned: u64::MAX,
        max_run_time: Duration::from_secs(600),
    });
    let before = engine.table_counts();
    let error = engine
        .run("SELECT COUNT(*) FROM upstream_domainauditevent a JOIN upstream_domainauditevent b ON TRUE")
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("stopped after 100,000 rows examined") && error.contains("narrow the query"),
        "{error}"
    );
    // A write that reads too much stops before it changes anything.
    let error = engine
        .run("DELETE FROM upstream_domainauditevent WHERE id IN (SELECT a.id FROM upstream_domainauditevent a JOIN upstream_domainauditevent b ON TRUE)")
        .unwrap_err()
        .to_string();
    assert!(error.contains("stopped after"), "{error}");
    assert_eq!(engine.table_counts(), before);
    // The next statement has its own budget.
    assert!(engine
        .run("SELECT COUNT(*) FROM upstream_domainauditevent")
        .is_ok());
}

#[test]
fn a_run_stops_when_its_time_is_up() {
    let mut engine = engine();
    engine.set_limits(RunLimits {
        max_rows_examined: u64::MAX,
        max_rows_returned: u64::MAX,
        max_run_time: Duration::ZERO,
    });
    let error = engine
        .run("SELECT COUNT(*) FROM upstream_domainauditevent a JOIN upstream_domainauditevent b ON TRUE")
        .unwrap_err()
        .to_string();
    assert!(error.contains("stopped after 0 s"), "{error}");
}

/// Stop, as the page presses it: pressed once the flag has been read
/// `after` times, released by the test.
#[derive(Default)]
struct StopAfter {
    polls: Cell<u64>,
    after: Cell<Option<u64>>,
}

impl CancelFlag for StopAfter {
    fn requested(&self) -> bool {
        self.polls.set(self.polls.get() + 1);
        self.after
            .get()
            .is_some_and(|after| self.polls.get() > after)
    }
}

#[test]
fn stop_ends_a_cross_join_and_the_engine_answers_the_next_statement() {
    let mut engine = engine();
    let flag = Rc::new(StopAfter::default());
    engine.set_cancel(Cancel::new(flag.clone()));
    let join =
        "SELECT COUNT(*) FROM upstream_domainauditevent a JOIN upstream_domainauditevent b ON TRUE";
    flag.after.set(Some(10));
    let error = engine.run(join).unwrap_err();
    assert_eq!(error, EngineError::Stopped);
    assert_eq!(error.to_string(), STOPPED_BY_USER);
    // Polled with the clock (every 64 joined rows), not on every row.
    assert!(
        engine.storage().rows_examined() <= 11 * 64,
        "{}",
        engine.storage().rows_examined()
    );
    // Released, the engine runs the next statement in full.
    flag.after.set(None);
    let seek = engine
        .run("SELECT COUNT(*) FROM upstream_domainauditevent WHERE customer_id = 1")
        .unwrap();
    assert_eq!(seek.stats.rows_returned, 1);
    // A batch of runs too short to reach the storage's check ends between runs.
    let every = IndexSet::of(engine.indexes().into_iter().map(|d| d.name));
    flag.polls.set(0);
    flag.after.set(Some(0));
    let batch = Batch {
        runs: 1_000,
        within_ms: 60_000.0,
    };
    let short = "SELECT id FROM upstream_reportrun WHERE id = 1";
    assert_eq!(
        repeat_batch(&mut engine, short, &every, batch),
        Err(EngineError::Stopped)
    );
}

#[test]
fn a_result_past_the_row_limit_stops() {
    let mut engine = engine();
    engine.set_limits(RunLimits {
        max_rows_returned: 1_000,
        ..RunLimits::default()
    });
    let error = engine
        .run("SELECT a.id FROM upstream_domainauditevent a JOIN upstream_domainauditevent b ON a.customer_id = b.customer_id")
        .unwrap_err()
        .to_string();
    assert!(error.contains("stopped after 1,000 result rows"), "{error}");
    assert_eq!(
        engine
            .run("SELECT id FROM upstream_productconfig LIMIT 5")
            .unwrap()
            .rows
            .len(),
        5
    );
}

/// Parenthesised levels of alternating AND and OR nest as deep as they are
/// written (sqlparser refuses past about 25 levels), and the storage's
/// check of them agrees with GlueSQL's.
#[test]
fn deeply_nested_conditions_still_run() {
    let mut engine = engine();
    let mut condition = "user_id = 0".to_owned();
    for level in 1..20 {
        let op = if level % 2 == 0 { "AND" } else { "OR" };
        condition = format!("(user_id = {level} {op} {condition})");
    }
    let sql = format!("SELECT COUNT(*) FROM upstream_domainauditevent WHERE {condition}");
    engine.set_pushdown(false);
    let plain = engine.run(&sql).unwrap();
    engine.set_pushdown(true);
    assert_eq!(engine.run(&sql).unwrap().rows, plain.rows);
}
