//! The drop pass on whole pages: chrome, junk, widgets and the guards
//! that keep content whatever its class says.

use super::*;

/// The text nodes `classify` keeps, concatenated. Pages are parsed as the
/// pipeline parses them, with scripting off.
fn kept_text(page: &str) -> String {
    let html = crate::extract::parse(page);
    let dom = Dom::new(&html);
    let drop = classify(&dom, &ExtractOptions::default(), false);
    (0..dom.len()).filter(|&i| drop[i] == Drop::Keep).filter_map(|i| dom.text(i)).collect()
}

/// How `classify` marks the first element whose `attr` equals each of `values`.
fn drops_of(page: &str, attr: &str, values: &[&str]) -> Vec<Drop> {
    let html = crate::extract::parse(page);
    let dom = Dom::new(&html);
    let drop = classify(&dom, &ExtractOptions::default(), false);
    values.iter().map(|v| drop[(0..dom.len()).find(|&i| dom.attr(i, attr) == Some(*v)).unwrap()]).collect()
}

#[test]
fn a_form_around_listed_items_is_a_listing() {
    let item = |n: u32| format!("<article><h3><a href='/p{n}'>Air purifier model {n}</a></h3><p>$89.99</p></article>");
    let items: String = (1..=3).map(item).collect();
    let page = format!("<body><form action='/compare'>{items}</form><form action='/search'><input name=q><button>Search the shop</button></form></body>");
    let kept = kept_text(&page);
    assert!(kept.contains("Air purifier model 3"), "{kept}");
    assert!(!kept.contains("Search the shop"), "{kept}");
}

#[test]
fn a_mega_menu_header_is_chrome_even_when_it_outweighs_the_page() {
    let menu: String = (0..40).map(|n| format!("<li><a href='/p{n}'>Product family {n}</a><p>What product family {n} does for you.</p></li>")).collect();
    let page = format!(
        "<body><header><ul>{menu}</ul></header><div id='post'><h1>What is cloud computing?</h1><p>{}</p></div></body>",
        "Cloud computing is renting computers. ".repeat(10)
    );
    let kept = kept_text(&page);
    assert!(kept.contains("renting computers"), "{kept}");
    assert!(!kept.contains("Product family"), "{kept}");
}

#[test]
fn tables_of_contents_go_but_footnotes_stay() {
    let toc =
        "<ol><li><a href='/guide#why'>Why ferns</a></li><li><a href='/guide#which'>Which ferns</a></li><li><a href='/guide#care'>Caring for them</a></li></ol>";
    let notes = "<ol><li>Smith, Ferns (2020), p. 4. <a href='#r1'>back</a></li><li>Jones, Fronds (2019). <a href='#r2'>back</a></li><li>Lee, Shade (2021). <a href='#r3'>back</a></li></ol>";
    let menu = "<ul><li><a href='/a#x'>Alpha</a></li><li><a href='/b#x'>Beta</a></li><li><a href='/c#x'>Gamma</a></li></ul>";
    let kept = kept_text(&format!("<body><p>Intro.</p>{toc}{notes}{menu}</body>"));
    assert!(!kept.contains("Which ferns"), "{kept}");
    assert!(kept.contains("Jones, Fronds"), "{kept}");
    assert!(kept.contains("Beta"), "{kept}");
}

#[test]
fn a_modal_of_prose_is_content_but_a_sign_up_modal_is_not() {
    let details = "Choose whether to stand the shelf upright or lay it down as a sideboard. ".repeat(8);
    let page = format!(
        "<body><main><h1>Shelf unit</h1><p>A shelf for every room.</p>\
        <div class='product-details-modal'><p>{details}</p></div>\
        <div class='signup-modal'><p>Get 10% off your first order.</p></div></main></body>"
    );
    let kept = kept_text(&page);
    assert!(kept.contains("sideboard"), "{kept}");
    assert!(!kept.contains("10% off"), "{kept}");
}

