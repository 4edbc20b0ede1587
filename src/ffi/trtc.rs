//! Tencent TRTC / Chat exports: UserSig generate / verify / inspect, PrivateMapKey.

use super::buffer::OutBuf;
use super::hmac_key::{livesign_hmac_key, loaded};
use super::slice::livesign_slice;
use super::status::livesign_status;
use super::{boundary, boundary_or, input, text};
use crate::trtc::{self, Fields, PrivateMap, Privilege, Room, UserSig};
use crate::{Error, HmacKey};

/// A buffer of this size always fits the output of `livesign_usersig_gen` and
/// `livesign_privmap_gen*` (no NUL is written), and the longest UserSig verify and inspect
/// read (a token other SDKs write with 20-digit times; livesign's own stop at
/// `LIVESIGN_USERSIG_MAX_EXPIRES_AT`, 4 characters shorter).
pub const LIVESIGN_USERSIG_MAX_LEN: usize = 4180;
/// The latest expiry `livesign_usersig_gen` and `livesign_privmap_gen*` accept:
/// `now + expire_s` at most `INT64_MAX`. The official verifiers read `TLS.time` and
/// `TLS.expire` as signed 64-bit integers (Go's `int64`, PHP's `int`): a larger member does not
/// parse and a larger sum wraps into the past, so such a token would fail where it is used.
pub const LIVESIGN_USERSIG_MAX_EXPIRES_AT: u64 = 9_223_372_036_854_775_807;
/// The longest identifier accepted, in UTF-8 bytes (Tencent documents 32 at most), and the
/// capacity of `livesign_usersig_info.identifier`.
pub const LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN: usize = 256;
/// The longest userbuf accepted, in bytes, and the capacity of
/// `livesign_usersig_info.userbuf`. Tokens carrying a longer userbuf are refused as
/// `LIVESIGN_MALFORMED` by verify and inspect alike, so the copy is never truncated.
pub const LIVESIGN_USERSIG_USERBUF_MAX_LEN: usize = 1024;
const _: () = assert!(
    LIVESIGN_USERSIG_MAX_LEN == UserSig::MAX_LEN
        && LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN == UserSig::MAX_IDENTIFIER_LEN
        && LIVESIGN_USERSIG_USERBUF_MAX_LEN == UserSig::MAX_USERBUF_LEN
        && LIVESIGN_USERSIG_MAX_EXPIRES_AT == UserSig::MAX_EXPIRES_AT
);

/// PrivateMapKey privilege bit: create the room.
pub const LIVESIGN_PRIVMAP_CREATE: u32 = 1;
/// PrivateMapKey privilege bit: enter the room.
pub const LIVESIGN_PRIVMAP_ENTER: u32 = 2;
/// PrivateMapKey privilege bit: send audio.
pub const LIVESIGN_PRIVMAP_SEND_AUDIO: u32 = 4;
/// PrivateMapKey privilege bit: receive audio.
pub const LIVESIGN_PRIVMAP_RECV_AUDIO: u32 = 8;
/// PrivateMapKey privilege bit: send video.
pub const LIVESIGN_PRIVMAP_SEND_VIDEO: u32 = 16;
/// PrivateMapKey privilege bit: receive video.
pub const LIVESIGN_PRIVMAP_RECV_VIDEO: u32 = 32;
/// PrivateMapKey privilege bit: send the substream (screen sharing).
pub const LIVESIGN_PRIVMAP_SEND_SUBSTREAM: u32 = 64;
/// PrivateMapKey privilege bit: receive the substream (screen sharing).
pub const LIVESIGN_PRIVMAP_RECV_SUBSTREAM: u32 = 128;
/// Every PrivateMapKey privilege (255).
pub const LIVESIGN_PRIVMAP_ALL: u32 = 255;
const _: () = assert!(
    LIVESIGN_PRIVMAP_CREATE == Privilege::CREATE
        && LIVESIGN_PRIVMAP_ENTER == Privilege::ENTER
        && LIVESIGN_PRIVMAP_SEND_AUDIO == Privilege::SEND_AUDIO
        && LIVESIGN_PRIVMAP_RECV_AUDIO == Privilege::RECV_AUDIO
        && LIVESIGN_PRIVMAP_SEND_VIDEO == Privilege::SEND_VIDEO
        && LIVESIGN_PRIVMAP_RECV_VIDEO == Privilege::RECV_VIDEO
        && LIVESIGN_PRIVMAP_SEND_SUBSTREAM == Privilege::SEND_SUBSTREAM
        && LIVESIGN_PRIVMAP_RECV_SUBSTREAM == Privilege::RECV_SUBSTREAM
        && LIVESIGN_PRIVMAP_ALL == Privilege::ALL
);

