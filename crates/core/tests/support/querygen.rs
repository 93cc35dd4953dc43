//! Random SQL over the three Upstream tables, drawn from a seed: predicates
//! with NULLs, ranges, IN lists, LIKE, functions, CASE and subqueries (IN,
//! EXISTS, scalar); plain, sorted, grouped, joined and DISTINCT SELECTs; and
//! INSERT/UPDATE/DELETE. Literals come from the generated rows
//! so predicates select something. Each query renders for seekscan and for
//! SQLite, which differ only in where ORDER BY puts NULL.
use gluesql_core::data::Value;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use seekscan_core::generator::Dataset;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Int,
    Text,
    Time,
    Bool,
}

#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    pub nullable: bool,
}

const fn col(name: &'static str, kind: Kind, nullable: bool) -> Column {
    Column {
        name,
        kind,
        nullable,
    }
}

#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    pub alias: &'static str,
    /// In table order, `id` first (the generated rows' order).
    pub columns: &'static [Column],
}

use Kind::{Bool, Int, Text, Time};

pub const TABLES: [Table; 3] = [
    Table {
        name: "upstream_reportrun",
        alias: "r",
        columns: &[
            col("id", Int, false),
            col("customer_id", Int, false),
            col("run_type", Text, false),
            col("started_at", Time, false),
            col("finished_at", Time, true),
            col("status", Text, false),
            col("summary_json", Text, true),
        ],
    },
    Table {
        name: "upstream_domainauditevent",
        alias: "e",
        columns: &[
            col("id", Int, false),
            col("customer_id", Int, true),
            col("action", Text, false),
            col("entity_type", Text, false),
            col("entity_id", Text, true),
            col("timestamp", Time, false),
            col("request_id", Text, true),
            col("metadata", Text, false),
            col("user_id", Int, true),
        ],
    },
    Table {
        name: "upstream_productconfig",
        alias: "p",
        columns: &[
            col("id", Int, false),
            col("customer_id", Int, false),
            col("product_slug", Text, false),
            col("enabled", Bool, false),
            col("config_json", Text, false),
            col("created_at", Time, false),
            col("updated_at", Time, false),
            col("created_by_id", Int, true),
            col("updated_by_id", Int, true),
        ],
    },
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Dialect {
    Seekscan,
    Sqlite,
}

/// The form of a generated SELECT.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shape {
    /// One table, maybe sorted and cut by LIMIT/OFFSET.
    #[default]
    Plain,
    /// COUNT, SUM, MIN and MAX, maybe grouped.
    Aggregate,
    /// Two tables on customer_id.
    Join,
    /// `SELECT DISTINCT` over one table.
    Distinct,
}

/// The constructs a generated statement holds (what a run's counts report).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Drawn {
    pub subquery: bool,
    pub case: bool,
    pub function: bool,
    pub like: bool,
}

/// A SELECT in parts, so TLP can add a predicate to its WHERE clause.
#[derive(Clone, Debug, Default)]
pub struct Select {
    pub shape: Shape,
    /// What its projection and filter hold.
    pub drawn: Drawn,
    /// `SELECT … FROM …`.
    pub head: String,
    pub filter: Option<String>,
    /// `GROUP BY …` and `HAVING …`, the same in both dialects.
    pub group: String,
    /// Sort keys and DESC; always ending in the row ids (a total order).
    pub order: Vec<(String, bool)>,
    pub limit: Option<(u32, Option<u32>)>,
}

impl Select {
    pub fn ordered(&self) -> bool {
        !self.order.is_empty()
    }

