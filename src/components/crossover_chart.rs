use seekscan_core::patterns;
use seekscan_core::units::{micros, thousands};
use seekscan_core::workload::crossover::{payoff, CrossoverRun, Payoff, Point};
use seekscan_core::workload::Measured;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CrossoverChartProps {
    pub run: Option<CrossoverRun>,
    /// The pattern the picker shows.
    pub pattern: String,
    pub busy: bool,
    pub on_chart: Callback<String>,
}

const WIDTH: f64 = 560.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 40.0;

/// A log axis over `[lo, hi]`, widened to whole powers of ten.
#[derive(Clone, Copy)]
struct LogAxis {
    lo: f64,
    hi: f64,
}

impl LogAxis {
    fn over(values: impl Iterator<Item = f64>) -> Self {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for v in values {
            lo = lo.min(v.log10());
            hi = hi.max(v.log10());
        }
        if !lo.is_finite() {
            (lo, hi) = (0.0, 1.0);
        }
        let (lo, hi) = (lo.floor(), hi.ceil());
        Self {
            lo,
            hi: if hi > lo { hi } else { lo + 1.0 },
        }
    }

    /// Where `value` falls, from 0 (lo) to 1 (hi).
    fn at(self, value: f64) -> f64 {
        (value.log10() - self.lo) / (self.hi - self.lo)
    }

    fn decades(self) -> impl Iterator<Item = f64> {
        (self.lo as i32..=self.hi as i32).map(|e| 10f64.powi(e))
    }
}

/// Rows matched as charted: a point with none sits at 1.
fn rows_of(point: &Point) -> f64 {
    point.matched.max(1) as f64
}

/// A median in milliseconds, never below the timer's microsecond.
fn ms_of(measured: &Measured) -> f64 {
    measured.timings.median_us.max(1.0) / 1000.0
}

struct Frame {
    x: LogAxis,
    y: LogAxis,
}

impl Frame {
    fn px(&self, rows: f64) -> f64 {
        LEFT + self.x.at(rows) * (WIDTH - LEFT - RIGHT)
    }
    fn py(&self, ms: f64) -> f64 {
        HEIGHT - BOTTOM - self.y.at(ms) * (HEIGHT - TOP - BOTTOM)
    }
}

/// Time (log) against rows matched (log) for one pattern under A and B,
/// one point per tenant and per status or action value, the point where B's
/// index stops paying off marked; hovering a point names it. The same
/// numbers follow as a table.
#[component]
pub fn CrossoverChart(props: &CrossoverChartProps) -> Html {
    let picked = use_state(|| props.pattern.clone());
    let on_pick = {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            picked.set(select.value());
        })
    };
    let on_click = {
        let (picked, on_chart) = (picked.clone(), props.on_chart.clone());
        Callback::from(move |_| on_chart.emit((*picked).clone()))
    };
    let progress = props.run.as_ref().map(|run| {
        let state = if run.measuring() { "measuring" } else { "done" };
        format!(
            "{} of {} points ({state})",
            run.points.len(),
            run.todo.len()
        )
    });
    html! {
        <section class="crossover" aria-label="Crossover chart">
            <h3>{ "Where the index stops paying off" }</h3>
            <div class="row">
                <select data-testid="crossover-pattern" aria-label="Pattern to chart" onchange={on_pick}>
                    { for patterns::all().iter().map(|p| html! {
                        <option value={p.id} selected={*picked == p.id}>{ p.id }</option>
                    }) }
                </select>
                <button data-testid="crossover-run" disabled={props.busy} onclick={on_click}>{ "Chart" }</button>
                if let Some(progress) = progress {
                    <span class="muted" data-testid="crossover-progress">{ progress }</span>
                }
            </div>
            if let Some(run) = &props.run {
                { chart(run) }
                { crossover_line(&run.points) }
                { table(run) }
            }
        </section>
    }
}

fn chart(run: &CrossoverRun) -> Html {
    let points = &run.points;
    let frame = Frame {
        x: LogAxis::over(points.iter().map(rows_of)),
        y: LogAxis::over(points.iter().flat_map(|p| [ms_of(&p.a), ms_of(&p.b)])),
    };
    let title = format!("{}: time against rows matched, A and B", run.pattern);
    html! {
        <svg data-testid="crossover-chart" role="img" aria-label={title.clone()}
            viewBox={format!("0 0 {WIDTH} {HEIGHT}")} width={WIDTH.to_string()} height={HEIGHT.to_string()}>
            <title>{ title }</title>
            { axes(&frame) }
            { crossover_mark(&frame, points) }
            { series(&frame, points, "a") }
            { series(&frame, points, "b") }
            <text x={(WIDTH - RIGHT).to_string()} y={(HEIGHT - 6.0).to_string()} text-anchor="end" class="axis-label">{ "rows matched (log)" }</text>
            <text x="4" y="12" class="axis-label">{ "median ms (log)" }</text>
            <g class="legend">
                <circle cx={(WIDTH - RIGHT - 60.0).to_string()} cy={(TOP - 8.0).to_string()} r="4" class="series-a" />
                <text x={(WIDTH - RIGHT - 52.0).to_string()} y={(TOP - 4.0).to_string()}>{ "A" }</text>
                <circle cx={(WIDTH - RIGHT - 30.0).to_string()} cy={(TOP - 8.0).to_string()} r="4" class="series-b" />
                <text x={(WIDTH - RIGHT - 22.0).to_string()} y={(TOP - 4.0).to_string()}>{ "B" }</text>
            </g>
        </svg>
    }
}

