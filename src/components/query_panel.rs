use yew::prelude::*;

use crate::app::handlers::{dispatch, Handlers};
use crate::components::lesson_panel::LessonPanel;
use crate::components::lesson_picker::LessonPicker;
use crate::components::notices::Notices;
use crate::components::pattern_picker::PatternPicker;
use crate::components::run_controls::RunControls;
use crate::components::sql_editor::SqlEditor;
use crate::state::{Action, AppState};

#[derive(Properties, PartialEq)]
pub struct QueryPanelProps {
    pub state: UseReducerHandle<AppState>,
    pub handlers: Handlers,
}

/// The pattern picker, the editor, the run controls and the notices.
#[component]
pub fn QueryPanel(props: &QueryPanelProps) -> Html {
    let QueryPanelProps { state, handlers } = props;
    let on_edit = dispatch(state, Action::EditSql);
    let on_pattern = dispatch(state, |(id, sql)| Action::ChoosePattern { id, sql });
    let on_param = dispatch(state, |(name, value, sql)| Action::SetParam {
        name,
        value,
        sql,
    });
    let on_repetitions = dispatch(state, Action::SetRepetitions);
    let on_budget = dispatch(state, Action::SetBudget);
    let on_stop = handlers.stop.clone();
    html! {
        <section class="query-panel" aria-label="Query">
            <PatternPicker selected={state.experiment.pattern.clone()} params={state.experiment.params.clone()}
                dataset={state.dataset.clone()} {on_pattern} {on_param} />
            <SqlEditor sql={state.editor.clone()} on_run={handlers.run.clone()} {on_edit} />
            <RunControls busy={state.busy()} running={state.running()} repetitions={state.experiment.repetitions}
                budget_ms={state.experiment.budget_ms} on_run={handlers.run.clone()} {on_stop} {on_repetitions} {on_budget} />
            <Notices state={state.clone()} />
            <LessonPicker experiment={state.experiment.clone()} />
            <LessonPanel state={state.clone()} />
        </section>
    }
}
