//! ORM-shaped SELECTs over the three Upstream tables, drawn from a seed:
//! what a Django app sends for `filter()` on tenant columns, `__in`,
//! date ranges, `Q(a) | Q(b)`, `order_by()[:n]`, `.first()`, `.last()`,
//! `.count()`, `.exists()` and `values_list()`. Literals come from the
//! generated rows, so most filters select something. ORDER BY keys are
//! NOT NULL columns (SQLite and GlueSQL place NULLs differently).
use gluesql_core::data::Value;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use seekscan_core::generator::Dataset;

/// One table as the ORM filters it.
struct Model {
    table: &'static str,
    /// Columns in the generated rows' order.
    columns: &'static [&'static str],
    /// Columns filtered by equality (tenant, status, type, …).
    equality: &'static [&'static str],
    /// The NOT NULL timestamp the ORM orders and ranges on.
    time: &'static [&'static str],
    /// Columns a `values_list()` picks from.
    listed: &'static [&'static str],
}

const MODELS: [Model; 3] = [
    Model {
        table: "upstream_reportrun",
        columns: &[
            "id",
            "customer_id",
            "run_type",
            "started_at",
            "finished_at",
            "status",
            "summary_json",
        ],
        equality: &["customer_id", "run_type", "status", "finished_at"],
        time: &["started_at"],
        listed: &["id", "customer_id", "status", "run_type", "started_at"],
    },
    Model {
        table: "upstream_domainauditevent",
        columns: &[
            "id",
            "customer_id",
            "action",
            "entity_type",
            "entity_id",
            "timestamp",
            "request_id",
            "metadata",
            "user_id",
        ],
        equality: &[
            "customer_id",
            "action",
            "entity_type",
            "entity_id",
            "user_id",
        ],
        time: &["timestamp"],
        listed: &[
            "id",
            "customer_id",
            "action",
            "entity_id",
            "timestamp",
            "user_id",
        ],
    },
    Model {
        table: "upstream_productconfig",
        columns: &[
            "id",
            "customer_id",
            "product_slug",
            "enabled",
            "config_json",
            "created_at",
            "updated_at",
            "created_by_id",
            "updated_by_id",
        ],
        equality: &["customer_id", "product_slug", "enabled", "created_by_id"],
        time: &["created_at", "updated_at"],
        listed: &["id", "customer_id", "product_slug", "enabled", "updated_at"],
    },
];

/// A generated statement and what its rows can be compared on.
pub struct OrmQuery {
    pub sql: String,
    /// The statement without its LIMIT (every row the LIMIT picks from).
    pub unlimited: String,
    /// ORDER BY fixes one order of the rows (it ends with `id`).
    pub total_order: bool,
    pub limited: bool,
}

fn literal(value: &Value) -> String {
    match value {
        Value::Null => "NULL".to_owned(),
        Value::Bool(true) => "TRUE".to_owned(),
        Value::Bool(false) => "FALSE".to_owned(),
        Value::I64(n) => n.to_string(),
        Value::Str(s) => format!("'{}'", s.replace('\'', "''")),
        Value::Timestamp(t) => format!("'{}'", t.format("%Y-%m-%d %H:%M:%S")),
        other => panic!("unexpected generated value {other:?}"),
    }
}

struct Draw<'d> {
    rng: ChaCha8Rng,
    dataset: &'d Dataset,
}

