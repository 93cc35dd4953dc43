use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SqlEditorProps {
    pub sql: AttrValue,
    pub on_edit: Callback<String>,
    /// Ctrl/Cmd+Enter.
    pub on_run: Callback<()>,
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
        </div>
    }
}
