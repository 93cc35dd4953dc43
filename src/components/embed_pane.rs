use seekscan_core::explain::PlanNode;
use seekscan_core::protocol::Slot;
use yew::prelude::*;

use crate::components::plan_tree::PlanTree;
use crate::components::result_pane::{fmt_us, runs_text};
use seekscan_core::repeats::PaneRepeats;

#[derive(Properties, PartialEq)]
pub struct EmbedPaneProps {
    pub slot: Slot,
    pub config: AttrValue,
    pub pane: Option<PaneRepeats>,
    #[prop_or_default]
    pub other: Option<PlanNode>,
}

/// One configuration in the embed: its plan and one line of timing, no rows.
#[component]
pub fn EmbedPane(props: &EmbedPaneProps) -> Html {
    let slot = props.slot.lower();
    let body = match props.pane.as_ref().map(|p| (p, &p.pane.result)) {
        None => html! { <p class="hint">{ "Run to see this plan." }</p> },
        Some((_, Err(message))) => html! { <p class="error" data-testid="error">{ message }</p> },
        Some((pane, Ok(result))) => {
            let stats = &result.outcome.stats;
            html! {
                <>
                    <PlanTree plan={result.outcome.plan.clone()} other={props.other.clone()}
                        examined={stats.rows_examined} testid={format!("plan-{slot}")} />
                    <p class="timing" data-testid={format!("timing-{slot}")}>
                        { format!("median {} · p95 {} over {} · {} rows examined · {} returned",
                            fmt_us(result.timings.median_us), fmt_us(result.timings.p95_us), runs_text(pane),
                            stats.rows_examined, stats.rows_returned) }
                    </p>
                </>
            }
        }
    };
    let run = props.pane.as_ref().map_or(0, |p| p.run);
    html! {
        <section class="pane" data-testid={format!("pane-{slot}")} data-run={run.to_string()}
            aria-label={format!("Configuration {}", props.slot.label())}>
            <h2><span class="slot">{ props.slot.label() }</span>{ " " }<span class="muted">{ props.config.clone() }</span></h2>
            { body }
        </section>
    }
}
