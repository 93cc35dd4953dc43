//! Statements shaped like the ones Django's ORM sends PostgreSQL, drawn
//! from a seed over any table of `querygen::TABLES`: list views
//! (`.filter(…).order_by(…)[:n]`), `values_list`, `.first()` and `.last()`,
//! `.exists()`, `.count()`, pages, `get(pk=…)`, `__in`, `__range` and
//! `__isnull` lookups, Q-object ORs, `aggregate(Max(…))` and
//! `values(…).annotate(Count(…))`. Column roles come from the schema alone
//! (an integer column named `…_id` is a foreign key, a text column with few
//! values a choice field, a timestamp a date field); literals are drawn from
//! random rows of the data, so common values come up as often as an
//! application would ask for them. Identifiers are quoted and qualified as
//! the ORM prints them.
use gluesql_core::data::Value;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use seekscan_core::generator::Dataset;

use super::querygen::{Kind, Table, TABLES};

/// One generated statement and the table it reads.
#[derive(Clone, Debug)]
pub struct OrmQuery {
    pub sql: String,
    pub table: &'static str,
    /// The ORM call it imitates (`first`, `list`, `count`, …).
    pub shape: &'static str,
    /// The rows come in a total order (ORDER BY ends with the key).
    pub ordered: bool,
}

/// What a column is for, as an ORM model would use it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    PrimaryKey,
    ForeignKey,
    Choice,
    Date,
    Flag,
    Other,
}

fn role(table: &TableRows, position: usize) -> Role {
    let column = &table.table.columns[position];
    match column.kind {
        Kind::Int if column.name == "id" => Role::PrimaryKey,
        Kind::Int if column.name.ends_with("_id") => Role::ForeignKey,
        Kind::Text if table.distinct(position) <= 32 => Role::Choice,
        Kind::Time => Role::Date,
        Kind::Bool => Role::Flag,
        _ => Role::Other,
    }
}

struct TableRows<'a> {
    table: &'static Table,
    rows: &'a [Vec<Value>],
}

impl TableRows<'_> {
    fn distinct(&self, position: usize) -> usize {
        let mut seen: Vec<&Value> = Vec::new();
        for row in self.rows.iter().take(5000) {
            if !seen.contains(&&row[position]) {
                seen.push(&row[position]);
                if seen.len() > 32 {
                    break;
                }
            }
        }
        seen.len()
    }
}

pub struct OrmGen<'a> {
    rng: ChaCha8Rng,
    tables: Vec<(TableRows<'a>, Vec<Role>)>,
}

fn literal(value: &Value) -> Option<String> {
    Some(match value {
        Value::Null => return None,
        Value::I64(n) => n.to_string(),
        Value::Bool(b) => b.to_string().to_uppercase(),
        Value::Str(s) => format!("'{}'", s.replace('\'', "''")),
        Value::Timestamp(t) => format!("'{}'", t.format("%Y-%m-%d %H:%M:%S")),
        _ => return None,
    })
}

impl<'a> OrmGen<'a> {
    pub fn new(dataset: &'a Dataset, seed: u64) -> Self {
        let tables = TABLES
            .iter()
            .filter_map(|table| {
                let rows = &dataset.table(table.name)?.rows;
                (!rows.is_empty()).then_some(TableRows { table, rows })
            })
            .map(|t| {
                let roles = (0..t.table.columns.len()).map(|i| role(&t, i)).collect();
                (t, roles)
            })
            .collect();
        Self {
            rng: ChaCha8Rng::seed_from_u64(seed),
            tables,
        }
    }

    pub fn corpus(&mut self, count: usize) -> Vec<OrmQuery> {
        (0..count).map(|_| self.query()).collect()
    }