/// The fields of a UserSig, filled by `livesign_usersig_verify` (verified) and
/// `livesign_usersig_inspect` (as claimed, unverified). Caller-owned, fixed size, no heap:
/// the identifier and the userbuf are copies, so the struct outlives the token. Zero-filled
/// on any failure.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct livesign_usersig_info {
    /// `TLS.sdkappid` (0 when the token omits it, as Go does for 0).
    pub sdkappid: u64,
    /// `TLS.time`: when the token was issued, Unix seconds.
    pub time: u64,
    /// `TLS.expire`: its lifetime in seconds.
    pub expire: u64,
    /// `time + expire` (saturating): the last second at which the token is valid.
    pub expires_at: u64,
    /// Bytes used in `identifier`.
    pub identifier_len: usize,
    /// `TLS.identifier`, unescaped UTF-8, no NUL.
    pub identifier: [u8; LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN],
    /// 1 when the token has a `TLS.userbuf` member (possibly empty), else 0.
    pub has_userbuf: u32,
    /// Bytes used in `userbuf`.
    pub userbuf_len: usize,
    /// The decoded `TLS.userbuf` (a PrivateMapKey's grant: `livesign_privmap_parse`).
    pub userbuf: [u8; LIVESIGN_USERSIG_USERBUF_MAX_LEN],
}

impl livesign_usersig_info {
    #[cfg_attr(not(feature = "jni"), allow(dead_code))] // the JNI exports start from it
    pub(crate) const ZERO: Self = Self {
        sdkappid: 0,
        time: 0,
        expire: 0,
        expires_at: 0,
        identifier_len: 0,
        identifier: [0; LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN],
        has_userbuf: 0,
        userbuf_len: 0,
        userbuf: [0; LIVESIGN_USERSIG_USERBUF_MAX_LEN],
    };

    /// The fields of a decoded token (on top of a zeroed struct).
    fn fill(&mut self, f: &Fields<'_>) {
        self.sdkappid = f.sdkappid;
        self.time = f.time;
        self.expire = f.expire;
        self.expires_at = f.expires_at();
        self.identifier_len = f.identifier_into(&mut self.identifier);
        if let Some(n) = f.userbuf_into(&mut self.userbuf) {
            self.has_userbuf = 1;
            self.userbuf_len = n;
        }
    }
}

/// A PrivateMapKey userbuf, parsed by `livesign_privmap_parse`. The slices point into the
/// caller's userbuf and live as long as it does. Zero-filled on failure.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct livesign_privmap_info {
    /// The identifier bytes as written (ASCII when livesign or a compliant SDK wrote them).
    pub identifier: livesign_slice,
    /// `dwSdkAppid`.
    pub sdkappid: u32,
    /// `dwAuthID`: the numeric room id (0 for a string room).
    pub roomid: u32,
    /// 1 for a string room (`cVer` 1), 0 for a numeric one.
    pub has_roomstr: u32,
    /// The string room id (NULL/0 for a numeric room).
    pub roomstr: livesign_slice,
    /// `dwExpTime`: when the grant ends, absolute Unix seconds (modulo 2^32).
    pub expires_at: u32,
    /// `dwPrivilegeMap`: `LIVESIGN_PRIVMAP_*` bits.
    pub privileges: u32,
    /// `dwAccountType` (0 in every official SDK).
    pub account_type: u32,
}

