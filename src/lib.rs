//! seekscan-web: the playground page (Yew) and the engine's Web Worker.
//!
//! Everything the page shows comes from `seekscan_core` running in the worker;
//! this crate only renders state and forwards requests.

pub mod app;
pub mod codec;
pub mod components;
pub mod engine_worker;
pub mod index_builder;
pub mod repeats;
pub mod run_guard;
pub mod state;
pub mod stop_flag;
pub mod url_sync;
pub mod worker_client;
pub mod worker_health;
