//! PostgreSQL 15's on-disk size of a heap relation and of a btree index
//! built by `CREATE INDEX` over it, from column types and row values.
//!
//! Heap: `heap_form_tuple` sizes (23-byte header plus null bitmap,
//! MAXALIGNed), 4-byte line pointers, a 24-byte page header, 8192-byte
//! pages, filled as one-row INSERTs fill them (`RelationGetBufferForTuple`:
//! the last page, else a page the free space map knows has room, else a
//! new page). Btree: `nbtsort.c`'s bottom-up build (leaf fillfactor 90,
//! internal 70, deduplication into posting lists for non-unique indexes,
//! suffix-truncated high keys, one metapage).

use gluesql_core::data::Value;
use serde::{Deserialize, Serialize};

use super::types::{self, maxalign, PgType};

pub const BLCKSZ: usize = 8192;
/// `SizeOfPageHeaderData`.
pub const PAGE_HEADER: usize = 24;
/// `sizeof(ItemIdData)`.
pub const LINE_POINTER: usize = 4;
/// `SizeofHeapTupleHeader` (before MAXALIGN).
pub const HEAP_TUPLE_HEADER: usize = 23;
/// `sizeof(IndexTupleData)`.
pub const INDEX_TUPLE_HEADER: usize = 8;
/// `sizeof(BTPageOpaqueData)`, the btree page's special space.
const BT_SPECIAL: usize = 16;
/// `FSM_CAT_STEP`: the free space map keeps free space in 32-byte steps.
const FSM_CAT_STEP: usize = 32;
/// `MaxHeapTuplesPerPage` for 8 kB pages.
const MAX_HEAP_TUPLES_PER_PAGE: usize = 291;

/// The size of the data part of a tuple (`heap_compute_data_size`): each
/// non-null value aligned to its type (none for a short varlena) and added.
pub fn data_size(types: &[PgType], values: &[&Value]) -> usize {
    let mut len = 0;
    for (ty, value) in types.iter().zip(values) {
        if matches!(value, Value::Null) {
            continue;
        }
        let (align, size) = ty.stored(value);
        len = types::align_to(len, align) + size;
    }
    len
}

/// `t_len` of a heap tuple: header (`t_hoff`: 23 bytes plus a null bitmap
/// of one bit per column when any value is null, MAXALIGNed) plus data.
pub fn heap_tuple_len(types: &[PgType], row: &[Value]) -> usize {
    let values: Vec<&Value> = row.iter().collect();
    let has_nulls = row.iter().any(|v| matches!(v, Value::Null));
    let bitmap = if has_nulls {
        types.len().div_ceil(8)
    } else {
        0
    };
    maxalign(HEAP_TUPLE_HEADER + bitmap) + data_size(types, &values)
}

/// What a heap relation takes on disk.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeapShape {
    /// `relpages`.
    pub pages: u64,
    /// Live tuples (`reltuples` after ANALYZE reads every page).
    pub tuples: u64,
}

/// One heap page being filled: `pd_upper - pd_lower`, and its tuples.
struct HeapPage {
    free: usize,
    tuples: usize,
}

impl HeapPage {
    fn new() -> Self {
        HeapPage {
            free: BLCKSZ - PAGE_HEADER,
            tuples: 0,
        }
    }

    /// `PageGetHeapFreeSpace`: the room left after one more line pointer,
    /// none once the page holds `MaxHeapTuplesPerPage` tuples.
    fn heap_free_space(&self) -> usize {
        if self.tuples >= MAX_HEAP_TUPLES_PER_PAGE {
            return 0;
        }
        self.free.saturating_sub(LINE_POINTER)
    }

    fn add(&mut self, aligned_len: usize) {
        self.free -= aligned_len + LINE_POINTER;
        self.tuples += 1;
    }
}

/// The heap pages one-row INSERTs in this order leave (fillfactor 100).
pub fn heap_pages<'a>(types: &[PgType], rows: impl IntoIterator<Item = &'a [Value]>) -> HeapShape {
    let blocks = heap_placement(types, rows);
    HeapShape {
        pages: blocks.iter().max().map_or(0, |&b| b as u64 + 1),
        tuples: blocks.len() as u64,
    }
}