fn axes(frame: &Frame) -> Html {
    let (x0, x1) = (LEFT, WIDTH - RIGHT);
    let (y0, y1) = (HEIGHT - BOTTOM, TOP);
    let xs = frame.x.decades().map(|rows| {
        let x = frame.px(rows);
        html! { <g class="tick">
            <line x1={x.to_string()} x2={x.to_string()} y1={y0.to_string()} y2={y1.to_string()} />
            <text x={x.to_string()} y={(y0 + 14.0).to_string()} text-anchor="middle">{ thousands(rows as u64) }</text>
        </g> }
    });
    let ys = frame.y.decades().map(|ms| {
        let y = frame.py(ms);
        html! { <g class="tick">
            <line x1={x0.to_string()} x2={x1.to_string()} y1={y.to_string()} y2={y.to_string()} />
            <text x={(x0 - 4.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end">{ micros(ms * 1000.0) }</text>
        </g> }
    });
    html! { <g class="axes">{ for xs }{ for ys }</g> }
}

fn series(frame: &Frame, points: &[Point], slot: &'static str) -> Html {
    let pick = |p: &Point| {
        if slot == "a" {
            p.a.clone()
        } else {
            p.b.clone()
        }
    };
    let mut sorted: Vec<&Point> = points.iter().collect();
    sorted.sort_by_key(|p| p.matched);
    let path: Vec<String> = sorted
        .iter()
        .map(|p| {
            format!(
                "{:.1},{:.1}",
                frame.px(rows_of(p)),
                frame.py(ms_of(&pick(p)))
            )
        })
        .collect();
    let dots = sorted.iter().map(|p| {
        let measured = pick(p);
        let ms = ms_of(&measured);
        let hover = format!(
            "{}: {} rows matched; {} median {} (p95 {}), {} rows examined, {}",
            p.label.text(),
            thousands(p.matched),
            slot.to_uppercase(),
            micros(measured.timings.median_us),
            micros(measured.timings.p95_us),
            thousands(measured.stats.rows_examined),
            measured.index.as_deref().unwrap_or("full scan"),
        );
        html! {
            <circle class={format!("point series-{slot}")} data-config={slot}
                data-rows={p.matched.to_string()} data-ms={format!("{ms:.3}")}
                cx={format!("{:.1}", frame.px(rows_of(p)))} cy={format!("{:.1}", frame.py(ms))} r="4">
                <title>{ hover }</title>
            </circle>
        }
    });
    html! {
        <g class={format!("series series-{slot}")}>
            <polyline points={path.join(" ")} fill="none" />
            { for dots }
        </g>
    }
}

fn crossover_mark(frame: &Frame, points: &[Point]) -> Html {
    let Payoff::StopsBetween {
        last_gain,
        first_loss,
    } = payoff(points)
    else {
        return html! {};
    };
    let at = ((last_gain.max(1) as f64) * (first_loss.max(1) as f64)).sqrt();
    let x = frame.px(at);
    html! {
        <g class="crossover-mark" data-testid="crossover-mark" data-rows={format!("{at:.0}")}>
            <line x1={x.to_string()} x2={x.to_string()} y1={TOP.to_string()} y2={(HEIGHT - BOTTOM).to_string()} />
            <text x={(x + 4.0).to_string()} y={(TOP + 24.0).to_string()}>{ format!("≈ {} rows", thousands(at as u64)) }</text>
        </g>
    }
}

fn crossover_line(points: &[Point]) -> Html {
    let text = match payoff(points) {
        Payoff::Always => "B's index pays off at every point measured".to_owned(),
        Payoff::Never => "B's index pays off at no point measured".to_owned(),
        Payoff::Mixed => {
            "B is faster at some points and slower at others, with no single crossing".to_owned()
        }
        Payoff::StopsBetween {
            last_gain,
            first_loss,
        } => format!(
            "B's index stops paying off between {} and {} rows matched",
            thousands(last_gain),
            thousands(first_loss)
        ),
    };
    html! { <p data-testid="crossover-payoff">{ text }</p> }
}

/// The chart's numbers for screen readers (and anyone who wants them).
fn table(run: &CrossoverRun) -> Html {
    let mut sorted: Vec<&Point> = run.points.iter().collect();
    sorted.sort_by_key(|p| std::cmp::Reverse(p.matched));
    html! {
        <details>
            <summary>{ "The chart's numbers as a table" }</summary>
            <table data-testid="crossover-table">
                <caption>{ format!("{}: median time under A and B by rows matched", run.pattern) }</caption>
                <thead><tr>
                    <th scope="col">{ "point" }</th><th scope="col">{ "rows matched" }</th>
                    <th scope="col">{ "A median" }</th><th scope="col">{ "B median" }</th>
                    <th scope="col">{ "A rows examined" }</th><th scope="col">{ "B rows examined" }</th>
                </tr></thead>
                <tbody>
                    { for sorted.iter().map(|p| html! { <tr>
                        <th scope="row">{ p.label.text() }</th>
                        <td>{ thousands(p.matched) }</td>
                        <td>{ micros(p.a.timings.median_us) }</td>
                        <td>{ micros(p.b.timings.median_us) }</td>
                        <td>{ thousands(p.a.stats.rows_examined) }</td>
                        <td>{ thousands(p.b.stats.rows_examined) }</td>
                    </tr> }) }
                </tbody>
            </table>
        </details>
    }
}
