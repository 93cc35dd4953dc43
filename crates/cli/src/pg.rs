//! `seekscan pg --url postgres://… workload`: the documented patterns against
//! a real PostgreSQL holding the Upstream tables, read-only. Parameters come
//! from that database's own rows (the tenant with the most and the fewest
//! report runs). Each pattern runs "before" with index scans switched off
//! for the transaction (`enable_indexscan`, `enable_indexonlyscan`,
//! `enable_bitmapscan` off) and "after" as the server is configured, each
//! as `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` N times: median and p95 of
//! the execution time, the access path, the buffers. Everything runs in
//! one READ ONLY transaction that is rolled back: nothing is written,
//! created or dropped. It also says which of the nine Phase 3 indexes the
//! database lacks.
use std::collections::BTreeMap;

use clap::{Args, Subcommand};
use postgres::{Client, NoTls, SimpleQueryMessage, Transaction};
use seekscan_core::agreement::{pg_plan, ScanKind};
use seekscan_core::bench::Timings;
use seekscan_core::catalog::{builtin_indexes, IndexDef, Origin};
use seekscan_core::noise::{confidence_percent, difference, Difference};
use seekscan_core::patterns::{self, Pattern};

#[derive(Args)]
pub struct PgArgs {
    /// The database: a URL (postgres://user@host/db) or libpq key=value words.
    #[arg(long)]
    pub url: String,
    #[command(subcommand)]
    pub command: PgCommand,
}

#[derive(Subcommand)]
pub enum PgCommand {
    /// Every documented pattern, large and small tenant, before and after.
    Workload {
        /// Runs of each pattern in each configuration.
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=1000))]
        runs: u32,
        /// The same as a Markdown block for a review: `####` sections.
        #[arg(long)]
        markdown: bool,
    },
}

/// Switches off every index access for the transaction ("before").
const BEFORE: &str = "SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off; \
                      SET LOCAL enable_bitmapscan = off";
const AFTER: &str = "RESET enable_indexscan; RESET enable_indexonlyscan; RESET enable_bitmapscan";

pub fn pg(args: &PgArgs) -> Result<(), String> {
    let mut client = Client::connect(&args.url, NoTls).map_err(|e| {
        format!(
            "cannot connect to {}: {}",
            redacted(&args.url),
            error_text(&e)
        )
    })?;
    match args.command {
        PgCommand::Workload { runs, markdown } => workload(&mut client, runs, markdown),
    }
}

/// The URL without its password, for error messages.
fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

fn error_text(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_owned(),
        None => e.to_string(),
    }
}

fn pg_err(what: &str) -> impl Fn(postgres::Error) -> String + '_ {
    move |e| format!("{what}: {}", error_text(&e))
}

fn workload(client: &mut Client, runs: u32, markdown: bool) -> Result<(), String> {
    let mut tx = client
        .build_transaction()
        .read_only(true)
        .start()
        .map_err(pg_err("BEGIN READ ONLY"))?;
    let version = first_cell(&mut tx, "SHOW server_version")?;
    let missing = missing_indexes(&mut tx)?;
    let mut rows = Vec::new();
    for large in [true, false] {
        let params = tenant_params(&mut tx, large)?;
        for pattern in patterns::all() {
            let sql = pattern.render(&params);
            let before = measure(&mut tx, &sql, BEFORE, runs)?;
            let after = measure(&mut tx, &sql, AFTER, runs)?;
            rows.push(Row {
                pattern,
                tenant: if large { "large" } else { "small" },
                before,
                after,
            });
        }
    }
    tx.rollback().map_err(pg_err("ROLLBACK"))?;
    if markdown {
        print!("{}", report_markdown(&version, runs, &rows, &missing));
    } else {
        print!("{}", report(&version, runs, &rows, &missing));
    }
    Ok(())
}

fn first_cell(tx: &mut Transaction, sql: &str) -> Result<String, String> {
    let messages = tx.simple_query(sql).map_err(pg_err(sql))?;
    messages
        .iter()
        .find_map(|m| match m {
            SimpleQueryMessage::Row(row) => row.get(0).map(str::to_owned),
            _ => None,
        })
        .ok_or_else(|| format!("{sql}: no row"))
}

