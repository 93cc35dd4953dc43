//! PostgreSQL agreement: the same rows and, mostly, the same access path.
//!
//! A throwaway PostgreSQL cluster loads `dump --dialect postgres` (the Phase
//! 3 indexes, then ANALYZE) at each of the page's scale presets. Then:
//!
//! - at two scales (10,000 and 100,000), every documented pattern for the
//!   large and the small tenant, and a generated corpus of queries over the
//!   three tables (`support/querygen.rs`), return exactly seekscan's rows;
//!   PostgreSQL's access path (EXPLAIN (FORMAT JSON): the index of an Index,
//!   Index Only or Bitmap Index Scan, or Seq Scan) is compared with ours
//!   under `random_page_cost` 4 and 1.1, and agreement below the floors
//!   measured fails the test;
//! - at every preset, each engine's choice for every pattern and tenant is
//!   the one `data/engine_agreement.json` records (what the page shows);
//!   `SEEKSCAN_WRITE_AGREEMENT=1` rewrites the file instead.
#[path = "support/pg_rows.rs"]
mod pg_rows;
#[path = "support/postgres.rs"]
mod postgres_cluster;
#[allow(dead_code)]
#[path = "support/querygen.rs"]
mod querygen;

use std::collections::BTreeMap;
use std::time::Instant;

use pg_rows::{json_positions, pg_result, rows_agree, rows_as_text, simple_rows, Rows};
use postgres::Client;
use querygen::{Dialect, QueryGen, Select};
use seekscan_core::agreement::pg_plan::{self, PgScan};
use seekscan_core::agreement::{
    self, Access, AgreementFacts, PatternFacts, PostgresChoice, ScaleFacts, ScanKind, TableSize,
    Tenant,
};
use seekscan_core::catalog::{builtin_indexes, IndexSet, Origin};
use seekscan_core::dump;
use seekscan_core::engine::Engine;
use seekscan_core::experiment::{DEFAULT_SEED, SCALE_PRESETS};
use seekscan_core::generator::{generate, Dataset, DatasetSpec};
use seekscan_core::patterns;

/// `random_page_cost`: PostgreSQL's default, then a common SSD setting.
const PAGE_COSTS: [f64; 2] = [4.0, 1.1];
/// The scales whose rows and corpus are compared (the facts cover every preset).
const COMPARED_SCALES: [usize; 2] = [10_000, 100_000];
const CORPUS_QUERIES: usize = 200;
const CORPUS_SEED: u64 = 12;

