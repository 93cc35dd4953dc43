//! The workload view: every documented pattern for the large and the small
//! tenant under A and B, measured one row at a time (its state and
//! scheduling: `state::workload`), sortable, with an editable weight per
//! pattern kept in the link, the verdict for B's index set and the
//! crossover chart.
use std::cmp::Ordering;

use seekscan_core::bench::Ending;
use seekscan_core::index_cost::WriteKind;
use seekscan_core::patterns;
use seekscan_core::protocol::{Request, Slot};
use seekscan_core::units::{micros, thousands};
use seekscan_core::workload::{WorkloadRow, WorkloadRun, WorkloadVerdict, WriteCostPhrase};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::engine::{send, Engine};
use crate::components::crossover_chart::CrossoverChart;
use crate::state::{Action, AppState, EngineStatus, WorkloadAction};

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
    /// Stop: ends the run and chart, and what the worker runs now.
    pub on_stop: Callback<()>,
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
                <button data-testid="workload-stop" disabled={!measuring} onclick={props.on_stop.reform(|_| ())}>
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
