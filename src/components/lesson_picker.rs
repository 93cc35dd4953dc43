use seekscan_core::experiment::Experiment;
use seekscan_core::lessons;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::url_sync;

#[derive(Properties, PartialEq)]
pub struct LessonPickerProps {
    pub experiment: Experiment,
}

/// Opens a guided lesson on the same dataset, as its link would: the page
/// reloads with the lesson's configurations, indexes and SQL.
#[component]
pub fn LessonPicker(props: &LessonPickerProps) -> Html {
    let onchange = {
        let experiment = props.experiment.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let mut next = Experiment {
                seed: experiment.seed,
                scale: experiment.scale,
                repetitions: experiment.repetitions,
                budget_ms: experiment.budget_ms,
                ..Experiment::default()
            };
            if let Some(lesson) = lessons::find(&select.value()) {
                next.open_lesson(lesson);
            }
            url_sync::open(&next);
        })
    };
    let selected = props.experiment.lesson.clone().unwrap_or_default();
    html! {
        <label class="lesson-picker">
            { "Lesson " }
            <select data-testid="lesson-picker" {onchange}>
                <option value="" selected={selected.is_empty()}>{ "— none —" }</option>
                { for lessons::all().iter().map(|l| html! {
                    <option value={l.id} selected={selected == l.id}>{ l.title }</option>
                }) }
            </select>
        </label>
    }
}
