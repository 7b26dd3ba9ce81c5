//! Whole pages through `extract_html`: text, Markdown and the rules that
//! shape them, end to end.

use super::*;

const PAGE: &str = r#"<!doctype html><html lang="en"><head><title>Ferns in winter | Garden Notes</title></head>
<body><header><a href="/">Garden Notes</a><nav><a href="/a">Archive</a> <a href="/b">About</a></nav></header>
<main><article><h1>Ferns in winter</h1>
<p>Most ferns die back in the cold, but a few evergreen species keep their fronds through frost, snow and wind.</p>
<h2>Which ones to plant</h2>
<ul><li>Hart's tongue, which tolerates deep shade</li><li>Soft shield fern, for <em>structure</em></li></ul>
<p>Water them sparingly; see <a href="/care">the care guide</a> for details, and check the <code>pH</code> first.</p>
<pre><code class="language-python">print("fern")
</code></pre>
<table><tr><th>Name</th><th>Height</th></tr><tr><td>Hart's tongue</td><td>40 | 60 cm</td></tr></table>
<div class="share-buttons"><a href="https://twitter.com/x">Share on Twitter</a></div>
</article></main>
<footer>Copyright 2024 Garden Notes. All rights reserved.</footer></body></html>"#;

/// An article headed `title`: `sentence` eight times (prose enough to
/// be the main content), then `body`.
fn article(title: &str, sentence: &str, body: &str) -> String {
    format!("<html><body><article><h1>{title}</h1><p>{}</p>{body}</article></body></html>", sentence.repeat(8))
}

/// `page` extracted with the default options and no address.
fn document_of(page: &str) -> Document {
    extract_html(page, None, &ExtractOptions::default()).unwrap()
}

fn markdown_of(page: &str) -> String {
    document_of(page).markdown
}

#[test]
fn an_empty_heading_or_list_item_leaves_the_next_line_a_paragraph() {
    let sentence = "Ferns keep their fronds through the winter in most gardens. ";
    let md = markdown_of(&article(
        "Ferns",
        sentence,
        "<h2><b><img src=/icon.png alt=''></b></h2><p>Water them sparingly.</p><ul><li> </li></ul><p>Cut old fronds in spring.</p>",
    ));
    assert!(md.contains("\n\nWater them sparingly.\n\nCut old fronds in spring."), "{md}");
}

#[test]
fn a_term_and_its_short_value_are_one_line() {
    let sentence = "Ferns keep their fronds through the winter in most gardens. ";
    let specs = "<dl><dt><div>Weight</div></dt><dd>58 lb.</dd><dt>Lining:</dt> <dd>100% polyester</dd>\
                     <dt>Care</dt><dd><p>Wash cold.</p><p>Dry flat.</p></dd><dt>Photo</dt><dd>https://cdn.example/fern.jpg</dd></dl>";
    let doc = document_of(&article("Ferns", sentence, specs));
    assert!(doc.text.contains("Weight: 58 lb.\nLining: 100% polyester\nCare\nWash cold."), "{}", doc.text);
    assert!(doc.markdown.contains("Weight: 58 lb.\n\nLining: 100% polyester\n\nCare"), "{}", doc.markdown);
    assert!(!doc.text.contains("Photo:"), "{}", doc.text);
}

#[test]
fn end_to_end_text_and_markdown() {
    let doc = extract_html(PAGE, Some("https://garden.example/ferns"), &ExtractOptions::default()).unwrap();
    assert_eq!(doc.title.as_deref(), Some("Ferns in winter"));
    assert!(doc.text.contains("evergreen species"), "{}", doc.text);
    assert!(!doc.text.contains("Archive"));
    assert!(!doc.text.contains("Copyright"));
    assert!(!doc.text.contains("Share on Twitter"));
    // Text: a heading directly above what it heads, list items on
    // consecutive lines (see also `text_parts_two_paragraphs_by_a_blank_line`).
    assert!(doc.text.contains("frost, snow and wind.\nWhich ones to plant\n- Hart's tongue, which tolerates deep shade\n- Soft shield fern"), "{}", doc.text);
    assert!(doc.text.contains("for structure\nWater them sparingly"), "{}", doc.text);
    let md = &doc.markdown;
    assert!(md.contains("## Which ones to plant"), "{md}");
    assert!(md.contains("- Hart's tongue, which tolerates deep shade\n- Soft shield fern, for *structure*"), "{md}");
    assert!(md.contains("[the care guide](https://garden.example/care)"), "{md}");
    assert!(md.contains("`pH`"), "{md}");
    assert!(md.contains("```python\nprint(\"fern\")\n```"), "{md}");
    assert!(md.contains("| Name | Height |\n| --- | --- |\n| Hart's tongue | 40 \\| 60 cm |"), "{md}");
    assert!(!md.contains('<'), "{md}");
    assert_eq!(doc.language.as_deref(), Some("en"));
    assert!(doc.links.iter().any(|l| l.url == "https://garden.example/a" && l.internal));
    assert!(doc.word_count > 20);
    // Without the link list the rest is the same.
    let without_links =
        extract_html(PAGE, Some("https://garden.example/ferns"), &ExtractOptions { collect_links: false, ..ExtractOptions::default() }).unwrap();
    assert!(without_links.links.is_empty());
    assert_eq!((without_links.text, without_links.markdown), (doc.text, doc.markdown));
}

#[test]
fn code_language_as_sphinx_github_mdn_and_rustdoc_write_it() {
    let code = "total = sum(heights) / len(heights) if heights else 0";
    let cases = [
        ("<div class='highlight-python3 notranslate'><div class='highlight'><pre>{code}</pre></div></div>", "python3"),
        ("<div class='highlight highlight-source-python'><pre>{code}</pre></div>", "python"),
        ("<div class='code-example'><pre class='brush: js notranslate'><code>{code}</code></pre></div>", "js"),
        ("<div class='example-wrap'><pre class='rust rust-example-rendered'><code>{code}</code></pre></div>", "rust"),
        ("<div class='highlight-default'><div class='highlight'><pre>{code}</pre></div></div>", ""),
    ];
    for (wrapped, lang) in cases {
        let block = wrapped.replace("{code}", code);
        let page = article("Heights", "Average the fern heights like this. ", &block);
        let md = markdown_of(&page);
        assert!(md.contains(&format!("```{lang}\n{code}\n```")), "{md}");
    }
}

