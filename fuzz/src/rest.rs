//! The Tencent Chat / TRTC REST pieces: the response envelope and member reader against
//! serde_json (Rust and C, views pointing into the body, zero-filled on failure), and the
//! request URL builder against its documented rules, read back by livesign's URL reader.

use livesign::Error;
use livesign::ffi::slice::livesign_slice;
use livesign::ffi::status::livesign_status;
use livesign::ffi::trtc_rest::{
    livesign_trtc_action_status, livesign_trtc_rest_response, livesign_trtc_rest_response_field,
    livesign_trtc_rest_response_parse, livesign_trtc_rest_url,
};
use livesign::fuzz_api::{json, url};
use livesign::trtc::rest::{self, ActionStatus, RequestUrl, Response};
use serde_json::Value as Ref;

use super::input::{Input, Writer};
use super::reference::{self, percent_decode};

/// Input layout for `rest_response`: `name` (field), `body` (rest).
pub fn check_response(data: &[u8]) {
    let mut input = Input::new(data);
    let (name, body) = (input.field(), input.rest());
    response_agrees(body);
    field_agrees(body, name);
    for fixed in [&b"ErrorList"[..], b"ActionStatus", b"ErrorCode"] {
        field_agrees(body, fixed);
    }
}

/// The bytes a C slice views, checking that they lie inside `body`.
fn view(body: &[u8], s: livesign_slice) -> &[u8] {
    if s.len == 0 {
        assert!(s.ptr.is_null(), "an empty slice is (NULL, 0)");
        return &[];
    }
    let start = (s.ptr as usize).checked_sub(body.as_ptr() as usize).expect("a slice points into the body");
    assert!(start + s.len <= body.len(), "a slice ends inside the body");
    &body[start..start + s.len]
}

/// `Response::parse` and `livesign_trtc_rest_response_parse` against serde_json.
pub fn response_agrees(body: &[u8]) {
    let mut c = livesign_trtc_rest_response {
        action_status: livesign_trtc_action_status::LIVESIGN_TRTC_ACTION_OK,
        error_code: 99,
        error_info: livesign_slice::of(b"junk"),
        request_id: livesign_slice::of(b"junk"),
    };
    // SAFETY: body is valid for its length; c is a writable struct.
    let status = unsafe { livesign_trtc_rest_response_parse(body.as_ptr(), body.len(), &mut c) };
    match Response::parse(body) {
        Ok(r) => {
            assert_eq!(status, livesign_status::LIVESIGN_OK);
            // serde_json's reading of the body, or (when it refuses a number beyond f64 that
            // livesign's grammar check accepts) of each member's raw text.
            let whole = serde_json::from_slice::<Ref>(body);
            if let Err(e) = &whole {
                assert!(e.to_string().starts_with("number out of range"), "{e}");
            }
            let member = |name: &str| match &whole {
                Ok(v) => v[name].clone(),
                // An absent member (RequestId may be) reads as null, as serde_json's index does.
                Err(_) => r.field(name).unwrap().map_or(Ref::Null, |raw| serde_json::from_slice(raw).unwrap()),
            };
            let reference = serde_json::json!({
                "ActionStatus": member("ActionStatus"),
                "ErrorCode": member("ErrorCode"),
                "ErrorInfo": member("ErrorInfo"),
                "RequestId": member("RequestId"),
            });
            let status_text = reference["ActionStatus"].as_str().expect("ActionStatus is a string");
            let want = if status_text == "OK" { ActionStatus::Ok } else { ActionStatus::Fail };
            assert!(status_text == "OK" || status_text == "FAIL");
            assert_eq!(r.action_status(), want);
            let code_raw = r.field("ErrorCode").unwrap().expect("ErrorCode is present");
            let code: i128 = std::str::from_utf8(code_raw).unwrap().parse().expect("ErrorCode is an integer");
            assert_eq!(i128::from(r.error_code()), code);
            assert!(reference["ErrorCode"].is_number());
            assert_eq!(r.is_success(), want == ActionStatus::Ok && code == 0);
            let info = reference["ErrorInfo"].as_str().expect("ErrorInfo is a string");
            let mut buf = vec![0u8; info.len()];
            assert_eq!(r.error_info_unescaped(&mut buf), Ok(info.as_bytes()));
            // RequestId is optional (Tencent's Chat docs show responses without it).
            match r.field("RequestId").unwrap() {
                Some(id_raw) => {
                    assert_eq!(r.request_id().as_bytes(), &id_raw[1..id_raw.len() - 1]);
                    assert!(reference["RequestId"].is_string());
                }
                None => assert_eq!(r.request_id(), ""),
            }
            assert_eq!(c.error_code, r.error_code());
            assert_eq!(
                c.action_status,
                match want {
                    ActionStatus::Ok => livesign_trtc_action_status::LIVESIGN_TRTC_ACTION_OK,
                    ActionStatus::Fail => livesign_trtc_action_status::LIVESIGN_TRTC_ACTION_FAIL,
                }
            );
            assert_eq!(view(body, c.error_info), r.error_info().as_bytes());
            assert_eq!(view(body, c.request_id), r.request_id().as_bytes());
        }
        Err(e) => {
            assert_eq!(e, Error::Malformed);
            assert_eq!(status as u32, e.code());
            assert_eq!(c.action_status, livesign_trtc_action_status::LIVESIGN_TRTC_ACTION_NONE);
            assert_eq!((c.error_code, c.error_info, c.request_id), (0, livesign_slice::EMPTY, livesign_slice::EMPTY));
        }
    }
}

