//! The workload: one row per documented pattern and tenant under A and B,
//! totals that are the weighted sums of their rows, a chart with one point
//! per tenant and configuration, and explanations whose numbers are the
//! runs' own.
use std::collections::BTreeMap;

use seekscan_core::bench::{Ending, RepeatPlan, Timings};
use seekscan_core::engine::{Engine, MemoryReport};
use seekscan_core::generator::{generate, Dataset, DatasetSpec};
use seekscan_core::patterns;
use seekscan_core::protocol::{Difference, Interval, Request, Response};
use seekscan_core::service::Service;
use seekscan_core::units::thousands;
use seekscan_core::workload::crossover::{self, Payoff, PointLabel};
use seekscan_core::workload::verdict::totals;
use seekscan_core::workload::why::SortFate;
use seekscan_core::workload::{
    self, CrossoverRun, Measured, Point, Tenant, Weights, WorkloadRow, WorkloadRun, WorkloadSpec,
    WorkloadTask, WorkloadVerdict, WriteCostPhrase,
};

const PLAN: RepeatPlan = RepeatPlan {
    wanted: 3,
    budget_ms: 60_000,
};

fn loaded(scale: usize) -> (Dataset, Engine) {
    let dataset = generate(&DatasetSpec { seed: 1, scale });
    let engine = Engine::load(&dataset, &mut |_, _, _| {}).unwrap();
    (dataset, engine)
}

fn spec(dataset: &Dataset, engine: &Engine, plan: RepeatPlan) -> WorkloadSpec {
    WorkloadSpec {
        a: workload::index_names(engine, "none").unwrap(),
        b: workload::index_names(engine, "phase3").unwrap(),
        plan,
        params_large: patterns::params_for(dataset, true),
        params_small: patterns::params_for(dataset, false),
    }
}

/// The first number a COUNT(*) query returns.
fn count(engine: &mut Engine, sql: &str) -> u64 {
    let none = engine.index_set("none").unwrap();
    engine.run_with(sql, &none).unwrap().rows[0][0]
        .as_u64()
        .unwrap()
}

#[test]
fn every_pattern_and_tenant_is_a_row_and_totals_are_weighted_sums() {
    let (dataset, mut engine) = loaded(3_000);
    let spec = spec(&dataset, &engine, PLAN);
    let rows = workload::run_all(&mut engine, spec).unwrap();
    assert_eq!(rows.len(), patterns::all().len() * 2);
    for (row, (pattern, tenant)) in rows.iter().zip(workload::cells()) {
        assert_eq!((row.pattern.as_str(), row.tenant), (pattern.id, tenant));
        assert_eq!(row.a.index, None, "{}: A has no index", row.pattern);
        assert_eq!(
            row.b.index.as_deref(),
            Some(pattern.index),
            "{}",
            row.pattern
        );
        assert_eq!(row.a.timings.samples_us.len(), 3);
        assert_eq!(row.a.ending, Ending::Complete);
        // Three runs a side are too few for an interval: nothing is
        // called, and no expectation is met or missed.
        assert_eq!(row.difference, Difference::TooFewRuns { runs: 3 });
        assert_eq!(row.met, None);
    }
    let mut weights = Weights::default();
    weights.set("audit_trail", 5).unwrap();
    weights.set("feature_flags", 0).unwrap();
    let sum = totals(&rows, &weights);
    // The weighted sum, computed here without the weights' own lookup.
    let weight = |id: &str| match id {
        "audit_trail" => 5.0,
        "feature_flags" => 0.0,
        _ => 1.0,
    };
    let a: f64 = rows
        .iter()
        .map(|r| weight(&r.pattern) * r.a.timings.median_us)
        .sum();
    let b: f64 = rows
        .iter()
        .map(|r| weight(&r.pattern) * r.b.timings.median_us)
        .sum();
    assert!((sum.a_us - a).abs() < 1e-6 && (sum.b_us - b).abs() < 1e-6);
    assert_eq!(sum.weight, 2 * (12 - 1 - 1) + 2 * 5);
    let equal = totals(&rows, &Weights::default());
    assert_ne!(equal, sum);
    assert_eq!(equal.weight, 24);
}

