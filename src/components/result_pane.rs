use seekscan_core::protocol::RunKind;
use yew::prelude::*;

use crate::components::distribution_strip::DistributionStrip;
use crate::components::plan_tree::PlanTree;
use crate::components::rows_table::RowsTable;

#[derive(Properties, PartialEq)]
pub struct ResultPaneProps {
    /// "a" or "b": names the pane's test hooks.
    pub slot: AttrValue,
    pub title: AttrValue,
    pub result: Option<RunKind>,
    /// The run this result answers; tests wait for it to change.
    pub run: u64,
}

/// One run's answer: plan, timing, rows, or the error.
#[component]
pub fn ResultPane(props: &ResultPaneProps) -> Html {
    let slot = &props.slot;
    let body = match &props.result {
        None => html! { <p class="hint">{ "Run a query to see its plan, timing and rows." }</p> },
        Some(RunKind::Failed { message }) => html! {
            <p class="error" data-testid="error" role="alert">{ message }</p>
        },
        Some(RunKind::Query(result)) => {
            let stats = &result.outcome.stats;
            let timings = &result.timings;
            html! {
                <>
                    <PlanTree plan={result.outcome.plan.clone()} testid={format!("plan-{slot}")} />
                    <div class="timing" data-testid={format!("timing-{slot}")}>
                        <span>{ format!("median {} · p95 {} over {} runs", fmt_us(timings.median_us), fmt_us(timings.p95_us), timings.samples_us.len()) }</span>
                        <span>{ format!("{} rows examined · {} returned", stats.rows_examined, stats.rows_returned) }</span>
                        <DistributionStrip samples={timings.samples_us.clone()} />
                    </div>
                    <RowsTable columns={result.outcome.columns.clone()} rows={result.outcome.rows.clone()} testid={format!("rows-{slot}")} />
                </>
            }
        }
    };
    html! {
        <section class="pane" data-testid={format!("pane-{slot}")} data-run={props.run.to_string()} aria-label={props.title.clone()}>
            <h2>{ props.title.clone() }</h2>
            { body }
        </section>
    }
}

/// Microseconds as the unit a person reads fastest.
pub fn fmt_us(us: f64) -> String {
    if us >= 1_000_000.0 {
        format!("{:.2} s", us / 1_000_000.0)
    } else if us >= 1_000.0 {
        format!("{:.2} ms", us / 1_000.0)
    } else {
        format!("{us:.0} µs")
    }
}
