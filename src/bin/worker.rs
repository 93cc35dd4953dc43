//! The engine's Web Worker: owns the database and answers protocol requests.
use gloo_worker::Registrable;
use seekscan_web::{codec::JsonCodec, engine_worker::EngineWorker};

fn main() {
    EngineWorker::registrar().encoding::<JsonCodec>().register();
}
