//! The PostgreSQL model against PostgreSQL 15 itself, on statements nobody
//! wrote for it: a corpus shaped like Django's ORM (`support/ormgen.rs`)
//! over the sample at two seeds and two scales, with the Phase 3 indexes,
//! in a throwaway cluster after ANALYZE. For every statement:
//!
//! - the rows equal PostgreSQL's (a statement seekscan refuses fails);
//! - the way in — node type (Seq, Index, Index Only, Bitmap Heap Scan) and
//!   every index read — is compared with `EXPLAIN (FORMAT JSON)` under both
//!   presets (`random_page_cost` 4 and 1.1), and so is the total cost;
//! - agreement under the floors fails the test; every difference is listed
//!   with both plans.
//!
//! `SEEKSCAN_AGREEMENT_SCALES=10000,100000,1000000` changes the scales.
#[path = "support/ormgen.rs"]
mod ormgen;
#[path = "support/pg_rows.rs"]
mod pg_rows;
#[path = "support/postgres.rs"]
mod postgres_cluster;
#[allow(dead_code)]
#[path = "support/querygen.rs"]
mod querygen;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use ormgen::{OrmGen, OrmQuery};
use pg_rows::{json_positions, pg_result, rows_agree, rows_as_text, simple_rows, Rows};
use postgres::Client;
use seekscan_core::agreement::pg_plan;
use seekscan_core::agreement::ScanKind;
use seekscan_core::catalog::{builtin_indexes, IndexDef, IndexSet, Origin};
use seekscan_core::dump;
use seekscan_core::engine::Engine;
use seekscan_core::generator::{generate, DatasetSpec};
use seekscan_core::pg15::PgSettings;
use seekscan_core::planner::{ModelKind, ScanNode};
use seekscan_core::statement::limits::RunLimits;

const SEEDS: [u64; 2] = [1, 2];
const DEFAULT_SCALES: [usize; 2] = [10_000, 100_000];
/// Statements per seed at the smallest scale; larger scales run a sample.
const CORPUS_QUERIES: usize = 500;
const SAMPLE_QUERIES: usize = 100;
/// `random_page_cost` of the two presets: PostgreSQL's default and SSD.
const PRESETS: [(&str, f64); 2] = [("defaults", 4.0), ("ssd", 1.1)];

/// The models compared, and the share of statements each must read the
/// way PostgreSQL does under each preset (2 points under the lowest
/// measured, see docs/postgres.md); the in-memory model is reported only.
fn models() -> Vec<(ModelKind, [f64; 2])> {
    vec![
        (ModelKind::Postgres, [0.94, 0.946]),
        (ModelKind::Memory, [0.0, 0.0]),
    ]
}

/// One table read: its node and the indexes it reads, sorted.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Way {
    kind: ScanKind,
    indexes: Vec<String>,
}

impl std::fmt::Display for Way {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.kind)?;
        if !self.indexes.is_empty() {
            write!(f, " on {}", self.indexes.join(" + "))?;
        }
        Ok(())
    }
}

fn phase3() -> Vec<IndexDef> {
    builtin_indexes()
        .into_iter()
        .filter(|d| d.origin == Origin::Phase3)
        .collect()
}

fn scales() -> Vec<usize> {
    std::env::var("SEEKSCAN_AGREEMENT_SCALES").map_or_else(
        |_| DEFAULT_SCALES.to_vec(),
        |s| s.split(',').map(|n| n.trim().parse().unwrap()).collect(),
    )
}

struct Database {
    engine: Engine,
    visible: IndexSet,
    pg: Client,
}

fn load(cluster: &postgres_cluster::Cluster, seed: u64, scale: usize) -> (Database, Vec<OrmQuery>) {
    let dataset = generate(&DatasetSpec { seed, scale });
    let name = format!("seed_{seed}_scale_{scale}");
    let file = cluster.file(&format!("{name}.sql"));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
    dump::write_dataset_in(dump::Dialect::Postgres, &dataset, &phase3(), &mut out).unwrap();
    drop(out);
    cluster.create_database(&name).unwrap();
    cluster
        .psql_file(&name, &file)
        .unwrap_or_else(|e| panic!("{e}\n{}", cluster.log()));
    std::fs::remove_file(&file).unwrap();
    let mut pg = cluster.client(&name).unwrap();
    pg.batch_execute(
        "SET TimeZone = 'UTC'; SET jit = off; SET max_parallel_workers_per_gather = 0",
    )
    .unwrap();
    let count = if scale <= DEFAULT_SCALES[0] {
        CORPUS_QUERIES
    } else {
        SAMPLE_QUERIES
    };
    let corpus = OrmGen::new(&dataset, seed * 1000 + scale as u64).corpus(count);
    let mut engine = Engine::load(&dataset, &mut |_, _, _| {}).unwrap();
    // A debug build reads rows far slower than the page's release build.
    engine.set_limits(RunLimits {
        max_run_time: std::time::Duration::from_secs(600),
        ..RunLimits::default()
    });
    let visible = engine.index_set("phase3").unwrap();
    (
        Database {
            engine,
            visible,
            pg,
        },
        corpus,
    )
}

