//! seekscan's cost-based pass in GlueSQL's planner hook. After GlueSQL's own
//! steps, every table source still on a full scan gets the cheapest visible
//! index access, the ORDER BY goes when the index supplies the order, and
//! the reasoning (chosen path, every rejected candidate) is recorded.
//! The WHERE filter always stays: the executor re-checks every row, so
//! results never depend on the index.
pub mod choice;
mod columns;
mod conditions;
mod memory;
mod model;
pub(crate) mod pg;
mod pushdown;
mod query;
mod selectivity;
mod sqlite;

use std::collections::BTreeSet;

use gluesql_core::ast::Literal;
use gluesql_core::data::Value;
use gluesql_core::error::Result;
use gluesql_core::plan::{
    AggregationInputPlan, DistinctInputPlan, DistinctPlan, ExprPlan, FilterInputPlan, FilterPlan,
    LimitInputPlan, LimitPlan, OffsetInputPlan, OffsetPlan, OrderByExprPlan, ProjectInputPlan,
    ProjectPlan, QueryPlan, SelectOrderByPlan, SourcePlan, StatementPlan, TableAccessPlan,
    TableSourcePlan,
};
use gluesql_core::planner::{
    fetch_schema_map, plan_aggregate, plan_hash_join, plan_primary_key, plan_schemaless, validate,
};
use gluesql_core::store::Planner;
use serde::{Deserialize, Serialize};

use crate::explain::{RejectedCandidate, SeekTerm};
use crate::storage::access::AccessSpec;
use crate::storage::index::SecondaryIndex;
use crate::storage::{SeekStorage, Table};
use columns::Names;
/// An expression as SQL text, for the plan's sort keys.
pub(crate) use conditions::render as render_expr;
use conditions::{analyze, conjuncts, Scope};
use model::split_choice;
pub use model::ModelKind;
pub(crate) use pg::stats::StatsCache;
use pushdown::{all_of, translatable};
use query::Query;
pub use query::{ScanNode, StandIn, Unsupported};

/// The conditions handed to the storage, as SQL text.
#[derive(Default)]
struct Pushed {
    scan: Vec<String>,
    entry: Vec<String>,
}

/// The planner's decision for one table source, for EXPLAIN.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct TableChoice {
    pub table: String,
    pub index: Option<String>,
    /// "full scan", "index seek", "index scan", "covering index seek", …
    pub access: String,
    /// The model that chose this access.
    #[serde(default)]
    pub model: ModelKind,
    /// The access as PostgreSQL names it.
    pub node: ScanNode,
    /// Every index the access reads (both sides of a BitmapAnd).
    #[serde(default)]
    pub indexes: Vec<String>,
    /// The model's cost before the first row.
    #[serde(default)]
    pub startup_cost: f64,
    /// The scan's own startup cost, total cost and rows, before any Sort
    /// or LIMIT above it (PostgreSQL's model).
    #[serde(default)]
    pub scan_estimate: Option<[f64; 3]>,
    pub seek_key: Option<String>,
    /// The seek's key columns and their bounds, as facts.
    #[serde(default)]
    pub seek: Vec<SeekTerm>,
    pub index_conditions: Vec<String>,
    /// Conditions the storage checks on each encoded row it reads, before
    /// decoding it (see `storage::filter`).
    pub scan_filter: Vec<String>,
    /// Conditions checked on each index entry before its row is looked up.
    pub entry_filter: Vec<String>,
    pub filter: Vec<String>,
    pub sort_needed: bool,
    pub early_stop: bool,
    pub est_rows: f64,
    pub cost: f64,
    pub rejected: Vec<RejectedCandidate>,
    /// The path the model chose, when the storage runs another in its
    /// place (see `StandIn`).
    #[serde(default)]
    pub stand_in: Option<StandIn>,
}

impl Planner for SeekStorage {
    fn plan(&self, statement: StatementPlan) -> Result<StatementPlan> {
        let schema_map = fetch_schema_map(self, &statement)?;
        validate(&schema_map, &statement)?;
        let names = Names::of(&statement);
        names.check(&schema_map)?;
        let statement = plan_schemaless(&schema_map, statement)?;
        // PostgreSQL weighs its primary key against every other path (a
        // table of one page is read whole): under its model the WHERE
        // clause keeps `id = …`, the model decides, and the storage seeks
        // the key itself when it chooses so.
        let statement = match self.model.get() {
            ModelKind::Postgres => statement,
            _ => plan_primary_key(&schema_map, statement),
        };
        let statement = plan_hash_join(&schema_map, statement);
        let statement = plan_aggregate(statement);
        self.choices.borrow_mut().clear();
        Ok(match statement {
            StatementPlan::Query(query) => {
                let needed = names.needed();
                let pass = Pass {
                    storage: self,
                    needed: needed.as_ref(),
                };
                StatementPlan::Query(pass.query(query))
            }
            other => other,
        })
    }
}