#[test]
fn a_pager_wrapping_the_listing_is_content_but_a_pager_is_not() {
    let cards: String =
        (1..=20).map(|n| format!("<article><h4><a href='/p{n}'>Seamless training tee number {n}</a></h4><p>slim fit</p><p>$36</p></article>")).collect();
    let page = format!(
        "<body><main><h1>T-Shirts & Tops</h1><div class='pagination_wrapper'>{cards}</div>\
        <nav><ul class='pager'><li><a href='?page=2'>Next page</a></li></ul></nav><div class='pagination'><a href='?page=3'>Page three</a></div>\
        <div class='seo'><p>{}</p></div></main></body>",
        "Our training tees keep you cool from the first set to the last. ".repeat(20)
    );
    let kept = kept_text(&page);
    assert!(kept.contains("training tee number 12"), "{kept}");
    assert!(!kept.contains("Page three"), "{kept}");
}

#[test]
fn an_id_slugged_from_its_heading_names_a_topic_not_a_widget() {
    let prose = "Plan a menu around what your guests can eat and what the season brings. ".repeat(6);
    let page = format!(
        "<body><main><h1>Catering trends</h1><p>{prose}</p>\
        <div id='menu-innovation-strategies-for-caterers'><h2>Menu Innovation Strategies for Caterers</h2><p>Rotate two seasonal dishes a quarter. {prose}</p></div>\
        <div id='site-menu'><a href='/a'>About us</a></div>\
        <section id='related-products-and-services'><h2>Related products and services</h2><p>Cloud catering software for every kitchen, {prose}</p></section></main></body>"
    );
    let kept = kept_text(&page);
    assert!(kept.contains("Rotate two seasonal dishes"), "{kept}");
    assert!(!kept.contains("About us"), "{kept}");
    assert!(!kept.contains("Cloud catering software"), "{kept}");
}

#[test]
fn size_and_colour_pickers_are_not_content() {
    let page = "<body><main><h1>Arrival T-Shirt</h1><p>A slim training tee in sweat-wicking fabric.</p>\
        <fieldset><legend>Size</legend><input type=radio id=s-xs><label for=s-xs>xs</label><input type=radio id=s-xl><label for=s-xl>xl</label></fieldset>\
        <label><input type=checkbox> Gift wrap</label><label for=email>Email</label><input id=email>\
        <label for=c1><input type=checkbox id=c1><h3>Cotton tee</h3><p>Our softest tee, now in six colours and a relaxed, boxy cut.</p></label></main></body>";
    let kept = kept_text(page);
    assert!(!kept.contains("xl") && !kept.contains("Gift wrap"), "{kept}");
    assert!(kept.contains("Email") && kept.contains("softest tee"), "{kept}");
}

#[test]
fn messages_waiting_hidden_for_an_event_are_not_content() {
    let page = "<body><main><h1>Stoneware mug</h1><p>A wheel-thrown mug glazed in the folk art style.</p>\
        <div class='wt-alert wt-display-none'><p>There was a problem calculating your shipping.</p></div>\
        <div role=alert class='d-none'>This topic has been deleted.</div>\
        <div class='field__message--is-hidden error'>Please enter a valid postal code.</div>\
        <div class='hidden' id=more><p>Fired in a wood kiln for three days.</p></div>\
        <div class='alert'>Ships within two days.</div></main></body>";
    let kept = kept_text(page);
    assert!(!kept.contains("shipping") && !kept.contains("deleted") && !kept.contains("postal code"), "{kept}");
    // Hidden without being a message (revealed content), or a message shown.
    assert!(kept.contains("wood kiln") && kept.contains("Ships within"), "{kept}");
}

