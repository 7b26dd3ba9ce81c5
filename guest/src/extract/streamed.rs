//! React's streaming server rendering sends a page in pieces. Where content
//! is not ready yet it writes a placeholder, `<template id="B:1">` followed
//! by a loading fallback up to `<!--/$-->`, or a bare `<template id="P:1">`;
//! the content comes later, at the end of the body, in
//! `<div hidden id="S:1">`, and an inline script call (`$RC("B:1","S:1")`,
//! `$RS("S:1","P:1")`) moves it into place. A browser runs those calls; we
//! resolve them while flattening, so content is read where the reader sees
//! it and the fallback (a skeleton, "Loading…") is not read at all.

use std::collections::{HashMap, HashSet};

use ego_tree::{NodeId, NodeRef};
use scraper::node::Node as HtmlNode;
use scraper::Html;

type Ref<'a> = NodeRef<'a, HtmlNode>;

/// The placeholders of one page and the hidden segments that fill them.
pub struct Streamed<'a> {
    /// Placeholder id ("B:1", "P:1") → the segment that replaces it.
    fills: HashMap<&'a str, Ref<'a>>,
    /// Segments some placeholder takes: not read where they sit.
    moved: HashSet<NodeId>,
}

impl<'a> Streamed<'a> {
    /// The page's streamed segments and their placeholders; None for the
    /// (usual) page that streams nothing.
    pub fn find(html: &'a Html) -> Option<Self> {
        let mut segments: HashMap<&'a str, Ref<'a>> = HashMap::new();
        let mut placeholders: Vec<(&'a str, Ref<'a>)> = Vec::new();
        let mut calls: HashMap<String, String> = HashMap::new();
        for node in html.tree.root().descendants() {
            let HtmlNode::Element(e) = node.value() else { continue };
            match (e.name(), e.attr("id")) {
                ("div", Some(id)) if e.attr("hidden").is_some() && is_segment_id(id) => {
                    segments.insert(id, node);
                }
                ("template", Some(id)) if id.starts_with("B:") || id.starts_with("P:") => placeholders.push((id, node)),
                ("script", _) => {
                    for child in node.children() {
                        if let HtmlNode::Text(t) = child.value() {
                            read_calls(&t.text, &mut calls);
                        }
                    }
                }
                _ => {}
            }
        }
        if segments.is_empty() {
            return None;
        }
        let mut fills = HashMap::new();
        let mut moved = HashSet::new();
        for (placeholder, node) in placeholders {
            // Without the calls (a page saved without its scripts) React's
            // own numbering pairs them: B:n and P:n take S:n.
            let segment = match calls.get(placeholder) {
                Some(s) => segments.get(s.as_str()),
                None if calls.is_empty() => segments.get(format!("S:{}", &placeholder[2..]).as_str()),
                None => None,
            };
            // A segment holding its own placeholder could never be placed;
            // one that two placeholders name goes to the first (a hostile
            // page must not copy a segment thousands of times).
            let Some(&segment) = segment.filter(|s| !node.ancestors().any(|a| a.id() == s.id())) else { continue };
            if moved.insert(segment.id()) {
                fills.insert(placeholder, segment);
            }
        }
        Some(Streamed { fills, moved })
    }

