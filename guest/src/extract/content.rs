//! Stages 2–4 of the cascade: split the page into text blocks, judge each
//! block, and choose the region that holds the main content.
//!
//! The region is weighed mostly by prose, but short non-link text (prices,
//! specs, item titles) counts a quarter as much, so a product page or a
//! listing is not won by its one newsletter blurb. A page's single `<main>`
//! landmark bounds the search when it holds a fair share of that weight.
//!
//! A *block* is the text owned by the nearest block-level element (a `<p>`,
//! an `<li>`, a `<div>` with loose text...). Each block gets a verdict from
//! its length and link density. The main region is the deepest element that
//! still holds most of the page's good text: for an article that is the
//! article body; for a listing, a forum thread or a product page whose text
//! is spread over many boxes it is their common container, so every item
//! or post is kept; an introduction in a box of its own just before that
//! element (a summary above the body) widens it to their parent. Inside
//! the region, bad blocks (link-dense paragraphs, menus) are skipped by the
//! renderer, except list items: a list of links inside the content is the
//! page's own (prerequisites, resources, items).

use super::clean::Drop;
use super::dom::{Dom, NONE};
use super::introduction::introduction;
use crate::model::{ExtractOptions, Focus};

/// Elements that start a new text block.
pub fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "li"
            | "td"
            | "th"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "pre"
            | "blockquote"
            | "dd"
            | "dt"
            | "dl"
            | "figcaption"
            | "caption"
            | "header"
            | "address"
            | "details"
            | "summary"
            | "fieldset"
            | "ul"
            | "ol"
            | "table"
            | "tr"
            | "tbody"
            | "thead"
            | "tfoot"
            | "figure"
            | "center"
            | "body"
            | "html"
            | "hgroup"
            | "legend"
            | "form"
            | "nav"
            | "footer"
            | "aside"
    )
}

pub fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// A block at least this long (chars) with little link text is good content.
const GOOD_BLOCK_CHARS: u32 = 80;
/// Shorter blocks still count as good when they read like a sentence.
const SENTENCE_BLOCK_CHARS: u32 = 40;
/// Link-text share above which a block is navigation, per focus.
const MAX_LINK_DENSITY: [f32; 3] = [0.5, 0.35, 0.7];
/// Links this long (chars, on average) are headlines of listed items, not
/// menu entries: a block of one or two of them is kept (not in precision).
const HEADLINE_LINK_CHARS: u32 = 30;
/// Link-text share a good block may have.
const GOOD_LINK_DENSITY: f32 = 0.3;
/// Share of the page's good text the main region must keep, per focus.
/// Higher keeps more of the page (recall); lower digs deeper (precision).
const REGION_COVERAGE: [f32; 3] = [0.75, 0.65, 0.9];

/// Share of the good text a `<main>` landmark must hold to be trusted.
const MAIN_MIN_SHARE: f32 = 0.3;

/// Short text counts 1/this as much as prose when choosing the region.
const SHORT_WEIGHT_DIV: u32 = 4;

fn focus_index(focus: Focus) -> usize {
    match focus {
        Focus::Balanced => 0,
        Focus::Precision => 1,
        Focus::Recall => 2,
    }
}

/// What a block is worth.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Verdict {
    /// Not a block owner, or no text.
    None,
    /// Long prose-like text: main content.
    Good,
    /// Short text (labels, headings, bylines): kept inside the region.
    Short,
    /// Link lists, menus: skipped.
    Bad,
}

/// The outcome of stages 2–4.
pub struct Analysis {
    /// The chosen main region (an element index).
    pub region: usize,
    /// Verdict per node; meaningful for block owners.
    pub verdict: Vec<Verdict>,
    /// Characters of kept (not dropped) text per subtree.
    pub text_len: Vec<u32>,
    /// Characters of kept link text per subtree.
    pub link_len: Vec<u32>,
    /// Prose between the headline and the region (see `introduction`),
    /// rendered before it; none in precision focus, none until
    /// `find_introduction`.
    pub lead: Vec<usize>,
    /// Comment sections after the region, rendered after it when comments
    /// are wanted (see `clean::comment_sections`).
    pub comments: Vec<usize>,
    /// The caller named the region (a target selector): none of it is
    /// judged away, neither link lists nor a related-links section.
    pub named: bool,
}

