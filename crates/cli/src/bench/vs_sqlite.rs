//! `seekscan bench --vs-sqlite`: the same SQL on the same rows in seekscan
//! and in SQLite, under A (no secondary index: `index_set("none")` here,
//! `NOT INDEXED` there) and B (the nine Phase 3 indexes in both, each
//! planner choosing), with our median time over SQLite's.
use std::time::Instant;

use seekscan_core::bench::{measure_with, Timings};
use seekscan_core::catalog::{builtin_indexes, IndexSet, Origin};
use seekscan_core::engine::Engine;
use seekscan_core::generator::Dataset;
use seekscan_core::patterns;
use serde_json::json;

use super::{index_used, load, milliseconds, sqlite, tenant_label, BenchArgs};
use crate::output;

/// Full scans, ranges and aggregates beside the documented patterns; those
/// naming `:tenant` run for the large and the small tenant.
const EXTRAS: [(&str, &str); 6] = [
    (
        "audit_count_unindexed",
        "SELECT COUNT(*) FROM upstream_domainauditevent WHERE request_id IS NOT NULL",
    ),
    (
        "audit_day_range",
        "SELECT id, action, timestamp FROM upstream_domainauditevent WHERE timestamp >= '2026-01-18 00:00:00' AND timestamp < '2026-01-19 00:00:00' ORDER BY timestamp, id",
    ),
    (
        "audit_count_by_action",
        "SELECT action, COUNT(*) FROM upstream_domainauditevent GROUP BY action ORDER BY action",
    ),
    // On the report runs, whose JSON summaries a LIKE with a leading `%`
    // has to read whole.
    (
        "reportrun_summary_like",
        "SELECT COUNT(*) FROM upstream_reportrun WHERE summary_json LIKE '%\"alerts\": 0}'",
    ),
    (
        "audit_tenant_min_max",
        "SELECT MIN(timestamp), MAX(timestamp) FROM upstream_domainauditevent WHERE customer_id = :tenant",
    ),
    (
        "reportrun_tenant_status",
        "SELECT status, COUNT(*) FROM upstream_reportrun WHERE customer_id = :tenant GROUP BY status ORDER BY status",
    ),
];

struct Query {
    id: &'static str,
    tenant: &'static str,
    sql: String,
}

/// Every pattern for both tenants, then the extras.
fn queries(dataset: &Dataset) -> Vec<Query> {
    let mut all = Vec::new();
    for large in [true, false] {
        let params = patterns::params_for(dataset, large);
        all.extend(patterns::all().iter().map(|p| Query {
            id: p.id,
            tenant: tenant_label(large),
            sql: p.render(&params),
        }));
    }
    for (id, sql) in EXTRAS {
        if !sql.contains(":tenant") {
            all.push(Query {
                id,
                tenant: "-",
                sql: sql.to_owned(),
            });
            continue;
        }
        for large in [true, false] {
            let tenant = patterns::params_for(dataset, large)["tenant"].clone();
            all.push(Query {
                id,
                tenant: tenant_label(large),
                sql: sql.replace(":tenant", &tenant),
            });
        }
    }
    all
}

/// One query under one configuration in both engines.
struct Measured<'q> {
    query: &'q Query,
    config: &'static str,
    /// "seek" when our plan reads an index, else "scan".
    access: &'static str,
    /// SQLite's: "seek", "index" (a whole index read) or "scan".
    their_access: &'static str,
    ours: Timings,
    theirs: Timings,
    our_rows: usize,
    their_rows: usize,
    /// The same rows as multisets (the patterns' ORDER BY may tie).
    same_rows: bool,
}

impl Measured<'_> {
    /// "A scan", "B seek" or "B scan".
    fn kind(&self) -> String {
        format!("{} {}", self.config, self.access)
    }

    fn ratio(&self) -> f64 {
        self.ours.median_us / self.theirs.median_us.max(1e-3)
    }
}

fn measure<'q>(
    engine: &mut Engine,
    db: &rusqlite::Connection,
    query: &'q Query,
    config: &'static str,
    visible: &IndexSet,
    repeat: u32,
) -> Result<Measured<'q>, String> {
    let failed = |engine: &str, e: &dyn std::fmt::Display| {
        format!("{} ({}, {config}) in {engine}: {e}", query.id, query.tenant)
    };
    let (outcome, ours) =
        measure_with(engine, &query.sql, visible, repeat).map_err(|e| failed("seekscan", &e))?;
    let sql = if config == "A" {
        sqlite::not_indexed(&query.sql)
    } else {
        query.sql.clone()
    };
    let (rows, theirs) = sqlite::measure(db, &sql, repeat).map_err(|e| failed("SQLite", &e))?;
    let their_access = sqlite::access(db, &sql).map_err(|e| failed("SQLite", &e))?;
    let mut our_text: Vec<Vec<String>> = outcome
        .rows
        .iter()
        .map(|row| row.iter().map(sqlite::engine_text).collect())
        .collect();
    let mut their_text: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(sqlite::cell_text).collect())
        .collect();
    our_text.sort();
    their_text.sort();
    Ok(Measured {
        query,
        config,
        access: index_used(&outcome.plan).map_or("scan", |_| "seek"),
        their_access,
        ours,
        theirs,
        our_rows: our_text.len(),
        their_rows: their_text.len(),
        same_rows: our_text == their_text,
    })
}

