//! Every lesson's claims hold on the default dataset, measured the way the
//! page measures them (through the service: one load, a run of A and B),
//! and a claim the plans do not show is reported as not holding.
use std::collections::BTreeMap;

use seekscan_core::experiment::DEFAULT_SEED;
use seekscan_core::lessons::{self, Claim, Lesson, Measured, Verdict};
use seekscan_core::protocol::{Config, DatasetInfo, PaneResult, Request, Response, RunKind, Slot};
use seekscan_core::service::Service;

fn serve(service: &mut Service, request: Request) -> Response {
    let mut last = None;
    service.handle(request, &mut |r| last = Some(r));
    last.expect("an answer")
}

/// The default dataset at `scale` with every lesson's user indexes.
fn loaded(scale: usize) -> (Service, DatasetInfo) {
    let mut service = Service::default();
    let mut indexes = Vec::new();
    for lesson in lessons::all() {
        indexes.extend(lesson.user_indexes.iter().map(|sql| (*sql).to_owned()));
    }
    let request = Request::LoadWithIndexes {
        seed: DEFAULT_SEED,
        scale,
        indexes,
    };
    match serve(&mut service, request) {
        Response::Loaded(info) => (service, info),
        other => panic!("load: {other:?}"),
    }
}

/// Runs the lesson's SQL under the given configurations, as the page does.
fn run(service: &mut Service, sql: &str, a: Vec<String>, b: Vec<String>) -> [PaneResult; 2] {
    let configs = vec![
        Config {
            slot: Slot::A,
            indexes: a,
        },
        Config {
            slot: Slot::B,
            indexes: b,
        },
    ];
    let request = Request::Run {
        id: 1,
        sql: sql.to_owned(),
        repetitions: 1,
        configs,
    };
    let Response::Ran(report) = serve(service, request) else {
        panic!("no run report for {sql}");
    };
    let RunKind::Query(panes) = report.kind else {
        panic!("{sql}: {:?}", report.kind);
    };
    let mut results = panes
        .into_iter()
        .map(|p| p.result.unwrap_or_else(|e| panic!("{sql}: {e}")));
    [results.next().unwrap(), results.next().unwrap()]
}

fn verdict(service: &mut Service, info: &DatasetInfo, lesson: &Lesson) -> Verdict {
    let sql = lesson.render(&info.params(true, &BTreeMap::new()));
    let [a, b] = run(
        service,
        &sql,
        lesson.config(Slot::A),
        lesson.config(Slot::B),
    );
    lesson.check(&Measured {
        a: Some(&a),
        b: Some(&b),
        dataset: Some(info),
    })
}

fn every_lesson_holds_at(scale: usize) {
    let (mut service, info) = loaded(scale);
    for lesson in lessons::all() {
        let verdict = verdict(&mut service, &info, lesson);
        if let Verdict::Holds(checks) = &verdict {
            for check in checks {
                println!("{scale} {}: {} — {}", lesson.id, check.text, check.seen);
            }
        }
        assert!(
            matches!(verdict, Verdict::Holds(_)),
            "{} at {scale}: {}",
            lesson.id,
            verdict.text()
        );
    }
}

#[test]
fn every_lesson_holds_at_10k() {
    every_lesson_holds_at(10_000);
}

#[test]
fn every_lesson_holds_at_100k() {
    every_lesson_holds_at(100_000);
}

#[test]
fn there_are_at_least_six_short_lessons_each_with_claims_and_its_indexes() {
    let all = lessons::all();
    assert!(all.len() >= 6);
    for lesson in all {
        assert!((2..=4).contains(&lesson.text.len()), "{}", lesson.id);
        assert!(!lesson.claims.is_empty(), "{}", lesson.id);
        // Written as the catalog writes them: a link that carries the
        // catalog's text and the lesson's own are then one index.
        let canonical: Vec<String> = lesson.index_defs().iter().map(|d| d.create_sql()).collect();
        assert_eq!(canonical, lesson.user_indexes, "{}", lesson.id);
        assert_eq!(lessons::find(lesson.id), Some(lesson));
    }
    let column_order = lessons::find("column_order").unwrap();
    assert_eq!(
        column_order.index_defs()[0].key_list(),
        ["started_at", "customer_id", "status"]
    );
}

#[test]
fn a_claim_the_plans_do_not_show_does_not_hold_and_is_named() {
    let (mut service, info) = loaded(10_000);
    // The seek lesson's configurations swapped: A seeks, B scans.
    let lesson = lessons::find("seek_vs_scan").unwrap();
    let sql = lesson.render(&info.params(true, &BTreeMap::new()));
    let [a, b] = run(
        &mut service,
        &sql,
        lesson.config(Slot::B),
        lesson.config(Slot::A),
    );
    let verdict = lesson.check(&Measured {
        a: Some(&a),
        b: Some(&b),
        dataset: Some(&info),
    });
    let Verdict::DoesNotHold(checks) = &verdict else {
        panic!("{verdict:?}");
    };
    let failed: Vec<Claim> = checks
        .iter()
        .filter(|c| !c.holds)
        .map(|c| c.claim)
        .collect();
    assert!(
        failed.contains(&Claim::FullScan { slot: Slot::A }),
        "{failed:?}"
    );
    assert!(
        failed.contains(&Claim::Seeks { slot: Slot::B }),
        "{failed:?}"
    );
    let text = verdict.text();
    assert!(
        text.starts_with(
            "does not hold: A reads the whole table (measured: index seek of audit_entity_idx)"
        ),
        "{text}"
    );
    // Without B's result there is nothing to check yet.
    let waiting = lesson.check(&Measured {
        a: Some(&a),
        b: None,
        dataset: Some(&info),
    });
    assert_eq!(waiting, Verdict::Waiting);
}
