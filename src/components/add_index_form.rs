use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AddIndexFormProps {
    pub tables: Vec<String>,
    /// The CREATE INDEX statement the form describes.
    pub on_submit: Callback<String>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub busy: bool,
}

/// Name, table, key columns (each may end in ASC or DESC) and INCLUDE
/// columns. The engine validates the definition; its message shows here.
#[component]
pub fn AddIndexForm(props: &AddIndexFormProps) -> Html {
    let (name_ref, table_ref, columns_ref, include_ref) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    // Missing fields are caught here; everything else is the engine's to judge.
    let missing = use_state(|| None::<&'static str>);
    let onsubmit = {
        let missing = missing.clone();
        let refs = (
            name_ref.clone(),
            table_ref.clone(),
            columns_ref.clone(),
            include_ref.clone(),
        );
        let on_submit = props.on_submit.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            let table = refs
                .1
                .cast::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            let (name, columns) = (text(&refs.0), text(&refs.2));
            if name.trim().is_empty() {
                missing.set(Some("Give the index a name."));
            } else if columns.trim().is_empty() {
                missing.set(Some("List at least one key column."));
            } else {
                missing.set(None);
                on_submit.emit(create_index_sql(&name, &table, &columns, &text(&refs.3)));
            }
        })
    };
    html! {
        <form class="add-index" {onsubmit} aria-label="Add index">
            <h3>{ "Add index" }</h3>
            <label for="new-index-name">{ "Name" }</label>
            <input id="new-index-name" ref={name_ref} placeholder="my_idx" data-testid="new-index-name" />
            <label for="new-index-table">{ "Table" }</label>
            <select id="new-index-table" ref={table_ref} data-testid="new-index-table">
                // The first table is the default; stated, because Yew may insert options in any order.
                { for props.tables.iter().enumerate().map(|(i, t)| html! {
                    <option value={t.clone()} selected={i == 0}>{ t }</option>
                }) }
            </select>
            <label for="new-index-columns">{ "Columns" }</label>
            <input id="new-index-columns" ref={columns_ref} placeholder="customer_id, started_at DESC"
                data-testid="new-index-columns" title="Key columns in order; add DESC for descending" />
            <label for="new-index-include">{ "Include" }</label>
            <input id="new-index-include" ref={include_ref} placeholder="run_type (optional)"
                data-testid="new-index-include" title="Columns stored in the entries, so reads need no table lookup" />
            <button type="submit" data-testid="add-index" disabled={props.busy}>{ "Add index" }</button>
            if let Some(problem) = *missing {
                <p class="error" data-testid="error" role="alert">{ problem }</p>
            } else if let Some(error) = &props.error {
                <p class="error" data-testid="error" role="alert">{ error }</p>
            }
        </form>
    }
}

/// The statement the engine's own DDL parser reads.
pub fn create_index_sql(name: &str, table: &str, columns: &str, include: &str) -> String {
    let mut sql = format!(
        "CREATE INDEX {} ON {} ({})",
        name.trim(),
        table.trim(),
        columns.trim()
    );
    if !include.trim().is_empty() {
        sql.push_str(&format!(" INCLUDE ({})", include.trim()));
    }
    sql
}
