//! Repetitions driven by the page: a thin adapter over core's
//! `seekscan_core::repeats` (which pane asks next, merging answers,
//! stopping), adding what only the page knows: the statement the panes
//! show, each configuration's indexes, and that no batch goes out while a
//! run is in flight. The first run of each pane answers at once; the page
//! then asks for one short batch at a time, so it sees every answer. Stop
//! takes effect in the page at once and, through the stop flag
//! (`stop_flag`), in the worker within a few thousand rows.
use seekscan_core::bench::Batch;
use seekscan_core::protocol::Config;

use crate::state::AppState;

/// A batch the page should ask the worker for now.
#[derive(Clone, Debug, PartialEq)]
pub struct Ask {
    /// The run whose pane the samples belong to.
    pub id: u64,
    pub sql: String,
    pub config: Config,
    pub batch: Batch,
    /// Asks sent before this one: no two asks are equal, so an effect keyed
    /// on the next ask sends each exactly once.
    pub seq: u64,
}

/// The next batch to ask for: none while a run or another batch is in
/// flight; else the one core's scheduling picks.
pub fn next_ask(state: &AppState) -> Option<Ask> {
    if state.pending.is_some() {
        return None;
    }
    let sql = state.shown_sql.clone()?;
    let next = state.repeats.next()?;
    Some(Ask {
        id: next.run,
        sql,
        config: Config {
            slot: next.slot,
            indexes: state.config(next.slot),
        },
        batch: next.batch,
        seq: next.seq,
    })
}
