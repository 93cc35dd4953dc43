//! Differences called only beyond noise. Two samples of times (A's runs and
//! B's, measured interleaved: `interleave.rs`) give a ratio of medians and a
//! confidence interval for it; a ratio whose interval spans 1× is "no
//! measurable difference", whatever its medians say.
//!
//! The interval is a percentile bootstrap of the ratio of medians: each
//! resample draws every side's runs again with replacement and takes the
//! ratio of the new medians; the interval is the middle `CONFIDENCE` of
//! those ratios. Why a bootstrap: run times are skewed and heavy-tailed (a
//! p95 five times the median on a shared machine), so an interval that
//! assumes normal times (Welch's t on means) is too narrow where one slow
//! run pulls a mean; the median ignores such runs, and the bootstrap needs
//! no formula for a median's spread. The resamples come from a ChaCha
//! generator with a fixed seed, so the same samples give the same interval
//! in the page, the CLI and a test.
//!
//! Why 99% and not 95%: the page calls many ratios at once (24 workload
//! rows, three kinds of write per pair of indexes), and a "faster" that is
//! noise misleads more than a small real difference called "no measurable
//! difference". A weighted ratio (the workload's totals, writes over several
//! tables) resamples every group at once ([`weighted`]).
mod interleave;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

pub use crate::protocol::{Difference, Interval};
pub use interleave::{measure_pair, PairRun};

/// The share of resampled ratios the interval holds.
pub const CONFIDENCE: f64 = 0.99;
/// Resamples per interval: 10 resampled ratios lie beyond each bound.
pub const RESAMPLES: usize = 2_000;
/// Runs a side needs before an interval means anything: the median of
/// fewer runs, resampled, takes only a few values.
pub const MIN_RUNS: usize = 5;
/// The generator's seed: a fixed one, so a verdict never changes on redraw.
const SEED: u64 = 0x5EED_5CA4_2024;
/// Times are microseconds and timers can read 0: a median below one
/// microsecond counts as one, so a ratio is always finite.
const FLOOR_US: f64 = 1.0;

/// One pair of samples and its weight in a weighted ratio.
#[derive(Clone, Copy, Debug)]
pub struct Group<'a> {
    pub weight: f64,
    /// The reference's runs (A, the plain index, no index), microseconds.
    pub reference: &'a [f64],
    /// The subject's runs (B, the covering index, the set of indexes).
    pub subject: &'a [f64],
}

/// The subject's runs against the reference's: faster, slower, or no
/// measurable difference.
pub fn difference(reference: &[f64], subject: &[f64]) -> Difference {
    weighted(&[Group {
        weight: 1.0,
        reference,
        subject,
    }])
}

