//! `<meta http-equiv="refresh" content="0; url=/new/">`: the redirect of
//! pages that cannot send a 3xx (static hosting: Jekyll's and Sphinx's
//! redirect stubs, old CMSs). A fetch follows it like a redirect hop when
//! it names a URL and asks for a short wait; a refresh without a URL (a
//! news page reloading itself every five minutes) is no redirect.

use crate::extract::metadata::html_unescape;

/// Longer waits are a slideshow or a "you will be taken to…" page, whose
/// own text is what the reader sees first.
pub const MAX_REFRESH_DELAY_SECS: f64 = 10.0;

/// How far into the page the refresh is looked for: it belongs in the
/// `<head>`, which is looked at only up to `<body>`.
const HEAD_SCAN_BYTES: usize = 64 * 1024;

/// The URL (as written, to resolve against the page's) a refresh in the
/// page's `<head>` sends the reader to, when it waits at most
/// `MAX_REFRESH_DELAY_SECS`. A refresh inside `<noscript>` is for browsers
/// without scripts (a "please enable JavaScript" page) and one inside a
/// `<script>` is a string, not markup: both are passed over.
pub fn refresh_target(html: &str) -> Option<String> {
    let head = super::within(html, HEAD_SCAN_BYTES);
    let lower = head.to_ascii_lowercase();
    let mut at = 0;
    while let Some(found) = lower[at..].find('<') {
        let start = at + found;
        let rest = &lower[start..];
        // Skip what cannot hold markup: scripts, noscript, comments.
        let skip_to = if rest.starts_with("<!--") {
            Some("-->")
        } else if starts_tag(rest, "script") {
            Some("</script")
        } else if starts_tag(rest, "noscript") {
            Some("</noscript")
        } else {
            None
        };
        if let Some(end) = skip_to {
            match rest.find(end) {
                Some(e) => {
                    at = start + e + end.len();
                    continue;
                }
                None => return None,
            }
        }
        if starts_tag(rest, "body") {
            return None;
        }
        let tag_end = rest.find('>').map_or(lower.len(), |e| start + e);
        if starts_tag(rest, "meta") {
            let tag = &head[start + 5..tag_end];
            if attribute(tag, "http-equiv").is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh")) {
                if let Some(target) = attribute(tag, "content").and_then(|c| parse_refresh(&html_unescape(c)).map(str::to_string)) {
                    return Some(target);
                }
            }
        }
        at = tag_end.max(start + 1);
    }
    None
}

/// Whether `text` (lowercase) opens the element `name`.
fn starts_tag(text: &str, name: &str) -> bool {
    text.strip_prefix('<').and_then(|t| t.strip_prefix(name)).is_some_and(|t| t.starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/'))
}

/// The value of attribute `name` in the inside of a tag (quoted either
/// way, or bare); names compare without case.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut rest = tag;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let name_end = rest.find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        let (key, after) = rest.split_at(name_end);
        let after = after.trim_start();
        let (value, next) = match after.strip_prefix('=') {
            Some(v) => {
                let v = v.trim_start();
                match v.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let inner = &v[1..];
                        let end = inner.find(q).unwrap_or(inner.len());
                        (&inner[..end], &inner[(end + 1).min(inner.len())..])
                    }
                    _ => {
                        let end = v.find(|c: char| c.is_ascii_whitespace()).unwrap_or(v.len());
                        (&v[..end], &v[end..])
                    }
                }
            }
            None => ("", after),
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
        if next.len() == rest.len() {
            return None;
        }
        rest = next;
    }
}

/// The URL of a refresh's `content` ("5; url=/next", "0;URL='a.html'",
/// "3, /next"), when it waits short enough; `None` for a bare delay.
fn parse_refresh(content: &str) -> Option<&str> {
    let content = content.trim_start();
    let digits = content.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(content.len());
    let delay: f64 = content[..digits].parse().ok()?;
    if delay > MAX_REFRESH_DELAY_SECS {
        return None;
    }
    let rest = content[digits..].trim_start().trim_start_matches([';', ',']).trim_start();
    let rest = match rest.get(..3) {
        Some(word) if word.eq_ignore_ascii_case("url") => {
            let after = rest[3..].trim_start();
            after.strip_prefix('=').map_or(rest, str::trim_start)
        }
        _ => rest,
    };
    let url = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
        _ => rest,
    };
    let url = url.trim();
    (!url.is_empty()).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str) -> String {
        format!("<!doctype html><html><head><title>Moved</title>{head}</head><body><p>Redirecting…</p></body></html>")
    }

    #[test]
    fn a_short_refresh_to_a_url_is_a_redirect() {
        let target = |head: &str| refresh_target(&page(head));
        assert_eq!(target(r#"<meta http-equiv="refresh" content="0; url=/new/">"#).as_deref(), Some("/new/"));
        assert_eq!(target(r#"<META HTTP-EQUIV="Refresh" CONTENT="3;URL='https://example.org/a b.html'">"#).as_deref(), Some("https://example.org/a b.html"));
        assert_eq!(target("<meta content='1, next.html' http-equiv=refresh>").as_deref(), Some("next.html"));
        assert_eq!(target(r#"<meta http-equiv="refresh" content="0;url=&quot;/a?x=1&amp;y=2&quot;"/>"#).as_deref(), Some("/a?x=1&y=2"));
    }

    #[test]
    fn reloads_long_waits_and_hidden_refreshes_are_not_redirects() {
        assert_eq!(refresh_target(&page(r#"<meta http-equiv="refresh" content="300">"#)), None, "a page reloading itself");
        assert_eq!(refresh_target(&page(r#"<meta http-equiv="refresh" content="30; url=/slide-2">"#)), None, "a slideshow");
        assert_eq!(refresh_target(&page(r#"<noscript><meta http-equiv="refresh" content="0; url=/no-js"></noscript>"#)), None);
        assert_eq!(refresh_target(&page(r#"<script>var m = '<meta http-equiv="refresh" content="0; url=/x">';</script>"#)), None);
        assert_eq!(refresh_target(&page(r#"<!-- <meta http-equiv="refresh" content="0; url=/x"> -->"#)), None);
        assert_eq!(refresh_target(&page(r#"<meta name="refresh" content="0; url=/x">"#)), None, "not http-equiv");
        let in_body = r#"<html><head></head><body><meta http-equiv="refresh" content="0; url=/x"></body></html>"#;
        assert_eq!(refresh_target(in_body), None, "only the head is looked at");
    }
}
