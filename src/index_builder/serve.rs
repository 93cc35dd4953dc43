//! The builder's side: gathers the rows the engine sends and builds its
//! share of the indexes (see the module's protocol).
use std::cell::RefCell;

use js_sys::{Array, Reflect};
use seekscan_core::background::{BuildOrder, Collector};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::{field, message, to_js, JsBytes};

/// The global `worker_loader.js` keeps messages in until the wasm starts.
const EARLY: &str = "seekscanEarly";

thread_local! {
    /// The build under way: `None` before the order and after the end.
    static BUILD: RefCell<Option<Collector>> = const { RefCell::new(None) };
}

fn global() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Takes every message from now on, after those that came before.
pub fn serve() {
    let on_message =
        Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| take(event.data()));
    let scope = global();
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let early = Reflect::get(&scope, &JsValue::from_str(EARLY))
        .ok()
        .and_then(|early| early.dyn_into::<Array>().ok());
    for data in early.iter().flat_map(Array::iter) {
        take(data);
    }
}

/// One message of the protocol; an error ends the build and the worker.
fn take(data: JsValue) {
    if let Err(error) = step(&data) {
        BUILD.with(|build| build.borrow_mut().take());
        let scope = global();
        let _ = scope.post_message(&message("error", &JsValue::from_str(&error)));
        scope.close();
    }
}

fn step(data: &JsValue) -> Result<(), String> {
    if let Some(order) = data.as_string() {
        let order: BuildOrder =
            serde_json::from_str(&order).map_err(|e| format!("a bad order: {e}"))?;
        let collector = Collector::new(order)?;
        BUILD.with(|build| build.borrow_mut().replace(collector));
        return Ok(());
    }
    let (Some(table), Some(rows)) = (field(data, "table"), field(data, "rows")) else {
        return Err("a message the builder does not know".to_owned());
    };
    let table = table.as_string().ok_or("rows without their table")?;
    let complete = BUILD.with(|build| match build.borrow_mut().as_mut() {
        Some(collector) => collector
            .add(&table, &JsBytes::new(&rows))
            .map(|()| collector.complete()),
        None => Err("rows before the order".to_owned()),
    })?;
    if complete {
        let collector = BUILD
            .with(|build| build.borrow_mut().take())
            .expect("the build just given rows");
        let scope = global();
        collector.finish(&mut |_, image| {
            let buffer = to_js(image.byte_len(), |sink| image.write(sink));
            let _ =
                scope.post_message_with_transfer(&message("image", &buffer), &Array::of1(&buffer));
        })?;
        let _ = scope.post_message(&message("done", &JsValue::TRUE));
        scope.close();
    }
    Ok(())
}
