//! The workload view: every documented pattern for the large and the small
//! tenant under A and B, measured one row at a time (the worker reads no
//! message while it runs, so each row is its own request and Stop takes
//! effect between rows), sortable, with an editable weight per pattern
//! kept in the link, the verdict for B's index set and the crossover chart.
use std::cmp::Ordering;

use seekscan_core::bench::{Ending, RepeatPlan};
use seekscan_core::index_cost::WriteKind;
use seekscan_core::patterns;
use seekscan_core::protocol::{Request, Slot, WorkloadReport};
use seekscan_core::units::{micros, thousands};
use seekscan_core::workload::{
    crossover, CrossoverRun, WorkloadAnswer, WorkloadRow, WorkloadRun, WorkloadSpec, WorkloadTask,
    WorkloadVerdict, WriteCostPhrase,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::engine::{send, Engine};
use crate::components::crossover_chart::CrossoverChart;
use crate::state::{Action, AppState, EngineStatus};

/// The workload and the chart in progress, and the last weight refused.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorkloadState {
    pub run: Option<WorkloadRun>,
    pub chart: Option<CrossoverRun>,
    pub next_id: u64,
    pub weight_error: Option<String>,
}

pub enum WorkloadAction {
    /// Measure the whole workload with the page's runs and time budget.
    Run,
    /// Chart one pattern.
    Chart(String),
    Stop,
    /// A task was sent to the worker.
    Asked(u64),
    SetWeight {
        pattern: String,
        weight: String,
    },
}

impl WorkloadState {
    /// The task to send now: one at a time, the workload's rows first.
    pub fn next_request(&self) -> Option<(u64, WorkloadTask)> {
        let busy = |in_flight| in_flight;
        if self.run.as_ref().is_some_and(|r| busy(r.in_flight))
            || self.chart.as_ref().is_some_and(|c| busy(c.in_flight))
        {
            return None;
        }
        if let Some(run) = &self.run {
            if let Some(task) = run.next_task() {
                return Some((run.id, WorkloadTask::Row(task)));
            }
        }
        let chart = self.chart.as_ref()?;
        Some((chart.id, WorkloadTask::Point(chart.next_task()?)))
    }

    pub fn measuring(&self) -> bool {
        self.run.as_ref().is_some_and(WorkloadRun::measuring)
            || self.chart.as_ref().is_some_and(CrossoverRun::measuring)
    }
}

fn plan(state: &AppState) -> RepeatPlan {
    RepeatPlan {
        wanted: state.experiment.repetitions,
        budget_ms: state.experiment.budget_ms,
    }
}

/// Applies a workload action to the page's state.
pub fn reduce(state: &mut AppState, action: WorkloadAction) {
    let id = state.workload.next_id + 1;
    match action {
        WorkloadAction::Run => {
            let Some(dataset) = &state.dataset else {
                return;
            };
            let spec = WorkloadSpec {
                a: state.config(Slot::A),
                b: state.config(Slot::B),
                plan: plan(state),
                params_large: dataset.params(true, &Default::default()),
                params_small: dataset.params(false, &Default::default()),
            };
            state.workload.run = Some(WorkloadRun::new(id, spec));
            state.workload.next_id = id;
        }
        WorkloadAction::Chart(pattern) => {
            let Some(dataset) = &state.dataset else {
                return;
            };
            let (large, small) = (
                dataset.params(true, &Default::default()),
                dataset.params(false, &Default::default()),
            );
            let todo = crossover::points(&pattern, dataset.tenants, &large, &small);
            let configs = (state.config(Slot::A), state.config(Slot::B));
            let chart = CrossoverRun::new(id, &pattern, configs, plan(state), todo);
            state.workload.chart = Some(chart);
            state.workload.next_id = id;
        }
        WorkloadAction::Stop => {
            state.workload.run.iter_mut().for_each(WorkloadRun::stop);
            state.workload.chart.iter_mut().for_each(CrossoverRun::stop);
        }
        WorkloadAction::Asked(id) => {
            if let Some(run) = state.workload.run.as_mut().filter(|r| r.id == id) {
                run.asked();
            }
            if let Some(chart) = state.workload.chart.as_mut().filter(|c| c.id == id) {
                chart.asked();
            }
        }
        WorkloadAction::SetWeight { pattern, weight } => {
            let parsed = weight.trim().parse::<u32>().map_err(|_| {
                format!("the weight of {pattern} must be a whole number, got {weight:?}")
            });
            let mut weights = state.experiment.weights.clone();
            match parsed.and_then(|w| weights.set(&pattern, w)) {
                Ok(()) => {
                    state.experiment.weights = weights;
                    state.workload.weight_error = None;
                }
                Err(message) => state.workload.weight_error = Some(message),
            }
        }
    }
}

