// The engine worker's entry, spawned by index.html and worker_client.rs,
// and its index builder's (the same wasm under another name, started by
// the engine worker: src/index_builder.rs).
//
// The builder is sent its order at once, before its wasm has started:
// a message that arrives with no listener is lost, so it waits here.
if (self.name === 'seekscan-index-builder') {
  self.seekscanEarly = [];
  self.onmessage = (event) => self.seekscanEarly.push(event.data);
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
