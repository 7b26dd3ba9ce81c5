// The RipTide component from a second host: Node.js, through jco's
// transpiled bindings and preview2-shim's WASI (wasi:http included).
// Checks the WIT contract end to end: typed records, the error variant,
// fetching, the egress policy and the crawl-session resource.
//
//     node check.mjs http://127.0.0.1:PORT    (tests/fixture_server.py's site)
//
// Exits non-zero on the first failed check.
import assert from 'node:assert/strict';
import { crawl, extract } from './generated/riptide.js';

const base = process.argv[2];
assert.ok(base, 'usage: node check.mjs BASE_URL');

/** The WIT's extract-options; every field is required across the boundary. */
const defaults = {
  focus: 'balanced', includeComments: false, includeTables: true, includeImages: false, includeLinks: true, collectLinks: true,
  includeHtml: false, targetSelector: undefined, excludeSelectors: [],
};
/** The WIT's fetch-options; `maxBodyBytes` is a u64, so a BigInt in JS. */
const loopback = {
  connectTimeoutMs: 10000, firstByteTimeoutMs: 10000, betweenBytesTimeoutMs: 10000, requestTimeoutMs: 15000,
  maxRedirects: 10, maxRetries: 2, maxBodyBytes: 10n * 1024n * 1024n, allowPrivateNetwork: true, respectRobots: true,
  headers: [['accept-language', 'en-GB']],
};

/** The `error` variant a call threw (transpiled to throw it bare, see transpile.mjs). */
function errorOf(call) {
  try {
    call();
  } catch (err) {
    assert.equal(typeof err.tag, 'string', `not a WIT error: ${err}`);
    return err;
  }
  assert.fail('the call did not fail');
}

const checks = [];
const check = (name, body) => checks.push([name, body]);

check('engine-version is semver', () => {
  assert.match(extract.engineVersion(), /^\d+\.\d+\.\d+/);
});

