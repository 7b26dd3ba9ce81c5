//! Fetching: a `Transport` sends one GET (the wasi:http client in `wasi`
//! on wasm32; anything else in tests); `Client` adds what every request
//! needs on top: egress policy and robots.txt before each hop, redirects,
//! status and content-type checks, content codings (gzip, deflate) and
//! charset decoding.

pub mod charset;
pub mod cookies;
pub mod credentials;
pub mod encoding;
pub mod headers;
pub mod http_date;
pub mod policy;
pub mod refresh;
pub mod sites;
#[cfg(target_arch = "wasm32")]
pub mod wasi;

use std::rc::Rc;
use std::time::Duration;

use url::Url;

use crate::crawl::join::join_all;
use crate::crawl::robots::Robots;
use crate::extract;
use crate::model::{Document, Error, ExtractOptions, PolicyReason};
use cookies::CookieJar;
use sites::{RobotsKey, SiteMemory};

/// The User-Agent sent when the host gives none.
pub const DEFAULT_USER_AGENT: &str = concat!("RipTide/", env!("CARGO_PKG_VERSION"), " (+https://pypi.org/project/riptide-wasm/)");
/// Redirects followed when fetching robots.txt itself.
const ROBOTS_MAX_REDIRECTS: u32 = 5;
/// The part of a robots.txt that is read (RFC 9309 2.5: at least 500
/// KiB); the rest is ignored, so a huge one cannot fill the memory of
/// sites a client keeps.
const ROBOTS_MAX_BYTES: usize = 500 * 1024;
/// The longest robots.txt Crawl-delay honoured, in seconds: one engine call
/// waits one delay at most (see `Session`), and must end within the
/// host's time limit (60 s by default) with its request.
pub const MAX_CRAWL_DELAY_SECS: f64 = 10.0;
/// The longest Retry-After waited for, in seconds, on the same grounds.
pub const MAX_RETRY_AFTER_SECS: u64 = 10;

/// Mirrors the WIT `fetch-options`.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub user_agent: String,
    pub connect_timeout_ms: u32,
    pub first_byte_timeout_ms: u32,
    pub between_bytes_timeout_ms: u32,
    pub request_timeout_ms: u32,
    pub max_redirects: u32,
    pub max_body_bytes: u64,
    pub allow_private_network: bool,
    pub respect_robots: bool,
    /// The caller's own headers (see `headers`), checked by `headers::refusal`.
    pub headers: Vec<(String, String)>,
    /// Times a transient answer (see `Client::send`) is asked again.
    pub max_retries: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            user_agent: DEFAULT_USER_AGENT.to_string(),
            connect_timeout_ms: 10_000,
            first_byte_timeout_ms: 30_000,
            between_bytes_timeout_ms: 30_000,
            request_timeout_ms: 30_000,
            max_redirects: 10,
            max_body_bytes: 10 * 1024 * 1024,
            allow_private_network: false,
            respect_robots: true,
            headers: Vec::new(),
            max_retries: 2,
        }
    }
}

impl FetchOptions {
    /// The robots.txt product token: "RipTide/0.1 (...)" → "riptide".
    pub fn robots_agent(&self) -> String {
        self.user_agent.split(['/', ' ']).next().unwrap_or("riptide").to_ascii_lowercase()
    }
}

/// One response, before any interpretation.
#[derive(Debug, Clone, Default)]
pub struct RawResponse {
    pub status: u16,
    pub location: Option<String>,
    pub content_type: Option<String>,
    /// The `Content-Language` header: the page's language when its markup
    /// does not say.
    pub content_language: Option<String>,
    /// The `Content-Encoding` header: codings still to undo on the body
    /// (see `encoding::decode`).
    pub content_encoding: Option<String>,
    /// The `Retry-After` header of a 429 or 503: when to ask again.
    pub retry_after: Option<String>,
    /// The `Date` header: when the server sent the response, what a
    /// Retry-After date is read against.
    pub date: Option<String>,
    /// The `Set-Cookie` headers (see `cookies`).
    pub set_cookies: Vec<String>,
    /// As received; empty for redirects.
    pub body: Vec<u8>,
}

/// Sends one GET request; never follows redirects. Also the clock that
/// paces requests to a site asking for a Crawl-delay.
#[allow(async_fn_in_trait)]
pub trait Transport {
    /// `headers`: lower-case names and values to send besides the
    /// client's own (the caller's, a `Cookie`; see `headers::for_request`).
    async fn get(&self, url: &Url, options: &FetchOptions, headers: &[(String, String)]) -> Result<RawResponse, Error>;
    /// Time since an arbitrary start.
    fn now(&self) -> Duration;
    async fn sleep(&self, duration: Duration);
}

