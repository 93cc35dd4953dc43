//! How the planner tells the storage what to read. GlueSQL hands an index
//! scan only a name, so the full access spec travels as JSON in that name.
//!
//! One spec describes one of four reads ([`AccessKind`], from
//! [`AccessSpec::kind`]); the fields each one reads:
//!
//! | kind | set by | reads | ignored / refused |
//! |---|---|---|---|
//! | `Index` | [`AccessSpec::scan`], struct update | `index`, `eq`, `lower`, `upper`, `reverse`, `covering`, `filter`, `entry_filter`, `columns` | — |
//! | `TableScan` | [`AccessSpec::table_scan`] | `table_scan`, `reverse`, `filter`, `columns` | `covering`, `entry_filter` refused |
//! | `PrimaryKeyRange` | [`AccessSpec::primary_key_range`], [`AccessSpec::primary_key_in`] | `table_scan`, `eq` (one list: primary-key values) or `lower`/`upper` (on the primary key), `reverse`, `filter`, `columns` | both `eq` and a bound, `covering`, `entry_filter` refused |
//! | `Bitmap` | [`AccessSpec::bitmap`] | `bitmap`, `filter`, `columns` | `index`, `eq`, bounds, `reverse`, `covering`, `entry_filter` refused |
//!
//! Rows come back in index order (`Index`, reversed with `reverse`), in
//! primary-key (row-key) order (`TableScan`, `PrimaryKeyRange`, both
//! reversed with `reverse`), or in row-key order with each row once
//! (`Bitmap`). Every kind pulls rows lazily except `Bitmap`, which gathers
//! its row keys from the index ranges first, as a Bitmap Index Scan does.
use gluesql_core::data::Value;
use serde::{Deserialize, Serialize};

use super::filter::CellPredicate;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RangeBound {
    pub value: Value,
    pub inclusive: bool,
}

impl RangeBound {
    pub fn inclusive(value: Value) -> Self {
        Self {
            value,
            inclusive: true,
        }
    }

    pub fn exclusive(value: Value) -> Self {
        Self {
            value,
            inclusive: false,
        }
    }
}

/// A seek's key description, borrowed from a spec or a bitmap leaf:
/// values of the leading key columns (one list per column; several values
/// mean one span per combination, a `NULL` value means IS NULL), then
/// bounds on the next key column (a `NULL` bound matches nothing).
#[derive(Clone, Copy, Debug)]
pub struct KeyRange<'a> {
    pub eq: &'a [Vec<Value>],
    pub lower: Option<&'a RangeBound>,
    pub upper: Option<&'a RangeBound>,
}

impl KeyRange<'_> {
    /// No equality prefix and no bound: every entry.
    pub fn is_whole(&self) -> bool {
        self.eq.is_empty() && self.lower.is_none() && self.upper.is_none()
    }
}

/// One index's ranges in a bitmap scan (PostgreSQL's Bitmap Index Scan):
/// the same seek an `Index` spec describes, without order or filters.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct IndexRange {
    pub index: String,
    #[serde(default)]
    pub eq: Vec<Vec<Value>>,
    #[serde(default)]
    pub lower: Option<RangeBound>,
    #[serde(default)]
    pub upper: Option<RangeBound>,
}

impl IndexRange {
    pub fn new(
        index: &str,
        eq: Vec<Vec<Value>>,
        lower: Option<RangeBound>,
        upper: Option<RangeBound>,
    ) -> Self {
        Self {
            index: index.to_owned(),
            eq,
            lower,
            upper,
        }
    }

    pub fn key_range(&self) -> KeyRange<'_> {
        KeyRange {
            eq: &self.eq,
            lower: self.lower.as_ref(),
            upper: self.upper.as_ref(),
        }
    }
}

/// Where a bitmap scan's row keys come from: index ranges, intersected
/// (PostgreSQL's BitmapAnd) or united (BitmapOr), nested freely.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum BitmapSource {
    Index(IndexRange),
    /// Row keys every part yields; at least one part.
    And(Vec<BitmapSource>),
    /// Row keys any part yields; at least one part.
    Or(Vec<BitmapSource>),
}

