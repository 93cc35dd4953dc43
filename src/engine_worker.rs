//! The gloo worker around `seekscan_core::service::Service`. It runs in its own
//! thread, so a long load or query never blocks the page; the indexes of the
//! large tables are built meanwhile by a second worker (`index_builder`).
use std::cell::Cell;
use std::rc::Rc;

use gloo_worker::{HandlerId, Worker, WorkerScope};
use seekscan_core::protocol::{Request, Response};
use seekscan_core::service::Service;

use crate::index_builder::{JsImage, WorkerBuilder};

pub struct EngineWorker {
    service: Service,
    /// The build whose messages count; a new load starts another.
    generation: Rc<Cell<u32>>,
    /// The page's bridge, for answers that come from the builder's messages.
    page: Option<HandlerId>,
}

/// What the index builder sent, tagged with its build's generation.
pub enum EngineMessage {
    Image { generation: u32, image: JsImage },
    Failed { generation: u32, error: String },
}

impl Worker for EngineWorker {
    type Message = EngineMessage;
    type Input = Request;
    type Output = Response;

    fn create(scope: &WorkerScope<Self>) -> Self {
        let generation = Rc::new(Cell::new(0));
        let builder = WorkerBuilder::new(scope.clone(), generation.clone());
        Self {
            service: Service::with_builder(Box::new(builder)),
            generation,
            page: None,
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, msg: Self::Message) {
        let Some(page) = self.page else {
            return;
        };
        let emit = &mut |response| scope.respond(page, response);
        match msg {
            EngineMessage::Image { generation, image } if generation == self.generation.get() => {
                self.service.index_built(&image, emit)
            }
            EngineMessage::Failed { generation, error } if generation == self.generation.get() => {
                self.service
                    .background_failed(&format!("the index builder: {error}"), emit)
            }
            // From a build a later load cancelled.
            EngineMessage::Image { .. } | EngineMessage::Failed { .. } => {}
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Self::Input, id: HandlerId) {
        if let Request::Watch { channel } = &msg {
            install_panic_report(channel.clone());
            crate::worker_health::report_out_of_memory_on(channel);
        }
        self.page = Some(id);
        self.service
            .handle(msg, &mut |response| scope.respond(id, response));
    }
}

/// A panic aborts the worker; tell the page first (see `worker_health`).
fn install_panic_report(channel: String) {
    std::panic::set_hook(Box::new(move |info| {
        console_error_panic_hook::hook(info);
        crate::worker_health::report_death(&channel, &format!("the engine crashed: {info}"));
    }));
}