impl livesign_privmap_info {
    #[cfg_attr(not(feature = "jni"), allow(dead_code))] // the JNI exports start from it
    pub(crate) const ZERO: Self = Self {
        identifier: livesign_slice::EMPTY,
        sdkappid: 0,
        roomid: 0,
        has_roomstr: 0,
        roomstr: livesign_slice::EMPTY,
        expires_at: 0,
        privileges: 0,
        account_type: 0,
    };

    fn of(p: &PrivateMap<'_>) -> Self {
        Self {
            identifier: livesign_slice::of(p.identifier),
            sdkappid: p.sdkappid,
            roomid: p.room_id,
            has_roomstr: u32::from(p.room_name.is_some()),
            roomstr: livesign_slice::of(p.room_name.unwrap_or_default()),
            expires_at: p.expires_at,
            privileges: p.privileges,
            account_type: p.account_type,
        }
    }
}

/// The two ways a key is passed: raw bytes, or a loaded `livesign_hmac_key`.
#[derive(Clone, Copy)]
enum KeyArg {
    Raw(*const u8, usize),
    Loaded(*const livesign_hmac_key),
}

impl KeyArg {
    /// # Safety
    /// The C contract: a non-NULL raw key points to its length in bytes; a non-NULL context
    /// points to a readable `livesign_hmac_key`.
    unsafe fn load(self) -> Result<HmacKey, Error> {
        match self {
            // SAFETY: forwarded to the caller's guarantee.
            KeyArg::Raw(p, n) => HmacKey::new(unsafe { input(p, n) }?),
            // SAFETY: forwarded to the caller's guarantee.
            KeyArg::Loaded(ctx) => unsafe { loaded(ctx) },
        }
    }
}

/// Runs a generator into a caller's `(out, out_cap, out_len)`.
///
/// # Safety
/// As [`OutBuf::new`].
unsafe fn generate(
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
    write: impl FnOnce(&mut [u8]) -> Result<usize, Error>,
) -> Result<(), Error> {
    // SAFETY: forwarded to the caller's guarantee.
    let mut out = unsafe { OutBuf::new(out, out_cap, out_len) }?;
    let result = write(out.buf());
    out.report(result)
}

/// # Safety
/// The C contract for every pointer argument of `livesign_usersig_gen`.
#[allow(clippy::too_many_arguments)]
unsafe fn usersig_gen(
    sdkappid: u64,
    key: KeyArg,
    identifier: (*const u8, usize),
    expire_s: u64,
    now: u64,
    userbuf: (*const u8, usize),
    out: (*mut u8, usize, *mut usize),
) -> Result<(), Error> {
    // SAFETY: forwarded to the caller's guarantee.
    unsafe {
        generate(out.0, out.1, out.2, |buf| {
            let identifier = text(identifier.0, identifier.1)?;
            let userbuf = input(userbuf.0, userbuf.1)?;
            let key = key.load()?;
            trtc::usersig_gen(&key, sdkappid, identifier, expire_s, now, userbuf, buf)
        })
    }
}

