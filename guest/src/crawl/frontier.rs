//! Breadth-first frontier: dedupes on push, so every URL is queued once,
//! and hands URLs out in discovery order.

use std::collections::{HashSet, VecDeque};

use url::Url;

/// Most URLs remembered; a hostile site cannot grow the set without bound.
const MAX_SEEN: usize = 1_000_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub url: Url,
    pub depth: u32,
    /// Discovery order, starting at 0 for the seed.
    pub index: u32,
}

#[derive(Debug)]
pub struct Frontier {
    queue: VecDeque<Entry>,
    seen: HashSet<String>,
    max_depth: u32,
    discovered: u32,
}

impl Frontier {
    pub fn new(max_depth: u32) -> Self {
        Frontier { queue: VecDeque::new(), seen: HashSet::new(), max_depth, discovered: 0 }
    }

    /// Queue `url` at `depth` unless it was seen before or is too deep.
    /// Returns whether it was queued.
    pub fn push(&mut self, url: Url, depth: u32) -> bool {
        if depth > self.max_depth || self.seen.len() >= MAX_SEEN {
            return false;
        }
        if !self.seen.insert(url.as_str().to_string()) {
            return false;
        }
        self.queue.push_back(Entry { url, depth, index: self.discovered });
        self.discovered += 1;
        true
    }

    /// Mark a URL as seen without queueing it (a redirect target, say);
    /// returns false when it had been seen already.
    pub fn mark_seen(&mut self, url: &Url) -> bool {
        self.seen.insert(url.as_str().to_string())
    }

    pub fn pop(&mut self) -> Option<Entry> {
        self.queue.pop_front()
    }

    /// Up to `n` entries in discovery order, up to the first one `wait`
    /// holds back (see `take_front`).
    pub fn pop_batch(&mut self, n: usize, wait: impl FnMut(&Entry) -> bool) -> Vec<Entry> {
        take_front(&mut self.queue, n, wait)
    }

    /// The next `n` entries, still queued.
    pub fn peek(&self, n: usize) -> impl Iterator<Item = &Entry> {
        self.queue.iter().take(n)
    }

    pub fn len(&self) -> usize {
        self.queue.len()
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    pub fn clear(&mut self) {
        self.queue.clear();
    }
}

/// Up to `n` entries from the front of `queue`, stopping before the first
/// one `wait` holds back: what is handed out keeps the queue's order, as
/// callers were promised (input order for a crawl, discovery order for a
/// spider).
pub fn take_front<E>(queue: &mut VecDeque<E>, n: usize, mut wait: impl FnMut(&E) -> bool) -> Vec<E> {
    let mut taken = Vec::new();
    while taken.len() < n && queue.front().is_some_and(|entry| !wait(entry)) {
        taken.extend(queue.pop_front());
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn dedupes_and_respects_depth() {
        let mut f = Frontier::new(1);
        assert!(f.push(u("http://a/"), 0));
        assert!(!f.push(u("http://a/"), 1));
        assert!(f.push(u("http://a/x"), 1));
        assert!(!f.push(u("http://a/y"), 2));
        assert_eq!(f.pop().unwrap().index, 0);
        let e = f.pop().unwrap();
        assert_eq!((e.url.as_str(), e.depth, e.index), ("http://a/x", 1, 1));
        assert!(f.is_empty());
    }

    #[test]
    fn a_batch_stops_before_what_must_wait() {
        let mut queue: VecDeque<u32> = (0..8).collect();
        // 3 waits: the batch is what comes before it, the order kept.
        assert_eq!(take_front(&mut queue, 5, |&n| n == 3), vec![0, 1, 2]);
        assert_eq!(take_front(&mut queue, 2, |_| false), vec![3, 4]);
        assert_eq!(take_front(&mut queue, 10, |_| false), vec![5, 6, 7]);
        assert!(queue.is_empty());
    }
}
