//! GlueSQL's own storage conformance cases (`generate_store_tests!`) over
//! `SeekStorage`, planned by seekscan's planner (no index exists here: the
//! suite's CREATE INDEX goes through GlueSQL, which this storage declines).
//! Index, transaction and ALTER TABLE suites are separate macros and are not
//! run: CREATE INDEX goes through seekscan's own statement, transactions are
//! a no-op for this single-user in-memory store, ALTER TABLE is unsupported.
use gluesql_core::prelude::Glue;
use gluesql_test_suite::fixture::run_fixture;
use gluesql_test_suite::*;
use seekscan_core::storage::SeekStorage;

struct SeekTester {
    glue: Glue<SeekStorage>,
}

impl Tester<SeekStorage> for SeekTester {
    fn new(_namespace: &str) -> Self {
        Self {
            glue: Glue::new(SeekStorage::default()),
        }
    }

    fn get_glue(&mut self) -> &mut Glue<SeekStorage> {
        &mut self.glue
    }
}

generate_store_tests!(test, SeekTester);

/// SQL semantics that GlueSQL 0.20 had wrong (three-valued AND/OR, BETWEEN,
/// IN and LIKE with NULL, `pk = NULL`, duplicate keys in one INSERT), as a
/// fixture in GlueSQL's own format. The fixes live in `patches/gluesql-core`
/// (see `patches/README.md`).
#[test]
fn sql_semantics_as_sqlite_and_postgresql_have_them() {
    run_fixture(
        SeekTester::new("sql_semantics"),
        "sql_semantics.sql",
        include_str!("fixtures/sql_semantics.sql"),
    );
}