/// A task's answer: lands in the run or chart it was for; others are ignored.
pub fn answered(state: &mut AppState, report: WorkloadReport) {
    state.worker_memory = report.memory_bytes.or(state.worker_memory);
    let WorkloadState { run, chart, .. } = &mut state.workload;
    match report.answer {
        Ok(WorkloadAnswer::Row(row)) => {
            if let Some(run) = run.as_mut().filter(|r| r.id == report.id) {
                run.absorb(Ok(*row));
            }
        }
        Ok(WorkloadAnswer::Point(point)) => {
            if let Some(chart) = chart.as_mut().filter(|c| c.id == report.id) {
                chart.absorb(Ok(*point));
            }
        }
        Err(message) => {
            if let Some(run) = run.as_mut().filter(|r| r.id == report.id) {
                run.absorb(Err(message.clone()));
            }
            if let Some(chart) = chart.as_mut().filter(|c| c.id == report.id) {
                chart.absorb(Err(message));
            }
        }
    }
}

/// Sends each workload task once, whenever there is one to send.
#[hook]
pub fn use_workload_tasks(state: &UseReducerHandle<AppState>, engine: &Engine) {
    let (engine, dispatcher) = (engine.clone(), state.dispatcher());
    let next = state.workload.next_request();
    let key = next.as_ref().map(|(id, task)| (*id, format!("{task:?}")));
    use_effect_with(key, move |_| {
        if let Some((id, task)) = next {
            send(&engine, Request::Workload { id, task });
            dispatcher.dispatch(Action::Workload(WorkloadAction::Asked(id)));
        }
    });
}

/// The columns a click on a header sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Pattern,
    Tenant,
    Weight,
    IndexA,
    IndexB,
    RowsA,
    RowsB,
    MedianA,
    MedianB,
    Speedup,
    Expected,
}

const COLUMNS: [(Column, &str); 11] = [
    (Column::Pattern, "pattern"),
    (Column::Tenant, "tenant"),
    (Column::Weight, "weight"),
    (Column::IndexA, "A uses"),
    (Column::IndexB, "B uses"),
    (Column::RowsA, "A rows examined"),
    (Column::RowsB, "B rows examined"),
    (Column::MedianA, "A median (p95)"),
    (Column::MedianB, "B median (p95)"),
    (Column::Speedup, "B against A (99% interval)"),
    (Column::Expected, "document expected"),
];

fn compare_rows(
    a: &WorkloadRow,
    b: &WorkloadRow,
    column: Column,
    weight: &dyn Fn(&str) -> u32,
) -> Ordering {
    let index = |r: &WorkloadRow, slot: Slot| {
        let m = if slot == Slot::A { &r.a } else { &r.b };
        m.index.clone().unwrap_or_default()
    };
    match column {
        Column::Pattern => a.pattern.cmp(&b.pattern),
        Column::Tenant => a.tenant.cmp(&b.tenant),
        Column::Weight => weight(&a.pattern).cmp(&weight(&b.pattern)),
        Column::IndexA => index(a, Slot::A).cmp(&index(b, Slot::A)),
        Column::IndexB => index(a, Slot::B).cmp(&index(b, Slot::B)),
        Column::RowsA => a.a.stats.rows_examined.cmp(&b.a.stats.rows_examined),
        Column::RowsB => a.b.stats.rows_examined.cmp(&b.b.stats.rows_examined),
        Column::MedianA => a.a.timings.median_us.total_cmp(&b.a.timings.median_us),
        Column::MedianB => a.b.timings.median_us.total_cmp(&b.b.timings.median_us),
        Column::Speedup => a.speedup.total_cmp(&b.speedup),
        Column::Expected => a.met.cmp(&b.met),
    }
}

