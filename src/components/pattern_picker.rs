use std::collections::BTreeMap;
use std::rc::Rc;

use seekscan_core::patterns;
use seekscan_core::protocol::DatasetInfo;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PatternPickerProps {
    pub selected: Option<String>,
    /// Parameters the user set; the rest come from the data (large tenant).
    pub params: BTreeMap<String, String>,
    pub dataset: Option<Rc<DatasetInfo>>,
    /// (pattern id or None for free SQL, rendered SQL)
    pub on_pattern: Callback<(Option<String>, String)>,
    /// (name, value, rendered SQL)
    pub on_param: Callback<(String, String, String)>,
}

/// Data-drawn parameters (none before the data is loaded) with the user's overrides.
pub fn effective_params(
    dataset: Option<&DatasetInfo>,
    large: bool,
    overrides: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    dataset.map_or_else(|| overrides.clone(), |d| d.params(large, overrides))
}

/// Documented patterns: the ORM form (its SQL goes to the editor), parameters,
/// and the document's expected improvement.
#[component]
pub fn PatternPicker(props: &PatternPickerProps) -> Html {
    let all = patterns::all();
    let selected = props.selected.as_deref().and_then(patterns::find);
    let dataset = props.dataset.clone();
    let onchange = {
        let on_pattern = props.on_pattern.clone();
        let dataset = dataset.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let id = select.value();
            match patterns::find(&id) {
                Some(pattern) => {
                    let params = effective_params(dataset.as_deref(), true, &BTreeMap::new());
                    on_pattern.emit((Some(id), pattern.render(&params)));
                }
                None => on_pattern.emit((None, String::new())),
            }
        })
    };
    let details = selected.map(|pattern| {
        let params = effective_params(props.dataset.as_deref(), true, &props.params);
        let tenant_button = |large: bool| {
            let on_param = props.on_param.clone();
            let dataset = dataset.clone();
            let overrides = props.params.clone();
            let onclick = Callback::from(move |_| {
                let mut base = effective_params(dataset.as_deref(), large, &BTreeMap::new());
                // Keep the user's non-tenant choices; switch everything data-drawn.
                for (k, v) in &overrides {
                    if k != "tenant" && !base.contains_key(k) {
                        base.insert(k.clone(), v.clone());
                    }
                }
                for (name, value) in &base {
                    on_param.emit((name.clone(), value.clone(), pattern.render(&base)));
                }
            });
            html! { <button type="button" {onclick}>{ if large { "large tenant" } else { "small tenant" } }</button> }
        };
        html! {
            <div class="pattern">
                <div class="pattern-meta">
                    <span>{ "index: " }<code>{ &pattern.index }</code></span>
                    <span class="expected">{ format!("document: {}", pattern.expected_improvement) }</span>
                </div>
                // The SQL form is the editor's text; the ORM form sits beside it.
                <figure class="pattern-orm"><figcaption>{ "Django ORM" }</figcaption><pre><code>{ &pattern.orm }</code></pre></figure>
                <div class="params">
                    { for pattern.params.iter().map(|name| {
                        let on_param = props.on_param.clone();
                        let name = name.to_string();
                        let params_for_render = params.clone();
                        let key = name.clone();
                        let onchange = Callback::from(move |event: Event| {
                            let input: HtmlInputElement = event.target_unchecked_into();
                            let mut next = params_for_render.clone();
                            next.insert(key.clone(), input.value());
                            on_param.emit((key.clone(), input.value(), pattern.render(&next)));
                        });
                        let id = format!("param-{name}");
                        html! {
                            <label for={id.clone()}>{ &name }
                                <input id={id} value={params.get(&name).cloned().unwrap_or_default()} {onchange} />
                            </label>
                        }
                    }) }
                    { tenant_button(true) }{ tenant_button(false) }
                </div>
            </div>
        }
    });
    html! {
        <div class="pattern-picker">
            <label for="pattern">{ "Pattern" }</label>
            <select id="pattern" data-testid="pattern-picker" {onchange}>
                <option value="" selected={selected.is_none()}>{ "Custom SQL" }</option>
                { for all.iter().map(|p| html! {
                    <option value={p.id.to_string()} selected={Some(p.id) == props.selected.as_deref()}>{ &p.title }</option>
                }) }
            </select>
            { for details }
        </div>
    }
}