/// Judge the blocks and choose the region. The introduction is left to
/// `find_introduction`, once the page is judged for good (it may be judged
/// again with other drops).
pub fn analyse(dom: &Dom, drop: &[Drop], options: &ExtractOptions) -> Analysis {
    let m = measure_blocks(dom, drop);
    let verdict = judge_blocks(dom, drop, &m, options.focus);
    let good = good_weight(dom, &m, &verdict);
    let region = choose_region(dom, drop, &m, &verdict, &good, options.focus);
    Analysis::of(region, verdict, m)
}

/// `analyse` around a region chosen already (with comments wanted, the
/// one chosen without them).
pub fn analyse_region(dom: &Dom, drop: &[Drop], options: &ExtractOptions, region: usize) -> Analysis {
    let m = measure_blocks(dom, drop);
    let verdict = judge_blocks(dom, drop, &m, options.focus);
    Analysis::of(region, verdict, m)
}

impl Analysis {
    /// The region and the page's judged blocks; no introduction or
    /// comments yet.
    fn of(region: usize, verdict: Vec<Verdict>, m: Measures) -> Analysis {
        Analysis { region, verdict, text_len: m.text_len, link_len: m.link_len, lead: Vec::new(), comments: Vec::new(), named: false }
    }

    /// Mark the region as the caller's: every block of it is kept,
    /// however link-heavy (see `named`).
    pub fn name_region(&mut self, dom: &Dom) {
        self.named = true;
        for verdict in &mut self.verdict[self.region..dom.nodes[self.region].end] {
            if *verdict == Verdict::Bad {
                *verdict = Verdict::Short;
            }
        }
    }

    /// The prose between the headline and the region, for `drop`, the drops
    /// this analysis was made with.
    pub fn find_introduction(&mut self, dom: &Dom, drop: &[Drop], options: &ExtractOptions) {
        // An introduction is left out more often than the body's doubtful
        // blocks are: precision goes without it.
        if options.focus != Focus::Precision {
            self.lead = introduction(dom, drop, self.region, &self.verdict);
        }
    }
}

/// Stage 2: the text of each block and of each subtree.
struct Measures {
    /// Kept chars owned by each block (its own text, not its inner blocks').
    own_len: Vec<u32>,
    /// Of those, chars inside links (card links excepted).
    own_link: Vec<u32>,
    /// Links each block owns.
    own_links: Vec<u32>,
    /// Sentence punctuation each block owns.
    own_punct: Vec<u32>,
    /// Whether a node sits inside a link.
    in_link: Vec<bool>,
    /// Kept chars per subtree.
    text_len: Vec<u32>,
    /// Kept link chars per subtree.
    link_len: Vec<u32>,
}

fn measure_blocks(dom: &Dom, drop: &[Drop]) -> Measures {
    let n = dom.len();
    let card = card_links(dom, drop);
    // Block owner of every node and whether it sits inside a link.
    let mut owner = vec![NONE; n];
    let mut in_link = vec![false; n];
    let mut own_links = vec![0u32; n];
    for i in 0..n {
        let parent = dom.nodes[i].parent;
        let tag = dom.tag(i);
        owner[i] = if !tag.is_empty() && is_block_tag(tag) {
            i
        } else if parent != NONE {
            owner[parent]
        } else {
            NONE
        };
        // A permalink's text is the page's own (see `links_to_itself`).
        let counts_as_link = tag == "a" && !dom.links_to_itself(i);
        in_link[i] = (counts_as_link && !card[i]) || (parent != NONE && in_link[parent]);
        if counts_as_link && drop[i] == Drop::Keep && owner[i] != NONE {
            own_links[owner[i]] += 1;
        }
    }

    // Per-block text, link text and punctuation; per-subtree totals.
    let mut own_len = vec![0u32; n];
    let mut own_link = vec![0u32; n];
    let mut own_punct = vec![0u32; n];
    let mut text_len = vec![0u32; n];
    let mut link_len = vec![0u32; n];
    for i in 0..n {
        if drop[i] != Drop::Keep {
            continue;
        }
        let Some(t) = dom.text(i) else { continue };
        let len = visible_len(t);
        if len == 0 {
            continue;
        }
        let o = owner[i];
        if o == NONE {
            continue;
        }
        own_len[o] += len;
        own_punct[o] += t.chars().filter(|c| matches!(c, '.' | ',' | '!' | '?' | ';' | ':' | '。' | '،')).count() as u32;
        text_len[i] = len;
        if in_link[i] {
            own_link[o] += len;
            link_len[i] = len;
        }
    }
    for i in (0..n).rev() {
        let parent = dom.nodes[i].parent;
        if parent != NONE && drop[i] == Drop::Keep {
            text_len[parent] += text_len[i];
            link_len[parent] += link_len[i];
        }
    }
    Measures { own_len, own_link, own_links, own_punct, in_link, text_len, link_len }
}