#[test]
fn the_verdict_counts_served_patterns_and_bs_index_bytes() {
    let (dataset, mut engine) = loaded(2_000);
    let spec = spec(&dataset, &engine, RepeatPlan { wanted: 1, ..PLAN });
    let b = spec.b.clone();
    let rows = workload::run_all(&mut engine, spec).unwrap();
    let memory = engine.memory_report();
    let mut verdict = WorkloadVerdict::of(&rows, &Weights::default(), &b, &memory);
    assert_eq!((verdict.served_by_index, verdict.patterns), (12, 12));
    assert_eq!(verdict.indexes, 9);
    let bytes: u64 = memory
        .indexes
        .iter()
        .filter(|i| i.index != "reportrun_cust_status_covering_idx" && b.contains(&i.index))
        .map(|i| i.bytes)
        .sum();
    assert_eq!(verdict.index_bytes, bytes);
    assert!(verdict.index_bytes > 0);
    let text = verdict.text();
    assert!(
        text.starts_with("B serves 12 of 12 patterns with an index"),
        "{text}"
    );
    assert!(text.contains("costs 9 indexes"), "{text}");
    assert!(!text.contains("inserts"), "{text}");
    let ci = Interval {
        low: 1.9,
        high: 2.8,
    };
    verdict.write_cost = Some(WriteCostPhrase {
        insert: Difference::Slower { ratio: 2.4, ci },
    });
    assert!(verdict
        .text()
        .ends_with(", inserts 2.4× slower than A (1.90–2.8×)"));
    let spans = Interval {
        low: 0.9,
        high: 1.2,
    };
    verdict.write_cost = Some(WriteCostPhrase {
        insert: Difference::NoMeasurableDifference { ci: spans },
    });
    assert!(verdict
        .text()
        .ends_with(", inserts: no measurable difference from A (0.90–1.20×)"));
    // Under A = B = none nothing is served, and nothing costs.
    let none = WorkloadVerdict::of(
        &rows[..0],
        &Weights::default(),
        &[],
        &MemoryReport::default(),
    );
    assert_eq!((none.served_by_index, none.index_bytes), (0, 0));
}

fn row(engine: &mut Engine, dataset: &Dataset, pattern: &str, tenant: Tenant) -> WorkloadRow {
    let spec = spec(dataset, engine, PLAN);
    let task = workload::RowTask {
        pattern: pattern.to_owned(),
        tenant,
        params: match tenant {
            Tenant::Large => spec.params_large.clone(),
            Tenant::Small => spec.params_small.clone(),
        },
        a: spec.a.clone(),
        b: spec.b.clone(),
        plan_a: PLAN,
        plan_b: PLAN,
    };
    workload::measure_row(engine, &task).unwrap()
}

#[test]
fn the_explanation_uses_the_runs_own_numbers() {
    let (dataset, mut engine) = loaded(10_000);
    let admin = row(
        &mut engine,
        &dataset,
        "reportrun_status_date",
        Tenant::Large,
    );
    let why = &admin.why;
    assert_eq!(why.b.rows_examined, admin.b.stats.rows_examined);
    assert_eq!(why.b.table_lookups, admin.b.stats.table_lookups);
    assert_eq!(why.a.rows_examined, admin.a.stats.rows_examined);
    let table = count(&mut engine, "SELECT COUNT(*) FROM upstream_reportrun");
    let success = count(
        &mut engine,
        "SELECT COUNT(*) FROM upstream_reportrun WHERE status = 'success'",
    );
    assert_eq!((why.table_rows, why.matched), (Some(table), Some(success)));
    assert_eq!(why.sort, SortFate::SavedByB);
    // The index reads every matching row, and A reads the whole table.
    assert_eq!(admin.b.stats.rows_examined, success);
    assert_eq!(admin.a.stats.rows_examined, table);
    for number in [success, table] {
        assert!(
            why.text.contains(&thousands(number)),
            "{number}: {}",
            why.text
        );
    }
    assert!(
        why.text.starts_with("status = 'success' matches"),
        "{}",
        why.text
    );
    assert!(
        why.text.contains("saves the sort but still reads"),
        "{}",
        why.text
    );

    // Under LIMIT the index read stops early; the share still counts every match.
    let dashboard = row(&mut engine, &dataset, "report_dashboard", Tenant::Large);
    let matched = count(
        &mut engine,
        &format!(
            "SELECT COUNT(*) FROM upstream_reportrun WHERE customer_id = {} AND status = 'success'",
            dataset.tenants.large
        ),
    );
    assert_eq!(dashboard.why.matched, Some(matched));
    assert!(dashboard.why.b.early_stop && !dashboard.why.a.early_stop);
    assert_eq!(dashboard.b.stats.rows_examined, 10);
    assert!(
        dashboard
            .why
            .text
            .contains("LIMIT stops its read after 10 rows"),
        "{}",
        dashboard.why.text
    );
}

