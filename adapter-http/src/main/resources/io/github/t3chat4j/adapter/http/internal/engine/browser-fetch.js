// t3chat4j's browser engine: carries out one request at a time per id inside the t3.chat page, in an
// isolated world of its own (the site's scripts see neither this nor its binding). Every message back
// to the engine goes through the binding t3chat4jPipe as JSON: the head ({id, head}), each chunk of the
// body as it arrives ({id, data} in base64), then {id, end} or {id, error}. The body is read no more
// than `window` bytes ahead of what the engine has acknowledged (ack), so a slow reader holds the
// stream back instead of filling memory.
(() => {
  const pipe = globalThis.t3chat4jPipe;
  const post = (message) => pipe(JSON.stringify(message));
  const requests = new Map();

  const toBase64 = (bytes) => {
    if (typeof bytes.toBase64 === 'function') {
      return bytes.toBase64();
    }
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(text);
  };

  const fromBase64 = (text) => {
    if (typeof Uint8Array.fromBase64 === 'function') {
      return Uint8Array.fromBase64(text);
    }
    const chars = atob(text);
    const bytes = new Uint8Array(chars.length);
    for (let i = 0; i < chars.length; i++) {
      bytes[i] = chars.charCodeAt(i);
    }
    return bytes;
  };

  const run = async (request, state) => {
    try {
      const init = {
        method: request.method,
        headers: request.headers,
        credentials: 'include',
        redirect: request.follow ? 'follow' : 'manual',
        cache: 'no-store',
        signal: state.controller.signal,
      };
      if (request.referrer) {
        init.referrer = request.referrer;
      }
      if (request.body !== null) {
        init.body = fromBase64(request.body);
      }
      const response = await fetch(request.url, init);
      post({id: request.id, head: {
        status: response.type === 'opaqueredirect' ? 0 : response.status,
        headers: [...response.headers],
      }});
      if (response.body) {
        const reader = response.body.getReader();
        state.reader = reader;
        for (;;) {
          const {done, value} = await reader.read();
          if (done) {
            break;
          }
          state.sent += value.length;
          post({id: request.id, data: toBase64(value)});
          while (state.sent - state.acked > request.window && !state.controller.signal.aborted) {
            await new Promise((resume) => { state.resume = resume; });
          }
          if (state.controller.signal.aborted) {
            throw new DOMException('The engine stopped the request.', 'AbortError');
          }
        }
      }
      post({id: request.id, end: true});
    } catch (e) {
      post({id: request.id, error: String(e && e.name) + ': ' + String(e && e.message)});
    }
  };

  globalThis.t3chat4j = {
    start(request) {
      const state = {controller: new AbortController(), sent: 0, acked: 0, resume: null, reader: null};
      requests.set(request.id, state);
      run(request, state).finally(() => requests.delete(request.id));
    },
    ack(id, bytes) {
      const state = requests.get(id);
      if (state) {
        state.acked = Math.max(state.acked, bytes);
        if (state.resume) {
          state.resume();
          state.resume = null;
        }
      }
    },
    abort(id) {
      const state = requests.get(id);
      if (state) {
        state.controller.abort();
        if (state.resume) {
          state.resume();
          state.resume = null;
        }
      }
    },
  };
})();
