//! Component tests in a real browser (wasm-bindgen-test, headless Chromium).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use std::cell::RefCell;
use std::rc::Rc;

use seekscan_core::bench::{Ending, Samples, Timings};
use seekscan_core::catalog::{builtin_indexes, IndexDef, IndexKey, IndexSet, Origin};
use seekscan_core::engine::QueryOutcome;
use seekscan_core::experiment::Experiment;
use seekscan_core::explain::PlanNode;
use seekscan_core::protocol::{
    DatasetInfo, Pane, PaneResult, RepeatReport, Response, RowDigest, RunKind, RunReport, Slot,
};
use seekscan_web::components::index_panel::{IndexPanel, IndexPanelProps};
use seekscan_web::components::plan_tree::{PlanTree, PlanTreeProps};
use seekscan_web::components::result_pane::{ResultPane, ResultPaneProps};
use seekscan_web::components::rows_table::{RowsTable, RowsTableProps, SHOWN_ROWS};
use seekscan_web::state::{Action, AppState, EngineStatus, Purpose, WorkloadAction, HELD};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::platform::time::sleep;
use yew::Reducible;
use yew::{BaseComponent, Callback};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts component `C` with `props` into a fresh element and lets Yew render.
async fn mount<C: BaseComponent>(props: C::Properties) -> Element {
    let document = gloo_utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    sleep(Duration::from_millis(20)).await;
    root
}

/// The text of the element with this test id under `root`.
fn text_of(root: &Element, testid: &str) -> String {
    root.query_selector(&format!("[data-testid={testid}]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {testid}"))
        .text_content()
        .unwrap()
}

fn access(table: &str, index: Option<&str>) -> PlanNode {
    PlanNode {
        op: "TableAccess".into(),
        table: Some(table.into()),
        index: index.map(Into::into),
        access: Some(
            if index.is_some() {
                "index seek"
            } else {
                "full scan"
            }
            .into(),
        ),
        actual_rows: Some(3),
        ..PlanNode::default()
    }
}

fn plan_props() -> PlanTreeProps {
    PlanTreeProps {
        plan: PlanNode::default(),
        other: None,
        examined: None,
        testid: "plan".into(),
    }
}

#[wasm_bindgen_test]
async fn plan_tree_names_the_index_or_full_scan() {
    let root = mount::<PlanTree>(PlanTreeProps {
        plan: PlanNode {
            op: "Limit".into(),
            children: vec![access(
                "upstream_reportrun",
                Some("reportrun_cust_status_idx"),
            )],
            ..PlanNode::default()
        },
        testid: "plan-b".into(),
        ..plan_props()
    })
    .await;
    let text = text_of(&root, "plan-b");
    assert!(text.contains("Limit"), "{text}");
    assert!(text.contains("reportrun_cust_status_idx"), "{text}");
    assert!(!text.contains("Full scan"), "{text}");

    let root = mount::<PlanTree>(PlanTreeProps {
        plan: access("upstream_reportrun", None),
        testid: "plan-a".into(),
        ..plan_props()
    })
    .await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Full scan"), "{text}");
    assert!(text.contains("actual 3"), "{text}");
}

#[wasm_bindgen_test]
async fn rows_table_shows_nulls_and_caps_what_it_draws() {
    let rows: Vec<Vec<serde_json::Value>> = (0..SHOWN_ROWS + 7)
        .map(|i| vec![serde_json::json!(i), serde_json::Value::Null])
        .collect();
    let root = mount::<RowsTable>(RowsTableProps {
        columns: vec!["id".into(), "finished_at".into()],
        total: rows.len(),
        rows: rows.into_iter().take(SHOWN_ROWS).collect(),
        testid: "rows-a".into(),
    })
    .await;
    assert_eq!(
        root.query_selector_all("tbody tr").unwrap().length() as usize,
        SHOWN_ROWS
    );
    assert_eq!(
        root.query_selector("td.null")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "NULL"
    );
    assert!(root.text_content().unwrap().contains("7 more rows"));
}

#[wasm_bindgen_test]
fn experiment_round_trips_through_the_address_bar() {
    let experiment = Experiment {
        scale: 10_000,
        pattern: Some("audit_trail".into()),
        a: Some(vec![]),
        b: Some(vec!["audit_entity_idx".into(), "my_idx".into()]),
        params: [("tenant".to_owned(), "3".to_owned())].into(),
        sql: Some("SELECT * FROM upstream_productconfig WHERE enabled = TRUE".into()),
        repetitions: 7,
        budget_ms: 500,
        ..Experiment::default()
    };
    seekscan_web::url_sync::write(&experiment);
    let (read, problem) = seekscan_web::url_sync::read();
    assert_eq!(problem, None);
    assert_eq!(read, experiment);
    seekscan_web::url_sync::write(&Experiment::default());
    assert_eq!(seekscan_web::url_sync::read().0, Experiment::default());
}