fn limit_count(expr: &ExprPlan) -> Option<u64> {
    match expr {
        ExprPlan::Literal(Literal::Number(n)) => n.to_string().parse().ok(),
        ExprPlan::Value(Value::I64(n)) => u64::try_from(*n).ok(),
        ExprPlan::Value(value) => String::from(value.clone()).parse().ok(),
        _ => None,
    }
}

/// A projection whose ORDER BY may have been satisfied by the index.
enum Ordered {
    Project(ProjectPlan),
    Sorted(SelectOrderByPlan),
}

struct Pass<'a> {
    storage: &'a SeekStorage,
    needed: Option<&'a BTreeSet<String>>,
}

impl Pass<'_> {
    fn query(&self, query: QueryPlan) -> QueryPlan {
        match query {
            QueryPlan::Project(p) => QueryPlan::Project(self.project(p, &[], None).0),
            QueryPlan::SelectOrderBy(s) => match self.ordered(s, None) {
                Ordered::Project(p) => QueryPlan::Project(p),
                Ordered::Sorted(s) => QueryPlan::SelectOrderBy(s),
            },
            QueryPlan::Distinct(d) => QueryPlan::Distinct(self.distinct(d)),
            QueryPlan::Offset(OffsetPlan { input, count }) => QueryPlan::Offset(OffsetPlan {
                input: self.offset_input(input, None),
                count,
            }),
            QueryPlan::Limit(LimitPlan { input, count }) => {
                let limit = limit_count(&count);
                let input = match input {
                    LimitInputPlan::Project(p) => {
                        LimitInputPlan::Project(self.project(p, &[], limit).0)
                    }
                    LimitInputPlan::SelectOrderBy(s) => match self.ordered(s, limit) {
                        Ordered::Project(p) => LimitInputPlan::Project(p),
                        Ordered::Sorted(s) => LimitInputPlan::SelectOrderBy(s),
                    },
                    LimitInputPlan::Distinct(d) => LimitInputPlan::Distinct(self.distinct(d)),
                    LimitInputPlan::Offset(OffsetPlan { input, count }) => {
                        let pulled = limit
                            .zip(limit_count(&count))
                            .map(|(l, o)| l.saturating_add(o));
                        LimitInputPlan::Offset(OffsetPlan {
                            input: self.offset_input(input, pulled),
                            count,
                        })
                    }
                    other => other,
                };
                QueryPlan::Limit(LimitPlan { input, count })
            }
            other => other,
        }
    }

    fn offset_input(&self, input: OffsetInputPlan, pulled: Option<u64>) -> OffsetInputPlan {
        match input {
            OffsetInputPlan::Project(p) => OffsetInputPlan::Project(self.project(p, &[], pulled).0),
            OffsetInputPlan::SelectOrderBy(s) => match self.ordered(s, pulled) {
                Ordered::Project(p) => OffsetInputPlan::Project(p),
                Ordered::Sorted(s) => OffsetInputPlan::SelectOrderBy(s),
            },
            OffsetInputPlan::Distinct(d) => OffsetInputPlan::Distinct(self.distinct(d)),
            other => other,
        }
    }

    fn distinct(&self, DistinctPlan { input }: DistinctPlan) -> DistinctPlan {
        let input = match input {
            DistinctInputPlan::Project(p) => {
                DistinctInputPlan::Project(self.project(p, &[], None).0)
            }
            DistinctInputPlan::SelectOrderBy(s) => match self.ordered(s, None) {
                Ordered::Project(p) => DistinctInputPlan::Project(p),
                Ordered::Sorted(s) => DistinctInputPlan::SelectOrderBy(s),
            },
        };
        DistinctPlan { input }
    }

    fn ordered(
        &self,
        SelectOrderByPlan { input, exprs }: SelectOrderByPlan,
        limit: Option<u64>,
    ) -> Ordered {
        let (project, sorted) = self.project(input, &exprs, limit);
        if sorted {
            Ordered::Project(project)
        } else {
            Ordered::Sorted(SelectOrderByPlan {
                input: project,
                exprs,
            })
        }
    }

    /// Plans the projection's table source; true when the index order makes
    /// the ORDER BY's sort unnecessary.
    fn project(
        &self,
        mut project: ProjectPlan,
        order: &[OrderByExprPlan],
        limit: Option<u64>,
    ) -> (ProjectPlan, bool) {
        let sorted = match &mut project.input {
            ProjectInputPlan::Source(SourcePlan::Table(table)) => {
                self.table(table, None, order, limit)
            }
            ProjectInputPlan::Filter(FilterPlan {
                input: FilterInputPlan::Source(SourcePlan::Table(table)),
                expr,
            }) => self.table(table, Some(expr), order, limit),
            // Grouping reads every matching row and sorts afterwards: only
            // the access path can improve.
            ProjectInputPlan::Aggregation(aggregation) => {
                self.aggregation_input(&mut aggregation.input);
                false
            }
            ProjectInputPlan::Having(having) => {
                self.aggregation_input(&mut having.input.input);
                false
            }
            // Joins keep GlueSQL's plan (full scans, hash joins).
            _ => false,
        };
        (project, sorted)
    }

    fn aggregation_input(&self, input: &mut AggregationInputPlan) {
        match input {
            AggregationInputPlan::Source(SourcePlan::Table(table)) => {
                self.table(table, None, &[], None);
            }
            AggregationInputPlan::Filter(FilterPlan {
                input: FilterInputPlan::Source(SourcePlan::Table(table)),
                expr,
            }) => {
                self.table(table, Some(expr), &[], None);
            }
            _ => {}
        }
    }

    /// Hands what the chosen access leaves of the WHERE clause to the
    /// storage: conditions on the index's own columns are checked on each
    /// entry before its row is looked up, the rest on each encoded row
    /// before it is decoded (a full scan becomes a filtered table scan). A
    /// covering read has no table row to check: what its entries cannot
    /// answer stays with GlueSQL.
    fn pushdown(
        &self,
        scope: &Scope,
        spec: Option<AccessSpec>,
        index: Option<&SecondaryIndex>,
        left: &[&ExprPlan],
    ) -> (Option<AccessSpec>, Pushed) {
        let mut pushed = Pushed::default();
        if self.storage.no_pushdown.get() {
            return (spec, pushed);
        }
        let covering = spec.as_ref().is_some_and(|s| s.covering);
        let (mut on_entry, mut on_row) = (Vec::new(), Vec::new());
        for (test, text) in translatable(scope, left) {
            let mut columns = Vec::new();
            test.columns(&mut columns);
            let in_index = index.is_some_and(|i| {
                columns
                    .iter()
                    .all(|c| i.key_columns.contains(c) || i.include_columns.contains(c))
            });
            if in_index {
                on_entry.push(test);
                pushed.entry.push(text);
            } else if !covering {
                on_row.push(test);
                pushed.scan.push(text);
            }
        }
        let spec = match (spec, all_of(on_row)) {
            (None, None) => None,
            (None, Some(row)) => Some(AccessSpec::table_scan(Some(row), None)),
            (Some(mut spec), row) => {
                spec.filter = row;
                spec.entry_filter = all_of(on_entry);
                Some(spec)
            }
        };
        (spec, pushed)
    }

    /// Rows read from the table decode only the columns the statement
    /// names (and the primary key): `COUNT(*)` over a filter decodes one
    /// cell a row instead of nine. A full scan becomes a table scan for it.
    fn narrow_decoding(&self, spec: &mut Option<AccessSpec>, table: &Table) {
        let (Some(needed), false) = (self.needed, self.storage.no_pushdown.get()) else {
            return;
        };
        let names = table.column_names();
        let columns: Vec<usize> = (0..names.len())
            .filter(|&i| needed.contains(names[i]) || table.primary_key == Some(i))
            .collect();
        if columns.len() == names.len() {
            return;
        }
        match spec {
            Some(spec) if spec.covering => {}
            Some(spec) => spec.columns = Some(columns),
            None => *spec = Some(AccessSpec::table_scan(None, Some(columns))),
        }
    }

    /// GlueSQL reads `id = …` through the primary key itself: recorded as
    /// the primary key's Index Scan, priced as the model prices that path.
    fn record_primary_key_lookup(
        &self,
        table: &str,
        kind: ModelKind,
        candidates: &[model::Named],
        conjuncts: &[conditions::Conjunct],
    ) {
        let pkey = format!("{table}_pkey");
        let priced = candidates
            .iter()
            .filter_map(|(_, c)| c.as_ref().ok())
            .find(|c| c.indexes.first() == Some(&pkey));
        self.storage.choices.borrow_mut().push(TableChoice {
            table: table.to_owned(),
            index: None,
            access: "primary key lookup".to_owned(),
            model: kind,
            node: ScanNode::IndexScan,
            indexes: vec![pkey],
            startup_cost: priced.map_or(0.0, |c| c.startup),
            scan_estimate: priced.and_then(|c| c.scan),
            stand_in: None,
            seek_key: None,
            seek: Vec::new(),
            index_conditions: conjuncts.iter().map(|c| c.text.clone()).collect(),
            scan_filter: Vec::new(),
            entry_filter: Vec::new(),
            filter: Vec::new(),
            sort_needed: false,
            early_stop: false,
            est_rows: priced.map_or(1.0, |c| c.est_rows),
            cost: priced.map_or(0.0, |c| c.cost),
            rejected: Vec::new(),
        });
    }

    /// Chooses the access path of one table; true if it supplies the order.
    fn table(
        &self,
        source: &mut TableSourcePlan,
        filter: Option<&ExprPlan>,
        order_by: &[OrderByExprPlan],
        limit: Option<u64>,
    ) -> bool {
        let kind = self.storage.model.get();
        let primary_key_lookup = matches!(source.access, TableAccessPlan::PrimaryKey { .. });
        if !matches!(source.access, TableAccessPlan::FullScan) && !primary_key_lookup {
            return false;
        }
        let Some(table) = self.storage.table(&source.name) else {
            return false;
        };
        let alias = source
            .alias
            .as_ref()
            .map_or(source.name.as_str(), |a| a.name.as_str());
        let scope = Scope {
            schema: &table.schema,
            alias,
        };
        let raw: Vec<&ExprPlan> = filter.map(conjuncts).unwrap_or_default();
        let conjuncts: Vec<_> = raw.iter().map(|c| analyze(&scope, c)).collect();
        let order = order_by
            .iter()
            .map(|o| Some((scope.column(&o.expr)?, o.asc.unwrap_or(true))))
            .collect::<Option<Vec<_>>>();
        let query = Query {
            rows: table.row_count() as f64,
            column_names: table.column_names(),
            primary_key: table.primary_key,
            conjuncts: &conjuncts,
            exprs: &raw,
            scope: &scope,
            order,
            limit,
            needed: self.needed,
        };
        let model = model::model(kind, self.storage);
        let candidates = model.candidates(table, &query, &self.storage.visible.borrow());
        if primary_key_lookup {
            self.record_primary_key_lookup(&source.name, kind, &candidates, &conjuncts);
            return false;
        }
        let best = model.choose(&candidates);
        let (chosen_name, chosen, rejected) = split_choice(candidates, best);
        let left: Vec<&ExprPlan> = raw
            .iter()
            .enumerate()
            .filter(|(i, _)| !chosen.applied.contains(i))
            .map(|(_, c)| *c)
            .collect();
        // Conditions go to index entries only on a read of one secondary
        // index; a bitmap or primary-key read checks them on the rows.
        let reads_one_index = matches!(chosen.node, ScanNode::IndexScan | ScanNode::IndexOnlyScan);
        let index = chosen_name
            .as_ref()
            .filter(|_| reads_one_index)
            .and_then(|n| table.indexes.get(n));
        let (mut spec, pushed) = self.pushdown(&scope, chosen.spec.clone(), index, &left);
        // Column aliases (`t AS x(a, b)`) rename what the statement names.
        if source.alias.as_ref().is_none_or(|a| a.columns.is_empty()) {
            self.narrow_decoding(&mut spec, table);
        }
        let pushed_text: Vec<&String> = pushed.scan.iter().chain(&pushed.entry).collect();
        let (index_conditions, filter) = conjuncts.iter().enumerate().fold(
            (Vec::new(), Vec::new()),
            |(mut applied, mut left), (i, c)| {
                if chosen.applied.contains(&i) {
                    applied.push(c.text.clone());
                } else if !pushed_text.contains(&&c.text) {
                    left.push(c.text.clone());
                }
                (applied, left)
            },
        );
        self.storage.choices.borrow_mut().push(TableChoice {
            table: source.name.clone(),
            index: chosen_name,
            access: chosen.access.to_owned(),
            model: kind,
            node: chosen.node,
            indexes: chosen.indexes.clone(),
            startup_cost: chosen.startup,
            scan_estimate: chosen.scan,
            seek_key: chosen.seek_key.clone(),
            seek: chosen.seek.clone(),
            index_conditions,
            scan_filter: pushed.scan,
            entry_filter: pushed.entry,
            filter,
            sort_needed: !chosen.sorted,
            early_stop: chosen.early_stop,
            est_rows: chosen.est_rows,
            cost: chosen.cost,
            rejected,
            stand_in: chosen.stand_in.clone(),
        });
        if let Some(spec) = &spec {
            source.access = TableAccessPlan::Index {
                name: spec.encode(),
                asc: None,
                predicate: None,
            };
        }
        chosen.sorted && !order_by.is_empty()
    }
}