/// `rest::field` and `livesign_trtc_rest_response_field` against serde_json.
pub fn field_agrees(body: &[u8], name: &[u8]) {
    let mut c = livesign_slice::of(b"junk");
    // SAFETY: body and name are valid for their lengths; c is a writable slice.
    let status =
        unsafe { livesign_trtc_rest_response_field(body.as_ptr(), body.len(), name.as_ptr(), name.len(), &mut c) };
    let Ok(name) = std::str::from_utf8(name) else {
        assert_eq!(status, livesign_status::LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(c, livesign_slice::EMPTY);
        return;
    };
    let reference = serde_json::from_slice::<Ref>(body).ok();
    match rest::field(body, name) {
        Ok(found) => {
            assert_eq!(status, livesign_status::LIVESIGN_OK);
            assert_eq!(view(body, c), found.unwrap_or_default());
            let object = reference.as_ref().and_then(Ref::as_object);
            match (found, object) {
                (Some(raw), Some(o)) => {
                    assert!(!raw.is_empty());
                    assert_eq!(Some(&serde_json::from_slice::<Ref>(raw).unwrap()), o.get(name));
                }
                (None, Some(o)) => assert!(!o.contains_key(name)),
                // serde_json refuses numbers beyond f64 that livesign's grammar check accepts.
                (_, None) => {}
            }
        }
        Err(e) => {
            assert_eq!((e, status as u32), (Error::Malformed, e.code()));
            assert_eq!(c, livesign_slice::EMPTY);
            if let Ok(object) = json::parse_object(body) {
                let n = object.members().filter(|(n, _)| n.eq(name.as_bytes())).count();
                assert!(n > 1, "a member read only once was refused");
            }
        }
    }
}

/// A `rest_response` seed.
pub fn response_seed(name: &[u8], body: &[u8]) -> Vec<u8> {
    Writer::new().field(name).rest(body)
}

/// Input layout for `rest_url`: `sdkappid` (u64), `random` (u32), `cap` (byte), `host`,
/// `service`, `command`, `identifier` (fields), `usersig` (rest).
pub fn check_url(data: &[u8]) {
    let mut input = Input::new(data);
    let (sdkappid, random, cap) = (input.u64(), input.u32(), input.byte());
    let (host, service, command, identifier) = (input.field(), input.field(), input.field(), input.field());
    let usersig = input.rest();
    let parts = UrlParts { host, service, command, identifier, usersig, sdkappid, random };
    let want = parts.expected();
    let c = parts.c(usize::from(cap));
    match want {
        Ok(()) => {
            let (status, needed, _) = c;
            let (_, written, text) = parts.c(needed);
            assert_eq!(written, needed);
            parts.read_back(&text);
            let want_status = if usize::from(cap) >= needed {
                livesign_status::LIVESIGN_OK
            } else {
                livesign_status::LIVESIGN_BUFFER_TOO_SMALL
            };
            assert_eq!(status, want_status);
            if let Some(r) = parts.rust() {
                assert_eq!(r.required_len(), Ok(needed));
                let mut buf = vec![0u8; needed];
                assert_eq!(r.write(&mut buf), Ok(needed));
                assert_eq!(buf, text);
                if needed > 0 {
                    assert_eq!(r.write(&mut buf[..needed - 1]), Err(Error::BufferTooSmall { needed }));
                }
            }
        }
        Err(e) => {
            assert_eq!((c.0 as u32, c.1), (e.code(), 0));
            if let Some(r) = parts.rust() {
                assert_eq!(r.required_len(), Err(e));
            }
        }
    }
}

struct UrlParts<'a> {
    host: &'a [u8],
    service: &'a [u8],
    command: &'a [u8],
    identifier: &'a [u8],
    usersig: &'a [u8],
    sdkappid: u64,
    random: u32,
}