/// Stage 3: a verdict per block, from its length, punctuation and link
/// density.
fn judge_blocks(dom: &Dom, drop: &[Drop], m: &Measures, focus: Focus) -> Vec<Verdict> {
    let mut verdict = vec![Verdict::None; dom.len()];
    for (i, v) in verdict.iter_mut().enumerate() {
        if m.own_len[i] == 0 || drop[i] != Drop::Keep {
            continue;
        }
        let density = m.own_link[i] as f32 / m.own_len[i] as f32;
        let tag = dom.tag(i);
        // A block inside a link (a card's title row) is one link's text.
        let links = if m.in_link[i] && m.own_links[i] == 0 { 1 } else { m.own_links[i] };
        let headline_links = links > 0 && m.own_link[i] / links >= HEADLINE_LINK_CHARS && focus != Focus::Precision;
        *v = if is_heading(tag) || (headline_links && links <= 2) {
            Verdict::Short
        } else if density > MAX_LINK_DENSITY[focus_index(focus)] {
            Verdict::Bad
        } else if density <= GOOD_LINK_DENSITY && (m.own_len[i] >= GOOD_BLOCK_CHARS || (m.own_len[i] >= SENTENCE_BLOCK_CHARS && m.own_punct[i] >= 1)) {
            Verdict::Good
        } else {
            Verdict::Short
        };
    }
    verdict
}

/// Stage 4a: good text per subtree, prose weighing `SHORT_WEIGHT_DIV`
/// times as much as short text and link text in short blocks half.
fn good_weight(dom: &Dom, m: &Measures, verdict: &[Verdict]) -> Vec<u64> {
    let mut good = vec![0u64; dom.len()];
    for i in (0..dom.len()).rev() {
        match verdict[i] {
            Verdict::Good => good[i] += ((m.own_len[i] - m.own_link[i]) * SHORT_WEIGHT_DIV) as u64,
            Verdict::Short => good[i] += (m.own_len[i] - m.own_link[i] + m.own_link[i] / 2) as u64,
            _ => {}
        }
        let parent = dom.nodes[i].parent;
        if parent != NONE {
            good[parent] += good[i];
        }
    }
    good
}

/// Stage 4b: the deepest container that keeps `REGION_COVERAGE` of the
/// good text (never leaving out a Q&A page's question), widened to an
/// introduction before it or a headline beside it.
fn choose_region(dom: &Dom, drop: &[Drop], m: &Measures, verdict: &[Verdict], good: &[u64], focus: Focus) -> usize {
    let body = dom.find("body").unwrap_or(dom.root);
    let body = main_landmark(dom, drop, body, good).unwrap_or(body);
    if good.get(body).copied().unwrap_or(0) == 0 {
        return fallback_region(dom, drop, body, &m.text_len);
    }
    let need = (good[body] as f32 * REGION_COVERAGE[focus_index(focus)]) as u64;
    // The question's first good block (its answers may be nested in it).
    let question = the_question(dom).and_then(|q| (q..dom.nodes[q].end).find(|&i| verdict[i] == Verdict::Good && drop[i] == Drop::Keep));
    let mut at = body;
    'descend: loop {
        for &c in &dom.nodes[at].children {
            let keeps_question = question.is_none_or(|q| !dom.contains(at, q) || dom.contains(c, q));
            if good[c] >= need && drop[c] == Drop::Keep && is_container(dom.tag(c)) && keeps_question && !is_one_section_of_many(dom, drop, good, at, c) {
                at = c;
                continue 'descend;
            }
        }
        break;
    }
    // A table's body is its rows without their header: the region is the
    // table, so a data table is written as one, header and all.
    let at = if dom.tag(at) == "tbody" && dom.tag(dom.nodes[at].parent) == "table" { dom.nodes[at].parent } else { at };
    let at = with_intro_before(dom, drop, at, body, verdict, &m.text_len, &m.link_len);
    with_headline_beside(dom, drop, at, verdict, &m.text_len, &m.link_len)
}

