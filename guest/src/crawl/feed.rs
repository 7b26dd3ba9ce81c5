//! Feeds (RSS 2.0, RSS 1.0, Atom): the latest pages a site announces.
//! `parse` reads one feed; `declared_feeds` finds those a page links to
//! (`<link rel="alternate" type="application/rss+xml">`); `discover`
//! reads a site's through a fetch client.

use url::Url;

use super::listed::Listed;
use super::scope::normalize;
use super::xml::{attribute, Event, Scanner};
use crate::extract::dom::Dom;
use crate::fetch::{parse_url, Client, Transport};
use crate::model::Error;

/// Feeds a page declares that are read at most (a blog may link one per
/// category and tag).
pub const MAX_FEEDS: usize = 5;

/// The media types of feeds, as a page's `<link>` names them.
const FEED_TYPES: &[&str] = &["application/rss+xml", "application/atom+xml", "application/rdf+xml"];

/// Path segments of feed addresses ("/feed/", "/rss", "/atom").
const FEED_SEGMENTS: &[&str] = &["feed", "feeds", "rss", "atom"];

/// The pages a feed links to, in its order: an RSS item's `<link>` text,
/// an Atom entry's `<link href>` (its alternate, not its enclosures or
/// replies).
pub fn parse(xml: &str) -> Vec<String> {
    let mut pages = Vec::new();
    let mut scanner = Scanner::new(xml);
    while let Some(event) = scanner.next_event() {
        let Event::Start { name: "link", attributes, empty } = event else { continue };
        if !matches!(scanner.parent(), Some("item" | "entry")) {
            continue;
        }
        let link = match attribute(attributes, "href") {
            Some(href) => attribute(attributes, "rel").is_none_or(|rel| rel == "alternate").then_some(href),
            None if !empty => Some(scanner.text()),
            None => None,
        };
        if let Some(link) = link.map(|l| l.trim().to_string()).filter(|l| !l.is_empty()) {
            pages.push(link);
        }
    }
    pages
}

/// The feeds a page's `<link rel="alternate">` elements name, resolved
/// against `base`, each once, in page order.
pub fn declared_feeds(dom: &Dom, base: &Url) -> Vec<Url> {
    let mut feeds: Vec<Url> = Vec::new();
    for i in 0..dom.len() {
        if dom.tag(i) != "link" {
            continue;
        }
        let alternate = dom.attr(i, "rel").is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("alternate")));
        let feed_type = dom.attr(i, "type").is_some_and(|t| FEED_TYPES.contains(&t.trim().to_ascii_lowercase().as_str()));
        if let (true, true, Some(href)) = (alternate, feed_type, dom.attr(i, "href")) {
            if let Ok(url) = base.join(href.trim()) {
                if !feeds.contains(&url) {
                    feeds.push(url);
                }
            }
        }
    }
    feeds
}

/// The pages a site's feeds link to, in their order, each once, at most
/// `max_urls`. `url` is a feed, or a page of the site: then the feeds it
/// declares are read (`MAX_FEEDS` at most), else `/feed`. Fails with the
/// page's error, or the first feed's when no page could be listed.
pub async fn discover<T: Transport>(client: &Client<T>, url: &str, max_urls: u32) -> Result<Vec<String>, Error> {
    let url = parse_url(url)?;
    let feeds = if looks_like_feed(&url) {
        vec![url]
    } else {
        let page = client.fetch_page(&url).await?;
        let html = crate::extract::parse(&page.text);
        let declared = declared_feeds(&Dom::new(&html), &page.final_url);
        if declared.is_empty() {
            page.final_url.join("/feed").into_iter().collect()
        } else {
            declared.into_iter().take(MAX_FEEDS).collect()
        }
    };
    let mut listed = Listed::new(max_urls);
    for feed in feeds {
        if listed.is_full() {
            break;
        }
        match client.fetch_xml(&feed).await {
            Ok((_, text)) => {
                for page in parse(&text).iter().filter_map(|p| feed.join(p).ok()).filter_map(|u| normalize(u.as_str())) {
                    listed.add(&page);
                }
            }
            Err(e) => listed.failed(e),
        }
    }
    listed.finish()
}

