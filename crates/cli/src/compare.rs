//! `seekscan compare`: one query under two index configurations, A and B,
//! on the same data, run in turn: both plans, median and p95, the verdict
//! (called only beyond noise) and whether they returned the same rows; `--markdown` prints it as a block for a
//! code review.
use std::io::Write;

use clap::Args;
use seekscan_core::bench::RepeatPlan;
use seekscan_core::catalog::IndexSet;
use seekscan_core::comparison::compare as judge;
use seekscan_core::engine::StatementKind;
use seekscan_core::experiment::{Experiment, MAX_REPETITIONS};
use seekscan_core::export::markdown::{Judgement, Measured, Report};
use seekscan_core::generator::{self, DatasetSpec};
use seekscan_core::noise::measure_pair;
use seekscan_core::patterns;
use seekscan_core::protocol::{PaneResult, RowDigest, Slot};
use seekscan_core::units::{micros, thousands};

use crate::dataset::{ConfigArgs, DatasetArgs};
use crate::output;

/// Where `cargo xtask serve` serves the page; links in Markdown start here.
pub const DEFAULT_BASE_URL: &str = "http://127.0.0.1:8080/";

#[derive(Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub dataset: DatasetArgs,
    #[command(flatten)]
    pub configs: ConfigArgs,
    /// The query to compare; `-` reads it from standard input.
    #[arg(
        long,
        required_unless_present_any = ["pattern", "file"],
        conflicts_with = "pattern",
        allow_hyphen_values = true
    )]
    pub sql: Option<String>,
    /// A file holding the query to compare, instead of --sql.
    #[arg(long, conflicts_with_all = ["sql", "pattern"], value_name = "PATH")]
    pub file: Option<std::path::PathBuf>,
    /// A documented pattern instead of --sql (see `seekscan patterns`),
    /// with parameters drawn from the data and the document's expectation.
    #[arg(long)]
    pub pattern: Option<String>,
    /// With --pattern: the small tenant's parameters instead of the large one's.
    #[arg(long, requires = "pattern")]
    pub small_tenant: bool,
    /// Runs per configuration; median and p95 are over all of them.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=MAX_REPETITIONS as i64))]
    pub repeat: u32,
    /// Print a Markdown block for a code review.
    #[arg(long)]
    pub markdown: bool,
    /// Where the page is served: the Markdown's link reopens the experiment there.
    #[arg(long, default_value = DEFAULT_BASE_URL)]
    pub base_url: String,
}

/// The query the flags name, its link fields and the document's expectation.
struct Chosen {
    sql: String,
    experiment: Experiment,
    expected: Option<&'static str>,
}

fn choose(args: &CompareArgs, dataset: &generator::Dataset) -> Result<Chosen, String> {
    let mut experiment = Experiment {
        seed: args.dataset.seed,
        scale: args.dataset.scale(),
        repetitions: args.repeat,
        ..Experiment::default()
    };
    let typed = crate::sql_input::read(args.sql.as_deref(), args.file.as_deref())?;
    match (&args.pattern, &typed) {
        (Some(id), _) => {
            let pattern = patterns::find(id).ok_or_else(|| {
                format!("--pattern: unknown pattern {id:?} (see `seekscan patterns`)")
            })?;
            let params = patterns::params_for(dataset, !args.small_tenant);
            experiment.pattern = Some(pattern.id.to_owned());
            experiment.params = pattern
                .params
                .iter()
                .filter_map(|name| Some((name.to_string(), params.get(*name)?.clone())))
                .collect();
            Ok(Chosen {
                sql: pattern.render(&params),
                experiment,
                expected: Some(pattern.expected_improvement),
            })
        }
        (None, Some(sql)) => {
            experiment.sql = Some(sql.clone());
            Ok(Chosen {
                sql: sql.clone(),
                experiment,
                expected: None,
            })
        }
        (None, None) => Err("give --sql, --file or --pattern".to_owned()),
    }
}

