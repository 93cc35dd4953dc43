//! `seekscan dump`: the sample database as SQL for sqlite3 and psql
//! (`--dialect sqlite`, the default), or in PostgreSQL's own types
//! (`--dialect postgres`).
use seekscan_core::catalog::{builtin_indexes, IndexSet};
use seekscan_core::dump;
use seekscan_core::generator::{self, DatasetSpec};

use crate::output;

pub fn dump(seed: u64, scale: usize, indexes: &str, dialect: &str) -> Result<(), String> {
    let dialect: dump::Dialect = dialect.parse().map_err(|e| format!("--dialect: {e}"))?;
    let set = IndexSet::parse(indexes).map_err(|e| format!("--indexes: {e}"))?;
    let defs: Vec<_> = builtin_indexes()
        .into_iter()
        .filter(|d| set.contains(&d.name))
        .collect();
    let dataset = generator::generate(&DatasetSpec { seed, scale });
    output::to_stdout(|out| dump::write_dataset_in(dialect, &dataset, &defs, out))
}
