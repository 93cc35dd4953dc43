//! Differential testing, SQLancer style (#8): generated SELECTs over the
//! Upstream tables return what SQLite returns on the same rows, under the
//! index sets `none`, `phase3`, `all` and a random subset; ternary logic
//! partitioning (the rows of Q are those of Q WHERE p, WHERE NOT p and
//! WHERE (p) IS NULL) holds inside the engine; interleaved writes, below
//! and above an index's fold threshold, leave both databases alike; and
//! arbitrary text never panics nor half-applies.
//!
//! The seed varies from run to run (it is derived from the clock) and is
//! printed; `SEEKSCAN_SEED=S` repeats a run. `SEEKSCAN_QUERIES`,
//! `SEEKSCAN_TLP`, `SEEKSCAN_READS` and `SEEKSCAN_STRINGS` override the
//! counts. `cargo xtask fuzz --minutes N` runs the ignored `fuzz` test: the
//! same rounds, one seed after another, in a release build.
#[path = "support/querygen.rs"]
mod querygen;
#[path = "support/sqlite.rs"]
mod sqlite;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use querygen::{Dialect, Drawn, QueryGen, Select, Shape, TABLES};
use rand::seq::IteratorRandom;
use rand::Rng;
use seekscan_core::catalog::{builtin_indexes, IndexSet};
use seekscan_core::engine::Engine;
use seekscan_core::experiment::Experiment;
use seekscan_core::generator::{generate, Dataset, DatasetSpec};

/// Audit events in the generated data: the other tables follow (66 runs,
/// at most 25 configs over 5 tenants). Small enough for a debug build; an
/// index of it folds its writes back after 1,024 (see `storage/entries.rs`).
const SCALE: usize = 600;
/// Entries pending in one index before they fold back into its vector.
const FOLD_THRESHOLD: usize = 1_024;

fn seed() -> u64 {
    let seed = std::env::var("SEEKSCAN_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
            now.map_or(1, |d| d.as_secs() % 1_000_000)
        });
    eprintln!("seed {seed} (SEEKSCAN_SEED={seed} repeats this run)");
    seed
}

fn count(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// What a run did, printed at the end.
#[derive(Default, Debug)]
struct Counts {
    queries: usize,
    configurations: usize,
    both_rejected: usize,
    nonempty: usize,
    partitions: usize,
    writes: usize,
    strings: usize,
    /// Runs the engine stopped at its time or row limit (not a semantic answer).
    limited: usize,
    /// Generated SELECTs checked against SQLite, per shape and construct.
    drawn: BTreeMap<&'static str, usize>,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.queries += other.queries;
        self.configurations += other.configurations;
        self.both_rejected += other.both_rejected;
        self.nonempty += other.nonempty;
        self.partitions += other.partitions;
        self.writes += other.writes;
        self.strings += other.strings;
        self.limited += other.limited;
        for (what, n) in &other.drawn {
            *self.drawn.entry(what).or_default() += n;
        }
    }

    /// One more generated SELECT of this shape, with these constructs.
    fn tally(&mut self, select: &Select) {
        let shape = match select.shape {
            Shape::Plain => "plain",
            Shape::Aggregate => "aggregate",
            Shape::Join => "join",
            Shape::Distinct => "distinct",
        };
        let Drawn {
            subquery,
            case,
            function,
            like,
        } = select.drawn;
        let constructs = [
            ("with subquery", subquery),
            ("with CASE", case),
            ("with function", function),
            ("with LIKE", like),
        ];
        for what in std::iter::once(shape).chain(constructs.iter().filter(|c| c.1).map(|c| c.0)) {
            *self.drawn.entry(what).or_default() += 1;
        }
    }
}

