//! `seekscan_core::pg15` against a PostgreSQL 15 server.
//!
//! A throwaway cluster loads two tables of the same shape (20,000 rows, so
//! ANALYZE reads every row, and 120,000 rows, sampled) by one-row-at-a-time
//! INSERTs, builds their indexes afterwards (CREATE INDEX, a sorted
//! build), and ANALYZEs. Then:
//!
//! - `layout` gives the heap's and every index's size (`pg_class.relpages`
//!   after the load and ANALYZE) and btree height (`bt_metap`);
//! - `analyze` over the same rows gives `pg_stats` of the small table
//!   (null fraction, width, n_distinct, MCVs, histogram, correlation);
//! - for each WHERE clause and each path forced with `enable_*` settings,
//!   `selectivity` and `costsize`, fed PostgreSQL's own statistics
//!   (`pg_stats`, `pg_class`, index sizes), reproduce every plan node's
//!   startup and total cost and row estimate of `EXPLAIN (FORMAT JSON)`
//!   within 1%. After VACUUM, index-only scans again (all pages visible).
#[path = "support/postgres.rs"]
mod postgres_cluster;

use std::collections::BTreeMap;

use gluesql_core::chrono::{Duration, NaiveDate, NaiveDateTime};
use gluesql_core::data::Value;
use postgres::{Client, SimpleQueryMessage};
use seekscan_core::dump::{value_sql_in, Dialect};
use seekscan_core::pg15::analyze::{self, ColumnStats, Indexed, TableStats};
use seekscan_core::pg15::costsize::{self, BitmapNode, BtreeIndex, IndexClause, PathCost};
use seekscan_core::pg15::layout::{self, BtreeDef, IndexShape};
use seekscan_core::pg15::selectivity::{Bound, Clause};
use seekscan_core::pg15::{PgSettings, PgType};
use serde_json::Value as Json;

const COLUMNS: [(&str, PgType); 8] = [
    ("id", PgType::Int4),
    ("customer_id", PgType::Int4),
    ("status", PgType::Text),
    ("created_at", PgType::Timestamptz),
    ("amount", PgType::Float8),
    ("note", PgType::Text),
    ("flag", PgType::Bool),
    ("code", PgType::Int4),
];
const ID: usize = 0;
const CUSTOMER: usize = 1;
const STATUS: usize = 2;
const CREATED: usize = 3;
const NOTE: usize = 5;
const FLAG: usize = 6;
const CODE: usize = 7;

/// The indexes of each table: name suffix, key columns, unique.
const INDEXES: [(&str, &[usize], bool); 6] = [
    ("pkey", &[ID], true),
    ("customer", &[CUSTOMER], false),
    ("created", &[CREATED], false),
    ("code", &[CODE], false),
    ("status", &[STATUS], false),
    ("status_created", &[STATUS, CREATED], false),
];

/// A deterministic generator (64-bit LCG, high bits).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        self.next() as f64 / (1u64 << 31) as f64
    }
}

const WORDS: [&str; 8] = [
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
];

fn base_time() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2024, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
}

/// Rows with: a unique id in physical order; a skewed customer; a status
/// of four values (70/20/9/1%); a timestamp that follows the id with
/// jitter; a uniform amount; a text note, NULL in 30% of rows, 5 to 200
/// bytes; a flag true in 25%; a uniform code uncorrelated with order.
fn generate(n: usize, seed: u64) -> Vec<Vec<Value>> {
    let mut rng = Lcg(seed);
    (0..n)
        .map(|i| {
            let customer = (rng.unit().powi(3) * 500.0) as i64;
            let status = match rng.below(100) {
                0..=69 => "shipped",
                70..=89 => "pending",
                90..=98 => "cancelled",
                _ => "returned",
            };
            let created = base_time() + Duration::seconds(i as i64 * 60 + rng.below(3600) as i64);
            let amount = rng.below(100_000) as f64 / 100.0;
            let note = if rng.below(10) < 3 {
                Value::Null
            } else {
                let words = 1 + rng.below(30) as usize;
                let text: Vec<&str> = (0..words).map(|_| WORDS[rng.below(8) as usize]).collect();
                let mut text = text.join(" ");
                text.truncate(200);
                Value::Str(text)
            };
            vec![
                Value::I64(i as i64 + 1),
                Value::I64(customer),
                Value::Str(status.to_owned()),
                Value::Timestamp(created),
                Value::F64(amount),
                note,
                Value::Bool(rng.below(4) == 0),
                Value::I64(rng.below(1000) as i64),
            ]
        })
        .collect()
}

fn simple(pg: &mut Client, sql: &str) -> Vec<Vec<Option<String>>> {
    pg.simple_query(sql)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .into_iter()
        .filter_map(|m| match m {
            SimpleQueryMessage::Row(row) => Some(
                (0..row.len())
                    .map(|i| row.get(i).map(str::to_owned))
                    .collect(),
            ),
            _ => None,
        })
        .collect()
}

