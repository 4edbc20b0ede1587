//! Tencent Cloud Live (CSS) legacy API exports: signed request URLs, response fields, and the
//! error catalog.

use core::ffi::c_char;

use super::buffer::OutBuf;
use super::slice::livesign_slice;
use super::status::livesign_status;
use super::{boundary, boundary_or, input};
use crate::tencent::api::{self, Command, Param, ParamKind, Response};
use crate::tencent::errors::{self, Category, ErrorInfo, Retry, Source};
use crate::{Error, JsonStr};

/// `Get_LiveStat` (statistics host, `cmd=`).
pub const LIVESIGN_TENCENT_API_GET_LIVE_STAT: u32 = 1;
/// `Get_LivePushStat` (statistics host, `cmd=`).
pub const LIVESIGN_TENCENT_API_GET_LIVE_PUSH_STAT: u32 = 2;
/// `Get_LivePlayStat` (statistics host, `cmd=`).
pub const LIVESIGN_TENCENT_API_GET_LIVE_PLAY_STAT: u32 = 3;
/// `Get_LivePushStatHistory` (statistics host, `cmd=`).
pub const LIVESIGN_TENCENT_API_GET_LIVE_PUSH_STAT_HISTORY: u32 = 4;
/// `Get_LivePlayStatHistory` (statistics host, `cmd=`).
pub const LIVESIGN_TENCENT_API_GET_LIVE_PLAY_STAT_HISTORY: u32 = 5;
/// `Live_Channel_GetStatus`.
pub const LIVESIGN_TENCENT_API_LIVE_CHANNEL_GET_STATUS: u32 = 6;
/// `Live_Channel_SetStatus`.
pub const LIVESIGN_TENCENT_API_LIVE_CHANNEL_SET_STATUS: u32 = 7;
/// `Live_Tape_GetFilelist`.
pub const LIVESIGN_TENCENT_API_LIVE_TAPE_GET_FILELIST: u32 = 8;
/// `Live_Queue_Get`.
pub const LIVESIGN_TENCENT_API_LIVE_QUEUE_GET: u32 = 9;
/// `Live_Channel_GetChannelList`.
pub const LIVESIGN_TENCENT_API_LIVE_CHANNEL_GET_CHANNEL_LIST: u32 = 10;
/// `Live_Channel_GetLiveChannelList`.
pub const LIVESIGN_TENCENT_API_LIVE_CHANNEL_GET_LIVE_CHANNEL_LIST: u32 = 11;
/// `Mix_StreamV2` (a POST: the query goes in the URL, the mixing request in a JSON body).
pub const LIVESIGN_TENCENT_API_MIX_STREAM_V2: u32 = 12;
/// `channel_manager`.
pub const LIVESIGN_TENCENT_API_CHANNEL_MANAGER: u32 = 13;
/// `Live_Tape_Start`.
pub const LIVESIGN_TENCENT_API_LIVE_TAPE_START: u32 = 14;
/// `Live_Tape_Stop`.
pub const LIVESIGN_TENCENT_API_LIVE_TAPE_STOP: u32 = 15;

/// The C number of each command, in `Command::all()` order.
const COMMAND_CODES: [u32; 15] = [
    LIVESIGN_TENCENT_API_GET_LIVE_STAT,
    LIVESIGN_TENCENT_API_GET_LIVE_PUSH_STAT,
    LIVESIGN_TENCENT_API_GET_LIVE_PLAY_STAT,
    LIVESIGN_TENCENT_API_GET_LIVE_PUSH_STAT_HISTORY,
    LIVESIGN_TENCENT_API_GET_LIVE_PLAY_STAT_HISTORY,
    LIVESIGN_TENCENT_API_LIVE_CHANNEL_GET_STATUS,
    LIVESIGN_TENCENT_API_LIVE_CHANNEL_SET_STATUS,
    LIVESIGN_TENCENT_API_LIVE_TAPE_GET_FILELIST,
    LIVESIGN_TENCENT_API_LIVE_QUEUE_GET,
    LIVESIGN_TENCENT_API_LIVE_CHANNEL_GET_CHANNEL_LIST,
    LIVESIGN_TENCENT_API_LIVE_CHANNEL_GET_LIVE_CHANNEL_LIST,
    LIVESIGN_TENCENT_API_MIX_STREAM_V2,
    LIVESIGN_TENCENT_API_CHANNEL_MANAGER,
    LIVESIGN_TENCENT_API_LIVE_TAPE_START,
    LIVESIGN_TENCENT_API_LIVE_TAPE_STOP,
];