#[test]
fn markdown_links_keep_their_fragment_but_the_link_list_does_not() {
    let page = format!(
            "<html><body><article><h1>Result</h1><p>{} Returns <a href='enum.Result.html#variant.Ok'>Ok</a>; see <a href='#examples'>the examples</a>.</p></article></body></html>",
            "A result is either a success or a failure. ".repeat(6)
        );
    let doc = extract_html(&page, Some("https://doc.example/std/result/index.html"), &ExtractOptions::default()).unwrap();
    assert!(doc.markdown.contains("[Ok](https://doc.example/std/result/enum.Result.html#variant.Ok)"), "{}", doc.markdown);
    assert!(doc.markdown.contains("see the examples."), "{}", doc.markdown);
    assert!(doc.links.iter().any(|l| l.url == "https://doc.example/std/result/enum.Result.html"));
}

#[test]
fn a_widget_class_on_most_of_the_region_names_the_content() {
    let links: String = (0..40).map(|n| format!("<li><a href='/c{n}'>Garden tools category {n}</a></li>")).collect();
    let items: String =
        (0..8).map(|n| format!("<div class='promo'><h3>Mower KR{n}</h3><p>Robotic mower for {n} acres, with obstacle sensing.</p></div>")).collect();
    let page = format!(
        "<html><body><header><ul class='menu'>{links}</ul></header><section class='shop'><div class='entry-content'>\
             <h2>Robotic lawn mowers</h2><section class='related-product'>{items}</section></div></section></body></html>"
    );
    let html = parse(&page);
    let dom = dom::Dom::new(&html);
    let options = ExtractOptions::default();
    let classifier = clean::Classifier::new(&dom, &options, false, None);
    let drop = classifier.drops(None);
    let analysis = content::analyse(&dom, &drop, &options);
    assert!(classifier.dropped_most_of_region(&drop, analysis.region), "the first pass drops the listing");
    let doc = document_of(&page);
    assert!(doc.text.contains("Mower KR7"), "{}", doc.text);
    assert!(!doc.text.contains("Garden tools category"), "{}", doc.text);
}

#[test]
fn styles_inside_code_are_not_code() {
    let pre = "<pre><code><style>.css-1x{display:inline-block}</style><span class='css-1x'>composer require twilio/sdk</span>\n<style>.css-2y{opacity:.5}</style><span class='css-2y'>composer install</span></code></pre>";
    let page = article("Install", "Install the SDK with Composer before you start. ", pre);
    let md = markdown_of(&page);
    assert!(md.contains("```\ncomposer require twilio/sdk\ncomposer install\n```"), "{md}");
}

#[test]
fn emphasis_nests_once_and_text_never_reads_as_block_syntax() {
    let body = "<p>Caption <b><strong>toggle caption</strong></b> and <em><b>bold italic</b></em> and <i><i>italic</i></i>.</p>\
            <p>Save <b>Us$</b><b>11.99</b> per month.</p><p>- a dash line</p><p>2024. A year of ferns.</p><p>5.0 stars, -5°C nights</p><p>---</p>";
    let page = article("Ferns", "Ferns grow in shade and need little care. ", body);
    let md = markdown_of(&page);
    assert!(md.contains("Caption **toggle caption** and ***bold italic*** and *italic*."), "{md}");
    assert!(md.contains("Save **Us$11.99** per month."), "{md}");
    assert!(md.contains("\n\\- a dash line"), "{md}");
    assert!(md.contains("\n2024\\. A year of ferns."), "{md}");
    assert!(md.contains("\n5.0 stars, -5°C nights"), "{md}");
    assert!(md.contains("\n\\---"), "{md}");
    let nested = "<p>Save: <b><b>$150.00</b> (13%)</b></p><p><strong><strong>Base price: $36,600<br></strong>Range: 245 miles</strong></p>";
    let nested_md = markdown_of(&article("Cars", "Electric cars cost less to run than you think. ", nested));
    assert!(nested_md.contains("Save: **$150.00 (13%)**"), "{nested_md}");
    assert!(nested_md.contains("**Base price: $36,600**  \n**Range: 245 miles**"), "{nested_md}");
    let marks_nothing = "<h2><strong>Protein everything</strong></h2><p><em><strong>On the other hand…</strong></em><em>.</em> there is <b>®</b> cost.</p>";
    let plain_md = markdown_of(&article("Diets", "Diet trends change every year. ", marks_nothing));
    assert!(plain_md.contains("\n## Protein everything\n"), "{plain_md}");
    assert!(plain_md.contains("***On the other hand…***. there is ® cost."), "{plain_md}");
}

