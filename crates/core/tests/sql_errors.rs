//! Every kind of GlueSQL error a user can reach, triggered by real SQL on
//! the sample: its typed kind, and words that name the construct and the
//! statement (see `seekscan_core::sql_error`).
use seekscan_core::engine::{Engine, EngineError, ErrorKind};
use seekscan_core::generator::{generate, DatasetSpec};
use seekscan_core::statement::limits::RunLimits;

fn engine() -> Engine {
    let dataset = generate(&DatasetSpec {
        seed: 1,
        scale: 1_000,
    });
    Engine::load(&dataset, &mut |_, _, _| {}).unwrap()
}

/// (SQL, the kind of error, a construct the message must name).
const CASES: &[(&str, ErrorKind, &str)] = &[
    ("SELECT r.id FROM upstream_reportrun r RIGHT JOIN upstream_productconfig p ON p.customer_id = r.customer_id", ErrorKind::Unsupported, "RIGHT JOIN"),
    ("SELECT r.id FROM upstream_reportrun r FULL JOIN upstream_productconfig p ON p.customer_id = r.customer_id", ErrorKind::Unsupported, "FULL JOIN"),
    ("SELECT r.id FROM upstream_reportrun r JOIN upstream_productconfig p USING (customer_id)", ErrorKind::Unsupported, "USING"),
    ("SELECT id FROM upstream_reportrun NATURAL JOIN upstream_productconfig", ErrorKind::Unsupported, "NATURAL JOIN"),
    ("WITH failed AS (SELECT id FROM upstream_reportrun WHERE status = 'failed') SELECT * FROM failed", ErrorKind::Unsupported, "WITH"),
    ("SELECT id FROM upstream_reportrun UNION SELECT id FROM upstream_productconfig", ErrorKind::Unsupported, "UNION"),
    ("SELECT id FROM upstream_reportrun ORDER BY finished_at NULLS FIRST", ErrorKind::Unsupported, "NULLS FIRST"),
    ("SELECT DISTINCT ON (status) status FROM upstream_reportrun", ErrorKind::Unsupported, "DISTINCT ON"),
    ("SELECT id FROM upstream_reportrun FETCH FIRST 3 ROWS ONLY", ErrorKind::Unsupported, "FETCH FIRST"),
    ("SELECT COUNT(r.*) FROM upstream_reportrun r", ErrorKind::Unsupported, "COUNT(r.*)"),
    ("UPDATE upstream_reportrun SET status = 'failed' FROM upstream_productconfig p WHERE p.customer_id = upstream_reportrun.customer_id", ErrorKind::Unsupported, "UPDATE with FROM"),
    ("DELETE FROM upstream_reportrun WHERE id = 1 RETURNING id", ErrorKind::Unsupported, "RETURNING"),
    ("INSERT INTO upstream_productconfig SELECT * FROM upstream_productconfig ON CONFLICT DO NOTHING", ErrorKind::Unsupported, "ON CONFLICT"),
    ("TRUNCATE upstream_reportrun", ErrorKind::Unsupported, "this kind of statement"),
    ("SELECT no_such_function(id) FROM upstream_reportrun", ErrorKind::Unsupported, "a function"),
    ("SELECT * FROM upstream_nope", ErrorKind::UnknownTable, "upstream_nope"),
    ("SELECT nope FROM upstream_reportrun", ErrorKind::UnknownColumn, "nope"),
    ("SELECT r.nope FROM upstream_reportrun r", ErrorKind::UnknownColumn, "r.nope"),
    ("UPDATE upstream_reportrun SET nope = 1 WHERE id = 1", ErrorKind::UnknownColumn, "nope"),
    ("SELECT customer_id FROM upstream_reportrun r JOIN upstream_productconfig p ON p.customer_id = r.customer_id", ErrorKind::AmbiguousColumn, "customer_id"),
    ("SELECT SUBSTR() FROM upstream_reportrun", ErrorKind::WrongArguments, "SUBSTR"),
    ("SELECT id FROM upstream_reportrun WHERE id IN (SELECT id, status FROM upstream_reportrun)", ErrorKind::WrongArguments, "more than one column"),
    ("SELECT UPPER(id) FROM upstream_reportrun", ErrorKind::WrongType, "UPPER"),
    ("SELECT id FROM upstream_reportrun WHERE status + 1 = 2", ErrorKind::WrongType, "status"),
    ("SELECT id / 0 FROM upstream_reportrun", ErrorKind::BadValue, "division by zero"),
    ("SELECT (SELECT id FROM upstream_reportrun) AS x", ErrorKind::BadValue, "more than one row"),
    ("INSERT INTO upstream_productconfig SELECT * FROM upstream_productconfig LIMIT 1", ErrorKind::DuplicateKey, "duplicate primary key"),
    ("UPDATE upstream_reportrun SET id = id + 1000000 WHERE id = 1", ErrorKind::PrimaryKeyUpdate, "SET id"),
    ("INSERT INTO upstream_reportrun (id) VALUES (99999999)", ErrorKind::MissingValue, "customer_id"),
];

