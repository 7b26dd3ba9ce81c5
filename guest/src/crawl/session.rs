//! A crawl or spider in progress, advanced one batch at a time so the host
//! can report progress and stop early.

use std::collections::{HashSet, VecDeque};
use std::time::Duration;

use url::Url;

use super::frontier::{take_front, Frontier};
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
    /// The URLs not fetched yet, with their place in the caller's list.
    List {
        pending: VecDeque<(u32, String)>,
    },
    Spider {
        frontier: Frontier,
        scope: Scope,
        max_pages: u32,
        returned: u32,
    },
}

pub struct Session<T: Transport> {
    client: Client<T>,
    plan: Plan,
    concurrency: usize,
    extract: ExtractOptions,
}

impl<T: Transport> Session<T> {
    pub fn crawl(urls: Vec<String>, concurrency: u32, client: Client<T>, extract: ExtractOptions) -> Self {
        let pending = urls.into_iter().enumerate().map(|(k, url)| (k as u32, url)).collect();
        Session { client, plan: Plan::List { pending }, concurrency: concurrency.max(1) as usize, extract }
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
            Plan::List { pending } => pending.len() as u32,
            Plan::Spider { frontier, .. } => frontier.len() as u32,
        }
    }

    /// Fetch the next batch; an empty result means the session is done.
    pub async fn next_batch(&mut self) -> Vec<Item> {
        match &mut self.plan {
            Plan::List { pending } => {
                let (client, extract) = (&self.client, &self.extract);
                // robots.txt first: the batch is chosen knowing each site's Crawl-delay.
                let ahead: Vec<Url> = pending.iter().take(self.concurrency).filter_map(|(_, u)| parse_url(u).ok()).collect();
                client.prefetch_robots(&ahead).await;
                let mut paced = HashSet::new();
                let batch = take_front(pending, self.concurrency, |(_, u)| parse_url(u).is_ok_and(|u| waits_for_its_turn(client, &u, &mut paced)));
                let results = join_all(batch.iter().map(|(_, u)| client.fetch_document(u, extract)).collect()).await;
                batch.into_iter().zip(results).map(|((index, url), result)| Item { url, depth: 0, index, result }).collect()
            }
            Plan::Spider { frontier, scope, max_pages, returned } => {
                let started = self.client.now();
                let mut rounds = 0;
                loop {
                    // Failures do not count towards max_pages, so never fetch
                    // more than the pages still wanted.
                    let want = self.concurrency.min((*max_pages - *returned) as usize);
                    let client = &self.client;
                    client.prefetch_robots(frontier.peek(want).map(|e| &e.url)).await;
                    let mut paced = HashSet::new();
                    let batch = frontier.pop_batch(want, |e| waits_for_its_turn(client, &e.url, &mut paced));
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
                        let extract = ExtractOptions { collect_links: true, ..self.extract.clone() };
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
                    // A batch of redirects onto pages seen already returns
                    // nothing, and nothing would read as the end of the spider:
                    // go on, within bounds a site of endless duplicates cannot
                    // stretch past the host's time limit (it ends there).
                    rounds += 1;
                    let spent = self.client.now().saturating_sub(started);
                    if !items.is_empty() || frontier.is_empty() || rounds >= MAX_EMPTY_ROUNDS || spent >= EMPTY_ROUNDS_BUDGET {
                        return items;
                    }
                }
            }
        }
    }
}

/// Batches of nothing but duplicates one `next_batch` call goes through
/// before it gives up, and the time it may spend on them.
const MAX_EMPTY_ROUNDS: u32 = 8;
const EMPTY_ROUNDS_BUDGET: Duration = Duration::from_secs(15);

