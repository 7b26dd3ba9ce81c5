//! Lists of like items: sibling elements of one tag and class, as a grid
//! of product cards, the posts of a thread, the tabs of a code sample or
//! the entries of an API reference are written. A line such an item
//! carries is part of that item even when another item says the same.

use std::collections::HashMap;

use crate::extract::dom::Dom;

/// Siblings of one tag and class it takes to make a list of like items;
/// two could as well be a pair of boxes (a summary and its details).
const LIKE_ITEMS_MIN: usize = 3;

/// Items within items a block keeps track of, outermost first: a card's
/// list of attributes in a grid in a tab is three; deeper ones are not
/// told apart (a page can nest lists as deep as it likes).
pub const MAX_NESTED_ITEMS: usize = 8;

/// An item of a list of like items, and its list (the items' parent).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Item {
    pub list: usize,
    pub element: usize,
}

impl Item {
    pub fn of(dom: &Dom, element: usize) -> Item {
        Item { list: dom.nodes[element].parent, element }
    }
}

/// Whether each node is an item of a list of like items: an element with
/// at least `LIKE_ITEMS_MIN` element siblings (itself included) of its tag
/// and class.
pub fn like_items(dom: &Dom) -> Vec<bool> {
    let mut like = vec![false; dom.len()];
    let mut counts: HashMap<(&str, &str), usize> = HashMap::new();
    for parent in 0..dom.len() {
        let children = &dom.nodes[parent].children;
        if children.len() < LIKE_ITEMS_MIN {
            continue;
        }
        let kind = |c: usize| dom.element(c).map(|e| (e.name(), e.attr("class").unwrap_or("")));
        counts.clear();
        for kind in children.iter().filter_map(|&c| kind(c)) {
            *counts.entry(kind).or_default() += 1;
        }
        for &c in children {
            like[c] = kind(c).is_some_and(|k| counts[&k] >= LIKE_ITEMS_MIN);
        }
    }
    like
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::parse;

    #[test]
    fn siblings_of_one_tag_and_class_are_like_items() {
        let html = r#"<div id="grid">
            <div class="card">a</div><div class="card">b</div><div class="card">c</div>
            <div class="card wide">d</div><p class="card">e</p>
        </div><div id="pair"><div class="box">x</div><div class="box">y</div></div>"#;
        let doc = parse(html);
        let dom = Dom::new(&doc);
        let like = like_items(&dom);
        let named = |text: &str| (0..dom.len()).find(|&i| dom.element(i).is_some() && dom.collapsed_text(i) == text).unwrap();
        for text in ["a", "b", "c"] {
            assert!(like[named(text)], "{text} is one of three cards");
        }
        for text in ["d", "e", "x", "y"] {
            assert!(!like[named(text)], "{text} has no two like siblings");
        }
    }
}
