//! The article's introduction when it sits outside the region: prose
//! between the headline and the body (a standfirst, a summary box, "key
//! takeaways"), which themes put in the header beside the `<h1>` or in a
//! box of its own above the body. Readers see it as the start of the
//! article; the region, chosen for the body's weight, leaves it out.

use crate::extract::clean::Drop;
use crate::extract::content::{good_blocks, Verdict};
use crate::extract::dates;
use crate::extract::dom::{class_and_id, Dom};
use crate::extract::metadata::in_logo;

/// Class/id words (whole `-`/`_`-separated words) of the page furniture
/// that sits between a headline and the body: author boxes, bylines,
/// disclosures, picture captions and credits, calls to action.
const FURNITURE_WORDS: &[&str] = &["meta", "bio", "credit", "credits", "thumbnail", "cta"];
/// The same, matched anywhere in a class or id ("artByline",
/// "mntl-author-tooltip__bio", "affiliate-disclaimer").
const FURNITURE_PARTS: &[&str] = &["byline", "author", "disclaimer", "disclosure", "affiliate", "caption", "tooltip"];
/// How far up from a block its furniture class is looked for.
const FURNITURE_DEPTH: usize = 6;
/// A block this short with a date in it is a dateline or a byline.
const DATELINE_MAX_CHARS: usize = 120;
/// Openings of a byline block; a dateline opens as `dates::DATE_STAMP_OPENINGS`.
const BYLINE_OPENINGS: &[&str] = &["by ", "written by", "reviewed by"];
/// Words of an affiliate disclosure ("We may earn a commission...").
const DISCLOSURE_WORDS: &[&str] = &["commission", "affiliate"];
/// A block longer than this that mentions commissions is prose about them.
const DISCLOSURE_MAX_CHARS: usize = 400;

/// The prose blocks and the standfirst (see `is_standfirst`) after the
/// page's headline (see `headline`) and before the region, outside it, in
/// document order; none when the headline is not before the region.
pub fn introduction(dom: &Dom, drop: &[Drop], region: usize, verdict: &[Verdict]) -> Vec<usize> {
    let Some(headline) = headline(dom, drop, region) else { return Vec::new() };
    if dom.nodes[headline].end > region {
        return Vec::new();
    }
    let between = dom.nodes[headline].end..region;
    let mut blocks: Vec<usize> = good_blocks(dom, drop, verdict, between.clone()).collect();
    let standfirsts: Vec<usize> = between.filter(|&j| is_standfirst(dom, drop, j, region) && !blocks.iter().any(|&block| dom.contains(block, j))).collect();
    blocks.extend(standfirsts);
    blocks.sort_unstable();
    blocks.retain(|&block| introduces(dom, block, region));
    blocks
}

/// A heading shorter than this is a label ("Top picks."), not a sentence.
const STANDFIRST_MIN_CHARS: usize = 60;

/// A heading under the headline written as a sentence, with no links:
/// the standfirst ("<h2>Protect your organization and strengthen your IT
/// environment with…</h2>"), set as a heading for its size only. A
/// heading that names a section is not a sentence.
fn is_standfirst(dom: &Dom, drop: &[Drop], i: usize, region: usize) -> bool {
    if !matches!(dom.tag(i), "h2" | "h3" | "h4" | "h5" | "h6") || drop[i] != Drop::Keep || dom.nodes[i].end > region {
        return false;
    }
    let text = dom.collapsed_text(i);
    text.chars().count() >= STANDFIRST_MIN_CHARS && text.ends_with(['.', '!', '?']) && dom.find_all_in(i, "a").next().is_none()
}

/// The headline before `region`: the first kept `<h1>` that is not the
/// site's logo or, on a page with no `<h1>` at all, the first such `<h2>`.
fn headline(dom: &Dom, drop: &[Drop], region: usize) -> Option<usize> {
    let first = |tag: &str| (0..region).find(|&i| dom.tag(i) == tag && drop[i] == Drop::Keep && !in_logo(dom, i));
    let has_h1 = (0..dom.len()).any(|i| dom.tag(i) == "h1");
    if has_h1 {
        first("h1")
    } else {
        first("h2")
    }
}

