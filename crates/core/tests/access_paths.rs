//! The storage's access paths beyond one index seek — bitmap heap scans
//! (index ranges AND-ed and OR-ed), reads of the table's own primary key
//! (ranges, IN lists, backwards) and covering reads that answer
//! aggregates — return exactly the rows a full scan filtered by the same
//! condition returns, over bulk-loaded rows and over the writes since.
//! The storage is driven directly with encoded specs, and through SQL
//! with the spec forced into GlueSQL's plan.
#[path = "support/forced.rs"]
mod forced;

use forced::{forced_rows, plain_rows};
use gluesql_core::data::{Key, Value};
use gluesql_core::store::{Index, Store};
use proptest::prelude::*;
use seekscan_core::engine::Engine;
use seekscan_core::storage::access::{AccessSpec, BitmapSource, IndexRange, RangeBound};
use seekscan_core::storage::filter::{CellPredicate, CellTest};

/// A cell of the model: `t`'s columns are integers and text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum V {
    I(i64),
    S(String),
}

type Cell = Option<V>;
/// `id, a, b, c, d`.
type Row = Vec<Cell>;

const COLUMNS: [&str; 5] = ["id", "a", "b", "c", "d"];

/// Name and key columns (by position in `t`); `ibc` has INCLUDE (d).
const INDEXES: [(&str, &[usize], &str); 4] = [
    ("ia", &[1], "CREATE INDEX ia ON t (a)"),
    (
        "ibc",
        &[2, 3],
        "CREATE INDEX ibc ON t (b DESC, c) INCLUDE (d)",
    ),
    ("ic", &[3], "CREATE INDEX ic ON t (c DESC)"),
    ("iac", &[1, 3], "CREATE INDEX iac ON t (a, c DESC)"),
];

fn value(cell: &Cell) -> Value {
    match cell {
        None => Value::Null,
        Some(V::I(n)) => Value::I64(*n),
        Some(V::S(s)) => Value::Str(s.clone()),
    }
}

fn cell(value: &Value) -> Cell {
    match value {
        Value::Null => None,
        Value::I64(n) => Some(V::I(*n)),
        Value::Str(s) => Some(V::S(s.clone())),
        other => panic!("unexpected value {other:?}"),
    }
}

fn sql_literal(cell: &Cell) -> String {
    match cell {
        None => "NULL".to_owned(),
        Some(V::I(n)) => n.to_string(),
        Some(V::S(s)) => format!("'{s}'"),
    }
}

/// A value of column `column` (1..=4), NULL now and then.
fn cell_of(column: usize) -> BoxedStrategy<Cell> {
    let some = match column {
        2 => prop::sample::select(vec!["p", "q", "r", "s"])
            .prop_map(|s| V::S(s.to_owned()))
            .boxed(),
        1 => (0i64..5).prop_map(V::I).boxed(),
        3 => (0i64..8).prop_map(V::I).boxed(),
        _ => (0i64..4).prop_map(V::I).boxed(),
    };
    prop::option::weighted(0.85, some).boxed()
}

fn data_row() -> impl Strategy<Value = [Cell; 4]> {
    (cell_of(1), cell_of(2), cell_of(3), cell_of(4)).prop_map(|(a, b, c, d)| [a, b, c, d])
}

// ---------------------------------------------------------------- bitmaps

/// A bitmap leaf in model terms: index, equality lists, range bounds.
#[derive(Clone, Debug)]
struct Leaf {
    index: usize,
    eq: Vec<Vec<Cell>>,
    lower: Option<(Cell, bool)>,
    upper: Option<(Cell, bool)>,
}

#[derive(Clone, Debug)]
enum Tree {
    Leaf(Leaf),
    And(Vec<Tree>),
    Or(Vec<Tree>),
}

fn bound(column: usize) -> impl Strategy<Value = Option<(Cell, bool)>> {
    // A NULL bound (rare) matches nothing.
    prop::option::of(
        (
            prop::option::weighted(0.95, cell_of(column).prop_filter_map("some", |c| c)),
            any::<bool>(),
        )
            .prop_map(|(c, i)| (c, i)),
    )
}

