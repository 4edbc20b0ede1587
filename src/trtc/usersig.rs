//! TLSSigAPIv2 UserSig generation (spec §1): the HMAC-SHA256 content string, the JSON document
//! in the official Go SDK's layout, a stored-block zlib stream, Tencent's base64 alphabet.
//!
//! Generation needs no buffer of its own: the document's length is computed first (the
//! stored block header carries it and it fixes the token's length), the zlib stream is
//! written into the tail of the caller's buffer, and base64 encodes it in place.

use super::usersig_json;
use super::zlib;
use crate::base64::{self, Alphabet};
use crate::bytes::copy_short;
use crate::digest::hmac;
use crate::text::{Decimal, Out};
use crate::{Error, HmacKey};

use super::adler32::adler32;

/// Longest identifier accepted, in UTF-8 bytes. Tencent documents 32 bytes at most
/// (`[A-Za-z0-9_-]`); livesign allows more so as not to refuse unusual existing accounts,
/// but needs a bound to size every buffer without a heap.
pub(crate) const MAX_IDENTIFIER_LEN: usize = crate::Limits::MAX_ID_LEN;
/// Longest userbuf accepted, in bytes. A PrivateMapKey userbuf is 23 to 25 bytes plus the
/// identifier and room name.
pub(crate) const MAX_USERBUF_LEN: usize = 1024;
/// Standard base64 of the longest userbuf.
pub(crate) const MAX_USERBUF_B64_LEN: usize = base64::encoded_len(MAX_USERBUF_LEN);
/// Length of `TLS.sig`: standard base64 of an HMAC-SHA256.
pub(crate) const SIG_B64_LEN: usize = base64::encoded_len(hmac::LEN);
/// The latest expiry (`TLS.time + TLS.expire`) livesign writes: `INT64_MAX`. The official
/// verifiers read both members as signed 64-bit integers (Go's `int64`, PHP's `int`): a
/// larger member does not parse and a larger sum wraps into the past, so the token would
/// fail where it is used.
pub(crate) const MAX_EXPIRES_AT: u64 = i64::MAX as u64;
/// The longest document livesign writes or reads: every optional member present, the
/// identifier escaped at 6 bytes per byte (a control character becomes `\u00XX`), 20-digit
/// numbers (generation stops at 19 for the times, [`MAX_EXPIRES_AT`], but other SDKs write
/// any `u64`).
pub(crate) const MAX_DOC_LEN: usize =
    usersig_json::go_doc_len(MAX_IDENTIFIER_LEN * 6, 20, 20, 20, Some(MAX_USERBUF_B64_LEN));
/// The longest token livesign reads, and a size that always fits the tokens it writes.
pub(crate) const MAX_LEN: usize = base64::encoded_len(MAX_DOC_LEN + zlib::STORED_OVERHEAD);
const _: () = assert!(MAX_DOC_LEN <= zlib::STORED_MAX, "a document must fit one stored block");

/// The fields a UserSig signs, with the numbers already in decimal.
pub(crate) struct Claims<'a> {
    pub(crate) identifier: &'a [u8],
    pub(crate) sdkappid: u64,
    pub(crate) time: u64,
    pub(crate) expire: u64,
    pub(crate) sdkappid_dec: Decimal,
    pub(crate) time_dec: Decimal,
    pub(crate) expire_dec: Decimal,
    /// Standard base64 of the userbuf, when the token has one.
    pub(crate) userbuf_b64: Option<&'a [u8]>,
}

impl<'a> Claims<'a> {
    pub(crate) fn new(
        identifier: &'a [u8],
        sdkappid: u64,
        time: u64,
        expire: u64,
        userbuf_b64: Option<&'a [u8]>,
    ) -> Self {
        Self {
            identifier,
            sdkappid,
            time,
            expire,
            sdkappid_dec: Decimal::new(sdkappid),
            time_dec: Decimal::new(time),
            expire_dec: Decimal::new(expire),
            userbuf_b64,
        }
    }

