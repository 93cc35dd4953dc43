//! Indexes defined but built elsewhere (see `crate::background`): the
//! catalog lists them and links may name them, but no plan can use them
//! until their image arrives and is installed over exactly the rows it was
//! built from. Until then `waiting_for` tells which statements must wait.
use std::collections::{BTreeMap, BTreeSet};

use gluesql_core::error::Result;

use super::image::{self, ByteSource, ImageBytes, IndexImage};
use super::{build, SeekStorage};
use crate::catalog::IndexDef;

impl SeekStorage {
    /// Defines `defs` without building them: each is checked against the
    /// catalog and its table as `create_indexes` checks it. Nothing
    /// changes on error.
    pub fn defer_indexes(&mut self, defs: Vec<IndexDef>) -> std::result::Result<(), String> {
        let mut names = BTreeSet::new();
        for def in &defs {
            if !names.insert(def.name.as_str()) {
                return Err(format!("an index named {} already exists", def.name));
            }
            self.empty_index(def.clone())?;
        }
        self.pending.extend(defs);
        Ok(())
    }

    /// The indexes defined but not built yet, by name.
    pub fn pending_indexes(&self) -> Vec<String> {
        self.pending.iter().map(|d| d.name.clone()).collect()
    }

    pub fn pending_def(&self, name: &str) -> Option<&IndexDef> {
        self.pending.iter().find(|d| d.name == name)
    }

    /// Pending indexes on any of `tables`: a statement that reads one of
    /// them waits, since its plan and estimates depend on every index of
    /// the table (statistics describe the data, hidden indexes too).
    pub fn pending_on<'a>(&self, tables: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        let tables: BTreeSet<&str> = tables.into_iter().collect();
        self.pending
            .iter()
            .filter(|d| tables.contains(d.table.as_str()))
            .map(|d| d.name.clone())
            .collect()
    }

    /// An image of index `name` (see `image`), or `None` if no such index
    /// is built.
    pub fn export_index(&self, name: &str) -> Option<Vec<u8>> {
        let table = self
            .tables
            .values()
            .find(|t| t.indexes.contains_key(name))?;
        let digest = image::digest(&table.rows);
        Some(table.indexes[name].image(&table.rows, digest).to_vec())
    }

    /// Installs the image of a pending index; returns its name, or `None`
    /// when no index of that name is pending (it was dropped, or the image
    /// is of data loaded before). The image must be of the pending index's
    /// definition, built over rows equal to this table's (count and
    /// digest). Nothing changes on error.
    pub fn install_index(
        &mut self,
        source: &dyn ByteSource,
    ) -> std::result::Result<Option<String>, String> {
        let image = IndexImage::decode(source)?;
        let name = image.def.name.clone();
        let Some(def) = self.pending_def(&name).cloned() else {
            return Ok(None);
        };
        let mut index = self.empty_index_unchecked(def)?;
        let table = self
            .tables
            .get(&index.def.table)
            .ok_or_else(|| format!("table {} does not exist", index.def.table))?;
        let rows = table.rows.len() as u64;
        if image.table_rows != rows || image.keys.len() as u64 != rows {
            return Err(format!(
                "the image of index {name} was built over {} rows, the table has {rows}",
                image.table_rows
            ));
        }
        let digest = *self
            .pending_digests
            .borrow_mut()
            .entry(index.def.table.clone())
            .or_insert_with(|| image::digest(&table.rows));
        if image.table_digest != digest {
            return Err(format!(
                "the image of index {name} was built over other rows than the table's"
            ));
        }
        index.fill_from(image).map_err(|e| e.to_string())?;
        self.pending.retain(|d| d.name != name);
        self.forget_digests();
        if let Some(table) = self.tables.get_mut(&index.def.table) {
            table.indexes.insert(name.clone(), index);
        }
        Ok(Some(name))
    }

    /// Digests of tables with nothing pending are dropped: such a table
    /// takes writes again.
    fn forget_digests(&self) {
        let tables: BTreeSet<String> = self.pending.iter().map(|d| d.table.clone()).collect();
        self.pending_digests
            .borrow_mut()
            .retain(|table, _| tables.contains(table));
    }

    /// A write to a table with pending indexes is refused (the service
    /// holds writes until nothing is pending, so only a direct caller of
    /// the storage sees this): their images are of the rows as loaded.
    pub(crate) fn refuse_pending(&self, table: &str) -> Result<()> {
        match self.pending_on([table]).first() {
            Some(name) => Err(gluesql_core::error::Error::StorageMsg(format!(
                "index {name} of {table} is still being built: try again once it is"
            ))),
            None => Ok(()),
        }
    }

    /// Images of the indexes `names` (built here), each handed to `image`
    /// and then dropped, so that one index's memory is freed before the
    /// next image is made; each table's digest is computed once.
    pub fn export_and_drop(
        &mut self,
        names: &[String],
        image: &mut dyn FnMut(&str, &ImageBytes),
    ) -> std::result::Result<(), String> {
        let mut digests: BTreeMap<String, u64> = BTreeMap::new();
        for name in names {
            let table = self
                .tables
                .values()
                .find(|t| t.indexes.contains_key(name))
                .ok_or_else(|| format!("index {name} was not built"))?;
            let digest = *digests
                .entry(table.schema.table_name.clone())
                .or_insert_with(|| image::digest(&table.rows));
            image(name, &table.indexes[name].image(&table.rows, digest));
            self.drop_index(name)?;
        }
        Ok(())
    }

    /// Builds every pending index here instead (when no image can come);
    /// `started(name)` is told as each build begins.
    pub fn build_pending(&mut self, started: &mut dyn FnMut(&str)) -> Result<Vec<String>> {
        let defs = std::mem::take(&mut self.pending);
        let names: Vec<String> = defs.iter().map(|d| d.name.clone()).collect();
        let mut empty = Vec::with_capacity(defs.len());
        for def in &defs {
            match self.empty_index_unchecked(def.clone()) {
                Ok(index) => empty.push(index),
                Err(error) => {
                    self.pending = defs;
                    return Err(gluesql_core::error::Error::StorageMsg(error));
                }
            }
        }
        match build::build_indexes(&self.tables, empty, started) {
            Ok(built) => {
                for index in built {
                    if let Some(table) = self.tables.get_mut(&index.def.table) {
                        table.indexes.insert(index.def.name.clone(), index);
                    }
                }
                self.forget_digests();
                Ok(names)
            }
            Err(error) => {
                self.pending = defs;
                Err(error)
            }
        }
    }
}