fn one(pg: &mut Client, sql: &str) -> String {
    simple(pg, sql)[0][0].clone().unwrap_or_default()
}

fn load(pg: &mut Client, table: &str, rows: &[Vec<Value>]) {
    let columns: Vec<String> = COLUMNS
        .iter()
        .map(|(name, ty)| {
            let ty = match ty {
                PgType::Int4 => "integer",
                PgType::Text => "text",
                PgType::Timestamptz => "timestamptz",
                PgType::Float8 => "double precision",
                PgType::Bool => "boolean",
                other => panic!("{other:?}"),
            };
            format!("{name} {ty}")
        })
        .collect();
    pg.batch_execute(&format!(
        "CREATE TABLE {table} ({}) WITH (autovacuum_enabled = off)",
        columns.join(", ")
    ))
    .unwrap();
    for chunk in rows.chunks(1000) {
        let values: Vec<String> = chunk
            .iter()
            .map(|row| {
                let cells: Vec<String> = row
                    .iter()
                    .map(|v| value_sql_in(Dialect::Postgres, v))
                    .collect();
                format!("({})", cells.join(", "))
            })
            .collect();
        pg.batch_execute(&format!("INSERT INTO {table} VALUES {}", values.join(", ")))
            .unwrap();
    }
    for (suffix, keys, unique) in INDEXES {
        let names: Vec<&str> = keys.iter().map(|&k| COLUMNS[k].0).collect();
        let sql = if suffix == "pkey" {
            format!("ALTER TABLE {table} ADD PRIMARY KEY ({})", names.join(", "))
        } else {
            let u = if unique { "UNIQUE " } else { "" };
            format!(
                "CREATE {u}INDEX {table}_{suffix} ON {table} ({})",
                names.join(", ")
            )
        };
        pg.batch_execute(&sql).unwrap();
    }
    pg.batch_execute(&format!("ANALYZE {table}")).unwrap();
}

/// A value of `pg_stats`' text form, read as the column's type.
fn parse_value(ty: PgType, text: &str) -> Value {
    match ty {
        PgType::Int4 => Value::I64(text.parse().unwrap()),
        PgType::Float8 => Value::F64(text.parse().unwrap()),
        PgType::Bool => Value::Bool(text == "t" || text == "true"),
        PgType::Timestamptz => {
            let t = text.trim_end_matches("+00");
            Value::Timestamp(NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S%.f").unwrap())
        }
        _ => Value::Str(text.to_owned()),
    }
}

/// A PostgreSQL array literal's elements (`{a,"b c",NULL}`).
fn parse_array(text: &str) -> Vec<String> {
    let inner = &text[1..text.len() - 1];
    let mut out = Vec::new();
    let mut chars = inner.chars().peekable();
    while chars.peek().is_some() {
        let mut item = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => item.push(chars.next().unwrap()),
                    '"' => break,
                    c => item.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ',' {
                    break;
                }
                item.push(c);
                chars.next();
            }
        }
        out.push(item);
        if chars.peek() == Some(&',') {
            chars.next();
        }
    }
    out
}

/// `pg_stats` and `pg_class` of `table` as the model's statistics.
fn pg_table_stats(pg: &mut Client, table: &str, rows: &[Vec<Value>]) -> TableStats {
    let class = simple(
        pg,
        &format!(
            "SELECT reltuples, relpages, relallvisible FROM pg_class WHERE relname = '{table}'"
        ),
    );
    let num = |s: &Option<String>| s.as_deref().unwrap().parse::<f64>().unwrap();
    let (reltuples, relpages, allvisible) =
        (num(&class[0][0]), num(&class[0][1]), num(&class[0][2]));
    let columns = COLUMNS
        .iter()
        .enumerate()
        .map(|(c, (name, ty))| {
            let found = simple(
                pg,
                &format!(
                    "SELECT null_frac, avg_width, n_distinct, most_common_vals::text, \
                     most_common_freqs::text, histogram_bounds::text, correlation \
                     FROM pg_stats WHERE tablename = '{table}' AND attname = '{name}'"
                ),
            );
            let r = &found[0];
            let mut stats = ColumnStats::unanalyzed(*ty);
            stats.analyzed = true;
            stats.null_frac = num(&r[0]);
            stats.avg_width = num(&r[1]) as i32;
            stats.n_distinct = num(&r[2]);
            if let (Some(vals), Some(freqs)) = (&r[3], &r[4]) {
                let vals = parse_array(vals);
                let freqs = parse_array(freqs);
                stats.mcv = vals
                    .iter()
                    .zip(&freqs)
                    .map(|(v, f)| (parse_value(*ty, v), f.parse().unwrap()))
                    .collect();
            }
            if let Some(hist) = &r[5] {
                stats.histogram = parse_array(hist)
                    .iter()
                    .map(|v| parse_value(*ty, v))
                    .collect();
            }
            stats.correlation = r[6].as_deref().map(|c| c.parse().unwrap());
            stats.indexed = indexed(c);
            stats.actual_range = analyze::actual_range(rows.iter().map(|r| &r[c]));
            stats
        })
        .collect();
    TableStats {
        reltuples,
        relpages,
        all_visible_frac: if relpages > 0.0 {
            (allvisible / relpages).min(1.0)
        } else {
            0.0
        },
        columns,
    }
}