fn command(code: u32) -> Option<Command> {
    COMMAND_CODES.iter().position(|&c| c == code).and_then(|i| Command::all().get(i).copied())
}

/// A string parameter: written as `Param.s.<name>=<value>`.
pub const LIVESIGN_TENCENT_API_PARAM_STRING: u32 = 1;
/// A number parameter (`-`? then decimal digits): written as `Param.n.<name>=<value>`.
pub const LIVESIGN_TENCENT_API_PARAM_NUMBER: u32 = 2;

/// Most parameters one request takes (the documented commands use at most 10).
pub const LIVESIGN_TENCENT_API_MAX_PARAMS: usize = 32;

/// One command parameter for `livesign_tencent_api_build`: its name without the `Param.s.` /
/// `Param.n.` prefix (e.g. `channel_id`) and its value, both UTF-8 and unencoded.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct livesign_tencent_api_param {
    /// `LIVESIGN_TENCENT_API_PARAM_STRING` or `LIVESIGN_TENCENT_API_PARAM_NUMBER`.
    pub kind: u32,
    /// The name, e.g. `channel_id`.
    pub name: livesign_slice,
    /// The value, e.g. `8888_test123`.
    pub value: livesign_slice,
}

/// Returns the `interface` name of a `LIVESIGN_TENCENT_API_...` command (e.g.
/// "Live_Channel_GetStatus") as a static NUL-terminated string, or NULL for an unknown
/// number. Do not free it. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_tencent_api_command_name(command: u32) -> *const c_char {
    self::command(command).map_or(core::ptr::null(), |c| c.c_name().as_ptr())
}

/// Returns the documented URL up to the `?` for a command, as a static NUL-terminated string:
/// `http://statcgi.video.qcloud.com/common_access` for the five statistics commands (Get_...),
/// `http://fcgi.video.qcloud.com/common_access` for the others; NULL for an unknown number. Do
/// not free it. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_tencent_api_default_base(command: u32) -> *const c_char {
    self::command(command).map_or(core::ptr::null(), |c| c.c_default_base().as_ptr())
}

/// Finds the `LIVESIGN_TENCENT_API_...` number of an `interface` name (exact, case-sensitive).
///
/// Returns `LIVESIGN_OK` with `*command` set; `LIVESIGN_INVALID_ARGUMENT` when `command` is
/// NULL, `name` is NULL with a non-zero length, or no command has this name (then `*command`
/// is set to 0). Never allocates.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_tencent_api_command_from_name(
    name: *const u8,
    name_len: usize,
    command: *mut u32,
) -> livesign_status {
    boundary(|| {
        if command.is_null() {
            return Err(Error::InvalidArgument);
        }
        // SAFETY: command is non-NULL and writable (C contract).
        unsafe { command.write(0) };
        // SAFETY: the C contract: a non-NULL name points to name_len readable bytes.
        let name = unsafe { input(name, name_len) }?;
        let found = Command::from_name(name).ok_or(Error::InvalidArgument)?;
        let code = Command::all().iter().position(|&c| c == found).and_then(|i| COMMAND_CODES.get(i));
        // SAFETY: as above.
        unsafe { command.write(code.copied().unwrap_or(0)) };
        Ok(())
    })
}

