//! The root component: owns the reducer and the worker, and mounts the
//! layout the address bar asks for (the full page, or the compact embed).
//! `engine`: the worker and its requests; `handlers`: the callbacks the
//! panels use.
use yew::prelude::*;

use crate::components::embed_view::EmbedView;
use crate::components::workbench::Workbench;
use crate::components::workload_view::{use_workload_tasks, WorkloadView};
use crate::state::{AppState, EngineStatus};
use crate::{run_guard, url_sync};

pub mod engine;
pub mod handlers;

pub use crate::components::results_panel::describe;

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let (experiment, problem) = url_sync::read();
        AppState::new(experiment, problem).after_unfinished_run(run_guard::unfinished())
    });
    let engine = engine::use_engine(&state);
    // Keep the address bar in step with the experiment, and the tab's
    // session storage with the run in flight.
    use_effect_with(state.experiment.clone(), url_sync::write);
    use_effect_with(state.unfinished.clone(), |sql| {
        run_guard::remember(sql.as_deref())
    });
    engine::use_repeats(&state, &engine);
    use_workload_tasks(&state, &engine);
    let handlers = handlers::handlers(&state, &engine);

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
    let embed = use_memo((), |()| url_sync::embed_mode());
    if *embed {
        html! { <EmbedView state={state.clone()} {handlers} /> }
    } else {
        let on_stop = handlers.stop_workload.clone();
        html! { <><Workbench state={state.clone()} {handlers} /><WorkloadView state={state.clone()} {on_stop} /></> }
    }
}