impl BitmapSource {
    /// Every index the tree reads, in tree order (an index read twice is
    /// named twice).
    pub fn indexes(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_indexes(&mut out);
        out
    }

    fn collect_indexes<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            BitmapSource::Index(range) => out.push(&range.index),
            BitmapSource::And(parts) | BitmapSource::Or(parts) => {
                parts.iter().for_each(|p| p.collect_indexes(out))
            }
        }
    }

    fn check(&self) -> Result<(), String> {
        match self {
            BitmapSource::Index(_) => Ok(()),
            BitmapSource::And(parts) | BitmapSource::Or(parts) if parts.is_empty() => {
                Err("a bitmap AND or OR needs at least one part".to_owned())
            }
            BitmapSource::And(parts) | BitmapSource::Or(parts) => {
                parts.iter().try_for_each(BitmapSource::check)
            }
        }
    }
}

/// Which read a spec asks for (see the table in the module's docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessKind {
    /// A seek or whole scan of a secondary index.
    Index,
    /// The whole table in primary-key order.
    TableScan,
    /// A seek or range on the table's own primary key (PostgreSQL's
    /// `<table>_pkey`).
    PrimaryKeyRange,
    /// Row keys from index ranges, AND-ed and OR-ed, rows fetched once each
    /// in row-key order.
    Bitmap,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct AccessSpec {
    pub index: String,
    /// Values of the leading key columns, one list per column; a list of
    /// several values (IN) means one seek per combination. On a primary-key
    /// read: one list, the primary-key values.
    pub eq: Vec<Vec<Value>>,
    /// Bounds on the key column after the equality prefix (on a
    /// primary-key read: on the primary key).
    pub lower: Option<RangeBound>,
    pub upper: Option<RangeBound>,
    /// Read the index backwards (every key direction flipped), or the
    /// table in descending primary-key order.
    pub reverse: bool,
    /// Build rows from key and INCLUDE values alone, without a table lookup.
    pub covering: bool,
    /// Read the table itself in key order, not an index (`index` is empty):
    /// a full scan that carries a filter, or with `eq` or bounds a read of
    /// part of the primary key.
    #[serde(default)]
    pub table_scan: bool,
    /// Checked on each encoded table row before it is decoded (a full
    /// scan's "filter in scan", the rows an index seek looks up, or a
    /// bitmap scan's recheck).
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
    /// A bitmap heap scan: the row keys this tree of index ranges yields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bitmap: Option<BitmapSource>,
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
            bitmap: None,
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

    /// The table's rows whose primary key lies between the bounds (either
    /// may be open; both open is the whole table), in primary-key order or
    /// reversed: `WHERE id BETWEEN …`, `ORDER BY id [DESC] LIMIT n`.
    pub fn primary_key_range(
        lower: Option<RangeBound>,
        upper: Option<RangeBound>,
        reverse: bool,
        filter: Option<CellPredicate>,
        columns: Option<Vec<usize>>,
    ) -> Self {
        Self {
            lower,
            upper,
            reverse,
            ..Self::table_scan(filter, columns)
        }
    }

    /// The table's rows with one of these primary keys (`id IN (…)`), each
    /// once, in primary-key order or reversed.
    pub fn primary_key_in(
        values: Vec<Value>,
        reverse: bool,
        filter: Option<CellPredicate>,
        columns: Option<Vec<usize>>,
    ) -> Self {
        Self {
            eq: vec![values],
            reverse,
            ..Self::table_scan(filter, columns)
        }
    }

    /// A bitmap heap scan: the row keys `source` yields, each row fetched
    /// once in row-key order, checked against `filter` (the recheck) and
    /// decoded to `columns`.
    pub fn bitmap(
        source: BitmapSource,
        filter: Option<CellPredicate>,
        columns: Option<Vec<usize>>,
    ) -> Self {
        Self {
            bitmap: Some(source),
            filter,
            columns,
            ..Self::scan("", false)
        }
    }

    /// The seek this spec describes (an `Index` or `PrimaryKeyRange` read).
    pub fn key_range(&self) -> KeyRange<'_> {
        KeyRange {
            eq: &self.eq,
            lower: self.lower.as_ref(),
            upper: self.upper.as_ref(),
        }
    }

    /// Which read the spec asks for, or why its fields contradict.
    pub fn kind(&self) -> Result<AccessKind, String> {
        let refuse = |what: &str| Err(format!("an access spec {what}"));
        if let Some(source) = &self.bitmap {
            if self.table_scan || !self.index.is_empty() || !self.key_range().is_whole() {
                return refuse("with a bitmap reads neither an index nor the table by key");
            }
            if self.reverse || self.covering || self.entry_filter.is_some() {
                return refuse("with a bitmap has no order, no covering read and no entry filter");
            }
            source.check()?;
            return Ok(AccessKind::Bitmap);
        }
        if !self.table_scan {
            return Ok(AccessKind::Index);
        }
        if !self.index.is_empty() || self.covering || self.entry_filter.is_some() {
            return refuse("of the table names no index, reads no index entry");
        }
        let ranged = self.lower.is_some() || self.upper.is_some();
        match self.eq.len() {
            0 if ranged => Ok(AccessKind::PrimaryKeyRange),
            0 => Ok(AccessKind::TableScan),
            1 if !ranged => Ok(AccessKind::PrimaryKeyRange),
            _ => refuse("of the primary key takes one list of values or bounds, not both"),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn range(index: &str, value: i64) -> BitmapSource {
        BitmapSource::Index(IndexRange::new(
            index,
            vec![vec![Value::I64(value)]],
            None,
            None,
        ))
    }

    #[test]
    fn every_kind_travels_as_json_and_comes_back_the_same() {
        let specs = [
            AccessSpec::scan("abc", true),
            AccessSpec::table_scan(None, Some(vec![0, 2])),
            AccessSpec::primary_key_range(
                Some(RangeBound::inclusive(Value::I64(3))),
                None,
                true,
                None,
                None,
            ),
            AccessSpec::primary_key_in(vec![Value::I64(1), Value::I64(9)], false, None, None),
            AccessSpec::bitmap(
                BitmapSource::And(vec![
                    range("a", 1),
                    BitmapSource::Or(vec![range("b", 2), range("c", 3)]),
                ]),
                None,
                None,
            ),
        ];
        let kinds = [
            AccessKind::Index,
            AccessKind::TableScan,
            AccessKind::PrimaryKeyRange,
            AccessKind::PrimaryKeyRange,
            AccessKind::Bitmap,
        ];
        for (spec, kind) in specs.iter().zip(kinds) {
            let back = AccessSpec::decode(&spec.encode(), None).unwrap();
            assert_eq!(&back, spec);
            assert_eq!(back.kind(), Ok(kind));
        }
        assert_eq!(specs[4].bitmap.as_ref().unwrap().indexes(), ["a", "b", "c"]);
    }

    #[test]
    fn a_spec_without_a_bitmap_encodes_as_before() {
        // Specs written before bitmaps existed still decode, and a spec
        // without one carries no new field.
        let old =
            r#"{"index":"i","eq":[],"lower":null,"upper":null,"reverse":false,"covering":false}"#;
        assert_eq!(
            AccessSpec::decode(old, None).unwrap(),
            AccessSpec::scan("i", false)
        );
        assert!(!AccessSpec::scan("i", false).encode().contains("bitmap"));
    }

    #[test]
    fn contradicting_fields_are_refused() {
        let mut bitmap = AccessSpec::bitmap(range("a", 1), None, None);
        bitmap.reverse = true;
        assert!(bitmap.kind().is_err());
        let empty = AccessSpec::bitmap(BitmapSource::Or(Vec::new()), None, None);
        assert!(empty.kind().is_err());
        let mut both = AccessSpec::primary_key_in(vec![Value::I64(1)], false, None, None);
        both.lower = Some(RangeBound::exclusive(Value::I64(0)));
        assert!(both.kind().is_err());
        let mut covering = AccessSpec::table_scan(None, None);
        covering.covering = true;
        assert!(covering.kind().is_err());
    }
}