#[test]
fn widgets_a_script_shows_go_but_other_script_conditions_keep_their_content() {
    let story = "Wool keeps its warmth when wet, which is why sailors wore it. ".repeat(6);
    let page = format!(
        "<body><main><div v-if='isNotifyModalOpen'><h3>Notify me when back in stock</h3></div>\
         <p x-show='showInvalidEmailMessage'>Provide a valid email address</p>\
         <div v-if='pageLoaded'><p>{story}</p></div><div x-show='accordion == 2'><p>Machine wash cold, lay flat to dry.</p></div></main></body>"
    );
    let kept = kept_text(&page);
    assert!(!kept.contains("Notify me"), "{kept}");
    assert!(!kept.contains("valid email"), "{kept}");
    assert!(kept.contains("sailors wore it") && kept.contains("lay flat to dry"), "{kept}");
}

#[test]
fn closed_tabs_beside_an_open_one_are_content_but_a_lone_hidden_tab_is_not() {
    let page = "<body><div id='product'><h1>Graphics card</h1><div class='tabs'>\
        <div class='tab-pane' style='display:block'><p>Overview: 5760 CUDA cores.</p></div>\
        <div class='tab-pane' style='display:none'><p>Specifications: 12GB GDDR5.</p></div></div>\
        <div class='settings'><div class='tab-pane' style='display:none'><p>Choose your region.</p></div></div></div></body>";
    let kept = kept_text(page);
    assert!(kept.contains("12GB GDDR5"), "{kept}");
    assert!(!kept.contains("Choose your region"), "{kept}");
}

#[test]
fn a_panel_a_read_more_control_unfolds_is_content_but_a_pop_up_menu_is_not() {
    let page = "<body><main><h1>Iris hemp dress</h1><p>A flowing dress in three layers.</p>\
        <button aria-expanded='false' aria-controls='more'>Read more</button><div id='more' style='display:none'><p>Materials: 100% hemp, azo-free dyes.</p></div>\
        <button aria-expanded='false' aria-haspopup='true' aria-controls='account'>Account</button><div id='account' style='display:none'><p>Sign in to your account.</p></div></main></body>";
    let kept = kept_text(page);
    assert!(kept.contains("100% hemp"), "{kept}");
    assert!(!kept.contains("Sign in"), "{kept}");
}

#[test]
fn a_panel_and_its_button_naming_each_other_is_an_accordion_but_a_tab_panel_outside_content_is_not() {
    let page = "<body><div class='hero'><h1>Learn design</h1><p>Courses for working designers.</p></div>\
        <div><button id='q1' aria-controls='a1' data-expanded='false'>Learn fast</button>\
        <div id='a1' aria-labelledby='q1' hidden aria-hidden='true'><p>Twelve weeks, full time, with a mentor.</p></div></div>\
        <div><button id='t1' role='tab' aria-controls='p1'>Chrome</button>\
        <div id='p1' aria-labelledby='t1' hidden aria-hidden='true'><p>Tap the menu to install the app.</p></div></div></body>";
    let kept = kept_text(page);
    assert!(kept.contains("Twelve weeks"), "{kept}");
    assert!(!kept.contains("install the app"), "{kept}");
}

#[test]
fn an_accordion_panel_that_opens_as_a_sheet_is_content() {
    let page = "<body><main><h1>Arrival T-Shirt</h1><div class='accordion_item'><button>Description</button>\
        <div role='dialog'><aside class='sheet'><p>Sweat-wicking, slim fit training top.</p></aside></div></div>\
        <div role='dialog'><aside class='sheet'><p>Get an alert when your size is back.</p></aside></div></main></body>";
    let kept = kept_text(page);
    assert!(kept.contains("Sweat-wicking"), "{kept}");
    assert!(!kept.contains("Get an alert"), "{kept}");
}

#[test]
fn footer_of_a_script_shell_is_not_content() {
    let links: String = (0..30).map(|n| format!("<a href='/c{n}'>Category number {n}</a> ")).collect();
    let shell = format!("<html><body><div id='root'>Loading</div><footer>{links}</footer></body></html>");
    assert_eq!(kept_text(&shell).trim(), "Loading");
}