/// What the catalog says of a column: unique, leading an index, or not.
fn indexed(column: usize) -> Indexed {
    let mut found = Indexed::No;
    for (_, keys, unique) in INDEXES {
        if keys[0] == column {
            if unique && keys.len() == 1 {
                return Indexed::Unique;
            }
            found = Indexed::Leading;
        }
    }
    found
}

/// The index as the planner sees it, sized by the server.
fn pg_index(pg: &mut Client, table: &str, suffix: &str, reltuples: f64) -> BtreeIndex {
    let name = format!("{table}_{suffix}");
    let pages: u64 = one(pg, &format!("SELECT pg_relation_size('{name}') / 8192"))
        .parse()
        .unwrap();
    let height: u32 = one(pg, &format!("SELECT fastlevel FROM bt_metap('{name}')"))
        .parse()
        .unwrap();
    let (_, keys, unique) = INDEXES.iter().find(|(s, _, _)| *s == suffix).unwrap();
    BtreeIndex {
        key_columns: keys.to_vec(),
        unique: *unique,
        shape: IndexShape {
            pages,
            leaf_pages: 0,
            height,
            tuples: reltuples as u64,
        },
    }
}

/// One statement: its WHERE clause as SQL and as the model's clauses.
struct Query {
    select: &'static str,
    where_sql: String,
    quals: Vec<Clause>,
    tail: &'static str,
    limit: Option<f64>,
    /// Select-list columns (for the width check), `None` for `*`.
    columns: Option<Vec<usize>>,
}

fn ts(minutes: i64) -> Value {
    Value::Timestamp(base_time() + Duration::minutes(minutes))
}

fn ts_sql(minutes: i64) -> String {
    value_sql_in(Dialect::Postgres, &ts(minutes))
}

fn range(column: usize, lo: Option<(Value, bool)>, hi: Option<(Value, bool)>) -> Clause {
    let bound = |b: Option<(Value, bool)>| b.map(|(value, inclusive)| Bound { value, inclusive });
    Clause::Range {
        column,
        lower: bound(lo),
        upper: bound(hi),
    }
}

fn eq(column: usize, value: Value) -> Clause {
    Clause::Eq { column, value }
}

fn s(text: &str) -> Value {
    Value::Str(text.to_owned())
}

fn q(where_sql: &str, quals: Vec<Clause>) -> Query {
    Query {
        select: "*",
        where_sql: where_sql.to_owned(),
        quals,
        tail: "",
        limit: None,
        columns: None,
    }
}

