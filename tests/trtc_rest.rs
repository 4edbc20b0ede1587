//! The Tencent Chat / TRTC REST API pieces through the safe API and the C API: request URLs
//! (seed 002's format, encoding, buffer sizing, bad input), response envelopes (OK, FAIL,
//! missing / duplicate / mistyped fields, truncation), and the 60002–60021 error catalog
//! checked against seed 002's table.

#[path = "support/seed_002.rs"]
mod seed_002;
mod support;

use livesign::Error;
use livesign::ffi::slice::livesign_slice;
use livesign::ffi::status::livesign_status::{self, *};
use livesign::ffi::trtc_rest::livesign_trtc_action_status::*;
use livesign::ffi::trtc_rest::livesign_trtc_error_category::*;
use livesign::ffi::trtc_rest::livesign_trtc_retry::*;
use livesign::ffi::trtc_rest::*;
use livesign::trtc::rest::{self, ActionStatus, CATALOG, Category, RequestUrl, Response, Retry};
use proptest::prelude::*;

/// A real UserSig: the official Go SDK's output for case c1 of
/// `shared/specs/tencent-usersig-and-css.md` §4 (stored zlib, Tencent base64).
const USERSIG: &str = "eAEArABT-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoieGlhb2p1biIsIlRMUy5zZGthcHBpZCI6MTQwMDAwMDAwMCwiVExTLmV4cGlyZSI6MTU1NTIwMDAsIlRMUy50aW1lIjoxNzAwMDAwMDAwLCJUTFMuc2lnIjoiTHZBN2QvSXc3Z1NzbnNrdlZ6QkRQT0NDRGJ1TkN3NEdId1RDMGJpcCtCND0ifQoBAAD--9-DMfw_";

/// Calls `livesign_trtc_rest_url` with a buffer of `cap` bytes (NULL when `cap` is 0).
#[allow(clippy::too_many_arguments)]
fn c_url(
    host: Option<&[u8]>,
    service: &[u8],
    command: &[u8],
    sdkappid: u64,
    identifier: &[u8],
    usersig: &[u8],
    random: u32,
    cap: usize,
) -> (livesign_status, usize, Vec<u8>) {
    let mut buf = vec![b'#'; cap];
    let out = if cap == 0 { core::ptr::null_mut() } else { buf.as_mut_ptr() };
    let (h, hl) = host.map_or((core::ptr::null(), 0), |h| (h.as_ptr(), h.len()));
    let mut len = usize::MAX;
    // SAFETY: every input is valid for its length; out is NULL with cap 0 or cap bytes.
    let status = unsafe {
        livesign_trtc_rest_url(
            h,
            hl,
            service.as_ptr(),
            service.len(),
            command.as_ptr(),
            command.len(),
            sdkappid,
            identifier.as_ptr(),
            identifier.len(),
            usersig.as_ptr(),
            usersig.len(),
            random,
            out,
            cap,
            &mut len,
        )
    };
    buf.truncate(if status == LIVESIGN_OK { len } else { cap });
    (status, len, buf)
}

fn url_of(r: &RequestUrl<'_>) -> Result<String, Error> {
    let mut buf = vec![0u8; r.required_len()?];
    let n = r.write(&mut buf)?;
    assert_eq!(n, buf.len());
    Ok(String::from_utf8(buf).unwrap())
}

fn percent_decode(s: &str) -> Vec<u8> {
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
}

/// The query parameters of a URL, in order.
fn query(url: &str) -> Vec<(String, String)> {
    let q = url.split_once('?').unwrap().1;
    q.split('&').map(|p| p.split_once('=').map(|(a, b)| (a.to_owned(), b.to_owned())).unwrap()).collect()
}

#[test]
fn seed_002_url_format() {
    let r = RequestUrl::new(
        "im_open_login_svc",
        "account_import",
        1400000000,
        "administrator",
        USERSIG.as_bytes(),
        99999999,
    );
    let expected = format!(
        "https://console.tim.qq.com/v4/im_open_login_svc/account_import?sdkappid=1400000000&identifier=administrator\
         &usersig={USERSIG}&random=99999999&contenttype=json"
    );
    assert_eq!(url_of(&r).unwrap(), expected);
    let (status, len, buf) = c_url(
        None,
        b"im_open_login_svc",
        b"account_import",
        1400000000,
        b"administrator",
        USERSIG.as_bytes(),
        99999999,
        512,
    );
    assert_eq!((status, len), (LIVESIGN_OK, expected.len()));
    assert_eq!(buf, expected.as_bytes());
    // An empty host is the default host too.
    let (status, _, buf) = c_url(
        Some(b""),
        b"im_open_login_svc",
        b"account_import",
        1400000000,
        b"administrator",
        USERSIG.as_bytes(),
        99999999,
        512,
    );
    assert_eq!((status, buf), (LIVESIGN_OK, expected.into_bytes()));
    // The seed's live-room example path.
    let r = RequestUrl::new("live_engine_http_srv", "create_room", 1, "admin", b"AAAA", 0);
    assert!(
        url_of(&r).unwrap().starts_with("https://console.tim.qq.com/v4/live_engine_http_srv/create_room?sdkappid=1&")
    );
}

