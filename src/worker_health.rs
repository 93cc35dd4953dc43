//! Notices when the engine worker dies. A Rust panic in the worker aborts it
//! without an answer, so its panic hook posts the message on a
//! BroadcastChannel whose name only this page and its worker know.
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

pub struct DeathWatch {
    channel: BroadcastChannel,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl DeathWatch {
    /// Listens on `name`; `on_death` gets the worker's panic message.
    pub fn listen(name: &str, on_death: impl Fn(String) + 'static) -> Option<Self> {
        let channel = BroadcastChannel::new(name).ok()?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            on_death(
                event
                    .data()
                    .as_string()
                    .unwrap_or_else(|| "the engine stopped".to_owned()),
            )
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Self {
            channel,
            _on_message: on_message,
        })
    }
}

impl Drop for DeathWatch {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

/// Called in the worker: report a panic on `name`, then let it abort.
pub fn report_death(name: &str, message: &str) {
    if let Ok(channel) = BroadcastChannel::new(name) {
        let _ = channel.post_message(&wasm_bindgen::JsValue::from_str(message));
    }
}