/// One disagreement, with what it takes to see it again.
struct Mismatch {
    seed: u64,
    test: &'static str,
    what: String,
    ours_sql: String,
    sqlite_sql: String,
    ours: String,
    theirs: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        writeln!(f, "{} (seed {})", self.what, self.seed)?;
        writeln!(f, "  seekscan: {}", self.ours_sql)?;
        if self.sqlite_sql != self.ours_sql && !self.sqlite_sql.is_empty() {
            writeln!(f, "  other:    {}", self.sqlite_sql)?;
        }
        writeln!(f, "  seekscan says: {}", self.ours)?;
        writeln!(f, "  other says:    {}", self.theirs)?;
        write!(
            f,
            "  reproduce: SEEKSCAN_SEED={} cargo test -p seekscan-core --test differential {}",
            self.seed, self.test
        )
    }
}

/// Mismatches of one run; at most `KEPT` are kept (one bug repeats).
#[derive(Default)]
struct Findings {
    mismatches: Vec<Mismatch>,
    total: usize,
}

const KEPT: usize = 40;

impl Findings {
    fn push(&mut self, mismatch: Mismatch) {
        self.total += 1;
        if self.mismatches.len() < KEPT {
            self.mismatches.push(mismatch);
        }
    }

    fn assert_none(&self, counts: &Counts) {
        eprintln!("{counts:?}");
        for m in &self.mismatches {
            eprintln!("{m}\n");
        }
        assert_eq!(
            self.total, 0,
            "{} mismatches (first ones above)",
            self.total
        );
    }
}

/// The engine and SQLite on the same rows, and the generator over them.
struct World {
    seed: u64,
    engine: Engine,
    db: rusqlite::Connection,
    gen: QueryGen,
    /// The next unused id per table, in `TABLES` order.
    next_ids: [i64; 3],
}

fn dataset(seed: u64) -> Dataset {
    generate(&DatasetSpec { seed, scale: SCALE })
}

impl World {
    /// `salt` separates the streams of the tests that share a seed.
    fn new(seed: u64, salt: u64) -> Self {
        let data = dataset(seed);
        let next_ids = TABLES.map(|t| data.table(t.name).unwrap().rows.len() as i64 + 1);
        Self {
            seed,
            engine: Engine::load(&data, &mut |_, _, _| {}).unwrap(),
            db: sqlite::sqlite_with(&data),
            gen: QueryGen::full(seed.wrapping_mul(31).wrapping_add(salt), &data),
            next_ids,
        }
    }

    /// `none`, `phase3`, `all` and a random subset of the built-in indexes.
    fn configurations(&mut self) -> Vec<(String, IndexSet)> {
        let names: Vec<String> = builtin_indexes().into_iter().map(|d| d.name).collect();
        let size = self.gen.rng.gen_range(1..names.len());
        let subset = names.iter().choose_multiple(&mut self.gen.rng, size);
        let subset: Vec<&str> = subset.into_iter().map(String::as_str).collect();
        let mut sets: Vec<(String, IndexSet)> = ["none", "phase3", "all"]
            .iter()
            .map(|s| (s.to_string(), self.engine.index_set(s).unwrap()))
            .collect();
        let spec = subset.join(",");
        sets.push((spec.clone(), self.engine.index_set(&spec).unwrap()));
        sets
    }

