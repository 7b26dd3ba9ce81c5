//! A crawl or spider in progress, advanced one batch at a time so the host
//! can report progress and stop early.

use super::frontier::Frontier;
use super::join::join_all;
use super::scope::{normalize, Scope};
use crate::fetch::{page_to_document, parse_url, Client, Transport};
use crate::model::{Document, Error, ExtractOptions};

/// Mirrors the WIT `spider-options`.
#[derive(Debug, Clone)]
pub struct SpiderOptions {
    pub max_depth: u32,
    pub max_pages: u32,
    pub same_host: bool,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub concurrency: u32,
}

/// One fetched page.
#[derive(Debug)]
pub struct Item {
    pub url: String,
    pub depth: u32,
    pub index: u32,
    pub result: Result<Document, Error>,
}

enum Plan {
    List { urls: Vec<String>, next: usize },
    Spider { frontier: Frontier, scope: Scope, max_pages: u32, returned: u32 },
}

pub struct Session<T: Transport> {
    client: Client<T>,
    plan: Plan,
    concurrency: usize,
    extract: ExtractOptions,
}

impl<T: Transport> Session<T> {
    pub fn crawl(urls: Vec<String>, concurrency: u32, client: Client<T>, extract: ExtractOptions) -> Self {
        Session { client, plan: Plan::List { urls, next: 0 }, concurrency: concurrency.max(1) as usize, extract }
    }

    pub fn spider(seed: &str, options: SpiderOptions, client: Client<T>, extract: ExtractOptions) -> Result<Self, Error> {
        let parsed = parse_url(seed)?;
        let seed_url = normalize(parsed.as_str()).ok_or_else(|| Error::InvalidUrl(format!("{seed:?}: not an http(s) URL")))?;
        let scope = Scope::new(&seed_url, options.same_host, options.include, options.exclude);
        let mut frontier = Frontier::new(options.max_depth);
        if options.max_pages > 0 {
            frontier.push(seed_url, 0);
        }
        Ok(Session {
            client,
            plan: Plan::Spider { frontier, scope, max_pages: options.max_pages, returned: 0 },
            concurrency: options.concurrency.max(1) as usize,
            extract,
        })
    }

    /// URLs queued but not fetched yet.
    pub fn pending(&self) -> u32 {
        match &self.plan {
            Plan::List { urls, next } => (urls.len() - next) as u32,
            Plan::Spider { frontier, .. } => frontier.len() as u32,
        }
    }

