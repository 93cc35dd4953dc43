//! The root component: owns the reducer and the worker, lays out the panels.
use std::rc::Rc;

use seekscan_core::protocol::{Config, Pane, Request, RunKind};
use yew::prelude::*;

use crate::components::result_pane::ResultPane;
use crate::components::sql_editor::SqlEditor;
use crate::components::status_badge::StatusBadge;
use crate::state::{Action, AppState, EngineStatus};
use crate::worker_client::EngineClient;

pub const DEFAULT_SEED: u64 = 1;
pub const DEFAULT_SCALE: usize = 100_000;

#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::default);
    let client = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            let client = EngineClient::spawn(move |response| dispatcher.dispatch(Action::Worker(response)));
            client.send(Request::Load { seed: DEFAULT_SEED, scale: DEFAULT_SCALE });
            client
        })
    };

    let on_edit = {
        let dispatcher = state.dispatcher();
        Callback::from(move |sql| dispatcher.dispatch(Action::EditSql(sql)))
    };
    let on_run = {
        let state = state.clone();
        let client = Rc::clone(&client);
        Callback::from(move |()| {
            if state.status != EngineStatus::Ready {
                return;
            }
            let id = state.next_run_id;
            client.send(Request::Run {
                id,
                sql: state.sql.clone(),
                configs: vec![
                    Config { label: "A".to_owned(), indexes: state.config_a.clone() },
                    Config { label: "B".to_owned(), indexes: state.config_b.clone() },
                ],
                repetitions: state.repetitions,
            });
            state.dispatch(Action::RunSent(id));
        })
    };

    let (mut pane_a, mut pane_b, mut run_error, mut notice) = (None, None, None, None);
    match state.report.as_ref().map(|r| &r.kind) {
        Some(RunKind::Query { panes, .. }) => (pane_a, pane_b) = (pane(panes, 0), pane(panes, 1)),
        Some(RunKind::Failed { message }) => run_error = Some(message.clone()),
        Some(RunKind::Catalog { message, .. }) => notice = Some(message.clone()),
        None => {}
    }

    html! {
        <main class="app">
            <header>
                <h1>{ "seekscan" }</h1>
                <p class="tagline">{ "Query plans under two index configurations, side by side." }</p>
                <StatusBadge status={state.status.clone()} />
            </header>
            <section class="query-panel" aria-label="Query">
                <SqlEditor sql={state.sql.clone()} busy={state.status != EngineStatus::Ready} {on_edit} {on_run} />
                if let Some(message) = run_error {
                    <p class="error" data-testid="error" role="alert">{ message }</p>
                }
                if let Some(message) = notice {
                    <p class="notice" role="status">{ message }</p>
                }
            </section>
            <section class="results" aria-label="Results">
                <ResultPane slot="a" title="A" pane={pane_a} />
                <ResultPane slot="b" title="B" pane={pane_b} />
            </section>
        </main>
    }
}

fn pane(panes: &[Pane], at: usize) -> Option<Pane> {
    panes.get(at).cloned()
}
