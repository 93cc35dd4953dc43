use yew::prelude::*;

use crate::url_sync;

/// Copies the experiment's URL; says so, or shows the URL when the
/// clipboard is not available (e.g. an insecure origin).
#[component]
pub fn CopyLink() -> Html {
    let feedback = use_state(|| None::<String>);
    let onclick = {
        let feedback = feedback.clone();
        Callback::from(move |_| {
            let href = url_sync::current_href();
            let clipboard = gloo_utils::window().navigator().clipboard();
            let feedback = feedback.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied =
                    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&href)).await;
                feedback.set(Some(match copied {
                    Ok(_) => "link copied".to_owned(),
                    Err(_) => href,
                }));
            });
        })
    };
    html! {
        <span class="copy-link">
            <button data-testid="copy-link" {onclick} title="Copy a link that reopens this experiment">{ "Copy link" }</button>
            if let Some(text) = &*feedback { <span class="muted" role="status">{ text }</span> }
        </span>
    }
}
