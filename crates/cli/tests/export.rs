//! The exports on the command line: `run --markdown`, `run --format
//! pg-json|sqlite-eqp`, and `compare` (text and `--markdown`).
use std::process::Command;

fn seekscan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_seekscan"))
        .args(args)
        .output()
        .expect("seekscan runs")
}

fn stdout_of(args: &[&str]) -> String {
    let out = seekscan(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const DASHBOARD: &str = "SELECT * FROM upstream_reportrun WHERE customer_id = 1 AND status = 'success' ORDER BY started_at DESC LIMIT 10";

#[test]
fn run_prints_the_plan_as_postgresql_json_and_as_sqlite_text() {
    let json = stdout_of(&[
        "run", "--scale", "2000", "--format", "pg-json", "--sql", DASHBOARD,
    ]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let plan = &value[0]["Plan"];
    assert_eq!(plan["Node Type"], "Limit", "{json}");
    assert_eq!(plan["Plans"][0]["Node Type"], "Index Scan", "{json}");
    assert_eq!(plan["Plans"][0]["Index Name"], "reportrun_cust_status_idx");
    assert_eq!(plan["Plans"][0]["Relation Name"], "upstream_reportrun");
    assert!(value[0]["Execution Time"].is_number(), "{json}");

    let sqlite = stdout_of(&[
        "run",
        "--scale",
        "2000",
        "--indexes",
        "none",
        "--format",
        "sqlite-eqp",
        "--sql",
        DASHBOARD,
    ]);
    assert_eq!(
        sqlite,
        "QUERY PLAN\n|--SCAN upstream_reportrun\n`--USE TEMP B-TREE FOR ORDER BY\n"
    );
    let seek = stdout_of(&[
        "run",
        "--scale",
        "2000",
        "--format",
        "sqlite-eqp",
        "--sql",
        DASHBOARD,
    ]);
    assert_eq!(
        seek,
        "QUERY PLAN\n`--SEARCH upstream_reportrun USING INDEX reportrun_cust_status_idx (customer_id=? AND status=?)\n"
    );
}

#[test]
fn run_markdown_is_one_configuration() {
    let md = stdout_of(&[
        "run",
        "--scale",
        "2000",
        "--repeat",
        "3",
        "--markdown",
        "--sql",
        DASHBOARD,
    ]);
    for heading in [
        "#### Dataset",
        "#### Indexes",
        "#### SQL",
        "#### Plans",
        "#### Measurements",
        "#### Link",
    ] {
        assert!(md.contains(heading), "{heading} missing:\n{md}");
    }
    assert!(!md.contains("#### Verdict"), "{md}");
    assert!(md.contains("2,000 audit events (scale), seed 1"), "{md}");
    assert!(md.contains(&format!("```sql\n{DASHBOARD}\n```")), "{md}");
    assert!(md.contains("| runs | 3 |"), "{md}");
    assert!(md.contains("| rows returned | 10 |"), "{md}");
    assert!(
        md.contains("(http://127.0.0.1:8080/?scale=2000&a=audit_action_date_idx"),
        "{md}"
    );
}

#[test]
fn compare_runs_both_configurations() {
    let md = stdout_of(&[
        "compare",
        "--scale",
        "2000",
        "--a",
        "none",
        "--b",
        "phase3",
        "--sql",
        DASHBOARD,
        "--repeat",
        "2",
        "--markdown",
        "--base-url",
        "https://example.test/seekscan/",
    ]);
    assert!(md.contains("- **A**: none (no secondary index)"), "{md}");
    assert!(md.contains("`reportrun_cust_status_idx`"), "{md}");
    assert!(md.contains("| | A | B |"), "{md}");
    assert!(md.contains("| runs | 2 | 2 |"), "{md}");
    assert!(md.contains("#### Verdict"), "{md}");
    assert!(md.contains("\nWhy: "), "{md}");
    assert!(md.contains("✓ A and B returned the same rows"), "{md}");
    assert!(
        md.contains("(https://example.test/seekscan/?scale=2000&a=&b="),
        "{md}"
    );

    let text = stdout_of(&[
        "compare",
        "--scale",
        "2000",
        "--pattern",
        "report_dashboard",
        "--repeat",
        "2",
    ]);
    assert!(text.contains("== A: no secondary index"), "{text}");
    assert!(text.contains("the document expected 85% faster"), "{text}");
    assert!(text.contains("A and B returned the same rows"), "{text}");
}

#[test]
fn bad_export_flags_fail_with_a_reason() {
    let out = seekscan(&[
        "run", "--scale", "2000", "--format", "yaml", "--sql", "SELECT 1",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown plan format \"yaml\""));

    let out = seekscan(&[
        "run",
        "--scale",
        "2000",
        "--markdown",
        "--json",
        "--sql",
        "SELECT 1",
    ]);
    assert_eq!(out.status.code(), Some(2));

    let out = seekscan(&[
        "compare",
        "--scale",
        "2000",
        "--sql",
        "DELETE FROM upstream_reportrun",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("a statement that writes"));

    let out = seekscan(&["compare", "--scale", "2000", "--pattern", "nope"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown pattern \"nope\""));

    let out = seekscan(&[
        "run",
        "--scale",
        "2000",
        "--format",
        "pg-json",
        "--sql",
        "CREATE INDEX x ON upstream_reportrun (run_type)",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a query plan"));
}