#[test]
fn text_never_turns_into_markdown_syntax_it_did_not_have() {
    let body = "<p><em>Chosen by Victoria<br></em>This game lives up to its title.</p>\
            <p>The prize went to <a href='https://en.wikipedia.org/wiki/Louis_Renault_(jurist)'>Louis Renault</a> that year, \
            for his work on arbitration between states; <a href='https://example.com/a b'>the notes</a> tell the whole story.</p>\
            <p>A warming gift.<br>~~~~~~~~<br>Embed it with &amp;lt;script&amp;gt; in ~5 minutes, R&amp;D &amp; more.</p>\
            <p>Press <kbd>Ctrl</kbd><kbd>Tab</kbd> to switch.</p>\
            <ul><li><ul><li>A reply whose thread was left out</li></ul></li></ul>";
    let page = article("Games", "The best board games of the year, chosen by our editors. ", body);
    let doc = document_of(&page);
    let md = &doc.markdown;
    // A break at the end of a run stays a break.
    assert!(md.contains("*Chosen by Victoria*  \nThis game"), "{md}");
    // Parentheses and spaces in a destination would end it early.
    assert!(md.contains("[Louis Renault](https://en.wikipedia.org/wiki/Louis_Renault_%28jurist%29)"), "{md}");
    assert!(md.contains("[the notes](https://example.com/a%20b)"), "{md}");
    // Tildes that would fence or strike, and references spelled out in
    // the text, are escaped; a lone tilde and a bare '&' are text.
    assert!(md.contains("\\~\\~\\~\\~\\~\\~\\~\\~"), "{md}");
    assert!(md.contains("\\&lt;script\\&gt; in ~5 minutes, R&D & more."), "{md}");
    assert!(doc.text.contains("&lt;script&gt; in ~5 minutes"), "{}", doc.text);
    // Two code elements side by side are two spans, two words.
    assert!(md.contains("Press `Ctrl` `Tab` to switch."), "{md}");
    assert!(doc.text.contains("Press Ctrl Tab to switch."), "{}", doc.text);
    // A list whose outer items were left out starts at the margin: four
    // columns of indent after a paragraph read as a code block.
    assert!(md.contains("\n\n- A reply whose thread was left out"), "{md}");
    assert!(doc.text.ends_with("switch.\n- A reply whose thread was left out"), "{}", doc.text);
}

#[test]
fn emphasis_opens_and_closes_where_commonmark_reads_it() {
    let body = "<p><b>Is it sold in your state?</b>The policies vary by state and by insurer.</p>\
            <p>Now $659.99, was<s>$761.98</s> last week.</p>\
            <p>It should taste <strong><em>astringent</em></strong><em>. Now, stir in sugar</em>.</p>\
            <p>Goals that are <strong><em>s</em></strong>pecific and <b>Us$</b><b>11.99</b> a month.</p>\
            <p>Extra Features<em>(15% weighting)</em> and <em>A Loaf Of Wax (Live)</em>Broadside.</p>\
            <p>Read <em>the <a href='https://example.com/list'>full list</a></em>now, please.</p>\
            <p>Read <em>the <a href='https://example.com/list'>full list</a></em><b>today</b>, please.</p>\
            <p>A tip by <em>Mira “</em><a href='https://example.com/m'><em>Coach Mira</em></a><em>” Simon</em>, educator.</p>\
            <p>About <em>Beta ~</em>five units, <b><s>struck</s></b>then, Coach!<a href='https://example.com/c'>Read on</a> and \
            Rust<strong>’<br>Beta</strong> too.</p><p>A note<b>, first line<br>second line.</b>Then the rest of it.</p>\
            <h3>Part #</h3><p>17026CLR, with its seal.</p><h3>Learning C#</h3><p>President.<br>----------<br>Share your story.</p>";
    let page = article("Coverage", "Insurance rules differ from one state to the next. ", body);
    let md = markdown_of(&page);
    // Closing after punctuation, before a word: the marker moves in.
    assert!(md.contains("**Is it sold in your state**?The policies"), "{md}");
    assert!(md.contains("*A Loaf Of Wax (Live*)Broadside."), "{md}");
    // Opening before punctuation, after a word or a marker: the
    // punctuation moves out.
    assert!(md.contains("was$~~761.98~~ last week."), "{md}");
    assert!(md.contains("***astringent***. *Now, stir in sugar*."), "{md}");
    assert!(md.contains("Extra Features(*15% weighting)* and"), "{md}");
    // Nested markers and joined runs close on the word inside them.
    assert!(md.contains("***s***pecific and **Us$11.99** a month."), "{md}");
    // A run ending in a link before a word cannot close: unmarked.
    assert!(md.contains("Read the [full list](https://example.com/list)now, please."), "{md}");
    // ... also when another wrapper starts there, which keeps its place.
    assert!(md.contains("Read the [full list](https://example.com/list)**today**, please."), "{md}");
    // A closing before a link's '[' needs no mending; without links
    // the link's text follows and the quote mark moves out.
    assert!(md.contains("A tip by *Mira “*[*Coach Mira*](https://example.com/m)*” Simon*, educator."), "{md}");
    // A lone '~' is text, not a marker (the run, unable to close
    // before "five", goes); '**' beside '~~' is two delimiter runs.
    assert!(md.contains("About Beta ~five units"), "{md}");
    assert!(md.contains("~~struck~~then, Coach"), "{md}");
    // "!" before a link would make it an image.
    assert!(md.contains("Coach\\![Read on](https://example.com/c)"), "{md}");
    // A line of a broken run with only punctuation on it is unmarked.
    assert!(md.contains("Rust’  \n**Beta** too."), "{md}");
    // A broken run opens and closes line by line as a whole run does.
    assert!(md.contains("A note, **first line**  \n**second line**.Then the rest"), "{md}");
    let without_links = extract_html(&page, None, &ExtractOptions { include_links: false, ..ExtractOptions::default() }).unwrap().markdown;
    assert!(without_links.contains("A tip by *Mira* “*Coach Mira” Simon*, educator."), "{without_links}");
    assert!(without_links.contains("Read *the full list***today**, please."), "{without_links}");
    // A closing '#' and a line of dashes are text.
    assert!(md.contains("### Part \\#\n"), "{md}");
    assert!(md.contains("### Learning C#\n"), "{md}");
    assert!(md.contains("President.  \n\\----------  \nShare"), "{md}");
}

