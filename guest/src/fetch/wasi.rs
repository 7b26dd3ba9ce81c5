//! The one `Transport` that touches the network: wstd's wasi:http client.
//! Timeouts are passed to the host as wasi:http request options, plus an
//! overall deadline; the body is read chunk by chunk and abandoned as soon
//! as it exceeds the size cap.

use url::Url;
use wstd::future::FutureExt;
use wstd::http::{Body, BodyExt, Client, ErrorCode, Request};
use wstd::time::Duration;

use super::{FetchOptions, RawResponse, Transport};
use crate::model::Error;

/// Bytes of a redirect or error body read (and thrown away) at most.
const DRAIN_ERROR_BODY_BYTES: usize = 64 * 1024;

const ACCEPT: &str = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";

pub struct WasiTransport;

thread_local! {
    /// The start of the clock `now` reads: one per instance, as the turns
    /// and robots.txt ages that `SiteMemory` keeps span calls.
    static STARTED: wstd::time::Instant = wstd::time::Instant::now();
}

impl Transport for WasiTransport {
    fn now(&self) -> std::time::Duration {
        STARTED.with(|started| started.elapsed().into())
    }

    async fn sleep(&self, duration: std::time::Duration) {
        wstd::task::sleep(duration.into()).await;
    }

    async fn get(&self, url: &Url, options: &FetchOptions, headers: &[(String, String)]) -> Result<RawResponse, Error> {
        let deadline = Duration::from_millis(options.request_timeout_ms.max(1) as u64);
        match send(url, options, headers).timeout(deadline).await {
            Ok(result) => result,
            Err(_) => Err(Error::Timeout(format!("{url}: no complete response within {} ms", options.request_timeout_ms))),
        }
    }
}

async fn send(url: &Url, options: &FetchOptions, headers: &[(String, String)]) -> Result<RawResponse, Error> {
    let mut client = Client::new();
    client.set_connect_timeout(Duration::from_millis(options.connect_timeout_ms as u64));
    client.set_first_byte_timeout(Duration::from_millis(options.first_byte_timeout_ms as u64));
    client.set_between_bytes_timeout(Duration::from_millis(options.between_bytes_timeout_ms as u64));
    let (url_sent, authorization) = super::credentials::split(url);
    let mut request = Request::get(url_sent.as_str());
    let has_credentials = authorization.is_some();
    if let Some(authorization) = authorization {
        request = request.header("authorization", authorization);
    }
    // Credentials in the URL name who is asking; they win over an
    // Authorization header of the caller's.
    for (name, value) in headers.iter().filter(|(name, _)| !(has_credentials && name == "authorization")) {
        request = request.header(name.as_str(), value.as_str());
    }
    let request = request
        .header("user-agent", options.user_agent.as_str())
        .header("accept", ACCEPT)
        .header("accept-encoding", super::encoding::ACCEPT_ENCODING)
        // Declare the empty body. Without it the host may start sending
        // before the guest has finished the (empty) body and fall back to
        // chunked framing; servers that ignore a GET's body then close with
        // the terminator unread, which resets the connection.
        .header("content-length", "0")
        // An empty stream, not `Body::empty()`: wstd writes the latter's
        // zero bytes, and that write finds the body closed when the host
        // has already had the whole exchange (the server answered and hung
        // up first), which wstd reports as a reset connection. The request
        // was then sent again, a second hit on the site (one in four after
        // a Crawl-delay wait). A stream is finished without a write.
        .body(Body::from_stream(futures_lite::stream::empty::<Vec<u8>>()))
        .map_err(|e| Error::InvalidUrl(format!("{url}: {e}")))?;
    let response = client.send(request).await.map_err(|e| network_error(url, e))?;
    let status = response.status().as_u16();
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let location = header("location");
    let content_type = header("content-type");
    let content_language = header("content-language");
    let content_encoding = header("content-encoding");
    let retry_after = header("retry-after");
    let date = header("date");
    let set_cookies = response.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).map(str::to_string).collect();
    if let Some(length) = header("content-length").and_then(|l| l.trim().parse::<u64>().ok()) {
        if length > options.max_body_bytes {
            return Err(Error::TooLarge(options.max_body_bytes));
        }
    }
    let mut body = response.into_body().into_boxed_body();
    if !(200..300).contains(&status) {
        // The body of a redirect or an error page is never used. Read a
        // little of it so the connection ends cleanly (hanging up on a
        // server that is still writing resets it), then stop.
        let mut drained = 0;
        while drained < DRAIN_ERROR_BODY_BYTES {
            match body.frame().await {
                Some(Ok(frame)) => drained += frame.data_ref().map_or(0, |d| d.len()),
                _ => break,
            }
        }
        return Ok(RawResponse { status, location, content_type, content_language, content_encoding, retry_after, date, set_cookies, body: Vec::new() });
    }
    let mut bytes = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| network_error(url, e))?;
        if let Ok(data) = frame.into_data() {
            if bytes.len() as u64 + data.len() as u64 > options.max_body_bytes {
                return Err(Error::TooLarge(options.max_body_bytes));
            }
            bytes.extend_from_slice(&data);
        }
    }
    Ok(RawResponse { status, location, content_type, content_language, content_encoding, retry_after, date, set_cookies, body: bytes })
}

/// Translate a wasi:http failure into a fetch error or a timeout.
fn network_error(url: &Url, error: wstd::http::Error) -> Error {
    let code = error.downcast_ref::<ErrorCode>().map(|c| format!("{c:?}"));
    let detail = code.clone().unwrap_or_else(|| format!("{error:#}"));
    let text = format!("{url}: {detail}");
    if detail.contains("Timeout") || detail.to_ascii_lowercase().contains("timed out") {
        Error::Timeout(text)
    } else {
        Error::Fetch(text)
    }
}
