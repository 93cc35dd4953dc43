use std::collections::BTreeMap;

use seekscan_core::catalog::{IndexDef, Origin};
use seekscan_core::protocol::Slot;
use yew::prelude::*;

use crate::components::add_index_form::AddIndexForm;

#[derive(Properties, PartialEq)]
pub struct IndexPanelProps {
    pub indexes: Vec<IndexDef>,
    pub tables: Vec<String>,
    pub config_a: Vec<String>,
    pub config_b: Vec<String>,
    /// Indexes still being built in the background.
    #[prop_or_default]
    pub building: Vec<String>,
    /// While the engine works, toggles wait (each one re-runs the query).
    #[prop_or_default]
    pub busy: bool,
    /// (slot, index, visible)
    pub on_toggle: Callback<(Slot, String, bool)>,
    /// A CREATE INDEX or DROP INDEX statement to run.
    pub on_catalog: Callback<String>,
    #[prop_or_default]
    pub form_error: Option<AttrValue>,
}

/// Every index, grouped by table, with one toggle for configuration A and one
/// for B, the document's use case, and the form for user indexes.
#[component]
pub fn IndexPanel(props: &IndexPanelProps) -> Html {
    let mut by_table: BTreeMap<&str, Vec<&IndexDef>> = BTreeMap::new();
    for index in &props.indexes {
        by_table
            .entry(index.table.as_str())
            .or_default()
            .push(index);
    }
    html! {
        <section class="panel indexes" aria-label="Indexes">
            <h2>{ "Indexes" }</h2>
            <p class="muted">{ "Every index is built once; A and B choose which ones the planner may use." }</p>
            if props.indexes.is_empty() {
                <p class="hint">{ "Indexes appear when the data is loaded." }</p>
            }
            { for by_table.into_iter().map(|(table, indexes)| html! {
                <div class="index-group">
                    <h3>{ table }</h3>
                    <ul>{ for indexes.into_iter().map(|index| index_row(props, index)) }</ul>
                </div>
            }) }
            <AddIndexForm tables={props.tables.clone()} on_submit={props.on_catalog.clone()}
                error={props.form_error.clone()} busy={props.busy} />
        </section>
    }
}

/// `(customer_id, status, started_at DESC)`.
pub fn key_text(index: &IndexDef) -> String {
    format!("({})", index.key_list().join(", "))
}

fn index_row(props: &IndexPanelProps, index: &IndexDef) -> Html {
    let toggle = |slot: Slot, on: bool| {
        let on_toggle = props.on_toggle.clone();
        let name = index.name.clone();
        let onchange = Callback::from(move |_| on_toggle.emit((slot, name.clone(), !on)));
        html! {
            <label class={classes!("toggle", on.then_some("on"))}
                title={format!("Configuration {}: let the planner use {}", slot.label(), index.name)}>
                <input type="checkbox" checked={on} disabled={props.busy} {onchange}
                    data-testid={format!("index-toggle-{}-{}", slot.lower(), index.name)}
                    aria-label={format!("{} in configuration {}", index.name, slot.label())} />
                { slot.label() }
            </label>
        }
    };
    let delete = (index.origin == Origin::User).then(|| {
        let on_catalog = props.on_catalog.clone();
        let name = index.name.clone();
        let onclick = Callback::from(move |_| on_catalog.emit(format!("DROP INDEX {name}")));
        html! {
            <button type="button" class="link" {onclick} disabled={props.busy}
                aria-label={format!("Delete index {}", index.name)}>{ "delete" }</button>
        }
    });
    html! {
        <li class={classes!("index-item", (index.origin == Origin::Phase4Proposal).then_some("proposal"))}
            data-index={index.name.clone()}>
            <div class="index-head">
                <code class="index-name">{ &index.name }</code>
                <span class="toggles">
                    { toggle(Slot::A, props.config_a.contains(&index.name)) }
                    { toggle(Slot::B, props.config_b.contains(&index.name)) }
                </span>
            </div>
            <div class="index-cols">
                <code>{ key_text(index) }</code>
                if !index.include.is_empty() {
                    <code>{ format!(" INCLUDE ({})", index.include.join(", ")) }</code>
                }
                if index.origin == Origin::Phase4Proposal { <span class="tag">{ "Phase 4 proposal" }</span> }
                if index.origin == Origin::User { <span class="tag user">{ "yours" }</span> }
                if props.building.contains(&index.name) {
                    <span class="tag building" data-testid={format!("index-building-{}", index.name)}
                        title="Being built in the background: a query on this table waits for it">
                        { "building…" }
                    </span>
                }
                { for delete }
            </div>
            if let Some(use_case) = &index.use_case {
                <div class="index-doc">
                    { use_case }
                    if let Some(expected) = &index.expected_improvement {
                        <span class="expected">{ format!(" — expected: {expected}") }</span>
                    }
                </div>
            }
        </li>
    }
}
