use seekscan_core::workload::why::Explanation;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WhyLineProps {
    pub why: Option<Explanation>,
}

/// Why the gain is what it is, in one sentence from both runs' own
/// numbers: "status = 'success' matches 96% of upstream_reportrun …".
#[component]
pub fn WhyLine(props: &WhyLineProps) -> Html {
    match &props.why {
        Some(why) => html! {
            <p class="why" data-testid="why">{ "Why: " }{ &why.text }</p>
        },
        None => html! {},
    }
}
