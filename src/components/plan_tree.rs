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

/// The plan as a tree: access path, index and seek key, index conditions vs
/// filter, sort, early stop, estimated vs actual rows, rejected candidates.
#[component]
pub fn PlanTree(props: &PlanTreeProps) -> Html {
    html! {
        <div class="plan" data-testid={props.testid.clone()}>
            <ul class="plan-tree">{ node(&props.plan, props.other.as_ref()) }</ul>
            <p class="plan-summary">{ summary(&props.plan, props.examined) }</p>
        </div>
    }
}

/// One line a reader compares across panes: sort or not, early stop, rows examined.
pub fn summary(plan: &PlanNode, examined: Option<u64>) -> String {
    let (mut sorts, mut limit, mut stops) = (false, false, false);
    let mut stack = vec![plan];
    while let Some(node) = stack.pop() {
        sorts |= node.sort;
        limit |= node.op == "Limit";
        stops |= node.op == "Limit" && node.early_stop;
        stack.extend(&node.children);
    }
    let mut parts = vec![if sorts { "sorts" } else { "no sort" }];
    if limit {
        parts.push(if stops {
            "LIMIT stops the scan early"
        } else {
            "LIMIT applies after the whole scan"
        });
    }
    let mut text = parts.join(" · ");
    if let Some(examined) = examined {
        text.push_str(&format!(" · {examined} rows examined"));
    }
    text
}

/// The node in `other` that plays the same part as `plan`: the same
/// operator (on the same table). Plans differ in shape (a sort only one of
/// them needs), so position alone would pair the wrong nodes.
fn counterpart<'a>(plan: &PlanNode, other: &'a PlanNode) -> Option<&'a PlanNode> {
    let mut stack = vec![other];
    while let Some(node) = stack.pop() {
        if node.op == plan.op && node.table == plan.table {
            return Some(node);
        }
        stack.extend(node.children.iter().rev());
    }
    None
}

/// Whether a node has no counterpart in the other plan or decides differently.
pub fn differs(plan: &PlanNode, other: Option<&PlanNode>) -> bool {
    other.is_some_and(|other| match counterpart(plan, other) {
        None => true,
        Some(twin) => {
            plan.index != twin.index
                || plan.access != twin.access
                || plan.seek_key != twin.seek_key
                || plan.filter != twin.filter
                || plan.sort != twin.sort
                || plan.early_stop != twin.early_stop
        }
    })
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
            <div class={classes!("plan-node", differs(plan, other).then_some("diff"))}>
                <span class="op">{ &plan.op }</span>
                { for access }
                if !rows.is_empty() { <span class="rows-estimate">{ rows }</span> }
            </div>
            <dl class="plan-details">
                if let Some(key) = &plan.seek_key { <dt>{ "seek" }</dt><dd><code>{ key }</code></dd> }
                if !plan.index_conditions.is_empty() { <dt>{ "index cond" }</dt><dd><code>{ plan.index_conditions.join(" AND ") }</code></dd> }
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