/// Builds a signed Tencent CSS legacy API request URL (HTTP GET):
/// `{base}?{appid_param}={appid}&interface={name}&t={t}&sign={sign}` followed by
/// `&Param.s.{name}={value}` or `&Param.n.{name}={value}` for each parameter, in order, names
/// and values percent-encoded (all but `A-Z a-z 0-9 - . _ ~`). `sign` = lowercase hex
/// MD5(key + decimal t). The APPID parameter is named as on each command's page: `cmd` for
/// the five statistics commands, `appid` for the others.
///
/// - `command`: a `LIVESIGN_TENCENT_API_...` number.
/// - `base`, `base_len`: the URL up to the `?` (`scheme://host/path` with a non-empty host
///   without `%`, a dotted-quad IPv4 address if its last label is a number (`010.0.0.1` and
///   `1.2.3` reach different servers in different clients), in brackets an IPv6 address, no
///   query or fragment, no `\` in an http(s), ws(s), ftp or
///   file URL, at most `LIVESIGN_MAX_URL_LEN` bytes); NULL with 0 uses
///   `livesign_tencent_api_default_base(command)`.
/// - `appid`: the live APPID. `key`: the CGI (API) key. `t`: the expiry, Unix seconds.
/// - `params`, `params_len`: up to `LIVESIGN_TENCENT_API_MAX_PARAMS` parameters (NULL with 0
///   for none). Names must be non-empty UTF-8 of at most `LIVESIGN_MAX_ID_LEN` bytes; values
///   at most `LIVESIGN_MAX_URL_LEN` bytes, string values UTF-8, number values `-`? then
///   decimal digits.
/// - `out`, `out_cap`, `out_len`: the output buffer (no NUL is written); `*out_len` receives
///   the length written, the length needed (with `LIVESIGN_BUFFER_TOO_SMALL`), or 0 on other
///   failures. `out` NULL with `out_cap` 0 asks for the exact size.
///
/// Returns, in this order: `LIVESIGN_INVALID_ARGUMENT` when `out_len` is NULL, a pointer is NULL
/// with a non-zero length, `command` or a parameter `kind` is unknown, `params_len` is above
/// the maximum, or `base` or a parameter breaks the rules above; `LIVESIGN_INVALID_KEY` for an
/// empty key or one longer than `LIVESIGN_MAX_KEY_LEN`; `LIVESIGN_BUFFER_TOO_SMALL`; `LIVESIGN_OK`. Never allocates; safe from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_tencent_api_build(
    command: u32,
    base: *const u8,
    base_len: usize,
    appid: u64,
    key: *const u8,
    key_len: usize,
    t: u64,
    params: *const livesign_tencent_api_param,
    params_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: out holds out_cap writable bytes not overlapping any input,
        // and out_len is writable.
        let mut out = unsafe { OutBuf::new(out, out_cap, out_len) }?;
        let result = (|| {
            // SAFETY: the C contract: non-NULL base and key point to their lengths in bytes.
            let (base, key) = unsafe { (input(base, base_len)?, input(key, key_len)?) };
            let command = self::command(command).ok_or(Error::InvalidArgument)?;
            if params_len > LIVESIGN_TENCENT_API_MAX_PARAMS || (params.is_null() && params_len > 0) {
                return Err(Error::InvalidArgument);
            }
            let c_params: &[livesign_tencent_api_param] = if params_len == 0 {
                &[]
            } else {
                // SAFETY: params is non-NULL and the C contract gives it params_len elements;
                // params_len is at most LIVESIGN_TENCENT_API_MAX_PARAMS.
                unsafe { core::slice::from_raw_parts(params, params_len) }
            };
            let mut parsed =
                [Param { kind: ParamKind::String, name: &[], value: &[] }; LIVESIGN_TENCENT_API_MAX_PARAMS];
            for (slot, p) in parsed.iter_mut().zip(c_params) {
                let kind = match p.kind {
                    LIVESIGN_TENCENT_API_PARAM_STRING => ParamKind::String,
                    LIVESIGN_TENCENT_API_PARAM_NUMBER => ParamKind::Number,
                    _ => return Err(Error::InvalidArgument),
                };
                // SAFETY: the C contract: each slice is valid for its length.
                let (name, value) = unsafe { (p.name.bytes()?, p.value.bytes()?) };
                *slot = Param { kind, name, value };
            }
            let base = (!base.is_empty()).then_some(base);
            api::build(command, base, appid, key, t, &parsed[..params_len], out.buf())
        })();
        out.report(result)
    })
}

/// `livesign_tencent_api_response.fields`: `ret` is present (or, in a response with neither
/// `ret` nor `retcode`, Mix_StreamV2's `code`, read as `ret`).
pub const LIVESIGN_TENCENT_API_HAS_RET: u32 = 1;
/// `livesign_tencent_api_response.fields`: `retcode` is present.
pub const LIVESIGN_TENCENT_API_HAS_RETCODE: u32 = 2;
/// `livesign_tencent_api_response.fields`: `errmsg` is present.
pub const LIVESIGN_TENCENT_API_HAS_ERRMSG: u32 = 4;
/// `livesign_tencent_api_response.fields`: `message` is present.
pub const LIVESIGN_TENCENT_API_HAS_MESSAGE: u32 = 8;

