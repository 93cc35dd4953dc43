//! Links that reproduce an experiment: user indexes travel as their
//! definitions and are built again on open, so the reopened page shows the
//! same plan; what of a link cannot be used is named and left out.
use seekscan_core::experiment::{Experiment, DEFAULT_SCALE, MAX_LINK_CHARS, MAX_LINK_INDEXES};
use seekscan_core::explain::PlanNode;
use seekscan_core::protocol::{Config, DatasetInfo, Request, Response, RunKind, Slot};
use seekscan_core::service::Service;
use seekscan_core::statement::index_definition;

const SQL: &str = "SELECT id, status FROM upstream_reportrun WHERE started_at >= '2025-09-01' \
                   AND customer_id = 3 ORDER BY started_at LIMIT 5";
const MINE: &str = "CREATE INDEX mine_started_cust ON upstream_reportrun (started_at, customer_id)";

fn serve(service: &mut Service, request: Request) -> Response {
    let mut last = None;
    service.handle(request, &mut |r| last = Some(r));
    last.expect("an answer")
}

fn load(service: &mut Service, experiment: &Experiment) -> DatasetInfo {
    let request = Request::LoadWithIndexes {
        seed: experiment.seed,
        scale: experiment.scale,
        indexes: experiment.indexes.clone(),
    };
    match serve(service, request) {
        Response::Loaded(info) => info,
        other => panic!("{other:?}"),
    }
}

/// The plan of each pane for the experiment's SQL and configurations.
fn plans(service: &mut Service, experiment: &Experiment) -> Vec<PlanNode> {
    let configs = Slot::BOTH
        .map(|slot| Config {
            slot,
            indexes: experiment.config(slot),
        })
        .to_vec();
    let request = Request::Run {
        id: 1,
        sql: experiment.sql.clone().unwrap(),
        repetitions: 1,
        configs,
    };
    let Response::Ran(report) = serve(service, request) else {
        panic!("no report");
    };
    let RunKind::Query(panes) = report.kind else {
        panic!("{:?}", report.kind);
    };
    panes
        .into_iter()
        .map(|p| p.result.unwrap().outcome.plan)
        .collect()
}

#[test]
fn a_link_with_a_user_index_reproduces_the_same_plan_after_reload() {
    // The page as the user left it: defaults loaded, then CREATE INDEX.
    let mut service = Service::default();
    let mut experiment = Experiment {
        scale: 10_000,
        sql: Some(SQL.to_owned()),
        a: Some(vec![]),
        b: Some(vec!["mine_started_cust".to_owned()]),
        ..Experiment::default()
    };
    load(&mut service, &experiment);
    let created = serve(
        &mut service,
        Request::Run {
            id: 0,
            sql: MINE.to_owned(),
            repetitions: 1,
            configs: vec![],
        },
    );
    let Response::Ran(report) = created else {
        panic!("{created:?}")
    };
    let RunKind::Changed { indexes, .. } = report.kind else {
        panic!("{:?}", report.kind)
    };
    experiment.define_user_indexes(&indexes);
    let before = plans(&mut service, &experiment);
    assert_eq!(
        before[1].table_accesses()[0].index.as_deref(),
        Some("mine_started_cust")
    );

    // The link, opened in a fresh page.
    let link = experiment.to_query();
    assert!(
        link.contains("index=CREATE+INDEX+mine_started_cust"),
        "{link}"
    );
    let (reopened, notes) = Experiment::from_query(&link);
    assert_eq!((&reopened, notes), (&experiment, vec![]));
    let mut fresh = Service::default();
    let info = load(&mut fresh, &reopened);
    assert!(info.indexes.iter().any(|i| i.name == "mine_started_cust"));
    let mut again = reopened.clone();
    assert!(again.forget_unknown_indexes(&info.indexes).is_empty());
    assert_eq!(plans(&mut fresh, &again), before);
}

