use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DistributionStripProps {
    pub samples: Vec<f64>,
}

/// Every repetition's time as a tick on one line, so outliers and the
/// timer's coarseness are visible at a glance.
#[component]
pub fn DistributionStrip(props: &DistributionStripProps) -> Html {
    let (min, max) = props
        .samples
        .iter()
        .fold((f64::INFINITY, 0.0_f64), |(lo, hi), &s| {
            (lo.min(s), hi.max(s))
        });
    if props.samples.is_empty() {
        return html! {};
    }
    let span = (max - min).max(f64::EPSILON);
    html! {
        <svg class="strip" viewBox="0 0 100 10" preserveAspectRatio="none" role="img"
            aria-label={format!("{} samples from {:.0} to {:.0} µs", props.samples.len(), min, max)}>
            <line x1="0" y1="5" x2="100" y2="5" class="axis" />
            { for props.samples.iter().map(|s| {
                let x = format!("{:.2}", (s - min) / span * 98.0 + 1.0);
                html! { <line x1={x.clone()} x2={x} y1="1" y2="9" class="tick" /> }
            }) }
        </svg>
    }
}