    /// Engine rows as text, or the error; a panic is an error too.
    fn ours(&mut self, sql: &str, visible: &IndexSet) -> Result<Vec<Vec<String>>, String> {
        let engine = &mut self.engine;
        match catch_unwind(AssertUnwindSafe(|| engine.run_with(sql, visible))) {
            Ok(Ok(outcome)) => Ok(sqlite::engine_text(&outcome.rows)),
            Ok(Err(e)) => Err(e.to_string()),
            Err(panic) => Err(format!("PANIC {}", panic_text(&panic))),
        }
    }
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

type Rows = Vec<Vec<String>>;

/// The rows one side has more of than the other, a few of them.
fn surplus(a: &Rows, b: &Rows) -> String {
    let mut left: BTreeMap<&Vec<String>, i64> = BTreeMap::new();
    for row in a {
        *left.entry(row).or_default() += 1;
    }
    for row in b {
        *left.entry(row).or_default() -= 1;
    }
    let extra: Vec<String> = left
        .iter()
        .filter(|(_, n)| **n > 0)
        .take(3)
        .map(|(row, n)| format!("{n}x[{}]", row.join(", ")))
        .collect();
    format!("{} rows; beyond the other's: {}", a.len(), extra.join(" "))
}

/// `None` when the results agree: both errors, or the same rows (in the
/// same order when `ordered`).
fn differ(
    ours: &Result<Rows, String>,
    theirs: &Result<Rows, String>,
    ordered: bool,
) -> Option<(String, String)> {
    match (ours, theirs) {
        (Err(_), Err(_)) => None,
        (Ok(_), Err(e)) => Some(("rows".to_owned(), format!("error: {e}"))),
        (Err(e), Ok(_)) => Some((format!("error: {e}"), "rows".to_owned())),
        (Ok(a), Ok(b)) => {
            let (mut a, mut b) = (a.clone(), b.clone());
            if !ordered {
                a.sort();
                b.sort();
            }
            if a == b {
                None
            } else if a.len() == b.len() && {
                let (mut x, mut y) = (a.clone(), b.clone());
                x.sort();
                y.sort();
                x == y
            } {
                let at = a.iter().zip(&b).position(|(x, y)| x != y).unwrap();
                Some((
                    format!("same rows, other order; at {at}: [{}]", a[at].join(", ")),
                    format!("[{}]", b[at].join(", ")),
                ))
            } else {
                Some((surplus(&a, &b), surplus(&b, &a)))
            }
        }
    }
}

impl World {
    /// One SELECT against SQLite under every configuration.
    fn check_select(
        &mut self,
        select: &Select,
        sets: &[(String, IndexSet)],
        counts: &mut Counts,
    ) -> Option<Mismatch> {
        let (ours, theirs) = (
            select.render(Dialect::Seekscan),
            select.render(Dialect::Sqlite),
        );
        self.check_sql(ours, theirs, select.ordered(), sets, counts)
    }

    /// `ours_sql` on the engine under every set against `sqlite_sql` on SQLite.
    fn check_sql(
        &mut self,
        ours_sql: String,
        sqlite_sql: String,
        ordered: bool,
        sets: &[(String, IndexSet)],
        counts: &mut Counts,
    ) -> Option<Mismatch> {
        let theirs = sqlite::sqlite_text(&self.db, &sqlite_sql);
        counts.queries += 1;
        counts.nonempty += usize::from(theirs.as_ref().is_ok_and(|r| !r.is_empty()));
        for (name, visible) in sets {
            counts.configurations += 1;
            let ours = self.ours(&ours_sql, visible);
            if ours
                .as_ref()
                .is_err_and(|e| e.contains("(the limit for one run)"))
            {
                counts.limited += 1;
                continue;
            }
            counts.both_rejected += usize::from(ours.is_err() && theirs.is_err());
            if let Some((ours, theirs)) = differ(&ours, &theirs, ordered) {
                return Some(Mismatch {
                    seed: self.seed,
                    test: "",
                    what: format!("SQLite disagrees under index set {name}"),
                    ours_sql,
                    sqlite_sql,
                    ours,
                    theirs,
                });
            }
        }
        None
    }

    /// `n` generated SELECTs, each under fresh configurations.
    fn check_queries(
        &mut self,
        n: usize,
        test: &'static str,
        findings: &mut Findings,
        counts: &mut Counts,
    ) {
        for _ in 0..n {
            let sets = self.configurations();
            let select = self.gen.query();
            counts.tally(&select);
            if let Some(m) = self.check_select(&select, &sets, counts) {
                findings.push(Mismatch { test, ..m });
            }
        }
    }
}

/// TLP: every row of Q satisfies exactly one of p, NOT p and (p) IS NULL.
impl World {
    fn check_partitions(
        &mut self,
        n: usize,
        test: &'static str,
        findings: &mut Findings,
        counts: &mut Counts,
    ) {
        for _ in 0..n {
            let (select, p) = self.gen.partitioned();
            let whole_sql = select.render(Dialect::Seekscan);
            let whole = self.ours(&whole_sql, &IndexSet::none());
            let parts: Vec<String> = [p.clone(), format!("NOT ({p})"), format!("({p}) IS NULL")]
                .iter()
                .map(|part| select.and(part).render(Dialect::Seekscan))
                .collect();
            counts.partitions += 1;
            for (name, visible) in self.configurations() {
                counts.configurations += 1;
                let union = self.union(&parts, &visible);
                if let Some((ours, theirs)) = differ(&union, &whole, false) {
                    findings.push(Mismatch {
                        seed: self.seed,
                        test,
                        what: format!(
                            "TLP: the three partitions differ from the whole under {name}"
                        ),
                        ours_sql: parts.join("\n            "),
                        sqlite_sql: whole_sql.clone(),
                        ours,
                        theirs,
                    });
                    break;
                }
            }
        }
    }

