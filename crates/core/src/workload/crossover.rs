//! Time against rows matched for one pattern, under A and B: one point per
//! tenant, from the largest to the smallest (the generator's skew spreads
//! them over orders of magnitude), and one per status or action value when
//! the pattern filters on one; and where B's index stops paying off.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{find_pattern, matched_rows, measure_both, share_of_budget, Measured};
use crate::bench::{Ending, RepeatPlan};
use crate::engine::{Engine, EngineError};
use crate::schema;

/// Tenants charted at most: beyond this many, tenants spaced evenly on a
/// log scale of their rank (the largest and the smallest always among them),
/// so the chart's range stays whole and its time bounded.
pub const MAX_TENANT_POINTS: usize = 16;

/// What a point varies.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub enum PointLabel {
    /// The pattern's parameters for this tenant (others as for the large one).
    Tenant(i64),
    /// A status or action value, for the large tenant.
    Value { param: String, value: String },
}

impl PointLabel {
    pub fn text(&self) -> String {
        match self {
            PointLabel::Tenant(id) => format!("tenant {id}"),
            PointLabel::Value { param, value } => format!("{param} = {value}"),
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct PointTask {
    pub pattern: String,
    pub label: PointLabel,
    pub params: BTreeMap<String, String>,
    pub a: Vec<String>,
    pub b: Vec<String>,
    pub plan_a: RepeatPlan,
    pub plan_b: RepeatPlan,
}

/// One point of each series: the rows the conditions match, and A's and B's runs.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Point {
    pub label: PointLabel,
    pub matched: u64,
    pub a: Measured,
    pub b: Measured,
}

pub fn measure_point(engine: &mut Engine, task: &PointTask) -> Result<Point, EngineError> {
    let pattern = find_pattern(&task.pattern)?;
    let sql = pattern.render(&task.params);
    let [(_, a), (_, b)] =
        measure_both(engine, &sql, [&task.a, &task.b], [task.plan_a, task.plan_b])?;
    let matched = matched_rows(engine, &sql, &task.b)?.unwrap_or(a.stats.rows_returned);
    Ok(Point {
        label: task.label.clone(),
        matched,
        a,
        b,
    })
}

/// The tenants to chart of `count` (ids 1..=count, largest first).
pub fn tenants_to_chart(count: usize) -> Vec<i64> {
    let count = count.max(1);
    if count <= MAX_TENANT_POINTS {
        return (1..=count as i64).collect();
    }
    let last = (MAX_TENANT_POINTS - 1) as f64;
    let mut ids: Vec<i64> = (0..MAX_TENANT_POINTS)
        .map(|i| (count as f64).powf(i as f64 / last).round() as i64)
        .collect();
    ids.dedup();
    ids
}

/// The values a filtered column takes, for the parameters charted by value.
fn values_of(param: &str) -> Option<&'static [&'static str]> {
    match param {
        "status" => Some(&schema::STATUSES),
        "action" => Some(&schema::ACTIONS),
        _ => None,
    }
}

/// Every point to measure for `pattern`, with its parameters: per tenant
/// when it filters on the tenant, per value when it filters on a status or
/// action; a pattern filtering on neither gets the large and the small
/// tenant's data-drawn parameters.
pub fn points(
    pattern: &str,
    tenants: usize,
    large: &BTreeMap<String, String>,
    small: &BTreeMap<String, String>,
) -> Vec<(PointLabel, BTreeMap<String, String>)> {
    let Some(pattern) = crate::patterns::find(pattern) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if pattern.params.contains(&"tenant") {
        for id in tenants_to_chart(tenants) {
            let mut params = large.clone();
            params.insert("tenant".to_owned(), id.to_string());
            out.push((PointLabel::Tenant(id), params));
        }
    }
    for param in pattern.params {
        for value in values_of(param).into_iter().flatten() {
            let mut params = large.clone();
            params.insert((*param).to_owned(), (*value).to_owned());
            let label = PointLabel::Value {
                param: (*param).to_owned(),
                value: (*value).to_owned(),
            };
            out.push((label, params));
        }
    }
    if out.is_empty() {
        for params in [large, small] {
            let id = params
                .get("tenant")
                .and_then(|t| t.parse().ok())
                .unwrap_or(0);
            out.push((PointLabel::Tenant(id), params.clone()));
        }
    }
    out
}

/// Where the index stops paying off along rows matched.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub enum Payoff {
    /// B is faster at every point.
    Always,
    /// B is faster at no point.
    Never,
    /// B is faster up to `last_gain` rows matched and no faster from
    /// `first_loss` on (the points ordered by rows matched).
    StopsBetween { last_gain: u64, first_loss: u64 },
    /// Faster and slower points alternate along rows matched: no single crossing.
    Mixed,
}

