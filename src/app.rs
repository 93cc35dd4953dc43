//! The root component: owns the reducer and the worker, lays out the panels,
//! and turns user intents into worker requests.
use std::cell::RefCell;
use std::rc::Rc;

use seekscan_core::protocol::Request;
use yew::prelude::*;

use crate::components::copy_link::CopyLink;
use crate::components::dataset_panel::DatasetPanel;
use crate::components::pattern_picker::PatternPicker;
use crate::components::result_pane::ResultPane;
use crate::components::sql_editor::SqlEditor;
use crate::components::status_badge::StatusBadge;
use crate::state::{Action, AppState, EngineStatus};
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

    let run = {
        let state = state.clone();
        let engine = engine.clone();
        Callback::from(move |()| {
            if state.busy() {
                return;
            }
            let id = state.next_run_id;
            send(
                &engine,
                Request::Run {
                    id,
                    sql: state.editor.clone(),
                    repetitions: state.experiment.repetitions,
                },
            );
            state.dispatch(Action::RunSent(id));
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

    html! {
        <main class="app">
            <header>
                <h1>{ "seekscan" }</h1>
                <p class="tagline">{ "Query plans over Upstream's multi-tenant schema, measured in your browser." }</p>
                <CopyLink />
                <StatusBadge status={state.status.clone()} />
            </header>
            <aside class="side">
                <DatasetPanel scale={state.experiment.scale} seed={state.experiment.seed}
                    status={state.status.clone()} dataset={state.dataset.clone()} {on_regenerate} />
            </aside>
            <section class="query-panel" aria-label="Query">
                <PatternPicker selected={state.experiment.pattern.clone()} params={state.experiment.params.clone()}
                    dataset={state.dataset.clone()} {on_pattern} {on_param} />
                <SqlEditor sql={state.editor.clone()} busy={state.busy()} repetitions={state.experiment.repetitions}
                    on_run={run} {on_edit} {on_repetitions} />
                if let Some(problem) = &state.link_problem {
                    <p class="notice" role="status">{ problem }</p>
                }
            </section>
            <section class="results" aria-label="Results">
                <ResultPane slot="a" title="Result" result={state.result.clone()} run={state.result_run} />
            </section>
        </main>
    }
}
