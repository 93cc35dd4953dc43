//! The engine's side: starts the builders of an order, sends them its rows
//! and hands what they send back to the engine as [`EngineMessage`]s
//! tagged with the order's generation, so that nothing of a cancelled
//! build lands.
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_worker::WorkerScope;
use js_sys::Array;
use seekscan_core::background::{self, BuildOrder, Builder};
use seekscan_core::storage::SharedRows;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerGlobalScope, WorkerOptions};

use super::{field, message, to_js, JsBytes, NAME};
use crate::engine_worker::{EngineMessage, EngineWorker};

/// The same loader as the engine worker's (it reports a wasm that fails
/// to start as an `error` event, and keeps a builder's early messages).
const LOADER: &str = "./worker_loader.js";

/// Builders per order: after the load the engine's thread is free, so two
/// builders keep two cores busy; more would only share them on the
/// machines this runs on, and each holds a copy of the rows.
const MOST_BUILDERS: usize = 2;

pub struct WorkerBuilder {
    scope: WorkerScope<EngineWorker>,
    generation: Rc<Cell<u32>>,
    running: Option<Running>,
}

/// One order's builders.
struct Running {
    order: BuildOrder,
    /// A load has taken this build as its own (see `prestart`).
    claimed: bool,
    builders: Vec<Started>,
    /// Builders that said they run.
    started: usize,
}

struct Started {
    worker: Worker,
    /// The tables whose rows it needs.
    tables: Vec<String>,
}

impl WorkerBuilder {
    pub fn new(scope: WorkerScope<EngineWorker>, generation: Rc<Cell<u32>>) -> Self {
        Self {
            scope,
            generation,
            running: None,
        }
    }

    /// Starts the builders of `order` ahead of the load that will claim
    /// it (the engine holds that load until they run); false if none
    /// could be started.
    pub fn prestart(&mut self, order: &BuildOrder) -> bool {
        self.cancel();
        self.spawn(order, false)
    }

    /// One more builder says it runs; true once all of them have.
    pub fn note_started(&mut self) -> bool {
        self.running.as_mut().is_some_and(|running| {
            running.started += 1;
            running.started >= running.builders.len()
        })
    }

    fn spawn(&mut self, order: &BuildOrder, claimed: bool) -> bool {
        let count = js_sys::global()
            .dyn_into::<WorkerGlobalScope>()
            .map_or(1, |g| g.navigator().hardware_concurrency() as usize)
            .clamp(1, MOST_BUILDERS);
        let mut builders = Vec::new();
        for share in background::share(order, count) {
            match self.spawn_one(&share) {
                Some(builder) => builders.push(builder),
                None => {
                    for builder in builders {
                        builder.worker.terminate();
                    }
                    return false;
                }
            }
        }
        self.running = Some(Running {
            order: order.clone(),
            claimed,
            builders,
            started: 0,
        });
        true
    }

    fn spawn_one(&self, share: &BuildOrder) -> Option<Started> {
        let text = serde_json::to_string(share).ok()?;
        let options = WorkerOptions::new();
        options.set_name(NAME);
        let worker = Worker::new_with_options(LOADER, &options).ok()?;
        if worker.post_message(&JsValue::from_str(&text)).is_err() {
            worker.terminate();
            return None;
        }
        // The handlers belong to JavaScript and stay on the worker for
        // good: an error a cancelled builder raised may still be on its way,
        // and unhandled it would count as the engine's own (the page would
        // replace the engine). What a cancelled build sends is ignored by
        // its generation.
        let generation = self.generation.get();
        let on_message = on_message(self.scope.clone(), generation).into_js_value();
        let on_error = on_error(self.scope.clone(), generation).into_js_value();
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
        let mut tables: Vec<String> = share.defs.iter().map(|d| d.table.clone()).collect();
        tables.dedup();
        Some(Started { worker, tables })
    }
}

/// What a builder posts, as messages to the engine.
fn on_message(
    scope: WorkerScope<EngineWorker>,
    generation: u32,
) -> Closure<dyn FnMut(MessageEvent)> {
    Closure::new(move |event: MessageEvent| {
        let data = event.data();
        if field(&data, "started").is_some() {
            scope.send_message(EngineMessage::BuilderStarted { generation });
        } else if let Some(buffer) = field(&data, "image").filter(JsValue::is_object) {
            let image = JsBytes::new(&buffer);
            scope.send_message(EngineMessage::Image { generation, image });
        } else if let Some(error) = field(&data, "error").and_then(|e| e.as_string()) {
            scope.send_message(EngineMessage::Failed { generation, error });
        }
    })
}

/// A builder that stopped (a trap, or a wasm that did not start).
fn on_error(scope: WorkerScope<EngineWorker>, generation: u32) -> Closure<dyn FnMut(ErrorEvent)> {
    Closure::new(move |event: ErrorEvent| {
        event.prevent_default();
        let error = match event.message() {
            message if message.is_empty() => "it stopped without a word".to_owned(),
            message => message,
        };
        scope.send_message(EngineMessage::Failed { generation, error });
    })
}

impl Builder for WorkerBuilder {
    fn start(&mut self, order: &BuildOrder) -> bool {
        if let Some(running) = self
            .running
            .as_mut()
            .filter(|r| !r.claimed && r.order == *order)
        {
            running.claimed = true;
            return true;
        }
        self.cancel();
        self.spawn(order, true)
    }

    /// Copies the rows out of wasm memory once; each builder but the last
    /// gets a copy the browser makes, the last the buffer itself.
    fn rows(&mut self, table: &str, rows: &SharedRows) {
        let Some(running) = self.running.as_ref() else {
            return;
        };
        let wanting: Vec<&Started> = running
            .builders
            .iter()
            .filter(|b| b.tables.iter().any(|t| t == table))
            .collect();
        if wanting.is_empty() {
            return;
        }
        let buffer = to_js(rows.len(), |sink| rows.write(sink));
        let data = message("rows", &buffer);
        let _ = js_sys::Reflect::set(&data, &JsValue::from_str("table"), &table.into());
        for (at, builder) in wanting.iter().enumerate() {
            let _ = if at + 1 == wanting.len() {
                builder
                    .worker
                    .post_message_with_transfer(&data, &Array::of1(&buffer))
            } else {
                builder.worker.post_message(&data)
            };
        }
    }

    fn cancel(&mut self) {
        self.generation.set(self.generation.get().wrapping_add(1));
        for builder in self.running.take().into_iter().flat_map(|r| r.builders) {
            builder.worker.terminate();
        }
    }
}

/// The engine's handle on its builders, shared with the service's loads.
#[derive(Clone)]
pub struct SharedBuilder(pub Rc<RefCell<WorkerBuilder>>);

impl Builder for SharedBuilder {
    fn start(&mut self, order: &BuildOrder) -> bool {
        self.0.borrow_mut().start(order)
    }

    fn rows(&mut self, table: &str, rows: &SharedRows) {
        self.0.borrow_mut().rows(table, rows)
    }

    fn cancel(&mut self) {
        self.0.borrow_mut().cancel()
    }
}
