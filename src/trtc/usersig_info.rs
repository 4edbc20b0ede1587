//! Decoding a UserSig without its key (spec §2 steps 1–2): Tencent base64, zlib, JSON. The
//! verifier decodes through here too, so what `inspect` shows is exactly what was verified.
//!
//! Accepted: any JSON member order and spacing, `\u` escapes (surrogate pairs included) and
//! `\/`, the members Go omits when zero or empty (`TLS.identifier` = "", `TLS.sdkappid`,
//! `TLS.expire`, `TLS.time` = 0), a missing `TLS.ver` (no official verifier reads it), any
//! deflate block type. Refused as `Malformed`: anything that is not canonical padded base64
//! in Tencent's alphabet, a bad zlib stream, invalid or duplicated JSON members (a signed
//! member's name in another case counts as a duplicate: the official Go verifier matches names
//! case-insensitively and would read that member instead), numbers that
//! are not plain non-negative integers (as `null`, strings, fractions), a missing or
//! non-32-byte `TLS.sig`, a `TLS.userbuf` that is not canonical standard base64, and tokens
//! outside livesign's bounds (see the constants below).
//!
//! Decoding yields [`Fields`], borrowed from a document buffer on the decoder's stack and
//! handed to a closure ([`with_decoded`]), so that a verification that wants no copy of the
//! fields makes none, and the buffers can be sized for the token.

use super::usersig::{MAX_IDENTIFIER_LEN, MAX_USERBUF_B64_LEN, MAX_USERBUF_LEN, content};
use super::zlib;
use crate::base64::{self, Alphabet};
use crate::digest::hmac;
use crate::json::{self, Str, Value};
use crate::{Error, HmacKey, limits};

/// The largest decompressed document accepted. Every document livesign writes fits
/// ([`super::usersig::MAX_DOC_LEN`]), as does every official SDK's for identifiers and
/// userbufs within livesign's limits, even with Python's and PHP's `\uXXXX` escaping, with one
/// exception no real user id meets: PHP's (`\/` for every `/` of a large userbuf) for an
/// identifier of more than about 200 control characters (6 bytes each once escaped).
pub(crate) const MAX_DOC_LEN: usize = 4096;
/// The largest zlib stream a token can carry: what the longest token accepted
/// ([`super::UserSig::MAX_LEN`], checked first) decodes to. A longer stream could not arrive,
/// so a larger buffer would only be more stack to zero.
const MAX_ZLIB_LEN: usize = base64::decoded_max_len(super::usersig::MAX_LEN);
const _: () = assert!(super::usersig::MAX_DOC_LEN <= MAX_DOC_LEN);

/// Buffer sizes (zlib stream, document) for the common tokens, by token length, so that
/// decoding one zeroes well under 1 KiB of stack instead of 7: official tokens without a
/// userbuf have about 190 characters, with a PrivateMapKey up to about 420. A token is
/// decoded with the first tier that holds it, and again with the full-size buffers only
/// when its document is larger than the tier's.
const TIER_1: (usize, usize) = (192, 512);
const TIER_2: (usize, usize) = (384, 768);

/// The members of a decoded UserSig, borrowed from its document.
pub(crate) struct Fields<'d> {
    pub(crate) sdkappid: u64,
    pub(crate) time: u64,
    pub(crate) expire: u64,
    /// `TLS.identifier` as written (possibly escaped); "" when absent.
    identifier: Str<'d>,
    /// `TLS.userbuf` as written, when present: canonical standard base64 of at most
    /// [`MAX_USERBUF_LEN`] bytes (checked).
    userbuf: Option<Str<'d>>,
    /// `sdkappid`, `time` and `expire` in decimal, as the signed content has them: the
    /// document's text, which is exactly that for a plain JSON integer (no sign, no leading
    /// zero: checked), or "0" for an absent member.
    decimals: [&'d [u8]; 3],
    /// The decoded `TLS.sig`.
    pub(crate) sig: [u8; hmac::LEN],
}

