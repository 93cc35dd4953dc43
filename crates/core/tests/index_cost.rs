//! What indexes cost: sizes add up, the write-cost measurement performs
//! the writes it reports (checked on its scratch storage after each timed
//! batch) and leaves the user's rows, indexes, statistics and usage
//! counters exactly as they were; the covering comparison reads what it says.
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use gluesql_core::data::{Key, Value};
use gluesql_core::store::Store;
use seekscan_core::catalog::IndexSet;
use seekscan_core::engine::Engine;
use seekscan_core::generator::{generate, DatasetSpec};
use seekscan_core::index_cost::{self, write_cost, CostOptions, WriteKind, WriteOptions};
use seekscan_core::patterns;
use seekscan_core::protocol::{Request, Response};
use seekscan_core::service::Service;

fn loaded(scale: usize) -> (Engine, BTreeMap<String, String>) {
    let dataset = generate(&DatasetSpec { seed: 2, scale });
    let params = patterns::params_for(&dataset, true);
    (Engine::load(&dataset, &mut |_, _, _| {}).unwrap(), params)
}

fn small() -> CostOptions {
    CostOptions {
        writes: WriteOptions {
            batch_rows: 40,
            repetitions: 3,
        },
        read_runs: 2,
    }
}

/// A digest of every table's rows and every index's entries and statistics.
fn digest(engine: &Engine) -> BTreeMap<String, u64> {
    let storage = engine.storage();
    let mut digests = BTreeMap::new();
    let names: Vec<String> = storage.table_names().map(str::to_owned).collect();
    for table in names {
        let mut hasher = DefaultHasher::new();
        for row in storage.scan_data(&table).unwrap() {
            format!("{:?}", row.unwrap()).hash(&mut hasher);
        }
        digests.insert(format!("table {table}"), hasher.finish());
    }
    for def in engine.indexes() {
        let mut hasher = DefaultHasher::new();
        format!("{:?}", storage.index_entries(&def.name).unwrap()).hash(&mut hasher);
        format!("{:?}", storage.index_stats(&def.name).unwrap()).hash(&mut hasher);
        digests.insert(format!("index {}", def.name), hasher.finish());
    }
    digests
}

#[test]
fn sizes_add_up_per_index_and_per_configuration() {
    let (engine, _) = loaded(3_000);
    let report =
        index_cost::sizes::measure(engine.storage(), &IndexSet::none(), &IndexSet::phase3());
    let memory = engine.memory_report();
    assert_eq!(report.indexes.len(), 10);
    for size in &report.indexes {
        assert_eq!(
            size.key_bytes + size.include_bytes + size.overhead_bytes,
            size.bytes,
            "{}",
            size.index
        );
        let rows = engine.storage().row_count(&size.table).unwrap() as u64;
        assert_eq!(size.entries, rows, "{}", size.index);
        assert!(size.key_bytes > 0 && size.share_of_table > 0.0);
        let table = memory
            .tables
            .iter()
            .find(|t| t.table == size.table)
            .unwrap();
        assert!((size.share_of_table - size.bytes as f64 / table.bytes as f64).abs() < 1e-9);
    }
    // Same keys: the same key bytes; INCLUDE cells only in the covering one.
    let plain = report.index("reportrun_cust_status_idx").unwrap();
    let covering = report.index("reportrun_covering_idx").unwrap();
    assert_eq!(plain.key_bytes, covering.key_bytes);
    assert_eq!(plain.include_bytes, 0);
    assert!(covering.include_bytes > 0 && covering.bytes > plain.bytes);
    assert_eq!(report.a.bytes, 0);
    assert_eq!(report.a.indexes.len(), 0);
    assert_eq!(report.b.indexes.len(), 9);
    let nine: u64 = report
        .indexes
        .iter()
        .filter(|i| IndexSet::phase3().contains(&i.index))
        .map(|i| i.bytes)
        .sum();
    assert_eq!(report.b.bytes, nine);
    assert_eq!(
        report.b.tables.iter().map(|t| t.index_bytes).sum::<u64>(),
        nine
    );
    assert_eq!(report.b.tables.iter().map(|t| t.indexes).sum::<usize>(), 9);
    assert_eq!(
        report.data_bytes,
        memory.tables.iter().map(|t| t.bytes).sum::<u64>()
    );
}

