//! Main-content extraction as a numbered cascade over one parsed page:
//!
//! 0. Before parsing, `mojibake` repairs doubly decoded text (written
//!    out or as character references) and `depth`
//!    caps hostile nesting; `dom` flattens the parsed page once, with
//!    React's streamed segments put in place by `streamed`.
//! 1. `clean`: mark junk (scripts, hidden) and boilerplate (nav, widgets).
//! 2. `content`: split into text blocks and judge each (length, links).
//! 3. `content`: choose the main region, the deepest element that keeps
//!    most of the good text (falls back to `<main>`, then `<body>`). When
//!    a widget class dropped most of that region, `clean` judges the page
//!    once more with the region known, and the region is chosen again.
//!    `introduction` adds the prose between the headline and the region.
//!    With comments wanted, the region is chosen as without them and the
//!    comment sections after it follow it (`clean::comment_sections`).
//! 4. `render`: walk the introduction and the region once into blocks →
//!    text and Markdown.
//! 5. `metadata`: title, byline, date, language... layered per field;
//!    `language` guesses from the text when the markup says nothing.
//! 6. `links`: every link of the page.
//!
//! The caller's CSS selectors (`scope`) come first: excluded elements are
//! junk to every stage, and a target is the region, not searched for.

pub mod clean;
pub mod content;
pub mod dates;
pub mod depth;
pub mod dom;
pub mod introduction;
pub mod language;
pub mod links;
pub mod markup;
pub mod metadata;
pub mod mojibake;
pub mod noscript;
pub mod related;
pub mod render;
pub mod scope;
pub mod streamed;

use scraper::Html;
use url::Url;

use crate::model::{Document, Error, ExtractOptions};

/// The language the markup declares, else the one the server declared
/// (`Content-Language`), else the one the text reads in.
pub fn page_language(declared: Option<String>, served: Option<&str>, text: &str) -> Option<String> {
    declared.or_else(|| served.and_then(metadata::normalize_language)).or_else(|| language::detect(text).map(str::to_string))
}

/// A description taken from the text is cut near this many characters.
const DESCRIPTION_CHARS: usize = 300;

/// Extract a document from HTML. Only an unparsable `url` is an error: any
/// HTML, however broken, gives a document.
pub fn extract_html(html: &str, url: Option<&str>, options: &ExtractOptions) -> Result<Document, Error> {
    extract_served(html, url, options, None)
}

/// `extract_html` for a page fetched with a `Content-Language` header.
pub fn extract_served(html: &str, url: Option<&str>, options: &ExtractOptions, served_language: Option<&str>) -> Result<Document, Error> {
    let page_url = match url.map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) => Some(Url::parse(u).map_err(|e| Error::InvalidUrl(format!("{u}: {e}")))?),
        None => None,
    };
    let selectors = scope::Selectors::parse(options)?;
    let html = mojibake::spell_out_references(html);
    let html = mojibake::repair(&html);
    let html = depth::cap(&html);
    let html = noscript::close_frames(&html);
    let parsed = parse(&html);
    let dom = dom::Dom::new(&parsed);
    let base = base_url(&dom, page_url.as_ref());

    let scope = (!selectors.is_empty()).then(|| selectors.scope(&parsed, &dom));

    let thread = clean::looks_like_thread(url, &html);
    let (drop, analysis) = match scope.as_ref() {
        Some(scope @ scope::Scope { region: Some(region), .. }) => targeted(&dom, options, thread, scope, *region),
        scope if options.include_comments => content_and_comments(&dom, options, thread, scope),
        scope => {
            let (drop, mut analysis, _) = main_content(&dom, &clean::Classifier::new(&dom, options, thread, scope), options);
            analysis.find_introduction(&dom, &drop, options);
            (drop, analysis)
        }
    };
    let rendered = render::render(&dom, &drop, &analysis, options, base.as_ref());
    let text = render::to_text(&rendered.blocks);
    let markdown = render::to_markdown(&rendered.blocks);
    let html = if options.include_html { render::to_html(&markdown) } else { String::new() };
    let meta = metadata::extract(&dom, &drop, analysis.region, base.as_ref(), page_url.as_ref());
    let links = if options.collect_links { links::collect(&dom, base.as_ref()) } else { Vec::new() };

    let description = meta.description.or_else(|| first_paragraph(&rendered.blocks));
    let language = page_language(meta.language, served_language, &text);
    let word_count = count_words(&text);
    let url = url.unwrap_or("").trim().to_string();
    Ok(Document {
        final_url: url.clone(),
        url,
        status: 0,
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        language,
        site_name: meta.site_name,
        description,
        canonical_url: meta.canonical_url,
        text,
        markdown,
        html,
        links,
        images: rendered.images,
        word_count,
    })
}