    /// Hands the content to be signed to `f` as parts: four lines (five with a userbuf),
    /// identifier, sdkappid, time, expire, [userbuf], each ending in `\n`. The identifier goes
    /// in raw (no escaping); the numbers are plain decimals.
    pub(crate) fn content<R>(&self, f: impl FnOnce(&[&[u8]]) -> R) -> R {
        let decimals = [self.sdkappid_dec.as_bytes(), self.time_dec.as_bytes(), self.expire_dec.as_bytes()];
        content(self.identifier, decimals, self.userbuf_b64, f)
    }

    /// Length of the Go-layout document for these claims.
    fn doc_len(&self) -> usize {
        let digits = |v: u64, d: &Decimal| if v == 0 { 0 } else { d.as_bytes().len() };
        usersig_json::go_doc_len(
            usersig_json::escaped_len(self.identifier),
            digits(self.sdkappid, &self.sdkappid_dec),
            digits(self.expire, &self.expire_dec),
            digits(self.time, &self.time_dec),
            self.userbuf_b64.map(<[u8]>::len),
        )
    }

    /// `TLS.sig` before base64: HMAC-SHA256 of the content under the console key, as the
    /// state words [`base64::encode_sha256_words`] encodes.
    pub(crate) fn mac(&self, key: &HmacKey) -> [u32; 8] {
        self.content(|parts| key.mac_words(parts))
    }
}

/// [`Claims::content`] from the decimals as text (`[sdkappid, time, expire]`), for a
/// verifier that has them already.
pub(crate) fn content<R>(
    identifier: &[u8],
    [sdkappid, time, expire]: [&[u8]; 3],
    userbuf_b64: Option<&[u8]>,
    f: impl FnOnce(&[&[u8]]) -> R,
) -> R {
    let parts: [&[u8]; 12] = [
        b"TLS.identifier:",
        identifier,
        b"\nTLS.sdkappid:",
        sdkappid,
        b"\nTLS.time:",
        time,
        b"\nTLS.expire:",
        expire,
        b"\n",
        b"TLS.userbuf:",
        userbuf_b64.unwrap_or_default(),
        b"\n",
    ];
    f(if userbuf_b64.is_some() { &parts } else { &parts[..9] })
}

/// Identifier rules shared by generation and verification.
pub(crate) fn check_identifier(identifier: &str) -> Result<(), Error> {
    if identifier.len() > MAX_IDENTIFIER_LEN { Err(Error::InvalidArgument) } else { Ok(()) }
}

fn check_userbuf(userbuf: &[u8]) -> Result<(), Error> {
    if userbuf.len() > MAX_USERBUF_LEN { Err(Error::InvalidArgument) } else { Ok(()) }
}

/// `now + expire_s` at most [`MAX_EXPIRES_AT`], without overflow.
pub(crate) fn check_times(expire_s: u64, now: u64) -> Result<(), Error> {
    match now.checked_add(expire_s) {
        Some(t) if t <= MAX_EXPIRES_AT => Ok(()),
        _ => Err(Error::InvalidArgument),
    }
}

/// Runs `f` with the standard base64 of `userbuf` (`None` when it is empty: an empty userbuf
/// is no userbuf, as `(NULL, 0)` is in C).
pub(crate) fn with_userbuf_b64<R>(userbuf: &[u8], f: impl FnOnce(Option<&[u8]>) -> R) -> R {
    if userbuf.is_empty() {
        return f(None);
    }
    let mut buf = [0u8; MAX_USERBUF_B64_LEN];
    let mut out = Out::new(&mut buf);
    base64::encode(Alphabet::Standard, userbuf, &mut out);
    let n = out.len().min(MAX_USERBUF_B64_LEN);
    f(Some(&buf[..n]))
}