/// The block each row lands on when one-row INSERTs add them in this order,
/// as `RelationGetBufferForTuple` places a tuple: on the current target
/// page if it fits, else on a page the free space map records with
/// enough room (searched from the slot after the last one it handed out,
/// wrapping, as `fsm_search_avail` does from `fp_next_slot`), else on a
/// new page. A page left behind is recorded in 32-byte steps. Rows on the
/// same block lie in insertion order, so (block, insertion order) is the
/// physical order ANALYZE and index builds see.
pub fn heap_placement<'a>(
    types: &[PgType],
    rows: impl IntoIterator<Item = &'a [Value]>,
) -> Vec<u32> {
    let mut pages: Vec<HeapPage> = Vec::new();
    let mut fsm: Vec<usize> = Vec::new(); // category per page; 0 = unknown
    let mut next_slot = 0usize;
    let mut target: Option<usize> = None;
    let mut blocks = Vec::new();
    for row in rows {
        let len = maxalign(heap_tuple_len(types, row));
        if let Some(t) = target {
            if len <= pages[t].heap_free_space() {
                pages[t].add(len);
                blocks.push(t as u32);
                continue;
            }
            fsm[t] = pages[t].heap_free_space() / FSM_CAT_STEP;
        }
        let needed = len.div_ceil(FSM_CAT_STEP);
        let n = pages.len();
        let start = if next_slot < n { next_slot } else { 0 };
        let recorded = (start..n)
            .chain(0..start)
            .find(|&p| fsm[p] >= needed && len <= pages[p].heap_free_space());
        let page = match recorded {
            Some(p) => {
                next_slot = p + 1;
                p
            }
            None => {
                pages.push(HeapPage::new());
                fsm.push(0);
                pages.len() - 1
            }
        };
        pages[page].add(len);
        blocks.push(page as u32);
        target = Some(page);
    }
    blocks
}

/// Row positions in physical order: by block, then insertion order.
pub fn physical_order(blocks: &[u32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..blocks.len()).collect();
    order.sort_by_key(|&r| (blocks[r], r));
    order
}

/// Heap pages for `tuples` rows of one average tuple length (`t_len`), as
/// many whole tuples per page as fit: the estimate when rows are alike.
pub fn heap_pages_uniform(tuple_len: usize, tuples: u64) -> u64 {
    let per_page = ((BLCKSZ - PAGE_HEADER) / (maxalign(tuple_len) + LINE_POINTER))
        .clamp(1, MAX_HEAP_TUPLES_PER_PAGE) as u64;
    tuples.div_ceil(per_page)
}

/// A btree index's key and INCLUDE columns, by position in the table's rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BtreeDef {
    pub key_columns: Vec<usize>,
    pub include_columns: Vec<usize>,
    /// UNIQUE or PRIMARY KEY: no deduplication.
    pub unique: bool,
}

/// What a btree index takes on disk and its height.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexShape {
    /// All blocks, metapage included (`RelationGetNumberOfBlocks`, the
    /// `index->pages` the planner uses).
    pub pages: u64,
    /// Leaf pages.
    pub leaf_pages: u64,
    /// Levels above the leaves (`_bt_getrootheight`: 0 when the root is a leaf).
    pub height: u32,
    /// Heap tuples indexed (the planner's `index->tuples`).
    pub tuples: u64,
}

/// One index tuple: its size and, for high-key truncation, its key values.
#[derive(Clone)]
struct Item<'a> {
    size: usize,
    /// The posting list's bytes (`truncextra`): 0 for a plain tuple.
    extra: usize,
    keys: Vec<&'a Value>,
}

/// The size of an index tuple holding `values` (`index_form_tuple`): the
/// 8-byte header, 16 with the null bitmap, plus the data, MAXALIGNed.
fn index_tuple_size(types: &[PgType], values: &[&Value]) -> usize {
    let has_nulls = values.iter().any(|v| matches!(v, Value::Null));
    let header = if has_nulls {
        maxalign(INDEX_TUPLE_HEADER + 4)
    } else {
        INDEX_TUPLE_HEADER
    };
    maxalign(header + data_size(types, values))
}

/// The btree `CREATE INDEX` builds over `rows` (in insertion order; equal
/// keys sort by heap TID, the physical order of [`heap_placement`]).
/// `types` are all the table's column types.
pub fn btree(types: &[PgType], rows: &[Vec<Value>], def: &BtreeDef) -> IndexShape {
    let key_types: Vec<PgType> = def.key_columns.iter().map(|&c| types[c]).collect();
    let all_columns: Vec<usize> = def
        .key_columns
        .iter()
        .chain(&def.include_columns)
        .copied()
        .collect();
    let all_types: Vec<PgType> = all_columns.iter().map(|&c| types[c]).collect();
    let blocks = heap_placement(types, rows.iter().map(|r| r.as_slice()));
    let mut tid = vec![0usize; rows.len()];
    for (rank, r) in physical_order(&blocks).into_iter().enumerate() {
        tid[r] = rank;
    }
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| {
        for &c in &def.key_columns {
            let o = null_last_cmp(&rows[a][c], &rows[b][c]);
            if o.is_ne() {
                return o;
            }
        }
        tid[a].cmp(&tid[b])
    });
    let dedup = !def.unique && key_types.iter().all(|t| t.btree_equalimage());
    let entries = order.iter().map(|&r| {
        let all: Vec<&Value> = all_columns.iter().map(|&c| &rows[r][c]).collect();
        let keys = all[..def.key_columns.len()].to_vec();
        Item {
            size: index_tuple_size(&all_types, &all),
            extra: 0,
            keys,
        }
    });
    let leaf_items = if dedup {
        deduplicate(entries)
    } else {
        entries.collect()
    };
    let mut builder = Builder::new(key_types);
    for item in leaf_items {
        builder.add(0, item);
    }
    builder.finish(rows.len() as u64)
}