/// One value per parameter, drawn as `patterns::params_for` draws them from
/// the generated rows: the tenant with the most (or fewest) report runs,
/// its newest audit event with an entity and a user, its first product.
fn tenant_params(tx: &mut Transaction, large: bool) -> Result<BTreeMap<String, String>, String> {
    let order = if large { "DESC" } else { "ASC" };
    let tenant = first_cell(
        tx,
        &format!(
            "SELECT customer_id::text FROM upstream_reportrun GROUP BY customer_id \
             ORDER BY count(*) {order}, customer_id LIMIT 1"
        ),
    )
    .map_err(|e| format!("the database holds no report runs to draw a tenant from ({e})"))?;
    let mut params = BTreeMap::from([
        ("tenant".to_owned(), tenant.clone()),
        ("status".to_owned(), "success".to_owned()),
        ("run_type".to_owned(), "weekly".to_owned()),
        ("action".to_owned(), "upload_created".to_owned()),
    ]);
    let event = tx
        .query_opt(
            "SELECT entity_type, entity_id, user_id::text FROM upstream_domainauditevent \
             WHERE customer_id = $1::text::int AND entity_id IS NOT NULL AND user_id IS NOT NULL \
             ORDER BY id DESC LIMIT 1",
            &[&tenant],
        )
        .map_err(pg_err("the tenant's newest audit event"))?;
    if let Some(event) = event {
        for (i, name) in ["entity_type", "entity_id", "user_id"].iter().enumerate() {
            params.insert((*name).to_owned(), event.get::<_, String>(i));
        }
    }
    let product = tx
        .query_opt(
            "SELECT product_slug FROM upstream_productconfig WHERE customer_id = $1::text::int \
             ORDER BY id LIMIT 1",
            &[&tenant],
        )
        .map_err(pg_err("the tenant's first product"))?;
    if let Some(product) = product {
        params.insert("product_slug".to_owned(), product.get(0));
    }
    Ok(params)
}

/// A configuration's runs of one statement.
struct Measured {
    timings: Timings,
    access: String,
    buffers: u64,
    rows: f64,
}

fn measure(tx: &mut Transaction, sql: &str, settings: &str, runs: u32) -> Result<Measured, String> {
    tx.batch_execute(settings).map_err(pg_err(settings))?;
    let mut samples = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let text = first_cell(
            tx,
            &format!("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}"),
        )?;
        let explain: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("EXPLAIN's JSON: {e}"))?;
        let measured = pg_plan::measured(&explain).ok_or("EXPLAIN ANALYZE gave no timing")?;
        samples.push(measured.execution_ms * 1000.0);
        last = Some((explain, measured));
    }
    let (explain, measured) = last.ok_or("no run")?;
    let scans = pg_plan::top_plan(&explain)
        .map(pg_plan::scans)
        .unwrap_or_default();
    let access = scans
        .iter()
        .map(|s| {
            let sort = if s.access.sorts { " + sort" } else { "" };
            let bitmap = if s.access.kind == ScanKind::Bitmap {
                " (bitmap)"
            } else {
                ""
            };
            format!("{}{bitmap}{sort}", s.access.label())
        })
        .collect::<Vec<_>>()
        .join(", ");
    Ok(Measured {
        timings: Timings::from_samples(samples),
        access,
        buffers: measured.buffers,
        rows: measured.rows,
    })
}

/// Which of the nine Phase 3 indexes the database lacks: none by that name,
/// and none on the same table with the same key columns.
fn missing_indexes(tx: &mut Transaction) -> Result<Vec<IndexDef>, String> {
    let present: Vec<(String, String, String)> = tx
        .query(
            "SELECT indexname::text, tablename::text, indexdef FROM pg_indexes \
             WHERE schemaname = ANY (current_schemas(false))",
            &[],
        )
        .map_err(pg_err("reading pg_indexes"))?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    Ok(builtin_indexes()
        .into_iter()
        .filter(|d| d.origin == Origin::Phase3)
        .filter(|d| {
            let keys = format!("({})", d.key_list().join(", "));
            !present.iter().any(|(name, table, def)| {
                *name == d.name || (*table == d.table && def.contains(&keys))
            })
        })
        .collect())
}

struct Row {
    pattern: &'static Pattern,
    tenant: &'static str,
    before: Measured,
    after: Measured,
}

impl Row {
    /// "after" against "before", called only beyond noise.
    fn difference(&self) -> Difference {
        difference(
            &self.before.timings.samples_us,
            &self.after.timings.samples_us,
        )
    }
}

fn ms(us: f64) -> String {
    format!("{:.3}", us / 1000.0)
}