#[wasm_bindgen_test]
async fn plan_tree_highlights_what_differs_from_the_other_plan() {
    let indexed = PlanNode {
        op: "Limit".into(),
        early_stop: true,
        children: vec![access(
            "upstream_reportrun",
            Some("reportrun_cust_status_idx"),
        )],
        ..PlanNode::default()
    };
    let scanned = PlanNode {
        op: "Limit".into(),
        children: vec![PlanNode {
            op: "Sort".into(),
            sort: true,
            children: vec![access("upstream_reportrun", None)],
            ..PlanNode::default()
        }],
        ..PlanNode::default()
    };
    let root = mount::<PlanTree>(PlanTreeProps {
        plan: scanned.clone(),
        other: Some(indexed.clone()),
        examined: Some(1234),
        testid: "plan-a".into(),
    })
    .await;
    let highlighted = root.query_selector_all(".plan-node.diff").unwrap().length();
    assert!(highlighted >= 2, "{highlighted} highlighted");
    let text = root.text_content().unwrap();
    assert!(text.contains("sorts"), "{text}");
    assert!(text.contains("1234 rows examined"), "{text}");

    let same = mount::<PlanTree>(PlanTreeProps {
        plan: indexed.clone(),
        other: Some(indexed),
        examined: None,
        testid: "plan-b".into(),
    })
    .await;
    assert_eq!(same.query_selector_all(".diff").unwrap().length(), 0);
    let text = same.text_content().unwrap();
    assert!(text.contains("no sort"), "{text}");
    assert!(text.contains("LIMIT stops the scan early"), "{text}");
}

fn user_index() -> IndexDef {
    IndexDef {
        name: "my_idx".into(),
        table: "upstream_reportrun".into(),
        keys: vec![
            IndexKey {
                column: "customer_id".into(),
                desc: false,
            },
            IndexKey {
                column: "started_at".into(),
                desc: true,
            },
        ],
        include: vec!["status".into()],
        origin: Origin::User,
        use_case: None,
        query_pattern: None,
        expected_improvement: None,
    }
}

fn checkbox(root: &Element, testid: &str) -> HtmlInputElement {
    root.query_selector(&format!("[data-testid={testid}]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {testid}"))
        .dyn_into()
        .unwrap()
}

