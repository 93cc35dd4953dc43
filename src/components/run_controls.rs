use seekscan_core::experiment::{budget, seconds, MAX_BUDGET_MS, MAX_REPETITIONS, MIN_BUDGET_MS};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RunControlsProps {
    /// A request is in flight: Run waits.
    pub busy: bool,
    /// A query runs or a pane still measures: Stop ends it.
    pub running: bool,
    pub repetitions: u32,
    pub budget_ms: u32,
    pub on_run: Callback<()>,
    pub on_stop: Callback<()>,
    pub on_repetitions: Callback<u32>,
    pub on_budget: Callback<u32>,
}

/// Runs per pane, each pane's time budget, Run and Stop.
#[component]
pub fn RunControls(props: &RunControlsProps) -> Html {
    let onchange_reps = {
        let on_repetitions = props.on_repetitions.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Ok(n) = input.value().parse::<u32>() {
                on_repetitions.emit(n.clamp(1, MAX_REPETITIONS));
            }
        })
    };
    let onchange_budget = {
        let on_budget = props.on_budget.clone();
        let current = props.budget_ms;
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            // A value a link could not carry either keeps the old one.
            let ms = budget(&input.value()).unwrap_or(current);
            input.set_value(&seconds(ms));
            on_budget.emit(ms);
        })
    };
    let on_run = props.on_run.reform(|_: MouseEvent| ());
    let on_stop = props.on_stop.reform(|_: MouseEvent| ());
    html! {
        <div class="run-controls">
            <label for="repetitions">{ "Runs" }</label>
            <input id="repetitions" type="number" min="1" max={MAX_REPETITIONS.to_string()}
                value={props.repetitions.to_string()} onchange={onchange_reps}
                title="Each configuration runs up to this many times; median and p95 are reported" />
            <label for="budget">{ "Budget (s)" }</label>
            <input id="budget" data-testid="budget" type="number" step="0.1"
                min={seconds(MIN_BUDGET_MS)} max={seconds(MAX_BUDGET_MS)}
                value={seconds(props.budget_ms)} onchange={onchange_budget}
                title="Each configuration stops repeating once its runs took this long" />
            <button data-testid="run" class="run" onclick={on_run} disabled={props.busy}
                title="Run on both configurations (Ctrl/Cmd+Enter)">{ "Run" }</button>
            <button data-testid="stop-run" class="stop" onclick={on_stop} disabled={!props.running}
                title="End the run now; the runs measured so far stay">{ "Stop" }</button>
        </div>
    }
}
