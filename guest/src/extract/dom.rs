//! An index-based view of the parsed page that every extraction stage shares.
//!
//! scraper/ego-tree node ids cannot index a `Vec`, and the stages need
//! per-node tables (flags, text lengths, scores). So the tree is flattened
//! once, in document (pre-)order: the subtree of node `i` is `i..end[i]`,
//! which makes bottom-up sums a single reverse loop. Strings are borrowed
//! from the parsed `Html`, never copied.

use scraper::node::Node as HtmlNode;
use scraper::Html;

use super::streamed::Streamed;

pub const NONE: usize = usize::MAX;

/// What a flattened node is.
pub enum Kind<'a> {
    Element(&'a scraper::node::Element),
    Text(&'a str),
}

pub struct Node<'a> {
    pub kind: Kind<'a>,
    /// The node in the parsed tree, for CSS selector matching.
    pub id: ego_tree::NodeId,
    pub parent: usize,
    /// One past the last node of this subtree.
    pub end: usize,
    pub children: Vec<usize>,
}

pub struct Dom<'a> {
    pub nodes: Vec<Node<'a>>,
    /// Index of `<html>` (0 when the document has nodes at all).
    pub root: usize,
}

/// How far up a permalink's target may be from the link.
const SELF_LINK_MAX_LEVELS: usize = 3;
/// Marks that permalink anchors show beside a heading.
const PERMALINK_MARKS: &[&str] = &["¶", "§", "#", "🔗", "⚓", "⚓︎"];
/// A permalink is the `<a>`, its mark and maybe an icon wrapper.
const PERMALINK_MAX_NODES: usize = 4;

impl<'a> Dom<'a> {
    /// Flatten the elements and text nodes of `html` (comments, doctypes and
    /// processing instructions are dropped).
    pub fn new(html: &'a Html) -> Self {
        let mut nodes: Vec<Node<'a>> = Vec::with_capacity(1024);
        // Iterative DFS: (ego node, parent index); deep pages must not
        // overflow the wasm stack.
        let mut stack = Vec::with_capacity(64);
        let streamed = Streamed::find(html);
        let mut children = Vec::new();
        let mut push_children = |node, parent, stack: &mut Vec<_>| {
            match &streamed {
                Some(s) => s.children(node, &mut children),
                None => children.extend(node.children()),
            }
            stack.extend(children.drain(..).rev().map(|child| (child, parent)));
        };
        push_children(html.tree.root(), NONE, &mut stack);
        let mut open: Vec<usize> = Vec::new();
        while let Some((node, parent)) = stack.pop() {
            // Close the subtrees that ended before this node.
            while let Some(&top) = open.last() {
                if top == parent {
                    break;
                }
                nodes[top].end = nodes.len();
                open.pop();
            }
            let kind = match node.value() {
                HtmlNode::Element(e) => Kind::Element(e),
                HtmlNode::Text(t) => Kind::Text(&t.text),
                _ => continue,
            };
            let index = nodes.len();
            let is_element = matches!(kind, Kind::Element(_));
            nodes.push(Node { kind, id: node.id(), parent, end: index + 1, children: Vec::new() });
            if parent != NONE {
                nodes[parent].children.push(index);
            }
            if is_element {
                open.push(index);
                push_children(node, index, &mut stack);
            }
        }
        let len = nodes.len();
        for i in open {
            nodes[i].end = len;
        }
        let root = nodes.iter().position(|n| matches!(n.kind, Kind::Element(e) if e.name() == "html")).unwrap_or(0);
        Dom { nodes, root }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Lower-case tag name, or "" for text.
    pub fn tag(&self, i: usize) -> &'a str {
        match self.nodes[i].kind {
            Kind::Element(e) => e.name(),
            Kind::Text(_) => "",
        }
    }

