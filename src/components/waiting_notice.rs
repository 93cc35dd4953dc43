use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WaitingNoticeProps {
    /// The indexes still being built that the request in flight waits for.
    pub indexes: Option<Vec<String>>,
}

/// Says that a run waits for indexes being built in the background, and
/// for which: the worker holds it until they are there.
#[component]
pub fn WaitingNotice(props: &WaitingNoticeProps) -> Html {
    let Some(indexes) = props.indexes.as_ref().filter(|i| !i.is_empty()) else {
        return html! {};
    };
    html! {
        <p class="notice" data-testid="waiting" role="status">
            { format!("Waiting for {} to be built in the background: a statement on a table \
                waits for every index of that table. It runs as soon as they are built.",
                indexes.join(", ")) }
        </p>
    }
}