/// NULLs sort last (the default `ASC NULLS LAST`).
fn null_last_cmp(a: &Value, b: &Value) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (matches!(a, Value::Null), matches!(b, Value::Null)) {
        (true, true) => Equal,
        (true, false) => Greater,
        (false, true) => Less,
        (false, false) => types::compare(a, b),
    }
}

fn keys_equal(a: &[&Value], b: &[&Value]) -> bool {
    a.iter().zip(b).all(|(x, y)| null_last_cmp(x, y).is_eq())
}

/// `_bt_load`'s deduplication: equal keys merge into posting-list tuples
/// (`MAXALIGN(base + 6 bytes per TID)`) up to `maxpostingsize`
/// (`MAXALIGN_DOWN(BLCKSZ * 10 / 100) - sizeof(ItemIdData)`); a posting
/// list of one TID stays a plain tuple.
fn deduplicate<'a>(entries: impl Iterator<Item = Item<'a>>) -> Vec<Item<'a>> {
    const TID: usize = 6;
    let max_posting = (BLCKSZ * 10 / 100) / 8 * 8 - LINE_POINTER;
    let mut out: Vec<Item> = Vec::new();
    let mut pending: Option<(Item, usize)> = None; // base, TIDs
    let finish = |(base, n): (Item<'a>, usize)| {
        let size = if n > 1 {
            maxalign(base.size + n * TID)
        } else {
            base.size
        };
        Item {
            extra: size - base.size,
            size,
            ..base
        }
    };
    for entry in entries {
        pending = match pending.take() {
            Some((base, n))
                if keys_equal(&base.keys, &entry.keys)
                    && maxalign(base.size + (n + 1) * TID) <= max_posting =>
            {
                Some((base, n + 1))
            }
            Some(done) => {
                out.push(finish(done));
                Some((entry, 1))
            }
            None => Some((entry, 1)),
        };
    }
    if let Some(done) = pending {
        out.push(finish(done));
    }
    out
}

/// One level's page being filled by `_bt_buildadd`.
struct LevelPage<'a> {
    /// `pd_upper - pd_lower`.
    free: usize,
    /// Data items on the page (the high key's slot is reserved apart).
    items: Vec<Item<'a>>,
    /// Pages finished at this level.
    finished: u64,
    /// The low key of the current page (its parent's downlink).
    low_key: Item<'a>,
}

struct Builder<'a> {
    key_types: Vec<PgType>,
    levels: Vec<LevelPage<'a>>,
}

/// The 8-byte "minus infinity" pivot: a header with no attributes.
fn minus_infinity<'a>() -> Item<'a> {
    Item {
        size: INDEX_TUPLE_HEADER,
        extra: 0,
        keys: Vec::new(),
    }
}

impl<'a> Builder<'a> {
    fn new(key_types: Vec<PgType>) -> Self {
        Builder {
            key_types,
            levels: Vec::new(),
        }
    }

    fn new_page() -> usize {
        // The page header and the line pointer reserved for the high key.
        BLCKSZ - BT_SPECIAL - PAGE_HEADER - LINE_POINTER
    }

    /// `_bt_buildadd` at `level`.
    fn add(&mut self, level: usize, item: Item<'a>) {
        if self.levels.len() <= level {
            self.levels.push(LevelPage {
                free: Self::new_page(),
                items: Vec::new(),
                finished: 0,
                low_key: minus_infinity(),
            });
        }
        let leaf = level == 0;
        // BTGetTargetPageFreeSpace (fillfactor 90) or 70 for internal pages.
        let full = if leaf {
            BLCKSZ * 10 / 100
        } else {
            BLCKSZ * 30 / 100
        };
        let page = &self.levels[level];
        let free_space = page.free.saturating_sub(LINE_POINTER);
        let room_for_tid = if leaf { 8 } else { 0 };
        // The last item's posting list goes if it becomes the high key.
        let last_extra = page.items.last().map_or(0, |i| i.extra);
        if free_space < item.size + room_for_tid
            || (free_space + last_extra < full && page.items.len() > 1)
        {
            self.finish_page(level);
        }
        let page = &mut self.levels[level];
        // An internal page's first data item is truncated to minus infinity.
        let item = if !leaf && page.items.is_empty() {
            minus_infinity()
        } else {
            item
        };
        page.free -= item.size + LINE_POINTER;
        page.items.push(item);
    }

