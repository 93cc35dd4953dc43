//! The flags that pick a sample database, shared by every subcommand.
use clap::Args;
use seekscan_core::experiment::{DEFAULT_SCALE, DEFAULT_SEED};

/// Which sample database: the same seed and scale give the same rows.
#[derive(Args)]
pub struct DatasetArgs {
    #[arg(long, default_value_t = DEFAULT_SEED)]
    pub seed: u64,
    /// Number of audit events; the other tables derive from it.
    #[arg(long, default_value_t = DEFAULT_SCALE as u64, value_parser = clap::value_parser!(u64).range(1..))]
    scale: u64,
}

impl DatasetArgs {
    pub fn scale(&self) -> usize {
        self.scale as usize
    }
}
