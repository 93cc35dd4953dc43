//! The flags that pick a sample database, shared by every subcommand.
use clap::Args;
use seekscan_core::catalog::IndexSet;
use seekscan_core::engine::Engine;
use seekscan_core::experiment::{DEFAULT_SCALE, DEFAULT_SEED, MAX_SCALE};
use seekscan_core::pg15::PgSettings;
use seekscan_core::planner::ModelKind;

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
    /// The cost model that plans: postgres (PostgreSQL 15's costs), sqlite
    /// (SQLite's planner) or memory (seekscan's own in-memory costs).
    #[arg(long, default_value = "memory", value_parser = parse_model)]
    pub planner: ModelKind,
    /// A PostgreSQL setting for the postgres planner, as NAME=VALUE
    /// (random_page_cost=1.1, work_mem=64MB); repeatable.
    #[arg(long = "pg-setting", value_name = "NAME=VALUE", value_parser = parse_pg_setting)]
    pub pg_settings: Vec<(String, String)>,
}

impl DatasetArgs {
    pub fn scale(&self) -> usize {
        self.scale as usize
    }

    /// The planner model and PostgreSQL settings the flags ask for.
    pub fn configure(&self, engine: &mut Engine) -> Result<(), String> {
        let mut settings = PgSettings::defaults();
        for (name, value) in &self.pg_settings {
            settings
                .set(name, value)
                .map_err(|e| format!("--pg-setting {name}={value}: {e}"))?;
        }
        engine.set_model(self.planner);
        engine.set_pg_settings(settings);
        Ok(())
    }
}

fn parse_model(text: &str) -> Result<ModelKind, String> {
    text.parse()
}

/// `NAME=VALUE`, the value checked by the settings themselves.
fn parse_pg_setting(text: &str) -> Result<(String, String), String> {
    let (name, value) = text
        .split_once('=')
        .ok_or_else(|| format!("{text:?}: write NAME=VALUE, e.g. random_page_cost=1.1"))?;
    let (name, value) = (name.trim().to_owned(), value.trim().to_owned());
    PgSettings::defaults().set(&name, &value)?;
    Ok((name, value))
}

/// An index configuration flag (`none`, `phase3`, `all` or a comma list of
/// built-in index names), checked when the flags are read so that a bad
/// name exits 2 like any other bad flag value.
pub fn index_spec(spec: &str) -> Result<String, String> {
    IndexSet::parse(spec).map(|_| spec.to_owned())
}
