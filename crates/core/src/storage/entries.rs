//! Sorted byte-string keys, each with a byte-string payload: an index's
//! entries (payload: INCLUDE cells) and a table's rows (key: the encoded
//! row key, payload: the encoded row; see `rows`). What a bulk build made
//! is a sorted, packed array (every key back to back in one buffer, with
//! one end offset each: no allocation and no fixed-width slot per entry);
//! the writes since then (a small B-tree of added entries and a bitmap of
//! removed ones) are merged on every read. A build is then one sort with no
//! tree to fill; writes fold back into the array once they pile up.
use std::collections::BTreeMap;
use std::ops::Bound;

use super::keycode::IndexKey;
use super::memory;
use super::offsets::Ends;

/// Encoded key bytes and INCLUDE cells, in index order.
/// A key range in encoded bytes.
pub(crate) type Span = (Bound<Vec<u8>>, Bound<Vec<u8>>);

pub(crate) type EntryIter<'a> = Box<dyn Iterator<Item = (&'a [u8], &'a [u8])> + 'a>;

/// Writes held apart before the vector is rebuilt: enough that a rebuild
/// is rare next to them, few enough that skipping removed entries stays
/// cheap.
fn compaction_threshold(base: usize) -> usize {
    (base / 32).max(1024)
}

/// Byte strings back to back in one buffer, each found by its end offset
/// (see `offsets`).
/// The buffer is held as 64-bit words so that a build can turn the
/// buffer of its sort records into the array in place (`from_records`).
#[derive(Debug, Default, Clone)]
pub(crate) struct Packed {
    words: Vec<u64>,
    /// Bytes in use at the start of `words`.
    len: usize,
    ends: Ends,
}

impl Packed {
    pub(crate) fn with_capacity(items: usize, bytes: usize) -> Self {
        Self {
            words: Vec::with_capacity(bytes.div_ceil(8)),
            len: 0,
            ends: Ends::with_capacity(items),
        }
    }

    fn bytes(&self) -> &[u8] {
        // SAFETY: every u64 is eight initialised bytes, u8 has alignment 1,
        // and `len` never exceeds the words' bytes.
        unsafe { std::slice::from_raw_parts(self.words.as_ptr().cast::<u8>(), self.len) }
    }

