//! Sitemaps (sitemaps.org): the pages a site lists for crawlers, in an XML
//! `<urlset>`, an XML `<sitemapindex>` of further sitemaps, or a plain
//! text file of one URL per line. `parse` reads one file with a scanner of
//! `<loc>` elements, which is all the format needs from XML; `discover`
//! finds a site's sitemaps and reads them through a fetch client.

use std::collections::{HashSet, VecDeque};
use std::time::Duration;

use url::Url;

use super::listed::Listed;
use super::scope::normalize;
use super::xml::{Event, Scanner};
use crate::fetch::{parse_url, Client, Transport};
use crate::model::Error;

/// Sitemap files read at most in one call: an index of indexes can name
/// thousands, and one call must end within the host's time limit.
pub const MAX_SITEMAP_FILES: usize = 50;
/// Levels of sitemap indexes followed below the first file.
pub const MAX_INDEX_DEPTH: u32 = 3;
/// No further file is started after this long: the pages listed so far
/// come back, rather than the host's time limit (60 s by default) failing
/// the whole call on a slow or Crawl-delayed site.
pub const READING_BUDGET: Duration = Duration::from_secs(30);

/// The pages a site lists in its sitemaps, in the order listed, each once,
/// at most `max_urls`. `url` is a sitemap, or any page of the site: then
/// the sitemaps its robots.txt names are read, else `/sitemap.xml`. Fails
/// with the first file's error when no page could be listed.
pub async fn discover<T: Transport>(client: &Client<T>, url: &str, max_urls: u32) -> Result<Vec<String>, Error> {
    let started = client.now();
    let url = parse_url(url)?;
    let mut queue: VecDeque<(Url, u32)> = VecDeque::new();
    if looks_like_sitemap(&url) {
        queue.push_back((url.clone(), 0));
    } else {
        let named = client.sitemaps_named(&url).await;
        queue.extend(named.iter().filter_map(|s| url.join(s).ok()).map(|u| (u, 0)));
        if queue.is_empty() {
            queue.extend(url.join("/sitemap.xml").ok().map(|u| (u, 0)));
        }
    }
    let mut listed = Listed::new(max_urls);
    let mut read = HashSet::new();
    while let Some((file, depth)) = queue.pop_front() {
        let spent = client.now().saturating_sub(started);
        if listed.is_full() || read.len() >= MAX_SITEMAP_FILES || (spent >= READING_BUDGET && !read.is_empty()) {
            break;
        }
        if !read.insert(file.to_string()) {
            continue;
        }
        let listing = match client.fetch_xml(&file).await {
            Ok((_, text)) => parse(&text),
            Err(e) => {
                listed.failed(e);
                continue;
            }
        };
        for page in listing.pages.iter().filter_map(|p| normalize(p)) {
            listed.add(&page);
        }
        if depth < MAX_INDEX_DEPTH {
            queue.extend(listing.sitemaps.iter().filter_map(|s| file.join(s).ok()).map(|u| (u, depth + 1)));
        }
    }
    listed.finish()
}

/// Whether a URL names a sitemap file rather than a page of the site.
fn looks_like_sitemap(url: &Url) -> bool {
    let path = url.path().to_ascii_lowercase();
    let file = path.rsplit('/').next().unwrap_or("");
    path.ends_with(".xml") || path.ends_with(".xml.gz") || file.contains("sitemap")
}

/// What one sitemap file lists.
#[derive(Debug, Default, PartialEq)]
pub struct Listing {
    /// Pages (`<url><loc>`, or the lines of a text sitemap), as written.
    pub pages: Vec<String>,
    /// Further sitemaps (`<sitemap><loc>` of a sitemap index).
    pub sitemaps: Vec<String>,
}

