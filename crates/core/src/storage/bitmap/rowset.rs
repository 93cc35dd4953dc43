//! A set of row keys as a sorted list of encoded keys, borrowed from the
//! index entries that end with them (no copy, no allocation per key).
//! Encoded keys order as the table orders its rows, so the sorted list is
//! also the order to fetch them in; AND and OR are linear merges.
use std::cmp::Ordering;

#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct RowSet<'a>(Vec<&'a [u8]>);

impl<'a> RowSet<'a> {
    /// The set of `keys`, in any order, duplicates allowed. One index
    /// range yields its keys sorted within each equality span, and the
    /// standard sort merges such runs rather than sorting from scratch.
    pub(crate) fn from_keys(mut keys: Vec<&'a [u8]>) -> Self {
        keys.sort();
        keys.dedup();
        Self(keys)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn into_keys(self) -> Vec<&'a [u8]> {
        self.0
    }

    /// The keys in both.
    pub(crate) fn and(self, other: &RowSet<'a>) -> Self {
        let (mut a, b) = (self.0, &other.0);
        // Both ascend: one pass over each.
        let mut at = 0;
        a.retain(|key| {
            while at < b.len() && b[at] < *key {
                at += 1;
            }
            at < b.len() && b[at] == *key
        });
        Self(a)
    }

    /// The keys in either.
    pub(crate) fn or(self, other: RowSet<'a>) -> Self {
        let (a, b) = (self.0, other.0);
        if a.is_empty() {
            return Self(b);
        }
        if b.is_empty() {
            return Self(a);
        }
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
        while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
            match x.cmp(y) {
                Ordering::Less => out.extend(a.next()),
                Ordering::Greater => out.extend(b.next()),
                Ordering::Equal => {
                    out.extend(a.next());
                    b.next();
                }
            }
        }
        out.extend(a);
        out.extend(b);
        Self(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    fn set(keys: &[Vec<u8>]) -> RowSet<'_> {
        RowSet::from_keys(keys.iter().map(Vec::as_slice).collect())
    }

    proptest! {
        #[test]
        fn and_and_or_are_set_intersection_and_union(
            a in prop::collection::vec(prop::collection::vec(0u8..4, 0..3), 0..40),
            b in prop::collection::vec(prop::collection::vec(0u8..4, 0..3), 0..40),
        ) {
            let (sa, sb): (BTreeSet<&[u8]>, BTreeSet<&[u8]>) = (
                a.iter().map(Vec::as_slice).collect(),
                b.iter().map(Vec::as_slice).collect(),
            );
            let both: Vec<&[u8]> = sa.intersection(&sb).copied().collect();
            let either: Vec<&[u8]> = sa.union(&sb).copied().collect();
            prop_assert_eq!(set(&a).and(&set(&b)).into_keys(), both);
            prop_assert_eq!(set(&a).or(set(&b)).into_keys(), either);
            prop_assert_eq!(set(&a).into_keys(), sa.into_iter().collect::<Vec<_>>());
        }
    }
}