#[test]
fn a_widget_name_on_most_of_the_main_landmark_names_its_content() {
    let items: String = (0..8).map(|n| format!("<h3>Robotic mower model {n}</h3><p>Covers up to {n} acres, quietly.</p>")).collect();
    // Site chrome outweighs the listing, so the page-wide share guard does not apply.
    let links: String = (0..40).map(|n| format!("<a href='/c{n}'>Garden tools category {n}</a> ")).collect();
    let header = format!("<header><nav>{links}</nav></header>");
    let listing = format!("<body>{header}<main><h1>Mowers</h1><section class='related-product'>{items}</section></main></body>");
    assert_eq!(drops_of(&listing, "class", &["related-product"]), vec![Drop::Keep]);
    // Beside an article that outweighs it, the same section is a widget.
    let body = "<p>Mowing in spirals leaves a cleaner edge than mowing in rows, and it spares the turn marks.</p>".repeat(8);
    let article = format!("<body>{header}<main><h1>Mowing</h1>{body}<section class='related-product'>{items}</section></main></body>");
    assert_eq!(drops_of(&article, "class", &["related-product"]), vec![Drop::Boilerplate]);
}

#[test]
fn boilerplate_tokens() {
    assert!(token_is_boilerplate("site-nav", true, false));
    assert!(token_is_boilerplate("cookie-banner", true, false));
    assert!(token_is_boilerplate("post-share", true, false));
    assert!(token_is_boilerplate("comments", true, false));
    assert!(!token_is_boilerplate("comments", false, false));
    // A comment's own body, beside the article in one column (Movable Type).
    assert!(token_is_boilerplate("comments-body", true, false));
    assert!(!token_is_boilerplate("comments-body", false, false));
    assert!(!token_is_boilerplate("post-body", true, false));
    assert!(!token_is_boilerplate("entry-content", true, false));
    assert!(!token_is_boilerplate("shared-content", true, false));
    assert!(!token_is_boilerplate("header-title-large", true, false));
    assert!(!token_is_boilerplate("badge", true, false));
    assert!(!token_is_boilerplate("wsite-not-footer", true, false));
    assert!(!token_is_boilerplate("no-sidebar", true, false));
    // "hide-read-more-ad": the grid hides its ad slot; it is not one.
    assert!(!token_is_boilerplate("hide-read-more-ad", true, false));
    assert!(token_is_boilerplate("read-more-ad", true, false));
    assert!(!token_is_boilerplate("container--section-more-ads", true, false));
    assert!(token_is_boilerplate("menu--open", true, false));
    // Skip-link *targets* are content sections ("skip-item").
    assert!(!token_is_boilerplate("skip-item", true, false));
    assert!(!token_is_boilerplate("accordion-item__dropdown", true, false));
    assert!(!token_is_boilerplate("faq_tabs-menu", true, false));
    assert!(!token_is_boilerplate("sidebar-enabled--false", true, false));
    assert!(token_is_boilerplate("sidemenu-container", true, false));
    assert!(token_is_boilerplate("topnav", true, false));
    assert!(token_is_boilerplate("message-userextras", true, false));
    assert!(token_is_boilerplate("author_statistics", true, false));
    // Poster signatures under each post (FluxBB, vBulletin).
    assert!(token_is_boilerplate("postsignature", true, false));
    assert!(token_is_boilerplate("signaturecontainer", true, false));
    assert!(!token_is_boilerplate("caravan", true, false));
    // A qualifying first word: a card that can be subscribed to.
    assert!(!token_is_boilerplate("subscription-eligible", true, false));
    assert!(token_is_boilerplate("subscription-form", true, false));
    assert!(token_is_boilerplate("nav-table", true, false));
}

