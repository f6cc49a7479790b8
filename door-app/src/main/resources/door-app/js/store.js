// IndexedDB: the offline bundle per event, the queue of scans made offline, conflicts reported
// back by the server. Everything the door needs to keep working survives a reload.
const DB_NAME = 'taquilla-door';
let opened = null;

function db() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        const d = request.result;
        d.createObjectStore('bundles', { keyPath: 'eventId' });
        d.createObjectStore('queue', { keyPath: 'nonce' });
        d.createObjectStore('conflicts', { keyPath: 'nonce' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return opened;
}

async function run(storeName, mode, work) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const tx = d.transaction(storeName, mode);
    const result = work(tx.objectStore(storeName));
    tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const store = {
  get: (name, key) => run(name, 'readonly', s => s.get(key)),
  put: (name, value) => run(name, 'readwrite', s => { s.put(value); }),
  delete: (name, key) => run(name, 'readwrite', s => { s.delete(key); }),
  all: (name) => run(name, 'readonly', s => s.getAll()),
  count: (name) => run(name, 'readonly', s => s.count()),
};