fn leaf() -> impl Strategy<Value = Leaf> {
    (0..INDEXES.len()).prop_flat_map(|index| {
        let keys = INDEXES[index].1;
        (0..=keys.len()).prop_flat_map(move |n_eq| {
            let eq: Vec<_> = keys[..n_eq]
                .iter()
                .map(|&c| prop::collection::vec(cell_of(c), 1..4))
                .collect();
            let range_column = keys.get(n_eq).copied();
            let bounds = match range_column {
                Some(c) => (bound(c), bound(c)).boxed(),
                None => Just((None, None)).boxed(),
            };
            (eq, bounds).prop_map(move |(eq, (lower, upper))| Leaf {
                index,
                eq,
                lower,
                upper,
            })
        })
    })
}

fn tree() -> impl Strategy<Value = Tree> {
    leaf()
        .prop_map(Tree::Leaf)
        .prop_recursive(3, 10, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 1..4).prop_map(Tree::And),
                prop::collection::vec(inner, 1..4).prop_map(Tree::Or),
            ]
        })
}

fn within(cell: &Cell, lower: &Option<(Cell, bool)>, upper: &Option<(Cell, bool)>) -> bool {
    let Some(v) = cell else { return false };
    let above = match lower {
        None => true,
        Some((None, _)) => false,
        Some((Some(b), incl)) => v > b || (*incl && v == b),
    };
    let below = match upper {
        None => true,
        Some((None, _)) => false,
        Some((Some(b), incl)) => v < b || (*incl && v == b),
    };
    above && below
}

impl Leaf {
    fn matches(&self, row: &Row) -> bool {
        let keys = INDEXES[self.index].1;
        let eq = self
            .eq
            .iter()
            .zip(keys)
            .all(|(values, &c)| values.contains(&row[c]));
        let ranged = self.lower.is_some() || self.upper.is_some();
        eq && (!ranged || within(&row[keys[self.eq.len()]], &self.lower, &self.upper))
    }

    fn range(&self) -> IndexRange {
        let bound = |b: &Option<(Cell, bool)>| {
            b.as_ref().map(|(c, inclusive)| RangeBound {
                value: value(c),
                inclusive: *inclusive,
            })
        };
        IndexRange::new(
            INDEXES[self.index].0,
            self.eq
                .iter()
                .map(|l| l.iter().map(value).collect())
                .collect(),
            bound(&self.lower),
            bound(&self.upper),
        )
    }

    fn sql(&self) -> String {
        let keys = INDEXES[self.index].1;
        let mut parts: Vec<String> = Vec::new();
        for (values, &c) in self.eq.iter().zip(keys) {
            let name = COLUMNS[c];
            let listed: Vec<String> = values
                .iter()
                .flatten()
                .map(|v| sql_literal(&Some(v.clone())))
                .collect();
            let mut any = Vec::new();
            if !listed.is_empty() {
                any.push(format!("{name} IN ({})", listed.join(", ")));
            }
            if values.contains(&None) {
                any.push(format!("{name} IS NULL"));
            }
            parts.push(format!("({})", any.join(" OR ")));
        }
        let name = keys.get(self.eq.len()).map(|&c| COLUMNS[c]);
        for (b, op) in [(&self.lower, [">", ">="]), (&self.upper, ["<", "<="])] {
            if let (Some((c, incl)), Some(name)) = (b, name) {
                parts.push(format!(
                    "{name} {} {}",
                    op[usize::from(*incl)],
                    sql_literal(c)
                ));
            }
        }
        if parts.is_empty() {
            "TRUE".to_owned()
        } else {
            parts.join(" AND ")
        }
    }
}

impl Tree {
    fn matches(&self, row: &Row) -> bool {
        match self {
            Tree::Leaf(leaf) => leaf.matches(row),
            Tree::And(parts) => parts.iter().all(|p| p.matches(row)),
            Tree::Or(parts) => parts.iter().any(|p| p.matches(row)),
        }
    }

    fn source(&self) -> BitmapSource {
        match self {
            Tree::Leaf(leaf) => BitmapSource::Index(leaf.range()),
            Tree::And(parts) => BitmapSource::And(parts.iter().map(Tree::source).collect()),
            Tree::Or(parts) => BitmapSource::Or(parts.iter().map(Tree::source).collect()),
        }
    }

    fn sql(&self) -> String {
        match self {
            Tree::Leaf(leaf) => format!("({})", leaf.sql()),
            Tree::And(parts) => format!(
                "({})",
                parts
                    .iter()
                    .map(Tree::sql)
                    .collect::<Vec<_>>()
                    .join(" AND ")
            ),
            Tree::Or(parts) => format!(
                "({})",
                parts.iter().map(Tree::sql).collect::<Vec<_>>().join(" OR ")
            ),
        }
    }
}