impl Draw<'_> {
    fn value(&mut self, model: &Model, column: &str) -> Value {
        let rows = &self.dataset.table(model.table).unwrap().rows;
        let at = model.columns.iter().position(|c| *c == column).unwrap();
        rows.choose(&mut self.rng).unwrap()[at].clone()
    }

    fn equality(&mut self, model: &Model, column: &str) -> String {
        match self.value(model, column) {
            Value::Null => format!("{column} IS NULL"),
            value => format!("{column} = {}", literal(&value)),
        }
    }

    fn in_list(&mut self, model: &Model, column: &str) -> String {
        let n = self.rng.gen_range(2..=4);
        let mut values: Vec<String> = (0..n)
            .map(|_| self.value(model, column))
            .filter(|v| *v != Value::Null)
            .map(|v| literal(&v))
            .collect();
        values.dedup();
        if values.is_empty() {
            return format!("{column} IS NULL");
        }
        format!("{column} IN ({})", values.join(", "))
    }

    fn time_range(&mut self, model: &Model, column: &str) -> String {
        // Timestamps as text sort as the instants do.
        let mut a = literal(&self.value(model, column));
        let mut b = literal(&self.value(model, column));
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        match self.rng.gen_range(0..3) {
            0 => format!("{column} >= {a}"),
            1 => format!("{column} < {b}"),
            _ => format!("{column} BETWEEN {a} AND {b}"),
        }
    }

    fn key_filter(&mut self, model: &Model) -> String {
        let a = self.value(model, "id");
        match self.rng.gen_range(0..3) {
            0 => {
                let ids: Vec<String> = (0..3).map(|_| literal(&self.value(model, "id"))).collect();
                format!("id IN ({})", ids.join(", "))
            }
            1 => format!("id > {}", literal(&a)),
            _ => format!("id < {}", literal(&a)),
        }
    }

    /// The WHERE clause: a few ORM filter shapes, picked at random.
    fn filters(&mut self, model: &Model) -> Vec<String> {
        let pick = |rng: &mut ChaCha8Rng| *model.equality.choose(rng).unwrap();
        let time = *model.time.choose(&mut self.rng).unwrap();
        match self.rng.gen_range(0..10) {
            0 => Vec::new(),
            1 | 2 => {
                let first = pick(&mut self.rng);
                let mut filters = vec![self.equality(model, first)];
                let second = pick(&mut self.rng);
                if second != first && self.rng.gen_bool(0.6) {
                    filters.push(self.equality(model, second));
                }
                filters
            }
            3 => {
                let column = pick(&mut self.rng);
                let mut filters = vec![self.in_list(model, column)];
                let other = pick(&mut self.rng);
                if other != column && self.rng.gen_bool(0.5) {
                    filters.push(self.equality(model, other));
                }
                filters
            }
            4 | 5 => {
                let mut filters = vec![self.time_range(model, time)];
                if self.rng.gen_bool(0.6) {
                    let column = pick(&mut self.rng);
                    filters.insert(0, self.equality(model, column));
                }
                filters
            }
            6 => {
                let (a, b) = (pick(&mut self.rng), pick(&mut self.rng));
                let or = format!(
                    "({} OR {})",
                    self.equality(model, a),
                    self.equality(model, b)
                );
                if self.rng.gen_bool(0.5) {
                    vec![self.equality(model, "customer_id"), or]
                } else {
                    vec![or]
                }
            }
            7 => {
                let mut filters = vec![self.key_filter(model)];
                if self.rng.gen_bool(0.5) {
                    let column = pick(&mut self.rng);
                    filters.push(self.equality(model, column));
                }
                filters
            }
            _ => vec![self.equality(model, "customer_id")],
        }
    }

    fn query(&mut self) -> OrmQuery {
        let model = &MODELS[self.rng.gen_range(0..MODELS.len())];
        let filters = self.filters(model);
        let time = *model.time.choose(&mut self.rng).unwrap();
        let table = model.table;
        let filter = if filters.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", filters.join(" AND "))
        };
        let (select, order, limit): (String, Vec<String>, Option<u32>) =
            match self.rng.gen_range(0..10) {
                0 => ("COUNT(*)".into(), Vec::new(), None),
                1 => ("1 AS a".into(), Vec::new(), Some(1)),
                2 => ("*".into(), vec!["id".into()], Some(1)),
                3 => ("*".into(), vec!["id DESC".into()], Some(1)),
                4 => {
                    let mut listed: Vec<&str> = model.listed.to_vec();
                    listed.shuffle(&mut self.rng);
                    let n = self.rng.gen_range(1..=3);
                    (listed[..n].join(", "), self.order(time), self.limit())
                }
                _ => ("*".into(), self.order(time), self.limit()),
            };
        let order_by = if order.is_empty() {
            String::new()
        } else {
            format!(" ORDER BY {}", order.join(", "))
        };
        let unlimited = format!("SELECT {select} FROM {table}{filter}{order_by}");
        let sql = match limit {
            Some(n) => format!("{unlimited} LIMIT {n}"),
            None => unlimited.clone(),
        };
        OrmQuery {
            sql,
            unlimited,
            total_order: order.last().is_some_and(|k| k.starts_with("id")),
            limited: limit.is_some(),
        }
    }

    fn order(&mut self, time: &str) -> Vec<String> {
        match self.rng.gen_range(0..5) {
            0 => Vec::new(),
            1 => vec![format!("{time} DESC")],
            2 => vec![time.to_owned()],
            3 => vec![format!("{time} DESC"), "id DESC".to_owned()],
            _ => vec!["id".to_owned()],
        }
    }

    fn limit(&mut self) -> Option<u32> {
        [None, Some(10), Some(20), Some(50), Some(100)]
            .choose(&mut self.rng)
            .copied()
            .flatten()
    }
}

/// `count` statements drawn with `seed` from `dataset`'s rows.
pub fn corpus(dataset: &Dataset, seed: u64, count: usize) -> Vec<OrmQuery> {
    let mut draw = Draw {
        rng: ChaCha8Rng::seed_from_u64(seed),
        dataset,
    };
    (0..count).map(|_| draw.query()).collect()
}
