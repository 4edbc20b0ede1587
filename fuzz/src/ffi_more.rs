//! The `ffi` target's operations on the C functions added after its first fourteen (Tencent
//! CSS callbacks, URLs and legacy API; UserSig and PrivateMapKey; Huawei notifications,
//! ordering, recording, SparkRTC and URLs; Alibaba; JSON unescaping; the limits), under the
//! same rules as [`super::ffi`]: each pointer is chosen NULL, NULL with a length, or real;
//! each call returns what the safe Rust API returns for the same bytes, or
//! `LIVESIGN_INVALID_ARGUMENT` when a pointer breaks the NULL rules; never
//! `LIVESIGN_INTERNAL`; nothing is written past a capacity; outputs documented as zero-filled
//! or untouched on failure are.

use core::mem::MaybeUninit;

use livesign::ffi::alibaba::*;
use livesign::ffi::hmac_key::livesign_hmac_key;
use livesign::ffi::huawei::*;
use livesign::ffi::huawei_record::*;
use livesign::ffi::huawei_url::*;
use livesign::ffi::json::livesign_json_unescape;
use livesign::ffi::limits::*;
use livesign::ffi::slice::{LIVESIGN_MAX_KEYS, livesign_slice};
use livesign::ffi::status::livesign_status;
use livesign::ffi::tencent::*;
use livesign::ffi::tencent_api::*;
use livesign::ffi::tencent_url::*;
use livesign::ffi::trtc::*;
use livesign::huawei::{
    self, EventKind, Notification, Phase, RecordFields, SparkRtcUnit, StreamState, TimeFormat, UrlAuth, Verdict,
};
use livesign::tencent::api::{self, Command, Param, ParamKind};
use livesign::tencent::{callback as css, errors, url as txurl};
use livesign::trtc::{self, Room, UserSig};
use livesign::{Error, HmacKey, JsonStr, Limits, alibaba};

use super::ffi::{Choices, Ctx, OutBuffer, expect, text};
use super::input::Writer;

/// How many operations this module adds.
pub const OPS: u8 = 19;

/// A C call with a variable output `(out, out_cap, out_len)`: `out` and `out_len` are given or
/// NULL by the choices; `want` is the whole output the safe API gives (or its error). Checks
/// the status, `*out_len`, the bytes on success and the canaries always. `strict_bytes`:
/// whether `want`'s bytes must be what C wrote (false for a context of garbage bytes).
fn out_call(
    ch: &mut Choices,
    bad: bool,
    cap: usize,
    want: Result<Vec<u8>, Error>,
    call: impl FnOnce(*mut u8, usize, *mut usize) -> livesign_status,
) {
    let (out_given, len_given) = (ch.given(), ch.given());
    let mut out = OutBuffer::new(cap);
    let p = if out_given { out.ptr() } else { core::ptr::null_mut() };
    let mut out_len = usize::MAX;
    let lp = if len_given { &mut out_len as *mut usize } else { core::ptr::null_mut() };
    let status = call(p, cap, lp);
    let bad_buffer = !len_given || (!out_given && cap > 0);
    let status_want = match &want {
        Ok(b) if b.len() <= cap => Ok(()),
        Ok(b) => Err(Error::BufferTooSmall { needed: b.len() }),
        Err(e) => Err(*e),
    };
    expect(status, bad || bad_buffer, status_want);
    if len_given {
        let reported = match (bad || bad_buffer, &want) {
            (false, Ok(b)) => b.len(),
            _ => 0,
        };
        assert_eq!(out_len, reported, "*out_len");
    }
    let written = out.written();
    match (&want, status) {
        (Ok(b), livesign_status::LIVESIGN_OK) => assert_eq!(&written[..b.len()], &b[..], "the bytes written"),
        _ => assert!(out.untouched(), "a failure (BUFFER_TOO_SMALL too) writes nothing"),
    }
}

/// A fixed-size output of `N` bytes, given or NULL by the choices; `want` the bytes the safe
/// API gives.
fn fixed_call<const N: usize>(
    ch: &mut Choices,
    bad: bool,
    want: Result<Vec<u8>, Error>,
    call: impl FnOnce(*mut u8) -> livesign_status,
) {
    let given = ch.given();
    let mut out = OutBuffer::new(N);
    let p = if given { out.ptr() } else { core::ptr::null_mut() };
    let status = call(p);
    expect(status, bad || !given, want.clone().map(drop));
    match want {
        Ok(w) if !bad && given => assert_eq!(out.written(), &w[..]),
        _ => assert!(out.untouched(), "written only on success"),
    }
}

fn utf8(s: &[u8]) -> Result<&str, Error> {
    text(s)
}

/// `want` when no pointer was bad.
fn unless_bad<T>(bad: bool, want: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    if bad { Err(Error::InvalidArgument) } else { want() }
}

/// Splits `d` at newlines into `N` pieces (missing ones empty).
fn pieces<const N: usize>(d: &[u8]) -> [&[u8]; N] {
    let mut it = d.split(|&x| x == b'\n');
    core::array::from_fn(|_| it.next().unwrap_or_default())
}

/// The raw key's or the loaded context's `HmacKey`, as the safe API sees it; `None` for a
/// context of garbage bytes (whose outcome is only required not to be a crash).
enum Key<'a> {
    Raw(&'a [u8]),
    Ctx(&'a Ctx),
}

impl Key<'_> {
    /// The loaded key, or the error the C function reports for it.
    fn load(&self) -> Option<Result<HmacKey, Error>> {
        match self {
            Key::Raw(k) => Some(HmacKey::new(k)),
            Key::Ctx(Ctx::Loaded(_, k)) => Some(Ok(k.clone())),
            Key::Ctx(Ctx::Null | Ctx::Refused(_)) => Some(Err(Error::InvalidArgument)),
            Key::Ctx(Ctx::Garbage(_)) => None,
        }
    }
}

