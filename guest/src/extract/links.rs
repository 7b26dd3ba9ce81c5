//! Every distinct link of the page (navigation included: a spider needs
//! them all), resolved to absolute http(s) URLs, in document order; and
//! that resolving, which the Markdown's links and images and the
//! canonical URL use too.

use std::collections::HashMap;

use url::Url;

use super::dom::Dom;
use crate::model::Link;

pub fn collect(dom: &Dom, base: Option<&Url>) -> Vec<Link> {
    let page_host = base.and_then(|b| b.host_str()).map(str::to_ascii_lowercase);
    let mut links: Vec<Link> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for i in 0..dom.len() {
        if !matches!(dom.tag(i), "a" | "area") {
            continue;
        }
        let Some(url) = dom.attr(i, "href").and_then(|h| resolve(base, h)) else { continue };
        let text = dom.collapsed_text(i);
        if let Some(&at) = index.get(&url) {
            // Keep the first occurrence, but prefer a text over an icon link.
            if links[at].text.is_empty() && !text.is_empty() {
                links[at].text = text;
            }
            continue;
        }
        let internal = match (&page_host, Url::parse(&url).ok().and_then(|u| u.host_str().map(str::to_ascii_lowercase))) {
            (Some(page), Some(host)) => same_site_host(page, &host),
            _ => false,
        };
        let rel = dom.attr(i, "rel").map(|r| r.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|r| !r.is_empty());
        index.insert(url.clone(), links.len());
        links.push(Link { url, text, rel, internal });
    }
    links
}

/// Hosts are the same site when equal, ignoring a leading `www.`.
pub fn same_site_host(a: &str, b: &str) -> bool {
    a.trim_start_matches("www.") == b.trim_start_matches("www.")
}

/// Resolve `href` against `base`; only http(s) results are kept, fragments dropped.
pub fn resolve(base: Option<&Url>, href: &str) -> Option<String> {
    resolve_url(base, href).map(String::from)
}

/// `resolve`, as a parsed URL.
pub fn resolve_url(base: Option<&Url>, href: &str) -> Option<Url> {
    let mut url = absolute(base, href)?;
    url.set_fragment(None);
    Some(url)
}

/// An `http(s)` link target made absolute, fragment kept: a Markdown link
/// to "enum.Result.html#variant.Ok" must land on the variant. Links to the
/// page's own anchors (`#section`) are none.
pub fn absolute(base: Option<&Url>, href: &str) -> Option<Url> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let url = match base {
        Some(b) => b.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn resolves_dedups_and_flags_internal() {
        let html = Html::parse_document(
            "<a href='/x#frag'></a><a href='/x'>X</a><a href='https://other.org/' rel='nofollow  noopener'>O</a>\
             <a href='mailto:a@b.c'>m</a><a href='javascript:void(0)'>j</a><a href='#top'>t</a>",
        );
        let dom = Dom::new(&html);
        let base = Url::parse("https://www.example.com/dir/page").unwrap();
        let links = collect(&dom, Some(&base));
        assert_eq!(links.len(), 2);
        assert_eq!(links[0].url, "https://www.example.com/x");
        assert_eq!(links[0].text, "X");
        assert!(links[0].internal);
        assert_eq!(links[1].rel.as_deref(), Some("nofollow noopener"));
        assert!(!links[1].internal);
    }
}
