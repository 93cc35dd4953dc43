//! The share of rows each WHERE condition keeps, counted in an index led by
//! its column. Statistics describe the data, not the access paths a query
//! may take, so any index of the table serves, visible to the query or not
//! (as a column histogram would).
use super::conditions::{Condition, Conjunct};
use super::query::MAX_COUNTED_SPANS;
use crate::storage::access::AccessSpec;
use crate::storage::Table;

/// One entry per conjunct; `None` where no index counts it.
pub(crate) fn counted(table: &Table, conjuncts: &[Conjunct]) -> Vec<Option<f64>> {
    let rows = table.row_count() as f64;
    conjuncts
        .iter()
        .map(|conjunct| {
            let (column, condition) = conjunct.usable.as_ref()?;
            let index = table
                .indexes
                .values()
                .find(|i| i.key_columns.first() == Some(column))?;
            let (eq, lower, upper) = match condition {
                Condition::Eq(values) => (vec![values.clone()], None, None),
                Condition::Range { lower, upper } => (Vec::new(), lower.clone(), upper.clone()),
            };
            let spec = AccessSpec {
                index: index.def.name.clone(),
                eq,
                lower,
                upper,
                ..AccessSpec::scan("", false)
            };
            let count = index.count(&spec, MAX_COUNTED_SPANS).ok()??;
            (rows > 0.0).then(|| count as f64 / rows)
        })
        .collect()
}
