//! What a lesson says, as typed claims checked against what was measured:
//! the plans and counters of both panes and the dataset's index sizes. A
//! lesson never asserts a claim its measured plan does not show.
use crate::explain::PlanNode;
use crate::protocol::{DatasetInfo, PaneResult, Slot};

/// One thing a lesson's text says about the plans it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claim {
    /// The pane's table access reads the named index (a seek or a scan of it).
    UsesIndex { slot: Slot, index: &'static str },
    /// The pane reads the whole table.
    FullScan { slot: Slot },
    /// The pane's index read is a seek (a range of the index), not a scan of it.
    Seeks { slot: Slot },
    /// The pane's index read is no seek: a full scan, or a scan of a whole index.
    NoSeek { slot: Slot },
    /// The plan has a Sort node.
    Sorts { slot: Slot },
    /// The plan has no Sort node: the index order is the ORDER BY order.
    NoSort { slot: Slot },
    /// The LIMIT stops the read once it has its rows.
    StopsEarly { slot: Slot },
    /// Every column comes from index entries: no table row is looked up.
    NoTableLookups { slot: Slot },
    /// The pane looks up table rows for its index entries.
    TableLookups { slot: Slot },
    /// `slot` examines at most `percent` % of the rows `other` examines.
    ExaminesAtMostPercentOf {
        slot: Slot,
        other: Slot,
        percent: u64,
    },
    /// The pane returns at least `percent` % of the rows of `table`.
    ReturnsAtLeastPercentOfTable {
        slot: Slot,
        table: &'static str,
        percent: u64,
    },
    /// Both panes follow the same plan (nothing highlighted as different).
    SamePlan,
    /// `index` has one entry per row of its table: every insert and delete
    /// writes it too.
    EntryPerRow { index: &'static str },
    /// An entry of `index` takes more bytes than an entry of `than`.
    LargerEntries {
        index: &'static str,
        than: &'static str,
    },
}

/// What both panes measured, and the dataset they ran on.
#[derive(Clone, Copy, Debug)]
pub struct Measured<'a> {
    pub a: Option<&'a PaneResult>,
    pub b: Option<&'a PaneResult>,
    pub dataset: Option<&'a DatasetInfo>,
}

/// A claim checked: whether it holds and what was seen instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimCheck {
    pub claim: Claim,
    pub text: String,
    pub holds: bool,
    /// What the measurement showed, in a few words.
    pub seen: String,
}

impl Measured<'_> {
    fn pane(&self, slot: Slot) -> Option<&PaneResult> {
        match slot {
            Slot::A => self.a,
            Slot::B => self.b,
        }
    }
}

/// The table access of a pane's plan, when the plan reads exactly one table.
fn access(result: &PaneResult) -> Option<&PlanNode> {
    match result.outcome.plan.table_accesses().as_slice() {
        [only] => Some(only),
        _ => None,
    }
}

fn any_node(plan: &PlanNode, test: &dyn Fn(&PlanNode) -> bool) -> bool {
    test(plan) || plan.children.iter().any(|c| any_node(c, test))
}

fn how_read(node: &PlanNode) -> String {
    match (&node.access, &node.index) {
        (Some(access), Some(index)) => format!("{access} of {index}"),
        (Some(access), None) => access.clone(),
        (None, _) => "an unknown access".to_owned(),
    }
}

impl Claim {
    /// The claim in words, as the lesson states it.
    pub fn text(&self) -> String {
        match *self {
            Claim::UsesIndex { slot, index } => format!("{} reads {index}", slot.label()),
            Claim::FullScan { slot } => format!("{} reads the whole table", slot.label()),
            Claim::Seeks { slot } => format!("{} seeks a range of its index", slot.label()),
            Claim::NoSeek { slot } => format!("{} cannot seek", slot.label()),
            Claim::Sorts { slot } => format!("{} sorts the rows it found", slot.label()),
            Claim::NoSort { slot } => format!("{} needs no sort", slot.label()),
            Claim::StopsEarly { slot } => format!("{}'s LIMIT stops the read early", slot.label()),
            Claim::NoTableLookups { slot } => format!("{} looks up no table row", slot.label()),
            Claim::TableLookups { slot } => format!("{} looks up table rows", slot.label()),
            Claim::ExaminesAtMostPercentOf {
                slot,
                other,
                percent,
            } => format!(
                "{} examines at most {percent}% of the rows {} examines",
                slot.label(),
                other.label()
            ),
            Claim::ReturnsAtLeastPercentOfTable {
                slot,
                table,
                percent,
            } => format!(
                "{} returns at least {percent}% of {table}'s rows",
                slot.label()
            ),
            Claim::SamePlan => "A and B follow the same plan".to_owned(),
            Claim::EntryPerRow { index } => format!("{index} has one entry per row"),
            Claim::LargerEntries { index, than } => {
                format!("an entry of {index} is larger than one of {than}")
            }
        }
    }

    /// Checks the claim against what was measured; `None` while a pane it
    /// needs has no result (or the dataset is not loaded).
    pub fn check(&self, measured: &Measured) -> Option<ClaimCheck> {
        let (holds, seen) = self.evaluate(measured)?;
        Some(ClaimCheck {
            claim: *self,
            text: self.text(),
            holds,
            seen,
        })
    }