pub fn compare(args: &CompareArgs) -> Result<(), String> {
    let dataset = generator::generate(&DatasetSpec {
        seed: args.dataset.seed,
        scale: args.dataset.scale(),
    });
    let mut chosen = choose(args, &dataset)?;
    if StatementKind::of(&chosen.sql) != StatementKind::Read {
        return Err(
            "compare runs a query under both configurations; a statement that writes would change the data between them"
                .to_owned(),
        );
    }
    let mut engine = seekscan_core::engine::Engine::load_owned(dataset, &mut |_, _, _| {})
        .map_err(|e| e.to_string())?;
    args.dataset.configure(&mut engine)?;
    let sets = [
        engine
            .index_set(&args.configs.a)
            .map_err(|e| format!("--a: {e}"))?,
        engine
            .index_set(&args.configs.b)
            .map_err(|e| format!("--b: {e}"))?,
    ];
    // A and B run in turn, run by run: load from elsewhere lands on both.
    let plan = RepeatPlan {
        wanted: args.repeat,
        budget_ms: u32::MAX,
    };
    let panes = measure_pair(&mut engine, &chosen.sql, [&sets[0], &sets[1]], [plan; 2])
        .map_err(|e| e.to_string())?
        .map(|run| PaneResult {
            digest: RowDigest::of(&run.outcome.rows),
            outcome: run.outcome,
            timings: run.timings,
        });
    let (verdict, rows) = judge(&panes[0], &panes[1], chosen.expected);
    let names: Vec<Vec<String>> = sets.iter().map(names).collect();
    chosen.experiment.a = Some(names[0].clone());
    chosen.experiment.b = Some(names[1].clone());
    let link = experiment_link(&args.base_url, &chosen.experiment);
    let report = Report {
        seed: args.dataset.seed,
        scale: args.dataset.scale(),
        sql: &chosen.sql,
        runs: Slot::BOTH
            .into_iter()
            .zip(&panes)
            .zip(&names)
            .map(|((slot, pane), indexes)| Measured {
                slot,
                indexes,
                outcome: &pane.outcome,
                timings: &pane.timings,
            })
            .collect(),
        judgement: Some(Judgement {
            verdict: &verdict,
            why: verdict.why.as_ref().map(|why| why.text.as_str()),
            rows,
        }),
        link: Some(&link),
    };
    output::to_stdout(|out| {
        if args.markdown {
            write!(out, "{}", report.to_markdown())
        } else {
            write_text(out, &report)
        }
    })
}

/// Both plans with their numbers, then the verdict and the row check.
fn write_text(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    for run in &report.runs {
        let label = if run.indexes.is_empty() {
            "no secondary index".to_owned()
        } else {
            run.indexes.join(", ")
        };
        writeln!(out, "== {}: {label}", run.slot.label())?;
        write!(out, "{}", run.outcome.plan.to_text())?;
        let stats = run.outcome.stats;
        writeln!(
            out,
            "-- median {}, p95 {} over {} runs; {} rows examined, {} returned\n",
            micros(run.timings.median_us),
            micros(run.timings.p95_us),
            run.timings.samples_us.len(),
            thousands(stats.rows_examined),
            thousands(stats.rows_returned)
        )?;
    }
    if let Some(judgement) = &report.judgement {
        writeln!(out, "{}", judgement.verdict.text)?;
        writeln!(out, "{}", judgement.rows.text())?;
    }
    if let Some(link) = report.link {
        writeln!(out, "{link}")?;
    }
    Ok(())
}

pub fn names(set: &IndexSet) -> Vec<String> {
    set.names().map(str::to_owned).collect()
}

/// The page's link for `experiment`, under `base`.
pub fn experiment_link(base: &str, experiment: &Experiment) -> String {
    let query = experiment.to_query();
    if query.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{query}")
    }
}
