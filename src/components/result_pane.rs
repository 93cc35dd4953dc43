use seekscan_core::bench::Ending;
use seekscan_core::experiment::seconds;
use seekscan_core::explain::PlanNode;
use seekscan_core::protocol::Slot;
use yew::prelude::*;

use crate::components::distribution_strip::DistributionStrip;
use crate::components::earlier_statements::EarlierStatements;
use crate::components::plan_text::PlanText;
use crate::components::plan_tree::PlanTree;
use crate::components::rows_table::RowsTable;
use seekscan_core::repeats::PaneRepeats;

#[derive(Properties, PartialEq)]
pub struct ResultPaneProps {
    pub slot: Slot,
    /// What the configuration lets the planner use, in a few words.
    pub config: AttrValue,
    pub pane: Option<PaneRepeats>,
    /// The other configuration's plan: what differs is highlighted.
    #[prop_or_default]
    pub other: Option<PlanNode>,
    /// This configuration is being re-run; the result shown is the previous one.
    #[prop_or_default]
    pub running: bool,
}

/// One configuration's answer: plan, timing, rows, or its error.
#[component]
pub fn ResultPane(props: &ResultPaneProps) -> Html {
    let slot = props.slot.lower();
    let body = match props.pane.as_ref().map(|p| (p, &p.pane.result)) {
        None => html! { <p class="hint">{ "Run a query to see this configuration's plan." }</p> },
        Some((_, Err(message))) => html! {
            <p class="error" data-testid="error" role="alert">{ message }</p>
        },
        Some((pane, Ok(result))) => {
            let stats = &result.outcome.stats;
            let timings = &result.timings;
            let note = repeat_note(pane);
            html! {
                <>
                    <PlanTree plan={result.outcome.plan.clone()} other={props.other.clone()}
                        examined={stats.rows_examined} testid={format!("plan-{slot}")} />
                    <PlanText slot={props.slot} plan={result.outcome.plan.clone()} median_us={timings.median_us} />
                    <EarlierStatements statements={result.outcome.earlier.clone()} />
                    <div class="timing" data-testid={format!("timing-{slot}")}>
                        <span class="median">{ format!("median {}", fmt_us(timings.median_us)) }</span>
                        <span>{ format!("p95 {} over {}", fmt_us(timings.p95_us), runs_text(pane)) }</span>
                        if let Some(note) = note {
                            <span class="repeat-note" data-testid={format!("repeat-{slot}")}>{ note }</span>
                        }
                        <DistributionStrip samples={timings.samples_us.clone()} />
                        <span>{ format!("{} rows examined · {} returned", stats.rows_examined, stats.rows_returned) }</span>
                    </div>
                    <RowsTable columns={result.outcome.columns.clone()} rows={result.outcome.rows.clone()}
                        total={stats.rows_returned as usize} testid={format!("rows-{slot}")} />
                </>
            }
        }
    };
    let run = props.pane.as_ref().map_or(0, |p| p.run);
    let busy = props.running || props.pane.as_ref().is_some_and(PaneRepeats::measuring);
    html! {
        <section class={classes!("pane", props.running.then_some("running"))} data-testid={format!("pane-{slot}")}
            data-run={run.to_string()} aria-label={format!("Configuration {}", props.slot.label())} aria-busy={busy.to_string()}>
            <h2><span class="slot">{ props.slot.label() }</span>{ " " }<span class="muted">{ props.config.clone() }</span></h2>
            { body }
        </section>
    }
}

/// "5 runs" once every run asked for was measured, else "7 of 20 runs".
pub fn runs_text(pane: &PaneRepeats) -> String {
    let done = pane
        .pane
        .result
        .as_ref()
        .map_or(0, |r| r.timings.samples_us.len());
    match (&pane.ending, done) {
        (Some(Ending::Complete), 1) => "1 run".to_owned(),
        (Some(Ending::Complete), n) => format!("{n} runs"),
        (_, n) => format!("{n} of {} runs", pane.plan.wanted),
    }
}

/// How the repetitions stand, unless they all ran.
fn repeat_note(pane: &PaneRepeats) -> Option<String> {
    match &pane.ending {
        None => Some("measuring…".to_owned()),
        Some(Ending::Complete) => None,
        Some(Ending::Stopped) => Some("stopped".to_owned()),
        Some(Ending::OverBudget) => Some(format!(
            "time budget of {} s reached",
            seconds(pane.plan.budget_ms)
        )),
        Some(Ending::Failed(message)) => Some(format!("a repetition failed: {message}")),
    }
}

/// Microseconds as the unit a person reads fastest.
pub use seekscan_core::units::micros as fmt_us;