/// PostgreSQL's first table read and its plan's total cost.
fn pg_way(pg: &mut Client, sql: &str, page_cost: f64) -> (Option<Way>, f64) {
    pg.batch_execute(&format!("SET random_page_cost = {page_cost}"))
        .unwrap();
    let rows = simple_rows(pg, &format!("EXPLAIN (FORMAT JSON) {sql}"))
        .unwrap_or_else(|e| panic!("EXPLAIN {sql}: {e}"));
    let explain: serde_json::Value =
        serde_json::from_str(rows[0][0].as_deref().unwrap_or_default()).unwrap();
    let top = pg_plan::top_plan(&explain).unwrap();
    let cost = top
        .get("Total Cost")
        .and_then(|c| c.as_f64())
        .unwrap_or(0.0);
    let way = pg_plan::scans(top).into_iter().next().map(|scan| {
        let mut indexes: Vec<String> = scan
            .access
            .index
            .map(|i| i.split(" + ").map(str::to_owned).collect())
            .unwrap_or_default();
        indexes.sort();
        Way {
            kind: scan.access.kind,
            indexes,
        }
    });
    (way, cost)
}

/// Our first table read under the engine's model, and its total cost.
fn our_way(db: &mut Database, sql: &str) -> (Way, f64) {
    let outcome = db
        .engine
        .run_with(&format!("EXPLAIN {sql}"), &db.visible)
        .unwrap_or_else(|e| panic!("seekscan refuses a corpus statement: {e}\n{sql}"));
    let accesses = outcome.plan.table_accesses();
    let node = accesses.first().expect("a corpus statement reads a table");
    let table = node.table.clone().unwrap_or_default();
    let kind = match node.node {
        Some(ScanNode::SeqScan) | None => ScanKind::Seq,
        Some(ScanNode::IndexScan) => ScanKind::Index,
        Some(ScanNode::IndexOnlyScan) => ScanKind::IndexOnly,
        Some(ScanNode::BitmapHeapScan) => ScanKind::Bitmap,
    };
    let mut indexes = node.indexes.clone();
    if kind != ScanKind::Seq && indexes.is_empty() {
        indexes.push(format!("{table}_pkey"));
    }
    indexes.sort();
    let cost = outcome.plan.cost.map_or(0.0, |c| c[1]);
    (Way { kind, indexes }, cost)
}

fn our_rows(db: &mut Database, sql: &str, json: &[usize]) -> Rows {
    let outcome = db
        .engine
        .run_with(sql, &db.visible)
        .unwrap_or_else(|e| panic!("seekscan refuses a corpus statement: {e}\n{sql}"));
    rows_as_text(&outcome.rows, json)
}

fn is_sub_multiset(part: &Rows, whole: &Rows) -> bool {
    let mut counts: BTreeMap<&Vec<String>, i64> = BTreeMap::new();
    for row in whole {
        *counts.entry(row).or_default() += 1;
    }
    part.iter().all(|row| {
        let left = counts.entry(row).or_default();
        *left -= 1;
        *left >= 0
    })
}

/// The share of statements whose total cost estimate must be within 2×
/// of PostgreSQL's, for the PostgreSQL model (2 points under the lowest
/// measured).
const COST_FLOOR: f64 = 0.958;

#[derive(Default, Clone, Copy)]
struct Tally {
    same_way: usize,
    cost_within_2x: usize,
    compared: usize,
}