#[test]
fn the_write_measurement_leaves_data_indexes_and_counters_as_they_were() {
    let (mut engine, params) = loaded(3_000);
    // Some usage to keep, and pending writes in the indexes.
    engine
        .run("UPDATE upstream_reportrun SET status = 'failed' WHERE id <= 20")
        .unwrap();
    engine
        .run_with(
            &patterns::find("report_dashboard").unwrap().render(&params),
            &IndexSet::phase3(),
        )
        .unwrap();
    let before = digest(&engine);
    let usage = engine.storage().index_usage();
    let memory = engine.memory_report();
    let report = index_cost::measure(
        &mut engine,
        &IndexSet::none(),
        &IndexSet::phase3(),
        &params,
        small(),
    )
    .unwrap();
    assert_eq!(report.writes.tables.len(), 3);
    assert_eq!(digest(&engine), before);
    assert_eq!(engine.storage().index_usage(), usage);
    assert_eq!(engine.memory_report(), memory);
}

/// After each timed batch, the scratch table holds what the batch wrote.
#[test]
fn the_write_measurement_performs_the_writes_it_reports() {
    let (engine, _) = loaded(3_000);
    let mut seen: BTreeMap<(String, Vec<String>, WriteKind), usize> = BTreeMap::new();
    let mut check = |o: &write_cost::Observation| {
        let rows: BTreeMap<Key, Vec<Value>> = o
            .scratch
            .scan_data(o.table)
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let user_rows = engine.storage().row_count(o.table).unwrap();
        for name in o.maintained {
            let entries = o.scratch.index_entries(name).unwrap();
            // Every maintained index holds exactly the table's rows.
            let mut keyed: Vec<Key> = entries.iter().map(|(_, k)| k.clone()).collect();
            keyed.sort();
            assert_eq!(keyed, rows.keys().cloned().collect::<Vec<_>>(), "{name}");
        }
        match o.kind {
            WriteKind::Insert => {
                assert_eq!(rows.len(), user_rows + o.keys.len());
                assert!(o.keys.iter().all(|k| rows.contains_key(k)));
            }
            WriteKind::Update => {
                assert_eq!(rows.len(), user_rows);
                let changed = o
                    .keys
                    .iter()
                    .filter(|k| {
                        let original = engine.storage().fetch_data(o.table, k).unwrap().unwrap();
                        rows[*k] != original
                    })
                    .count();
                assert!(changed * 2 > o.keys.len(), "{changed} of {}", o.keys.len());
            }
            WriteKind::Delete => {
                assert_eq!(rows.len(), user_rows - o.keys.len());
                assert!(o.keys.iter().all(|k| !rows.contains_key(k)));
            }
        }
        let key = (o.table.to_owned(), o.maintained.to_vec(), o.kind);
        *seen.entry(key).or_default() += o.keys.len();
    };
    let options = WriteOptions {
        batch_rows: 30,
        repetitions: 2,
    };
    let report = write_cost::measure_observed(
        engine.storage(),
        &IndexSet::none(),
        &IndexSet::phase3(),
        options,
        &mut check,
    )
    .unwrap();
    for table in &report.tables {
        for set in [&table.none, &table.a, &table.b] {
            let n = table.batch_rows as u64;
            let maintained = set.indexes.len() as u64;
            assert_eq!(set.observed.rows_inserted, n, "{}", table.table);
            assert_eq!(set.observed.entries_added, n * maintained);
            assert_eq!(set.observed.rows_deleted, n);
            assert_eq!(set.observed.entries_removed, n * maintained);
            assert!(set.observed.rows_updated > 0);
            for kind in WriteKind::ALL {
                let key = (table.table.clone(), set.indexes.clone(), kind);
                assert_eq!(seen.get(&key), Some(&table.batch_rows), "{key:?}");
                assert_eq!(set.timings(kind).samples_us.len(), 2);
            }
        }
        let rows = engine.storage().row_count(&table.table).unwrap();
        assert_eq!(table.batch_rows, rows.min(30), "{}", table.table);
        assert!(table.a.indexes.is_empty());
    }
    assert_eq!(report.indexes.len(), 9);
    let summary = report.summary;
    for kind in WriteKind::ALL {
        assert!(summary.ratio(kind).is_finite() && summary.ratio(kind) > 0.0);
    }
}

