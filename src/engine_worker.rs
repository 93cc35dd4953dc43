//! The gloo worker around `seekscan_core::service::Service`. It runs in its own
//! thread, so a long load or query never blocks the page; the indexes of the
//! large tables are built meanwhile by builder workers (`index_builder`).
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_worker::{HandlerId, Worker, WorkerScope};
use seekscan_core::background;
use seekscan_core::protocol::{Request, Response};
use seekscan_core::service::Service;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::WorkerGlobalScope;

use crate::index_builder::{JsBytes, SharedBuilder, WorkerBuilder};
use crate::stop_flag::WorkerStop;

pub struct EngineWorker {
    service: Service,
    builder: SharedBuilder,
    /// The build whose messages count; each load's build has its own.
    generation: Rc<Cell<u32>>,
    /// The page's bridge, for answers that come from a builder's messages.
    page: Option<HandlerId>,
    /// A load held until its builders run (see `index_builder`).
    held_load: Option<(Request, HandlerId)>,
    /// The page's Stop, read by the engine while it runs (see `stop_flag`).
    stop: Rc<WorkerStop>,
}

/// What a builder sent, tagged with its build's generation, or that a held
/// load should wait no longer.
pub enum EngineMessage {
    BuilderStarted {
        generation: u32,
    },
    Image {
        generation: u32,
        image: JsBytes,
    },
    Failed {
        generation: u32,
        error: String,
    },
    /// The builders took too long to say they run: load anyway.
    StopHolding {
        generation: u32,
    },
}

/// How long a load waits for its builders to start (they usually take
/// tens of milliseconds); past it, rows wait in their message queues.
const HOLD_MS: i32 = 1_000;

impl Worker for EngineWorker {
    type Message = EngineMessage;
    type Input = Request;
    type Output = Response;

    fn create(scope: &WorkerScope<Self>) -> Self {
        let generation = Rc::new(Cell::new(0));
        let builder = SharedBuilder(Rc::new(RefCell::new(WorkerBuilder::new(
            scope.clone(),
            generation.clone(),
        ))));
        let stop = Rc::new(WorkerStop::default());
        let mut service = Service::with_builder(Box::new(builder.clone()));
        service.set_cancel(stop.clone());
        Self {
            service,
            builder,
            generation,
            page: None,
            held_load: None,
            stop,
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, msg: Self::Message) {
        let current = self.generation.get();
        match msg {
            EngineMessage::BuilderStarted { generation }
                if generation == current && self.builder.0.borrow_mut().note_started() =>
            {
                self.release_load(scope)
            }
            EngineMessage::StopHolding { generation } if generation == current => {
                self.release_load(scope)
            }
            EngineMessage::Image { generation, image } if generation == current => {
                self.answer_page(scope, |service, emit| service.index_built(&image, emit))
            }
            EngineMessage::Failed { generation, error } if generation == current => {
                // A builder that failed before the load began: the load
                // builds the indexes itself.
                self.release_load(scope);
                let error = format!("an index builder: {error}");
                self.answer_page(scope, |service, emit| {
                    service.background_failed(&error, emit)
                })
            }
            // From a build a later load cancelled.
            _ => {}
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Self::Input, id: HandlerId) {
        self.stop.received();
        if let Request::Watch { channel } = &msg {
            install_panic_report(channel.clone());
            crate::worker_health::report_out_of_memory_on(channel);
        }
        self.page = Some(id);
        if self.hold_load(scope, &msg) {
            self.held_load = Some((msg, id));
            return;
        }
        self.service
            .handle(msg, &mut |response| scope.respond(id, response));
    }
}

impl EngineWorker {
    /// Starts the builders of a load that has some, and says whether to
    /// hold the load until they run.
    fn hold_load(&mut self, scope: &WorkerScope<Self>, request: &Request) -> bool {
        let (Request::Load { seed, scale } | Request::LoadWithIndexes { seed, scale, .. }) =
            request
        else {
            return false;
        };
        // A load held already is replaced by this one.
        self.held_load = None;
        let Some(order) = background::order(*seed, *scale) else {
            return false;
        };
        if !self.builder.0.borrow_mut().prestart(&order) {
            return false;
        }
        let generation = self.generation.get();
        let scope = scope.clone();
        let stop = Closure::once_into_js(move || {
            scope.send_message(EngineMessage::StopHolding { generation })
        });
        let global: WorkerGlobalScope = js_sys::global().unchecked_into();
        global
            .set_timeout_with_callback_and_timeout_and_arguments_0(stop.unchecked_ref(), HOLD_MS)
            .is_ok()
    }

    fn release_load(&mut self, scope: &WorkerScope<Self>) {
        if let Some((request, id)) = self.held_load.take() {
            self.service
                .handle(request, &mut |response| scope.respond(id, response));
        }
    }

    /// Lets the service answer the page on its own (a builder's message).
    fn answer_page(
        &mut self,
        scope: &WorkerScope<Self>,
        answer: impl FnOnce(&mut Service, &mut dyn FnMut(Response)),
    ) {
        if let Some(page) = self.page {
            answer(&mut self.service, &mut |response| {
                scope.respond(page, response)
            });
        }
    }
}

/// A panic aborts the worker; tell the page first (see `worker_health`).
fn install_panic_report(channel: String) {
    std::panic::set_hook(Box::new(move |info| {
        console_error_panic_hook::hook(info);
        crate::worker_health::report_death(&channel, &format!("the engine crashed: {info}"));
    }));
}