#[wasm_bindgen_test]
async fn index_panel_groups_by_table_and_toggles_each_configuration() {
    let mut indexes = builtin_indexes();
    indexes.push(user_index());
    let toggled = Rc::new(RefCell::new(Vec::new()));
    let catalog = Rc::new(RefCell::new(Vec::new()));
    let root = mount::<IndexPanel>(IndexPanelProps {
        indexes,
        tables: vec!["upstream_reportrun".into()],
        config_a: Vec::new(),
        config_b: IndexSet::phase3().names().map(str::to_owned).collect(),
        building: vec!["audit_entity_idx".into()],
        busy: false,
        on_toggle: {
            let toggled = toggled.clone();
            Callback::from(move |change| toggled.borrow_mut().push(change))
        },
        on_catalog: {
            let catalog = catalog.clone();
            Callback::from(move |sql| catalog.borrow_mut().push(sql))
        },
        form_error: Some("bad key column \"a SIDEWAYS\"".into()),
    })
    .await;
    // The one index still being built in the background says so.
    assert_eq!(
        root.query_selector_all(".tag.building").unwrap().length(),
        1
    );
    assert!(text_of(&root, "index-building-audit_entity_idx").contains("building"));
    let groups: Vec<String> = (0..root.query_selector_all(".index-group h3").unwrap().length())
        .map(|i| {
            root.query_selector_all(".index-group h3")
                .unwrap()
                .item(i)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(
        groups,
        [
            "upstream_domainauditevent",
            "upstream_productconfig",
            "upstream_reportrun"
        ]
    );
    // Defaults: A sees nothing, B the nine Phase 3 indexes, the proposal is off in both.
    assert!(!checkbox(&root, "index-toggle-a-reportrun_cust_status_idx").checked());
    assert!(checkbox(&root, "index-toggle-b-reportrun_cust_status_idx").checked());
    assert!(!checkbox(&root, "index-toggle-a-reportrun_covering_idx").checked());
    assert!(!checkbox(&root, "index-toggle-b-reportrun_covering_idx").checked());
    let text = root.text_content().unwrap();
    assert!(
        text.contains("(customer_id, status, started_at DESC)"),
        "{text}"
    );
    assert!(text.contains("INCLUDE (run_type, summary_json)"), "{text}");
    assert!(text.contains("Phase 4 proposal"), "{text}");
    assert!(
        text.contains("85% faster for report status filtering"),
        "{text}"
    );
    assert!(text.contains("bad key column"), "{text}");

    checkbox(&root, "index-toggle-b-audit_entity_idx").click();
    checkbox(&root, "index-toggle-a-reportrun_covering_idx").click();
    sleep(Duration::from_millis(20)).await;
    assert_eq!(
        *toggled.borrow(),
        [
            (Slot::B, "audit_entity_idx".to_owned(), false),
            (Slot::A, "reportrun_covering_idx".to_owned(), true),
        ]
    );

    // Only user indexes can be deleted; deleting runs DROP INDEX.
    let deletes = root.query_selector_all("button.link").unwrap();
    assert_eq!(deletes.length(), 1);
    deletes
        .item(0)
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    sleep(Duration::from_millis(20)).await;
    assert_eq!(*catalog.borrow(), ["DROP INDEX my_idx"]);
}

#[wasm_bindgen_test]
async fn add_index_form_sends_the_definition() {
    let catalog = Rc::new(RefCell::new(Vec::new()));
    let root = mount::<IndexPanel>(IndexPanelProps {
        indexes: builtin_indexes(),
        tables: vec!["upstream_reportrun".into(), "upstream_productconfig".into()],
        config_a: Vec::new(),
        config_b: Vec::new(),
        building: Vec::new(),
        busy: false,
        on_toggle: Callback::noop(),
        on_catalog: {
            let catalog = catalog.clone();
            Callback::from(move |sql| catalog.borrow_mut().push(sql))
        },
        form_error: None,
    })
    .await;
    let field = |testid: &str, value: &str| checkbox(&root, testid).set_value(value);
    let submit = || {
        root.query_selector("[data-testid=add-index]")
            .unwrap()
            .unwrap()
            .dyn_into::<HtmlElement>()
            .unwrap()
            .click()
    };
    submit();
    sleep(Duration::from_millis(20)).await;
    assert!(catalog.borrow().is_empty());
    assert!(root
        .text_content()
        .unwrap()
        .contains("Give the index a name."));
    field("new-index-name", "by_started");
    field("new-index-columns", "customer_id, started_at DESC");
    field("new-index-include", "status");
    submit();
    sleep(Duration::from_millis(20)).await;
    assert_eq!(
        *catalog.borrow(),
        ["CREATE INDEX by_started ON upstream_reportrun (customer_id, started_at DESC) INCLUDE (status)"]
    );
    assert!(!root
        .text_content()
        .unwrap()
        .contains("Give the index a name."));
}

#[wasm_bindgen_test]
fn configurations_default_to_before_and_after() {
    let state = AppState::new(Experiment::default(), None);
    assert!(state.config(Slot::A).is_empty());
    assert_eq!(state.config(Slot::B).len(), 9);
    let off = state.toggled(Slot::B, "audit_entity_idx", false);
    assert_eq!(off.len(), 8);
    assert!(!off.contains(&"audit_entity_idx".to_owned()));
    let on = state.toggled(Slot::A, "reportrun_covering_idx", true);
    assert_eq!(on, ["reportrun_covering_idx"]);
}

fn dataset(indexes: Vec<IndexDef>) -> DatasetInfo {
    DatasetInfo {
        seed: 1,
        scale: 10_000,
        tenants: 1,
        large_tenant: 1,
        small_tenant: 1,
        tables: Vec::new(),
        indexes,
        params_large: Default::default(),
        params_small: Default::default(),
        load_ms: 0.0,
        index_ms: 0.0,
        memory: Default::default(),
        memory_bytes: None,
        unbuilt_indexes: Vec::new(),
        pending_indexes: Vec::new(),
    }
}

/// The state after `actions`, from a page opened on `experiment`.
fn reduced(start: AppState, actions: Vec<Action>) -> Rc<AppState> {
    actions
        .into_iter()
        .fold(Rc::new(start), |state, action| state.reduce(action))
}

fn sent_and_answered(sql: &str, kind: RunKind) -> Vec<Action> {
    vec![
        Action::RunSent {
            id: 1,
            sql: sql.into(),
            purpose: Purpose::Query(Slot::BOTH.to_vec()),
        },
        Action::Worker(Response::Ran(RunReport {
            id: 1,
            sql: sql.into(),
            kind,
            memory_bytes: None,
        })),
    ]
}

#[wasm_bindgen_test]
fn dropping_an_index_removes_it_from_both_configurations_until_regenerate() {
    let index = "reportrun_cust_status_idx";
    let without: Vec<IndexDef> = builtin_indexes()
        .into_iter()
        .filter(|i| i.name != index)
        .collect();
    let experiment = Experiment {
        a: Some(vec![index.into()]),
        ..Experiment::default()
    };
    let mut actions = vec![Action::Worker(Response::Loaded(dataset(builtin_indexes())))];
    let drop = RunKind::Changed {
        message: format!("dropped index {index}"),
        indexes: without,
        tables: Vec::new(),
        memory: Default::default(),
    };
    actions.extend(sent_and_answered(&format!("DROP INDEX {index}"), drop));
    let state = reduced(AppState::new(experiment, None), actions);
    assert!(!state.config(Slot::A).contains(&index.to_owned()));
    assert!(!state.config(Slot::B).contains(&index.to_owned()));
    assert_eq!(state.config(Slot::B).len(), 8);
    assert_eq!(
        state.notice.as_deref(),
        Some("dropped reportrun_cust_status_idx: removed from A and B; Regenerate restores built-in indexes")
    );
    // A restarted worker's data keeps the settings as they were.
    let restarted = state
        .clone()
        .reduce(Action::Worker(Response::Loaded(dataset(builtin_indexes()))));
    assert_eq!(restarted.config(Slot::B).len(), 8);
    // Regenerate: fresh data with every built-in index, back where it was.
    let state = reduced(
        (*state).clone(),
        vec![
            Action::Regenerate {
                scale: 10_000,
                seed: 1,
            },
            Action::Worker(Response::Loaded(dataset(builtin_indexes()))),
        ],
    );
    assert_eq!(state.config(Slot::A), [index]);
    assert_eq!(state.config(Slot::B).len(), 9);
    assert!(state.config(Slot::B).contains(&index.to_owned()));
}

#[wasm_bindgen_test]
fn an_unfinished_run_holds_a_linked_query_but_not_a_pattern() {
    let custom = Experiment {
        sql: Some("SELECT COUNT(*) FROM upstream_domainauditevent".into()),
        ..Experiment::default()
    };
    let fresh = AppState::new(custom.clone(), None).after_unfinished_run(None);
    assert!(fresh.autorun);
    let held = AppState::new(custom, None).after_unfinished_run(Some("SELECT 1".into()));
    assert!(!held.autorun);
    assert_eq!(held.notice.as_deref(), Some(HELD));
    let pattern = Experiment {
        pattern: Some("report_dashboard".into()),
        ..Experiment::default()
    };
    assert!(
        AppState::new(pattern, None)
            .after_unfinished_run(Some("x".into()))
            .autorun
    );
    // Cleared by the answer, kept through nothing else.
    let answered = reduced(
        held,
        sent_and_answered(
            "SELECT 1",
            RunKind::Failed {
                message: "no".into(),
            },
        ),
    );
    assert_eq!(answered.unfinished, None);
    // The tab remembers it across loads.
    seekscan_web::run_guard::remember(Some("SELECT 2"));
    assert_eq!(
        seekscan_web::run_guard::unfinished().as_deref(),
        Some("SELECT 2")
    );
    seekscan_web::run_guard::remember(None);
    assert_eq!(seekscan_web::run_guard::unfinished(), None);
}

#[wasm_bindgen_test]
fn a_dead_worker_is_replaced_once_and_a_custom_query_waits() {
    let custom = Experiment {
        sql: Some("SELECT *\nFROM upstream_domainauditevent a, upstream_domainauditevent b".into()),
        ..Experiment::default()
    };
    let sql = custom.sql.clone().unwrap();
    let state = reduced(
        AppState::new(custom, None),
        vec![
            Action::Worker(Response::Loaded(dataset(builtin_indexes()))),
            Action::RunSent {
                id: 1,
                sql,
                purpose: Purpose::Query(Slot::BOTH.to_vec()),
            },
            Action::WorkerDied {
                generation: 0,
                message: "the engine ran out of memory".into(),
            },
        ],
    );
    assert_eq!(state.worker_generation, 1);
    assert_eq!(state.pending, None);
    assert!(!state.autorun);
    assert!(
        state.unfinished.is_some(),
        "a reload still knows the run never finished"
    );
    assert_eq!(
        state.notice.as_deref(),
        Some("the engine ran out of memory while running SELECT * …; restarted it and reloaded the data (the query waits for Run)")
    );
    // The same death reported again (error event after the allocator's report).
    let again = state.clone().reduce(Action::WorkerDied {
        generation: 0,
        message: "the engine stopped: RuntimeError: unreachable".into(),
    });
    assert!(Rc::ptr_eq(&state, &again));
}

#[wasm_bindgen_test]
fn workers_that_keep_dying_before_ready_are_not_replaced_forever() {
    let died = |generation| Action::WorkerDied {
        generation,
        message: "the engine stopped: CompileError".into(),
    };
    // Two deaths while loading: each is replaced.
    let state = reduced(
        AppState::new(Experiment::default(), None),
        vec![died(0), died(1)],
    );
    assert_eq!((state.worker_generation, state.failed_starts), (2, 2));
    // A load that gets ready forgets them.
    let ready = state.reduce(Action::Worker(Response::Loaded(dataset(builtin_indexes()))));
    assert_eq!(ready.failed_starts, 0);
    // The third death in a row before ready is the last: no new worker.
    let given_up = reduced(
        AppState::new(Experiment::default(), None),
        vec![died(0), died(1), died(2)],
    );
    assert_eq!(given_up.worker_generation, 2);
    match &given_up.status {
        EngineStatus::Failed(message) => assert!(
            message.contains("failed to start 3 times in a row")
                && message.contains("CompileError"),
            "{message}"
        ),
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_link_above_the_maximum_scale_opens_the_default_and_says_so() {
    let history = gloo_utils::window().history().unwrap();
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some("?scale=100000000&seed=4"),
        )
        .unwrap();
    let (experiment, problem) = seekscan_web::url_sync::read();
    seekscan_web::url_sync::write(&Experiment::default());
    assert_eq!((experiment.scale, experiment.seed), (100_000, 4));
    assert_eq!(
        problem.as_deref(),
        Some("from the link: scale 100000000 is above the maximum of 2,000,000 audit events; opened 100,000")
    );
}

#[wasm_bindgen_test]
async fn a_pane_lists_the_statements_that_ran_first_with_their_own_counters() {
    use seekscan_core::engine::{ExecStats, StatementSummary};
    use seekscan_web::components::earlier_statements::{EarlierStatements, EarlierStatementsProps};
    let root = mount::<EarlierStatements>(EarlierStatementsProps {
        statements: vec![StatementSummary {
            sql: "SELECT COUNT(*) FROM upstream_reportrun".into(),
            summary: "Full scan of upstream_reportrun".into(),
            stats: ExecStats {
                rows_examined: 66,
                ..ExecStats::default()
            },
        }],
    })
    .await;
    let note = root
        .query_selector("[data-testid=earlier-statements]")
        .unwrap()
        .expect("the note is shown");
    assert_eq!(
        note.text_content().unwrap(),
        "ran first:SELECT COUNT(*) FROM upstream_reportrun (66 rows examined)"
    );
    let none = mount::<EarlierStatements>(EarlierStatementsProps { statements: vec![] }).await;
    assert!(none
        .query_selector("[data-testid=earlier-statements]")
        .unwrap()
        .is_none());
}

/// A pane's first answer: one run of `us` microseconds.
fn timed_pane(slot: Slot, us: f64) -> Pane {
    Pane {
        slot,
        result: Ok(PaneResult {
            outcome: QueryOutcome {
                plan: access("upstream_reportrun", None),
                ..QueryOutcome::default()
            },
            timings: Timings::from_samples(vec![us]),
            digest: RowDigest::default(),
        }),
    }
}

fn asked(slot: Slot) -> Action {
    Action::Asked { id: 1, slot }
}

fn repeated(slot: Slot, samples: &[f64]) -> Action {
    Action::Worker(Response::Repeated(RepeatReport {
        id: 1,
        slot,
        samples: Ok(Samples {
            samples_us: samples.to_vec(),
            wall_ms: samples.iter().sum::<f64>() / 1000.0,
        }),
        memory_bytes: Some(64 << 20),
    }))
}

/// Loaded, then run 1 sent and its first answer: A and B after one run each.
fn first_answer(experiment: Experiment, a_us: f64, b_us: f64) -> Rc<AppState> {
    let mut actions = vec![Action::Worker(Response::Loaded(dataset(builtin_indexes())))];
    let panes = vec![timed_pane(Slot::A, a_us), timed_pane(Slot::B, b_us)];
    actions.extend(sent_and_answered("SELECT 1", RunKind::Query(panes)));
    reduced(AppState::new(experiment, None), actions)
}

fn samples(state: &AppState, slot: Slot) -> Vec<f64> {
    let result = state.pane(slot).unwrap().pane.result.as_ref().unwrap();
    assert_eq!(
        result.timings,
        Timings {
            wall_ms: result.timings.wall_ms,
            ..Timings::from_samples(result.timings.samples_us.clone())
        }
    );
    result.timings.samples_us.clone()
}

#[wasm_bindgen_test]
fn repetitions_merge_batch_by_batch_and_stop_keeps_what_was_measured() {
    let state = first_answer(Experiment::default(), 100.0, 50.0);
    // The first run shows at once; the page goes on asking, A first.
    assert_eq!(state.status, EngineStatus::Running);
    assert!(!state.busy(), "Run and the toggles stay usable");
    assert!(state.running());
    let ask = state.next_ask().expect("a batch to ask for");
    // 19 runs left, at most a batch's worth, so the panes alternate.
    let batch = 19.min(seekscan_core::bench::MAX_BATCH_RUNS);
    assert_eq!(
        (ask.id, ask.config.slot, ask.batch.runs),
        (1, Slot::A, batch)
    );
    let state = reduced(
        (*state).clone(),
        vec![asked(Slot::A), repeated(Slot::A, &[300.0, 200.0])],
    );
    assert_eq!(samples(&state, Slot::A), [100.0, 300.0, 200.0]);
    assert_eq!(state.worker_memory, Some(64 << 20));
    // B has fewer samples now: it is asked for next.
    let ask = state.next_ask().unwrap();
    assert_eq!((ask.config.slot, ask.batch.runs), (Slot::B, batch));
    let state = reduced((*state).clone(), vec![asked(Slot::B), Action::Stop]);
    assert_eq!(state.status, EngineStatus::Ready);
    assert!(!state.running());
    for slot in Slot::BOTH {
        assert_eq!(state.pane(slot).unwrap().ending, Some(Ending::Stopped));
    }
    // The batch in flight when Stop came is not merged.
    let state = state.reduce(repeated(Slot::B, &[60.0, 70.0]));
    assert_eq!(samples(&state, Slot::B), [50.0]);
    assert_eq!(samples(&state, Slot::A), [100.0, 300.0, 200.0]);
    assert_eq!(state.next_ask(), None);
}

#[wasm_bindgen_test]
fn a_pane_stops_repeating_once_its_time_budget_is_spent() {
    let experiment = Experiment {
        budget_ms: 100,
        ..Experiment::default()
    };
    // A's first run alone is past the budget; B's are quick.
    let state = first_answer(experiment, 150_000.0, 30_000.0);
    assert_eq!(
        state.pane(Slot::A).unwrap().ending,
        Some(Ending::OverBudget)
    );
    let ask = state.next_ask().unwrap();
    assert_eq!(ask.config.slot, Slot::B);
    assert!(ask.batch.within_ms <= 50.0, "{:?}", ask.batch);
    let state = reduced(
        (*state).clone(),
        vec![
            asked(Slot::B),
            repeated(Slot::B, &[30_000.0, 30_000.0]),
            asked(Slot::B),
            repeated(Slot::B, &[30_000.0]),
        ],
    );
    assert_eq!(samples(&state, Slot::B).len(), 4);
    assert_eq!(
        state.pane(Slot::B).unwrap().ending,
        Some(Ending::OverBudget)
    );
    assert_eq!(state.status, EngineStatus::Ready);
    assert_eq!(state.next_ask(), None);
}

#[wasm_bindgen_test]
fn a_worker_death_stop_or_regenerate_ends_the_workload_and_cost_in_flight() {
    let loaded = || Action::Worker(Response::Loaded(dataset(builtin_indexes())));
    let workload_in_flight = |state: AppState| {
        let state = reduced(state, vec![loaded(), Action::Workload(WorkloadAction::Run)]);
        let (id, _) = state
            .workload
            .next_request()
            .expect("a first row to ask for");
        reduced(
            (*state).clone(),
            vec![
                Action::Workload(WorkloadAction::Asked(id)),
                Action::CostSent,
            ],
        )
    };
    let ends = [
        Action::WorkerDied {
            generation: 0,
            message: "the engine stopped".into(),
        },
        Action::Stop,
        Action::Regenerate {
            scale: 10_000,
            seed: 2,
        },
    ];
    for end in ends {
        let state = workload_in_flight(AppState::new(Experiment::default(), None));
        assert!(state.workload.measuring() && state.costs.measuring);
        assert_eq!(state.workload.next_request(), None, "one row at a time");
        let state = state.reduce(end);
        let run = state.workload.run.as_ref().unwrap();
        assert_eq!(run.ending, Some(Ending::Stopped));
        assert!(!run.in_flight && !state.costs.measuring);
        // With data again, the workload and the chart start afresh.
        let state = reduced(
            (*state).clone(),
            vec![loaded(), Action::Workload(WorkloadAction::Run)],
        );
        assert!(state.workload.next_request().is_some());
        let state = state.reduce(Action::Workload(WorkloadAction::Chart(
            "report_dashboard".into(),
        )));
        assert!(state.workload.chart.as_ref().unwrap().measuring());
    }
}

async fn mount_pane_a(state: &AppState) -> Element {
    mount::<ResultPane>(ResultPaneProps {
        slot: Slot::A,
        config: "before".into(),
        pane: state.pane(Slot::A).cloned(),
        other: None,
        running: false,
    })
    .await
}

#[wasm_bindgen_test]
async fn a_pane_says_how_many_runs_it_measured_and_why_it_ended() {
    let state = first_answer(Experiment::default(), 100.0, 50.0);
    let state = reduced(
        (*state).clone(),
        vec![repeated(Slot::A, &[300.0; 6]), Action::Stop],
    );
    let timing = text_of(&mount_pane_a(&state).await, "timing-a");
    assert!(timing.contains("over 7 of 20 runs"), "{timing}");
    assert!(timing.contains("stopped"), "{timing}");

    let budget = first_answer(
        Experiment {
            budget_ms: 100,
            ..Experiment::default()
        },
        150_000.0,
        1.0,
    );
    let text = text_of(&mount_pane_a(&budget).await, "timing-a");
    assert!(text.contains("over 1 of 20 runs"), "{text}");
    assert!(text.contains("time budget of 0.1 s reached"), "{text}");
}

#[wasm_bindgen_test]
async fn run_controls_offer_stop_only_while_running_and_keep_a_valid_budget() {
    use seekscan_web::components::run_controls::{RunControls, RunControlsProps};
    let stops = Rc::new(RefCell::new(0));
    let budgets = Rc::new(RefCell::new(Vec::new()));
    let props = |running| RunControlsProps {
        busy: false,
        running,
        repetitions: 20,
        budget_ms: 2_000,
        on_run: Callback::noop(),
        on_stop: {
            let stops = stops.clone();
            Callback::from(move |()| *stops.borrow_mut() += 1)
        },
        on_repetitions: Callback::noop(),
        on_budget: {
            let budgets = budgets.clone();
            Callback::from(move |ms| budgets.borrow_mut().push(ms))
        },
    };
    let idle = mount::<RunControls>(props(false)).await;
    let stop = |root: &Element| -> HtmlElement {
        root.query_selector("[data-testid=stop-run]")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap()
    };
    assert!(stop(&idle).has_attribute("disabled"));
    let running = mount::<RunControls>(props(true)).await;
    stop(&running).click();
    sleep(Duration::from_millis(20)).await;
    assert_eq!(*stops.borrow(), 1);
    let budget = checkbox(&running, "budget");
    assert_eq!(budget.value(), "2");
    for (typed, kept) in [("0.5", "0.5"), ("-3", "2"), ("9999", "2")] {
        budget.set_value(typed);
        budget
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        sleep(Duration::from_millis(20)).await;
        assert_eq!(budget.value(), kept, "typed {typed}");
    }
    assert_eq!(*budgets.borrow(), [500, 2_000, 2_000]);
}

#[wasm_bindgen_test]
async fn the_dataset_panel_shows_the_workers_memory_and_bytes_per_row() {
    use seekscan_core::engine::MemoryReport;
    use seekscan_core::storage::memory::{IndexMemory, TableMemory};
    use seekscan_web::components::dataset_panel::{DatasetPanel, DatasetPanelProps};
    let mut info = dataset(builtin_indexes());
    info.memory = MemoryReport {
        tables: vec![TableMemory {
            table: "upstream_domainauditevent".into(),
            rows: 10_000,
            bytes: 2_097_152,
            bytes_per_row: 209.7,
        }],
        indexes: vec![IndexMemory {
            index: "audit_entity_idx".into(),
            table: "upstream_domainauditevent".into(),
            entries: 10_000,
            bytes: 1_048_576,
            bytes_per_entry: 104.9,
        }],
    };
    let root = mount::<DatasetPanel>(DatasetPanelProps {
        scale: 10_000,
        seed: 1,
        status: EngineStatus::Ready,
        dataset: Some(Rc::new(info)),
        worker_memory: Some(96 << 20),
        background: None,
        on_regenerate: Callback::noop(),
    })
    .await;
    let memory = root.query_selector("[data-testid=worker-memory]").unwrap();
    assert_eq!(
        memory
            .and_then(|m| m.get_attribute("data-bytes"))
            .as_deref(),
        Some("100663296")
    );
    let text = text_of(&root, "worker-memory");
    assert!(text.starts_with("worker memory 96.0 MiB"), "{text}");
    assert!(text.contains("about 3.0 MiB"), "{text}");
    let detail = root.text_content().unwrap();
    assert!(detail.contains("210 B/row"), "{detail}");
    assert!(detail.contains("105 B/entry"), "{detail}");
}

#[wasm_bindgen_test]
async fn indexes_built_in_the_background_clear_what_waits_and_the_panel_says_when() {
    use seekscan_core::protocol::{BuiltReport, WaitingReport};
    use seekscan_web::components::dataset_panel::{DatasetPanel, DatasetPanelProps};
    let mut info = dataset(builtin_indexes());
    info.pending_indexes = vec!["audit_entity_idx".into(), "audit_user_date_idx".into()];
    let built = |built: &str, pending: &[&str], note: Option<&str>| {
        Action::Worker(Response::IndexesBuilt(BuiltReport {
            built: vec![built.into()],
            pending: pending.iter().map(|p| (*p).to_owned()).collect(),
            memory: Default::default(),
            memory_bytes: Some(1 << 20),
            elapsed_ms: 1234.0,
            note: note.map(str::to_owned),
        }))
    };
    let waiting = Action::Worker(Response::Waiting(WaitingReport {
        id: Some(1),
        indexes: info.pending_indexes.clone(),
    }));
    let start = AppState::new(Experiment::default(), None);
    let loaded = reduced(
        start.clone(),
        vec![Action::Worker(Response::Loaded(info.clone())), waiting],
    );
    assert_eq!(loaded.waiting_for.as_ref().map(Vec::len), Some(2));
    let background = loaded.background.clone().expect("a background build");
    assert_eq!((background.indexes, background.done_ms), (2, None));
    let half = loaded
        .clone()
        .reduce(built("audit_entity_idx", &["audit_user_date_idx"], None));
    assert_eq!(
        half.waiting_for,
        Some(vec!["audit_user_date_idx".to_owned()])
    );
    let done = half.reduce(built("audit_user_date_idx", &[], None));
    assert_eq!(done.waiting_for, None);
    let background = done.background.clone().expect("a background build");
    assert_eq!(background.done_ms, Some(1234.0));
    assert!(!background.built_by_engine);
    assert_eq!(done.worker_memory, Some(1 << 20));

    let mount_panel = |state: &AppState| {
        mount::<DatasetPanel>(DatasetPanelProps {
            scale: 10_000,
            seed: 1,
            status: EngineStatus::Ready,
            dataset: state.dataset.clone(),
            worker_memory: None,
            background: state.background.clone(),
            on_regenerate: Callback::noop(),
        })
    };
    let root = mount_panel(&loaded).await;
    let summary = text_of(&root, "load-summary");
    assert!(
        summary.contains("2 more building in the background"),
        "{summary}"
    );
    let root = mount_panel(&done).await;
    let summary = text_of(&root, "load-summary");
    assert!(
        summary.contains("2 more built in the background, all there 1234 ms after the load began"),
        "{summary}"
    );
    // A failed build the engine made up for is told apart.
    let fell_back = loaded.clone().reduce(built(
        "audit_entity_idx",
        &[],
        Some("the background build failed (x), so the engine built them itself"),
    ));
    assert!(fell_back
        .notice
        .as_deref()
        .is_some_and(|n| n.contains("built them itself")));
    let root = mount_panel(&fell_back).await;
    let summary = text_of(&root, "load-summary");
    assert!(
        summary.contains("built by the engine after the background build failed"),
        "{summary}"
    );
}
