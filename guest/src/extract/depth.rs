//! A cap on how deep a page nests. html5ever scans its stack of open
//! elements for many start tags, so a page of 100,000 nested `<div>`s (1 MB)
//! took a minute to parse: a hostile page could hold a worker for the whole
//! time limit. Browsers cap the depth the same way (Blink at 512): past
//! the cap, tags are dropped and their text joins the deepest element.
//! This is a light scan of the markup, not a parser; it changes nothing on
//! a page that stays under the cap.

use std::borrow::Cow;

/// Deepest nesting kept. Real pages stay well under 100.
pub const MAX_DEPTH: usize = 256;

/// Elements that never have content.
const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"];
/// Elements whose end tag may be left out: the parser closes them when the
/// next one starts, so an unclosed run of them does not nest.
const OPTIONAL_END: &[&str] = &["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp"];
/// Elements that cannot hold themselves: a start tag closes the open one.
const SELF_CLOSING_ON_REPEAT: &[&str] = &["a", "button", "nobr", "form"];
/// Elements whose content is raw text, read up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noembed", "noframes", "iframe", "plaintext"];

/// `html` with every tag past `MAX_DEPTH` removed (its text kept);
/// borrowed when the page stays under the cap.
pub fn cap(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut open: Vec<&str> = Vec::new();
    // Names of the start tags dropped and not yet closed, so their end tags go too.
    let mut dropped_open: Vec<&str> = Vec::new();
    // Byte ranges of the tags to remove.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let at = i + offset;
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(bytes.len(), |e| at + e + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = tag_end(bytes, at);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = at + if closing { 2 } else { 1 };
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = at + 1;
            continue;
        }
        let name = &html[name_start..name_start + name_len];
        let end = tag_end(bytes, at);
        let is = |list: &[&str]| list.iter().any(|t| t.eq_ignore_ascii_case(name));
        if closing {
            // Dropped elements are the innermost: their end tags come first.
            if let Some(k) = dropped_open.iter().rposition(|t| t.eq_ignore_ascii_case(name)) {
                dropped_open.remove(k);
                cuts.push((at, end));
            } else if let Some(k) = open.iter().rposition(|t| t.eq_ignore_ascii_case(name)) {
                open.truncate(k);
            }
        } else if is(RAW_TEXT) {
            // Skip to the end tag: "<div>" inside a script is text.
            let close = format!("</{}", name.to_ascii_lowercase());
            i = find_ignore_case(&html[end..], &close).map_or(bytes.len(), |e| end + e);
            continue;
        } else if !is(VOID) && !is(OPTIONAL_END) && !html[at..end].ends_with("/>") {
            // A new link (or button) closes an open one, as the parser does.
            if is(SELF_CLOSING_ON_REPEAT) {
                if let Some(k) = open.iter().rposition(|t| t.eq_ignore_ascii_case(name)) {
                    open.truncate(k);
                }
            }
            if open.len() >= MAX_DEPTH {
                dropped_open.push(name);
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

/// Index just past the `>` closing the tag that starts at `at` (quoted
/// attribute values may hold `>`), or the end of the input.
fn tag_end(bytes: &[u8], at: usize) -> usize {
    let mut quote = None;
    for (k, &b) in bytes.iter().enumerate().skip(at + 1) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return k + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    haystack.as_bytes().windows(n).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_under_the_cap_are_untouched() {
        let items = "<li>item".repeat(5000);
        let page = format!(
            "<!DOCTYPE html><html><head><script>if (a < b) document.write('{}')</script></head>\
             <body><div title='a > b'><ul>{items}</ul><p>one<p>two<img src=x><br/></div><!-- <div> --></body></html>",
            "<div>".repeat(1000)
        );
        assert!(matches!(cap(&page), Cow::Borrowed(_)));
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
