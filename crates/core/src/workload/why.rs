//! Why a measured gain is what it is, told from the numbers the two runs
//! themselves report: the share of the table the conditions match, the
//! rows each configuration read, whether B's index saved the sort, whether
//! a LIMIT stopped a read early, and the table lookups an index seek made.
use serde::{Deserialize, Serialize};

use crate::engine::QueryOutcome;
use crate::explain::PlanNode;
use crate::units::thousands;

/// What one configuration's run did, read off its plan and counters.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct RunFacts {
    pub table: Option<String>,
    /// The index read; `None` is a full scan (or a primary key lookup).
    pub index: Option<String>,
    /// "full scan", "index seek", "covering index scan", …
    pub access: Option<String>,
    pub rows_examined: u64,
    pub index_entries: u64,
    pub table_lookups: u64,
    pub rows_returned: u64,
    pub sorts: bool,
    /// A LIMIT ended the read before the whole range was read.
    pub early_stop: bool,
    /// Every WHERE condition the plan shows, in its words.
    pub conditions: Vec<String>,
}

impl RunFacts {
    pub fn of(outcome: &QueryOutcome) -> Self {
        let plan = &outcome.plan;
        let accesses = plan.table_accesses();
        let first = accesses.first();
        let mut facts = Self {
            table: first.and_then(|a| a.table.clone()),
            index: first.and_then(|a| a.index.clone()),
            access: first.and_then(|a| a.access.clone()),
            rows_examined: outcome.stats.rows_examined,
            index_entries: outcome.stats.index_entries,
            table_lookups: outcome.stats.table_lookups,
            rows_returned: outcome.stats.rows_returned,
            ..Self::default()
        };
        let mut stack = vec![plan];
        while let Some(node) = stack.pop() {
            facts.sorts |= node.sort;
            facts.early_stop |= node.op == "Limit" && node.early_stop;
            for list in [
                &node.index_conditions,
                &node.entry_filter,
                &node.scan_filter,
                &node.filter,
            ] {
                for condition in list {
                    if !facts.conditions.contains(condition) {
                        facts.conditions.push(condition.clone());
                    }
                }
            }
            stack.extend(&node.children);
        }
        facts
    }
}

/// Whether the sort the query asks for ran under each configuration.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortFate {
    /// A sorts, B reads in order.
    SavedByB,
    /// B sorts, A reads in order.
    AddedByB,
    Both,
    Neither,
}

/// The explanation of a gain: the facts and the sentence made of them.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Explanation {
    pub a: RunFacts,
    pub b: RunFacts,
    /// Rows of the table the query reads.
    pub table_rows: Option<u64>,
    /// Rows the WHERE clause matches (before any LIMIT), when known.
    pub matched: Option<u64>,
    pub sort: SortFate,
    pub text: String,
}

/// Rows a query matched, when its own run tells: without a LIMIT, the rows
/// it returned (a single-table read without grouping).
pub fn matched_from_run(outcome: &QueryOutcome) -> Option<u64> {
    let plan = &outcome.plan;
    let limited = has_op(plan, "Limit");
    (!limited && plan.table_accesses().len() == 1).then_some(outcome.stats.rows_returned)
}

/// The table's size when a run read all of it: a full scan that no LIMIT
/// stopped examines every row once.
fn whole_table_read(run: &RunFacts) -> Option<u64> {
    let full_scan = run.access.as_deref().is_none_or(|a| a == "full scan");
    (full_scan && run.index.is_none() && run.table.is_some() && !run.early_stop)
        .then_some(run.rows_examined)
}

fn has_op(plan: &PlanNode, op: &str) -> bool {
    plan.op == op || plan.children.iter().any(|c| has_op(c, op))
}

/// Explains B's run against A's. `table_rows` is the size of the table read
/// (else taken from a full scan's rows examined); `matched` the rows the
/// conditions match (else taken from a run without LIMIT, or left out).
pub fn explain(
    a: &QueryOutcome,
    b: &QueryOutcome,
    table_rows: Option<u64>,
    matched: Option<u64>,
) -> Explanation {
    let (fa, fb) = (RunFacts::of(a), RunFacts::of(b));
    let matched = matched
        .or_else(|| matched_from_run(a))
        .or_else(|| matched_from_run(b));
    let table_rows = table_rows
        .or_else(|| whole_table_read(&fa))
        .or_else(|| whole_table_read(&fb));
    let sort = match (fa.sorts, fb.sorts) {
        (true, false) => SortFate::SavedByB,
        (false, true) => SortFate::AddedByB,
        (true, true) => SortFate::Both,
        (false, false) => SortFate::Neither,
    };
    let mut explanation = Explanation {
        a: fa,
        b: fb,
        table_rows,
        matched,
        sort,
        text: String::new(),
    };
    explanation.text = sentence(&explanation);
    explanation
}

