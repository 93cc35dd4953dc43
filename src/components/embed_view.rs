use seekscan_core::protocol::Slot;
use seekscan_core::{lessons, patterns};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::handlers::Handlers;
use crate::components::embed_pane::EmbedPane;
use crate::components::results_panel::describe;
use crate::components::status_badge::StatusBadge;
use crate::components::verdict_bar::VerdictBar;
use crate::components::waiting_notice::WaitingNotice;
use crate::state::AppState;
use crate::url_sync;

#[derive(Properties, PartialEq)]
pub struct EmbedViewProps {
    pub state: UseReducerHandle<AppState>,
    pub handlers: Handlers,
}

/// One experiment, compact enough for an iframe in a doc (800×450): the SQL
/// read-only with Run, the verdict, both plans, and a link to the full page.
#[component]
pub fn EmbedView(props: &EmbedViewProps) -> Html {
    let EmbedViewProps { state, handlers } = props;
    use_height_messages();
    let experiment = &state.experiment;
    let title = match (&experiment.sql, &experiment.pattern, &experiment.lesson) {
        (None, Some(id), _) => patterns::find(id).map(|p| p.title),
        (None, None, Some(id)) => lessons::find(id).map(|l| l.title),
        _ => None,
    };
    let plan = |slot: Slot| {
        Some(
            state
                .pane(slot)?
                .pane
                .result
                .as_ref()
                .ok()?
                .outcome
                .plan
                .clone(),
        )
    };
    let run = handlers.run.reform(|_: MouseEvent| ());
    html! {
        <main class="embed">
            <header class="embed-bar">
                <strong>{ title.unwrap_or("seekscan") }</strong>
                <StatusBadge status={state.status.clone()} />
                <a data-testid="open-in-seekscan" href={url_sync::full_page_href(experiment)}
                    target="_blank" rel="noopener">{ "open in seekscan ↗" }</a>
            </header>
            <div class="embed-sql">
                <pre data-testid="embed-sql" aria-label="SQL">{ state.editor.clone() }</pre>
                <button data-testid="run" onclick={run} disabled={state.busy()}>{ "Run" }</button>
            </div>
            if let Some(problem) = &state.link_problem {
                <p class="notice" data-testid="link-problem" role="status">{ problem }</p>
            }
            <WaitingNotice indexes={state.waiting_for.clone()} />
            <VerdictBar comparison={state.comparison()} />
            <div class="panes">
                <EmbedPane slot={Slot::A} config={describe(&state.config(Slot::A))}
                    pane={state.pane(Slot::A).cloned()} other={plan(Slot::B)} />
                <EmbedPane slot={Slot::B} config={describe(&state.config(Slot::B))}
                    pane={state.pane(Slot::B).cloned()} other={plan(Slot::A)} />
            </div>
        </main>
    }
}

/// Marks `<body data-embed="true">` and tells the parent page the
/// document's height whenever its layout changes (a ResizeObserver on the
/// root element), so the iframe can be sized to fit.
#[hook]
fn use_height_messages() {
    use_effect_with((), |()| {
        let document = gloo_utils::document();
        if let Some(body) = document.body() {
            let _ = body.set_attribute("data-embed", "true");
        }
        let post = Closure::<dyn Fn()>::new(post_height);
        let observer = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(root)) = (&observer, document.document_element()) {
            observer.observe(&root);
            if let Some(body) = document.body() {
                observer.observe(&body);
            }
        }
        post_height();
        move || {
            if let Some(observer) = observer {
                observer.disconnect();
            }
            drop(post);
        }
    });
}

/// `{type: 'seekscan:height', height}` (the content's height in CSS
/// pixels) to the parent (any origin: the height
/// is no secret, and a doc page may live anywhere).
fn post_height() {
    let window = gloo_utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    // The body's own height, not the root's scrollHeight, which never drops
    // below the frame's height and so could only ever grow the iframe.
    let height = gloo_utils::document()
        .body()
        .map_or(0, |body| body.offset_height());
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"seekscan:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    let _ = parent.post_message(&message, "*");
}
