//! Deterministic sample data: the same seed and scale give the same rows on
//! every platform. Only integer arithmetic and u64 ranges are used (usize
//! differs between wasm32 and 64-bit hosts; floats are avoided).
use gluesql_core::chrono::{DateTime, NaiveDateTime};
use gluesql_core::data::Value;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::schema::{self, ACTIONS, PRODUCT_SLUGS, RUN_TYPES};

pub const PRESETS: [usize; 3] = [10_000, 100_000, 1_000_000];

/// The newest timestamp in the data (the day the Phase 3 migration was applied).
const END_EPOCH: i64 = 1_769_385_600; // 2026-01-26 00:00:00 UTC
/// Timestamps spread over the 180 days before `END_EPOCH`.
const SPAN_SECONDS: u64 = 180 * 24 * 3600;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DatasetSpec {
    pub seed: u64,
    /// The number of audit events; the other tables derive from it.
    pub scale: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TableRows {
    pub name: &'static str,
    pub rows: Vec<Vec<Value>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TenantInfo {
    pub count: usize,
    /// The tenant with the most rows.
    pub large: i64,
    /// The tenant with the fewest rows.
    pub small: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub spec: DatasetSpec,
    pub tenants: TenantInfo,
    pub tables: Vec<TableRows>,
}

impl Dataset {
    pub fn table(&self, name: &str) -> Option<&TableRows> {
        self.tables.iter().find(|t| t.name == name)
    }
}

/// One tenant per thousand audit events, at least 5 and at most 1,000.
pub fn tenant_count(scale: usize) -> usize {
    (scale / 1000).clamp(5, 1000)
}

/// Zipf-like: tenant `i` (1-based) weighs 1/i. Cumulative integer weights.
struct Tenants {
    cumulative: Vec<u64>,
}

impl Tenants {
    fn new(count: usize) -> Self {
        let mut total = 0;
        let cumulative = (1..=count as u64)
            .map(|i| {
                total += 1_000_000_000 / i;
                total
            })
            .collect();
        Self { cumulative }
    }

    fn pick(&self, rng: &mut ChaCha8Rng) -> i64 {
        let total = *self.cumulative.last().expect("at least one tenant");
        let ticket = rng.gen_range(0..total);
        self.cumulative.partition_point(|&c| c <= ticket) as i64 + 1
    }
}

fn timestamp(seconds_before_end: u64) -> Value {
    let at = DateTime::from_timestamp(END_EPOCH - seconds_before_end as i64, 0)
        .expect("timestamps lie within chrono's range");
    Value::Timestamp(at.naive_utc())
}

fn naive(value: &Value) -> NaiveDateTime {
    match value {
        Value::Timestamp(t) => *t,
        other => unreachable!("generated timestamps are Value::Timestamp, got {other:?}"),
    }
}

fn percent(rng: &mut ChaCha8Rng, p: u64) -> bool {
    rng.gen_range(0..100) < p
}

pub fn generate(spec: &DatasetSpec) -> Dataset {
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    let count = tenant_count(spec.scale);
    let tenants = Tenants::new(count);
    let runs = report_runs(&mut rng, &tenants, (spec.scale / 30).max(1));
    let events = audit_events(&mut rng, &tenants, spec.scale, runs.len() as u64);
    let configs = product_configs(&mut rng, count);
    Dataset {
        spec: *spec,
        tenants: TenantInfo {
            count,
            large: 1,
            small: count as i64,
        },
        tables: vec![
            TableRows {
                name: schema::REPORT_RUN,
                rows: runs,
            },
            TableRows {
                name: schema::AUDIT_EVENT,
                rows: events,
            },
            TableRows {
                name: schema::PRODUCT_CONFIG,
                rows: configs,
            },
        ],
    }
}

fn report_runs(rng: &mut ChaCha8Rng, tenants: &Tenants, n: usize) -> Vec<Vec<Value>> {
    // Oldest first, so ids follow time and the newest runs are the last ones.
    let mut ages: Vec<u64> = (0..n).map(|_| rng.gen_range(0..SPAN_SECONDS)).collect();
    ages.sort_unstable_by(|a, b| b.cmp(a));
    let running_from = n - (n / 300).max(1);
    ages.into_iter()
        .enumerate()
        .map(|(i, age)| {
            let customer = tenants.pick(rng);
            let run_type = match rng.gen_range(0..10) {
                0..=6 => RUN_TYPES[0],
                7..=8 => RUN_TYPES[1],
                _ => RUN_TYPES[2],
            };
            let started = timestamp(age);
            let (status, finished, summary) = if i >= running_from {
                ("running", Value::Null, Value::Null)
            } else {
                let failed = percent(rng, 4);
                let took = rng.gen_range(30..3600);
                let finished = timestamp(age.saturating_sub(took));
                let summary = if failed {
                    r#"{"error": "upstream timeout", "rows": 0}"#.to_owned()
                } else {
                    format!(
                        r#"{{"rows": {}, "alerts": {}}}"#,
                        rng.gen_range(100..50_000),
                        rng.gen_range(0..12)
                    )
                };
                (
                    if failed { "failed" } else { "success" },
                    finished,
                    Value::Str(summary),
                )
            };
            vec![
                Value::I64(i as i64 + 1),
                Value::I64(customer),
                Value::Str(run_type.to_owned()),
                started,
                finished,
                Value::Str(status.to_owned()),
                summary,
            ]
        })
        .collect()
}

fn audit_events(rng: &mut ChaCha8Rng, tenants: &Tenants, n: usize, runs: u64) -> Vec<Vec<Value>> {
    let mut ages: Vec<u64> = (0..n).map(|_| rng.gen_range(0..SPAN_SECONDS)).collect();
    ages.sort_unstable_by(|a, b| b.cmp(a));
    ages.into_iter()
        .enumerate()
        .map(|(i, age)| {
            let system = percent(rng, 3);
            let customer = (!system).then(|| tenants.pick(rng));
            let action = ACTIONS[rng.gen_range(0..ACTIONS.len() as u64) as usize];
            let entity_type = schema::entity_type(action);
            let entity_id = match entity_type {
                "report_run" => Some(rng.gen_range(1..=runs)),
                "membership" => None,
                _ => Some(rng.gen_range(1..=5_000u64)),
            };
            let user = customer.map(|c| c * 100 + rng.gen_range(0..8));
            let request_id = (!percent(rng, 3))
                .then(|| format!("{:016x}{:016x}", rng.gen::<u64>(), rng.gen::<u64>()));
            let metadata = match entity_id {
                Some(id) => format!(r#"{{"{entity_type}_id": {id}}}"#),
                None => "{}".to_owned(),
            };
            vec![
                Value::I64(i as i64 + 1),
                customer.map_or(Value::Null, Value::I64),
                Value::Str(action.to_owned()),
                Value::Str(entity_type.to_owned()),
                entity_id.map_or(Value::Null, |id| Value::Str(id.to_string())),
                timestamp(age),
                request_id.map_or(Value::Null, Value::Str),
                Value::Str(metadata),
                user.map_or(Value::Null, Value::I64),
            ]
        })
        .collect()
}

fn product_configs(rng: &mut ChaCha8Rng, tenants: usize) -> Vec<Vec<Value>> {
    let mut rows = Vec::new();
    for customer in 1..=tenants as i64 {
        let mut slugs = PRODUCT_SLUGS;
        slugs.shuffle(rng);
        let products = rng.gen_range(1..=PRODUCT_SLUGS.len() as u64) as usize;
        for slug in &slugs[..products] {
            let created = timestamp(rng.gen_range(0..SPAN_SECONDS));
            let updated = timestamp(
                SPAN_SECONDS.min((END_EPOCH - naive(&created).and_utc().timestamp()) as u64) / 2,
            );
            let enabled = percent(rng, 60);
            rows.push(vec![
                Value::I64(rows.len() as i64 + 1),
                Value::I64(customer),
                Value::Str((*slug).to_owned()),
                Value::Bool(enabled),
                Value::Str(format!(
                    r#"{{"tier": "{}"}}"#,
                    if enabled { "pro" } else { "trial" }
                )),
                created,
                updated,
                Value::I64(customer * 100),
                Value::I64(customer * 100 + 1),
            ]);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(rows: &[Vec<Value>], at: usize) -> impl Iterator<Item = &Value> {
        rows.iter().map(move |r| &r[at])
    }

    #[test]
    fn same_seed_same_rows_other_seed_other_rows() {
        let spec = DatasetSpec {
            seed: 7,
            scale: 3_000,
        };
        assert_eq!(generate(&spec), generate(&spec));
        assert_ne!(generate(&spec), generate(&DatasetSpec { seed: 8, ..spec }));
    }

    #[test]
    fn sizes_and_value_sets_follow_the_schema() {
        let data = generate(&DatasetSpec {
            seed: 1,
            scale: 10_000,
        });
        let runs = &data.table(schema::REPORT_RUN).unwrap().rows;
        let events = &data.table(schema::AUDIT_EVENT).unwrap().rows;
        let configs = &data.table(schema::PRODUCT_CONFIG).unwrap().rows;
        assert_eq!(events.len(), 10_000);
        assert_eq!(runs.len(), 333);
        assert!(configs.len() <= 5 * data.tenants.count);
        let statuses: Vec<&Value> = column(runs, 5).collect();
        let success = statuses
            .iter()
            .filter(|s| ***s == Value::Str("success".into()))
            .count();
        assert!(
            success * 10 > runs.len() * 8,
            "success dominates: {success}"
        );
        // Running only among the newest runs, and never finished.
        for (i, run) in runs.iter().enumerate() {
            if run[5] == Value::Str("running".into()) {
                assert!(i >= runs.len() - runs.len() / 100 - 1);
                assert_eq!(run[4], Value::Null);
            }
        }
        // One config per (customer, product_slug).
        let mut pairs: Vec<(String, String)> = configs
            .iter()
            .map(|c| (format!("{:?}", c[1]), format!("{:?}", c[2])))
            .collect();
        pairs.sort();
        pairs.dedup();
        assert_eq!(pairs.len(), configs.len());
    }

    #[test]
    fn tenants_are_skewed() {
        let data = generate(&DatasetSpec {
            seed: 1,
            scale: 100_000,
        });
        let events = &data.table(schema::AUDIT_EVENT).unwrap().rows;
        let count = |tenant: i64| {
            column(events, 1)
                .filter(|v| **v == Value::I64(tenant))
                .count()
        };
        let (large, small) = (count(data.tenants.large), count(data.tenants.small));
        assert!(large > 50 * small.max(1), "large {large}, small {small}");
    }
}
