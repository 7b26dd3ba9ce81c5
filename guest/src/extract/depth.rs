//! A cap on how deep a page nests. html5ever scans its stack of open
//! elements for many start tags, so a page of 100,000 nested `<div>`s (1 MB)
//! took a minute to parse: a hostile page could hold a worker for the whole
//! time limit. Browsers cap the depth the same way (Blink at 512): past
//! the cap, tags are dropped and their text joins the deepest element.
//! This is a light scan of the markup, not a parser; it changes nothing on
//! a page that stays under the cap.

use std::borrow::Cow;
use std::collections::HashMap;

use super::markup::{find_tag, tag_end};

/// Deepest nesting kept. Real pages stay well under 100.
pub const MAX_DEPTH: usize = 256;

/// How a tag affects nesting.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Never has content (`<br>`, `<img>`).
    Void,
    /// Its end tag may be left out: the parser closes it when the next one
    /// starts, so an unclosed run of them does not nest (`<li>`, `<p>`).
    OptionalEnd,
    /// Raw text up to its end tag (`<script>`): a "<div>" inside is text.
    RawText,
    /// Cannot hold itself: a start tag closes the open one (`<a>`).
    ClosesOpenOne,
    Nests,
}

fn kind(name: &str) -> Kind {
    let mut buf = [0u8; 10];
    let Some(lower) = buf.get_mut(..name.len()) else { return Kind::Nests };
    lower.copy_from_slice(name.as_bytes());
    lower.make_ascii_lowercase();
    match &*lower {
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"keygen" | b"link" | b"meta" | b"param" | b"source" | b"track"
        | b"wbr" => Kind::Void,
        b"p" | b"li" | b"dt" | b"dd" | b"option" | b"optgroup" | b"tr" | b"td" | b"th" | b"thead" | b"tbody" | b"tfoot" | b"colgroup" | b"caption" | b"rb"
        | b"rt" | b"rtc" | b"rp" => Kind::OptionalEnd,
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"noembed" | b"noframes" | b"iframe" | b"plaintext" => Kind::RawText,
        b"a" | b"button" | b"nobr" | b"form" => Kind::ClosesOpenOne,
        _ => Kind::Nests,
    }
}

/// `html` with every tag past `MAX_DEPTH` removed (its text kept);
/// borrowed when the page stays under the cap.
pub fn cap(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut open: Vec<&str> = Vec::new();
    // Start tags dropped and not yet closed, by lower-case name, so their
    // end tags go too. Counts, not a stack: a hostile page's stray end tags
    // must not each search a long list.
    let mut dropped: HashMap<String, usize> = HashMap::new();
    // Byte ranges of the tags to remove.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + offset;
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            i = memchr::memmem::find(&rest[4..], b"-->").map_or(bytes.len(), |e| at + 4 + e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = tag_end(bytes, at);
            continue;
        }
        let closing = rest.starts_with(b"</");
        let name_start = at + if closing { 2 } else { 1 };
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = at + 1;
            continue;
        }
        let name = &html[name_start..name_start + name_len];
        let end = tag_end(bytes, at);
        let tag_kind = kind(name);
        if closing {
            // Dropped elements are the innermost: their end tags come first.
            let dropped_one = !dropped.is_empty()
                && dropped.get_mut(&name.to_ascii_lowercase()).is_some_and(|n| {
                    let had = *n > 0;
                    *n = n.saturating_sub(1);
                    had
                });
            if dropped_one {
                cuts.push((at, end));
            } else if let Some(k) = open.iter().rposition(|t| t.eq_ignore_ascii_case(name)) {
                open.truncate(k);
            }
        } else if tag_kind == Kind::RawText {
            i = raw_text_end(bytes, end, name);
            continue;
        } else if matches!(tag_kind, Kind::Nests | Kind::ClosesOpenOne) && !bytes[..end].ends_with(b"/>") {
            if tag_kind == Kind::ClosesOpenOne {
                if let Some(k) = open.iter().rposition(|t| t.eq_ignore_ascii_case(name)) {
                    open.truncate(k);
                }
            }
            if open.len() >= MAX_DEPTH {
                *dropped.entry(name.to_ascii_lowercase()).or_default() += 1;
                cuts.push((at, end));
            } else {
                open.push(name);
            }
        }
        i = end;
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for (from, to) in cuts {
        out.push_str(&html[copied..from]);
        copied = to;
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Where the raw text of a `name` element opened before `from` ends: at
/// its end tag, whatever the case, or at the end of the input.
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> usize {
    find_tag(bytes, from, b"</", name).unwrap_or(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_under_the_cap_are_untouched() {
        let items = "<li>item".repeat(5000);
        let page = format!(
            "<!DOCTYPE html><html><head><script>if (a < b) document.write('{}')</script></head>\
             <body><div title='a > b'><div class=it's>x</div><ul>{items}</ul><p>one<p>two<img src=x><br/></div><!-- <div> --></body></html>",
            "<div>".repeat(1000)
        );
        assert!(matches!(cap(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn stray_end_tags_under_deep_nesting_stay_cheap() {
        // 50,000 dropped <div>s, then 50,000 end tags that close none of them.
        let n = 50_000;
        let page = format!("<body>{}x{}</body>", "<div>".repeat(n), "</span>".repeat(n));
        let capped = cap(&page);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH - 1);
        assert_eq!(capped.matches("</span>").count(), n);
    }

    #[test]
    fn deep_nesting_is_flattened_and_keeps_its_text() {
        let n = 10_000;
        let page = format!("<body>{}<p>Deep text</p>{}<p>After</p></body>", "<div class=x>".repeat(n), "</div>".repeat(n));
        let capped = cap(&page);
        assert_eq!(capped.matches("<div").count(), MAX_DEPTH - 1);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH - 1);
        assert!(capped.contains("<p>Deep text</p>") && capped.ends_with("<p>After</p></body>"));
    }
}