pub(crate) fn check(op: u8, ch: &mut Choices, n: [u64; 2], small: u32, f: [&[u8]; 4]) {
    let [a, b, c, d] = f;
    let [n1, n2] = n;
    let mut bad = false;
    match op {
        // livesign_tencent_callback_verify
        0 => {
            let (kp, kl, key) = ch.input(a, &mut bad);
            let (bp, bl, body) = ch.input(d, &mut bad);
            let mut ev = MaybeUninit::<livesign_tencent_event>::uninit();
            let given = ch.given();
            let p = if given { ev.as_mut_ptr() } else { core::ptr::null_mut() };
            // SAFETY: inputs are NULL or valid; p is NULL or writable.
            let status = unsafe { livesign_tencent_callback_verify(kp, kl, bp, bl, n1, small, p) };
            let want = unless_bad(bad, || css::verify(key, body, n1, small).map(|e| e.t));
            expect(status, false, want.map(drop));
            if given {
                // SAFETY: written whatever the outcome.
                let ev = unsafe { ev.assume_init() };
                assert_eq!(ev.t, want.unwrap_or(0));
            }
        }
        // livesign_tencent_callback_field
        1 => {
            let (bp, bl, body) = ch.input(d, &mut bad);
            let (np, nl, name) = ch.input(a, &mut bad);
            let given = ch.given();
            let mut v = livesign_slice::of(b"junk");
            let p = if given { &mut v as *mut livesign_slice } else { core::ptr::null_mut() };
            // SAFETY: inputs are NULL or valid; p is NULL or writable.
            let status = unsafe { livesign_tencent_callback_field(bp, bl, np, nl, p) };
            let want = unless_bad(bad || !given, || utf8(name).and_then(|_| css::field(body, name)));
            expect(status, false, want.map(drop));
            if given {
                assert_eq!(v, want.ok().flatten().map_or(livesign_slice::EMPTY, livesign_slice::of));
            }
        }
        // livesign_tencent_url_build (+ _build_len)
        2 => {
            let kind = small % 6;
            let kinds = [
                None,
                Some(txurl::UrlKind::Rtmp),
                Some(txurl::UrlKind::WebRtc),
                Some(txurl::UrlKind::Flv),
                Some(txurl::UrlKind::Hls),
                None,
            ];
            let (dp, dl, domain) = ch.input(a, &mut bad);
            let (ap, al, app) = ch.input(b, &mut bad);
            let (sp, sl, stream) = ch.input(c, &mut bad);
            let (kp, kl, key) = ch.input(d, &mut bad);
            let want = unless_bad(bad, || {
                let k = kinds[kind as usize].ok_or(Error::InvalidArgument)?;
                let mut buf = vec![0u8; 2048];
                let n = txurl::build(k, domain, app, stream, key, n1, &mut buf)?;
                buf.truncate(n);
                Ok(buf)
            });
            if let (Ok(w), Some(k)) = (&want, kinds[kind as usize]) {
                assert_eq!(txurl::url_len(k, domain.len(), app.len(), stream.len(), n1), Some(w.len()));
                assert_eq!(livesign_tencent_url_build_len(kind, domain.len(), app.len(), stream.len(), n1), w.len());
            }
            let cap = (n2 % 400) as usize;
            // SAFETY: inputs are NULL or valid; the output triple is checked by out_call.
            out_call(ch, bad, cap, want, |o, cap, l| unsafe {
                livesign_tencent_url_build(kind, dp, dl, ap, al, sp, sl, kp, kl, n1, o, cap, l)
            });
        }
        // livesign_tencent_url_secret
        3 => {
            let (kp, kl, key) = ch.input(a, &mut bad);
            let (sp, sl, stream) = ch.input(b, &mut bad);
            let (tp, tl, time) = ch.input(c, &mut bad);
            let want = unless_bad(bad, || txurl::secret(key, stream, time).map(|s| s.as_bytes().to_vec()));
            // SAFETY: inputs are NULL or valid; out is NULL or 32 bytes.
            fixed_call::<32>(ch, false, want, |o| unsafe { livesign_tencent_url_secret(kp, kl, sp, sl, tp, tl, o) });
        }
        // livesign_tencent_url_verify
        4 => {
            let (slices, keys, given) = key_ring(ch, c, (small % 11) as usize, &mut bad);
            let (up, ul, url) = ch.input(d, &mut bad);
            let mut matched = usize::MAX;
            let mp = if ch.given() { &mut matched as *mut usize } else { core::ptr::null_mut() };
            let mut info = MaybeUninit::<livesign_tencent_url_info>::uninit();
            let info_given = ch.given();
            let ip = if info_given { info.as_mut_ptr() } else { core::ptr::null_mut() };
            let rp = if given { slices.as_ptr() } else { core::ptr::null() };
            // SAFETY: rp is NULL or the slices; url is NULL or valid; mp and ip NULL or writable.
            let status =
                unsafe { livesign_tencent_url_verify(rp, slices.len(), up, ul, small >> 8, n1, n2 as u32, mp, ip) };
            let ring_bad = !given || slices.is_empty() || slices.len() > LIVESIGN_MAX_KEYS;
            let want = unless_bad(bad || ring_bad, || txurl::verify(&keys, url, small >> 8, n1, n2 as u32));
            expect(status, false, want.map(drop));
            let index = want.map_or(usize::MAX, |v| v.key_index);
            if !mp.is_null() {
                assert_eq!(matched, index);
            }
            if info_given {
                // SAFETY: written whatever the outcome.
                let info = unsafe { info.assume_init() };
                assert_eq!((info.expiry, info.valid_until), want.map_or((0, 0), |v| (v.expiry, v.valid_until)));
            }
        }
        // livesign_tencent_api_build
        5 => {
            let command = small % 17;
            let (bp, bl, base) = ch.input(a, &mut bad);
            let (kp, kl, key) = ch.input(b, &mut bad);
            let kind = (small >> 8) % 3;
            let mut bad_param = false;
            let (np, nl, name) = ch.input(c, &mut bad_param);
            let (vp, vl, value) = ch.input(d, &mut bad_param);
            let count = if small & (1 << 12) != 0 { 33 } else { ((small >> 10) % 3) as usize };
            let param = livesign_tencent_api_param {
                kind,
                name: livesign_slice { ptr: np, len: nl },
                value: livesign_slice { ptr: vp, len: vl },
            };
            let params = vec![param; count];
            let params_given = ch.given();
            let pp = if params_given { params.as_ptr() } else { core::ptr::null() };
            // Every argument error is INVALID_ARGUMENT; the parameters are read only when there
            // are some (and no more than 32).
            let want = unless_bad(bad, || {
                let cmd =
                    Command::all().get(command.wrapping_sub(1) as usize).copied().ok_or(Error::InvalidArgument)?;
                if count > 32 || (count > 0 && (!params_given || kind == 0 || bad_param)) {
                    return Err(Error::InvalidArgument);
                }
                let k = if kind == 2 { ParamKind::Number } else { ParamKind::String };
                let ps = vec![Param { kind: k, name, value }; count];
                let mut buf = vec![0u8; 4 * 1024 + 3 * 2 * (name.len() + value.len()) + base.len()];
                let n = api::build(cmd, (!base.is_empty()).then_some(base), n1, key, n2, &ps, &mut buf)?;
                buf.truncate(n);
                Ok(buf)
            });
            let cap = (small >> 16) as usize % 1024;
            // SAFETY: inputs are NULL or valid; pp is NULL or `count` params.
            out_call(ch, false, cap, want, |o, cap, l| unsafe {
                livesign_tencent_api_build(command, bp, bl, n1, kp, kl, n2, pp, count, o, cap, l)
            });
        }
        // response reader, command names, error catalog
        6 => {
            let (bp, bl, body) = ch.input(d, &mut bad);
            let given = ch.given();
            let mut r = MaybeUninit::<livesign_tencent_api_response>::uninit();
            let p = if given { r.as_mut_ptr() } else { core::ptr::null_mut() };
            // SAFETY: body is NULL or valid; p is NULL or writable.
            let status = unsafe { livesign_tencent_api_response_read(bp, bl, p) };
            let want = unless_bad(bad || !given, || api::read_response(body).map(|r| (r.ret, r.retcode)));
            expect(status, false, want.map(drop));
            if given {
                // SAFETY: written whatever the outcome.
                let r = unsafe { r.assume_init() };
                let (ret, retcode) = want.unwrap_or((None, None));
                assert_eq!((r.ret, r.retcode), (ret.unwrap_or(0), retcode.unwrap_or(0)));
            }
            let mut bad = false;
            let (np, nl, name) = ch.input(a, &mut bad);
            let mut cmd = u32::MAX;
            let cp = if ch.given() { &mut cmd as *mut u32 } else { core::ptr::null_mut() };
            // SAFETY: name is NULL or valid; cp is NULL or writable.
            let status = unsafe { livesign_tencent_api_command_from_name(np, nl, cp) };
            let want = unless_bad(bad || cp.is_null(), || Command::from_name(name).ok_or(Error::InvalidArgument));
            expect(status, false, want.map(drop));
            if !cp.is_null() {
                assert_eq!(cmd, want.map_or(0, |c| Command::all().iter().position(|x| *x == c).unwrap() as u32 + 1));
            }
            let code = n1 as i64;
            // SAFETY: these return static entries or NULL.
            unsafe {
                let c = livesign_tencent_error_by_code(code);
                assert_eq!(c.is_null(), errors::by_code(code).is_none());
                assert_eq!(
                    livesign_tencent_error_by_http_status(small).is_null(),
                    errors::by_http_status(small).is_none()
                );
                let m = livesign_tencent_error_by_message(np, nl);
                assert_eq!(m.is_null(), bad || errors::by_message(name).is_none());
                if !c.is_null() {
                    assert_eq!((*c).code, code);
                }
            }
            let cmd_code = small % 17;
            let known = Command::all().get(cmd_code.wrapping_sub(1) as usize);
            assert_eq!(livesign_tencent_api_command_name(cmd_code).is_null(), known.is_none());
            assert_eq!(livesign_tencent_api_default_base(cmd_code).is_null(), known.is_none());
        }
        // livesign_usersig_gen / _keyed (+ _len, _max_len)
        7 => {
            let ctx = Ctx::new(ch.next(), a, c);
            let keyed = ch.next() & 1 == 1;
            let (kp, kl, raw) = if keyed { (core::ptr::null(), 0, &b""[..]) } else { ch.input(a, &mut bad) };
            let key = if keyed { Key::Ctx(&ctx) } else { Key::Raw(raw) };
            let mut id_bad = false;
            let (ip, il, id) = ch.input(b, &mut id_bad);
            bad |= id_bad;
            let (up, ul, userbuf) = ch.input(c, &mut bad);
            let (expire, now) = (n2, u64::from(small));
            let want = key.load().map(|k| {
                unless_bad(bad, || {
                    let id = utf8(id)?;
                    let k = k?;
                    Ok(UserSig::new(&k, n1, id, expire, now, userbuf)?.as_bytes().to_vec())
                })
            });
            let cap = (small >> 20) as usize * 8;
            let call = |o, cap, l| {
                // SAFETY: inputs are NULL or valid; the context is NULL or readable.
                unsafe {
                    if keyed {
                        livesign_usersig_gen_keyed(n1, ctx.ptr(), ip, il, expire, now, up, ul, o, cap, l)
                    } else {
                        livesign_usersig_gen(n1, kp, kl, ip, il, expire, now, up, ul, o, cap, l)
                    }
                }
            };
            match want {
                Some(want) => out_call(ch, false, cap, want, call),
                None => garbage_out_call(ch, cap, call),
            }
            // SAFETY: the identifier is NULL or valid.
            let len = unsafe { livesign_usersig_len(n1, ip, il, expire, now, ul) };
            let want_len = unless_bad(id_bad, || trtc::usersig_len(n1, utf8(id)?, expire, now, ul)).unwrap_or(0);
            assert_eq!(len, want_len);
            assert_eq!(livesign_usersig_max_len(), UserSig::MAX_LEN);
        }
        // livesign_usersig_verify / _keyed / _inspect
        8 => {
            let ctx = Ctx::new(ch.next(), a, c);
            let keyed = ch.next() & 1 == 1;
            let (kp, kl, raw) = if keyed { (core::ptr::null(), 0, &b""[..]) } else { ch.input(a, &mut bad) };
            let key = if keyed { Key::Ctx(&ctx) } else { Key::Raw(raw) };
            let (ip, il, id) = ch.input(b, &mut bad);
            let (tp, tl, token) = ch.input(d, &mut bad);
            let mut info: Box<livesign_usersig_info> = Box::new(zeroed());
            let info_given = ch.given();
            let p = if info_given { &mut *info as *mut livesign_usersig_info } else { core::ptr::null_mut() };
            // SAFETY: inputs are NULL or valid; the context is NULL or readable; p is NULL or writable.
            let status = unsafe {
                if keyed {
                    livesign_usersig_verify_keyed(n1, ctx.ptr(), ip, il, tp, tl, n2, small, p)
                } else {
                    livesign_usersig_verify(n1, kp, kl, ip, il, tp, tl, n2, small, p)
                }
            };
            match key.load() {
                None => assert_ne!(status, livesign_status::LIVESIGN_INTERNAL),
                Some(k) => {
                    let want = unless_bad(bad, || {
                        let id = utf8(id)?;
                        trtc::usersig_verify(&k?, n1, id, token, n2, small)
                    });
                    expect(status, false, want.as_ref().map(drop).map_err(|e| *e));
                    if info_given {
                        assert_eq!(info.sdkappid, want.as_ref().map_or(0, |i| i.sdkappid()));
                        assert_eq!(info.identifier_len, want.as_ref().map_or(0, |i| i.identifier().len()));
                    }
                }
            }
            let mut bad = false;
            let (tp, tl, token) = ch.input(d, &mut bad);
            let info_given = ch.given();
            let p = if info_given { &mut *info as *mut livesign_usersig_info } else { core::ptr::null_mut() };
            // SAFETY: token is NULL or valid; p is NULL or writable.
            let status = unsafe { livesign_usersig_inspect(tp, tl, p) };
            let want = unless_bad(bad, || trtc::usersig_inspect(token));
            expect(status, false, want.as_ref().map(drop).map_err(|e| *e));
            if info_given {
                assert_eq!(info.expires_at, want.map_or(0, |i| i.expires_at()));
            }
        }
        // livesign_privmap_gen* and livesign_privmap_parse
        9 => {
            let ctx = Ctx::new(ch.next(), a, c);
            let variant = ch.next();
            let keyed = variant & 1 == 1;
            let roomstr = variant & 2 == 2;
            let (kp, kl, raw) = if keyed { (core::ptr::null(), 0, &b""[..]) } else { ch.input(a, &mut bad) };
            let key = if keyed { Key::Ctx(&ctx) } else { Key::Raw(raw) };
            let (ip, il, id) = ch.input(b, &mut bad);
            let (rp, rl, room_name) = if roomstr { ch.input(c, &mut bad) } else { (core::ptr::null(), 0, &b""[..]) };
            let (expire, now, roomid, privileges) = (n2 & 0xffff_ffff, u64::from(small), (n2 >> 32) as u32, small >> 8);
            let room = if roomstr { Room::Name(room_name) } else { Room::Id(roomid) };
            let want = key.load().map(|k| {
                unless_bad(bad, || {
                    let id = utf8(id)?;
                    let k = k?;
                    Ok(UserSig::private_map_key(&k, n1, id, expire, now, room, privileges)?.as_bytes().to_vec())
                })
            });
            let cap = (small >> 24) as usize * 8;
            let call = |o, cap, l| {
                // SAFETY: inputs are NULL or valid; the context is NULL or readable.
                unsafe {
                    match (keyed, roomstr) {
                        (false, false) => {
                            livesign_privmap_gen(n1, kp, kl, ip, il, expire, now, roomid, privileges, o, cap, l)
                        }
                        (true, false) => livesign_privmap_gen_keyed(
                            n1,
                            ctx.ptr(),
                            ip,
                            il,
                            expire,
                            now,
                            roomid,
                            privileges,
                            o,
                            cap,
                            l,
                        ),
                        (false, true) => {
                            livesign_privmap_gen_roomstr(n1, kp, kl, ip, il, expire, now, rp, rl, privileges, o, cap, l)
                        }
                        (true, true) => livesign_privmap_gen_roomstr_keyed(
                            n1,
                            ctx.ptr(),
                            ip,
                            il,
                            expire,
                            now,
                            rp,
                            rl,
                            privileges,
                            o,
                            cap,
                            l,
                        ),
                    }
                }
            };
            match want {
                Some(want) => out_call(ch, false, cap, want, call),
                None => garbage_out_call(ch, cap, call),
            }
            let mut bad = false;
            let (up, ul, userbuf) = ch.input(d, &mut bad);
            let mut info = MaybeUninit::<livesign_privmap_info>::uninit();
            let given = ch.given();
            let p = if given { info.as_mut_ptr() } else { core::ptr::null_mut() };
            // SAFETY: userbuf is NULL or valid; p is NULL or writable.
            let status = unsafe { livesign_privmap_parse(up, ul, p) };
            let want = unless_bad(bad, || trtc::privmap_parse(userbuf));
            expect(status, false, want.map(drop));
            if given {
                // SAFETY: written whatever the outcome.
                let info = unsafe { info.assume_init() };
                assert_eq!((info.sdkappid, info.privileges), want.map_or((0, 0), |p| (p.sdkappid, p.privileges)));
            }
        }
        // livesign_huawei_sign / _keyed
        10 => {
            let ctx = Ctx::new(ch.next(), a, c);
            let keyed = ch.next() & 1 == 1;
            let (kp, kl, raw) = if keyed { (core::ptr::null(), 0, &b""[..]) } else { ch.input(a, &mut bad) };
            let key = if keyed { Key::Ctx(&ctx) } else { Key::Raw(raw) };
            let fs = pieces::<4>(d);
            let inputs: Vec<(*const u8, usize, &[u8])> = fs.iter().map(|x| ch.input(x, &mut bad)).collect();
            let fields_ok = || -> Result<[&str; 4], Error> {
                let t: Vec<&str> = inputs.iter().map(|x| utf8(x.2)).collect::<Result<_, _>>()?;
                if t.iter().any(|s| s.len() > Limits::MAX_ID_LEN) {
                    return Err(Error::InvalidArgument);
                }
                Ok([t[0], t[1], t[2], t[3]])
            };
            let given = ch.given();
            let mut out = OutBuffer::new(LIVESIGN_HUAWEI_SIGN_LEN);
            let op = if given { out.ptr() } else { core::ptr::null_mut() };
            let i = &inputs;
            // SAFETY: inputs are NULL or valid; the context is NULL or readable; op is NULL or 64 bytes.
            let status = unsafe {
                if keyed {
                    livesign_huawei_sign_keyed(
                        ctx.ptr(),
                        i[0].0,
                        i[0].1,
                        i[1].0,
                        i[1].1,
                        i[2].0,
                        i[2].1,
                        i[3].0,
                        i[3].1,
                        n1,
                        op,
                    )
                } else {
                    livesign_huawei_sign(kp, kl, i[0].0, i[0].1, i[1].0, i[1].1, i[2].0, i[2].1, i[3].0, i[3].1, n1, op)
                }
            };
            match key.load() {
                None => assert_ne!(status, livesign_status::LIVESIGN_INTERNAL),
                Some(k) => {
                    let want = unless_bad(bad, || {
                        let t = fields_ok()?;
                        // A 10-digit auth_timestamp, no more and no fewer, checked before the key.
                        if !given || !super::reference::ten_digits(n1) {
                            return Err(Error::InvalidArgument);
                        }
                        Ok(huawei::sign(&k?, t[0], t[1], t[2], t[3], n1)?.as_bytes().to_vec())
                    });
                    expect(status, false, want.clone().map(drop));
                    match want {
                        Ok(w) => assert_eq!(out.written(), &w[..]),
                        Err(_) => assert!(out.untouched()),
                    }
                }
            }
        }
        // livesign_huawei_callback_verify / _keyed, _event_id, _stream_apply
        11 => {
            let ctx = Ctx::new(ch.next(), a, c);
            let keyed = ch.next() & 1 == 1;
            let (kp, kl, raw) = if keyed { (core::ptr::null(), 0, &b""[..]) } else { ch.input(a, &mut bad) };
            let key = if keyed { Key::Ctx(&ctx) } else { Key::Raw(raw) };
            let (bp, bl, body) = ch.input(d, &mut bad);
            let mut ev = MaybeUninit::<livesign_huawei_event>::uninit();
            let ev_given = ch.given();
            let p = if ev_given { ev.as_mut_ptr() } else { core::ptr::null_mut() };
            // SAFETY: inputs are NULL or valid; the context is NULL or readable; p NULL or writable.
            let status = unsafe {
                if keyed {
                    livesign_huawei_callback_verify_keyed(ctx.ptr(), bp, bl, n1, small, p)
                } else {
                    livesign_huawei_callback_verify(kp, kl, bp, bl, n1, small, p)
                }
            };
            let Some(k) = key.load() else {
                assert_ne!(status, livesign_status::LIVESIGN_INTERNAL);
                return;
            };
            let want = unless_bad(bad, || {
                if body.len() > Limits::MAX_BODY_LEN {
                    return Err(Error::InvalidArgument);
                }
                Notification::verify(&k?, body, n1, small)
            });
            expect(status, false, want.as_ref().map(drop).map_err(|e| *e));
            if !ev_given {
                return;
            }
            // SAFETY: written whatever the outcome.
            let ev = unsafe { ev.assume_init() };
            let Ok(n) = want else {
                assert_eq!((ev.event, ev.auth_timestamp, ev.domain), (0, 0, livesign_slice::EMPTY));
                return;
            };
            assert_eq!(ev.auth_timestamp, n.auth_timestamp);
            let mut id = vec![0u8; 4096];
            let want_id = n.event_id(&mut id).map(|len| id[..len].to_vec());
            // SAFETY: ev points into body, which is alive; the output triple is checked.
            out_call(ch, false, (n2 % 200) as usize, want_id, |o, cap, l| unsafe {
                livesign_huawei_event_id(&ev, o, cap, l)
            });
            let want_id = n.replay_id(&mut id).map(|len| id[..len].to_vec());
            // SAFETY: as above.
            out_call(ch, false, (n2 % 200) as usize, want_id, |o, cap, l| unsafe {
                livesign_huawei_replay_id(&ev, o, cap, l)
            });
            let phase = (small >> 8) % 4;
            let mut state = livesign_huawei_stream { publish_timestamp: n2, state: phase };
            let before = state;
            let mut verdict = u32::MAX;
            let vp = if ch.given() { &mut verdict as *mut u32 } else { core::ptr::null_mut() };
            // SAFETY: state and ev are readable; vp is NULL or writable.
            let status = unsafe { livesign_huawei_stream_apply(&mut state, &ev, vp) };
            let want = unless_bad(vp.is_null(), || {
                let phase =
                    [Phase::Unseen, Phase::Live, Phase::Ended].get(phase as usize).ok_or(Error::InvalidArgument)?;
                if n.kind == EventKind::Unknown {
                    return Err(Error::InvalidArgument);
                }
                let t = n.publish_time.ok_or(Error::Malformed)?;
                let mut s = StreamState::from_parts(*phase, n2);
                let v = s.apply(n.kind, t)?;
                Ok((s, v))
            });
            expect(status, false, want.map(drop));
            match want {
                Ok((s, v)) => {
                    assert_eq!(state.publish_timestamp, s.publish_timestamp());
                    let v_code = match v {
                        Verdict::Live => LIVESIGN_HUAWEI_STREAM_LIVE,
                        Verdict::Ended => LIVESIGN_HUAWEI_STREAM_ENDED,
                        Verdict::Stale => LIVESIGN_HUAWEI_STREAM_STALE,
                    };
                    assert_eq!(verdict, v_code);
                }
                Err(_) => assert_eq!(state, before, "unchanged on failure"),
            }
        }
        // livesign_huawei_record_sign / _verify (+ _keyed)
        12 => {
            let ctx = Ctx::new(ch.next(), a, c);
            let keyed = ch.next() & 1 == 1;
            let (kp, kl, raw) = if keyed { (core::ptr::null(), 0, &b""[..]) } else { ch.input(a, &mut bad) };
            let key = if keyed { Key::Ctx(&ctx) } else { Key::Raw(raw) };
            let fs = pieces::<6>(d);
            let i: Vec<(*const u8, usize, &[u8])> = fs.iter().map(|x| ch.input(x, &mut bad)).collect();
            let mut sign_bad = false;
            let (sp, sl, sign) = ch.input(b, &mut sign_bad);
            let fields = || -> Result<RecordFields<'_>, Error> {
                let f = RecordFields {
                    auth_timestamp: n1,
                    event_type: utf8(i[0].2)?,
                    publish_domain: utf8(i[1].2)?,
                    app: utf8(i[2].2)?,
                    stream: utf8(i[3].2)?,
                    download_url: utf8(i[4].2)?,
                    play_url: utf8(i[5].2)?,
                };
                f.check()?;
                Ok(f)
            };
            let given = ch.given();
            let mut out = OutBuffer::new(LIVESIGN_HUAWEI_SIGN_LEN);
            let op = if given { out.ptr() } else { core::ptr::null_mut() };
            let verify_op = ch.next() & 1 == 1;
            // SAFETY: inputs are NULL or valid; the context is NULL or readable; op NULL or 64 bytes.
            let status = unsafe {
                match (verify_op, keyed) {
                    (false, false) => livesign_huawei_record_sign(
                        kp, kl, n1, i[0].0, i[0].1, i[1].0, i[1].1, i[2].0, i[2].1, i[3].0, i[3].1, i[4].0, i[4].1,
                        i[5].0, i[5].1, op,
                    ),
                    (false, true) => livesign_huawei_record_sign_keyed(
                        ctx.ptr(),
                        n1,
                        i[0].0,
                        i[0].1,
                        i[1].0,
                        i[1].1,
                        i[2].0,
                        i[2].1,
                        i[3].0,
                        i[3].1,
                        i[4].0,
                        i[4].1,
                        i[5].0,
                        i[5].1,
                        op,
                    ),
                    (true, false) => livesign_huawei_record_verify(
                        kp, kl, n1, i[0].0, i[0].1, i[1].0, i[1].1, i[2].0, i[2].1, i[3].0, i[3].1, i[4].0, i[4].1,
                        i[5].0, i[5].1, sp, sl, n2, small,
                    ),
                    (true, true) => livesign_huawei_record_verify_keyed(
                        ctx.ptr(),
                        n1,
                        i[0].0,
                        i[0].1,
                        i[1].0,
                        i[1].1,
                        i[2].0,
                        i[2].1,
                        i[3].0,
                        i[3].1,
                        i[4].0,
                        i[4].1,
                        i[5].0,
                        i[5].1,
                        sp,
                        sl,
                        n2,
                        small,
                    ),
                }
            };
            let Some(k) = key.load() else {
                assert_ne!(status, livesign_status::LIVESIGN_INTERNAL);
                return;
            };
            if verify_op {
                let want = unless_bad(bad || sign_bad, || {
                    let f = fields()?;
                    huawei::record_verify(&k?, &f, sign, n2, small)
                });
                expect(status, false, want);
            } else {
                let want = unless_bad(bad, || {
                    let f = fields()?;
                    // A 10-digit auth_timestamp is an argument rule: before the key's.
                    if !given || !super::reference::ten_digits(n1) {
                        return Err(Error::InvalidArgument);
                    }
                    Ok(huawei::record_sign(&k?, &f)?.as_bytes().to_vec())
                });
                expect(status, false, want.clone().map(drop));
                match want {
                    Ok(w) => assert_eq!(out.written(), &w[..]),
                    Err(_) => assert!(out.untouched()),
                }
            }
        }
        // record MD5 and SparkRTC
        13 => {
            let ctx = Ctx::new(ch.next(), a, c);
            let which = ch.next();
            let keyed = ch.next() & 1 == 1;
            let (kp, kl, raw) =
                if keyed && which >= 2 { (core::ptr::null(), 0, &b""[..]) } else { ch.input(a, &mut bad) };
            let key = if keyed && which >= 2 { Key::Ctx(&ctx) } else { Key::Raw(raw) };
            match which {
                0 => {
                    let want = unless_bad(bad, || huawei::record_md5_sign(raw, n1).map(|s| s.as_bytes().to_vec()));
                    // SAFETY: the key is NULL or valid; out is NULL or 32 bytes.
                    fixed_call::<32>(ch, false, want, |o| unsafe { livesign_huawei_record_md5_sign(kp, kl, n1, o) });
                }
                1 => {
                    let (sp, sl, sign) = ch.input(b, &mut bad);
                    // SAFETY: inputs are NULL or valid.
                    let status = unsafe { livesign_huawei_record_md5_verify(kp, kl, n1, sp, sl, n2, small) };
                    expect(status, false, unless_bad(bad, || huawei::record_md5_verify(raw, n1, sign, n2, small)));
                }
                _ => {
                    let [rand, ts] = pieces::<2>(b);
                    let (rp, rl, rand) = ch.input(rand, &mut bad);
                    let (tp, tl, ts) = ch.input(ts, &mut bad);
                    let (bp, bl, body) = ch.input(d, &mut bad);
                    let Some(k) = key.load() else { return };
                    let texts = || -> Result<(&str, &str), Error> {
                        let (r, t) = (utf8(rand)?, utf8(ts)?);
                        if r.len() > 256 || t.len() > 256 || body.len() > Limits::MAX_BODY_LEN {
                            return Err(Error::InvalidArgument);
                        }
                        Ok((r, t))
                    };
                    if which == 2 {
                        let want = unless_bad(bad, || {
                            let (r, t) = texts()?;
                            // A timestamp of 10 digits (seconds) or 13 (milliseconds).
                            json_decimal(t).filter(|_| t.len() == 10 || t.len() == 13).ok_or(Error::InvalidArgument)?;
                            Ok(huawei::sparkrtc_sign(&k?, r, t, body)?.as_bytes().to_vec())
                        });
                        // SAFETY: inputs are NULL or valid; the context is NULL or readable.
                        fixed_call::<64>(ch, false, want, |o| unsafe {
                            if keyed {
                                livesign_huawei_sparkrtc_sign_keyed(ctx.ptr(), rp, rl, tp, tl, bp, bl, o)
                            } else {
                                livesign_huawei_sparkrtc_sign(kp, kl, rp, rl, tp, tl, bp, bl, o)
                            }
                        });
                    } else {
                        let (sp, sl, sig) = ch.input(c, &mut bad);
                        // 0 to 2 a unit, 3 none (refused first), 4 the functions without one.
                        let unit = (n1 % 5) as u32;
                        let units = [SparkRtcUnit::Either, SparkRtcUnit::Seconds, SparkRtcUnit::Milliseconds];
                        let pinned = units.get(unit as usize).copied();
                        // SAFETY: inputs are NULL or valid; the context is NULL or readable.
                        let status = unsafe {
                            if unit < 4 && keyed {
                                livesign_huawei_sparkrtc_verify_unit_keyed(
                                    ctx.ptr(),
                                    rp,
                                    rl,
                                    tp,
                                    tl,
                                    bp,
                                    bl,
                                    sp,
                                    sl,
                                    unit,
                                    n2,
                                    small,
                                )
                            } else if unit < 4 {
                                livesign_huawei_sparkrtc_verify_unit(
                                    kp, kl, rp, rl, tp, tl, bp, bl, sp, sl, unit, n2, small,
                                )
                            } else if keyed {
                                livesign_huawei_sparkrtc_verify_keyed(
                                    ctx.ptr(),
                                    rp,
                                    rl,
                                    tp,
                                    tl,
                                    bp,
                                    bl,
                                    sp,
                                    sl,
                                    n2,
                                    small,
                                )
                            } else {
                                livesign_huawei_sparkrtc_verify(kp, kl, rp, rl, tp, tl, bp, bl, sp, sl, n2, small)
                            }
                        };
                        let want = match (unit, pinned) {
                            (3, _) => Err(Error::InvalidArgument),
                            (_, Some(u)) => unless_bad(bad, || {
                                let (r, t) = texts()?;
                                huawei::sparkrtc_verify_unit(&k?, r, t, body, sig, u, n2, small)
                            }),
                            _ => unless_bad(bad, || {
                                let (r, t) = texts()?;
                                huawei::sparkrtc_verify(&k?, r, t, body, sig, n2, small)
                            }),
                        };
                        expect(status, false, want);
                    }
                }
            }
        }
        // Huawei URL method A
        14 => {
            let format = small % 3;
            let (kp, kl, key) = ch.input(a, &mut bad);
            let [uri, rand] = pieces::<2>(b);
            let (up, ul, uri) = ch.input(uri, &mut bad);
            let (rp, rl, rand) = ch.input(rand, &mut bad);
            let (ip, il, uid) = ch.input(b"0", &mut bad);
            let fmt = [Some(TimeFormat::Decimal), Some(TimeFormat::Hex), None][format as usize];
            let want = unless_bad(bad, || {
                let (uri, rand, uid) = (utf8(uri)?, utf8(rand)?, utf8(uid)?);
                Ok(huawei::url_a_build(key, uri, n1, fmt.ok_or(Error::InvalidArgument)?, rand, uid)?
                    .as_bytes()
                    .to_vec())
            });
            // SAFETY: inputs are NULL or valid; the output triple is checked.
            out_call(ch, false, (n2 % 256) as usize, want, |o, cap, l| unsafe {
                livesign_huawei_url_a_build(kp, kl, up, ul, n1, format, rp, rl, ip, il, o, cap, l)
            });
            let mut bad = false;
            let (slices, keys, given) = key_ring(ch, c, ((small >> 4) % 11) as usize, &mut bad);
            let (up, ul, url) = ch.input(d, &mut bad);
            let duration = small >> 8;
            let mut matched = usize::MAX;
            let mp = if ch.given() { &mut matched as *mut usize } else { core::ptr::null_mut() };
            let rp = if given { slices.as_ptr() } else { core::ptr::null() };
            // SAFETY: rp is NULL or the slices; url is NULL or valid; mp NULL or writable.
            let status = unsafe {
                livesign_huawei_url_a_verify(rp, slices.len(), up, ul, format, n2, duration, small & 0xff, mp)
            };
            let ring_bad = !given || slices.is_empty() || slices.len() > LIVESIGN_MAX_KEYS;
            let want = unless_bad(bad || ring_bad, || {
                huawei::url_a_verify(&keys, url, fmt.ok_or(Error::InvalidArgument)?, n2, duration, small & 0xff)
            });
            expect(status, false, want.map(drop));
            assert_eq!(matched, if mp.is_null() { usize::MAX } else { want.unwrap_or(usize::MAX) });
        }
        // Huawei URL method B
        15 => {
            let (kp, kl, key) = ch.input(a, &mut bad);
            let (sp, sl, stream) = ch.input(b, &mut bad);
            let want = unless_bad(bad, || Ok(huawei::url_b_build(key, utf8(stream)?, n1)?.as_bytes().to_vec()));
            // SAFETY: inputs are NULL or valid; the output triple is checked.
            out_call(ch, false, (n2 % 100) as usize, want, |o, cap, l| unsafe {
                livesign_huawei_url_b_build(kp, kl, sp, sl, n1, o, cap, l)
            });
            let mut bad = false;
            let (slices, keys, given) = key_ring(ch, c, ((small >> 4) % 11) as usize, &mut bad);
            let (sp, sl, stream) = ch.input(b, &mut bad);
            let (up, ul, url) = ch.input(d, &mut bad);
            let duration = small >> 8;
            let rp = if given { slices.as_ptr() } else { core::ptr::null() };
            // SAFETY: rp is NULL or the slices; inputs are NULL or valid.
            let status = unsafe {
                livesign_huawei_url_b_verify(
                    rp,
                    slices.len(),
                    sp,
                    sl,
                    up,
                    ul,
                    n2,
                    duration,
                    small & 0xff,
                    core::ptr::null_mut(),
                )
            };
            let ring_bad = !given || slices.is_empty() || slices.len() > LIVESIGN_MAX_KEYS;
            let want = unless_bad(bad || ring_bad, || {
                huawei::url_b_verify(&keys, utf8(stream)?, url, n2, duration, small & 0xff)
            });
            expect(status, false, want.map(drop));
        }
        // Huawei URL method D (+ keyed)
        16 => {
            let ctx = Ctx::new(ch.next(), a, c);
            let keyed = ch.next() & 1 == 1;
            let (kp, kl, raw) = if keyed { (core::ptr::null(), 0, &b""[..]) } else { ch.input(a, &mut bad) };
            let key = if keyed { Key::Ctx(&ctx) } else { Key::Raw(raw) };
            let (sp, sl, stream) = ch.input(b, &mut bad);
            let call = |o, cap, l| {
                // SAFETY: inputs are NULL or valid; the context is NULL or readable.
                unsafe {
                    if keyed {
                        livesign_huawei_url_d_build_keyed(ctx.ptr(), sp, sl, n1, o, cap, l)
                    } else {
                        livesign_huawei_url_d_build(kp, kl, sp, sl, n1, o, cap, l)
                    }
                }
            };
            let cap = (n2 % 120) as usize;
            match key.load() {
                None => garbage_out_call(ch, cap, call),
                Some(k) => {
                    let want = unless_bad(bad, || {
                        let s = utf8(stream)?;
                        // The arguments, an 8-hex-digit hwTime included, before the key.
                        if s.is_empty() || s.len() > 256 || !super::reference::eight_hex_digits(n1) {
                            return Err(Error::InvalidArgument);
                        }
                        if !keyed && !UrlAuth::key_valid(raw) {
                            return Err(Error::InvalidKey);
                        }
                        Ok(huawei::url_d_build(&k?, s, n1)?.as_bytes().to_vec())
                    });
                    out_call(ch, false, cap, want, call);
                }
            }
            let mut bad = false;
            let n = ((small >> 4) % 11) as usize;
            let (sp, sl, stream) = ch.input(b, &mut bad);
            let (up, ul, url) = ch.input(d, &mut bad);
            let duration = small >> 8;
            if keyed {
                // A ring of n copies of the chosen context (a NULL one: a NULL array).
                let copies: Vec<livesign_hmac_key> = match &ctx {
                    Ctx::Loaded(x, _) | Ctx::Refused(x) | Ctx::Garbage(x) => vec![*x; n],
                    Ctx::Null => Vec::new(),
                };
                let kp = if matches!(ctx, Ctx::Null) { core::ptr::null() } else { copies.as_ptr() };
                // SAFETY: kp is NULL or n contexts; inputs are NULL or valid.
                let status = unsafe {
                    livesign_huawei_url_d_verify_keyed(
                        kp,
                        n,
                        sp,
                        sl,
                        up,
                        ul,
                        n2,
                        duration,
                        small & 0xff,
                        core::ptr::null_mut(),
                    )
                };
                let ring_bad = kp.is_null() || n == 0 || n > LIVESIGN_MAX_KEYS;
                match key.load() {
                    None if !(bad || ring_bad) => assert_ne!(status, livesign_status::LIVESIGN_INTERNAL),
                    k => {
                        let want = unless_bad(bad || ring_bad, || {
                            let k = k.unwrap_or(Err(Error::InvalidArgument))?;
                            huawei::url_d_verify(&vec![k; n], utf8(stream)?, url, n2, duration, small & 0xff)
                        });
                        expect(status, false, want.map(drop));
                    }
                }
            } else {
                let (slices, keys, given) = key_ring(ch, c, n, &mut bad);
                let rp = if given { slices.as_ptr() } else { core::ptr::null() };
                // SAFETY: rp is NULL or the slices; inputs are NULL or valid.
                let status = unsafe {
                    livesign_huawei_url_d_verify(
                        rp,
                        n,
                        sp,
                        sl,
                        up,
                        ul,
                        n2,
                        duration,
                        small & 0xff,
                        core::ptr::null_mut(),
                    )
                };
                let ring_bad = !given || n == 0 || n > LIVESIGN_MAX_KEYS;
                let want = unless_bad(bad || ring_bad, || {
                    let s = utf8(stream)?;
                    if s.is_empty() || s.len() > 256 || url.len() > 8192 || !(60..=2_592_000).contains(&duration) {
                        return Err(Error::InvalidArgument);
                    }
                    if !keys.iter().all(|k| UrlAuth::key_valid(k)) {
                        return Err(Error::InvalidKey);
                    }
                    let ring: Vec<HmacKey> = keys.iter().map(|k| HmacKey::new(k)).collect::<Result<_, _>>()?;
                    huawei::url_d_verify(&ring, s, url, n2, duration, small & 0xff)
                });
                expect(status, false, want.map(drop));
            }
        }
        // Alibaba URL type A and callbacks
        17 => {
            let (kp, kl, key) = ch.input(a, &mut bad);
            let [uri, rand] = pieces::<2>(b);
            let (up, ul, uri) = ch.input(uri, &mut bad);
            let (rp, rl, rand) = ch.input(rand, &mut bad);
            let (ip, il, uid) = ch.input(b"0", &mut bad);
            let want = unless_bad(bad, || {
                Ok(alibaba::url_a_build(key, utf8(uri)?, n1, utf8(rand)?, utf8(uid)?)?.as_bytes().to_vec())
            });
            // SAFETY: inputs are NULL or valid; the output triple is checked.
            out_call(ch, false, (n2 % 256) as usize, want, |o, cap, l| unsafe {
                livesign_alibaba_url_a_build(kp, kl, up, ul, n1, rp, rl, ip, il, o, cap, l)
            });
            let mut bad = false;
            let (slices, keys, given) = key_ring(ch, c, ((small >> 4) % 11) as usize, &mut bad);
            let (up, ul, url) = ch.input(d, &mut bad);
            let rp = if given { slices.as_ptr() } else { core::ptr::null() };
            // SAFETY: rp is NULL or the slices; url is NULL or valid.
            let status = unsafe {
                livesign_alibaba_url_a_verify(
                    rp,
                    slices.len(),
                    up,
                    ul,
                    n2,
                    small >> 8,
                    small & 0xff,
                    core::ptr::null_mut(),
                )
            };
            let ring_bad = !given || slices.is_empty() || slices.len() > LIVESIGN_MAX_KEYS;
            let want = unless_bad(bad || ring_bad, || alibaba::url_a_verify(&keys, url, n2, small >> 8, small & 0xff));
            expect(status, false, want.map(drop));
            let mut bad = false;
            let (kp, kl, key) = ch.input(a, &mut bad);
            let (dp, dl, domain) = ch.input(c, &mut bad);
            let want = unless_bad(bad, || Ok(alibaba::callback_sign(key, utf8(domain)?, n1)?.as_bytes().to_vec()));
            // SAFETY: inputs are NULL or valid; out is NULL or 32 bytes.
            fixed_call::<32>(ch, false, want, |o| unsafe { livesign_alibaba_callback_sign(kp, kl, dp, dl, n1, o) });
            let [ts, sig] = pieces::<2>(d);
            let (tp, tl, ts) = ch.input(ts, &mut bad);
            let (sp, sl, sig) = ch.input(sig, &mut bad);
            // SAFETY: inputs are NULL or valid.
            let status = unsafe { livesign_alibaba_callback_verify(kp, kl, dp, dl, tp, tl, sp, sl, n2, small) };
            expect(
                status,
                false,
                unless_bad(bad, || alibaba::callback_verify(key, utf8(domain)?, utf8(ts)?, sig, n2, small)),
            );
        }
        // livesign_json_unescape, the limits and the length functions
        _ => {
            let (rp, rl, raw) = ch.input(d, &mut bad);
            let want = unless_bad(bad, || {
                let s = JsonStr::from_raw(raw)?;
                let mut buf = vec![0u8; raw.len()];
                Ok(s.unescape_into(&mut buf)?.to_vec())
            });
            // SAFETY: raw is NULL or valid; the output triple is checked.
            out_call(ch, false, (small % 64) as usize, want, |o, cap, l| unsafe {
                livesign_json_unescape(rp, rl, o, cap, l)
            });
            assert_eq!(
                [
                    livesign_max_body_len(),
                    livesign_max_response_len(),
                    livesign_max_url_len(),
                    livesign_max_id_len(),
                    livesign_max_key_len()
                ],
                [
                    Limits::MAX_BODY_LEN,
                    Limits::MAX_RESPONSE_LEN,
                    Limits::MAX_URL_LEN,
                    Limits::MAX_ID_LEN,
                    Limits::MAX_KEY_LEN
                ]
            );
            assert_eq!(livesign_huawei_sign_len(), 64);
            assert_eq!(livesign_huawei_record_md5_len(), 32);
            assert_eq!(livesign_alibaba_sign_len(), 32);
            assert_eq!(livesign_tencent_tx_secret_len(), 32);
        }
    }
}

