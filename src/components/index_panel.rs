use std::collections::BTreeMap;

use seekscan_core::catalog::{IndexDef, Origin};
use yew::prelude::*;

use crate::components::add_index_form::AddIndexForm;

/// Which configuration a toggle belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    A,
    B,
}

impl Slot {
    pub fn label(self) -> &'static str {
        match self {
            Slot::A => "A",
            Slot::B => "B",
        }
    }

    pub fn lower(self) -> &'static str {
        match self {
            Slot::A => "a",
            Slot::B => "b",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct IndexPanelProps {
    pub indexes: Vec<IndexDef>,
    pub tables: Vec<String>,
    pub config_a: Vec<String>,
    pub config_b: Vec<String>,
    /// (slot, index, visible)
    pub on_toggle: Callback<(Slot, String, bool)>,
    /// A CREATE INDEX or DROP INDEX statement to run.
    pub on_catalog: Callback<String>,
    pub form_error: Option<AttrValue>,
}

/// Every index, grouped by table, with a toggle for A and one for B.
#[component]
pub fn IndexPanel(props: &IndexPanelProps) -> Html {
    let mut by_table: BTreeMap<&str, Vec<&IndexDef>> = BTreeMap::new();
    for index in &props.indexes {
        by_table.entry(index.table.as_str()).or_default().push(index);
    }
    html! {
        <section class="panel indexes" aria-label="Indexes">
            <h2>{ "Indexes" }<span class="cols-ab" aria-hidden="true"><span>{ "A" }</span><span>{ "B" }</span></span></h2>
            { for by_table.into_iter().map(|(table, indexes)| html! {
                <div class="index-group">
                    <h3>{ table }</h3>
                    <ul>{ for indexes.into_iter().map(|index| index_row(props, index)) }</ul>
                </div>
            }) }
            <AddIndexForm tables={props.tables.clone()} on_submit={props.on_catalog.clone()} error={props.form_error.clone()} />
        </section>
    }
}

fn index_row(props: &IndexPanelProps, index: &IndexDef) -> Html {
    let toggle = |slot: Slot, on: bool| {
        let on_toggle = props.on_toggle.clone();
        let name = index.name.clone();
        let onchange = Callback::from(move |_| on_toggle.emit((slot, name.clone(), !on)));
        html! {
            <input type="checkbox" checked={on} {onchange}
                data-testid={format!("index-toggle-{}-{}", slot.lower(), index.name)}
                aria-label={format!("{} visible in configuration {}", index.name, slot.label())} />
        }
    };
    let keys = index
        .keys
        .iter()
        .map(|key| if key.desc { format!("{} DESC", key.column) } else { key.column.clone() })
        .collect::<Vec<_>>()
        .join(", ");
    let delete = (index.origin == Origin::User).then(|| {
        let on_catalog = props.on_catalog.clone();
        let name = index.name.clone();
        let onclick = Callback::from(move |_| on_catalog.emit(format!("DROP INDEX {name}")));
        html! { <button class="link" {onclick} aria-label={format!("Delete index {}", index.name)}>{ "delete" }</button> }
    });
    html! {
        <li class={classes!("index", (index.origin == Origin::Phase4Proposal).then_some("proposal"))}>
            <div class="index-head">
                <code class="index-name">{ &index.name }</code>
                if index.origin == Origin::Phase4Proposal { <span class="tag">{ "Phase 4 proposal" }</span> }
                if index.origin == Origin::User { <span class="tag user">{ "yours" }</span> }
                { for delete }
                <span class="toggles">
                    { toggle(Slot::A, props.config_a.contains(&index.name)) }
                    { toggle(Slot::B, props.config_b.contains(&index.name)) }
                </span>
            </div>
            <div class="index-cols"><code>{ format!("({keys})") }</code>
                if !index.include.is_empty() { <code>{ format!(" INCLUDE ({})", index.include.join(", ")) }</code> }
            </div>
            if let Some(use_case) = &index.use_case {
                <div class="index-doc">{ use_case }
                    if let Some(expected) = &index.expected_improvement { <span class="expected">{ format!(" — {expected}") }</span> }
                </div>
            }
        </li>
    }
}