    /// GlueSQL sorts NULL as the largest value (NULLS LAST ascending, NULLS
    /// FIRST descending); SQLite sorts it first, so its keys say where.
    pub fn render(&self, dialect: Dialect) -> String {
        let mut sql = self.head.clone();
        if let Some(filter) = &self.filter {
            sql.push_str(&format!(" WHERE {filter}"));
        }
        sql.push_str(&self.group);
        let keys: Vec<String> = self
            .order
            .iter()
            .map(|(key, desc)| match (dialect, desc) {
                (Dialect::Seekscan, false) => key.clone(),
                (Dialect::Seekscan, true) => format!("{key} DESC"),
                (Dialect::Sqlite, false) => format!("{key} NULLS LAST"),
                (Dialect::Sqlite, true) => format!("{key} DESC NULLS FIRST"),
            })
            .collect();
        if !keys.is_empty() {
            sql.push_str(&format!(" ORDER BY {}", keys.join(", ")));
        }
        if let Some((limit, offset)) = self.limit {
            sql.push_str(&format!(" LIMIT {limit}"));
            if let Some(offset) = offset {
                sql.push_str(&format!(" OFFSET {offset}"));
            }
        }
        sql
    }

    /// The same query with `extra` ANDed to its filter (TLP's partitions).
    pub fn and(&self, extra: &str) -> Select {
        let filter = match &self.filter {
            Some(f) => format!("({f}) AND ({extra})"),
            None => extra.to_owned(),
        };
        Select {
            filter: Some(filter),
            ..self.clone()
        }
    }
}

/// A SQL literal for a generated value, the same text in both dialects.
pub fn literal(value: &Value) -> String {
    match value {
        Value::Null => "NULL".to_owned(),
        Value::I64(n) => n.to_string(),
        Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Value::Str(s) => format!("'{}'", s.replace('\'', "''")),
        Value::Timestamp(t) => format!("'{}'", t.format("%Y-%m-%d %H:%M:%S")),
        other => panic!("unexpected generated value {other:?}"),
    }
}

/// `a <= b` for two generated values of one column (false with NULL).
fn at_most(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::I64(a), Value::I64(b)) => a <= b,
        (Value::Str(a), Value::Str(b)) => a <= b,
        (Value::Timestamp(a), Value::Timestamp(b)) => a <= b,
        (Value::Bool(a), Value::Bool(b)) => a <= b,
        _ => false,
    }
}

pub struct QueryGen {
    pub rng: ChaCha8Rng,
    /// Rows per table, in `TABLES` order: the pool literals are drawn from.
    rows: Vec<Vec<Vec<Value>>>,
    /// Whether a predicate may hold a subquery: in SELECTs only, and not
    /// inside another subquery.
    subqueries: bool,
    /// What the statement being generated holds so far.
    drawn: Drawn,
    /// Whether functions, CASE, subqueries and DISTINCT are drawn, and LIKE
    /// at the rate of any other atom (`full`); `new` keeps the stream the
    /// PostgreSQL corpus (tests/postgres_agreement.rs) was measured on.
    extended: bool,
}

impl QueryGen {
    /// Every construct: functions, CASE, subqueries, DISTINCT, and LIKE as
    /// often as any other atom.
    pub fn full(seed: u64, dataset: &Dataset) -> Self {
        Self {
            extended: true,
            ..Self::new(seed, dataset)
        }
    }

    /// Comparisons, ranges, IN lists, IS NULL and LIKE only (drawn less
    /// often in debug builds): the statements, seed for seed, of the corpus
    /// tests/postgres_agreement.rs measured its floors on.
    pub fn new(seed: u64, dataset: &Dataset) -> Self {
        let rows = TABLES
            .iter()
            .map(|t| dataset.table(t.name).expect("generated table").rows.clone())
            .collect();
        Self {
            rng: ChaCha8Rng::seed_from_u64(seed),
            rows,
            subqueries: false,
            drawn: Drawn::default(),
            extended: false,
        }
    }

    pub fn chance(&mut self, percent: u32) -> bool {
        self.rng.gen_range(0..100) < percent
    }