#[test]
fn runs_of_one_emphasis_apart_by_a_space_are_one_run() {
    let body = "<p>We arrive<strong> at the airport</strong> <strong>without stress</strong>.</p>\
            <p>Use the <em>payment</em><em> method</em> filter.</p>\
            <p>Run heavy programs *<em>(editing and more)</em>.</p>\
            <p>Price <b>5 *</b> <b>3</b> each.</p>\
            <p><b>Browse</b> <a href='https://example.com/plans'><b>the plans</b> now</a> today.</p>\
            <p><b>Plain</b> <i><b>nested</b></i> end.</p><p><b>Glued</b><i><b>together</b></i> end.</p>";
    let md = markdown_of(&article("Travel", "Evening flights leave time to get ready. ", body));
    assert!(md.contains("We arrive **at the airport without stress**."), "{md}");
    assert!(md.contains("Use the *payment method* filter."), "{md}");
    // A literal asterisk before a run stays, escaped.
    assert!(md.contains("Run heavy programs \\**(editing and more)*."), "{md}");
    assert!(md.contains("Price **5 \\*** **3** each."), "{md}");
    // A run inside a link or another emphasis does not reach back across
    // its start.
    assert!(md.contains("**Browse** [**the plans** now](https://example.com/plans) today."), "{md}");
    assert!(md.contains("**Plain** ***nested*** end."), "{md}");
    assert!(md.contains("**Glued*****together*** end."), "{md}");
}

#[test]
fn data_table_cells_keep_their_links_and_paragraphs() {
    // Cells wrapping their text in blocks under a header row: a data
    // table, each cell one line of its row, a cell that is one link kept.
    let body = "<table><tr><th>Game</th><th>Passing leader</th><th>Notes</th></tr>\
            <tr><td><p>SEA 29, NE 13</p><p>Final</p></td><td><p><a href=/players/maye>Drake Maye</a></p></td><td><ul><li>Snow</li><li>Overtime</li></ul></td></tr>\
            <tr><td><div>KC 21, BUF 17</div></td><td><p><a href=/players/mahomes>Patrick Mahomes</a></p></td><td><div>Wind</div></td></tr></table>";
    let page = article("Schedule", "The season ended with two close games in the playoffs. ", body);
    let doc = extract_html(&page, Some("https://scores.example/nfl"), &ExtractOptions::default()).unwrap();
    assert!(doc.markdown.contains("| SEA 29, NE 13 Final | [Drake Maye](https://scores.example/players/maye) | Snow Overtime |"), "{}", doc.markdown);
    assert!(doc.text.contains("KC 21, BUF 17 | Patrick Mahomes | Wind"), "{}", doc.text);
    let thead = "<table><thead><tr><td>Size</td><td>Chest</td></tr></thead><tr><td><p>M</p></td><td><p>96 cm</p></td></tr></table>";
    assert!(markdown_of(&article("Sizes", "Our shirts run true to size in every colour. ", thead)).contains("| M | 96 cm |"));
    // Cells of prose under a header are a page laid out in a table.
    let post = "The new mirror mount arrived today and it holds collimation far better than the old one did. ".repeat(12);
    let layout = format!("<table><tr><th>Author</th><th>Message</th></tr><tr><td>stargazer</td><td><p>{post}</p><p>Clear skies.</p></td></tr></table>");
    let doc = document_of(&article("Mirror mounts", "A forum thread about telescope mirror mounts. ", &layout));
    assert!(doc.text.contains("did.\n\nClear skies."), "{}", doc.text);
}

#[test]
fn a_list_laid_out_as_a_data_table_is_written_as_a_table() {
    // The table's rows are most of the page: the region is the table,
    // not its body, so the header row and the linked names stay.
    let row = |n: u32| {
        format!("<tr><th><i><a href='/wiki/Film_{n}'>Film {n}</a></i></th><td>19{n:02}</td><td>A day repeats itself until someone in the story learns to live it well, in a new way each time number {n}.</td></tr>")
    };
    let rows: String = (1..=30).map(row).collect();
    let page = format!(
            "<body><div><p>This list of films with time loops gives each title, its year and a short synopsis of the plot.</p>\
            <table><thead><tr><th scope=col>Film</th><th scope=col>Year</th><th scope=col>Description</th></tr></thead><tbody>{rows}</tbody></table></div></body>"
        );
    let doc = extract_html(&page, Some("https://films.example/list"), &ExtractOptions::default()).unwrap();
    assert!(doc.text.contains("Film | Year | Description\nFilm 1 | 1901 | A day repeats"), "{}", doc.text);
    assert!(doc.markdown.contains("| *[Film 30](https://films.example/wiki/Film_30)* | 1930 |"), "{}", doc.markdown);
}

#[test]
fn a_line_each_of_several_items_carries_is_kept_but_a_page_said_twice_is_not() {
    let count = |text: &str, line: &str| text.lines().filter(|l| *l == line).count();
    // Cards of one grid: a shared attribute is part of each card; a
    // carousel's clone of a card is not another card.
    let card = |name: &str, size: &str| {
        format!("<div class=card><h3>{name}</h3><div class=specs><p class=spec>For monitors: {size}</p><p class=spec>Screen size: up to 43 inches</p><p class=spec>Ships in two weeks from our warehouse</p></div></div>")
    };
    let cards: String = [("M2 arm", "5-22 lbs"), ("M8 arm", "9-50 lbs"), ("M10 arm", "5-22 lbs")].iter().map(|(n, s)| card(n, s)).collect();
    let clone = card("M2 arm", "5-22 lbs");
    let page =
        article("Monitor arms", "Monitor arms free the desk and put each screen where the eyes want it. ", &format!("<div class=grid>{cards}{clone}</div>"));
    let text = document_of(&page).text;
    assert_eq!(count(&text, "For monitors: 5-22 lbs"), 2, "{text}");
    assert_eq!(count(&text, "Screen size: up to 43 inches"), 3, "{text}");
    // A post's "Re:" subject and a reply quoting an earlier post are
    // said once; so is a paragraph outside any list of items.
    let post = |body: &str| format!("<div class=post><h3>Re: Ferns in deep shade</h3>{body}</div>");
    let first = "<p>Hart's tongue grows well under our old beech trees.</p>";
    let posts =
        [post(first), post(&format!("<blockquote>{first}</blockquote><p>Mine too, with a little lime.</p>")), post("<p>Soft shield fern is my pick.</p>")]
            .concat();
    let twice = "<p>All of these ferns are hardy to minus fifteen degrees.</p>";
    let page = article("Ferns in deep shade", "Which ferns grow well in deep shade under trees? ", &format!("{twice}<div class=thread>{posts}</div>{twice}"));
    let text = document_of(&page).text;
    assert_eq!(count(&text, "Re: Ferns in deep shade"), 1, "{text}");
    assert_eq!(count(&text, "Hart's tongue grows well under our old beech trees."), 1, "{text}");
    assert_eq!(count(&text, "All of these ferns are hardy to minus fifteen degrees."), 1, "{text}");
    // The parameter lists of an API reference's entries, one `<ul>` each.
    let entry = |(name, what): (&str, &str)| {
        format!("<h3>fs.{name}(path)</h3><ul><li>path &lt;string&gt; The {what} to remove</li><li>Returns: &lt;Promise&gt; Fulfills with undefined upon success.</li></ul>")
    };
    let entries = [("rm", "file or directory"), ("rmdir", "empty directory"), ("unlink", "file or link")].map(entry).concat();
    let page = article("File system", "The fs module works with the file system like standard POSIX functions. ", &entries);
    let text = document_of(&page).text;
    assert_eq!(count(&text, "- Returns: <Promise> Fulfills with undefined upon success."), 3, "{text}");
}

