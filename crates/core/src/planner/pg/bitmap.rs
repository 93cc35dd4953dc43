//! Bitmap heap scans, as `create_index_paths` and `choose_bitmap_and` make
//! them: a Bitmap Index Scan for every visible index with index
//! conditions, a BitmapOr for an OR whose every arm some index can search,
//! and the cheapest AND-group of those under one Bitmap Heap Scan.
use gluesql_core::data::Value;

use super::super::query::ScanNode;
use super::index_paths::{index_clauses, indexable_on};
use super::{Base, Rel};
use crate::catalog::IndexSet;
use crate::pg15::costsize::{self, BitmapNode, BtreeIndex, IndexClause};
use crate::pg15::paths::{choose_bitmap_and, BitmapCandidate};
use crate::pg15::selectivity::Clause;
use crate::storage::access::{AccessSpec, BitmapSource, IndexRange, RangeBound};

/// One input of the AND-group: its estimate, the WHERE conjuncts it
/// answers and what the storage reads for it.
struct Input {
    node: BitmapNode,
    clause_ids: Vec<usize>,
    source: BitmapSource,
}

pub(super) fn paths(rel: &Rel, visible: &IndexSet) -> Option<Base> {
    let indexes: Vec<(&String, &BtreeIndex)> = rel
        .pg
        .indexes
        .iter()
        .filter(|(n, _)| visible.contains(n) && rel.table.indexes.contains_key(n.as_str()))
        .map(|(n, b)| (n, b))
        .collect();
    let mut inputs: Vec<Input> = Vec::new();
    for (name, btree) in &indexes {
        let (clauses, used) = index_clauses(rel, &btree.key_columns);
        if clauses.is_empty() {
            continue;
        }
        let index = &rel.table.indexes[name.as_str()];
        let path = rel.query.seek_path(index, usize::MAX);
        let range = IndexRange::new(name, path.spec.eq, path.spec.lower, path.spec.upper);
        inputs.push(Input {
            node: costsize::bitmap_index_scan(
                rel.s,
                &rel.stats,
                btree,
                &clauses,
                &rel.quals,
                rel.total_table_pages(),
            ),
            clause_ids: used,
            source: BitmapSource::Index(range),
        });
    }
    for (i, clause) in rel.quals.iter().enumerate() {
        if let Clause::Or(arms) = clause {
            inputs.extend(or_input(rel, &indexes, i, arms));
        }
    }
    if inputs.is_empty() {
        return None;
    }
    let offered: Vec<BitmapCandidate> = inputs
        .iter()
        .map(|i| BitmapCandidate {
            node: i.node,
            clause_ids: i.clause_ids.clone(),
        })
        .collect();
    let group = choose_bitmap_and(rel.s, &rel.stats, &rel.quals, &offered);
    if group.is_empty() {
        return None;
    }
    let (node, source) = if group.len() == 1 {
        let only = &inputs[group[0]];
        (only.node, only.source.clone())
    } else {
        let nodes: Vec<BitmapNode> = group.iter().map(|&g| inputs[g].node).collect();
        let sources = group.iter().map(|&g| inputs[g].source.clone()).collect();
        (
            costsize::bitmap_and(rel.s, &rel.stats, &nodes),
            BitmapSource::And(sources),
        )
    };
    let cost = costsize::bitmap_heap_scan(rel.s, &rel.stats, &node, &rel.quals);
    let indexes: Vec<String> = source.indexes().into_iter().map(str::to_owned).collect();
    let spec = Some(AccessSpec::bitmap(source, None, None));
    let what = (spec, "bitmap heap scan", ScanNode::BitmapHeapScan);
    Some(Base::unordered(rel, what, indexes, cost))
}

/// A BitmapOr over the arms of `WHERE … (a OR b)`, each arm searched in
/// the cheapest index led by its column; none when an arm has no index.
fn or_input(
    rel: &Rel,
    indexes: &[(&String, &BtreeIndex)],
    at: usize,
    arms: &[Clause],
) -> Option<Input> {
    let mut nodes = Vec::new();
    let mut sources = Vec::new();
    for arm in arms {
        let column = indexable_on(arm)?;
        let (node, name) = indexes
            .iter()
            .filter(|(_, b)| b.key_columns[0] == column)
            .map(|(n, b)| {
                let clauses = [IndexClause {
                    index_column: 0,
                    clause: arm.clone(),
                }];
                let arm_quals = [arm.clone()];
                let node = costsize::bitmap_index_scan(
                    rel.s,
                    &rel.stats,
                    b,
                    &clauses,
                    &arm_quals,
                    rel.total_table_pages(),
                );
                (node, *n)
            })
            .min_by(|a, b| a.0.tree_cost.total_cmp(&b.0.tree_cost))?;
        nodes.push(node);
        sources.push(BitmapSource::Index(arm_range(name, arm)?));
    }
    Some(Input {
        node: costsize::bitmap_or(rel.s, &rel.stats, &nodes),
        clause_ids: vec![at],
        source: BitmapSource::Or(sources),
    })
}

/// An arm's condition as a range of the index led by its column.
fn arm_range(index: &str, arm: &Clause) -> Option<IndexRange> {
    let bound = |b: &Option<crate::pg15::selectivity::Bound>| {
        b.as_ref().map(|b| RangeBound {
            value: b.value.clone(),
            inclusive: b.inclusive,
        })
    };
    Some(match arm {
        Clause::Eq { value, .. } => IndexRange::new(index, vec![vec![value.clone()]], None, None),
        Clause::In { values, .. } => IndexRange::new(index, vec![values.clone()], None, None),
        Clause::IsNull(_) => IndexRange::new(index, vec![vec![Value::Null]], None, None),
        Clause::Range { lower, upper, .. } => {
            IndexRange::new(index, Vec::new(), bound(lower), bound(upper))
        }
        _ => return None,
    })
}
