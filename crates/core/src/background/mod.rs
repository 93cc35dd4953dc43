//! Index builds on another core. A wasm worker has one thread, so the
//! engine hands the indexes of its large tables to a second worker: that
//! one generates the same rows (the generator is deterministic) and builds
//! them while the engine generates, stores and serves the rest; each index
//! comes back as an image (see `storage::image`) that the engine installs
//! over its own rows, checked to be the same rows. Until then those indexes
//! are pending: the catalog lists them and a statement that reads their
//! table waits (`Service` holds it and says what it waits for).
//!
//! Natively nothing is deferred: the CLI and the tests build every index
//! at load, on every core (`storage::build`).
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::catalog::IndexDef;
use crate::engine::Engine;
use crate::generator::{self, DatasetSpec};

/// A table with fewer rows has its indexes built with the load: building
/// them elsewhere would not make the load noticeably shorter.
pub const MIN_ROWS: usize = 50_000;

/// What a background build is asked for: the dataset and the indexes.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct BuildOrder {
    pub seed: u64,
    pub scale: usize,
    pub defs: Vec<IndexDef>,
}

/// Whatever builds an order away from the engine (the page's second
/// worker). The engine installs what it sends back.
pub trait Builder {
    /// Starts building `order`; false if it cannot, and then the engine
    /// builds those indexes itself.
    fn start(&mut self, order: &BuildOrder) -> bool;
    /// Ends the build under way, whose indexes are no longer wanted (the
    /// dataset was replaced).
    fn cancel(&mut self);
}

/// The indexes of `defs` worth building elsewhere at `scale`: those on a
/// table of at least `MIN_ROWS` generated rows.
pub fn worth_deferring(defs: &[IndexDef], scale: usize) -> Vec<IndexDef> {
    let sizes = generator::table_sizes(scale);
    let large: BTreeSet<&str> = generator::TABLE_ORDER
        .iter()
        .zip(sizes)
        .filter(|(_, rows)| *rows >= MIN_ROWS)
        .map(|(table, _)| *table)
        .collect();
    defs.iter()
        .filter(|d| large.contains(d.table.as_str()))
        .cloned()
        .collect()
}

/// Carries out `order`: generates the rows of its indexes' tables as a
/// load does, then builds one index at a time, handing each one's name
/// and image to `built` before the next is built (an index's memory is
/// freed once its image is made).
pub fn build(order: &BuildOrder, built: &mut dyn FnMut(&str, Vec<u8>)) -> Result<(), String> {
    let tables: BTreeSet<&str> = order.defs.iter().map(|d| d.table.as_str()).collect();
    let spec = DatasetSpec {
        seed: order.seed,
        scale: order.scale,
    };
    let (mut engine, _) = Engine::generate_tables(
        &spec,
        &|table| tables.contains(table),
        &mut |_, _| {},
        &mut |_, _| {},
    )
    .map_err(|e| e.to_string())?;
    let storage = engine.storage_mut();
    for def in &order.defs {
        storage.create_index(def.clone())?;
        let image = storage
            .export_index(&def.name)
            .ok_or_else(|| format!("index {} was not built", def.name))?;
        storage.drop_index(&def.name)?;
        built(&def.name, image);
    }
    Ok(())
}

#[cfg(test)]
mod tests;