/// The status fields of a legacy API response. The slices point into the caller's `body` and
/// are the raw text between the quotes, JSON escapes intact (see `livesign_json_unescape`);
/// absent fields are 0 / `{NULL, 0}` with their bit clear in `fields`.
///
/// The status to act on is `ret` unless it is 0 (or absent) and `retcode` is not, then
/// `retcode` (Rust's `Response::code` and the wrappers' `code`): a body whose two codes
/// disagree (`{"ret":0,"retcode":1202}`) is not a success.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct livesign_tencent_api_response {
    /// `LIVESIGN_TENCENT_API_HAS_...` bits of the fields present.
    pub fields: u32,
    /// `ret`: 0 on success (most commands); look it up with `livesign_tencent_error_by_code`.
    /// Mix_StreamV2 names its status `code` (`{"code":0,"message":"Success!",...}`): in a
    /// response with neither `ret` nor `retcode`, `code` is read here (with
    /// `LIVESIGN_TENCENT_API_HAS_RET`), so a failed mix never reads as success.
    pub ret: i64,
    /// `retcode`: the status some commands send instead of, or beside, `ret`.
    pub retcode: i64,
    /// `errmsg`.
    pub errmsg: livesign_slice,
    /// `message`: the error text.
    pub message: livesign_slice,
}

fn text(s: Option<JsonStr<'_>>) -> livesign_slice {
    s.map_or(livesign_slice::EMPTY, |s| livesign_slice::present(s.raw()))
}

impl From<Response<'_>> for livesign_tencent_api_response {
    fn from(r: Response<'_>) -> Self {
        let bit = |present: bool, bit: u32| if present { bit } else { 0 };
        livesign_tencent_api_response {
            fields: bit(r.ret.is_some(), LIVESIGN_TENCENT_API_HAS_RET)
                | bit(r.retcode.is_some(), LIVESIGN_TENCENT_API_HAS_RETCODE)
                | bit(r.errmsg.is_some(), LIVESIGN_TENCENT_API_HAS_ERRMSG)
                | bit(r.message.is_some(), LIVESIGN_TENCENT_API_HAS_MESSAGE),
            ret: r.ret.unwrap_or(0),
            retcode: r.retcode.unwrap_or(0),
            errmsg: text(r.errmsg),
            message: text(r.message),
        }
    }
}

/// Reads `ret`, `retcode`, `errmsg` and `message` from a legacy API response body (strict
/// JSON); in a body with neither `ret` nor `retcode`, Mix_StreamV2's `code` is read as `ret`.
/// Other fields (e.g. `output`) can be read with `livesign_tencent_callback_field`.
///
/// - `response`: receives the fields on `LIVESIGN_OK`; zero-filled on any failure.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `response` is NULL, `body` is NULL
/// with a non-zero length or longer than `LIVESIGN_MAX_RESPONSE_LEN`; `LIVESIGN_MALFORMED` when the body is not one strict JSON object, one
/// of the fields is repeated or mistyped (`ret`, `retcode` and a `code` read as `ret` must be
/// integers that fit an `int64_t`, `errmsg` and `message` strings), or none of `ret`,
/// `retcode` and `code` is present.
/// Never allocates; safe from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_tencent_api_response_read(
    body: *const u8,
    body_len: usize,
    response: *mut livesign_tencent_api_response,
) -> livesign_status {
    boundary(|| {
        if response.is_null() {
            return Err(Error::InvalidArgument);
        }
        // SAFETY: response is non-NULL and writable (C contract); all-zero bytes, padding
        // included, are a valid response (no field present).
        unsafe { response.write_bytes(0, 1) };
        // SAFETY: the C contract: a non-NULL body points to body_len readable bytes.
        let body = unsafe { input(body, body_len) }?;
        let read = api::read_response(body)?;
        // SAFETY: as above.
        unsafe { response.write(read.into()) };
        Ok(())
    })
}