    /// The rows of every statement, one after the other (UNION ALL).
    fn union(&mut self, statements: &[String], visible: &IndexSet) -> Result<Rows, String> {
        let mut rows = Vec::new();
        for sql in statements {
            rows.extend(self.ours(sql, visible)?);
        }
        Ok(rows)
    }
}

/// Statements in a light batch: each touches at most a few rows, so the
/// writes stay pending in every index's buffer (below the fold threshold).
const LIGHT_WRITES: usize = 30;
/// Rows a heavy batch inserts per table: past the fold threshold.
const HEAVY_ROWS: usize = 1_100;
const _: () = assert!(HEAVY_ROWS > FOLD_THRESHOLD && LIGHT_WRITES * 4 * 2 < FOLD_THRESHOLD);

/// Writes on both sides; reads compare the outcome.
impl World {
    /// Runs one write on both; `false` when only one side refused it (the
    /// databases then differ, so the batch stops).
    fn write(
        &mut self,
        sql: String,
        test: &'static str,
        findings: &mut Findings,
        counts: &mut Counts,
    ) -> bool {
        counts.writes += 1;
        let engine = &mut self.engine;
        let ours = match catch_unwind(AssertUnwindSafe(|| engine.run(&sql))) {
            Ok(Ok(_)) => Ok(Vec::new()),
            Ok(Err(e)) => Err(e.to_string()),
            Err(panic) => Err(format!("PANIC {}", panic_text(&panic))),
        };
        let theirs = self
            .db
            .execute(&sql, [])
            .map(|_| Vec::new())
            .map_err(|e| e.to_string());
        let Some((ours, theirs)) = differ(&ours, &theirs, false) else {
            return true;
        };
        findings.push(Mismatch {
            seed: self.seed,
            test,
            what: "a write: one side refused it".to_owned(),
            ours_sql: sql,
            sqlite_sql: String::new(),
            ours,
            theirs,
        });
        false
    }

    fn light_batch(&mut self) -> Vec<String> {
        (0..LIGHT_WRITES)
            .map(|_| {
                let at = self.gen.rng.gen_range(0..TABLES.len());
                let table = &TABLES[at];
                let filter = self.gen.narrow(table, self.next_ids[at]);
                match self.gen.rng.gen_range(0..3) {
                    0 => {
                        let rows = self.gen.rng.gen_range(1..4);
                        self.gen.insert(table, &mut self.next_ids[at], rows)
                    }
                    1 => self.gen.update(table, &filter),
                    _ => self.gen.delete(table, &filter),
                }
            })
            .collect()
    }

    /// Inserts past the fold threshold on every table and deletes nine in
    /// ten of them again (past it once more, and the tables stay small for
    /// the reads); then an update and a delete of a third and a seventh of
    /// one table's rows.
    fn heavy_batch(&mut self) -> Vec<String> {
        let mut batch = Vec::new();
        for (at, table) in TABLES.iter().enumerate() {
            let first = self.next_ids[at];
            for _ in 0..HEAVY_ROWS / 100 {
                batch.push(self.gen.insert(table, &mut self.next_ids[at], 100));
            }
            batch.push(
                self.gen
                    .delete(table, &format!("id >= {first} AND id % 10 <> 0")),
            );
        }
        let table = self.gen.table();
        let third = format!("id % 3 = {}", self.gen.rng.gen_range(0..3));
        batch.push(self.gen.update(table, &third));
        let seventh = format!("id % 7 = {}", self.gen.rng.gen_range(0..7));
        batch.push(self.gen.delete(table, &seventh));
        batch
    }

