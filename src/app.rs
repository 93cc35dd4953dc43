//! The root component: owns the reducer and the worker, lays out the panels,
//! and turns user intents into worker requests.
use std::cell::RefCell;
use std::rc::Rc;

use seekscan_core::catalog::IndexSet;
use seekscan_core::protocol::{Config, Request, Slot};
use yew::prelude::*;

use crate::components::copy_link::CopyLink;
use crate::components::dataset_panel::DatasetPanel;
use crate::components::index_panel::IndexPanel;
use crate::components::pattern_picker::PatternPicker;
use crate::components::result_pane::ResultPane;
use crate::components::sql_editor::SqlEditor;
use crate::components::status_badge::StatusBadge;
use crate::components::verdict_bar::VerdictBar;
use crate::state::{Action, AppState, EngineStatus, Purpose};
use crate::url_sync;
use crate::worker_client::EngineClient;
use crate::worker_health::DeathWatch;

/// The live worker and the watch on its death, replaced together.
type Engine = Rc<RefCell<Option<(EngineClient, Option<DeathWatch>)>>>;

fn send(engine: &Engine, request: Request) {
    if let Some((client, _)) = engine.borrow().as_ref() {
        client.send(request);
    }
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

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let (experiment, problem) = url_sync::read();
        AppState::new(experiment, problem)
    });
    let engine: Engine = use_mut_ref(|| None);

    // Spawn (and after a crash, respawn) the worker, then load the dataset.
    {
        let dispatcher = state.dispatcher();
        let engine = engine.clone();
        let (scale, seed) = (state.experiment.scale, state.experiment.seed);
        use_effect_with(state.worker_generation, move |generation| {
            let channel = format!("seekscan-engine-{}-{generation}", js_sys::Math::random());
            let on_response = dispatcher.clone();
            let client =
                EngineClient::spawn(move |response| on_response.dispatch(Action::Worker(response)));
            let watch = DeathWatch::listen(&channel, move |message| {
                dispatcher.dispatch(Action::WorkerDied(message))
            });
            client.send(Request::Watch { channel });
            client.send(Request::Load { seed, scale });
            *engine.borrow_mut() = Some((client, watch));
        });
    }

    // Keep the address bar in step with the experiment.
    use_effect_with(state.experiment.clone(), url_sync::write);

    // Runs `sql` on the given configurations (each with its visible indexes).
    let run_on = {
        let state = state.clone();
        let engine = engine.clone();
        Callback::from(move |(sql, configs): (String, Vec<Config>)| {
            if state.busy() {
                return;
            }
            let id = state.next_run_id;
            let slots = configs.iter().map(|c| c.slot).collect();
            send(
                &engine,
                Request::Run {
                    id,
                    sql,
                    repetitions: state.experiment.repetitions,
                    configs,
                },
            );
            state.dispatch(Action::RunSent {
                id,
                purpose: Purpose::Query(slots),
            });
        })
    };
    let run = {
        let state = state.clone();
        let run_on = run_on.clone();
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

    // A link with a query runs it once, as soon as the data is ready.
    {
        let run = run.clone();
        let go = state.autorun && state.status == EngineStatus::Ready;
        use_effect_with(go, move |go| {
            if *go {
                run.emit(());
            }
        });
    }

    // A toggle changes one configuration and re-runs the query the panes
    // show on that configuration only; the data is not rebuilt.
    let on_toggle = {
        let state = state.clone();
        let run_on = run_on.clone();
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
        let state = state.clone();
        let engine = engine.clone();
        Callback::from(move |sql: String| {
            if state.busy() {
                return;
            }
            let id = state.next_run_id;
            send(
                &engine,
                Request::Run {
                    id,
                    sql,
                    repetitions: 1,
                    configs: Vec::new(),
                },
            );
            state.dispatch(Action::RunSent {
                id,
                purpose: Purpose::Catalog,
            });
        })
    };
    let on_edit = {
        let dispatcher = state.dispatcher();
        Callback::from(move |sql| dispatcher.dispatch(Action::EditSql(sql)))
    };
    let on_regenerate = {
        let state = state.clone();
        let engine = engine.clone();
        Callback::from(move |(scale, seed): (usize, u64)| {
            send(&engine, Request::Load { seed, scale });
            state.dispatch(Action::Regenerate { scale, seed });
        })
    };
    let on_pattern = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(id, sql)| dispatcher.dispatch(Action::ChoosePattern { id, sql }))
    };
    let on_param = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(name, value, sql)| {
            dispatcher.dispatch(Action::SetParam { name, value, sql })
        })
    };
    let on_repetitions = {
        let dispatcher = state.dispatcher();
        Callback::from(move |n| dispatcher.dispatch(Action::SetRepetitions(n)))
    };

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
                    status={state.status.clone()} dataset={state.dataset.clone()} {on_regenerate} />
                <IndexPanel indexes={state.indexes().to_vec()} {tables} config_a={config_a.clone()}
                    config_b={config_b.clone()} busy={state.busy()} {on_toggle} {on_catalog}
                    form_error={state.form_error.clone().map(AttrValue::from)} />
            </aside>
            <section class="query-panel" aria-label="Query">
                <PatternPicker selected={state.experiment.pattern.clone()} params={state.experiment.params.clone()}
                    dataset={state.dataset.clone()} {on_pattern} {on_param} />
                <SqlEditor sql={state.editor.clone()} busy={state.busy()} repetitions={state.experiment.repetitions}
                    on_run={run} {on_edit} {on_repetitions} />
                if let Some(problem) = &state.link_problem {
                    <p class="notice" role="status">{ problem }</p>
                }
                if let Some(message) = &state.notice {
                    <p class="notice" role="status">{ message }</p>
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