/// Read a sitemap file.
pub fn parse(body: &str) -> Listing {
    let body = body.trim_start_matches('\u{feff}').trim_start();
    if !body.starts_with('<') {
        // A text sitemap: one absolute URL per line, nothing else.
        let pages = body.lines().map(str::trim).filter(|l| l.starts_with("http://") || l.starts_with("https://")).map(str::to_string).collect();
        return Listing { pages, sitemaps: Vec::new() };
    }
    let mut listing = Listing::default();
    let mut scanner = Scanner::new(body);
    // A `<loc>` in a `<url>` is a page, in a `<sitemap>` a further
    // sitemap; other `loc`s (`<image:loc>` in `<image:image>`) are neither.
    while let Some(event) = scanner.next_event() {
        let Event::Start { name: "loc", empty: false, .. } = event else { continue };
        let parent = scanner.parent();
        let url = scanner.text().trim().to_string();
        match parent {
            Some("url") if !url.is_empty() => listing.pages.push(url),
            Some("sitemap") if !url.is_empty() => listing.sitemaps.push(url),
            _ => {}
        }
    }
    listing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::test_site::{block_on, site};
    use crate::fetch::FetchOptions;

    #[test]
    fn a_urlset_lists_pages() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.org/</loc><lastmod>2025-01-01</lastmod></url>
  <!-- <url><loc>https://example.org/commented-out</loc></url> -->
  <url><loc>
    https://example.org/a?x=1&amp;y=2
  </loc></url>
  <url><loc><![CDATA[https://example.org/b?x=1&y=2]]></loc></url>
  <url><image:image><image:loc>https://example.org/photo.jpg</image:loc></image:image><loc>https://example.org/c</loc></url>
</urlset>"#;
        let listing = parse(xml);
        assert_eq!(listing.pages, ["https://example.org/", "https://example.org/a?x=1&y=2", "https://example.org/b?x=1&y=2", "https://example.org/c"]);
        assert!(listing.sitemaps.is_empty());
    }

    #[test]
    fn an_index_lists_sitemaps() {
        let xml = "<sm:sitemapindex xmlns:sm='http://www.sitemaps.org/schemas/sitemap/0.9'>\
                   <sm:sitemap><sm:loc>https://example.org/posts.xml</sm:loc></sm:sitemap>\
                   <sm:sitemap><sm:loc>https://example.org/pages.xml.gz</sm:loc><sm:lastmod>2025</sm:lastmod></sm:sitemap>\
                   </sm:sitemapindex>";
        assert_eq!(parse(xml), Listing { pages: vec![], sitemaps: vec!["https://example.org/posts.xml".into(), "https://example.org/pages.xml.gz".into()] });
    }

    #[test]
    fn a_broken_sitemap_gives_what_it_holds() {
        assert_eq!(parse("<urlset><url><loc>https://example.org/cut").pages, ["https://example.org/cut"]);
        assert_eq!(parse("<urlset><url><loc><![CDATA[https://x").pages, ["https://x"]);
        assert!(parse("<<<>>><loc/><!--").pages.is_empty());
    }

    #[test]
    fn a_text_sitemap_is_a_url_per_line() {
        let listing = parse("\u{feff}https://example.org/a\n\n  https://example.org/b  \nnot a url\n");
        assert_eq!(listing.pages, ["https://example.org/a", "https://example.org/b"]);
    }

    #[test]
    fn sitemaps_are_found_through_robots_and_indexes_are_followed() {
        let urlset = |paths: &[&str]| {
            let urls: String = paths.iter().map(|p| format!("<url><loc>http://site.test{p}</loc></url>")).collect();
            (200, "application/xml", format!("<?xml version='1.0'?><urlset>{urls}</urlset>"))
        };
        let mut site = site();
        site.pages.insert("/robots.txt".into(), (200, "text/plain", "User-agent: *\nDisallow: /secret\nSitemap: http://site.test/index.xml\n".into()));
        let index = "<sitemapindex><sitemap><loc>/one.xml</loc></sitemap><sitemap><loc>http://site.test/two.xml</loc></sitemap>\
                     <sitemap><loc>http://site.test/gone.xml</loc></sitemap><sitemap><loc>/index.xml</loc></sitemap></sitemapindex>";
        site.pages.insert("/index.xml".into(), (200, "text/xml", index.into()));
        site.pages.insert("/one.xml".into(), urlset(&["/a", "/b", "/a#top"]));
        site.pages.insert("/two.xml".into(), urlset(&["/c"]));
        let client = Client::new(site, FetchOptions { allow_private_network: true, ..FetchOptions::default() });
        let found = |url: &str, max: u32| block_on(discover(&client, url, max));
        let site_urls = |paths: &[&str]| paths.iter().map(|p| format!("http://site.test{p}")).collect::<Vec<_>>();
        // The index from robots.txt, its sitemaps in order; a missing one and
        // the index naming itself do not stop the rest; /a#top is /a.
        assert_eq!(found("http://site.test/b", 100).unwrap(), site_urls(&["/a", "/b", "/c"]));
        assert_eq!(found("http://site.test/", 2).unwrap(), site_urls(&["/a", "/b"]));
        assert_eq!(found("http://site.test/two.xml", 100).unwrap(), site_urls(&["/c"]), "a sitemap given is read alone");
        assert!(matches!(found("http://site.test/gone.xml", 100), Err(Error::HttpStatus { status: 404, .. })));
        // No Sitemap line and no /sitemap.xml: the 404 says so.
        let bare = Client::new(crate::fetch::test_site::site(), FetchOptions { allow_private_network: true, ..FetchOptions::default() });
        let missing = block_on(discover(&bare, "http://site.test/", 100));
        assert!(matches!(missing, Err(Error::HttpStatus { status: 404, ref url }) if url == "http://site.test/sitemap.xml"), "{missing:?}");
    }

    #[test]
    fn a_slow_site_gives_the_pages_read_within_the_budget() {
        // A Crawl-delay of 10 s: files start 10 s apart, and none after 30 s.
        let mut site = site();
        site.pages.insert("/robots.txt".into(), (200, "text/plain", "User-agent: *\nCrawl-delay: 10\nSitemap: http://site.test/index.xml\n".into()));
        let files: String = (1..=5).map(|k| format!("<sitemap><loc>/s{k}.xml</loc></sitemap>")).collect();
        site.pages.insert("/index.xml".into(), (200, "text/xml", format!("<sitemapindex>{files}</sitemapindex>")));
        for k in 1..=5 {
            site.pages.insert(format!("/s{k}.xml"), (200, "text/xml", format!("<urlset><url><loc>http://site.test/p{k}</loc></url></urlset>")));
        }
        let client = Client::new(site, FetchOptions { allow_private_network: true, ..FetchOptions::default() });
        let pages = block_on(discover(&client, "http://site.test/", 100)).unwrap();
        assert_eq!(pages, ["http://site.test/p1", "http://site.test/p2", "http://site.test/p3"]);
    }
}
