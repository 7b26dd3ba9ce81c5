//! Forums and Q&A pages: telling a discussion page from an article with
//! comments, and the comment lists hanging under a thread's posts.

use super::is_boilerplate;
use crate::extract::dom::Dom;
use crate::model::ExtractOptions;

/// On a thread the posts are the content, but Q&A sites hang a list of
/// short comments under each question and answer ("Did you try -r?"),
/// which readers skim past. Such a list is a comment container with the
/// post's paragraphs beside it, within a few levels up; they count only
/// when the page has several, one per post, and the posts say more than
/// the comments. Forums whose replies are "comments" have only the
/// poster's card (and signature) beside each, or one post above them all.
pub(super) fn comments_on_posts(dom: &Dom, options: &ExtractOptions, raw_len: &[u32]) -> Vec<bool> {
    let n = dom.len();
    let is_comments = |i: usize| !dom.tag(i).is_empty() && is_boilerplate(dom, i, false, options, true) && !is_boilerplate(dom, i, false, options, false);
    let comment_only: Vec<bool> = (0..n).map(is_comments).collect();
    // Paragraph text outside comment containers, per subtree: the posts'
    // own words (an author card beside a forum reply has no paragraphs).
    let mut post_prose = vec![0u32; n];
    for i in (0..n).rev() {
        if comment_only[i] {
            post_prose[i] = 0;
        } else if dom.tag(i) == "p" {
            post_prose[i] = raw_len[i];
        }
        let parent = dom.nodes[i].parent;
        if parent != usize::MAX {
            post_prose[parent] += post_prose[i];
        }
    }
    let mut attached = vec![false; n];
    for i in (0..n).filter(|&i| comment_only[i] && raw_len[i] > 0) {
        attached[i] = dom.ancestors(i).take(POST_LEVELS_UP).any(|at| post_prose[at] >= POST_MIN_CHARS);
    }
    // Nested matches (the list inside its wrapper) count once.
    let lists: Vec<usize> = (0..n).filter(|&i| attached[i] && !dom.ancestors(i).any(|at| attached[at])).collect();
    let commented: u32 = lists.iter().map(|&i| raw_len[i]).sum();
    if lists.len() < MIN_POSTS_WITH_COMMENTS || commented >= post_prose[dom.root] {
        attached.iter_mut().for_each(|a| *a = false);
    }
    attached
}

/// How far above a comment list its post's text is looked for.
pub(super) const POST_LEVELS_UP: usize = 3;

/// A post's own paragraphs hold at least this much text.
pub(super) const POST_MIN_CHARS: u32 = 100;

/// Comment lists under at least this many posts make a Q&A page.
pub(super) const MIN_POSTS_WITH_COMMENTS: usize = 2;

/// URL path parts of forum and Q&A software.
pub(super) const THREAD_PATH_PARTS: &[&str] = &[
    "/forum", "/forums/", "/thread", "/threads/", "/topic/", "/topics/", "/t/", "/discussion", "/questions/", "/community/", "/viewtopic", "/showthread",
    "/board/", "/boards/",
];

/// schema.org types of discussion pages.
pub(super) const THREAD_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage", "\"Question\""];

/// Whether the page says it is a discussion thread, by its URL or its
/// structured data.
pub fn looks_like_thread(url: Option<&str>, html: &str) -> bool {
    // Path and query: some forum software routes through `index.php?/topic/...`.
    let parsed = url.and_then(|u| url::Url::parse(u).ok());
    let path = parsed.as_ref().map(|u| format!("{}?{}", u.path(), u.query().unwrap_or("")).to_ascii_lowercase()).unwrap_or_default();
    // Forum hosts ("forum.example.com", "warriorforum.com") route threads
    // under board names.
    let forum_host = parsed.as_ref().and_then(|u| u.host_str().map(|h| h.to_ascii_lowercase().contains("forum"))).unwrap_or(false);
    forum_host || THREAD_PATH_PARTS.iter().any(|p| path.contains(p)) || THREAD_TYPES.iter().any(|t| html.contains(t))
}

/// Kept text (chars) outside the comment containers above which the page is
/// an article with comments rather than a thread.
pub(super) const MAX_TEXT_BESIDE_THREAD: u64 = 1200;
