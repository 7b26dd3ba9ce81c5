//! A forgiving scanner of the XML that sitemaps and feeds are written in:
//! elements by their local name (`<sm:loc>` is `loc`) with their
//! attributes, and the text of leaf elements. Comments, declarations and
//! processing instructions are passed over; broken input ends quietly.
//! That is all those formats need from XML, with no parser in the tree.

use crate::extract::metadata::html_unescape as unescape;

/// One step through the document.
#[derive(Debug, PartialEq)]
pub enum Event<'x> {
    /// An element opens; `attributes` is the rest of its tag as written.
    Start { name: &'x str, attributes: &'x str, empty: bool },
    /// An element closes.
    End(&'x str),
}

pub struct Scanner<'x> {
    rest: &'x str,
    /// The elements open around the next event, outermost first.
    open: Vec<&'x str>,
    /// The element around the last one started.
    enclosing: Option<&'x str>,
}

impl<'x> Scanner<'x> {
    pub fn new(xml: &'x str) -> Self {
        Scanner { rest: xml, open: Vec::new(), enclosing: None }
    }

    /// The element around the last one started.
    pub fn parent(&self) -> Option<&'x str> {
        self.enclosing
    }

    pub fn next_event(&mut self) -> Option<Event<'x>> {
        loop {
            let at = self.rest.find('<')?;
            let rest = &self.rest[at + 1..];
            if let Some(after) = rest.strip_prefix("![CDATA[") {
                self.rest = after.find("]]>").map_or("", |end| &after[end + 3..]);
                continue;
            }
            if rest.starts_with("!--") {
                self.rest = rest.find("-->").map_or("", |end| &rest[end + 3..]);
                continue;
            }
            let tag_end = rest.find('>').unwrap_or(rest.len());
            let tag = &rest[..tag_end];
            self.rest = rest.get(tag_end + 1..).unwrap_or("");
            if tag.starts_with(['?', '!']) {
                continue;
            }
            if let Some(closing) = tag.strip_prefix('/') {
                let name = local_name(closing);
                if let Some(at) = self.open.iter().rposition(|&o| o == name) {
                    self.open.truncate(at);
                }
                return Some(Event::End(name));
            }
            let empty = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let name = local_name(tag);
            let attributes = &tag[tag.find(|c: char| c.is_ascii_whitespace()).unwrap_or(tag.len())..];
            let event = Event::Start { name, attributes, empty };
            self.enclosing = self.open.last().copied();
            if !empty {
                self.open.push(name);
            }
            return Some(event);
        }
    }

    /// The text of the element just started, up to its closing tag (which
    /// is read too), character references decoded and CDATA taken as it is.
    pub fn text(&mut self) -> String {
        let mut text = String::new();
        loop {
            if let Some(after) = self.rest.strip_prefix("<![CDATA[") {
                let end = after.find("]]>").unwrap_or(after.len());
                text.push_str(&after[..end]);
                self.rest = after.get(end + 3..).unwrap_or("");
                continue;
            }
            match self.rest.find('<') {
                Some(at) if self.rest[at..].starts_with("<![CDATA[") => {
                    text.push_str(&unescape(&self.rest[..at]));
                    self.rest = &self.rest[at..];
                }
                Some(at) => {
                    text.push_str(&unescape(&self.rest[..at]));
                    self.rest = &self.rest[at..];
                    // The closing tag (or whatever comes instead) is the
                    // next event's to read; an element's own close pops it.
                    if self.rest.starts_with("</") {
                        self.next_event();
                    }
                    return text;
                }
                None => {
                    text.push_str(&unescape(self.rest));
                    self.rest = "";
                    return text;
                }
            }
        }
    }
}

/// An element name without its namespace prefix.
fn local_name(tag: &str) -> &str {
    let name = tag.split(|c: char| c.is_ascii_whitespace() || c == '/').next().unwrap_or("");
    name.rsplit(':').next().unwrap_or(name)
}

/// The value of attribute `name` (by local name) in a tag's attributes,
/// references decoded.
pub fn attribute(attributes: &str, name: &str) -> Option<String> {
    let mut rest = attributes;
    loop {
        rest = rest.trim_start();
        let eq = rest.find('=')?;
        let key = local_name(rest[..eq].trim());
        let value = rest[eq + 1..].trim_start();
        let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
        let inner = &value[1..];
        let end = inner.find(quote).unwrap_or(inner.len());
        if key == name {
            return Some(unescape(&inner[..end]));
        }
        rest = inner.get(end + 1..).unwrap_or("");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_come_by_local_name_with_their_parents() {
        let mut scanner =
            Scanner::new("<?xml version='1.0'?><!-- x --><a:feed><entry><link href='/p?a=1&amp;b=2' rel=\"alternate\"/><title>T&lt;1</title></entry></a:feed>");
        assert_eq!(scanner.next_event(), Some(Event::Start { name: "feed", attributes: "", empty: false }));
        assert_eq!(scanner.next_event(), Some(Event::Start { name: "entry", attributes: "", empty: false }));
        let Some(Event::Start { name: "link", attributes, empty: true }) = scanner.next_event() else { panic!() };
        assert_eq!(scanner.parent(), Some("entry"));
        assert_eq!(attribute(attributes, "href").as_deref(), Some("/p?a=1&b=2"));
        assert_eq!(attribute(attributes, "rel").as_deref(), Some("alternate"));
        assert_eq!(attribute(attributes, "type"), None);
        assert!(matches!(scanner.next_event(), Some(Event::Start { name: "title", .. })));
        assert_eq!(scanner.parent(), Some("entry"));
        assert_eq!(scanner.text(), "T<1");
        assert_eq!(scanner.next_event(), Some(Event::End("entry")));
        assert_eq!(scanner.next_event(), Some(Event::End("feed")));
        assert_eq!(scanner.next_event(), None);
    }

    #[test]
    fn references_are_decoded_and_broken_input_ends_quietly() {
        let mut references = Scanner::new("<loc>a&amp;b&#38;c&#x26;d&bogus;e&</loc>");
        references.next_event();
        assert_eq!(references.text(), "a&b&c&d&bogus;e&");
        let mut cut = Scanner::new("<loc><![CDATA[https://x");
        assert!(matches!(cut.next_event(), Some(Event::Start { name: "loc", .. })));
        assert_eq!(cut.text(), "https://x");
        assert_eq!(cut.next_event(), None);
        let mut junk = Scanner::new("<<<>>><loc/><!--");
        while junk.next_event().is_some() {}
    }
}
