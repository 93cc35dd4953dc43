//! Component tests in a real browser (wasm-bindgen-test, headless Chromium).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use std::cell::RefCell;
use std::rc::Rc;

use seekscan_core::catalog::{builtin_indexes, IndexDef, IndexKey, IndexSet, Origin};
use seekscan_core::experiment::Experiment;
use seekscan_core::explain::PlanNode;
use seekscan_core::protocol::Slot;
use seekscan_web::components::index_panel::{IndexPanel, IndexPanelProps};
use seekscan_web::components::plan_tree::{PlanTree, PlanTreeProps};
use seekscan_web::components::rows_table::{RowsTable, RowsTableProps, SHOWN_ROWS};
use seekscan_web::state::AppState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::platform::time::sleep;
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
    let text = root
        .query_selector("[data-testid=plan-b]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
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
