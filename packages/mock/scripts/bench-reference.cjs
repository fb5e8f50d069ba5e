// Reference servers for the mock benchmark (scripts/bench.mjs), each in its own process:
//   node bench-reference.cjs <port> bare      a fixed JSON answer to anything (the ceiling)
//   node bench-reference.cjs <port> stateful  the least a create that keeps state must do: parse
//     the JSON body, look up and remember the Idempotency-Key (two generations of 10,000), store
//     the report as an object, answer 201 with its JSON (about 1 KB, like the mock's answer).
//     No validation, auth, roles, faults or journal. GET answers a stored region.
'use strict';
const { createServer } = require('node:http');
const { randomUUID } = require('node:crypto');

const port = Number(process.argv[2]);
const mode = process.argv[3] ?? 'bare';
const region = JSON.stringify({
  code: '63.08.05.1002',
  name: 'Murung Sari',
  level: 'KELURAHAN',
  parentCode: '63.08.05',
});

function bare(req, res) {
  req.resume();
  req.on('end', () => {
    res.writeHead(req.method === 'POST' ? 201 : 200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(region),
    });
    res.end(region);
  });
}

const reports = new Map();
let idempotency = new Map();
let previous = new Map();
let counter = 0;

function stateful(req, res) {
  if (req.method !== 'POST') {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(region);
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    const key = req.headers['idempotency-key'];
    const prior = idempotency.get(key) ?? previous.get(key);
    if (prior) {
      const same = prior.fingerprint === text;
      res.writeHead(same ? 201 : 409, {
        'content-type': same ? 'application/json' : 'application/problem+json',
      });
      res.end(same ? prior.body : '{"status":409,"code":"idempotency-key-reused"}');
      return;
    }
    const input = JSON.parse(text);
    const at = new Date().toISOString();
    const id = randomUUID();
    const trackingCode = `BOS-2026-${String(++counter).padStart(6, '0')}`;
    const report = {
      anonymous: false,
      attachmentIds: [],
      ...input,
      id,
      trackingCode,
      status: 'SENT',
      serviceLevel: { forwardBy: '2026-12-02', followUpBy: '2026-12-04', closeBy: '2026-12-11' },
      responses: [
        {
          id: randomUUID(),
          status: 'SENT',
          message: `Laporan diterima sistem dengan nomor ${trackingCode}.`,
          createdAt: at,
        },
      ],
      createdAt: at,
      updatedAt: at,
    };
    reports.set(id, report);
    const body = JSON.stringify(report);
    if (idempotency.size >= 10_000) {
      previous = idempotency;
      idempotency = new Map();
    }
    idempotency.set(key, { fingerprint: text, body });
    res.writeHead(201, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      location: `/api/v2/citizen-reports/${id}`,
    });
    res.end(body);
  });
}

createServer(mode === 'stateful' ? stateful : bare).listen(port, '127.0.0.1');