#[test]
fn drops_chrome_and_junk_but_keeps_article_and_section_headers() {
    let kept = kept_text(
        "<body><header>Site</header><nav>Menu</nav><article><header><h1>T</h1></header><p>Body</p>\
         <div class='share-buttons'>Share</div></article><script>x()</script>\
         <div style='display: none'>hidden</div><section><header><h2>Pricing</h2></header><p>Plans</p></section><footer>F</footer></body>",
    );
    assert_eq!(kept, "TBodyPricingPlans");
}

#[test]
fn big_sidebar_is_still_a_sidebar() {
    let archive = "<li><a href=/m>March 2023 archive</a></li>".repeat(6);
    let page = format!("<body><article><p>A short article body of real prose.</p></article><aside><ul>{archive}</ul></aside></body>");
    let html = crate::extract::parse(&page);
    let dom = Dom::new(&html);
    let drop = classify(&dom, &ExtractOptions::default(), false);
    assert_eq!(drop[dom.find("aside").unwrap()], Drop::Boilerplate);
    // A class-named wrapper with the same share is kept.
    let page = page.replace("<aside>", "<div class='sidebar'>").replace("</aside>", "</div>");
    let html = crate::extract::parse(&page);
    let dom = Dom::new(&html);
    let drop = classify(&dom, &ExtractOptions::default(), false);
    assert_eq!(drop[dom.find("ul").unwrap()], Drop::Keep);
}

#[test]
fn container_of_the_headline_is_not_a_widget() {
    let page = "<body><header><h1 class='logo'>Site</h1></header><section class='col-9 sidebar-first-only'>\
                <h1>Ferns</h1><p>Text.</p></section><div class='sidebar'><p>Links</p></div></body>";
    assert_eq!(drops_of(page, "class", &["col-9 sidebar-first-only", "sidebar"]), [Drop::Keep, Drop::Boilerplate]);
}

#[test]
fn section_opened_by_a_related_heading_is_dropped() {
    let cards = "<div class='card'><a href=/x>Another product title</a><span>$10</span></div>".repeat(8);
    let page = format!(
        "<body><div class='item'><h1>Lamp</h1><p>Price $20</p></div>\
         <div class='x1'><div class='x2'><h2>Similar items</h2></div><div>{cards}</div></div>\
         <div class='x3'><h2>Latest news</h2><p>Listing pages open with this.</p></div></body>"
    );
    // Site-wide announcements (x3) only go inside the region (`render`).
    assert_eq!(drops_of(&page, "class", &["x1", "item", "x3"]), [Drop::Boilerplate, Drop::Keep, Drop::Keep]);
}

#[test]
fn collapsed_panels_are_content_a_click_away() {
    let kept = kept_text(
        "<body><main><p>A product description long enough to be most of the page, as product copy is.</p>\
         <div class='accordion__panel' style='display:none'>Care instructions</div>\
         <div class='a-expander-content' style='display:none'>Excerpt</div><div role='tabpanel' hidden>Specs</div>\
         <h3><button aria-expanded='false'><img src=arrow.svg>Fit</button></h3><div hidden aria-hidden='true'>Room for the toes.</div>\
         <button aria-expanded='false' aria-haspopup='menu'>Account</button><div hidden aria-hidden='true'>Sign out</div><div role='region' aria-labelledby='q1' style='display:none'>Answer</div>\
         <div><div>What does it cost?</div> <div style='visibility:hidden'>Nine euros.</div></div>\
         <button aria-expanded='false'>Does it fold?</button><div hidden class='faq-answer'>Flat.</div><button>Buy now?</button>\
         <div><div>Price list</div><div style='visibility:hidden'>Secret offer</div></div></main><div role='tabpanel' hidden>Push settings</div>\
         <div style='display:none'>Popup</div></body>",
    );
    // Then an FAQ without ARIA or class names: an answer under its
    // question is shown on a click, the second not. An FAQ's question
    // as its toggle button stays; a plain button goes.
    assert!(kept.ends_with("is.Care instructionsExcerptSpecsRoom for the toes.AnswerWhat does it cost? Nine euros.Does it fold?Flat.Price list"), "{kept}");
}

