//! Remembers, for this tab, the statement sent to the engine and not yet
//! answered. A link whose query hangs or exhausts memory would otherwise do
//! it again on every reload; finding an unfinished run at load, the page
//! holds a link's own SQL until Run is clicked.
use web_sys::Storage;

const KEY: &str = "seekscan.unfinished-run";

fn storage() -> Option<Storage> {
    gloo_utils::window().session_storage().ok().flatten()
}

/// The statement the previous load of this tab sent and never saw answered.
pub fn unfinished() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Records the statement in flight, or that none is.
pub fn remember(sql: Option<&str>) {
    let Some(storage) = storage() else { return };
    let _ = match sql {
        Some(sql) => storage.set_item(KEY, sql),
        None => storage.remove_item(KEY),
    };
}
