//! Differences called only beyond noise, on real engine runs: the same
//! statement under two identical configurations, measured interleaved, is
//! "no measurable difference" in at least 19 of 20 trials, and the covering
//! index beside the plain one, on a query whose plan neither changes, says
//! so too. (No time is asserted: only what the intervals conclude.)
use seekscan_core::bench::RepeatPlan;
use seekscan_core::catalog::IndexSet;
use seekscan_core::engine::Engine;
use seekscan_core::generator::{generate, DatasetSpec};
use seekscan_core::index_cost::covering;
use seekscan_core::noise::{self, Difference};
use seekscan_core::patterns;

const TRIALS: usize = 20;
const RUNS: u32 = 20;

fn loaded(scale: usize) -> (Engine, std::collections::BTreeMap<String, String>) {
    let dataset = generate(&DatasetSpec { seed: 1, scale });
    let params = patterns::params_for(&dataset, true);
    (Engine::load(&dataset, &mut |_, _, _| {}).unwrap(), params)
}

#[test]
fn two_identical_configurations_show_no_measurable_difference() {
    let (mut engine, params) = loaded(2_000);
    let sql = patterns::find("audit_user_date").unwrap().render(&params);
    let a = IndexSet::phase3();
    let b = IndexSet::phase3();
    let plan = RepeatPlan {
        wanted: RUNS,
        budget_ms: u32::MAX,
    };
    let mut none = 0;
    let mut widths = Vec::new();
    for _ in 0..TRIALS {
        let [run_a, run_b] = noise::measure_pair(&mut engine, &sql, [&a, &b], [plan; 2]).unwrap();
        assert_eq!(run_a.timings.samples_us.len(), RUNS as usize);
        assert_eq!(run_b.timings.samples_us.len(), RUNS as usize);
        let difference = noise::difference(&run_a.timings.samples_us, &run_b.timings.samples_us);
        if let Difference::NoMeasurableDifference { ci } = difference {
            none += 1;
            widths.push(ci.high - ci.low);
        }
        eprintln!("{}", difference.short());
        if std::env::var_os("NOISE_SAMPLES").is_some() {
            eprintln!(
                "  A {:?}\n  B {:?}",
                run_a.timings.samples_us, run_b.timings.samples_us
            );
        }
    }
    widths.sort_by(f64::total_cmp);
    eprintln!(
        "{none} of {TRIALS} trials: no measurable difference; interval widths {:.3} to {:.3}, median {:.3}",
        widths.first().unwrap_or(&0.0),
        widths.last().unwrap_or(&0.0),
        widths.get(widths.len() / 2).unwrap_or(&0.0)
    );
    assert!(none >= 19, "{none} of {TRIALS}");
}

#[test]
fn the_covering_index_on_an_unchanged_plan_shows_no_measurable_difference() {
    let (mut engine, _) = loaded(2_000);
    // Neither index is on the audit table: both plans read it whole.
    let sql = "SELECT * FROM upstream_domainauditevent WHERE action = 'update'";
    let plain = IndexSet::of(["reportrun_cust_status_idx"]);
    let covering_set = IndexSet::of(["reportrun_covering_idx"]);
    let probe = covering::read_probe(&mut engine, sql, &plain, &covering_set, RUNS).unwrap();
    assert_eq!(probe.baseline.index_used, None);
    assert_eq!(probe.proposal.index_used, None);
    assert_eq!(probe.baseline.rows_examined, probe.proposal.rows_examined);
    assert_eq!(probe.lookups_avoided, 0);
    eprintln!("covering against plain: {}", probe.difference.short());
    assert!(
        matches!(probe.difference, Difference::NoMeasurableDifference { .. }),
        "{:?}",
        probe.difference
    );
}

#[test]
fn a_seek_against_a_full_scan_is_a_difference_beyond_noise() {
    let (mut engine, params) = loaded(2_000);
    let sql = patterns::find("audit_entity").unwrap().render(&params);
    let plan = RepeatPlan {
        wanted: RUNS,
        budget_ms: u32::MAX,
    };
    let [scan, seek] = noise::measure_pair(
        &mut engine,
        &sql,
        [&IndexSet::none(), &IndexSet::phase3()],
        [plan; 2],
    )
    .unwrap();
    let difference = noise::difference(&scan.timings.samples_us, &seek.timings.samples_us);
    eprintln!("seek against scan: {}", difference.short());
    assert!(
        matches!(difference, Difference::Faster { ci, .. } if ci.low > 1.0),
        "{difference:?}"
    );
}