fn queries(n: usize) -> Vec<Query> {
    let mid = n as i64 * 30;
    let mut list = vec![
        q("code = 42", vec![eq(CODE, Value::I64(42))]),
        q(
            "code < 100",
            vec![range(CODE, None, Some((Value::I64(100), false)))],
        ),
        q(
            "code >= 990",
            vec![range(CODE, Some((Value::I64(990), true)), None)],
        ),
        q(
            "code BETWEEN 100 AND 199",
            vec![range(
                CODE,
                Some((Value::I64(100), true)),
                Some((Value::I64(199), true)),
            )],
        ),
        q("customer_id = 0", vec![eq(CUSTOMER, Value::I64(0))]),
        q("customer_id = 250", vec![eq(CUSTOMER, Value::I64(250))]),
        q(
            "customer_id IN (1, 2, 3)",
            vec![Clause::In {
                column: CUSTOMER,
                values: vec![Value::I64(1), Value::I64(2), Value::I64(3)],
            }],
        ),
        q(
            "customer_id IN (10, 20, 30, 40, 50, 60, 70, 80, 90, 100)",
            vec![Clause::In {
                column: CUSTOMER,
                values: (1..=10).map(|i| Value::I64(i * 10)).collect(),
            }],
        ),
        q(
            "customer_id > 400",
            vec![range(CUSTOMER, Some((Value::I64(400), false)), None)],
        ),
        q("status = 'returned'", vec![eq(STATUS, s("returned"))]),
        q(
            "status <> 'shipped'",
            vec![Clause::NotEq {
                column: STATUS,
                value: s("shipped"),
            }],
        ),
        q(
            &format!("status = 'pending' AND created_at >= {}", ts_sql(mid)),
            vec![
                eq(STATUS, s("pending")),
                range(CREATED, Some((ts(mid), true)), None),
            ],
        ),
        q(
            &format!(
                "created_at >= {} AND created_at < {}",
                ts_sql(mid),
                ts_sql(mid + 600)
            ),
            vec![range(
                CREATED,
                Some((ts(mid), true)),
                Some((ts(mid + 600), false)),
            )],
        ),
        q(
            &format!("created_at < {}", ts_sql(3000)),
            vec![range(CREATED, None, Some((ts(3000), false)))],
        ),
        q("id = 777", vec![eq(ID, Value::I64(777))]),
        q(
            "id < 500",
            vec![range(ID, None, Some((Value::I64(500), false)))],
        ),
        q("note IS NULL", vec![Clause::IsNull(NOTE)]),
        q(
            "note IS NOT NULL AND code = 7",
            vec![Clause::IsNotNull(NOTE), eq(CODE, Value::I64(7))],
        ),
        q("note LIKE 'alpha%'", vec![like("alpha%")]),
        q("note LIKE '%golf%'", vec![like("%golf%")]),
        q("note LIKE 'echo delta'", vec![like("echo delta")]),
        q("flag", vec![Clause::Bool(FLAG)]),
        q(
            "NOT flag AND code < 10",
            vec![
                Clause::Not(Box::new(Clause::Bool(FLAG))),
                range(CODE, None, Some((Value::I64(10), false))),
            ],
        ),
        q(
            "code = 42 OR customer_id = 250",
            vec![Clause::Or(vec![
                eq(CODE, Value::I64(42)),
                eq(CUSTOMER, Value::I64(250)),
            ])],
        ),
        q(
            "code < 20 AND customer_id = 3",
            vec![
                range(CODE, None, Some((Value::I64(20), false))),
                eq(CUSTOMER, Value::I64(3)),
            ],
        ),
        q(
            "code < 300 AND customer_id < 20",
            vec![
                range(CODE, None, Some((Value::I64(300), false))),
                range(CUSTOMER, None, Some((Value::I64(20), false))),
            ],
        ),
        q(
            "amount > 990.5",
            vec![range(4, Some((Value::F64(990.5), false)), None)],
        ),
    ];
    let mut ordered = q(
        "code < 50",
        vec![range(CODE, None, Some((Value::I64(50), false)))],
    );
    ordered.tail = " ORDER BY amount";
    list.push(ordered);
    let mut top = q(
        "code < 500",
        vec![range(CODE, None, Some((Value::I64(500), false)))],
    );
    top.tail = " ORDER BY amount LIMIT 10";
    top.limit = Some(10.0);
    list.push(top);
    let mut first = q("status = 'pending'", vec![eq(STATUS, s("pending"))]);
    first.tail = " LIMIT 5";
    first.limit = Some(5.0);
    list.push(first);
    let mut count = q(
        "code < 200",
        vec![range(CODE, None, Some((Value::I64(200), false)))],
    );
    count.select = "count(*)";
    list.push(count);
    let mut only = q(
        "code < 100",
        vec![range(CODE, None, Some((Value::I64(100), false)))],
    );
    only.select = "code";
    only.columns = Some(vec![CODE]);
    list.push(only);
    let mut only_eq = q("customer_id = 17", vec![eq(CUSTOMER, Value::I64(17))]);
    only_eq.select = "customer_id";
    only_eq.columns = Some(vec![CUSTOMER]);
    list.push(only_eq);
    let mut grouped = q(
        "code < 900",
        vec![range(CODE, None, Some((Value::I64(900), false)))],
    );
    grouped.select = "status, count(*)";
    grouped.tail = " GROUP BY status";
    list.push(grouped);
    list
}

fn like(pattern: &str) -> Clause {
    Clause::Like {
        column: NOTE,
        pattern: pattern.to_owned(),
        negated: false,
    }
}

/// The forced paths: `enable_*` settings per kind.
const FORCINGS: [(&str, &str); 4] = [
    ("seq", "SET enable_seqscan = on; SET enable_indexscan = off; SET enable_indexonlyscan = off; SET enable_bitmapscan = off"),
    ("index", "SET enable_seqscan = off; SET enable_indexscan = on; SET enable_indexonlyscan = off; SET enable_bitmapscan = off"),
    // enable_indexscan = off disables index-only scans too (cost_index).
    ("indexonly", "SET enable_seqscan = off; SET enable_indexscan = on; SET enable_indexonlyscan = on; SET enable_bitmapscan = off"),
    ("bitmap", "SET enable_seqscan = off; SET enable_indexscan = off; SET enable_indexonlyscan = off; SET enable_bitmapscan = on"),
];

/// One compared figure.
#[derive(Debug)]
struct Check {
    what: String,
    ours: f64,
    theirs: f64,
}

impl Check {
    fn agrees(&self) -> bool {
        let diff = (self.ours - self.theirs).abs();
        diff <= 0.01 * self.theirs.abs().max(0.01) || diff < 0.006
    }
}