    pub fn table(&mut self) -> &'static Table {
        &TABLES[self.rng.gen_range(0..TABLES.len())]
    }

    fn column(&mut self, table: &'static Table) -> Column {
        *table.columns.choose(&mut self.rng).expect("columns")
    }

    /// A value of `column` from a random row (NULL when the row has none),
    /// or now and then one the data does not hold.
    pub fn value(&mut self, table: &Table, column: &Column) -> Value {
        let at = table.columns.iter().position(|c| c.name == column.name);
        let rows = &self.rows[TABLES.iter().position(|t| t.name == table.name).unwrap()];
        let row = &rows[self.rng.gen_range(0..rows.len())];
        let found = row[at.expect("column of table")].clone();
        if !self.chance(10) {
            return found;
        }
        match column.kind {
            Int => Value::I64(*[0, -1, 7, 100_000].choose(&mut self.rng).unwrap()),
            Text => Value::Str(
                ["", "zzz", "a", "Success"]
                    .choose(&mut self.rng)
                    .unwrap()
                    .to_string(),
            ),
            Time => Value::Str("2030-01-01 00:00:00".to_owned()),
            Bool => Value::Bool(self.chance(50)),
        }
    }

    pub fn literal(&mut self, table: &Table, column: &Column) -> String {
        literal(&self.value(table, column))
    }
}

/// Predicates over one table's columns; `prefix` qualifies them in joins.
impl QueryGen {
    pub fn predicate(&mut self, table: &'static Table, prefix: &str, depth: u32) -> String {
        if depth == 0 || self.chance(40) {
            let column = self.column(table);
            return self.atom(table, &column, prefix);
        }
        match self.rng.gen_range(0..5) {
            0 => format!("NOT ({})", self.predicate(table, prefix, depth - 1)),
            1 | 2 => {
                let (a, b) = (
                    self.predicate(table, prefix, depth - 1),
                    self.predicate(table, prefix, depth - 1),
                );
                format!("({a}) AND ({b})")
            }
            _ => {
                let (a, b) = (
                    self.predicate(table, prefix, depth - 1),
                    self.predicate(table, prefix, depth - 1),
                );
                format!("({a}) OR ({b})")
            }
        }
    }

    fn atom(&mut self, table: &'static Table, column: &Column, prefix: &str) -> String {
        let name = format!("{prefix}{}", column.name);
        if column.kind == Bool {
            return self.bool_atom(&name);
        }
        let atoms = if self.extended { 20 } else { 16 };
        match self.rng.gen_range(0..atoms) {
            0..=4 => {
                let op = self.comparison();
                format!("{name} {op} {}", self.literal(table, column))
            }
            5 | 6 => {
                let (lo, hi) = self.bounds(table, column);
                let not = if self.chance(25) { "NOT " } else { "" };
                format!("{name} {not}BETWEEN {lo} AND {hi}")
            }
            7..=9 => self.in_list(table, column, &name),
            10 | 11 => {
                let not = if self.chance(50) { " NOT" } else { "" };
                format!("{name} IS{not} NULL")
            }
            12 => format!("{name} = NULL"),
            13 if column.kind == Int => {
                let k = self.rng.gen_range(1..4);
                format!("{name} + {k} > {}", self.literal(table, column))
            }
            // The PostgreSQL corpus's stream drew LIKE less often in debug
            // builds, once a regex was compiled for every row it met.
            13..=15
                if column.kind == Text
                    && (self.extended || !cfg!(debug_assertions) || self.chance(30)) =>
            {
                self.drawn.like = true;
                let not = if self.chance(25) { "NOT " } else { "" };
                format!("{name} {not}LIKE {}", self.like_pattern(table, column))
            }
            16 => self.function_atom(table, column, &name),
            17 => self.case_atom(table, column, prefix, &name),
            18 | 19 if self.subqueries => self.subquery_atom(table, column, prefix, &name),
            _ => format!("{name} >= {}", self.literal(table, column)),
        }
    }

