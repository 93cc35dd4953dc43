//! `seekscan cost`: what a set of indexes costs next to another (no index
//! by default): each index's size, the write cost measured on a scratch
//! copy of each table, and the covering index beside the plain one.
use std::io::Write;

use clap::Args;
use seekscan_core::engine::Engine;
use seekscan_core::generator::{self, DatasetSpec};
use seekscan_core::index_cost::write_cost::{difference_text, SetWriteCost, WriteOptions};
use seekscan_core::index_cost::{self, CostOptions, IndexCostReport, WriteKind};
use seekscan_core::patterns;
use seekscan_core::units::{bytes, micros, percent, thousands};

use crate::dataset::DatasetArgs;
use crate::output;

#[derive(Args)]
pub struct CostArgs {
    #[command(flatten)]
    pub dataset: DatasetArgs,
    /// The indexes measured (B): none, phase3, all or a comma list of names.
    #[arg(long, value_parser = crate::dataset::index_spec, default_value = "phase3")]
    pub indexes: String,
    /// What they are measured against (A).
    #[arg(long, value_parser = crate::dataset::index_spec, default_value = "none")]
    pub against: String,
    /// Rows each write batch writes per table.
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub batch: u64,
    /// Timed batches per set of indexes (median and p95 over them).
    #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub repetitions: u32,
    /// Print the whole report as one JSON object.
    #[arg(long)]
    pub json: bool,
}

pub fn cost(args: &CostArgs) -> Result<(), String> {
    let dataset = generator::generate(&DatasetSpec {
        seed: args.dataset.seed,
        scale: args.dataset.scale(),
    });
    let params = patterns::params_for(&dataset, true);
    let mut engine = Engine::load_owned(dataset, &mut |_, _, _| {}).map_err(|e| e.to_string())?;
    args.dataset.configure(&mut engine)?;
    let a = engine
        .index_set(&args.against)
        .map_err(|e| format!("--against: {e}"))?;
    let b = engine
        .index_set(&args.indexes)
        .map_err(|e| format!("--indexes: {e}"))?;
    let options = CostOptions {
        writes: WriteOptions {
            batch_rows: args.batch as usize,
            repetitions: args.repetitions,
        },
        read_runs: args.repetitions,
    };
    let report = index_cost::measure(&mut engine, &a, &b, &params, options)?;
    if args.json {
        let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        return output::to_stdout(|out| writeln!(out, "{text}"));
    }
    let heading = format!(
        "scale {}, seed {}; A = {}, B = {}",
        thousands(args.dataset.scale() as u64),
        args.dataset.seed,
        args.against,
        args.indexes
    );
    output::to_stdout(|out| {
        writeln!(out, "{heading}")?;
        print_sizes(out, &report)?;
        print_writes(out, &report)?;
        print_covering(out, &report)
    })
}

fn print_sizes(out: &mut dyn Write, report: &IndexCostReport) -> std::io::Result<()> {
    let sizes = &report.sizes;
    writeln!(out, "\nsizes")?;
    writeln!(
        out,
        "  {:<28} {:>10} {:>10} {:>10} {:>10} {:>10} {:>8}",
        "index", "entries", "bytes", "keys", "include", "overhead", "of table"
    )?;
    for size in &sizes.indexes {
        writeln!(
            out,
            "  {:<28} {:>10} {:>10} {:>10} {:>10} {:>10} {:>8}",
            size.index,
            thousands(size.entries),
            bytes(size.bytes),
            bytes(size.key_bytes),
            bytes(size.include_bytes),
            bytes(size.overhead_bytes),
            percent(size.share_of_table)
        )?;
    }
    for (label, config) in [("A", &sizes.a), ("B", &sizes.b)] {
        writeln!(
            out,
            "  {label}: {} indexes, {} entries, {} ({} of the data's {})",
            config.indexes.len(),
            thousands(config.entries),
            bytes(config.bytes),
            percent(config.share_of_data),
            bytes(sizes.data_bytes)
        )?;
    }
    Ok(())
}

fn batch_line(set: &SetWriteCost) -> String {
    WriteKind::ALL
        .map(|kind| {
            let t = set.timings(kind);
            format!(
                "{} {} (p95 {})",
                kind.plural(),
                micros(t.median_us),
                micros(t.p95_us)
            )
        })
        .join(", ")
}

fn print_writes(out: &mut dyn Write, report: &IndexCostReport) -> std::io::Result<()> {
    let writes = &report.writes;
    writeln!(
        out,
        "\nwrite cost: batches of up to {} rows per table, one row per statement, median of {} (sets interleaved; B against A with its 99% interval)",
        thousands(writes.batch_rows as u64),
        writes.repetitions
    )?;
    for table in &writes.tables {
        writeln!(
            out,
            "  {} ({} rows a batch, UPDATE sets {})",
            table.table,
            thousands(table.batch_rows as u64),
            table.updated_column
        )?;
        writeln!(
            out,
            "    A ({} indexes): {}",
            table.a.indexes.len(),
            batch_line(&table.a)
        )?;
        writeln!(
            out,
            "    B ({} indexes): {}",
            table.b.indexes.len(),
            batch_line(&table.b)
        )?;
    }
    let summary = writes.summary;
    let said: Vec<String> = WriteKind::ALL.map(|k| summary.describe(k)).to_vec();
    writeln!(out, "  {}", said.join("; "))?;
    writeln!(
        out,
        "  each index alone, extra time per row written (insert, update, delete):"
    )?;
    for index in &writes.indexes {
        let [insert, update, delete] = index.extra_us_per_row.map(|us| format!("{us:+.1} µs"));
        writeln!(out, "    {:<28} {insert}, {update}, {delete}", index.index)?;
    }
    Ok(())
}

fn print_covering(out: &mut dyn Write, report: &IndexCostReport) -> std::io::Result<()> {
    for c in &report.covering {
        writeln!(out, "\n{} beside {}", c.proposal, c.baseline)?;
        writeln!(
            out,
            "  size {} vs {}: {:.2}×",
            bytes(c.proposal_size.bytes),
            bytes(c.baseline_size.bytes),
            c.size_ratio
        )?;
        let writes: Vec<String> = WriteKind::ALL
            .map(|k| difference_text(k.plural(), c.write_ratios.difference(k), ""))
            .to_vec();
        writeln!(out, "  writes, covering as B: {}", writes.join("; "))?;
        for read in &c.reads {
            writeln!(
                out,
                "  {}{}: {} vs {}, covering {}, table lookups {} vs {} ({} avoided)",
                read.pattern,
                if read.projected {
                    " (its columns only)"
                } else {
                    ""
                },
                micros(read.proposal.timings.median_us),
                micros(read.baseline.timings.median_us),
                read.difference.short(),
                read.proposal.table_lookups,
                read.baseline.table_lookups,
                read.lookups_avoided
            )?;
        }
    }
    Ok(())
}
