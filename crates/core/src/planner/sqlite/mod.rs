//! The SQLite model: SQLite 3.50's query planner (the version rusqlite
//! bundles) for one table, over the statistics ANALYZE would leave on the
//! same rows. `stat.rs` reads `sqlite_stat1` and the row widths off the
//! storage, `terms.rs` splits the WHERE clause as SQLite does, `loops.rs`
//! builds and prunes SQLite's loops with their LogEst costs, `solver.rs`
//! picks one with the ORDER BY's sorting cost, and `access.rs` turns it
//! into the access the storage runs: the same one, or the nearest it can
//! run, with what SQLite chose recorded beside it (`StandIn`).
mod access;
mod logest;
mod loops;
mod solver;
mod stat;
mod terms;

use std::cell::Cell;

use super::model::{CostModel, Named};
use super::query::Query;
use crate::catalog::IndexSet;
use crate::storage::Table;
use loops::Builder;
use solver::Solver;
use stat::TableStat;

/// SQLite's planner as a cost model. Costs are SQLite's LogEsts
/// (10·log2 of its abstract cost units).
#[derive(Default)]
pub(crate) struct Sqlite {
    /// The candidate SQLite's solver picked, from the last `candidates`:
    /// its ties are broken by more than the cost.
    chosen: Cell<Option<usize>>,
}

impl CostModel for Sqlite {
    fn candidates(&self, table: &Table, query: &Query, visible: &IndexSet) -> Vec<Named> {
        let stat = TableStat::of(table, visible, |index| query.covers(index));
        let not_null: Vec<bool> = table
            .schema
            .column_defs
            .iter()
            .flatten()
            .map(|c| !c.nullable)
            .collect();
        let builder = Builder::new(query, &stat, not_null.clone());
        let terms = builder.terms.clone();
        let loops = builder.build();
        let solver = Solver {
            query,
            table: &stat,
            terms: &terms,
            not_null: &not_null,
        };
        let (best, verdicts) = solver.solve(&loops);
        let paths = access::Paths {
            query,
            table: &stat,
            terms: &terms,
            name: &table.schema.table_name,
            order_terms: solver.order_terms(),
        };
        let mut candidates: Vec<Named> = loops
            .iter()
            .zip(&verdicts)
            .map(|(lp, verdict)| paths.named(lp, verdict))
            .collect();
        self.chosen.set(Some(best));
        // Indexes SQLite found no use for, so that every visible index is
        // accounted for.
        for probe in stat.probes.iter().filter(|p| !p.is_rowid()) {
            if !loops.iter().any(|lp| {
                lp.probe
                    .is_some_and(|p| stat.probes[p].name() == probe.name())
            }) {
                candidates.push((
                    probe.name().map(str::to_owned),
                    Err("SQLite found no term on its leading column, no order and no cheaper covering read".to_owned()),
                ));
            }
        }
        candidates
    }

    fn choose(&self, candidates: &[Named]) -> usize {
        match self.chosen.take() {
            Some(best) if candidates.get(best).is_some_and(|(_, c)| c.is_ok()) => best,
            _ => 0,
        }
    }
}
