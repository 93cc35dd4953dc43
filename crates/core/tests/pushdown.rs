//! Conditions checked in the storage on encoded rows ("filter in scan",
//! and on the rows an index seek looks up) return exactly the rows
//! GlueSQL's own filter returns, under every index set, and leave rows
//! examined as they were.
use proptest::prelude::*;
use seekscan_core::engine::Engine;
use seekscan_core::generator::{generate, DatasetSpec};

fn engine() -> Engine {
    Engine::load(
        &generate(&DatasetSpec {
            seed: 9,
            scale: 3_000,
        }),
        &mut |_, _, _| {},
    )
    .unwrap()
}

/// One comparison over an audit-event column, nullable ones included.
fn atom() -> impl Strategy<Value = String> {
    let customer = 1i64..12;
    prop_oneof![
        (
            customer.clone(),
            prop::sample::select(vec!["=", "<>", "<", "<=", ">", ">="])
        )
            .prop_map(|(c, op)| format!("customer_id {op} {c}")),
        (customer.clone(), customer.clone()).prop_map(|(a, b)| format!("{a} > customer_id")
            + &format!(" OR customer_id BETWEEN {} AND {}", a.min(b), a.max(b))),
        prop::sample::select(vec![
            "upload_created",
            "user_login",
            "report_generated",
            "nope"
        ])
        .prop_map(|a| format!("action = '{a}'")),
        prop::collection::vec(98i64..110, 1..4).prop_map(|ids| format!(
            "user_id IN ({})",
            ids.iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )),
        (98i64..110).prop_map(|u| format!("user_id NOT IN ({u}, {})", u + 1)),
        Just("user_id IS NULL".to_owned()),
        Just("entity_id IS NOT NULL".to_owned()),
        (1i64..30).prop_map(|e| format!("entity_id >= '{e}'")),
        prop::sample::select(vec!["2025-09-01 00:00:00", "2025-12-01 00:00:00"])
            .prop_map(|t| format!("timestamp < '{t}'")),
        (1i64..12).prop_map(|c| format!("customer_id NOT BETWEEN {c} AND {}", c + 3)),
        // Not translatable (arithmetic on the column): left to GlueSQL, and
        // inside OR or NOT it keeps the whole of it out of the storage.
        (1i64..12).prop_map(|c| format!("customer_id + 0 = {c}")),
    ]
}

fn predicate() -> impl Strategy<Value = String> {
    atom().prop_recursive(3, 12, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) AND ({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) OR ({b})")),
            inner.prop_map(|a| format!("NOT ({a})")),
        ]
    })
}

fn rows_and_examined(engine: &mut Engine, sql: &str, set: &str, pushdown: bool) -> (String, u64) {
    engine.set_pushdown(pushdown);
    let visible = engine.index_set(set).unwrap();
    let outcome = engine
        .run_with(sql, &visible)
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    (
        serde_json::to_string(&outcome.rows).unwrap(),
        outcome.stats.rows_examined,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn pushdown_keeps_rows_and_rows_examined(p in predicate(), set in prop::sample::select(vec!["none", "phase3", "all"])) {
        thread_local!(static ENGINE: std::cell::RefCell<Engine> = std::cell::RefCell::new(engine()));
        ENGINE.with(|engine| {
            let engine = &mut engine.borrow_mut();
            for sql in [
                format!("SELECT id, user_id FROM upstream_domainauditevent WHERE {p} ORDER BY id"),
                format!("SELECT COUNT(*) FROM upstream_domainauditevent WHERE customer_id = 2 AND ({p})"),
                format!("SELECT id FROM upstream_domainauditevent WHERE customer_id = 3 AND ({p}) ORDER BY timestamp DESC, id LIMIT 7"),
            ] {
                let with = rows_and_examined(engine, &sql, set, true);
                let without = rows_and_examined(engine, &sql, set, false);
                prop_assert_eq!(&with, &without, "{}", sql);
            }
            Ok(())
        })?;
    }
}

#[test]
fn the_plan_says_what_the_scan_checks() {
    let mut engine = engine();
    let none = engine.index_set("none").unwrap();
    let outcome = engine
        .run_with(
            "SELECT id FROM upstream_domainauditevent WHERE customer_id = 2 AND entity_id LIKE '1%'",
            &none,
        )
        .unwrap();
    let scan = outcome.plan.table_accesses()[0];
    assert_eq!(scan.scan_filter, ["customer_id = 2"]);
    assert!(
        outcome
            .plan
            .to_text()
            .contains("filter in scan: customer_id = 2"),
        "{}",
        outcome.plan.to_text()
    );
    // GlueSQL still checks what the storage cannot.
    assert!(
        outcome
            .plan
            .to_text()
            .contains("Filter entity_id LIKE '1%'"),
        "{}",
        outcome.plan.to_text()
    );
    // Rows an index seek looks up are checked before they are decoded.
    let phase3 = engine.index_set("phase3").unwrap();
    let seek = engine
        .run_with(
            "SELECT id FROM upstream_domainauditevent WHERE customer_id = 2 AND action = 'upload_created' AND user_id IS NOT NULL ORDER BY timestamp DESC LIMIT 5",
            &phase3,
        )
        .unwrap();
    let text = seek.plan.to_text();
    assert!(
        text.contains("filter on looked-up rows: user_id IS NOT NULL"),
        "{text}"
    );
    // A condition on a later key column is checked on the entry, before
    // the lookup it saves.
    let one = engine.index_set("audit_cust_action_idx").unwrap();
    let sql = "SELECT id, metadata FROM upstream_domainauditevent WHERE customer_id = 2 AND timestamp > '2025-11-01 00:00:00'";
    let icp = engine.run_with(sql, &one).unwrap();
    let text = icp.plan.to_text();
    assert!(
        text.contains("index condition before lookup: timestamp > '2025-11-01 00:00:00'"),
        "{text}"
    );
    assert!(
        icp.stats.table_lookups < icp.stats.index_entries,
        "{:?}",
        icp.stats
    );
    engine.set_pushdown(false);
    let plain = engine.run_with(sql, &one).unwrap();
    assert_eq!(plain.rows, icp.rows);
    assert_eq!(plain.stats.rows_examined, icp.stats.rows_examined);
    assert_eq!(plain.stats.table_lookups, plain.stats.index_entries);
}

/// `COUNT(*)` reads no column: a count over an index's columns is a covering
/// read, and a full scan decodes no cell but the key.
#[test]
fn count_star_reads_no_column() {
    let mut engine = engine();
    let phase3 = engine.index_set("phase3").unwrap();
    let sql = "SELECT COUNT(*) FROM upstream_domainauditevent WHERE customer_id = 2 AND action = 'upload_created'";
    let covered = engine.run_with(sql, &phase3).unwrap();
    assert_eq!(covered.stats.table_lookups, 0, "{}", covered.plan.to_text());
    assert!(
        covered.plan.to_text().contains("covering"),
        "{}",
        covered.plan.to_text()
    );
    engine.set_pushdown(false);
    let none = engine.index_set("none").unwrap();
    let plain = engine.run_with(sql, &none).unwrap();
    assert_eq!(plain.rows, covered.rows);
}
