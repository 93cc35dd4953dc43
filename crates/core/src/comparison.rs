//! The one-line verdict above the panes: which configuration was faster, by
//! how much, next to what the Phase 3 document expected.
use serde::{Deserialize, Serialize};

use crate::protocol::{PaneResult, RowAgreement};
use crate::workload::why::{self, Explanation};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Verdict {
    /// "A" or "B"; `None` when the medians are equal.
    pub faster: Option<String>,
    /// slower median / faster median (≥ 1).
    pub ratio: f64,
    /// How much less time the faster one took, in percent of the slower one.
    pub percent_faster: f64,
    pub text: String,
    /// Why the gain is what it is, from both runs' plans and counters
    /// (set by [`compare`] once both ran).
    #[serde(default)]
    pub why: Option<Explanation>,
}

/// Compares two medians (µs). `expected` is the document's wording, such as
/// "85% faster for report status filtering".
pub fn verdict(median_a_us: f64, median_b_us: f64, expected: Option<&str>) -> Verdict {
    let (faster, fast, slow) = if median_b_us < median_a_us {
        (Some("B"), median_b_us, median_a_us)
    } else if median_a_us < median_b_us {
        (Some("A"), median_a_us, median_b_us)
    } else {
        (None, median_a_us, median_b_us)
    };
    // Timers can read 0 µs for very fast queries; never divide by zero.
    let ratio = if fast > 0.0 {
        slow / fast
    } else if slow > 0.0 {
        f64::INFINITY
    } else {
        1.0
    };
    let percent_faster = if slow > 0.0 {
        (slow - fast) / slow * 100.0
    } else {
        0.0
    };
    let mut text = match faster {
        Some(label) => {
            let other = if label == "A" { "B" } else { "A" };
            if ratio.is_finite() {
                format!(
                    "{label} is {} faster than {other} ({}% less time)",
                    format_ratio(ratio),
                    format_percent(percent_faster)
                )
            } else {
                format!(
                    "{label} is faster than {other} (its median is below the timer's resolution)"
                )
            }
        }
        None => "A and B took the same median time".to_owned(),
    };
    if let Some(expected) = expected.and_then(expected_percent) {
        text.push_str(&format!("; the document expected {expected}% faster"));
    }
    Verdict {
        faster: faster.map(str::to_owned),
        ratio,
        percent_faster,
        text,
        why: None,
    }
}

/// The line above two panes: the verdict (or, for a plain EXPLAIN, which
/// plans without executing, that nothing was timed), why the gain is what
/// it is when both ran, and whether both returned the same rows.
pub fn compare(a: &PaneResult, b: &PaneResult, expected: Option<&str>) -> (Verdict, RowAgreement) {
    let executed = |r: &PaneResult| r.outcome.plan.actual_rows.is_some();
    let verdict = if executed(a) || executed(b) {
        let mut verdict = verdict(a.timings.median_us, b.timings.median_us, expected);
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
        faster: None,
        ratio: 1.0,
        percent_faster: 0.0,
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

fn format_ratio(ratio: f64) -> String {
    if ratio >= 10.0 {
        format!("{ratio:.0}×")
    } else {
        format!("{ratio:.1}×")
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

    #[test]
    fn b_faster_with_expectation() {
        let v = verdict(
            3700.0,
            100.0,
            Some("85% faster for report status filtering"),
        );
        assert_eq!(v.faster.as_deref(), Some("B"));
        assert!((v.ratio - 37.0).abs() < 1e-9);
        assert_eq!(
            v.text,
            "B is 37× faster than A (97% less time); the document expected 85% faster"
        );
    }

    #[test]
    fn a_faster_and_ties() {
        let v = verdict(100.0, 150.0, None);
        assert_eq!(v.faster.as_deref(), Some("A"));
        assert_eq!(v.text, "A is 1.5× faster than B (33% less time)");
        assert_eq!(verdict(5.0, 5.0, None).faster, None);
        assert!(verdict(0.0, 10.0, None).text.contains("resolution"));
        assert!(verdict(25_210.0, 30.0, None)
            .text
            .contains("(99.8% less time)"));
    }

    #[test]
    fn explain_without_a_run_is_not_timed() {
        use crate::bench::Timings;
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
        assert_eq!(ran.faster.as_deref(), Some("B"));
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
