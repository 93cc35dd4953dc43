//! "Plans as": which model plans both panes, the workload and the costs —
//! PostgreSQL 15 with its default settings or the SSD preset, SQLite, or
//! seekscan's own in-memory model — and PostgreSQL's settings, editable.
use seekscan_core::pg15::{PgSettings, Preset};
use seekscan_core::planner::choice::PlannerChoice;
use seekscan_core::planner::ModelKind;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The settings a user can change, in the order EXPLAIN's docs list them.
const SETTINGS: [&str; 7] = [
    "seq_page_cost",
    "random_page_cost",
    "cpu_tuple_cost",
    "cpu_index_tuple_cost",
    "cpu_operator_cost",
    "effective_cache_size",
    "work_mem",
];

#[derive(Properties, PartialEq)]
pub struct PlannerPickerProps {
    pub choice: PlannerChoice,
    pub busy: bool,
    pub on_change: Callback<PlannerChoice>,
}

fn option_of(choice: &PlannerChoice) -> &'static str {
    match (choice.model, choice.pg.as_preset()) {
        (ModelKind::Memory, _) => "memory",
        (ModelKind::Sqlite, _) => "sqlite",
        (ModelKind::Postgres, Some(Preset::Ssd)) => "ssd",
        (ModelKind::Postgres, Some(Preset::Defaults)) => "defaults",
        (ModelKind::Postgres, None) => "custom",
    }
}

#[component]
pub fn PlannerPicker(props: &PlannerPickerProps) -> Html {
    let choice = props.choice;
    let error = use_state(|| None::<String>);
    let on_select = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let next = match value.as_str() {
                "memory" => PlannerChoice {
                    model: ModelKind::Memory,
                    ..choice
                },
                "sqlite" => PlannerChoice {
                    model: ModelKind::Sqlite,
                    ..choice
                },
                "ssd" => PlannerChoice {
                    vacuumed: choice.vacuumed,
                    ..PlannerChoice::preset(Preset::Ssd)
                },
                "defaults" => PlannerChoice {
                    vacuumed: choice.vacuumed,
                    ..PlannerChoice::preset(Preset::Defaults)
                },
                _ => choice,
            };
            on_change.emit(next);
        })
    };
    let on_vacuum = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let vacuumed = e.target_unchecked_into::<HtmlInputElement>().checked();
            on_change.emit(PlannerChoice { vacuumed, ..choice });
        })
    };
    let setting = |name: &'static str| {
        let (on_change, error) = (props.on_change.clone(), error.clone());
        let value = choice.pg.get(name).unwrap_or_default();
        let on_input = Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut pg: PgSettings = choice.pg;
            match pg.set(name, &text) {
                Ok(()) => {
                    error.set(None);
                    on_change.emit(PlannerChoice { pg, ..choice });
                }
                // The settings stay as they were; the field says why.
                Err(why) => error.set(Some(why)),
            }
        });
        html! {
            <label class="pg-setting">
                <code>{ name }</code>
                <input type="text" inputmode="decimal" value={value.to_string()}
                    disabled={props.busy} onchange={on_input} />
            </label>
        }
    };
    let postgres = choice.model == ModelKind::Postgres;
    html! {
        <section class="planner-picker" aria-label="Plans as">
            <label>{ "Plans as " }
                <select onchange={on_select} disabled={props.busy} data-testid="planner">
                    <option value="defaults" selected={option_of(&choice) == "defaults"}>{ "PostgreSQL 15 (defaults)" }</option>
                    <option value="ssd" selected={option_of(&choice) == "ssd"}>{ "PostgreSQL 15 (SSD: random_page_cost 1.1)" }</option>
                    if option_of(&choice) == "custom" {
                        <option value="custom" selected=true>{ "PostgreSQL 15 (custom settings)" }</option>
                    }
                    <option value="sqlite" selected={option_of(&choice) == "sqlite"}>{ "SQLite" }</option>
                    <option value="memory" selected={option_of(&choice) == "memory"}>{ "seekscan in-memory" }</option>
                </select>
            </label>
            if postgres {
                <details class="pg-settings">
                    <summary>{ "PostgreSQL settings" }</summary>
                    { for SETTINGS.into_iter().map(setting) }
                    <label class="pg-setting">
                        <input type="checkbox" checked={choice.vacuumed} disabled={props.busy} onchange={on_vacuum} />
                        { " after VACUUM (every page all-visible: index-only scans read no table pages)" }
                    </label>
                    if let Some(why) = (*error).clone() {
                        <p class="error" role="alert">{ why }</p>
                    }
                </details>
            }
        </section>
    }
}
