//! The only module that touches generated WIT types: `Guest` impls and the
//! conversions between them and `crate::model`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::crawl::session::{Item, Session, SpiderOptions};
use crate::fetch::sites::SiteMemory;
use crate::fetch::wasi::WasiTransport;
use crate::fetch::{Client, FetchOptions, DEFAULT_USER_AGENT};
use crate::model;

wit_bindgen::generate!({
    path: "../wit",
    world: "engine",
    generate_all,
});

use exports::riptide::engine::crawl::{self as wit_crawl, CrawlItem, GuestCrawlSession};
use exports::riptide::engine::extract;
use exports::riptide::engine::types as wit;

struct Engine;

thread_local! {
    /// What this instance's clients learn about sites, kept from call to
    /// call (wasm is single threaded: one per instance).
    static SITES: Rc<SiteMemory> = Rc::default();
}

/// A client over wasi:http that remembers sites across calls, or the
/// `invalid-header` error when a header of the options cannot be sent.
fn client(fetch: wit::FetchOptions) -> Result<Client<WasiTransport>, wit::Error> {
    Ok(Client::remembering(WasiTransport, fetch_options(fetch)?, SITES.with(Rc::clone)))
}

impl extract::Guest for Engine {
    fn engine_version() -> String {
        env!("CARGO_PKG_VERSION").to_string()
    }

    fn extract_html(html: String, url: Option<String>, options: wit::ExtractOptions) -> Result<wit::Document, wit::Error> {
        crate::extract::extract_html(&html, url.as_deref(), &extract_options(options)?).map(document).map_err(error)
    }
}

impl wit_crawl::Guest for Engine {
    type CrawlSession = CrawlSession;

    fn check_options(fetch: wit::FetchOptions, options: wit::ExtractOptions) -> Result<(), wit::Error> {
        fetch_options(fetch)?;
        extract_options(options)?;
        Ok(())
    }

    fn fetch_document(url: String, fetch: wit::FetchOptions, options: wit::ExtractOptions) -> Result<wit::Document, wit::Error> {
        let options = extract_options(options)?;
        let client = client(fetch)?;
        wstd::runtime::block_on(async { client.fetch_document(&url, &options).await }).map(document).map_err(error)
    }

    fn sitemap(url: String, max_urls: u32, fetch: wit::FetchOptions) -> Result<Vec<String>, wit::Error> {
        let client = client(fetch)?;
        wstd::runtime::block_on(crate::crawl::sitemap::discover(&client, &url, max_urls)).map_err(error)
    }

    fn feed(url: String, max_urls: u32, fetch: wit::FetchOptions) -> Result<Vec<String>, wit::Error> {
        let client = client(fetch)?;
        wstd::runtime::block_on(crate::crawl::feed::discover(&client, &url, max_urls)).map_err(error)
    }
}

/// Sessions are driven one `next-batch` call at a time; wasm is single
/// threaded, so a RefCell is enough.
pub struct CrawlSession(RefCell<Session<WasiTransport>>);

impl GuestCrawlSession for CrawlSession {
    fn crawl(urls: Vec<String>, concurrency: u32, fetch: wit::FetchOptions, options: wit::ExtractOptions) -> Result<wit_crawl::CrawlSession, wit::Error> {
        let options = extract_options(options)?;
        let session = Session::crawl(urls, concurrency, client(fetch)?, options);
        Ok(wit_crawl::CrawlSession::new(CrawlSession(RefCell::new(session))))
    }

    fn spider(
        seed: String,
        spider: wit_crawl::SpiderOptions,
        fetch: wit::FetchOptions,
        options: wit::ExtractOptions,
    ) -> Result<wit_crawl::CrawlSession, wit::Error> {
        let options = extract_options(options)?;
        let client = client(fetch)?;
        let spider = SpiderOptions {
            max_depth: spider.max_depth,
            max_pages: spider.max_pages,
            same_host: spider.same_host,
            include: spider.include_patterns,
            exclude: spider.exclude_patterns,
            concurrency: spider.concurrency,
        };
        let session = Session::spider(&seed, spider, client, options).map_err(error)?;
        Ok(wit_crawl::CrawlSession::new(CrawlSession(RefCell::new(session))))
    }