/// `livesign_tencent_error_info.source`: an HTTP status of the response (403, 404).
pub const LIVESIGN_TENCENT_ERROR_SOURCE_HTTP: u32 = 1;
/// `livesign_tencent_error_info.source`: a bare message ("sign invalid", "time expired", ...).
pub const LIVESIGN_TENCENT_ERROR_SOURCE_MESSAGE: u32 = 2;
/// `livesign_tencent_error_info.source`: a `ret` / `retcode` value (0, 1000, ..., 20601).
pub const LIVESIGN_TENCENT_ERROR_SOURCE_CODE: u32 = 3;

/// Category: success.
pub const LIVESIGN_TENCENT_ERROR_SUCCESS: u32 = 0;
/// Category: success, but no data for the query (10003).
pub const LIVESIGN_TENCENT_ERROR_NO_DATA: u32 = 1;
/// Category: authentication failed (403, "sign invalid", "time expired").
pub const LIVESIGN_TENCENT_ERROR_AUTH: u32 = 2;
/// Category: service or feature not activated or stopped ("appid is invalid", 1000, 1001).
pub const LIVESIGN_TENCENT_ERROR_NOT_ACTIVATED: u32 = 3;
/// Category: the request is wrong (404, 1204).
pub const LIVESIGN_TENCENT_ERROR_INVALID_REQUEST: u32 = 4;
/// Category: rate limit reached (1202).
pub const LIVESIGN_TENCENT_ERROR_RATE_LIMIT: u32 = 5;
/// Category: a fault on Tencent's side (1201).
pub const LIVESIGN_TENCENT_ERROR_SERVER: u32 = 6;
/// Category: the stream is not in the state the command needs (1301, 20601).
pub const LIVESIGN_TENCENT_ERROR_STREAM_STATE: u32 = 7;

/// Retry advice: the same request fails again (or there is nothing to retry).
pub const LIVESIGN_TENCENT_RETRY_NEVER: u32 = 0;
/// Retry advice: retry after a delay that grows with each attempt (1201, 1202).
pub const LIVESIGN_TENCENT_RETRY_BACKOFF: u32 = 1;
/// Retry advice: sign again with a later `t`, then retry ("time expired").
pub const LIVESIGN_TENCENT_RETRY_RESIGN: u32 = 2;
/// Retry advice: only once the stream's state has changed, e.g. it went live (1301, 20601).
pub const LIVESIGN_TENCENT_RETRY_LATER: u32 = 3;

/// One entry of the Tencent CSS error catalog (seeds 000, 001, 003 and the legacy API pages).
/// Entries are static: never write to or free them.
#[repr(C)]
#[derive(Debug)]
pub struct livesign_tencent_error_info {
    /// `LIVESIGN_TENCENT_ERROR_SOURCE_...`: where the error shows up.
    pub source: u32,
    /// `LIVESIGN_TENCENT_ERROR_...`: what kind of problem it is.
    pub category: u32,
    /// `LIVESIGN_TENCENT_RETRY_...`: whether retrying can help.
    pub retry: u32,
    /// The HTTP status or return code; 0 for `LIVESIGN_TENCENT_ERROR_SOURCE_MESSAGE` entries.
    pub code: i64,
    /// The cloud's own text (NUL-terminated, static; "" when the docs give none).
    pub message: *const c_char,
    /// What it means and what to do, in English (NUL-terminated, static).
    pub meaning: *const c_char,
}

// SAFETY: the entries are immutable statics whose pointers lead to 'static C string literals;
// sharing them between threads is sharing read-only data.
unsafe impl Sync for livesign_tencent_error_info {}

