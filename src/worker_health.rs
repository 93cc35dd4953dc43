//! Notices when the engine worker dies. A Rust panic in the worker aborts it
//! without an answer, so its panic hook posts the message on a
//! BroadcastChannel whose name only this page and its worker know. Running
//! out of memory aborts without the panic hook, so the worker's allocator
//! posts a message built in advance on the same channel. Any other trap shows
//! only as the Worker's `error` event (see `worker_client`).
//!
//! There is no heartbeat: the worker runs one statement at a time on its only
//! thread, so a long query would look exactly like a dead worker. A worker
//! the browser kills outright takes the page with it, and the next load
//! finds the unfinished run (see `run_guard`).
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

pub struct DeathWatch {
    channel: BroadcastChannel,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl DeathWatch {
    /// Listens on `name`; `on_death` gets the worker's panic message.
    pub fn listen(name: &str, on_death: impl Fn(String) + 'static) -> Option<Self> {
        let channel = BroadcastChannel::new(name).ok()?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            on_death(
                event
                    .data()
                    .as_string()
                    .unwrap_or_else(|| "the engine stopped".to_owned()),
            )
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Self {
            channel,
            _on_message: on_message,
        })
    }
}

impl Drop for DeathWatch {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

/// Called in the worker: report a panic on `name`, then let it abort.
pub fn report_death(name: &str, message: &str) {
    if let Ok(channel) = BroadcastChannel::new(name) {
        let _ = channel.post_message(&wasm_bindgen::JsValue::from_str(message));
    }
}

/// The first words of the report a failed allocation sends.
pub const OUT_OF_MEMORY: &str = "the engine ran out of memory";

thread_local! {
    /// The channel and the message for a failed allocation, made while memory
    /// is still there: once it runs out, nothing new can be built.
    static MEMORY_REPORT: RefCell<Option<(BroadcastChannel, wasm_bindgen::JsValue)>> =
        const { RefCell::new(None) };
}

/// Called in the worker: from now on a failed allocation reports on `name`.
pub fn report_out_of_memory_on(name: &str) {
    if let Ok(channel) = BroadcastChannel::new(name) {
        let message = wasm_bindgen::JsValue::from_str(OUT_OF_MEMORY);
        MEMORY_REPORT.with(|report| *report.borrow_mut() = Some((channel, message)));
    }
}

fn report_failed_allocation() {
    // Posting reads handles made earlier and allocates nothing in wasm memory.
    let _ = MEMORY_REPORT.try_with(|report| {
        if let Ok(report) = report.try_borrow() {
            if let Some((channel, message)) = report.as_ref() {
                let _ = channel.post_message(message);
            }
        }
    });
}

/// The worker's allocator: the system one, which tells the page when an
/// allocation fails (Rust then aborts, which the panic hook never sees).
pub struct ReportingAllocator;

// SAFETY: every call is forwarded to `System` unchanged; only a null result
// adds a report, which does not allocate.
unsafe impl GlobalAlloc for ReportingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        checked(System.alloc(layout))
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        checked(System.alloc_zeroed(layout))
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        checked(System.realloc(ptr, layout, new_size))
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

fn checked(ptr: *mut u8) -> *mut u8 {
    if ptr.is_null() {
        report_failed_allocation();
    }
    ptr
}