/// Whether a request to `url` waits for a later batch (and the batch ends
/// before it): its site asks for a Crawl-delay and the batch (whose sites
/// are `paced`) has a request to it already. One request per such site per
/// batch, so an engine call waits one delay at most.
fn waits_for_its_turn<T: Transport>(client: &Client<T>, url: &Url, paced: &mut HashSet<String>) -> bool {
    client.crawl_delay(url).is_some() && !paced.insert(url.origin().ascii_serialization())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::test_site::{block_on, site};
    use crate::fetch::FetchOptions;
    use std::cell::RefCell;
    use std::rc::Rc;
    use std::time::Duration;

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
    fn a_crawl_delay_spaces_the_requests_to_its_site() {
        // A client of the site with this robots.txt, and the log of what it asks, when.
        let delayed_resetting = |robots: &str, respect_robots: bool, resets: Vec<&'static str>| {
            let mut site = site();
            site.resets = RefCell::new(resets);
            site.pages.insert("/robots.txt".into(), (200, "text/plain", robots.to_string()));
            let asked = site.asked.clone();
            (Client::new(site, FetchOptions { allow_private_network: true, respect_robots, ..FetchOptions::default() }), asked)
        };
        let delayed = |robots: &str, respect_robots: bool| delayed_resetting(robots, respect_robots, Vec::new());
        let page_secs = |asked: &Rc<RefCell<Vec<(String, Duration)>>>| -> Vec<u64> {
            asked.borrow().iter().filter(|(path, _)| path != "/robots.txt").map(|(_, at)| at.as_secs()).collect()
        };
        // A spider of concurrency 4 asks one page per batch, 3 s apart.
        let options = SpiderOptions { max_depth: 1, max_pages: 100, same_host: true, include: vec![], exclude: vec![], concurrency: 4 };
        let (client, asked) = delayed("User-agent: *\nDisallow: /secret\nCrawl-delay: 3\n", true);
        let mut spider = Session::spider("http://site.test/", options, client, ExtractOptions::default()).unwrap();
        let mut batches = Vec::new();
        loop {
            let items = block_on(spider.next_batch());
            if items.is_empty() {
                break;
            }
            batches.push(items.len());
        }
        assert_eq!(batches, [1, 1, 1]);
        assert_eq!(page_secs(&asked), [0, 3, 6, 9, 12], "/, /a, /b, then /old and its redirect to /b (seen already): each hop waits its turn");
        // A crawl of a list: the same; a delay past the cap waits the cap; ignoring robots, no wait.
        let urls: Vec<String> = ["/a", "/b", "/a/deep"].iter().map(|p| format!("http://site.test{p}")).collect();
        for (robots, respect, expected) in [("Crawl-delay: 3", true, [0, 3, 6]), ("Crawl-delay: 3600", true, [0, 10, 20]), ("Crawl-delay: 3", false, [0, 0, 0])]
        {
            let (client, asked) = delayed(&format!("User-agent: *\n{robots}\n"), respect);
            let mut crawl = Session::crawl(urls.clone(), 4, client, ExtractOptions::default());
            let mut fetched = Vec::new();
            while let items @ [_, ..] = &block_on(crawl.next_batch())[..] {
                fetched.extend(items.iter().map(|i| (i.index, i.result.is_ok())));
            }
            assert_eq!(fetched, [(0, true), (1, true), (2, true)]);
            assert_eq!(page_secs(&asked), expected, "{robots}, respect_robots={respect}");
        }
        // Two sites: a batch ends before a second request to one, so the
        // documents still come in input order.
        let (client, _) = delayed("User-agent: *\nCrawl-delay: 3\n", true);
        let mixed = ["http://one.test/a", "http://one.test/b", "http://two.test/a", "http://two.test/b"].map(String::from).to_vec();
        let mut crawl = Session::crawl(mixed, 4, client, ExtractOptions::default());
        let mut batches = Vec::new();
        while let items @ [_, ..] = &block_on(crawl.next_batch())[..] {
            batches.push(items.iter().map(|i| i.index).collect::<Vec<_>>());
        }
        assert_eq!(batches, [vec![0], vec![1, 2], vec![3]]);
        // A reset connection is tried again, in its turn too.
        let (client, asked) = delayed_resetting("User-agent: *\nCrawl-delay: 3\n", true, vec!["/b"]);
        let mut crawl = Session::crawl(urls, 4, client, ExtractOptions::default());
        let mut fetched = Vec::new();
        while let items @ [_, ..] = &block_on(crawl.next_batch())[..] {
            fetched.extend(items.iter().map(|i| (i.index, i.result.is_ok())));
        }
        assert_eq!(fetched, [(0, true), (1, true), (2, true)]);
        assert_eq!(page_secs(&asked), [0, 3, 6, 9], "/a, /b reset, /b again, /a/deep");
    }

    #[test]
    fn a_batch_of_redirects_to_seen_pages_does_not_end_the_spider() {
        // One page per batch: /old (a redirect to /b, fetched already) makes
        // a batch of nothing before /a/deep is reached.
        let mut site = site();
        site.pages.insert(
            "/".into(),
            (
                200,
                "text/html",
                "<p>Some page text that is long enough to count as content.</p><a href='/b'>b</a> <a href='/old'>old</a> <a href='/a/deep'>deep</a>".into(),
            ),
        );
        let client = Client::new(site, FetchOptions { allow_private_network: true, ..FetchOptions::default() });
        let options = SpiderOptions { max_depth: 1, max_pages: 100, same_host: true, include: vec![], exclude: vec![], concurrency: 1 };
        let mut spider = Session::spider("http://site.test/", options, client, ExtractOptions::default()).unwrap();
        let mut urls = Vec::new();
        while let items @ [_, ..] = &block_on(spider.next_batch())[..] {
            urls.extend(items.iter().map(|i| i.url.clone()));
        }
        assert_eq!(urls, ["http://site.test/", "http://site.test/b", "http://site.test/a/deep"]);
    }

    #[test]
    fn a_site_of_endless_duplicates_ends_a_call_within_bounds() {
        // Twenty links, each a redirect back to the seed: one call goes
        // through MAX_EMPTY_ROUNDS of them, then the spider ends.
        let mut site = site();
        let links: String = (0..20).map(|k| format!("<a href='/again/{k}'>again</a> ")).collect();
        site.pages.insert("/".into(), (200, "text/html", format!("<p>Some page text that is long enough to count as content.</p>{links}")));
        let asked = site.asked.clone();
        for k in 0..20 {
            site.pages.insert(format!("/again/{k}"), (301, "text/html", "/".to_string()));
        }
        let client = Client::new(site, FetchOptions { allow_private_network: true, ..FetchOptions::default() });
        let options = SpiderOptions { max_depth: 1, max_pages: 100, same_host: true, include: vec![], exclude: vec![], concurrency: 1 };
        let mut spider = Session::spider("http://site.test/", options, client, ExtractOptions::default()).unwrap();
        assert_eq!(block_on(spider.next_batch()).len(), 1);
        let before = asked.borrow().len();
        assert!(block_on(spider.next_batch()).is_empty());
        // Each round: the redirect and its hop to the seed.
        assert_eq!(asked.borrow().len() - before, 2 * MAX_EMPTY_ROUNDS as usize);
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