// ---------------------------------------------------------------- filters

/// A recheck: every test must hold (`d IN`, `c` range, `b IS NULL`).
#[derive(Clone, Debug)]
enum Check {
    DIn(Vec<i64>),
    CRange(Option<(Cell, bool)>, Option<(Cell, bool)>),
    BIsNull,
}

fn check() -> impl Strategy<Value = Check> {
    prop_oneof![
        prop::collection::vec(0i64..4, 1..3).prop_map(Check::DIn),
        (bound(3), bound(3)).prop_map(|(l, u)| Check::CRange(l, u)),
        Just(Check::BIsNull),
    ]
}

impl Check {
    fn passes(&self, row: &Row) -> bool {
        match self {
            Check::DIn(values) => values.iter().any(|v| row[4] == Some(V::I(*v))),
            Check::CRange(l, u) => within(&row[3], l, u),
            Check::BIsNull => row[2].is_none(),
        }
    }

    fn predicate(&self) -> CellPredicate {
        let bound = |b: &Option<(Cell, bool)>| {
            b.as_ref().map(|(c, inclusive)| RangeBound {
                value: value(c),
                inclusive: *inclusive,
            })
        };
        let (column, test) = match self {
            Check::DIn(values) => (
                4,
                CellTest::OneOf(values.iter().map(|v| Value::I64(*v)).collect()),
            ),
            Check::CRange(l, u) => (
                3,
                CellTest::Range {
                    lower: bound(l),
                    upper: bound(u),
                },
            ),
            Check::BIsNull => (2, CellTest::IsNull),
        };
        CellPredicate::Test { column, test }
    }
}

fn filter_of(checks: &[Check]) -> Option<CellPredicate> {
    (!checks.is_empty()).then(|| CellPredicate::And(checks.iter().map(Check::predicate).collect()))
}

// ------------------------------------------------------------- the table

/// The engine and a model of `t`'s rows, written alike.
struct Fixture {
    engine: Engine,
    rows: std::collections::BTreeMap<i64, Row>,
    next_id: i64,
}

impl Fixture {
    /// Rows bulk-loaded (packed arrays), ids with gaps, then the indexes.
    fn new(data: &[[Cell; 4]]) -> Self {
        let mut engine = Engine::new();
        engine
            .run("CREATE TABLE t (id INT PRIMARY KEY, a INT NULL, b TEXT NULL, c INT NULL, d INT NULL)")
            .unwrap();
        let rows: std::collections::BTreeMap<i64, Row> = data
            .iter()
            .enumerate()
            .map(|(i, cells)| {
                let id = i as i64 * 2;
                let mut row = vec![Some(V::I(id))];
                row.extend(cells.iter().cloned());
                (id, row)
            })
            .collect();
        if !rows.is_empty() {
            let values = rows
                .values()
                .map(|r| r.iter().map(value).collect())
                .collect();
            engine.load_rows("t", values).unwrap();
        }
        for (_, _, sql) in INDEXES {
            engine.run(sql).unwrap();
        }
        let next_id = rows.len() as i64 * 2 + 1;
        Self {
            engine,
            rows,
            next_id,
        }
    }

