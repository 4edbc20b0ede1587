//! Tencent Chat / TRTC REST API exports: the request URL, the response envelope, and the
//! catalog of common error codes.

use core::ffi::{CStr, c_char};

use super::buffer::OutBuf;
use super::slice::livesign_slice;
use super::status::livesign_status;
use super::{boundary, input, utf8};
use crate::Error;
use crate::trtc::rest::{self, ActionStatus, Category, RequestUrl, Response, Retry};

/// The longest URL `livesign_trtc_rest_url` writes (host, service, command and identifier at
/// `LIVESIGN_MAX_ID_LEN` bytes, the identifier percent-encoded at 3 bytes per byte, a
/// `LIVESIGN_USERSIG_MAX_LEN` UserSig, a 20-digit sdkappid): a buffer of this size always fits.
pub const LIVESIGN_TRTC_REST_URL_MAX_LEN: usize = 5815;
const _: () = assert!(LIVESIGN_TRTC_REST_URL_MAX_LEN == RequestUrl::MAX_LEN);

/// `ActionStatus` of a REST response.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum livesign_trtc_action_status {
    /// Nothing was parsed (the struct is zero-filled when parsing fails).
    LIVESIGN_TRTC_ACTION_NONE = 0,
    /// `"OK"`: the request was processed.
    LIVESIGN_TRTC_ACTION_OK = 1,
    /// `"FAIL"`: `error_code` and `error_info` say why.
    LIVESIGN_TRTC_ACTION_FAIL = 2,
}

/// The envelope of a REST response: views into the caller's body, valid as long as it is.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct livesign_trtc_rest_response {
    /// `ActionStatus`.
    pub action_status: livesign_trtc_action_status,
    /// `ErrorCode`: 0 on success; look it up with `livesign_trtc_rest_error_str`.
    pub error_code: i64,
    /// `ErrorInfo`, the text between its quotes as written (JSON escapes are not undone);
    /// (NULL, 0) when it is `""`.
    pub error_info: livesign_slice,
    /// `RequestId`, the text between its quotes as written; (NULL, 0) when the response has
    /// none or it is `""`.
    pub request_id: livesign_slice,
}

#[cfg_attr(not(feature = "jni"), allow(dead_code))] // the JNI exports start from it
pub(crate) const EMPTY_RESPONSE: livesign_trtc_rest_response = livesign_trtc_rest_response {
    action_status: livesign_trtc_action_status::LIVESIGN_TRTC_ACTION_NONE,
    error_code: 0,
    error_info: livesign_slice::EMPTY,
    request_id: livesign_slice::EMPTY,
};

/// What kind of problem a REST error code reports.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum livesign_trtc_error_category {
    /// The code is not in livesign's catalog (60002 to 60021).
    LIVESIGN_TRTC_ERROR_UNKNOWN = 0,
    /// The request is wrong: URL, JSON body, field types, a missing SDKAppID.
    LIVESIGN_TRTC_ERROR_REQUEST = 1,
    /// The caller: identifier or UserSig wrong or expired, not an App administrator, source IP
    /// not allowed.
    LIVESIGN_TRTC_ERROR_AUTH = 2,
    /// The application: SDKAppID invalid or disabled, request disabled, package expired.
    LIVESIGN_TRTC_ERROR_APP = 3,
    /// A frequency limit was exceeded.
    LIVESIGN_TRTC_ERROR_RATE_LIMIT = 4,
    /// Tencent's side timed out or failed.
    LIVESIGN_TRTC_ERROR_SERVER = 5,
}

/// Whether sending the same REST request again can succeed.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum livesign_trtc_retry {
    /// The code is not in livesign's catalog: decide from the code's own documentation.
    LIVESIGN_TRTC_RETRY_UNKNOWN = 0,
    /// No: fix the request or the configuration first.
    LIVESIGN_TRTC_RETRY_NEVER = 1,
    /// Yes, later, with exponential backoff (rate limits, timeouts).
    LIVESIGN_TRTC_RETRY_BACKOFF = 2,
}

const UNKNOWN_ERROR: &CStr = c"unknown error code";