    pub fn element(&self, i: usize) -> Option<&'a scraper::node::Element> {
        match self.nodes[i].kind {
            Kind::Element(e) => Some(e),
            Kind::Text(_) => None,
        }
    }

    pub fn attr(&self, i: usize, name: &str) -> Option<&'a str> {
        self.element(i).and_then(|e| e.attr(name))
    }

    pub fn text(&self, i: usize) -> Option<&'a str> {
        match self.nodes[i].kind {
            Kind::Text(t) => Some(t),
            Kind::Element(_) => None,
        }
    }

    /// First element with this tag, in document order.
    pub fn find(&self, tag: &str) -> Option<usize> {
        (0..self.len()).find(|&i| self.tag(i) == tag)
    }

    /// All elements with this tag inside the subtree of `within` (inclusive).
    pub fn find_all_in<'s>(&'s self, within: usize, tag: &'s str) -> impl Iterator<Item = usize> + 's {
        (within..self.nodes[within].end).filter(move |&i| self.tag(i) == tag)
    }

    /// A `<main>` element or an ARIA `main` landmark.
    pub fn is_main_landmark(&self, i: usize) -> bool {
        self.tag(i) == "main" || self.attr(i, "role") == Some("main")
    }

    /// Whether a class token or the id of element `i` has one of `words`
    /// (lowercase) among its `-`/`_`-separated words: "accordion__panel",
    /// "onetrust-consent-sdk".
    pub fn has_class_word(&self, i: usize, words: &[&str]) -> bool {
        self.element(i).is_some_and(|e| class_and_id(e).any(|token| token.to_ascii_lowercase().split(['-', '_']).any(|w| words.contains(&w))))
    }

    /// The ancestors of node `i`, nearest first.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let up = |j: usize| Some(self.nodes[j].parent).filter(|&p| p != NONE);
        std::iter::successors(up(i), move |&j| up(j))
    }

    /// The siblings before node `i`, nearest first. Children are kept in
    /// document order, so `i` is found by bisection: a parent with many
    /// children costs no scan per child.
    pub fn previous_siblings(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let parent = self.nodes[i].parent;
        let siblings: &[usize] = if parent == NONE { &[] } else { &self.nodes[parent].children };
        let before = siblings.binary_search(&i).unwrap_or(0);
        siblings[..before].iter().rev().copied()
    }

    /// The next element after node `i` among its siblings, past
    /// whitespace; none when text or nothing comes next.
    pub fn next_element_sibling(&self, i: usize) -> Option<usize> {
        let parent = self.nodes[i].parent;
        let siblings: &[usize] = if parent == NONE { &[] } else { &self.nodes[parent].children };
        let at = siblings.binary_search(&i).ok()?;
        siblings[at + 1..].iter().copied().find(|&c| self.text(c).is_none_or(|t| !t.trim().is_empty())).filter(|&c| self.element(c).is_some())
    }

    /// Node `i`, then its ancestors.
    pub fn self_and_ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(i).chain(self.ancestors(i))
    }

    /// `marked` extended to every ancestor of a marked node: whether each
    /// subtree holds one.
    pub fn with_ancestors(&self, mut marked: Vec<bool>) -> Vec<bool> {
        for i in (0..self.len()).rev() {
            let parent = self.nodes[i].parent;
            if parent != NONE && marked[i] {
                marked[parent] = true;
            }
        }
        marked
    }

    /// For each node, whether it or an ancestor is an element `is`
    /// accepts: the mirror of `with_ancestors`. One pass in document order
    /// (a parent comes before its children), so deep nesting costs no walk
    /// up per node.
    pub fn within(&self, is: impl Fn(usize) -> bool) -> Vec<bool> {
        let mut inside = vec![false; self.len()];
        for i in 0..self.len() {
            let parent = self.nodes[i].parent;
            inside[i] = is(i) || (parent != NONE && inside[parent]);
        }
        inside
    }

    /// Whether `ancestor` contains `i` (or is `i`).
    pub fn contains(&self, ancestor: usize, i: usize) -> bool {
        ancestor <= i && i < self.nodes[ancestor].end
    }

    /// Text a reader sees in a subtree, whitespace collapsed to single
    /// spaces: `<br>` and block elements separate words ("Data<br>Agency"),
    /// inline `<style>`/`<script>` (CSS-in-JS headings) are left out.
    pub fn collapsed_text(&self, i: usize) -> String {
        self.text_leaving_out(i, false)
    }

    /// A heading's text as a title: `collapsed_text` without the controls
    /// inside it (rustdoc's "Copy item path" `<button>` in its `<h1>`) or
    /// the date badge a blog theme sets before the headline (`<h1><time>Dec
    /// 18 2025</time> Preparing a transition</h1>`).
    pub fn heading_text(&self, i: usize) -> String {
        self.text_leaving_out(i, true)
    }

    fn text_leaving_out(&self, i: usize, controls: bool) -> String {
        let mut out = String::new();
        let left_out = |j: usize| (controls && matches!(self.tag(j), "button" | "time")) || self.is_permalink_mark(j);
        for j in self.shown_nodes(i, left_out) {
            match self.nodes[j].kind {
                Kind::Text(t) => push_collapsed(&mut out, t),
                Kind::Element(e) => {
                    if matches!(e.name(), "br" | "p" | "div" | "li" | "td" | "th" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                        push_collapsed(&mut out, " ");
                    }
                }
            }
        }
        out.trim().to_string()
    }

    /// The nodes of `i`'s subtree in document order, leaving out the
    /// subtrees of scripts, styles and templates inside it (CSS-in-JS puts a
    /// `<style>` in headings and code) and of the elements `left_out` names.
    pub fn shown_nodes<'s>(&'s self, i: usize, left_out: impl Fn(usize) -> bool + 's) -> impl Iterator<Item = usize> + 's {
        let mut j = i;
        std::iter::from_fn(move || {
            while j < self.nodes[i].end {
                let at = j;
                if at != i && (matches!(self.tag(at), "script" | "style" | "template") || left_out(at)) {
                    j = self.nodes[at].end;
                    continue;
                }
                j += 1;
                return Some(at);
            }
            None
        })
    }

    /// A heading's permalink: a link to a fragment of this page that shows
    /// only a mark (Sphinx's `¶`, rustdoc's `§`, a `#`). It decorates the
    /// heading and is no part of its text.
    pub fn is_permalink_mark(&self, i: usize) -> bool {
        self.tag(i) == "a"
            && self.attr(i, "href").is_some_and(|h| h.starts_with('#'))
            && self.nodes[i].end - i <= PERMALINK_MAX_NODES
            && PERMALINK_MARKS.contains(&self.collapsed_text(i).as_str())
    }

    /// A link to the element it sits in (`<dt id="align"><a href="#align">`):
    /// a permalink wrapping a term or a heading, whose text is the page's
    /// own, not a way elsewhere. A table of contents links to other ids.
    pub fn links_to_itself(&self, i: usize) -> bool {
        let Some(target) = self.attr(i, "href").and_then(|h| h.strip_prefix('#')).filter(|t| !t.is_empty()) else { return false };
        // A carousel's "Previous" points at the carousel: a control, marked as a button.
        self.tag(i) == "a"
            && self.attr(i, "role") != Some("button")
            && self.ancestors(i).take(SELF_LINK_MAX_LEVELS).any(|at| self.attr(at, "id") == Some(target))
    }

    /// Text content of a subtree exactly as written (a JSON-LD `<script>`'s
    /// text), without the scripts and styles inside it. Code blocks have
    /// their own reading, which also tracks lines (`render::code::code_text`).
    pub fn raw_text(&self, i: usize) -> String {
        let mut out = String::new();
        for j in self.shown_nodes(i, |_| false) {
            if self.tag(j) == "br" {
                out.push('\n');
            } else if let Some(t) = self.text(j) {
                out.push_str(t);
            }
        }
        out
    }
}

