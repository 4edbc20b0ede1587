//! The Tencent CSS legacy API: the response reader against serde_json (Rust and C, the raw
//! slices pointing into the body), and the request builder read back independently (the
//! sign is MD5(key + t), every parameter comes back percent-decoded, in order).

use livesign::Error;
use livesign::ffi::slice::livesign_slice;
use livesign::ffi::tencent_api::{livesign_tencent_api_response, livesign_tencent_api_response_read};
use livesign::fuzz_api::json;
use livesign::tencent::api::{self, Command, Param, ParamKind};
use serde_json::Value as Ref;

use super::input::{Input, Writer};
use super::reference::{self, md5_hex, percent_decode, query_values, url_parts};

/// Input layout: `command` (byte), `appid`, `t` (u64), `key`, `name`, `value` (fields),
/// `body` (rest). The body is read as a response; the builder gets the command
/// (`command % 15`), one parameter (string or number by `command & 0x80`) and `body` as the
/// base URL when `command & 0x40`.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let (command, appid, t) = (input.byte(), input.u64(), input.u64());
    let (key, name, value, body) = (input.field(), input.field(), input.field(), input.rest());
    response_agrees(body);
    let kind = if command & 0x80 != 0 { ParamKind::Number } else { ParamKind::String };
    let base = (command & 0x40 != 0).then_some(body);
    build_reads_back(Command::all()[usize::from(command) % 15], base, appid, key, t, Param { kind, name, value });
}

/// An integer member as serde_json reads it (written as an integer: `1.0` and `1e2` are f64).
fn integer(v: &Ref) -> Option<i64> {
    v.as_i64()
}

/// `api::read_response` and the C reader against serde_json.
pub fn response_agrees(body: &[u8]) {
    let mut c = livesign_tencent_api_response {
        fields: 99,
        ret: 99,
        retcode: 99,
        errmsg: livesign_slice::of(b"junk"),
        message: livesign_slice::of(b"junk"),
    };
    // SAFETY: body is valid for its length; c is writable.
    let status = unsafe { livesign_tencent_api_response_read(body.as_ptr(), body.len(), &mut c) };
    let ours = api::read_response(body);
    assert_eq!(status as u32, ours.as_ref().map_or_else(|e| e.code(), |_| 0));
    let member = |n: &str| reference::json_member(body, n);
    match ours {
        Ok(r) => {
            // The integers as std reads their text (serde_json reads `-0` as a float).
            let int = |n: &str| {
                let raw = json::parse_object(body).unwrap().get(n.as_bytes()).unwrap().map(|v| v.raw());
                assert_eq!(raw.is_some(), member(n).is_some_and(|v| v.is_number()), "{n} is a number");
                raw.map(|t| std::str::from_utf8(t).unwrap().parse::<i64>().expect("an integer within i64"))
            };
            // Mix_StreamV2's `code` is `ret` in a response with neither `ret` nor `retcode`.
            let named = member("ret").is_some() || member("retcode").is_some();
            assert_eq!((r.ret, r.retcode), (if named { int("ret") } else { int("code") }, int("retcode")));
            assert!(r.ret.is_some() || r.retcode.is_some());
            for (ours, name, slice) in [(r.errmsg, "errmsg", c.errmsg), (r.message, "message", c.message)] {
                let theirs = member(name).map(|v| v.as_str().expect("a string").as_bytes().to_vec());
                assert_eq!(ours.map(|s| s.bytes().collect::<Vec<u8>>()), theirs);
                assert_eq!(slice, ours.map_or(livesign_slice::EMPTY, |s| livesign_slice::present(s.raw())));
            }
            assert_eq!((c.ret, c.retcode), (r.ret.unwrap_or(0), r.retcode.unwrap_or(0)));
            // Fail-closed: `ret` unless it is absent or 0 and `retcode` is not.
            let code = match (r.ret, r.retcode) {
                (Some(ret), _) if ret != 0 => ret,
                (_, Some(retcode)) => retcode,
                (ret, None) => ret.unwrap(),
            };
            assert_eq!(r.code(), code);
        }
        Err(Error::InvalidArgument) => assert!(body.len() > 16 << 20),
        Err(e) => {
            assert_eq!(e, Error::Malformed);
            assert_eq!(
                (c.fields, c.ret, c.retcode, c.errmsg, c.message),
                (0, 0, 0, livesign_slice::EMPTY, livesign_slice::EMPTY)
            );
            // What serde_json reads as a valid response is refused only for a name twice or
            // nesting beyond livesign's limit.
            let Ok(Ref::Object(o)) = serde_json::from_slice::<Ref>(body) else { return };
            let named = o.contains_key("ret") || o.contains_key("retcode");
            let status: &[&str] = if named { &["ret", "retcode"] } else { &["code"] };
            let ints_ok = status.iter().all(|n| o.get(*n).is_none_or(|v| integer(v).is_some()));
            let strs_ok = ["errmsg", "message"].iter().all(|n| o.get(*n).is_none_or(Ref::is_string));
            if ints_ok && strs_ok && status.iter().any(|n| o.contains_key(*n)) {
                let object = json::parse_object(body);
                let twice = object.is_ok_and(|obj| {
                    ["ret", "retcode", "code", "errmsg", "message"]
                        .iter()
                        .any(|n| obj.members().filter(|(m, _)| m.eq(n.as_bytes())).count() > 1)
                });
                assert!(twice || object.is_err(), "a valid response was refused");
            }
        }
    }
}

