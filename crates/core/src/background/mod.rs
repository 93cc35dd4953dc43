//! Index builds on other cores. A wasm worker has one thread, so the
//! engine hands the indexes of its large tables to builders in other
//! workers: once its load is done (and answered) it sends them those
//! tables' rows as it stores them, and answers queries on the other
//! tables meanwhile. Each builder builds its share of the indexes and
//! sends each back as an image (see `storage::image`), which the engine
//! installs over its own rows after checking they are the same rows. Until then those indexes are pending:
//! the catalog lists them and a statement that reads their table waits
//! (`Service` holds it and says what it waits for).
//!
//! Natively nothing is deferred: the CLI and the tests build every index
//! at load, on every core (`storage::build`).
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::IndexDef;
use crate::engine::Engine;
use crate::generator;
use crate::storage::build::BulkLoad;
use crate::storage::{ByteSource, ImageBytes, SharedRows};

/// A table with fewer rows has its indexes built with the load: building
/// them elsewhere would not make the load noticeably shorter.
pub const MIN_ROWS: usize = 50_000;

/// What a background build is asked for: the indexes, and the dataset
/// whose rows will come (to tell one load's build from another's).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct BuildOrder {
    pub seed: u64,
    pub scale: usize,
    pub defs: Vec<IndexDef>,
}

/// Whatever builds an order away from the engine (the page's builder
/// workers). The engine installs what they send back.
pub trait Builder {
    /// Starts building `order` (or keeps a build of it already started for
    /// this load, ending any other); false if it cannot, and then the
    /// engine builds those indexes itself.
    fn start(&mut self, order: &BuildOrder) -> bool;
    /// The rows of a table the order indexes, as the engine stores them
    /// (see `Collector::add`), once loaded.
    fn rows(&mut self, table: &str, rows: &SharedRows);
    /// Ends the build under way, whose indexes are no longer wanted (the
    /// dataset was replaced, or the engine builds them itself).
    fn cancel(&mut self);
}

/// The indexes of `defs` worth building elsewhere at `scale`: those on a
/// table of at least `MIN_ROWS` generated rows.
pub fn worth_deferring(defs: &[IndexDef], scale: usize) -> Vec<IndexDef> {
    let sizes = generator::table_sizes(scale);
    defs.iter()
        .filter(|d| {
            generator::TABLE_ORDER
                .iter()
                .position(|t| *t == d.table)
                .is_some_and(|at| sizes[at] >= MIN_ROWS)
        })
        .cloned()
        .collect()
}

/// What a load of `scale` leaves to builders: the built-in indexes worth
/// deferring, if any are.
pub fn order(seed: u64, scale: usize) -> Option<BuildOrder> {
    let defs = worth_deferring(&crate::catalog::builtin_indexes(), scale);
    (!defs.is_empty()).then_some(BuildOrder { seed, scale, defs })
}

/// `order` shared among at most `builders` builders, each getting whole
/// indexes, the widest first to the one with the least work so far.
pub fn share(order: &BuildOrder, builders: usize) -> Vec<BuildOrder> {
    let count = builders.clamp(1, order.defs.len().max(1));
    let mut shares: Vec<BuildOrder> = (0..count)
        .map(|_| BuildOrder {
            defs: Vec::new(),
            ..order.clone()
        })
        .collect();
    let width = |d: &IndexDef| d.keys.len() + d.include.len();
    let mut defs = order.defs.clone();
    defs.sort_by_key(|d| std::cmp::Reverse(width(d)));
    for def in defs {
        let lightest = shares
            .iter_mut()
            .min_by_key(|s| s.defs.iter().map(width).sum::<usize>())
            .expect("at least one share");
        lightest.defs.push(def);
    }
    shares.retain(|s| !s.defs.is_empty());
    shares
}

/// A builder's side: takes the rows the engine sends, then builds its
/// order's indexes over them.
pub struct Collector {
    order: BuildOrder,
    engine: Engine,
    loads: BTreeMap<String, BulkLoad>,
}

impl Collector {
    pub fn new(order: BuildOrder) -> Result<Self, String> {
        let engine = Engine::with_tables().map_err(|e| e.to_string())?;
        Ok(Self {
            order,
            engine,
            loads: BTreeMap::new(),
        })
    }

    /// Keeps rows of `table`, as `SharedRows::write` wrote them.
    pub fn add(&mut self, table: &str, chunk: &dyn ByteSource) -> Result<(), String> {
        if !self.order.defs.iter().any(|d| d.table == table) {
            return Err(format!(
                "rows of {table}, which no index of this build is on"
            ));
        }
        if !self.loads.contains_key(table) {
            let at = generator::TABLE_ORDER.iter().position(|t| *t == table);
            let expected = at.map_or(0, |at| generator::table_sizes(self.order.scale)[at]);
            let load = self
                .engine
                .storage()
                .begin_bulk(table, expected)
                .map_err(|e| e.to_string())?;
            self.loads.insert(table.to_owned(), load);
        }
        let load = self.loads.get_mut(table).expect("a load of the table");
        load.add_bytes(chunk)
    }

    /// Whether rows came for every table of the order (each table's rows
    /// come whole, in one piece).
    pub fn complete(&self) -> bool {
        self.order
            .defs
            .iter()
            .all(|d| self.loads.contains_key(&d.table))
    }

    /// Stores the rows, builds every index of the order, and hands each
    /// one's name and image to `built` (an index's memory is freed once its
    /// image is made).
    pub fn finish(mut self, built: &mut dyn FnMut(&str, &ImageBytes)) -> Result<(), String> {
        let storage = self.engine.storage_mut();
        for load in std::mem::take(&mut self.loads).into_values() {
            storage.finish_bulk(load).map_err(|e| e.to_string())?;
        }
        // All at once: a table's longest keys are measured in one pass.
        storage.create_indexes(self.order.defs.clone(), &mut |_| {})?;
        let names: Vec<String> = self.order.defs.iter().map(|d| d.name.clone()).collect();
        storage.export_and_drop(&names, built)
    }
}

#[cfg(test)]
mod tests;