/// Generates a TLSSigAPIv2 UserSig for TRTC / Chat (the `userSig` of the client SDKs and the
/// `usersig` of REST calls).
///
/// - `sdkappid`: the application id.
/// - `key`, `key_len`: the console secret key, used as its raw bytes (never hex-decoded).
/// - `identifier`: the user id, UTF-8, at most `LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN` bytes.
/// - `expire_s`: lifetime in seconds (`TLS.expire`); `now`: the issue time (`TLS.time`),
///   Unix seconds. The token is valid while `now' <= now + expire_s`.
/// - `userbuf`: optional bytes signed into the token (`NULL, 0`: none; an empty userbuf is
///   no userbuf), at most `LIVESIGN_USERSIG_USERBUF_MAX_LEN` bytes.
/// - `out`, `out_cap`, `out_len`: receives the token (ASCII, no NUL). `LIVESIGN_USERSIG_MAX_LEN`
///   bytes always suffice; `livesign_usersig_len` gives the exact size; `out = NULL,
///   out_cap = 0` asks for it too (`LIVESIGN_BUFFER_TOO_SMALL`).
///
/// The token is the official Go SDK's, byte for byte (JSON layout, stored zlib blocks,
/// Tencent's base64 alphabet `* - _` with padding), and every official verifier accepts it:
/// `now + expire_s` must be at most `LIVESIGN_USERSIG_MAX_EXPIRES_AT` (`INT64_MAX`), since the
/// official Go verifier reads `TLS.time` and `TLS.expire` as signed 64-bit integers (a larger
/// member does not parse, a larger sum wraps into the past). `livesign_usersig_verify` still
/// reads such tokens from other SDKs, with its expiry saturating.
///
/// Returns, first failure wins: `LIVESIGN_INVALID_ARGUMENT` (`out_len` NULL, `out` NULL with
/// `out_cap > 0`, an input NULL with a length, identifier not UTF-8); `LIVESIGN_INVALID_KEY`
/// (empty key, or longer than `LIVESIGN_MAX_KEY_LEN`); `LIVESIGN_INVALID_ARGUMENT` (identifier
/// or userbuf too long, `now + expire_s` above `LIVESIGN_USERSIG_MAX_EXPIRES_AT`);
/// `LIVESIGN_BUFFER_TOO_SMALL` (`*out_len` = size needed); `LIVESIGN_OK` (`*out_len` = bytes
/// written). On failure `*out_len` is 0 unless stated. Never allocates.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_usersig_gen(
    sdkappid: u64,
    key: *const u8,
    key_len: usize,
    identifier: *const u8,
    identifier_len: usize,
    expire_s: u64,
    now: u64,
    userbuf: *const u8,
    userbuf_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        let key = KeyArg::Raw(key, key_len);
        // SAFETY: the C contract for every pointer argument.
        unsafe {
            usersig_gen(
                sdkappid,
                key,
                (identifier, identifier_len),
                expire_s,
                now,
                (userbuf, userbuf_len),
                (out, out_cap, out_len),
            )
        }
    })
}

/// `livesign_usersig_gen` with a key loaded once by `livesign_hmac_key_init` (two SHA-256
/// compressions saved per call). Same parameters, order, output and statuses, except that
/// a NULL, never-initialised or wiped `key` is `LIVESIGN_INVALID_ARGUMENT` and
/// `LIVESIGN_INVALID_KEY` cannot occur. Never allocates.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_usersig_gen_keyed(
    sdkappid: u64,
    key: *const livesign_hmac_key,
    identifier: *const u8,
    identifier_len: usize,
    expire_s: u64,
    now: u64,
    userbuf: *const u8,
    userbuf_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        let key = KeyArg::Loaded(key);
        // SAFETY: the C contract for every pointer argument.
        unsafe {
            usersig_gen(
                sdkappid,
                key,
                (identifier, identifier_len),
                expire_s,
                now,
                (userbuf, userbuf_len),
                (out, out_cap, out_len),
            )
        }
    })
}

/// Returns `LIVESIGN_USERSIG_MAX_LEN`, for bindings that cannot read macros. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_usersig_max_len() -> usize {
    LIVESIGN_USERSIG_MAX_LEN
}