/// A fetched, decoded page.
#[derive(Debug, Clone)]
pub struct Page {
    pub final_url: Url,
    pub status: u16,
    pub content_type: Option<String>,
    pub content_language: Option<String>,
    pub text: String,
}

impl Page {
    pub fn is_html(&self) -> bool {
        charset::is_html(self.content_type.as_deref())
    }
}

pub struct Client<T: Transport> {
    transport: T,
    options: FetchOptions,
    /// robots.txt, Crawl-delay turns and Retry-After holds per site,
    /// shared with the clients of other calls (see `sites`).
    sites: Rc<SiteMemory>,
}

fn is_redirect(status: u16) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
}

impl<T: Transport> Client<T> {
    /// A client that remembers sites for itself only.
    pub fn new(transport: T, options: FetchOptions) -> Self {
        Client::remembering(transport, options, Rc::default())
    }

    /// A client that shares what it learns about sites through `sites`.
    pub fn remembering(transport: T, options: FetchOptions, sites: Rc<SiteMemory>) -> Self {
        Client { transport, options, sites }
    }

    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// The transport's clock.
    pub fn now(&self) -> Duration {
        self.transport.now()
    }

    /// Fetch and extract one URL.
    pub async fn fetch_document(&self, url: &str, extract_options: &ExtractOptions) -> Result<Document, Error> {
        let parsed = parse_url(url)?;
        let page = self.fetch_page(&parsed).await?;
        page_to_document(url, page, extract_options)
    }

    /// GET `url`, following redirects; every hop passes the policy first.
    pub async fn fetch_page(&self, url: &Url) -> Result<Page, Error> {
        let mut current = url.clone();
        let mut visited = vec![current.to_string()];
        let mut jar = CookieJar::default();
        loop {
            let mut response;
            (current, response) = self.follow_redirects(url, current, &mut visited, &mut jar).await?;
            let content_type = response.content_type.clone();
            if !charset::is_html(content_type.as_deref()) && !charset::is_plain_text(content_type.as_deref()) {
                return Err(Error::UnsupportedContent(content_type.unwrap_or_default()));
            }
            let (status, content_language) = (response.status, response.content_language.take());
            let text = self.body_text(response)?;
            if let Some(next) = self.refresh_hop(&current, &text, content_type.as_deref(), &visited).await {
                visited.push(next.to_string());
                current = next;
                continue;
            }
            return Ok(Page { final_url: current, status, content_type, content_language, text });
        }
    }

    /// GET a sitemap or feed (XML or text, gzip-compressed or not, whatever
    /// its Content-Type), following redirects; its text and the URL it
    /// came from.
    pub async fn fetch_xml(&self, url: &Url) -> Result<(Url, String), Error> {
        let mut visited = vec![url.to_string()];
        let (final_url, mut response) = self.follow_redirects(url, url.clone(), &mut visited, &mut CookieJar::default()).await?;
        // A `.xml.gz` file is served as a gzip file, not with a gzip coding.
        if response.body.starts_with(&[0x1f, 0x8b]) && response.content_encoding.is_none() {
            response.content_encoding = Some("gzip".into());
        }
        Ok((final_url, self.body_text(response)?))
    }

    /// GET `current` and the redirects it leads to, each hop passing the
    /// policy first, into a 2xx response; `visited` is the way so far
    /// (from `start`), a loop or more than `max_redirects` hops failing.
    /// The cookies the hops set go along on the later ones (see `cookies`).
    async fn follow_redirects(&self, start: &Url, mut current: Url, visited: &mut Vec<String>, jar: &mut CookieJar) -> Result<(Url, RawResponse), Error> {
        // The addresses of this chain, with the cookies each was sent.
        let mut sent: Vec<(String, Option<String>)> = Vec::new();
        loop {
            self.allow(&current).await?;
            let cookie = jar.header(&current);
            let on_start_origin = current.origin() == start.origin();
            let response = self.send(&current, &headers::for_request(&self.options.headers, on_start_origin, cookie.as_deref())).await?;
            sent.push((current.to_string(), cookie));
            jar.store(&current, &response.set_cookies);
            if is_redirect(response.status) {
                if let Some(location) = response.location.as_deref() {
                    let next = current.join(location).map_err(|e| Error::Fetch(format!("bad redirect Location {location:?}: {e}")))?;
                    if visited.len() as u32 > self.options.max_redirects {
                        return Err(Error::TooManyRedirects(format!("more than {} redirects from {start}", self.options.max_redirects)));
                    }
                    // An address asked again with the same cookies is a loop;
                    // with new ones it is a cookie check, passed this time.
                    let again = (next.to_string(), jar.header(&next));
                    let seen_before_this_chain = visited.contains(&again.0) && !sent.iter().any(|(url, _)| *url == again.0);
                    if sent.contains(&again) || seen_before_this_chain {
                        return Err(Error::TooManyRedirects(format!("redirect loop at {next}")));
                    }
                    visited.push(next.to_string());
                    current = next;
                    continue;
                }
            }
            if !(200..300).contains(&response.status) {
                return Err(Error::HttpStatus { status: response.status, url: current.to_string() });
            }
            return Ok((current, response));
        }
    }

