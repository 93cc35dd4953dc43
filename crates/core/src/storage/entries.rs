//! An index's entries: a sorted vector as built in bulk, plus the writes
//! since then (a small B-tree of added entries and a bitmap of removed
//! ones), merged on every read. A build is then one sort with no tree to
//! fill; writes fold back into the vector once they pile up.
use std::collections::BTreeMap;
use std::ops::Bound;

use super::keycode::IndexKey;
use super::memory;

/// Encoded key bytes and INCLUDE cells, in index order.
pub(crate) type EntryIter<'a> = Box<dyn Iterator<Item = (&'a [u8], &'a [u8])> + 'a>;

/// Writes held apart before the vector is rebuilt: enough that a rebuild
/// is rare next to them, few enough that skipping removed entries stays
/// cheap.
fn compaction_threshold(base: usize) -> usize {
    (base / 32).max(1024)
}

#[derive(Debug, Default)]
pub(crate) struct Entries {
    base: Vec<IndexKey>,
    /// INCLUDE cells of `base`, by position; empty without INCLUDE columns.
    base_include: Vec<Box<[u8]>>,
    /// One bit per `base` position; empty until something is removed.
    removed: Vec<u64>,
    removed_count: usize,
    added: BTreeMap<IndexKey, Box<[u8]>>,
}