#[test]
fn each_error_kind_names_its_construct_and_statement() {
    let mut engine = engine();
    for &(sql, kind, construct) in CASES {
        let error = match engine.run(sql) {
            Err(EngineError::Refused(error)) => error,
            other => panic!("{sql}: expected a GlueSQL error, got {other:?}"),
        };
        let message = error.to_string();
        eprintln!("{kind:?}\t{message}");
        assert_eq!(error.kind, kind, "{sql}: {message}");
        assert!(message.contains(construct), "{sql}: {message}");
        let head: String = sql.chars().take(20).collect();
        assert!(message.contains(&format!("in `{head}")), "{sql}: {message}");
        assert!(
            !message.contains("unimplemented") && !message.contains("translate:"),
            "{sql}: {message}"
        );
    }
}

#[test]
fn several_statements_say_which_one_failed() {
    let error = engine()
        .run("SELECT 1; SELECT nope FROM upstream_reportrun")
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("statement 2 of 2: unknown column nope in `SELECT nope"),
        "{error}"
    );
}

/// A run limit is the storage's refusal, already worded with what to do;
/// it keeps its words and its own kind.
#[test]
fn a_run_limit_keeps_the_storage_words() {
    let mut engine = engine();
    engine.set_limits(RunLimits {
        max_rows_examined: 10,
        ..RunLimits::default()
    });
    match engine.run("SELECT * FROM upstream_domainauditevent") {
        Err(EngineError::Refused(error)) => {
            assert_eq!(error.kind, ErrorKind::Storage, "{error}");
            assert!(error.to_string().contains("narrow the query"), "{error}");
        }
        other => panic!("expected the row limit, got {other:?}"),
    }
}

/// What the messages tell a user to write instead runs.
#[test]
fn the_forms_the_messages_suggest_run() {
    let mut engine = engine();
    for sql in [
        "SELECT p.id FROM upstream_productconfig p LEFT JOIN upstream_reportrun r ON p.customer_id = r.customer_id",
        "SELECT r.id FROM upstream_reportrun r JOIN upstream_productconfig p ON r.customer_id = p.customer_id",
        "SELECT * FROM (SELECT id FROM upstream_reportrun WHERE status = 'failed') AS failed",
        "SELECT id FROM upstream_reportrun WHERE status = 'failed' OR status = 'running'",
        "SELECT id FROM upstream_reportrun ORDER BY finished_at IS NULL DESC, finished_at",
        "SELECT DISTINCT status FROM upstream_reportrun",
        "SELECT id FROM upstream_reportrun LIMIT 3",
        "SELECT COUNT(*) FROM upstream_reportrun r",
        "UPDATE upstream_reportrun SET status = 'failed' WHERE id IN (SELECT r.id FROM upstream_reportrun r JOIN upstream_productconfig p ON p.customer_id = r.customer_id WHERE p.enabled = FALSE)",
        "DELETE FROM upstream_reportrun WHERE id IN (SELECT id FROM upstream_reportrun ORDER BY id LIMIT 2)",
        "SELECT r.customer_id FROM upstream_reportrun r JOIN upstream_productconfig p ON p.customer_id = r.customer_id",
        "SELECT SUBSTR(status, 1, 2) FROM upstream_reportrun",
        "SELECT UPPER(CAST(id AS TEXT)) FROM upstream_reportrun",
        "SELECT CASE WHEN 0 = 0 THEN NULL ELSE id / 0 END FROM upstream_reportrun",
        "SELECT (SELECT id FROM upstream_reportrun LIMIT 1) AS x",
        "SELECT id FROM upstream_reportrun WHERE id IN (SELECT id FROM upstream_reportrun WHERE status = 'failed')",
    ] {
        engine.run(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
}