impl Fields<'_> {
    pub(crate) fn expires_at(&self) -> u64 {
        self.time.saturating_add(self.expire)
    }

    /// Whether the token's identifier is `identifier`.
    pub(crate) fn identifier_is(&self, identifier: &[u8]) -> bool {
        self.identifier.eq(identifier)
    }

    /// The HMAC these fields call for under `key`, over the token's own identifier: what a
    /// token for another user is checked with, so that only a genuine one is reported as
    /// such.
    pub(crate) fn own_mac(&self, key: &HmacKey) -> [u8; hmac::LEN] {
        let mut buf = [0u8; MAX_IDENTIFIER_LEN];
        let len = self.identifier_into(&mut buf);
        self.expected_mac(key, &buf[..len])
    }

    /// Copies the unescaped identifier into `buf` (it fits: checked when decoding).
    pub(crate) fn identifier_into(&self, buf: &mut [u8; MAX_IDENTIFIER_LEN]) -> usize {
        match self.identifier.plain() {
            Some(text) => buf.get_mut(..text.len()).map_or(0, |dst| {
                dst.copy_from_slice(text);
                text.len()
            }),
            None => self.identifier.unescape_into(buf).map_or(0, <[u8]>::len),
        }
    }

    /// Decodes the userbuf into `buf` (it fits: checked when decoding); `None` without one.
    pub(crate) fn userbuf_into(&self, buf: &mut [u8; MAX_USERBUF_LEN]) -> Option<usize> {
        with_text(self.userbuf?, |text| base64::decode(Alphabet::Standard, text?, buf).ok().map(<[u8]>::len))
    }

    /// The HMAC these fields call for under `key`, for a token whose identifier is known to
    /// be `identifier` (so the document's copy need not be unescaped).
    pub(crate) fn expected_mac(&self, key: &HmacKey, identifier: &[u8]) -> [u8; hmac::LEN] {
        let claims = |userbuf: Option<&[u8]>| content(identifier, self.decimals, userbuf, |parts| key.mac(parts));
        // A present but empty userbuf is signed as an empty `TLS.userbuf:` line. The text is
        // canonical base64 (checked), so it is what re-encoding the bytes would give.
        match self.userbuf {
            None => claims(None),
            Some(s) => with_text(s, |text| claims(Some(text.unwrap_or_default()))),
        }
    }
}

/// Runs `f` on a string member's unescaped text; only an escaped one (PHP writes `\/`) needs
/// the buffer, so the common case zeroes none. Text too long for the buffer is `None`.
fn with_text<R>(s: Str<'_>, f: impl FnOnce(Option<&[u8]>) -> R) -> R {
    match s.plain() {
        Some(text) => f(Some(text)),
        None => {
            let mut buf = [0u8; MAX_USERBUF_B64_LEN];
            f(s.unescape_into(&mut buf).ok().map(|t| -> &[u8] { t }))
        }
    }
}