    fn comparison(&mut self) -> &'static str {
        ["=", "<>", "<", "<=", ">", ">="]
            .choose(&mut self.rng)
            .unwrap()
    }

    /// A function of the column compared with the same function of a value:
    /// LENGTH, UPPER and SUBSTR of text, ABS of an integer, COALESCE.
    fn function_atom(&mut self, table: &'static Table, column: &Column, name: &str) -> String {
        let op = self.comparison();
        let lit = self.literal(table, column);
        let atom = match (column.kind, self.rng.gen_range(0..3)) {
            (Text, 0) => format!("LENGTH({name}) {op} {}", self.rng.gen_range(0..12)),
            (Text, 1) => format!("UPPER({name}) {op} UPPER({lit})"),
            (Text, _) => format!("SUBSTR({name}, 1, 3) {op} SUBSTR({lit}, 1, 3)"),
            (Int, 0) => {
                let k = self.rng.gen_range(0..50);
                format!("ABS({name} - {k}) {op} {}", self.rng.gen_range(0..30))
            }
            (Int, _) => format!("COALESCE({name}, {lit}) {op} {lit}"),
            // Timestamps: no function both engines read alike; a comparison.
            _ => format!("{name} {op} {lit}"),
        };
        self.drawn.function |= column.kind != Time;
        atom
    }

    /// `CASE WHEN p THEN column ELSE value END` compared with a value: a
    /// NULL or false condition falls through to ELSE.
    fn case_atom(
        &mut self,
        table: &'static Table,
        column: &Column,
        prefix: &str,
        name: &str,
    ) -> String {
        self.drawn.case = true;
        let when = self.predicate(table, prefix, 1);
        let (other, lit) = (self.literal(table, column), self.literal(table, column));
        let op = self.comparison();
        format!("(CASE WHEN {when} THEN {name} ELSE {other} END) {op} {lit}")
    }
}

/// Subqueries, always over one of the two small tables (report runs and
/// product configs): GlueSQL runs a subquery again for every outer row.
impl QueryGen {
    const INNER: [usize; 2] = [0, 2];

    fn subquery_atom(
        &mut self,
        table: &'static Table,
        column: &Column,
        prefix: &str,
        name: &str,
    ) -> String {
        self.drawn.subquery = true;
        let inner = &TABLES[*Self::INNER.choose(&mut self.rng).unwrap()];
        // The inner filter holds no subquery of its own.
        self.subqueries = false;
        let depth = self.rng.gen_range(0..2);
        let filter = self.predicate(inner, "s.", depth);
        self.subqueries = true;
        let same_kind: Vec<&Column> = inner
            .columns
            .iter()
            .filter(|c| c.kind == column.kind)
            .collect();
        let picked = same_kind.choose(&mut self.rng).map(|c| c.name);
        let from = format!("FROM {} s WHERE {filter}", inner.name);
        match (picked, self.rng.gen_range(0..3)) {
            (Some(inner_column), 0) => {
                let not = if self.chance(40) { "NOT " } else { "" };
                format!("{name} {not}IN (SELECT s.{inner_column} {from})")
            }
            (Some(inner_column), 1) => {
                let op = self.comparison();
                let agg = if self.chance(50) { "MIN" } else { "MAX" };
                format!("{name} {op} (SELECT {agg}(s.{inner_column}) {from})")
            }
            _ => {
                // Correlated on the tenant: the outer table by its alias in
                // a join, by its name otherwise.
                let outer = if prefix.is_empty() {
                    format!("{}.", table.name)
                } else {
                    prefix.to_owned()
                };
                let not = if self.chance(30) { "NOT " } else { "" };
                format!("{not}EXISTS (SELECT 1 {from} AND s.customer_id = {outer}customer_id)")
            }
        }
    }
}

impl QueryGen {
    fn bool_atom(&mut self, name: &str) -> String {
        match self.rng.gen_range(0..5) {
            0 => name.to_owned(),
            1 => format!("NOT {name}"),
            2 => format!("{name} = TRUE"),
            3 => format!("{name} = FALSE"),
            _ => format!("{name} IS NULL"),
        }
    }

    /// Two values of the column, usually in order (an empty range now and then).
    fn bounds(&mut self, table: &Table, column: &Column) -> (String, String) {
        let (a, b) = (self.value(table, column), self.value(table, column));
        let in_order = at_most(&a, &b) == self.chance(90);
        let (lo, hi) = if in_order { (a, b) } else { (b, a) };
        (literal(&lo), literal(&hi))
    }

