//! The Markdown export read back with pulldown-cmark, as GitHub would read
//! it: the sections in order, the SQL and both plans as code blocks, the
//! measurements table, the verdict with why and the row check, the link.
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};
use seekscan_core::bench::measure_with;
use seekscan_core::comparison::compare;
use seekscan_core::engine::Engine;
use seekscan_core::export::markdown::{Judgement, Measured, Report, SECTIONS};
use seekscan_core::generator::{generate, DatasetSpec};
use seekscan_core::patterns;
use seekscan_core::protocol::{PaneResult, RowAgreement, RowDigest, Slot};

/// What a reader finds in the block.
#[derive(Default, Debug)]
struct Read {
    headings: Vec<String>,
    /// (language, text) of every fenced block.
    code: Vec<(String, String)>,
    /// Table rows as cell texts.
    table: Vec<Vec<String>>,
    links: Vec<String>,
    paragraphs: Vec<String>,
}

fn measured<'a>(slot: Slot, indexes: &'a [String], result: &'a PaneResult) -> Measured<'a> {
    Measured {
        slot,
        indexes,
        outcome: &result.outcome,
        timings: &result.timings,
    }
}

fn read(markdown: &str) -> Read {
    let mut read = Read::default();
    let mut text = String::new();
    let mut row: Vec<String> = Vec::new();
    let mut language = None::<String>;
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) => {
                language = Some(lang.to_string());
                text.clear();
            }
            Event::End(TagEnd::CodeBlock) => {
                read.code
                    .push((language.take().unwrap(), std::mem::take(&mut text)));
            }
            Event::Start(Tag::Link { dest_url, .. }) => read.links.push(dest_url.to_string()),
            Event::Start(Tag::Heading { .. } | Tag::Paragraph | Tag::Item | Tag::TableCell) => {
                text.clear()
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::End(TagEnd::Heading(HeadingLevel::H4)) => {
                read.headings.push(std::mem::take(&mut text));
            }
            Event::End(TagEnd::TableCell) => row.push(std::mem::take(&mut text)),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                read.table.push(std::mem::take(&mut row));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                read.paragraphs.push(std::mem::take(&mut text));
            }
            Event::End(_) => {}
            _ => {}
        }
    }
    read
}

#[test]
fn a_comparison_reads_back_into_its_sections() {
    let dataset = generate(&DatasetSpec {
        seed: 7,
        scale: 5_000,
    });
    let mut engine = Engine::load(&dataset, &mut |_, _, _| {}).unwrap();
    let pattern = patterns::find("report_dashboard").unwrap();
    let sql = pattern.render(&patterns::params_for(&dataset, true));
    let (a_set, b_set) = (
        engine.index_set("none").unwrap(),
        engine.index_set("phase3").unwrap(),
    );
    let pane = |engine: &mut Engine, set| {
        let (outcome, timings) = measure_with(engine, &sql, set, 5).unwrap();
        let digest = RowDigest::of(&outcome.rows);
        PaneResult {
            outcome,
            timings,
            digest,
        }
    };
    let (a, b) = (pane(&mut engine, &a_set), pane(&mut engine, &b_set));
    let (verdict, rows) = compare(&a, &b, Some(pattern.expected_improvement));
    let names = |set: &seekscan_core::catalog::IndexSet| -> Vec<String> {
        set.names().map(str::to_owned).collect()
    };
    let (a_names, b_names) = (names(&a_set), names(&b_set));
    let link = "http://127.0.0.1:8080/?seed=7&scale=5000&pattern=report_dashboard";
    let report = Report {
        seed: 7,
        scale: 5_000,
        sql: &sql,
        runs: vec![
            measured(Slot::A, &a_names, &a),
            measured(Slot::B, &b_names, &b),
        ],
        judgement: Some(Judgement {
            verdict: &verdict,
            why: Some("B seeks reportrun_cust_status_idx; A scans every row and sorts"),
            rows,
        }),
        link: Some(link),
    };
    let markdown = report.to_markdown();
    let got = read(&markdown);
    assert_eq!(got.headings, SECTIONS, "{markdown}");
    assert_eq!(
        got.code,
        [
            ("sql".to_owned(), format!("{sql}\n")),
            ("text".to_owned(), a.outcome.plan.to_text()),
            ("text".to_owned(), b.outcome.plan.to_text()),
        ],
        "{markdown}"
    );
    let has = |needle: &str| got.paragraphs.iter().any(|p| p.contains(needle));
    assert!(has("5,000 audit events (scale), seed 7"), "{markdown}");
    assert!(has("A: none (no secondary index)"), "{markdown}");
    assert!(has(&format!("B: {}", b_names.join(", "))), "{markdown}");
    assert!(has(&verdict.text), "{markdown}");
    assert!(has("Why: B seeks reportrun_cust_status_idx"), "{markdown}");
    assert_eq!(rows, RowAgreement::Identical);
    assert!(has("✓ A and B returned the same rows"), "{markdown}");
    assert_eq!(got.links, [link]);
    let cells = |name: &str| {
        got.table
            .iter()
            .find(|r| r[0] == name)
            .unwrap_or_else(|| panic!("no {name} row in {markdown}"))[1..]
            .to_vec()
    };
    assert_eq!(got.table[0], ["", "A", "B"]);
    assert_eq!(cells("runs"), ["5", "5"]);
    let micros = seekscan_core::units::micros;
    assert_eq!(
        cells("median"),
        [micros(a.timings.median_us), micros(b.timings.median_us)]
    );
    assert_eq!(
        cells("p95"),
        [micros(a.timings.p95_us), micros(b.timings.p95_us)]
    );
    let thousands = seekscan_core::units::thousands;
    assert_eq!(
        cells("rows examined"),
        [
            thousands(a.outcome.stats.rows_examined),
            thousands(b.outcome.stats.rows_examined)
        ]
    );
    assert_eq!(cells("rows returned"), ["10", "10"]);
}

#[test]
fn one_configuration_has_no_verdict_and_sql_with_backticks_stays_in_its_block() {
    let dataset = generate(&DatasetSpec {
        seed: 1,
        scale: 2_000,
    });
    let mut engine = Engine::load(&dataset, &mut |_, _, _| {}).unwrap();
    let sql = "SELECT 1 AS \"```\"";
    let set = engine.index_set("none").unwrap();
    let (outcome, timings) = measure_with(&mut engine, sql, &set, 1).unwrap();
    let report = Report {
        seed: 1,
        scale: 2_000,
        sql,
        runs: vec![Measured {
            slot: Slot::A,
            indexes: &[],
            outcome: &outcome,
            timings: &timings,
        }],
        judgement: None,
        link: None,
    };
    let markdown = report.to_markdown();
    let got = read(&markdown);
    let expected: Vec<&str> = SECTIONS
        .iter()
        .copied()
        .filter(|s| !matches!(*s, "Verdict" | "Link"))
        .collect();
    assert_eq!(got.headings, expected, "{markdown}");
    assert_eq!(
        got.code[0],
        ("sql".to_owned(), format!("{sql}\n")),
        "{markdown}"
    );
    assert_eq!(got.table[0], ["", "A"]);
}