impl Entries {
    /// `keys` sorted and distinct; `include` empty or one per key.
    pub(crate) fn from_sorted(keys: Vec<IndexKey>, include: Vec<Box<[u8]>>) -> Self {
        debug_assert!(keys.windows(2).all(|w| w[0] < w[1]));
        debug_assert!(include.is_empty() || include.len() == keys.len());
        Self {
            base: keys,
            base_include: include,
            ..Self::default()
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.base.len() - self.removed_count + self.added.len()
    }

    fn is_removed(&self, at: usize) -> bool {
        self.removed
            .get(at / 64)
            .is_some_and(|word| word >> (at % 64) & 1 == 1)
    }

    fn set_removed(&mut self, at: usize, removed: bool) {
        if self.removed.is_empty() {
            self.removed = vec![0; self.base.len().div_ceil(64)];
        }
        let bit = 1u64 << (at % 64);
        if removed {
            self.removed[at / 64] |= bit;
            self.removed_count += 1;
        } else {
            self.removed[at / 64] &= !bit;
            self.removed_count -= 1;
        }
    }

    fn find(&self, key: &[u8]) -> Result<usize, usize> {
        self.base.binary_search_by(|k| k.as_bytes().cmp(key))
    }

    fn include_at(&self, at: usize) -> &[u8] {
        self.base_include.get(at).map_or(&[][..], |cells| cells)
    }

    /// Adds an entry (or replaces its INCLUDE cells); true if it is new.
    pub(crate) fn insert(&mut self, key: IndexKey, include: Box<[u8]>) -> bool {
        let new = match self.find(key.as_bytes()) {
            Ok(at) => {
                let was_removed = self.is_removed(at);
                if was_removed {
                    self.set_removed(at, false);
                }
                if let Some(cells) = self.base_include.get_mut(at) {
                    *cells = include;
                }
                was_removed
            }
            Err(_) => self.added.insert(key, include).is_none(),
        };
        self.compact_if_due();
        new
    }

    /// Removes an entry; true if it was there.
    pub(crate) fn remove(&mut self, key: &[u8]) -> bool {
        let gone = if self.added.remove(key).is_some() {
            true
        } else {
            match self.find(key) {
                Ok(at) if !self.is_removed(at) => {
                    self.set_removed(at, true);
                    true
                }
                _ => false,
            }
        };
        self.compact_if_due();
        gone
    }

    fn compact_if_due(&mut self) {
        if self.removed_count + self.added.len() > compaction_threshold(self.base.len()) {
            self.compact();
        }
    }

    /// Folds the writes back into one sorted vector.
    fn compact(&mut self) {
        let with_include =
            !self.base_include.is_empty() || self.added.values().any(|cells| !cells.is_empty());
        let mut keys = Vec::with_capacity(self.len());
        let mut include = Vec::with_capacity(if with_include { self.len() } else { 0 });
        let base = std::mem::take(&mut self.base);
        let mut base_include = std::mem::take(&mut self.base_include).into_iter();
        let removed = std::mem::take(&mut self.removed);
        let mut added = std::mem::take(&mut self.added).into_iter().peekable();
        for (at, key) in base.into_iter().enumerate() {
            let cells = base_include.next().unwrap_or_default();
            if removed
                .get(at / 64)
                .is_some_and(|w| w >> (at % 64) & 1 == 1)
            {
                continue;
            }
            while let Some(next) = added.next_if(|(k, _)| *k < key) {
                keys.push(next.0);
                if with_include {
                    include.push(next.1);
                }
            }
            keys.push(key);
            if with_include {
                include.push(cells);
            }
        }
        for (key, cells) in added {
            keys.push(key);
            if with_include {
                include.push(cells);
            }
        }
        *self = Self::from_sorted(keys, include);
    }

    /// The last live base position before `at`.
    fn live_before(&self, mut at: usize) -> Option<usize> {
        while at > 0 {
            let j = at - 1;
            if self.removed.get(j / 64) == Some(&u64::MAX) {
                at = j / 64 * 64;
            } else if self.is_removed(j) {
                at = j;
            } else {
                return Some(j);
            }
        }
        None
    }

    /// The first live base position from `at` on.
    fn live_from(&self, mut at: usize) -> Option<usize> {
        while at < self.base.len() {
            if self.removed.get(at / 64) == Some(&u64::MAX) {
                at = (at / 64 + 1) * 64;
            } else if self.is_removed(at) {
                at += 1;
            } else {
                return Some(at);
            }
        }
        None
    }

    /// The closest entries below and above `key`, `key` itself left out.
    pub(crate) fn neighbours(&self, key: &[u8]) -> (Option<&[u8]>, Option<&[u8]>) {
        let below = self.base.partition_point(|k| k.as_bytes() < key);
        let above = self.base.partition_point(|k| k.as_bytes() <= key);
        let base_before = self.live_before(below).map(|at| self.base[at].as_bytes());
        let base_after = self.live_from(above).map(|at| self.base[at].as_bytes());
        let added_before = self
            .added
            .range::<[u8], _>((Bound::Unbounded, Bound::Excluded(key)))
            .next_back()
            .map(|(k, _)| k.as_bytes());
        let added_after = self
            .added
            .range::<[u8], _>((Bound::Excluded(key), Bound::Unbounded))
            .next()
            .map(|(k, _)| k.as_bytes());
        (
            base_before.max(added_before),
            match (base_after, added_after) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
        )
    }

    /// Base positions `start..end` between the bounds.
    fn base_span(&self, lower: Bound<&[u8]>, upper: Bound<&[u8]>) -> (usize, usize) {
        let start = match lower {
            Bound::Included(b) => self.base.partition_point(|k| k.as_bytes() < b),
            Bound::Excluded(b) => self.base.partition_point(|k| k.as_bytes() <= b),
            Bound::Unbounded => 0,
        };
        let end = match upper {
            Bound::Included(b) => self.base.partition_point(|k| k.as_bytes() <= b),
            Bound::Excluded(b) => self.base.partition_point(|k| k.as_bytes() < b),
            Bound::Unbounded => self.base.len(),
        }
        .max(start);
        (start, end)
    }

    /// Removed base positions in `start..end`, a bitmap word at a time.
    fn removed_between(&self, start: usize, end: usize) -> usize {
        if self.removed_count == 0 || start >= end {
            return 0;
        }
        let (first, last) = (start / 64, (end - 1) / 64);
        (first..=last)
            .map(|w| {
                let mut word = self.removed[w];
                if w == first {
                    word &= u64::MAX << (start % 64);
                }
                if w == last && !end.is_multiple_of(64) {
                    word &= u64::MAX >> (64 - end % 64);
                }
                word.count_ones() as usize
            })
            .sum()
    }

    /// How many entries lie between the bounds, without reading them: two
    /// binary searches on the vector, the removed bits in between, and the
    /// added entries in range (few: they fold back once they pile up).
    pub(crate) fn count(&self, lower: Bound<&[u8]>, upper: Bound<&[u8]>) -> usize {
        let (start, end) = self.base_span(lower, upper);
        let added = if self.added.is_empty() {
            0
        } else {
            self.added.range::<[u8], _>((lower, upper)).count()
        };
        end - start - self.removed_between(start, end) + added
    }

    /// Entries between the bounds, in index order or reversed. The bounds
    /// must not cross.
    pub(crate) fn range<'a>(
        &'a self,
        lower: Bound<&[u8]>,
        upper: Bound<&[u8]>,
        reverse: bool,
    ) -> EntryIter<'a> {
        let (start, end) = self.base_span(lower, upper);
        let live = move |at: &usize| !self.is_removed(*at);
        let entry = move |at: usize| (self.base[at].as_bytes(), self.include_at(at));
        let added = self
            .added
            .range::<[u8], _>((lower, upper))
            .map(|(k, v)| (k.as_bytes(), &**v));
        if self.added.is_empty() && self.removed_count == 0 {
            // As built: a plain slice.
            return if reverse {
                Box::new((start..end).rev().map(entry))
            } else {
                Box::new((start..end).map(entry))
            };
        }
        if reverse {
            Box::new(Merge::new(
                (start..end).rev().filter(live).map(entry),
                added.rev(),
                true,
            ))
        } else {
            Box::new(Merge::new(
                (start..end).filter(live).map(entry),
                added,
                false,
            ))
        }
    }

    pub(crate) fn iter(&self) -> EntryIter<'_> {
        self.range(Bound::Unbounded, Bound::Unbounded, false)
    }

    /// Bytes held: the vector, long keys, INCLUDE cells, the bitmap and the
    /// tree of added entries.
    pub(crate) fn bytes(&self) -> usize {
        let long_keys = self
            .base
            .iter()
            .chain(self.added.keys())
            .map(|k| memory::allocation(k.heap_len()))
            .sum::<usize>();
        let cells = self
            .base_include
            .iter()
            .chain(self.added.values())
            .map(|c| memory::allocation(c.len()))
            .sum::<usize>();
        memory::allocation(self.base.capacity() * size_of::<IndexKey>())
            + memory::allocation(self.base_include.capacity() * size_of::<Box<[u8]>>())
            + memory::allocation(self.removed.capacity() * size_of::<u64>())
            + memory::tree_bytes::<IndexKey, Box<[u8]>>(self.added.len(), 0)
            + long_keys
            + cells
    }
}

