//! The engine's Web Worker: owns the database and answers protocol requests.
use gloo_worker::Registrable;
use seekscan_web::worker_health::ReportingAllocator;
use seekscan_web::{codec::JsonCodec, engine_worker::EngineWorker};

/// A failed allocation tells the page before the worker aborts.
#[global_allocator]
static ALLOCATOR: ReportingAllocator = ReportingAllocator;

fn main() {
    // The same wasm serves as the engine and as its index builder.
    if seekscan_web::index_builder::is_builder() {
        seekscan_web::index_builder::serve();
    } else {
        EngineWorker::registrar().encoding::<JsonCodec>().register();
    }
}

/// For the end-to-end tests only, built with the `test-hooks` feature (which
/// `cargo xtask test` and `cargo xtask e2e` enable and `cargo xtask serve`
/// does not; in the worker it is `wasm_bindgen.exhaust_memory_for_tests()`):
/// allocates without using the memory until the allocator fails, then ends
/// the way a runaway query does when memory runs out. It can only end this
/// worker, which the page then replaces.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn exhaust_memory_for_tests() {
    let chunk = std::alloc::Layout::from_size_align(256 << 20, 8).expect("a valid layout");
    loop {
        // SAFETY: the layout has a non-zero size; a chunk is touched once,
        // through a volatile write, so the allocation cannot be optimised away.
        unsafe {
            let memory = std::alloc::alloc(chunk);
            if memory.is_null() {
                std::alloc::handle_alloc_error(chunk);
            }
            memory.write_volatile(1);
        }
    }
}