    fn next_batch(&self) -> Vec<CrawlItem> {
        let mut session = self.0.borrow_mut();
        wstd::runtime::block_on(session.next_batch()).into_iter().map(crawl_item).collect()
    }

    fn pending(&self) -> u32 {
        self.0.borrow().pending()
    }
}

fn crawl_item(item: Item) -> CrawlItem {
    CrawlItem { url: item.url, depth: item.depth, index: item.index, outcome: item.result.map(document).map_err(error) }
}

/// The options, their selectors checked: a bad one fails the call before
/// anything is fetched, not every page after it.
fn extract_options(o: wit::ExtractOptions) -> Result<model::ExtractOptions, wit::Error> {
    let options = model::ExtractOptions {
        focus: match o.focus {
            wit::Focus::Balanced => model::Focus::Balanced,
            wit::Focus::Precision => model::Focus::Precision,
            wit::Focus::Recall => model::Focus::Recall,
        },
        include_comments: o.include_comments,
        include_tables: o.include_tables,
        include_images: o.include_images,
        include_links: o.include_links,
        collect_links: o.collect_links,
        include_html: o.include_html,
        target_selector: o.target_selector,
        exclude_selectors: o.exclude_selectors,
    };
    crate::extract::scope::Selectors::parse(&options).map_err(error)?;
    Ok(options)
}

/// The options, their headers checked (see `fetch::headers`).
fn fetch_options(o: wit::FetchOptions) -> Result<FetchOptions, wit::Error> {
    crate::fetch::headers::check(&o.headers).map_err(error)?;
    Ok(FetchOptions {
        user_agent: o.user_agent.filter(|u| !u.trim().is_empty()).unwrap_or_else(|| DEFAULT_USER_AGENT.to_string()),
        connect_timeout_ms: o.connect_timeout_ms,
        first_byte_timeout_ms: o.first_byte_timeout_ms,
        between_bytes_timeout_ms: o.between_bytes_timeout_ms,
        request_timeout_ms: o.request_timeout_ms,
        max_redirects: o.max_redirects,
        max_body_bytes: o.max_body_bytes,
        allow_private_network: o.allow_private_network,
        respect_robots: o.respect_robots,
        headers: o.headers,
        max_retries: o.max_retries,
    })
}

fn document(d: model::Document) -> wit::Document {
    wit::Document {
        url: d.url,
        final_url: d.final_url,
        status: d.status,
        title: d.title,
        byline: d.byline,
        published: d.published,
        language: d.language,
        site_name: d.site_name,
        description: d.description,
        canonical_url: d.canonical_url,
        text: d.text,
        markdown: d.markdown,
        html: d.html,
        links: d.links.into_iter().map(|l| wit::Link { url: l.url, text: l.text, rel: l.rel, internal: l.internal }).collect(),
        images: d.images.into_iter().map(|i| wit::Image { url: i.url, alt: i.alt }).collect(),
        word_count: d.word_count,
    }
}

fn error(e: model::Error) -> wit::Error {
    use model::Error as E;
    match e {
        E::InvalidUrl(m) => wit::Error::InvalidUrl(m),
        E::Policy { reason, url, message } => wit::Error::Policy(wit::PolicyViolation {
            reason: match reason {
                model::PolicyReason::Scheme => wit::PolicyReason::Scheme,
                model::PolicyReason::PrivateAddress => wit::PolicyReason::PrivateAddress,
                model::PolicyReason::Robots => wit::PolicyReason::Robots,
                model::PolicyReason::OutOfScope => wit::PolicyReason::OutOfScope,
            },
            url,
            message,
        }),
        E::HttpStatus { status, url } => wit::Error::HttpStatus(wit::HttpStatus { status, url }),
        E::Fetch(m) => wit::Error::Fetch(m),
        E::Timeout(m) => wit::Error::Timeout(m),
        E::TooLarge(n) => wit::Error::TooLarge(n),
        E::UnsupportedContent(t) => wit::Error::UnsupportedContent(t),
        E::TooManyRedirects(m) => wit::Error::TooManyRedirects(m),
        E::InvalidSelector(m) => wit::Error::InvalidSelector(m),
        E::InvalidHeader(m) => wit::Error::InvalidHeader(m),
        E::Internal(m) => wit::Error::Internal(m),
    }
}

export!(Engine);