/// A key ring of `n` keys from `text` split at `,`, each pointer chosen, the array given or
/// NULL: (the slices, the keys as the safe API sees them, whether the array is given).
fn key_ring<'a>(
    ch: &mut Choices,
    text: &'a [u8],
    n: usize,
    bad: &mut bool,
) -> (Vec<livesign_slice>, Vec<&'a [u8]>, bool) {
    let pieces: Vec<&[u8]> = text.split(|&x| x == b',').collect();
    let (mut slices, mut keys) = (Vec::new(), Vec::new());
    for i in 0..n {
        let (p, l, k) = ch.input(pieces[i % pieces.len()], bad);
        slices.push(livesign_slice { ptr: p, len: l });
        keys.push(k);
    }
    (slices, keys, ch.given())
}

/// An output call with a context of garbage bytes: no crash, nothing past the capacity.
fn garbage_out_call(ch: &mut Choices, cap: usize, call: impl FnOnce(*mut u8, usize, *mut usize) -> livesign_status) {
    let (out_given, len_given) = (ch.given(), ch.given());
    let mut out = OutBuffer::new(cap);
    let p = if out_given { out.ptr() } else { core::ptr::null_mut() };
    let mut out_len = 0usize;
    let lp = if len_given { &mut out_len as *mut usize } else { core::ptr::null_mut() };
    let status = call(p, cap, lp);
    assert_ne!(status, livesign_status::LIVESIGN_INTERNAL);
    let _ = out.written();
    if status != livesign_status::LIVESIGN_OK {
        assert!(out.untouched(), "a failure writes nothing");
    }
}

