//! `seekscan run`: SQL against the sample database under one index set.
use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use seekscan_core::bench::measure_with;
use seekscan_core::engine::{Engine, QueryOutcome, StatementKind};
use seekscan_core::experiment::Experiment;
use seekscan_core::export::markdown::{Measured, Report};
use seekscan_core::export::PlanFormat;
use seekscan_core::generator::{self, DatasetSpec};
use seekscan_core::protocol::Slot;

use crate::compare::{experiment_link, names, DEFAULT_BASE_URL};
use crate::dataset::DatasetArgs;
use crate::output;

#[derive(Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub dataset: DatasetArgs,
    /// Indexes the planner may use: none (the document's "before"),
    /// phase3 (its "after"), all (phase3 and the Phase 4 covering index)
    /// or a comma list of index names.
    #[arg(long, value_parser = crate::dataset::index_spec, default_value = "phase3")]
    pub indexes: String,
    /// The SQL to run (one or more statements); `-` reads it from
    /// standard input. (It may start with a `--` comment.)
    #[arg(long, required_unless_present = "file", allow_hyphen_values = true)]
    pub sql: Option<String>,
    /// A file holding the SQL to run, instead of --sql.
    #[arg(long, conflicts_with = "sql", value_name = "PATH")]
    pub file: Option<PathBuf>,
    /// EXPLAIN ANALYZE: run it and print the plan with estimated and
    /// actual rows, rows examined, rows returned and the elapsed time.
    #[arg(long)]
    pub analyze: bool,
    /// Print one JSON object: plan, columns, rows, stats (and timings).
    #[arg(long)]
    pub json: bool,
    /// Run the statement N times and report median and p95.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub repeat: u32,
    /// Print a Markdown block for a code review: dataset, indexes, SQL,
    /// plan, median and p95, rows examined and returned, and a link.
    #[arg(long, conflicts_with_all = ["json", "format"])]
    pub markdown: bool,
    /// Print only the plan, as tree, pg-json (PostgreSQL's EXPLAIN
    /// (ANALYZE, FORMAT JSON)) or sqlite-eqp (SQLite's EXPLAIN QUERY PLAN).
    #[arg(long, value_parser = PlanFormat::parse, conflicts_with = "json")]
    pub format: Option<PlanFormat>,
    /// With --markdown: where the page is served, for the link.
    #[arg(long, default_value = DEFAULT_BASE_URL)]
    pub base_url: String,
}

/// The sample database with every built-in index built; which of them a
/// query may use is decided per run.
pub fn load_engine(seed: u64, scale: usize) -> Result<Engine, String> {
    let dataset = generator::generate(&DatasetSpec { seed, scale });
    Engine::load_owned(dataset, &mut |_, _, _| {}).map_err(|e| e.to_string())
}

fn first_word(sql: &str) -> (String, &str) {
    let sql = sql.trim_start();
    let end = sql.find(char::is_whitespace).unwrap_or(sql.len());
    (sql[..end].to_ascii_uppercase(), &sql[end..])
}

pub fn run(args: &RunArgs) -> Result<(), String> {
    let typed = crate::sql_input::read(args.sql.as_deref(), args.file.as_deref())?
        .ok_or("give --sql or --file")?;
    let sql = if args.analyze {
        if first_word(&typed).0 == "EXPLAIN" {
            return Err("--analyze already runs EXPLAIN ANALYZE: drop EXPLAIN from the SQL".into());
        }
        format!("EXPLAIN ANALYZE {typed}")
    } else {
        typed.clone()
    };
    if args.repeat > 1 && StatementKind::of(&sql) != StatementKind::Read {
        return Err("--repeat: only queries repeat; a statement that writes runs once".into());
    }
    let mut engine = load_engine(args.dataset.seed, args.dataset.scale())?;
    args.dataset.configure(&mut engine)?;
    let visible = engine
        .index_set(&args.indexes)
        .map_err(|e| format!("--indexes: {e}"))?;
    let (outcome, timings) =
        measure_with(&mut engine, &sql, &visible, args.repeat).map_err(|e| e.to_string())?;
    if let Some(format) = args.format {
        let text = format.render(&outcome.plan, Some(timings.median_us))?;
        return output::to_stdout(|out| writeln!(out, "{}", text.trim_end()));
    }
    if args.markdown {
        let indexes = names(&visible);
        let experiment = Experiment {
            seed: args.dataset.seed,
            scale: args.dataset.scale(),
            a: Some(indexes.clone()),
            sql: Some(typed.clone()),
            repetitions: args.repeat,
            ..Experiment::default()
        };
        let link = experiment_link(&args.base_url, &experiment);
        let report = Report {
            seed: args.dataset.seed,
            scale: args.dataset.scale(),
            sql: &typed,
            runs: vec![Measured {
                slot: Slot::A,
                indexes: &indexes,
                outcome: &outcome,
                timings: &timings,
            }],
            judgement: None,
            link: Some(&link),
        };
        return output::to_stdout(|out| write!(out, "{}", report.to_markdown()));
    }
    output::to_stdout(|out| {
        if args.json {
            let mut value = serde_json::to_value(&outcome)?;
            if args.repeat > 1 {
                value["timings"] = serde_json::to_value(&timings)?;
            }
            writeln!(out, "{value}")
        } else {
            for (at, earlier) in outcome.earlier.iter().enumerate() {
                let stats = earlier.stats;
                writeln!(
                    out,
                    "-- statement {}: {} -- {}; {} rows examined, {} returned, {} µs",
                    at + 1,
                    earlier.sql,
                    earlier.summary,
                    stats.rows_examined,
                    stats.rows_returned,
                    stats.elapsed_us
                )?;
            }
            write!(out, "{}", outcome.plan.to_text())?;
            if !args.analyze {
                write_rows(out, &outcome)?;
            }
            let stats = outcome.stats;
            write!(
                out,
                "-- {} rows examined, {} returned, {} µs",
                stats.rows_examined, stats.rows_returned, stats.elapsed_us
            )?;
            if args.repeat > 1 {
                write!(
                    out,
                    "; median {:.0} µs, p95 {:.0} µs over {} runs",
                    timings.median_us, timings.p95_us, args.repeat
                )?;
            }
            writeln!(out)
        }
    })
}

fn write_rows(out: &mut dyn Write, outcome: &QueryOutcome) -> std::io::Result<()> {
    if outcome.columns.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", outcome.columns.join("\t"))?;
    for row in &outcome.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|v| match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        writeln!(out, "{}", cells.join("\t"))?;
    }
    Ok(())
}