fn name_ok(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
}

fn usersig_ok(s: &[u8]) -> bool {
    let body = s.strip_suffix(b"__").or_else(|| s.strip_suffix(b"_")).unwrap_or(s);
    !s.is_empty()
        && s.len().is_multiple_of(4)
        && body.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'*' || c == b'-')
}

impl UrlParts<'_> {
    /// The documented outcome (the C host: empty means the default).
    fn expected(&self) -> Result<(), Error> {
        let utf8 = |s: &[u8]| std::str::from_utf8(s).is_ok();
        if ![self.host, self.service, self.command, self.identifier].iter().all(|s| utf8(s))
            || !(self.host.is_empty() || reference::host_name_port(self.host))
            || !name_ok(self.service)
            || !name_ok(self.command)
            || self.identifier.is_empty()
        {
            Err(Error::InvalidArgument)
        } else if !usersig_ok(self.usersig) {
            Err(Error::Malformed)
        } else {
            Ok(())
        }
    }

    /// The safe API's request, when the text parts are UTF-8 and the host is not the C
    /// default (empty).
    fn rust(&self) -> Option<RequestUrl<'_>> {
        let s = |b| std::str::from_utf8(b).ok();
        let request = RequestUrl::new(
            s(self.service)?,
            s(self.command)?,
            self.sdkappid,
            s(self.identifier)?,
            self.usersig,
            self.random,
        );
        if self.host.is_empty() { Some(request) } else { Some(request.with_host(s(self.host)?)) }
    }

    /// The C call with a buffer of `cap` bytes (NULL when 0) followed by canaries that must
    /// survive: (status, *out_len, the bytes written).
    fn c(&self, cap: usize) -> (livesign_status, usize, Vec<u8>) {
        let mut buf = vec![0xa5u8; cap + 16];
        let out = if cap == 0 { core::ptr::null_mut() } else { buf.as_mut_ptr() };
        let mut len = usize::MAX;
        // SAFETY: every input is valid for its length; out is NULL with cap 0 or has cap bytes.
        let status = unsafe {
            livesign_trtc_rest_url(
                self.host.as_ptr(),
                self.host.len(),
                self.service.as_ptr(),
                self.service.len(),
                self.command.as_ptr(),
                self.command.len(),
                self.sdkappid,
                self.identifier.as_ptr(),
                self.identifier.len(),
                self.usersig.as_ptr(),
                self.usersig.len(),
                self.random,
                out,
                cap,
                &mut len,
            )
        };
        assert!(buf[cap..].iter().all(|&b| b == 0xa5), "wrote past out_cap");
        buf.truncate(if status == livesign_status::LIVESIGN_OK { len } else { 0 });
        (status, len, buf)
    }

    /// The URL, read back with livesign's URL reader, carries exactly the parts.
    fn read_back(&self, text: &[u8]) {
        let host: &[u8] = if self.host.is_empty() { b"console.tim.qq.com" } else { self.host };
        let u = url::parse(text).expect("the URL reads back");
        assert_eq!((u.scheme, u.authority), (&b"https"[..], host));
        assert_eq!(u.path, [&b"/v4/"[..], self.service, b"/", self.command].concat());
        let names = [&b"sdkappid"[..], b"identifier", b"usersig", b"random", b"contenttype"];
        let [app, id, sig, random, ct] = url::lookup(u.query, names).expect("no parameter twice").map(Option::unwrap);
        assert_eq!(url::params(u.query).count(), 5);
        assert_eq!(app, self.sdkappid.to_string().as_bytes());
        assert_eq!(percent_decode(id).as_deref(), Some(self.identifier));
        assert!(id.iter().all(|&c| c.is_ascii_alphanumeric() || b"-._~%".contains(&c)));
        assert_eq!((sig, ct), (self.usersig, &b"json"[..]));
        assert_eq!(random, self.random.to_string().as_bytes());
    }
}

/// A `rest_url` seed.
pub fn url_seed(sdkappid: u64, random: u32, cap: u8, parts: [&[u8]; 4], usersig: &[u8]) -> Vec<u8> {
    let w = Writer::new().u64(sdkappid).u32(random).byte(cap);
    parts.iter().fold(w, |w, p| w.field(p)).rest(usersig)
}
