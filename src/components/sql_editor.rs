use seekscan_core::experiment::MAX_REPETITIONS;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SqlEditorProps {
    pub sql: AttrValue,
    pub busy: bool,
    pub on_edit: Callback<String>,
    pub on_run: Callback<()>,
    pub repetitions: u32,
    pub on_repetitions: Callback<u32>,
}

/// A monospace editor with line numbers; Ctrl/Cmd+Enter runs.
#[component]
pub fn SqlEditor(props: &SqlEditorProps) -> Html {
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_edit.emit(area.value());
        })
    };
    let onkeydown = {
        let on_run = props.on_run.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                event.prevent_default();
                on_run.emit(());
            }
        })
    };
    let onclick = {
        let on_run = props.on_run.clone();
        Callback::from(move |_| on_run.emit(()))
    };
    let onchange_reps = {
        let on_repetitions = props.on_repetitions.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Ok(n) = input.value().parse::<u32>() {
                on_repetitions.emit(n.clamp(1, MAX_REPETITIONS));
            }
        })
    };
    let lines = props.sql.lines().count().max(1);
    html! {
        <div class="sql-editor">
            <label for="sql-editor">{ "SQL" }</label>
            <div class="editor-frame">
                <pre class="line-numbers" aria-hidden="true">
                    { (1..=lines).map(|n| format!("{n}\n")).collect::<String>() }
                </pre>
                <textarea id="sql-editor" data-testid="sql-editor" spellcheck="false"
                    rows={(lines.max(4) + 1).to_string()} value={props.sql.clone()} {oninput} {onkeydown} />
            </div>
            <div class="run-controls">
                <label for="repetitions">{ "Runs" }</label>
                <input id="repetitions" type="number" min="1" max={MAX_REPETITIONS.to_string()}
                    value={props.repetitions.to_string()} onchange={onchange_reps}
                    title="Each configuration runs this many times; median and p95 are reported" />
                <button data-testid="run" class="run" {onclick} disabled={props.busy}
                    title="Run on both configurations (Ctrl/Cmd+Enter)">{ "Run" }</button>
            </div>
        </div>
    }
}