/// Two sorted streams with no key in common, as one.
struct Merge<'a, A: Iterator, B: Iterator> {
    a: std::iter::Peekable<A>,
    b: std::iter::Peekable<B>,
    reverse: bool,
    _entries: std::marker::PhantomData<&'a ()>,
}

impl<'a, A, B> Merge<'a, A, B>
where
    A: Iterator<Item = (&'a [u8], &'a [u8])>,
    B: Iterator<Item = (&'a [u8], &'a [u8])>,
{
    fn new(a: A, b: B, reverse: bool) -> Self {
        Self {
            a: a.peekable(),
            b: b.peekable(),
            reverse,
            _entries: std::marker::PhantomData,
        }
    }
}

impl<'a, A, B> Iterator for Merge<'a, A, B>
where
    A: Iterator<Item = (&'a [u8], &'a [u8])>,
    B: Iterator<Item = (&'a [u8], &'a [u8])>,
{
    type Item = (&'a [u8], &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let take_a = match (self.a.peek(), self.b.peek()) {
            (Some(a), Some(b)) => (a.0 < b.0) != self.reverse,
            (Some(_), None) => true,
            (None, _) => false,
        };
        if take_a {
            self.a.next()
        } else {
            self.b.next()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u32) -> IndexKey {
        IndexKey::new(&n.to_be_bytes())
    }

    fn keys(entries: &Entries, reverse: bool) -> Vec<u32> {
        entries
            .range(Bound::Unbounded, Bound::Unbounded, reverse)
            .map(|(k, _)| u32::from_be_bytes(k.try_into().unwrap()))
            .collect()
    }

    #[test]
    fn writes_merge_with_the_built_vector_until_they_fold_back() {
        let mut entries = Entries::from_sorted((0..3000).map(|n| key(n * 2)).collect(), Vec::new());
        let mut expected: std::collections::BTreeSet<u32> = (0..3000).map(|n| n * 2).collect();
        for n in (0..6000).step_by(3) {
            assert_eq!(entries.insert(key(n), Box::default()), expected.insert(n));
        }
        for n in (0..6000u32).step_by(5) {
            assert_eq!(entries.remove(&n.to_be_bytes()), expected.remove(&n));
        }
        assert_eq!(entries.len(), expected.len());
        assert_eq!(
            keys(&entries, false),
            expected.iter().copied().collect::<Vec<_>>()
        );
        assert_eq!(
            keys(&entries, true),
            expected.iter().rev().copied().collect::<Vec<_>>()
        );
        let (below, above) = entries.neighbours(&10u32.to_be_bytes());
        assert_eq!(below, Some(&9u32.to_be_bytes()[..]));
        assert_eq!(above, Some(&12u32.to_be_bytes()[..]));
        let some: Vec<u32> = entries
            .range(
                Bound::Excluded(&100u32.to_be_bytes()[..]),
                Bound::Included(&112u32.to_be_bytes()[..]),
                false,
            )
            .map(|(k, _)| u32::from_be_bytes(k.try_into().unwrap()))
            .collect();
        assert_eq!(some, [102, 104, 106, 108, 111, 112]);
        for (low, high) in [(0u32, 6000u32), (100, 112), (63, 64), (127, 1025), (5, 5)] {
            let (low, high) = (low.to_be_bytes(), high.to_be_bytes());
            let bounds = (Bound::Included(&low[..]), Bound::Excluded(&high[..]));
            assert_eq!(
                entries.count(bounds.0, bounds.1),
                entries.range(bounds.0, bounds.1, false).count()
            );
        }
        assert_eq!(
            entries.count(Bound::Unbounded, Bound::Unbounded),
            expected.len()
        );
    }

    #[test]
    fn counts_match_reads_with_writes_pending() {
        let mut entries = Entries::from_sorted((0..1000).map(|n| key(n * 2)).collect(), Vec::new());
        // Removals at and around bitmap word edges, additions in between.
        for n in [0u32, 126, 128, 254, 256, 1000, 1998] {
            assert!(entries.remove(&n.to_be_bytes()));
        }
        for n in [1u32, 127, 129, 999, 1999] {
            assert!(entries.insert(key(n), Box::default()));
        }
        assert!(entries.removed_count > 0 && !entries.added.is_empty());
        for low in [0u32, 1, 63, 64, 126, 127, 128, 129, 500] {
            for high in [low, low + 1, 129, 130, 256, 257, 1001, 2000, 5000] {
                let (l, h) = (low.to_be_bytes(), high.to_be_bytes());
                for bounds in [
                    (Bound::Included(&l[..]), Bound::Excluded(&h[..])),
                    (Bound::Excluded(&l[..]), Bound::Included(&h[..])),
                ] {
                    if low > high {
                        continue;
                    }
                    assert_eq!(
                        entries.count(bounds.0, bounds.1),
                        entries.range(bounds.0, bounds.1, false).count(),
                        "{low}..{high}"
                    );
                }
            }
        }
    }
}