/// Returns the exact length `livesign_usersig_gen` writes for these inputs (only the
/// userbuf's length matters, not its bytes; for a PrivateMapKey pass 23 + identifier_len for
/// a numeric room, 25 + identifier_len + roomstr_len for a string room). Returns 0 when
/// generation would fail with `LIVESIGN_INVALID_ARGUMENT` (identifier NULL with a length, not
/// UTF-8 or too long; userbuf too long; `now + expire_s` above
/// `LIVESIGN_USERSIG_MAX_EXPIRES_AT`); a real token is never empty. Never allocates.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_usersig_len(
    sdkappid: u64,
    identifier: *const u8,
    identifier_len: usize,
    expire_s: u64,
    now: u64,
    userbuf_len: usize,
) -> usize {
    boundary_or(0, || {
        // SAFETY: the C contract: a non-NULL identifier points to identifier_len bytes.
        let identifier = unsafe { text(identifier, identifier_len) }?;
        trtc::usersig_len(sdkappid, identifier, expire_s, now, userbuf_len)
    })
}

/// Copies a result into a nullable info pointer: the fields on success, zeros on failure.
///
/// # Safety
/// `info` is NULL or points to a writable `livesign_usersig_info` that no input overlaps.
unsafe fn report_info(info: *mut livesign_usersig_info, result: Result<Fields<'_>, Error>) -> Result<(), Error> {
    if !info.is_null() {
        // SAFETY: non-NULL, writable and unaliased by the caller's guarantee; all-zero bytes
        // (padding included, for a C caller comparing with zeroes) are a valid
        // livesign_usersig_info, and the reference is the only one to it.
        let info = unsafe {
            info.write_bytes(0, 1);
            &mut *info
        };
        if let Ok(fields) = &result {
            info.fill(fields);
        }
    }
    result.map(drop)
}

/// # Safety
/// The C contract for every pointer argument of `livesign_usersig_verify`.
#[allow(clippy::too_many_arguments)]
unsafe fn usersig_verify(
    sdkappid: u64,
    key: KeyArg,
    identifier: (*const u8, usize),
    usersig: (*const u8, usize),
    now: u64,
    leeway_s: u32,
    info: *mut livesign_usersig_info,
) -> Result<(), Error> {
    // SAFETY: forwarded to the caller's guarantee.
    let args =
        unsafe { text(identifier.0, identifier.1).and_then(|i| Ok((i, input(usersig.0, usersig.1)?, key.load()?))) };
    let report = |result: Result<Fields<'_>, Error>| {
        // SAFETY: the caller's guarantee: info is NULL or writable.
        unsafe { report_info(info, result) }
    };
    match args {
        Ok((identifier, usersig, key)) => trtc::verify_with(&key, sdkappid, identifier, usersig, now, leeway_s, report),
        Err(e) => report(Err(e)),
    }
}

/// Verifies a TLSSigAPIv2 UserSig (made by any official SDK or by livesign) for `sdkappid`
/// and `identifier` at `now` (Unix seconds), tolerating `leeway_s` seconds of clock skew on
/// the expiry. `key` is the console secret key (raw bytes).
///
/// Returns, first failure wins:
/// - `LIVESIGN_INVALID_ARGUMENT`: an input NULL with a length; identifier not UTF-8;
/// - `LIVESIGN_INVALID_KEY`: empty key, or longer than `LIVESIGN_MAX_KEY_LEN`;
/// - `LIVESIGN_INVALID_ARGUMENT`: identifier longer than `LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN`,
///   `usersig` longer than `LIVESIGN_USERSIG_MAX_LEN` (the longest token livesign writes, and
///   the limit on tokens read);
/// - `LIVESIGN_MALFORMED`: not a UserSig (base64, zlib or JSON broken, a member missing,
///   mistyped or duplicated, a signed member's name also spelled in another case, which the
///   official Go verifier would read instead, or outside livesign's bounds: an identifier
///   over 256 bytes, a userbuf over 1024 bytes, a document over 4096 bytes);
/// - `LIVESIGN_SIGNATURE_MISMATCH`: wrong key, or altered fields (constant-time compare; a
///   token for another sdkappid or identifier is checked against its own fields);
/// - `LIVESIGN_IDENTITY_MISMATCH`: a valid token issued for another sdkappid or identifier;
/// - `LIVESIGN_EXPIRED`: genuine, but `now > time + expire + leeway_s` (saturating);
/// - `LIVESIGN_OK`.
///
/// `info` (nullable) receives the verified fields (issue time, lifetime, expiry, the
/// identifier and a copy of the userbuf) on `LIVESIGN_OK` and zeros otherwise. The userbuf
/// is not compared with anything: check `info->userbuf` yourself if you expect one (a plain
/// `memcmp` is fine, it is public), or read a PrivateMapKey with `livesign_privmap_parse`.
/// A `TLS.time` in the future is accepted, as the official verifiers accept it. Never
/// allocates; uses under 32 KiB of stack (the decompressed document and the inflater's
/// tables live there).
#[must_use = "the status says whether the UserSig is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_usersig_verify(
    sdkappid: u64,
    key: *const u8,
    key_len: usize,
    identifier: *const u8,
    identifier_len: usize,
    usersig: *const u8,
    usersig_len: usize,
    now: u64,
    leeway_s: u32,
    info: *mut livesign_usersig_info,
) -> livesign_status {
    boundary(|| {
        let key = KeyArg::Raw(key, key_len);
        // SAFETY: the C contract for every pointer argument.
        unsafe {
            usersig_verify(sdkappid, key, (identifier, identifier_len), (usersig, usersig_len), now, leeway_s, info)
        }
    })
}

