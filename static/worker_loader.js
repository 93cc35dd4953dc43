// The engine worker's entry, spawned by index.html and worker_client.rs.
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
