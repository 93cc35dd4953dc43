//! The page's handle on the engine worker.
use std::cell::RefCell;
use std::rc::Rc;

use gloo_worker::{Spawnable, WorkerBridge};
use js_sys::{Array, Object, Proxy, Reflect};
use seekscan_core::protocol::{Request, Response};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, MessageEvent, MessageEventInit, Worker};

use crate::codec::JsonCodec;
use crate::engine_worker::EngineWorker;
use crate::stop_flag::PageStop;

/// `static/worker_loader.js`, copied next to `index.html`: it reports a wasm
/// that fails to start as the Worker's `error` event.
const WORKER_LOADER: &str = "./worker_loader.js";

pub struct EngineClient {
    bridge: WorkerBridge<EngineWorker>,
    /// The `Worker` behind the bridge, when it could be kept (see `spawn_keeping_worker`).
    worker: Option<Worker>,
    _on_error: Option<Closure<dyn FnMut(Event)>>,
    /// The flag Stop sets while the worker runs (see `stop_flag`).
    stop: Option<PageStop>,
}

impl EngineClient {
    /// Spawns the worker; `on_error` gets the message of an uncaught error in
    /// it, which for a wasm worker means a trap (an out-of-memory abort, say).
    pub fn spawn(
        on_response: impl Fn(Response) + 'static,
        on_error: impl Fn(String) + 'static,
    ) -> Self {
        let mut spawner = EngineWorker::spawner();
        spawner.callback(on_response);
        let (bridge, worker) = spawn_keeping_worker(|| {
            spawner
                .encoding::<JsonCodec>()
                .as_module(false)
                .with_loader(true)
                .spawn(WORKER_LOADER)
        });
        let on_error = worker.as_ref().map(|worker| {
            let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
                // Handled here: not also an uncaught error of the page.
                event.prevent_default();
                let message = Reflect::get(&event, &JsValue::from_str("message"))
                    .ok()
                    .and_then(|m| m.as_string())
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| "an error it could not report".to_owned());
                on_error(message);
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            on_error
        });
        let stop = worker.as_ref().and_then(PageStop::share_with);
        Self {
            bridge,
            worker,
            _on_error: on_error,
            stop,
        }
    }

    pub fn send(&self, request: Request) {
        if let Some(stop) = &self.stop {
            stop.count_sent();
        }
        self.bridge.send(request);
    }

    /// Ends, in the worker, every request sent so far; `false` when the
    /// worker has no flag to read, so what it runs goes on to its end.
    pub fn stop_sent(&self) -> bool {
        self.stop.as_ref().map(PageStop::stop_sent).is_some()
    }
}

impl Drop for EngineClient {
    /// A replaced worker may be dead mid-trap or still busy with a runaway
    /// query; either way it must not keep its memory or its thread.
    fn drop(&mut self) {
        if let Some(worker) = &self.worker {
            worker.set_onerror(None);
            worker.terminate();
        }
    }
}

/// gloo-worker creates the `Worker` and keeps it private, but the page needs
/// it: a trap in the worker (an out-of-memory abort) skips the panic hook and
/// shows only as the Worker's `error` event, and a dead worker must be
/// terminated. So, for the one synchronous `spawn` call, the global `Worker`
/// is a Proxy whose `construct` trap keeps the worker it builds; the real
/// constructor is back in place before this returns.
fn spawn_keeping_worker<T>(spawn: impl FnOnce() -> T) -> (T, Option<Worker>) {
    let global = js_sys::global();
    let name = JsValue::from_str("Worker");
    let Ok(constructor) = Reflect::get(&global, &name) else {
        return (spawn(), None);
    };
    let kept = Rc::new(RefCell::new(None));
    let construct = {
        let kept = kept.clone();
        Closure::<dyn FnMut(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
            move |target: JsValue, args: JsValue, new_target: JsValue| {
                let worker = match Prestarted::take() {
                    Some(prestarted) => prestarted,
                    None => Prestarted {
                        worker: Reflect::construct_with_new_target(
                            target.unchecked_ref(),
                            args.unchecked_ref(),
                            new_target.unchecked_ref(),
                        )?,
                        early: Array::new(),
                    },
                };
                let adopted = worker.worker.clone();
                kept.replace(Some(worker));
                Ok(adopted)
            },
        )
    };
    let handler = Object::new();
    let hooked = Reflect::set(
        &handler,
        &JsValue::from_str("construct"),
        construct.as_ref(),
    )
    .and_then(|_| {
        let proxy = Proxy::new(&constructor, &handler);
        Reflect::set(&global, &name, &proxy)
    })
    .unwrap_or(false);
    let spawned = spawn();
    if hooked {
        let _ = Reflect::set(&global, &name, &constructor);
    }
    let worker = kept.take().and_then(Prestarted::replay);
    (spawned, worker)
}

/// The engine worker `index.html` starts before the page's wasm has even
/// downloaded, so the worker's own download and compile overlap the page's,
/// and what it said before the page listened (its "loaded" message).
struct Prestarted {
    worker: JsValue,
    early: Array,
}

/// The global `index.html`'s script leaves the worker in.
const PRESTARTED: &str = "seekscanPrestarted";

impl Prestarted {
    /// The worker `index.html` started, once: a later spawn (after a death)
    /// builds a new one. One that already failed is terminated instead.
    fn take() -> Option<Self> {
        let global = js_sys::global();
        let key = JsValue::from_str(PRESTARTED);
        let found = Reflect::get(&global, &key)
            .ok()
            .filter(JsValue::is_object)?;
        let _ = Reflect::delete_property(global.unchecked_ref::<Object>(), &key);
        let field = |name: &str| Reflect::get(&found, &JsValue::from_str(name)).ok();
        let worker = field("worker").filter(JsValue::is_object)?;
        if field("failed").is_some_and(|f| f.is_truthy()) {
            if let Ok(worker) = worker.dyn_into::<Worker>() {
                worker.terminate();
            }
            return None;
        }
        Some(Self {
            worker,
            early: field("early")?.dyn_into().ok()?,
        })
    }

    /// Hands gloo's handler, set by now, the messages that came before it.
    fn replay(self) -> Option<Worker> {
        let worker: Worker = self.worker.dyn_into().ok()?;
        for data in self.early.iter() {
            let init = MessageEventInit::new();
            init.set_data(&data);
            if let Ok(event) = MessageEvent::new_with_event_init_dict("message", &init) {
                let _ = worker.dispatch_event(&event);
            }
        }
        Some(worker)
    }
}
