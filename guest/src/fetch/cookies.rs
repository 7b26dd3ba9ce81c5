//! Cookies within one fetch. A site that sets a cookie and redirects to
//! itself to see it come back (a cookie check, a consent or region gate)
//! loops forever for a client without them, as browsers, curl -L with a
//! jar, requests and httpx all keep them across a redirect chain. They are
//! kept for the hops of one fetch only, never from page to page: a crawl
//! is not a browsing session.

use url::Url;

/// Cookies kept at most, and the longest `name=value` kept: a hostile
/// chain of redirects must not grow the jar without bound.
const MAX_COOKIES: usize = 50;
const MAX_COOKIE_BYTES: usize = 4096;

#[derive(Default)]
pub struct CookieJar {
    cookies: Vec<Cookie>,
}

struct Cookie {
    name: String,
    value: String,
    /// The host that set it, or the domain it names (without a leading dot).
    domain: String,
    /// Sent to `domain` itself only, not to its subdomains.
    host_only: bool,
    /// Sent over https only.
    secure: bool,
}

impl CookieJar {
    /// Keep the cookies a response from `url` sets (its `Set-Cookie`
    /// values); a cookie for a domain `url` is not in is refused, one with
    /// `Max-Age` of zero or less removes its namesake.
    pub fn store(&mut self, url: &Url, set_cookies: &[String]) {
        let Some(host) = url.host_str().map(str::to_ascii_lowercase) else { return };
        for header in set_cookies {
            let mut parts = header.split(';');
            let Some((name, value)) = parts.next().and_then(|pair| pair.split_once('=')) else { continue };
            let (name, value) = (name.trim(), value.trim());
            if name.is_empty() || name.len() + value.len() > MAX_COOKIE_BYTES {
                continue;
            }
            let mut cookie = Cookie { name: name.into(), value: value.into(), domain: host.clone(), host_only: true, secure: false };
            let mut expired = false;
            for attribute in parts {
                let (key, val) = attribute.split_once('=').unwrap_or((attribute, ""));
                match key.trim().to_ascii_lowercase().as_str() {
                    "domain" => {
                        let domain = val.trim().trim_start_matches('.').to_ascii_lowercase();
                        if !domain.is_empty() {
                            cookie.domain = domain;
                            cookie.host_only = false;
                        }
                    }
                    "max-age" => expired = val.trim().parse::<i64>().is_ok_and(|age| age <= 0),
                    "secure" => cookie.secure = true,
                    _ => {}
                }
            }
            if !domain_matches(&host, &cookie.domain) {
                continue;
            }
            self.cookies.retain(|c| !(c.name == cookie.name && c.domain == cookie.domain));
            if !expired && self.cookies.len() < MAX_COOKIES {
                self.cookies.push(cookie);
            }
        }
    }

    /// The `Cookie` header for a request to `url`, if any cookie goes there.
    pub fn header(&self, url: &Url) -> Option<String> {
        let host = url.host_str()?.to_ascii_lowercase();
        let https = url.scheme() == "https";
        let pairs: Vec<String> = self
            .cookies
            .iter()
            .filter(|c| (!c.secure || https) && if c.host_only { host == c.domain } else { domain_matches(&host, &c.domain) })
            .map(|c| format!("{}={}", c.name, c.value))
            .collect();
        (!pairs.is_empty()).then(|| pairs.join("; "))
    }
}

/// Whether `host` is `domain` or one of its subdomains.
fn domain_matches(host: &str, domain: &str) -> bool {
    host == domain || host.strip_suffix(domain).is_some_and(|rest| rest.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(u: &str) -> Url {
        Url::parse(u).unwrap()
    }

    #[test]
    fn cookies_come_back_where_they_belong() {
        let mut jar = CookieJar::default();
        jar.store(&url("https://www.example.org/a"), &["seen=1; Path=/; HttpOnly".into(), "site=x; Domain=.example.org".into(), "s=2; Secure".into()]);
        assert_eq!(jar.header(&url("https://www.example.org/b")).as_deref(), Some("seen=1; site=x; s=2"));
        assert_eq!(jar.header(&url("http://www.example.org/b")).as_deref(), Some("seen=1; site=x"), "a Secure cookie stays off http");
        assert_eq!(jar.header(&url("https://shop.example.org/")).as_deref(), Some("site=x"), "host-only stays on its host");
        assert_eq!(jar.header(&url("https://example.com/")), None);
    }

    #[test]
    fn foreign_domains_are_refused_and_max_age_zero_removes() {
        let mut jar = CookieJar::default();
        let here = url("https://www.example.org/");
        jar.store(&here, &["evil=1; Domain=example.com".into(), "a=1".into(), "broken".into(), "=nameless".into()]);
        assert_eq!(jar.header(&here).as_deref(), Some("a=1"));
        jar.store(&here, &["a=2".into()]);
        assert_eq!(jar.header(&here).as_deref(), Some("a=2"), "replaced, not repeated");
        jar.store(&here, &["a=gone; Max-Age=0".into()]);
        assert_eq!(jar.header(&here), None);
        let many: Vec<String> = (0..200).map(|k| format!("c{k}=v")).collect();
        jar.store(&here, &many);
        assert_eq!(jar.header(&here).unwrap().split("; ").count(), MAX_COOKIES);
    }
}