/// Decodes `usersig` and hands its members (see the module docs for what is accepted) or the
/// error to `f`: [`Error::InvalidArgument`] for a token longer than the longest livesign
/// writes ([`super::UserSig::MAX_LEN`], also the limit on tokens read), else
/// [`Error::Malformed`]. The members borrow from a document buffer on this call's stack, sized
/// for the token: `f` runs before it goes.
pub(crate) fn with_decoded<R>(usersig: &[u8], f: impl FnOnce(Result<Fields<'_>, Error>) -> R) -> R {
    if let Err(e) = limits::check(usersig, super::usersig::MAX_LEN) {
        return f(Err(e));
    }
    let zlib_len = base64::decoded_max_len(usersig.len());
    if zlib_len <= TIER_1.0 {
        with_decoded_in::<{ TIER_1.0 }, { TIER_1.1 }, R>(usersig, f)
    } else if zlib_len <= TIER_2.0 {
        with_decoded_in::<{ TIER_2.0 }, { TIER_2.1 }, R>(usersig, f)
    } else {
        with_decoded_large(usersig, f)
    }
}

/// [`with_decoded`] with a `Z`-byte zlib buffer (the token fits: checked by the caller) and
/// a `D`-byte document buffer, or the full-size ones when the document does not fit.
#[inline(always)]
fn with_decoded_in<const Z: usize, const D: usize, R>(
    usersig: &[u8],
    f: impl FnOnce(Result<Fields<'_>, Error>) -> R,
) -> R {
    let mut zlib = [0u8; Z];
    let mut doc = [0u8; D];
    match decode(usersig, &mut zlib, &mut doc) {
        // The document is larger: decoded again below.
        Err(Error::BufferTooSmall { .. }) => with_decoded_large(usersig, f),
        result => f(result),
    }
}

/// [`with_decoded`] with buffers for the largest token accepted. Never inlined, so that the
/// common case does not reserve its stack.
#[inline(never)]
fn with_decoded_large<R>(usersig: &[u8], f: impl FnOnce(Result<Fields<'_>, Error>) -> R) -> R {
    let mut zlib = [0u8; MAX_ZLIB_LEN];
    let mut doc = [0u8; MAX_DOC_LEN];
    f(decode(usersig, &mut zlib, &mut doc).map_err(|_| Error::Malformed))
}

/// Decodes `usersig` through `zlib` into `doc`. `BufferTooSmall` when the document does not
/// fit `doc` (the token itself always fits `zlib`: the callers size it); every other failure
/// is `Malformed`.
#[inline(always)]
fn decode<'d>(usersig: &[u8], zlib: &mut [u8], doc: &'d mut [u8]) -> Result<Fields<'d>, Error> {
    let zlib = base64::decode(Alphabet::Tencent, usersig, zlib).map_err(|_| Error::Malformed)?;
    let doc = zlib::decompress(zlib, doc)?.data;
    // Go-folded: the official Go verifier would take a member `tls.identifier` for the
    // identifier, so such a document means different tokens to it and to livesign.
    let [_ver, identifier, sdkappid, expire, time, userbuf, sig] = json::parse_lookup_go_folded(
        doc,
        [&b"TLS.ver"[..], b"TLS.identifier", b"TLS.sdkappid", b"TLS.expire", b"TLS.time", b"TLS.userbuf", b"TLS.sig"],
    )?;

    let identifier = match identifier {
        Some(v) => v.as_str().ok_or(Error::Malformed)?,
        None => Str::EMPTY,
    };
    let len = match identifier.plain() {
        Some(p) => p.len(),
        None => identifier.bytes().count(),
    };
    if len > MAX_IDENTIFIER_LEN {
        return Err(Error::Malformed);
    }
    let userbuf = match userbuf {
        Some(v) => {
            let s = v.as_str().ok_or(Error::Malformed)?;
            let decoded = with_text(s, |text| base64::decoded_len(Alphabet::Standard, text?).ok());
            if decoded.is_none_or(|n| n > MAX_USERBUF_LEN) {
                return Err(Error::Malformed);
            }
            Some(s)
        }
        None => None,
    };
    let sig = sig.ok_or(Error::Malformed)?.as_str().ok_or(Error::Malformed)?;
    let mut claimed = [0u8; hmac::LEN];
    let decoded = with_text(sig, |text| base64::decode(Alphabet::Standard, text?, &mut claimed).ok().map(<[u8]>::len));
    if decoded != Some(hmac::LEN) {
        return Err(Error::Malformed);
    }
    let [(sdkappid, sdkappid_dec), (time, time_dec), (expire, expire_dec)] =
        [number(sdkappid)?, number(time)?, number(expire)?];
    Ok(Fields {
        sdkappid,
        time,
        expire,
        identifier,
        userbuf,
        decimals: [sdkappid_dec, time_dec, expire_dec],
        sig: claimed,
    })
}

/// An optional member that must be a plain non-negative integer, with its decimal text;
/// absent is 0 (Go's `omitempty`).
fn number<'d>(v: Option<Value<'d>>) -> Result<(u64, &'d [u8]), Error> {
    match v {
        None => Ok((0, b"0")),
        // It takes only `0` or `[1-9][0-9]*`, the text `Decimal` writes.
        Some(v) => Ok((v.as_u64().ok_or(Error::Malformed)?, v.raw())),
    }
}

