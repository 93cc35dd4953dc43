use seekscan_core::catalog::IndexSet;
use seekscan_core::explain::PlanNode;
use seekscan_core::protocol::Slot;
use yew::prelude::*;

use crate::components::engine_agreement::EngineAgreement;
use crate::components::markdown_preview::{markdown_of, MarkdownPreview};
use crate::components::result_pane::ResultPane;
use crate::components::verdict_bar::VerdictBar;
use crate::state::{AppState, Purpose};

#[derive(Properties, PartialEq)]
pub struct ResultsPanelProps {
    pub state: UseReducerHandle<AppState>,
}

/// The verdict, then panes A and B side by side.
#[component]
pub fn ResultsPanel(props: &ResultsPanelProps) -> Html {
    let state = &props.state;
    html! {
        <section class="results" aria-label="Results">
            <VerdictBar comparison={state.comparison()} />
            <EngineAgreement pattern={state.experiment.pattern.clone().filter(|_| state.experiment.sql.is_none())}
                seed={state.experiment.seed} scale={state.experiment.scale}
                tenant_id={state.experiment.params.get("tenant").cloned()} />
            <div class="panes">
                { for Slot::BOTH.map(|slot| pane(state, slot)) }
            </div>
            <MarkdownPreview markdown={markdown_of(state)} />
        </section>
    }
}

/// One configuration's pane, with the other's plan to highlight against.
pub fn pane(state: &AppState, slot: Slot) -> Html {
    let other = match slot {
        Slot::A => Slot::B,
        Slot::B => Slot::A,
    };
    html! {
        <ResultPane {slot} config={describe(&state.config(slot))} pane={state.pane(slot).cloned()}
            other={plan(state, other)} running={running(state, slot)} />
    }
}

fn plan(state: &AppState, slot: Slot) -> Option<PlanNode> {
    let result = state.pane(slot)?.pane.result.as_ref().ok()?;
    Some(result.outcome.plan.clone())
}

fn running(state: &AppState, slot: Slot) -> bool {
    matches!(&state.pending, Some((_, Purpose::Query(slots))) if slots.contains(&slot))
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