/// Everything the model needs to cost one table's paths.
struct Context<'a> {
    settings: PgSettings,
    table: &'a str,
    rel: &'a TableStats,
    indexes: &'a BTreeMap<String, BtreeIndex>,
    query: &'a Query,
}

impl Context<'_> {
    /// The clauses an index takes as conditions: simple clauses on one of
    /// its key columns, in key column order.
    fn index_clauses(&self, index: &BtreeIndex, quals: &[Clause]) -> Vec<IndexClause> {
        let mut out = Vec::new();
        for (pos, &col) in index.key_columns.iter().enumerate() {
            for c in quals {
                let on = match c {
                    Clause::Eq { column, .. } | Clause::In { column, .. } => *column == col,
                    Clause::Range { column, .. } => *column == col,
                    Clause::IsNull(column) | Clause::IsNotNull(column) => *column == col,
                    _ => false,
                };
                if on {
                    out.push(IndexClause {
                        index_column: pos,
                        clause: c.clone(),
                    });
                }
            }
        }
        out
    }

    fn index(&self, node: &Json) -> &BtreeIndex {
        let name = node["Index Name"].as_str().unwrap();
        &self.indexes[name]
    }

    /// The model's cost of a plan node (and its children), each compared.
    fn model(&self, node: &Json, parent_limit: Option<f64>, checks: &mut Vec<Check>) -> PathCost {
        let kind = node["Node Type"].as_str().unwrap();
        let children: Vec<&Json> = node["Plans"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let s = &self.settings;
        let rel = self.rel;
        let quals = &self.query.quals;
        let pages = rel.relpages;
        let ours = match kind {
            "Seq Scan" => {
                let width = match &self.query.columns {
                    Some(cols) => costsize::rel_width(rel, cols),
                    None => costsize::rel_width(rel, &(0..COLUMNS.len()).collect::<Vec<_>>()),
                };
                if self.query.select == "*" || self.query.columns.is_some() {
                    checks.push(Check {
                        what: format!("{} Seq Scan width", self.table),
                        ours: width,
                        theirs: node["Plan Width"].as_f64().unwrap(),
                    });
                }
                costsize::seq_scan(s, rel, quals)
            }
            "Index Scan" | "Index Only Scan" => {
                let index = self.index(node);
                let clauses = self.index_clauses(index, quals);
                let used: Vec<&Clause> = clauses.iter().map(|c| &c.clause).collect();
                let filter: Vec<Clause> = quals
                    .iter()
                    .filter(|q| !used.contains(q))
                    .cloned()
                    .collect();
                let f = if kind == "Index Scan" {
                    costsize::index_scan
                } else {
                    costsize::index_only_scan
                };
                f(s, rel, index, &clauses, quals, &filter, pages).path
            }
            "Bitmap Heap Scan" => {
                let bitmap = self.bitmap(children[0], quals, checks);
                costsize::bitmap_heap_scan(s, rel, &bitmap, quals)
            }
            "Sort" => {
                let input = self.model(children[0], None, checks);
                let width = node["Plan Width"].as_f64().unwrap();
                costsize::sort(s, &input, width, parent_limit)
            }
            "Limit" => {
                let input = self.model(children[0], self.query.limit, checks);
                costsize::limit(&input, None, self.query.limit)
            }
            "Aggregate" => {
                let input = self.model(children[0], None, checks);
                let strategy = match node["Strategy"].as_str().unwrap() {
                    "Plain" => costsize::AggStrategy::Plain,
                    "Sorted" => costsize::AggStrategy::Sorted,
                    _ => costsize::AggStrategy::Hashed,
                };
                let groups = if strategy == costsize::AggStrategy::Plain {
                    1.0
                } else {
                    costsize::estimate_num_groups(rel, &[STATUS], input.rows)
                };
                let spec = costsize::AggSpec {
                    strategy,
                    aggregates: 1,
                    group_columns: usize::from(strategy != costsize::AggStrategy::Plain),
                    groups,
                    input_width: children[0]["Plan Width"].as_f64().unwrap(),
                };
                costsize::agg(s, &input, &spec)
            }
            other => panic!("unexpected node {other}"),
        };
        self.compare(node, kind, &ours, checks);
        ours
    }

    fn compare(&self, node: &Json, kind: &str, ours: &PathCost, checks: &mut Vec<Check>) {
        let label = format!(
            "{} [{}] {kind}{}",
            self.table,
            self.query.where_sql,
            node["Index Name"]
                .as_str()
                .map(|n| format!(" {n}"))
                .unwrap_or_default()
        );
        for (field, value) in [
            ("Startup Cost", ours.startup),
            ("Total Cost", ours.total),
            ("Plan Rows", ours.rows),
        ] {
            checks.push(Check {
                what: format!("{label}: {field}"),
                ours: value,
                theirs: node[field].as_f64().unwrap(),
            });
        }
    }

    /// A bitmap tree node: index scans take the clauses on their columns
    /// (in a BitmapOr, the i-th arm of the OR clause).
    fn bitmap(&self, node: &Json, quals: &[Clause], checks: &mut Vec<Check>) -> BitmapNode {
        let kind = node["Node Type"].as_str().unwrap();
        let s = &self.settings;
        let children: Vec<&Json> = node["Plans"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let ours = match kind {
            "Bitmap Index Scan" => {
                let index = self.index(node);
                let clauses = self.index_clauses(index, quals);
                costsize::bitmap_index_scan(
                    s,
                    self.rel,
                    index,
                    &clauses,
                    &self.query.quals,
                    self.rel.relpages,
                )
            }
            "BitmapAnd" => {
                let inputs: Vec<BitmapNode> = children
                    .iter()
                    .map(|c| self.bitmap(c, quals, checks))
                    .collect();
                costsize::bitmap_and(s, self.rel, &inputs)
            }
            "BitmapOr" => {
                let arms: Vec<Clause> = quals
                    .iter()
                    .find_map(|q| match q {
                        Clause::Or(arms) => Some(arms.clone()),
                        _ => None,
                    })
                    .expect("a BitmapOr comes from an OR");
                let inputs: Vec<BitmapNode> = children
                    .iter()
                    .zip(&arms)
                    .map(|(c, arm)| self.bitmap(c, std::slice::from_ref(arm), checks))
                    .collect();
                costsize::bitmap_or(s, self.rel, &inputs)
            }
            other => panic!("unexpected bitmap node {other}"),
        };
        // A BitmapAnd/Or's rows print as 0 (not estimated).
        let mut shown = ours.shown;
        if kind != "Bitmap Index Scan" {
            shown.rows = node["Plan Rows"].as_f64().unwrap();
        }
        self.compare(node, kind, &shown, checks);
        ours
    }
}

fn explain(pg: &mut Client, sql: &str) -> Json {
    let text = one(pg, &format!("EXPLAIN (FORMAT JSON) {sql}"));
    let parsed: Json = serde_json::from_str(&text).unwrap();
    parsed[0]["Plan"].clone()
}

/// Whether a plan holds a node with the disabled path's cost (1e10).
fn disabled(plan: &Json) -> bool {
    plan["Total Cost"].as_f64().unwrap() >= 1e9
}

/// The scan kind at the bottom of the plan's first chain.
fn scan_kind(plan: &Json) -> String {
    let mut node = plan;
    while node["Plans"].is_array() && !node["Node Type"].as_str().unwrap().contains("Scan") {
        node = &node["Plans"][0];
    }
    node["Node Type"].as_str().unwrap().to_owned()
}

struct Table {
    name: &'static str,
    rows: Vec<Vec<Value>>,
}

fn types() -> Vec<PgType> {
    COLUMNS.iter().map(|(_, t)| *t).collect()
}

/// Layout: heap and index pages and heights as the server has them.
fn check_layout(pg: &mut Client, t: &Table) -> (usize, usize, Vec<String>) {
    let types = types();
    let mut failures = Vec::new();
    let mut agree = 0;
    let heap = layout::heap_pages(&types, t.rows.iter().map(|r| r.as_slice()));
    let pg_pages: u64 = one(
        pg,
        &format!("SELECT relpages FROM pg_class WHERE relname = '{}'", t.name),
    )
    .parse()
    .unwrap();
    let mut report = |what: String, ours: u64, theirs: u64| {
        println!("layout {what}: ours {ours}, PostgreSQL {theirs}");
        if ours == theirs {
            agree += 1;
        } else {
            failures.push(format!("{what}: ours {ours}, PostgreSQL {theirs}"));
        }
    };
    report(format!("{} heap pages", t.name), heap.pages, pg_pages);
    for (suffix, keys, unique) in INDEXES {
        let name = format!("{}_{suffix}", t.name);
        let def = BtreeDef {
            key_columns: keys.to_vec(),
            include_columns: vec![],
            unique,
        };
        let shape = layout::btree(&types, &t.rows, &def);
        let pages: u64 = one(pg, &format!("SELECT pg_relation_size('{name}') / 8192"))
            .parse()
            .unwrap();
        let relpages: u64 = one(
            pg,
            &format!("SELECT relpages FROM pg_class WHERE relname = '{name}'"),
        )
        .parse()
        .unwrap();
        assert_eq!(
            pages, relpages,
            "{name}: relpages is the file's size after ANALYZE"
        );
        let level: u64 = one(pg, &format!("SELECT level FROM bt_metap('{name}')"))
            .parse()
            .unwrap();
        report(format!("{name} pages"), shape.pages, pages);
        report(format!("{name} height"), shape.height as u64, level);
    }
    (agree, 1 + 2 * INDEXES.len(), failures)
}

/// Analyze: the small table's statistics against pg_stats.
fn check_analyze(pg: &mut Client, t: &Table) -> Vec<String> {
    let ours = analyze::analyze(&t.rows, &types());
    let theirs = pg_table_stats(pg, t.name, &t.rows);
    let mut failures = Vec::new();
    assert_eq!(ours.reltuples, theirs.reltuples);
    for (c, (name, _)) in COLUMNS.iter().enumerate() {
        let (a, b) = (&ours.columns[c], &theirs.columns[c]);
        let close = |x: f64, y: f64| (x - y).abs() <= 1e-6 * y.abs().max(1.0);
        let mut differs = Vec::new();
        if !close(a.null_frac, b.null_frac) {
            differs.push(format!("null_frac {} vs {}", a.null_frac, b.null_frac));
        }
        if a.avg_width != b.avg_width {
            differs.push(format!("avg_width {} vs {}", a.avg_width, b.avg_width));
        }
        if !close(a.n_distinct, b.n_distinct) {
            differs.push(format!("n_distinct {} vs {}", a.n_distinct, b.n_distinct));
        }
        let mcv_same = a.mcv.len() == b.mcv.len()
            && a.mcv
                .iter()
                .zip(&b.mcv)
                .all(|((va, fa), (vb, fb))| va == vb && close(*fa, *fb));
        if !mcv_same {
            differs.push(format!("mcv {} vs {} entries", a.mcv.len(), b.mcv.len()));
        }
        if a.histogram != b.histogram {
            differs.push(format!(
                "histogram {} vs {} bounds",
                a.histogram.len(),
                b.histogram.len()
            ));
        }
        match (a.correlation, b.correlation) {
            (Some(x), Some(y)) if close(x, y) => {}
            (None, None) => {}
            (x, y) => differs.push(format!("correlation {x:?} vs {y:?}")),
        }
        println!(
            "analyze {}.{name}: {}",
            t.name,
            if differs.is_empty() {
                "same".to_owned()
            } else {
                differs.join("; ")
            }
        );
        if !differs.is_empty() {
            failures.push(format!("{}.{name}: {}", t.name, differs.join("; ")));
        }
    }
    failures
}

/// Costs: every query under every forcing, each node compared.
fn check_costs(
    pg: &mut Client,
    t: &Table,
    settings: PgSettings,
    only_index_only: bool,
    choices: &mut (usize, usize),
) -> (Vec<Check>, usize) {
    let reset = format!(
        "RESET ALL; SET TimeZone = 'UTC'; SET max_parallel_workers_per_gather = 0; SET random_page_cost = {}",
        settings.random_page_cost
    );
    pg.batch_execute(&reset).unwrap();
    let rel = pg_table_stats(pg, t.name, &t.rows);
    let indexes: BTreeMap<String, BtreeIndex> = INDEXES
        .iter()
        .map(|(suffix, _, _)| {
            (
                format!("{}_{suffix}", t.name),
                pg_index(pg, t.name, suffix, rel.reltuples),
            )
        })
        .collect();
    let mut checks = Vec::new();
    let mut plans = 0;
    for query in queries(t.rows.len()) {
        let sql = format!(
            "SELECT {} FROM {} WHERE {}{}",
            query.select, t.name, query.where_sql, query.tail
        );
        let mut seen: Vec<String> = Vec::new();
        let mut candidates: Vec<(String, f64)> = Vec::new();
        for (label, forcing) in FORCINGS {
            if only_index_only && label != "indexonly" {
                continue;
            }
            pg.batch_execute(forcing).unwrap();
            let plan = explain(pg, &sql);
            let text = plan.to_string();
            if disabled(&plan) || seen.contains(&text) {
                continue;
            }
            seen.push(text);
            plans += 1;
            let ctx = Context {
                settings,
                table: t.name,
                rel: &rel,
                indexes: &indexes,
                query: &query,
            };
            let before = checks.len();
            let ours = ctx.model(&plan, None, &mut checks);
            candidates.push((access(&plan), ours.total));
            for c in &checks[before..] {
                if !c.agrees() {
                    println!(
                        "DIFF {} ({}): ours {:.4}, PostgreSQL {:.4}",
                        c.what,
                        scan_kind(&plan),
                        c.ours,
                        c.theirs
                    );
                }
            }
        }
        if !only_index_only {
            pg.batch_execute(&reset).unwrap();
            let chosen = access(&explain(pg, &sql));
            let cheapest = candidates
                .iter()
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|c| c.0.clone())
                .unwrap_or_default();
            choices.1 += 1;
            if cheapest == chosen {
                choices.0 += 1;
            } else {
                println!(
                    "CHOICE {sql}: PostgreSQL {chosen}, cheapest forced plan by the model {cheapest}"
                );
            }
        }
    }
    pg.batch_execute(&reset).unwrap();
    (checks, plans)
}

