use seekscan_core::lessons::{self, Measured, Verdict};
use seekscan_core::protocol::Slot;
use yew::prelude::*;

use crate::state::AppState;

#[derive(Properties, PartialEq)]
pub struct LessonPanelProps {
    pub state: UseReducerHandle<AppState>,
}

/// The open lesson's sentences, and whether the measured plans bear out
/// every claim they make: each claim is checked on the panes shown now.
#[component]
pub fn LessonPanel(props: &LessonPanelProps) -> Html {
    let state = &props.state;
    let Some(lesson) = state.experiment.lesson.as_deref().and_then(lessons::find) else {
        return html! {};
    };
    let result = |slot| state.pane(slot)?.pane.result.as_ref().ok();
    let verdict = lesson.check(&Measured {
        a: result(Slot::A),
        b: result(Slot::B),
        dataset: state.dataset.as_deref(),
    });
    let (class, checks) = match &verdict {
        Verdict::Waiting => ("muted", &[][..]),
        Verdict::Holds(checks) => ("good", checks.as_slice()),
        Verdict::DoesNotHold(checks) => ("bad", checks.as_slice()),
    };
    html! {
        <section class="lesson panel" aria-label="Lesson">
            <h2>{ lesson.title }</h2>
            <p data-testid="lesson-text">{ lesson.text.join(" ") }</p>
            <p class={classes!("lesson-check", class)} data-testid="lesson-check" role="status">{ verdict.text() }</p>
            if !checks.is_empty() {
                <ul class="lesson-claims">
                    { for checks.iter().map(|c| html! {
                        <li class={if c.holds { "good" } else { "bad" }}>
                            { if c.holds { "✓ " } else { "✗ " } }{ &c.text }
                            <span class="muted">{ format!(" — {}", c.seen) }</span>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
