//! The root component: owns the reducer and the worker, lays out the panels,
//! and turns user intents into worker requests.
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use seekscan_core::catalog::IndexSet;
use seekscan_core::protocol::{Config, Request, Slot};
use yew::prelude::*;

use crate::components::copy_link::CopyLink;
use crate::components::dataset_panel::DatasetPanel;
use crate::components::index_panel::IndexPanel;
use crate::components::pattern_picker::PatternPicker;
use crate::components::result_pane::ResultPane;
use crate::components::run_controls::RunControls;
use crate::components::sql_editor::SqlEditor;
use crate::components::status_badge::StatusBadge;
use crate::components::verdict_bar::VerdictBar;
use crate::state::{Action, AppState, EngineStatus, Purpose};
use crate::worker_client::EngineClient;
use crate::worker_health::DeathWatch;
use crate::{run_guard, url_sync};

/// The live worker and the watch on its death, replaced together.
type Engine = Rc<RefCell<Option<(EngineClient, Option<DeathWatch>)>>>;

fn send(engine: &Engine, request: Request) {
    if let Some((client, _)) = engine.borrow().as_ref() {
        client.send(request);
    }
}

/// How long a worker's `error` event waits for its own report (the panic
/// hook's message, or "ran out of memory"), which says more, to arrive first.
const REPORT_GRACE: Duration = Duration::from_millis(300);

/// Sends `sql` as run `state.next_run_id` and records what it is for.
fn send_run(
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

/// A configuration in a few words, for its pane's heading.
pub fn describe(names: &[String]) -> String {
    match names.len() {
        0 => "before: no secondary indexes".to_owned(),
        _ if IndexSet::of(names) == IndexSet::phase3() => "after: the 9 Phase 3 indexes".to_owned(),
        1 => format!("only {}", names[0]),
        n => format!("{n} indexes"),
    }
}

/// Spawns (and after a death, respawns) the worker, then loads the dataset.
/// A death is reported by the worker's panic hook or allocator on a
/// BroadcastChannel, or by the Worker's `error` event after any other trap.
#[hook]
fn use_engine(state: &UseReducerHandle<AppState>) -> Engine {
    let engine: Engine = use_mut_ref(|| None);
    let dispatcher = state.dispatcher();
    let spawned = engine.clone();
    let (scale, seed) = (state.experiment.scale, state.experiment.seed);
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
        client.send(Request::Load { seed, scale });
        *spawned.borrow_mut() = Some((client, watch));
    });
    engine
}

/// Asks the worker for the next batch of repetitions whenever there is one
/// to ask for (see `repeats`): after each first answer and each batch.
#[hook]
fn use_repeats(state: &UseReducerHandle<AppState>, engine: &Engine) {
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

/// What the panels ask the engine for.
struct Handlers {
    run: Callback<()>,
    on_toggle: Callback<(Slot, String, bool)>,
    on_catalog: Callback<String>,
    on_regenerate: Callback<(usize, u64)>,
}

fn handlers(state: &UseReducerHandle<AppState>, engine: &Engine) -> Handlers {
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
            send(&engine, Request::Load { seed, scale });
            state.dispatch(Action::Regenerate { scale, seed });
        })
    };
    Handlers {
        run,
        on_toggle,
        on_catalog,
        on_regenerate,
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let (experiment, problem) = url_sync::read();
        AppState::new(experiment, problem).after_unfinished_run(run_guard::unfinished())
    });
    let engine = use_engine(&state);
    // Keep the address bar in step with the experiment, and the tab's
    // session storage with the run in flight.
    use_effect_with(state.experiment.clone(), url_sync::write);
    use_effect_with(state.unfinished.clone(), |sql| {
        run_guard::remember(sql.as_deref())
    });
    use_repeats(&state, &engine);
    let handlers = handlers(&state, &engine);

    // A link with a query runs it once, as soon as the data is ready.
    {
        let run = handlers.run.clone();
        let go = state.autorun && state.status == EngineStatus::Ready;
        use_effect_with(go, move |go| {
            if *go {
                run.emit(());
            }
        });
    }
    view(&state, handlers)
}