#[test]
fn the_chart_has_one_point_per_tenant_and_configuration() {
    let (dataset, mut engine) = loaded(10_000);
    let spec = spec(&dataset, &engine, RepeatPlan { wanted: 2, ..PLAN });
    let todo = crossover::points(
        "report_dashboard",
        dataset.tenants.count,
        &spec.params_large,
        &spec.params_small,
    );
    let run = CrossoverRun::new(
        1,
        "report_dashboard",
        (spec.a.clone(), spec.b.clone()),
        spec.plan,
        todo,
    );
    let points = crossover::run_all(&mut engine, run).unwrap();
    let tenants: Vec<i64> = points
        .iter()
        .filter_map(|p| match p.label {
            PointLabel::Tenant(id) => Some(id),
            _ => None,
        })
        .collect();
    assert_eq!(
        tenants,
        (1..=dataset.tenants.count as i64).collect::<Vec<_>>()
    );
    let statuses = points
        .iter()
        .filter(|p| matches!(&p.label, PointLabel::Value { param, .. } if param == "status"))
        .count();
    assert_eq!(statuses, 3);
    for point in &points {
        assert_eq!(point.a.index, None);
        assert_eq!(point.b.index.as_deref(), Some("reportrun_cust_status_idx"));
        assert_eq!(point.a.timings.samples_us.len(), 2);
        assert_eq!(point.b.timings.samples_us.len(), 2);
    }
    // Rows matched are the data's: the large tenant matches the most.
    let matched = |id: i64| {
        points
            .iter()
            .find(|p| p.label == PointLabel::Tenant(id))
            .unwrap()
            .matched
    };
    let first = count(
        &mut engine,
        "SELECT COUNT(*) FROM upstream_reportrun WHERE customer_id = 1 AND status = 'success'",
    );
    assert_eq!(matched(1), first);
    assert!(matched(1) > matched(dataset.tenants.count as i64));
}

fn point(matched: u64, a_us: f64, b_us: f64) -> Point {
    let measured = |us: f64| Measured {
        index: None,
        access: None,
        stats: Default::default(),
        timings: Timings::from_samples(vec![us]),
        ending: Ending::Complete,
        summary: String::new(),
    };
    Point {
        label: PointLabel::Tenant(matched as i64),
        matched,
        a: measured(a_us),
        b: measured(b_us),
    }
}

#[test]
fn the_crossover_is_where_b_stops_being_faster() {
    let gains = [
        point(10, 500.0, 20.0),
        point(100, 500.0, 200.0),
        point(1_000, 500.0, 600.0),
    ];
    assert_eq!(
        crossover::payoff(&gains),
        Payoff::StopsBetween {
            last_gain: 100,
            first_loss: 1_000
        }
    );
    assert_eq!(crossover::payoff(&gains[..2]), Payoff::Always);
    assert_eq!(crossover::payoff(&gains[2..]), Payoff::Never);
    let mixed = [point(10, 500.0, 900.0), point(100, 500.0, 200.0)];
    assert_eq!(crossover::payoff(&mixed), Payoff::Mixed);
}

#[test]
fn a_workload_splits_its_budget_stops_and_ends_on_an_error() {
    let (dataset, engine) = loaded(2_000);
    let plan = RepeatPlan {
        wanted: 20,
        budget_ms: 2_400,
    };
    let mut run = WorkloadRun::new(4, spec(&dataset, &engine, plan));
    let task = run.next_task().unwrap();
    assert_eq!(
        (task.pattern.as_str(), task.tenant),
        ("report_dashboard", Tenant::Large)
    );
    assert_eq!((task.plan_a.budget_ms, task.plan_b.budget_ms), (100, 100));
    run.asked();
    assert_eq!(run.next_task(), None, "one task in flight at a time");
    run.absorb(Err("boom".to_owned()));
    assert_eq!(run.ending, Some(Ending::Failed("boom".to_owned())));
    assert_eq!(run.next_task(), None);
    let mut stopped = WorkloadRun::new(5, spec(&dataset, &engine, plan));
    stopped.stop();
    assert_eq!(stopped.next_task(), None);
}