/// Append `text` to `out` with runs of whitespace collapsed to one space,
/// never starting a space after an existing one.
pub fn push_collapsed(out: &mut String, text: &str) {
    for ch in text.chars() {
        if ch.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') && !out.ends_with('\n') {
                out.push(' ');
            }
        } else {
            out.push(ch);
        }
    }
}

/// The class tokens and the id of an element, as written (empty ones left
/// out): what class-word rules look at.
pub fn class_and_id(e: &scraper::node::Element) -> impl Iterator<Item = &str> {
    e.attr("class").unwrap_or("").split_ascii_whitespace().chain(e.attr("id")).filter(|t| !t.is_empty())
}

/// `text` lowercased with a space before each capital that follows
/// something: an identifier's camelCase humps as words
/// (`DanglingCombinator` -> "dangling combinator").
pub fn split_humps(text: &str) -> String {
    let mut words = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        if c.is_ascii_uppercase() && !words.is_empty() {
            words.push(' ');
        }
        words.push(c.to_ascii_lowercase());
    }
    words
}

/// The runs of letters and digits in `text`, punctuation and spaces between.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// Collapse whitespace and trim.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_collapsed(&mut out, text);
    let trimmed = out.trim_end();
    trimmed.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattens_in_document_order_with_subtree_ranges() {
        let html = Html::parse_document("<html><body><div><p>a<b>b</b></p><p>c</p></div><!-- x --><span>d</span></body></html>");
        let dom = Dom::new(&html);
        let div = dom.find("div").unwrap();
        let tags: Vec<&str> = (div..dom.nodes[div].end).map(|i| dom.tag(i)).collect();
        assert_eq!(tags, vec!["div", "p", "", "b", "", "p", ""]);
        assert_eq!(dom.collapsed_text(div), "ab c");
        let span = dom.find("span").unwrap();
        assert!(!dom.contains(div, span));
        assert_eq!(dom.tag(dom.nodes[span].parent), "body");
        assert_eq!(dom.tag(dom.root), "html");
    }

    #[test]
    fn visible_text_separates_lines_and_skips_styles() {
        let html = Html::parse_document("<h1>Data<br>Agency<style>.x{color:red}</style></h1>");
        let dom = Dom::new(&html);
        assert_eq!(dom.collapsed_text(dom.find("h1").unwrap()), "Data Agency");
    }

    #[test]
    fn heading_permalinks_are_not_heading_text() {
        let html = Html::parse_document(
            "<h1>Middleware<a class='headerlink' href='#middleware'>¶</a></h1><h2>C<a href='#c-sharp'>#</a></h2><p><a href='#notes'>Notes</a></p>",
        );
        let dom = Dom::new(&html);
        assert_eq!(dom.collapsed_text(dom.find("h1").unwrap()), "Middleware");
        assert_eq!(dom.collapsed_text(dom.find("p").unwrap()), "Notes");
        let links: Vec<bool> = (0..dom.len()).filter(|&i| dom.tag(i) == "a").map(|i| dom.is_permalink_mark(i)).collect();
        assert_eq!(links, [true, true, false]);
    }

    #[test]
    fn a_heading_as_a_title_leaves_out_its_buttons_and_date_badge() {
        let html = Html::parse_document("<h1>Crate <span>tokio</span>&nbsp;<button id='copy-path'>Copy item path</button></h1>");
        let dom = Dom::new(&html);
        let h1 = dom.find("h1").unwrap();
        assert_eq!(dom.heading_text(h1), "Crate tokio");
        assert_eq!(dom.collapsed_text(h1), "Crate tokio Copy item path");
        let html = Html::parse_document("<h1><a href='/p'><time datetime='2025-12-18'>Dec <span>18</span> 2025</time> Preparing a transition</a></h1>");
        let dom = Dom::new(&html);
        assert_eq!(dom.heading_text(dom.find("h1").unwrap()), "Preparing a transition");
    }

    #[test]
    fn ancestors_run_nearest_first_up_to_the_root() {
        let html = Html::parse_document("<div id='a'><p id='b'><b>x</b></p><s>1</s><u>2</u><i>3</i></div>");
        let dom = Dom::new(&html);
        let b = dom.find("b").unwrap();
        let names: Vec<&str> = dom.self_and_ancestors(b).map(|i| dom.attr(i, "id").unwrap_or(dom.tag(i))).collect();
        assert_eq!(names, ["b", "b", "a", "body", "html"]);
        assert_eq!(dom.ancestors(dom.root).count(), 0);
        let before: Vec<&str> = dom.previous_siblings(dom.find("i").unwrap()).map(|j| dom.tag(j)).collect();
        assert_eq!(before, ["u", "s", "p"]);
        assert_eq!(dom.previous_siblings(dom.find("p").unwrap()).count(), 0);
        assert_eq!(dom.previous_siblings(dom.root).count(), 0);
    }

    #[test]
    fn collapses_whitespace() {
        assert_eq!(collapse("  a \n\t b  "), "a b");
    }
}