#[test]
fn links_written_as_a_list_of_names_are_text() {
    let entry = |n: u32| {
        format!(
            "<div class=entry><div class=title>Title: Sparse attention in long documents, part {n}</div>\
                 <div class=authors><a href='/a/1'>Ada Lovelace</a>, <a href='/a/2'>Alan Turing</a>, <a href='/a/{n}'>Grace Hopper {n}</a></div>\
                 <div class=links><a href='/pdf/{n}'>pdf</a> <a href='/html/{n}'>html</a> <a href='/other/{n}'>other</a></div></div>"
        )
    };
    let entries: String = (1..=12).map(entry).collect();
    let page = format!("<body><main><h1>Recent submissions</h1>{entries}</main></body>");
    let text = document_of(&page).text;
    assert!(text.contains("Ada Lovelace, Alan Turing, Grace Hopper 3"), "{text}");
    // Links set apart by spaces alone are still a link list.
    assert!(!text.contains("pdf html other"), "{text}");
}

#[test]
fn flavours_of_one_example_are_code_blocks_of_their_own() {
    let pre = "<pre><input type=checkbox checked aria-label='Show modern ES modules syntax'><code class='language-js mjs'>import { Buffer } from 'node:buffer';\n</code>\
            <code class='language-js cjs'>const { Buffer } = require('node:buffer');\n</code><button class=copy-button>copy</button></pre>";
    let md = markdown_of(&article("Buffer", "Buffers hold a fixed-length sequence of bytes for the program. ", pre));
    assert!(md.contains("```js\nimport { Buffer } from 'node:buffer';\n```\n\n```js\nconst { Buffer } = require('node:buffer');\n```"), "{md}");
    assert!(!md.contains("copy"), "{md}");
}

#[test]
fn chapters_of_one_document_are_all_the_content() {
    // One chapter holds most of the text; its short siblings are the
    // same document, not a sidebar. Empty anchors may come before a
    // chapter's heading (Sphinx).
    let prose =
        |topic: &str, n: usize| format!("<p>{}</p>", format!("The {topic} method copies bytes between buffers and returns the count it wrote. ").repeat(n));
    let methods: String = (1..=12).map(|n| format!("<h3>buf.method{n}()</h3>{}", prose("buffer", 3))).collect();
    let page = format!(
            "<body><header><ul><li><a href=/a>About</a></li><li><a href=/b>Blog</a></li></ul></header><div id=apicontent>\
            <section><span id=buffer></span><h2>Buffer</h2>{}</section><section><h2>Class: Buffer</h2>{methods}</section><section><span id=id1></span><h2>Buffer constants</h2>{}</section></div></body>",
            prose("introductory", 2),
            prose("constant", 2)
        );
    let doc = document_of(&page);
    assert!(doc.text.contains("The introductory method"), "{}", doc.text);
    assert!(doc.text.contains("The constant method"), "{}", doc.text);
    assert!(!doc.text.contains("Blog"), "{}", doc.text);
}

#[test]
fn line_breaks_inside_headings_and_cells_become_one_space() {
    let body = "<h2>Smart alerts that do more,<br>powered by radar</h2><table><tr><th>Plan</th><th>Price</th></tr><tr><td>Basic<br>monthly</td><td>$5</td></tr></table>";
    let page = article("Alerts", "Cameras warn you before a thief gets close. ", body);
    let md = markdown_of(&page);
    assert!(md.contains("\n## Smart alerts that do more, powered by radar\n"), "{md}");
    assert!(md.contains("| Basic monthly | $5 |"), "{md}");
}

#[test]
fn prose_hard_wrapped_with_line_breaks_reads_as_one_paragraph() {
    let wrapped = "<p>Each type of cardio machine offers its own unique benefits and features,<br>\ncatering to different preferences and fitness levels of the<br>\n<em>people</em> who use them.</p>";
    let verse = "<p>take cover. Instead, curl your toes<br>into the grass, watch the cloud</p>";
    let links = "<p>https://github.com/raspberrypi/linux/tree/rpi-6.6.y/arch/arm<br>https://github.com/raspberrypi/firmware</p>";
    let page = article("Cardio", "Cardio machines build endurance without strain. ", &format!("{wrapped}{verse}{links}"));
    let doc = document_of(&page);
    assert!(doc.text.contains("features, catering to different preferences and fitness levels of the people who use them."), "{}", doc.text);
    assert!(doc.markdown.contains("features, catering to different preferences and fitness levels of the *people* who"), "{}", doc.markdown);
    assert!(doc.text.contains("curl your toes\ninto the grass"), "{}", doc.text);
    assert!(doc.text.contains("/arch/arm\nhttps://github.com"), "{}", doc.text);
}