/// `livesign_usersig_verify` with a key loaded once by `livesign_hmac_key_init`. Same
/// parameters, order, outputs and statuses, except that a NULL, never-initialised or wiped
/// `key` is `LIVESIGN_INVALID_ARGUMENT` and `LIVESIGN_INVALID_KEY` cannot occur. Never
/// allocates.
#[must_use = "the status says whether the UserSig is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_usersig_verify_keyed(
    sdkappid: u64,
    key: *const livesign_hmac_key,
    identifier: *const u8,
    identifier_len: usize,
    usersig: *const u8,
    usersig_len: usize,
    now: u64,
    leeway_s: u32,
    info: *mut livesign_usersig_info,
) -> livesign_status {
    boundary(|| {
        let key = KeyArg::Loaded(key);
        // SAFETY: the C contract for every pointer argument.
        unsafe {
            usersig_verify(sdkappid, key, (identifier, identifier_len), (usersig, usersig_len), now, leeway_s, info)
        }
    })
}

/// Decodes a UserSig without its key, for diagnosis ("UserSig illegal": which part is
/// wrong?). Nothing is verified: `info` receives what the token claims.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `usersig` is NULL with a length or
/// longer than `LIVESIGN_USERSIG_MAX_LEN`; `LIVESIGN_MALFORMED` when it is not a UserSig (as for `livesign_usersig_verify`). `info`
/// is nullable and zero-filled on failure.
///
/// How to tell the causes apart: `LIVESIGN_MALFORMED` = a corrupt or truncated string (or a
/// wrong alphabet, e.g. URL-decoded twice). Otherwise compare `info->sdkappid` and
/// `info->identifier` with the expected ones (a mismatch is a token for another app or user:
/// verify says `LIVESIGN_IDENTITY_MISMATCH` when the key given signed it) and `info->expires_at` with the current time
/// (`LIVESIGN_EXPIRED`). When all of these are right and verify still fails, it says
/// `LIVESIGN_SIGNATURE_MISMATCH`: the key is wrong (or the token was forged). Never allocates;
/// uses under 32 KiB of stack.
#[must_use = "the status says whether the fields are valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_usersig_inspect(
    usersig: *const u8,
    usersig_len: usize,
    info: *mut livesign_usersig_info,
) -> livesign_status {
    boundary(|| {
        let report = |result: Result<Fields<'_>, Error>| {
            // SAFETY: the C contract: info is NULL or writable.
            unsafe { report_info(info, result) }
        };
        // SAFETY: the C contract: a non-NULL usersig points to usersig_len bytes.
        match unsafe { input(usersig, usersig_len) } {
            Ok(usersig) => trtc::with_decoded(usersig, report),
            Err(e) => report(Err(e)),
        }
    })
}

