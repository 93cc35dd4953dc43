//! GlueSQL's own storage conformance cases (`generate_store_tests!`) over
//! `SeekStorage`, planned by seekscan's planner (no index exists here: the
//! suite's CREATE INDEX goes through GlueSQL, which this storage declines).
//! Index, transaction and ALTER TABLE suites are separate macros and are not
//! run: CREATE INDEX goes through seekscan's own statement, transactions are
//! a no-op for this single-user in-memory store, ALTER TABLE is unsupported.
use gluesql_core::prelude::Glue;
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