/// Writes the URL of a Tencent Chat / TRTC REST request (seed 002), without a NUL:
/// `https://<host>/v4/<service>/<command>?sdkappid=<sdkappid>&identifier=<identifier>`
/// `&usersig=<usersig>&random=<random>&contenttype=json` (one line). POST the command's JSON
/// body (`{}` when it takes nothing) to it.
///
/// - `host`: `host` or `host:port`, the host dot-separated labels of ASCII letters, digits and
///   `-` (1 to 63 characters each, not starting or ending with `-`, and at most 253 in all, as
///   DNS allows; a name whose last
///   label is a number must be a dotted-quad IPv4 address), the port 1 to 65535 without a
///   leading zero; NULL or empty means `console.tim.qq.com`. Apps outside the Chinese mainland use their region's host.
/// - `service`, `command`: e.g. `im_open_login_svc`, `account_import`; non-empty, only
///   `A-Z a-z 0-9 _ -`.
/// - `identifier`: the App administrator account, non-empty UTF-8; percent-encoded (RFC 3986).
/// - `usersig`: a UserSig already generated for `identifier`, in Tencent's base64 alphabet
///   (`A-Z a-z 0-9 * -`, `_` padding); written unchanged, as it needs no encoding.
/// - `random`: the request's random number (livesign reads no random source).
/// - `out`, `out_cap`, `out_len`: the output buffer; `LIVESIGN_TRTC_REST_URL_MAX_LEN` bytes
///   always fit. A size query (`out` NULL, `out_cap` 0) checks every input and returns
///   `LIVESIGN_BUFFER_TOO_SMALL` with the exact size in `*out_len`.
///
/// Returns `LIVESIGN_OK` with the length in `*out_len`, or the first failure in this order:
/// - `LIVESIGN_INVALID_ARGUMENT`: `out_len` NULL, `out` NULL with `out_cap > 0`, an input NULL
///   with a non-zero length, text that is not UTF-8, a host breaking the rule above, a
///   service or command outside the characters above (or empty), an empty identifier, a host,
///   service, command or identifier longer than `LIVESIGN_MAX_ID_LEN`, a `usersig` longer than
///   `LIVESIGN_USERSIG_MAX_LEN`;
/// - `LIVESIGN_MALFORMED`: `usersig` is not Tencent base64 text (empty, another character, a
///   length that is not a multiple of 4, `_` other than as the last one or two characters);
/// - `LIVESIGN_BUFFER_TOO_SMALL`: `*out_len` holds the size needed; nothing useful is written.
///
/// On any other failure `*out_len` is 0 (when `out_len` is not NULL). Never allocates.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_trtc_rest_url(
    host: *const u8,
    host_len: usize,
    service: *const u8,
    service_len: usize,
    command: *const u8,
    command_len: usize,
    sdkappid: u64,
    identifier: *const u8,
    identifier_len: usize,
    usersig: *const u8,
    usersig_len: usize,
    random: u32,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: out is NULL or out_cap writable bytes not overlapping any
        // input, and out_len is NULL or a writable size_t.
        let mut out = unsafe { OutBuf::new(out, out_cap, out_len) }?;
        let mut write = || {
            // SAFETY: the C contract: each non-NULL input points to its length in bytes.
            let (host, service, command, identifier, usersig) = unsafe {
                (
                    input(host, host_len)?,
                    input(service, service_len)?,
                    input(command, command_len)?,
                    input(identifier, identifier_len)?,
                    input(usersig, usersig_len)?,
                )
            };
            let host = if host.is_empty() { RequestUrl::DEFAULT_HOST } else { utf8(host)? };
            let request = RequestUrl::new(utf8(service)?, utf8(command)?, sdkappid, utf8(identifier)?, usersig, random)
                .with_host(host);
            request.write(out.buf())
        };
        let result = write();
        out.report(result)
    })
}

/// Parses the envelope of a REST response body: `ActionStatus`, `ErrorCode`, `ErrorInfo` and,
/// when present, `RequestId` (seed 002 says every response carries it, but Tencent's Chat docs
/// show responses without it; it is then the empty slice).
///
/// - `body`, `body_len`: the whole HTTP response body (UTF-8 JSON).
/// - `response`: nullable; on `LIVESIGN_OK` receives the fields (slices point into `body`),
///   on failure is zero-filled (`LIVESIGN_TRTC_ACTION_NONE`, 0, empty slices).
///
/// Success of the request means `action_status == LIVESIGN_TRTC_ACTION_OK` and
/// `error_code == 0`; both are reported as sent, even when they disagree.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `body` is NULL with a non-zero
/// length or longer than `LIVESIGN_MAX_RESPONSE_LEN`; `LIVESIGN_MALFORMED` when the body is
/// not one strict RFC 8259 JSON object, or one of the four fields is of the wrong type
/// (`ActionStatus` a string `"OK"` or `"FAIL"`, `ErrorCode` an integer without fraction or
/// exponent within int64_t, `ErrorInfo` and `RequestId` strings) or present twice, or one of
/// the first three is missing. Never allocates.
#[must_use = "the status says whether the response could be read"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_trtc_rest_response_parse(
    body: *const u8,
    body_len: usize,
    response: *mut livesign_trtc_rest_response,
) -> livesign_status {
    boundary(|| {
        let report = |r: livesign_trtc_rest_response| {
            if !response.is_null() {
                // SAFETY: non-NULL, and the C contract makes it a writable struct.
                unsafe { response.write(r) };
            }
        };
        if !response.is_null() {
            // SAFETY: non-NULL and writable (C contract); all-zero bytes, padding included,
            // are EMPTY_RESPONSE.
            unsafe { response.write_bytes(0, 1) };
        }
        // SAFETY: the C contract: a non-NULL body points to body_len readable bytes.
        let body = unsafe { input(body, body_len) }?;
        let r = Response::parse(body)?;
        report(livesign_trtc_rest_response {
            action_status: match r.action_status() {
                ActionStatus::Ok => livesign_trtc_action_status::LIVESIGN_TRTC_ACTION_OK,
                ActionStatus::Fail => livesign_trtc_action_status::LIVESIGN_TRTC_ACTION_FAIL,
            },
            error_code: r.error_code(),
            error_info: livesign_slice::of(r.error_info().as_bytes()),
            request_id: livesign_slice::of(r.request_id().as_bytes()),
        });
        Ok(())
    })
}