/// "status = 'success' matches 96% of upstream_reportrun (3,201 of 3,333
/// rows): B's index saves the sort but still reads 3,201 of 3,333 rows, each
/// with a table lookup".
fn sentence(e: &Explanation) -> String {
    let conditions = if e.a.conditions.len() >= e.b.conditions.len() {
        &e.a.conditions
    } else {
        &e.b.conditions
    };
    let mut text = String::new();
    if let (Some(matched), Some(total)) = (e.matched, e.table_rows) {
        let what = match conditions.as_slice() {
            [] => "the query".to_owned(),
            list => list.join(" AND "),
        };
        let table = e.a.table.as_deref().unwrap_or("the table");
        text = format!(
            "{what} matches {} of {table} ({} of {} rows): ",
            share(matched, total),
            thousands(matched),
            thousands(total)
        );
    }
    text.push_str(&reads(e));
    text
}

/// A share as a person reads it: "96%", "0.3%", "<0.1%".
fn share(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0%".to_owned();
    }
    let percent = part as f64 / whole as f64 * 100.0;
    match percent {
        0.0 => "0%".to_owned(),
        p if p < 0.1 => "<0.1%".to_owned(),
        p if p < 10.0 => format!("{p:.1}%"),
        p => format!("{p:.0}%"),
    }
}

/// What B read and did against A.
fn reads(e: &Explanation) -> String {
    let (a, b) = (&e.a, &e.b);
    let subject = match &b.index {
        Some(index) => format!("B's {index}"),
        None => "B's full scan".to_owned(),
    };
    let mut parts = Vec::new();
    let sort = match e.sort {
        SortFate::SavedByB => Some("saves the sort"),
        SortFate::AddedByB => Some("needs a sort A avoids"),
        SortFate::Both => Some("sorts like A"),
        SortFate::Neither => None,
    };
    let most = e
        .table_rows
        .is_some_and(|t| t > 0 && b.rows_examined * 2 >= t);
    let of_total = e
        .table_rows
        .map_or(String::new(), |t| format!(" of {}", thousands(t)));
    let read = format!(
        "reads {}{of_total} rows (A {})",
        thousands(b.rows_examined),
        thousands(a.rows_examined)
    );
    parts.push(match sort {
        Some(sort) if most && e.sort == SortFate::SavedByB => format!("{sort} but still {read}"),
        Some(sort) => format!("{sort} and {read}"),
        None => read,
    });
    if b.early_stop {
        parts.push(format!(
            "LIMIT stops its read after {}",
            rows(b.rows_examined)
        ));
    }
    if a.early_stop {
        parts.push(format!(
            "A's LIMIT stops its read after {}",
            rows(a.rows_examined)
        ));
    }
    let mut text = format!("{subject} {}", join_clauses(&parts));
    if b.index.is_some() {
        text.push_str(&match b.table_lookups {
            // No entry matched: nothing to look up, covering or not.
            0 if b.index_entries == 0 => "; no entry matched, so no table lookup".to_owned(),
            0 => "; a covering read with no table lookup".to_owned(),
            1 => "; 1 table lookup".to_owned(),
            n => format!("; {} table lookups", thousands(n)),
        });
    }
    text
}

/// "1 row", "3,201 rows".
fn rows(n: u64) -> String {
    match n {
        1 => "1 row".to_owned(),
        n => format!("{} rows", thousands(n)),
    }
}

/// "x", "x and y", "x, y and z".
fn join_clauses(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_read_at_a_glance() {
        assert_eq!(share(3_201, 3_333), "96%");
        assert_eq!(share(10, 3_333), "0.3%");
        assert_eq!(share(1, 100_000), "<0.1%");
        assert_eq!(share(0, 0), "0%");
        assert_eq!(
            join_clauses(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
    }
}