/// The crossover of `points` (B faster while its median is below A's).
pub fn payoff(points: &[Point]) -> Payoff {
    let mut sorted: Vec<&Point> = points.iter().collect();
    sorted.sort_by_key(|p| p.matched);
    let gains: Vec<bool> = sorted
        .iter()
        .map(|p| p.b.timings.median_us < p.a.timings.median_us)
        .collect();
    match (gains.iter().all(|g| *g), gains.iter().any(|g| *g)) {
        (true, _) => return Payoff::Always,
        (false, false) => return Payoff::Never,
        _ => {}
    }
    let first_loss = gains.iter().position(|g| !g).unwrap_or(0);
    let regains = gains[first_loss..].iter().any(|g| *g);
    if first_loss == 0 || regains {
        return Payoff::Mixed;
    }
    Payoff::StopsBetween {
        last_gain: sorted[first_loss - 1].matched,
        first_loss: sorted[first_loss].matched,
    }
}

/// A chart in progress on the page: the points left, those measured, why it ended.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct CrossoverRun {
    pub id: u64,
    pub pattern: String,
    pub a: Vec<String>,
    pub b: Vec<String>,
    pub plan: RepeatPlan,
    pub todo: Vec<(PointLabel, BTreeMap<String, String>)>,
    pub points: Vec<Point>,
    pub ending: Option<Ending>,
    pub in_flight: bool,
}

impl CrossoverRun {
    pub fn new(
        id: u64,
        pattern: &str,
        (a, b): (Vec<String>, Vec<String>),
        plan: RepeatPlan,
        todo: Vec<(PointLabel, BTreeMap<String, String>)>,
    ) -> Self {
        let ending = todo.is_empty().then_some(Ending::Complete);
        Self {
            id,
            pattern: pattern.to_owned(),
            a,
            b,
            plan,
            todo,
            points: Vec::new(),
            ending,
            in_flight: false,
        }
    }

    pub fn measuring(&self) -> bool {
        self.ending.is_none()
    }

    pub fn next_task(&self) -> Option<PointTask> {
        if self.in_flight || !self.measuring() {
            return None;
        }
        let (label, params) = self.todo.get(self.points.len())?.clone();
        let left = self.todo.len() - self.points.len();
        let spent = |pick: fn(&Point) -> &Measured| {
            self.points
                .iter()
                .map(|p| pick(p).timings.spent_ms())
                .sum::<f64>()
        };
        Some(PointTask {
            pattern: self.pattern.clone(),
            label,
            params,
            a: self.a.clone(),
            b: self.b.clone(),
            plan_a: share_of_budget(self.plan, spent(|p| &p.a), left),
            plan_b: share_of_budget(self.plan, spent(|p| &p.b), left),
        })
    }

    pub fn asked(&mut self) {
        self.in_flight = true;
    }

    pub fn absorb(&mut self, answer: Result<Point, String>) {
        self.in_flight = false;
        if !self.measuring() {
            return;
        }
        match answer {
            Ok(point) => {
                self.points.push(point);
                if self.points.len() >= self.todo.len() {
                    self.ending = Some(Ending::Complete);
                }
            }
            Err(message) => self.ending = Some(Ending::Failed(message)),
        }
    }

    /// Stop, Regenerate or a worker's death: the points so far stay, and
    /// the task in flight is given up (its answer, if any, lands nowhere),
    /// so nothing waits for it.
    pub fn stop(&mut self) {
        self.in_flight = false;
        if self.measuring() {
            self.ending = Some(Ending::Stopped);
        }
    }
}

/// Every point of a chart, one after another (the command line's and the tests' way).
pub fn run_all(engine: &mut Engine, mut run: CrossoverRun) -> Result<Vec<Point>, EngineError> {
    while let Some(task) = run.next_task() {
        run.asked();
        run.absorb(Ok(measure_point(engine, &task)?));
    }
    Ok(run.points)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_tenants_are_all_charted_and_many_are_spread_on_a_log_scale() {
        assert_eq!(tenants_to_chart(5), vec![1, 2, 3, 4, 5]);
        let many = tenants_to_chart(1_000);
        assert_eq!((many[0], *many.last().unwrap()), (1, 1_000));
        assert!(many.len() <= MAX_TENANT_POINTS && many.len() > 10);
        assert!(many.windows(2).all(|w| w[0] < w[1]));
    }
}