#[test]
fn the_worker_answers_a_workload_task() {
    let mut service = Service::default();
    let mut out = Vec::new();
    service.handle(
        Request::Load {
            seed: 1,
            scale: 2_000,
        },
        &mut |r| out.push(r),
    );
    let Some(Response::Loaded(info)) = out.pop() else {
        panic!("loaded")
    };
    let task = workload::RowTask {
        pattern: "audit_trail".to_owned(),
        tenant: Tenant::Small,
        params: info.params(false, &BTreeMap::new()),
        a: Vec::new(),
        b: vec!["audit_cust_action_idx".to_owned()],
        plan_a: PLAN,
        plan_b: PLAN,
    };
    let mut answers = Vec::new();
    let mut ask = |task: WorkloadTask| {
        answers.clear();
        service.handle(Request::Workload { id: 3, task }, &mut |r| answers.push(r));
        match answers.as_slice() {
            [Response::Workload(report)] => report.clone(),
            other => panic!("one workload answer: {other:?}"),
        }
    };
    let report = ask(WorkloadTask::Row(task.clone()));
    assert_eq!(report.id, 3);
    let Ok(workload::WorkloadAnswer::Row(row)) = &report.answer else {
        panic!("{:?}", report.answer)
    };
    assert_eq!(row.b.index.as_deref(), Some("audit_cust_action_idx"));
    let bad = workload::RowTask {
        b: vec!["no_such_idx".to_owned()],
        ..task
    };
    let report = ask(WorkloadTask::Row(bad));
    assert!(report.answer.as_ref().unwrap_err().contains("no_such_idx"));
}

#[test]
fn weights_travel_in_the_link_and_a_bad_one_opens_equal_weights() {
    use seekscan_core::experiment::Experiment;
    let mut experiment = Experiment::default();
    experiment.weights.set("audit_trail", 3).unwrap();
    let query = experiment.to_query();
    assert!(query.contains("w=audit_trail%3A3"), "{query}");
    let (back, notes) = Experiment::from_query(&query);
    assert_eq!((back.weights.of("audit_trail"), notes.len()), (3, 0));
    let (bad, notes) = Experiment::from_query("w=audit_trail:lots");
    assert!(bad.weights.is_default());
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0].contains("whole number") && notes[0].contains("opened equal weights"),
        "{notes:?}"
    );
    assert!(!Experiment::default().to_query().contains("w="));
}

#[test]
fn the_single_run_verdict_explains_the_gain_from_both_panes() {
    use seekscan_core::bench::measure_with;
    use seekscan_core::comparison::compare;
    use seekscan_core::protocol::{PaneResult, RowDigest};
    let (dataset, mut engine) = loaded(10_000);
    let sql = patterns::find("reportrun_status_date")
        .unwrap()
        .render(&patterns::params_for(&dataset, true));
    let mut pane = |spec: &str| {
        let visible = engine.index_set(spec).unwrap();
        let (outcome, timings) = measure_with(&mut engine, &sql, &visible, 1).unwrap();
        let digest = RowDigest::of(&outcome.rows);
        PaneResult {
            outcome,
            timings,
            digest,
        }
    };
    let (a, b) = (pane("none"), pane("phase3"));
    let (verdict, _) = compare(&a, &b, None);
    let why = verdict.why.expect("both panes ran");
    let table = count(&mut engine, "SELECT COUNT(*) FROM upstream_reportrun");
    // Without the workload's count: the table from A's full scan, the
    // matches from the rows returned (no LIMIT).
    assert_eq!(why.table_rows, Some(table));
    assert_eq!(why.matched, Some(b.outcome.stats.rows_returned));
    assert_eq!(why.b.rows_examined, b.outcome.stats.rows_examined);
    assert!(
        why.text.contains(&thousands(b.outcome.stats.rows_examined)),
        "{}",
        why.text
    );
    let mut explain = |spec: &str| {
        let visible = engine.index_set(spec).unwrap();
        let (outcome, timings) =
            measure_with(&mut engine, &format!("EXPLAIN {sql}"), &visible, 1).unwrap();
        PaneResult {
            outcome,
            timings,
            digest: RowDigest::default(),
        }
    };
    let (plan_a, plan_b) = (explain("none"), explain("phase3"));
    let (planned, _) = compare(&plan_a, &plan_b, None);
    assert_eq!(planned.why, None, "nothing ran, nothing to explain");
}
