use seekscan_core::explain::PlanNode;
use seekscan_core::export::PlanFormat;
use seekscan_core::protocol::Slot;
use yew::prelude::*;

use crate::components::markdown_preview::copy_text;

#[derive(Properties, PartialEq)]
pub struct PlanTextProps {
    pub slot: Slot,
    pub plan: PlanNode,
    /// The pane's median, PostgreSQL's "Execution Time".
    pub median_us: f64,
}

/// One pane's plan as text in a chosen format (our tree, PostgreSQL's
/// EXPLAIN JSON for plan viewers, SQLite's EXPLAIN QUERY PLAN), with
/// buttons that copy the PostgreSQL and SQLite texts.
#[component]
pub fn PlanText(props: &PlanTextProps) -> Html {
    let format = use_state(|| PlanFormat::Tree);
    let feedback = use_state(|| None::<String>);
    let slot = props.slot.lower();
    let onchange = {
        let format = format.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if let Ok(chosen) = PlanFormat::parse(&select.value()) {
                format.set(chosen);
            }
        })
    };
    let text = |f: PlanFormat| {
        f.render(&props.plan, Some(props.median_us))
            .unwrap_or_else(|why| why)
    };
    let copy = |f: PlanFormat, done: &'static str| {
        let (body, feedback) = (text(f), feedback.clone());
        Callback::from(move |_| copy_text(body.clone(), done, feedback.clone()))
    };
    html! {
        <div class="plan-text">
            <div class="export-actions">
                <label>{ "Plan as " }
                    <select data-testid={format!("plan-format-{slot}")} {onchange}>
                        { for PlanFormat::ALL.iter().map(|f| html! {
                            <option value={f.id()} selected={*f == *format}>{ f.label() }</option>
                        }) }
                    </select>
                </label>
                <button data-testid={format!("copy-plan-pg-json-{slot}")} onclick={copy(PlanFormat::PgJson, "PostgreSQL JSON copied")}
                    title="EXPLAIN (ANALYZE, FORMAT JSON), for PEV2 (explain.dalibo.com)">{ "Copy plan as PostgreSQL JSON" }</button>
                <button data-testid={format!("copy-plan-sqlite-{slot}")} onclick={copy(PlanFormat::SqliteEqp, "SQLite plan copied")}
                    title="SQLite's EXPLAIN QUERY PLAN">{ "Copy plan as SQLite" }</button>
                if let Some(done) = &*feedback { <span class="muted" role="status">{ done }</span> }
            </div>
            <pre class="export-text" data-testid={format!("plan-text-{slot}")}>{ text(*format) }</pre>
        </div>
    }
}