#[test]
fn aria_hidden_sentences_are_shown_text() {
    let teaser = "Walmart now has the headphones in new colours, which were previously not offered in the US.";
    let page = format!(
        "<body><p>{teaser} {teaser} {teaser}</p><p><a aria-hidden='true' href=/s>{teaser}</a><span aria-hidden='true'>icon</span>\
         <span aria-hidden='true' class='hide'>{teaser}</span></p></body>"
    );
    assert_eq!(kept_text(&page), format!("{teaser} {teaser} {teaser}{teaser}"));
}

#[test]
fn streamed_react_chunks_are_the_page() {
    let kept = kept_text(
        "<body><main><p>Intro that is long enough to be most of the page text here.</p></main>\
         <div hidden id='S:1'><p>Streamed body</p></div><div hidden id='S:x'>Not a chunk</div></body>",
    );
    assert!(kept.ends_with("here.Streamed body"), "{kept}");
}

#[test]
fn a_copy_no_one_is_shown_goes_however_long_it_is() {
    let story = "The story itself, told once for the reader in a paragraph of prose.";
    let copy = "# The story, again, as raw Markdown kept for a script to read. ".repeat(4);
    let kept = kept_text(&format!(
        "<body><article><p>{story}</p></article><pre hidden aria-hidden='true'>{copy}</pre>\
         <div role='dialog' style='display:none'><p>Republish: {copy}</p></div><div hidden>{copy}</div></body>"
    ));
    // The plain `hidden` copy may be one a script reveals or moves: it stays.
    assert_eq!(kept, format!("{story}{copy}"));
}

#[test]
fn misused_widget_roles_do_not_drop_prose() {
    let answer = "An answer of real prose that a visitor reads once the panel is open. ".repeat(8);
    let page = format!(
        "<body><div role='tablist' id='faq'><h3>Question?</h3><p>{answer}</p></div>\
         <div role='tablist' id='tabs'><a href=#a>Overview</a><a href=#b>Specs</a></div><p>{answer}</p></body>"
    );
    assert_eq!(drops_of(&page, "id", &["faq", "tabs"]), [Drop::Keep, Drop::Boilerplate]);
}

#[test]
fn consent_manager_is_dropped_even_when_it_outweighs_the_page() {
    let purposes = "<p>These cookies may be set through our site by our advertising partners to build a profile.</p>".repeat(3);
    let page = format!("<body><div id='onetrust-consent-sdk'>{purposes}</div><article><p>A short thread post: does anyone know what these two ports are for?</p></article></body>");
    assert_eq!(drops_of(&page, "id", &["onetrust-consent-sdk"]), [Drop::Boilerplate]);
}

