use seekscan_core::agreement::{self, Access, Lookup, ScanKind, Why};
use seekscan_core::units::thousands;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EngineAgreementProps {
    /// The documented pattern shown, if any (free SQL has no recorded facts).
    pub pattern: Option<String>,
    /// The dataset's seed: the facts hold for the seed they were measured on only.
    pub seed: u64,
    pub scale: usize,
    /// The pattern's `tenant` parameter, to tell the large tenant from the small.
    pub tenant_id: Option<String>,
}

/// What PostgreSQL 15 and SQLite choose for the shown pattern, next to
/// seekscan's choice, from the facts the PostgreSQL agreement test records
/// (`crates/core/data/engine_agreement.json`), and where they differ, why.
#[component]
pub fn EngineAgreement(props: &EngineAgreementProps) -> Html {
    let facts = agreement::facts();
    let Some(pattern) = props.pattern.as_deref() else {
        return html! {};
    };
    // Nothing for another seed's rows or a tenant nobody measured.
    let Some(found) = facts.shown_for(pattern, props.seed, props.scale, props.tenant_id.as_deref())
    else {
        return html! {};
    };
    let measured_at = if found.scale.scale == props.scale {
        String::new()
    } else {
        format!(
            " (measured at {}, the nearest scale)",
            thousands(found.scale.scale as u64)
        )
    };
    html! {
        <section class="engine-agreement" data-testid="engine-agreement" aria-label="What other engines choose">
            <p class="muted">
                { format!("Other engines on the same rows (seed {}), the {} tenant (customer {}), scale {}{measured_at}, with the nine Phase 3 indexes; seekscan reads ",
                    facts.seed, found.facts.tenant.name(), found.facts.tenant_id, thousands(props.scale as u64)) }
                <code>{ found.facts.seekscan.label() }</code>{ "." }
            </p>
            { postgres(&found, &facts.postgres_version) }
            { sqlite(&found, &facts.sqlite_version) }
        </section>
    }
}

fn postgres(found: &Lookup, version: &str) -> Html {
    let Some(default) = found.postgres_default() else {
        return html! {};
    };
    let agrees = default.access.same_path(&found.facts.seekscan);
    let others: Vec<String> = found
        .facts
        .postgres
        .iter()
        .filter(|c| c.random_page_cost != default.random_page_cost)
        .map(|c| {
            format!(
                "with random_page_cost {}: {}",
                c.random_page_cost,
                shown(&c.access)
            )
        })
        .collect();
    let why = found
        .why_postgres_differs(default)
        .map(|why| explain(found, why, default.estimated_rows));
    html! {
        <div class={classes!("engine", (!agrees).then_some("differs"))} data-testid="agreement-postgres"
            data-index={default.access.label().to_owned()} data-agrees={agrees.to_string()}>
            <strong>{ format!("PostgreSQL {}: ", major(version)) }</strong>
            { mark(agrees) }<code>{ shown(&default.access) }</code>
            { format!(" (random_page_cost {})", default.random_page_cost) }
            { for others.iter().map(|o| html! { <span class="muted">{ format!("; {o}") }</span> }) }
            { for why.map(|w| html! { <p class="why">{ w }</p> }) }
        </div>
    }
}

fn sqlite(found: &Lookup, version: &str) -> Html {
    let access = &found.facts.sqlite;
    let agrees = access.same_path(&found.facts.seekscan);
    let why = found
        .why_sqlite_differs()
        .map(|why| explain(found, why, f64::NAN));
    html! {
        <div class={classes!("engine", (!agrees).then_some("differs"))} data-testid="agreement-sqlite"
            data-index={access.label().to_owned()} data-agrees={agrees.to_string()}>
            <strong>{ format!("SQLite {version}: ") }</strong>
            { mark(agrees) }<code>{ shown(access) }</code>
            { for why.map(|w| html! { <p class="why">{ w }</p> }) }
        </div>
    }
}

fn mark(agrees: bool) -> &'static str {
    if agrees {
        "✓ same as seekscan: "
    } else {
        "≠ "
    }
}

/// The sentence, with the measured numbers it rests on.
fn explain(found: &Lookup, why: Why, estimated_rows: f64) -> String {
    let mut text = why.sentence().to_owned();
    if let Some(size) = found.table_size() {
        let rows = if estimated_rows.is_finite() {
            format!(
                ", about {} expected to match",
                thousands(estimated_rows.round() as u64)
            )
        } else {
            String::new()
        };
        text.push_str(&format!(
            " ({}: {} rows in {} pages of 8 KiB{rows}.)",
            size.table,
            thousands(size.rows),
            thousands(size.pages)
        ));
    }
    text
}

fn shown(access: &Access) -> String {
    let kind = match access.kind {
        ScanKind::Seq | ScanKind::Index => "",
        ScanKind::IndexOnly => " (index only)",
        ScanKind::Bitmap => " (bitmap scan)",
    };
    let sort = if access.sorts { " then sort" } else { "" };
    format!("{}{kind}{sort}", access.label())
}

fn major(version: &str) -> &str {
    version.split(' ').next().unwrap_or(version)
}
