//! The command line's contract: the JSON shape of `run`, `dump` and
//! `patterns`, and errors on stderr with a non-zero exit.
use std::process::Command;

fn seekscan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_seekscan"))
        .args(args)
        .output()
        .expect("seekscan runs")
}

fn run_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["run", "--scale", "2000", "--json"];
    all.extend(args);
    let out = seekscan(&all);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every table-access node of a JSON plan tree.
fn accesses(node: &serde_json::Value) -> Vec<&serde_json::Value> {
    let mut found = Vec::new();
    if node["op"] == "TableAccess" {
        found.push(node);
    }
    for child in node["children"].as_array().into_iter().flatten() {
        found.extend(accesses(child));
    }
    found
}

const DASHBOARD: &str = "SELECT * FROM upstream_reportrun WHERE customer_id = 1 AND status = 'success' ORDER BY started_at DESC LIMIT 10";

#[test]
fn run_json_has_plan_columns_rows_and_stats() {
    let v = run_json(&[
        "--repeat",
        "3",
        "--indexes",
        "none",
        "--sql",
        "SELECT id, started_at, finished_at FROM upstream_reportrun ORDER BY id LIMIT 2",
    ]);
    assert_eq!(
        v["columns"],
        serde_json::json!(["id", "started_at", "finished_at"])
    );
    assert_eq!(v["rows"][0][0], 1);
    let started = v["rows"][0][1].as_str().unwrap();
    assert_eq!(started.len(), "YYYY-MM-DD HH:MM:SS".len(), "{started}");
    assert_eq!(v["stats"]["rows_returned"], 2);
    assert_eq!(v["stats"]["rows_examined"], 66);
    assert!(v["stats"]["elapsed_us"].is_u64());
    assert_eq!(v["timings"]["samples_us"].as_array().unwrap().len(), 3);
    let access = accesses(&v["plan"]);
    assert_eq!(access.len(), 1);
    assert_eq!(access[0]["table"], "upstream_reportrun");
    // A full scan still names its index: null.
    assert!(access[0].as_object().unwrap().contains_key("index"));
    assert!(access[0]["index"].is_null());
}

#[test]
fn indexes_flag_decides_the_access_path() {
    let after = run_json(&["--sql", DASHBOARD]);
    let before = run_json(&["--indexes", "none", "--sql", DASHBOARD]);
    let covering = run_json(&["--indexes", "all", "--sql", DASHBOARD]);
    let named = run_json(&["--indexes", "reportrun_status_date_idx", "--sql", DASHBOARD]);
    assert_eq!(
        accesses(&after["plan"])[0]["index"],
        "reportrun_cust_status_idx"
    );
    assert!(accesses(&before["plan"])[0]["index"].is_null());
    // SELECT * gains nothing from the wider covering index.
    assert_eq!(
        accesses(&covering["plan"])[0]["index"],
        "reportrun_cust_status_idx"
    );
    let covered = run_json(&[
        "--indexes",
        "all",
        "--sql",
        "SELECT id, run_type, summary_json FROM upstream_reportrun WHERE customer_id = 1 AND status = 'success' ORDER BY started_at DESC LIMIT 10",
    ]);
    let access = accesses(&covered["plan"])[0];
    assert_eq!(access["index"], "reportrun_covering_idx");
    assert_eq!(access["access"], "covering index seek");
    assert_eq!(covered["stats"]["table_lookups"], 0);
    assert_eq!(
        accesses(&named["plan"])[0]["index"],
        "reportrun_status_date_idx"
    );
    assert_eq!(after["rows"], before["rows"]);
    assert_eq!(after["rows"], named["rows"]);
    let (seek, scan) = (
        &after["stats"]["rows_examined"],
        &before["stats"]["rows_examined"],
    );
    assert!(seek.as_u64() < scan.as_u64(), "{seek} vs {scan}");
    // JSON columns come back as JSON text.
    let columns = after["columns"].as_array().unwrap();
    let summary = columns.iter().position(|c| c == "summary_json").unwrap();
    for row in after["rows"].as_array().unwrap() {
        if let Some(text) = row[summary].as_str() {
            serde_json::from_str::<serde_json::Value>(text).expect("summary_json is JSON text");
        }
    }
}

#[test]
fn analyze_reports_estimated_and_actual_rows() {
    let v = run_json(&["--analyze", "--sql", DASHBOARD]);
    let access = accesses(&v["plan"])[0];
    assert_eq!(access["index"], "reportrun_cust_status_idx");
    assert!(access["est_rows"].is_number());
    assert_eq!(access["actual_rows"], v["stats"]["rows_examined"]);
    assert_eq!(v["plan"]["actual_rows"], v["stats"]["rows_returned"]);

    let out = seekscan(&["run", "--scale", "2000", "--analyze", "--sql", DASHBOARD]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("est. rows"), "{text}");
    assert!(text.contains("actual rows"), "{text}");
    assert!(text.contains("rows examined"), "{text}");
}

