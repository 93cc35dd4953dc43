//! `seekscan pg --url … workload` against a throwaway PostgreSQL cluster
//! holding `dump --dialect postgres` with one Phase 3 index left out: every
//! pattern before (sequential) and after, the missing index named, and the
//! database exactly as it was afterwards.
#[path = "../../core/tests/support/postgres.rs"]
mod postgres_cluster;

use std::process::Command;

const LEFT_OUT: &str = "audit_user_date_idx";

fn seekscan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_seekscan"))
        .args(args)
        .output()
        .expect("seekscan runs")
}

/// Indexes and row counts: what a write, CREATE or DROP would change.
fn state(client: &mut postgres::Client) -> Vec<String> {
    let mut seen: Vec<String> = client
        .query(
            "SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    for table in [
        "upstream_reportrun",
        "upstream_domainauditevent",
        "upstream_productconfig",
    ] {
        let n: i64 = client
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])
            .unwrap()
            .get(0);
        seen.push(format!("{table}: {n}"));
    }
    seen
}

#[test]
fn workload_runs_every_pattern_read_only_and_names_the_missing_index() {
    let phase3 = "reportrun_cust_status_idx,reportrun_cust_type_idx,reportrun_status_date_idx,\
                  audit_cust_action_idx,audit_entity_idx,audit_action_date_idx,\
                  prodcfg_cust_enabled_idx,prodcfg_slug_enabled_idx";
    let dump = seekscan(&[
        "dump",
        "--dialect",
        "postgres",
        "--scale",
        "20000",
        "--indexes",
        phase3,
    ]);
    assert!(
        dump.status.success(),
        "{}",
        String::from_utf8_lossy(&dump.stderr)
    );

    let cluster = postgres_cluster::Cluster::start().unwrap();
    let file = cluster.file("dump.sql");
    std::fs::write(&file, &dump.stdout).unwrap();
    cluster
        .psql_file("postgres", &file)
        .unwrap_or_else(|e| panic!("{e}\n{}", cluster.log()));
    let mut client = cluster.client("postgres").unwrap();
    let before = state(&mut client);

    let socket = cluster.socket_dir().to_str().unwrap().replace('/', "%2F");
    let url = format!("postgres://{}@{socket}/postgres", postgres_cluster::ROLE);
    let out = seekscan(&["pg", "--url", &url, "workload", "--runs", "3"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    println!("{text}");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    assert!(
        text.starts_with("PostgreSQL 15") || text.starts_with("PostgreSQL "),
        "{text}"
    );
    for tenant in ["large", "small"] {
        for pattern in seekscan_patterns() {
            let row = text
                .lines()
                .find(|l| l.starts_with(&format!("{pattern:<24} {tenant} ")))
                .unwrap_or_else(|| panic!("{pattern} {tenant} in\n{text}"));
            // Index scans off: every "before" reads the table sequentially.
            let cells: Vec<&str> = row.split_whitespace().collect();
            assert_eq!(cells[2], "seq", "{row}");
        }
    }
    let audit_trail = text
        .lines()
        .find(|l| l.starts_with("audit_trail              large"))
        .unwrap();
    assert!(
        audit_trail.contains("audit_cust_action_idx"),
        "{audit_trail}"
    );
    assert!(text.contains("Verdict: after is faster for"), "{text}");
    assert!(
        text.contains("lacks 1 of the nine Phase 3 indexes")
            && text.contains(&format!(
                "CREATE INDEX {LEFT_OUT} ON upstream_domainauditevent"
            )),
        "{text}"
    );

    // The same run as Markdown for a review.
    let out = seekscan(&["pg", "--url", &url, "workload", "--runs", "1", "--markdown"]);
    let markdown = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for heading in [
        "#### PostgreSQL workload",
        "#### Patterns",
        "#### Verdict",
        "#### Missing indexes",
    ] {
        assert!(markdown.contains(heading), "{heading} in\n{markdown}");
    }
    assert_eq!(
        markdown.matches("\n| audit_trail | ").count(),
        2,
        "{markdown}"
    );
    assert!(
        markdown.contains(&format!("- `CREATE INDEX {LEFT_OUT} ON")),
        "{markdown}"
    );

    // Nothing written, created or dropped.
    assert_eq!(state(&mut client), before);
}

fn seekscan_patterns() -> Vec<String> {
    let out = seekscan(&["patterns", "--json"]);
    let patterns: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    patterns
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn an_unreachable_database_is_a_clear_error() {
    let out = seekscan(&[
        "pg",
        "--url",
        "postgres://nobody:secret@%2Fnonexistent-socket-dir/db",
        "workload",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot connect to"), "{err}");
    assert!(
        !err.contains("secret"),
        "the password stays out of the message: {err}"
    );
}
