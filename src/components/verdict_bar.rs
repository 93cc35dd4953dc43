use seekscan_core::comparison::Verdict;
use seekscan_core::protocol::RowAgreement;
use yew::prelude::*;

use crate::app::agreement_text;

#[derive(Properties, PartialEq)]
pub struct VerdictBarProps {
    pub verdict: Option<Verdict>,
    pub agreement: Option<RowAgreement>,
}

/// "B is 37× faster than A …" and whether both returned the same rows.
#[component]
pub fn VerdictBar(props: &VerdictBarProps) -> Html {
    let Some(verdict) = &props.verdict else {
        return html! { <div class="verdict" data-testid="speedup"></div> };
    };
    html! {
        <div class="verdict">
            <strong data-testid="speedup">{ &verdict.text }</strong>
            if let Some(agreement) = props.agreement {
                <span class={classes!("agreement", (agreement == RowAgreement::Different).then_some("bad"))}
                    data-testid="agreement">
                    { if agreement == RowAgreement::Different { "✗ " } else { "✓ " } }{ agreement_text(agreement) }
                </span>
            }
        </div>
    }
}