    fn in_list(&mut self, table: &Table, column: &Column, name: &str) -> String {
        let mut items: Vec<String> = (0..self.rng.gen_range(1..5))
            .map(|_| self.literal(table, column))
            .collect();
        if self.chance(25) {
            let at = self.rng.gen_range(0..=items.len());
            items.insert(at, "NULL".to_owned());
        }
        let not = if self.chance(30) { "NOT " } else { "" };
        format!("{name} {not}IN ({})", items.join(", "))
    }

    /// A prefix, suffix or middle of a value, with `%` and `_` wildcards.
    fn like_pattern(&mut self, table: &Table, column: &Column) -> String {
        let text = match self.value(table, column) {
            Value::Str(s) => s,
            _ => "x".to_owned(),
        };
        let chars: Vec<char> = text.chars().collect();
        let cut = self.rng.gen_range(0..=chars.len().min(6));
        let mut pattern: String = match self.rng.gen_range(0..4) {
            0 => format!("{}%", chars[..cut].iter().collect::<String>()),
            1 => format!("%{}", chars[chars.len() - cut..].iter().collect::<String>()),
            2 => format!("%{}%", chars[..cut].iter().collect::<String>()),
            _ => text.clone(),
        };
        if self.chance(20) && !pattern.is_empty() {
            let at = self.rng.gen_range(0..pattern.len());
            if pattern.is_char_boundary(at) && pattern.is_char_boundary(at + 1) {
                pattern.replace_range(at..at + 1, "_");
            }
        }
        if self.chance(5) {
            pattern = pattern.to_uppercase();
        }
        format!("'{}'", pattern.replace('\'', "''"))
    }
}

/// SELECT shapes: plain, sorted with LIMIT/OFFSET, grouped, joined, DISTINCT.
impl QueryGen {
    pub fn query(&mut self) -> Select {
        let extended = self.extended;
        self.select(|gen| match (extended, gen.rng.gen_range(0..10)) {
            (true, 0..=4) | (false, 0..=5) => gen.plain_select(),
            (true, 5 | 6) | (false, 6 | 7) => gen.aggregate_select(),
            (true, 7 | 8) | (false, _) => gen.join_select(),
            (true, _) => gen.distinct_select(),
        })
    }

    /// A SELECT drawn by `draw`, subqueries allowed, with what it holds.
    fn select(&mut self, draw: impl FnOnce(&mut Self) -> Select) -> Select {
        (self.subqueries, self.drawn) = (self.extended, Drawn::default());
        let mut select = draw(self);
        self.subqueries = false;
        select.drawn = self.drawn;
        select
    }

    /// A filter or none; `depth` bounds how deep AND/OR/NOT nest.
    fn filter(&mut self, table: &'static Table, prefix: &str) -> Option<String> {
        let depth = self.rng.gen_range(0..4);
        (!self.chance(10)).then(|| self.predicate(table, prefix, depth))
    }

    fn projection(&mut self, table: &'static Table) -> String {
        if self.chance(30) {
            return "*".to_owned();
        }
        let mut names: Vec<String> = (0..self.rng.gen_range(1..5))
            .map(|_| self.column(table).name.to_owned())
            .collect();
        if self.chance(20) {
            names.push("id % 7".to_owned());
        }
        if self.extended && self.chance(30) {
            let expression = self.computed(table);
            names.push(expression);
        }
        names.join(", ")
    }

    /// A computed column: a function of a column, or a CASE.
    fn computed(&mut self, table: &'static Table) -> String {
        let column = self.column(table);
        let name = column.name;
        if self.chance(40) {
            self.drawn.case = true;
            let when = self.predicate(table, "", 1);
            return format!("CASE WHEN {when} THEN 'yes' ELSE 'no' END");
        }
        let lit = self.literal(table, &column);
        self.drawn.function = true;
        match (column.kind, self.rng.gen_range(0..3)) {
            (Text, 0) => format!("LENGTH({name})"),
            (Text, 1) => format!("UPPER({name})"),
            (Text, _) => format!("SUBSTR({name}, 2, 4)"),
            (Int, 0) => format!("ABS({name} - {})", self.rng.gen_range(0..50)),
            (Int, _) | (Bool, _) => format!("COALESCE({name}, {lit})"),
            // A quoted timestamp stays text in GlueSQL while the column's
            // values are timestamps (SQLite holds both as text), so a
            // literal fallback would mix types under DISTINCT and GROUP BY;
            // the column itself keeps COALESCE's type whole.
            (Time, _) => format!("COALESCE({name}, {name})"),
        }
    }