/// The scan nodes and indexes of a plan, e.g. `Bitmap Heap Scan(a,b)`.
fn access(plan: &Json) -> String {
    fn walk(node: &Json, out: &mut Vec<String>) {
        let kind = node["Node Type"].as_str().unwrap_or_default();
        if kind.contains("Scan") {
            let index = node["Index Name"].as_str().unwrap_or_default();
            out.push(format!(
                "{kind}{}",
                if index.is_empty() {
                    String::new()
                } else {
                    format!(" {index}")
                }
            ));
        }
        if let Some(children) = node["Plans"].as_array() {
            children.iter().for_each(|c| walk(c, out));
        }
    }
    let mut out = Vec::new();
    walk(plan, &mut out);
    out.join(" / ")
}

#[test]
fn pg15_model_matches_postgresql() {
    let cluster = match postgres_cluster::Cluster::start() {
        Ok(c) => c,
        Err(e) => panic!("PostgreSQL 15 is needed for this test: {e}"),
    };
    cluster.create_database("pg15").unwrap();
    let mut pg = cluster.client("pg15").unwrap();
    let version = one(&mut pg, "SHOW server_version_num");
    assert!(
        version.starts_with("15"),
        "PostgreSQL 15 expected, found {version}"
    );
    pg.batch_execute("SET TimeZone = 'UTC'; SET jit = off; SET max_parallel_workers_per_gather = 0; CREATE EXTENSION pageinspect")
        .unwrap();
    let tables = [
        Table {
            name: "small",
            rows: generate(20_000, 7),
        },
        Table {
            name: "large",
            rows: generate(120_000, 11),
        },
    ];
    for t in &tables {
        load(&mut pg, t.name, &t.rows);
    }
    let mut failures = Vec::new();
    let (mut layout_ok, mut layout_n) = (0, 0);
    for t in &tables {
        let (ok, n, f) = check_layout(&mut pg, t);
        layout_ok += ok;
        layout_n += n;
        failures.extend(f);
    }
    failures.extend(check_analyze(&mut pg, &tables[0]));
    let mut all_checks = Vec::new();
    let mut plans = 0;
    let mut choices = (0, 0);
    for settings in [PgSettings::defaults(), PgSettings::ssd()] {
        for t in &tables {
            let (c, p) = check_costs(&mut pg, t, settings, false, &mut choices);
            all_checks.extend(c);
            plans += p;
        }
    }
    for t in &tables {
        pg.batch_execute(&format!("VACUUM {}", t.name)).unwrap();
    }
    for settings in [PgSettings::defaults(), PgSettings::ssd()] {
        for t in &tables {
            let (c, p) = check_costs(&mut pg, t, settings, true, &mut choices);
            all_checks.extend(c);
            plans += p;
        }
    }
    let exact = all_checks
        .iter()
        .filter(|c| ((c.ours * 100.0).round() - (c.theirs * 100.0).round()).abs() < 0.5)
        .count();
    let relative = |c: &Check| (c.ours - c.theirs).abs() / c.theirs.abs().max(0.01);
    let worst = all_checks
        .iter()
        .max_by(|a, b| relative(a).total_cmp(&relative(b)))
        .map(|c| {
            format!(
                "{:.2e} ({}: ours {:.4}, PostgreSQL {:.4})",
                relative(c),
                c.what,
                c.ours,
                c.theirs
            )
        })
        .unwrap_or_default();
    let mut by_node: BTreeMap<String, usize> = BTreeMap::new();
    for c in &all_checks {
        if let Some(kind) = c.what.split("] ").nth(1) {
            let kind = kind.split(':').next().unwrap_or_default();
            let kind: String = kind
                .split(' ')
                .take_while(|w| !w.contains('_'))
                .collect::<Vec<_>>()
                .join(" ");
            *by_node.entry(kind).or_default() += 1;
        }
    }
    println!("figures per node type: {by_node:?}");
    for c in all_checks
        .iter()
        .filter(|c| ((c.ours * 100.0).round() - (c.theirs * 100.0).round()).abs() >= 0.5)
    {
        println!(
            "not to the cent: {}: ours {:.4}, PostgreSQL {:.4}",
            c.what, c.ours, c.theirs
        );
    }
    println!(
        "exact to the cent: {exact} of {}; largest relative difference {worst}",
        all_checks.len()
    );
    println!(
        "choice: the cheapest forced plan by the model is PostgreSQL's own in {} of {} statements",
        choices.0, choices.1
    );
    let agree = all_checks.iter().filter(|c| c.agrees()).count();
    println!(
        "layout: {layout_ok} of {layout_n} sizes equal; costs: {agree} of {} figures within 1% over {plans} plans",
        all_checks.len()
    );
    if choices.0 != choices.1 {
        failures.push(format!("choices: {} of {}", choices.0, choices.1));
    }
    for c in all_checks.iter().filter(|c| !c.agrees()) {
        failures.push(format!(
            "{}: ours {:.4}, PostgreSQL {:.4}",
            c.what, c.ours, c.theirs
        ));
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
