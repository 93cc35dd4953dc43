use std::cell::RefCell;
use std::rc::Rc;

use super::*;
use crate::catalog::IndexSet;
use crate::generator::DatasetSpec;
use crate::patterns;
use crate::protocol::{
    BuiltReport, Config, DatasetInfo, Pane, Request, Response, RowDigest, RunKind, RunReport, Slot,
};
use crate::service::Service;

/// The smallest scale whose audit table is built in the background.
const SCALE: usize = MIN_ROWS;

/// A table's name and its rows as a builder receives them.
type Chunk = (String, Vec<u8>);

/// A builder that keeps the orders and rows it is given; the test carries
/// them out as a builder worker would.
#[derive(Clone, Default)]
struct Recorder {
    orders: Rc<RefCell<Vec<BuildOrder>>>,
    chunks: Rc<RefCell<Vec<Chunk>>>,
    done: Rc<RefCell<bool>>,
    cancelled: Rc<RefCell<usize>>,
    refuse: bool,
}

impl Builder for Recorder {
    fn start(&mut self, order: &BuildOrder) -> bool {
        self.orders.borrow_mut().push(order.clone());
        self.chunks.borrow_mut().clear();
        *self.done.borrow_mut() = false;
        !self.refuse
    }

    fn rows(&mut self, table: &str, rows: &SharedRows) {
        let mut bytes = Vec::with_capacity(rows.len());
        rows.write(&mut |part| bytes.extend_from_slice(part));
        assert_eq!(bytes.len(), rows.len());
        self.chunks.borrow_mut().push((table.to_owned(), bytes));
        *self.done.borrow_mut() = true;
    }

    fn cancel(&mut self) {
        *self.cancelled.borrow_mut() += 1;
    }
}

impl Recorder {
    /// The images a builder makes of `order` from the rows sent, shared
    /// among `builders` as the page shares it.
    fn images(&self, order: &BuildOrder, builders: usize) -> Vec<Vec<u8>> {
        assert!(*self.done.borrow(), "every row sent");
        let mut images = Vec::new();
        for share in share(order, builders) {
            let mut collector = Collector::new(share).expect("a collector");
            for (table, chunk) in self.chunks.borrow().iter() {
                collector.add(table, chunk).expect("a chunk");
            }
            collector
                .finish(&mut |_, image| images.push(image.to_vec()))
                .expect("the build");
        }
        images
    }
}

fn serve(service: &mut Service, request: Request) -> Vec<Response> {
    let mut out = Vec::new();
    service.handle(request, &mut |r| out.push(r));
    out
}

fn load(service: &mut Service, seed: u64) -> DatasetInfo {
    let out = serve(service, Request::Load { seed, scale: SCALE });
    match out.last() {
        Some(Response::Loaded(info)) => info.clone(),
        other => panic!("loaded: {other:?}"),
    }
}

fn phase3(slot: Slot) -> Config {
    Config {
        slot,
        indexes: IndexSet::phase3().names().map(str::to_owned).collect(),
    }
}

fn run(id: u64, sql: &str) -> Request {
    Request::Run {
        id,
        sql: sql.to_owned(),
        repetitions: 1,
        configs: vec![
            Config {
                slot: Slot::A,
                indexes: Vec::new(),
            },
            phase3(Slot::B),
        ],
    }
}

fn audit_trail(info: &DatasetInfo) -> String {
    let pattern = patterns::find("audit_trail").expect("a documented pattern");
    pattern.render(&info.params(true, &Default::default()))
}

/// Each pane's index and the digest of its whole result.
fn summary(report: &RunReport) -> Vec<(Option<String>, RowDigest)> {
    let RunKind::Query(panes) = &report.kind else {
        panic!("a query: {report:?}")
    };
    panes.iter().map(pane_summary).collect()
}

fn pane_summary(pane: &Pane) -> (Option<String>, RowDigest) {
    let result = pane.result.as_ref().expect("the pane ran");
    let index = result.outcome.plan.table_accesses()[0].index.clone();
    (index, result.digest)
}

fn ran(out: &[Response], id: u64) -> Option<&RunReport> {
    out.iter().find_map(|r| match r {
        Response::Ran(report) if report.id == id => Some(report),
        _ => None,
    })
}

fn built(out: &[Response]) -> Vec<&BuiltReport> {
    out.iter()
        .filter_map(|r| match r {
            Response::IndexesBuilt(report) => Some(report),
            _ => None,
        })
        .collect()
}

/// Carries out `order` natively, handing every image to the service.
fn deliver(service: &mut Service, recorder: &Recorder, order: &BuildOrder) -> Vec<Response> {
    let images = recorder.images(order, 2);
    let mut out = Vec::new();
    for image in images {
        service.index_built(&image, &mut |r| out.push(r));
    }
    out
}

