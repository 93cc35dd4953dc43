//! `seekscan cost`: sizes and measured write costs as JSON and as text, and
//! bad flags refused with a non-zero exit.
use std::process::Command;

fn seekscan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_seekscan"))
        .args(args)
        .output()
        .expect("seekscan runs")
}

const SMALL: [&str; 7] = [
    "cost",
    "--scale",
    "2000",
    "--batch",
    "20",
    "--repetitions",
    "2",
];

#[test]
fn cost_json_has_sizes_write_costs_and_the_covering_comparison() {
    let mut args = SMALL.to_vec();
    args.extend(["--indexes", "phase3", "--json"]);
    let out = seekscan(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sizes"]["indexes"].as_array().unwrap().len(), 10);
    assert_eq!(v["sizes"]["b"]["indexes"].as_array().unwrap().len(), 9);
    assert_eq!(v["sizes"]["a"]["bytes"], 0);
    assert_eq!(v["writes"]["tables"].as_array().unwrap().len(), 3);
    assert_eq!(v["writes"]["indexes"].as_array().unwrap().len(), 9);
    for ratio in ["insert_ratio", "update_ratio", "delete_ratio"] {
        assert!(
            v["writes"]["summary"][ratio].as_f64().unwrap() > 0.0,
            "{ratio}"
        );
    }
    let table = &v["writes"]["tables"][0];
    assert_eq!(
        table["b"]["insert"]["samples_us"].as_array().unwrap().len(),
        2
    );
    assert_eq!(
        table["b"]["observed"]["rows_inserted"], table["batch_rows"],
        "{table}"
    );
    let covering = &v["covering"][0];
    assert_eq!(covering["proposal"], "reportrun_covering_idx");
    assert!(covering["size_ratio"].as_f64().unwrap() > 1.0);
}

#[test]
fn cost_text_says_how_much_slower_writes_are() {
    let mut args = SMALL.to_vec();
    args.extend(["--indexes", "audit_entity_idx,audit_user_date_idx"]);
    let out = seekscan(&args);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("A = none, B = audit_entity_idx,audit_user_date_idx"),
        "{text}"
    );
    assert!(text.contains("upstream_domainauditevent"), "{text}");
    assert!(text.contains("inserts "), "{text}");
    assert!(text.contains("audit_entity_idx"), "{text}");
    assert!(text.contains("reportrun_covering_idx beside reportrun_cust_status_idx"));
}

#[test]
fn bad_cost_flags_exit_with_the_problem_named() {
    for (flags, named) in [
        (&["--indexes", "nope_idx"][..], "nope_idx"),
        (&["--batch", "0"][..], "--batch"),
        (&["--against", "phase4"][..], "phase4"),
    ] {
        let mut args = vec!["cost", "--scale", "1000"];
        args.extend(flags);
        let out = seekscan(&args);
        assert_eq!(out.status.code(), Some(2), "{flags:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(named), "{flags:?}: {stderr}");
    }
}