/// Whether `child`, a `<section>` under a heading, has a sibling section
/// under a heading with a fair share of its good text: the chapters of one
/// document (Node.js's API pages, one section per class), the region their
/// parent. Only sections opened by a heading count: a page's other bands
/// (a hero, a newsletter form) are sections too.
fn is_one_section_of_many(dom: &Dom, drop: &[Drop], good: &[u64], parent: usize, child: usize) -> bool {
    // Empty anchors (`<span id="id1"></span>`) before the heading do not count.
    let shows_text = |k: usize| (k..dom.nodes[k].end).any(|j| dom.text(j).is_some_and(|t| !t.trim().is_empty()));
    let opens_with_heading =
        |i: usize| dom.nodes[i].children.iter().find(|&&k| !dom.tag(k).is_empty() && shows_text(k)).is_some_and(|&k| is_heading(dom.tag(k)));
    let is_chapter = |i: usize| dom.tag(i) == "section" && drop[i] == Drop::Keep && opens_with_heading(i);
    is_chapter(child)
        && dom.nodes[parent].children.iter().any(|&o| o != child && is_chapter(o) && good[o] > 0 && good[o] * SECTION_MIN_SHARE_DIV >= good[child])
}

/// A sibling chapter holds at least 1/this of the chosen one's good text.
const SECTION_MIN_SHARE_DIV: u64 = 20;

/// A summary paragraph this long (chars of non-link text) beside the
/// headline makes the headline's block part of the content.
const SUMMARY_MIN_CHARS: u32 = 150;

/// The region widened to its `<main>` parent when the only other thing in
/// that `<main>` is a header holding the page's `<h1>` and a summary
/// paragraph: MDN lays out its reference pages as a `layout__header`
/// (title and summary) beside a `layout__body`, and the summary is the
/// page's first paragraph. A header with only a byline or a date, or a
/// `<main>` that also holds other prose (related posts), leaves the
/// region as it is.
fn with_headline_beside(dom: &Dom, drop: &[Drop], region: usize, verdict: &[Verdict], text_len: &[u32], link_len: &[u32]) -> usize {
    let parent = dom.nodes[region].parent;
    if parent == NONE || dom.tag(parent) != "main" || drop[parent] != Drop::Keep {
        return region;
    }
    let Some(h1) = (0..dom.len()).find(|&i| dom.tag(i) == "h1" && drop[i] == Drop::Keep) else { return region };
    if dom.contains(region, h1) || !dom.contains(parent, h1) {
        return region;
    }
    let kept_good = |j: usize| verdict[j] == Verdict::Good && drop[j] == Drop::Keep;
    let summary_beside =
        (parent..dom.nodes[parent].end).any(|j| !dom.contains(region, j) && kept_good(j) && text_len[j].saturating_sub(link_len[j]) >= SUMMARY_MIN_CHARS);
    let only_the_header_beside =
        dom.nodes[parent].children.iter().all(|&c| c == region || drop[c] != Drop::Keep || dom.contains(c, h1) || !(c..dom.nodes[c].end).any(kept_good));
    if summary_beside && only_the_header_beside {
        parent
    } else {
        region
    }
}

/// Blocks of text a link must wrap to be a card (title, meta line...).
const CARD_MIN_BLOCKS: u32 = 2;