#[test]
fn large_tables_wait_for_their_images_and_then_answer_as_a_full_load_does() {
    let recorder = Recorder::default();
    let mut service = Service::with_builder(Box::new(recorder.clone()));
    let info = load(&mut service, 1);
    let order = recorder.orders.borrow()[0].clone();
    let deferred: Vec<String> = order.defs.iter().map(|d| d.name.clone()).collect();
    assert_eq!(deferred.len(), 4, "{deferred:?}");
    assert!(order
        .defs
        .iter()
        .all(|d| d.table == crate::schema::AUDIT_EVENT));
    let mut pending = info.pending_indexes.clone();
    pending.sort();
    let mut expected = deferred.clone();
    expected.sort();
    assert_eq!(pending, expected);
    // Listed in the catalog, so configurations may name them.
    assert!(deferred
        .iter()
        .all(|name| info.indexes.iter().any(|d| &d.name == name)));

    // A statement on another table runs at once.
    let dashboard = patterns::find("report_dashboard")
        .expect("a documented pattern")
        .render(&info.params(true, &Default::default()));
    let out = serve(&mut service, run(1, &dashboard));
    assert!(ran(&out, 1).is_some(), "{out:?}");

    // One on the audit table waits, says for what, and so does a write.
    let trail = audit_trail(&info);
    let out = serve(&mut service, run(2, &trail));
    let [Response::Waiting(waiting)] = out.as_slice() else {
        panic!("waiting: {out:?}")
    };
    assert_eq!(waiting.id, Some(2));
    assert_eq!(waiting.indexes.len(), 4);
    let write = "DELETE FROM upstream_productconfig WHERE id = 1";
    let out = serve(&mut service, run(3, write));
    assert!(matches!(out.as_slice(), [Response::Waiting(_)]), "{out:?}");

    let out = deliver(&mut service, &recorder, &order);
    let reports = built(&out);
    assert_eq!(reports.len(), 4, "{out:?}");
    assert!(reports.last().expect("a report").pending.is_empty());
    assert!(reports.iter().all(|r| r.note.is_none()));
    let held = ran(&out, 2).expect("the held run answered");
    assert!(
        ran(&out, 3).is_some_and(|r| matches!(r.kind, RunKind::Changed { .. })),
        "{out:?}"
    );
    // The held answer comes after the last index is installed.
    let last_built = out
        .iter()
        .rposition(|r| matches!(r, Response::IndexesBuilt(_)))
        .expect("built");
    assert!(out
        .iter()
        .position(|r| matches!(r, Response::Ran(report) if report.id == 2))
        .is_some_and(|at| at > last_built));

    // The same plans and rows as a service that built everything at load.
    let mut full = Service::default();
    let full_info = load(&mut full, 1);
    assert!(full_info.pending_indexes.is_empty());
    let out = serve(&mut full, run(2, &trail));
    let expected = summary(ran(&out, 2).expect("ran"));
    assert_eq!(summary(held), expected);
    assert_eq!(expected[1].0.as_deref(), Some("audit_cust_action_idx"));
}

#[test]
fn an_image_of_other_rows_is_refused_and_the_engine_builds_the_indexes_itself() {
    let recorder = Recorder::default();
    let mut service = Service::with_builder(Box::new(recorder.clone()));
    let info = load(&mut service, 1);
    let trail = audit_trail(&info);
    serve(&mut service, run(5, &trail));
    // The rows of another seed.
    let order = recorder.orders.borrow()[0].clone();
    let other = Recorder::default();
    let mut elsewhere = Service::with_builder(Box::new(other.clone()));
    load(&mut elsewhere, 2);
    let image = other.images(&order, 1).remove(0);
    let mut out = Vec::new();
    service.index_built(&image, &mut |r| out.push(r));
    let reports = built(&out);
    assert_eq!(reports.len(), 1, "{out:?}");
    assert!(reports[0].pending.is_empty());
    let note = reports[0].note.as_deref().expect("why");
    assert!(note.contains("other rows"), "{note}");
    assert!(ran(&out, 5).is_some(), "{out:?}");
    assert_eq!(*recorder.cancelled.borrow(), 1, "cancelled on failure");
}

#[test]
fn a_builder_that_cannot_start_leaves_nothing_pending() {
    let recorder = Recorder {
        refuse: true,
        ..Recorder::default()
    };
    let mut service = Service::with_builder(Box::new(recorder.clone()));
    let info = load(&mut service, 1);
    assert_eq!(recorder.orders.borrow().len(), 1);
    assert!(info.pending_indexes.is_empty());
    let out = serve(&mut service, run(1, &audit_trail(&info)));
    assert!(ran(&out, 1).is_some(), "{out:?}");
}