#[derive(Properties, PartialEq)]
pub struct WorkloadViewProps {
    pub state: UseReducerHandle<AppState>,
}

#[component]
pub fn WorkloadView(props: &WorkloadViewProps) -> Html {
    let state = &props.state;
    let sort = use_state(|| None::<(Column, bool)>);
    // The totals' interval resamples every row's runs: worked out once per
    // new row, weight or dataset, not on every render of the page.
    let judged = {
        let key = (
            state.workload.run.as_ref().map(|r| (r.id, r.rows.len())),
            state.experiment.weights.clone(),
            state.dataset.as_ref().map(|d| d.memory.clone()),
        );
        let state = state.clone();
        use_memo(key, move |_| {
            let run = state.workload.run.as_ref()?;
            Some(judge(&state, run))
        })
    };
    let dispatch = |make: fn() -> WorkloadAction| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::Workload(make())))
    };
    let ready = matches!(state.status, EngineStatus::Ready | EngineStatus::Running);
    let measuring = state.workload.measuring();
    let on_chart = {
        let dispatcher = state.dispatcher();
        Callback::from(move |pattern| {
            dispatcher.dispatch(Action::Workload(WorkloadAction::Chart(pattern)))
        })
    };
    let default_pattern = state
        .experiment
        .pattern
        .clone()
        .unwrap_or_else(|| patterns::all()[0].id.to_owned());
    html! {
        <section class="workload" aria-label="Workload">
            <h2>{ "Workload: every documented pattern under A and B" }</h2>
            <div class="row">
                <button data-testid="workload-run" disabled={!ready || measuring} onclick={dispatch(|| WorkloadAction::Run)}>
                    { "Run the workload" }</button>
                <button data-testid="workload-stop" disabled={!measuring} onclick={dispatch(|| WorkloadAction::Stop)}>
                    { "Stop" }</button>
                { progress(state) }
            </div>
            if let Some(message) = &state.workload.weight_error {
                <p class="error" role="alert" data-testid="workload-weight-error">{ message }</p>
            }
            if let Some(run) = &state.workload.run {
                { verdict(state, run, (*judged).clone()) }
                { table(state, run, sort) }
            }
            <CrossoverChart run={state.workload.chart.clone()} pattern={default_pattern}
                busy={!ready || measuring} {on_chart} />
        </section>
    }
}

fn progress(state: &AppState) -> Html {
    let Some(run) = &state.workload.run else {
        return html! {};
    };
    let ending = match &run.ending {
        None => "measuring".to_owned(),
        Some(Ending::Complete) => "done".to_owned(),
        Some(Ending::Stopped) => "stopped".to_owned(),
        Some(Ending::OverBudget) => "over budget".to_owned(),
        Some(Ending::Failed(message)) => format!("failed: {message}"),
    };
    html! {
        <span class="muted" data-testid="workload-progress" data-done={run.rows.len().to_string()}
            data-total={run.total().to_string()}>
            { format!("{} of {} rows ({ending}); up to {} runs per row, {} s per configuration",
                run.rows.len(), run.total(), run.spec.plan.wanted, f64::from(run.spec.plan.budget_ms) / 1000.0) }
        </span>
    }
}

/// The verdict over the rows measured so far, without the write cost.
fn judge(state: &AppState, run: &WorkloadRun) -> WorkloadVerdict {
    let memory = state
        .dataset
        .as_ref()
        .map(|d| d.memory.clone())
        .unwrap_or_default();
    WorkloadVerdict::of(&run.rows, &state.experiment.weights, &run.spec.b, &memory)
}

fn verdict(state: &AppState, run: &WorkloadRun, judged: Option<WorkloadVerdict>) -> Html {
    let mut verdict = judged.unwrap_or_else(|| judge(state, run));
    verdict.write_cost = measured_write_cost(state, run);
    let hint = verdict.write_cost.is_none().then(|| {
        html! { <span class="muted">{ " (write cost: measure it under “What each index costs”)" }</span> }
    });
    html! { <p class="verdict" data-testid="workload-verdict">{ verdict.text() }{ hint }</p> }
}

