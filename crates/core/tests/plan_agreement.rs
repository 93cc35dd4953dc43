//! Plan agreement: on the same rows, with the same indexes (the nine Phase 3
//! ones, then those and the covering index, which SQLite holds as a plain
//! composite index) and fresh statistics (ANALYZE), SQLite's planner and
//! ours pick the same access path, and agree on whether a sort follows, for
//! every documented pattern, for the large and the small tenant.
use seekscan_core::catalog::{builtin_indexes, IndexSet, Origin};
use seekscan_core::dump;
use seekscan_core::engine::Engine;
use seekscan_core::generator::{generate, DatasetSpec};
use seekscan_core::patterns;

/// The index SQLite's EXPLAIN QUERY PLAN reads the table through (or "full
/// scan"), and "+ sort" when it sorts afterwards.
fn sqlite_choice(db: &rusqlite::Connection, sql: &str) -> String {
    let mut statement = db.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let details: Vec<String> = statement
        .query_map([], |row| row.get::<_, String>(3))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let access = details
        .iter()
        .find(|d| d.starts_with("SCAN ") || d.starts_with("SEARCH "))
        .unwrap_or_else(|| panic!("{sql}: no table access in {details:?}"));
    let words: Vec<&str> = access.split_whitespace().collect();
    let path = match words.iter().position(|w| *w == "INDEX") {
        Some(at) => words[at + 1].to_owned(),
        None if access.contains("PRIMARY KEY") => "primary key".to_owned(),
        None => "full scan".to_owned(),
    };
    let sorts = details.iter().any(|d| d.contains("FOR ORDER BY"));
    if sorts {
        format!("{path} + sort")
    } else {
        path
    }
}

fn our_choice(engine: &mut Engine, sql: &str, visible: &IndexSet) -> String {
    let outcome = engine.run_with(&format!("EXPLAIN {sql}"), visible).unwrap();
    let access = outcome.plan.table_accesses()[0];
    let path = match (&access.index, access.access.as_deref()) {
        (Some(index), _) => index.clone(),
        (None, Some("primary key lookup")) => "primary key".to_owned(),
        (None, _) => "full scan".to_owned(),
    };
    if outcome.plan.to_text().contains("Sort") {
        format!("{path} + sort")
    } else {
        path
    }
}

#[test]
fn our_planner_picks_what_sqlite_picks() {
    for scale in [5_000, 20_000] {
        for set in ["phase3", "all"] {
            agree_at(scale, set);
        }
    }
}

fn agree_at(scale: usize, set: &str) {
    let dataset = generate(&DatasetSpec { seed: 1, scale });
    let indexes: Vec<_> = builtin_indexes()
        .into_iter()
        .filter(|d| set == "all" || d.origin == Origin::Phase3)
        .collect();
    let mut sql = Vec::new();
    dump::write_dataset(&dataset, &indexes, &mut sql).unwrap();
    let db = rusqlite::Connection::open_in_memory().unwrap();
    db.execute_batch(std::str::from_utf8(&sql).unwrap())
        .unwrap();
    let mut engine = Engine::load(&dataset, &mut |_, _, _| {}).unwrap();
    let visible = engine.index_set(set).unwrap();

    let mut table = vec![format!(
        "scale {scale}, indexes {set}\n{:<24} {:<6} {:<35} {:<35} agree",
        "pattern", "tenant", "sqlite", "seekscan"
    )];
    let mut disagreements = Vec::new();
    for large in [true, false] {
        let tenant = if large { "large" } else { "small" };
        let params = patterns::params_for(&dataset, large);
        for pattern in patterns::all() {
            let sql = pattern.render(&params);
            let (theirs, ours) = (
                sqlite_choice(&db, &sql),
                our_choice(&mut engine, &sql, &visible),
            );
            let agree = theirs == ours;
            table.push(format!(
                "{:<24} {tenant:<6} {theirs:<35} {ours:<35} {}",
                pattern.id,
                if agree { "yes" } else { "NO" }
            ));
            if !agree {
                disagreements.push(format!(
                    "{} ({tenant}): sqlite {theirs}, ours {ours}",
                    pattern.id
                ));
            }
        }
    }
    println!("{}", table.join("\n"));
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}
