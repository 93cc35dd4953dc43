// The engine worker's entry, spawned by index.html and worker_client.rs,
// and its index builders' (the same wasm under another name, started by
// the engine worker: src/index_builder/).
//
// A builder is sent its order and rows before its wasm has started: a
// message that arrives with no listener is lost, so they wait here. The
// engine holds its load until the builders say they run: a nested worker
// starts only while its parent's thread is free.
if (self.name === 'seekscan-index-builder') {
  self.seekscanEarly = [];
  self.onmessage = (event) => self.seekscanEarly.push(event.data);
  self.postMessage({ started: true });
} else {
  // The page's Stop flag (src/stop_flag.rs): one message, before any of the
  // protocol's, that gloo's handler must not see. Listening before that
  // handler is set, this listener runs first and keeps the event from it.
  self.addEventListener('message', (event) => {
    const data = event.data;
    const shared = typeof SharedArrayBuffer === 'function';
    if (shared && data !== null && typeof data === 'object' && data.seekscanStop instanceof SharedArrayBuffer) {
      self.seekscanStop = new Int32Array(data.seekscanStop);
      event.stopImmediatePropagation();
    }
  });
}
// A wasm that fails to download or compile rejects a promise, and a
// worker's unhandled rejection never reaches the page: the page would wait
// on "starting" for ever. Rethrown from a task of its own, it becomes the
// Worker's error event, which the page reports and acts on.
importScripts('./worker.js');
wasm_bindgen({ module_or_path: './worker_bg.wasm' }).catch((error) => {
  setTimeout(() => {
    throw new Error(`the engine's wasm did not start: ${error}`);
  });
});