#[test]
fn host_override() {
    for host in ["adminapisgp.im.qcloud.com", "127.0.0.1:8080", "localhost:1"] {
        let r = RequestUrl::new("openim", "sendmsg", 7, "admin", b"AAAA", 1).with_host(host);
        let u = url_of(&r).unwrap();
        assert!(u.starts_with(&format!("https://{host}/v4/openim/sendmsg?")), "{u}");
        let (status, _, buf) = c_url(Some(host.as_bytes()), b"openim", b"sendmsg", 7, b"admin", b"AAAA", 1, 256);
        assert_eq!((status, buf), (LIVESIGN_OK, u.into_bytes()));
    }
}

#[test]
fn numbers_at_their_limits() {
    let r = RequestUrl::new("s", "c", u64::MAX, "a", b"AAAA", u32::MAX);
    assert_eq!(
        url_of(&r).unwrap(),
        "https://console.tim.qq.com/v4/s/c?sdkappid=18446744073709551615&identifier=a&usersig=AAAA&random=4294967295&contenttype=json"
    );
    let r = RequestUrl::new("s", "c", 0, "a", b"AAAA", 0);
    assert!(url_of(&r).unwrap().ends_with("?sdkappid=0&identifier=a&usersig=AAAA&random=0&contenttype=json"));
}

#[test]
fn identifiers_are_percent_encoded_and_usersigs_are_not() {
    let id = "用户_Zoë😀 a+b&c=d/e?f#g%h~i.j-k";
    let r = RequestUrl::new("s", "c", 1, id, USERSIG.as_bytes(), 5);
    let u = url_of(&r).unwrap();
    let params = query(&u);
    let names: Vec<&str> = params.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["sdkappid", "identifier", "usersig", "random", "contenttype"]);
    assert_eq!(params[1].1, "%E7%94%A8%E6%88%B7_Zo%C3%AB%F0%9F%98%80%20a%2Bb%26c%3Dd%2Fe%3Ff%23g%25h~i.j-k");
    assert_eq!(percent_decode(&params[1].1), id.as_bytes());
    assert_eq!(params[2].1, USERSIG, "the Tencent alphabet needs no encoding");
    assert_eq!(params[4].1, "json");
}

#[test]
fn buffer_sizing() {
    let args = (b"im_open_login_svc".as_slice(), b"account_import".as_slice(), 1400000000, "管理员".as_bytes());
    let full = c_url(None, args.0, args.1, args.2, args.3, USERSIG.as_bytes(), 42, 1024);
    assert_eq!(full.0, LIVESIGN_OK);
    let n = full.1;
    // Size query: NULL, 0.
    let (status, len, _) = c_url(None, args.0, args.1, args.2, args.3, USERSIG.as_bytes(), 42, 0);
    assert_eq!((status, len), (LIVESIGN_BUFFER_TOO_SMALL, n));
    // One byte short, then exactly enough.
    let (status, len, _) = c_url(None, args.0, args.1, args.2, args.3, USERSIG.as_bytes(), 42, n - 1);
    assert_eq!((status, len), (LIVESIGN_BUFFER_TOO_SMALL, n));
    let (status, len, buf) = c_url(None, args.0, args.1, args.2, args.3, USERSIG.as_bytes(), 42, n);
    assert_eq!((status, len, buf), (LIVESIGN_OK, n, full.2));
    // The Rust API agrees.
    let r = RequestUrl::new("im_open_login_svc", "account_import", 1400000000, "管理员", USERSIG.as_bytes(), 42);
    assert_eq!(r.required_len(), Ok(n));
    assert_eq!(r.write(&mut vec![0; n - 1]), Err(Error::BufferTooSmall { needed: n }));
    assert_eq!(r.write(&mut []), Err(Error::BufferTooSmall { needed: n }));
}