#[test]
fn threads_are_known_by_url_or_markup() {
    assert!(looks_like_thread(Some("https://www.warriorforum.com/beginners-area/14-simple.html"), ""));
    assert!(looks_like_thread(Some("https://example.com/t/start-here/68911"), ""));
    assert!(looks_like_thread(Some("https://example.com/a"), r#"{"@type":"DiscussionForumPosting"}"#));
    assert!(!looks_like_thread(Some("https://example.com/blog/forms-guide"), ""));
}

#[test]
fn comments_under_q_and_a_posts_go_but_forum_replies_stay() {
    let body = "<p>I tried mounting the drive with the sync option, but writes still land in the cache first, and a power cut loses them.</p>";
    let post = |id: &str| {
        format!("<div class='post' id='{id}'><div class='post-body'>{body}</div><div class='comments'><ul><li>Did you try -o sync on the mount?</li><li>Yes, same result.</li></ul></div></div>")
    };
    let page = format!("<body><div id='question'>{}</div><div id='answers'>{}{}</div></body>", post("q"), post("a1"), post("a2"));
    let html = crate::extract::parse(&page);
    let dom = Dom::new(&html);
    let drop = classify(&dom, &ExtractOptions::default(), true);
    let comments: Vec<Drop> = (0..dom.len()).filter(|&i| dom.attr(i, "class") == Some("comments")).map(|i| drop[i]).collect();
    assert_eq!(comments, [Drop::Boilerplate; 3]);
    assert!((0..dom.len()).filter(|&i| dom.attr(i, "class") == Some("post-body")).all(|i| drop[i] == Drop::Keep));
    // A forum whose replies are "comments", each beside its poster's card.
    let reply = format!("<div class='comment'><div class='author'>sam · 120 posts</div><div class='content'>{body}</div></div>");
    let forum = format!("<body><div class='comments'>{}</div></body>", reply.repeat(3));
    let html = crate::extract::parse(&forum);
    let dom = Dom::new(&html);
    let drop = classify(&dom, &ExtractOptions::default(), true);
    assert!((0..dom.len()).filter(|&i| dom.attr(i, "class") == Some("content")).all(|i| drop[i] == Drop::Keep));
    // Asked for, comments stay.
    let html = crate::extract::parse(&page);
    let dom = Dom::new(&html);
    let drop = classify(&dom, &ExtractOptions { include_comments: true, ..Default::default() }, true);
    assert!((0..dom.len()).filter(|&i| dom.attr(i, "class") == Some("comments")).all(|i| drop[i] == Drop::Keep));
}

#[test]
fn reviews_go_even_when_they_outweigh_the_product() {
    // A product with a real description (not a thread: that would keep
    // them) and twice as much review text.
    let about = "<p>The #1 bestseller about building good habits and breaking bad ones, in small steps.</p>".repeat(16);
    let review = "<p>Great book, practical and clear, I recommend it to everyone who wants better habits.</p>".repeat(32);
    let page = format!("<body><div id='desc'><h1>Atomic Habits</h1>{about}</div><div id='customerReviews'>{review}</div></body>");
    let html = crate::extract::parse(&page);
    let dom = Dom::new(&html);
    let drop = classify(&dom, &ExtractOptions::default(), false);
    let reviews = (0..dom.len()).find(|&i| dom.attr(i, "id") == Some("customerReviews")).unwrap();
    assert_eq!(drop[reviews], Drop::Boilerplate);
    // With comments asked for, they stay.
    let options = ExtractOptions { include_comments: true, ..ExtractOptions::default() };
    assert_eq!(classify(&dom, &options, false)[reviews], Drop::Keep);
}

#[test]
fn wrapper_with_boilerplate_class_is_not_dropped() {
    let html = crate::extract::parse("<body><div class='has-sidebar page-menu'><p>Lots of real text here.</p></div></body>");
    let dom = Dom::new(&html);
    let drop = classify(&dom, &ExtractOptions::default(), false);
    let p = dom.find("p").unwrap();
    assert_eq!(drop[p], Drop::Keep);
}

#[test]
fn a_noscript_page_is_content_but_escaped_markup_is_not() {
    let prose = "The tide pool fills twice a day and holds anemones, crabs and snails that wait for the water. ".repeat(4);
    let page = format!(
        "<body><noscript id=page><p>{prose}</p></noscript><noscript id=pixel>&lt;div&gt;&lt;a href=\"https://ads.example/jump;sz=728x90;tile=3\"&gt;&lt;img alt=\"\" src=\"https://ads.example/ad;sz=728x90;tile=3;ord=7840756744\" /&gt;&lt;/a&gt;&lt;/div&gt; {prose}</noscript><p>{prose}</p></body>"
    );
    assert_eq!(drops_of(&page, "id", &["page", "pixel"]), [Drop::Keep, Drop::Junk]);
    // Prose that mentions a tag without writing one out stays.
    assert!(!hidden::holds_a_tag("Use a <div> for layout and a <p> for text."));
    assert!(hidden::holds_a_tag("<img alt=\"\" src=\"/pixel.gif\">"));
}