    /// Fetch the next batch; an empty result means the session is done.
    pub async fn next_batch(&mut self) -> Vec<Item> {
        match &mut self.plan {
            Plan::List { urls, next } => {
                let start = *next;
                let end = (start + self.concurrency).min(urls.len());
                *next = end;
                let client = &self.client;
                let extract = &self.extract;
                let parsed: Vec<url::Url> = urls[start..end].iter().filter_map(|u| parse_url(u).ok()).collect();
                client.prefetch_robots(&parsed).await;
                let futures = urls[start..end].iter().map(|u| client.fetch_document(u, extract)).collect();
                let results = join_all(futures).await;
                urls[start..end]
                    .iter()
                    .zip(results)
                    .enumerate()
                    .map(|(k, (url, result))| Item { url: url.clone(), depth: 0, index: (start + k) as u32, result })
                    .collect()
            }
            Plan::Spider { frontier, scope, max_pages, returned } => {
                // Failures do not count towards max_pages, so never fetch
                // more than the pages still wanted.
                let want = (*max_pages - *returned) as usize;
                let mut batch = Vec::new();
                while batch.len() < self.concurrency.min(want) {
                    match frontier.pop() {
                        Some(e) => batch.push(e),
                        None => break,
                    }
                }
                let client = &self.client;
                client.prefetch_robots(batch.iter().map(|e| &e.url)).await;
                let futures = batch.iter().map(|e| client.fetch_page(&e.url)).collect();
                let pages = join_all(futures).await;
                let mut items = Vec::with_capacity(batch.len());
                for (entry, page) in batch.into_iter().zip(pages) {
                    if let Ok(page) = &page {
                        // A redirect onto a page already queued or fetched
                        // would return the same page twice.
                        if page.final_url != entry.url && !frontier.mark_seen(&page.final_url) {
                            continue;
                        }
                    }
                    // The spider follows the page's links whether or not
                    // the caller wants them back.
                    let extract = ExtractOptions { collect_links: true, ..self.extract };
                    let mut result = page.and_then(|page| {
                        if !page.is_html() {
                            return Err(Error::UnsupportedContent(page.content_type.clone().unwrap_or_default()));
                        }
                        page_to_document(entry.url.as_str(), page, &extract)
                    });
                    if let Ok(doc) = &mut result {
                        *returned += 1;
                        for link in &doc.links {
                            if let Some(u) = normalize(&link.url) {
                                // Links robots.txt already forbids are not queued.
                                if scope.allows(&u) && self.client.robots_allows_cached(&u) != Some(false) {
                                    frontier.push(u, entry.depth + 1);
                                }
                            }
                        }
                        if !self.extract.collect_links {
                            doc.links.clear();
                        }
                    }
                    items.push(Item { url: entry.url.to_string(), depth: entry.depth, index: entry.index, result });
                }
                if *returned >= *max_pages {
                    frontier.clear();
                }
                items
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::{FetchOptions, RawResponse};
    use std::collections::HashMap;
    use std::future::Future;
    use std::task::{Context, Poll, Waker};

    /// An in-memory site: path -> (status, content type, body or Location).
    struct Site(HashMap<&'static str, (u16, &'static str, String)>);

    impl Transport for Site {
        async fn get(&self, url: &url::Url, _: &FetchOptions) -> Result<RawResponse, Error> {
            let Some((status, ctype, body)) = self.0.get(url.path()) else {
                return Ok(RawResponse { status: 404, ..Default::default() });
            };
            let redirect = (300..400).contains(status);
            Ok(RawResponse {
                status: *status,
                location: redirect.then(|| body.clone()),
                content_type: Some(ctype.to_string()),
                content_language: None,
                content_encoding: None,
                body: if redirect { Vec::new() } else { body.clone().into_bytes() },
            })
        }
    }

    fn block_on<F: Future>(f: F) -> F::Output {
        let mut f = std::pin::pin!(f);
        let mut cx = Context::from_waker(Waker::noop());
        loop {
            if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
                return v;
            }
        }
    }

    fn site() -> Site {
        let page = |links: &[&str]| {
            let a: String = links.iter().map(|l| format!("<a href='{l}'>{l}</a> ")).collect();
            (200, "text/html", format!("<html><body><p>Some page text that is long enough to count as content.</p>{a}</body></html>"))
        };
        let mut m = HashMap::new();
        m.insert("/robots.txt", (200, "text/plain", "User-agent: *\nDisallow: /secret\n".to_string()));
        m.insert("/", page(&["/a", "/b", "/secret", "https://elsewhere.example/", "/file.pdf", "/old"]));
        m.insert("/a", page(&["/a/deep", "/"]));
        m.insert("/b", page(&["/b/deep"]));
        m.insert("/a/deep", page(&["/a/deeper"]));
        m.insert("/b/deep", page(&[]));
        m.insert("/old", (301, "text/html", "/b".to_string()));
        Site(m)
    }

    fn spider_documents(max_depth: u32, max_pages: u32, extract: ExtractOptions) -> Vec<(String, Document)> {
        let options = SpiderOptions { max_depth, max_pages, same_host: true, include: vec![], exclude: vec![], concurrency: 2 };
        let client = Client::new(site(), FetchOptions { allow_private_network: true, ..FetchOptions::default() });
        let mut session = Session::spider("http://site.test/", options, client, extract).unwrap();
        let mut documents = Vec::new();
        loop {
            let items = block_on(session.next_batch());
            if items.is_empty() {
                return documents;
            }
            documents.extend(items.into_iter().filter_map(|i| Some((i.url, i.result.ok()?))));
        }
    }

    fn spider_urls(max_depth: u32, max_pages: u32) -> Vec<String> {
        spider_documents(max_depth, max_pages, ExtractOptions::default()).into_iter().map(|(url, _)| url).collect()
    }

    #[test]
    fn a_spider_not_collecting_links_still_follows_them() {
        let documents = spider_documents(1, 100, ExtractOptions { collect_links: false, ..ExtractOptions::default() });
        assert_eq!(documents.len(), 3);
        assert!(documents.iter().all(|(_, doc)| doc.links.is_empty()));
        assert!(spider_documents(1, 100, ExtractOptions::default()).iter().all(|(_, doc)| !doc.links.is_empty()));
    }

    #[test]
    fn spider_is_breadth_first_scoped_and_obeys_robots() {
        assert_eq!(
            spider_urls(1, 100),
            vec!["http://site.test/", "http://site.test/a", "http://site.test/b"],
            "/secret is disallowed, the PDF and the other host are out of scope, /old redirects to a seen page"
        );
        assert_eq!(spider_urls(2, 100).len(), 5);
        assert_eq!(spider_urls(5, 2), vec!["http://site.test/", "http://site.test/a"]);
    }

    #[test]
    fn crawl_keeps_input_order_and_isolates_failures() {
        let client = Client::new(site(), FetchOptions { allow_private_network: true, ..FetchOptions::default() });
        let urls = vec!["http://site.test/b".into(), "not a url".into(), "http://site.test/missing".into(), "http://site.test/old".into()];
        let mut session = Session::crawl(urls, 3, client, ExtractOptions::default());
        let mut items = block_on(session.next_batch());
        items.extend(block_on(session.next_batch()));
        assert!(block_on(session.next_batch()).is_empty());
        assert_eq!(items.iter().map(|i| i.index).collect::<Vec<_>>(), vec![0, 1, 2, 3]);
        assert!(items[0].result.is_ok());
        assert!(matches!(items[1].result, Err(Error::InvalidUrl(_))));
        assert!(matches!(items[2].result, Err(Error::HttpStatus { status: 404, .. })));
        let redirected = items[3].result.as_ref().unwrap();
        assert_eq!((redirected.url.as_str(), redirected.final_url.as_str()), ("http://site.test/old", "http://site.test/b"));
    }
}
