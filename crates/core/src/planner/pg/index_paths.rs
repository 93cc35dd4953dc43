//! Index and index-only scans, as `build_index_paths` makes them: for the
//! primary key and each visible index, the restriction clauses that match
//! any of its key columns become index conditions, and a path is built when
//! there is one, or when the index gives the ORDER BY, or when it holds
//! every column the query reads (an index-only scan of the whole index).
use super::super::conditions::Condition;
use super::super::query::{Candidate, ScanNode};
use super::{Base, Rel};
use crate::catalog::IndexSet;
use crate::pg15::costsize::{self, BtreeIndex, IndexClause};
use crate::pg15::selectivity::Clause;
use crate::storage::access::AccessSpec;
use crate::storage::index::SecondaryIndex;

pub(super) fn all(rel: &Rel, visible: &IndexSet) -> Vec<Base> {
    // Newest index first, the primary key (created with the table) last.
    let mut out = Vec::new();
    for (name, btree) in &rel.pg.indexes {
        let Some(index) = rel.table.indexes.get(name) else {
            continue;
        };
        if visible.contains(name) {
            out.extend(secondary(rel, index, btree));
        }
    }
    if let Some(pkey) = &rel.pg.pkey {
        out.extend(primary_key(rel, pkey));
    }
    out
}

/// The restriction clauses an index can use, by key column position, and
/// the positions (in the WHERE clause) of the conjuncts they come from.
pub(super) fn index_clauses(rel: &Rel, key_columns: &[usize]) -> (Vec<IndexClause>, Vec<usize>) {
    let mut clauses = Vec::new();
    let mut used = Vec::new();
    for (position, &column) in key_columns.iter().enumerate() {
        for (i, clause) in rel.quals.iter().enumerate() {
            if indexable_on(clause) == Some(column) {
                clauses.push(IndexClause {
                    index_column: position,
                    clause: clause.clone(),
                });
                used.push(i);
            }
        }
    }
    (clauses, used)
}

/// The column a btree can search for this clause.
pub(super) fn indexable_on(clause: &Clause) -> Option<usize> {
    match clause {
        Clause::Eq { column, .. }
        | Clause::In { column, .. }
        | Clause::Range { column, .. }
        | Clause::IsNull(column)
        | Clause::IsNotNull(column) => Some(*column),
        _ => None,
    }
}

/// The clauses left for the scan's Filter.
fn filter(rel: &Rel, used: &[usize]) -> Vec<Clause> {
    rel.quals
        .iter()
        .enumerate()
        .filter(|(i, _)| !used.contains(i))
        .map(|(_, c)| c.clone())
        .collect()
}

/// Every column the query reads is in the index (key or INCLUDE).
fn index_only(rel: &Rel, held: &[usize]) -> bool {
    let Some(needed) = rel.query.needed else {
        return false;
    };
    let names = &rel.query.column_names;
    needed
        .iter()
        .all(|n| held.iter().any(|&c| names[c] == n.as_str()))
}

fn priced(
    rel: &Rel,
    btree: &BtreeIndex,
    clauses: &[IndexClause],
    used: &[usize],
    ios: bool,
) -> crate::pg15::PathCost {
    let filter = filter(rel, used);
    let pages = rel.total_table_pages();
    let cost = if ios {
        costsize::index_only_scan(
            rel.s, &rel.stats, btree, clauses, &rel.quals, &filter, pages,
        )
    } else {
        costsize::index_scan(
            rel.s, &rel.stats, btree, clauses, &rel.quals, &filter, pages,
        )
    };
    cost.path
}

fn secondary(rel: &Rel, index: &SecondaryIndex, btree: &BtreeIndex) -> Option<Base> {
    let (clauses, used) = index_clauses(rel, &index.key_columns);
    let path = rel.query.seek_path(index, usize::MAX);
    let key_order: Vec<(usize, bool)> = index
        .key_columns
        .iter()
        .zip(&index.def.keys)
        .map(|(&c, k)| (c, !k.desc))
        .collect();
    let presorted = presorted_keys(rel, &key_order);
    let full = rel.query.order.as_ref().map_or(0, Vec::len);
    let gives_order = rel.query.needs_sort() && presorted == full && full > 0;
    let partial = if rel.query.needs_sort() && !gives_order {
        presorted
    } else {
        0
    };
    let held: Vec<usize> = index
        .key_columns
        .iter()
        .chain(&index.include_columns)
        .copied()
        .collect();
    let ios = index_only(rel, &held);
    if clauses.is_empty() && !gives_order && !ios {
        return None;
    }
    let cost = priced(rel, btree, &clauses, &used, ios);
    let mut spec = path.spec;
    spec.covering = ios && spec.covering;
    let seeks = !path.seek.applied.is_empty();
    let access = match (ios, seeks) {
        (true, true) => "covering index seek",
        (true, false) => "covering index scan",
        (false, true) => "index seek",
        (false, false) => "index scan",
    };
    Some(Base {
        candidate: Candidate {
            spec: Some(spec),
            access,
            node: if ios {
                ScanNode::IndexOnlyScan
            } else {
                ScanNode::IndexScan
            },
            indexes: vec![index.def.name.clone()],
            seek_key: (!path.seek.parts.is_empty()).then(|| path.seek.parts.join(" AND ")),
            seek: path.seek.terms,
            applied: path.seek.applied,
            sorted: path.sorted,
            early_stop: path.sorted && rel.query.limit.is_some(),
            matches: None,
            est_rows: cost.rows,
            scan: None,
            stand_in: None,
            startup: cost.startup,
            cost: cost.total,
        },
        cost,
        pathkeys: if gives_order {
            rel.query_pathkeys()
        } else {
            Vec::new()
        },
        presorted: partial,
    })
}

