//! Light scans of raw markup, shared by the passes that adjust a page
//! before it is parsed (`depth`, `noscript`): where a tag ends and where
//! the next tag of a name starts. Not a parser.

/// Index just past the `>` closing the tag that starts at `at` (a quoted
/// attribute value may hold `>`), or the end of the input.
pub fn tag_end(bytes: &[u8], at: usize) -> usize {
    let mut k = at + 1;
    while let Some(offset) = memchr::memchr3(b'>', b'"', b'\'', &bytes[k..]) {
        let hit = k + offset;
        let quote = bytes[hit];
        if quote == b'>' {
            return hit + 1;
        }
        // A quote opens a value only after `=` ("it's" in a bare value does not).
        let opens_value = bytes[at..hit].iter().rev().find(|b| !b.is_ascii_whitespace()) == Some(&b'=');
        k = match memchr::memchr(quote, &bytes[hit + 1..]) {
            Some(close) if opens_value => hit + 1 + close + 1,
            None if opens_value => return bytes.len(),
            _ => hit + 1,
        };
    }
    bytes.len()
}

/// Where the next `opening` (`<` for a start tag, `</` for an end tag)
/// followed by `name`, in any case, starts at or after `from`. A longer
/// name with the same start matches too (`<iframe` in `<iframes`).
pub fn find_tag(bytes: &[u8], from: usize, opening: &[u8], name: &str) -> Option<usize> {
    let after = opening.len();
    memchr::memmem::find_iter(bytes.get(from..)?, opening)
        .map(|e| from + e)
        .find(|&at| bytes.get(at + after..at + after + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::{find_tag, tag_end};

    #[test]
    fn tags_end_after_quoted_values() {
        let html = br#"<a title="x > y" href='/b'>link</a>"#;
        assert_eq!(tag_end(html, 0), 27);
        assert_eq!(tag_end(b"<p class=open", 0), 13);
    }

    #[test]
    fn tags_are_found_in_any_case() {
        let html = b"<p>a</P><NoScript>b</noscript>";
        assert_eq!(find_tag(html, 0, b"</", "p"), Some(4));
        assert_eq!(find_tag(html, 0, b"<", "noscript"), Some(8));
        assert_eq!(find_tag(html, 9, b"<", "noscript"), None);
        assert_eq!(find_tag(html, 99, b"<", "p"), None);
    }
}
