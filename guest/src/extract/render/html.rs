//! The content as HTML: the Markdown, rendered by a CommonMark renderer
//! (GFM tables and strikethrough on). The Markdown holds the whole
//! structure (headings, lists, tables, code with its language, quotes,
//! links, emphasis, images), so the HTML says what the Markdown says.
//! Nothing of the page passes through raw: HTML in the Markdown (there
//! should be none) is text, and a link or image whose target is not
//! http(s), mailto or relative loses the target (`javascript:`, `data:`).

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag};

/// `markdown` as an HTML fragment.
pub fn to_html(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => Event::Start(Tag::Link { link_type, dest_url: safe(dest_url), title, id }),
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => Event::Start(Tag::Image { link_type, dest_url: safe(dest_url), title, id }),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    html::push_html(&mut out, parser);
    out
}

/// A plain-text page as HTML: one preformatted block, as browsers show it
/// (the text escaped by the same renderer).
pub fn preformatted(text: &str) -> String {
    let events = [Event::Html("<pre>".into()), Event::Text(text.into()), Event::Html("</pre>\n".into())];
    let mut out = String::with_capacity(text.len() + 16);
    html::push_html(&mut out, events.into_iter());
    out
}

/// Schemes a link or image may keep.
const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// `url` when it is relative or of a safe scheme, else nothing.
fn safe(url: CowStr) -> CowStr {
    let scheme = url.split_once(':').map(|(scheme, _)| scheme).filter(|s| !s.contains(['/', '?', '#']));
    match scheme {
        Some(scheme) if !SAFE_SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme.trim())) => CowStr::Borrowed(""),
        _ => url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_structure_of_the_markdown_becomes_elements() {
        let md = "# Ferns\n\nThey keep *fronds* in [winter](https://example.org/w).\n\n- one\n- two\n\n| Name | Height |\n| --- | --- |\n| Hart | 40 \\| 60 cm |\n\n```python\nprint(1 < 2)\n```\n\n> Quoted.";
        assert_eq!(
            to_html(md),
            "<h1>Ferns</h1>\n<p>They keep <em>fronds</em> in <a href=\"https://example.org/w\">winter</a>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n\
             <table><thead><tr><th>Name</th><th>Height</th></tr></thead><tbody>\n<tr><td>Hart</td><td>40 | 60 cm</td></tr>\n</tbody></table>\n\
             <pre><code class=\"language-python\">print(1 &lt; 2)\n</code></pre>\n<blockquote>\n<p>Quoted.</p>\n</blockquote>\n"
        );
    }

    #[test]
    fn plain_text_is_one_preformatted_block() {
        assert_eq!(preformatted("a < b && c\n  d"), "<pre>a &lt; b &amp;&amp; c\n  d</pre>\n");
    }

    #[test]
    fn nothing_runs_raw_html_is_text_and_unsafe_targets_go() {
        let html = to_html(
            "<script>alert(1)</script>\n\nSee [this](javascript:alert(1)), [that](JavaScript:x) and [rel](/a?b=c:d).\n\n![pic](data:image/png;base64,AAAA)",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
        assert!(html.contains("<a href=\"\">this</a>") && html.contains("<a href=\"\">that</a>"), "{html}");
        assert!(html.contains("<a href=\"/a?b=c:d\">rel</a>"), "{html}");
        assert!(html.contains("<img src=\"\" alt=\"pic\" />"), "{html}");
    }
}