    /// Ends the current page of `level`: its last item moves to a new page
    /// and a (suffix-truncated, on leaves) copy of it becomes the high key
    /// and the new page's low key, added to the parent level.
    fn finish_page(&mut self, level: usize) {
        let leaf = level == 0;
        let page = &mut self.levels[level];
        let last = page.items.pop().expect("a full page has items");
        let high_key = if leaf {
            let left = page.items.last().expect("two items at least");
            truncated_pivot(&self.key_types, left, &last)
        } else {
            last.clone()
        };
        let page = &mut self.levels[level];
        let low_key = std::mem::replace(&mut page.low_key, high_key);
        page.finished += 1;
        page.items.clear();
        page.free = Self::new_page();
        let moved = if leaf { last } else { minus_infinity() };
        page.free -= moved.size + LINE_POINTER;
        page.items.push(moved);
        self.add(level + 1, low_key);
    }
}

/// `_bt_truncate(lastleft, firstright)`: firstright's leading key
/// attributes up to the first that differs from lastleft; all of them
/// plus a heap TID when every key attribute is equal.
fn truncated_pivot<'a>(key_types: &[PgType], left: &Item<'a>, right: &Item<'a>) -> Item<'a> {
    let equal = left
        .keys
        .iter()
        .zip(&right.keys)
        .take_while(|(a, b)| null_last_cmp(a, b).is_eq())
        .count();
    let keep = (equal + 1).min(right.keys.len());
    let keys: Vec<&Value> = right.keys[..keep].to_vec();
    let mut size = index_tuple_size(&key_types[..keep], &keys);
    if equal == right.keys.len() {
        size = maxalign(size) + 8;
    }
    Item {
        size,
        extra: 0,
        keys,
    }
}

impl Builder<'_> {
    /// `_bt_uppershutdown`: each level's last page links into its parent;
    /// the top level's single page is the root.
    fn finish(mut self, tuples: u64) -> IndexShape {
        let mut level = 0;
        while level < self.levels.len() {
            if level + 1 < self.levels.len() {
                let low_key = std::mem::replace(&mut self.levels[level].low_key, minus_infinity());
                self.add(level + 1, low_key);
            }
            self.levels[level].finished += 1;
            level += 1;
        }
        let leaf_pages = self.levels.first().map_or(0, |l| l.finished);
        let all: u64 = self.levels.iter().map(|l| l.finished).sum();
        IndexShape {
            pages: 1 + all,
            leaf_pages,
            height: self.levels.len().saturating_sub(1) as u32,
            tuples,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_rows(n: i64) -> Vec<Vec<Value>> {
        (0..n).map(|i| vec![Value::I64(i)]).collect()
    }

    #[test]
    fn one_int_column_fits_226_per_page() {
        // 24-byte header + 4 data = 28 -> 32 aligned, + 4 line pointer:
        // 8168 / 36 = 226 tuples per page.
        let rows = int_rows(10_000);
        let shape = heap_pages(&[PgType::Int4], rows.iter().map(|r| r.as_slice()));
        assert_eq!(shape.pages, 10_000u64.div_ceil(226));
        assert_eq!(heap_pages_uniform(28, 10_000), shape.pages);
    }

    #[test]
    fn nulls_add_a_bitmap() {
        let types = vec![PgType::Int4; 9];
        let mut row = vec![Value::I64(1); 9];
        assert_eq!(heap_tuple_len(&types, &row), 24 + 36);
        row[0] = Value::Null;
        assert_eq!(heap_tuple_len(&types, &row), 32 + 32);
    }

    #[test]
    fn unique_int_btree_pages() {
        // A leaf holds 367 16-byte tuples before its free space falls under
        // 819 bytes; the last moves on, so 366 stay. PostgreSQL 15 measured
        // 332 pages and height 2 for this primary key (tests/pg15_costs.rs).
        let rows = int_rows(120_000);
        let def = BtreeDef {
            key_columns: vec![0],
            include_columns: vec![],
            unique: true,
        };
        let shape = btree(&[PgType::Int4], &rows, &def);
        assert_eq!(shape.leaf_pages, 120_000u64.div_ceil(366));
        assert_eq!(shape.height, 2);
        assert_eq!(shape.pages, 332);
    }

    #[test]
    fn duplicates_deduplicate() {
        let rows: Vec<Vec<Value>> = (0..100_000).map(|i| vec![Value::I64(i % 10)]).collect();
        let plain = BtreeDef {
            key_columns: vec![0],
            include_columns: vec![],
            unique: false,
        };
        let shape = btree(&[PgType::Int4], &rows, &plain);
        assert!(shape.pages < 100, "{shape:?}");
    }
}