    fn write(&mut self, write: &Write) {
        let sql = match write {
            Write::Insert(cells) => {
                let id = self.next_id;
                self.next_id += 3;
                let mut row = vec![Some(V::I(id))];
                row.extend(cells.iter().cloned());
                let sql = format!(
                    "INSERT INTO t VALUES ({})",
                    row.iter().map(sql_literal).collect::<Vec<_>>().join(", ")
                );
                self.rows.insert(id, row);
                sql
            }
            Write::Update { column, cell, m, r } => {
                for (id, row) in self.rows.iter_mut() {
                    if id % m == *r {
                        row[*column] = cell.clone();
                    }
                }
                format!(
                    "UPDATE t SET {} = {} WHERE id % {m} = {r}",
                    COLUMNS[*column],
                    sql_literal(cell)
                )
            }
            Write::Delete { m, r } => {
                self.rows.retain(|id, _| id % m != *r);
                format!("DELETE FROM t WHERE id % {m} = {r}")
            }
        };
        self.engine
            .run(&sql)
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    /// The rows a spec reads, straight from the storage.
    fn read(&self, spec: &AccessSpec) -> Vec<Row> {
        Index::scan_indexed_data(self.engine.storage(), "t", &spec.encode(), None, None)
            .unwrap()
            .map(|row| row.unwrap().1.iter().map(cell).collect())
            .collect()
    }

    fn model(&self, keep: impl Fn(&Row) -> bool) -> Vec<Row> {
        self.rows.values().filter(|r| keep(r)).cloned().collect()
    }

    /// The model agrees with the storage's own full scan.
    fn assert_model(&self) {
        let scanned: Vec<Row> = Store::scan_data(self.engine.storage(), "t")
            .unwrap()
            .map(|row| row.unwrap().1.iter().map(cell).collect())
            .collect();
        assert_eq!(scanned, self.model(|_| true));
    }
}

#[derive(Clone, Debug)]
enum Write {
    Insert([Cell; 4]),
    Update {
        column: usize,
        cell: Cell,
        m: i64,
        r: i64,
    },
    Delete {
        m: i64,
        r: i64,
    },
}

fn write() -> impl Strategy<Value = Write> {
    prop_oneof![
        3 => data_row().prop_map(Write::Insert),
        2 => (1usize..5, 2i64..5).prop_flat_map(|(column, m)| (Just(column), cell_of(column), Just(m), 0..m))
            .prop_map(|(column, cell, m, r)| Write::Update { column, cell, m, r }),
        1 => (3i64..7).prop_flat_map(|m| (Just(m), 0..m)).prop_map(|(m, r)| Write::Delete { m, r }),
    ]
}

/// Columns a read decodes: `None` (all) or the key and a subset.
fn columns() -> impl Strategy<Value = Option<Vec<usize>>> {
    prop::option::of(prop::collection::vec(any::<bool>(), 4).prop_map(|wanted| {
        let mut columns = vec![0];
        columns.extend((1..5).filter(|&c| wanted[c - 1]));
        columns
    }))
}

fn narrowed(rows: Vec<Row>, columns: &Option<Vec<usize>>) -> Vec<Row> {
    let Some(columns) = columns else { return rows };
    rows.into_iter()
        .map(|row| {
            row.into_iter()
                .enumerate()
                .map(|(c, cell)| if columns.contains(&c) { cell } else { None })
                .collect()
        })
        .collect()
}

// ------------------------------------------------------------ primary key

#[derive(Clone, Debug)]
enum KeyRead {
    Range(Option<(i64, bool)>, Option<(i64, bool)>),
    In(Vec<i64>),
}

fn key_read() -> impl Strategy<Value = KeyRead> {
    let bound = prop::option::of((-3i64..140, any::<bool>()));
    prop_oneof![
        (bound.clone(), bound).prop_map(|(l, u)| KeyRead::Range(l, u)),
        prop::collection::vec(-3i64..140, 1..6).prop_map(KeyRead::In),
    ]
}

impl KeyRead {
    fn spec(
        &self,
        reverse: bool,
        filter: Option<CellPredicate>,
        columns: Option<Vec<usize>>,
    ) -> AccessSpec {
        let bound = |b: &Option<(i64, bool)>| {
            b.map(|(v, inclusive)| RangeBound {
                value: Value::I64(v),
                inclusive,
            })
        };
        match self {
            KeyRead::Range(l, u) => {
                AccessSpec::primary_key_range(bound(l), bound(u), reverse, filter, columns)
            }
            KeyRead::In(ids) => AccessSpec::primary_key_in(
                ids.iter().map(|&i| Value::I64(i)).collect(),
                reverse,
                filter,
                columns,
            ),
        }
    }