/// Generates a UserSig into `out` and returns its length (spec §1, with the official Go
/// SDK's JSON layout and stored zlib blocks, so Go's tokens are reproduced byte for byte).
///
/// - `key`: the console secret, loaded once ([`HmacKey::new`] of its UTF-8 bytes, used as
///   is, never hex-decoded).
/// - `identifier`: the user id, at most 256 bytes.
/// - `expire_s`: lifetime in seconds; the token is valid while `now <= time + expire_s`.
/// - `now`: the issue time (`TLS.time`), Unix seconds. `now + expire_s` must be at most
///   [`UserSig::MAX_EXPIRES_AT`] (`i64::MAX`): the official verifiers read both as signed
///   64-bit integers and would refuse a token beyond.
/// - `userbuf`: opaque bytes signed into the token (empty: none), at most 1024 bytes.
///
/// Errors, in order: [`Error::InvalidArgument`] (identifier or userbuf too long,
/// `now + expire_s` past [`UserSig::MAX_EXPIRES_AT`]), [`Error::BufferTooSmall`] with the
/// exact size needed (nothing is computed then).
pub fn usersig_gen(
    key: &HmacKey,
    sdkappid: u64,
    identifier: &str,
    expire_s: u64,
    now: u64,
    userbuf: &[u8],
    out: &mut [u8],
) -> Result<usize, Error> {
    check_identifier(identifier)?;
    check_userbuf(userbuf)?;
    check_times(expire_s, now)?;
    with_userbuf_b64(userbuf, |ub| {
        write_token(key, &Claims::new(identifier.as_bytes(), sdkappid, now, expire_s, ub), out)
    })
}

/// The exact length [`usersig_gen`] writes for these inputs (the userbuf's content does not
/// change it, only its length). Errors: [`Error::InvalidArgument`] as for generation.
pub fn usersig_len(
    sdkappid: u64,
    identifier: &str,
    expire_s: u64,
    now: u64,
    userbuf_len: usize,
) -> Result<usize, Error> {
    check_identifier(identifier)?;
    if userbuf_len > MAX_USERBUF_LEN {
        return Err(Error::InvalidArgument);
    }
    check_times(expire_s, now)?;
    let ub = (userbuf_len > 0).then(|| base64::encoded_len(userbuf_len));
    Ok(token_len(identifier.as_bytes(), sdkappid, now, expire_s, ub))
}

fn token_len(identifier: &[u8], sdkappid: u64, time: u64, expire: u64, userbuf_b64_len: Option<usize>) -> usize {
    base64::encoded_len(doc_len(identifier, sdkappid, time, expire, userbuf_b64_len) + zlib::STORED_OVERHEAD)
}

fn doc_len(identifier: &[u8], sdkappid: u64, time: u64, expire: u64, userbuf_b64_len: Option<usize>) -> usize {
    let digits = |v: u64| if v == 0 { 0 } else { Decimal::new(v).as_bytes().len() };
    usersig_json::go_doc_len(
        usersig_json::escaped_len(identifier),
        digits(sdkappid),
        digits(expire),
        digits(time),
        userbuf_b64_len,
    )
}

/// Writes the token: the zlib stream is built in the tail of `out`, then base64-encoded where
/// it lies into the whole of `out` (see [`base64::encode_in_place`]). No other buffer.
fn write_token(key: &HmacKey, c: &Claims<'_>, out: &mut [u8]) -> Result<usize, Error> {
    let doc_len = c.doc_len();
    let zlib_len = doc_len + zlib::STORED_OVERHEAD;
    let needed = base64::encoded_len(zlib_len);
    let out = out.get_mut(..needed).ok_or(Error::BufferTooSmall { needed })?;

    let sig = base64::encode_sha256_words(Alphabet::Standard, &c.mac(key));

    let mut w = Cursor { buf: out.get_mut(needed - zlib_len..).unwrap_or_default(), at: 0 };
    // doc_len <= MAX_DOC_LEN, which fits a u16 (checked at compile time above).
    w.put(&zlib::stored_head(doc_len as u16));
    usersig_json::write_go_doc(c, &sig, &mut |piece: &[u8]| w.put(piece));
    let adler = adler32(w.buf.get(7..w.at).unwrap_or_default());
    w.put(&zlib::stored_tail(adler));
    debug_assert_eq!(w.at, zlib_len);

    base64::encode_in_place(Alphabet::Tencent, out, zlib_len);
    Ok(needed)
}