/// A plain decimal within u64.
fn json_decimal(s: &str) -> Option<u64> {
    super::reference::decimal(s.as_bytes())
}

fn zeroed() -> livesign_usersig_info {
    // SAFETY: plain integers and byte arrays: all zeros is a valid value.
    unsafe { core::mem::zeroed() }
}

/// A seed for operation `14 + op` of the `ffi` target, every pointer real.
#[allow(clippy::too_many_arguments)]
pub fn seed(op: u8, choices: u32, n1: u64, n2: u64, small: u32, a: &[u8], b: &[u8], c: &[u8], d: &[u8]) -> Vec<u8> {
    Writer::new().byte(14 + op).u32(choices).u64(n1).u64(n2).u32(small).field(a).field(b).field(c).rest(d)
}

/// Seeds for the operations above, from the vectors.
pub fn seeds(vectors: &super::seeds::Vectors) -> Vec<(String, Vec<u8>)> {
    use super::seeds::{bytes, vectors_of};
    let mut out = Vec::new();
    let all = u32::MAX;
    // "Loaded from the key" for the context choice, then real pointers.
    let loaded = u32::MAX - 2;
    for v in vectors_of(vectors, "tx_url") {
        if let (Some(key), Some(t), Some(sign)) = (v["callback_key"].as_str(), v["t"].as_u64(), v["sign"].as_str()) {
            let body = format!(r#"{{"t":{t},"sign":"{sign}","stream_id":"s"}}"#);
            out.push(("tx".into(), seed(0, all, t, 0, 0, key.as_bytes(), b"", b"", body.as_bytes())));
            out.push(("tx".into(), seed(1, all, 0, 0, 0, b"stream_id", b"", b"", body.as_bytes())));
        }
        if let (Some(key), Some(url), Some(e)) = (v["key"].as_str(), v["url"].as_str(), v["expiry_unix"].as_u64()) {
            let s = bytes(v, &["stream_name"]);
            out.push(("tx".into(), seed(2, all, e, 300, 1, b"h.example.com", b"live", &s, key.as_bytes())));
            out.push(("tx".into(), seed(3, all, 0, 0, 0, key.as_bytes(), &s, bytes(v, &["tx_time"]).as_slice(), b"")));
            out.push(("tx".into(), seed(4, all, e, 0, 1, b"", b"", key.as_bytes(), url.as_bytes())));
        }
    }
    for v in vectors_of(vectors, "usersig") {
        let (key, id, token) = (bytes(v, &["key"]), bytes(v, &["identifier"]), bytes(v, &["usersig"]));
        let (app, time, expire) =
            (v["sdkappid"].as_u64().unwrap_or(0), v["time"].as_u64().unwrap_or(0), v["expire"].as_u64().unwrap_or(0));
        out.push(("usersig".into(), seed(7, loaded, app, expire, time as u32, &key, &id, b"", b"")));
        out.push(("usersig".into(), seed(8, loaded, app, time, 0, &key, &id, b"", &token)));
        out.push(("usersig".into(), seed(9, loaded, app, 300, 0, &key, &id, b"room", b"")));
    }
    for v in vectors_of(vectors, "huawei") {
        let b = |n: &str| bytes(v, &["inputs", n]);
        match v["algo"].as_str().unwrap_or("") {
            "huawei_stream_notify" => {
                let ts = v["inputs"]["auth_timestamp"].as_u64().unwrap_or(0);
                let fields = [b("event"), b("domain"), b("app"), b("stream")].join(&b'\n');
                out.push(("huawei".into(), seed(10, loaded, ts, 0, 0, &b("key"), b"", b"", &fields)));
                let body = format!(
                    r#"{{"event":"{}","domain":"{}","app":"{}","stream":{},"auth_timestamp":{ts},"auth_sign":"{}","publish_timestamp":"1587954134"}}"#,
                    String::from_utf8_lossy(&b("event")),
                    String::from_utf8_lossy(&b("domain")),
                    String::from_utf8_lossy(&b("app")),
                    serde_json::to_string(&String::from_utf8_lossy(&b("stream"))).unwrap(),
                    v["expected"].as_str().unwrap_or("")
                );
                out.push(("huawei".into(), seed(11, loaded, ts, 200, 300, &b("key"), b"", b"", body.as_bytes())));
            }
            "huawei_record_callback_hmacsha256" => {
                let fields =
                    [b("event_type"), b("publish_domain"), b("app"), b("stream"), b("download_url"), b("play_url")]
                        .join(&b'\n');
                out.push((
                    "huawei".into(),
                    seed(12, loaded, 1700000000, 1700000000, 0, &b("key"), &bytes(v, &["expected"]), b"", &fields),
                ));
            }
            "huawei_record_callback_md5" => {
                out.push((
                    "huawei".into(),
                    seed(13, all - 12, 1700000000, 1700000000, 0, &b("key"), &bytes(v, &["expected"]), b"", b""),
                ));
            }
            "huawei_url_auth_a" => {
                let uri_rand = [b("uri"), b("rand")].join(&b'\n');
                let url = [b("uri"), b"?".to_vec(), bytes(v, &["query"])].concat();
                let hex = u32::from(b("timestamp").iter().any(u8::is_ascii_alphabetic));
                out.push((
                    "huawei".into(),
                    seed(
                        14,
                        all,
                        1592639100,
                        1592639100,
                        hex | 1 << 4 | 60 << 8,
                        &b("key"),
                        &uri_rand,
                        &b("key"),
                        &url,
                    ),
                ));
            }
            "huawei_url_auth_b" => {
                let url = format!(
                    "/live/x?txSecret={}&txTime={}",
                    v["expected"].as_str().unwrap_or(""),
                    v["inputs"]["txTime"].as_str().unwrap_or("")
                );
                out.push((
                    "huawei".into(),
                    seed(
                        15,
                        all,
                        0x5eed5888,
                        0x5eed5888,
                        1 << 4 | 60 << 8,
                        &b("key"),
                        &b("stream"),
                        &b("key"),
                        url.as_bytes(),
                    ),
                ));
            }
            "huawei_url_auth_d" => {
                let url = format!(
                    "/live/x?hwSecret={}&hwTime={}",
                    v["expected"].as_str().unwrap_or(""),
                    v["inputs"]["hwTime"].as_str().unwrap_or("")
                );
                out.push((
                    "huawei".into(),
                    seed(
                        16,
                        u32::MAX - 12,
                        0x5eed5888,
                        0x5eed5888,
                        1 << 4 | 60 << 8,
                        &b("key"),
                        &b("stream"),
                        &b("key"),
                        url.as_bytes(),
                    ),
                ));
            }
            _ => {}
        }
    }
    for v in vectors_of(vectors, "others") {
        let b = |n: &str| bytes(v, &["inputs", n]);
        match v["algo"].as_str().unwrap_or("") {
            "alibaba_live_callback" => {
                let ts_sig = [b("timestamp"), bytes(v, &["expected"])].join(&b'\n');
                out.push((
                    "others".into(),
                    seed(17, all, 1519375990, 1519375990, 300, &b("key"), b"/a/s\n0", &b("domain"), &ts_sig),
                ));
            }
            "huawei_sparkrtc_record_callback" => {
                let rand_ts = [b("rand"), b("timestamp")].join(&b'\n');
                out.push((
                    "others".into(),
                    seed(13, loaded, 0, u64::MAX, 300, &b("key"), &rand_ts, &bytes(v, &["expected"]), &b("body")),
                ));
            }
            _ => {}
        }
    }
    out.push(("json".into(), seed(18, all, 0, 0, 40, b"", b"", b"", br"a\u00e9\n\ud83d\ude00\/")));
    out
}
