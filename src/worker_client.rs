//! The page's handle on the engine worker.
use gloo_worker::{Spawnable, WorkerBridge};
use seekscan_core::protocol::{Request, Response};

use crate::codec::JsonCodec;
use crate::engine_worker::EngineWorker;

/// Trunk writes this shim next to `index.html` (see `data-loader-shim`).
const WORKER_LOADER: &str = "./worker_loader.js";

pub struct EngineClient {
    bridge: WorkerBridge<EngineWorker>,
}

impl EngineClient {
    pub fn spawn(on_response: impl Fn(Response) + 'static) -> Self {
        let mut spawner = EngineWorker::spawner();
        spawner.callback(on_response);
        let bridge = spawner
            .encoding::<JsonCodec>()
            .as_module(false)
            .with_loader(true)
            .spawn(WORKER_LOADER);
        Self { bridge }
    }

    pub fn send(&self, request: Request) {
        self.bridge.send(request);
    }
}