    /// Every table in full, then `reads` generated SELECTs.
    fn check_reads(
        &mut self,
        reads: usize,
        test: &'static str,
        findings: &mut Findings,
        counts: &mut Counts,
    ) {
        let sets = self.configurations();
        for table in &TABLES {
            let select = Select {
                head: format!("SELECT * FROM {}", table.name),
                order: vec![("id".to_owned(), false)],
                ..Select::default()
            };
            if let Some(m) = self.check_select(&select, &sets, counts) {
                findings.push(Mismatch { test, ..m });
            }
        }
        self.check_queries(reads, test, findings, counts);
    }
}

/// One kind of check over a world; a round is one of these on one seed.
type Check = fn(&mut World, &mut Findings, &mut Counts);

fn check_queries(world: &mut World, findings: &mut Findings, counts: &mut Counts) {
    let n = count("SEEKSCAN_QUERIES", 1_000);
    world.check_queries(n, "queries", findings, counts);
}

fn check_partitions(world: &mut World, findings: &mut Findings, counts: &mut Counts) {
    let n = count("SEEKSCAN_TLP", 150);
    world.check_partitions(n, "partitions", findings, counts);
}

/// Light writes (pending in the buffers), heavy ones (folded back), light
/// again (pending over a folded vector), each followed by reads.
fn check_writes(world: &mut World, findings: &mut Findings, counts: &mut Counts) {
    let reads = count("SEEKSCAN_READS", 80);
    for heavy in [false, true, false] {
        let batch = if heavy {
            world.heavy_batch()
        } else {
            world.light_batch()
        };
        for sql in batch {
            if !world.write(sql, "writes", findings, counts) {
                return;
            }
        }
        world.check_reads(reads, "writes", findings, counts);
    }
}

/// The rounds the tests run and the fuzz command repeats, one per seed;
/// the salt keeps their random streams apart.
const ROUNDS: [(u64, Check); 3] = [(0, check_queries), (1, check_partitions), (2, check_writes)];

fn round(seed: u64, (salt, check): (u64, Check), findings: &mut Findings) -> Counts {
    let mut counts = Counts::default();
    check(&mut World::new(seed, salt), findings, &mut counts);
    counts
}

/// A round on the run's seed; fails with every mismatch it found.
fn test_round(at: usize) -> Counts {
    let mut findings = Findings::default();
    let counts = round(seed(), ROUNDS[at], &mut findings);
    findings.assert_none(&counts);
    counts
}

#[test]
fn queries() {
    let counts = test_round(0);
    // A generator whose queries mostly fail or select nothing checks little.
    assert!(
        counts.both_rejected * 20 < counts.configurations,
        "{counts:?}"
    );
    assert!(counts.nonempty * 2 > counts.queries, "{counts:?}");
    assert!(counts.limited * 100 <= counts.configurations, "{counts:?}");
    // Every shape and construct is checked, each in at least 1 query of 40.
    eprintln!("generated SELECTs: {:?}", counts.drawn);
    for what in [
        "plain",
        "aggregate",
        "join",
        "distinct",
        "with subquery",
        "with CASE",
        "with function",
        "with LIKE",
    ] {
        let n = counts.drawn.get(what).copied().unwrap_or(0);
        assert!(n * 40 >= counts.queries, "{what}: {n} of {counts:?}");
    }
}

#[test]
fn partitions() {
    assert!(test_round(1).partitions > 0);
}

#[test]
fn writes() {
    assert!(test_round(2).writes > 0);
}

/// Whitespace the SQL entry points must read as whitespace (or refuse).
const WHITESPACE: [&str; 8] = [
    " ", "  ", "\t", "\n", "\u{3000}", "\u{a0}", "\u{2003}", "\u{85}",
];

const TOKENS: [&str; 40] = [
    "SELECT",
    "*",
    "FROM",
    "upstream_reportrun",
    "upstream_domainauditevent",
    "WHERE",
    "id",
    "customer_id",
    "status",
    "=",
    "<",
    "1",
    "-1",
    "9223372036854775807",
    "NULL",
    "'x'",
    "'",
    "(",
    ")",
    ",",
    ";",
    "AND",
    "OR",
    "NOT",
    "IN",
    "BETWEEN",
    "LIKE",
    "'%'",
    "ORDER BY",
    "LIMIT",
    "CREATE",
    "INDEX",
    "DROP",
    "ON",
    "INCLUDE",
    "DESC",
    "INSERT INTO",
    "VALUES",
    "UPDATE",
    "DELETE",
];

/// Keywords, names and punctuation in random order and spacing.
fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(&TOKENS[..]),
            prop::sample::select(&WHITESPACE[..]),
        ),
        1..16,
    )
    .prop_map(|words| words.into_iter().flat_map(|(t, w)| [t, w]).collect())
}

