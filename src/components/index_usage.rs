use seekscan_core::catalog::IndexSet;
use seekscan_core::protocol::{Request, Slot};
use seekscan_core::units::thousands;
use yew::prelude::*;

use crate::app::handlers::Handlers;
use crate::state::{AppState, EngineStatus};

#[derive(Properties, PartialEq)]
pub struct IndexUsageProps {
    pub state: UseReducerHandle<AppState>,
    pub handlers: Handlers,
}

/// Index usage like PostgreSQL's `pg_stat_user_indexes`, counted by the
/// storage over every read since the load or the last reset; an index B
/// can see that nothing has scanned is a candidate to drop. The counters
/// are asked for again whenever the worker falls idle: after a run and its
/// repetitions, and after the workload or the chart (whose tasks travel on
/// their own, so the page's run state alone would not show them end). The
/// worker answers in order, so the counts include the last task's reads.
#[component]
pub fn IndexUsagePanel(props: &IndexUsageProps) -> Html {
    let state = &props.state;
    let on_request = props.handlers.on_request.clone();
    let idle = state.status == EngineStatus::Ready
        && state.pending.is_none()
        && !state.repeats.asking()
        && !state.workload.measuring();
    {
        let on_request = on_request.clone();
        use_effect_with(idle, move |idle| {
            if *idle {
                on_request.emit(Request::Usage);
            }
        });
    }
    let ask = |request: Request| {
        let on_request = on_request.clone();
        Callback::from(move |_: MouseEvent| on_request.emit(request.clone()))
    };
    let visible_b = IndexSet::of(state.config(Slot::B));
    let Some(usage) = &state.costs.usage else {
        return html! {};
    };
    let unused = usage.unused_among(&visible_b);
    html! {
        <section class="index-usage" aria-label="Index usage" data-testid="index-usage">
            <h2>{ "Index usage since load" }</h2>
            <p class="muted">{ "Counted by the storage where it reads: idx_scan (seeks and scans started), idx_tup_read (entries read), idx_tup_fetch (table rows fetched through the index)." }</p>
            <button data-testid="usage-refresh" onclick={ask(Request::Usage)}>{ "Refresh" }</button>
            <button data-testid="usage-reset" onclick={ask(Request::ResetUsage)}>{ "Reset counters" }</button>
            <table class="counts">
                <thead><tr><th>{ "index" }</th><th>{ "idx_scan" }</th><th>{ "idx_tup_read" }</th><th>{ "idx_tup_fetch" }</th><th></th></tr></thead>
                <tbody>
                    { for usage.indexes.iter().map(|row| {
                        let u = row.usage;
                        html! {
                            <tr data-testid={format!("index-usage-{}", row.index)} data-idx-scan={u.idx_scan.to_string()}
                                data-idx-tup-read={u.idx_tup_read.to_string()} data-idx-tup-fetch={u.idx_tup_fetch.to_string()}>
                                <td><code>{ &row.index }</code></td>
                                <td class="num">{ thousands(u.idx_scan) }</td>
                                <td class="num">{ thousands(u.idx_tup_read) }</td>
                                <td class="num">{ thousands(u.idx_tup_fetch) }</td>
                                <td>{ if unused.contains(&row.index) {
                                    html! { <span class="unused" data-testid={format!("index-unused-{}", row.index)}>{ "unused — candidate to drop" }</span> }
                                } else { html! {} } }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </section>
    }
}
