//! `seekscan run`: SQL against the sample database under one index set.
use seekscan_core::bench::Timings;
use seekscan_core::engine::{Engine, QueryOutcome};
use seekscan_core::generator::{self, DatasetSpec};

pub struct RunArgs {
    pub seed: u64,
    pub scale: usize,
    pub indexes: String,
    pub sql: String,
    pub analyze: bool,
    pub json: bool,
    pub repeat: u32,
}

/// The sample database with every built-in index built; which of them a
/// query may use is decided per run.
pub fn load_engine(seed: u64, scale: usize) -> Result<Engine, String> {
    let dataset = generator::generate(&DatasetSpec { seed, scale });
    let mut engine = Engine::load(&dataset, &mut |_, _, _| {}).map_err(|e| e.to_string())?;
    if engine.indexes().is_empty() {
        engine
            .build_builtin_indexes(&mut |_, _, _| {})
            .map_err(|e| e.to_string())?;
    }
    Ok(engine)
}

pub fn run(args: &RunArgs) -> Result<(), String> {
    let mut engine = load_engine(args.seed, args.scale)?;
    let visible = engine
        .index_set(&args.indexes)
        .map_err(|e| format!("--indexes: {e}"))?;
    let sql = if args.analyze {
        format!("EXPLAIN ANALYZE {}", args.sql)
    } else {
        args.sql.clone()
    };
    let outcome = engine.run_with(&sql, &visible).map_err(|e| e.to_string())?;
    let mut samples = vec![outcome.stats.elapsed_us as f64];
    for _ in 1..args.repeat {
        let again = engine.run_with(&sql, &visible).map_err(|e| e.to_string())?;
        samples.push(again.stats.elapsed_us as f64);
    }
    let timings = Timings::from_samples(samples);
    if args.json {
        let mut value = serde_json::to_value(&outcome).map_err(|e| e.to_string())?;
        if args.repeat > 1 {
            value["timings"] = serde_json::to_value(&timings).map_err(|e| e.to_string())?;
        }
        println!("{value}");
    } else {
        print!("{}", outcome.plan.to_text());
        if !args.analyze {
            print_rows(&outcome);
        }
        let stats = outcome.stats;
        let mut summary = format!(
            "-- {} rows examined, {} returned, {} µs",
            stats.rows_examined, stats.rows_returned, stats.elapsed_us
        );
        if args.repeat > 1 {
            summary.push_str(&format!(
                "; median {:.0} µs, p95 {:.0} µs over {} runs",
                timings.median_us, timings.p95_us, args.repeat
            ));
        }
        println!("{summary}");
    }
    Ok(())
}

fn print_rows(outcome: &QueryOutcome) {
    if outcome.columns.is_empty() {
        return;
    }
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
}