    /// Appends one string. Offsets are 32-bit: a wasm worker's whole
    /// memory is 4 GiB, and the largest dataset's table or index holds a
    /// few hundred MiB, so a longer array is a bug.
    pub(crate) fn push(&mut self, item: &[u8]) {
        let end = self.len + item.len();
        if end.div_ceil(8) > self.words.len() {
            self.words.resize(end.div_ceil(8), 0);
        }
        // SAFETY: as in `bytes`, over the words now covering `end` bytes.
        let bytes =
            unsafe { std::slice::from_raw_parts_mut(self.words.as_mut_ptr().cast::<u8>(), end) };
        bytes[self.len..].copy_from_slice(item);
        self.len = end;
        self.ends
            .push(u32::try_from(end).expect("a packed array under 4 GiB"));
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Appends every string of `other`, in order.
    pub(crate) fn append(&mut self, other: &Packed) {
        self.reserve_bytes(self.len + other.len);
        self.ends.reserve(other.len());
        for item in other.iter() {
            self.push(item);
        }
    }

    /// Room for `items` more strings of `bytes` more bytes in all, made
    /// once: growing by doubling could leave a bulk load's buffer nearly
    /// twice its size.
    pub(crate) fn reserve_exact(&mut self, items: usize, bytes: usize) {
        let words = (self.len + bytes).div_ceil(8);
        self.words
            .reserve_exact(words.saturating_sub(self.words.len()));
        self.ends.reserve_exact(items);
    }

    /// Gives back the spare capacity, once nothing more is pushed.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.words.truncate(self.len.div_ceil(8));
        self.words.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    pub(crate) fn reserve_bytes(&mut self, bytes: usize) {
        self.words
            .reserve(bytes.div_ceil(8).saturating_sub(self.words.len()));
    }

    /// The strings at `order`'s positions, in that order, in a buffer of
    /// exactly their size.
    pub(crate) fn permuted(&self, order: &[u32]) -> Packed {
        let mut out = Packed::with_capacity(order.len(), self.total_len());
        for &at in order {
            out.push(self.get(at as usize));
        }
        out
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Bytes of every string together.
    pub(crate) fn total_len(&self) -> usize {
        self.len
    }

    pub(crate) fn get(&self, at: usize) -> &[u8] {
        &self.bytes()[self.ends.start(at)..self.ends.get(at)]
    }

    /// The first position whose string fails `before` (which holds for a
    /// prefix of the strings), like `slice::partition_point`.
    fn partition_point(&self, before: impl Fn(&[u8]) -> bool) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            if before(self.get(middle)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.len()).map(|at| self.get(at))
    }

    /// Heap bytes held.
    pub(crate) fn heap(&self) -> usize {
        memory::allocation(self.words.capacity() * size_of::<u64>()) + self.ends.heap()
    }

    /// Hands `sink`, in order: the strings' count and their bytes' length
    /// (eight bytes each), the bytes, then each end as a 32-bit offset, a
    /// few thousand at a time (see `read_from`).
    pub(crate) fn write_parts(&self, sink: &mut dyn FnMut(&[u8])) {
        let mut head = [0u8; 16];
        head[..8].copy_from_slice(&(self.len() as u64).to_le_bytes());
        head[8..].copy_from_slice(&(self.len as u64).to_le_bytes());
        sink(&head);
        sink(self.bytes());
        let mut ends = Vec::with_capacity(4 * 4096);
        for at in 0..self.len() {
            ends.extend_from_slice(&(self.ends.get(at) as u32).to_le_bytes());
            if ends.len() == ends.capacity() {
                sink(&ends);
                ends.clear();
            }
        }
        sink(&ends);
    }

    /// The bytes `write_parts` hands on.
    pub(crate) fn written_len(&self) -> usize {
        16 + self.len + 4 * self.len()
    }

    /// The strings `write_parts` wrote, read from `input` straight into the
    /// array; offsets that run backwards or past the bytes are refused.
    pub(crate) fn read_from(input: &mut super::image::Cursor<'_>) -> Result<Packed, String> {
        let count = usize::try_from(input.u64()?).map_err(|_| "too many strings")?;
        let len = usize::try_from(input.u64()?).map_err(|_| "too many bytes")?;
        input.check(len.saturating_add(count.saturating_mul(4)))?;
        let mut packed = Packed::with_capacity(count, len);
        packed.words.resize(len.div_ceil(8), 0);
        // SAFETY: as in `bytes`: the words now cover `len` bytes.
        let target =
            unsafe { std::slice::from_raw_parts_mut(packed.words.as_mut_ptr().cast::<u8>(), len) };
        input.read(target)?;
        packed.len = len;
        // The ends a few thousand at a time, not a second copy of them all.
        let mut chunk = vec![0u8; 4 * 4096];
        let (mut left, mut previous) = (count, 0u32);
        while left > 0 {
            let n = left.min(4096);
            input.read(&mut chunk[..4 * n])?;
            for end in chunk[..4 * n].chunks_exact(4) {
                let end = u32::from_le_bytes(end.try_into().expect("four bytes"));
                if end < previous || end as usize > len {
                    return Err("a packed array's offsets are out of order".to_owned());
                }
                packed.ends.push(end);
                previous = end;
            }
            left -= n;
        }
        if previous as usize != len {
            return Err("a packed array's offsets do not cover its bytes".to_owned());
        }
        Ok(packed)
    }
}

/// Eight bytes of `bytes` from `offset` as one big-endian word, zero
/// padded: padded order never contradicts byte order.
fn word(bytes: &[u8], offset: usize) -> u64 {
    let mut word = [0; 8];
    if let Some(tail) = bytes.get(offset..) {
        let n = tail.len().min(8);
        word[..n].copy_from_slice(&tail[..n]);
    }
    u64::from_be_bytes(word)
}

/// Runs this short are sorted by comparing whole keys.
const SHORT_RUN: usize = 16;

/// Keys up to this long are sorted as fixed-width records.
const RECORD_BYTES: usize = 64;

/// A sort record: the key's bytes as big-endian words (zero padded), and
/// its position in the input.
type Record<const N: usize> = ([u64; N], u32);

/// Hands every key, in input order, to the function it is given.
pub(crate) type EachKey<'a> =
    dyn FnMut(&mut dyn FnMut(&[u8])) -> gluesql_core::error::Result<()> + 'a;

/// Keys given in input order, sorted: what an index build makes.
pub(crate) struct SortedKeys {
    pub(crate) keys: Packed,
    /// The input position of each sorted key (to order INCLUDE cells
    /// alike); empty unless asked for.
    pub(crate) order: Vec<u32>,
}

/// Sorts the keys `each_key` hands over (calling it twice, once for the
/// longest key, unless `longest` says it; a key longer than `longest`
/// makes it look again). Keys up to 64 bytes (every
/// built-in index) are sorted as fixed-width records of big-endian words:
/// a comparison reads words in place instead of chasing a key, and the
/// records' own buffer becomes the sorted array, so a build holds one copy
/// of its keys at a time. Longer keys take `sort_order`.
pub(crate) fn sort_keys(
    count: usize,
    longest: Option<usize>,
    with_order: bool,
    each_key: &mut EachKey<'_>,
) -> gluesql_core::error::Result<SortedKeys> {
    if let Some(longest) = longest {
        if let Some(sorted) = sort_sized(longest, count, with_order, each_key)? {
            return Ok(sorted);
        }
    }
    let mut longest = 0;
    each_key(&mut |key| longest = longest.max(key.len()))?;
    Ok(sort_sized(longest, count, with_order, each_key)?.expect("every key fits its longest"))
}

/// `sort_keys` for keys of at most `longest` bytes; `None` if one is longer.
fn sort_sized(
    longest: usize,
    count: usize,
    with_order: bool,
    each_key: &mut EachKey<'_>,
) -> gluesql_core::error::Result<Option<SortedKeys>> {
    if longest > RECORD_BYTES {
        let mut keys = Packed::with_capacity(count, 0);
        each_key(&mut |key| keys.push(key))?;
        let order = sort_order(&keys);
        let keys = keys.permuted(&order);
        return Ok(Some(SortedKeys { keys, order }));
    }
    match longest.div_ceil(8) {
        0 | 1 => sort_records::<1>(count, with_order, each_key),
        2 => sort_records::<2>(count, with_order, each_key),
        3 => sort_records::<3>(count, with_order, each_key),
        4 => sort_records::<4>(count, with_order, each_key),
        5 => sort_records::<5>(count, with_order, each_key),
        6 => sort_records::<6>(count, with_order, each_key),
        7 => sort_records::<7>(count, with_order, each_key),
        _ => sort_records::<8>(count, with_order, each_key),
    }
}

fn sort_records<const N: usize>(
    count: usize,
    with_order: bool,
    each_key: &mut EachKey<'_>,
) -> gluesql_core::error::Result<Option<SortedKeys>> {
    let mut records: Vec<Record<N>> = Vec::with_capacity(count);
    let mut lengths: Vec<u8> = Vec::with_capacity(count);
    let mut too_long = false;
    each_key(&mut |key| {
        too_long |= key.len() > 8 * N;
        let at = u32::try_from(records.len()).expect("under 2^32 entries");
        records.push((std::array::from_fn(|w| word(key, w * 8)), at));
        lengths.push(key.len().min(8 * N) as u8);
    })?;
    if too_long {
        return Ok(None);
    }
    records.sort_unstable_by_key(|record| record.0);
    // Zero padding makes "a" and "a\0" equal records: such runs are ordered
    // by length (the shorter is a prefix, so it sorts first). Index keys
    // are prefix-free, so these runs do not occur there.
    let mut at = 0;
    while at < records.len() {
        let mut end = at + 1;
        while end < records.len() && records[end].0 == records[at].0 {
            end += 1;
        }
        if end - at > 1 {
            records[at..end].sort_unstable_by_key(|r| lengths[r.1 as usize]);
        }
        at = end;
    }
    let order = if with_order {
        records.iter().map(|r| r.1).collect()
    } else {
        Vec::new()
    };
    Ok(Some(SortedKeys {
        keys: Packed::from_records(records, &lengths),
        order,
    }))
}

impl Packed {
    /// The records' keys, in the records' order, written over the records'
    /// own buffer from its start. A key takes at most the `8 * N` bytes of
    /// its record's words, so record `i`'s key lands below record `i + 1`:
    /// each record is read (copied out) before any byte of it is written.
    fn from_records<const N: usize>(records: Vec<Record<N>>, lengths: &[u8]) -> Packed {
        let count = records.len();
        let mut ends = Ends::with_capacity(count);
        let mut records = std::mem::ManuallyDrop::new(records);
        let (base, capacity) = (records.as_mut_ptr(), records.capacity());
        let bytes_base = base.cast::<u8>();
        let mut written = 0usize;
        let mut bytes = [0u8; RECORD_BYTES];
        for at in 0..count {
            // SAFETY: `at < count` records are initialised; record `at` has
            // not been written over yet (see above).
            let (words, position) = unsafe { base.add(at).read() };
            let len = usize::from(lengths[position as usize]);
            for (chunk, word) in bytes.chunks_exact_mut(8).zip(&words) {
                chunk.copy_from_slice(&word.to_be_bytes());
            }
            // SAFETY: `written + len <= 8 * N * (at + 1)`, inside the buffer
            // and below record `at + 1`; `copy` allows the overlap with
            // record `at`, already read.
            unsafe { std::ptr::copy(bytes.as_ptr(), bytes_base.add(written), len) };
            written += len;
            ends.push(u32::try_from(written).expect("a packed array under 4 GiB"));
        }
        let words = written.div_ceil(8);
        // The last word's tail still holds record bytes (maybe padding,
        // never initialised): zero it before reading it as a u64.
        // SAFETY: `words * 8 <= written + 7 < count * size_of::<Record<N>>()`
        // (or both are zero).
        unsafe { std::ptr::write_bytes(bytes_base.add(written), 0, words * 8 - written) };
        // SAFETY: the allocation is `capacity` records of alignment 8, that
        // is `capacity * size_of::<Record<N>>() / 8` u64s: the same layout;
        // its first `words` u64s are initialised.
        let mut words = unsafe {
            Vec::from_raw_parts(
                base.cast::<u64>(),
                words,
                capacity * size_of::<Record<N>>() / 8,
            )
        };
        words.shrink_to_fit();
        Packed {
            words,
            len: written,
            ends,
        }
    }
}

/// The positions of `keys` in byte order, for keys of any length: a
/// most-significant-word-first sort, in the spirit of MSD radix sort.
/// Pairs (word, position) are sorted by their word; each run of equal
/// words is sorted again by the next eight bytes, so a key is read once per
/// level it needs instead of once per comparison.
pub(crate) fn sort_order(keys: &Packed) -> Vec<u32> {
    let count = u32::try_from(keys.len()).expect("under 2^32 entries");
    let mut pairs: Vec<(u64, u32)> = (0..count)
        .map(|at| (word(keys.get(at as usize), 0), at))
        .collect();
    sort_level(keys, &mut pairs, 0);
    pairs.into_iter().map(|(_, at)| at).collect()
}

/// Sorts `pairs`, whose words hold the keys' bytes from `offset`.
fn sort_level(keys: &Packed, pairs: &mut [(u64, u32)], offset: usize) {
    pairs.sort_unstable_by_key(|pair| pair.0);
    let mut start = 0;
    while start < pairs.len() {
        let same = pairs[start].0;
        let end = start + pairs[start..].partition_point(|pair| pair.0 == same);
        let run = &mut pairs[start..end];
        let next = offset + 8;
        let longer = run.len() > 1 && run.iter().any(|p| keys.get(p.1 as usize).len() > next);
        if run.len() > SHORT_RUN && longer {
            for pair in run.iter_mut() {
                pair.0 = word(keys.get(pair.1 as usize), next);
            }
            sort_level(keys, run, next);
        } else if run.len() > 1 {
            // Equal so far: either short, or every key ends within this
            // word (they can then differ only in length).
            run.sort_unstable_by(|a, b| keys.get(a.1 as usize).cmp(keys.get(b.1 as usize)));
        }
        start = end;
    }
}

#[derive(Debug, Default, Clone)]
pub(crate) struct Entries {
    base: Packed,
    /// INCLUDE cells of `base`, by position; empty without INCLUDE columns.
    base_include: Packed,
    /// One bit per `base` position; empty until something is removed.
    removed: Vec<u64>,
    removed_count: usize,
    added: BTreeMap<IndexKey, Box<[u8]>>,
}

impl Entries {
    /// `keys` sorted and distinct; `include` empty or one per key.
    pub(crate) fn from_sorted(keys: Packed, include: Packed) -> Self {
        debug_assert!((1..keys.len()).all(|at| keys.get(at - 1) < keys.get(at)));
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

    /// The keys and payloads as packed arrays: the built ones when no
    /// write came since, otherwise copies with the writes merged.
    pub(crate) fn packed(&self) -> (std::borrow::Cow<'_, Packed>, std::borrow::Cow<'_, Packed>) {
        use std::borrow::Cow;
        if self.added.is_empty() && self.removed_count == 0 {
            return (Cow::Borrowed(&self.base), Cow::Borrowed(&self.base_include));
        }
        let (mut keys, mut payloads) = (Packed::default(), Packed::default());
        for (key, payload) in self.range(Bound::Unbounded, Bound::Unbounded, false) {
            keys.push(key);
            payloads.push(payload);
        }
        (Cow::Owned(keys), Cow::Owned(payloads))
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
        let at = self.base.partition_point(|k| k < key);
        if at < self.base.len() && self.base.get(at) == key {
            Ok(at)
        } else {
            Err(at)
        }
    }

    /// The payload of the live entry `key`, if there is one.
    pub(crate) fn get(&self, key: &[u8]) -> Option<&[u8]> {
        if let Some(cells) = self.added.get(key) {
            return Some(cells);
        }
        match self.find(key) {
            Ok(at) if !self.is_removed(at) => Some(self.include_at(at)),
            _ => None,
        }
    }

    fn include_at(&self, at: usize) -> &[u8] {
        if self.base_include.is_empty() {
            &[]
        } else {
            self.base_include.get(at)
        }
    }

    /// Adds an entry (or replaces its INCLUDE cells); true if it is new.
    pub(crate) fn insert(&mut self, key: IndexKey, include: Box<[u8]>) -> bool {
        let new = if let Some(cells) = self.added.get_mut(key.as_bytes()) {
            *cells = include;
            false
        } else {
            match self.find(key.as_bytes()) {
                Ok(at) => {
                    let was_removed = self.is_removed(at);
                    if include.as_ref() != self.include_at(at) {
                        // Packed cells cannot change in place: the entry
                        // moves to the added tree, its slot counts as removed.
                        if !was_removed {
                            self.set_removed(at, true);
                        }
                        self.added.insert(key, include);
                    } else if was_removed {
                        self.set_removed(at, false);
                    }
                    was_removed
                }
                Err(_) => self.added.insert(key, include).is_none(),
            }
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

    /// Folds the writes back into one sorted array.
    fn compact(&mut self) {
        let with_include =
            !self.base_include.is_empty() || self.added.values().any(|cells| !cells.is_empty());
        let live = self.len();
        let key_bytes =
            self.base.total_len() + self.added.keys().map(|k| k.as_bytes().len()).sum::<usize>();
        let mut keys = Packed::with_capacity(live, key_bytes);
        let mut include = if with_include {
            let cells =
                self.base_include.total_len() + self.added.values().map(|c| c.len()).sum::<usize>();
            Packed::with_capacity(live, cells)
        } else {
            Packed::default()
        };
        let added = std::mem::take(&mut self.added);
        let mut added = added.iter().peekable();
        for at in 0..self.base.len() {
            if self.is_removed(at) {
                continue;
            }
            let key = self.base.get(at);
            while let Some((next, cells)) = added.next_if(|(k, _)| k.as_bytes() < key) {
                keys.push(next.as_bytes());
                if with_include {
                    include.push(cells);
                }
            }
            keys.push(key);
            if with_include {
                include.push(self.include_at(at));
            }
        }
        for (key, cells) in added {
            keys.push(key.as_bytes());
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
        let below = self.base.partition_point(|k| k < key);
        let above = self.base.partition_point(|k| k <= key);
        let base_before = self.live_before(below).map(|at| self.base.get(at));
        let base_after = self.live_from(above).map(|at| self.base.get(at));
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
            Bound::Included(b) => self.base.partition_point(|k| k < b),
            Bound::Excluded(b) => self.base.partition_point(|k| k <= b),
            Bound::Unbounded => 0,
        };
        let end = match upper {
            Bound::Included(b) => self.base.partition_point(|k| k <= b),
            Bound::Excluded(b) => self.base.partition_point(|k| k < b),
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
        let entry = move |at: usize| (self.base.get(at), self.include_at(at));
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

    /// The entries of `spans` (bounds that do not cross, in storage order),
    /// lazily, span after span; all reversed when asked.
    pub(crate) fn spans(&self, mut spans: Vec<Span>, reverse: bool) -> EntryIter<'_> {
        if reverse {
            spans.reverse();
        }
        Box::new(
            spans
                .into_iter()
                .flat_map(move |(low, high)| self.range(borrowed(&low), borrowed(&high), reverse)),
        )
    }

    /// Bytes held: the packed arrays of keys and INCLUDE cells, the bitmap
    /// and the tree of added entries.
    pub(crate) fn bytes(&self) -> usize {
        let added = self
            .added
            .iter()
            .map(|(k, c)| memory::allocation(k.heap_len()) + memory::allocation(c.len()))
            .sum::<usize>();
        self.base.heap()
            + self.base_include.heap()
            + memory::allocation(self.removed.capacity() * size_of::<u64>())
            + memory::tree_bytes::<IndexKey, Box<[u8]>>(self.added.len(), 0)
            + added
    }
}

fn borrowed(bound: &Bound<Vec<u8>>) -> Bound<&[u8]> {
    match bound {
        Bound::Included(b) => Bound::Included(b.as_slice()),
        Bound::Excluded(b) => Bound::Excluded(b.as_slice()),
        Bound::Unbounded => Bound::Unbounded,
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

    fn packed(numbers: impl Iterator<Item = u32>) -> Packed {
        let mut packed = Packed::default();
        for n in numbers {
            packed.push(&n.to_be_bytes());
        }
        packed
    }

    fn keys(entries: &Entries, reverse: bool) -> Vec<u32> {
        entries
            .range(Bound::Unbounded, Bound::Unbounded, reverse)
            .map(|(k, _)| u32::from_be_bytes(k.try_into().unwrap()))
            .collect()
    }

    #[test]
    fn writes_merge_with_the_built_vector_until_they_fold_back() {
        let mut entries = Entries::from_sorted(packed((0..3000).map(|n| n * 2)), Packed::default());
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
    fn sort_order_is_byte_order_for_shared_prefixes_and_lengths() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
        let mut strings: Vec<Vec<u8>> = Vec::new();
        // Long shared prefixes (runs through several words), keys that end
        // inside a word, zero bytes where padding would be, and duplicates.
        for _ in 0..5000 {
            let mut s = vec![7u8; rng.gen_range(0..30)];
            for _ in 0..rng.gen_range(0..6) {
                s.push(*[0u8, 1, 255].get(rng.gen_range(0..3)).unwrap());
            }
            strings.push(s);
        }
        strings.push(Vec::new());
        strings.push(vec![0; 8]);
        strings.push(vec![0; 9]);
        let mut packed = Packed::default();
        for s in &strings {
            packed.push(s);
        }
        let mut expected: Vec<&[u8]> = strings.iter().map(Vec::as_slice).collect();
        expected.sort();
        let order = sort_order(&packed);
        let sorted: Vec<&[u8]> = order.iter().map(|&at| packed.get(at as usize)).collect();
        assert_eq!(sorted, expected);
        let mut seen = order.clone();
        seen.sort_unstable();
        assert!(seen.iter().copied().eq(0..strings.len() as u32));
        // As records (every string here is under 64 bytes), and with one
        // string longer than that, by words.
        for long in [false, true] {
            let mut packed = packed.clone();
            let mut expected = expected.clone();
            let longer = vec![7u8; 100];
            if long {
                packed.push(&longer);
                expected.push(&longer);
                expected.sort();
            }
            let SortedKeys { keys, order } = sort_keys(packed.len(), None, true, &mut |key| {
                packed.iter().for_each(&mut *key);
                Ok(())
            })
            .unwrap();
            assert!(keys.iter().eq(expected.iter().copied()), "long {long}");
            assert!(order
                .iter()
                .map(|&at| packed.get(at as usize))
                .eq(keys.iter()));
            // Without the order, and in the records' own buffer, pushes go on.
            // Told too short a longest key, it looks again.
            let mut keys = sort_keys(packed.len(), Some(3), false, &mut |key| {
                packed.iter().for_each(&mut *key);
                Ok(())
            })
            .unwrap()
            .keys;
            assert!(keys.iter().eq(expected.iter().copied()));
            keys.push(b"tail");
            assert_eq!(keys.get(keys.len() - 1), b"tail");
            assert_eq!(keys.get(keys.len() - 2), *expected.last().unwrap());
        }
    }

    #[test]
    fn changed_include_cells_of_a_built_entry_are_read_back() {
        let mut include = Packed::default();
        for n in 0..3000u32 {
            include.push(&n.to_le_bytes());
        }
        let mut entries = Entries::from_sorted(packed(0..3000), include);
        // Same key, new (longer) cells: still one entry.
        assert!(!entries.insert(key(5), Box::new([9, 9, 9, 9, 9])));
        assert_eq!(entries.len(), 3000);
        let cells = |entries: &Entries, n: u32| {
            entries
                .iter()
                .find(|(k, _)| *k == n.to_be_bytes())
                .map(|(_, c)| c.to_vec())
        };
        assert_eq!(cells(&entries, 5), Some(vec![9; 5]));
        assert!(!entries.insert(key(5), Box::new([1])));
        assert_eq!(cells(&entries, 5), Some(vec![1]));
        assert!(entries.remove(&5u32.to_be_bytes()));
        assert_eq!(cells(&entries, 5), None);
        assert!(entries.insert(key(5), Box::new(5u32.to_le_bytes())));
        assert_eq!(cells(&entries, 5), Some(5u32.to_le_bytes().to_vec()));
        assert_eq!(entries.len(), 3000);
        entries.compact();
        assert_eq!(cells(&entries, 5), Some(5u32.to_le_bytes().to_vec()));
        assert_eq!(cells(&entries, 6), Some(6u32.to_le_bytes().to_vec()));
    }

    #[test]
    fn counts_match_reads_with_writes_pending() {
        let mut entries = Entries::from_sorted(packed((0..1000).map(|n| n * 2)), Packed::default());
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