/// Writes pieces one after another into a buffer sized for them in advance.
struct Cursor<'a> {
    buf: &'a mut [u8],
    at: usize,
}

impl Cursor<'_> {
    fn put(&mut self, bytes: &[u8]) {
        if let Some(dst) = self.buf.get_mut(self.at..self.at + bytes.len()) {
            copy_short(dst, bytes);
        }
        self.at += bytes.len();
    }
}

/// A generated UserSig held on the stack (up to [`UserSig::MAX_LEN`] bytes): the safe-Rust
/// convenience over [`usersig_gen`].
#[derive(Clone)]
pub struct UserSig {
    buf: [u8; MAX_LEN],
    len: usize,
}

// The C header has its own `LIVESIGN_USERSIG_*` twins of these constants.
/// cbindgen:ignore
impl UserSig {
    /// A size that always fits a UserSig livesign generates, and the longest it reads
    /// (`LIVESIGN_USERSIG_MAX_LEN` in C).
    pub const MAX_LEN: usize = MAX_LEN;
    /// The latest expiry (`now + expire_s`) generation accepts: `i64::MAX`, the largest the
    /// official verifiers read (`LIVESIGN_USERSIG_MAX_EXPIRES_AT` in C).
    pub const MAX_EXPIRES_AT: u64 = MAX_EXPIRES_AT;
    /// The longest identifier accepted, in UTF-8 bytes.
    pub const MAX_IDENTIFIER_LEN: usize = MAX_IDENTIFIER_LEN;
    /// The longest userbuf accepted, in bytes.
    pub const MAX_USERBUF_LEN: usize = MAX_USERBUF_LEN;

    /// Generates a UserSig; see [`usersig_gen`] for the parameters and errors.
    pub fn new(
        key: &HmacKey,
        sdkappid: u64,
        identifier: &str,
        expire_s: u64,
        now: u64,
        userbuf: &[u8],
    ) -> Result<Self, Error> {
        let mut buf = [0u8; MAX_LEN];
        let len = usersig_gen(key, sdkappid, identifier, expire_s, now, userbuf, &mut buf)?;
        Ok(Self { buf, len })
    }

    /// Generates a PrivateMapKey; see [`super::privmap_gen`] for the parameters and errors.
    pub fn private_map_key(
        key: &HmacKey,
        sdkappid: u64,
        identifier: &str,
        expire_s: u64,
        now: u64,
        room: super::Room<'_>,
        privileges: u32,
    ) -> Result<Self, Error> {
        let mut buf = [0u8; MAX_LEN];
        let len = super::privmap_gen(key, sdkappid, identifier, expire_s, now, room, privileges, &mut buf)?;
        Ok(Self { buf, len })
    }

    /// The token as ASCII bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    /// The token as text (it is ASCII: Tencent's base64 alphabet).
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}

impl core::fmt::Display for UserSig {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl core::fmt::Debug for UserSig {
    // A UserSig is a bearer credential (an administrator's one is its REST password, seed
    // 002): logging a value with `{:?}` must not leak it. `Display` and `as_str` give the token.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "UserSig(<{} bytes>)", self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    fn vectors() -> Vec<serde_json::Value> {
        let doc: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/vectors/usersig.json")).expect("usersig.json");
        doc["vectors"].as_array().unwrap().clone()
    }

