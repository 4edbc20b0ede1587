//! The common REST API error codes 60002–60021, with seed 002's own description of each,
//! what kind of problem it is, and whether sending the request again can help.
//!
//! Retry advice: the rate limits (60007, 60011, 60018, 60019) and the timeouts (60008, and
//! 60014 "account replacement timed out") clear by themselves, and so may 60013 (Tencent
//! could not parse a response inside its own service: nothing in the request caused it), so
//! they are [`Retry::Backoff`]. Every other code describes the request or the app's set-up
//! (URL, JSON, account, UserSig, SDKAppID, privileges, package, source IP): the same request
//! fails the same way until someone changes it, so they are [`Retry::Never`] (60003, bad JSON,
//! above all).

use core::ffi::CStr;

/// What kind of problem a code reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// The request itself is wrong: URL, JSON body, field types, a missing SDKAppID.
    Request,
    /// Who is calling: the identifier or UserSig is wrong (or expired), the account is not an
    /// App administrator, or the source IP is not allowed.
    Auth,
    /// The application's state: unknown or disabled SDKAppID, a disabled request, an expired
    /// package.
    App,
    /// A frequency limit was exceeded.
    RateLimit,
    /// Tencent's side timed out or failed.
    Server,
}

/// Whether sending the same request again can succeed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Retry {
    /// No: fix the request or the configuration first.
    Never,
    /// Yes, later: retry with exponential backoff.
    Backoff,
}

/// One entry of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RestError {
    code: i64,
    message: &'static CStr,
    category: Category,
    retry: Retry,
}

impl RestError {
    /// The `ErrorCode`.
    pub fn code(&self) -> i64 {
        self.code
    }

    /// Seed 002's description, word for word.
    pub fn message(&self) -> &'static str {
        // Every message below is a UTF-8 literal.
        self.message.to_str().unwrap_or_default()
    }

    /// The description as a NUL-terminated string, for C.
    pub(crate) fn message_c(&self) -> &'static CStr {
        self.message
    }

    /// What kind of problem it is.
    pub fn category(&self) -> Category {
        self.category
    }

    /// Whether retrying can help.
    pub fn retry(&self) -> Retry {
        self.retry
    }
}

const fn entry(code: i64, message: &'static CStr, category: Category, retry: Retry) -> RestError {
    RestError { code, message, category, retry }
}

use Category::*;
use Retry::*;

/// Every common REST error code of seed 002, in order (60002 to 60021, none missing).
pub const CATALOG: [RestError; 20] = [
    entry(60002, c"HTTP parsing error, please check the HTTP request URL format", Request, Never),
    entry(60003, c"HTTP request JSON parsing error, please check the JSON format", Request, Never),
    entry(60004, c"Request URL or JSON payload contains an incorrect account or signature", Auth, Never),
    entry(60005, c"Request URL or JSON payload contains an incorrect account or signature", Auth, Never),
    entry(60006, c"SDKAppID invalid, please verify the validity of SDKAppID", App, Never),
    entry(60007, c"RESTful API invocation frequency exceeds its limit, please reduce the request frequency", RateLimit, Backoff),
    entry(60008, c"Service request timed out or HTTP request format is incorrect, please check and retry", Server, Backoff),
    entry(60009, c"Request Resource Error, please check the request URL", Request, Never),
    entry(60010, c"The request requires App administrator privileges", Auth, Never),
    entry(60011, c"SDKAppID request frequency exceeds the limit, please reduce the request frequency", RateLimit, Backoff),
    entry(60012, c"RESTful API requires SDKAppID, please check the SDKAppID in the request URL", Request, Never),
    entry(60013, c"HTTP response package JSON parsing error", Server, Backoff),
    entry(60014, c"Account Replacement timed out", Server, Backoff),
    entry(60015, c"The request body has the wrong account type. Please ensure the account is in string format", Request, Never),
    entry(60016, c"SDKAppID is disabled.", App, Never),
    entry(60017, c"The request is disabled.", App, Never),
    entry(60018, c"The request is too frequent, please try again later.", RateLimit, Backoff),
    entry(60019, c"The request is too frequent, please try again later.", RateLimit, Backoff),
    entry(
        60020,
        c"Your Professional Edition package has expired and been deactivated. Please log in to [ Chat purchase page](https://buy.tencentcloud.com/avc) to repurchase the package. Once purchased, it will take effect 5 minutes later.",
        App,
        Never,
    ),
    entry(60021, c"The Call Source IP for RestAPI is illegal.", Auth, Never),
];

const FIRST: i64 = 60002;

/// The catalog entry for `code`, or `None` for a code outside 60002–60021 (0 is success;
/// other tables, such as the 70xxx UserSig codes, are not in this catalog).
pub fn lookup(code: i64) -> Option<&'static RestError> {
    let index = usize::try_from(code.checked_sub(FIRST)?).ok()?;
    CATALOG.get(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_is_dense_and_indexed_by_code() {
        for (i, e) in CATALOG.iter().enumerate() {
            assert_eq!(e.code(), FIRST + i as i64);
            assert_eq!(lookup(e.code()), Some(e));
            assert!(!e.message().is_empty());
        }
        for unknown in [i64::MIN, -1, 0, 60001, 60022, 70001, i64::MAX] {
            assert_eq!(lookup(unknown), None, "{unknown}");
        }
    }
}
