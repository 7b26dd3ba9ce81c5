//! The caller's own request headers (`Accept-Language`, an API token, a
//! consent cookie): which may be set, and which go where. Those that carry
//! credentials go only to the origin a fetch started at, as httpx and
//! requests drop `Authorization` on a redirect elsewhere.

use crate::model::Error;

/// Headers the client sets itself: framing, connection management, the
/// codings it can undo, and the user agent (its own option, which names
/// the robots.txt group too).
const MANAGED: &[&str] = &[
    "accept-encoding", "connection", "content-length", "expect", "host", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
    "user-agent",
];

/// Headers that carry credentials.
const CREDENTIALS: &[&str] = &["authorization", "cookie", "proxy-authorization"];

/// Why the header `name: value` cannot be sent, if it cannot: a name that
/// is not an HTTP token, a value with control characters (a line break
/// would smuggle in another header) or beyond ASCII (HTTP has no agreed
/// encoding for them), or a header the client manages.
pub fn refusal(name: &str, value: &str) -> Option<String> {
    let is_token_char = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if name.is_empty() || !name.chars().all(is_token_char) {
        return Some(format!("{name:?} is not a header name"));
    }
    if value.chars().any(|c| c.is_control() && c != '\t') {
        return Some(format!("the value of {name} holds a control character"));
    }
    if !value.is_ascii() {
        return Some(format!("the value of {name} holds a character beyond ASCII"));
    }
    let lower = name.to_ascii_lowercase();
    if MANAGED.contains(&lower.as_str()) {
        let instead = if lower == "user-agent" { " (use the user-agent option)" } else { "" };
        return Some(format!("{name} is set by the client{instead}"));
    }
    None
}

/// `Ok` when every header of the caller's can be sent, else the first
/// refusal as an `InvalidHeader` error.
pub fn check(headers: &[(String, String)]) -> Result<(), Error> {
    match headers.iter().find_map(|(name, value)| refusal(name, value)) {
        Some(why) => Err(Error::InvalidHeader(why)),
        None => Ok(()),
    }
}

/// The caller's headers for one request: all of them on the origin the
/// fetch started at, elsewhere those without credentials. A `Cookie` of
/// the caller's goes before the cookies the site set along the way (`jar`).
pub fn for_request(caller: &[(String, String)], on_start_origin: bool, jar: Option<&str>) -> Vec<(String, String)> {
    let mut headers = Vec::with_capacity(caller.len() + 1);
    let mut cookies: Vec<&str> = Vec::new();
    for (name, value) in caller {
        let lower = name.to_ascii_lowercase();
        if CREDENTIALS.contains(&lower.as_str()) && !on_start_origin {
            continue;
        }
        if lower == "cookie" {
            cookies.push(value);
        } else {
            headers.push((lower, value.clone()));
        }
    }
    cookies.extend(jar);
    if !cookies.is_empty() {
        headers.push(("cookie".to_string(), cookies.join("; ")));
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect()
    }

    #[test]
    fn names_must_be_tokens_values_single_lines_and_not_the_clients_own() {
        assert_eq!(refusal("Accept-Language", "de-CH, de;q=0.9"), None);
        assert_eq!(refusal("X-Api-Key", "\tsecret "), None);
        assert_eq!(refusal("X Api", "1").as_deref(), Some("\"X Api\" is not a header name"));
        assert_eq!(refusal("", "1").as_deref(), Some("\"\" is not a header name"));
        assert_eq!(refusal("X-Note", "a\r\nHost: evil.example").as_deref(), Some("the value of X-Note holds a control character"));
        assert_eq!(refusal("X-City", "Zürich").as_deref(), Some("the value of X-City holds a character beyond ASCII"));
        assert_eq!(refusal("Host", "example.org").as_deref(), Some("Host is set by the client"));
        assert_eq!(refusal("user-agent", "Bot").as_deref(), Some("user-agent is set by the client (use the user-agent option)"));
        let headers = [("Accept", "text/html"), ("Connection", "close"), ("X Y", "1")].map(|(n, v)| (n.to_string(), v.to_string()));
        assert_eq!(check(&headers[..1]), Ok(()));
        assert_eq!(check(&headers), Err(Error::InvalidHeader("Connection is set by the client".into())));
    }

    #[test]
    fn credentials_stay_on_the_start_origin_and_cookies_join_the_jars() {
        let caller = pairs(&[("Accept-Language", "fr"), ("Authorization", "Bearer t"), ("Cookie", "consent=yes")]);
        assert_eq!(
            for_request(&caller, true, Some("session=1")),
            pairs(&[("accept-language", "fr"), ("authorization", "Bearer t"), ("cookie", "consent=yes; session=1")])
        );
        assert_eq!(for_request(&caller, false, Some("session=1")), pairs(&[("accept-language", "fr"), ("cookie", "session=1")]));
        assert_eq!(for_request(&caller, false, None), pairs(&[("accept-language", "fr")]));
        assert_eq!(for_request(&[], true, None), vec![]);
    }
}