#[test]
fn text_parts_two_paragraphs_by_a_blank_line() {
    let body = "<p>The second paragraph follows the first.</p><div class=card><div>Knitted in Porto</div><div>By hand, in small batches.</div></div>\
            <h2>Care</h2><p>Wash cold.</p><p>Dry flat.</p><ul><li>Wool</li></ul><p>Made in Portugal.</p>\
            <div><div>Condition:</div><div>like new</div></div><div><div>Merino crew neck</div><div>$89.95</div></div><p>Ships in two days.</p>\
            <ul><li><div>Cashmere scarf - 2 ft.</div><div>€59</div></li><li><div>Softer than any wool blend.</div><div>€79</div></li></ul>";
    let doc = document_of(&article("Sweaters", "A sweater knitted from merino wool keeps its shape for years. ", body));
    assert!(
            doc.text.contains("for years.\n\nThe second paragraph follows the first.\nKnitted in Porto\nBy hand, in small batches.\nCare\nWash cold.\n\nDry flat.\n- Wool\nMade in Portugal."),
            "{}",
            doc.text
        );
    // A label and its value, an item and its price: one line in two boxes.
    assert!(doc.text.contains("Made in Portugal.\nCondition: like new\nMerino crew neck $89.95\nShips"), "{}", doc.text);
    // A card in a list too; a sentence is no item's name.
    assert!(doc.text.ends_with("\n- Cashmere scarf - 2 ft. €59\n- Softer than any wool blend.\n€79"), "{}", doc.text);
    // Markdown keeps every block apart; it needs the blank lines.
    assert!(doc.markdown.contains("Knitted in Porto\n\nBy hand, in small batches.\n\n## Care\n\nWash cold."), "{}", doc.markdown);
}

#[test]
fn a_permalinked_term_is_text_but_a_line_number_gutter_is_not() {
    let terms = "<dl><dt id='align'><a href='#align'><code>align</code></a></dt><dd><p>Sets the table's alignment.</p></dd>\
            <dt id='border'><a href='#border'><code>border</code></a></dt><dd><p>Sets the frame's width.</p></dd></dl>";
    let gutter = "<table class='lntable'><tr><td><pre><code><span id='hl-1'><a href='#hl-1'>1</a>\n</span><span id='hl-2'><a href='#hl-2'>2</a>\n</span></code></pre></td>\
            <td><pre><code class='language-c'>int x = 1;\nreturn x;</code></pre></td></tr></table>";
    let toc = "<p id='toc'><a href='#attributes'>Attributes</a> · <a href='#examples'>Examples</a></p>";
    let page = article("Tables", "A table holds data in rows and columns. ", &format!("{toc}{terms}{gutter}"));
    let doc = document_of(&page);
    assert!(doc.text.contains("align\nSets the table's alignment."), "{}", doc.text);
    assert!(doc.markdown.contains("```c\nint x = 1;\nreturn x;\n```"), "{}", doc.markdown);
    assert!(!doc.markdown.contains("```\n1\n2\n```"), "{}", doc.markdown);
    assert!(!doc.text.contains("Examples"), "{}", doc.text);
}

#[test]
fn a_summary_beside_the_body_in_main_is_kept_but_a_byline_is_not() {
    let body = format!(
            "<div class='layout__body'>{}</div>",
            "<section><h2>Attributes</h2><p>The table element includes the global attributes, and a few deprecated ones kept for old pages that still use them.</p></section>".repeat(8)
        );
    let page = |header: &str| {
        format!(
            "<html><body><nav><a href='/'>Home</a></nav><main><div class='layout__header'><h1>The Table element</h1>{header}</div>{body}</main></body></html>"
        )
    };
    let summary = "<p>The table element represents tabular data: information presented in a two-dimensional table comprised of rows and columns of cells containing data, with a caption, a header and a footer.</p>";
    let with_summary = document_of(&page(summary)).text;
    assert!(with_summary.contains("represents tabular data"), "{with_summary}");
    let byline = "<p>By Ann Lee, staff writer at the Garden Notes magazine, published on 3 March 2024 after a long winter.</p>";
    let with_byline = document_of(&page(byline)).text;
    assert!(!with_byline.contains("Ann Lee"), "{with_byline}");
}

#[test]
fn a_brand_and_a_name_in_separate_elements_do_not_run_together() {
    let card = "<li><a href='/p/1'><span class='brand'>Hyperlite Mountain Gear</span><span class='name'>Southwest 55 Pack</span></a></li>";
    let caps = "<p><b>W</b>EIGHT matters less than fit; un<em>believable</em> but true.</p>";
    let page = article("Packs", "Ultralight packs carry more than you think. ", &format!("{caps}<ul>{card}</ul>"));
    let text = document_of(&page).text;
    assert!(text.contains("Hyperlite Mountain Gear Southwest 55 Pack"), "{text}");
    assert!(text.contains("WEIGHT matters less than fit; unbelievable but true."), "{text}");
}

#[test]
fn nested_lists_indent_to_their_parent_text_and_a_quotation_stays_one_blockquote() {
    let body = "<ol start='9'><li>Ninth<ul><li>under nine</li></ul></li><li>Tenth<ol><li>under ten</li></ol></li></ol>\
            <blockquote><p>Tide pools are windows to the sea.</p><blockquote><p>So said a friend.</p></blockquote><footer>— Rachel Carson</footer></blockquote>\
            <blockquote><p>A second quotation.</p></blockquote>";
    let md = markdown_of(&article("Pools", "Tide pools fill and drain twice a day. ", body));
    assert!(md.contains("9. Ninth\n   - under nine\n10. Tenth\n    1. under ten"), "{md}");
    assert!(md.contains("> Tide pools are windows to the sea.\n>\n> > So said a friend.\n>\n> — Rachel Carson\n\n> A second quotation."), "{md}");
}

