//! The one-line verdict above the panes: which configuration was faster, by
//! how much and within which interval (or that the runs show no measurable
//! difference: `noise`), next to what the Phase 3 document expected.
use serde::{Deserialize, Serialize};

use crate::bench::Timings;
use crate::noise::{self, Difference};
use crate::protocol::{PaneResult, RowAgreement, Slot};
use crate::workload::why::{self, Explanation};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Verdict {
    /// B against A, called only beyond noise; `None` when nothing was
    /// timed (a plain EXPLAIN).
    pub difference: Option<Difference>,
    pub text: String,
    /// Why the gain is what it is, from both runs' plans and counters
    /// (set by [`compare`] once both ran).
    #[serde(default)]
    pub why: Option<Explanation>,
}

impl Verdict {
    /// The configuration that was faster beyond noise, if one was.
    pub fn faster(&self) -> Option<Slot> {
        match self.difference? {
            Difference::Faster { .. } => Some(Slot::B),
            Difference::Slower { .. } => Some(Slot::A),
            _ => None,
        }
    }
}

/// Compares A's runs with B's (µs). `expected` is the document's wording,
/// such as "85% faster for report status filtering".
pub fn verdict(a: &Timings, b: &Timings, expected: Option<&str>) -> Verdict {
    let difference = noise::difference(&a.samples_us, &b.samples_us);
    let mut text = match difference {
        // The faster side leads the sentence: B faster, or A where B is slower.
        Difference::Faster { ratio, .. } => {
            format!(
                "{} ({}% less time)",
                difference.sentence("B", "A"),
                less_time(ratio)
            )
        }
        Difference::Slower { ratio, .. } => format!(
            "{} ({}% less time)",
            difference.reversed().sentence("A", "B"),
            less_time(ratio)
        ),
        _ => difference.sentence("B", "A"),
    };
    if let Some(expected) = expected.and_then(expected_percent) {
        text.push_str(&format!("; the document expected {expected}% faster"));
    }
    Verdict {
        difference: Some(difference),
        text,
        why: None,
    }
}

/// The percent less time a speed-up of `ratio` means.
fn less_time(ratio: f64) -> String {
    format_percent((1.0 - 1.0 / ratio) * 100.0)
}

/// The line above two panes: the verdict (or, for a plain EXPLAIN, which
/// plans without executing, that nothing was timed), why the gain is what
/// it is when both ran, and whether both returned the same rows.
pub fn compare(a: &PaneResult, b: &PaneResult, expected: Option<&str>) -> (Verdict, RowAgreement) {
    let executed = |r: &PaneResult| r.outcome.plan.actual_rows.is_some();
    let verdict = if executed(a) || executed(b) {
        let mut verdict = verdict(&a.timings, &b.timings, expected);
        if executed(a) && executed(b) {
            verdict.why = Some(why::explain(&a.outcome, &b.outcome, None, None));
        }
        verdict
    } else {
        plan_only()
    };
    (verdict, RowAgreement::of(&a.digest, &b.digest))
}

/// The verdict for statements that were planned but not run (EXPLAIN).
fn plan_only() -> Verdict {
    Verdict {
        difference: None,
        text: "EXPLAIN plans without running: compare the plans below; nothing was timed"
            .to_owned(),
        why: None,
    }
}

/// Whole percents, but never rounded up to a "100% less time" that would
/// mean no time at all: 99.88 reads 99.9.
fn format_percent(percent: f64) -> String {
    if (99.5..100.0).contains(&percent) {
        let tenth = (percent * 10.0).floor() / 10.0;
        format!("{tenth:.1}")
    } else {
        format!("{percent:.0}")
    }
}

/// The first percentage in the document's wording ("85% faster …" → "85",
/// "80-90% faster" → "80-90").
pub fn expected_percent(expected: &str) -> Option<String> {
    let end = expected.find('%')?;
    let start = expected[..end]
        .rfind(|c: char| !(c.is_ascii_digit() || c == '-'))
        .map_or(0, |i| i + 1);
    let number = &expected[start..end];
    (!number.is_empty()).then(|| number.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` runs around `us`, a few percent apart.
    fn runs(us: f64, n: usize) -> Timings {
        Timings::from_samples((0..n).map(|i| us * (1.0 + 0.01 * (i % 5) as f64)).collect())
    }

    #[test]
    fn b_faster_with_expectation() {
        let v = verdict(
            &runs(3700.0, 10),
            &runs(100.0, 10),
            Some("85% faster for report status filtering"),
        );
        assert_eq!(v.faster(), Some(Slot::B));
        assert!(
            v.text.starts_with("B is 37× faster than A (99% CI "),
            "{}",
            v.text
        );
        assert!(
            v.text
                .ends_with("(97% less time); the document expected 85% faster"),
            "{}",
            v.text
        );
    }

    #[test]
    fn a_faster_and_no_measurable_difference() {
        let v = verdict(&runs(100.0, 10), &runs(150.0, 10), None);
        assert_eq!(v.faster(), Some(Slot::A));
        assert!(v.text.starts_with("A is 1.50× faster than B"), "{}", v.text);
        assert!(v.text.ends_with("(33% less time)"), "{}", v.text);
        let same = verdict(&runs(100.0, 10), &runs(100.0, 10), None);
        assert_eq!(same.faster(), None);
        assert!(
            same.text
                .starts_with("no measurable difference between B and A"),
            "{}",
            same.text
        );
        let once = verdict(&runs(100.0, 1), &runs(10.0, 1), None);
        assert_eq!(once.faster(), None);
        assert!(once.text.starts_with("too few runs"), "{}", once.text);
        assert!(verdict(&runs(25_210.0, 10), &runs(30.0, 10), None)
            .text
            .contains("(99.8% less time)"));
    }

    #[test]
    fn explain_without_a_run_is_not_timed() {
        use crate::engine::QueryOutcome;
        use crate::explain::PlanNode;
        use crate::protocol::RowDigest;
        let pane = |actual_rows, median: f64| PaneResult {
            outcome: QueryOutcome {
                plan: PlanNode {
                    actual_rows,
                    ..PlanNode::default()
                },
                ..QueryOutcome::default()
            },
            timings: Timings::from_samples(vec![median]),
            digest: RowDigest::default(),
        };
        let (planned, same) = compare(&pane(None, 0.0), &pane(None, 0.0), None);
        assert!(
            planned.text.contains("nothing was timed"),
            "{}",
            planned.text
        );
        assert_eq!(same, RowAgreement::Identical);
        let (ran, _) = compare(&pane(Some(1), 200.0), &pane(Some(1), 100.0), None);
        assert_eq!(ran.difference, Some(Difference::TooFewRuns { runs: 1 }));
    }

    #[test]
    fn percentages_from_the_document() {
        assert_eq!(expected_percent("80-90% faster").as_deref(), Some("80-90"));
        assert_eq!(
            expected_percent("70% faster for feature flag checks").as_deref(),
            Some("70")
        );
        assert_eq!(expected_percent("faster"), None);
    }
}
