//! Component tests in a real browser (wasm-bindgen-test, headless Chromium).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use seekscan_core::experiment::Experiment;
use seekscan_core::explain::PlanNode;
use seekscan_web::components::plan_tree::{PlanTree, PlanTreeProps};
use seekscan_web::components::rows_table::{RowsTable, RowsTableProps, SHOWN_ROWS};
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::platform::time::sleep;
use yew::BaseComponent;

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
        rows,
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