    /// Where an HTML page's meta refresh sends the reader, when it is a
    /// redirect to follow: another page (a fragment of this one is no
    /// hop), within `max_redirects`, not seen on the way, and allowed.
    /// Unlike a 3xx, a refresh that cannot be followed leaves the page it
    /// is on as the result: that page has content, if only "moved".
    async fn refresh_hop(&self, current: &Url, text: &str, content_type: Option<&str>, visited: &[String]) -> Option<Url> {
        if !charset::is_html(content_type) {
            return None;
        }
        let mut next = current.join(&refresh::refresh_target(text)?).ok()?;
        let mut here = current.clone();
        next.set_fragment(None);
        here.set_fragment(None);
        let fits = next != here && visited.len() as u32 <= self.options.max_redirects && !visited.contains(&next.to_string());
        (fits && self.allow(&next).await.is_ok()).then_some(next)
    }

    /// Egress policy for one hop: scheme, private addresses, robots.txt.
    pub async fn allow(&self, url: &Url) -> Result<(), Error> {
        policy::check(url, self.options.allow_private_network)?;
        if self.options.respect_robots {
            let robots = self.robots_for(url).await?;
            if !robots.allows(&path_and_query(url)) {
                return Err(Error::Policy { reason: PolicyReason::Robots, url: url.to_string(), message: format!("{url} is disallowed by robots.txt") });
            }
        }
        Ok(())
    }

    /// A response's body as text: its content codings undone (within the
    /// size cap), then its charset decoded. A body of binary data is not
    /// text whatever its Content-Type claims.
    fn body_text(&self, response: RawResponse) -> Result<String, Error> {
        let body = encoding::decode(response.body, response.content_encoding.as_deref(), self.options.max_body_bytes)?;
        if let Some(media_type) = charset::binary_type(&body) {
            return Err(Error::UnsupportedContent(media_type.to_string()));
        }
        Ok(charset::decode(&body, response.content_type.as_deref()))
    }

    /// One GET, in the origin's turn (see `pace`); a connection reset is
    /// tried again after a pause, as a GET is safe to repeat, each try in
    /// its turn. (Resets were frequent under load while redirect and error
    /// bodies were dropped unread; the transport drains them now, and the
    /// retry stays for resets that remain.)
    ///
    /// An answer that says "not now" (`is_transient`) is asked again, up
    /// to `max_retries` times, after the wait its `Retry-After` names (at
    /// most `MAX_RETRY_AFTER_SECS`; a longer one is the answer) or else a
    /// doubling backoff: the origin is held until then, so the other
    /// requests to it wait too.
    async fn send(&self, url: &Url, headers: &[(String, String)]) -> Result<RawResponse, Error> {
        let mut pauses = RESET_BACKOFF_MS.iter();
        let mut retries = 0;
        loop {
            self.pace(url).await;
            match self.transport.get(url, &self.options, headers).await {
                Err(Error::Fetch(message)) if is_reset(&message) => match pauses.next() {
                    Some(&ms) => self.transport.sleep(Duration::from_millis(ms)).await,
                    None => return Err(Error::Fetch(message)),
                },
                Ok(response) if is_transient(response.status) && retries < self.options.max_retries => match wait_to_ask_again(&response, retries) {
                    Some(wait) => {
                        self.sites.hold(&url.origin().ascii_serialization(), wait, self.transport.now());
                        retries += 1;
                    }
                    None => return Ok(response),
                },
                other => return other,
            }
        }
    }

