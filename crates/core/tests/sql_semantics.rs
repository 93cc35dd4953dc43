//! SQL semantics that GlueSQL 0.20 had wrong (three-valued AND/OR, BETWEEN,
//! IN and LIKE with NULL, `pk = NULL`, duplicate keys in one INSERT), run
//! as a GlueSQL fixture over seekscan's storage and planner. The fixes live
//! in `patches/gluesql-core` (see `patches/README.md`).
use gluesql_core::prelude::Glue;
use gluesql_test_suite::fixture::run_fixture;
use gluesql_test_suite::Tester;
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

#[test]
fn three_valued_logic_and_key_constraints() {
    run_fixture(
        SeekTester::new("sql_semantics"),
        "sql_semantics.sql",
        include_str!("fixtures/sql_semantics.sql"),
    );
}
