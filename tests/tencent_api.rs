//! Tencent CSS legacy API requests, responses and the error catalog through the safe API and
//! the C API: the documented request examples, parameter typing and encoding, the builder's
//! buffer contract, strict response reading, and every catalog entry by code, status and text.

mod support;

use std::ffi::CStr;

use livesign::Error;
use livesign::ffi::slice::livesign_slice;
use livesign::ffi::status::livesign_status::{self, *};
use livesign::ffi::tencent_api::*;
use livesign::tencent::api::{self, Command, Param, ParamKind};
use livesign::tencent::errors::{self, Category, Retry, Source};
use proptest::prelude::*;

const KEY: &[u8] = b"5d41402abc4b2a76b9719d911017c592";
const T: u64 = 1471850187;
const SIGN: &str = "b17971b51ba0fe5916ddcd96692e9fb3";

fn c_param(kind: u32, name: &'static [u8], value: &'static [u8]) -> livesign_tencent_api_param {
    livesign_tencent_api_param { kind, name: livesign_slice::of(name), value: livesign_slice::of(value) }
}

fn c_build(
    command: u32,
    base: &[u8],
    appid: u64,
    key: &[u8],
    t: u64,
    params: &[livesign_tencent_api_param],
) -> Result<String, (livesign_status, usize)> {
    let mut len = usize::MAX;
    let base_ptr = if base.is_empty() { std::ptr::null() } else { base.as_ptr() };
    // SAFETY: a size query; every input is valid for its length.
    let s = unsafe {
        livesign_tencent_api_build(
            command,
            base_ptr,
            base.len(),
            appid,
            key.as_ptr(),
            key.len(),
            t,
            params.as_ptr(),
            params.len(),
            std::ptr::null_mut(),
            0,
            &mut len,
        )
    };
    if s != LIVESIGN_BUFFER_TOO_SMALL {
        return Err((s, len));
    }
    let mut out = vec![0u8; len];
    let mut written = 0;
    // SAFETY: as above, out holds len bytes.
    let s = unsafe {
        livesign_tencent_api_build(
            command,
            base_ptr,
            base.len(),
            appid,
            key.as_ptr(),
            key.len(),
            t,
            params.as_ptr(),
            params.len(),
            out.as_mut_ptr(),
            len,
            &mut written,
        )
    };
    assert_eq!((s, written), (LIVESIGN_OK, len));
    Ok(String::from_utf8(out).unwrap())
}

