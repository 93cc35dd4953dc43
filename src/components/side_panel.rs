use yew::prelude::*;

use crate::app::handlers::Handlers;
use crate::components::dataset_panel::DatasetPanel;
use crate::components::index_panel::IndexPanel;
use crate::components::planner_picker::PlannerPicker;
use crate::state::AppState;
use seekscan_core::protocol::Slot;

#[derive(Properties, PartialEq)]
pub struct SidePanelProps {
    pub state: UseReducerHandle<AppState>,
    pub handlers: Handlers,
}

/// The dataset (scale, seed, memory), the model that plans, and the
/// indexes with their A/B toggles.
#[component]
pub fn SidePanel(props: &SidePanelProps) -> Html {
    let SidePanelProps { state, handlers } = props;
    let tables: Vec<String> = state
        .dataset
        .iter()
        .flat_map(|d| &d.tables)
        .map(|t| t.name.clone())
        .collect();
    html! {
        <aside class="side">
            <DatasetPanel scale={state.experiment.scale} seed={state.experiment.seed}
                status={state.status.clone()} dataset={state.dataset.clone()} worker_memory={state.worker_memory}
                background={state.background.clone()}
                on_regenerate={handlers.on_regenerate.clone()} />
            <PlannerPicker choice={state.experiment.planner} busy={state.busy()}
                on_change={handlers.on_planner.clone()} />
            <IndexPanel indexes={state.indexes().to_vec()} {tables}
                building={state.dataset.as_ref().map(|d| d.pending_indexes.clone()).unwrap_or_default()} config_a={state.config(Slot::A)}
                config_b={state.config(Slot::B)} busy={state.busy()} on_toggle={handlers.on_toggle.clone()}
                on_catalog={handlers.on_catalog.clone()}
                form_error={state.form_error.clone().map(AttrValue::from)} />
        </aside>
    }
}