check('extract-html returns the typed document', () => {
  const html = `<html lang="en"><head><title>Tide pools | Coast Notes</title><meta name="author" content="Ada Reef"></head><body>
    <nav><a href="/">Home</a> <a href="/about">About</a></nav>
    <article><h1>Tide pools</h1>
      <p>Tide pools hold sea water when the tide goes out, and with it a small world of anemones, crabs and snails.</p>
      <p>Visit at low tide, step on bare rock, and <a href="/guide">read the guide</a> before you go.</p></article>
    <footer>© Coast Notes</footer></body></html>`;
  const doc = extract.extractHtml(html, 'https://example.org/pools', defaults);
  assert.equal(doc.title, 'Tide pools');
  assert.equal(doc.byline, 'Ada Reef');
  assert.equal(doc.language, 'en');
  assert.equal(doc.status, 0);
  assert.match(doc.text, /^Tide pools\nTide pools hold sea water/);
  assert.ok(!doc.text.includes('About') && !doc.text.includes('©'), 'navigation and footer left out');
  assert.match(doc.markdown, /^# Tide pools\n\n/);
  assert.ok(doc.markdown.includes('[read the guide](https://example.org/guide)'));
  assert.ok(doc.links.some((l) => l.url === 'https://example.org/guide' && l.internal === true));
  assert.equal(doc.wordCount, doc.text.split(/\s+/).filter((w) => /\w/.test(w)).length);
  const plain = extract.extractHtml(html, 'https://example.org/pools', { ...defaults, includeLinks: false, collectLinks: false });
  assert.ok(!plain.markdown.includes('](') && plain.links.length === 0);
  assert.equal(doc.html, '');
  const rendered = extract.extractHtml(html, 'https://example.org/pools', { ...defaults, includeHtml: true }).html;
  assert.match(rendered, /^<h1>Tide pools<\/h1>\n<p>Tide pools hold sea water/);
  assert.ok(rendered.includes('<a href="https://example.org/guide">read the guide</a>'));
  const nav = extract.extractHtml(html, 'https://example.org/pools', { ...defaults, targetSelector: 'nav', excludeSelectors: ['a[href="/"]'] });
  assert.equal(nav.markdown, '[About](https://example.org/about)');
  const bad = errorOf(() => extract.extractHtml(html, null, { ...defaults, excludeSelectors: ['p >'] }));
  assert.deepEqual([bad.tag, bad.val], ['invalid-selector', '"p >": dangling combinator']);
});

check('a bad URL is the invalid-url error', () => {
  const error = errorOf(() => extract.extractHtml('<p>x</p>', 'not a url', defaults));
  assert.equal(error.tag, 'invalid-url');
});

check('fetch-document fetches over wasi:http', () => {
  const doc = crawl.fetchDocument(`${base}/articles/kelp-forests.html`, loopback, defaults);
  assert.equal(doc.status, 200);
  assert.equal(doc.title, 'Kelp forests are moving north');
  assert.equal(doc.byline, 'Aiko Tanaka');
  assert.equal(doc.published, '2024-06-21T09:30:00Z');
  assert.equal(doc.canonicalUrl, `${base}/articles/kelp-forests.html`);
});

check('errors stay typed: status, policy', () => {
  const status = errorOf(() => crawl.fetchDocument(`${base}/status/404`, loopback, defaults));
  assert.equal(status.tag, 'http-status');
  assert.equal(status.val.status, 404);
  // The component's own egress policy: nothing is sent to loopback unless allowed.
  const policy = errorOf(() => crawl.fetchDocument(`${base}/`, { ...loopback, allowPrivateNetwork: false }, defaults));
  assert.equal(policy.tag, 'policy');
  assert.equal(policy.val.reason, 'private-address');
});

check('check-options names a bad header or selector without fetching', () => {
  assert.equal(crawl.checkOptions(loopback, defaults), undefined);
  const header = errorOf(() => crawl.checkOptions({ ...loopback, headers: [['host', 'evil.example']] }, defaults));
  assert.deepEqual([header.tag, header.val], ['invalid-header', 'host is set by the client']);
  const selector = errorOf(() => crawl.checkOptions(loopback, { ...defaults, targetSelector: 'div[' }));
  assert.deepEqual([selector.tag, selector.val], ['invalid-selector', '"div[": unexpected end']);
});

check('crawl-session: a crawl keeps input order, a failure is its own item', () => {
  const urls = [`${base}/articles/tide-pools.html`, `${base}/status/500`, `${base}/articles/storm-surge.html`];
  const session = crawl.CrawlSession.crawl(urls, 2, loopback, defaults);
  const items = [];
  for (let batch = session.nextBatch(); batch.length; batch = session.nextBatch()) items.push(...batch);
  session[Symbol.dispose]();
  assert.deepEqual(items.map((i) => [i.index, i.url, i.outcome.tag]), [[0, urls[0], 'ok'], [1, urls[1], 'err'], [2, urls[2], 'ok']]);
  assert.equal(items[1].outcome.val.tag, 'http-status');
});

check('crawl-session: a spider goes breadth first and obeys robots.txt', () => {
  const spider = { maxDepth: 1, maxPages: 100, sameHost: true, includePatterns: [], excludePatterns: [], concurrency: 4 };
  const session = crawl.CrawlSession.spider(`${base}/`, spider, loopback, { ...defaults, collectLinks: false });
  const items = [];
  for (let batch = session.nextBatch(); batch.length; batch = session.nextBatch()) items.push(...batch);
  session[Symbol.dispose]();
  assert.equal(items[0].url, `${base}/`);
  assert.equal(items[0].depth, 0);
  assert.ok(items.slice(1).every((i) => i.depth === 1));
  assert.ok(items.every((i) => i.outcome.tag === 'ok'), 'every page of the site answers');
  const urls = items.map((i) => i.url);
  assert.ok(urls.includes(`${base}/articles/`) && urls.includes(`${base}/docs/`));
  assert.ok(!urls.some((u) => u.includes('/private/')), 'robots.txt disallows /private/');
  assert.equal(new Set(urls).size, urls.length);
});

check('sitemap: robots.txt names an index, gzip and all', () => {
  const pages = crawl.sitemap(`${base}/`, 10, loopback);
  assert.deepEqual(pages, ['/articles/tide-pools.html', '/articles/kelp-forests.html', '/articles/storm-surge.html', '/docs/'].map((p) => base + p));
});

check('feed: the feeds a page declares, RSS and Atom', () => {
  const pages = crawl.feed(`${base}/`, 10, loopback);
  assert.deepEqual(pages, ['/articles/kelp-forests.html', '/articles/storm-surge.html', '/docs/'].map((p) => base + p));
});

let failed = 0;
for (const [name, body] of checks) {
  try {
    body();
    console.log(`ok   ${name}`);
  } catch (err) {
    failed += 1;
    console.log(`FAIL ${name}\n${err.stack ?? err}`);
  }
}
console.log(`${checks.length - failed} of ${checks.length} checks passed`);
process.exit(failed ? 1 : 0);
