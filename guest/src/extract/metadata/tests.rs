//! Metadata from whole pages: every field's sources weighed as `extract`
//! weighs them.

use super::*;
use crate::extract::clean::classify;
use crate::model::ExtractOptions;
use scraper::Html;

fn meta_of(html: &str) -> Metadata {
    meta_at(html, "https://example.com/a/b")
}

fn meta_at(html: &str, url: &str) -> Metadata {
    let html = Html::parse_document(html);
    let dom = Dom::new(&html);
    let options = ExtractOptions::default();
    let drop = classify(&dom, &options, false);
    let region = crate::extract::content::analyse(&dom, &drop, &options).region;
    let url = Url::parse(url).ok();
    extract(&dom, &drop, region, url.as_ref(), url.as_ref())
}

#[test]
fn json_ld_graph_wins() {
    let m = meta_of(
        r#"<html lang="en_gb"><head><title>Big News | The Paper</title>
        <meta property="og:site_name" content="The Paper">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The Paper"},
        {"@type":"NewsArticle","headline":"Big News","author":[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"}],
        "datePublished":"2021-04-05T08:00:00Z"}]}</script><link rel="canonical" href="/a/b?x=1#top"></head>
        <body><h1>Big News</h1><p>Text</p></body></html>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Big News"));
    assert_eq!(m.byline.as_deref(), Some("Jane Doe and John Roe"));
    assert_eq!(m.published.as_deref(), Some("2021-04-05T08:00:00Z"));
    assert_eq!(m.site_name.as_deref(), Some("The Paper"));
    assert_eq!(m.language.as_deref(), Some("en-GB"));
    assert_eq!(m.canonical_url.as_deref(), Some("https://example.com/a/b?x=1"));
}

#[test]
fn json_ld_with_raw_line_breaks_in_strings() {
    let page = "<html><head><script type=\"application/ld+json\">{\"@type\": \"DiscussionForumPosting\", \"headline\": \"Direct thread\",\n\"articleBody\": \"No stream link.\nThe VOD goes up later.\", \"datePublished\": \"2024-02-21 13:00:00\"}</script></head><body><p>x</p></body></html>";
    assert_eq!(meta_of(page).published.as_deref(), Some("2024-02-21"));
}

#[test]
fn json_ld_inside_cdata() {
    let m = meta_of(
        r#"<html><head><meta property="article:published_time" content="2015-12-11">
        <script type="application/ld+json"><![CDATA[ {"@type":"NewsArticle","headline":"Big News","datePublished":"2015-10-15"} ]]></script>
        </head><body><p>Text</p></body></html>"#,
    );
    assert_eq!(m.published.as_deref(), Some("2015-10-15"));
}

#[test]
fn shown_update_date_wins_only_when_alone_and_unlabelled() {
    let page = r#"<html><head><script type="application/ld+json">{"@type":"Article","headline":"Ferns",
        "datePublished":"2020-01-01","dateModified":"2021-05-05"}</script></head>
        <body><h1>Ferns</h1><p><time datetime="2021-05-05">May 5, 2021</time></p><p>Text</p></body></html>"#;
    assert_eq!(meta_of(page).published.as_deref(), Some("2021-05-05"));
    let both = page.replace("<p>Text</p>", "<p class='pubdate'>January 1, 2020</p>");
    assert_eq!(meta_of(&both).published.as_deref(), Some("2020-01-01"));
    // Labelled as the update, it is not the publication.
    let labelled = page.replace("<p><time", "<p>Updated <time");
    assert_eq!(meta_of(&labelled).published.as_deref(), Some("2020-01-01"));
}

#[test]
fn older_dateline_under_the_headline_beats_a_reset_declared_date() {
    let page = |shown: &str| {
        format!(
            r#"<html><head><meta property="article:published_time" content="2025-06-24T10:00:00Z"></head>
            <body><h1>Ferns</h1><div class="meta"><span>Ann Lee</span><span>{shown}</span></div><p>Text</p></body></html>"#
        )
    };
    assert_eq!(meta_of(&page("August 25, 2024")).published.as_deref(), Some("2024-08-25"));
    // A day apart is the time zone; a sentence that names a date is not a dateline.
    assert_eq!(meta_of(&page("June 23, 2025")).published.as_deref(), Some("2025-06-24T10:00:00Z"));
    // A declared day without a time a day off is not a time zone's doing.
    let day_only = page("June 23, 2025").replace("2025-06-24T10:00:00Z", "2025-06-24");
    assert_eq!(meta_of(&day_only).published.as_deref(), Some("2025-06-23"));
    // Nor is a day no time zone reaches: 22:02 UTC on the 24th is the 23rd nowhere.
    let late = page("June 23, 2025").replace("2025-06-24T10:00:00Z", "2025-06-24T22:02:58Z");
    assert_eq!(meta_of(&late).published.as_deref(), Some("2025-06-23"));
    assert_eq!(meta_of(&page("As of July 31, 2024, we had:")).published.as_deref(), Some("2025-06-24T10:00:00Z"));
    assert_eq!(super::dates::days_apart("2024-12-31", "2025-03-01"), Some(60));
}

