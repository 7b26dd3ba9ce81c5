//! A `user:password@host` address: the host part of a request must not
//! carry the credentials (wasi:http would take them for part of the host
//! name), so they are sent as Basic authorization instead, as curl,
//! requests and httpx send them. A redirect elsewhere does not repeat
//! them: they belong to the address that named them.

use percent_encoding::percent_decode_str;
use url::Url;

/// The URL to send, without credentials, and the `Authorization` header
/// value they make, if the URL has any.
pub fn split(url: &Url) -> (Url, Option<String>) {
    if url.username().is_empty() && url.password().is_none() {
        return (url.clone(), None);
    }
    let user = percent_decode_str(url.username()).decode_utf8_lossy();
    let password = url.password().map(|p| percent_decode_str(p).decode_utf8_lossy()).unwrap_or_default();
    let mut bare = url.clone();
    // Only a URL that cannot have credentials refuses these, and it has none.
    let _ = bare.set_username("");
    let _ = bare.set_password(None);
    (bare, Some(format!("Basic {}", base64(format!("{user}:{password}").as_bytes()))))
}

/// Standard base64 with padding (RFC 4648).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        for (k, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            out.push(if k <= chunk.len() { ALPHABET[(n >> shift & 63) as usize] as char } else { '=' });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_become_basic_authorization() {
        let (bare, auth) = split(&Url::parse("https://ada:p%40ss%20word@example.org:8443/a?b=1").unwrap());
        assert_eq!(bare.as_str(), "https://example.org:8443/a?b=1");
        assert_eq!(auth.as_deref(), Some("Basic YWRhOnBAc3Mgd29yZA=="), "ada:p@ss word");
        let (_, user_only) = split(&Url::parse("http://ada@example.org/").unwrap());
        assert_eq!(user_only.as_deref(), Some("Basic YWRhOg=="), "ada:");
        let plain = Url::parse("http://example.org/").unwrap();
        assert_eq!(split(&plain), (plain, None));
    }

    #[test]
    fn base64_pads() {
        assert_eq!([base64(b""), base64(b"f"), base64(b"fo"), base64(b"foo"), base64(b"foob")], ["", "Zg==", "Zm8=", "Zm9v", "Zm9vYg=="]);
    }
}