/// Stages 1 to 3: the drops and the main region, and the region the
/// drops were judged with: a widget class on most of the first region
/// chosen (a listing in a "related-product" section) named the content,
/// and the page was judged again knowing it.
fn main_content(dom: &dom::Dom, classifier: &clean::Classifier, options: &ExtractOptions) -> (Vec<clean::Drop>, content::Analysis, Option<usize>) {
    let drop = classifier.drops(None);
    let analysis = content::analyse(dom, &drop, options);
    if classifier.dropped_most_of_region(&drop, analysis.region) {
        let again = classifier.drops(Some(analysis.region));
        if again != drop {
            let judged_with = Some(analysis.region);
            let analysis = content::analyse(dom, &again, options);
            return (again, analysis, judged_with);
        }
    }
    (drop, analysis, None)
}

/// `main_content` with comments wanted: the region is the one chosen
/// without them (wanting comments adds them to the article, it does not
/// move the article), and the comment sections after it follow it.
fn content_and_comments(dom: &dom::Dom, options: &ExtractOptions, thread: bool, scope: Option<&scope::Scope>) -> (Vec<clean::Drop>, content::Analysis) {
    let without = ExtractOptions { include_comments: false, ..options.clone() };
    let (plain, chosen, judged_with) = main_content(dom, &clean::Classifier::new(dom, &without, thread, scope), &without);
    let drop = clean::Classifier::new(dom, options, thread, scope).drops(judged_with);
    let mut analysis = content::analyse_region(dom, &drop, options, chosen.region);
    analysis.comments = clean::comment_sections(dom, &drop, &plain, analysis.region, &analysis.text_len);
    analysis.find_introduction(dom, &drop, options);
    (drop, analysis)
}

/// With a target selector: the region is the targets' (see `scope`),
/// cleaned as any region is (comments in it kept as `include_comments`
/// says), and every block in it is kept, whatever its links: the caller
/// named it as content. Nothing outside it is added.
fn targeted(dom: &dom::Dom, options: &ExtractOptions, thread: bool, scope: &scope::Scope, region: usize) -> (Vec<clean::Drop>, content::Analysis) {
    let drop = clean::Classifier::new(dom, options, thread, Some(scope)).drops(Some(region));
    let mut analysis = content::analyse_region(dom, &drop, options, region);
    analysis.name_region(dom);
    (drop, analysis)
}

/// Parse as a browser with scripting disabled would: `<noscript>` content
/// becomes elements. Forum engines (Discourse) and many shops put the whole
/// server-rendered page there for crawlers.
pub fn parse(html: &str) -> Html {
    use html5ever::driver::ParseOpts;
    use html5ever::tendril::TendrilSink;
    use html5ever::tree_builder::TreeBuilderOpts;
    let opts = ParseOpts { tree_builder: TreeBuilderOpts { scripting_enabled: false, ..Default::default() }, ..Default::default() };
    html5ever::driver::parse_document(scraper::HtmlTreeSink::new(Html::new_document()), opts).one(html)
}

/// `<base href>` resolved against the page URL, else the page URL.
fn base_url(dom: &dom::Dom, page: Option<&Url>) -> Option<Url> {
    let href = dom.find("base").and_then(|b| dom.attr(b, "href"));
    match (href, page) {
        (Some(h), Some(p)) => p.join(h).ok().or_else(|| Some(p.clone())),
        (Some(h), None) => Url::parse(h).ok(),
        (None, p) => p.cloned(),
    }
}

fn first_paragraph(blocks: &[render::Block]) -> Option<String> {
    let p = blocks.iter().find(|b| b.kind == render::BlockKind::Paragraph && b.plain.chars().count() >= 80)?;
    let mut out: String = p.plain.chars().take(DESCRIPTION_CHARS).collect();
    if out.len() < p.plain.len() {
        if let Some(cut) = out.rfind(' ') {
            out.truncate(cut);
        }
        out.push('…');
    }
    Some(out)
}

/// Words: runs between spaces that hold a letter or digit, and each
/// Chinese or Japanese character on its own. Those scripts put no spaces
/// between words, so a whole paragraph would count as one; one word per
/// character is how word processors count them.
pub fn count_words(text: &str) -> u32 {
    let mut count = 0;
    for token in text.split_whitespace() {
        let mut in_word = false;
        for c in token.chars() {
            if is_unspaced_script(c) {
                count += 1;
                in_word = false;
            } else if c.is_alphanumeric() && !in_word {
                count += 1;
                in_word = true;
            }
        }
    }
    count
}

/// Han ideographs, hiragana and katakana (Korean spaces its words).
fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // hiragana, katakana
        | '\u{31f0}'..='\u{31ff}' // katakana extensions
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{f900}'..='\u{faff}' // compatibility ideographs
        | '\u{ff66}'..='\u{ff9f}' // halfwidth katakana
        | '\u{20000}'..='\u{3134f}' // extensions B to G
    )
}

#[cfg(test)]
mod tests;