    /// One table; sorted half the time, and then maybe cut by LIMIT/OFFSET.
    fn plain_select(&mut self) -> Select {
        let table = self.table();
        self.plain_on(table)
    }

    /// TLP's query (unsorted, uncut) and the predicate that partitions it.
    pub fn partitioned(&mut self) -> (Select, String) {
        let mut p = String::new();
        let select = self.select(|gen| {
            let table = gen.table();
            let mut select = gen.plain_on(table);
            (select.order, select.limit) = (Vec::new(), None);
            let depth = gen.rng.gen_range(0..4);
            p = gen.predicate(table, "", depth);
            select
        });
        (select, p)
    }

    /// `SELECT DISTINCT` of a few columns (or a computed one), unsorted.
    fn distinct_select(&mut self) -> Select {
        let table = self.table();
        let mut names: Vec<String> = (0..self.rng.gen_range(1..4))
            .map(|_| self.column(table).name.to_owned())
            .collect();
        if self.chance(30) {
            let expression = self.computed(table);
            names.push(expression);
        }
        Select {
            shape: Shape::Distinct,
            head: format!("SELECT DISTINCT {} FROM {}", names.join(", "), table.name),
            filter: self.filter(table, ""),
            ..Select::default()
        }
    }

    fn plain_on(&mut self, table: &'static Table) -> Select {
        let head = format!("SELECT {} FROM {}", self.projection(table), table.name);
        let filter = self.filter(table, "");
        let mut order = Vec::new();
        if self.chance(50) {
            for _ in 0..self.rng.gen_range(0..3) {
                let key = self.column(table).name.to_owned();
                order.push((key, self.chance(40)));
            }
            order.push(("id".to_owned(), self.chance(30)));
        }
        let limit = (!order.is_empty() && self.chance(60)).then(|| {
            let offset = self.chance(40).then(|| self.rng.gen_range(0..30));
            (self.rng.gen_range(0..40), offset)
        });
        Select {
            head,
            filter,
            order,
            limit,
            ..Select::default()
        }
    }

    /// COUNT, SUM, MIN and MAX, over the whole table or grouped by a column.
    fn aggregate_select(&mut self) -> Select {
        let table = self.table();
        let ints: Vec<&Column> = table.columns.iter().filter(|c| c.kind == Int).collect();
        let summed = ints.choose(&mut self.rng).unwrap().name;
        let (a, b) = (self.column(table).name, self.column(table).name);
        let aggregates = format!("COUNT(*), COUNT({a}), SUM({summed}), MIN({a}), MAX({b})");
        let grouped = self.chance(70).then(|| self.column(table).name);
        let head = match grouped {
            Some(key) => format!("SELECT {key}, {aggregates} FROM {}", table.name),
            None => format!("SELECT {aggregates} FROM {}", table.name),
        };
        let mut group = grouped.map_or(String::new(), |key| format!(" GROUP BY {key}"));
        if grouped.is_some() && self.chance(30) {
            group.push_str(&format!(" HAVING COUNT(*) > {}", self.rng.gen_range(0..20)));
        }
        Select {
            shape: Shape::Aggregate,
            head,
            filter: self.filter(table, ""),
            group,
            ..Select::default()
        }
    }

