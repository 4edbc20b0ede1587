//! The Tencent CSS error catalog: every HTTP status, error message and return code that seeds
//! 000, 001 and 003 and the legacy API pages document for the `t + sign` APIs, with what it
//! means, what kind of problem it is, and whether sending the request again can help.
//!
//! These codes belong to the API calls, not to event callbacks (seed 000's note).

use core::ffi::CStr;

/// Where an error shows up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// An HTTP status code of the response.
    Http,
    /// A bare error message (the front end answers with text, not a code).
    Message,
    /// The `ret` / `retcode` of a JSON response.
    Code,
}

/// What kind of problem an error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// Success.
    Success,
    /// Success, but there is no data for the query.
    NoData,
    /// The request failed authentication: the sign, `t` or the security check.
    Auth,
    /// The service or feature is not activated, or was stopped, for this account.
    NotActivated,
    /// The request itself is wrong: parameters, host.
    InvalidRequest,
    /// Too many requests.
    RateLimit,
    /// A fault on Tencent's side.
    Server,
    /// The stream is not in a state the command needs (not live, never pushed).
    StreamState,
}

/// Whether sending the request again can help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Retry {
    /// No: the same request fails again (or there is nothing to retry).
    Never,
    /// Yes, after a delay that grows with each attempt.
    Backoff,
    /// Yes, signed again with a later `t`.
    Resign,
    /// Only once the stream's state has changed (e.g. it has gone live).
    Later,
}

/// One catalog entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorInfo {
    /// Where it shows up.
    pub source: Source,
    /// The HTTP status or return code; 0 for [`Source::Message`] entries.
    pub code: i64,
    message: &'static CStr,
    meaning: &'static CStr,
    /// What kind of problem it is.
    pub category: Category,
    /// Whether retrying can help.
    pub retry: Retry,
}

impl ErrorInfo {
    /// The cloud's own text ("sign invalid", "invalid input param"); empty when the docs give
    /// none.
    pub fn message(&self) -> &'static str {
        self.message.to_str().unwrap_or_default()
    }

    /// What it means and what to do, in English.
    pub fn meaning(&self) -> &'static str {
        self.meaning.to_str().unwrap_or_default()
    }

    pub(crate) const fn c_message(&self) -> &'static CStr {
        self.message
    }

    pub(crate) const fn c_meaning(&self) -> &'static CStr {
        self.meaning
    }
}

const fn entry(
    source: Source,
    code: i64,
    message: &'static CStr,
    meaning: &'static CStr,
    category: Category,
    retry: Retry,
) -> ErrorInfo {
    ErrorInfo { source, code, message, meaning, category, retry }
}

use Category::*;
use Retry::*;
use Source::*;

/// Every entry, in the order of the seeds' tables.
pub static ALL: [ErrorInfo; 15] = ENTRIES;

/// The entries as a constant, so the C table can be built from them at compile time.
pub(crate) const ENTRIES: [ErrorInfo; 15] = [
    entry(
        Http,
        403,
        c"Forbidden",
        c"The API's security check refused the request; in a browser, check that the cookies carry skey.",
        Auth,
        Never,
    ),
    entry(Http, 404, c"Not Found", c"Check that the request carries a Host.", InvalidRequest, Never),
    entry(
        Message,
        0,
        c"appid is invalid",
        c"The appid is invalid: the feature is not activated for it (a line break copied into the URL gives this too).",
        NotActivated,
        Never,
    ),
    entry(
        Message,
        0,
        c"cmd is invalid",
        c"The cmd (APPID) is invalid: the feature is not activated for it.",
        NotActivated,
        Never,
    ),
    entry(
        Message,
        0,
        c"sign invalid",
        c"The sign is not MD5(key + t): check the CGI key configured in the console.",
        Auth,
        Never,
    ),
    entry(
        Message,
        0,
        c"time expired",
        c"The sign is right but t has passed: sign the request again with a later t.",
        Auth,
        Resign,
    ),
    entry(Code, 0, c"query data successfully", c"The query succeeded and returned its data.", Success, Never),
    entry(
        Code,
        1000,
        c"user is not registered for statapi",
        c"The account has not registered statapi; submit a ticket to activate it.",
        NotActivated,
        Never,
    ),
    entry(
        Code,
        1001,
        c"user service for statapi was stopped",
        c"The account's statapi access service has been stopped.",
        NotActivated,
        Never,
    ),
    entry(
        Code,
        1201,
        c"internal/system error",
        c"Internal system error; retry later, and report it with a ticket if it persists.",
        Server,
        Backoff,
    ),
    entry(
        Code,
        1202,
        c"invalid request/request frequency exceeds limit",
        c"Usually the API rate limit was reached: retry with backoff, or apply for a higher limit.",
        RateLimit,
        Backoff,
    ),
    entry(
        Code,
        1204,
        c"invalid input param",
        c"The parameters are invalid: check them against the command's documentation.",
        InvalidRequest,
        Never,
    ),
    entry(Code, 1301, c"has not live stream", c"A real-time command found no active stream.", StreamState, Later),
    entry(
        Code,
        10003,
        c"query data is empty",
        c"The query succeeded but returned no data (e.g. no playback in the period).",
        NoData,
        Never,
    ),
    entry(Code, 20601, c"", c"Live_Channel_GetStatus: the stream has never been pushed.", StreamState, Later),
];

/// Other spellings of documented messages: the Chinese page writes 1201 as "internel".
const ALIASES: [(&CStr, i64); 1] = [(c"internel/system error", 1201)];

/// The entry for an API return code (`ret` / `retcode`), e.g. 1202.
pub fn by_code(code: i64) -> Option<&'static ErrorInfo> {
    ALL.iter().find(|e| e.source == Code && e.code == code)
}

/// The entry for an HTTP status of the response, e.g. 403.
pub fn by_http_status(status: u32) -> Option<&'static ErrorInfo> {
    ALL.iter().find(|e| e.source == Http && e.code == i64::from(status))
}

/// The entry whose message is `text`, ignoring ASCII case and surrounding whitespace. Both
/// spellings of 1201 ("internal" and the Chinese page's "internel") are known.
pub fn by_message(text: &[u8]) -> Option<&'static ErrorInfo> {
    let text = text.trim_ascii();
    if text.is_empty() {
        return None;
    }
    let same = |m: &CStr| m.to_bytes().eq_ignore_ascii_case(text);
    ALL.iter()
        .find(|e| same(e.message))
        .or_else(|| ALIASES.iter().find(|(m, _)| same(m)).and_then(|&(_, c)| by_code(c)))
}