    /// Wait for the origin's turn: spaced by the Crawl-delay its robots.txt
    /// asks for, and after any hold a `Retry-After` put on it. Turns are
    /// handed out as requests start, so the requests of one batch to one
    /// origin space out too.
    async fn pace(&self, url: &Url) {
        let origin = url.origin().ascii_serialization();
        let now = self.transport.now();
        let mut turn = self.sites.held_until(&origin, now).unwrap_or(now);
        if let Some(delay) = self.crawl_delay(url) {
            turn = self.sites.take_turn(&origin, delay, turn);
        }
        if turn > now {
            self.transport.sleep(turn - now).await;
        }
    }

    /// The Crawl-delay robots.txt of the URL's origin asks for, when it is
    /// fetched already and robots are obeyed; at most `MAX_CRAWL_DELAY_SECS`.
    pub fn crawl_delay(&self, url: &Url) -> Option<Duration> {
        if !self.options.respect_robots {
            return None;
        }
        let seconds = self.known_robots(&url.origin().ascii_serialization())?.crawl_delay?;
        (seconds > 0.0 && seconds.is_finite()).then(|| Duration::from_secs_f64(seconds.min(MAX_CRAWL_DELAY_SECS)))
    }

    /// Fetch robots.txt for every origin of `urls` not seen yet, one request
    /// per origin, before a batch of pages is sent: otherwise every page of
    /// the batch would race to fetch the same robots.txt.
    pub async fn prefetch_robots<'u>(&self, urls: impl IntoIterator<Item = &'u Url>) {
        if !self.options.respect_robots {
            return;
        }
        let mut origins: Vec<String> = Vec::new();
        for url in urls {
            let origin = url.origin().ascii_serialization();
            if url.has_host() && !origins.contains(&origin) && self.known_robots(&origin).is_none() {
                origins.push(origin);
            }
        }
        let fetches = origins.iter().map(|o| async move { (o, self.fetch_robots(o).await) }).collect();
        for (origin, robots) in join_all(fetches).await {
            if let Ok(robots) = robots {
                self.sites.remember_robots(self.robots_key(origin), Rc::new(robots), self.transport.now());
            }
        }
    }

    /// Whether robots.txt, if already fetched for the URL's origin, allows
    /// it; `None` when it is not known yet (or robots are ignored).
    pub fn robots_allows_cached(&self, url: &Url) -> Option<bool> {
        if !self.options.respect_robots {
            return None;
        }
        self.known_robots(&url.origin().ascii_serialization()).map(|r| r.allows(&path_and_query(url)))
    }

    fn robots_key(&self, origin: &str) -> RobotsKey {
        RobotsKey { origin: origin.to_string(), user_agent: self.options.user_agent.clone(), allow_private_network: self.options.allow_private_network }
    }

    /// The sitemaps the robots.txt of the URL's origin names (read whether
    /// or not robots are obeyed); none when it cannot be had.
    pub async fn sitemaps_named(&self, url: &Url) -> Vec<String> {
        self.robots_for(url).await.map(|robots| robots.sitemaps.clone()).unwrap_or_default()
    }

    /// The origin's robots.txt when fetched already and still fresh.
    fn known_robots(&self, origin: &str) -> Option<Rc<Robots>> {
        self.sites.robots(&self.robots_key(origin), self.transport.now())
    }

    /// robots.txt of the URL's origin, fetched once while fresh. A network
    /// failure is returned (and not remembered): the page itself would fail
    /// the same way, and that error says more than "disallowed".
    async fn robots_for(&self, url: &Url) -> Result<Rc<Robots>, Error> {
        let origin = url.origin().ascii_serialization();
        if let Some(robots) = self.known_robots(&origin) {
            return Ok(robots);
        }
        let robots = Rc::new(self.fetch_robots(&origin).await?);
        self.sites.remember_robots(self.robots_key(&origin), robots.clone(), self.transport.now());
        Ok(robots)
    }

    async fn fetch_robots(&self, origin: &str) -> Result<Robots, Error> {
        let Ok(mut current) = Url::parse(&format!("{origin}/robots.txt")) else { return Ok(Robots::allow_all()) };
        for _ in 0..=ROBOTS_MAX_REDIRECTS {
            if policy::check(&current, self.options.allow_private_network).is_err() {
                return Ok(Robots::allow_all());
            }
            // Credentials are for pages, not for the rules about them.
            let response = self.send(&current, &headers::for_request(&self.options.headers, false, None)).await?;
            match response.status {
                s if is_redirect(s) => match response.location.as_deref().and_then(|l| current.join(l).ok()) {
                    Some(next) => current = next,
                    None => return Ok(Robots::allow_all()),
                },
                200..=299 => {
                    // An unreadable robots.txt is as good as none.
                    let text = self.body_text(response).unwrap_or_default();
                    return Ok(Robots::parse(leading_lines(&text, ROBOTS_MAX_BYTES), &self.options.robots_agent()));
                }
                400..=499 => return Ok(Robots::allow_all()),
                // RFC 9309 2.3.1.4: a server error means complete disallow.
                _ => return Ok(Robots::disallow_all()),
            }
        }
        Ok(Robots::allow_all())
    }
}

