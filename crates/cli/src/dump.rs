//! `seekscan dump`: the sample database as SQL for sqlite3 and psql.
use seekscan_core::catalog::{builtin_indexes, IndexSet};
use seekscan_core::dump;
use seekscan_core::generator::{self, DatasetSpec};

use crate::output;

pub fn dump(seed: u64, scale: usize, indexes: &str) -> Result<(), String> {
    let set = IndexSet::parse(indexes).map_err(|e| format!("--indexes: {e}"))?;
    let defs: Vec<_> = builtin_indexes()
        .into_iter()
        .filter(|d| set.contains(&d.name))
        .collect();
    let dataset = generator::generate(&DatasetSpec { seed, scale });
    output::to_stdout(|out| dump::write_dataset(&dataset, &defs, out))
}
