//! The gloo worker around `seekscan_core::service::Service`. It runs in its own
//! thread, so a long load or query never blocks the page.
use gloo_worker::{HandlerId, Worker, WorkerScope};
use seekscan_core::protocol::{Request, Response};
use seekscan_core::service::Service;

pub struct EngineWorker {
    service: Service,
}

impl Worker for EngineWorker {
    type Message = ();
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Self {
            service: Service::default(),
        }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Self::Input, id: HandlerId) {
        if let Request::Watch { channel } = &msg {
            install_panic_report(channel.clone());
            crate::worker_health::report_out_of_memory_on(channel);
        }
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