#[test]
fn spacer_columns_leave_the_table() {
    let table = "<table><tr><th>Fern</th><th>Height</th><th></th></tr><tr><td>Hart's tongue</td><td>40 cm</td><td> </td></tr></table>";
    let page = article("Ferns", "Ferns grow in shade and need little care. ", table);
    let md = markdown_of(&page);
    assert!(md.contains("| Fern | Height |\n| --- | --- |\n| Hart's tongue | 40 cm |"), "{md}");
}

#[test]
fn blocks_inside_inline_elements() {
    // A block inside a wrapper flushes the run the wrapper started in:
    // the wrapper must not slice the Markdown it no longer owns.
    let html = "<div>Intro <a href='/x'>link text <div>a block inside a link</div> tail</a> and <b>bold <div>para</div> end</b></div>";
    let doc = extract_html(html, Some("https://e.com/"), &ExtractOptions { focus: crate::model::Focus::Recall, ..Default::default() }).unwrap();
    assert!(doc.text.contains("para"), "{}", doc.text);
    assert!(doc.text.contains("end"), "{}", doc.text);
}

#[test]
fn link_lists_inside_the_article_are_kept() {
    let prose = "<p>Before you start, install the tools below; each link opens its own setup guide, with steps for every platform.</p>".repeat(3);
    let page = format!(
        "<body><nav><ul><li><a href=/>Home</a></li><li><a href=/docs>Docs</a></li></ul></nav>\
             <article><h1>Quickstart</h1>{prose}<h2>Prerequisites</h2>\
             <ul><li><a href=/py>Install Python</a></li><li><a href=/ngrok>Install and set up ngrok</a></li></ul></article></body>"
    );
    let doc = document_of(&page);
    assert!(doc.text.contains("- Install Python\n- Install and set up ngrok"), "{}", doc.text);
    assert!(!doc.text.contains("Home"));
}

#[test]
fn definition_lists_of_links_inside_the_article_are_kept() {
    // A chapter's table of contents and a reference page's terms are
    // `<dt>`s that are nothing but a link.
    let prose = "<p>An index lets the server find rows without reading the whole table, at a cost on every write.</p>".repeat(3);
    let page = format!(
        "<body><article><h1>Indexes</h1><dl class=toc><dt><a href=/intro>11.1. Introduction</a></dt><dt><a href=/types>11.2. Index Types</a></dt>\
             <dd><dl><dt><a href=/btree>11.2.1. B-Tree</a></dt></dl></dd></dl>{prose}\
             <dl><dt><a href=/binary><code>WebSocket.binaryType</code></a></dt><dd>The binary data type used by the connection.</dd></dl></article></body>"
    );
    let doc = document_of(&page);
    for entry in ["11.1. Introduction", "11.2. Index Types", "11.2.1. B-Tree", "WebSocket.binaryType: The binary data type"] {
        assert!(doc.text.contains(entry), "{entry}: {}", doc.text);
    }
}

#[test]
fn paragraphs_of_invisible_characters_are_empty() {
    let prose = "<p>Webflow pages space their sections with paragraphs that hold only a zero-width joiner.</p>";
    let page = format!("<article><h1>Spacing</h1>{prose}<p>&zwj;</p><p>\u{200b} </p>{prose}<p>Family: 👨\u{200d}👩\u{200d}👧</p></article>");
    let doc = document_of(&page);
    assert!(!doc.text.lines().any(|l| !l.is_empty() && l.trim_matches(['\u{200b}', '\u{200d}', ' ']).is_empty()), "{:?}", doc.text);
    assert!(doc.text.contains("Family: 👨\u{200d}👩\u{200d}👧"));
}

#[test]
fn invalid_url_is_an_error() {
    assert!(matches!(extract_html("<p>x</p>", Some("not a url"), &ExtractOptions::default()), Err(Error::InvalidUrl(_))));
}

#[test]
fn garbage_still_gives_a_document() {
    let deep = "<div>".repeat(5000) + "deep text" + &"</div>".repeat(5000);
    let doc = document_of(&deep);
    assert!(doc.text.contains("deep text"));
    assert!(document_of("").text.is_empty());
}

#[test]
fn wanted_comments_are_fetched_from_beside_the_article() {
    // WordPress puts the comment list after the article, a sibling of it:
    // the region is the article, so the comments are looked for after it.
    let body = "<p>Evergreen ferns keep their fronds through frost, snow and wind all winter long.</p>".repeat(6);
    let comments = "<section id='comments' class='comments-area'><h2>2 thoughts on Ferns</h2><ol class='comment-list'>\
        <li class='comment'><p>Mine survived the frost under a hedge, thank you for the tip.</p></li>\
        <li class='comment'><p>Which fern would you plant in a north-facing pot?</p></li></ol>\
        <p class='akismet_comment_form_privacy_notice'>This site uses Akismet to reduce spam.</p></section>";
    let aside = "<div class='comments-widget'><p>Recent comments from readers across the whole site, this week.</p></div>";
    let page = format!("<html><body><div class='wrap'>{aside}<article><h1>Ferns in winter</h1>{body}</article>{comments}</div></body></html>");
    let without = document_of(&page);
    assert!(!without.text.contains("hedge") && !without.text.contains("Recent comments"));
    let with = extract_html(&page, None, &ExtractOptions { include_comments: true, ..Default::default() }).unwrap();
    let (article_at, comment_at) = (with.text.find("Evergreen ferns").unwrap(), with.text.find("Mine survived the frost").unwrap());
    assert!(article_at < comment_at && with.text.contains("north-facing pot"), "{}", with.text);
    // Comments before the article are not its comments; the spam filter's notice is furniture.
    assert!(!with.text.contains("Recent comments") && !with.text.contains("Akismet"), "{}", with.text);
}

