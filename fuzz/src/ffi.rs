//! The C ABI entry points called the way C callers call them: each pointer argument is
//! chosen by the input to be NULL with length 0, NULL with a length (a caller bug), or a real
//! buffer; outputs are NULL or real buffers with canaries behind their capacity. Every call
//! returns the status the safe Rust API gives for the same bytes, or
//! `LIVESIGN_INVALID_ARGUMENT` when a pointer breaks the NULL rules; never `LIVESIGN_INTERNAL`;
//! nothing is written past a capacity, and outputs documented as untouched or zero-filled on
//! failure are.

use core::mem::{MaybeUninit, size_of};

use livesign::ffi::common::{livesign_abi_version, livesign_status_str, livesign_version};
use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init, livesign_hmac_key_wipe};
use livesign::ffi::slice::{LIVESIGN_MAX_KEYS, livesign_slice};
use livesign::ffi::status::livesign_status;
use livesign::ffi::tencent::*;
use livesign::ffi::trtc_callback::*;
use livesign::ffi::trtc_rest::*;
use livesign::trtc::{callback, rest};
use livesign::{Error, HmacKey, tencent};

use super::input::{Input, Writer};

/// How many operations [`check`] chooses from: 14 here, the rest in [`super::ffi_more`].
pub const OPS: u8 = 14 + super::ffi_more::OPS;

/// The pointer choices of one call: two bits per argument, in argument order.
pub(crate) struct Choices(pub(crate) u32);

impl Choices {
    pub(crate) fn next(&mut self) -> u32 {
        let v = self.0 & 3;
        self.0 = self.0.rotate_right(2);
        v
    }

    /// An input argument: 0 = (NULL, 0), 1 = (NULL, len > 0), else the bytes.
    pub(crate) fn input<'a>(&mut self, bytes: &'a [u8], bad: &mut bool) -> (*const u8, usize, &'a [u8]) {
        match self.next() {
            0 => (core::ptr::null(), 0, &[]),
            1 => {
                *bad = true;
                (core::ptr::null(), bytes.len().max(1), &[])
            }
            _ => (bytes.as_ptr(), bytes.len(), bytes),
        }
    }

    /// Whether an output pointer is given (three choices in four).
    pub(crate) fn given(&mut self) -> bool {
        self.next() != 0
    }
}

/// A caller's output buffer of `cap` bytes followed by canaries.
pub(crate) struct OutBuffer {
    buf: Vec<u8>,
    cap: usize,
}

const CANARY: u8 = 0xa5;

impl OutBuffer {
    pub(crate) fn new(cap: usize) -> Self {
        Self { buf: vec![CANARY; cap + 16], cap }
    }

    pub(crate) fn ptr(&mut self) -> *mut u8 {
        self.buf.as_mut_ptr()
    }

    /// Asserts nothing was written past `cap`, and returns what is inside it.
    pub(crate) fn written(&self) -> &[u8] {
        assert!(self.buf[self.cap..].iter().all(|&b| b == CANARY), "written past the capacity");
        &self.buf[..self.cap]
    }

    pub(crate) fn untouched(&self) -> bool {
        self.buf.iter().all(|&b| b == CANARY)
    }
}

pub(crate) fn code(r: Result<(), Error>) -> u32 {
    r.map_or_else(Error::code, |()| 0)
}

/// Asserts `status` is `want`, or `LIVESIGN_INVALID_ARGUMENT` when a pointer was bad.
pub(crate) fn expect(status: livesign_status, bad: bool, want: Result<(), Error>) {
    assert_ne!(status, livesign_status::LIVESIGN_INTERNAL, "a panic reached the boundary");
    let want = if bad { Err(Error::InvalidArgument) } else { want };
    assert_eq!(status as u32, code(want), "status");
}

/// The bytes of a key context.
pub(crate) fn ctx_bytes(ctx: &livesign_hmac_key) -> [u8; size_of::<livesign_hmac_key>()] {
    // SAFETY: livesign_hmac_key is plain integers without padding (asserted below), so all
    // of its bytes are initialised.
    unsafe { core::mem::transmute_copy(ctx) }
}
const _: () = assert!(size_of::<livesign_hmac_key>() == 8 * 4 + 8 * 4 + 8 + 8);

