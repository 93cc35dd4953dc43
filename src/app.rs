//! The root component: owns the reducer and the worker, lays out the panels,
//! and turns user intents into worker requests.
use std::cell::RefCell;
use std::rc::Rc;

use seekscan_core::comparison::verdict;
use seekscan_core::protocol::{Config, Request, RowAgreement};
use yew::prelude::*;

use crate::components::copy_link::CopyLink;
use crate::components::dataset_panel::DatasetPanel;
use crate::components::index_panel::{IndexPanel, Slot};
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
            let channel = format!("seekscan-engine-{}-{}", js_sys::Math::random(), generation);
            let on_response = dispatcher.clone();
            let client = EngineClient::spawn(move |response| on_response.dispatch(Action::Worker(response)));
            let watch = DeathWatch::listen(&channel, move |message| dispatcher.dispatch(Action::WorkerDied(message)));
            client.send(Request::Watch { channel });
            client.send(Request::Load { seed, scale });
            *engine.borrow_mut() = Some((client, watch));
        });
    }

    // Keep the address bar in step with the experiment.
    use_effect_with(state.experiment.clone(), |experiment| url_sync::write(experiment));

    let run = {
        let state = state.clone();
        let engine = engine.clone();
        Callback::from(move |slots: Vec<Slot>| {
            if state.busy() {
                return;
            }
            let id = state.next_run_id;
            let configs = slots
                .iter()
                .map(|&slot| Config { label: slot.label().to_owned(), indexes: state.config(slot) })
                .collect();
            send(&engine, Request::Run { id, sql: state.editor.clone(), configs, repetitions: state.experiment.repetitions });
            state.dispatch(Action::RunSent { id, purpose: Purpose::Query(slots) });
        })
    };

    // A link with a query runs it as soon as the data is ready.
    {
        let run = run.clone();
        let has_query = state.experiment.sql.is_some() || state.experiment.pattern.is_some();
        let ready_for_first_run = state.status == EngineStatus::Ready && state.panes == [None, None] && state.run_error.is_none();
        use_effect_with((ready_for_first_run && has_query, state.dataset.as_ref().map(|d| (d.seed, d.scale))), move |(go, _)| {
            if *go {
                run.emit(vec![Slot::A, Slot::B]);
            }
        });
    }

    let on_run = {
        let run = run.clone();
        Callback::from(move |()| run.emit(vec![Slot::A, Slot::B]))
    };
    let on_edit = {
        let dispatcher = state.dispatcher();
        Callback::from(move |sql| dispatcher.dispatch(Action::EditSql(sql)))
    };
    let on_toggle = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(slot, index, visible)| dispatcher.dispatch(Action::Toggle { slot, index, visible }))
    };
    // Re-run only the configuration a toggle changed, once the state holds the change.
    {
        let run = run.clone();
        let has_result = state.panes.iter().any(Option::is_some);
        let (a, b) = (state.config(Slot::A), state.config(Slot::B));
        let previous = use_mut_ref(|| (a.clone(), b.clone()));
        use_effect_with((a, b), move |(a, b)| {
            let mut previous = previous.borrow_mut();
            let changed: Vec<Slot> = [(Slot::A, a != &previous.0), (Slot::B, b != &previous.1)]
                .into_iter()
                .filter_map(|(slot, changed)| changed.then_some(slot))
                .collect();
            *previous = (a.clone(), b.clone());
            if has_result && !changed.is_empty() {
                run.emit(changed);
            }
        });
    }
    let on_catalog = {
        let state = state.clone();
        let engine = engine.clone();
        Callback::from(move |sql: String| {
            if state.busy() {
                return;
            }
            let id = state.next_run_id;
            send(&engine, Request::Run { id, sql, configs: Vec::new(), repetitions: 1 });
            state.dispatch(Action::RunSent { id, purpose: Purpose::Catalog });
        })
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
        Callback::from(move |(name, value, sql)| dispatcher.dispatch(Action::SetParam { name, value, sql }))
    };
    let on_repetitions = {
        let dispatcher = state.dispatcher();
        Callback::from(move |n| dispatcher.dispatch(Action::SetRepetitions(n)))
    };

    let indexes = state.dataset.as_ref().map(|d| d.indexes.clone()).unwrap_or_default();
    let tables = state.dataset.iter().flat_map(|d| &d.tables).map(|t| t.name.clone()).collect::<Vec<_>>();
    let expected = state
        .experiment
        .pattern
        .as_deref()
        .and_then(seekscan_core::patterns::find)
        .map(|p| p.expected_improvement.to_string());
    let verdict = match &state.panes {
        [Some(a), Some(b)] => match (&a.result, &b.result) {
            (Ok(a), Ok(b)) => Some(verdict(a.timings.median_us, b.timings.median_us, expected.as_deref())),
            _ => None,
        },
        _ => None,
    };
    let plan_a = state.panes[0].as_ref().and_then(|p| p.result.as_ref().ok()).map(|r| r.outcome.plan.clone());
    let plan_b = state.panes[1].as_ref().and_then(|p| p.result.as_ref().ok()).map(|r| r.outcome.plan.clone());

    html! {
        <main class="app">
            <header>
                <h1>{ "seekscan" }</h1>
                <p class="tagline">{ "Upstream's Phase 3 indexes: two configurations, one dataset, plans side by side." }</p>
                <CopyLink />
                <StatusBadge status={state.status.clone()} />
            </header>
            <aside class="side">
                <DatasetPanel scale={state.experiment.scale} seed={state.experiment.seed}
                    status={state.status.clone()} dataset={state.dataset.clone()} {on_regenerate} />
                <IndexPanel {indexes} {tables} config_a={state.config(Slot::A)} config_b={state.config(Slot::B)}
                    {on_toggle} {on_catalog} form_error={state.form_error.clone().map(AttrValue::from)} />
            </aside>
            <section class="query-panel" aria-label="Query">
                <PatternPicker selected={state.experiment.pattern.clone()} params={state.experiment.params.clone()}
                    dataset={state.dataset.clone()} {on_pattern} {on_param} />
                <SqlEditor sql={state.editor.clone()} busy={state.busy()} repetitions={state.experiment.repetitions}
                    {on_edit} {on_run} {on_repetitions} />
                if let Some(message) = &state.run_error {
                    <p class="error" data-testid="error" role="alert">{ message }</p>
                }
                if let Some(message) = &state.notice {
                    <p class="notice" role="status">{ message }</p>
                }
            </section>
            <section class="results" aria-label="Results">
                <VerdictBar verdict={verdict} agreement={state.agreement.filter(|_| state.panes.iter().all(Option::is_some))} />
                <ResultPane slot="a" title="A" pane={state.panes[0].clone()} other={plan_b} />
                <ResultPane slot="b" title="B" pane={state.panes[1].clone()} other={plan_a} />
            </section>
        </main>
    }
}

/// Kept for the verdict bar's wording.
pub fn agreement_text(agreement: RowAgreement) -> &'static str {
    match agreement {
        RowAgreement::Identical => "A and B returned the same rows",
        RowAgreement::SameRowsOtherOrder => "A and B returned the same rows in a different order",
        RowAgreement::Different => "A and B returned different rows",
    }
}