/// Links that wrap a whole item card (`<a><h3>Title</h3><p>Company</p></a>`):
/// their text is the listed item, not navigation, so it does not count as
/// link text. A menu entry wraps one label.
fn card_links(dom: &Dom, drop: &[Drop]) -> Vec<bool> {
    let n = dom.len();
    // Block elements with their own text, per subtree.
    let mut text_blocks = vec![0u32; n];
    for i in (0..n).rev() {
        let tag = dom.tag(i);
        if drop[i] != Drop::Keep {
            continue;
        }
        if !tag.is_empty() && is_block_tag(tag) && dom.nodes[i].children.iter().any(|&c| dom.text(c).is_some_and(|t| !t.trim().is_empty())) {
            text_blocks[i] += 1;
        }
        let parent = dom.nodes[i].parent;
        if parent != NONE {
            text_blocks[parent] += text_blocks[i];
        }
    }
    (0..n).map(|i| dom.tag(i) == "a" && text_blocks[i] >= CARD_MIN_BLOCKS).collect()
}

/// The question of a Q&A page: the one element marked up as a schema.org
/// `Question` (an FAQ marks up many). Its answers may outweigh it, but
/// the region must not leave its text out.
fn the_question(dom: &Dom) -> Option<usize> {
    let mut questions = (0..dom.len()).filter(|&i| {
        dom.attr(i, "itemtype").is_some_and(|t| {
            let t = t.trim();
            t.strip_prefix("https://").or_else(|| t.strip_prefix("http://")).is_some_and(|rest| rest.trim_end_matches('/') == "schema.org/Question")
        })
    });
    let first = questions.next()?;
    questions.next().is_none().then_some(first)
}

/// Prose (chars of non-link text in good blocks) an introduction before the
/// region must hold to join it.
const INTRO_MIN_CHARS: u32 = 150;
/// Share of the introduction's text that must be such prose: a summary,
/// not a byline, a share bar or a gallery.
const INTRO_PROSE_SHARE: f32 = 0.7;

/// The region widened to its parent when what the parent adds is an
/// introduction before it: prose in a box of its own ("summary" above the
/// "articletext" that won), with no good block after the region to pull
/// in related posts or comments with it.
fn with_intro_before(dom: &Dom, drop: &[Drop], region: usize, body: usize, verdict: &[Verdict], text_len: &[u32], link_len: &[u32]) -> usize {
    let parent = dom.nodes[region].parent;
    if region == body || parent == NONE || drop[parent] != Drop::Keep || !is_container(dom.tag(parent)) {
        return region;
    }
    // Kept text, link text and good prose of the parent's children in `range`.
    let measure = |range: std::ops::Range<usize>| {
        let (mut prose, mut text, mut links) = (0, 0, 0);
        for &c in dom.nodes[parent].children.iter().filter(|&&c| range.contains(&c) && drop[c] == Drop::Keep) {
            text += text_len[c];
            links += link_len[c];
            prose += good_blocks(dom, drop, verdict, c..dom.nodes[c].end).map(|j| text_len[j].saturating_sub(link_len[j])).sum::<u32>();
        }
        (prose, text, links)
    };
    let (prose_after, _, _) = measure(dom.nodes[region].end..dom.nodes[parent].end);
    let (prose, text, links) = measure(parent..region);
    let is_intro =
        prose >= INTRO_MIN_CHARS && prose as f32 >= INTRO_PROSE_SHARE * text.saturating_sub(links) as f32 && links as f32 <= GOOD_LINK_DENSITY * text as f32;
    if prose_after == 0 && is_intro {
        parent
    } else {
        region
    }
}

/// The outermost kept good blocks lying wholly within the nodes `range`,
/// in document order: a good block's inner blocks are part of its text,
/// not more blocks.
pub fn good_blocks<'a>(dom: &'a Dom, drop: &'a [Drop], verdict: &'a [Verdict], range: std::ops::Range<usize>) -> impl Iterator<Item = usize> + 'a {
    let mut i = range.start;
    std::iter::from_fn(move || {
        while i < range.end {
            let block = i;
            if verdict[block] == Verdict::Good && drop[block] == Drop::Keep && dom.nodes[block].end <= range.end {
                i = dom.nodes[block].end;
                return Some(block);
            }
            i += 1;
        }
        None
    })
}

