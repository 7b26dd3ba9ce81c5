//! The fetch client on an in-memory site: what it remembers of sites,
//! servers asking to come back later, meta refresh redirects, robots.txt
//! read within its cap.

use std::rc::Rc;

use super::leading_lines;
use super::sites::{SiteMemory, ROBOTS_TTL};
use super::test_site::{block_on, site, Site};
use super::{Client, FetchOptions};
use crate::model::{Error, ExtractOptions};

#[test]
fn clients_sharing_what_they_learn_ask_for_robots_once_and_share_turns() {
    // The component's clients, one per call, share a SiteMemory.
    let mut site = site();
    site.pages.insert("/robots.txt".into(), (200, "text/plain", "User-agent: *\nCrawl-delay: 3\n".to_string()));
    let options = FetchOptions { allow_private_network: true, ..FetchOptions::default() };
    let sites = Rc::new(SiteMemory::default());
    let fetch = |client: Client<Site>, path: &str| block_on(client.fetch_document(&format!("http://site.test{path}"), &ExtractOptions::default())).unwrap();
    fetch(Client::remembering(site.sharing(), options.clone(), sites.clone()), "/a");
    fetch(Client::remembering(site.sharing(), options.clone(), sites.clone()), "/b");
    let asked = |from: usize| site.asked.borrow()[from..].iter().map(|(path, at)| (path.clone(), at.as_secs())).collect::<Vec<_>>();
    assert_eq!(asked(0), [("/robots.txt".into(), 0), ("/a".into(), 0), ("/b".into(), 3)], "the second call waits its turn, robots.txt known");
    // A client on its own asks again and keeps its own turns.
    fetch(Client::new(site.sharing(), options.clone()), "/a");
    assert_eq!(asked(3), [("/robots.txt".into(), 3), ("/a".into(), 3)]);
    // Another user agent reads its own robots.txt; the site's turns are
    // the site's, whoever asks.
    let other = FetchOptions { user_agent: "OtherBot/1.0".into(), ..options.clone() };
    fetch(Client::remembering(site.sharing(), other, sites.clone()), "/a/deep");
    assert_eq!(asked(5), [("/robots.txt".into(), 3), ("/a/deep".into(), 6)]);
    // An hour on, robots.txt is asked for again.
    site.clock.set(site.clock.get() + ROBOTS_TTL);
    fetch(Client::remembering(site.sharing(), options, sites), "/b");
    assert_eq!(asked(7).iter().map(|(path, _)| path.as_str()).collect::<Vec<_>>(), ["/robots.txt", "/b"]);
}

#[test]
fn a_server_saying_not_now_is_asked_again_up_to_max_retries() {
    let site = site();
    let busy = [("/a", "2"), ("/b", "60"), ("/a/deep", "1"), ("/a/deep", "1"), ("/a/deep", "1"), ("/b/deep", ""), ("/b/deep", "")];
    *site.busy.borrow_mut() = busy.to_vec();
    let asked = site.asked.clone();
    let client = Client::new(site, FetchOptions { allow_private_network: true, ..FetchOptions::default() });
    let fetch = |path: &str| block_on(client.fetch_document(&format!("http://site.test{path}"), &ExtractOptions::default())).map(|d| d.status);
    assert_eq!(fetch("/a"), Ok(200), "asked again after 2 s");
    assert!(matches!(fetch("/b"), Err(Error::HttpStatus { status: 429, .. })), "a minute is too long to wait");
    assert!(matches!(fetch("/a/deep"), Err(Error::HttpStatus { status: 429, .. })), "asked again twice only");
    assert_eq!(fetch("/b/deep"), Ok(200), "no Retry-After: after 0.5 s, then 1 s");
    let log: Vec<(String, u128)> = asked.borrow().iter().map(|(p, at)| (p.clone(), at.as_millis())).collect();
    let expected = [
        ("/robots.txt", 0),
        ("/a", 0),
        ("/a", 2000),
        ("/b", 2000),
        ("/a/deep", 2000),
        ("/a/deep", 3000),
        ("/a/deep", 4000),
        ("/b/deep", 4000),
        ("/b/deep", 4500),
        ("/b/deep", 5500),
    ];
    assert_eq!(log, expected.map(|(p, at)| (p.to_string(), at)));
    // Retries off: the first answer stands.
    let once = super::test_site::site();
    *once.busy.borrow_mut() = vec![("/a", "1")];
    let client = Client::new(once, FetchOptions { allow_private_network: true, max_retries: 0, ..FetchOptions::default() });
    let status = block_on(client.fetch_document("http://site.test/a", &ExtractOptions::default())).map(|d| d.status);
    assert!(matches!(status, Err(Error::HttpStatus { status: 429, .. })));
}