#[test]
fn the_blocks_of_a_list_item_stay_in_the_item() {
    // A step of several paragraphs, a nested list, code: CommonMark keeps
    // them in the item when they are indented to its text, and otherwise
    // ends the list (and numbers the next item as a new list's first).
    let body = "<ol><li><p>Dig a hole twice as wide as the root ball.</p><p>Loosen the soil at the bottom.</p></li>\
        <li><p>Set the fern in.</p><ul><li>Use rain water.</li><li>Never let it dry out.</li></ul><p>Mulch with leaves.</p></li>\
        <li>Wait for spring. <pre><code>fern --grow\n\n  --slowly</code></pre> <blockquote><p>Patience.</p><p>More patience.</p></blockquote></li></ol>\
        <ul><li><h3>Hart's tongue</h3><p>An item whose first block is a heading is a card, not a step.</p></li></ul>";
    let sentence = "Evergreen ferns keep their fronds through frost, snow and wind all winter long. ";
    let md = markdown_of(&article("Planting ferns", sentence, body));
    let steps = "1. Dig a hole twice as wide as the root ball.\n\n   Loosen the soil at the bottom.\n\n\
        2. Set the fern in.\n   - Use rain water.\n   - Never let it dry out.\n\n   Mulch with leaves.\n\n\
        3. Wait for spring.\n\n   ```\n   fern --grow\n\n     --slowly\n   ```\n\n   > Patience.\n   >\n   > More patience.\n\n\
        ### Hart's tongue\n\nAn item whose first block is a heading";
    assert!(md.contains(steps), "{md}");
    // Lists directly in lists (levels the page skipped) indent two columns
    // past the item above, however many were skipped: four would be code.
    let skipped = "<ul><li>Hart's tongue<ul><ul><ul><li>Tolerates deep shade and lime.</li></ul></ul></ul></li><li>Soft shield fern</li></ul>";
    let md = markdown_of(&article("Planting ferns", sentence, skipped));
    assert!(md.contains("- Hart's tongue\n    - Tolerates deep shade and lime.\n- Soft shield fern"), "{md}");
    // The text stays as it was: an item's line, its other blocks on their own.
    let text = document_of(&article("Planting ferns", sentence, body)).text;
    assert!(text.contains("1. Dig a hole twice as wide as the root ball.\n\nLoosen the soil at the bottom.\n\n2. Set the fern in."), "{text}");
}

#[test]
fn words_are_counted_in_scripts_without_spaces_too() {
    assert_eq!(super::count_words("The harbour's café opens at 6.30 — every day."), 8);
    assert_eq!(super::count_words("長城は中国の城壁です。"), 10, "each Han or kana character");
    assert_eq!(super::count_words("東京2020で、RipTideを使う"), 8);
    assert_eq!(super::count_words("한라산은 제주에 있다"), 3, "Korean spaces its words");
}

/// `PAGE` with the caller's selectors.
fn selected(target: Option<&str>, exclude: &[&str]) -> Result<Document, Error> {
    let options = ExtractOptions {
        target_selector: target.map(str::to_string),
        exclude_selectors: exclude.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    extract_html(PAGE, Some("https://garden.test/ferns"), &options)
}

#[test]
fn a_target_selector_is_the_content_links_and_all() {
    // The nav is link-heavy chrome the cascade drops; named, it is the content.
    let doc = selected(Some("header nav"), &[]).unwrap();
    assert_eq!(doc.text, "Archive About");
    assert_eq!(doc.markdown, "[Archive](https://garden.test/a) [About](https://garden.test/b)");
    // Metadata is the page's, whatever the target.
    assert_eq!(doc.title.as_deref(), Some("Ferns in winter"));
    // Two targets: both, in document order, and nothing between them.
    let doc = selected(Some("h2, table"), &[]).unwrap();
    assert_eq!(doc.text, "Which ones to plant\nName | Height\nHart's tongue | 40 | 60 cm");
    assert!(!doc.text.contains("sparingly"));
    // Cleaning still runs inside the target: the share widget goes.
    let doc = selected(Some("article"), &[]).unwrap();
    assert!(doc.text.contains("sparingly") && !doc.text.contains("Twitter"));
}

#[test]
fn a_target_selector_that_matches_nothing_gives_no_content() {
    let doc = selected(Some("section.recipe"), &[]).unwrap();
    assert_eq!((doc.text.as_str(), doc.markdown.as_str(), doc.word_count), ("", "", 0));
    assert_eq!(doc.title.as_deref(), Some("Ferns in winter"));
}

#[test]
fn excluded_elements_leave_the_content_before_it_is_chosen() {
    let whole = selected(None, &[]).unwrap();
    assert!(whole.text.contains("Hart's tongue, which tolerates deep shade"));
    let doc = selected(None, &["ul", "pre", ".nothing-matches"]).unwrap();
    assert!(doc.text.contains("Most ferns die back") && doc.text.contains("sparingly"));
    assert!(!doc.text.contains("deep shade") && !doc.markdown.contains("```"));
    // Exclusions go first: a target inside one is no target.
    assert_eq!(selected(Some("table td"), &["table"]).unwrap().text, "");
}

#[test]
fn a_selector_that_does_not_parse_is_an_error_naming_it() {
    for (target, exclude) in [(Some("article >"), vec![]), (None, vec!["p", "div[]"])] {
        let Err(Error::InvalidSelector(message)) = selected(target, &exclude) else { panic!("expected InvalidSelector for {target:?} {exclude:?}") };
        assert!(message.contains(target.unwrap_or("div[]")), "{message}");
    }
}

#[test]
fn html_is_the_markdown_rendered_when_asked_for() {
    assert_eq!(document_of(PAGE).html, "");
    let doc = extract_html(PAGE, Some("https://garden.test/ferns"), &ExtractOptions { include_html: true, ..Default::default() }).unwrap();
    for part in [
        "<h1>Ferns in winter</h1>\n<p>Most ferns die back",
        "<li>Soft shield fern, for <em>structure</em></li>",
        "see <a href=\"https://garden.test/care\">the care guide</a>",
        "<pre><code class=\"language-python\">print(\"fern\")\n</code></pre>",
        "<td>40 | 60 cm</td>",
    ] {
        assert!(doc.html.contains(part), "{part}\n{}", doc.html);
    }
    assert!(!doc.html.contains("Twitter") && !doc.html.contains("Copyright"));
}
