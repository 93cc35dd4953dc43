//! JSON over `postMessage`. gloo-worker's default bincode cannot carry the
//! `serde_json::Value` cells of result rows (bincode has no `deserialize_any`).
use gloo_worker::Codec;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

#[derive(Debug)]
pub struct JsonCodec;

impl Codec for JsonCodec {
    fn encode<I: Serialize>(input: I) -> JsValue {
        let text = serde_json::to_string(&input).expect("protocol messages serialize to JSON");
        JsValue::from_str(&text)
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        let text = input.as_string().expect("worker messages are JSON strings");
        serde_json::from_str(&text).expect("worker messages match the protocol")
    }
}
