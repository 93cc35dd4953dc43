//! The experiment lives in the address bar: read once at start, rewritten
//! (without a history entry) whenever it changes.
use seekscan_core::experiment::Experiment;

/// The experiment in the current URL, and what of the link was left out
/// (each such field opens at its default).
pub fn read() -> (Experiment, Option<String>) {
    let search = gloo_utils::window().location().search().unwrap_or_default();
    let (experiment, notes) = Experiment::from_query(&search);
    let problem = (!notes.is_empty()).then(|| format!("from the link: {}", notes.join("; ")));
    (experiment, problem)
}

/// Replaces the query string so a copied URL reopens this experiment.
pub fn write(experiment: &Experiment) {
    let window = gloo_utils::window();
    let location = window.location();
    let query = experiment.to_query();
    let path = location.pathname().unwrap_or_else(|_| "/".to_owned());
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The full URL of the current experiment.
pub fn current_href() -> String {
    gloo_utils::window().location().href().unwrap_or_default()
}