/// `CREATE INDEX` and `DROP INDEX` with odd names, columns and spacing.
fn index_text() -> impl Strategy<Value = String> {
    // Runs of mixed whitespace: a multi-byte one may end where an ASCII
    // reading of the statement expects a character boundary.
    let space = || {
        prop::collection::vec(prop::sample::select(&WHITESPACE[..]), 1..4).prop_map(|w| w.concat())
    };
    let name = || prop_oneof!["[a-z_][a-z0-9_]{0,6}", "\\PC{0,4}", Just(String::new())];
    let column = prop_oneof![
        prop::sample::select(vec![
            "status",
            "customer_id",
            "started_at DESC",
            "id ASC",
            "nope"
        ])
        .prop_map(str::to_owned),
        "\\PC{0,5}",
    ];
    let table = prop::sample::select(vec![
        "upstream_reportrun",
        "upstream_productconfig",
        "t",
        "",
    ]);
    (
        (space(), space(), space(), space()),
        name(),
        table,
        prop::collection::vec(column, 0..4),
        prop::option::of(name()),
        any::<bool>(),
    )
        .prop_map(|((a, b, c, d), name, table, columns, include, drop)| {
            if drop {
                return format!("DROP{a}INDEX{b}{name}{c}");
            }
            let include = include.map_or(String::new(), |i| format!("{d}INCLUDE ({i})"));
            format!(
                "CREATE{a}INDEX{b}{name}{c}ON {table}{d}({}){include}",
                columns.join(",")
            )
        })
}

fn sql_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), token_soup(), index_text()]
}

/// A failed statement leaves row counts and indexes as they were; nothing
/// panics, neither the SQL entry point nor the URL parser given the same text.
fn check_text(engine: &RefCell<Engine>, data: &Dataset, sql: &str) -> Result<(), TestCaseError> {
    if let Err(panic) = catch_unwind(|| Experiment::from_query(sql)) {
        return Err(TestCaseError::fail(format!(
            "the URL parser panicked: {}",
            panic_text(&panic)
        )));
    }
    let mut engine = engine.borrow_mut();
    let before = (engine.table_counts(), engine.indexes());
    let outcome = catch_unwind(AssertUnwindSafe(|| engine.run(sql)));
    let after = || (engine.table_counts(), engine.indexes());
    let verdict = match outcome {
        Err(panic) => Err(format!("panicked: {}", panic_text(&panic))),
        Ok(Err(_)) if after() != before => Err("failed, yet changed rows or indexes".to_owned()),
        _ => Ok(()),
    };
    if verdict.is_err() || after() != before {
        // Start the next case from the same state.
        *engine = Engine::load(data, &mut |_, _, _| {}).unwrap();
    }
    verdict.map_err(TestCaseError::fail)
}