/// Elements the region may be: a paragraph, heading or list item is a
/// block of the content, never the whole of it (its heading would be lost).
fn is_container(tag: &str) -> bool {
    matches!(tag, "div" | "section" | "article" | "main" | "ul" | "ol" | "dl" | "table" | "tbody" | "center" | "span" | "font" | "form")
}

/// The page's one `<main>` landmark when it holds a fair share of the good
/// text: the content is inside it, whatever prose the page has elsewhere.
fn main_landmark(dom: &Dom, drop: &[Drop], body: usize, good: &[u64]) -> Option<usize> {
    let end = dom.nodes.get(body)?.end;
    let mut mains = (body..end).filter(|&i| drop[i] == Drop::Keep && dom.is_main_landmark(i));
    let m = mains.next()?;
    if mains.next().is_some() {
        return None;
    }
    (good[m] as f32 >= good[body] as f32 * MAIN_MIN_SHARE).then_some(m)
}

/// When no block reads like prose (galleries, pages of short items), use the
/// page's own `<main>` landmark or, failing that, the body.
fn fallback_region(dom: &Dom, drop: &[Drop], body: usize, text_len: &[u32]) -> usize {
    (body..dom.nodes.get(body).map_or(body, |n| n.end))
        .filter(|&i| drop[i] == Drop::Keep)
        .find(|&i| dom.is_main_landmark(i))
        .filter(|&m| text_len[m] > 0)
        .unwrap_or(body)
}

