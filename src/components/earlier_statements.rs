use seekscan_core::engine::StatementSummary;
use yew::prelude::*;

use crate::state::abbreviated;

#[derive(Properties, PartialEq)]
pub struct EarlierStatementsProps {
    /// The statements of a multi-statement input that ran before the one
    /// whose plan, rows and counters the pane shows.
    pub statements: Vec<StatementSummary>,
}

/// A note under a pane's plan: the counters beside it are the last
/// statement's alone, so the ones that ran first are listed with their own.
#[component]
pub fn EarlierStatements(props: &EarlierStatementsProps) -> Html {
    if props.statements.is_empty() {
        return html! {};
    }
    html! {
        <div class="earlier muted" data-testid="earlier-statements">
            <span>{ "ran first:" }</span>
            <ul>
                { for props.statements.iter().map(|statement| html! {
                    <li>
                        <code>{ abbreviated(&statement.sql) }</code>
                        { format!(" ({} rows examined)", statement.stats.rows_examined) }
                    </li>
                }) }
            </ul>
        </div>
    }
}