#[test]
fn an_index_the_link_cannot_build_is_named_and_left_out_everywhere() {
    let link = format!(
        "scale=10000&index={}&index={}&index={}&b=audit_entity_idx,bad_col,reportrun_cust_status_idx&a=mine_ok",
        urlencode("CREATE INDEX bad_col ON upstream_reportrun (no_such_column)"),
        urlencode("CREATE INDEX reportrun_cust_status_idx ON upstream_reportrun (status)"),
        urlencode("CREATE INDEX mine_ok ON upstream_reportrun (status, started_at)"),
    );
    let (mut experiment, notes) = Experiment::from_query(&link);
    assert!(notes.is_empty(), "every definition parses: {notes:?}");
    // The worker tries them on the loaded data, after the built-in indexes.
    let info = load(&mut Service::default(), &experiment);
    let notes = experiment.drop_unbuilt(&info.unbuilt_indexes);
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(info.indexes.iter().any(|i| i.name == "mine_ok"));
    assert!(!info.indexes.iter().any(|i| i.name == "bad_col"));
    assert!(notes[0].starts_with("index bad_col (CREATE INDEX bad_col ON upstream_reportrun (no_such_column)) cannot be built: "), "{}", notes[0]);
    assert!(
        notes[0].ends_with("it was left out of the indexes and both configurations"),
        "{}",
        notes[0]
    );
    assert!(
        notes[1].contains("reportrun_cust_status_idx") && notes[1].contains("already exists"),
        "{}",
        notes[1]
    );
    assert_eq!(
        experiment.indexes,
        ["CREATE INDEX mine_ok ON upstream_reportrun (status, started_at)"]
    );
    // The built-in index of that name stays in B: only the definition was bad.
    assert_eq!(experiment.config(Slot::B), ["audit_entity_idx"]);
    assert_eq!(experiment.config(Slot::A), ["mine_ok"]);
    assert_eq!(experiment.scale, 10_000);
}

#[test]
fn a_malformed_index_definition_is_named_and_the_rest_opens() {
    let link = format!(
        "scale=2000&reps=3&index={}&index={}&index={}",
        urlencode("CREATE INDX x ON t (a)"),
        urlencode("SELECT 1"),
        urlencode(MINE),
    );
    // The page reads no SQL: the worker parses the definitions with the data.
    let (mut experiment, notes) = Experiment::from_query(&link);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(experiment.indexes.len(), 3);
    let info = load(&mut Service::default(), &experiment);
    let notes = experiment.drop_unbuilt(&info.unbuilt_indexes);
    assert_eq!(experiment.repetitions, 3);
    assert_eq!(experiment.indexes, [MINE]);
    assert!(info.indexes.iter().any(|i| i.name == "mine_started_cust"));
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(
        notes[0].starts_with("index \"CREATE INDX x ON t (a)\" was left out: SQL syntax error"),
        "{}",
        notes[0]
    );
    assert_eq!(
        notes[1],
        "index \"SELECT 1\" was left out: it is not a CREATE INDEX statement"
    );
}

#[test]
fn too_many_index_definitions_keep_the_first_and_name_the_rest() {
    let link: Vec<String> = (0..=MAX_LINK_INDEXES)
        .map(|n| {
            format!(
                "index={}",
                urlencode(&format!("CREATE INDEX i{n} ON upstream_reportrun (status)"))
            )
        })
        .collect();
    let (experiment, notes) = Experiment::from_query(&link.join("&"));
    assert_eq!(experiment.indexes.len(), MAX_LINK_INDEXES);
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0].contains(&format!("i{MAX_LINK_INDEXES}")) && notes[0].contains("at most 16"),
        "{}",
        notes[0]
    );
}

#[test]
fn a_link_that_is_too_long_opens_the_defaults_and_says_so() {
    let link = format!("scale=10000&sql={}", "x".repeat(MAX_LINK_CHARS));
    let (experiment, notes) = Experiment::from_query(&link);
    assert_eq!(experiment, Experiment::default());
    assert_eq!(experiment.scale, DEFAULT_SCALE);
    assert_eq!(
        notes,
        ["the link is 65,552 characters long, above the maximum of 65,536; opened the defaults"]
    );
}

#[test]
fn a_lesson_link_opens_its_configurations_and_indexes() {
    let (experiment, notes) = Experiment::from_query("lesson=column_order&scale=10000");
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(experiment.lesson.as_deref(), Some("column_order"));
    assert_eq!(
        experiment.config(Slot::A),
        ["reportrun_started_cust_status_idx"]
    );
    assert_eq!(experiment.config(Slot::B), ["reportrun_cust_status_idx"]);
    assert_eq!(experiment.indexes.len(), 1);
    // It round-trips, and what the link sets explicitly wins.
    assert_eq!(
        Experiment::from_query(&experiment.to_query()),
        (experiment, vec![])
    );
    let (mixed, _) = Experiment::from_query("lesson=column_order&b=");
    assert!(mixed.config(Slot::B).is_empty());
    let (unknown, notes) = Experiment::from_query("lesson=nope&reps=4");
    assert_eq!((unknown.lesson, unknown.repetitions), (None, 4));
    assert_eq!(notes, ["there is no lesson \"nope\"; opened without one"]);
}

#[test]
fn an_index_definition_reads_one_create_index_statement() {
    let def = index_definition(
        "CREATE INDEX x ON upstream_reportrun (status, started_at DESC) INCLUDE (run_type)",
    )
    .unwrap();
    assert_eq!(def.key_list(), ["status", "started_at DESC"]);
    assert_eq!(def.include, ["run_type"]);
    assert!(index_definition("CREATE INDEX x ON t (a); CREATE INDEX y ON t (b)").is_err());
}

fn urlencode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