/// How many leading ORDER BY keys reading the index (forwards or
/// backwards) gives, as PostgreSQL's pathkeys see it: the index's own key
/// columns only, columns fixed by an equality dropped from both sides.
fn presorted_keys(rel: &Rel, key_order: &[(usize, bool)]) -> usize {
    let Some(order) = rel.query.order.as_ref() else {
        return 0;
    };
    let fixed: Vec<usize> = rel
        .quals
        .iter()
        .filter_map(|c| match c {
            Clause::Eq { column, .. } => Some(*column),
            _ => None,
        })
        .collect();
    let mut index = key_order.iter().filter(|(c, _)| !fixed.contains(c));
    let mut flipped = None;
    let mut count = 0;
    for (column, asc) in order {
        if fixed.contains(column) {
            count += 1;
            continue;
        }
        let Some((index_column, index_asc)) = index.next() else {
            break;
        };
        let flip = asc != index_asc;
        if index_column != column || *flipped.get_or_insert(flip) != flip {
            break;
        }
        count += 1;
    }
    count
}

/// Whether reading the table in primary-key order gives the ORDER BY
/// (forwards: `Some(false)`, backwards: `Some(true)`).
fn primary_key_order(rel: &Rel, pk: usize) -> Option<bool> {
    match rel.query.order.as_deref()? {
        [(column, asc)] if *column == pk => Some(!asc),
        _ => None,
    }
}

fn primary_key(rel: &Rel, btree: &BtreeIndex) -> Option<Base> {
    let pk = btree.key_columns[0];
    let (clauses, used) = index_clauses(rel, &btree.key_columns);
    let order = primary_key_order(rel, pk).filter(|_| rel.query.needs_sort());
    let ios = index_only(rel, &[pk]);
    if clauses.is_empty() && order.is_none() && !ios {
        return None;
    }
    let reverse = order.unwrap_or(false);
    let (spec, applied) = primary_key_spec(rel, pk, reverse);
    let cost = priced(rel, btree, &clauses, &used, ios);
    let name = format!("{}_pkey", rel.name);
    let seeks = !applied.is_empty();
    Some(Base {
        candidate: Candidate {
            spec: Some(spec),
            access: if seeks {
                "primary key seek"
            } else {
                "primary key scan"
            },
            node: if ios {
                ScanNode::IndexOnlyScan
            } else {
                ScanNode::IndexScan
            },
            indexes: vec![name],
            seek_key: None,
            seek: Vec::new(),
            applied,
            sorted: order.is_some() || !rel.query.needs_sort(),
            early_stop: order.is_some() && rel.query.limit.is_some(),
            matches: None,
            est_rows: cost.rows,
            scan: None,
            stand_in: None,
            startup: cost.startup,
            cost: cost.total,
        },
        cost,
        pathkeys: if order.is_some() {
            rel.query_pathkeys()
        } else {
            Vec::new()
        },
        presorted: 0,
    })
}

/// The storage's read of the primary key: one equality or IN list, else
/// the bounds of the range conjuncts, else the whole table in key order.
fn primary_key_spec(rel: &Rel, pk: usize, reverse: bool) -> (AccessSpec, Vec<usize>) {
    let conjuncts = rel.query.conjuncts;
    let on_pk = |i: usize| conjuncts[i].usable.as_ref().filter(|(c, _)| *c == pk);
    let eq = (0..conjuncts.len()).find_map(|i| match on_pk(i) {
        Some((_, Condition::Eq(values))) if !values.iter().any(|v| v.is_null()) => {
            Some((i, values.clone()))
        }
        _ => None,
    });
    if let Some((i, values)) = eq {
        return (
            AccessSpec::primary_key_in(values, reverse, None, None),
            vec![i],
        );
    }
    let (mut lower, mut upper, mut applied) = (None, None, Vec::new());
    for i in 0..conjuncts.len() {
        if let Some((_, Condition::Range { lower: l, upper: u })) = on_pk(i) {
            let mut used = false;
            if lower.is_none() && l.is_some() {
                lower = l.clone();
                used = true;
            }
            if upper.is_none() && u.is_some() {
                upper = u.clone();
                used = true;
            }
            if used {
                applied.push(i);
            }
        }
    }
    (
        AccessSpec::primary_key_range(lower, upper, reverse, None, None),
        applied,
    )
}