/// The lowest agreement (share of statements where PostgreSQL reads the
/// same index, or scans, as seekscan) this test accepts, per set and
/// `random_page_cost`: a few points under what was measured (see
/// docs/postgres.md), so a planner change that loses agreement fails.
fn floor(set: Set, page_cost: f64) -> f64 {
    // Measured (lowest of the two scales): patterns 50% and 75%, corpus
    // 70% and 66%, at random_page_cost 4 and 1.1.
    match (set, page_cost == 4.0) {
        (Set::Patterns, true) => 0.45,
        (Set::Patterns, false) => 0.70,
        (Set::Corpus, true) => 0.65,
        (Set::Corpus, false) => 0.60,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Set {
    Patterns,
    Corpus,
}

/// Agreement counts for one scale, set and `random_page_cost`.
#[derive(Default, Debug, Clone, Copy)]
struct Tally {
    agree: usize,
    compared: usize,
    /// Statements PostgreSQL answers without reading a table (a false condition).
    no_read: usize,
}

struct Database {
    scale: usize,
    dataset: Dataset,
    engine: Engine,
    visible: IndexSet,
    sqlite: rusqlite::Connection,
    pg: Client,
}

fn phase3() -> Vec<seekscan_core::catalog::IndexDef> {
    builtin_indexes()
        .into_iter()
        .filter(|d| d.origin == Origin::Phase3)
        .collect()
}

fn load(cluster: &postgres_cluster::Cluster, scale: usize) -> Database {
    let started = Instant::now();
    let dataset = generate(&DatasetSpec {
        seed: DEFAULT_SEED,
        scale,
    });
    let name = format!("scale_{scale}");
    let file = cluster.file(&format!("{name}.sql"));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
    dump::write_dataset_in(dump::Dialect::Postgres, &dataset, &phase3(), &mut out).unwrap();
    drop(out);
    cluster.create_database(&name).unwrap();
    cluster
        .psql_file(&name, &file)
        .unwrap_or_else(|e| panic!("{e}\n{}", cluster.log()));
    std::fs::remove_file(&file).unwrap();
    let loaded_pg = started.elapsed();
    let mut pg = cluster.client(&name).unwrap();
    pg.batch_execute("SET TimeZone = 'UTC'; SET jit = off")
        .unwrap();

    let sqlite_started = Instant::now();
    let mut shared = Vec::new();
    dump::write_dataset(&dataset, &phase3(), &mut shared).unwrap();
    let sqlite = rusqlite::Connection::open_in_memory().unwrap();
    sqlite
        .execute_batch(std::str::from_utf8(&shared).unwrap())
        .unwrap();
    drop(shared);
    let loaded_sqlite = sqlite_started.elapsed();
    let engine_started = Instant::now();
    let engine = Engine::load(&dataset, &mut |_, _, _| {}).unwrap();
    let visible = engine.index_set("phase3").unwrap();
    println!(
        "scale {scale}: loaded PostgreSQL (generate, dump, psql) in {:.1} s, SQLite in {:.1} s, seekscan in {:.1} s",
        loaded_pg.as_secs_f64(),
        loaded_sqlite.as_secs_f64(),
        engine_started.elapsed().as_secs_f64()
    );
    Database {
        scale,
        dataset,
        engine,
        visible,
        sqlite,
        pg,
    }
}

/// PostgreSQL's table reads for `sql` under `page_cost`.
fn pg_scans(pg: &mut Client, sql: &str, page_cost: f64) -> Vec<PgScan> {
    pg.batch_execute(&format!("SET random_page_cost = {page_cost}"))
        .unwrap();
    let rows = simple_rows(pg, &format!("EXPLAIN (FORMAT JSON) {sql}"))
        .unwrap_or_else(|e| panic!("EXPLAIN {sql}: {e}"));
    let text = rows[0][0].clone().unwrap_or_default();
    let explain: serde_json::Value = serde_json::from_str(&text).unwrap();
    pg_plan::scans(pg_plan::top_plan(&explain).unwrap())
}

fn pkey(table: &str) -> String {
    format!("{table}_pkey")
}

/// Our access path for `sql`: the first table read (patterns read one).
fn our_accesses(engine: &mut Engine, sql: &str, visible: &IndexSet) -> Vec<Access> {
    let outcome = engine.run_with(&format!("EXPLAIN {sql}"), visible).unwrap();
    let sorts = outcome.plan.to_text().contains("Sort");
    outcome
        .plan
        .table_accesses()
        .iter()
        .map(|node| {
            let table = node.table.clone().unwrap_or_default();
            let access = node.access.as_deref().unwrap_or("full scan");
            let (kind, index) = match (access, &node.index) {
                ("primary key lookup", _) => (ScanKind::Index, Some(pkey(&table))),
                (_, None) => (ScanKind::Seq, None),
                (a, Some(index)) if a.starts_with("covering") => {
                    (ScanKind::IndexOnly, Some(index.clone()))
                }
                (_, Some(index)) => (ScanKind::Index, Some(index.clone())),
            };
            Access { kind, index, sorts }
        })
        .collect()
}

/// SQLite's access path from EXPLAIN QUERY PLAN (one table).
fn sqlite_access(db: &rusqlite::Connection, sql: &str, table: &str) -> Access {
    let mut statement = db.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let details: Vec<String> = statement
        .query_map([], |row| row.get::<_, String>(3))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let sorts = details.iter().any(|d| d.contains("FOR ORDER BY"));
    let read = details
        .iter()
        .find(|d| d.starts_with("SCAN ") || d.starts_with("SEARCH "))
        .unwrap_or_else(|| panic!("{sql}: no table access in {details:?}"));
    let words: Vec<&str> = read.split_whitespace().collect();
    let (kind, index) = match words.iter().position(|w| *w == "INDEX") {
        Some(at) if read.contains("COVERING INDEX") => {
            (ScanKind::IndexOnly, Some(words[at + 1].to_owned()))
        }
        Some(at) => (ScanKind::Index, Some(words[at + 1].to_owned())),
        None if read.contains("PRIMARY KEY") => (ScanKind::Index, Some(pkey(table))),
        None => (ScanKind::Seq, None),
    };
    Access { kind, index, sorts }
}

fn our_result(db: &mut Database, sql: &str, json_columns: &[usize]) -> Result<Rows, String> {
    let outcome = db
        .engine
        .run_with(sql, &db.visible)
        .map_err(|e| e.to_string())?;
    Ok(rows_as_text(&outcome.rows, json_columns))
}

/// The pattern's facts at this scale, and whether its rows matched.
fn pattern_facts(db: &mut Database, compare_rows: bool) -> Vec<PatternFacts> {
    let mut facts = Vec::new();
    for tenant in Tenant::BOTH {
        let params = patterns::params_for(&db.dataset, tenant == Tenant::Large);
        let tenant_id: i64 = params["tenant"].parse().unwrap();
        for pattern in patterns::all() {
            let sql = pattern.render(&params);
            let table = pattern
                .sql
                .split_whitespace()
                .skip_while(|w| *w != "FROM")
                .nth(1)
                .unwrap();
            let postgres = PAGE_COSTS
                .iter()
                .map(|&cost| {
                    let scan = pg_scans(&mut db.pg, &sql, cost).remove(0);
                    PostgresChoice {
                        random_page_cost: cost,
                        access: scan.access,
                        estimated_rows: scan.estimated_rows,
                    }
                })
                .collect();
            if compare_rows {
                let json = json_positions(&mut db.pg, &sql);
                let ours = our_result(db, &sql, &json).unwrap();
                let theirs = pg_result(&mut db.pg, &sql).unwrap();
                let key = ["started_at", "timestamp"]
                    .into_iter()
                    .find(|k| pattern.sql.contains(&format!("ORDER BY {k}")));
                let columns: Vec<&str> = querygen::TABLES
                    .iter()
                    .find(|t| t.name == table)
                    .unwrap()
                    .columns
                    .iter()
                    .map(|c| c.name)
                    .collect();
                let tie_key = key.and_then(|k| columns.iter().position(|c| *c == k));
                let cut = sql.contains("LIMIT");
                assert!(
                    rows_agree(&ours, &theirs, key.is_some(), tie_key, cut),
                    "{} ({}): rows differ at scale {}\n{sql}\nours {} rows, PostgreSQL {}",
                    pattern.id,
                    tenant.name(),
                    db.scale,
                    ours.len(),
                    theirs.len()
                );
            }
            facts.push(PatternFacts {
                pattern: pattern.id.to_owned(),
                tenant,
                tenant_id,
                table: table.to_owned(),
                seekscan: our_accesses(&mut db.engine, &sql, &db.visible).remove(0),
                sqlite: sqlite_access(&db.sqlite, &sql, table),
                postgres,
            });
        }
    }
    facts
}

fn table_sizes(pg: &mut Client) -> Vec<TableSize> {
    dump::upstream_schemas()
        .iter()
        .map(|s| {
            let table = &s.table_name;
            let row = pg
                .query_one(
                    &format!(
                        "SELECT (SELECT count(*) FROM {table}), relpages::bigint FROM pg_class WHERE relname = $1"
                    ),
                    &[table],
                )
                .unwrap();
            TableSize {
                table: table.clone(),
                rows: row.get::<_, i64>(0) as u64,
                pages: row.get::<_, i64>(1) as u64,
            }
        })
        .collect()
}

/// The corpus PostgreSQL runs as seekscan does: JSON columns are `jsonb`
/// there (compared, sorted and grouped as documents, not text), and
/// PostgreSQL has no MIN or MAX of a boolean, so statements that do either
/// are left out; they are SQLite's to check (tests/differential.rs).
fn postgres_runs_alike(select: &Select) -> bool {
    let json = ["summary_json", "metadata", "config_json"];
    let mut compared = select.filter.clone().unwrap_or_default();
    compared.push_str(&select.group);
    for (key, _) in &select.order {
        compared.push_str(key);
    }
    if json.iter().any(|c| compared.contains(c)) {
        return false;
    }
    !json.iter().chain(&["enabled"]).any(|c| {
        select.head.contains(&format!("MIN({c})")) || select.head.contains(&format!("MAX({c})"))
    })
}

/// `CORPUS_QUERIES` statements PostgreSQL runs alike. Joins only at the
/// smaller scale: GlueSQL joins by nested loops, and in a debug build a
/// join of two 100,000-row-scale tables runs into the 10 s run limit.
fn corpus(dataset: &Dataset, joins: bool) -> Vec<Select> {
    let mut generator = QueryGen::new(CORPUS_SEED, dataset);
    let mut kept = Vec::new();
    while kept.len() < CORPUS_QUERIES {
        let select = generator.query();
        if postgres_runs_alike(&select) && (joins || !select.head.contains(" JOIN ")) {
            kept.push(select);
        }
    }
    kept
}

fn labels(accesses: &[Access]) -> Vec<String> {
    let mut labels: Vec<String> = accesses.iter().map(|a| a.label().to_owned()).collect();
    labels.sort();
    labels
}

/// The corpus at one scale: rows must match; access paths are tallied.
fn run_corpus(db: &mut Database, tallies: &mut BTreeMap<(usize, Set, String), Tally>) -> usize {
    let mut ours_refused = 0;
    let joins = db.scale <= COMPARED_SCALES[0];
    for select in corpus(&db.dataset, joins) {
        let sql = select.render(Dialect::Seekscan);
        let json = json_positions(&mut db.pg, &sql);
        let theirs =
            pg_result(&mut db.pg, &sql).unwrap_or_else(|e| panic!("PostgreSQL: {e}\n{sql}"));
        let ours = match our_result(db, &sql, &json) {
            Ok(rows) => rows,
            Err(e) => {
                // A limit of the playground (rows read, run time), never a
                // different answer: counted and printed.
                eprintln!("seekscan refused: {e}\n  {sql}");
                ours_refused += 1;
                continue;
            }
        };
        assert!(
            rows_agree(&ours, &theirs, select.ordered(), None, false),
            "rows differ at scale {}\n{sql}\nours: {:?}\nPostgreSQL: {:?}",
            db.scale,
            &ours[..ours.len().min(5)],
            &theirs[..theirs.len().min(5)]
        );
        let ours = labels(&our_accesses(&mut db.engine, &sql, &db.visible));
        for cost in PAGE_COSTS {
            let scans: Vec<Access> = pg_scans(&mut db.pg, &sql, cost)
                .into_iter()
                .map(|s| s.access)
                .collect();
            let tally = tallies
                .entry((db.scale, Set::Corpus, cost.to_string()))
                .or_default();
            if scans.is_empty() {
                tally.no_read += 1;
                continue;
            }
            tally.compared += 1;
            if labels(&scans) == ours {
                tally.agree += 1;
            }
        }
    }
    ours_refused
}

fn tally_patterns(
    scale: usize,
    facts: &[PatternFacts],
    tallies: &mut BTreeMap<(usize, Set, String), Tally>,
) {
    for f in facts {
        for choice in &f.postgres {
            let tally = tallies
                .entry((scale, Set::Patterns, choice.random_page_cost.to_string()))
                .or_default();
            tally.compared += 1;
            if choice.access.same_path(&f.seekscan) {
                tally.agree += 1;
            }
        }
    }
}

fn print_patterns(scale: usize, facts: &[PatternFacts]) {
    println!(
        "\nscale {scale}\n{:<24} {:<6} {:<28} {:<28} {:<36} {:<36}",
        "pattern", "tenant", "seekscan", "sqlite", "postgres rpc 4", "postgres rpc 1.1"
    );
    let shown = |a: &Access| {
        let kind = match a.kind {
            ScanKind::Seq => "",
            ScanKind::Index => "",
            ScanKind::IndexOnly => " (only)",
            ScanKind::Bitmap => " (bitmap)",
        };
        format!(
            "{}{kind}{}",
            a.label(),
            if a.sorts { " + sort" } else { "" }
        )
    };
    for f in facts {
        let mark = |a: &Access| if a.same_path(&f.seekscan) { "" } else { " ≠" };
        println!(
            "{:<24} {:<6} {:<28} {:<28} {:<36} {:<36}",
            f.pattern,
            f.tenant.name(),
            shown(&f.seekscan),
            format!("{}{}", shown(&f.sqlite), mark(&f.sqlite)),
            format!(
                "{}{}",
                shown(&f.postgres[0].access),
                mark(&f.postgres[0].access)
            ),
            format!(
                "{}{}",
                shown(&f.postgres[1].access),
                mark(&f.postgres[1].access)
            ),
        );
    }
}

/// The recorded facts without PostgreSQL's sampled estimates (ANALYZE reads
/// a random sample of large tables), which may move a little between runs.
fn choices(facts: &AgreementFacts) -> AgreementFacts {
    let mut facts = facts.clone();
    facts.postgres_version = major(&facts.postgres_version);
    for scale in &mut facts.scales {
        for pattern in &mut scale.patterns {
            for choice in &mut pattern.postgres {
                choice.estimated_rows = 0.0;
            }
        }
    }
    facts
}

fn major(version: &str) -> String {
    version.split('.').next().unwrap_or_default().to_owned()
}

fn check_or_write(measured: &AgreementFacts) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/engine_agreement.json");
    if std::env::var("SEEKSCAN_WRITE_AGREEMENT").is_ok_and(|v| v == "1") {
        let text = serde_json::to_string_pretty(measured).unwrap() + "\n";
        std::fs::write(path, text).unwrap();
        println!("wrote {path}");
        return;
    }
    let recorded = agreement::facts();
    let (want, got) = (choices(recorded), choices(measured));
    if want == got {
        return;
    }
    let mut differences = Vec::new();
    if want.postgres_version != got.postgres_version {
        differences.push(format!(
            "PostgreSQL {} measured, the file records {}",
            measured.postgres_version, recorded.postgres_version
        ));
    }
    for (w, g) in want.scales.iter().zip(&got.scales) {
        if w.tables != g.tables {
            differences.push(format!(
                "scale {}: tables {:?} now {:?}",
                g.scale, w.tables, g.tables
            ));
        }
        for (wp, gp) in w.patterns.iter().zip(&g.patterns) {
            if wp != gp {
                differences.push(format!("scale {}: recorded {wp:?}\n  now {gp:?}", g.scale));
            }
        }
    }
    panic!(
        "data/engine_agreement.json no longer says what the engines do:\n{}\n\
         (SEEKSCAN_WRITE_AGREEMENT=1 cargo test -p seekscan-core --test postgres_agreement rewrites it)",
        differences.join("\n")
    );
}

#[test]
fn postgres_agrees_on_rows_and_mostly_on_access_paths() {
    let started = Instant::now();
    let cluster = postgres_cluster::Cluster::start().unwrap();
    let mut tallies = BTreeMap::new();
    let mut scales = Vec::new();
    let mut version = String::new();
    let mut refused = 0;
    for scale in SCALE_PRESETS {
        let mut db = load(&cluster, scale);
        let compared = COMPARED_SCALES.contains(&scale);
        let facts = pattern_facts(&mut db, compared);
        print_patterns(scale, &facts);
        if compared {
            tally_patterns(scale, &facts, &mut tallies);
            refused += run_corpus(&mut db, &mut tallies);
        }
        version = simple_rows(&mut db.pg, "SHOW server_version").unwrap()[0][0]
            .clone()
            .unwrap_or_default();
        scales.push(ScaleFacts {
            scale,
            tables: table_sizes(&mut db.pg),
            patterns: facts,
        });
        println!(
            "scale {scale} done at {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }

    println!(
        "\nagreement with PostgreSQL {version} (same index, or both sequential)\n{:<9} {:<9} {:>8} {:>18} {:>18}",
        "scale", "set", "queries", "rpc 4", "rpc 1.1"
    );
    let mut below = Vec::new();
    for scale in COMPARED_SCALES {
        for set in [Set::Patterns, Set::Corpus] {
            let cells: Vec<(f64, Tally)> = PAGE_COSTS
                .iter()
                .map(|c| {
                    (
                        *c,
                        tallies
                            .get(&(scale, set, c.to_string()))
                            .copied()
                            .unwrap_or_default(),
                    )
                })
                .collect();
            let shown: Vec<String> = cells
                .iter()
                .map(|(cost, t)| {
                    let share = t.agree as f64 / t.compared.max(1) as f64;
                    if share < floor(set, *cost) {
                        below.push(format!(
                            "scale {scale} {set:?} rpc {cost}: {share:.2} < {}",
                            floor(set, *cost)
                        ));
                    }
                    format!("{}/{} {:>4.0}%", t.agree, t.compared, share * 100.0)
                })
                .collect();
            let queries = cells[0].1.compared + cells[0].1.no_read;
            println!(
                "{scale:<9} {:<9} {queries:>8} {:>18} {:>18}",
                format!("{set:?}").to_lowercase(),
                shown[0],
                shown[1]
            );
            if cells[0].1.no_read > 0 {
                println!(
                    "{:<19} ({} read no table in PostgreSQL: a condition it proved false)",
                    "", cells[0].1.no_read
                );
            }
        }
    }
    println!("seekscan refused {refused} corpus queries (a playground limit)");
    println!("whole test: {:.0} s", started.elapsed().as_secs_f64());

    let measured = AgreementFacts {
        postgres_version: version,
        sqlite_version: rusqlite::version().to_owned(),
        seed: DEFAULT_SEED,
        indexes: "phase3".to_owned(),
        scales,
    };
    check_or_write(&measured);
    assert!(below.is_empty(), "agreement below its floor: {below:#?}");
}
