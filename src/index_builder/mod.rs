//! Workers that build the large tables' indexes while the engine loads and
//! answers (see `seekscan_core::background`). They run the engine's own
//! wasm, started under the name [`NAME`] by the engine worker, and speak
//! plain messages with it, outside gloo-worker:
//!
//! 1. the engine starts each builder with its share of the `BuildOrder`
//!    (JSON text) and holds its load until every builder says
//!    `{started: true}`: a nested worker starts only while its parent's
//!    thread is free, and a load keeps that thread busy for seconds;
//! 2. once its load is done and answered, the engine posts
//!    `{table, rows: ArrayBuffer}` with the rows of each table the builder
//!    indexes (`static/worker_loader.js` keeps what arrives before the
//!    builder's wasm has started);
//! 3. with every table's rows, the builder builds its indexes and posts
//!    `{image: ArrayBuffer}` for each, then `{done: true}`, and closes
//!    itself; a failure posts `{error: "…"}` instead.
//!
//! Buffers are transferred, not copied. A trap in a builder (running out of
//! memory, say) ends it without a word: the engine sees its `error` event
//! and builds whatever is still pending itself.
mod serve;
mod workers;

use js_sys::{Object, Reflect, Uint8Array};
use seekscan_core::storage::ByteSource;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::DedicatedWorkerGlobalScope;

pub use serve::serve;
pub use workers::{SharedBuilder, WorkerBuilder};

/// The worker name that makes the wasm a builder instead of an engine.
pub const NAME: &str = "seekscan-index-builder";

/// Whether this worker was started as a builder.
pub fn is_builder() -> bool {
    js_sys::global()
        .dyn_into::<DedicatedWorkerGlobalScope>()
        .is_ok_and(|scope| scope.name() == NAME)
}

/// A message of one field.
fn message(field: &str, value: &JsValue) -> JsValue {
    let message = Object::new();
    let _ = Reflect::set(&message, &JsValue::from_str(field), value);
    message.into()
}

fn field(data: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(data, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined())
}

/// A new JavaScript buffer of `len` bytes holding what `write` hands on:
/// the one copy out of wasm memory.
fn to_js(len: usize, write: impl FnOnce(&mut dyn FnMut(&[u8]))) -> js_sys::ArrayBuffer {
    let bytes = Uint8Array::new_with_length(len as u32);
    let mut at = 0u32;
    write(&mut |part| {
        let end = at + part.len() as u32;
        bytes.subarray(at, end).copy_from(part);
        at = end;
    });
    bytes.buffer()
}

/// Bytes as they arrived: an image or a chunk of rows, read from the
/// JavaScript buffer straight into the arrays they become, never copied
/// whole into wasm memory.
pub struct JsBytes(Uint8Array);

impl JsBytes {
    pub fn new(buffer: &JsValue) -> Self {
        Self(Uint8Array::new(buffer))
    }
}

impl ByteSource for JsBytes {
    fn byte_len(&self) -> usize {
        self.0.length() as usize
    }

    fn read(&self, at: usize, into: &mut [u8]) {
        let end = at + into.len();
        self.0.subarray(at as u32, end as u32).copy_to(into);
    }
}
