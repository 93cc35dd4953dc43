use yew::prelude::*;

use crate::url_sync;

/// Copies the experiment's URL, or the iframe snippet that embeds it (see
/// docs/embedding.md); says so, or shows the text when the clipboard is not
/// available (e.g. an insecure origin).
#[component]
pub fn CopyLink() -> Html {
    let feedback = use_state(|| None::<String>);
    let copy = |what: fn() -> String, done: &'static str| {
        let feedback = feedback.clone();
        Callback::from(move |_| {
            let text = what();
            let clipboard = gloo_utils::window().navigator().clipboard();
            let feedback = feedback.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied =
                    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await;
                feedback.set(Some(match copied {
                    Ok(_) => done.to_owned(),
                    Err(_) => text,
                }));
            });
        })
    };
    html! {
        <span class="copy-link">
            <button data-testid="copy-link" onclick={copy(url_sync::current_href, "link copied")}
                title="Copy a link that reopens this experiment">{ "Copy link" }</button>
            <button data-testid="copy-embed" onclick={copy(embed_snippet, "embed snippet copied")}
                title="Copy an iframe that shows this experiment in a doc">{ "Copy embed" }</button>
            if let Some(text) = &*feedback { <span class="muted" role="status" data-testid="copy-feedback">{ text }</span> }
        </span>
    }
}

/// The iframe for this experiment, as docs/embedding.md gives it.
pub fn embed_snippet() -> String {
    format!(
        "<iframe src=\"{}\" width=\"800\" height=\"450\" style=\"border: 0; max-width: 100%\" \
         loading=\"lazy\" title=\"seekscan\"></iframe>",
        url_sync::embed_href().replace('&', "&amp;")
    )
}