/// Statuses that say "not now" rather than "no": a request timeout, too
/// many requests, and a gateway or server that is down for a moment. A
/// 500 is usually the page's own failure, the same on every asking.
fn is_transient(status: u16) -> bool {
    matches!(status, 408 | 429 | 502 | 503 | 504)
}

/// The first wait before asking again when the server names none; each
/// retry waits twice the one before.
const FIRST_BACKOFF_MS: u64 = 500;

/// How long to wait before asking again after a transient answer (the
/// `retries`-th so far): its `Retry-After`, or none when that is longer
/// than `MAX_RETRY_AFTER_SECS`; without one (or one that cannot be read),
/// a doubling backoff.
fn wait_to_ask_again(response: &RawResponse, retries: u32) -> Option<Duration> {
    match retry_after(response) {
        Some(seconds) => (seconds <= MAX_RETRY_AFTER_SECS).then(|| Duration::from_secs(seconds)),
        None => Some(Duration::from_millis(FIRST_BACKOFF_MS << retries.min(4)).min(Duration::from_secs(MAX_RETRY_AFTER_SECS))),
    }
}

/// A response's `Retry-After` in seconds. An HTTP date is read against
/// the response's own `Date` (none, no reading): that is the wait the
/// server meant, and the sandbox's wall clock may be anything.
fn retry_after(response: &RawResponse) -> Option<u64> {
    let value = response.retry_after.as_deref()?.trim();
    match value.parse::<u64>() {
        Ok(seconds) => Some(seconds),
        Err(_) => {
            let until = http_date::seconds_since_epoch(value)?;
            let sent = http_date::seconds_since_epoch(response.date.as_deref()?)?;
            // A date already past: ask again now.
            Some(u64::try_from(until - sent).unwrap_or(0))
        }
    }
}

/// Pauses before sending again a GET whose connection was reset.
const RESET_BACKOFF_MS: &[u64] = &[50, 200, 500, 1000];

fn is_reset(message: &str) -> bool {
    let m = message.to_ascii_lowercase();
    m.contains("connection reset") || m.contains("connectionterminated") || m.contains("broken pipe")
}

/// The whole lines of `text` within its first `max` bytes.
fn leading_lines(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let head = within(text, max);
    head.rfind('\n').map_or(head, |end| &text[..end])
}

/// The longest start of `text` of at most `max` bytes that ends between
/// two characters.
fn within(text: &str, max: usize) -> &str {
    let mut cut = text.len().min(max);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

fn path_and_query(url: &Url) -> String {
    match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    }
}

/// Parse an absolute http(s) URL given by the caller.
pub fn parse_url(raw: &str) -> Result<Url, Error> {
    let url = Url::parse(raw.trim()).map_err(|e| Error::InvalidUrl(format!("{raw:?}: {e}")))?;
    if url.host_str().is_none() && matches!(url.scheme(), "http" | "https") {
        return Err(Error::InvalidUrl(format!("{raw:?}: no host")));
    }
    Ok(url)
}

/// Turn a fetched page into a document (plain text is passed through).
pub fn page_to_document(requested: &str, page: Page, options: &ExtractOptions) -> Result<Document, Error> {
    let final_url = page.final_url.to_string();
    let served_language = page.content_language.as_deref();
    let mut doc = if page.is_html() {
        extract::extract_served(&page.text, Some(&final_url), options, served_language)?
    } else {
        let text = page.text.trim().to_string();
        let language = extract::page_language(None, served_language, &text);
        let html = if options.include_html { extract::render::preformatted(&text) } else { String::new() };
        Document { word_count: extract::count_words(&text), markdown: text.clone(), html, text, language, ..Document::default() }
    };
    doc.url = requested.trim().to_string();
    doc.final_url = final_url;
    doc.status = page.status;
    Ok(doc)
}

#[cfg(test)]
pub mod test_site;
#[cfg(test)]
mod tests;
