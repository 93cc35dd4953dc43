//! The second worker that builds the large tables' indexes while the engine
//! loads (see `seekscan_core::background`). It runs the same wasm as the
//! engine worker, started under the name [`NAME`]; the engine worker starts
//! it, and the two speak plain messages, outside gloo-worker:
//!
//! 1. the engine posts the `BuildOrder` as JSON text as soon as it starts
//!    the builder (`static/worker_loader.js` keeps it until the wasm has
//!    started: the engine's own thread is busy loading by then);
//! 2. the builder posts `{image: ArrayBuffer}` for each index as soon as it
//!    is built (the buffer transferred, not copied), then `{done: true}`
//!    and closes itself; a failure posts `{error: "…"}` instead.
//!
//! A trap in the builder (running out of memory, say) ends it without a
//! word: the engine sees its `error` event and builds the indexes itself.
use std::cell::Cell;
use std::rc::Rc;

use gloo_worker::WorkerScope;
use js_sys::{Array, Object, Reflect, Uint8Array};
use seekscan_core::background::{self, BuildOrder, Builder};
use seekscan_core::storage::ImageSource;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, ErrorEvent, MessageEvent, Worker, WorkerOptions};

use crate::engine_worker::{EngineMessage, EngineWorker};

/// The worker name that makes the wasm a builder instead of an engine.
pub const NAME: &str = "seekscan-index-builder";

/// The same loader as the engine worker's (it reports a wasm that fails
/// to start as an `error` event).
const LOADER: &str = "./worker_loader.js";

fn global() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Whether this worker was started as a builder.
pub fn is_builder() -> bool {
    js_sys::global()
        .dyn_into::<DedicatedWorkerGlobalScope>()
        .is_ok_and(|scope| scope.name() == NAME)
}

fn object(field: &str, value: &JsValue) -> JsValue {
    let message = Object::new();
    let _ = Reflect::set(&message, &JsValue::from_str(field), value);
    message.into()
}

/// The global `worker_loader.js` keeps messages in until the wasm starts.
const EARLY: &str = "seekscanEarly";

/// In the builder: carries out the order that came before it started, or
/// the first one to come.
pub fn serve() {
    let early = Reflect::get(&js_sys::global(), &JsValue::from_str(EARLY))
        .ok()
        .and_then(|early| early.dyn_into::<Array>().ok())
        .filter(|early| early.length() > 0);
    if let Some(early) = early {
        carry_out(early.get(0));
        return;
    }
    let on_message =
        Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| carry_out(event.data()));
    global().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}

/// Builds what `order` (JSON text) asks for, posting each image, then ends
/// this worker.
fn carry_out(order: JsValue) {
    let scope = global();
    scope.set_onmessage(None);
    let result = order
        .as_string()
        .ok_or_else(|| "an order that is not text".to_owned())
        .and_then(|text| {
            serde_json::from_str::<BuildOrder>(&text).map_err(|e| format!("a bad order: {e}"))
        })
        .and_then(|order| {
            background::build(&order, &mut |_, image| {
                let bytes = Uint8Array::from(image.as_slice());
                let buffer = bytes.buffer();
                let _ = scope
                    .post_message_with_transfer(&object("image", &buffer), &Array::of1(&buffer));
            })
        });
    let _ = match result {
        Ok(()) => scope.post_message(&object("done", &JsValue::TRUE)),
        Err(error) => scope.post_message(&object("error", &JsValue::from_str(&error))),
    };
    scope.close();
}

/// In the engine worker: starts a builder for each order and hands what
/// it sends to the engine as [`EngineMessage`]s tagged with the order's
/// generation, so that nothing of a cancelled build lands.
pub struct WorkerBuilder {
    scope: WorkerScope<EngineWorker>,
    generation: Rc<Cell<u32>>,
    running: Option<Running>,
}

struct Running {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl WorkerBuilder {
    pub fn new(scope: WorkerScope<EngineWorker>, generation: Rc<Cell<u32>>) -> Self {
        Self {
            scope,
            generation,
            running: None,
        }
    }
}

/// An image as it arrived: read from the JavaScript buffer straight into
/// the index's arrays, never copied whole into wasm memory.
pub struct JsImage(Uint8Array);

impl ImageSource for JsImage {
    fn len(&self) -> usize {
        self.0.length() as usize
    }

    fn read(&self, at: usize, into: &mut [u8]) {
        let end = at + into.len();
        self.0.subarray(at as u32, end as u32).copy_to(into);
    }
}

impl Builder for WorkerBuilder {
    fn start(&mut self, order: &BuildOrder) -> bool {
        let Ok(text) = serde_json::to_string(order) else {
            return false;
        };
        let options = WorkerOptions::new();
        options.set_name(NAME);
        let Ok(worker) = Worker::new_with_options(LOADER, &options) else {
            return false;
        };
        if worker.post_message(&JsValue::from_str(&text)).is_err() {
            worker.terminate();
            return false;
        }
        let generation = self.generation.get();
        let on_message = {
            let scope = self.scope.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                let field = |name: &str| Reflect::get(&data, &JsValue::from_str(name)).ok();
                if let Some(buffer) = field("image").filter(JsValue::is_object) {
                    let image = JsImage(Uint8Array::new(&buffer));
                    scope.send_message(EngineMessage::Image { generation, image });
                } else if let Some(error) = field("error").and_then(|e| e.as_string()) {
                    scope.send_message(EngineMessage::Failed { generation, error });
                }
            })
        };
        let on_error = {
            let scope = self.scope.clone();
            Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
                event.prevent_default();
                let error = match event.message() {
                    message if message.is_empty() => "it stopped without a word".to_owned(),
                    message => message,
                };
                scope.send_message(EngineMessage::Failed { generation, error });
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.running = Some(Running {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        });
        true
    }

    fn cancel(&mut self) {
        self.generation.set(self.generation.get().wrapping_add(1));
        if let Some(running) = self.running.take() {
            running.worker.set_onmessage(None);
            running.worker.set_onerror(None);
            running.worker.terminate();
        }
    }
}
