//! The command line's contract: JSON shape, and errors on stderr with a non-zero exit.
use std::process::Command;

fn seekscan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_seekscan"))
        .args(args)
        .output()
        .expect("seekscan runs")
}

#[test]
fn run_json_has_plan_columns_rows_and_stats() {
    let out = seekscan(&[
        "run",
        "--scale",
        "2000",
        "--json",
        "--repeat",
        "3",
        "--sql",
        "SELECT id, started_at, finished_at FROM upstream_reportrun ORDER BY id LIMIT 2",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["columns"],
        serde_json::json!(["id", "started_at", "finished_at"])
    );
    assert_eq!(v["rows"][0][0], 1);
    let started = v["rows"][0][1].as_str().unwrap();
    assert_eq!(started.len(), "YYYY-MM-DD HH:MM:SS".len(), "{started}");
    assert_eq!(v["stats"]["rows_returned"], 2);
    assert_eq!(v["stats"]["rows_examined"], 66);
    assert_eq!(v["timings"]["samples_us"].as_array().unwrap().len(), 3);
    let access = &v["plan"]["children"][0]["children"][0]["children"][0];
    assert_eq!(access["table"], "upstream_reportrun");
    assert!(access["index"].is_null());
}

#[test]
fn errors_go_to_stderr_with_a_failing_exit() {
    for args in [
        &["run", "--scale", "100", "--sql", "SELEC nonsense"][..],
        &[
            "run",
            "--scale",
            "100",
            "--sql",
            "SELECT * FROM no_such_table",
        ][..],
        &["run", "--scale", "abc", "--sql", "SELECT 1"][..],
        &["run", "--scale", "0", "--sql", "SELECT 1"][..],
    ] {
        let out = seekscan(args);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
        assert!(!out.stderr.is_empty(), "{args:?} said nothing");
    }
}

#[test]
fn patterns_json_lists_all_twelve() {
    let out = seekscan(&["patterns", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 12);
}
