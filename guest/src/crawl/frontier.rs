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

    /// Up to `n` entries in discovery order, passing over those `wait`
    /// holds back (they keep their place); see `take_in_order`.
    pub fn pop_batch(&mut self, n: usize, wait: impl FnMut(&Entry) -> bool) -> Vec<Entry> {
        take_in_order(&mut self.queue, n, wait)
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

/// Entries looked at for one batch at most: past this many held back, the
/// batch is what it is (a queue of a million URLs of one slow site).
const MAX_PASSED_OVER: usize = 1_000;

/// Up to `n` entries from the front of `queue`, in order, passing over
/// (and leaving in place) those `wait` holds back.
pub fn take_in_order<E>(queue: &mut VecDeque<E>, n: usize, mut wait: impl FnMut(&E) -> bool) -> Vec<E> {
    let mut taken = Vec::new();
    let mut passed_over = 0;
    let mut at = 0;
    while taken.len() < n && at < queue.len() && passed_over < MAX_PASSED_OVER {
        if wait(&queue[at]) {
            passed_over += 1;
            at += 1;
        } else if let Some(entry) = queue.remove(at) {
            taken.push(entry);
        }
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
    fn a_batch_passes_over_what_must_wait_and_keeps_its_place() {
        let mut queue: VecDeque<u32> = (0..8).collect();
        // Odd numbers wait: the batch is the first three even ones.
        assert_eq!(take_in_order(&mut queue, 3, |n| n % 2 == 1), vec![0, 2, 4]);
        assert_eq!(queue, [1, 3, 5, 6, 7]);
        assert_eq!(take_in_order(&mut queue, 10, |_| false), vec![1, 3, 5, 6, 7]);
    }
}
