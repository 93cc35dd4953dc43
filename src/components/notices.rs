use yew::prelude::*;

use crate::components::waiting_notice::WaitingNotice;
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
            <WaitingNotice indexes={state.waiting_for.clone()} />
            if let Some(message) = &state.run_error {
                <p class="error" data-testid="error" role="alert">{ message }</p>
            }
        </>
    }
}