/// `cases` strings through `Engine::run`; the shrunk failing input if any.
fn strings_round(seed: u64, cases: u32, counts: &mut Counts) -> Option<String> {
    let data = generate(&DatasetSpec { seed, scale: 200 });
    let engine = RefCell::new(Engine::load(&data, &mut |_, _, _| {}).unwrap());
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(config, rng);
    // Inputs that once panicked, before the random ones.
    for sql in ["CREATE \u{3000}\u{3000}INDEX i ON upstream_reportrun (status)"] {
        if let Err(e) = check_text(&engine, &data, sql) {
            return Some(format!("{e}: {sql:?}"));
        }
    }
    let outcome = runner.run(&sql_text(), |sql| check_text(&engine, &data, &sql));
    counts.strings += cases as usize;
    outcome.err().map(|e| {
        format!("{e}\n  reproduce: SEEKSCAN_SEED={seed} cargo test -p seekscan-core --test differential strings")
    })
}

#[test]
fn strings() {
    let mut counts = Counts::default();
    let failure = strings_round(seed(), count("SEEKSCAN_STRINGS", 300) as u32, &mut counts);
    assert!(failure.is_none(), "{}", failure.unwrap_or_default());
}

/// Mark nothing as passing that cannot fail: each check sees a wrong answer.
#[test]
fn a_wrong_answer_is_caught() {
    let mut world = World::new(1, 3);
    let sets = world.configurations();
    let mut counts = Counts::default();
    let sql = "SELECT id, finished_at FROM upstream_reportrun WHERE status = 'success' ORDER BY id";
    let mut check = |theirs: &str, ordered| {
        world.check_sql(
            sql.to_owned(),
            theirs.to_owned(),
            ordered,
            &sets,
            &mut counts,
        )
    };
    assert!(check(sql, true).is_none());
    assert!(check(&sql.replace("= 'success'", "<> 'success'"), false).is_some());
    assert!(check(&sql.replace("ORDER BY id", "ORDER BY id DESC"), true).is_some());
    assert!(check(&sql.replace("ORDER BY id", "ORDER BY id DESC"), false).is_none());
    assert!(check(&sql.replace("finished_at", "finished_at, 1"), false).is_some());
    assert!(check("SELECT nonsense", false).is_some());
    // TLP without the IS NULL part misses the rows whose finished_at is NULL.
    let p = "finished_at > '2025-12-01 00:00:00'";
    let parts = [
        format!("SELECT id FROM upstream_reportrun WHERE {p}"),
        format!("SELECT id FROM upstream_reportrun WHERE NOT ({p})"),
    ];
    let union = world.union(&parts, &IndexSet::none());
    let whole = world.ours("SELECT id FROM upstream_reportrun", &IndexSet::none());
    assert!(differ(&union, &whole, false).is_some());
    // A write only one side accepts.
    assert!(differ(
        &Ok(Vec::new()),
        &Err("UNIQUE constraint failed".to_owned()),
        false
    )
    .is_some());
}

#[test]
#[ignore = "run by cargo xtask fuzz --minutes N"]
fn fuzz() {
    let deadline =
        Instant::now() + Duration::from_secs(60 * count("SEEKSCAN_FUZZ_MINUTES", 1) as u64);
    let first = seed();
    let (mut total, mut findings, mut rounds) = (Counts::default(), Findings::default(), 0);
    for seed in first.. {
        if rounds > 0 && Instant::now() >= deadline {
            break;
        }
        for kind in ROUNDS {
            total.add(&round(seed, kind, &mut findings));
        }
        let failure = strings_round(seed, count("SEEKSCAN_STRINGS", 2_000) as u32, &mut total);
        rounds += 1;
        eprintln!(
            "seed {seed}: {} mismatches so far, {total:?}",
            findings.total
        );
        if let Some(failure) = failure {
            panic!("{failure}\n  or: cargo xtask fuzz --seed {seed} --minutes 0");
        }
        if findings.total > 0 {
            eprintln!("or: cargo xtask fuzz --seed {seed} --minutes 0");
            break;
        }
    }
    eprintln!(
        "fuzz: {rounds} rounds (seeds {first}..), {} queries, {} configurations, {} partitions, {} writes, {} strings",
        total.queries, total.configurations, total.partitions, total.writes, total.strings
    );
    findings.assert_none(&total);
}