/// Whether a URL names a feed rather than a page that may declare one.
fn looks_like_feed(url: &Url) -> bool {
    let path = url.path().to_ascii_lowercase();
    [".xml", ".rss", ".atom", ".rdf"].iter().any(|ext| path.ends_with(ext)) || path.split('/').any(|segment| FEED_SEGMENTS.contains(&segment))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::test_site::{block_on, site};
    use crate::fetch::FetchOptions;

    #[test]
    fn rss_and_atom_items_give_their_pages() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><link>https://example.org/</link>
            <item><title>One</title><link>https://example.org/one</link></item>
            <item><title>Two</title><link><![CDATA[https://example.org/two?a=1&b=2]]></link><guid>x</guid></item>
            <item><title>No link</title><guid isPermaLink="false">z</guid></item></channel></rss>"#;
        assert_eq!(parse(rss), ["https://example.org/one", "https://example.org/two?a=1&b=2"], "not the channel's own link");
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><link href="https://example.org/" rel="self"/>
            <entry><link href="https://example.org/a" rel="alternate"/><link href="https://example.org/a.mp3" rel="enclosure"/></entry>
            <entry><link href="/b"/></entry></feed>"#;
        assert_eq!(parse(atom), ["https://example.org/a", "/b"]);
        let rdf = r#"<rdf:RDF><item rdf:about="https://example.org/c"><link>https://example.org/c</link></item></rdf:RDF>"#;
        assert_eq!(parse(rdf), ["https://example.org/c"]);
    }

    #[test]
    fn a_page_declares_its_feeds() {
        let html = crate::extract::parse(
            r#"<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">
               <link rel="alternate" type="application/atom+xml" href="https://example.org/atom">
               <link rel="alternate" hreflang="fr" href="/fr/"><link rel="stylesheet" type="text/css" href="/s.css"></head><body></body></html>"#,
        );
        let base = Url::parse("https://example.org/post").unwrap();
        let feeds: Vec<String> = declared_feeds(&Dom::new(&html), &base).iter().map(Url::to_string).collect();
        assert_eq!(feeds, ["https://example.org/feed.xml", "https://example.org/atom"]);
    }

    #[test]
    fn feeds_are_found_from_a_page_or_read_when_given() {
        let mut site = site();
        let page = |head: &str| (200, "text/html", format!("<html><head>{head}</head><body><p>Some text.</p></body></html>"));
        let rss = |paths: &[&str]| {
            let items: String = paths.iter().map(|p| format!("<item><link>http://site.test{p}</link></item>")).collect();
            (200, "application/rss+xml", format!("<rss><channel>{items}</channel></rss>"))
        };
        site.pages.insert(
            "/".into(),
            page(r#"<link rel="alternate" type="application/rss+xml" href="/news.rss"><link rel="alternate" type="application/atom+xml" href="/gone.xml">"#),
        );
        site.pages.insert("/news.rss".into(), rss(&["/a", "/b", "/a"]));
        site.pages.insert("/plain".into(), page(""));
        site.pages.insert("/feed".into(), rss(&["/c"]));
        let client = Client::new(site, FetchOptions { allow_private_network: true, ..FetchOptions::default() });
        let found = |url: &str, max: u32| block_on(discover(&client, url, max));
        assert_eq!(found("http://site.test/", 10).unwrap(), ["http://site.test/a", "http://site.test/b"], "a missing feed is passed over");
        assert_eq!(found("http://site.test/", 1).unwrap(), ["http://site.test/a"]);
        assert_eq!(found("http://site.test/plain", 10).unwrap(), ["http://site.test/c"], "no feed declared: /feed");
        assert_eq!(found("http://site.test/news.rss", 10).unwrap(), ["http://site.test/a", "http://site.test/b"]);
        assert!(matches!(found("http://site.test/gone.xml", 10), Err(Error::HttpStatus { status: 404, .. })));
        assert!(matches!(found("http://site.test/missing-page", 10), Err(Error::HttpStatus { status: 404, .. })));
    }
}
