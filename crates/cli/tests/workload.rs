//! `seekscan workload`: the table and the JSON, and its bad flags.
use std::process::Command;

fn seekscan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_seekscan"))
        .args(args)
        .output()
        .expect("seekscan runs")
}

#[test]
fn workload_json_has_a_row_per_pattern_and_tenant_and_weighted_totals() {
    let out = seekscan(&[
        "workload",
        "--scale",
        "2000",
        "--repeat",
        "2",
        "--a",
        "none",
        "--b",
        "phase3",
        "--weights",
        "audit_trail:3",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 24);
    assert_eq!(rows[0]["pattern"], "report_dashboard");
    assert_eq!(rows[0]["tenant"], "Large");
    assert_eq!(rows[1]["tenant"], "Small");
    assert!(rows.iter().all(|r| r["a"]["index"].is_null()));
    assert!(rows.iter().all(|r| r["b"]["index"].is_string()));
    let weight = |r: &serde_json::Value| {
        if r["pattern"] == "audit_trail" {
            3.0
        } else {
            1.0
        }
    };
    let a: f64 = rows
        .iter()
        .map(|r| weight(r) * r["a"]["timings"]["median_us"].as_f64().unwrap())
        .sum();
    assert!((v["totals"]["a_us"].as_f64().unwrap() - a).abs() < 1e-6);
    assert_eq!(v["totals"]["weight"], 22 + 2 * 3);
    assert_eq!(v["verdict"]["served_by_index"], 12);
    assert!(v["verdict_text"]
        .as_str()
        .unwrap()
        .starts_with("B serves 12 of 12 patterns"));
    assert!(rows
        .iter()
        .all(|r| r["why"]["text"].as_str().is_some_and(|t| !t.is_empty())));
}

#[test]
fn workload_table_prints_every_row_the_verdict_and_why() {
    let out = seekscan(&["workload", "--scale", "2000", "--repeat", "1"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for id in ["report_dashboard", "prodcfg_slug_enabled"] {
        assert_eq!(
            text.lines().filter(|l| l.starts_with(id)).count(),
            2,
            "{text}"
        );
    }
    assert!(
        text.contains("B serves 12 of 12 patterns with an index"),
        "{text}"
    );
    assert!(text.contains("why:"), "{text}");
}

#[test]
fn bad_workload_flags_exit_2_and_name_the_problem() {
    for (args, says) in [
        (
            &["workload", "--weights", "nope:2"][..],
            "no documented pattern",
        ),
        (
            &["workload", "--weights", "audit_trail:x"][..],
            "whole number",
        ),
        (
            &["workload", "--b", "no_such_idx"][..],
            "unknown index no_such_idx",
        ),
        (&["workload", "--budget", "0"][..], "budget must be between"),
    ] {
        let out = seekscan(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}