const fn c_entry(e: &ErrorInfo) -> livesign_tencent_error_info {
    livesign_tencent_error_info {
        source: match e.source {
            Source::Http => LIVESIGN_TENCENT_ERROR_SOURCE_HTTP,
            Source::Message => LIVESIGN_TENCENT_ERROR_SOURCE_MESSAGE,
            Source::Code => LIVESIGN_TENCENT_ERROR_SOURCE_CODE,
        },
        category: match e.category {
            Category::Success => LIVESIGN_TENCENT_ERROR_SUCCESS,
            Category::NoData => LIVESIGN_TENCENT_ERROR_NO_DATA,
            Category::Auth => LIVESIGN_TENCENT_ERROR_AUTH,
            Category::NotActivated => LIVESIGN_TENCENT_ERROR_NOT_ACTIVATED,
            Category::InvalidRequest => LIVESIGN_TENCENT_ERROR_INVALID_REQUEST,
            Category::RateLimit => LIVESIGN_TENCENT_ERROR_RATE_LIMIT,
            Category::Server => LIVESIGN_TENCENT_ERROR_SERVER,
            Category::StreamState => LIVESIGN_TENCENT_ERROR_STREAM_STATE,
        },
        retry: match e.retry {
            Retry::Never => LIVESIGN_TENCENT_RETRY_NEVER,
            Retry::Backoff => LIVESIGN_TENCENT_RETRY_BACKOFF,
            Retry::Resign => LIVESIGN_TENCENT_RETRY_RESIGN,
            Retry::Later => LIVESIGN_TENCENT_RETRY_LATER,
        },
        code: e.code,
        message: e.c_message().as_ptr(),
        meaning: e.c_meaning().as_ptr(),
    }
}

const ENTRY_COUNT: usize = errors::ENTRIES.len();

static C_ERRORS: [livesign_tencent_error_info; ENTRY_COUNT] = {
    let mut table = [const {
        livesign_tencent_error_info {
            source: 0,
            category: 0,
            retry: 0,
            code: 0,
            message: core::ptr::null(),
            meaning: core::ptr::null(),
        }
    }; ENTRY_COUNT];
    let mut i = 0;
    while i < ENTRY_COUNT {
        table[i] = c_entry(&errors::ENTRIES[i]);
        i += 1;
    }
    table
};

/// The C entry for a catalog entry.
fn c_info(found: Option<&'static ErrorInfo>) -> *const livesign_tencent_error_info {
    found
        .and_then(|f| errors::ALL.iter().position(|e| core::ptr::eq(e, f)))
        .and_then(|i| C_ERRORS.get(i))
        .map_or(core::ptr::null(), |e| e as *const _)
}

/// Looks up a `ret` / `retcode` of a legacy API response (0, 1000, 1001, 1201, 1202, 1204,
/// 1301, 10003, 20601) in the error catalog. Returns a static entry, or NULL for a code the
/// catalog does not know. Never allocates; safe from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_tencent_error_by_code(code: i64) -> *const livesign_tencent_error_info {
    c_info(errors::by_code(code))
}

/// Looks up an HTTP status of a legacy API response (403, 404) in the error catalog. Returns
/// a static entry, or NULL for a status the catalog does not know. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_tencent_error_by_http_status(status: u32) -> *const livesign_tencent_error_info {
    c_info(errors::by_http_status(status))
}

/// Looks up an error message ("appid is invalid", "cmd is invalid", "sign invalid",
/// "time expired", "invalid input param", ...) in the error catalog, ignoring ASCII case and
/// surrounding whitespace; both spellings of 1201 ("internal/system error" and
/// "internel/system error") are known. Returns a static entry, or NULL when the text is
/// unknown, empty, longer than `LIVESIGN_MAX_RESPONSE_LEN` (the response it came from), or
/// `message` is NULL with a non-zero length. Never allocates.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_tencent_error_by_message(
    message: *const u8,
    message_len: usize,
) -> *const livesign_tencent_error_info {
    // Caller text is parsed here, so the panic boundary holds as for the status-returning
    // calls: a bug is NULL, not an abort.
    boundary_or(core::ptr::null(), || {
        // SAFETY: the C contract: a non-NULL message points to message_len readable bytes.
        let text = unsafe { input(message, message_len) }?;
        crate::limits::check(text, crate::Limits::MAX_RESPONSE_LEN)?;
        Ok(c_info(errors::by_message(text)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_numbers_follow_the_rust_order() {
        for (i, c) in Command::all().iter().enumerate() {
            assert_eq!(command(COMMAND_CODES[i]), Some(*c));
        }
        assert_eq!(command(0), None);
        assert_eq!(command(16), None);
    }

    #[test]
    fn c_table_mirrors_the_catalog() {
        for (c, e) in C_ERRORS.iter().zip(errors::ALL.iter()) {
            assert_eq!(c.code, e.code);
            // SAFETY: the table holds static NUL-terminated strings.
            let message = unsafe { core::ffi::CStr::from_ptr(c.message) };
            assert_eq!(message.to_str().unwrap(), e.message());
        }
    }
}
