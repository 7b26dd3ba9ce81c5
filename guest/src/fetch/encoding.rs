//! Content codings: a body sent gzip- or deflate-compressed (we ask for
//! both: a page is a fifth of its size on the wire) is inflated here, never
//! past the size cap, so a small "zip bomb" cannot fill the sandbox's memory.

use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

use crate::model::Error;

/// The `Accept-Encoding` request header: the codings `decode` reads.
pub const ACCEPT_ENCODING: &str = "gzip, deflate";

/// Codings stacked on one body at most: each layer may inflate to the cap,
/// so a header naming "gzip" a thousand times would be a thousand times
/// the work. Servers apply one.
const MAX_CODINGS: usize = 4;

/// The body as sent, with the codings of `content_encoding` undone (last
/// applied, first undone), at most `max_bytes` long. A body cut off
/// mid-stream gives what arrived, as a browser shows a page that stopped
/// loading; a corrupt one or a coding we did not ask for is an error.
pub fn decode(body: Vec<u8>, content_encoding: Option<&str>, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let Some(codings) = content_encoding else { return Ok(body) };
    if codings.split(',').count() > MAX_CODINGS {
        return Err(Error::Fetch(format!("body sent in more than {MAX_CODINGS} content codings")));
    }
    let limit = usize::try_from(max_bytes).unwrap_or(usize::MAX);
    let mut body = body;
    for coding in codings.rsplit(',').map(|c| c.trim().to_ascii_lowercase()) {
        body = match coding.as_str() {
            "" | "identity" => body,
            "gzip" | "x-gzip" => inflate(&body[gzip_header_len(&body)?..], false, limit, max_bytes)?,
            // "deflate" is zlib-wrapped by the standard, raw in some servers.
            "deflate" => match inflate(&body, true, limit, max_bytes) {
                Err(Error::Fetch(_)) => inflate(&body, false, limit, max_bytes)?,
                other => other?,
            },
            other => return Err(Error::Fetch(format!("body sent in the {other:?} content coding, which was not asked for"))),
        };
    }
    Ok(body)
}

fn inflate(mut input: &[u8], zlib: bool, limit: usize, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF | if zlib { inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER } else { 0 };
    let mut out = vec![0; input.len().saturating_mul(4).clamp(1, limit.max(1))];
    let mut inflater = Box::<DecompressorOxide>::default();
    let mut written = 0;
    loop {
        let (status, read, wrote) = decompress(&mut inflater, input, &mut out, written, flags);
        written += wrote;
        input = &input[read.min(input.len())..];
        match status {
            TINFLStatus::Done => break,
            TINFLStatus::HasMoreOutput if out.len() >= limit => return Err(Error::TooLarge(max_bytes)),
            TINFLStatus::HasMoreOutput => out.resize(out.len().saturating_mul(2).min(limit), 0),
            // The body ended mid-stream.
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput if written > 0 => break,
            other => return Err(Error::Fetch(format!("compressed body could not be read ({other:?})"))),
        }
    }
    out.truncate(written);
    Ok(out)
}

/// gzip member header flags (RFC 1952, 2.3.1).
const FHCRC: u8 = 0x02;
const FEXTRA: u8 = 0x04;
const FNAME: u8 = 0x08;
const FCOMMENT: u8 = 0x10;

/// The length of the gzip header before the deflate stream.
fn gzip_header_len(data: &[u8]) -> Result<usize, Error> {
    let bad = || Error::Fetch("body said to be gzip has no gzip header".into());
    if data.len() < 10 || data[0] != 0x1f || data[1] != 0x8b || data[2] != 8 {
        return Err(bad());
    }
    let flags = data[3];
    let mut at = 10;
    if flags & FEXTRA != 0 {
        let extra = u16::from_le_bytes([*data.get(at).ok_or_else(bad)?, *data.get(at + 1).ok_or_else(bad)?]) as usize;
        at += 2 + extra;
    }
    for field in [FNAME, FCOMMENT] {
        if flags & field != 0 {
            // A zero-terminated string.
            at += data.get(at..).and_then(|rest| rest.iter().position(|&b| b == 0)).ok_or_else(bad)? + 1;
        }
    }
    if flags & FHCRC != 0 {
        at += 2;
    }
    if at > data.len() {
        return Err(bad());
    }
    Ok(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use miniz_oxide::deflate::{compress_to_vec, compress_to_vec_zlib};

    fn gzip(data: &[u8], flags: u8, extra: &[u8]) -> Vec<u8> {
        let mut out = vec![0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 3];
        out.extend_from_slice(extra);
        out.extend(compress_to_vec(data, 6));
        out.extend([0; 8]); // CRC32 and size, not checked
        out
    }

    const PAGE: &[u8] = b"<html><body><p>The tide turns twice a day.</p></body></html>";

    #[test]
    fn gzip_and_deflate_bodies_are_inflated() {
        assert_eq!(decode(gzip(PAGE, 0, b""), Some("gzip"), 1 << 20).unwrap(), PAGE);
        // A file name and a comment in the header.
        assert_eq!(decode(gzip(PAGE, FNAME | FCOMMENT, b"page.html\0saved\0"), Some("x-gzip"), 1 << 20).unwrap(), PAGE);
        assert_eq!(decode(compress_to_vec_zlib(PAGE, 6), Some("deflate"), 1 << 20).unwrap(), PAGE);
        assert_eq!(decode(compress_to_vec(PAGE, 6), Some("Deflate"), 1 << 20).unwrap(), PAGE);
        // Codings stacked: the last applied is undone first.
        assert_eq!(decode(gzip(&compress_to_vec_zlib(PAGE, 6), 0, b""), Some("deflate, gzip"), 1 << 20).unwrap(), PAGE);
        assert_eq!(decode(PAGE.to_vec(), None, 10).unwrap(), PAGE);
        assert_eq!(decode(PAGE.to_vec(), Some("identity"), 1 << 20).unwrap(), PAGE);
    }

    #[test]
    fn a_bomb_stops_at_the_cap_and_a_bad_body_is_an_error() {
        // 20 MB of zeros compress to about 20 KB.
        let bomb = gzip(&vec![0u8; 20 << 20], 0, b"");
        assert!(bomb.len() < 40_000);
        assert!(matches!(decode(bomb, Some("gzip"), 1 << 20), Err(Error::TooLarge(n)) if n == 1 << 20));
        assert!(matches!(decode(PAGE.to_vec(), Some("gzip"), 1 << 20), Err(Error::Fetch(_))));
        assert!(matches!(decode(PAGE.to_vec(), Some("br"), 1 << 20), Err(Error::Fetch(m)) if m.contains("\"br\"")));
        assert!(matches!(decode(gzip(PAGE, FNAME, b"unterminated"), Some("gzip"), 1 << 20), Err(Error::Fetch(_))));
        assert!(matches!(decode(PAGE.to_vec(), Some(&["identity"; 5].join(", ")), 1 << 20), Err(Error::Fetch(m)) if m.contains("more than 4")));
        // Cut off mid-stream: what arrived.
        let page: Vec<u8> = (0..2000).flat_map(|i| format!("<p>Line {i} of the tide table.</p>").into_bytes()).collect();
        let whole = gzip(&page, 0, b"");
        let cut = decode(whole[..whole.len() / 2].to_vec(), Some("gzip"), 1 << 20).unwrap();
        assert!(cut.len() > 1000 && page.starts_with(&cut), "{}", cut.len());
    }
}
