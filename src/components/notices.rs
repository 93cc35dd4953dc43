use yew::prelude::*;

use crate::state::AppState;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub state: UseReducerHandle<AppState>,
}

/// What of the link was dropped, what the last change did, and why a
/// statement failed.
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let state = &props.state;
    html! {
        <>
            if let Some(problem) = &state.link_problem {
                <p class="notice" data-testid="link-problem" role="status">{ problem }</p>
            }
            if let Some(message) = &state.notice {
                <p class="notice" data-testid="notice" role="status">{ message }</p>
            }
            if let Some(indexes) = &state.waiting_for {
                <p class="notice" data-testid="waiting" role="status">
                    { format!("Waiting for {} to be built in the background: a statement on a table \
                        waits for every index of that table. It runs as soon as they are built.",
                        indexes.join(", ")) }
                </p>
            }
            if let Some(message) = &state.run_error {
                <p class="error" data-testid="error" role="alert">{ message }</p>
            }
        </>
    }
}