#[test]
fn a_dated_card_below_the_content_does_not_date_the_page() {
    let prose = "<p>Filing your own taxes is easier than it looks once the forms are in front of you and sorted.</p>".repeat(130);
    let page = |top: &str| {
        format!(
            r#"<html><body><main><h1>Seven tax services</h1>{top}<article>{prose}</article></main>
            <aside><h2>Related articles</h2><div class="card"><span class="byline__date">January 31, 2025</span><a href="/other">Filing as a student</a></div></aside></body></html>"#
        )
    };
    assert_eq!(meta_of(&page("")).published, None);
    assert_eq!(meta_of(&page(r#"<span class="post-date">January 27, 2025</span>"#)).published.as_deref(), Some("2025-01-27"));
}

#[test]
fn a_time_in_an_update_wrapper_is_the_update() {
    let page = |wrapper: &str| {
        format!(
            r#"<html><head><meta property="article:published_time" content="2020-03-10T15:30:00+00:00">
            <meta property="article:modified_time" content="2025-02-12T13:28:34+00:00"></head>
            <body><h1>Japan for the first time</h1><span class="{wrapper}"><time class="entry-date published updated" datetime="2025-02-12T13:28:34+05:30">12th February 2025</time></span><p>Text</p></body></html>"#
        )
    };
    assert_eq!(meta_of(&page("updated-on")).published.as_deref(), Some("2020-03-10T15:30:00+00:00"));
    // Unlabelled, the one day shown is the date the page means.
    assert_eq!(meta_of(&page("posted-on")).published.as_deref(), Some("2025-02-12T13:28:34+00:00"));
}

#[test]
fn a_date_element_is_read_node_by_node_before_its_glued_text() {
    let page = r#"<html><body><header><div class="article-dateline-wrapper"><a href="/c">Mental Health</a><span>DECEMBER 22, 2022</span><span class="updated">Updated: JANUARY 02, 2026</span></div>
        <h1>Ten ways meditation helps</h1></header><p>Text</p></body></html>"#;
    assert_eq!(meta_of(page).published.as_deref(), Some("2022-12-22"));
    let split = r#"<html><body><h1>Ferns</h1><div class="post-date"><b>Dec</b> 22, 2022</div><p>Text</p></body></html>"#;
    assert_eq!(meta_of(split).published.as_deref(), Some("2022-12-22"));
    // A script inside the element is not what the reader sees.
    let scripted = split.replace("<b>Dec</b>", r#"<script>window.built = "2019-05-01";</script><b>Dec</b>"#);
    assert_eq!(meta_of(&scripted).published.as_deref(), Some("2022-12-22"));
}

#[test]
fn the_one_older_day_a_page_shows_beats_a_reset_declared_date() {
    let prose = "<p>Ferns keep their fronds through the winter in most of the temperate gardens we visited.</p>".repeat(12);
    let page = |times: &str| {
        format!(
            r#"<html><head><meta property="article:published_time" content="2025-06-24T10:00:00Z"></head>
            <body><h1>Ferns</h1>{prose}<footer>Posted {times}</footer></body></html>"#
        )
    };
    let time = |d: &str| format!("<time datetime={d}>{d}</time>");
    assert_eq!(meta_of(&page(&time("2022-11-02"))).published.as_deref(), Some("2022-11-02"));
    // Pages that show several days, or a later one, keep what they declare.
    let two = format!("{} {}", time("2022-11-02"), time("2023-01-05"));
    assert_eq!(meta_of(&page(&two)).published.as_deref(), Some("2025-06-24T10:00:00Z"));
    assert_eq!(meta_of(&page(&time("2025-08-01"))).published.as_deref(), Some("2025-06-24T10:00:00Z"));
}

#[test]
fn without_headline_markup_the_date_is_looked_for_at_the_content() {
    let prose = "<p>Homestead gardening has made rural communities more self-reliant, officials said on Saturday.</p>".repeat(3);
    let page = format!("<body><div class='menu'><a href='/'>Home</a></div><table><tr><td><div class='news'><b>Gardens thrive</b><div>20 Dec 2025, 11:59</div>{prose}</div></td></tr></table></body>");
    assert_eq!(meta_of(&page).published.as_deref(), Some("2025-12-20"));
}

#[test]
fn a_posted_label_or_a_byline_dates_the_page_far_from_the_headline() {
    // 200 table-of-contents lines put both dates out of the headline's reach.
    let contents = "<li><a href='#s'>Section</a></li>".repeat(200);
    let prose = "<p>Mobile apps take planning, design and testing before they reach the store.</p>".repeat(3);
    let byline =
        format!("<body><h1>How apps are made</h1><ul>{contents}</ul><p>Written by</p><p><a href='/a'>Moses Kim</a></p><p>April 8, 2024</p>{prose}</body>");
    assert_eq!(meta_of(&byline).published.as_deref(), Some("2024-04-08"));
    let posted = format!("<body><h1>Index types</h1><ul>{contents}</ul><div class='meta'><span>Posted on April 13, 2023</span></div>{prose}</body>");
    assert_eq!(meta_of(&posted).published.as_deref(), Some("2023-04-13"));
    // An unlabelled date that far down is no date of the page.
    let unlabelled = format!("<body><h1>Index types</h1><ul>{contents}</ul><p>April 13, 2023</p>{prose}</body>");
    assert_eq!(meta_of(&unlabelled).published, None);
}

#[test]
fn a_title_naming_only_the_site_gives_way_to_the_headline() {
    let thread = r#"<html><head><title>Example - The front page of everything</title></head>
        <body><h1>Cast iron or steel?</h1><p>Which pan do you use?</p></body></html>"#;
    assert_eq!(meta_of(thread).title.as_deref(), Some("Cast iron or steel?"));
    // The page shows the rest of its title: it is the page's own.
    let section = r#"<html><head><title>Example - Clearance Clothing</title></head>
        <body><h1>Sale</h1><p>Clearance clothing for everyone.</p></body></html>"#;
    assert_eq!(meta_of(section).title.as_deref(), Some("Clearance Clothing"));
}

#[test]
fn an_h1_naming_the_site_is_not_the_headline() {
    let post = r#"<html><head><title>A brief intro to git • Jane Roe</title></head>
        <body><h1>Jane Roe</h1><h2>A brief intro to git</h2><p>Git tracks changes.</p></body></html>"#;
    assert_eq!(meta_of(post).title.as_deref(), Some("A brief intro to git"));
}

#[test]
fn the_headline_the_url_was_written_from_beats_a_rewritten_title() {
    let page = r#"<html><head><title>Which Social Media Marketing Certification is Best? | Example</title></head>
        <body><h1>Social Media Marketing Certifications and Certificates</h1><p>Compare the courses.</p></body></html>"#;
    let headline = Some("Social Media Marketing Certifications and Certificates");
    assert_eq!(meta_at(page, "https://example.com/marketing/certifications-and-certificates").title.as_deref(), headline);
    // Slug generators drop apostrophes.
    let owned = r#"<html><head><title>Café Equipment Repair | Example</title></head>
        <body><h1>McCollister’s Café Equipment Repair</h1><p>We come to you.</p></body></html>"#;
    let h1 = Some("McCollister’s Café Equipment Repair");
    assert_eq!(meta_at(owned, "https://example.com/services/mccollisters-caf%C3%A9-repair/").title.as_deref(), h1);
    // Of several `<h1>`s, the one the slug spells.
    let blog = r#"<html><head><title>Catering Tips for a Successful Event | Example</title></head>
        <body><h1>The Blog</h1><h1>Catering 101: Tips to Make Your Next Event a Success</h1><p>Plan the menu.</p></body></html>"#;
    let post = meta_at(blog, "https://example.com/catering-101-tips-to-make-your-next-event-a-success/");
    assert_eq!(post.title.as_deref(), Some("Catering 101: Tips to Make Your Next Event a Success"));
    // The address the publisher names wins over the one fetched (an
    // alias); a canonical URL naming no headline leaves the fetched one.
    let aliased = page.replace("</title>", r#"</title><link rel="canonical" href="/marketing/certifications-and-certificates">"#);
    assert_eq!(meta_at(&aliased, "https://example.com/p/48213").title.as_deref(), headline);
    let home = page.replace("</title>", r#"</title><link rel="canonical" href="https://example.com/">"#);
    assert_eq!(meta_at(&home, "https://example.com/marketing/certifications-and-certificates").title.as_deref(), headline);
    // An `<h1>` of several sentences is a teaser, whatever the slug.
    let teaser = r#"<html><head><title>The 10 Best Home Improvement Projects | Example</title></head>
        <body><h1>Learn which renovations pay off. Get expert tips on the return of each. We help you plan.</h1><p>Text.</p></body></html>"#;
    assert_eq!(meta_at(teaser, "https://example.com/renovations-pay-off-tips").title.as_deref(), Some("The 10 Best Home Improvement Projects"));
    // A slug of ids, of one word, or spelling the `<title>` as well says nothing.
    for url in ["https://example.com/p/J755020.html", "https://example.com/certifications/", "https://example.com/which-social-media-certification"] {
        assert_eq!(meta_at(page, url).title.as_deref(), Some("Which Social Media Marketing Certification is Best?"), "{url}");
    }
}

#[test]
fn a_slug_is_the_words_of_the_last_segment_without_fillers_and_ids() {
    let slug = |path: &str| title::slug_words(path);
    assert_eq!(slug("/services/mccollisters-caf%C3%A9-repair/"), ["mccollisters", "café", "repair"]);
    assert_eq!(slug("/2025/03/how-to-file-your-taxes-in-2025.html"), ["file", "taxes", "2025"]);
    assert_eq!(slug("/p/J755020.html"), Vec::<String>::new());
    assert_eq!(slug("/"), Vec::<String>::new());
    // A locale's section is no headline ("Contact Us" would spell "en-us").
    assert_eq!(slug("/en-us/"), Vec::<String>::new());
    assert_eq!(slug("/pt_BR"), Vec::<String>::new());
    assert_eq!(slug("/movers/jackson_nj/"), ["jackson", "nj"]);
}

#[test]
fn soft_hyphens_leave_the_title() {
    let page = "<html><head><title>Home Repair Assis&shy;tance Program</title></head><body><p>Text</p></body></html>";
    assert_eq!(meta_of(page).title.as_deref(), Some("Home Repair Assistance Program"));
}

#[test]
fn a_hero_header_h1_is_the_headline_but_a_site_header_link_is_not() {
    let hero = r#"<html><head><title>Rent a car | Cars</title><meta property="og:type" content="article"></head><body>
        <header class="site"><h1><a href="/">Cars</a></h1></header>
        <div><header class="article-hero"><h1>Seven tips for renting a car</h1></header>
        <p>Book early and read the contract before you sign it.</p></div></body></html>"#;
    assert_eq!(meta_of(hero).title.as_deref(), Some("Seven tips for renting a car"));
}

#[test]
fn the_day_the_reader_sees_beats_a_utc_timestamp_a_day_off() {
    let shown = r#"<html><body><h1>Home gyms</h1><time datetime="2026-02-24T04:13:00Z">February 23, 2026</time><p>Text</p></body></html>"#;
    assert_eq!(meta_of(shown).published.as_deref(), Some("2026-02-23"));
    let declared = r#"<html><head><meta property="article:published_time" content="2025-12-19T02:41:41+00:00"></head><body><p>Text</p></body></html>"#;
    let on_permalink = meta_at(declared, "https://example.com/2025/12/18/comfort-watches/");
    assert_eq!(on_permalink.published.as_deref(), Some("2025-12-18"));
    // Farther apart, the declared date stands (the post was redated).
    let moved = meta_at(declared, "https://example.com/2025/12/10/comfort-watches/");
    assert_eq!(moved.published.as_deref(), Some("2025-12-19T02:41:41+00:00"));
}

#[test]
fn a_reddit_post_is_dated_by_its_creation_timestamp() {
    let page = r#"<html><body><shreddit-post author="EuroStepJam" created-timestamp="2026-03-04T23:03:50.740000+0000"><h1>Enameled pan</h1>
        <p>Text</p></shreddit-post><shreddit-comment created-timestamp="2026-03-05T08:00:00.000000+0000"><p>Reply</p></shreddit-comment></body></html>"#;
    assert_eq!(meta_of(page).published.as_deref(), Some("2026-03-04T23:03:50.740000+00:00"));
}

#[test]
fn a_numeric_date_is_read_as_the_page_writes_it() {
    let page = |lang: &str| format!("<html lang='{lang}'><body><h1>Wine styles</h1><span class='post-date'>03/10/2023</span><p>Text</p></body></html>");
    assert_eq!(meta_of(&page("en-GB")).published.as_deref(), Some("2023-10-03"));
    assert_eq!(meta_of(&page("en-US")).published.as_deref(), Some("2023-03-10"));
    // Without a region, the permalink's named month settles it.
    let on_permalink = meta_at(&page("en"), "https://example.com/blog/2023/october/03/wine-styles/");
    assert_eq!(on_permalink.published.as_deref(), Some("2023-10-03"));
}

#[test]
fn an_element_classed_as_the_update_does_not_date_the_publication() {
    // Far below the headline, as a sidebar's "Updated" stamp is.
    let body = "<p>Text</p>".repeat(150);
    let page = format!(
        r#"<html><head><meta property="article:published_time" content="2025-06-01T08:42:15-04:00">
        <meta property="article:modified_time" content="2025-10-30T10:45:07-04:00"></head>
        <body><h1>Data tools</h1>{body}<span class="date updated">2025-10-30</span></body></html>"#
    );
    assert_eq!(meta_of(&page).published.as_deref(), Some("2025-06-01T08:42:15-04:00"));
}

#[test]
fn linked_data_in_a_meta_element_is_read() {
    let page = r#"<html><head><meta name="script:ld+json" content='{"@type":"Article","headline":"Full EV cars: a 2025 guide","datePublished":"2025-11-17T09:00:00-05:00"}'>
        </head><body><p>Text</p></body></html>"#;
    let m = meta_of(page);
    assert_eq!(m.published.as_deref(), Some("2025-11-17T09:00:00-05:00"));
    assert_eq!(m.title.as_deref(), Some("Full EV cars: a 2025 guide"));
}

#[test]
fn declared_titles_in_readability_order() {
    let page = r#"<html><head><title>Title Element</title><meta property="x:title dc:title" content="Preferred title">
        <meta property="og:title twitter:title" content="A title"></head><body><p>Text</p></body></html>"#;
    assert_eq!(meta_of(page).title.as_deref(), Some("Preferred title"));
    let parsely = r#"<html><head><meta name="parsely-title" content="Some Other Title"></head><body><h1>Test document title</h1><p>Text</p></body></html>"#;
    assert_eq!(meta_of(parsely).title.as_deref(), Some("Some Other Title"));
}

#[test]
fn character_references_left_in_declared_values_are_decoded() {
    assert_eq!(html_unescape("&#xg; &#x1F62D; &#128557; &#xFFFFFFFF; &#x0;"), "&#xg; 😭 😭 \u{fffd} \u{fffd}");
    assert_eq!(html_unescape("Tom &amp; Jerry &rsquo;s &unknown; & more"), "Tom & Jerry ’s &unknown; & more");
    let hostile = "&".repeat(1_000_000);
    assert_eq!(html_unescape(&hostile), hostile);
    let page = r#"<html><head><meta property="dc:creator" content="Creator Name"><meta name="author" content="Other">
        <meta property="og:description" content="Tom &amp;amp; Jerry"><meta name="description" content="Plain"></head><body><p>Text</p></body></html>"#;
    let m = meta_of(page);
    assert_eq!(m.byline.as_deref(), Some("Creator Name"));
    assert_eq!(m.description.as_deref(), Some("Tom & Jerry"));
}

#[test]
fn bylines_lose_stray_punctuation_and_doubled_quotes() {
    assert_eq!(clean_author("\"David Kim\""), "David Kim");
    assert_eq!(clean_author(", USA TODAY"), "USA TODAY");
    assert_eq!(clean_author("By Jane Doe,"), "Jane Doe");
    assert_eq!(clean_author("Haley Hoekstra •"), "Haley Hoekstra");
    assert_eq!(clean_author("Ann-Marie O'Neil |"), "Ann-Marie O'Neil");
}

#[test]
fn author_page_links_and_reviewers_leave_the_writers_name() {
    assert_eq!(clean_author("Read the latest from Zackery Cuevas"), "Zackery Cuevas");
    assert_eq!(clean_author("Articles by Juliette"), "Juliette");
    assert_eq!(clean_author("By Shelby Loos, DVM. Reviewed by Molly Price, DVM"), "Shelby Loos, DVM");
    assert_eq!(clean_author("Jane Doe | Fact checked by John Roe"), "Jane Doe");
    // Letters that change length when lower-cased do not shift the cut.
    assert_eq!(clean_author("İlker Öztürk. Reviewed by Ann Lee"), "İlker Öztürk");
    // An editor credited beside the writers is part of the byline.
    assert_eq!(clean_author("The Team, edited by Walter"), "The Team, edited by Walter");
    assert_eq!(clean_author("Reviewed by Molly Price"), "Molly Price");
}

#[test]
fn a_byline_label_is_followed_by_the_name_not_the_job_or_the_next_row() {
    let byline = |inner: &str| {
        let page = format!("<html><body><article><h1>Headline of the story</h1><div class=\"byline\">{inner}</div><p>Text</p></article></body></html>");
        meta_of(&page).byline
    };
    assert_eq!(byline("By <a href=/k>Keith Barry</a><br><span class=byline-author__title>Senior Autos Reporter</span>").as_deref(), Some("Keith Barry"));
    assert_eq!(
        byline("<span>Written By:</span> <a href=/c>Celeste Longacre</a> <span class=author-title>Gardener</span>").as_deref(),
        Some("Celeste Longacre")
    );
    assert_eq!(byline("<span>By</span> <a href=/m>Meghan Holmes</a><div class=tooltip><a href=/m>Meghan Holmes</a></div>").as_deref(), Some("Meghan Holmes"));
    assert_eq!(byline("By <a href=/j>Jane Doe</a> and <a href=/r>John Roe</a>").as_deref(), Some("Jane Doe and John Roe"));
    // The article's kind before the label is not the name.
    assert_eq!(byline("<span class=article_type>Guide</span> <span>by</span> <a href=/w>Will Judd</a>").as_deref(), Some("Will Judd"));
    // The name ends with the block it stands in, before a link to the team page.
    assert_eq!(byline("<p>Written By</p><p>Our Research Team</p><a href=/team>Meet the team</a>").as_deref(), Some("Our Research Team"));
}

#[test]
fn a_topic_link_in_a_byline_is_the_category_not_the_author() {
    let page = |byline: &str| {
        format!(r#"<html><body><article><div class="post-byline">{byline}</div><h1>Seven tax services, reviewed</h1><p>Text</p></article></body></html>"#)
    };
    assert_eq!(meta_of(&page(r#"<a href="/blog/tag/personal-finance">Personal finance</a> <span>January 27, 2025</span>"#)).byline, None);
    assert_eq!(meta_of(&page(r#"<a href="/category/money">Money</a> <span>Isabel Haas</span>"#)).byline.as_deref(), Some("Isabel Haas"));
}

#[test]
fn an_author_link_reading_as_no_name_is_not_the_author() {
    let page = |link: &str| {
        format!(
            r#"<html><body><article><h1>Ten science fiction books</h1><p>Text</p><div class="author-info"><span class="author vcard"><a href="/author/dw">Damien Walter</a></span>
            <a class="author-link" href="/author/dw" rel="author">{link}</a></div></article></body></html>"#
        )
    };
    assert_eq!(meta_of(&page("View more posts")).byline.as_deref(), Some("Damien Walter"));
    // A link naming the author is the author, as before.
    assert_eq!(meta_of(&page("Damien G. Walter")).byline.as_deref(), Some("Damien G. Walter"));
}

#[test]
fn a_name_after_a_credit_label_or_a_dated_by_is_the_author() {
    assert_eq!(name_after_by_label(&["Article by", "Matias Heikkilä"]).as_deref(), Some("Matias Heikkilä"));
    assert_eq!(name_after_by_label(&["Text by", "Hunter Dukes"]).as_deref(), Some("Hunter Dukes"));
    assert_eq!(name_after_by_label(&["Last updated March 3, 2025 by", "Erik Demaine", "."]).as_deref(), Some("Erik Demaine"));
    // A picture's credit or a sentence ending in "by" names no author.
    assert_eq!(name_after_by_label(&["Photo by", "Jane Doe"]), None);
    assert_eq!(name_after_by_label(&["The ferry is run by", "Island Lines"]), None);
}

#[test]
fn machine_values_are_not_declared_authors() {
    for token in ["262588213843476", "page.head.extra.author", "{{ author }}", "undefined", "NULL"] {
        assert!(is_machine_token(token), "{token}");
    }
    for name in ["jane.doe", "J. R. R. Tolkien", "Dr. Jane Doe", "5ive"] {
        assert!(!is_machine_token(name), "{name}");
    }
    let page = r#"<html><head><meta name="author" content="page.head.extra.author"></head>
        <body><article><h1>Mesh networks explained</h1><div class="byline">By Tim Enwall</div><p>Text</p></article></body></html>"#;
    assert_eq!(meta_of(page).byline.as_deref(), Some("Tim Enwall"));
    let unset = r#"<html><head><script type="application/ld+json">{"@type":"BlogPosting","headline":"Trends","author":{"@type":"Person","name":"undefined"}}</script></head>
        <body><article><h1>Trends</h1><p>Text</p></article></body></html>"#;
    assert_eq!(meta_of(unset).byline, None);
}

#[test]
fn post_header_labels_and_initials_are_not_names() {
    for label in [
        "Post time", "Topic Author", "via", "Text by", "NB", "J", "Username", "Sign in", "This article was", "Recipe by", "recipient of the", "Updated",
        "View more posts",
    ] {
        assert!(!looks_like_name(label), "{label}");
    }
    for name in ["galitsyn", "Nicole Burke", "Ann-Marie O'Neil", "Jo Li"] {
        assert!(looks_like_name(name), "{name}");
    }
    // The rule's cost: a two-letter name standing alone reads as initials.
    assert!(!looks_like_name("Jo"));
}

#[test]
fn form_fields_containers_and_look_alike_classes_are_not_bylines() {
    let page = |body_class: &str, inside: &str| {
        format!(r#"<html><body class="{body_class}"><h1>Ferns in winter</h1><p>Ferns keep their fronds.</p>{inside}</body></html>"#)
    };
    for (body_class, inside) in [
        ("single-author", "<div><a href='#content'>Skip to main content</a></div>"),
        ("", r#"<form><p class="comment-form-author"><label for="author">Name</label><input id="author"></p></form>"#),
        ("", r#"<div class="username_17660"><label for="username">If you are a human, ignore this field</label><input name="username"></div>"#),
        ("", r#"<div class="authorized-dealer">Authorized Dealer</div>"#),
        ("", r#"<article class="entry author-jennifer-charles"><a href="/c">Comment</a></article>"#),
        ("", r#"<select><option>By Review</option></select>"#),
        ("", r#"<span class="author-name"><script>Static.COOKIE_BANNER = true;</script></span>"#),
    ] {
        assert_eq!(meta_of(&page(body_class, inside)).byline, None, "{inside}");
    }
}

#[test]
fn a_site_standing_in_as_author_gives_way_to_the_byline() {
    let page = |declared: &str| {
        format!(
            r#"<html><head><meta property="og:site_name" content="USA TODAY"><meta name="author" content="{declared}"></head>
            <body><h1>Review: a film</h1><div class="byline">Brian Truitt</div><p>The film is long.</p></body></html>"#
        )
    };
    assert_eq!(meta_of(&page("USA TODAY")).byline.as_deref(), Some("Brian Truitt"));
    assert_eq!(meta_of(&page("Jane Roe")).byline.as_deref(), Some("Jane Roe"));
    // A commenter is nobody's byline.
    let comment = r#"<html><head><meta property="og:site_name" content="Travel Tips"><meta name="author" content="Travel Tips"></head>
        <body><h1>Packing</h1><p>Pack light.</p><ol><li class="comment"><div class="comment-author vcard"><b class="fn">copywriter4u</b></div></li></ol></body></html>"#;
    assert_eq!(meta_of(comment).byline.as_deref(), Some("Travel Tips"));
}

#[test]
fn a_by_label_in_a_menu_names_no_author() {
    let page = |article: &str| {
        format!(
            r#"<html><body><nav><ul><li><button>By Gender &amp; Age</button></li><li><span>By Brand</span></li></ul></nav>
            <div role="menubar"><a href="/a">By Activity</a></div><h1>Kids' jackets</h1>{article}<p>Warm jackets for every age.</p></body></html>"#
        )
    };
    assert_eq!(meta_of(&page("")).byline, None);
    assert_eq!(meta_of(&page("<p>By Jane Doe</p>")).byline.as_deref(), Some("Jane Doe"));
}

#[test]
fn a_forum_poster_or_a_microdata_author_is_the_byline() {
    let page = |poster: &str| format!("<html><body><h1>Desktop GPUs</h1><ul><li>{poster}</li></ul><p>Which card should I buy?</p></body></html>");
    let xenforo = page(r#"<a href="/members/samuelmiz.3009205/" class="username u-concealed">SamuelMIz</a>"#);
    assert_eq!(meta_of(&xenforo).byline.as_deref(), Some("SamuelMIz"));
    let nodebb = page(r#"<div itemprop="author" itemscope itemtype="https://schema.org/Person"><meta itemprop="name" content="julian"></div>"#);
    assert_eq!(meta_of(&nodebb).byline.as_deref(), Some("julian"));
    // The reader's own account box is nobody's byline.
    let login = page(r#"<div class="username-my-account"><span class="username-sign-in">Sign in</span></div>"#);
    assert_eq!(meta_of(&login).byline, None);
}

#[test]
fn an_h1_spelling_the_domain_is_the_logo() {
    let thread = r#"<html><head><title>What happened with the ISO / Discussion / Fern Linux Forums</title></head>
        <body><h1>Fern Linux</h1><p>The ISO was rebuilt twice this year.</p></body></html>"#;
    let m = meta_at(thread, "https://bbs.fernlinux.co.uk/viewtopic.php?id=1");
    assert_eq!(m.title.as_deref(), Some("What happened with the ISO"));
}

#[test]
fn a_shortened_og_title_gives_way_to_the_full_title() {
    let page = r#"<html><head><title>What will the watch market do in 2024? | Watch Forums</title>
        <meta property="og:title" content="What will the watch market do..."></head><body><p>Text</p></body></html>"#;
    assert_eq!(meta_of(page).title.as_deref(), Some("What will the watch market do in 2024?"));
}

#[test]
fn an_og_title_sharing_few_words_with_the_title_is_a_teaser() {
    let page = |title: &str| {
        format!(
            r#"<html><head><title>{title}</title><meta property="og:site_name" content="Mailchimp">
            <meta property="og:title" content="We're Really Good at Email | Mailchimp"></head><body><p>Text</p></body></html>"#
        )
    };
    assert_eq!(meta_of(&page("Email Marketing Tools | Mailchimp")).title.as_deref(), Some("Email Marketing Tools"));
    // An og:title that shares most of its words with the title stands.
    assert_eq!(meta_of(&page("Email Marketing Tools: We're Really Good at Email")).title.as_deref(), Some("We're Really Good at Email"));
    // A title naming only the site, or the home page, names no page to prefer.
    assert_eq!(meta_of(&page("Mailchimp")).title.as_deref(), Some("We're Really Good at Email"));
    assert_eq!(meta_of(&page("Home | Mailchimp")).title.as_deref(), Some("We're Really Good at Email"));
    assert_eq!(meta_of(&page("Home Page")).title.as_deref(), Some("We're Really Good at Email"));
    assert_eq!(meta_of(&page("Blog | Mailchimp")).title.as_deref(), Some("We're Really Good at Email"));
}

#[test]
fn a_title_cut_inside_a_word_gives_way_to_the_headline() {
    let page = r#"<html><head><title>Set up your monitor, laptop, and k | Desk Shop</title></head>
        <body><h1>Set up your monitor, laptop, and keyboard</h1><p>Text</p></body></html>"#;
    assert_eq!(meta_of(page).title.as_deref(), Some("Set up your monitor, laptop, and keyboard"));
    // A title that stops at a whole word is the page's own choice, not a cut.
    let whole_word = page.replace("and k |", "and |");
    assert_eq!(meta_of(&whole_word).title.as_deref(), Some("Set up your monitor, laptop, and"));
    let ellipsis = page.replace("and k |", "and … |");
    assert_eq!(meta_of(&ellipsis).title.as_deref(), Some("Set up your monitor, laptop, and keyboard"));
}

#[test]
fn a_headline_restating_the_title_beats_it() {
    let page =
        |title: &str| format!("<html><head><title>{title}</title></head><body><h1>7 Mental Health Trends to Watch in 2025</h1><p>Text</p></body></html>");
    assert_eq!(meta_of(&page("7 Mental Health Trends to Watch in 2024 | Clinic")).title.as_deref(), Some("7 Mental Health Trends to Watch in 2025"));
    // Another word changed too: the `<title>` is a rewrite of its own.
    assert_eq!(meta_of(&page("7 Health Trends to Watch in 2024")).title.as_deref(), Some("7 Health Trends to Watch in 2024"));
    assert_eq!(meta_of(&page("7 Mental Health Trends to Watch Now")).title.as_deref(), Some("7 Mental Health Trends to Watch Now"));
    // The title's words in another order.
    let course = "<html><head><title>Graphic Design Course Online | Shillington</title></head><body><h1>Online Graphic Design Course</h1></body></html>";
    assert_eq!(meta_of(course).title.as_deref(), Some("Online Graphic Design Course"));
}

#[test]
fn an_open_numeric_date_takes_the_reading_the_page_writes_in_full() {
    let page = |sidebar: &str| {
        format!(
            r#"<html lang="en"><body><article><h1>Pixel-perfect UI pipelines</h1><time datetime="02-12-2025">02-12-2025</time>
            <p>The pipeline renders every frame twice.</p></article><aside><ul><li><a href="/blog/pixel">Pixel-perfect UI pipelines</a>
            {sidebar}</li></ul></aside></body></html>"#
        )
    };
    assert_eq!(meta_of(&page(r#"<time datetime="2025-12-02">December 02, 2025</time>"#)).published.as_deref(), Some("2025-12-02"));
    // Left open when nothing else on the page settles it.
    assert_eq!(meta_of(&page("")).published, None);
}

#[test]
fn headline_or_page_title() {
    let article = r#"<html><head><title>Ferns in winter | Garden Notes</title><meta property="og:type" content="article"></head>
        <body><h1>Why ferns outlast the winter</h1><p>Text</p></body></html>"#;
    assert_eq!(meta_of(article).title.as_deref(), Some("Why ferns outlast the winter"));
    // On a landing page the same lone <h1> is a slogan: the title names the page.
    let landing = article.replace("article", "website").replace("Why ferns outlast the winter", "Build what comes next");
    assert_eq!(meta_of(&landing).title.as_deref(), Some("Ferns in winter"));
    // A WordPress page's WebPage with a publication date is not an article; a BlogPosting is.
    let web_page = r#"{"@graph": [{"@type": "WebPage", "name": "Ferns in winter", "datePublished": "2024-01-02"}]}"#;
    let with_ld = |ld: &str| landing.replace("</head>", &format!("<script type='application/ld+json'>{ld}</script></head>"));
    assert_eq!(meta_of(&with_ld(web_page)).title.as_deref(), Some("Ferns in winter"));
    assert_eq!(meta_of(&with_ld(&web_page.replace("WebPage", "BlogPosting"))).title.as_deref(), Some("Build what comes next"));
    assert_eq!(strip_site_name("Acme | Cloud hosting for growing teams", None), "Cloud hosting for growing teams");
    // A teaser of several sentences set as the <h1> is no headline.
    let teaser = article.replace("Why ferns outlast the winter", "Which ferns survive? Read our tips. We'll show you how.");
    assert_eq!(meta_of(&teaser).title.as_deref(), Some("Ferns in winter"));
    let label = article.replace("Why ferns outlast the winter", "A message from our founder:");
    assert_eq!(meta_of(&label).title.as_deref(), Some("Ferns in winter"));
    // A headline dropped with a page header outside the article, spelling the
    // title, beats a lone kept <h1> the title does not name (a hidden show name).
    let yahoo = r#"<html><head><title>Veteran wraps baby in flag - Yahoo</title><meta property="og:type" content="article"></head>
        <body><h1 class="Hidden">Good Morning America</h1><section class="yom-article"><header class="header"><h1>Veteran wraps baby in flag</h1></header>
        <p>A photographer and Navy veteran is fighting back after a photo she posted drew criticism.</p></section></body></html>"#;
    assert_eq!(meta_of(yahoo).title.as_deref(), Some("Veteran wraps baby in flag"));
    let kicker = article.replace("Why ferns outlast the winter", "Cold snap. Why ferns outlast the winter");
    assert_eq!(meta_of(&kicker).title.as_deref(), Some("Cold snap. Why ferns outlast the winter"));
}

#[test]
fn meta_and_visible_fallbacks() {
    let m = meta_of(
        r#"<html><head><title>How to bake bread - Kitchen Blog</title>
        <meta name="description" content="A guide."></head>
        <body><div class="logo"><h1>Kitchen Blog Home</h1></div><span class="byline">By Ann Smith</span>
        <time datetime="2019-02-03">Feb 3</time><p>Text</p></body></html>"#,
    );
    assert_eq!(m.title.as_deref(), Some("How to bake bread"));
    assert_eq!(m.byline.as_deref(), Some("Ann Smith"));
    assert_eq!(m.published.as_deref(), Some("2019-02-03"));
    assert_eq!(m.description.as_deref(), Some("A guide."));
}

#[test]
fn strips_site_suffix() {
    assert_eq!(strip_site_name("Sudo - ArchWiki", None), "Sudo");
    assert_eq!(strip_site_name("Hugging Face – The AI community building the future.", None), "Hugging Face");
    assert_eq!(strip_site_name("No separators here", None), "No separators here");
    assert_eq!(strip_site_name(" | Nuts & Volts Magazine", None), "Nuts & Volts Magazine");
    assert_eq!(strip_site_name("Ferns | The Garden Notes Magazine", Some("The Garden Notes Magazine")), "Ferns");
    // A part that only labels the home page gives way to the site's name.
    assert_eq!(strip_site_name("Home - Ohio Artisan Collective", None), "Ohio Artisan Collective");
    assert_eq!(strip_site_name("Home Page | Garden Notes", None), "Garden Notes");
    assert_eq!(strip_site_name("Home", None), "Home");
    let home = meta_of(r#"<html><head><title>Home - The Garden Blog</title><meta property="og:title" content="Home"></head><body><p>Hi</p></body></html>"#);
    assert_eq!(home.title.as_deref(), Some("The Garden Blog"));
    assert_eq!(clean_author("By Jane Doe and John Roe"), "Jane Doe and John Roe");
    assert_eq!(clean_author("Maria &amp; Katerina"), "Maria & Katerina");
}