    fn userbuf(v: &serde_json::Value) -> Vec<u8> {
        let hex = v["userbuf_hex"].as_str().unwrap_or("");
        (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect()
    }

    #[test]
    fn content_matches_every_vector() {
        let all = vectors();
        assert!(!all.is_empty());
        for v in &all {
            let ub = userbuf(v);
            let text = with_userbuf_b64(&ub, |b64| {
                let c = Claims::new(
                    v["identifier"].as_str().unwrap().as_bytes(),
                    v["sdkappid"].as_u64().unwrap(),
                    v["time"].as_u64().unwrap(),
                    v["expire"].as_u64().unwrap(),
                    b64,
                );
                c.content(|parts| parts.concat())
            });
            assert_eq!(String::from_utf8(text).unwrap(), v["hmac_content"].as_str().unwrap(), "{}", v["case"]);
        }
    }

    #[test]
    fn length_function_matches_the_writer() {
        let key = HmacKey::new(KEY).unwrap();
        let ids =
            ["", "0", "xiaojun", "a\"b\\c/d<e>&f", "用户_Zoë😀", "\u{1}\u{8}\u{c}\n\r\t\u{1f}\u{7f}\u{2028}\u{2029}"];
        for id in ids {
            let last = [(u64::MAX, MAX_EXPIRES_AT / 2, MAX_EXPIRES_AT / 2 + 1), (u64::MAX, MAX_EXPIRES_AT, 0)];
            for (sdk, now, expire) in [(0, 0, 0), (1400000000, 1700000000, 86400), last[0], last[1]] {
                for ub_len in [0, 1, 2, 3, 100, MAX_USERBUF_LEN] {
                    let ub = vec![0x5a; ub_len];
                    let mut out = vec![0u8; MAX_LEN];
                    let n = usersig_gen(&key, sdk, id, expire, now, &ub, &mut out).unwrap();
                    assert_eq!(usersig_len(sdk, id, expire, now, ub_len), Ok(n), "{id:?} {sdk} {ub_len}");
                    assert_eq!(
                        usersig_gen(&key, sdk, id, expire, now, &ub, &mut out[..n - 1]),
                        Err(Error::BufferTooSmall { needed: n })
                    );
                }
            }
        }
    }

    #[test]
    fn the_largest_inputs_fit_max_len() {
        let key = HmacKey::new(KEY).unwrap();
        let id = "\u{1}".repeat(MAX_IDENTIFIER_LEN);
        let ub = [0xffu8; MAX_USERBUF_LEN];
        let mut out = [0u8; MAX_LEN];
        // The longest token written: both times 19 digits, summing to MAX_EXPIRES_AT.
        let (expire, now) = (MAX_EXPIRES_AT / 2 + 1, MAX_EXPIRES_AT / 2);
        let n = usersig_gen(&key, u64::MAX, &id, expire, now, &ub, &mut out).unwrap();
        assert!(n <= MAX_LEN && MAX_LEN - n == 4, "{n}: the read limit keeps room for 20-digit times");
        assert_eq!(usersig_len(u64::MAX, &id, expire, now, MAX_USERBUF_LEN), Ok(n));
        for (expire, now) in [(expire + 1, now), (expire, now + 1), (u64::MAX, 0), (0, u64::MAX), (u64::MAX, u64::MAX)]
        {
            assert_eq!(usersig_gen(&key, 1, "a", expire, now, b"", &mut out), Err(Error::InvalidArgument));
            assert_eq!(usersig_len(1, "a", expire, now, 0), Err(Error::InvalidArgument));
        }
        assert!(usersig_gen(&key, 1, "a", MAX_EXPIRES_AT, 0, b"", &mut out).is_ok());
        assert!(usersig_gen(&key, 1, "a", 0, MAX_EXPIRES_AT, b"", &mut out).is_ok());
        let too_long = "a".repeat(MAX_IDENTIFIER_LEN + 1);
        assert_eq!(usersig_gen(&key, 1, &too_long, 1, 1, b"", &mut out), Err(Error::InvalidArgument));
        assert_eq!(usersig_gen(&key, 1, "a", 1, 1, &[0; MAX_USERBUF_LEN + 1], &mut out), Err(Error::InvalidArgument));
        assert_eq!(usersig_len(1, "a", 1, 1, MAX_USERBUF_LEN + 1), Err(Error::InvalidArgument));
    }
}
