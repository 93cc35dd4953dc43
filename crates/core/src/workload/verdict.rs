//! The workload's totals, weighted by how often each pattern runs, and the
//! one-line verdict for B's index set: "B serves 12 of 12 patterns with an
//! index; weighted time 3.1 s → 6 ms; costs 9 indexes, 5.2 MiB".
use serde::{Deserialize, Serialize};

use super::weights::Weights;
use super::WorkloadRow;
use crate::engine::MemoryReport;
use crate::units::{mib, micros};

/// The weighted sums of the rows' medians: each row counts its pattern's weight.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq)]
pub struct Totals {
    pub a_us: f64,
    pub b_us: f64,
    /// The sum of the rows' weights.
    pub weight: u64,
}

pub fn totals(rows: &[WorkloadRow], weights: &Weights) -> Totals {
    rows.iter().fold(Totals::default(), |mut sum, row| {
        let weight = weights.of(&row.pattern);
        sum.a_us += f64::from(weight) * row.a.timings.median_us;
        sum.b_us += f64::from(weight) * row.b.timings.median_us;
        sum.weight += u64::from(weight);
        sum
    })
}

/// What B's indexes cost in writes, measured elsewhere: appended to the
/// verdict when it is known.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct WriteCostPhrase {
    /// The time of a batch of INSERTs under B over the same batch under A.
    pub insert_ratio: f64,
}

impl WriteCostPhrase {
    pub fn text(&self) -> String {
        if self.insert_ratio >= 1.0 {
            format!("inserts {:.1}× slower than A", self.insert_ratio)
        } else {
            format!(
                "inserts {:.1}× faster than A",
                1.0 / self.insert_ratio.max(f64::MIN_POSITIVE)
            )
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
            "B serves {} of {} with an index; weighted time {} → {}",
            self.served_by_index,
            noun(self.patterns, "pattern", "patterns"),
            micros(self.totals.a_us),
            micros(self.totals.b_us)
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
