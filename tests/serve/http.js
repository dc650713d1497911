// http.js - a raw HTTP/1.1 client for the tests of tacitus serve: the
// request line is sent exactly as written (no URL normalisation, so "..",
// "%2e%2e" and oversized targets reach the server as they are).
'use strict';
const net = require('net');

function request(port, target, opts = {}) {
  const method = opts.method || 'GET';
  const headers = Object.assign({Host: `127.0.0.1:${port}`, Connection: 'close'}, opts.headers || {});
  let head = `${method} ${target} HTTP/1.1\r\n`;
  for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
  head += '\r\n';
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    const chunks = [];
    const timer = setTimeout(() => { sock.destroy(); reject(new Error(`timeout: ${target.slice(0, 80)}`)); }, 15000);
    sock.on('connect', () => { sock.write(head); if (opts.body) sock.write(opts.body); });
    sock.on('data', (d) => chunks.push(d));
    sock.on('error', (e) => { clearTimeout(timer); reject(e); });
    sock.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('utf8');
      const sep = raw.indexOf('\r\n\r\n');
      const lines = raw.slice(0, sep).split('\r\n');
      const status = parseInt((lines[0] || '').split(' ')[1], 10);
      const hdrs = {};
      for (const l of lines.slice(1)) {
        const i = l.indexOf(':');
        hdrs[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      const body = raw.slice(sep + 4);
      let json = null;
      if ((hdrs['content-type'] || '').startsWith('application/json')) {
        try { json = JSON.parse(body); } catch (e) { json = undefined; }
      }
      resolve({status, headers: hdrs, body, json});
    });
  });
}

module.exports = {request};