#[test]
fn a_failed_build_is_done_here_and_a_new_load_answers_what_waited() {
    let recorder = Recorder::default();
    let mut service = Service::with_builder(Box::new(recorder.clone()));
    let info = load(&mut service, 1);
    let trail = audit_trail(&info);
    serve(&mut service, run(1, &trail));
    // A new load answers the held run with an error, and builds anew.
    let out = serve(
        &mut service,
        Request::Load {
            seed: 1,
            scale: SCALE,
        },
    );
    let refused = ran(&out, 1).expect("the held run answered");
    assert!(
        matches!(&refused.kind, RunKind::Failed { message } if message.contains("loaded again")),
        "{refused:?}"
    );
    assert_eq!(recorder.orders.borrow().len(), 2);
    serve(&mut service, run(2, &trail));
    let mut out = Vec::new();
    service.background_failed("the worker died", &mut |r| out.push(r));
    let reports = built(&out);
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].built.len(), 4);
    assert!(reports[0]
        .note
        .as_deref()
        .is_some_and(|n| n.contains("the worker died")));
    let answered = ran(&out, 2).expect("answered");
    assert_eq!(
        summary(answered)[1].0.as_deref(),
        Some("audit_cust_action_idx")
    );
}

#[test]
fn shares_split_whole_indexes_and_keep_every_one() {
    let order = order(1, SCALE).expect("an order");
    for builders in 1..=6 {
        let shares = share(&order, builders);
        assert_eq!(shares.len(), builders.min(order.defs.len()));
        let mut names: Vec<String> = shares
            .iter()
            .flat_map(|s| s.defs.iter().map(|d| d.name.clone()))
            .collect();
        names.sort();
        let mut expected: Vec<String> = order.defs.iter().map(|d| d.name.clone()).collect();
        expected.sort();
        assert_eq!(names, expected);
    }
}

#[test]
fn a_collector_refuses_rows_of_a_table_it_does_not_index() {
    let order = order(1, SCALE).expect("an order");
    let mut collector = Collector::new(order).expect("a collector");
    let error = collector
        .add(crate::schema::REPORT_RUN, &Vec::new())
        .expect_err("refused");
    assert!(error.contains("upstream_reportrun"), "{error}");
    let error = collector
        .add(crate::schema::AUDIT_EVENT, &vec![1, 2, 3])
        .expect_err("refused");
    assert!(error.contains("ends too soon"), "{error}");
}

#[test]
fn small_scales_defer_nothing() {
    let defs = crate::catalog::builtin_indexes();
    assert!(worth_deferring(&defs, 10_000).is_empty());
    assert_eq!(worth_deferring(&defs, MIN_ROWS).len(), 4);
    // At the largest scale the report runs' table is large too.
    assert_eq!(
        worth_deferring(&defs, crate::experiment::MAX_SCALE).len(),
        defs.len() - 2
    );
}

#[test]
fn an_image_installs_exactly_and_a_damaged_one_changes_nothing() {
    let spec = DatasetSpec {
        seed: 3,
        scale: 3_000,
    };
    let names = ["audit_entity_idx", "reportrun_covering_idx"].map(str::to_owned);
    let (full, _) =
        Engine::generate_and_load(&spec, &mut |_, _| {}, &mut |_, _, _| {}).expect("a full load");
    let (mut engine, _) =
        Engine::generate_and_load_deferring(&spec, &names, &mut |_, _| {}, &mut |_, _, _| {})
            .expect("a deferring load");
    assert_eq!(engine.storage().pending_indexes().len(), 2);
    for name in &names {
        let image = full.storage().export_index(name).expect("built");
        let storage = engine.storage_mut();
        let mut damaged = vec![image[..image.len() - 3].to_vec(), image[1..].to_vec()];
        // A byte changed among the last end offsets.
        let mut flipped = image.clone();
        let last = flipped.len() - 1 - 4 * 2;
        flipped[last] ^= 0x40;
        damaged.push(flipped);
        for bytes in damaged {
            let before = storage.pending_indexes();
            match storage.install_index(&bytes) {
                Err(_) => {}
                Ok(installed) => panic!("installed damaged image: {installed:?}"),
            }
            assert_eq!(storage.pending_indexes(), before);
            assert!(storage.index_stats(name).is_none());
        }
        assert_eq!(
            storage.install_index(&image),
            Ok(Some(name.clone())),
            "{name}"
        );
        assert_eq!(storage.index_stats(name), full.storage().index_stats(name));
        assert_eq!(
            storage.index_entries(name),
            full.storage().index_entries(name)
        );
        // Installed once: a second copy is for an index no longer pending.
        assert_eq!(storage.install_index(&image), Ok(None));
    }
    assert_eq!(engine.memory_report(), full.memory_report());
}
