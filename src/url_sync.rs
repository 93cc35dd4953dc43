//! The experiment lives in the address bar: read once at start, rewritten
//! (without a history entry) whenever it changes. `?embed` asks for the
//! compact layout and stays in the address bar; it is no part of the
//! experiment, so "open in seekscan" is the same link without it.
use seekscan_core::experiment::Experiment;

/// The key that asks for the compact layout an iframe shows.
pub const EMBED: &str = "embed";

/// The experiment in the current URL, and what of the link was left out
/// (each such field opens at its default).
pub fn read() -> (Experiment, Option<String>) {
    let (experiment, notes) = Experiment::from_query(&search());
    let problem = (!notes.is_empty()).then(|| format!("from the link: {}", notes.join("; ")));
    (experiment, problem)
}

fn search() -> String {
    gloo_utils::window().location().search().unwrap_or_default()
}

/// Whether the link asks for the embed layout (`?embed`, `?embed=1`, …).
pub fn embed_mode() -> bool {
    let search = search();
    let query = search.strip_prefix('?').unwrap_or(&search);
    query.split('&').any(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        key == EMBED && value != "0"
    })
}

fn path() -> String {
    gloo_utils::window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".to_owned())
}

/// The path and query that reopen `experiment`, in the embed layout or not.
pub fn link(experiment: &Experiment, embed: bool) -> String {
    let query = experiment.to_query();
    match (embed, query.is_empty()) {
        (true, true) => format!("{}?{EMBED}", path()),
        (true, false) => format!("{}?{EMBED}&{query}", path()),
        (false, true) => path(),
        (false, false) => format!("{}?{query}", path()),
    }
}

/// Replaces the query string so a copied URL reopens this experiment.
pub fn write(experiment: &Experiment) {
    let url = link(experiment, embed_mode());
    if let Ok(history) = gloo_utils::window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Opens `experiment` afresh (a new load): what the lesson picker does, so
/// a lesson opens exactly as its link does.
pub fn open(experiment: &Experiment) {
    let _ = gloo_utils::window()
        .location()
        .set_href(&link(experiment, embed_mode()));
}

/// The full URL of the current experiment.
pub fn current_href() -> String {
    gloo_utils::window().location().href().unwrap_or_default()
}

/// The current experiment's URL in the embed layout.
pub fn embed_href() -> String {
    let (experiment, _) = Experiment::from_query(&search());
    let origin = gloo_utils::window().location().origin().unwrap_or_default();
    format!("{origin}{}", link(&experiment, true))
}

/// The full page's URL for `experiment`: what "open in seekscan" opens.
pub fn full_page_href(experiment: &Experiment) -> String {
    let origin = gloo_utils::window().location().origin().unwrap_or_default();
    format!("{origin}{}", link(experiment, false))
}