    fn query(&mut self) -> OrmQuery {
        let at = self.rng.gen_range(0..self.tables.len());
        let shape = *[
            "list",
            "list",
            "values_list",
            "first",
            "last",
            "exists",
            "count",
            "page",
            "get",
            "aggregate",
            "annotate",
            "list",
        ]
        .choose(&mut self.rng)
        .unwrap();
        let table = self.tables[at].0.table;
        let q = |c: &str| format!("\"{}\".\"{}\"", table.name, c);
        let all: Vec<String> = table.columns.iter().map(|c| q(c.name)).collect();
        let from = format!("FROM \"{}\"", table.name);
        let filters = if shape == "get" {
            vec![self.equality(at, 0)]
        } else {
            self.filters(at)
        };
        let wh = if filters.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", filters.join(" AND "))
        };
        let (sql, ordered) = match shape {
            "first" | "last" => {
                let dir = if shape == "first" { "ASC" } else { "DESC" };
                let sql = format!(
                    "SELECT {} {from}{wh} ORDER BY {} {dir} LIMIT 1",
                    all.join(", "),
                    q("id")
                );
                (sql, true)
            }
            "exists" => (format!("SELECT 1 AS \"a\" {from}{wh} LIMIT 1"), false),
            "count" => (format!("SELECT COUNT(*) AS \"__count\" {from}{wh}"), true),
            "get" => (
                format!("SELECT {} {from}{wh} LIMIT 21", all.join(", ")),
                true,
            ),
            "aggregate" => {
                let col = self.pick_role(at, &[Role::Date, Role::PrimaryKey]);
                let f = *["MAX", "MIN"].choose(&mut self.rng).unwrap();
                let sql = format!(
                    "SELECT {f}({}) AS \"agg\" {from}{wh}",
                    q(table.columns[col].name)
                );
                (sql, true)
            }
            "annotate" => {
                let col = self.pick_role(at, &[Role::Choice, Role::Flag, Role::ForeignKey]);
                let name = q(table.columns[col].name);
                let sql = format!(
                    "SELECT {name}, COUNT({}) AS \"n\" {from}{wh} GROUP BY {name}",
                    q("id")
                );
                (sql, false)
            }
            "values_list" => {
                let col = self.pick_role(at, &[Role::Date, Role::Choice, Role::ForeignKey]);
                let order = self.order(at);
                let limit = self.limit();
                let sql = format!(
                    "SELECT {}, {} {from}{wh}{order}{limit}",
                    q("id"),
                    q(table.columns[col].name)
                );
                (sql, !order.is_empty())
            }
            _ => {
                let order = self.order(at);
                let limit = if shape == "page" {
                    let size = *[20, 25, 50].choose(&mut self.rng).unwrap();
                    let page = self.rng.gen_range(1..6);
                    format!(" LIMIT {size} OFFSET {}", size * page)
                } else {
                    self.limit()
                };
                let sql = format!("SELECT {} {from}{wh}{order}{limit}", all.join(", "));
                (sql, !order.is_empty())
            }
        };
        OrmQuery {
            sql,
            table: table.name,
            shape,
            ordered,
        }
    }

    fn limit(&mut self) -> String {
        match self.rng.gen_range(0..4) {
            0 => String::new(),
            1 => " LIMIT 21".to_owned(),
            2 => " LIMIT 100".to_owned(),
            _ => " LIMIT 25".to_owned(),
        }
    }

    /// `ORDER BY` a date or the key, newest first as list views do; always
    /// ending with the primary key so the order is total.
    fn order(&mut self, at: usize) -> String {
        let table = self.tables[at].0.table;
        let q = |c: &str| format!("\"{}\".\"{}\"", table.name, c);
        let dir = if self.rng.gen_bool(0.7) {
            "DESC"
        } else {
            "ASC"
        };
        match self.rng.gen_range(0..4) {
            0 => format!(" ORDER BY {} {dir}", q("id")),
            1 | 2 => {
                let col = self.pick_role(at, &[Role::Date]);
                let name = table.columns[col].name;
                format!(" ORDER BY {} {dir}, {} {dir}", q(name), q("id"))
            }
            _ => String::new(),
        }
    }

    /// A column of one of `roles` (the first role any column has).
    fn pick_role(&mut self, at: usize, roles: &[Role]) -> usize {
        let found = roles.iter().find_map(|r| {
            let matching: Vec<usize> = (0..self.tables[at].1.len())
                .filter(|&i| self.tables[at].1[i] == *r)
                .collect();
            (!matching.is_empty()).then_some(matching)
        });
        *found
            .unwrap_or_else(|| vec![0])
            .choose(&mut self.rng)
            .unwrap()
    }

    fn value(&mut self, at: usize, column: usize) -> Option<String> {
        let rows = self.tables[at].0.rows;
        for _ in 0..8 {
            let row = &rows[self.rng.gen_range(0..rows.len())];
            if let Some(text) = literal(&row[column]) {
                return Some(text);
            }
        }
        None
    }

    fn name(&self, at: usize, column: usize) -> String {
        let table = self.tables[at].0.table;
        format!("\"{}\".\"{}\"", table.name, table.columns[column].name)
    }

    fn equality(&mut self, at: usize, column: usize) -> String {
        let name = self.name(at, column);
        match self.value(at, column) {
            Some(v) => format!("{name} = {v}"),
            None => format!("{name} IS NULL"),
        }
    }

    /// Zero to three lookups, as a view's `.filter()` chain builds them.
    fn filters(&mut self, at: usize) -> Vec<String> {
        let count = *[0, 1, 1, 2, 2, 2, 3].choose(&mut self.rng).unwrap();
        let mut used = Vec::new();
        let mut out = Vec::new();
        for _ in 0..count {
            let roles = &self.tables[at].1;
            let usable: Vec<usize> = (0..roles.len())
                .filter(|i| !used.contains(i) && roles[*i] != Role::Other)
                .collect();
            let Some(&column) = usable.choose(&mut self.rng) else {
                break;
            };
            used.push(column);
            let lookup = self.lookup(at, column);
            out.push(lookup);
        }
        out
    }

    fn lookup(&mut self, at: usize, column: usize) -> String {
        let name = self.name(at, column);
        let role = self.tables[at].1[column];
        let nullable = self.tables[at].0.table.columns[column].nullable;
        match (role, self.rng.gen_range(0..10)) {
            (_, 0) if nullable => format!("{name} IS NULL"),
            (_, 1) if nullable => format!("{name} IS NOT NULL"),
            (Role::Date | Role::PrimaryKey, n) => self.range(at, column, n),
            (Role::Choice | Role::ForeignKey, 2 | 3) => {
                let values: Vec<String> = (0..self.rng.gen_range(2..5))
                    .filter_map(|_| self.value(at, column))
                    .collect();
                if values.is_empty() {
                    return format!("{name} IS NULL");
                }
                format!("{name} IN ({})", values.join(", "))
            }
            (Role::Choice | Role::ForeignKey, 4) => {
                let other = self.pick_role(at, &[Role::ForeignKey, Role::Choice]);
                format!(
                    "({} OR {})",
                    self.equality(at, column),
                    self.equality(at, other)
                )
            }
            _ => self.equality(at, column),
        }
    }

    fn range(&mut self, at: usize, column: usize, n: u32) -> String {
        let name = self.name(at, column);
        let (Some(a), Some(b)) = (self.value(at, column), self.value(at, column)) else {
            return format!("{name} IS NULL");
        };
        let (low, high) = if (a.len(), &a) <= (b.len(), &b) {
            (a, b)
        } else {
            (b, a)
        };
        match n % 3 {
            0 => format!("{name} >= {low}"),
            1 => format!("{name} < {high}"),
            _ => format!("{name} >= {low} AND {name} < {high}"),
        }
    }
}
