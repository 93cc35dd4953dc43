//! Stop reaches the worker while it runs. The worker reads no message until
//! its statement ends, so the page and the worker share one 32-bit integer
//! in a `SharedArrayBuffer` (the page is cross-origin isolated): the page
//! writes it with `Atomics.store`, the engine reads it where it checks its
//! row and time limits (core's `CancelFlag`).
//!
//! Both ends number the requests the page sends through the bridge (a
//! worker's messages arrive in the order sent), and the integer is the
//! number of the last request Stop ends: the worker's request `n` stops
//! once the integer is `n` or more. Requests sent after a Stop run as usual,
//! and nothing has to be reset between runs.
use std::cell::{Cell, RefCell};

use js_sys::{Atomics, Int32Array, Object, Reflect, SharedArrayBuffer};
use seekscan_core::storage::CancelFlag;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Worker;

/// The key of the one raw message that carries the buffer: the worker's
/// loader (`static/worker_loader.js`) takes it before gloo's handler and
/// leaves the integer's view in the worker's global of the same name.
const KEY: &str = "seekscanStop";

/// The page's end: counts the requests it sends, and stops them.
pub struct PageStop {
    flag: Int32Array,
    sent: Cell<i32>,
}

impl PageStop {
    /// Shares a new flag with `worker`; `None` where the page is not
    /// cross-origin isolated (no `SharedArrayBuffer`), and Stop then ends
    /// a run in the page only.
    pub fn share_with(worker: &Worker) -> Option<Self> {
        let global = js_sys::global();
        let isolated = Reflect::get(&global, &JsValue::from_str("crossOriginIsolated"))
            .is_ok_and(|v| v.is_truthy());
        if !isolated || !Reflect::has(&global, &JsValue::from_str("SharedArrayBuffer")).ok()? {
            return None;
        }
        let buffer = SharedArrayBuffer::new(4);
        let message = Object::new();
        Reflect::set(&message, &JsValue::from_str(KEY), &buffer).ok()?;
        worker.post_message(&message).ok()?;
        Some(Self {
            flag: Int32Array::new(&buffer),
            sent: Cell::new(0),
        })
    }

    /// One more request went through the bridge.
    pub fn count_sent(&self) {
        self.sent.set(self.sent.get() + 1);
    }

    /// Ends every request sent so far, the one running included.
    pub fn stop_sent(&self) {
        let _ = Atomics::store(&self.flag, 0, self.sent.get());
    }
}

/// The worker's end: the number of the request it handles, and the flag.
#[derive(Default)]
pub struct WorkerStop {
    flag: RefCell<Option<Int32Array>>,
    current: Cell<i32>,
}

impl WorkerStop {
    /// A request arrived from the page: it is the next one.
    pub fn received(&self) {
        self.current.set(self.current.get() + 1);
        if self.flag.borrow().is_none() {
            let found = Reflect::get(&js_sys::global(), &JsValue::from_str(KEY)).ok();
            *self.flag.borrow_mut() = found.and_then(|view| view.dyn_into::<Int32Array>().ok());
        }
    }
}

impl CancelFlag for WorkerStop {
    fn requested(&self) -> bool {
        let flag = self.flag.borrow();
        let Some(flag) = flag.as_ref() else {
            return false;
        };
        Atomics::load(flag, 0).is_ok_and(|through| through >= self.current.get())
    }
}