    /// Two tables on customer_id (inner or left); filters on either side.
    fn join_select(&mut self) -> Select {
        // The audit table joins only the small product table: its join with
        // report runs has tens of thousands of rows, slow in a debug build.
        let pairs = [(0, 2), (2, 0), (1, 2), (0, 0)];
        let (l, r) = pairs[self.rng.gen_range(0..pairs.len())];
        let (left, right) = (&TABLES[l], &TABLES[r]);
        let (la, ra) = (left.alias, if l == r { "q" } else { right.alias });
        let kind = if self.chance(30) { "LEFT JOIN" } else { "JOIN" };
        let (lc, rc) = (self.column(left).name, self.column(right).name);
        let head = format!(
            "SELECT {la}.id, {ra}.id, {la}.{lc}, {ra}.{rc} FROM {} {la} {kind} {} {ra} ON {la}.customer_id = {ra}.customer_id",
            left.name, right.name
        );
        let filter = match self.rng.gen_range(0..3) {
            0 => self.filter(left, &format!("{la}.")),
            1 => self.filter(right, &format!("{ra}.")),
            _ => {
                let (a, b) = (
                    self.predicate(left, &format!("{la}."), 1),
                    self.predicate(right, &format!("{ra}."), 1),
                );
                Some(format!("({a}) AND ({b})"))
            }
        };
        let sorted = self.chance(40);
        let order = if sorted {
            vec![
                (format!("{la}.id"), self.chance(30)),
                (format!("{ra}.id"), false),
            ]
        } else {
            Vec::new()
        };
        let limit = sorted.then(|| (self.rng.gen_range(1..50), None));
        Select {
            shape: Shape::Join,
            head,
            filter,
            order,
            limit,
            ..Select::default()
        }
    }
}

/// Writes. Ids of new rows come from `next_id`, one counter per table.
impl QueryGen {
    /// A row of `table` with values from the pool; NULL where allowed.
    fn row_values(&mut self, table: &'static Table, id: i64) -> String {
        let mut cells = vec![id.to_string()];
        for column in &table.columns[1..] {
            let value = if column.nullable && self.chance(15) {
                Value::Null
            } else {
                self.non_null(table, column)
            };
            cells.push(literal(&value));
        }
        format!("({})", cells.join(", "))
    }

    fn non_null(&mut self, table: &Table, column: &Column) -> Value {
        loop {
            let v = self.value(table, column);
            if v != Value::Null {
                return v;
            }
        }
    }

    /// INSERT of `rows` new rows; now and then one whose id repeats an
    /// existing row or another row of the same statement (both must fail).
    pub fn insert(&mut self, table: &'static Table, next_id: &mut i64, rows: usize) -> String {
        let mut ids: Vec<i64> = (0..rows as i64).map(|i| *next_id + i).collect();
        *next_id += rows as i64;
        match self.rng.gen_range(0..40) {
            0 => ids[0] = self.rng.gen_range(1..*next_id),
            1 if rows > 1 => ids[rows - 1] = ids[0],
            _ => {}
        }
        let values: Vec<String> = ids.iter().map(|&id| self.row_values(table, id)).collect();
        format!("INSERT INTO {} VALUES {}", table.name, values.join(", "))
    }

    /// UPDATE of one non-key column to a literal, NULL or an expression.
    pub fn update(&mut self, table: &'static Table, filter: &str) -> String {
        let column = table.columns[self.rng.gen_range(1..table.columns.len())];
        let value = match (column.kind, self.rng.gen_range(0..4)) {
            (_, 0) if column.nullable => "NULL".to_owned(),
            (Int, 1) => format!("{} + 1", column.name),
            (Text, 1) => format!("UPPER({})", column.name),
            _ => literal(&self.non_null(table, &column)),
        };
        format!(
            "UPDATE {} SET {} = {value} WHERE {filter}",
            table.name, column.name
        )
    }

    pub fn delete(&mut self, table: &'static Table, filter: &str) -> String {
        format!("DELETE FROM {} WHERE {filter}", table.name)
    }

    /// A filter that touches few rows: a predicate within a short id range.
    pub fn narrow(&mut self, table: &'static Table, max_id: i64) -> String {
        let from = self.rng.gen_range(1..=max_id.max(1));
        let width = self.rng.gen_range(0..4);
        let depth = self.rng.gen_range(0..2);
        let p = self.predicate(table, "", depth);
        format!("id BETWEEN {from} AND {} AND ({p})", from + width)
    }
}
