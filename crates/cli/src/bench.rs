//! `seekscan bench`: load time, memory, and every documented pattern timed
//! under two index configurations on the same data, next to the document's
//! expected improvement; with `--vs-sqlite`, the same queries against SQLite
//! (`vs_sqlite.rs`).
mod sqlite;
mod vs_sqlite;

use std::time::{Duration, Instant};

use clap::Args;
use seekscan_core::bench::RepeatPlan;
use seekscan_core::engine::Engine;
use seekscan_core::explain::PlanNode;
use seekscan_core::generator::{self, Dataset, DatasetSpec};
use seekscan_core::noise::{difference, measure_pair};
use seekscan_core::patterns;

use crate::dataset::DatasetArgs;
use crate::output;

#[derive(Args)]
pub struct BenchArgs {
    #[command(flatten)]
    pub dataset: DatasetArgs,
    /// Runs of each pattern under each configuration; the median is shown.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub repeat: u32,
    /// The "before" configuration (as --indexes takes it).
    #[arg(long, value_parser = crate::dataset::index_spec, default_value = "none")]
    pub before: String,
    /// The "after" configuration.
    #[arg(long, value_parser = crate::dataset::index_spec, default_value = "phase3")]
    pub after: String,
    /// Every pattern and a few scans and aggregates, here and in an
    /// in-memory SQLite with the same rows: A without secondary indexes, B
    /// with the nine Phase 3 ones.
    #[arg(long, conflicts_with_all = ["before", "after"])]
    pub vs_sqlite: bool,
    /// With --vs-sqlite: one JSON object instead of the table.
    #[arg(long, requires = "vs_sqlite")]
    pub json: bool,
}

/// The generated rows, the engine over them (every built-in index built)
/// and a line saying how long each took.
fn load(args: &DatasetArgs) -> Result<(Dataset, Engine, String), String> {
    let started = Instant::now();
    let dataset = generator::generate(&DatasetSpec {
        seed: args.seed,
        scale: args.scale(),
    });
    let generated = started.elapsed();
    let mut engine = Engine::load(&dataset, &mut |_, _, _| {}).map_err(|e| e.to_string())?;
    args.configure(&mut engine)?;
    let summary = format!(
        "scale {}, seed {}: generated in {:.0} ms; loaded with {} indexes in {:.0} ms",
        args.scale(),
        args.seed,
        milliseconds(generated),
        engine.indexes().len(),
        milliseconds(started.elapsed() - generated)
    );
    Ok((dataset, engine, summary))
}

fn tenant_label(large: bool) -> &'static str {
    if large {
        "large"
    } else {
        "small"
    }
}

/// The index the plan's first table access reads, if any.
fn index_used(plan: &PlanNode) -> Option<&str> {
    plan.table_accesses()
        .iter()
        .find_map(|node| node.index.as_deref())
}

fn milliseconds(elapsed: Duration) -> f64 {
    elapsed.as_secs_f64() * 1e3
}

pub fn bench(args: &BenchArgs) -> Result<(), String> {
    if args.vs_sqlite {
        return vs_sqlite::run(args);
    }
    let (dataset, mut engine, summary) = load(&args.dataset)?;
    let before = engine.index_set(&args.before).map_err(|e| e.to_string())?;
    let after = engine.index_set(&args.after).map_err(|e| e.to_string())?;
    let memory = engine.memory_report();

    let mut lines = vec![summary];
    for t in &memory.tables {
        lines.push(format!(
            "  {}: {} rows, {:.0} bytes/row",
            t.table, t.rows, t.bytes_per_row
        ));
    }
    for i in &memory.indexes {
        lines.push(format!(
            "  {}: {} entries, {:.0} bytes/entry",
            i.index, i.entries, i.bytes_per_entry
        ));
    }
    lines.push(format!(
        "median of {} runs, before and after interleaved; after against before with its 99% interval; before = --indexes {}, after = --indexes {}",
        args.repeat, args.before, args.after
    ));
    lines.push(format!(
        "{:<22} {:>6} {:>9} {:>11} {:>9} {:>11} {:<36}  {:<28} {}",
        "pattern",
        "tenant",
        "examined",
        "before µs",
        "examined",
        "after µs",
        "speed-up",
        "after uses",
        "document expected"
    ));
    for large in [true, false] {
        let params = patterns::params_for(&dataset, large);
        for p in patterns::all() {
            let sql = p.render(&params);
            let plan = RepeatPlan {
                wanted: args.repeat,
                budget_ms: u32::MAX,
            };
            let [before_run, after_run] =
                measure_pair(&mut engine, &sql, [&before, &after], [plan; 2])
                    .map_err(|e| format!("{}: {e}", p.id))?;
            let (a, ta) = (before_run.outcome, before_run.timings);
            let (b, tb) = (after_run.outcome, after_run.timings);
            let speedup = difference(&ta.samples_us, &tb.samples_us).short();
            lines.push(format!(
                "{:<22} {:>6} {:>9} {:>11.0} {:>9} {:>11.0} {:<36}  {:<28} {}",
                p.id,
                tenant_label(large),
                a.stats.rows_examined,
                ta.median_us,
                b.stats.rows_examined,
                tb.median_us,
                speedup,
                index_used(&b.plan).unwrap_or("full scan"),
                p.expected_improvement
            ));
        }
    }
    output::to_stdout(|out| lines.iter().try_for_each(|line| writeln!(out, "{line}")))
}