#[test]
fn bad_inputs_have_clear_statuses() {
    let ok = |r: RequestUrl<'_>| r.required_len().map(|_| ());
    let base = RequestUrl::new("openim", "sendmsg", 1, "admin", b"AAAA", 1);
    for service in ["", "open/im", "open im", "..", ".", "openim?x=1", "open%69m", "openïm", "a.b"] {
        assert_eq!(ok(RequestUrl { service, ..base }), Err(Error::InvalidArgument), "{service:?}");
        assert_eq!(ok(RequestUrl { command: service, ..base }), Err(Error::InvalidArgument), "{service:?}");
        let (status, len, _) = c_url(None, service.as_bytes(), b"sendmsg", 1, b"admin", b"AAAA", 1, 256);
        assert_eq!((status, len), (LIVESIGN_INVALID_ARGUMENT, 0), "{service:?}");
    }
    for host in ["https://console.tim.qq.com", "h/", "h:0", "h:99999", "", "h h", "[::1]:80", "h.", "user@h"]
        .into_iter()
        // Names ending in a number that are not a dotted quad: WHATWG parsers read them as
        // another IPv4 address (`010.0.0.1` as 8.0.0.1) than other clients do.
        .chain(["1.2.3", "010.0.0.1:80", "0x7f.0.0.1", "4294967295", "256.0.0.1", "h.123"])
    {
        assert_eq!(ok(base.with_host(host)), Err(Error::InvalidArgument), "{host:?}");
    }
    assert_eq!(ok(RequestUrl { identifier: "", ..base }), Err(Error::InvalidArgument));
    for usersig in
        [&b""[..], b"AAA", b"AA=A", b"AA==", b"AA+/", b"A___", b"AA_A", b"AAAA ", b"AAA\n", b"\xff\xff\xff\xff"]
    {
        assert_eq!(ok(RequestUrl { usersig, ..base }), Err(Error::Malformed), "{usersig:?}");
        let (status, len, _) = c_url(None, b"openim", b"sendmsg", 1, b"admin", usersig, 1, 256);
        assert_eq!((status, len), (LIVESIGN_MALFORMED, 0), "{usersig:?}");
    }
    // Arguments are checked before the UserSig.
    assert_eq!(ok(RequestUrl { service: "", usersig: b"", ..base }), Err(Error::InvalidArgument));
    // C only: text that is not UTF-8.
    for (field, bad) in [(0, &b"adm\xffin"[..]), (1, b"send\xc3"), (2, b"open\x80im")] {
        let mut a: [&[u8]; 3] = [b"admin", b"sendmsg", b"openim"];
        a[field] = bad;
        let (status, _, _) = c_url(None, a[2], a[1], 1, a[0], b"AAAA", 1, 256);
        assert_eq!(status, LIVESIGN_INVALID_ARGUMENT, "{bad:?}");
    }
    let (status, _, _) = c_url(Some(b"h\xff"), b"openim", b"sendmsg", 1, b"admin", b"AAAA", 1, 256);
    assert_eq!(status, LIVESIGN_INVALID_ARGUMENT);
}