pub(crate) fn text(s: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(s).map_err(|_| Error::InvalidArgument)
}

/// A key context as the input chooses it.
pub(crate) enum Ctx {
    /// A NULL pointer.
    Null,
    /// Loaded from a key: the calls must behave as the safe API does with `HmacKey`.
    Loaded(livesign_hmac_key, HmacKey),
    /// Wiped, or left wiped by a failed init: every use is `LIVESIGN_INVALID_ARGUMENT`.
    Refused(livesign_hmac_key),
    /// Bytes from the input: refused unless they happen to carry livesign's marker, and then
    /// used without a crash.
    Garbage(livesign_hmac_key),
}

impl Ctx {
    /// 0 NULL, 1 loaded from `key`, 2 loaded and wiped, 3 the bytes of `garbage`.
    pub(crate) fn new(choice: u32, key: &[u8], garbage: &[u8]) -> Self {
        let mut ctx = MaybeUninit::<livesign_hmac_key>::zeroed();
        match choice {
            0 => Ctx::Null,
            1 | 2 => {
                // SAFETY: ctx is writable and key is valid for its length.
                let status = unsafe { livesign_hmac_key_init(ctx.as_mut_ptr(), key.as_ptr(), key.len()) };
                if choice == 2 {
                    // SAFETY: ctx is a context.
                    unsafe { livesign_hmac_key_wipe(ctx.as_mut_ptr()) };
                }
                // SAFETY: zeroed, then written by init (and wipe).
                let ctx = unsafe { ctx.assume_init() };
                match HmacKey::new(key) {
                    Ok(k) if choice == 1 => {
                        assert_eq!(status, livesign_status::LIVESIGN_OK);
                        Ctx::Loaded(ctx, k)
                    }
                    result => {
                        assert_eq!(status as u32, code(result.map(drop)));
                        assert!(ctx_bytes(&ctx).iter().all(|&b| b == 0), "wiped or failed: no byte left");
                        Ctx::Refused(ctx)
                    }
                }
            }
            _ => {
                let mut bytes = [0u8; size_of::<livesign_hmac_key>()];
                for (b, g) in bytes.iter_mut().zip(garbage) {
                    *b = *g;
                }
                // SAFETY: every bit pattern is a valid livesign_hmac_key (plain integers).
                Ctx::Garbage(unsafe {
                    core::mem::transmute::<[u8; size_of::<livesign_hmac_key>()], livesign_hmac_key>(bytes)
                })
            }
        }
    }

    pub(crate) fn ptr(&self) -> *const livesign_hmac_key {
        match self {
            Ctx::Null => core::ptr::null(),
            Ctx::Loaded(c, _) | Ctx::Refused(c) | Ctx::Garbage(c) => c,
        }
    }

    /// Asserts a keyed call's status: `safe` is what the safe API gives with the loaded key.
    pub(crate) fn expect(&self, status: livesign_status, bad: bool, safe: impl FnOnce(&HmacKey) -> Result<(), Error>) {
        match self {
            Ctx::Loaded(_, k) => expect(status, bad, safe(k)),
            Ctx::Null | Ctx::Refused(_) => expect(status, true, Ok(())),
            Ctx::Garbage(_) => assert_ne!(status, livesign_status::LIVESIGN_INTERNAL),
        }
    }
}