    fn matches(&self, id: i64) -> bool {
        match self {
            KeyRead::Range(l, u) => {
                let cell = Some(V::I(id));
                let b = |b: &Option<(i64, bool)>| b.map(|(v, i)| (Some(V::I(v)), i));
                within(&cell, &b(l), &b(u))
            }
            KeyRead::In(ids) => ids.contains(&id),
        }
    }
}

/// A bitmap tree, its recheck and the columns it decodes.
type BitmapRead = (Tree, Vec<Check>, Option<Vec<usize>>);
/// A primary-key read, backwards or not, its filter and columns.
type PrimaryKeyRead = (KeyRead, bool, Vec<Check>, Option<Vec<usize>>);

/// Every access kind against the model, on the fixture as it stands.
#[allow(clippy::type_complexity)]
fn assert_reads(
    fixture: &Fixture,
    trees: &[BitmapRead],
    keys: &[PrimaryKeyRead],
) -> Result<(), TestCaseError> {
    fixture.assert_model();
    for (tree, checks, columns) in trees {
        let spec = AccessSpec::bitmap(tree.source(), filter_of(checks), columns.clone());
        let expected = narrowed(
            fixture.model(|r| tree.matches(r) && checks.iter().all(|c| c.passes(r))),
            columns,
        );
        prop_assert_eq!(fixture.read(&spec), expected, "{:?} {:?}", tree, checks);
    }
    for (read, reverse, checks, columns) in keys {
        let spec = read.spec(*reverse, filter_of(checks), columns.clone());
        let mut expected = narrowed(
            fixture.model(|r| {
                let Some(V::I(id)) = r[0] else { unreachable!() };
                read.matches(id) && checks.iter().all(|c| c.passes(r))
            }),
            columns,
        );
        if *reverse {
            expected.reverse();
        }
        prop_assert_eq!(
            fixture.read(&spec),
            expected,
            "{:?} reverse {}",
            read,
            reverse
        );
    }
    // The whole table, backwards.
    let mut all = fixture.model(|_| true);
    all.reverse();
    let mut backwards = AccessSpec::table_scan(None, None);
    backwards.reverse = true;
    prop_assert_eq!(fixture.read(&backwards), all);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn bitmap_and_primary_key_reads_return_a_filtered_full_scan(
        data in prop::collection::vec(data_row(), 0..70),
        trees in prop::collection::vec((tree(), prop::collection::vec(check(), 0..2), columns()), 1..5),
        keys in prop::collection::vec((key_read(), any::<bool>(), prop::collection::vec(check(), 0..2), columns()), 1..5),
        batches in prop::collection::vec(prop::collection::vec(write(), 1..30), 0..3),
    ) {
        let mut fixture = Fixture::new(&data);
        assert_reads(&fixture, &trees, &keys)?;
        for batch in &batches {
            for w in batch {
                fixture.write(w);
            }
            assert_reads(&fixture, &trees, &keys)?;
        }
    }

    /// Through SQL: the same statement with a bitmap (or primary-key read)
    /// forced into GlueSQL's plan returns the rows of a plain full scan.
    #[test]
    fn forced_bitmap_plans_return_the_full_scans_rows(
        data in prop::collection::vec(data_row(), 0..70),
        trees in prop::collection::vec(tree(), 1..4),
        key in key_read(),
        writes in prop::collection::vec(write(), 0..25),
    ) {
        let mut fixture = Fixture::new(&data);
        for w in &writes {
            fixture.write(w);
        }
        let engine = &fixture.engine;
        for tree in &trees {
            let sql = format!("SELECT * FROM t WHERE {} ORDER BY id", tree.sql());
            let spec = AccessSpec::bitmap(tree.source(), None, None);
            prop_assert_eq!(forced_rows(engine, &sql, "t", &spec), plain_rows(engine, &sql), "{}", sql);
            let count = format!("SELECT COUNT(*) FROM t WHERE {}", tree.sql());
            prop_assert_eq!(forced_rows(engine, &count, "t", &spec), plain_rows(engine, &count), "{}", count);
        }
        let condition = match &key {
            KeyRead::Range(l, u) => {
                let mut parts = vec!["TRUE".to_owned()];
                if let Some((v, incl)) = l { parts.push(format!("id {} {v}", if *incl { ">=" } else { ">" })); }
                if let Some((v, incl)) = u { parts.push(format!("id {} {v}", if *incl { "<=" } else { "<" })); }
                parts.join(" AND ")
            }
            KeyRead::In(ids) => format!("id IN ({})", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")),
        };
        for reverse in [false, true] {
            let sql = format!("SELECT * FROM t WHERE {condition} ORDER BY id {}", if reverse { "DESC" } else { "" });
            let spec = key.spec(reverse, None, None);
            prop_assert_eq!(forced_rows(engine, &sql, "t", &spec), plain_rows(engine, &sql), "{}", sql);
        }
    }
}

// ------------------------------------------------------------ counters

fn small() -> Fixture {
    // a: 1 for ids 0, 2, 4; c: 2 for ids 2, 4, 6, 8.
    let data: Vec<[Cell; 4]> = (0..10)
        .map(|i| {
            let a = if i < 3 { 1 } else { 3 };
            let c = if (1..5).contains(&i) { 2 } else { 5 };
            [
                Some(V::I(a)),
                Some(V::S("p".into())),
                Some(V::I(c)),
                Some(V::I(i % 2)),
            ]
        })
        .collect();
    Fixture::new(&data)
}

fn eq_leaf(index: &str, v: i64) -> BitmapSource {
    BitmapSource::Index(IndexRange::new(
        index,
        vec![vec![Value::I64(v)]],
        None,
        None,
    ))
}

#[test]
fn a_bitmap_and_counts_entries_per_index_and_each_row_fetched_once() {
    let fixture = small();
    let storage = fixture.engine.storage();
    storage.reset_rows_examined();
    storage.reset_usage();
    let and = BitmapSource::And(vec![eq_leaf("ia", 1), eq_leaf("ic", 2)]);
    let rows = fixture.read(&AccessSpec::bitmap(and.clone(), None, None));
    let ids: Vec<Cell> = rows.iter().map(|r| r[0].clone()).collect();
    assert_eq!(ids, [Some(V::I(2)), Some(V::I(4))]);
    let counters = storage.counters();
    assert_eq!(counters.index_entries, 3 + 4);
    assert_eq!(counters.table_lookups, 2);
    assert_eq!(counters.rows_examined, 2);
    let usage = storage.index_usage();
    let ia = usage.get("ia").unwrap();
    assert_eq!((ia.idx_scan, ia.idx_tup_read, ia.idx_tup_fetch), (1, 3, 0));
    let ic = usage.get("ic").unwrap();
    assert_eq!((ic.idx_scan, ic.idx_tup_read, ic.idx_tup_fetch), (1, 4, 0));
    // A recheck that rejects a fetched row still counts it as examined.
    storage.reset_rows_examined();
    let odd = CellPredicate::Test {
        column: 4,
        test: CellTest::OneOf(vec![Value::I64(1)]),
    };
    let rows = fixture.read(&AccessSpec::bitmap(and, Some(odd), None));
    assert_eq!(rows.len(), 1, "of ids 2 and 4, only 2 has d = 1");
    assert_eq!(storage.counters().rows_examined, 2);
    // An OR fetches a row both parts yield once.
    storage.reset_rows_examined();
    let or = BitmapSource::Or(vec![eq_leaf("ia", 1), eq_leaf("ic", 2)]);
    assert_eq!(fixture.read(&AccessSpec::bitmap(or, None, None)).len(), 5);
    assert_eq!(storage.counters().rows_examined, 5);
    assert_eq!(storage.counters().index_entries, 7);
}

#[test]
fn a_bitmap_and_stops_at_its_first_empty_part() {
    let fixture = small();
    let storage = fixture.engine.storage();
    storage.reset_usage();
    storage.reset_rows_examined();
    let and = BitmapSource::And(vec![eq_leaf("ia", 4), eq_leaf("ic", 2)]);
    assert!(fixture
        .read(&AccessSpec::bitmap(and, None, None))
        .is_empty());
    assert_eq!(storage.index_usage().get("ia").unwrap().idx_scan, 1);
    assert_eq!(storage.index_usage().get("ic").unwrap().idx_scan, 0);
    assert_eq!(storage.counters().rows_examined, 0);
}

#[test]
fn a_bitmap_scan_stops_at_the_statements_row_budget() {
    let fixture = small();
    let storage = fixture.engine.storage();
    storage.reset_rows_examined();
    storage.set_budget(Some(seekscan_core::storage::Budget::new(
        3,
        std::time::Duration::from_secs(60),
        false,
    )));
    let spec = AccessSpec::bitmap(eq_leaf("ic", 2), None, None);
    let results: Vec<_> = Index::scan_indexed_data(storage, "t", &spec.encode(), None, None)
        .unwrap()
        .collect();
    storage.set_budget(None);
    assert_eq!(results.len(), 4);
    assert!(results[..3].iter().all(Result::is_ok));
    let error = results[3].as_ref().unwrap_err().to_string();
    assert!(error.contains("stopped after 3 rows examined"), "{error}");
}

#[test]
fn primary_key_reads_pull_rows_lazily_in_either_direction() {
    let fixture = small();
    let storage = fixture.engine.storage();
    let id = |row: (Key, Vec<Value>)| row.0;
    for (reverse, first) in [(false, [6, 8]), (true, [14, 12])] {
        storage.reset_rows_examined();
        let spec = AccessSpec::primary_key_range(
            Some(RangeBound::exclusive(Value::I64(5))),
            Some(RangeBound::inclusive(Value::I64(14))),
            reverse,
            None,
            None,
        );
        let ids: Vec<Key> = Index::scan_indexed_data(storage, "t", &spec.encode(), None, None)
            .unwrap()
            .take(2)
            .map(|r| id(r.unwrap()))
            .collect();
        assert_eq!(ids, first.map(Key::I64));
        assert_eq!(
            storage.counters().rows_examined,
            2,
            "stopped after two rows"
        );
        assert_eq!(storage.counters().index_entries, 0);
    }
    // Through SQL: LIMIT over a forced primary-key read stops early too.
    let sql = "SELECT id FROM t WHERE id >= 3 LIMIT 2";
    let spec = AccessSpec::primary_key_range(
        Some(RangeBound::inclusive(Value::I64(3))),
        None,
        true,
        None,
        None,
    );
    assert_eq!(
        forced_rows(&fixture.engine, sql, "t", &spec),
        [["18"], ["16"]]
    );
    assert_eq!(storage.counters().rows_examined, 2);
    // A table without a primary key refuses a key range.
    let mut engine = Engine::new();
    engine.run("CREATE TABLE n (x INT)").unwrap();
    let spec = AccessSpec::primary_key_in(vec![Value::I64(1)], false, None, None);
    let error = Index::scan_indexed_data(engine.storage(), "n", &spec.encode(), None, None)
        .err()
        .unwrap();
    assert!(error.to_string().contains("no primary key"), "{error}");
}

// ------------------------------------------------------- covering reads

/// A covering read of a whole index answers COUNT(*), MIN/MAX and GROUP
/// BY over its columns with no table row fetched, reading exactly as many
/// rows as the full scan.
#[test]
fn covering_reads_answer_aggregates_from_entries_alone() {
    let mut fixture = Fixture::new(
        &(0..40)
            .map(|i| {
                let a = (i % 3 != 0).then_some(V::I(i % 4));
                let c = (i % 5 != 0).then_some(V::I(i % 7));
                [
                    a,
                    Some(V::S(["p", "q"][i as usize % 2].into())),
                    c,
                    Some(V::I(i % 2)),
                ]
            })
            .collect::<Vec<_>>(),
    );
    for w in [
        Write::Insert([Some(V::I(9)), None, Some(V::I(1)), None]),
        Write::Update {
            column: 1,
            cell: None,
            m: 4,
            r: 1,
        },
        Write::Delete { m: 5, r: 2 },
    ] {
        fixture.write(&w);
    }
    let total = fixture.rows.len() as u64;
    let cases = [
        ("iac", "SELECT COUNT(*) FROM t"),
        ("ia", "SELECT MIN(a), MAX(a) FROM t"),
        ("ia", "SELECT a, COUNT(*) FROM t GROUP BY a ORDER BY a"),
        (
            "iac",
            "SELECT a, MIN(c), MAX(c), COUNT(c) FROM t GROUP BY a ORDER BY a",
        ),
        (
            "ibc",
            "SELECT b, SUM(d), COUNT(*) FROM t GROUP BY b ORDER BY b",
        ),
    ];
    for (index, sql) in cases {
        for reverse in [false, true] {
            let spec = AccessSpec {
                covering: true,
                ..AccessSpec::scan(index, reverse)
            };
            let storage = fixture.engine.storage();
            let plain = plain_rows(&fixture.engine, sql);
            let scanned = storage.counters().rows_examined;
            assert_eq!(scanned, total, "{sql}: a full scan reads every row");
            let covered = forced_rows(&fixture.engine, sql, "t", &spec);
            assert_eq!(covered, plain, "{sql} over {index}");
            let counters = storage.counters();
            assert_eq!(counters.rows_examined, total, "{sql} over {index}");
            assert_eq!(counters.index_entries, total, "{sql} over {index}");
            assert_eq!(counters.table_lookups, 0, "{sql} over {index}");
        }
    }
}