/// A callback that dispatches the action made of its value.
fn dispatch<T: 'static>(
    state: &UseReducerHandle<AppState>,
    to_action: fn(T) -> Action,
) -> Callback<T> {
    let dispatcher = state.dispatcher();
    Callback::from(move |value| dispatcher.dispatch(to_action(value)))
}

fn view(state: &UseReducerHandle<AppState>, handlers: Handlers) -> Html {
    let Handlers {
        run,
        on_toggle,
        on_catalog,
        on_regenerate,
    } = handlers;
    let on_edit = dispatch(state, Action::EditSql);
    let on_pattern = dispatch(state, |(id, sql)| Action::ChoosePattern { id, sql });
    let on_param = dispatch(state, |(name, value, sql)| Action::SetParam {
        name,
        value,
        sql,
    });
    let on_repetitions = dispatch(state, Action::SetRepetitions);
    let on_budget = dispatch(state, Action::SetBudget);
    let on_stop = dispatch(state, |()| Action::Stop);
    let tables: Vec<String> = state
        .dataset
        .iter()
        .flat_map(|d| &d.tables)
        .map(|t| t.name.clone())
        .collect();
    let plan = |slot: Slot| {
        let result = state.pane(slot)?.pane.result.as_ref().ok()?;
        Some(result.outcome.plan.clone())
    };
    let running = |slot: Slot| matches!(&state.pending, Some((_, Purpose::Query(slots))) if slots.contains(&slot));
    let (config_a, config_b) = (state.config(Slot::A), state.config(Slot::B));

    html! {
        <main class="app">
            <header>
                <h1>{ "seekscan" }</h1>
                <p class="tagline">{ "Upstream's Phase 3 indexes: one dataset, two index configurations, plans side by side." }</p>
                <CopyLink />
                <StatusBadge status={state.status.clone()} />
            </header>
            <aside class="side">
                <DatasetPanel scale={state.experiment.scale} seed={state.experiment.seed}
                    status={state.status.clone()} dataset={state.dataset.clone()} worker_memory={state.worker_memory}
                    {on_regenerate} />
                <IndexPanel indexes={state.indexes().to_vec()} {tables} config_a={config_a.clone()}
                    config_b={config_b.clone()} busy={state.busy()} {on_toggle} {on_catalog}
                    form_error={state.form_error.clone().map(AttrValue::from)} />
            </aside>
            <section class="query-panel" aria-label="Query">
                <PatternPicker selected={state.experiment.pattern.clone()} params={state.experiment.params.clone()}
                    dataset={state.dataset.clone()} {on_pattern} {on_param} />
                <SqlEditor sql={state.editor.clone()} on_run={run.clone()} {on_edit} />
                <RunControls busy={state.busy()} running={state.running()} repetitions={state.experiment.repetitions}
                    budget_ms={state.experiment.budget_ms} on_run={run} {on_stop} {on_repetitions} {on_budget} />
                if let Some(problem) = &state.link_problem {
                    <p class="notice" data-testid="link-problem" role="status">{ problem }</p>
                }
                if let Some(message) = &state.notice {
                    <p class="notice" data-testid="notice" role="status">{ message }</p>
                }
                if let Some(message) = &state.run_error {
                    <p class="error" data-testid="error" role="alert">{ message }</p>
                }
            </section>
            <section class="results" aria-label="Results">
                <VerdictBar comparison={state.comparison()} />
                <div class="panes">
                    <ResultPane slot={Slot::A} config={describe(&config_a)} pane={state.pane(Slot::A).cloned()}
                        other={plan(Slot::B)} running={running(Slot::A)} />
                    <ResultPane slot={Slot::B} config={describe(&config_b)} pane={state.pane(Slot::B).cloned()}
                        other={plan(Slot::A)} running={running(Slot::B)} />
                </div>
            </section>
        </main>
    }
}
