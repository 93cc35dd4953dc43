//! Plan agreement: on the same rows, with the same indexes (the nine Phase 3
//! ones, then those and the covering index, which SQLite holds as a plain
//! composite index) and fresh statistics (ANALYZE), SQLite's planner and
//! ours pick the same access path, and agree on whether a sort follows, for
//! every documented pattern, for the large and the small tenant; and on
//! generated single-table queries (`support/querygen.rs`) they read the
//! table the same way in most cases, the share printed and floored.
#[allow(dead_code)]
#[path = "support/querygen.rs"]
mod querygen;

use std::collections::BTreeMap;

use querygen::{Dialect, QueryGen, Shape};
use seekscan_core::catalog::{builtin_indexes, IndexSet, Origin};
use seekscan_core::dump;
use seekscan_core::engine::Engine;
use seekscan_core::explain::{AccessPath, NodeKind, PlanNode};
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

/// Generated statements compared (single-table ones kept out of the draws).
const GENERATED: usize = 600;
const GENERATED_SEED: u64 = 7;
/// The lowest share of generated statements on which SQLite reads the table
/// the way seekscan does (same index, primary key or full scan): 2 points
/// under the share measured on `GENERATED_SEED` at scale 20,000 with every
/// built-in index: 445 of 600 (74.2%; plain 79.2%, aggregate 64.5%,
/// DISTINCT 64.7%). Most differences are SQLite's rowid range seeks (no
/// such access here) and indexes it prefers for a filter seekscan scans.
const GENERATED_FLOOR: f64 = 0.722;

/// How SQLite reads the one table of `sql`, from EXPLAIN QUERY PLAN; `None`
/// when it names no table access (a constant-false filter, say).
fn sqlite_access(db: &rusqlite::Connection, sql: &str) -> Option<String> {
    let mut statement = db.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).ok()?;
    let details: Vec<String> = statement
        .query_map([], |row| row.get::<_, String>(3))
        .ok()?
        .collect::<Result<_, _>>()
        .ok()?;
    let access = details
        .iter()
        .find(|d| d.starts_with("SCAN ") || d.starts_with("SEARCH "))?;
    let words: Vec<&str> = access.split_whitespace().collect();
    Some(match words.iter().position(|w| *w == "INDEX") {
        Some(at) => words[at + 1].to_owned(),
        None if access.contains("PRIMARY KEY") => "primary key".to_owned(),
        None => "full scan".to_owned(),
    })
}

/// How seekscan reads the one table of `sql`, from the plan's typed access.
fn our_access(engine: &mut Engine, sql: &str, visible: &IndexSet) -> Option<String> {
    let outcome = engine.run_with(&format!("EXPLAIN {sql}"), visible).ok()?;
    let accesses = outcome.plan.table_accesses();
    let [access]: [&PlanNode; 1] = accesses.try_into().ok()?;
    assert_eq!(access.kind, NodeKind::TableAccess);
    Some(match (access.path, &access.index) {
        (Some(AccessPath::PrimaryKeyLookup), _) => "primary key".to_owned(),
        (_, Some(index)) => index.clone(),
        _ => "full scan".to_owned(),
    })
}

#[derive(Default)]
struct Agreement {
    compared: usize,
    agreed: usize,
}

impl Agreement {
    fn rate(&self) -> f64 {
        self.agreed as f64 / self.compared.max(1) as f64
    }
}

#[test]
fn generated_queries_mostly_read_tables_as_sqlite_does() {
    let dataset = generate(&DatasetSpec {
        seed: 1,
        scale: 20_000,
    });
    let mut dumped = Vec::new();
    dump::write_dataset(&dataset, &builtin_indexes(), &mut dumped).unwrap();
    let db = rusqlite::Connection::open_in_memory().unwrap();
    db.execute_batch(std::str::from_utf8(&dumped).unwrap())
        .unwrap();
    let mut engine = Engine::load(&dataset, &mut |_, _, _| {}).unwrap();
    let visible = engine.index_set("all").unwrap();
    let mut generator = QueryGen::full(GENERATED_SEED, &dataset);
    let (mut per_shape, mut total) = (BTreeMap::new(), Agreement::default());
    let mut differing: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut drawn = 0;
    while total.compared < GENERATED {
        drawn += 1;
        let select = generator.query();
        // One table, no subquery: one access on each side to compare.
        if select.shape == Shape::Join || select.drawn.subquery {
            continue;
        }
        let sql = select.render(Dialect::Seekscan);
        let (Some(theirs), Some(ours)) = (
            sqlite_access(&db, &sql),
            our_access(&mut engine, &sql, &visible),
        ) else {
            continue;
        };
        let agree = theirs == ours;
        for tally in [&mut total, per_shape.entry(select.shape).or_default()] {
            tally.compared += 1;
            tally.agreed += usize::from(agree);
        }
        if !agree {
            *differing.entry((theirs, ours)).or_default() += 1;
        }
    }
    println!(
        "generated: {drawn} drawn, {} compared, SQLite reads the table as seekscan does in {} ({:.1}%)",
        total.compared,
        total.agreed,
        100.0 * total.rate()
    );
    for (shape, tally) in &per_shape {
        println!(
            "  {shape:?}: {} of {} ({:.1}%)",
            tally.agreed,
            tally.compared,
            100.0 * tally.rate()
        );
    }
    let mut common: Vec<_> = differing.into_iter().collect();
    common.sort_by_key(|c| std::cmp::Reverse(c.1));
    for ((theirs, ours), n) in common.iter().take(8) {
        println!("  {n:4}x sqlite {theirs}, seekscan {ours}");
    }
    assert!(
        total.rate() >= GENERATED_FLOOR,
        "agreement {:.1}% under the floor {:.1}%",
        100.0 * total.rate(),
        100.0 * GENERATED_FLOOR
    );
}
