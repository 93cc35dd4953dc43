use serde_json::Value;
use yew::prelude::*;

/// How many result rows a pane draws (the worker sends no more).
pub use seekscan_core::protocol::SHOWN_ROWS;

#[derive(Properties, PartialEq)]
pub struct RowsTableProps {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    /// Rows the query returned, of which `rows` are the first.
    pub total: usize,
    pub testid: AttrValue,
}

fn cell_text(value: &Value) -> String {
    match value {
        Value::Null => "NULL".to_owned(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[component]
pub fn RowsTable(props: &RowsTableProps) -> Html {
    let shown = props.rows.len().min(SHOWN_ROWS);
    let hidden = props.total.saturating_sub(shown);
    html! {
        <div class="rows" data-testid={props.testid.clone()} tabindex="0" aria-label="Result rows">
            <table>
                <thead><tr>{ for props.columns.iter().map(|c| html! { <th>{ c }</th> }) }</tr></thead>
                <tbody>
                    { for props.rows.iter().take(SHOWN_ROWS).map(|row| html! {
                        <tr>{ for row.iter().map(|v| html! {
                            <td class={classes!(v.is_null().then_some("null"))}>{ cell_text(v) }</td>
                        }) }</tr>
                    }) }
                </tbody>
            </table>
            if hidden > 0 {
                <p class="more">{ format!("… and {hidden} more rows") }</p>
            }
        </div>
    }
}
