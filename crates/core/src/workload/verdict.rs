//! The workload's totals, weighted by how often each pattern runs, and the
//! one-line verdict for B's index set: "B serves 12 of 12 patterns with an
//! index; weighted time 3.1 s → 6 ms, 500× faster (420–610×); costs 9
//! indexes, 5.2 MiB".
use serde::{Deserialize, Serialize};

use super::weights::Weights;
use super::WorkloadRow;
use crate::engine::MemoryReport;
use crate::noise::{self, range, times, Difference, Group};
use crate::units::{mib, micros};

/// The weighted sums of the rows' medians: each row counts its pattern's weight.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq)]
pub struct Totals {
    pub a_us: f64,
    pub b_us: f64,
    /// The sum of the rows' weights.
    pub weight: u64,
    /// B's weighted time against A's, every row's runs resampled at once.
    #[serde(default)]
    pub difference: Difference,
}

pub fn totals(rows: &[WorkloadRow], weights: &Weights) -> Totals {
    let mut sum = rows.iter().fold(Totals::default(), |mut sum, row| {
        let weight = weights.of(&row.pattern);
        sum.a_us += f64::from(weight) * row.a.timings.median_us;
        sum.b_us += f64::from(weight) * row.b.timings.median_us;
        sum.weight += u64::from(weight);
        sum
    });
    let groups: Vec<Group> = rows
        .iter()
        .map(|row| Group {
            weight: f64::from(weights.of(&row.pattern)),
            reference: &row.a.timings.samples_us,
            subject: &row.b.timings.samples_us,
        })
        .collect();
    sum.difference = noise::weighted(&groups);
    sum
}

/// What B's indexes cost in writes, measured elsewhere: appended to the
/// verdict when it is known.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct WriteCostPhrase {
    /// A batch of INSERTs under B against the same batch under A.
    pub insert: Difference,
}

impl WriteCostPhrase {
    /// "inserts 2.4× slower than A (1.9–2.8×)", or "inserts: no measurable
    /// difference from A (0.95–1.10×)".
    pub fn text(&self) -> String {
        match self.insert {
            Difference::Faster { ratio, ci } => {
                format!("inserts {} faster than A ({})", times(ratio), range(ci))
            }
            Difference::Slower { ratio, ci } => {
                format!("inserts {} slower than A ({})", times(ratio), range(ci))
            }
            Difference::NoMeasurableDifference { ci } => {
                format!("inserts: no measurable difference from A ({})", range(ci))
            }
            Difference::TooFewRuns { runs } => {
                format!("inserts: too few batches to tell from A ({runs})")
            }
        }
    }
}

/// The verdict for the index set, as facts; [`WorkloadVerdict::text`] says it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct WorkloadVerdict {
    /// Patterns measured, and those B reads through an index for every tenant.
    pub patterns: usize,
    pub served_by_index: usize,
    /// Rows whose document expectation B met, of the rows that name one.
    pub met: usize,
    pub judged: usize,
    pub totals: Totals,
    /// B's indexes and their bytes (keys, INCLUDE cells and overhead).
    pub indexes: usize,
    pub index_bytes: u64,
    /// Left out until a write-cost measurement supplies it.
    pub write_cost: Option<WriteCostPhrase>,
}

impl WorkloadVerdict {
    /// The verdict over `rows`, with B's `indexes` sized from `memory`.
    pub fn of(
        rows: &[WorkloadRow],
        weights: &Weights,
        indexes: &[String],
        memory: &MemoryReport,
    ) -> Self {
        let mut patterns: Vec<&str> = rows.iter().map(|r| r.pattern.as_str()).collect();
        patterns.dedup();
        let served_by_index = patterns
            .iter()
            .filter(|p| {
                rows.iter()
                    .filter(|r| r.pattern == **p)
                    .all(|r| r.b.index.is_some())
            })
            .count();
        let judged: Vec<bool> = rows.iter().filter_map(|r| r.met).collect();
        let index_bytes = memory
            .indexes
            .iter()
            .filter(|i| indexes.contains(&i.index))
            .map(|i| i.bytes)
            .sum();
        Self {
            patterns: patterns.len(),
            served_by_index,
            met: judged.iter().filter(|m| **m).count(),
            judged: judged.len(),
            totals: totals(rows, weights),
            indexes: indexes.len(),
            index_bytes,
            write_cost: None,
        }
    }

    pub fn text(&self) -> String {
        let noun =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut text = format!(
            "B serves {} of {} with an index; weighted time {} → {}, {}",
            self.served_by_index,
            noun(self.patterns, "pattern", "patterns"),
            micros(self.totals.a_us),
            micros(self.totals.b_us),
            self.totals.difference.short()
        );
        if self.judged > 0 {
            text.push_str(&format!(
                "; meets the document's expectation in {} of {} rows",
                self.met, self.judged
            ));
        }
        text.push_str(&format!(
            "; costs {}, {}",
            noun(self.indexes, "index", "indexes"),
            mib(self.index_bytes)
        ));
        if let Some(cost) = &self.write_cost {
            text.push_str(&format!(", {}", cost.text()));
        }
        text
    }
}
