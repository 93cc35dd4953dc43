//! The worker behind the page: spawning (and respawning) it, and sending it
//! runs and batches of repetitions.
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use seekscan_core::experiment::Experiment;
use seekscan_core::protocol::{Config, Request};
use yew::prelude::*;

use crate::state::{Action, AppState, Purpose};
use crate::worker_client::EngineClient;
use crate::worker_health::DeathWatch;

/// The live worker and the watch on its death, replaced together.
pub type Engine = Rc<RefCell<Option<(EngineClient, Option<DeathWatch>)>>>;

pub fn send(engine: &Engine, request: Request) {
    if let Some((client, _)) = engine.borrow().as_ref() {
        client.send(request);
    }
}

/// Ends, in the worker, everything sent to it so far (see `stop_flag`);
/// `false` when the worker cannot be told, and what it runs goes on.
pub fn stop_in_worker(engine: &Engine) -> bool {
    engine
        .borrow()
        .as_ref()
        .is_some_and(|(client, _)| client.stop_sent())
}

/// How long a worker's `error` event waits for its own report (the panic
/// hook's message, or "ran out of memory"), which says more, to arrive first.
const REPORT_GRACE: Duration = Duration::from_millis(300);

/// Sends `sql` as run `state.next_run_id` and records what it is for.
pub fn send_run(
    state: &UseReducerHandle<AppState>,
    engine: &Engine,
    (sql, repetitions, configs): (String, u32, Vec<Config>),
    purpose: Purpose,
) {
    if state.busy() {
        return;
    }
    let id = state.next_run_id;
    send(
        engine,
        Request::Run {
            id,
            sql: sql.clone(),
            repetitions,
            configs,
        },
    );
    state.dispatch(Action::RunSent { id, sql, purpose });
}

/// The request that loads a dataset for `experiment`, with its user indexes.
pub fn load_request(experiment: &Experiment, seed: u64, scale: usize) -> Request {
    Request::LoadWithIndexes {
        seed,
        scale,
        indexes: experiment.indexes.clone(),
    }
}

/// Spawns (and after a death, respawns) the worker, then loads the dataset.
/// A death is reported by the worker's panic hook or allocator on a
/// BroadcastChannel, or by the Worker's `error` event after any other trap.
#[hook]
pub fn use_engine(state: &UseReducerHandle<AppState>) -> Engine {
    let engine: Engine = use_mut_ref(|| None);
    let dispatcher = state.dispatcher();
    let spawned = engine.clone();
    let experiment = &state.experiment;
    let load = load_request(experiment, experiment.seed, experiment.scale);
    let planner = experiment.planner;
    use_effect_with(state.worker_generation, move |generation| {
        let generation = *generation;
        let channel = format!("seekscan-engine-{}-{generation}", js_sys::Math::random());
        let on_response = dispatcher.clone();
        let on_error = dispatcher.clone();
        // Drop the old worker (which terminates it) before its successor loads.
        spawned.borrow_mut().take();
        let client = EngineClient::spawn(
            move |response| on_response.dispatch(Action::Worker(response)),
            move |error| {
                let dispatcher = on_error.clone();
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(REPORT_GRACE).await;
                    let message = format!("the engine stopped: {error}");
                    dispatcher.dispatch(Action::WorkerDied {
                        generation,
                        message,
                    });
                });
            },
        );
        let watch = DeathWatch::listen(&channel, move |message| {
            dispatcher.dispatch(Action::WorkerDied {
                generation,
                message,
            })
        });
        client.send(Request::Watch { channel });
        // Before the load: the engine it builds plans with this model.
        client.send(Request::SetPlanner(planner));
        client.send(load);
        *spawned.borrow_mut() = Some((client, watch));
    });
    engine
}

/// Asks the worker for the next batch of repetitions whenever there is one
/// to ask for (see `repeats`): after each first answer and each batch.
#[hook]
pub fn use_repeats(state: &UseReducerHandle<AppState>, engine: &Engine) {
    let (engine, dispatcher) = (engine.clone(), state.dispatcher());
    use_effect_with(state.next_ask(), move |ask| {
        if let Some(ask) = ask.clone() {
            let (id, slot) = (ask.id, ask.config.slot);
            send(
                &engine,
                Request::Repeat {
                    id,
                    sql: ask.sql,
                    config: ask.config,
                    batch: ask.batch,
                },
            );
            dispatcher.dispatch(Action::Asked { id, slot });
        }
    });
}