/// # Safety
/// The C contract for every pointer argument of `livesign_privmap_gen*`.
#[allow(clippy::too_many_arguments)]
unsafe fn privmap_gen(
    sdkappid: u64,
    key: KeyArg,
    identifier: (*const u8, usize),
    expire_s: u64,
    now: u64,
    room: Result<Room<'_>, Error>,
    privileges: u32,
    out: (*mut u8, usize, *mut usize),
) -> Result<(), Error> {
    // SAFETY: forwarded to the caller's guarantee.
    unsafe {
        generate(out.0, out.1, out.2, |buf| {
            let identifier = text(identifier.0, identifier.1)?;
            let room = room?;
            let key = key.load()?;
            trtc::privmap_gen(&key, sdkappid, identifier, expire_s, now, room, privileges, buf)
        })
    }
}

/// Generates a TRTC PrivateMapKey for a numeric room: a UserSig whose userbuf grants
/// `identifier` the `privileges` (`LIVESIGN_PRIVMAP_*` bits, e.g. `LIVESIGN_PRIVMAP_ENTER |
/// LIVESIGN_PRIVMAP_RECV_AUDIO | LIVESIGN_PRIVMAP_RECV_VIDEO`) in room `roomid` until
/// `now + expire_s`. Parameters and output as for `livesign_usersig_gen` (the same
/// `LIVESIGN_USERSIG_MAX_LEN` bound). The token is the official Go SDK's, byte for byte.
///
/// The identifier must be ASCII: the official SDKs encode other text differently from one
/// another (UTF-8 bytes in C++/Go/PHP, UTF-16 low bytes in Node/Java, an error in Python), so
/// the server's reading of such a grant is unknown.
///
/// Returns, first failure wins: `LIVESIGN_INVALID_ARGUMENT` (`out_len` NULL, `out` NULL with
/// `out_cap > 0`, an input NULL with a length, identifier not UTF-8); `LIVESIGN_INVALID_KEY`
/// (empty key, or longer than `LIVESIGN_MAX_KEY_LEN`); `LIVESIGN_INVALID_ARGUMENT` (identifier
/// not ASCII or too long, `sdkappid` over
/// 4294967295, `now + expire_s` over 4294967295: the grant's expiry is a 32-bit field);
/// `LIVESIGN_BUFFER_TOO_SMALL` (`*out_len` = size needed); `LIVESIGN_OK`. Never allocates.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_privmap_gen(
    sdkappid: u64,
    key: *const u8,
    key_len: usize,
    identifier: *const u8,
    identifier_len: usize,
    expire_s: u64,
    now: u64,
    roomid: u32,
    privileges: u32,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        let key = KeyArg::Raw(key, key_len);
        let room = Ok(Room::Id(roomid));
        // SAFETY: the C contract for every pointer argument.
        unsafe {
            privmap_gen(
                sdkappid,
                key,
                (identifier, identifier_len),
                expire_s,
                now,
                room,
                privileges,
                (out, out_cap, out_len),
            )
        }
    })
}

/// `livesign_privmap_gen` with a key loaded once by `livesign_hmac_key_init`. Same
/// parameters, order, output and statuses, except that a NULL, never-initialised or wiped
/// `key` is `LIVESIGN_INVALID_ARGUMENT` and `LIVESIGN_INVALID_KEY` cannot occur. Never
/// allocates.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_privmap_gen_keyed(
    sdkappid: u64,
    key: *const livesign_hmac_key,
    identifier: *const u8,
    identifier_len: usize,
    expire_s: u64,
    now: u64,
    roomid: u32,
    privileges: u32,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        let key = KeyArg::Loaded(key);
        let room = Ok(Room::Id(roomid));
        // SAFETY: the C contract for every pointer argument.
        unsafe {
            privmap_gen(
                sdkappid,
                key,
                (identifier, identifier_len),
                expire_s,
                now,
                room,
                privileges,
                (out, out_cap, out_len),
            )
        }
    })
}