#[test]
fn url_pointer_rules() {
    let mut buf = [0u8; 256];
    let mut len = 7usize;
    let s = b"openim";
    // SAFETY: NULL pointers come with the lengths under test; all others are valid.
    unsafe {
        let call = |service: *const u8, service_len: usize, out: *mut u8, cap: usize, out_len: *mut usize| {
            livesign_trtc_rest_url(
                core::ptr::null(),
                0,
                service,
                service_len,
                b"sendmsg".as_ptr(),
                7,
                1,
                b"admin".as_ptr(),
                5,
                b"AAAA".as_ptr(),
                4,
                1,
                out,
                cap,
                out_len,
            )
        };
        assert_eq!(call(s.as_ptr(), 6, buf.as_mut_ptr(), 256, core::ptr::null_mut()), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(call(s.as_ptr(), 6, core::ptr::null_mut(), 256, &mut len), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(len, 0);
        len = 7;
        assert_eq!(call(core::ptr::null(), 6, buf.as_mut_ptr(), 256, &mut len), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(len, 0);
        assert_eq!(
            call(core::ptr::null(), 0, buf.as_mut_ptr(), 256, &mut len),
            LIVESIGN_INVALID_ARGUMENT,
            "empty service"
        );
        assert_eq!(call(s.as_ptr(), 6, buf.as_mut_ptr(), 256, &mut len), LIVESIGN_OK);
        assert_eq!(&buf[..len], b"https://console.tim.qq.com/v4/openim/sendmsg?sdkappid=1&identifier=admin&usersig=AAAA&random=1&contenttype=json");
    }
}

const OK_BODY: &str = r#"{
"ActionStatus": "OK",
"ErrorInfo": "",
"ErrorCode": 0,
"RequestId": "Id-70e312f1de024af5a36714b7b71da224-O-Seq-63504"
}"#;

const FAIL_BODY: &str = r#"{"ActionStatus":"FAIL","ErrorInfo":"HTTP request JSON parsing error, please check the JSON format","ErrorCode":60003,"RequestId":"Id-a1b2-O-Seq-7","ErrorList":[{"To_Account":"x","ErrorCode":70107}]}"#;

fn c_parse(body: &[u8]) -> (livesign_status, livesign_trtc_rest_response) {
    let mut r = livesign_trtc_rest_response {
        action_status: LIVESIGN_TRTC_ACTION_FAIL,
        error_code: 99,
        error_info: livesign_slice::of(b"junk"),
        request_id: livesign_slice::of(b"junk"),
    };
    // SAFETY: body is valid for its length; r is writable.
    let status = unsafe { livesign_trtc_rest_response_parse(body.as_ptr(), body.len(), &mut r) };
    (status, r)
}

/// The header's `livesign_slice` rule for this struct: an empty `ErrorInfo` or `RequestId` (the
/// usual `"ErrorInfo":""` of a success) is `{NULL, 0}`, the same as an absent `RequestId`; only
/// the structs that say so keep a non-NULL `ptr` for a present empty string.
#[test]
fn empty_and_absent_strings_are_both_null_slices() {
    for body in [
        &br#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"RequestId":""}"#[..],
        br#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}"#,
    ] {
        let (st, r) = c_parse(body);
        assert_eq!(st, LIVESIGN_OK);
        assert_eq!((r.error_info, r.request_id), (livesign_slice::EMPTY, livesign_slice::EMPTY));
    }
}

fn view(s: livesign_slice) -> Vec<u8> {
    if s.ptr.is_null() {
        assert_eq!(s.len, 0);
        return Vec::new();
    }
    // SAFETY: livesign returned a view into a body that is still alive.
    unsafe { core::slice::from_raw_parts(s.ptr, s.len) }.to_vec()
}

fn c_field(body: &[u8], name: &[u8]) -> (livesign_status, Option<Vec<u8>>) {
    let mut v = livesign_slice::of(b"junk");
    // SAFETY: body and name are valid for their lengths; v is writable.
    let status =
        unsafe { livesign_trtc_rest_response_field(body.as_ptr(), body.len(), name.as_ptr(), name.len(), &mut v) };
    (status, (!v.ptr.is_null()).then(|| view(v)))
}

#[test]
fn ok_and_fail_envelopes() {
    let r = Response::parse(OK_BODY.as_bytes()).unwrap();
    assert_eq!((r.action_status(), r.error_code(), r.error_info()), (ActionStatus::Ok, 0, ""));
    assert_eq!(r.request_id(), "Id-70e312f1de024af5a36714b7b71da224-O-Seq-63504");
    assert!(r.is_success());
    let (status, c) = c_parse(OK_BODY.as_bytes());
    assert_eq!((status, c.action_status, c.error_code), (LIVESIGN_OK, LIVESIGN_TRTC_ACTION_OK, 0));
    assert_eq!(c.error_info, livesign_slice::EMPTY);
    assert_eq!(view(c.request_id), b"Id-70e312f1de024af5a36714b7b71da224-O-Seq-63504");
    // The view points into the body itself.
    let start = OK_BODY.find("Id-").unwrap();
    assert_eq!(c.request_id.ptr, OK_BODY[start..].as_ptr());

    let r = Response::parse(FAIL_BODY.as_bytes()).unwrap();
    assert_eq!((r.action_status(), r.error_code()), (ActionStatus::Fail, 60003));
    assert!(!r.is_success());
    assert_eq!(r.error_info(), "HTTP request JSON parsing error, please check the JSON format");
    assert_eq!(rest::lookup(r.error_code()).unwrap().retry(), Retry::Never);
    assert_eq!(r.field("ErrorList").unwrap().unwrap(), br#"[{"To_Account":"x","ErrorCode":70107}]"#);
    assert_eq!(r.field("ActionStatus").unwrap().unwrap(), br#""FAIL""#, "raw: strings keep their quotes");
    assert_eq!(r.field("Nope"), Ok(None));
    let (status, c) = c_parse(FAIL_BODY.as_bytes());
    assert_eq!((status, c.action_status, c.error_code), (LIVESIGN_OK, LIVESIGN_TRTC_ACTION_FAIL, 60003));
    assert_eq!(view(c.error_info), b"HTTP request JSON parsing error, please check the JSON format");
    assert_eq!(view(c.request_id), b"Id-a1b2-O-Seq-7");
    assert_eq!(
        c_field(FAIL_BODY.as_bytes(), b"ErrorList"),
        (LIVESIGN_OK, Some(br#"[{"To_Account":"x","ErrorCode":70107}]"#.to_vec()))
    );
    assert_eq!(c_field(FAIL_BODY.as_bytes(), b"ErrorCode"), (LIVESIGN_OK, Some(b"60003".to_vec())));
    assert_eq!(c_field(FAIL_BODY.as_bytes(), b"Nope"), (LIVESIGN_OK, None));
    // SAFETY: the response pointer is nullable; the body is valid.
    let status =
        unsafe { livesign_trtc_rest_response_parse(FAIL_BODY.as_ptr(), FAIL_BODY.len(), core::ptr::null_mut()) };
    assert_eq!(status, LIVESIGN_OK);
}

#[test]
fn status_fields_are_reported_as_sent() {
    let body = br#"{"ActionStatus":"OK","ErrorInfo":"partial","ErrorCode":90001,"RequestId":"r"}"#;
    let r = Response::parse(body).unwrap();
    assert_eq!((r.action_status(), r.error_code(), r.is_success()), (ActionStatus::Ok, 90001, false));
    let body = br#"{"ActionStatus":"FAIL","ErrorInfo":"","ErrorCode":0,"RequestId":"r"}"#;
    assert!(!Response::parse(body).unwrap().is_success());
    let body = br#"{"ActionStatus":"FAIL","ErrorInfo":"","ErrorCode":-7,"RequestId":"r"}"#;
    assert_eq!(c_parse(body).1.error_code, -7);
}

#[test]
fn escapes_stay_in_views_and_can_be_undone() {
    let body = br#"{"ActionStatus":"\u004FK","ErrorInfo":"say \"hi\" \u00e9","ErrorCode":0,"RequestId":"a\/b"}"#;
    let r = Response::parse(body).unwrap();
    assert_eq!(r.action_status(), ActionStatus::Ok, "an escaped OK is OK");
    assert_eq!(r.error_info(), r#"say \"hi\" \u00e9"#);
    let mut buf = [0u8; 32];
    assert_eq!(r.error_info_unescaped(&mut buf).unwrap(), "say \"hi\" é".as_bytes());
    assert_eq!(r.error_info_unescaped(&mut [0u8; 3]), Err(Error::BufferTooSmall { needed: 11 }));
    assert_eq!(r.request_id(), r"a\/b");
    let (status, c) = c_parse(body);
    assert_eq!(status, LIVESIGN_OK);
    assert_eq!(view(c.error_info), br#"say \"hi\" \u00e9"#);
    // Member names are matched after unescaping, in the field reader too.
    assert_eq!(c_field(br#"{"\u0058":1}"#, b"X"), (LIVESIGN_OK, Some(b"1".to_vec())));
}

fn envelope_with(replacements: &[(&str, &str)]) -> String {
    let mut body = FAIL_BODY.to_owned();
    for (from, to) in replacements {
        assert!(body.contains(from), "{from}");
        body = body.replacen(from, to, 1);
    }
    body
}

/// Tencent's Chat REST docs show responses without `RequestId` (only the Live room pages of
/// seed 002 add it): `account_import` (product 1047/34953) and `multiaccount_import`
/// (1047/34954), word for word. Such a response is read, with an empty `RequestId`.
#[test]
fn chat_responses_without_request_id() {
    let bodies = [
        &br#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}"#[..],
        br#"{"ActionStatus": "OK","ErrorCode": 0,"ErrorInfo": "","FailAccounts": ["test3","test4"]}"#,
    ];
    for body in bodies {
        let r = Response::parse(body).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(body)));
        assert!(r.is_success());
        assert_eq!(r.request_id(), "");
        let (status, c) = c_parse(body);
        assert_eq!((status, c.action_status, c.error_code), (LIVESIGN_OK, LIVESIGN_TRTC_ACTION_OK, 0));
        assert_eq!(c.request_id, livesign_slice::EMPTY);
    }
    let no_id = envelope_with(&[(r#","RequestId":"Id-a1b2-O-Seq-7""#, "")]);
    let r = Response::parse(no_id.as_bytes()).unwrap();
    assert_eq!((r.action_status(), r.error_code(), r.request_id()), (ActionStatus::Fail, 60003, ""));
}

#[test]
fn missing_mistyped_and_duplicate_fields_are_malformed() {
    let cases = [
        // Missing, one at a time.
        envelope_with(&[(r#""ActionStatus":"FAIL","#, "")]),
        envelope_with(&[(r#""ErrorInfo":"HTTP request JSON parsing error, please check the JSON format","#, "")]),
        envelope_with(&[(r#""ErrorCode":60003,"#, "")]),
        // Mistyped.
        envelope_with(&[(r#""FAIL""#, r#""fail""#)]),
        envelope_with(&[(r#""FAIL""#, r#""SUCCESS""#)]),
        envelope_with(&[(r#""FAIL""#, "0")]),
        envelope_with(&[(r#""FAIL""#, "null")]),
        envelope_with(&[(r#""FAIL""#, r#"" FAIL""#)]),
        envelope_with(&[("60003,", r#""60003","#)]),
        envelope_with(&[("60003,", "60003.0,")]),
        envelope_with(&[("60003,", "6.0003e4,")]),
        envelope_with(&[("60003,", "null,")]),
        envelope_with(&[("60003,", "9223372036854775808,")]),
        envelope_with(&[(r#""HTTP request JSON parsing error, please check the JSON format""#, "null")]),
        envelope_with(&[(r#""HTTP request JSON parsing error, please check the JSON format""#, "[]")]),
        envelope_with(&[(r#""Id-a1b2-O-Seq-7""#, "7")]),
        // Duplicated, also under an escaped spelling.
        envelope_with(&[(r#""ErrorCode":60003,"#, r#""ErrorCode":60003,"ErrorCode":0,"#)]),
        envelope_with(&[(r#""ErrorCode":60003,"#, r#""ErrorCode":60003,"\u0045rrorCode":0,"#)]),
        envelope_with(&[(r#""ActionStatus":"FAIL","#, r#""ActionStatus":"FAIL","ActionStatus":"OK","#)]),
        envelope_with(&[(r#","RequestId":"#, r#","RequestId":"x","RequestId":"#)]),
        envelope_with(&[(r#","RequestId":"#, r#","ErrorInfo":"x","RequestId":"#)]),
        // Not one strict JSON object.
        format!("{FAIL_BODY}x"),
        format!("[{FAIL_BODY}]"),
        FAIL_BODY.replace("\"FAIL\"", "'FAIL'"),
        String::new(),
        "null".to_owned(),
    ];
    for body in &cases {
        assert_eq!(Response::parse(body.as_bytes()).map(|_| ()), Err(Error::Malformed), "{body}");
        let (status, c) = c_parse(body.as_bytes());
        assert_eq!(status, LIVESIGN_MALFORMED, "{body}");
        assert_eq!(
            (c.action_status, c.error_code, c.error_info, c.request_id),
            (LIVESIGN_TRTC_ACTION_NONE, 0, livesign_slice::EMPTY, livesign_slice::EMPTY),
            "zero-filled on failure"
        );
    }
    // Other members may repeat; only the four (and a field asked for) must be unique.
    let body = envelope_with(&[(r#""ErrorList""#, r#""X":1,"X":2,"ErrorList""#)]);
    assert!(Response::parse(body.as_bytes()).is_ok());
    assert_eq!(c_field(body.as_bytes(), b"X"), (LIVESIGN_MALFORMED, None));
    assert_eq!(c_field(body.as_bytes(), b"ErrorList").0, LIVESIGN_OK);
}

#[test]
fn every_truncation_is_malformed() {
    for body in [OK_BODY, FAIL_BODY] {
        for end in 0..body.len() {
            let cut = &body.as_bytes()[..end];
            assert_eq!(Response::parse(cut).map(|_| ()), Err(Error::Malformed), "{end}");
            assert_eq!(c_parse(cut).0, LIVESIGN_MALFORMED, "{end}");
            assert_eq!(c_field(cut, b"ErrorList").0, LIVESIGN_MALFORMED, "{end}");
        }
    }
    assert!(Response::parse(format!(" \n{OK_BODY}\r\n\t").as_bytes()).is_ok(), "surrounding whitespace is JSON");
}

#[test]
fn response_pointer_rules() {
    let mut v = livesign_slice::of(b"junk");
    // SAFETY: NULL pointers come with the lengths under test; all others are valid.
    unsafe {
        assert_eq!(
            livesign_trtc_rest_response_parse(core::ptr::null(), 3, core::ptr::null_mut()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(livesign_trtc_rest_response_parse(core::ptr::null(), 0, core::ptr::null_mut()), LIVESIGN_MALFORMED);
        let b = FAIL_BODY.as_bytes();
        assert_eq!(
            livesign_trtc_rest_response_field(b.as_ptr(), b.len(), b"X".as_ptr(), 1, core::ptr::null_mut()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_trtc_rest_response_field(b.as_ptr(), b.len(), core::ptr::null(), 1, &mut v),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(v, livesign_slice::EMPTY);
        assert_eq!(
            livesign_trtc_rest_response_field(b.as_ptr(), b.len(), core::ptr::null(), 0, &mut v),
            LIVESIGN_OK,
            "empty name"
        );
        assert_eq!(
            livesign_trtc_rest_response_field(b.as_ptr(), b.len(), b"\xff".as_ptr(), 1, &mut v),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_trtc_rest_response_field(core::ptr::null(), 2, b"X".as_ptr(), 1, &mut v),
            LIVESIGN_INVALID_ARGUMENT
        );
    }
}

fn c_text(p: *const core::ffi::c_char) -> String {
    assert!(!p.is_null());
    // SAFETY: livesign_trtc_rest_error_str returns a static NUL-terminated string.
    unsafe { core::ffi::CStr::from_ptr(p) }.to_str().unwrap().to_owned()
}

#[test]
fn catalog_is_seed_002_word_for_word() {
    assert_eq!(CATALOG.len(), seed_002::CODES.len());
    for ((code, text), entry) in seed_002::CODES.iter().zip(CATALOG.iter()) {
        assert_eq!(entry.code(), *code);
        assert_eq!(entry.message(), *text, "{code}");
        assert_eq!(rest::lookup(*code), Some(entry));
        assert_eq!(c_text(livesign_trtc_rest_error_str(*code)), *text, "{code}");
        assert_ne!(livesign_trtc_rest_error_category(*code), LIVESIGN_TRTC_ERROR_UNKNOWN, "{code}");
        assert_ne!(livesign_trtc_rest_error_retry(*code), LIVESIGN_TRTC_RETRY_UNKNOWN, "{code}");
    }
    let codes: Vec<i64> = seed_002::CODES.iter().map(|c| c.0).collect();
    assert_eq!(codes, (60002..=60021).collect::<Vec<_>>(), "60002 to 60021, none missing");
}

#[test]
fn catalog_matches_the_seed_file_when_present() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/002_eaf3bb5a05605c98.txt");
    let Ok(seed) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is not present in this checkout", path.display());
        return;
    };
    // In the seed, each code is a line of its own followed by its description.
    let lines: Vec<&str> = seed.lines().map(str::trim).collect();
    let mut found = 0;
    for pair in lines.windows(2) {
        if let Ok(code) = pair[0].parse::<i64>()
            && (60000..61000).contains(&code)
        {
            assert_eq!(rest::lookup(code).map(|e| e.message()), Some(pair[1]), "{code}");
            found += 1;
        }
    }
    assert_eq!(found, CATALOG.len(), "the seed's table changed: review the catalog");
}

#[test]
fn retry_advice_and_categories() {
    use Category::*;
    use Retry::*;
    // The issue's explicit advice: rate limits and the timeout back off; bad JSON never.
    for code in [60007, 60011, 60018, 60019] {
        assert_eq!(rest::lookup(code).map(|e| (e.category(), e.retry())), Some((RateLimit, Backoff)), "{code}");
        assert_eq!(livesign_trtc_rest_error_retry(code), LIVESIGN_TRTC_RETRY_BACKOFF);
        assert_eq!(livesign_trtc_rest_error_category(code), LIVESIGN_TRTC_ERROR_RATE_LIMIT);
    }
    assert_eq!(rest::lookup(60008).map(|e| (e.category(), e.retry())), Some((Server, Backoff)));
    assert_eq!(rest::lookup(60003).map(|e| (e.category(), e.retry())), Some((Request, Never)));
    assert_eq!(livesign_trtc_rest_error_retry(60003), LIVESIGN_TRTC_RETRY_NEVER);
    // The rest of the table, as decided in src/trtc/rest/errors.rs.
    let decided = [
        (60002, Request, Never),
        (60004, Auth, Never),
        (60005, Auth, Never),
        (60006, App, Never),
        (60009, Request, Never),
        (60010, Auth, Never),
        (60012, Request, Never),
        (60013, Server, Backoff),
        (60014, Server, Backoff),
        (60015, Request, Never),
        (60016, App, Never),
        (60017, App, Never),
        (60020, App, Never),
        (60021, Auth, Never),
    ];
    for (code, category, retry) in decided {
        let e = rest::lookup(code).unwrap();
        assert_eq!((e.category(), e.retry()), (category, retry), "{code}");
        let c_category = match category {
            Request => LIVESIGN_TRTC_ERROR_REQUEST,
            Auth => LIVESIGN_TRTC_ERROR_AUTH,
            App => LIVESIGN_TRTC_ERROR_APP,
            RateLimit => LIVESIGN_TRTC_ERROR_RATE_LIMIT,
            Server => LIVESIGN_TRTC_ERROR_SERVER,
        };
        assert_eq!(livesign_trtc_rest_error_category(code), c_category, "{code}");
    }
}

#[test]
fn unknown_codes() {
    for code in [i64::MIN, -1, 0, 1, 60000, 60001, 60022, 70001, 90001, i64::MAX] {
        assert_eq!(rest::lookup(code), None, "{code}");
        assert_eq!(c_text(livesign_trtc_rest_error_str(code)), "unknown error code");
        assert_eq!(livesign_trtc_rest_error_category(code), LIVESIGN_TRTC_ERROR_UNKNOWN);
        assert_eq!(livesign_trtc_rest_error_retry(code), LIVESIGN_TRTC_RETRY_UNKNOWN);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_identifier_round_trips_through_the_url(id in "\\PC{1,40}", sdkappid: u64, random: u32) {
        let r = RequestUrl::new("openim", "sendmsg", sdkappid, &id, b"AAAA", random);
        let u = url_of(&r).unwrap();
        // Only characters RFC 3986 allows in a URL, and no '&', '=', '#' or space from the id.
        prop_assert!(u.bytes().all(|c| c.is_ascii_alphanumeric() || b":/?&=%-._~*".contains(&c)), "{}", u);
        let params = query(&u);
        prop_assert_eq!(params.len(), 5);
        prop_assert_eq!(&params[0], &("sdkappid".to_owned(), sdkappid.to_string()));
        prop_assert_eq!(percent_decode(&params[1].1), id.as_bytes());
        prop_assert_eq!(&params[3], &("random".to_owned(), random.to_string()));
        let (status, len, buf) = c_url(None, b"openim", b"sendmsg", sdkappid, id.as_bytes(), b"AAAA", random, u.len());
        prop_assert_eq!((status, len), (LIVESIGN_OK, u.len()));
        prop_assert_eq!(buf, u.into_bytes());
    }

    #[test]
    fn envelopes_round_trip(ok: bool, code: i64, info in "\\PC{0,30}", id in "[A-Za-z0-9-]{0,40}", extra: u32) {
        let status = if ok { "OK" } else { "FAIL" };
        let body = serde_json::json!({"RequestId": id, "ErrorCode": code, "Extra": extra, "ActionStatus": status, "ErrorInfo": info});
        let text = serde_json::to_string_pretty(&body).unwrap();
        let r = Response::parse(text.as_bytes()).unwrap();
        prop_assert_eq!(r.action_status(), if ok { ActionStatus::Ok } else { ActionStatus::Fail });
        prop_assert_eq!(r.error_code(), code);
        prop_assert_eq!(r.request_id(), id.as_str());
        let mut buf = vec![0u8; info.len()];
        prop_assert_eq!(r.error_info_unescaped(&mut buf).unwrap(), info.as_bytes());
        let extra = extra.to_string();
        prop_assert_eq!(r.field("Extra").unwrap().unwrap(), extra.as_bytes());
        let (status, c) = c_parse(text.as_bytes());
        prop_assert_eq!((status, c.error_code), (LIVESIGN_OK, code));
    }

    #[test]
    fn arbitrary_bodies_never_panic(body in proptest::collection::vec(any::<u8>(), 0..200), name in "\\PC{0,8}") {
        prop_assert_ne!(c_parse(&body).0, LIVESIGN_INTERNAL);
        prop_assert_ne!(c_field(&body, name.as_bytes()).0, LIVESIGN_INTERNAL);
    }

    #[test]
    fn arbitrary_url_parts_never_panic(parts in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..12), 5),
                                       cap in 0usize..200) {
        let (status, _, _) = c_url(Some(&parts[0]), &parts[1], &parts[2], 1, &parts[3], &parts[4], 1, cap);
        prop_assert_ne!(status, LIVESIGN_INTERNAL);
    }
}