/// What a UserSig says, decoded without its key. From [`usersig_inspect`] nothing is
/// verified; from [`super::usersig_verify`] everything is.
#[derive(Clone)]
pub struct UserSigInfo {
    sdkappid: u64,
    time: u64,
    expire: u64,
    identifier: [u8; MAX_IDENTIFIER_LEN],
    identifier_len: usize,
    userbuf: [u8; MAX_USERBUF_LEN],
    userbuf_len: Option<usize>,
}

impl UserSigInfo {
    /// `TLS.sdkappid` (0 when absent).
    pub fn sdkappid(&self) -> u64 {
        self.sdkappid
    }

    /// `TLS.time`: when the token was issued, Unix seconds (0 when absent).
    pub fn time(&self) -> u64 {
        self.time
    }

    /// `TLS.expire`: the lifetime in seconds (0 when absent).
    pub fn expire(&self) -> u64 {
        self.expire
    }

    /// `time + expire` (saturating): the last second at which the token is valid.
    pub fn expires_at(&self) -> u64 {
        self.time.saturating_add(self.expire)
    }

    /// `TLS.identifier`, unescaped ("" when absent).
    pub fn identifier(&self) -> &str {
        // JSON text is validated UTF-8 and unescaping keeps it so.
        core::str::from_utf8(self.identifier.get(..self.identifier_len).unwrap_or_default()).unwrap_or_default()
    }

    /// The decoded `TLS.userbuf`: `None` when the token has none, `Some(&[])` when it is
    /// present and empty (Python and Node write that for an empty userbuf, and sign it).
    pub fn userbuf(&self) -> Option<&[u8]> {
        self.userbuf_len.map(|n| self.userbuf.get(..n).unwrap_or_default())
    }

    pub(crate) fn from_fields(f: &Fields<'_>) -> Self {
        let mut info = Self {
            sdkappid: f.sdkappid,
            time: f.time,
            expire: f.expire,
            identifier: [0; MAX_IDENTIFIER_LEN],
            identifier_len: 0,
            userbuf: [0; MAX_USERBUF_LEN],
            userbuf_len: None,
        };
        info.identifier_len = f.identifier_into(&mut info.identifier);
        info.userbuf_len = f.userbuf_into(&mut info.userbuf);
        info
    }
}

impl core::fmt::Debug for UserSigInfo {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("UserSigInfo")
            .field("sdkappid", &self.sdkappid)
            .field("identifier", &self.identifier())
            .field("time", &self.time)
            .field("expire", &self.expire)
            .field("userbuf", &self.userbuf())
            .finish()
    }
}

/// Decodes a UserSig without a key and returns its fields. Nothing is verified: the fields
/// are what the token claims. Errors: [`Error::InvalidArgument`] for a token over
/// [`super::UserSig::MAX_LEN`] bytes (no token livesign or an official SDK makes within
/// livesign's identifier and userbuf bounds is longer); otherwise only [`Error::Malformed`]
/// (see the module docs for what that covers), so a support tool can tell a corrupt string (`Malformed`) from a token
/// for another app or user (compare [`UserSigInfo::sdkappid`] and
/// [`UserSigInfo::identifier`]), an expired one ([`UserSigInfo::expires_at`]) and, once those
/// match, a wrong key (what [`super::usersig_verify`] then reports).
pub fn usersig_inspect(usersig: &[u8]) -> Result<UserSigInfo, Error> {
    with_decoded(usersig, |r| r.map(|f| UserSigInfo::from_fields(&f)))
}
