//! `seekscan workload`: every documented pattern for the large and the
//! small tenant under configurations A and B, as the page's workload view
//! measures it: one row each, the weighted totals and the verdict.
use clap::Args;
use seekscan_core::bench::{Ending, RepeatPlan};
use seekscan_core::engine::Engine;
use seekscan_core::experiment::{
    budget, seconds, DEFAULT_BUDGET_MS, DEFAULT_REPETITIONS, MAX_REPETITIONS,
};
use seekscan_core::generator::{self, DatasetSpec};
use seekscan_core::index_cost::{self, WriteKind, WriteOptions};
use seekscan_core::patterns;
use seekscan_core::units::{micros, thousands};
use seekscan_core::workload::verdict::totals;
use seekscan_core::workload::{
    self, Weights, WorkloadRow, WorkloadSpec, WorkloadVerdict, WriteCostPhrase,
};
use serde_json::json;

use crate::dataset::{ConfigArgs, DatasetArgs};
use crate::output;

#[derive(Args)]
pub struct WorkloadArgs {
    #[command(flatten)]
    pub dataset: DatasetArgs,
    #[command(flatten)]
    pub configs: ConfigArgs,
    /// Runs of each row under each configuration.
    #[arg(long, default_value_t = DEFAULT_REPETITIONS, value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_REPETITIONS)))]
    pub repeat: u32,
    /// Seconds each configuration's whole workload may take (as the page's
    /// time budget); each row runs at least once.
    #[arg(long, default_value_t = seconds(DEFAULT_BUDGET_MS), value_parser = budget_ms)]
    pub budget: String,
    /// How often each pattern runs, as a link carries it: `audit_trail:3,feature_flags:0`.
    #[arg(long, default_value = "", value_parser = weights)]
    pub weights: String,
    /// One JSON object instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Leave B's write cost out of the verdict (it is measured on scratch
    /// copies of the tables, which needs their memory once more).
    #[arg(long)]
    pub no_write_cost: bool,
}

/// B's inserts against A's, timed on scratch copies of the tables as
/// `seekscan cost` times them; the loaded data is left as it is.
fn write_cost(engine: &Engine, a: &[String], b: &[String]) -> Result<WriteCostPhrase, String> {
    let set = |names: &[String]| {
        engine
            .index_set(&names.join(","))
            .map_err(|e| e.to_string())
    };
    let report = index_cost::write_cost::measure(
        engine.storage(),
        &set(a)?,
        &set(b)?,
        WriteOptions::default(),
    )?;
    Ok(WriteCostPhrase {
        insert: report.summary.difference(WriteKind::Insert),
    })
}

fn budget_ms(value: &str) -> Result<String, String> {
    budget(value).map(|_| value.to_owned())
}

fn weights(value: &str) -> Result<String, String> {
    Weights::from_param(value).map(|_| value.to_owned())
}

pub fn workload(args: &WorkloadArgs) -> Result<(), String> {
    let spec_data = DatasetSpec {
        seed: args.dataset.seed,
        scale: args.dataset.scale(),
    };
    let dataset = generator::generate(&spec_data);
    let mut engine = Engine::load(&dataset, &mut |_, _, _| {}).map_err(|e| e.to_string())?;
    args.dataset.configure(&mut engine)?;
    let names = |spec: &str| workload::index_names(&engine, spec).map_err(|e| e.to_string());
    let plan = RepeatPlan {
        wanted: args.repeat,
        budget_ms: budget(&args.budget)?,
    };
    let spec = WorkloadSpec {
        a: names(&args.configs.a)?,
        b: names(&args.configs.b)?,
        plan,
        params_large: patterns::params_for(&dataset, true),
        params_small: patterns::params_for(&dataset, false),
    };
    drop(dataset);
    let weights = Weights::from_param(&args.weights)?;
    let (a, b) = (spec.a.clone(), spec.b.clone());
    let rows = workload::run_all(&mut engine, spec).map_err(|e| e.to_string())?;
    let mut verdict = WorkloadVerdict::of(&rows, &weights, &b, &engine.memory_report());
    if !args.no_write_cost {
        verdict.write_cost = Some(write_cost(&engine, &a, &b)?);
    }
    let lines = if args.json {
        let value = json!({
            "seed": args.dataset.seed,
            "scale": args.dataset.scale(),
            "a": args.configs.a,
            "b": args.configs.b,
            "plan": plan,
            "weights": weights,
            "rows": rows,
            "totals": totals(&rows, &weights),
            "verdict": verdict,
            "verdict_text": verdict.text(),
        });
        vec![serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?]
    } else {
        table(args, &rows, &weights, &verdict)
    };
    output::to_stdout(|out| lines.iter().try_for_each(|line| writeln!(out, "{line}")))
}

/// "20 runs", or "7 of 20 runs (time budget)".
fn runs(measured: &workload::Measured, wanted: u32) -> String {
    let n = measured.timings.samples_us.len();
    match measured.ending {
        Ending::Complete => format!("{n}"),
        _ => format!("{n} of {wanted}"),
    }
}

fn table(
    args: &WorkloadArgs,
    rows: &[WorkloadRow],
    weights: &Weights,
    verdict: &WorkloadVerdict,
) -> Vec<String> {
    let mut lines = vec![format!(
        "scale {}, seed {}: A = --a {}, B = --b {}; up to {} runs per row, {} s per configuration",
        thousands(args.dataset.scale() as u64),
        args.dataset.seed,
        args.configs.a,
        args.configs.b,
        args.repeat,
        args.budget
    )];
    lines.push(format!(
        "{:<22} {:<6} {:>3} {:<26} {:<26} {:>9} {:>9} {:>10} {:>10} {:>10} {:>10} {:>12}  {:<38} {}",
        "pattern",
        "tenant",
        "w",
        "A uses",
        "B uses",
        "A rows",
        "B rows",
        "A median",
        "A p95",
        "B median",
        "B p95",
        "runs",
        "B against A (99% interval)",
        "expected"
    ));
    for row in rows {
        let uses =
            |m: &workload::Measured| m.index.clone().unwrap_or_else(|| "full scan".to_owned());
        let met = match row.met {
            Some(true) => "met",
            Some(false) => "not met",
            None if row.expected_percent.is_some() => "undecided (within noise)",
            None => "—",
        };
        lines.push(format!(
            "{:<22} {:<6} {:>3} {:<26} {:<26} {:>9} {:>9} {:>10} {:>10} {:>10} {:>10} {:>12}  {:<38} {}% {met}",
            row.pattern,
            row.tenant.word(),
            weights.of(&row.pattern),
            uses(&row.a),
            uses(&row.b),
            thousands(row.a.stats.rows_examined),
            thousands(row.b.stats.rows_examined),
            micros(row.a.timings.median_us),
            micros(row.a.timings.p95_us),
            micros(row.b.timings.median_us),
            micros(row.b.timings.p95_us),
            format!("{} · {}", runs(&row.a, args.repeat), runs(&row.b, args.repeat)),
            row.difference.short(),
            row.expected_percent.as_deref().unwrap_or("?"),
        ));
    }
    lines.push(String::new());
    lines.push(verdict.text());
    lines.push(String::new());
    lines.push("why:".to_owned());
    for row in rows {
        lines.push(format!(
            "  {} ({}): {}",
            row.pattern,
            row.tenant.word(),
            row.why.text
        ));
    }
    lines
}
