//! What a discovery (sitemaps, feeds) lists: pages in the order found,
//! each once, at most a number; and the first failure on the way, which
//! is the answer when nothing could be listed.

use std::collections::HashSet;

use url::Url;

use crate::model::Error;

pub struct Listed {
    max: usize,
    pages: Vec<String>,
    seen: HashSet<String>,
    first_error: Option<Error>,
}

impl Listed {
    pub fn new(max: u32) -> Self {
        Listed { max: max as usize, pages: Vec::new(), seen: HashSet::new(), first_error: None }
    }

    pub fn is_full(&self) -> bool {
        self.pages.len() >= self.max
    }

    /// Add a page, unless listed already or the list is full.
    pub fn add(&mut self, page: &Url) {
        if !self.is_full() && self.seen.insert(page.to_string()) {
            self.pages.push(page.to_string());
        }
    }

    /// A file that could not be read; only the first one is kept.
    pub fn failed(&mut self, error: Error) {
        self.first_error.get_or_insert(error);
    }

    /// The pages, or the first failure when there are none.
    pub fn finish(self) -> Result<Vec<String>, Error> {
        match self.first_error {
            Some(error) if self.pages.is_empty() => Err(error),
            _ => Ok(self.pages),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_come_once_up_to_the_most_and_a_failure_only_when_empty() {
        let url = |p: &str| Url::parse(&format!("https://example.org{p}")).unwrap();
        let mut listed = Listed::new(2);
        listed.failed(Error::Fetch("first".into()));
        listed.failed(Error::Fetch("second".into()));
        for p in ["/a", "/a", "/b", "/c"] {
            listed.add(&url(p));
        }
        assert!(listed.is_full());
        assert_eq!(listed.finish().unwrap(), ["https://example.org/a", "https://example.org/b"]);
        let mut empty = Listed::new(5);
        empty.failed(Error::Fetch("first".into()));
        empty.failed(Error::Fetch("second".into()));
        assert!(matches!(empty.finish(), Err(Error::Fetch(m)) if m == "first"));
    }
}
