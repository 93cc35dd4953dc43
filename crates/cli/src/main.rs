//! `seekscan`: the engine on the command line.
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use seekscan_core::bench;
use seekscan_core::engine::Engine;
use seekscan_core::experiment::{DEFAULT_SCALE, DEFAULT_SEED};
use seekscan_core::generator::{self, DatasetSpec};
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
    Run {
        #[arg(long, default_value_t = DEFAULT_SEED)]
        seed: u64,
        /// Number of audit events; the other tables derive from it.
        #[arg(long, default_value_t = DEFAULT_SCALE as u64, value_parser = clap::value_parser!(u64).range(1..))]
        scale: u64,
        #[arg(long)]
        sql: String,
        /// Print one JSON object: plan, columns, rows, stats (and timings).
        #[arg(long)]
        json: bool,
        /// Run the statement N times and report median and p95.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
        repeat: u32,
    },
    /// Time every documented pattern (large and small tenant): median and p95.
    Bench {
        #[arg(long, default_value_t = DEFAULT_SEED)]
        seed: u64,
        #[arg(long, default_value_t = DEFAULT_SCALE as u64, value_parser = clap::value_parser!(u64).range(1..))]
        scale: u64,
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=1000))]
        repeat: u32,
        /// Also build any missing built-in index (loading builds them all) and report how long that took.
        #[arg(long)]
        build_indexes: bool,
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
            seed,
            scale,
            sql,
            json,
            repeat,
        } => {
            let dataset = generator::generate(&DatasetSpec {
                seed,
                scale: scale as usize,
            });
            let mut engine =
                Engine::load(&dataset, &mut |_, _, _| {}).map_err(|e| e.to_string())?;
            let (outcome, timings) =
                bench::measure(&mut engine, &sql, repeat).map_err(|e| e.to_string())?;
            if json {
                let mut value = serde_json::to_value(&outcome).map_err(|e| e.to_string())?;
                if repeat > 1 {
                    value["timings"] = serde_json::to_value(&timings).map_err(|e| e.to_string())?;
                }
                println!("{value}");
            } else {
                print!("{}", outcome.plan.to_text());
                println!("{}", outcome.columns.join("\t"));
                for row in &outcome.rows {
                    let cells: Vec<String> = row
                        .iter()
                        .map(|v| match v {
                            serde_json::Value::String(s) => s.clone(),
                            other => other.to_string(),
                        })
                        .collect();
                    println!("{}", cells.join("\t"));
                }
                let stats = outcome.stats;
                println!(
                    "-- {} rows examined, {} returned, median {:.0} µs, p95 {:.0} µs over {repeat} runs",
                    stats.rows_examined, stats.rows_returned, timings.median_us, timings.p95_us
                );
            }
            Ok(())
        }
        Command::Bench {
            seed,
            scale,
            repeat,
            build_indexes,
        } => {
            let started = Instant::now();
            let dataset = generator::generate(&DatasetSpec {
                seed,
                scale: scale as usize,
            });
            let generated = started.elapsed();
            let mut engine =
                Engine::load(&dataset, &mut |_, _, _| {}).map_err(|e| e.to_string())?;
            println!(
                "scale {scale}, seed {seed}: generated in {:.0} ms, loaded with {} indexes in {:.0} ms",
                generated.as_secs_f64() * 1e3,
                engine.indexes().len(),
                (started.elapsed() - generated).as_secs_f64() * 1e3
            );
            let memory = engine.memory_report();
            for t in &memory.tables {
                println!(
                    "  {}: {} rows, {:.0} bytes/row",
                    t.table, t.rows, t.bytes_per_row
                );
            }
            for i in &memory.indexes {
                println!(
                    "  {}: {} entries, {:.0} bytes/entry",
                    i.index, i.entries, i.bytes_per_entry
                );
            }
            if build_indexes {
                let started = Instant::now();
                engine
                    .build_builtin_indexes(&mut |_, _, _| {})
                    .map_err(|e| e.to_string())?;
                println!(
                    "built {} indexes in {:.0} ms",
                    engine.indexes().len(),
                    started.elapsed().as_secs_f64() * 1e3
                );
            }
            println!(
                "{:<24} {:>6} {:>10} {:>12} {:>12}  expected",
                "pattern", "tenant", "examined", "median µs", "p95 µs"
            );
            for large in [true, false] {
                let params = patterns::params_for(&dataset, large);
                for p in patterns::all() {
                    let (outcome, t) = bench::measure(&mut engine, &p.render(&params), repeat)
                        .map_err(|e| format!("{}: {e}", p.id))?;
                    println!(
                        "{:<24} {:>6} {:>10} {:>12.0} {:>12.0}  {}",
                        p.id,
                        if large { "large" } else { "small" },
                        outcome.stats.rows_examined,
                        t.median_us,
                        t.p95_us,
                        p.expected_improvement
                    );
                }
            }
            Ok(())
        }
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