/// The run as Markdown: what ran, the table, the verdict, the missing indexes.
fn report_markdown(version: &str, runs: u32, rows: &[Row], missing: &[IndexDef]) -> String {
    let mut out = format!(
        "#### PostgreSQL workload\n\nPostgreSQL {version}, every documented pattern, {runs} runs each \
         (`EXPLAIN (ANALYZE, BUFFERS)`); before: index scans off for the transaction; \
         after: as configured. Read only.\n\n#### Patterns\n\n\
         | pattern | tenant | before | median ms | p95 ms | after | median ms | p95 ms | after against before |\n\
         | --- | --- | --- | ---: | ---: | --- | ---: | ---: | ---: |\n"
    );
    for row in rows {
        let (b, a) = (&row.before, &row.after);
        out.push_str(&format!(
            "| {} | {} | `{}` | {} | {} | `{}` | {} | {} | {} |\n",
            row.pattern.id,
            row.tenant,
            b.access,
            ms(b.timings.median_us),
            ms(b.timings.p95_us),
            a.access,
            ms(a.timings.median_us),
            ms(a.timings.p95_us),
            row.difference().short()
        ));
    }
    out.push_str(&format!("\n#### Verdict\n\n{}\n", verdict_line(rows)));
    out.push_str("\n#### Missing indexes\n\n");
    if missing.is_empty() {
        out.push_str("None: the database has all nine Phase 3 indexes.\n");
    }
    for def in missing {
        out.push_str(&format!("- `{};`\n", def.create_sql()));
    }
    out
}

/// How many pattern runs "after" made faster beyond noise, and the
/// geometric mean speed-up of the medians.
fn verdict_line(rows: &[Row]) -> String {
    let faster = rows
        .iter()
        .filter(|r| matches!(r.difference(), Difference::Faster { .. }))
        .count();
    let log_sum: f64 = rows
        .iter()
        .map(|r| (r.before.timings.median_us / r.after.timings.median_us.max(0.001)).ln())
        .sum();
    let mean = (log_sum / rows.len().max(1) as f64).exp();
    format!(
        "after is faster for {faster} of {} pattern runs beyond noise ({}% interval); geometric mean speed-up of the medians {mean:.1}×.",
        rows.len(),
        confidence_percent()
    )
}

fn report(version: &str, runs: u32, rows: &[Row], missing: &[IndexDef]) -> String {
    let mut out = format!(
        "PostgreSQL {version}: every documented pattern, {runs} runs each, EXPLAIN (ANALYZE, BUFFERS); \
         before: index scans off for the transaction; after: as configured. Read only.\n\n"
    );
    out.push_str(&format!(
        "{:<24} {:<6} {:<34} {:>9} {:>9} {:>7} {:<43} {:>9} {:>9} {:>7} {}\n",
        "pattern",
        "tenant",
        "before",
        "median ms",
        "p95 ms",
        "buffers",
        "after",
        "median ms",
        "p95 ms",
        "buffers",
        "after against before"
    ));
    for row in rows {
        let (b, a) = (&row.before, &row.after);
        let speedup = row.difference().short();
        out.push_str(&format!(
            "{:<24} {:<6} {:<34} {:>9} {:>9} {:>7} {:<43} {:>9} {:>9} {:>7} {}\n",
            row.pattern.id,
            row.tenant,
            b.access,
            ms(b.timings.median_us),
            ms(b.timings.p95_us),
            b.buffers,
            a.access,
            ms(a.timings.median_us),
            ms(a.timings.p95_us),
            a.buffers,
            speedup
        ));
        if b.rows != a.rows {
            out.push_str(&format!(
                "  ! {} rows before, {} after: the same statement should return the same rows\n",
                b.rows, a.rows
            ));
        }
    }
    out.push('\n');
    for row in rows.iter().filter(|r| r.tenant == "large") {
        out.push_str(&format!(
            "{} (large tenant): {}; the document expects {}\n",
            row.pattern.id,
            row.difference().sentence("after", "before"),
            row.pattern.expected_improvement
        ));
    }
    out.push_str(&format!("\nVerdict: {}\n", verdict_line(rows)));
    if missing.is_empty() {
        out.push_str("The database has all nine Phase 3 indexes.\n");
    } else {
        out.push_str(&format!(
            "The database lacks {} of the nine Phase 3 indexes:\n",
            missing.len()
        ));
        for def in missing {
            out.push_str(&format!("  {};\n", def.create_sql()));
        }
    }
    out
}
