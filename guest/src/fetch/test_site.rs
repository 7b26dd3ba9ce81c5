//! Test doubles for fetching: an in-memory site behind the `Transport`
//! trait, on a clock that sleeping moves forward, and a way to run a
//! future to completion without a runtime. Used by the fetch, crawl and
//! sitemap tests.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use super::{FetchOptions, RawResponse, Transport};
use crate::model::Error;

/// A request's headers: lower-case names and values.
pub type Headers = Vec<(String, String)>;

/// An in-memory site: path -> (status, content type, body or Location),
/// on a clock that sleeping moves forward; it logs when each path was asked for.
pub struct Site {
    pub pages: HashMap<String, (u16, &'static str, String)>,
    pub clock: Rc<Cell<Duration>>,
    pub asked: Rc<RefCell<Vec<(String, Duration)>>>,
    /// The headers each request carried besides the client's own, in order.
    pub headers: Rc<RefCell<Vec<(String, Headers)>>>,
    /// Paths whose next request has its connection reset.
    pub resets: RefCell<Vec<&'static str>>,
    /// Paths whose next request is answered 429 with this Retry-After
    /// (none when empty; dated `BUSY_SINCE` when it is a date).
    pub busy: RefCell<Vec<(&'static str, &'static str)>>,
    /// Paths behind a cookie check: without the cookie `gate=1` the answer
    /// is a redirect to the same path that sets it.
    pub gated: Vec<&'static str>,
}

impl Site {
    /// The same site for another client: one clock, one log.
    pub fn sharing(&self) -> Site {
        Site {
            pages: self.pages.clone(),
            clock: self.clock.clone(),
            asked: self.asked.clone(),
            headers: self.headers.clone(),
            resets: RefCell::default(),
            busy: RefCell::default(),
            gated: self.gated.clone(),
        }
    }
}

impl Transport for Site {
    fn now(&self) -> Duration {
        self.clock.get()
    }

    async fn sleep(&self, duration: Duration) {
        self.clock.set(self.clock.get() + duration);
    }

    async fn get(&self, url: &url::Url, _: &FetchOptions, headers: &[(String, String)]) -> Result<RawResponse, Error> {
        self.asked.borrow_mut().push((url.path().to_string(), self.clock.get()));
        self.headers.borrow_mut().push((url.to_string(), headers.to_vec()));
        let cookie = headers.iter().find(|(name, _)| name == "cookie").map(|(_, value)| value.as_str());
        let reset = self.resets.borrow().iter().position(|&p| p == url.path());
        if let Some(at) = reset {
            self.resets.borrow_mut().remove(at);
            return Err(Error::Fetch(format!("{url}: ConnectionTerminated")));
        }
        let busy = self.busy.borrow().iter().position(|&(p, _)| p == url.path());
        if let Some(at) = busy {
            let (_, retry_after) = self.busy.borrow_mut().remove(at);
            let date = retry_after.contains("GMT").then(|| BUSY_SINCE.to_string());
            let retry_after = Some(retry_after.to_string()).filter(|r| !r.is_empty());
            return Ok(RawResponse { status: 429, retry_after, date, ..Default::default() });
        }
        if self.gated.contains(&url.path()) && !cookie.is_some_and(|c| c.split("; ").any(|pair| pair == "gate=1")) {
            let to_itself = url.path().to_string();
            return Ok(RawResponse { status: 302, location: Some(to_itself), set_cookies: vec!["gate=1; Path=/".into()], ..Default::default() });
        }
        let Some((status, ctype, body)) = self.pages.get(url.path()) else {
            return Ok(RawResponse { status: 404, ..Default::default() });
        };
        let redirect = (300..400).contains(status);
        Ok(RawResponse {
            status: *status,
            location: redirect.then(|| body.clone()),
            content_type: Some(ctype.to_string()),
            content_language: None,
            content_encoding: None,
            retry_after: None,
            date: None,
            set_cookies: Vec::new(),
            body: if redirect { Vec::new() } else { body.clone().into_bytes() },
        })
    }
}

/// The `Date` of a busy answer whose Retry-After is a date.
pub const BUSY_SINCE: &str = "Sat, 28 Nov 2026 17:30:05 GMT";

pub fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

pub fn site() -> Site {
    let page = |links: &[&str]| {
        let a: String = links.iter().map(|l| format!("<a href='{l}'>{l}</a> ")).collect();
        (200, "text/html", format!("<html><body><p>Some page text that is long enough to count as content.</p>{a}</body></html>"))
    };
    let mut m = HashMap::new();
    m.insert("/robots.txt".into(), (200, "text/plain", "User-agent: *\nDisallow: /secret\n".to_string()));
    m.insert("/".into(), page(&["/a", "/b", "/secret", "https://elsewhere.example/", "/file.pdf", "/old"]));
    m.insert("/a".into(), page(&["/a/deep", "/"]));
    m.insert("/b".into(), page(&["/b/deep"]));
    m.insert("/a/deep".into(), page(&["/a/deeper"]));
    m.insert("/b/deep".into(), page(&[]));
    m.insert("/old".into(), (301, "text/html", "/b".to_string()));
    Site {
        pages: m,
        clock: Rc::default(),
        asked: Rc::default(),
        headers: Rc::default(),
        resets: RefCell::default(),
        busy: RefCell::default(),
        gated: Vec::new(),
    }
}