/// Reads one more top-level member of a JSON response body (a command's own result, such as
/// `ErrorList` or `ResultItem`) as its raw JSON text: strings keep their quotes and escapes,
/// objects and arrays come whole. Does not require the envelope fields.
///
/// - `name`, `name_len`: the member name (UTF-8), compared after undoing JSON escapes.
/// - `value`: receives a view into `body`; the empty slice (NULL, 0) when the member is
///   absent (a present value is never empty) and on failure.
///
/// Returns `LIVESIGN_OK` (present or absent); `LIVESIGN_INVALID_ARGUMENT` when `value` is NULL,
/// an input is NULL with a non-zero length, `name` is not UTF-8, `body` is longer than
/// `LIVESIGN_MAX_RESPONSE_LEN` or `name` longer than `LIVESIGN_MAX_ID_LEN`; `LIVESIGN_MALFORMED` when
/// the body is not one strict JSON object or the member occurs twice. Never allocates.
#[must_use = "the status says whether the value could be read"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_trtc_rest_response_field(
    body: *const u8,
    body_len: usize,
    name: *const u8,
    name_len: usize,
    value: *mut livesign_slice,
) -> livesign_status {
    boundary(|| {
        if value.is_null() {
            return Err(Error::InvalidArgument);
        }
        // SAFETY: non-NULL, and the C contract makes it a writable livesign_slice.
        unsafe { value.write(livesign_slice::EMPTY) };
        // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
        let (body, name) = unsafe { (input(body, body_len)?, input(name, name_len)?) };
        if let Some(raw) = rest::field(body, utf8(name)?)? {
            // SAFETY: as above.
            unsafe { value.write(livesign_slice::of(raw)) };
        }
        Ok(())
    })
}

/// Returns seed 002's description of a common REST error code (60002 to 60021) as a static
/// NUL-terminated English string, word for word; "unknown error code" for any other code
/// (0 is success, not an error). Never NULL; do not free it. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_trtc_rest_error_str(code: i64) -> *const c_char {
    rest::lookup(code).map_or(UNKNOWN_ERROR, |e| e.message_c()).as_ptr()
}

/// Returns what kind of problem a REST error code reports;
/// `LIVESIGN_TRTC_ERROR_UNKNOWN` for codes outside 60002 to 60021. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_trtc_rest_error_category(code: i64) -> livesign_trtc_error_category {
    use livesign_trtc_error_category::*;
    match rest::lookup(code).map(|e| e.category()) {
        None => LIVESIGN_TRTC_ERROR_UNKNOWN,
        Some(Category::Request) => LIVESIGN_TRTC_ERROR_REQUEST,
        Some(Category::Auth) => LIVESIGN_TRTC_ERROR_AUTH,
        Some(Category::App) => LIVESIGN_TRTC_ERROR_APP,
        Some(Category::RateLimit) => LIVESIGN_TRTC_ERROR_RATE_LIMIT,
        Some(Category::Server) => LIVESIGN_TRTC_ERROR_SERVER,
    }
}

/// Returns whether retrying helps after a REST error code: `LIVESIGN_TRTC_RETRY_BACKOFF` for
/// the rate limits (60007, 60011, 60018, 60019) and timeouts or server-side failures (60008,
/// 60013, 60014); `LIVESIGN_TRTC_RETRY_NEVER` for the other codes of 60002 to 60021 (60003,
/// invalid JSON, among them); `LIVESIGN_TRTC_RETRY_UNKNOWN` outside that range. Never
/// allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_trtc_rest_error_retry(code: i64) -> livesign_trtc_retry {
    use livesign_trtc_retry::*;
    match rest::lookup(code).map(|e| e.retry()) {
        None => LIVESIGN_TRTC_RETRY_UNKNOWN,
        Some(Retry::Never) => LIVESIGN_TRTC_RETRY_NEVER,
        Some(Retry::Backoff) => LIVESIGN_TRTC_RETRY_BACKOFF,
    }
}
