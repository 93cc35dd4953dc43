use seekscan_core::comparison::Verdict;
use seekscan_core::protocol::RowAgreement;
use yew::prelude::*;

use crate::components::why_line::WhyLine;

#[derive(Properties, PartialEq)]
pub struct VerdictBarProps {
    pub comparison: Option<(Verdict, RowAgreement)>,
}

/// "B is 37× faster than A …; the document expected 85% faster", whether
/// both configurations returned the same rows, and why the gain is what it is.
#[component]
pub fn VerdictBar(props: &VerdictBarProps) -> Html {
    let Some((verdict, agreement)) = &props.comparison else {
        return html! {
            <div class="verdict" aria-live="polite">
                <span data-testid="speedup" class="muted">{ "Run a query to compare A and B." }</span>
            </div>
        };
    };
    let bad = *agreement == RowAgreement::Different;
    html! {
        <div class="verdict" aria-live="polite">
            <strong data-testid="speedup">{ &verdict.text }</strong>
            <span class={classes!("agreement", bad.then_some("bad"))} data-testid="agreement">
                { if bad { "✗ " } else { "✓ " } }{ agreement.text() }
            </span>
            <WhyLine why={verdict.why.clone()} />
        </div>
    }
}
