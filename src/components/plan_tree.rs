use seekscan_core::explain::PlanNode;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanTreeProps {
    pub plan: PlanNode,
    /// The other configuration's plan; nodes that decide differently are highlighted.
    #[prop_or_default]
    pub other: Option<PlanNode>,
    /// Rows the storage handed out while the plan ran.
    #[prop_or_default]
    pub examined: Option<u64>,
    pub testid: AttrValue,
}

/// The plan as a tree: access path, index and seek key, index conditions,
/// the conditions the storage checks (on entries before the lookup, on rows
/// in the scan) vs GlueSQL's filter, sort, early stop, estimated vs actual
/// rows, rejected candidates.
#[component]
pub fn PlanTree(props: &PlanTreeProps) -> Html {
    html! {
        <div class="plan" data-testid={props.testid.clone()}>
            <ul class="plan-tree">{ node(&props.plan, props.other.as_ref()) }</ul>
            <p class="plan-summary">{ props.plan.summary(props.examined) }</p>
        </div>
    }
}

/// Conditions the storage checks on encoded rows: on every row of a full
/// scan, or on the rows an index seek looks up.
fn scan_filter_label(plan: &PlanNode) -> &'static str {
    match plan.index {
        None => "filter in scan",
        Some(_) => "filter on looked-up rows",
    }
}

fn node(plan: &PlanNode, other: Option<&PlanNode>) -> Html {
    let access = plan.table.as_ref().map(|table| {
        let path = match &plan.index {
            Some(index) => html! { <><span class="access">{ plan.access.clone().unwrap_or_default() }</span>{" "}<code class="index">{ index }</code></> },
            None => html! { <span class="access full-scan">{ "Full scan" }</span> },
        };
        html! { <>{ path }{ " on " }<code>{ table }</code></> }
    });
    let rows = match (plan.est_rows, plan.actual_rows) {
        (Some(est), Some(actual)) => format!("est {est:.0} · actual {actual}"),
        (Some(est), None) => format!("est {est:.0}"),
        (None, Some(actual)) => format!("actual {actual}"),
        (None, None) => String::new(),
    };
    html! {
        <li>
            <div class={classes!("plan-node", other.is_some_and(|o| plan.differs_from(o)).then_some("diff"))}>
                <span class="op">{ &plan.op }</span>
                { for access }
                if !rows.is_empty() { <span class="rows-estimate">{ rows }</span> }
            </div>
            <dl class="plan-details">
                if let Some(key) = &plan.seek_key { <dt>{ "seek" }</dt><dd><code>{ key }</code></dd> }
                if !plan.index_conditions.is_empty() { <dt>{ "index cond" }</dt><dd><code>{ plan.index_conditions.join(" AND ") }</code></dd> }
                if !plan.entry_filter.is_empty() { <dt>{ "index condition before lookup" }</dt><dd data-testid="entry-filter"><code>{ plan.entry_filter.join(" AND ") }</code></dd> }
                if !plan.scan_filter.is_empty() { <dt>{ scan_filter_label(plan) }</dt><dd data-testid="scan-filter"><code>{ plan.scan_filter.join(" AND ") }</code></dd> }
                if !plan.filter.is_empty() { <dt>{ "filter" }</dt><dd><code>{ plan.filter.join(" AND ") }</code></dd> }
                if plan.sort { <dt>{ "sort" }</dt><dd>{ "sorts its input" }</dd> }
                if plan.early_stop { <dt>{ "limit" }</dt><dd>{ "stops the scan early" }</dd> }
            </dl>
            if !plan.rejected.is_empty() {
                <details class="rejected">
                    <summary>{ format!("{} rejected", plan.rejected.len()) }</summary>
                    <ul>{ for plan.rejected.iter().map(|r| html! {
                        <li><code>{ r.index.clone().unwrap_or_else(|| "full scan".to_owned()) }</code>
                            { format!(" cost {:.0}: {}", r.cost, r.reason) }</li>
                    }) }</ul>
                </details>
            }
            if !plan.children.is_empty() {
                <ul>{ for plan.children.iter().map(|child| node(child, other)) }</ul>
            }
        </li>
    }
}