#[test]
fn the_updated_column_is_one_the_measured_indexes_hold() {
    let (engine, _) = loaded(2_000);
    let only = IndexSet::of(["audit_entity_idx"]);
    let options = WriteOptions {
        batch_rows: 10,
        repetitions: 1,
    };
    let report = write_cost::measure(engine.storage(), &IndexSet::none(), &only, options).unwrap();
    assert_eq!(report.tables.len(), 1);
    assert_eq!(report.tables[0].table, "upstream_domainauditevent");
    assert!(["entity_type", "entity_id", "timestamp"]
        .contains(&report.tables[0].updated_column.as_str()));
    assert!(write_cost::measure(
        engine.storage(),
        &IndexSet::none(),
        &only,
        WriteOptions {
            batch_rows: 0,
            repetitions: 1
        }
    )
    .is_err());
}

#[test]
fn the_covering_comparison_avoids_the_lookups_of_a_projected_read() {
    let (mut engine, params) = loaded(3_000);
    let report = index_cost::measure(
        &mut engine,
        &IndexSet::none(),
        &IndexSet::phase3(),
        &params,
        small(),
    )
    .unwrap();
    let [comparison] = report.covering.as_slice() else {
        panic!("{:?}", report.covering)
    };
    assert_eq!(comparison.proposal, "reportrun_covering_idx");
    assert_eq!(comparison.baseline, "reportrun_cust_status_idx");
    assert!(comparison.size_ratio > 1.0);
    assert!(comparison.write_ratios.insert_ratio > 0.0);
    // The dashboard and the full list, each as written and projected.
    assert_eq!(comparison.reads.len(), 4);
    for read in &comparison.reads {
        assert_eq!(
            read.baseline.index_used.as_deref(),
            Some("reportrun_cust_status_idx")
        );
        assert_eq!(
            read.proposal.index_used.as_deref(),
            Some("reportrun_covering_idx")
        );
        let returned = read.baseline.table_lookups;
        if read.projected {
            assert_eq!(read.proposal.table_lookups, 0, "{}", read.sql);
            assert_eq!(read.lookups_avoided, returned as i64);
            assert!(returned > 0);
        } else {
            // SELECT * needs columns the covering index lacks.
            assert_eq!(read.lookups_avoided, 0, "{}", read.sql);
        }
    }
}

#[test]
fn the_service_measures_costs_and_names_an_unknown_index() {
    let mut service = Service::default();
    let mut out = Vec::new();
    service.handle(
        Request::Load {
            seed: 2,
            scale: 1_000,
        },
        &mut |r| out.push(r),
    );
    let mut ask = |b: Vec<String>| {
        let mut answers = Vec::new();
        service.handle(
            Request::IndexCost {
                a: Vec::new(),
                b,
                params: BTreeMap::new(),
            },
            &mut |r| answers.push(r),
        );
        let [Response::IndexCost(answer)] = answers.as_slice() else {
            panic!("{answers:?}")
        };
        (**answer).clone()
    };
    let error = ask(vec!["nope_idx".into()]).unwrap_err();
    assert!(error.contains("nope_idx"), "{error}");
    let report = ask(vec!["audit_entity_idx".into()]).unwrap();
    assert_eq!(report.b, ["audit_entity_idx"]);
    assert_eq!(report.writes.indexes.len(), 1);
}
