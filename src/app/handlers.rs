//! What the panels ask the engine for, as callbacks.
use seekscan_core::planner::choice::PlannerChoice;
use seekscan_core::protocol::{Config, Request, Slot};
use yew::prelude::*;

use super::engine::{load_request, send, send_run, stop_in_worker, Engine};
use crate::state::WorkloadAction;
use crate::state::{Action, AppState, Purpose};

/// The callbacks every layout (the full page, the embed) hands its panels.
#[derive(Clone, PartialEq)]
pub struct Handlers {
    pub run: Callback<()>,
    pub on_toggle: Callback<(Slot, String, bool)>,
    pub on_catalog: Callback<String>,
    pub on_regenerate: Callback<(usize, u64)>,
    /// Stop: ends what the worker runs and everything in flight on the page.
    pub stop: Callback<()>,
    /// The workload view's Stop: ends its run and chart (and, in the
    /// worker, what runs now).
    pub stop_workload: Callback<()>,
    /// Sends a request whose answer no run waits for (costs, usage).
    pub on_request: Callback<Request>,
    /// Another model plans from now on: the worker is told, and the query
    /// the panes show runs again on both configurations.
    pub on_planner: Callback<PlannerChoice>,
}

pub fn handlers(state: &UseReducerHandle<AppState>, engine: &Engine) -> Handlers {
    // Runs `sql` on the given configurations (each with its visible indexes).
    let run_on = {
        let (state, engine) = (state.clone(), engine.clone());
        Callback::from(move |(sql, configs): (String, Vec<Config>)| {
            let slots = configs.iter().map(|c| c.slot).collect();
            // One run each: the panes show it at once, and the page asks for
            // the rest a batch at a time (see `repeats`).
            let run = (sql, 1, configs);
            send_run(&state, &engine, run, Purpose::Query(slots));
        })
    };
    let run = {
        let (state, run_on) = (state.clone(), run_on.clone());
        Callback::from(move |()| {
            let configs = Slot::BOTH
                .map(|slot| Config {
                    slot,
                    indexes: state.config(slot),
                })
                .to_vec();
            run_on.emit((state.editor.clone(), configs));
        })
    };
    // A toggle changes one configuration and re-runs the query the panes
    // show on that configuration only; the data is not rebuilt.
    let on_planner = {
        let (state, engine, run_on) = (state.clone(), engine.clone(), run_on.clone());
        Callback::from(move |choice: PlannerChoice| {
            send(&engine, Request::SetPlanner(choice));
            state.dispatch(Action::SetPlanner(choice));
            if let Some(sql) = state.shown_sql.clone() {
                let configs = Slot::BOTH
                    .map(|slot| Config {
                        slot,
                        indexes: state.config(slot),
                    })
                    .to_vec();
                run_on.emit((sql, configs));
            }
        })
    };
    let on_toggle = {
        let state = state.clone();
        Callback::from(move |(slot, index, visible): (Slot, String, bool)| {
            let indexes = state.toggled(slot, &index, visible);
            state.dispatch(Action::SetConfig {
                slot,
                indexes: indexes.clone(),
            });
            if let Some(sql) = state.shown_sql.clone() {
                run_on.emit((sql, vec![Config { slot, indexes }]));
            }
        })
    };
    let on_catalog = {
        let (state, engine) = (state.clone(), engine.clone());
        Callback::from(move |sql: String| {
            send_run(&state, &engine, (sql, 1, Vec::new()), Purpose::Catalog);
        })
    };
    let on_regenerate = {
        let (state, engine) = (state.clone(), engine.clone());
        Callback::from(move |(scale, seed): (usize, u64)| {
            // Whatever runs now would delay the load: it ends first.
            stop_in_worker(&engine);
            send(&engine, load_request(&state.experiment, seed, scale));
            state.dispatch(Action::Regenerate { scale, seed });
        })
    };
    let stop = {
        let (state, engine) = (state.clone(), engine.clone());
        Callback::from(move |()| {
            stop_in_worker(&engine);
            state.dispatch(Action::Stop);
        })
    };
    let stop_workload = {
        let (state, engine) = (state.clone(), engine.clone());
        Callback::from(move |()| {
            stop_in_worker(&engine);
            state.dispatch(Action::Workload(WorkloadAction::Stop));
        })
    };
    let on_request = {
        let engine = engine.clone();
        Callback::from(move |request: Request| send(&engine, request))
    };
    Handlers {
        run,
        on_toggle,
        on_catalog,
        on_regenerate,
        stop,
        stop_workload,
        on_request,
        on_planner,
    }
}

/// A callback that dispatches the action made of its value.
pub fn dispatch<T: 'static>(
    state: &UseReducerHandle<AppState>,
    to_action: fn(T) -> Action,
) -> Callback<T> {
    let dispatcher = state.dispatcher();
    Callback::from(move |value| dispatcher.dispatch(to_action(value)))
}