/// Whether a prose block before the region reads as the introduction, not
/// as a caption, quote, byline or disclosure.
fn introduces(dom: &Dom, block: usize, region: usize) -> bool {
    let outside_region = |&at: &usize| !dom.contains(at, region);
    let furniture = dom
        .self_and_ancestors(block)
        .take_while(outside_region)
        .take(FURNITURE_DEPTH)
        .any(|at| matches!(dom.tag(at), "figure" | "figcaption" | "blockquote") || dom.element(at).is_some_and(|e| class_and_id(e).any(names_furniture)));
    let text = dom.collapsed_text(block);
    !furniture && !is_byline(&text) && !is_disclosure(&text)
}

fn names_furniture(token: &str) -> bool {
    let token = token.to_ascii_lowercase();
    token.split(['-', '_']).any(|w| FURNITURE_WORDS.contains(&w)) || FURNITURE_PARTS.iter().any(|part| token.contains(part))
}

fn is_byline(text: &str) -> bool {
    let lower = text.to_lowercase();
    BYLINE_OPENINGS.iter().chain(dates::DATE_STAMP_OPENINGS).any(|opening| lower.starts_with(opening))
        || (text.chars().count() <= DATELINE_MAX_CHARS && dates::normalize(text).is_some())
        || dates::is_relative_time(text)
}

fn is_disclosure(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.chars().count() <= DISCLOSURE_MAX_CHARS && DISCLOSURE_WORDS.iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use crate::extract::{clean, content, dom::Dom, parse};
    use crate::model::ExtractOptions;

    /// The introduction's text, block by block.
    fn introduction_of(html: &str) -> Vec<String> {
        let parsed = parse(html);
        let dom = Dom::new(&parsed);
        let options = ExtractOptions::default();
        let drop = clean::classify(&dom, &options, false);
        let mut analysis = content::analyse(&dom, &drop, &options);
        analysis.find_introduction(&dom, &drop, &options);
        analysis.lead.iter().map(|&i| dom.collapsed_text(i)).collect()
    }

    const PROSE: &str = "This is a long paragraph of the article's body, with commas, full stops and enough words to count as content.";

    #[test]
    fn a_standfirst_between_headline_and_body_introduces_it() {
        let body = format!("<div class='body'>{}</div>", format!("<p>{PROSE}</p>").repeat(12));
        let page = format!(
            "<body><div class='hero'><h1>The headline</h1><p class='dek'>What the story says, in one sentence that a reader sees first.</p>\
             <div class='byline'><p>A writer who covers the beat, and has for many years, in many places.</p></div>\
             <p>By Ann Writer, Updated December 4, 2025 at 9:00 in the morning, Eastern time.</p>\
             <p>We may earn a commission when you buy through the links on this page, at no cost to you.</p>\
             <figure><figcaption>A picture of the scene, taken by a photographer on the day.</figcaption></figure></div>{body}</body>"
        );
        assert_eq!(introduction_of(&page), ["What the story says, in one sentence that a reader sees first."]);
    }

    #[test]
    fn a_sentence_set_as_a_heading_under_the_headline_is_the_standfirst() {
        let body = format!("<div class='body'>{}</div>", format!("<p>{PROSE}</p>").repeat(12));
        let standfirst = "Protect your organization and strengthen your IT environment with proven standards.";
        let page = format!(
            "<body><div class='masthead'><h1>Cybersecurity best practices</h1><h2>{standfirst}</h2><h2>Our top picks for this year</h2>\
             <h3>Read <a href='/guide'>the guide to every control we recommend</a> before you start.</h3></div>{body}</body>"
        );
        assert_eq!(introduction_of(&page), [standfirst]);
    }

    #[test]
    fn without_an_h1_the_first_h2_is_the_headline() {
        let body = format!("<div class='body'>{}</div>", format!("<p>{PROSE}</p>").repeat(12));
        let dek = "What the story says, in one sentence that a reader sees first.";
        let page = |heading: &str| format!("<body><div class='hero'>{heading}<p>{dek}</p></div>{body}</body>");
        assert_eq!(introduction_of(&page("<h2>The headline</h2>")), [dek]);
        // With an `<h1>` elsewhere on the page (here after the body), an `<h2>` opens nothing.
        assert!(introduction_of(&(page("<h2>A section</h2>").replace("</body>", "<h1>Elsewhere</h1></body>"))).is_empty());
    }

    #[test]
    fn no_introduction_when_the_headline_is_in_the_region() {
        let page = format!(
            "<body><p>A promo line before the article, long enough to be a sentence.</p><article><h1>Title</h1><p>{PROSE}</p><p>{PROSE}</p></article></body>"
        );
        assert!(introduction_of(&page).is_empty());
    }
}