fn rust_build(command: Command, base: Option<&[u8]>, appid: u64, params: &[Param<'_>]) -> Result<String, Error> {
    let mut buf = vec![0u8; 1024];
    let n = api::build(command, base, appid, KEY, T, params, &mut buf)?;
    buf.truncate(n);
    Ok(String::from_utf8(buf).unwrap())
}

#[test]
fn documented_requests() {
    // tencent-legacy-api.md's example, and the Live_Tape_Stop and Get_LiveStat pages' examples
    // (their parameters in the builder's order: common ones first).
    assert_eq!(
        rust_build(Command::LiveChannelGetLiveChannelList, None, 1234, &[]).unwrap(),
        format!(
            "http://fcgi.video.qcloud.com/common_access?appid=1234&interface=Live_Channel_GetLiveChannelList&t={T}&sign={SIGN}"
        )
    );
    let stop = [
        c_param(LIVESIGN_TENCENT_API_PARAM_STRING, b"channel_id", b"8888_test123"),
        c_param(LIVESIGN_TENCENT_API_PARAM_STRING, b"task_id", b"123"),
    ];
    assert_eq!(
        c_build(LIVESIGN_TENCENT_API_LIVE_TAPE_STOP, b"", 1234, KEY, T, &stop).unwrap(),
        format!(
            "http://fcgi.video.qcloud.com/common_access?appid=1234&interface=Live_Tape_Stop&t={T}&sign={SIGN}&Param.s.channel_id=8888_test123&Param.s.task_id=123"
        )
    );
    let stat = [
        c_param(LIVESIGN_TENCENT_API_PARAM_NUMBER, b"page_no", b"1"),
        c_param(LIVESIGN_TENCENT_API_PARAM_NUMBER, b"page_size", b"20"),
    ];
    assert_eq!(
        c_build(LIVESIGN_TENCENT_API_GET_LIVE_STAT, b"", 1234, KEY, T, &stat).unwrap(),
        format!(
            "http://statcgi.video.qcloud.com/common_access?cmd=1234&interface=Get_LiveStat&t={T}&sign={SIGN}&Param.n.page_no=1&Param.n.page_size=20"
        )
    );
    let set = [
        Param { kind: ParamKind::String, name: b"channel_id", value: b"8888_test123" },
        Param { kind: ParamKind::Number, name: b"status", value: b"0" },
    ];
    assert_eq!(
        rust_build(Command::LiveChannelSetStatus, Some(b"https://proxy.example:8443/common_access"), 1234, &set)
            .unwrap(),
        format!(
            "https://proxy.example:8443/common_access?appid=1234&interface=Live_Channel_SetStatus&t={T}&sign={SIGN}&Param.s.channel_id=8888_test123&Param.n.status=0"
        )
    );
}

#[test]
fn every_command() {
    for (i, &command) in Command::all().iter().enumerate() {
        let code = i as u32 + 1;
        // SAFETY: the returned pointers are static NUL-terminated strings.
        let (name, base) = unsafe {
            (
                CStr::from_ptr(livesign_tencent_api_command_name(code)),
                CStr::from_ptr(livesign_tencent_api_default_base(code)),
            )
        };
        assert_eq!(name.to_str().unwrap(), command.name());
        assert_eq!(base.to_str().unwrap(), command.default_base());
        let mut found = 0;
        // SAFETY: name is valid for its length; found is writable.
        let s =
            unsafe { livesign_tencent_api_command_from_name(name.as_ptr().cast(), name.to_bytes().len(), &mut found) };
        assert_eq!((s, found), (LIVESIGN_OK, code));
        let url = c_build(code, b"", 42, KEY, T, &[]).unwrap();
        assert_eq!(url, rust_build(command, None, 42, &[]).unwrap());
        let statistics = command.name().starts_with("Get_");
        assert_eq!(command.appid_param(), if statistics { "cmd" } else { "appid" });
        let host = if statistics { "statcgi" } else { "fcgi" };
        assert_eq!(
            url,
            format!(
                "http://{host}.video.qcloud.com/common_access?{}=42&interface={}&t={T}&sign={SIGN}",
                command.appid_param(),
                command.name()
            )
        );
    }
    assert_eq!(Command::all().len(), 15);
    for unknown in [0, 16, u32::MAX] {
        assert!(livesign_tencent_api_command_name(unknown).is_null());
        assert!(livesign_tencent_api_default_base(unknown).is_null());
        assert_eq!(c_build(unknown, b"", 1, KEY, T, &[]), Err((LIVESIGN_INVALID_ARGUMENT, 0)));
    }
    let mut found = 7;
    // SAFETY: inputs valid for their lengths; NULL cases are under test.
    unsafe {
        assert_eq!(
            livesign_tencent_api_command_from_name(b"get_livestat".as_ptr(), 12, &mut found),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(found, 0);
        assert_eq!(
            livesign_tencent_api_command_from_name(b"Get_LiveStat".as_ptr(), 12, std::ptr::null_mut()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(livesign_tencent_api_command_from_name(std::ptr::null(), 3, &mut found), LIVESIGN_INVALID_ARGUMENT);
    }
}

#[test]
fn bases_must_name_a_host() {
    // `scheme://host/path` (the documented rule): an authority that is only a port or a
    // userinfo names no server, and every HTTP client refuses the URL that would be signed.
    // Brackets hold an IPv6 address: `[]`, an unclosed one or one that is not an address
    // names no server either (every URL parser refuses it).
    for base in [
        &b"http://:80/common_access"[..],
        b"http://user@/common_access",
        b"http://@:8080/p",
        b"http://:/p",
        b"http://[]/p",
        b"http://[]:80/p",
        b"http://[/p",
        b"http://[::1/p",
        b"http://[1::2::3]/p",
        b"http://u@[:]/p",
        b"http://[::1]x/p",
        // Read as 8.0.0.1 by browsers and curl, 10.0.0.1 by Java, a DNS name by others.
        b"http://010.0.0.1/p",
        b"http://1.2.3/p",
        b"http://0x7f.0.0.1:80/p",
        b"http://u@h.123/p",
        b"http://1.2.3.4./p",
        b"http://4294967295/p",
        // WHATWG percent-decodes the host before that test: this is 010.0.0.1.
        b"http://%30%31%30.0.0.1/p",
    ] {
        assert_eq!(rust_build(Command::LiveTapeStop, Some(base), 7, &[]), Err(Error::InvalidArgument), "{base:?}");
        assert_eq!(
            c_build(LIVESIGN_TENCENT_API_LIVE_TAPE_STOP, base, 7, KEY, T, &[]),
            Err((LIVESIGN_INVALID_ARGUMENT, 0))
        );
    }
    for base in [
        &b"http://h:80/common_access"[..],
        b"http://user@h/p",
        b"http://[::1]:8080/p",
        b"https://fcgi.video.qcloud.com/",
        b"http://127.0.0.1:8080/p",
        b"http://123.example.com/p",
        b"http://h.0xg./p",
    ] {
        assert!(rust_build(Command::LiveTapeStop, Some(base), 7, &[]).is_ok(), "{base:?}");
    }
}

#[test]
fn parameters_are_typed_and_encoded() {
    let params = [
        c_param(LIVESIGN_TENCENT_API_PARAM_STRING, b"channel_id", "a b&c=d+e/é".as_bytes()),
        c_param(LIVESIGN_TENCENT_API_PARAM_NUMBER, b"abstime_end", b"-1499756910"),
        c_param(LIVESIGN_TENCENT_API_PARAM_STRING, b"na me", b""),
        c_param(LIVESIGN_TENCENT_API_PARAM_STRING, b"action", b"forbid"),
    ];
    let url = c_build(LIVESIGN_TENCENT_API_CHANNEL_MANAGER, b"", 7, KEY, T, &params).unwrap();
    assert!(url.ends_with("&Param.s.channel_id=a%20b%26c%3Dd%2Be%2F%C3%A9&Param.n.abstime_end=-1499756910&Param.s.na%20me=&Param.s.action=forbid"), "{url}");
    // Every parameter lands in the query exactly once and nothing else splits it.
    let query = url.split_once('?').unwrap().1;
    assert_eq!(query.split('&').count(), 4 + params.len());
    for bad in [
        c_param(LIVESIGN_TENCENT_API_PARAM_NUMBER, b"n", b"1.5"),
        c_param(LIVESIGN_TENCENT_API_PARAM_NUMBER, b"n", b""),
        c_param(LIVESIGN_TENCENT_API_PARAM_NUMBER, b"n", b"+1"),
        c_param(LIVESIGN_TENCENT_API_PARAM_STRING, b"", b"v"),
        c_param(LIVESIGN_TENCENT_API_PARAM_STRING, b"n", b"\xff"),
        c_param(3, b"n", b"v"),
        livesign_tencent_api_param {
            kind: 1,
            name: livesign_slice { ptr: std::ptr::null(), len: 2 },
            value: livesign_slice::EMPTY,
        },
    ] {
        assert_eq!(
            c_build(LIVESIGN_TENCENT_API_LIVE_TAPE_START, b"", 7, KEY, T, &[bad]),
            Err((LIVESIGN_INVALID_ARGUMENT, 0))
        );
    }
    let many = vec![c_param(LIVESIGN_TENCENT_API_PARAM_NUMBER, b"n", b"1"); LIVESIGN_TENCENT_API_MAX_PARAMS];
    assert!(c_build(LIVESIGN_TENCENT_API_LIVE_TAPE_START, b"", 7, KEY, T, &many).is_ok());
    let too_many = vec![c_param(LIVESIGN_TENCENT_API_PARAM_NUMBER, b"n", b"1"); LIVESIGN_TENCENT_API_MAX_PARAMS + 1];
    assert_eq!(
        c_build(LIVESIGN_TENCENT_API_LIVE_TAPE_START, b"", 7, KEY, T, &too_many),
        Err((LIVESIGN_INVALID_ARGUMENT, 0))
    );
    for base in [&b"fcgi.video.qcloud.com"[..], b"/common_access", b"http://h/p?", b"http://h/p#x", b"http://h /p"] {
        assert_eq!(c_build(1, base, 7, KEY, T, &[]), Err((LIVESIGN_INVALID_ARGUMENT, 0)), "{base:?}");
    }
    assert_eq!(c_build(1, b"", 7, b"", T, &[]), Err((LIVESIGN_INVALID_KEY, 0)));
    // Pointer rules.
    let mut out = [0u8; 16];
    let mut len = 5;
    // SAFETY: NULL pointers come with the lengths whose handling is under test.
    unsafe {
        assert_eq!(
            livesign_tencent_api_build(
                1,
                std::ptr::null(),
                0,
                1,
                KEY.as_ptr(),
                32,
                T,
                std::ptr::null(),
                0,
                out.as_mut_ptr(),
                16,
                std::ptr::null_mut()
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_tencent_api_build(
                1,
                std::ptr::null(),
                0,
                1,
                KEY.as_ptr(),
                32,
                T,
                std::ptr::null(),
                1,
                out.as_mut_ptr(),
                16,
                &mut len
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(len, 0);
        assert_eq!(
            livesign_tencent_api_build(
                1,
                std::ptr::null(),
                5,
                1,
                KEY.as_ptr(),
                32,
                T,
                std::ptr::null(),
                0,
                out.as_mut_ptr(),
                16,
                &mut len
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_tencent_api_build(
                1,
                std::ptr::null(),
                0,
                1,
                KEY.as_ptr(),
                32,
                T,
                std::ptr::null(),
                0,
                out.as_mut_ptr(),
                16,
                &mut len
            ),
            LIVESIGN_BUFFER_TOO_SMALL
        );
        assert_eq!(len, rust_build(Command::GetLiveStat, None, 1, &[]).unwrap().len());
    }
}

fn c_read(body: &[u8]) -> (livesign_status, livesign_tencent_api_response) {
    let mut r = livesign_tencent_api_response {
        fields: 99,
        ret: 9,
        retcode: 9,
        errmsg: livesign_slice::of(b"x"),
        message: livesign_slice::EMPTY,
    };
    // SAFETY: body is valid for its length; r is writable.
    let s = unsafe { livesign_tencent_api_response_read(body.as_ptr(), body.len(), &mut r) };
    (s, r)
}

fn view(s: livesign_slice) -> Option<&'static [u8]> {
    // SAFETY: the slices checked point into static bodies.
    (!s.ptr.is_null()).then(|| unsafe { std::slice::from_raw_parts(s.ptr, s.len) })
}

#[test]
fn responses() {
    let ok: &'static [u8] = br#"{"ret":0,"retcode":0,"errmsg":"","message":"","output":[]}"#;
    let (s, r) = c_read(ok);
    assert_eq!((s, r.fields, r.ret, r.retcode), (LIVESIGN_OK, 15, 0, 0));
    assert_eq!((view(r.errmsg), view(r.message)), (Some(&b""[..]), Some(&b""[..])));
    let rate: &'static [u8] = br#"{"ret":1202,"message":"invalid request\/request frequency exceeds limit"}"#;
    let (s, r) = c_read(rate);
    assert_eq!(
        (s, r.fields, r.ret),
        (LIVESIGN_OK, LIVESIGN_TENCENT_API_HAS_RET | LIVESIGN_TENCENT_API_HAS_MESSAGE, 1202)
    );
    assert!(view(r.errmsg).is_none());
    let raw = view(r.message).unwrap();
    assert_eq!(raw, br#"invalid request\/request frequency exceeds limit"#);
    // The raw message, unescaped, is the catalog's text for the same code.
    let mut text = [0u8; 64];
    let mut len = 0;
    // SAFETY: buffers valid for their lengths.
    let s = unsafe {
        livesign::ffi::json::livesign_json_unescape(raw.as_ptr(), raw.len(), text.as_mut_ptr(), 64, &mut len)
    };
    assert_eq!(s, LIVESIGN_OK);
    // SAFETY: the catalog entries are static.
    let entry = unsafe { &*livesign_tencent_error_by_message(text.as_ptr(), len) };
    assert_eq!(entry.code, 1202);
    let neg: &'static [u8] = br#"{"retcode":-9223372036854775808,"errmsg":"x"}"#;
    let r = api::read_response(neg).unwrap();
    assert_eq!((r.ret, r.retcode, r.code()), (None, Some(i64::MIN), i64::MIN));
    let status_only: &'static [u8] = br#"{"ret":20601}"#;
    assert_eq!(api::read_response(status_only).unwrap().code(), 20601);
    for bad in [
        &b""[..],
        b"{}",
        br#"{"message":"x"}"#,
        br#"{"ret":"0"}"#,
        br#"{"ret":0.5}"#,
        br#"{"ret":9223372036854775808}"#,
        br#"{"ret":0,"ret":0}"#,
        br#"{"ret":0,"\u0072et":0}"#,
        br#"{"ret":0,"message":null}"#,
        br#"{"ret":0,"errmsg":1}"#,
        br#"{"ret":0}x"#,
        br#"{"ret":0"#,
        b"[0]",
    ] {
        assert_eq!(api::read_response(bad).map(|_| ()), Err(Error::Malformed), "{:?}", String::from_utf8_lossy(bad));
        let (s, r) = c_read(bad);
        assert_eq!(
            (s, r.fields, r.ret, r.retcode, r.errmsg, r.message),
            (LIVESIGN_MALFORMED, 0, 0, 0, livesign_slice::EMPTY, livesign_slice::EMPTY)
        );
    }
    // SAFETY: NULL pointers come with the lengths whose handling is under test.
    unsafe {
        assert_eq!(
            livesign_tencent_api_response_read(ok.as_ptr(), ok.len(), std::ptr::null_mut()),
            LIVESIGN_INVALID_ARGUMENT
        );
        let mut r = c_read(ok).1;
        assert_eq!(livesign_tencent_api_response_read(std::ptr::null(), 3, &mut r), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(r.fields, 0);
    }
}

#[test]
fn mix_stream_v2_responses_name_their_status_code() {
    // Mix_StreamV2 (seed 003's mix_streamv2.start_mix_stream_advanced, CSS doc 267/8832)
    // answers `{"code":0, "message":"Success!", "timestamp":1490079362}`: its status is `code`,
    // with neither `ret` nor `retcode`. It reads as `ret`, so a failed mix is never success.
    let ok: &'static [u8] = br#"{"code":0, "message":"Success!", "timestamp":1490079362}"#;
    let r = api::read_response(ok).unwrap();
    assert_eq!((r.ret, r.retcode, r.code()), (Some(0), None, 0));
    assert_eq!(r.message.unwrap().raw(), b"Success!");
    let (s, c) = c_read(ok);
    assert_eq!(
        (s, c.fields, c.ret, c.retcode),
        (LIVESIGN_OK, LIVESIGN_TENCENT_API_HAS_RET | LIVESIGN_TENCENT_API_HAS_MESSAGE, 0, 0)
    );
    assert_eq!(view(c.message), Some(&b"Success!"[..]));
    // The documented failures (-21: a secondary image outside the primary one).
    let failed: &'static [u8] = br#"{"code":-21,"message":"invalid position","timestamp":1490079362}"#;
    assert_eq!(api::read_response(failed).unwrap().code(), -21);
    let (s, c) = c_read(failed);
    assert_eq!((s, c.fields & LIVESIGN_TENCENT_API_HAS_RET, c.ret), (LIVESIGN_OK, LIVESIGN_TENCENT_API_HAS_RET, -21));
    // `ret` and `retcode` keep precedence: `code` is read only in a response without both.
    let r = api::read_response(br#"{"ret":7,"code":0}"#).unwrap();
    assert_eq!((r.ret, r.code()), (Some(7), 7));
    let r = api::read_response(br#"{"retcode":5,"code":0}"#).unwrap();
    assert_eq!((r.ret, r.retcode, r.code()), (None, Some(5), 5));
    for bad in [&br#"{"code":"0"}"#[..], br#"{"code":0.5}"#, br#"{"code":0,"code":1}"#, br#"{"code":null}"#] {
        assert_eq!(api::read_response(bad).map(|_| ()), Err(Error::Malformed), "{:?}", String::from_utf8_lossy(bad));
    }
}

/// The catalog as the seeds give it: (source, code, message, category, retry).
const CATALOG: [(Source, i64, &str, Category, Retry); 15] = [
    (Source::Http, 403, "Forbidden", Category::Auth, Retry::Never),
    (Source::Http, 404, "Not Found", Category::InvalidRequest, Retry::Never),
    (Source::Message, 0, "appid is invalid", Category::NotActivated, Retry::Never),
    (Source::Message, 0, "cmd is invalid", Category::NotActivated, Retry::Never),
    (Source::Message, 0, "sign invalid", Category::Auth, Retry::Never),
    (Source::Message, 0, "time expired", Category::Auth, Retry::Resign),
    (Source::Code, 0, "query data successfully", Category::Success, Retry::Never),
    (Source::Code, 1000, "user is not registered for statapi", Category::NotActivated, Retry::Never),
    (Source::Code, 1001, "user service for statapi was stopped", Category::NotActivated, Retry::Never),
    (Source::Code, 1201, "internal/system error", Category::Server, Retry::Backoff),
    (Source::Code, 1202, "invalid request/request frequency exceeds limit", Category::RateLimit, Retry::Backoff),
    (Source::Code, 1204, "invalid input param", Category::InvalidRequest, Retry::Never),
    (Source::Code, 1301, "has not live stream", Category::StreamState, Retry::Later),
    (Source::Code, 10003, "query data is empty", Category::NoData, Retry::Never),
    (Source::Code, 20601, "", Category::StreamState, Retry::Later),
];

fn c_text(p: *const std::ffi::c_char) -> &'static str {
    assert!(!p.is_null());
    // SAFETY: the catalog's strings are static and NUL-terminated.
    unsafe { CStr::from_ptr(p) }.to_str().unwrap()
}

#[test]
fn error_catalog() {
    assert_eq!(errors::ALL.len(), CATALOG.len());
    for (e, (source, code, message, category, retry)) in errors::ALL.iter().zip(CATALOG) {
        assert_eq!((e.source, e.code, e.message(), e.category, e.retry), (source, code, message, category, retry));
        assert!(!e.meaning().is_empty());
        let (rust, c) = match source {
            Source::Http => (errors::by_http_status(code as u32), livesign_tencent_error_by_http_status(code as u32)),
            Source::Code => (errors::by_code(code), livesign_tencent_error_by_code(code)),
            // SAFETY: message is valid for its length.
            Source::Message => (errors::by_message(message.as_bytes()), unsafe {
                livesign_tencent_error_by_message(message.as_ptr(), message.len())
            }),
        };
        assert_eq!(rust, Some(e));
        // SAFETY: a non-NULL result is a static entry.
        let c = unsafe { c.as_ref() }.unwrap();
        assert_eq!((c.code, c_text(c.message), c_text(c.meaning)), (code, message, e.meaning()));
        let want_source = match source {
            Source::Http => LIVESIGN_TENCENT_ERROR_SOURCE_HTTP,
            Source::Message => LIVESIGN_TENCENT_ERROR_SOURCE_MESSAGE,
            Source::Code => LIVESIGN_TENCENT_ERROR_SOURCE_CODE,
        };
        let want_category = match category {
            Category::Success => LIVESIGN_TENCENT_ERROR_SUCCESS,
            Category::NoData => LIVESIGN_TENCENT_ERROR_NO_DATA,
            Category::Auth => LIVESIGN_TENCENT_ERROR_AUTH,
            Category::NotActivated => LIVESIGN_TENCENT_ERROR_NOT_ACTIVATED,
            Category::InvalidRequest => LIVESIGN_TENCENT_ERROR_INVALID_REQUEST,
            Category::RateLimit => LIVESIGN_TENCENT_ERROR_RATE_LIMIT,
            Category::Server => LIVESIGN_TENCENT_ERROR_SERVER,
            Category::StreamState => LIVESIGN_TENCENT_ERROR_STREAM_STATE,
        };
        let want_retry = match retry {
            Retry::Never => LIVESIGN_TENCENT_RETRY_NEVER,
            Retry::Backoff => LIVESIGN_TENCENT_RETRY_BACKOFF,
            Retry::Resign => LIVESIGN_TENCENT_RETRY_RESIGN,
            Retry::Later => LIVESIGN_TENCENT_RETRY_LATER,
        };
        assert_eq!((c.source, c.category, c.retry), (want_source, want_category, want_retry));
        // Messages of coded entries find their code too.
        if !message.is_empty() {
            assert_eq!(errors::by_message(message.as_bytes()), Some(e));
        }
    }
    // The seeds' retry advice, by name.
    assert_eq!(errors::by_code(1202).unwrap().retry, Retry::Backoff);
    assert_eq!(errors::by_code(1204).unwrap().retry, Retry::Never);
    // Message matching: case, whitespace, the Chinese page's spelling; unknown text.
    for (text, code) in
        [(&b"  Sign Invalid\n"[..], 0), (b"internel/system error", 1201), (b"INVALID INPUT PARAM", 1204)]
    {
        let e = errors::by_message(text).unwrap();
        assert_eq!(e.code, code);
    }
    assert_eq!(errors::by_message(b"sign invalid").unwrap().source, Source::Message);
    for unknown in [&b""[..], b"   ", b"sign", b"sign invalid!"] {
        assert_eq!(errors::by_message(unknown), None);
        // SAFETY: valid for its length.
        assert!(unsafe { livesign_tencent_error_by_message(unknown.as_ptr(), unknown.len()) }.is_null());
    }
    // SAFETY: NULL with a length is refused without a read.
    assert!(unsafe { livesign_tencent_error_by_message(std::ptr::null(), 4) }.is_null());
    // The text of a response, at most LIVESIGN_MAX_RESPONSE_LEN bytes: padded to the limit it
    // is found, one byte more is refused before it is read.
    let mut padded = b"sign invalid".to_vec();
    padded.resize(livesign::Limits::MAX_RESPONSE_LEN, b' ');
    // SAFETY: valid for its length.
    assert!(!unsafe { livesign_tencent_error_by_message(padded.as_ptr(), padded.len()) }.is_null());
    padded.push(b' ');
    // SAFETY: as above.
    assert!(unsafe { livesign_tencent_error_by_message(padded.as_ptr(), padded.len()) }.is_null());
    assert!(livesign_tencent_error_by_code(1).is_null());
    assert!(livesign_tencent_error_by_code(-1).is_null());
    assert!(livesign_tencent_error_by_code(403).is_null(), "HTTP statuses are not return codes");
    assert!(livesign_tencent_error_by_http_status(200).is_null());
    assert!(livesign_tencent_error_by_http_status(1202).is_null());
    // The catalog names the two statuses livesign reports with Tencent's words.
    assert_eq!(
        errors::by_message(livesign::status_str(LIVESIGN_SIGNATURE_MISMATCH as u32).as_bytes()).unwrap().message(),
        "sign invalid"
    );
    assert_eq!(
        errors::by_message(livesign::status_str(LIVESIGN_EXPIRED as u32).as_bytes()).unwrap().retry,
        Retry::Resign
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_parameter_round_trips_through_the_query(name in "\\PC{1,12}", value in "\\PC{0,24}", appid: u64, t: u64) {
        let params = [Param { kind: ParamKind::String, name: name.as_bytes(), value: value.as_bytes() }];
        let mut buf = vec![0u8; 1024];
        let n = api::build(Command::LiveTapeStart, None, appid, KEY, t, &params, &mut buf).unwrap();
        let url = std::str::from_utf8(&buf[..n]).unwrap();
        let query = url.split_once('?').unwrap().1;
        let pairs: Vec<(&str, &str)> = query.split('&').map(|p| p.split_once('=').unwrap()).collect();
        prop_assert_eq!(pairs.len(), 5);
        let (appid_text, t_text, sign) = (appid.to_string(), t.to_string(), livesign::tencent::sign(KEY, t).unwrap());
        prop_assert_eq!(pairs[0], ("appid", appid_text.as_str()));
        prop_assert_eq!(pairs[2], ("t", t_text.as_str()));
        prop_assert_eq!(pairs[3].1, sign.as_str());
        let decode = |s: &str| -> Vec<u8> {
            let b = s.as_bytes();
            let mut out = Vec::new();
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'%' {
                    out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                    i += 3;
                } else {
                    out.push(b[i]);
                    i += 1;
                }
            }
            out
        };
        let (pname, pvalue) = pairs[4];
        prop_assert_eq!(decode(pname.strip_prefix("Param.s.").unwrap()), name.as_bytes());
        prop_assert_eq!(decode(pvalue), value.as_bytes());
        let mut short = vec![0u8; n - 1];
        prop_assert_eq!(api::build(Command::LiveTapeStart, None, appid, KEY, t, &params, &mut short), Err(Error::BufferTooSmall { needed: n }));
    }

    #[test]
    fn arbitrary_responses_never_crash(body in proptest::collection::vec(any::<u8>(), 0..120)) {
        let rust = api::read_response(&body).map(|_| ()).map_err(Error::code);
        let (s, _) = c_read(&body);
        prop_assert_eq!(rust.err().unwrap_or(0), s as u32);
    }
}