/// The middle value, or the mean of the two middle ones.
fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n.is_multiple_of(2) => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
        _ => Some(values[n / 2]),
    }
}

/// The median ratio over all results and per kind, with how many each has.
fn summary(results: &[Measured]) -> Vec<(&'static str, usize, f64)> {
    ["all", "A scan", "B seek", "B scan"]
        .into_iter()
        .filter_map(|kind| {
            let ratios: Vec<f64> = results
                .iter()
                .filter(|m| kind == "all" || m.kind() == kind)
                .map(Measured::ratio)
                .collect();
            let n = ratios.len();
            median(ratios).map(|r| (kind, n, r))
        })
        .collect()
}

pub fn run(args: &BenchArgs) -> Result<(), String> {
    let (dataset, mut engine, summary) = load(&args.dataset)?;
    let phase3: Vec<_> = builtin_indexes()
        .into_iter()
        .filter(|d| d.origin == Origin::Phase3)
        .collect();
    let started = Instant::now();
    let db = sqlite::load(&dataset, &phase3).map_err(|e| format!("SQLite: {e}"))?;
    let sqlite_loaded = started.elapsed();
    let configs = [
        ("A", engine.index_set("none").map_err(|e| e.to_string())?),
        ("B", engine.index_set("phase3").map_err(|e| e.to_string())?),
    ];
    let queries = queries(&dataset);
    let mut results = Vec::new();
    for query in &queries {
        for (config, visible) in &configs {
            let m = measure(&mut engine, &db, query, config, visible, args.repeat)?;
            if !m.same_rows {
                eprintln!(
                    "warning: {} ({}, {config}): seekscan returned {} rows, SQLite {}{}",
                    query.id,
                    query.tenant,
                    m.our_rows,
                    m.their_rows,
                    if m.our_rows == m.their_rows {
                        " (different values)"
                    } else {
                        ""
                    }
                );
            }
            results.push(m);
        }
    }
    let header = format!(
        "{summary}; SQLite {} loaded with {} indexes and ANALYZE in {:.0} ms",
        rusqlite::version(),
        phase3.len(),
        milliseconds(sqlite_loaded)
    );
    if args.json {
        print_json(args, &header, &results)
    } else {
        print_table(args, &header, &results)
    }
}

fn print_table(args: &BenchArgs, header: &str, results: &[Measured]) -> Result<(), String> {
    let mut lines = vec![
        header.to_owned(),
        format!(
            "µs: median (p95) of {} runs; A = no secondary index (SQLite: NOT INDEXED), \
             B = the nine Phase 3 indexes; ours/SQLite: how each read the table \
             (seek, index = a whole index, scan); ratio = seekscan ÷ SQLite",
            args.repeat
        ),
        format!(
            "{:<24} {:<6} {:<6} {:<6} {:<6} {:>8} {:<4} {:>21} {:>21} {:>8}",
            "query",
            "tenant",
            "config",
            "ours",
            "SQLite",
            "rows",
            "same",
            "seekscan µs",
            "SQLite µs",
            "ratio"
        ),
    ];
    let timing = |t: &Timings| format!("{:.0} ({:.0})", t.median_us, t.p95_us);
    for m in results {
        lines.push(format!(
            "{:<24} {:<6} {:<6} {:<6} {:<6} {:>8} {:<4} {:>21} {:>21} {:>7.2}×",
            m.query.id,
            m.query.tenant,
            m.config,
            m.access,
            m.their_access,
            m.our_rows,
            if m.same_rows { "yes" } else { "NO" },
            timing(&m.ours),
            timing(&m.theirs),
            m.ratio()
        ));
    }
    for (kind, n, ratio) in summary(results) {
        lines.push(format!("median ratio, {kind} ({n}): {ratio:.2}×"));
    }
    let differ = results.iter().filter(|m| !m.same_rows).count();
    lines.push(if differ == 0 {
        "rows: seekscan and SQLite returned the same rows for every query".to_owned()
    } else {
        format!("rows: {differ} results differ between seekscan and SQLite")
    });
    output::to_stdout(|out| lines.iter().try_for_each(|line| writeln!(out, "{line}")))
}

fn print_json(args: &BenchArgs, header: &str, results: &[Measured]) -> Result<(), String> {
    let rows: Vec<_> = results
        .iter()
        .map(|m| {
            json!({
                "query": m.query.id,
                "tenant": m.query.tenant,
                "config": m.config,
                "access": {"seekscan": m.access, "sqlite": m.their_access},
                "sql": m.query.sql,
                "rows": {"seekscan": m.our_rows, "sqlite": m.their_rows},
                "same_rows": m.same_rows,
                "seekscan": m.ours,
                "sqlite": m.theirs,
                "ratio": m.ratio(),
            })
        })
        .collect();
    let summary: Vec<_> = summary(results)
        .into_iter()
        .map(|(kind, n, ratio)| json!({"kind": kind, "results": n, "median_ratio": ratio}))
        .collect();
    let report = json!({
        "scale": args.dataset.scale(),
        "seed": args.dataset.seed,
        "repeat": args.repeat,
        "load": header,
        "results": rows,
        "summary": summary,
    });
    output::to_stdout(|out| writeln!(out, "{report:#}"))
}
