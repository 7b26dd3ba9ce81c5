//! Show why the extractor kept or dropped the big parts of a page:
//!
//!     cargo run --release --example explain -- page.html
//!
//! Prints every element holding more than 3% of the page's text with its
//! drop flag and block verdict, and the chosen region.
use riptide_guest::extract::{clean, content, dom::Dom};
use riptide_guest::model::ExtractOptions;

fn main() {
    let path = std::env::args().nth(1).expect("usage: explain FILE.html");
    let html = String::from_utf8_lossy(&std::fs::read(&path).expect("read")).into_owned();
    let parsed = riptide_guest::extract::parse(&html);
    let dom = Dom::new(&parsed);
    let options = ExtractOptions::default();
    let drop = clean::classify(&dom, &options, false);
    let analysis = content::analyse(&dom, &drop, &options);
    // Raw text per subtree, ignoring drops, to show what was lost.
    let mut raw = vec![0u32; dom.len()];
    for i in (0..dom.len()).rev() {
        if let Some(t) = dom.text(i) {
            raw[i] += content::visible_len(t);
        }
        let p = dom.nodes[i].parent;
        if p != usize::MAX && !matches!(dom.tag(i), "script" | "style" | "template" | "head") {
            raw[p] += raw[i];
        }
    }
    let total = raw[dom.root].max(1);
    // With a second argument, show the ancestors of the first text node
    // containing it, with their flags: why a piece of content was lost.
    if let Some(needle) = std::env::args().nth(2) {
        let in_code = |i: usize| dom.nodes[i].parent != usize::MAX && matches!(dom.tag(dom.nodes[i].parent), "script" | "style" | "template");
        let Some(hit) = (0..dom.len()).find(|&i| !in_code(i) && dom.text(i).is_some_and(|t| t.contains(needle.as_str()))) else {
            println!("not found");
            return;
        };
        let mut chain = Vec::new();
        let mut i = hit;
        while i != usize::MAX {
            chain.push(i);
            i = dom.nodes[i].parent;
        }
        for &i in chain.iter().rev() {
            println!(
                "{} #{} .{:.70} raw={} {:?} {:?}{}",
                dom.tag(i),
                dom.attr(i, "id").unwrap_or(""),
                dom.attr(i, "class").unwrap_or(""),
                raw[i],
                drop[i],
                analysis.verdict[i],
                if i == analysis.region { "  <== REGION" } else { "" }
            );
        }
        return;
    }
    let mut depth = vec![0usize; dom.len()];
    for i in 0..dom.len() {
        let p = dom.nodes[i].parent;
        depth[i] = if p == usize::MAX { 0 } else { depth[p] + 1 };
        if dom.tag(i).is_empty() || raw[i] * 100 / total < 3 {
            continue;
        }
        let class = dom.attr(i, "class").unwrap_or("");
        let id = dom.attr(i, "id").unwrap_or("");
        println!(
            "{}{} #{} .{:.60} raw={} kept={} {:?} {:?}{}",
            "  ".repeat(depth[i].min(30)),
            dom.tag(i),
            id,
            class,
            raw[i],
            analysis.text_len[i],
            drop[i],
            analysis.verdict[i],
            if i == analysis.region { "   <== REGION" } else { "" }
        );
    }
}
