//! Composite secondary indexes: a B-tree over (key columns in their declared
//! direction, row key) holding only the INCLUDE values, never whole rows.
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::ops::Bound;

use gluesql_core::data::{Key, Value};
use gluesql_core::error::Result;

use super::access::{AccessSpec, RangeBound};
use crate::catalog::IndexDef;
use crate::stats::IndexStats;

/// One column of an index key. `Desc` reverses the order of its key;
/// `Max` sorts after everything and only ever appears in seek bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum KeyPart {
    Asc(Key),
    Desc(Key),
    Max,
}

impl Ord for KeyPart {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (KeyPart::Asc(a), KeyPart::Asc(b)) => a.cmp(b),
            (KeyPart::Desc(a), KeyPart::Desc(b)) => b.cmp(a),
            (KeyPart::Max, KeyPart::Max) => Ordering::Equal,
            (KeyPart::Max, _) => Ordering::Greater,
            (_, KeyPart::Max) => Ordering::Less,
            // One index never mixes directions in one position.
            (KeyPart::Asc(_), KeyPart::Desc(_)) => Ordering::Less,
            (KeyPart::Desc(_), KeyPart::Asc(_)) => Ordering::Greater,
        }
    }
}

impl PartialOrd for KeyPart {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl KeyPart {
    pub(crate) fn key(&self) -> Option<&Key> {
        match self {
            KeyPart::Asc(key) | KeyPart::Desc(key) => Some(key),
            KeyPart::Max => None,
        }
    }
}

/// Key parts (key columns, then the row key) to the INCLUDE values.
pub(crate) type Entries = BTreeMap<Box<[KeyPart]>, Box<[Value]>>;
pub(crate) type Entry = (Box<[KeyPart]>, Box<[Value]>);
pub(crate) type EntryIter<'a> = Box<dyn Iterator<Item = (&'a [KeyPart], &'a [Value])> + 'a>;

#[derive(Debug)]
pub(crate) struct SecondaryIndex {
    pub(crate) def: IndexDef,
    pub(crate) key_columns: Vec<usize>,
    pub(crate) include_columns: Vec<usize>,
    pub(crate) entries: Entries,
    pub(crate) stats: IndexStats,
}

type Span = (Bound<Box<[KeyPart]>>, Bound<Box<[KeyPart]>>);

impl SecondaryIndex {
    fn part(&self, position: usize, key: Key) -> KeyPart {
        if self.def.keys[position].desc {
            KeyPart::Desc(key)
        } else {
            KeyPart::Asc(key)
        }
    }

    pub(crate) fn entry(&self, row_key: &Key, row: &[Value]) -> Result<Entry> {
        let mut parts = Vec::with_capacity(self.key_columns.len() + 1);
        for (position, &column) in self.key_columns.iter().enumerate() {
            parts.push(self.part(position, Key::try_from(&row[column])?));
        }
        parts.push(KeyPart::Asc(row_key.clone()));
        let include = self
            .include_columns
            .iter()
            .map(|&i| row[i].clone())
            .collect();
        Ok((parts.into_boxed_slice(), include))
    }

    pub(crate) fn analyze(&mut self) {
        let width = self.key_columns.len();
        self.stats = IndexStats::analyze(self.entries.keys().map(|k| &k[..]), width);
    }

    /// The key ranges a seek reads, in index order: one per combination of
    /// equality values, each narrowed by the range on the next key column.
    fn spans(&self, spec: &AccessSpec) -> Result<Vec<Span>> {
        let mut prefixes: Vec<Vec<KeyPart>> = vec![Vec::new()];
        for (position, values) in spec.eq.iter().enumerate() {
            let mut parts = values
                .iter()
                .map(|v| Ok(self.part(position, Key::try_from(v)?)))
                .collect::<Result<Vec<_>>>()?;
            parts.sort();
            parts.dedup();
            prefixes = prefixes
                .into_iter()
                .flat_map(|prefix| {
                    parts.iter().map(move |part| {
                        let mut next = prefix.clone();
                        next.push(part.clone());
                        next
                    })
                })
                .collect();
        }
        let position = spec.eq.len();
        let has_range = spec.lower.is_some() || spec.upper.is_some();
        let desc = self.def.keys.get(position).is_some_and(|k| k.desc);
        // In storage order a DESC column's upper bound comes first.
        let (low, high) = if desc {
            (&spec.upper, &spec.lower)
        } else {
            (&spec.lower, &spec.upper)
        };
        let to_part = |bound: &RangeBound| -> Result<(KeyPart, bool)> {
            Ok((
                self.part(position, Key::try_from(&bound.value)?),
                bound.inclusive,
            ))
        };
        let low = low.as_ref().map(to_part).transpose()?;
        let high = high.as_ref().map(to_part).transpose()?;
        // NULL never satisfies a comparison; it sorts last ascending, first
        // descending, so an open side of a range stops short of the NULLs.
        // Unused when the equality prefix covers every key column.
        let null = if position < self.def.keys.len() {
            self.part(position, Key::None)
        } else {
            KeyPart::Max
        };
        let mut spans = Vec::with_capacity(prefixes.len());
        for prefix in prefixes {
            let with = |parts: &[KeyPart]| {
                let mut v = prefix.clone();
                v.extend_from_slice(parts);
                v
            };
            let start = match (&low, has_range, desc) {
                (Some((part, true)), ..) => Bound::Included(with(std::slice::from_ref(part))),
                (Some((part, false)), ..) => Bound::Excluded(with(&[part.clone(), KeyPart::Max])),
                (None, true, true) => Bound::Excluded(with(&[null.clone(), KeyPart::Max])),
                (None, ..) => Bound::Included(prefix.clone()),
            };
            let end = match (&high, has_range, desc) {
                (Some((part, true)), ..) => Bound::Excluded(with(&[part.clone(), KeyPart::Max])),
                (Some((part, false)), ..) => Bound::Excluded(with(std::slice::from_ref(part))),
                (None, true, false) => Bound::Excluded(with(std::slice::from_ref(&null))),
                (None, ..) => Bound::Excluded(with(&[KeyPart::Max])),
            };
            if !is_empty(&start, &end) {
                spans.push((
                    start.map(Vec::into_boxed_slice),
                    end.map(Vec::into_boxed_slice),
                ));
            }
        }
        Ok(spans)
    }

    /// Entries the spec selects, in index order (reversed when asked).
    pub(crate) fn seek<'a>(&'a self, spec: &AccessSpec) -> Result<EntryIter<'a>> {
        let mut spans = self.spans(spec)?;
        let entries = &self.entries;
        #[allow(clippy::borrowed_box)] // the map yields &Box; a closure cannot reborrow generically
        let as_slices = |(k, v): (&'a Box<[KeyPart]>, &'a Box<[Value]>)| (&**k, &**v);
        if spec.reverse {
            spans.reverse();
            Ok(Box::new(spans.into_iter().flat_map(move |span| {
                entries.range(span).rev().map(as_slices)
            })))
        } else {
            Ok(Box::new(
                spans
                    .into_iter()
                    .flat_map(move |span| entries.range(span).map(as_slices)),
            ))
        }
    }
}

/// `BTreeMap::range` panics on an inverted range; such a seek is just empty.
fn is_empty(start: &Bound<Vec<KeyPart>>, end: &Bound<Vec<KeyPart>>) -> bool {
    match (start, end) {
        (Bound::Included(s), Bound::Included(e)) => s > e,
        (Bound::Included(s) | Bound::Excluded(s), Bound::Included(e) | Bound::Excluded(e)) => {
            s >= e
        }
        _ => false,
    }
}