#[test]
fn dump_creates_the_chosen_indexes() {
    for (set, count) in [("none", 0), ("phase3", 9), ("all", 10)] {
        let out = seekscan(&["dump", "--scale", "200", "--indexes", set]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let sql = String::from_utf8(out.stdout).unwrap();
        assert_eq!(sql.matches("CREATE INDEX").count(), count, "{set}");
        assert_eq!(sql.matches("CREATE TABLE").count(), 3);
        assert!(sql.contains("INSERT INTO upstream_domainauditevent"));
    }
}

#[test]
fn patterns_json_lists_all_twelve() {
    let out = seekscan(&["patterns", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 12);
}

#[test]
fn errors_go_to_stderr_with_a_failing_exit() {
    let run = |sql: &'static str| vec!["run", "--scale", "2000", "--sql", sql];
    for (args, says) in [
        (run("SELEC nonsense"), ""),
        (run("SELECT * FROM no_such_table"), "no_such_table"),
        (
            run("SELECT no_such_column FROM upstream_reportrun"),
            "no_such_column",
        ),
        (
            run("SELECT id FROM upstream_reportrun WHERE no_such_column = 1"),
            "no_such_column",
        ),
        (run("DROP INDEX no_such_idx"), "no_such_idx"),
        (
            run("CREATE INDEX audit_entity_idx ON upstream_reportrun (status)"),
            "already exists",
        ),
        (
            run("CREATE INDEX fresh_idx ON upstream_reportrun (no_such_column)"),
            "no_such_column",
        ),
        (
            run("CREATE INDEX fresh_idx ON no_such_table (id)"),
            "no_such_table",
        ),
        (
            vec![
                "run",
                "--scale",
                "2000",
                "--indexes",
                "no_such_idx",
                "--sql",
                "SELECT 1",
            ],
            "no_such_idx",
        ),
        (
            vec!["run", "--scale", "abc", "--sql", "SELECT 1"],
            "--scale",
        ),
        (vec!["run", "--scale", "0", "--sql", "SELECT 1"], "--scale"),
        (vec!["run", "--seed", "-1", "--sql", "SELECT 1"], ""),
        (
            vec!["run", "--repeat", "0", "--sql", "SELECT 1"],
            "--repeat",
        ),
        (vec!["run", "--scale", "2000"], "--sql"),
        (vec!["run", "--bogus", "--sql", "SELECT 1"], "--bogus"),
        (
            vec!["dump", "--scale", "200", "--indexes", "no_such_idx"],
            "no_such_idx",
        ),
        (vec!["explode"], "explode"),
        (
            vec![
                "run",
                "--scale",
                "200",
                "--analyze",
                "--sql",
                "EXPLAIN SELECT 1",
            ],
            "--analyze",
        ),
        (
            vec![
                "run",
                "--scale",
                "200",
                "--repeat",
                "2",
                "--sql",
                "DELETE FROM upstream_reportrun",
            ],
            "--repeat",
        ),
    ] {
        let out = seekscan(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
        assert!(!stderr.trim().is_empty(), "{args:?} said nothing");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}

#[test]
fn a_bad_flag_value_exits_2_and_a_failed_statement_1() {
    for args in [
        vec!["run", "--indexes", "nope_idx", "--sql", "SELECT 1"],
        vec!["run", "--scale", "100000000", "--sql", "SELECT 1"],
        vec!["dump", "--indexes", "nope_idx"],
        vec!["bench", "--after", "nope_idx"],
    ] {
        let out = seekscan(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
    let out = seekscan(&[
        "run",
        "--scale",
        "200",
        "--sql",
        "SELECT nope FROM upstream_reportrun",
    ]);
    assert_eq!(out.status.code(), Some(1));
}

/// Each statement of a multi-statement input counts its own rows.
#[test]
fn every_statement_reports_its_own_counters() {
    let json = |sql: &str| -> serde_json::Value {
        let out = seekscan(&["run", "--scale", "2000", "--json", "--sql", sql]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let one = json("SELECT COUNT(*) FROM upstream_reportrun");
    let two =
        json("SELECT COUNT(*) FROM upstream_reportrun; SELECT COUNT(*) FROM upstream_reportrun");
    assert_eq!(two["stats"]["rows_examined"], one["stats"]["rows_examined"]);
    assert_eq!(
        two["earlier"][0]["stats"]["rows_examined"],
        one["stats"]["rows_examined"]
    );
    // An index statement may come first, and the query after it uses it.
    let created = json(
        "CREATE INDEX mine ON upstream_reportrun (run_type); \
         SELECT COUNT(*) FROM upstream_reportrun WHERE run_type = 'weekly'",
    );
    assert_eq!(created["earlier"][0]["summary"], "created index mine");
    let dropped = json("DROP INDEX audit_entity_idx; SELECT 1");
    assert_eq!(
        dropped["earlier"][0]["summary"],
        "dropped index audit_entity_idx"
    );
}

#[test]
fn runaway_inputs_fail_cleanly() {
    let terms: Vec<String> = (0..5_000).map(|i| format!("user_id = {i}")).collect();
    let long_or = format!(
        "SELECT COUNT(*) FROM upstream_domainauditevent WHERE {}",
        terms.join(" OR ")
    );
    for (sql, says) in [
        (long_or.as_str(), "operators"),
        (
            "SELECT id FROM upstream_reportrun LIMIT 18446744073709551615 OFFSET 18446744073709551615",
            "",
        ),
    ] {
        let out = seekscan(&["run", "--scale", "200", "--sql", sql]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.code().is_some(), "{sql}: killed by a signal");
        assert!(stderr.contains(says), "{sql}: {stderr}");
    }
}

/// `bench --vs-sqlite`: a ratio row for every pattern, both tenants and
/// both configurations, and the same rows from both engines.
#[test]
fn bench_vs_sqlite_rates_every_pattern_in_both_configurations() {
    let out = seekscan(&["bench", "--vs-sqlite", "--scale", "2000", "--repeat", "1"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let rows: Vec<Vec<&str>> = stdout
        .lines()
        .map(|line| line.split_whitespace().collect())
        .filter(|words: &Vec<&str>| words.last().is_some_and(|w| w.ends_with('×')))
        .collect();
    for pattern in patterns_json().as_array().unwrap() {
        let id = pattern["id"].as_str().unwrap();
        for tenant in ["large", "small"] {
            for config in ["A", "B"] {
                let row = rows
                    .iter()
                    .find(|w| w[0] == id && w[1] == tenant && w[2] == config)
                    .unwrap_or_else(|| panic!("no row for {id} {tenant} {config}:\n{stdout}"));
                assert_eq!(row[6], "yes", "{id} {tenant} {config}: {row:?}");
            }
        }
    }
    assert!(stdout.contains("the same rows for every query"), "{stdout}");
    assert!(stdout.contains("median ratio, all"), "{stdout}");
}

fn patterns_json() -> serde_json::Value {
    let out = seekscan(&["patterns", "--json"]);
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A scratch file holding `text`, removed when dropped.
struct SqlFile(std::path::PathBuf);

impl SqlFile {
    fn new(name: &str, text: &str) -> Self {
        let path = std::env::temp_dir().join(format!("seekscan-{}-{name}.sql", std::process::id()));
        std::fs::write(&path, text).unwrap();
        Self(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for SqlFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// `--file PATH` and `--sql -` (standard input) give the same input as
/// `--sql TEXT`, including one longer than a single argument may be (Linux
/// refuses an argument over 128 KiB).
#[test]
fn sql_comes_from_a_file_or_standard_input() {
    let sql = "-- the dashboard\nSELECT id, status\nFROM upstream_reportrun\nWHERE customer_id = 1\nORDER BY id LIMIT 5;\n";
    let inline = run_json(&["--sql", sql]);
    let file = SqlFile::new("dashboard", sql);
    assert_eq!(run_json(&["--file", file.path()])["rows"], inline["rows"]);

    let mut child = Command::new(env!("CARGO_BIN_EXE_seekscan"))
        .args(["run", "--scale", "2000", "--json", "--sql", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), sql.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let piped: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(piped["rows"], inline["rows"]);
    assert_eq!(inline["rows"].as_array().map(Vec::len), Some(5));

    let ids: Vec<String> = (1..=9_000)
        .map(|id| (10_000_000 + id).to_string())
        .collect();
    let long = format!(
        "-- {}\nSELECT COUNT(*) FROM upstream_reportrun WHERE id IN ({})",
        "x".repeat(100_000),
        ids.join(", ")
    );
    assert!(long.len() > 128 * 1024);
    let file = SqlFile::new("long", &long);
    assert_eq!(run_json(&["--file", file.path()])["rows"][0][0], 0);

    let compare = SqlFile::new(
        "compare",
        "SELECT id FROM upstream_reportrun WHERE customer_id = 1",
    );
    let out = seekscan(&[
        "compare",
        "--scale",
        "200",
        "--repeat",
        "1",
        "--a",
        "none",
        "--b",
        "phase3",
        "--file",
        compare.path(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn sql_from_two_places_or_a_missing_file_fails() {
    let out = seekscan(&["run", "--sql", "SELECT 1", "--file", "x.sql"]);
    assert_eq!(out.status.code(), Some(2), "both --sql and --file");
    let out = seekscan(&["run", "--scale", "200", "--file", "/no/such/dir/q.sql"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--file /no/such/dir/q.sql"), "{stderr}");
}
