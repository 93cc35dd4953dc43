//! How the planner tells the storage what to read. GlueSQL hands an index
//! scan only a name, so the full access spec travels as JSON in that name.
use gluesql_core::data::Value;
use serde::{Deserialize, Serialize};

use super::filter::CellPredicate;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RangeBound {
    pub value: Value,
    pub inclusive: bool,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct AccessSpec {
    pub index: String,
    /// Values of the leading key columns, one list per column; a list of
    /// several values (IN) means one seek per combination.
    pub eq: Vec<Vec<Value>>,
    /// Bounds on the key column after the equality prefix.
    pub lower: Option<RangeBound>,
    pub upper: Option<RangeBound>,
    /// Read the index backwards (every key direction flipped).
    pub reverse: bool,
    /// Build rows from key and INCLUDE values alone, without a table lookup.
    pub covering: bool,
    /// Read the table itself in key order, not an index (`index` is empty):
    /// a full scan that carries a filter.
    #[serde(default)]
    pub table_scan: bool,
    /// Checked on each encoded table row before it is decoded (a full
    /// scan's "filter in scan", or the rows an index seek looks up).
    #[serde(default)]
    pub filter: Option<CellPredicate>,
    /// Checked on each index entry's key and INCLUDE cells before its row
    /// is looked up ("index condition before lookup"); tests only columns
    /// the index holds.
    #[serde(default)]
    pub entry_filter: Option<CellPredicate>,
    /// The only columns the statement reads: a row read from the table
    /// decodes just these (and leaves the rest NULL); `None` decodes all.
    #[serde(default)]
    pub columns: Option<Vec<usize>>,
}

impl AccessSpec {
    /// A whole-index scan, as GlueSQL's own `Index { name, asc }` asks for.
    pub fn scan(index: &str, reverse: bool) -> Self {
        Self {
            index: index.to_owned(),
            eq: Vec::new(),
            lower: None,
            upper: None,
            reverse,
            covering: false,
            table_scan: false,
            filter: None,
            entry_filter: None,
            columns: None,
        }
    }

    /// A full scan of the table that checks `filter` on every row and
    /// decodes only `columns` of those that pass.
    pub fn table_scan(filter: Option<CellPredicate>, columns: Option<Vec<usize>>) -> Self {
        Self {
            table_scan: true,
            filter,
            columns,
            ..Self::scan("", false)
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("an access spec always serializes")
    }

    /// A spec from `encode`, or a bare index name.
    pub fn decode(name: &str, asc: Option<bool>) -> Result<Self, String> {
        if name.starts_with('{') {
            serde_json::from_str(name).map_err(|e| format!("bad index access {name}: {e}"))
        } else {
            Ok(Self::scan(name, asc == Some(false)))
        }
    }
}