type Key = (ModelKind, &'static str, u64, usize);

/// Compares one statement's rows with PostgreSQL's, then each model's way
/// in under each preset; returns the differences as lines.
fn compare(
    db: &mut Database,
    query: &OrmQuery,
    key: (u64, usize),
    tallies: &mut BTreeMap<Key, Tally>,
) -> Vec<String> {
    let json = json_positions(&mut db.pg, &query.sql);
    let theirs = pg_result(&mut db.pg, &query.sql).unwrap();
    let ours = our_rows(db, &query.sql, &json);
    let ordered = query.ordered && query.sql.contains("ORDER BY");
    let agree = match query.sql.split_once(" LIMIT ") {
        // Any rows that match may fill a LIMIT without a total order.
        Some((unlimited, _)) if !ordered => {
            let all = pg_result(&mut db.pg, unlimited).unwrap();
            ours.len() == theirs.len() && is_sub_multiset(&ours, &all)
        }
        _ => rows_agree(&ours, &theirs, ordered, None, false),
    };
    assert!(
        agree,
        "rows differ (seed {}, scale {}): {}\nours {} rows, PostgreSQL {}",
        key.0,
        key.1,
        query.sql,
        ours.len(),
        theirs.len()
    );
    let mut differences = Vec::new();
    for (preset, page_cost) in PRESETS {
        let (Some(pg), pg_cost) = pg_way(&mut db.pg, &query.sql, page_cost) else {
            continue;
        };
        let mut settings = PgSettings::defaults();
        settings.random_page_cost = page_cost;
        db.engine.set_pg_settings(settings);
        for (model, _) in models() {
            db.engine.set_model(model);
            let (way, cost) = our_way(db, &query.sql);
            let tally = tallies.entry((model, preset, key.0, key.1)).or_default();
            tally.compared += 1;
            let ratio = (cost.max(1e-9) / pg_cost.max(1e-9)).max(pg_cost / cost.max(1e-9));
            tally.cost_within_2x += usize::from(ratio <= 2.0);
            if way == pg {
                tally.same_way += 1;
            } else {
                differences.push(format!(
                    "{model:?} {preset} seed {} scale {} {} [{}]: ours {way} (cost {cost:.1}), PostgreSQL {pg} (cost {pg_cost:.1})\n    {}",
                    key.0, key.1, query.table, query.shape, query.sql
                ));
            }
        }
    }
    differences
}

#[test]
fn postgres_model_reads_as_postgres_does() {
    // No autovacuum: the visibility map stays as ANALYZE after the load
    // leaves it (no page all-visible), which the model assumes by default.
    let cluster = match postgres_cluster::Cluster::start_with("-c autovacuum=off") {
        Ok(cluster) => cluster,
        Err(e) => panic!("PostgreSQL is needed for this test: {e}"),
    };
    let mut tallies = BTreeMap::new();
    let mut differences = Vec::new();
    for seed in SEEDS {
        for scale in scales() {
            let (mut db, corpus) = load(&cluster, seed, scale);
            for query in &corpus {
                differences.extend(compare(&mut db, query, (seed, scale), &mut tallies));
            }
        }
    }
    let mut report = String::from("model / preset / seed / scale: same way in, cost within 2x\n");
    for ((model, preset, seed, scale), t) in &tallies {
        let _ = writeln!(
            report,
            "{model:?} {preset} seed {seed} scale {scale}: {}/{} = {:.1}%, cost {:.1}%",
            t.same_way,
            t.compared,
            100.0 * t.same_way as f64 / t.compared as f64,
            100.0 * t.cost_within_2x as f64 / t.compared as f64
        );
    }
    println!("{report}\ndifferences ({}):", differences.len());
    for line in &differences {
        println!("  {line}");
    }
    for ((model, preset, seed, scale), t) in &tallies {
        let preset_at = PRESETS.iter().position(|(p, _)| p == preset).unwrap();
        let floor = models().iter().find(|(m, _)| m == model).unwrap().1[preset_at];
        let share = t.same_way as f64 / t.compared as f64;
        assert!(
            share >= floor,
            "{model:?} {preset} seed {seed} scale {scale}: {:.1}% under the floor {:.1}%",
            share * 100.0,
            floor * 100.0
        );
        let within = t.cost_within_2x as f64 / t.compared as f64;
        assert!(
            *model != ModelKind::Postgres || within >= COST_FLOOR,
            "{model:?} {preset} seed {seed} scale {scale}: cost within 2x for {:.1}%, under {:.1}%",
            within * 100.0,
            COST_FLOOR * 100.0
        );
    }
}