    fn evaluate(&self, measured: &Measured) -> Option<(bool, String)> {
        match *self {
            Claim::ExaminesAtMostPercentOf {
                slot,
                other,
                percent,
            } => {
                let mine = measured.pane(slot)?.outcome.stats.rows_examined;
                let theirs = measured.pane(other)?.outcome.stats.rows_examined;
                let seen = format!("{mine} rows against {theirs}");
                Some((mine * 100 <= theirs * percent, seen))
            }
            Claim::ReturnsAtLeastPercentOfTable {
                slot,
                table,
                percent,
            } => {
                let returned = measured.pane(slot)?.outcome.stats.rows_returned;
                let rows = measured
                    .dataset?
                    .tables
                    .iter()
                    .find(|t| t.name == table)
                    .map_or(0, |t| t.rows as u64);
                let seen = format!("{returned} of {rows} rows");
                Some((rows > 0 && returned * 100 >= rows * percent, seen))
            }
            Claim::SamePlan => {
                let (a, b) = (measured.a?, measured.b?);
                let (plan_a, plan_b) = (&a.outcome.plan, &b.outcome.plan);
                let same = !any_node(plan_a, &|n| n.differs_from(plan_b))
                    && !any_node(plan_b, &|n| n.differs_from(plan_a));
                let seen = if same {
                    "the same plan".to_owned()
                } else {
                    format!("A: {}; B: {}", plan_a.summary(None), plan_b.summary(None))
                };
                Some((same, seen))
            }
            Claim::EntryPerRow { index } | Claim::LargerEntries { index, .. } => {
                self.evaluate_sizes(measured.dataset?, index)
            }
            _ => self.evaluate_pane(measured),
        }
    }

    /// Claims about one pane's plan and counters.
    fn evaluate_pane(&self, measured: &Measured) -> Option<(bool, String)> {
        let slot = self.slot()?;
        let result = measured.pane(slot)?;
        let stats = &result.outcome.stats;
        let plan = &result.outcome.plan;
        let node = access(result);
        let read = node.map_or("more than one table access".to_owned(), how_read);
        let is_seek = |n: &PlanNode| n.access.as_deref().is_some_and(|a| a.ends_with("seek"));
        let outcome = match *self {
            Claim::UsesIndex { index, .. } => {
                node.is_some_and(|n| n.index.as_deref() == Some(index))
            }
            Claim::FullScan { .. } => node.is_some_and(|n| n.index.is_none() && !is_seek(n)),
            Claim::Seeks { .. } => node.is_some_and(is_seek),
            Claim::NoSeek { .. } => node.is_some_and(|n| !is_seek(n)),
            Claim::Sorts { .. } | Claim::NoSort { .. } => {
                let sorts = any_node(plan, &|n| n.sort);
                let seen = if sorts { "a Sort node" } else { "no Sort node" };
                let wanted = matches!(self, Claim::Sorts { .. });
                return Some((sorts == wanted, seen.to_owned()));
            }
            Claim::StopsEarly { .. } => {
                let stops = any_node(plan, &|n| n.op == "Limit" && n.early_stop);
                let seen = format!(
                    "{}, {} rows examined",
                    plan.summary(None),
                    stats.rows_examined
                );
                return Some((stops, seen));
            }
            Claim::NoTableLookups { .. } | Claim::TableLookups { .. } => {
                let seen = format!("{} table lookups", stats.table_lookups);
                let none = stats.table_lookups == 0 && node.is_some_and(|n| n.index.is_some());
                let wanted = matches!(self, Claim::NoTableLookups { .. });
                return Some((none == wanted, seen));
            }
            _ => return None,
        };
        Some((outcome, read))
    }

    fn evaluate_sizes(&self, dataset: &DatasetInfo, index: &str) -> Option<(bool, String)> {
        let memory = &dataset.memory;
        let of = |name: &str| memory.indexes.iter().find(|i| i.index == name);
        let Some(entry) = of(index) else {
            return Some((false, format!("no index {index} in this dataset")));
        };
        match *self {
            Claim::EntryPerRow { .. } => {
                let rows = memory
                    .tables
                    .iter()
                    .find(|t| t.table == entry.table)
                    .map_or(0, |t| t.rows);
                let seen = format!(
                    "{} entries for {rows} rows, {} bytes",
                    entry.entries, entry.bytes
                );
                Some((entry.entries == rows && rows > 0, seen))
            }
            Claim::LargerEntries { than, .. } => {
                let Some(other) = of(than) else {
                    return Some((false, format!("no index {than} in this dataset")));
                };
                let seen = format!(
                    "{:.0} bytes per entry against {:.0}",
                    entry.bytes_per_entry, other.bytes_per_entry
                );
                Some((entry.bytes_per_entry > other.bytes_per_entry, seen))
            }
            _ => None,
        }
    }

    /// The pane a single-pane claim is about.
    fn slot(&self) -> Option<Slot> {
        match *self {
            Claim::UsesIndex { slot, .. }
            | Claim::FullScan { slot }
            | Claim::Seeks { slot }
            | Claim::NoSeek { slot }
            | Claim::Sorts { slot }
            | Claim::NoSort { slot }
            | Claim::StopsEarly { slot }
            | Claim::NoTableLookups { slot }
            | Claim::TableLookups { slot } => Some(slot),
            _ => None,
        }
    }
}