/// The ratio Σ weight × subject's median / Σ weight × reference's median,
/// its interval resampling every group at once. Groups of weight 0 do not
/// count.
pub fn weighted(groups: &[Group]) -> Difference {
    let groups: Vec<&Group> = groups.iter().filter(|g| g.weight > 0.0).collect();
    let fewest = groups
        .iter()
        .map(|g| g.reference.len().min(g.subject.len()))
        .min()
        .unwrap_or(0);
    if fewest < MIN_RUNS {
        return Difference::TooFewRuns {
            runs: fewest as u32,
        };
    }
    let point = ratio(&groups, &mut |runs| median(&mut runs.to_vec()));
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let mut drawn = Vec::new();
    let mut ratios: Vec<f64> = (0..RESAMPLES)
        .map(|_| {
            ratio(&groups, &mut |runs| {
                drawn.clear();
                drawn.extend((0..runs.len()).map(|_| runs[rng.gen_range(0..runs.len())]));
                median(&mut drawn)
            })
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    let tail = (1.0 - CONFIDENCE) / 2.0;
    let at = |share: f64| ratios[((share * RESAMPLES as f64) as usize).min(RESAMPLES - 1)];
    classify(
        point,
        Interval {
            low: at(tail),
            high: at(1.0 - tail),
        },
    )
}

/// The subject's weighted medians over the reference's.
fn ratio(groups: &[&Group], median_of: &mut dyn FnMut(&[f64]) -> f64) -> f64 {
    let (mut reference, mut subject) = (0.0, 0.0);
    for group in groups {
        reference += group.weight * median_of(group.reference).max(FLOOR_US);
        subject += group.weight * median_of(group.subject).max(FLOOR_US);
    }
    subject / reference
}

/// The nearest-rank median (as `Timings` reports it), reordering `runs`.
fn median(runs: &mut [f64]) -> f64 {
    let rank = (50 * runs.len()).div_ceil(100).max(1);
    *runs.select_nth_unstable_by(rank - 1, f64::total_cmp).1
}

/// `time_ratio` is the subject's time over the reference's, `ci` its interval.
fn classify(time_ratio: f64, ci: Interval) -> Difference {
    let inverted = Interval {
        low: 1.0 / ci.high,
        high: 1.0 / ci.low,
    };
    if ci.high < 1.0 {
        Difference::Faster {
            ratio: 1.0 / time_ratio,
            ci: inverted,
        }
    } else if ci.low > 1.0 {
        Difference::Slower {
            ratio: time_ratio,
            ci,
        }
    } else {
        Difference::NoMeasurableDifference { ci }
    }
}

impl Difference {
    /// Whether the interval excludes 1×.
    pub fn beyond_noise(&self) -> bool {
        matches!(self, Difference::Faster { .. } | Difference::Slower { .. })
    }

    /// The subject's median time over the reference's (below 1: faster);
    /// `None` where no difference was measured.
    pub fn time_ratio(&self) -> Option<f64> {
        match *self {
            Difference::Faster { ratio, .. } => Some(1.0 / ratio),
            Difference::Slower { ratio, .. } => Some(ratio),
            _ => None,
        }
    }

    /// The difference as seen from the reference (A faster where B is slower).
    pub fn reversed(&self) -> Difference {
        match *self {
            Difference::Faster { ratio, ci } => Difference::Slower { ratio, ci },
            Difference::Slower { ratio, ci } => Difference::Faster { ratio, ci },
            Difference::NoMeasurableDifference { ci } => Difference::NoMeasurableDifference {
                ci: Interval {
                    low: 1.0 / ci.high,
                    high: 1.0 / ci.low,
                },
            },
            other => other,
        }
    }

    /// A table cell: "2.1× faster (1.8–2.4×)", "1.30× slower (1.12–1.51×)",
    /// "no measurable difference (0.93–1.08×)", "too few runs (3)".
    pub fn short(&self) -> String {
        match *self {
            Difference::Faster { ratio, ci } => {
                format!("{} faster ({})", times(ratio), range(ci))
            }
            Difference::Slower { ratio, ci } => {
                format!("{} slower ({})", times(ratio), range(ci))
            }
            Difference::NoMeasurableDifference { ci } => {
                format!("no measurable difference ({})", range(ci))
            }
            Difference::TooFewRuns { runs } => format!("too few runs ({runs})"),
        }
    }

    /// A sentence: "B is 2.1× faster than A (99% CI 1.8–2.4×)", "no
    /// measurable difference between B and A (B's time 0.93–1.08× A's, 99%
    /// CI)", "too few runs to tell B from A (3; at least 5 each)".
    pub fn sentence(&self, subject: &str, reference: &str) -> String {
        let level = confidence_percent();
        match *self {
            Difference::Faster { ratio, ci } => format!(
                "{subject} is {} faster than {reference} ({level}% CI {})",
                times(ratio),
                range(ci)
            ),
            Difference::Slower { ratio, ci } => format!(
                "{subject} is {} slower than {reference} ({level}% CI {})",
                times(ratio),
                range(ci)
            ),
            Difference::NoMeasurableDifference { ci } => format!(
                "no measurable difference between {subject} and {reference} ({subject}'s time {} {reference}'s, {level}% CI)",
                range(ci)
            ),
            Difference::TooFewRuns { runs } => format!(
                "too few runs to tell {subject} from {reference} ({runs}; at least {MIN_RUNS} each)"
            ),
        }
    }
}

/// "99".
pub fn confidence_percent() -> String {
    format!("{:.0}", CONFIDENCE * 100.0)
}

/// A ratio with the digits that matter: "1.04×", "2.1×", "37×".
pub fn times(ratio: f64) -> String {
    format!("{}×", number(ratio))
}

fn number(ratio: f64) -> String {
    if ratio >= 10.0 {
        format!("{ratio:.0}")
    } else if ratio >= 2.0 {
        format!("{ratio:.1}")
    } else {
        format!("{ratio:.2}")
    }
}

/// "1.8–2.4×".
pub fn range(ci: Interval) -> String {
    format!("{}–{}", number(ci.low), times(ci.high))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Skewed run times: a base time, a uniform jitter of up to 30% and,
    /// one run in ten, an outlier five times as slow.
    fn skewed(seed: u64, base: f64, n: usize) -> Vec<f64> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        (0..n)
            .map(|_| {
                let jitter = base * rng.gen_range(0.0..0.3);
                let outlier = if rng.gen_bool(0.1) { base * 4.0 } else { 0.0 };
                base + jitter + outlier
            })
            .collect()
    }

    #[test]
    fn identical_distributions_span_one() {
        let mut calls = 0;
        for seed in 0..50 {
            let a = skewed(seed, 1_000.0, 20);
            let b = skewed(seed + 1_000, 1_000.0, 20);
            let d = difference(&a, &b);
            if let Difference::NoMeasurableDifference { ci } = d {
                assert!(ci.low < 1.0 && ci.high > 1.0, "{ci:?}");
                calls += 1;
            }
        }
        // A 99% interval: at most a couple of 50 draws land outside.
        assert!(calls >= 48, "{calls} of 50 said no measurable difference");
    }

    #[test]
    fn clearly_separated_samples_exclude_one() {
        let a = skewed(1, 1_000.0, 20);
        let b = skewed(2, 500.0, 20);
        match difference(&a, &b) {
            Difference::Faster { ratio, ci } => {
                assert!((1.5..2.5).contains(&ratio), "{ratio}");
                assert!(
                    ci.low > 1.0 && ci.low <= ratio && ratio <= ci.high,
                    "{ci:?}"
                );
            }
            other => panic!("{other:?}"),
        }
        let slower = difference(&b, &a);
        assert!(matches!(slower, Difference::Slower { .. }), "{slower:?}");
        // Seen from the other side, the same difference (resampled in
        // another order, so its bounds may differ in the last digit).
        assert!(matches!(slower.reversed(), Difference::Faster { .. }));
    }

    #[test]
    fn the_interval_is_the_same_on_every_call() {
        let a = skewed(3, 800.0, 15);
        let b = skewed(4, 820.0, 15);
        assert_eq!(difference(&a, &b), difference(&a, &b));
    }

    #[test]
    fn too_few_runs_say_nothing() {
        let d = difference(&[100.0, 100.0], &[10.0, 10.0]);
        assert_eq!(d, Difference::TooFewRuns { runs: 2 });
        assert!(!d.beyond_noise());
        assert_eq!(d.short(), "too few runs (2)");
    }

    #[test]
    fn zero_microsecond_medians_stay_finite() {
        let d = difference(&[0.0; 10], &[0.0; 10]);
        assert_eq!(
            d,
            Difference::NoMeasurableDifference {
                ci: Interval {
                    low: 1.0,
                    high: 1.0
                }
            }
        );
    }

    #[test]
    fn a_weighted_ratio_follows_the_heaviest_group() {
        let slow_a = skewed(5, 10_000.0, 20);
        let slow_b = skewed(6, 1_000.0, 20);
        let fast_a = skewed(7, 100.0, 20);
        let fast_b = skewed(8, 300.0, 20);
        let d = weighted(&[
            Group {
                weight: 1.0,
                reference: &slow_a,
                subject: &slow_b,
            },
            Group {
                weight: 1.0,
                reference: &fast_a,
                subject: &fast_b,
            },
        ]);
        assert!(
            matches!(d, Difference::Faster { ratio, .. } if ratio > 5.0),
            "{d:?}"
        );
    }

    #[test]
    fn words_for_each_difference() {
        let ci = Interval {
            low: 1.8,
            high: 2.4,
        };
        let faster = Difference::Faster { ratio: 2.1, ci };
        assert_eq!(faster.short(), "2.1× faster (1.80–2.4×)");
        assert_eq!(
            faster.sentence("B", "A"),
            "B is 2.1× faster than A (99% CI 1.80–2.4×)"
        );
        let none = Difference::NoMeasurableDifference {
            ci: Interval {
                low: 0.93,
                high: 1.08,
            },
        };
        assert_eq!(
            none.sentence("B", "A"),
            "no measurable difference between B and A (B's time 0.93–1.08× A's, 99% CI)"
        );
    }
}