    /// The children of `node` as the reader gets them: placeholders
    /// replaced by their segment's children (a segment may hold further
    /// placeholders), fallbacks and moved segments left out.
    pub fn children(&self, node: Ref<'a>, out: &mut Vec<Ref<'a>>) {
        // A segment goes in once (a page that nests one in itself cannot
        // loop us), and a stack, not recursion, follows segments within
        // segments: a hostile chain of them must not exhaust the wasm stack.
        let mut placed = HashSet::new();
        let mut frames: Vec<(Vec<Ref<'a>>, usize)> = vec![(node.children().collect(), 0)];
        while let Some((siblings, next)) = frames.last_mut() {
            let Some(&child) = siblings.get(*next) else {
                frames.pop();
                continue;
            };
            *next += 1;
            if self.moved.contains(&child.id()) {
                continue;
            }
            let fill = match child.value() {
                HtmlNode::Element(e) if e.name() == "template" => e.attr("id").and_then(|id| self.fills.get(id).map(|s| (id, *s))),
                _ => None,
            };
            let Some((id, segment)) = fill else {
                out.push(child);
                continue;
            };
            if id.starts_with("B:") {
                *next = fallback_end(siblings, *next);
            }
            if placed.insert(segment.id()) {
                frames.push((segment.children().collect(), 0));
            }
        }
    }
}

/// React numbers segments in base 16: "S:0", "S:2e".
pub fn is_segment_id(id: &str) -> bool {
    id.strip_prefix("S:").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A fallback is a skeleton of a few elements. Looking no further for its
/// end keeps a page of many unclosed placeholders from costing
/// placeholders × siblings.
const FALLBACK_MAX_SIBLINGS: usize = 256;

/// Index just past the `<!--/$-->` that closes the fallback starting at
/// `start` (nested boundaries counted); `start` itself when there is none,
/// so a malformed page loses nothing.
fn fallback_end(siblings: &[Ref], start: usize) -> usize {
    let mut depth = 0usize;
    for (k, node) in siblings.iter().enumerate().skip(start).take(FALLBACK_MAX_SIBLINGS) {
        let HtmlNode::Comment(c) = node.value() else { continue };
        match &*c.comment {
            "/$" if depth == 0 => return k + 1,
            "/$" => depth -= 1,
            "$" | "$?" | "$!" => depth += 1,
            _ => {}
        }
    }
    start
}

/// Collect `$RC("B:1","S:1")` (boundary, segment) and `$RS("S:1","P:1")`
/// (segment, placeholder) calls as placeholder → segment.
fn read_calls(script: &str, calls: &mut HashMap<String, String>) {
    for (name, segment_first) in [("$RC(", false), ("$RS(", true)] {
        let mut rest = script;
        while let Some(at) = rest.find(name) {
            rest = &rest[at + name.len()..];
            // Only literal calls: the runtime's own code says `$RC(a,b)`.
            let Some(args) = rest.strip_prefix('"') else { continue };
            let Some((first, tail)) = args.split_once("\",\"") else { continue };
            let Some((second, _)) = tail.split_once('"') else { continue };
            if first.contains('"') {
                continue;
            }
            let (placeholder, segment) = if segment_first { (second, first) } else { (first, second) };
            calls.insert(placeholder.to_string(), segment.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{dom::Dom, parse};

    fn texts(html: &str) -> Vec<String> {
        let parsed = parse(html);
        let dom = Dom::new(&parsed);
        (0..dom.len()).filter_map(|i| dom.text(i)).map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect()
    }

    #[test]
    fn segments_replace_their_placeholders_and_fallbacks() {
        let page = r#"<head><script>$RC("B:0","S:0");$RS("S:1a","P:1a")</script></head><body><h1>Desk</h1><!--$?--><template id="B:0"></template><p>Loading…</p><!--/$-->
            <p>Footer</p>
            <div hidden id="S:0"><p>Specs</p><template id="P:1a"></template></div>
            <div hidden id="S:1a"><p>Dimensions</p></div></body>"#;
        assert_eq!(texts(page)[1..], ["Desk", "Specs", "Dimensions", "Footer"]);
    }

    #[test]
    fn unmatched_or_self_nested_segments_stay_put() {
        // No closing comment: nothing after the placeholder is skipped.
        // S:2 has no placeholder and stays where it is; S:3 holds its own.
        let page = r#"<body><template id="B:1"></template><p>Kept</p>
            <div hidden id="S:1"><p>Body</p></div><div hidden id="S:2"><p>Late</p></div>
            <div hidden id="S:3"><template id="P:3"></template><p>Loop</p></div></body>"#;
        assert_eq!(texts(page), ["Body", "Kept", "Late", "Loop"]);
    }

    #[test]
    fn a_long_chain_of_segments_is_followed_without_recursion() {
        // S:0 holds P:1, S:1 holds P:2, ...: each segment inside the last.
        let n = 50_000;
        let mut page = String::from("<body><template id='P:0'></template>");
        for k in 0..n {
            page += &format!("<div hidden id='S:{k:x}'><template id='P:{:x}'></template></div>", k + 1);
        }
        page += &format!("<div hidden id='S:{n:x}'><p>End of the chain</p></div></body>");
        assert_eq!(texts(&page), ["End of the chain"]);
    }

    #[test]
    fn a_segment_is_placed_once() {
        let page = format!(
            "<head><script>{}</script></head><body>{}<div hidden id='S:1'><p>Once</p></div></body>",
            (0..3).map(|k| format!("$RS(\"S:1\",\"P:{k}\");")).collect::<String>(),
            (0..3).map(|k| format!("<template id='P:{k}'></template>")).collect::<String>()
        );
        assert_eq!(texts(&page)[1..], ["Once"]);
    }

    #[test]
    fn call_arguments() {
        let mut calls = HashMap::new();
        read_calls(r#"$RC=function(b,c){$RC(b,"x")};$RC("B:2","S:5");$RS("S:7","P:7");$RC("#, &mut calls);
        assert_eq!(calls.get("B:2").map(String::as_str), Some("S:5"));
        assert_eq!(calls.get("P:7").map(String::as_str), Some("S:7"));
        assert_eq!(calls.len(), 2);
    }
}