/// `livesign_privmap_gen` for a string room id: `roomstr` (non-empty ASCII, e.g.
/// "room-42_abc") replaces `roomid`. Everything else is the same; additional
/// `LIVESIGN_INVALID_ARGUMENT` cases: `roomstr` NULL with a length, empty, not ASCII, or
/// making the userbuf (25 + identifier + roomstr bytes) longer than
/// `LIVESIGN_USERSIG_USERBUF_MAX_LEN`. Never allocates.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_privmap_gen_roomstr(
    sdkappid: u64,
    key: *const u8,
    key_len: usize,
    identifier: *const u8,
    identifier_len: usize,
    expire_s: u64,
    now: u64,
    roomstr: *const u8,
    roomstr_len: usize,
    privileges: u32,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        let key = KeyArg::Raw(key, key_len);
        // SAFETY: the C contract: a non-NULL roomstr points to roomstr_len bytes.
        let room = unsafe { input(roomstr, roomstr_len) }.map(Room::Name);
        // SAFETY: the C contract for every pointer argument.
        unsafe {
            privmap_gen(
                sdkappid,
                key,
                (identifier, identifier_len),
                expire_s,
                now,
                room,
                privileges,
                (out, out_cap, out_len),
            )
        }
    })
}

/// `livesign_privmap_gen_roomstr` with a key loaded once by `livesign_hmac_key_init`. Same
/// parameters, order, output and statuses, except that a NULL, never-initialised or wiped
/// `key` is `LIVESIGN_INVALID_ARGUMENT` and `LIVESIGN_INVALID_KEY` cannot occur. Never
/// allocates.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_privmap_gen_roomstr_keyed(
    sdkappid: u64,
    key: *const livesign_hmac_key,
    identifier: *const u8,
    identifier_len: usize,
    expire_s: u64,
    now: u64,
    roomstr: *const u8,
    roomstr_len: usize,
    privileges: u32,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        let key = KeyArg::Loaded(key);
        // SAFETY: the C contract: a non-NULL roomstr points to roomstr_len bytes.
        let room = unsafe { input(roomstr, roomstr_len) }.map(Room::Name);
        // SAFETY: the C contract for every pointer argument.
        unsafe {
            privmap_gen(
                sdkappid,
                key,
                (identifier, identifier_len),
                expire_s,
                now,
                room,
                privileges,
                (out, out_cap, out_len),
            )
        }
    })
}

/// Parses a PrivateMapKey userbuf (e.g. `info.userbuf` after `livesign_usersig_verify`) into
/// `info` (nullable; zero-filled on failure), whose slices point into `userbuf`.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `userbuf` is NULL with a length or
/// longer than `LIVESIGN_USERSIG_USERBUF_MAX_LEN`; `LIVESIGN_MALFORMED` when the bytes are not exactly one userbuf of the PrivateMapKey
/// layout (`cVer` 0 or 1, consistent lengths, nothing after). The expiry inside is absolute
/// and separate from the UserSig's own; compare `info->expires_at` with the time yourself.
/// Never allocates.
#[must_use = "the status says whether the fields are valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_privmap_parse(
    userbuf: *const u8,
    userbuf_len: usize,
    info: *mut livesign_privmap_info,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: a non-NULL userbuf points to userbuf_len bytes that outlive
        // the slices handed back.
        let result = unsafe { input(userbuf, userbuf_len) }.and_then(trtc::privmap_parse);
        if !info.is_null() {
            // SAFETY: non-NULL and writable by the C contract; all-zero bytes (padding
            // included) are a valid livesign_privmap_info, and `write` does not read it.
            unsafe {
                info.write_bytes(0, 1);
                if let Ok(p) = &result {
                    info.write(livesign_privmap_info::of(p));
                }
            }
        }
        result.map(drop)
    })
}
