//! `seekscan`: the engine on the command line.
mod bench;
mod compare;
mod cost;
mod dataset;
mod dump;
mod output;
mod pg;
mod run;
mod sql_input;
mod workload;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dataset::DatasetArgs;
use seekscan_core::patterns;

#[derive(Parser)]
#[command(
    name = "seekscan",
    version,
    about = "Query plans over the Upstream sample database"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate the sample database and run SQL against it.
    Run(run::RunArgs),
    /// Print the sample database as SQL that sqlite3 and psql both load.
    Dump {
        #[command(flatten)]
        dataset: DatasetArgs,
        /// Indexes to create: none, phase3, all, or a comma list of names.
        #[arg(long, value_parser = crate::dataset::index_spec, default_value = "phase3")]
        indexes: String,
        /// sqlite: syntax sqlite3 and psql share; postgres: timestamptz, jsonb, INCLUDE.
        #[arg(long, value_parser = ["sqlite", "postgres"], default_value = "sqlite")]
        dialect: String,
    },
    /// Load time, memory, and every documented pattern (large and small
    /// tenant) timed before and after: rows examined, medians, speed-up.
    Bench(bench::BenchArgs),
    /// One query under two index configurations, A and B: both plans,
    /// median and p95, the verdict and the row check (--markdown for a review).
    Compare(compare::CompareArgs),
    /// Every documented pattern for the large and the small tenant under A
    /// and B, as the page's workload view: the table, weighted totals, verdict.
    Workload(workload::WorkloadArgs),
    /// The documented patterns against a real PostgreSQL, read-only:
    /// `seekscan pg --url postgres://… workload`.
    Pg(pg::PgArgs),
    /// What a set of indexes costs: sizes, and writes measured on a
    /// scratch copy of each table, against --against (default none).
    Cost(cost::CostArgs),
    /// The documented query patterns.
    Patterns {
        #[arg(long)]
        json: bool,
    },
}

/// The engine's thread: GlueSQL walks expressions recursively, and the
/// deepest one `statement::limits` lets through needs more than a main
/// thread's 8 MiB in a debug build.
const ENGINE_STACK: usize = 64 << 20;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = std::thread::Builder::new()
        .stack_size(ENGINE_STACK)
        .spawn(move || run(cli))
        .map_err(|e| format!("cannot start the engine thread: {e}"))
        .and_then(|engine| {
            engine
                .join()
                .unwrap_or_else(|_| Err("the engine panicked".to_owned()))
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("seekscan: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Run(args) => run::run(&args),
        Command::Dump {
            dataset,
            indexes,
            dialect,
        } => dump::dump(dataset.seed, dataset.scale(), &indexes, &dialect),
        Command::Bench(args) => bench::bench(&args),
        Command::Cost(args) => cost::cost(&args),
        Command::Pg(args) => pg::pg(&args),
        Command::Compare(args) => compare::compare(&args),
        Command::Workload(args) => workload::workload(&args),
        Command::Patterns { json } => {
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(patterns::all()).map_err(|e| e.to_string())?
                );
            } else {
                for p in patterns::all() {
                    println!(
                        "{} — {}\n  index: {}\n  expected: {}\n  {}\n",
                        p.id, p.title, p.index, p.expected_improvement, p.sql
                    );
                }
            }
            Ok(())
        }
    }
}
