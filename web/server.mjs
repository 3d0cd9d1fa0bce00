// A tiny static server for the demo pages and the browser tests: serves web/ on 127.0.0.1 with the
// strict Content-Security-Policy the embed must live under, the application/wasm MIME type, and
// nosniff. No directory listings, no paths outside web/.
// usage: node web/server.mjs [--port N] [--check]  (0 = any free port; prints the URL)
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.ttf': 'font/ttf', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.ts': 'text/plain; charset=utf-8', '.png': 'image/png',
};
const webRoot = path.dirname(fileURLToPath(import.meta.url));

export function startServer({ port = 0, host = '127.0.0.1', root = webRoot } = {}) {
  const server = createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch (_) {
      res.writeHead(400).end();
      return;
    }
    const headers = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
    if (pathname === '/') {
      res.writeHead(302, { ...headers, Location: '/pages/index.html' }).end();
      return;
    }
    const file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) {
      res.writeHead(403, headers).end('forbidden');
      return;
    }
    let stat;
    try {
      stat = statSync(file);
    } catch (_) {
      stat = null;
    }
    if (!stat || !stat.isFile()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Content-Length': stat.size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

// --check: fetch the demo pages and what the embed loads, verify types and the CSP header, then stop.
async function check(url) {
  const wanted = [['pages/index.html', 'text/html'], ['pages/news.html', 'text/html'], ['dist/gloss-embed.js', 'text/javascript'],
    ['dist/gloss.wasm', 'application/wasm'], ['dist/gloss-embed.css', 'text/css'],
    ['dist/samples/01_port_strike.txt', 'text/plain']];
  let failed = 0;
  for (const [p, type] of wanted) {
    const r = await fetch(url + p);
    const body = await r.arrayBuffer();
    const ok = r.status === 200 && (r.headers.get('content-type') || '').startsWith(type) && r.headers.get('content-security-policy') === CSP;
    if (!ok) failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${url}${p}  ${r.status} ${r.headers.get('content-type')} ${body.byteLength} bytes`);
  }
  return failed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.PORT ?? 8080);
  const { server, url } = await startServer({ port }).catch((e) => {
    console.error(e.code === 'EADDRINUSE' ? `port ${port} is in use: try PORT=8081 bash scripts/demo.sh` : e.message);
    process.exit(1);
  });
  if (process.argv.includes('--check')) {
    const failed = await check(url);
    server.close();
    console.log(failed ? `demo check: ${failed} failed` : `demo check: ok (served with CSP: ${CSP})`);
    process.exit(failed ? 1 : 0);
  }
  console.log(`Gloss demo: ${url}pages/index.html  (the sample article in the panel)\n            ${url}pages/news.html  (news page with the one-tag embed)\nCtrl-C to stop.`);
}
