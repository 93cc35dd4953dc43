//! What PostgreSQL would know of a table: its statistics as ANALYZE
//! gathers them and the size of its heap and of each btree index, computed
//! from the stored rows once and kept until autovacuum would analyze again
//! (more rows written than `autovacuum_analyze_threshold` 50 plus
//! `autovacuum_analyze_scale_factor` 0.1 of the table), or until an index
//! is created or dropped.
use std::collections::BTreeMap;
use std::rc::Rc;

use gluesql_core::data::Value;

use crate::catalog::builtin_indexes;
use crate::dump::is_json_column;
use crate::pg15::costsize::BtreeIndex;
use crate::pg15::layout::{self, BtreeDef};
use crate::pg15::{analyze, Indexed, PgType, TableStats};
use crate::storage::Table;

/// Up to this many rows a table's statistics and sizes are computed from
/// every row; above it, from every k-th row, scaled up.
const EXACT_ROWS: usize = 200_000;
const ANALYZE_THRESHOLD: f64 = 50.0;
const ANALYZE_SCALE_FACTOR: f64 = 0.1;

/// One table as PostgreSQL's planner sees it.
#[derive(Debug)]
pub(crate) struct PgTable {
    pub(crate) stats: TableStats,
    /// The primary key's index (`<table>_pkey`), when the table has one.
    pub(crate) pkey: Option<BtreeIndex>,
    /// Each secondary index by name, newest first: the order of
    /// PostgreSQL's `rel->indexlist` (`get_relation_info` prepends each
    /// index of the OID-ordered list), which decides between equal paths.
    pub(crate) indexes: Vec<(String, BtreeIndex)>,
    rows_at_analyze: usize,
    writes_at_analyze: u64,
    index_names: Vec<String>,
}

impl PgTable {
    /// Whether autovacuum would have analyzed the table again by now, or
    /// its indexes changed.
    fn is_stale(&self, table: &Table) -> bool {
        let written = table.writes.saturating_sub(self.writes_at_analyze) as f64;
        let threshold = ANALYZE_THRESHOLD + ANALYZE_SCALE_FACTOR * self.rows_at_analyze as f64;
        written > threshold || self.index_names != creation_order(table)
    }
}

/// Statistics kept per table between statements.
#[derive(Debug, Default)]
pub struct StatsCache {
    tables: std::cell::RefCell<BTreeMap<String, Rc<PgTable>>>,
    /// Keep statistics as they are (the user analyzes by hand).
    pub(crate) frozen: std::cell::Cell<bool>,
}

impl StatsCache {
    /// The table's statistics, analyzed now if there are none or
    /// autovacuum would have refreshed them.
    pub(crate) fn get(&self, name: &str, table: &Table) -> Rc<PgTable> {
        if let Some(known) = self.tables.borrow().get(name) {
            if self.frozen.get() || !known.is_stale(table) {
                return known.clone();
            }
        }
        let fresh = Rc::new(analyze_table(name, table));
        self.tables
            .borrow_mut()
            .insert(name.to_owned(), fresh.clone());
        fresh
    }

    /// ANALYZE: every table's statistics are read again when next planned.
    pub(crate) fn clear(&self) {
        self.tables.borrow_mut().clear();
    }
}

/// Secondary indexes in the order PostgreSQL would have created them: the
/// built-in ones in catalog order, then the rest by name.
fn creation_order(table: &Table) -> Vec<String> {
    let builtin: Vec<String> = builtin_indexes().into_iter().map(|d| d.name).collect();
    let mut names: Vec<String> = table.indexes.keys().cloned().collect();
    names.sort_by_key(|n| {
        (
            builtin.iter().position(|b| b == n).unwrap_or(usize::MAX),
            n.clone(),
        )
    });
    names
}

fn column_types(name: &str, table: &Table) -> Vec<PgType> {
    table
        .schema
        .column_defs
        .iter()
        .flatten()
        .map(|c| PgType::from_gluesql(&c.data_type, is_json_column(name, &c.name)))
        .collect()
}

fn analyze_table(name: &str, table: &Table) -> PgTable {
    let total = table.row_count();
    let every = total.div_ceil(EXACT_ROWS).max(1);
    let rows: Vec<Vec<Value>> = table.decoded_rows(every).unwrap_or_default();
    let scale = if rows.is_empty() {
        1.0
    } else {
        total as f64 / rows.len() as f64
    };
    let types = column_types(name, table);
    let mut stats = analyze(&rows, &types);
    stats.reltuples = total as f64;
    stats.relpages = (stats.relpages * scale).ceil();
    let shape = |def: &BtreeDef| {
        let mut shape = layout::btree(&types, &rows, def);
        if every > 1 {
            shape.leaf_pages = (shape.leaf_pages as f64 * scale).ceil() as u64;
            shape.pages = (shape.pages as f64 * scale).ceil() as u64;
            shape.tuples = total as u64;
        }
        shape
    };
    let pkey = table.primary_key.map(|pk| {
        let def = BtreeDef {
            key_columns: vec![pk],
            include_columns: Vec::new(),
            unique: true,
        };
        BtreeIndex {
            key_columns: vec![pk],
            unique: true,
            shape: shape(&def),
        }
    });
    let names = creation_order(table);
    let indexes = names
        .iter()
        .rev()
        .filter_map(|n| table.indexes.get(n).map(|i| (n, i)))
        .map(|(n, index)| {
            let def = BtreeDef {
                key_columns: index.key_columns.clone(),
                include_columns: index.include_columns.clone(),
                unique: false,
            };
            let btree = BtreeIndex {
                key_columns: index.key_columns.clone(),
                unique: false,
                shape: shape(&def),
            };
            (n.clone(), btree)
        })
        .collect::<Vec<_>>();
    mark_indexed(&mut stats, pkey.as_ref(), &indexes);
    PgTable {
        stats,
        pkey,
        indexes,
        rows_at_analyze: total,
        writes_at_analyze: table.writes,
        index_names: names,
    }
}

/// The catalog facts the estimators read: which columns lead a btree (the
/// true min and max come from it) and which are unique.
fn mark_indexed(
    stats: &mut TableStats,
    pkey: Option<&BtreeIndex>,
    indexes: &[(String, BtreeIndex)],
) {
    for (_, index) in indexes {
        let first = index.key_columns[0];
        if stats.columns[first].indexed == Indexed::No {
            stats.columns[first].indexed = Indexed::Leading;
        }
    }
    if let Some(pk) = pkey {
        stats.columns[pk.key_columns[0]].indexed = Indexed::Unique;
    }
}
