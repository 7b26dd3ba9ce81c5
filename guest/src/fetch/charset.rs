//! Bytes to text: BOM, then the Content-Type charset, then a `<meta>`
//! charset in the first KiB, then UTF-8 if the bytes are valid UTF-8,
//! else windows-1252 (what browsers assume for legacy pages).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the body a `<meta charset>` is looked for.
const PRESCAN_BYTES: usize = 1024;

pub fn decode(body: &[u8], content_type: Option<&str>) -> String {
    let encoding = Encoding::for_bom(body)
        .map(|(e, _)| e)
        .or_else(|| content_type.and_then(charset_param).and_then(|l| Encoding::for_label(l.as_bytes())))
        .or_else(|| meta_charset(&body[..body.len().min(PRESCAN_BYTES)]))
        .unwrap_or_else(|| if std::str::from_utf8(body).is_ok() { UTF_8 } else { WINDOWS_1252 });
    // A page that declares UTF-16 in <meta> is really ASCII-compatible.
    let encoding = if encoding.output_encoding() != encoding && Encoding::for_bom(body).is_none() { encoding.output_encoding() } else { encoding };
    let (text, _, _) = encoding.decode(body);
    text.into_owned()
}

/// `charset=` parameter of a Content-Type value.
pub fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset")).then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = text.as_str();
    while let Some(pos) = rest.find("<meta") {
        rest = &rest[pos + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(at) = tag.find("charset") {
            let value = tag[at + 7..].trim_start().strip_prefix('=')?.trim_start();
            let value = value.trim_start_matches(['"', '\'']);
            let end = value.find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace()).unwrap_or(value.len());
            if let Some(e) = Encoding::for_label(&value.as_bytes()[..end]) {
                return Some(e);
            }
        }
    }
    None
}

/// How much of a body is looked at to tell binary data from text (the
/// WHATWG MIME sniffing standard's resource header).
const SNIFF_BYTES: usize = 1445;

/// How common binary files start, and their media types: PDF (whose
/// first lines are text), images, ZIP (and Office files), gzip, RIFF
/// (WebP, WAV), Ogg, fonts, WebAssembly.
const BINARY_SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
    (b"RIFF", "application/octet-stream"),
    (b"OggS", "application/ogg"),
    (b"wOFF", "font/woff"),
    (b"wOF2", "font/woff2"),
    (b"\x00asm", "application/wasm"),
];

/// The media type of a body that is binary data whatever its Content-Type
/// says (a PDF or an image served as text/html, or with no type at all):
/// it starts as a binary file does, or holds bytes no text has (as the
/// WHATWG MIME sniffing standard lists them) in its first bytes. A UTF-16
/// byte-order mark says text (UTF-16 has zeros).
pub fn binary_type(body: &[u8]) -> Option<&'static str> {
    if body.starts_with(&[0xfe, 0xff]) || body.starts_with(&[0xff, 0xfe]) {
        return None;
    }
    if let Some((_, media_type)) = BINARY_SIGNATURES.iter().find(|(signature, _)| body.starts_with(signature)) {
        return Some(media_type);
    }
    let binary_bytes = body[..body.len().min(SNIFF_BYTES)].iter().any(|&b| matches!(b, 0x00..=0x08 | 0x0b | 0x0e..=0x1a | 0x1c..=0x1f));
    binary_bytes.then_some("application/octet-stream")
}

/// Whether a Content-Type (or its absence) is something we extract.
pub fn is_html(content_type: Option<&str>) -> bool {
    match content_type.map(|c| c.split(';').next().unwrap_or("").trim().to_ascii_lowercase()) {
        None => true,
        Some(t) => t.is_empty() || t == "text/html" || t == "application/xhtml+xml" || t == "application/xml+html",
    }
}

pub fn is_plain_text(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|c| c.split(';').next().unwrap_or("").trim().eq_ignore_ascii_case("text/plain"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_bodies_are_told_from_text() {
        assert_eq!(binary_type(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>"), Some("application/pdf"), "a PDF's first lines are text");
        assert_eq!(binary_type(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Some("image/png"));
        assert_eq!(binary_type(b"<html>\x00\x01\x02"), Some("application/octet-stream"));
        assert_eq!(binary_type("<html><body><p>Café, naïve — “quoted”\t\r\n</p></body></html>".as_bytes()), None);
        assert_eq!(binary_type(b"\xff\xfe<\x00h\x00"), None, "UTF-16 with its byte-order mark");
        assert_eq!(binary_type(b"\x1b[0m"), None, "an escape is text (ANSI colours in a log)");
    }

    #[test]
    fn header_charset_wins_over_meta() {
        let body = b"<meta charset=utf-8><p>caf\xe9</p>";
        assert_eq!(decode(body, Some("text/html; charset=ISO-8859-1")), "<meta charset=utf-8><p>café</p>");
    }

    #[test]
    fn meta_charset_and_fallbacks() {
        assert!(decode(b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'><p>\xcf\xf0\xe8</p>", None).contains("При"));
        assert_eq!(decode("<p>café</p>".as_bytes(), None), "<p>café</p>");
        assert_eq!(decode(b"<p>caf\xe9</p>", None), "<p>café</p>");
        assert_eq!(decode(b"\xef\xbb\xbf<p>x</p>", Some("text/html; charset=latin1")), "<p>x</p>");
    }

    #[test]
    fn content_types() {
        assert!(is_html(Some("text/html; charset=utf-8")));
        assert!(is_html(None));
        assert!(!is_html(Some("application/pdf")));
        assert!(is_plain_text(Some("text/plain")));
    }
}