/// B's insert cost over A's, when the page measured it for the same two
/// index sets the workload ran under (a cost of other sets says nothing here).
fn measured_write_cost(state: &AppState, run: &WorkloadRun) -> Option<WriteCostPhrase> {
    let Some(Ok(report)) = &state.costs.report else {
        return None;
    };
    let same = |measured: &[String], ran: &[String]| {
        let mut measured = measured.to_vec();
        let mut ran = ran.to_vec();
        measured.sort();
        ran.sort();
        measured == ran
    };
    (same(&report.a, &run.spec.a) && same(&report.b, &run.spec.b)).then_some(WriteCostPhrase {
        insert: report.writes.summary.difference(WriteKind::Insert),
    })
}

fn table(
    state: &UseReducerHandle<AppState>,
    run: &WorkloadRun,
    sort: UseStateHandle<Option<(Column, bool)>>,
) -> Html {
    let weights = state.experiment.weights.clone();
    let weight = move |p: &str| weights.of(p);
    let mut rows: Vec<&WorkloadRow> = run.rows.iter().collect();
    if let Some((column, descending)) = *sort {
        rows.sort_by(|a, b| {
            let order = compare_rows(a, b, column, &weight);
            if descending {
                order.reverse()
            } else {
                order
            }
        });
    }
    let header = |(column, label): (Column, &'static str)| {
        let sort = sort.clone();
        let current = *sort;
        let aria = match current {
            Some((c, true)) if c == column => "descending",
            Some((c, false)) if c == column => "ascending",
            _ => "none",
        };
        let onclick = Callback::from(move |_| {
            let descending = matches!(current, Some((c, false)) if c == column);
            sort.set(Some((column, descending)));
        });
        html! { <th scope="col" aria-sort={aria}><button class="link" {onclick}>{ label }</button></th> }
    };
    html! {
        <table class="workload-table" data-testid="workload-table">
            <thead><tr>{ for COLUMNS.into_iter().map(header) }<th scope="col">{ "why" }</th></tr></thead>
            <tbody>{ for rows.into_iter().map(|row| table_row(state, row, weight(&row.pattern))) }</tbody>
        </table>
    }
}

fn table_row(state: &UseReducerHandle<AppState>, row: &WorkloadRow, weight: u32) -> Html {
    let uses = |m: &seekscan_core::workload::Measured| {
        m.index.clone().unwrap_or_else(|| "full scan".to_owned())
    };
    let timing = |m: &seekscan_core::workload::Measured| {
        format!(
            "{} ({}) · {} runs",
            micros(m.timings.median_us),
            micros(m.timings.p95_us),
            m.timings.samples_us.len()
        )
    };
    let met = match row.met {
        Some(true) => "✓ met",
        Some(false) => "✗ not met",
        None if row.expected_percent.is_some() => "undecided within noise",
        None => "",
    };
    let onchange = {
        let (dispatcher, pattern) = (state.dispatcher(), row.pattern.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let (pattern, weight) = (pattern.clone(), input.value());
            dispatcher.dispatch(Action::Workload(WorkloadAction::SetWeight {
                pattern,
                weight,
            }));
        })
    };
    html! {
        <tr data-testid={format!("workload-row-{}-{}", row.pattern, row.tenant.word())}>
            <th scope="row">{ &row.pattern }</th>
            <td>{ row.tenant.word() }</td>
            <td><input type="number" min="0" class="weight" aria-label={format!("weight of {}", row.pattern)}
                data-testid={format!("workload-weight-{}-{}", row.pattern, row.tenant.word())}
                value={weight.to_string()} {onchange} /></td>
            <td>{ uses(&row.a) }</td>
            <td>{ uses(&row.b) }</td>
            <td class="num">{ thousands(row.a.stats.rows_examined) }</td>
            <td class="num">{ thousands(row.b.stats.rows_examined) }</td>
            <td class="num">{ timing(&row.a) }</td>
            <td class="num">{ timing(&row.b) }</td>
            <td class="num" data-testid={format!("workload-difference-{}-{}", row.pattern, row.tenant.word())}>{ row.difference.short() }</td>
            <td>{ format!("{}% ", row.expected_percent.as_deref().unwrap_or("?")) }{ met }</td>
            <td class="why">{ &row.why.text }</td>
        </tr>
    }
}
