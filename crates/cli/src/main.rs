//! `seekscan`: the engine on the command line.
mod bench;
mod dump;
mod output;
mod run;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use seekscan_core::experiment::{DEFAULT_SCALE, DEFAULT_SEED};
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

/// Which sample database: the same seed and scale give the same rows.
#[derive(Args)]
struct DatasetArgs {
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Number of audit events; the other tables derive from it.
    #[arg(long, default_value_t = DEFAULT_SCALE as u64, value_parser = clap::value_parser!(u64).range(1..))]
    scale: u64,
}

#[derive(Subcommand)]
enum Command {
    /// Generate the sample database and run SQL against it.
    Run {
        #[command(flatten)]
        dataset: DatasetArgs,
        /// Indexes the planner may use: none (the document's "before"),
        /// phase3 (its "after"), all (phase3 and the Phase 4 covering index)
        /// or a comma list of index names.
        #[arg(long, default_value = "phase3")]
        indexes: String,
        #[arg(long)]
        sql: String,
        /// EXPLAIN ANALYZE: run it and print the plan with estimated and
        /// actual rows, rows examined, rows returned and the elapsed time.
        #[arg(long)]
        analyze: bool,
        /// Print one JSON object: plan, columns, rows, stats (and timings).
        #[arg(long)]
        json: bool,
        /// Run the statement N times and report median and p95.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
        repeat: u32,
    },
    /// Print the sample database as SQL that sqlite3 and psql both load.
    Dump {
        #[command(flatten)]
        dataset: DatasetArgs,
        /// Indexes to create: none, phase3, all, or a comma list of names.
        #[arg(long, default_value = "phase3")]
        indexes: String,
    },
    /// Load time, memory, and every documented pattern (large and small
    /// tenant) timed before and after: rows examined, medians, speed-up.
    Bench {
        #[command(flatten)]
        dataset: DatasetArgs,
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=1000))]
        repeat: u32,
        /// The "before" configuration (as --indexes takes it).
        #[arg(long, default_value = "none")]
        before: String,
        /// The "after" configuration.
        #[arg(long, default_value = "phase3")]
        after: String,
    },
    /// The documented query patterns.
    Patterns {
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("seekscan: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Run {
            dataset,
            indexes,
            sql,
            analyze,
            json,
            repeat,
        } => run::run(&run::RunArgs {
            seed: dataset.seed,
            scale: dataset.scale as usize,
            indexes,
            sql,
            analyze,
            json,
            repeat,
        }),
        Command::Dump { dataset, indexes } => {
            dump::dump(dataset.seed, dataset.scale as usize, &indexes)
        }
        Command::Bench {
            dataset,
            repeat,
            before,
            after,
        } => bench::bench(&bench::BenchArgs {
            seed: dataset.seed,
            scale: dataset.scale as usize,
            repeat,
            before,
            after,
        }),
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
