//! The planner's cost models, each behind one trait: the paths a model
//! considers for one table and what it thinks each costs. The planner takes
//! the path the model chooses and hands it to the storage; results never
//! depend on the model, only how rows are found.
use serde::{Deserialize, Serialize};

use super::query::{Candidate, Query};
use crate::catalog::IndexSet;
use crate::explain::RejectedCandidate;
use crate::storage::{SeekStorage, Table};

/// A candidate access path and the index it reads first (`None`: the
/// table itself), or why the path does not apply.
pub(crate) type Named = (Option<String>, std::result::Result<Candidate, String>);

/// Which model plans: the one a pane says it was planned by.
#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord,
)]
pub enum ModelKind {
    /// PostgreSQL 15's costs (`pg15`), under the storage's settings.
    Postgres,
    /// seekscan's own costs of its in-memory storage.
    #[default]
    Memory,
    /// SQLite's query planner (3.50, as bundled by rusqlite) over
    /// `sqlite_stat1`/`sqlite_stat4` statistics as ANALYZE leaves them.
    Sqlite,
}

impl ModelKind {
    /// The name `--planner` and a link's `planner=` take.
    pub fn name(self) -> &'static str {
        match self {
            Self::Postgres => "postgres",
            Self::Memory => "memory",
            Self::Sqlite => "sqlite",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Postgres => "PostgreSQL 15",
            Self::Memory => "seekscan in-memory",
            Self::Sqlite => "SQLite",
        }
    }
}

impl std::str::FromStr for ModelKind {
    type Err = String;

    /// A model by name, in any case: `postgres`, `sqlite`, `memory`.
    fn from_str(text: &str) -> Result<Self, String> {
        match text.to_ascii_lowercase().as_str() {
            "postgres" | "postgresql" => Ok(Self::Postgres),
            "memory" => Ok(Self::Memory),
            "sqlite" => Ok(Self::Sqlite),
            _ => Err(format!(
                "unknown planner model {text:?}: expected postgres, sqlite or memory"
            )),
        }
    }
}

/// A way of pricing the access paths of one table.
pub(crate) trait CostModel {
    /// Every path the model considers, the full scan first; each priced or
    /// refused with a reason.
    fn candidates(&self, table: &Table, query: &Query, visible: &IndexSet) -> Vec<Named>;

    /// The position of the path to take: the cheapest usable one, the
    /// earliest of equals.
    fn choose(&self, candidates: &[Named]) -> usize {
        candidates
            .iter()
            .enumerate()
            .filter_map(|(i, (_, c))| c.as_ref().ok().map(|c| (i, c.cost)))
            .fold(None, |best: Option<(usize, f64)>, (i, cost)| match best {
                Some((_, b)) if b <= cost => best,
                _ => Some((i, cost)),
            })
            .map_or(0, |(i, _)| i)
    }
}

/// The model of a kind, with what it reads from the storage.
pub(crate) fn model(kind: ModelKind, storage: &SeekStorage) -> Box<dyn CostModel + '_> {
    match kind {
        ModelKind::Postgres => Box::new(super::pg::Postgres {
            settings: *storage.pg_settings.borrow(),
            cache: &storage.pg_stats,
            vacuumed: storage.pg_vacuumed.get(),
        }),
        ModelKind::Memory => Box::new(super::memory::Memory),
        ModelKind::Sqlite => Box::new(super::sqlite::Sqlite::default()),
    }
}

/// Takes the chosen path out of the candidates; every other one with the
/// reason it lost.
pub(crate) fn split_choice(
    mut candidates: Vec<Named>,
    best: usize,
) -> (Option<String>, Candidate, Vec<RejectedCandidate>) {
    let (chosen_name, chosen) = candidates.swap_remove(best);
    let chosen = chosen.expect("the best candidate is a usable one");
    let rejected = candidates
        .into_iter()
        .map(|(index, candidate)| match candidate {
            Ok(c) => RejectedCandidate {
                reason: format!(
                    "{}: estimated cost {:.1} (reads ~{:.0} rows{}) vs {:.1}",
                    c.access,
                    c.cost,
                    c.est_rows,
                    if c.sorted { "" } else { ", then sorts" },
                    chosen.cost
                ),
                index,
                cost: c.cost,
            },
            Err(reason) => RejectedCandidate {
                index,
                cost: 0.0,
                reason: format!("not applicable: {reason}"),
            },
        })
        .collect();
    (chosen_name, chosen, rejected)
}
