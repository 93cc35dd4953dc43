use super::*;
use crate::bench::{Timings, BATCH_MS};
use crate::engine::QueryOutcome;
use crate::explain::PlanNode;
use crate::protocol::{PaneResult, RowDigest};

const PLAN: RepeatPlan = RepeatPlan {
    wanted: 20,
    budget_ms: 2_000,
};

/// A pane whose first run took `us` and read rows (so it repeats).
fn ran(slot: Slot, us: f64) -> Pane {
    Pane {
        slot,
        result: Ok(PaneResult {
            outcome: QueryOutcome {
                plan: PlanNode {
                    actual_rows: Some(1),
                    ..PlanNode::default()
                },
                ..QueryOutcome::default()
            },
            timings: Timings::from_samples(vec![us]),
            digest: RowDigest::default(),
        }),
    }
}

fn report(run: u64, slot: Slot, samples: &[f64]) -> RepeatReport {
    RepeatReport {
        id: run,
        slot,
        samples: Ok(Samples {
            samples_us: samples.to_vec(),
            wall_ms: samples.iter().sum::<f64>() / 1000.0,
        }),
        memory_bytes: None,
    }
}

fn samples(repeats: &Repeats, slot: Slot) -> Vec<f64> {
    let pane = repeats.pane(slot).unwrap();
    pane.pane
        .result
        .as_ref()
        .unwrap()
        .timings
        .samples_us
        .clone()
}

fn both(run: u64, a_us: f64, b_us: f64) -> Repeats {
    let mut repeats = Repeats::default();
    repeats.first_answer(ran(Slot::A, a_us), run, PLAN);
    repeats.first_answer(ran(Slot::B, b_us), run, PLAN);
    repeats
}

#[test]
fn the_pane_with_fewest_samples_asks_next_one_batch_at_a_time() {
    let mut repeats = both(1, 100.0, 50.0);
    assert!(repeats.measuring());
    let next = repeats.next().unwrap();
    assert_eq!((next.run, next.slot, next.seq), (1, Slot::A, 0));
    assert_eq!(
        next.batch,
        Batch {
            // 19 runs left, at most a batch's worth (the panes alternate).
            runs: 19.min(crate::bench::MAX_BATCH_RUNS),
            within_ms: BATCH_MS
        }
    );
    repeats.asked(1, Slot::A);
    // One batch in flight at a time.
    assert_eq!(repeats.next(), None);
    repeats.answered(report(1, Slot::A, &[300.0, 200.0]));
    assert_eq!(samples(&repeats, Slot::A), [100.0, 300.0, 200.0]);
    // B has fewer samples now.
    let next = repeats.next().unwrap();
    assert_eq!((next.slot, next.seq), (Slot::B, 1));
}

#[test]
fn stop_keeps_what_was_measured_and_drops_the_batch_in_flight() {
    let mut repeats = both(1, 100.0, 50.0);
    repeats.asked(1, Slot::B);
    repeats.stop(&Slot::BOTH);
    assert!(!repeats.measuring());
    for slot in Slot::BOTH {
        assert_eq!(repeats.pane(slot).unwrap().ending, Some(Ending::Stopped));
    }
    repeats.answered(report(1, Slot::B, &[60.0, 70.0]));
    assert_eq!(samples(&repeats, Slot::B), [50.0]);
    assert!(!repeats.asking());
    assert_eq!(repeats.next(), None);
}

#[test]
fn an_answer_for_a_replaced_run_lands_nowhere() {
    let mut repeats = both(1, 100.0, 50.0);
    repeats.asked(1, Slot::A);
    // A toggle re-ran A as run 2 while run 1's batch was in flight.
    repeats.first_answer(ran(Slot::A, 80.0), 2, PLAN);
    repeats.answered(report(1, Slot::A, &[1.0]));
    assert_eq!(samples(&repeats, Slot::A), [80.0]);
    assert_eq!(repeats.next().map(|n| (n.run, n.slot)), Some((2, Slot::A)));
}

#[test]
fn the_count_the_budget_or_a_failed_batch_end_a_pane() {
    let plan = RepeatPlan {
        wanted: 3,
        budget_ms: 100,
    };
    let mut repeats = Repeats::default();
    // A's first run alone is past the budget.
    repeats.first_answer(ran(Slot::A, 150_000.0), 1, plan);
    assert_eq!(
        repeats.pane(Slot::A).unwrap().ending,
        Some(Ending::OverBudget)
    );
    repeats.first_answer(ran(Slot::B, 1_000.0), 1, plan);
    repeats.asked(1, Slot::B);
    repeats.answered(report(1, Slot::B, &[1_000.0, 1_000.0]));
    assert_eq!(
        repeats.pane(Slot::B).unwrap().ending,
        Some(Ending::Complete)
    );
    // A failed batch ends the pane with its message; the samples stay.
    repeats.first_answer(ran(Slot::B, 1_000.0), 2, plan);
    repeats.asked(2, Slot::B);
    repeats.answered(RepeatReport {
        samples: Err("out of time".to_owned()),
        ..report(2, Slot::B, &[])
    });
    let pane = repeats.pane(Slot::B).unwrap();
    assert_eq!(pane.ending, Some(Ending::Failed("out of time".to_owned())));
    assert_eq!(samples(&repeats, Slot::B), [1_000.0]);
    assert!(!repeats.measuring());
}

#[test]
fn an_error_or_a_plan_that_read_nothing_does_not_repeat() {
    let mut repeats = Repeats::default();
    let failed = Pane {
        slot: Slot::A,
        result: Err("unknown column x".to_owned()),
    };
    repeats.first_answer(failed, 1, PLAN);
    let mut explained = ran(Slot::B, 10.0);
    if let Ok(result) = explained.result.as_mut() {
        result.outcome.plan.actual_rows = None;
    }
    repeats.first_answer(explained, 1, PLAN);
    assert!(!repeats.measuring());
    assert_eq!(repeats.next(), None);
}

#[test]
fn interrupt_frees_the_worker_and_clear_forgets_the_panes() {
    let mut repeats = both(1, 100.0, 50.0);
    repeats.asked(1, Slot::A);
    repeats.interrupt();
    assert!(!repeats.asking() && !repeats.measuring());
    assert!(repeats.pane(Slot::A).is_some());
    repeats.clear();
    assert_eq!(repeats.pane(Slot::A), None);
    // Numbering goes on, so a new first answer's batch is a new ask.
    repeats.first_answer(ran(Slot::A, 10.0), 2, PLAN);
    assert_eq!(repeats.next().map(|n| n.seq), Some(1));
}
