use yew::prelude::*;

use crate::app::handlers::Handlers;
use crate::components::copy_link::CopyLink;
use crate::components::index_costs::IndexCosts;
use crate::components::index_usage::IndexUsagePanel;
use crate::components::query_panel::QueryPanel;
use crate::components::results_panel::ResultsPanel;
use crate::components::side_panel::SidePanel;
use crate::components::status_badge::StatusBadge;
use crate::state::AppState;

#[derive(Properties, PartialEq)]
pub struct WorkbenchProps {
    pub state: UseReducerHandle<AppState>,
    pub handlers: Handlers,
}

/// The full page: dataset and indexes at the side, the query, then A and B.
#[component]
pub fn Workbench(props: &WorkbenchProps) -> Html {
    let WorkbenchProps { state, handlers } = props;
    html! {
        <main class="app">
            <header>
                <h1>{ "seekscan" }</h1>
                <p class="tagline">{ "Upstream's Phase 3 indexes: one dataset, two index configurations, plans side by side." }</p>
                <CopyLink />
                <StatusBadge status={state.status.clone()} />
            </header>
            <SidePanel state={state.clone()} handlers={handlers.clone()} />
            <QueryPanel state={state.clone()} handlers={handlers.clone()} />
            <ResultsPanel state={state.clone()} />
            <IndexCosts state={state.clone()} handlers={handlers.clone()} />
            <IndexUsagePanel state={state.clone()} handlers={handlers.clone()} />
        </main>
    }
}