/// A built request URL, read back: the base, the APPID parameter, `interface`, `t`, the sign
/// and the parameter, percent-decoded.
pub fn build_reads_back(command: Command, base: Option<&[u8]>, appid: u64, key: &[u8], t: u64, param: Param<'_>) {
    let mut buf = vec![0u8; 1024 + base.map_or(0, <[u8]>::len) + 3 * (param.name.len() + param.value.len())];
    let base_ok = base.is_none_or(|b| b.len() <= 8192);
    let r = api::build(command, base, appid, key, t, &[param], &mut buf);
    let Ok(n) = r else {
        let e = r.unwrap_err();
        match e {
            Error::InvalidKey => assert!(key.is_empty() || key.len() > 1024),
            Error::InvalidArgument => {
                let number = param.kind == ParamKind::Number;
                let digits = param.value.strip_prefix(b"-").unwrap_or(param.value);
                let value_ok = if number {
                    !digits.is_empty() && digits.iter().all(u8::is_ascii_digit)
                } else {
                    std::str::from_utf8(param.value).is_ok()
                };
                let name_ok =
                    !param.name.is_empty() && std::str::from_utf8(param.name).is_ok() && param.name.len() <= 256;
                let base_parses = base.is_none_or(|b| {
                    !b.contains(&b'?')
                        && !b.contains(&b'#')
                        && url_parts(b).is_some()
                        && reference::scheme_end(b).is_some()
                        && names_a_host(b)
                });
                assert!(
                    !(value_ok && name_ok && base_ok && base_parses && param.value.len() <= 8192),
                    "refused valid inputs"
                );
            }
            other => panic!("undocumented error {other:?}"),
        }
        return;
    };
    let url = &buf[..n];
    let base = base.unwrap_or(command.default_base().as_bytes());
    assert!(names_a_host(base), "a base without a host was accepted");
    assert!(url.starts_with(base) && url[base.len()] == b'?');
    let (_, query) = url_parts(url).expect("a built URL parses");
    let one = |name: &[u8]| match query_values(query, name)[..] {
        [v] => v.to_vec(),
        ref other => panic!("{} occurs {} times", String::from_utf8_lossy(name), other.len()),
    };
    assert_eq!(one(command.appid_param().as_bytes()), appid.to_string().as_bytes());
    assert_eq!(one(b"interface"), command.name().as_bytes());
    assert_eq!(one(b"t"), t.to_string().as_bytes());
    assert_eq!(one(b"sign"), md5_hex(&[key, t.to_string().as_bytes()]).as_bytes());
    let prefix: &[u8] = if param.kind == ParamKind::Number { b"Param.n." } else { b"Param.s." };
    let last = query.split(|&b| b == b'&').next_back().unwrap();
    let (n_enc, v_enc) = last.split_at(last.iter().position(|&b| b == b'=').unwrap());
    assert_eq!(percent_decode(n_enc.strip_prefix(prefix).unwrap()).unwrap(), param.name);
    assert_eq!(percent_decode(&v_enc[1..]).unwrap(), param.value);
}

/// Whether `scheme://[userinfo@]host[:port]/...` has a non-empty host (`http://:80/p` has
/// none; brackets must hold an IPv6 address, then nothing or a port; a name every client reads
/// alike, see [`reference::host_reads_alike`]), read independently of
/// `src/tencent/api.rs`.
fn names_a_host(url: &[u8]) -> bool {
    let Some(i) = reference::scheme_end(url) else { return false };
    let rest = &url[i + 3..];
    let authority = &rest[..rest.iter().position(|&b| b == b'/' || b == b'?').unwrap_or(rest.len())];
    let host_port = match authority.iter().rposition(|&b| b == b'@') {
        Some(at) => &authority[at + 1..],
        None => authority,
    };
    if let Some(rest) = host_port.strip_prefix(b"[") {
        let text = String::from_utf8_lossy(rest);
        return text
            .split_once(']')
            .is_some_and(|(literal, after)| reference::ipv6(literal) && (after.is_empty() || after.starts_with(':')));
    }
    let name = String::from_utf8_lossy(host_port);
    let name = name.split(':').next().unwrap_or_default();
    !name.is_empty() && reference::host_reads_alike(name)
}

/// A seed.
#[allow(clippy::too_many_arguments)]
pub fn seed(command: u8, appid: u64, t: u64, key: &[u8], name: &[u8], value: &[u8], body: &[u8]) -> Vec<u8> {
    Writer::new().byte(command).u64(appid).u64(t).field(key).field(name).field(value).rest(body)
}

/// Seeds: documented responses, and the documented request's key and time.
pub fn seeds(vectors: &super::seeds::Vectors) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let bodies: [&[u8]; 5] = [
        br#"{"ret":0,"retcode":0,"errmsg":"ok","message":"","output":[{"rate_type":0,"recv_type":1,"status":[{"status":1}]}]}"#,
        br#"{"ret":-1,"retcode":1001,"errmsg":"appid \u0069s invalid","message":"\/x"}"#,
        br#"{"retcode":20601,"message":"stream not live"}"#,
        br#"{"ret":1.0}"#,
        br#"{"ret":0,"ret":1}"#,
    ];
    let key = super::seeds::vectors_of(vectors, "tencent_sign")
        .first()
        .map(|v| super::seeds::bytes(v, &["key"]))
        .unwrap_or_default();
    for (i, body) in bodies.iter().enumerate() {
        let command = i as u8 * 3;
        out.push(("documented".into(), seed(command, 1234, 1471850187, &key, b"channel_id", b"8888_test123", body)));
        out.push(("documented".into(), seed(command | 0x80, 1, 2, &key, b"n", b"-42", body)));
    }
    out.push(("base".into(), seed(0x40, 1, 2, &key, b"a b", "é&=".as_bytes(), b"https://h.example:8443/p/q")));
    out
}