#[test]
fn a_retry_after_date_is_read_against_the_response_date() {
    // BUSY_SINCE is 17:30:05: 3 s later, then an hour later, then a date already past.
    let site = site();
    *site.busy.borrow_mut() =
        vec![("/a", "Sat, 28 Nov 2026 17:30:08 GMT"), ("/b", "Sat, 28 Nov 2026 18:30:05 GMT"), ("/a/deep", "Sat, 28 Nov 2026 17:00:00 GMT")];
    let asked = site.asked.clone();
    let client = Client::new(site, FetchOptions { allow_private_network: true, ..FetchOptions::default() });
    let fetch = |path: &str| block_on(client.fetch_document(&format!("http://site.test{path}"), &ExtractOptions::default())).map(|d| d.status);
    assert_eq!(fetch("/a"), Ok(200), "asked again 3 s later");
    assert!(matches!(fetch("/b"), Err(Error::HttpStatus { status: 429, .. })), "an hour is too long to wait");
    assert_eq!(fetch("/a/deep"), Ok(200), "asked again at once");
    let log: Vec<(String, u64)> = asked.borrow().iter().map(|(p, at)| (p.clone(), at.as_secs())).collect();
    let expected = [("/robots.txt", 0), ("/a", 0), ("/a", 3), ("/b", 3), ("/a/deep", 3), ("/a/deep", 3)];
    assert_eq!(log, expected.map(|(p, at)| (p.to_string(), at)));
}

#[test]
fn a_meta_refresh_is_followed_as_a_redirect_when_it_can_be() {
    let mut site = site();
    let refresh =
        |content: &str| (200, "text/html", format!("<html><head><meta http-equiv=refresh content='{content}'></head><body><p>Moved.</p></body></html>"));
    site.pages.insert("/moved".into(), refresh("0; url=/b"));
    site.pages.insert("/reloads".into(), refresh("300"));
    site.pages.insert("/to-secret".into(), refresh("0; url=/secret"));
    site.pages.insert("/loop-1".into(), refresh("0; url=/loop-2"));
    site.pages.insert("/loop-2".into(), refresh("0; url=/loop-1"));
    let client = Client::new(site, FetchOptions { allow_private_network: true, ..FetchOptions::default() });
    let final_url = |path: &str| block_on(client.fetch_document(&format!("http://site.test{path}"), &ExtractOptions::default())).unwrap().final_url;
    assert_eq!(final_url("/moved"), "http://site.test/b");
    assert_eq!(final_url("/reloads"), "http://site.test/reloads", "a reload is no redirect");
    assert_eq!(final_url("/to-secret"), "http://site.test/to-secret", "robots.txt disallows the target: the page at hand");
    assert_eq!(final_url("/loop-1"), "http://site.test/loop-2", "a loop stops where it would come back");
}

#[test]
fn a_long_robots_txt_is_read_to_its_last_whole_line_within_the_cap() {
    assert_eq!(leading_lines("a\nb\n", 10), "a\nb\n");
    assert_eq!(leading_lines("Disallow: /a\nDisallow: /bb\n", 20), "Disallow: /a");
    // A cut inside a character moves back to its start.
    assert_eq!(leading_lines("éééé", 3), "é");
}

#[test]
fn a_cookie_check_is_passed_and_cookies_stay_with_their_fetch() {
    // /a answers with a redirect to itself that sets a cookie until the
    // cookie comes back: without a jar, a redirect loop.
    let mut site = site();
    site.gated = vec!["/a"];
    let asked = site.asked.clone();
    let client = Client::new(site, FetchOptions { allow_private_network: true, ..FetchOptions::default() });
    let fetch = |path: &str| block_on(client.fetch_document(&format!("http://site.test{path}"), &ExtractOptions::default())).map(|d| d.final_url);
    assert_eq!(fetch("/a").unwrap(), "http://site.test/a");
    assert_eq!(fetch("/a").unwrap(), "http://site.test/a");
    let gate_hops = asked.borrow().iter().filter(|(path, _)| path == "/a").count();
    assert_eq!(gate_hops, 4, "each fetch passes the check afresh: its cookies were its own");
}

#[test]
fn the_callers_headers_go_along_and_credentials_stay_on_the_origin_asked() {
    let mut site = site();
    site.pages.insert("/away".into(), (302, "text/html", "http://other.test/b".to_string()));
    site.gated.push("/b");
    let seen = site.headers.clone();
    let caller = [("Accept-Language", "de-CH"), ("Authorization", "Bearer t0ken"), ("Cookie", "consent=yes")];
    let headers = caller.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
    let client = Client::new(site, FetchOptions { allow_private_network: true, headers, ..FetchOptions::default() });
    let fetched = block_on(client.fetch_document("http://site.test/away", &ExtractOptions::default())).unwrap();
    assert_eq!(fetched.final_url, "http://other.test/b");
    let sent: Vec<(String, String)> =
        seen.borrow().iter().map(|(url, h)| (url.clone(), h.iter().map(|(n, v)| format!("{n}: {v}")).collect::<Vec<_>>().join(" | "))).collect();
    let expected = [
        // robots.txt: no credentials, the page's origin or not.
        ("http://site.test/robots.txt", "accept-language: de-CH"),
        ("http://site.test/away", "accept-language: de-CH | authorization: Bearer t0ken | cookie: consent=yes"),
        ("http://other.test/robots.txt", "accept-language: de-CH"),
        // Redirected elsewhere: neither the token nor the caller's cookie; the
        // other site's own cookie check passes with the cookie it set.
        ("http://other.test/b", "accept-language: de-CH"),
        ("http://other.test/b", "accept-language: de-CH | cookie: gate=1"),
    ];
    assert_eq!(sent, expected.map(|(url, h)| (url.to_string(), h.to_string())));
}