/// Characters of `text` once whitespace is collapsed (leading/trailing
/// whitespace not counted; inner runs count as one).
pub fn visible_len(text: &str) -> u32 {
    let mut len = 0u32;
    let mut space = false;
    for ch in text.trim().chars() {
        if ch.is_whitespace() {
            space = true;
        } else {
            if space {
                len += 1;
                space = false;
            }
            len += 1;
        }
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::clean::classify;
    use scraper::Html;

    fn region_of(html: &str) -> String {
        let html = Html::parse_document(html);
        let dom = Dom::new(&html);
        let options = ExtractOptions::default();
        let drop = classify(&dom, &options, false);
        let a = analyse(&dom, &drop, &options);
        dom.attr(a.region, "id").unwrap_or(dom.tag(a.region)).to_string()
    }

    const PROSE: &str = "This is a long paragraph of real prose, with commas, full stops and enough words to count as content.";

    #[test]
    fn a_question_outweighed_by_its_answers_stays_in() {
        let answers = format!("<div id='answers'>{}</div>", format!("<div class='answer'><p>{PROSE}</p><p>{PROSE}</p></div>").repeat(4));
        let qa = format!(
            "<body><div id='mainbar' itemscope itemtype='https://schema.org/QAPage'><div id='question' itemprop='mainEntity' itemscope itemtype='https://schema.org/Question'>\
             <p>{PROSE}</p></div>{answers}</div></body>"
        );
        assert_eq!(region_of(&qa), "mainbar");
        // An FAQ marks up many questions: no one of them pins the region.
        let faq = format!(
            "<body><div id='page'><div id='intro'><p>{PROSE}</p></div><div id='faq'>{}</div></div></body>",
            format!("<div itemscope itemtype='https://schema.org/Question'><p>{PROSE}</p><p>{PROSE}</p></div>").repeat(5)
        );
        assert_eq!(region_of(&faq), "faq");
    }

    #[test]
    fn picks_the_article_body() {
        let page = format!(
            "<body><div id='wrap'><div id='menu'><a href=/a>Home</a> <a href=/b>About us</a></div>\
             <div id='post'><p>{PROSE}</p><p>{PROSE}</p></div>\
             <div id='side'><p>{PROSE}</p></div></div></body>"
        );
        // Two thirds of the good text is in #post: below the coverage,
        // so the region is the wrapper that also holds the side box.
        assert_eq!(region_of(&page), "wrap");
        let page = format!(
            "<body><div id='wrap'><div id='menu'><a href=/a>Home</a></div>\
             <div id='post'><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>\
             <div id='side'><p>{PROSE}</p></div></div></body>"
        );
        assert_eq!(region_of(&page), "post");
    }

    #[test]
    fn an_introduction_in_its_own_box_joins_the_body() {
        let body = format!("<div id='body'>{}</div>", format!("<p>{PROSE}</p>").repeat(12));
        let page = format!("<body><div id='story'><div id='summary'><p>{PROSE}</p><p>{PROSE}</p></div>{body}</div></body>");
        assert_eq!(region_of(&page), "story");
        // A byline box before the body is no introduction.
        let page = format!("<body><div id='story'><div id='meta'>By Ann Lee <a href=/share>Share</a></div>{body}</div></body>");
        assert_eq!(region_of(&page), "body");
        // Prose after the body (related posts, comments) keeps the region where it is.
        let page = format!("<body><div id='story'><div id='summary'><p>{PROSE}</p><p>{PROSE}</p></div>{body}<div id='more'><p>{PROSE}</p></div></div></body>");
        assert_eq!(region_of(&page), "body");
    }

    #[test]
    fn link_lists_are_bad_blocks() {
        let html = Html::parse_document("<body><ul><li><a href=/x>Some link text here</a></li></ul><p>Short.</p></body>");
        let dom = Dom::new(&html);
        let options = ExtractOptions::default();
        let drop = classify(&dom, &options, false);
        let a = analyse(&dom, &drop, &options);
        let li = dom.find("li").unwrap();
        assert_eq!(a.verdict[li], Verdict::Bad);
        assert_eq!(a.verdict[dom.find("p").unwrap()], Verdict::Short);
    }

    #[test]
    fn card_links_are_items_not_navigation() {
        let html = Html::parse_document(
            "<body><ul><li><a href=/j/1><h3>Senior Engineer</h3><p id='co'>Acme Corp</p><p>Anywhere, full-time</p></a></li></ul>\
             <ul><li><a href=/about><span>About us</span></a></li></ul></body>",
        );
        let dom = Dom::new(&html);
        let options = ExtractOptions::default();
        let drop = classify(&dom, &options, false);
        let a = analyse(&dom, &drop, &options);
        let company = (0..dom.len()).find(|&i| dom.attr(i, "id") == Some("co")).unwrap();
        assert_eq!(a.verdict[company], Verdict::Short);
        let menu_entry = dom.find_all_in(dom.root, "li").nth(1).unwrap();
        assert_eq!(a.verdict[menu_entry], Verdict::Bad);
    }

    #[test]
    fn a_headline_inside_a_link_is_one_link() {
        let html = Html::parse_document(
            "<body><a href=/r/1><div id='card'><span>The five best easy beef taco recipes we make on repeat</span></div></a>\
             <a href=/about><div id='about'><span>About us</span></div></a></body>",
        );
        let dom = Dom::new(&html);
        let options = ExtractOptions::default();
        let drop = classify(&dom, &options, false);
        let a = analyse(&dom, &drop, &options);
        let by_id = |id: &str| (0..dom.len()).find(|&i| dom.attr(i, "id") == Some(id)).unwrap();
        assert_eq!(a.verdict[by_id("card")], Verdict::Short);
        assert_eq!(a.verdict[by_id("about")], Verdict::Bad);
    }

    #[test]
    fn prefers_the_main_landmark() {
        assert_eq!(region_of("<body><div>x</div><main id='m'><div>Item one</div><div>Item two</div></main></body>"), "m");
        // Prose outside <main> does not pull the region out of it.
        let page = format!("<body><div id='promo'><p>{PROSE}</p><p>{PROSE}</p></div><main id='m'><p>{PROSE}</p><ul><li>Size: 40 cm</li><li>Colour: green</li></ul></main></body>");
        assert_eq!(region_of(&page), "m");
    }

    #[test]
    fn visible_length_collapses_whitespace() {
        assert_eq!(visible_len("  a  b\n c "), 5);
    }
}
