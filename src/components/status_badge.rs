use yew::prelude::*;

use crate::components::dataset_panel::progress_text;
use crate::state::EngineStatus;

#[derive(Properties, PartialEq)]
pub struct StatusBadgeProps {
    pub status: EngineStatus,
}

/// The engine's state in one word, with load progress or the failure beside it.
#[component]
pub fn StatusBadge(props: &StatusBadgeProps) -> Html {
    let detail = match &props.status {
        EngineStatus::Loading(progress) => html! {
            <>
                <progress max={progress.total.max(1).to_string()} value={progress.done.to_string()} />
                <span class="status-detail">{ progress_text(progress) }</span>
            </>
        },
        EngineStatus::Failed(message) => html! {
            <span class="status-detail error" data-testid="error" role="alert">{ message }</span>
        },
        _ => html! {},
    };
    html! {
        <div class="status" aria-live="polite">
            <span class={classes!("badge", props.status.word())} data-testid="engine-status">{ props.status.word() }</span>
            { detail }
        </div>
    }
}
