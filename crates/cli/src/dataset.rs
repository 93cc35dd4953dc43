//! The flags that pick a sample database, shared by every subcommand.
use clap::Args;
use seekscan_core::catalog::IndexSet;
use seekscan_core::experiment::{DEFAULT_SCALE, DEFAULT_SEED, MAX_SCALE};

/// The two configurations a comparison runs under.
#[derive(Args)]
pub struct ConfigArgs {
    /// Configuration A: none, phase3, all or a comma list of index names.
    #[arg(long, value_parser = index_spec, default_value = "none")]
    pub a: String,
    /// Configuration B, like --a.
    #[arg(long, value_parser = index_spec, default_value = "phase3")]
    pub b: String,
}

/// Which sample database: the same seed and scale give the same rows.
#[derive(Args)]
pub struct DatasetArgs {
    #[arg(long, default_value_t = DEFAULT_SEED)]
    pub seed: u64,
    /// Number of audit events (at most 2,000,000); the other tables derive from it.
    #[arg(long, default_value_t = DEFAULT_SCALE as u64, value_parser = clap::value_parser!(u64).range(1..=MAX_SCALE as u64))]
    scale: u64,
}

impl DatasetArgs {
    pub fn scale(&self) -> usize {
        self.scale as usize
    }
}

/// An index configuration flag (`none`, `phase3`, `all` or a comma list of
/// built-in index names), checked when the flags are read so that a bad
/// name exits 2 like any other bad flag value.
pub fn index_spec(spec: &str) -> Result<String, String> {
    IndexSet::parse(spec).map(|_| spec.to_owned())
}