/// Input layout: `op`, `choices` (u32), `n1`, `n2` (u64), `small` (u32), `a`, `b`, `c`
/// (fields), `d` (rest).
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let (op, choices, n1, n2, small) = (input.byte(), input.u32(), input.u64(), input.u64(), input.u32());
    let (a, b, c, d) = (input.field(), input.field(), input.field(), input.rest());
    let mut ch = Choices(choices);
    let mut bad = false;
    if op % OPS >= 14 {
        return super::ffi_more::check(op % OPS - 14, &mut ch, [n1, n2], small, [a, b, c, d]);
    }
    match op % OPS {
        0 => {
            let (kp, kl, key) = ch.input(a, &mut bad);
            let mut out = OutBuffer::new(LIVESIGN_TENCENT_SIGN_LEN);
            let given = ch.given();
            let p = if given { out.ptr() } else { core::ptr::null_mut() };
            // SAFETY: inputs are NULL or valid for their lengths; p is NULL or 32 bytes.
            let status = unsafe { livesign_tencent_sign(kp, kl, n1, p) };
            let want = tencent::sign(key, n1);
            expect(status, bad || !given, want.map(drop));
            match want {
                Ok(s) if !bad && given => assert_eq!(out.written(), s.as_bytes()),
                _ => assert!(out.untouched(), "out is written only on success"),
            }
        }
        1 => {
            let (kp, kl, key) = ch.input(a, &mut bad);
            let (sp, sl, sign) = ch.input(b, &mut bad);
            // SAFETY: inputs are NULL or valid for their lengths.
            let status = unsafe { livesign_tencent_verify(kp, kl, n1, sp, sl, n2, small) };
            expect(status, bad, tencent::verify(key, n1, sign, n2, small));
        }
        2 => {
            let (kp, kl, key) = ch.input(a, &mut bad);
            let given = ch.given();
            let mut ctx = MaybeUninit::<livesign_hmac_key>::zeroed();
            // SAFETY: ctx is zero-initialised, then overwritten with garbage bytes.
            unsafe {
                core::ptr::copy_nonoverlapping(
                    c.as_ptr(),
                    ctx.as_mut_ptr().cast::<u8>(),
                    c.len().min(size_of::<livesign_hmac_key>()),
                )
            };
            let p = if given { ctx.as_mut_ptr() } else { core::ptr::null_mut() };
            // SAFETY: p is NULL or a writable context; the key is NULL or valid.
            let status = unsafe { livesign_hmac_key_init(p, kp, kl) };
            expect(status, bad || !given, HmacKey::new(key).map(drop));
            // SAFETY: ctx was initialised (zeroed, garbage, init).
            let mut loaded = unsafe { ctx.assume_init() };
            if given {
                if status == livesign_status::LIVESIGN_OK {
                    assert!(ctx_bytes(&loaded).iter().any(|&b| b != 0));
                    let mut out = [0u8; LIVESIGN_TRTC_CALLBACK_SIGN_LEN];
                    // SAFETY: loaded is a context, d is valid, out holds 44 bytes.
                    let s =
                        unsafe { livesign_trtc_callback_sign_keyed(&loaded, d.as_ptr(), d.len(), out.as_mut_ptr()) };
                    let want = callback::sign_keyed(&HmacKey::new(key).unwrap(), d);
                    expect(s, false, want.map(drop));
                    if let Ok(w) = want {
                        assert_eq!(&out, w.as_bytes());
                    }
                } else {
                    assert!(ctx_bytes(&loaded).iter().all(|&b| b == 0), "a failed init leaves the context wiped");
                }
                // SAFETY: loaded is a context.
                unsafe { livesign_hmac_key_wipe(&mut loaded) };
                assert!(ctx_bytes(&loaded).iter().all(|&b| b == 0), "wipe leaves no byte behind");
                // SAFETY: loaded is a (wiped) context; d is valid.
                let s =
                    unsafe { livesign_trtc_callback_verify_keyed(&loaded, d.as_ptr(), d.len(), b.as_ptr(), b.len()) };
                assert_eq!(s, livesign_status::LIVESIGN_INVALID_ARGUMENT, "a wiped context is refused");
            }
            // SAFETY: NULL is allowed.
            unsafe { livesign_hmac_key_wipe(core::ptr::null_mut()) };
        }
        3 => {
            let (kp, kl, key) = ch.input(a, &mut bad);
            // SAFETY: the key is NULL or valid for its length.
            let status = unsafe { livesign_trtc_callback_key_check(kp, kl) };
            expect(status, bad, callback::check_key(key));
        }
        4 => {
            let (kp, kl, key) = ch.input(a, &mut bad);
            let (bp, bl, body) = ch.input(d, &mut bad);
            let mut out = OutBuffer::new(LIVESIGN_TRTC_CALLBACK_SIGN_LEN);
            let given = ch.given();
            let p = if given { out.ptr() } else { core::ptr::null_mut() };
            // SAFETY: inputs are NULL or valid; p is NULL or 44 bytes.
            let status = unsafe { livesign_trtc_callback_sign(kp, kl, bp, bl, p) };
            let want = callback::sign(key, body);
            expect(status, bad || !given, want.map(drop));
            match want {
                Ok(s) if !bad && given => assert_eq!(out.written(), s.as_bytes()),
                _ => assert!(out.untouched(), "out is written only on success"),
            }
        }
        5 => {
            let ctx = Ctx::new(ch.next(), a, c);
            let (bp, bl, body) = ch.input(d, &mut bad);
            let mut out = OutBuffer::new(LIVESIGN_TRTC_CALLBACK_SIGN_LEN);
            let given = ch.given();
            let p = if given { out.ptr() } else { core::ptr::null_mut() };
            // SAFETY: the context is NULL or readable; body is NULL or valid; p is NULL or 44 bytes.
            let status = unsafe { livesign_trtc_callback_sign_keyed(ctx.ptr(), bp, bl, p) };
            ctx.expect(status, bad || !given, |k| callback::sign_keyed(k, body).map(drop));
            match &ctx {
                Ctx::Loaded(_, k) if status == livesign_status::LIVESIGN_OK => {
                    assert_eq!(out.written(), callback::sign_keyed(k, body).unwrap().as_bytes());
                }
                Ctx::Garbage(_) => {
                    let _ = out.written();
                }
                _ => assert!(out.untouched(), "out is written only on success"),
            }
        }
        6 => {
            let (kp, kl, key) = ch.input(a, &mut bad);
            let (bp, bl, body) = ch.input(d, &mut bad);
            let (sp, sl, sign) = ch.input(b, &mut bad);
            // SAFETY: inputs are NULL or valid for their lengths.
            let status = unsafe { livesign_trtc_callback_verify(kp, kl, bp, bl, sp, sl) };
            expect(status, bad, callback::verify(key, body, sign));
        }
        7 => {
            let ctx = Ctx::new(ch.next(), a, c);
            let (bp, bl, body) = ch.input(d, &mut bad);
            let (sp, sl, sign) = ch.input(b, &mut bad);
            // SAFETY: the context is NULL or readable; inputs are NULL or valid.
            let status = unsafe { livesign_trtc_callback_verify_keyed(ctx.ptr(), bp, bl, sp, sl) };
            ctx.expect(status, bad, |k| callback::verify_keyed(k, body, sign));
            // The keyed ring: n copies of the context (a NULL one: a NULL array).
            let n = usize::try_from(small % 11).unwrap();
            let copies: Vec<livesign_hmac_key> = match &ctx {
                Ctx::Loaded(x, _) | Ctx::Refused(x) | Ctx::Garbage(x) => vec![*x; n],
                Ctx::Null => Vec::new(),
            };
            let kp = if matches!(ctx, Ctx::Null) { core::ptr::null() } else { copies.as_ptr() };
            let mut matched = usize::MAX;
            // SAFETY: kp is NULL or n contexts; inputs are NULL or valid; matched is writable.
            let status = unsafe { livesign_trtc_callback_verify_ring_keyed(kp, n, bp, bl, sp, sl, &mut matched) };
            let ring_bad = kp.is_null() || n == 0 || n > LIVESIGN_MAX_KEYS;
            let want = match &ctx {
                _ if ring_bad => Err(Error::InvalidArgument),
                Ctx::Loaded(_, k) => callback::verify_ring_keyed(&vec![k.clone(); n], body, sign),
                Ctx::Null | Ctx::Refused(_) => Err(Error::InvalidArgument),
                Ctx::Garbage(_) => {
                    assert_ne!(status, livesign_status::LIVESIGN_INTERNAL);
                    return;
                }
            };
            expect(status, bad, want.map(drop));
            match want {
                Ok(i) if !bad => assert_eq!(matched, i),
                _ => assert_eq!(matched, usize::MAX, "matched is written only on success"),
            }
        }
        8 => {
            let n = usize::try_from(small % 11).unwrap();
            let pieces: Vec<&[u8]> = c.split(|&x| x == b',').collect();
            let mut keys = Vec::new();
            let mut ring = Vec::new();
            for i in 0..n {
                let (p, l, k) = ch.input(pieces[i % pieces.len()], &mut bad);
                ring.push(livesign_slice { ptr: p, len: l });
                keys.push(k);
            }
            let ring_given = ch.given();
            let (bp, bl, body) = ch.input(d, &mut bad);
            let (sp, sl, sign) = ch.input(b, &mut bad);
            let mut matched = usize::MAX;
            let m = if ch.given() { &mut matched as *mut usize } else { core::ptr::null_mut() };
            let rp = if ring_given { ring.as_ptr() } else { core::ptr::null() };
            // SAFETY: rp is NULL or n slices, each NULL or valid; inputs are NULL or valid; m
            // is NULL or writable.
            let status = unsafe { livesign_trtc_callback_verify_ring(rp, n, bp, bl, sp, sl, m) };
            let bad = bad || !ring_given || n == 0 || n > LIVESIGN_MAX_KEYS;
            let want = callback::verify_ring(&keys, body, sign);
            expect(status, bad, want.map(drop));
            match want {
                Ok(i) if !bad && !m.is_null() => assert_eq!(matched, i),
                _ => assert_eq!(matched, usize::MAX, "matched is written only on success"),
            }
        }
        9 => {
            let (bp, bl, body) = ch.input(d, &mut bad);
            let mut ts = u64::MAX;
            let p = if ch.given() { &mut ts as *mut u64 } else { core::ptr::null_mut() };
            // SAFETY: body is NULL or valid; p is NULL or writable.
            let status = unsafe { livesign_trtc_callback_check_time(bp, bl, n1, small, p) };
            let read = callback::callback_ts(body);
            let want = read.and_then(|t| callback::check_age(t, n1, small));
            expect(status, bad, want);
            if !p.is_null() {
                let reported = match (bad, read, want) {
                    (false, Ok(t), Ok(()) | Err(Error::Expired)) => t,
                    _ => 0,
                };
                assert_eq!(ts, reported);
            }
        }
        10 => {
            let (identifier, usersig) = match d.iter().position(|&x| x == b'\n') {
                Some(i) => (&d[..i], &d[i + 1..]),
                None => (d, &b"AAAA"[..]),
            };
            let (hp, hl, host) = ch.input(a, &mut bad);
            let (sp, sl, service) = ch.input(b, &mut bad);
            let (cp, cl, command) = ch.input(c, &mut bad);
            let (ip, il, identifier) = ch.input(identifier, &mut bad);
            let (up, ul, usersig) = ch.input(usersig, &mut bad);
            let out_given = ch.given();
            let len_given = ch.given();
            let cap = usize::try_from(small % 300).unwrap();
            let mut out = OutBuffer::new(cap);
            let p = if out_given { out.ptr() } else { core::ptr::null_mut() };
            let mut out_len = usize::MAX;
            let lp = if len_given { &mut out_len as *mut usize } else { core::ptr::null_mut() };
            // SAFETY: inputs are NULL or valid; p is NULL or cap bytes; lp is NULL or writable.
            let status =
                unsafe { livesign_trtc_rest_url(hp, hl, sp, sl, cp, cl, n1, ip, il, up, ul, n2 as u32, p, cap, lp) };
            let want = (|| {
                let r =
                    rest::RequestUrl::new(text(service)?, text(command)?, n1, text(identifier)?, usersig, n2 as u32);
                let r = if host.is_empty() { r } else { r.with_host(text(host)?) };
                r.required_len()
            })();
            let bad_buffer = !len_given || (!out_given && cap > 0);
            let fits = want.is_ok_and(|n| n <= cap);
            let status_want = match want {
                Ok(_) if fits => Ok(()),
                Ok(n) => Err(Error::BufferTooSmall { needed: n }),
                Err(e) => Err(e),
            };
            expect(status, bad || bad_buffer, status_want);
            if len_given {
                let reported = match (bad || bad_buffer, want) {
                    (false, Ok(n)) => n,
                    _ => 0,
                };
                assert_eq!(out_len, reported);
            }
            let _ = out.written();
            if status != livesign_status::LIVESIGN_OK {
                assert!(out.untouched(), "a failure (BUFFER_TOO_SMALL too) writes nothing");
            }
        }
        11 => {
            let (bp, bl, body) = ch.input(d, &mut bad);
            let mut r = MaybeUninit::<livesign_trtc_rest_response>::uninit();
            let given = ch.given();
            let p = if given { r.as_mut_ptr() } else { core::ptr::null_mut() };
            // SAFETY: body is NULL or valid; p is NULL or a writable struct.
            let status = unsafe { livesign_trtc_rest_response_parse(bp, bl, p) };
            let want = rest::Response::parse(body);
            expect(status, bad, want.map(drop));
            if given {
                // SAFETY: the function writes the struct whatever the outcome.
                let r = unsafe { r.assume_init() };
                match want {
                    Ok(w) if !bad => {
                        assert_eq!(r.error_code, w.error_code());
                        assert_eq!(r.request_id.len, w.request_id().len());
                    }
                    _ => assert_eq!(
                        (r.action_status as u32, r.error_code, r.error_info, r.request_id),
                        (0, 0, livesign_slice::EMPTY, livesign_slice::EMPTY),
                        "zero-filled on failure"
                    ),
                }
            }
        }
        12 => {
            let (bp, bl, body) = ch.input(d, &mut bad);
            let (np, nl, name) = ch.input(a, &mut bad);
            let mut v = livesign_slice::of(b"junk");
            let given = ch.given();
            let p = if given { &mut v as *mut livesign_slice } else { core::ptr::null_mut() };
            // SAFETY: inputs are NULL or valid; p is NULL or a writable slice.
            let status = unsafe { livesign_trtc_rest_response_field(bp, bl, np, nl, p) };
            let want = std::str::from_utf8(name).map_err(|_| Error::InvalidArgument).and_then(|n| rest::field(body, n));
            expect(status, bad || !given, want.map(drop));
            if given {
                match want {
                    Ok(Some(raw)) if !bad => assert_eq!((v.ptr, v.len), (raw.as_ptr(), raw.len())),
                    _ => assert_eq!(v, livesign_slice::EMPTY),
                }
            }
        }
        _ => {
            let text = |p: *const core::ffi::c_char| {
                assert!(!p.is_null());
                // SAFETY: these functions return static NUL-terminated strings.
                unsafe { core::ffi::CStr::from_ptr(p) }.to_str().unwrap().to_owned()
            };
            assert!(!text(livesign_status_str(small)).is_empty());
            assert_eq!(text(livesign_version()), livesign::version());
            assert_eq!(livesign_abi_version(), livesign::ffi::common::LIVESIGN_ABI_VERSION);
            assert_eq!(livesign_tencent_sign_len(), LIVESIGN_TENCENT_SIGN_LEN);
            assert_eq!(livesign_trtc_callback_sign_len(), LIVESIGN_TRTC_CALLBACK_SIGN_LEN);
            let code = n1 as i64;
            let known = rest::lookup(code);
            assert_eq!(text(livesign_trtc_rest_error_str(code)), known.map_or("unknown error code", |e| e.message()));
            let unknown = livesign_trtc_error_category::LIVESIGN_TRTC_ERROR_UNKNOWN;
            assert_eq!(livesign_trtc_rest_error_category(code) == unknown, known.is_none());
            let unknown = livesign_trtc_retry::LIVESIGN_TRTC_RETRY_UNKNOWN;
            assert_eq!(livesign_trtc_rest_error_retry(code) == unknown, known.is_none());
        }
    }
}

/// A seed for operation `op` with every pointer real (`choices` all ones) or as given.
#[allow(clippy::too_many_arguments)]
pub fn seed(op: u8, choices: u32, n1: u64, n2: u64, small: u32, a: &[u8], b: &[u8], c: &[u8], d: &[u8]) -> Vec<u8> {
    Writer::new().byte(op).u32(choices).u64(n1).u64(n2).u32(small).field(a).field(b).field(c).rest(d)
}
