//! TRTC event callbacks (room and media events): the `Sign` request header is
//! `base64(HMAC-SHA256(callback key, body))`, standard alphabet with padding, computed over
//! the raw body bytes exactly as received (Tencent: "do not make any modifications"; the
//! body's `\n\t` layout is part of what is signed, so it is never parsed and re-serialised).
//!
//! The callback key is chosen in the TRTC console: at most 32 characters, letters and digits.
//! The body's `CallbackTs` is the send time in milliseconds; [`callback_ts`] and
//! [`check_age`] turn it into a replay window, a separate step after [`verify`].

use crate::base64::{self, Alphabet};
use crate::digest::hmac;
use crate::limits::{self, Limits};
use crate::text::{ct_eq, ct_eq_wipe};
use crate::{Error, HmacKey, expiry, json, keyring};

/// Longest callback key the TRTC console accepts (`LIVESIGN_TRTC_CALLBACK_KEY_MAX_LEN`).
pub(crate) const KEY_MAX_LEN: usize = 32;

/// A `Sign` header value: 44 characters of standard base64.
#[derive(Clone, Copy)]
pub struct Sign([u8; Sign::LEN]);

impl Sign {
    /// Length of a sign in bytes (`LIVESIGN_TRTC_CALLBACK_SIGN_LEN` in C).
    pub const LEN: usize = base64::encoded_len(hmac::LEN);

    /// The sign as text.
    pub fn as_str(&self) -> &str {
        // Only base64::encode writes these bytes, and it writes ASCII.
        core::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The sign as ASCII bytes.
    pub fn as_bytes(&self) -> &[u8; Sign::LEN] {
        &self.0
    }
}

/// Constant time: a sign is derived from the key, and a caller comparing a computed sign with
/// a received one must not learn how many leading bytes matched.
impl PartialEq for Sign {
    fn eq(&self, other: &Self) -> bool {
        ct_eq(&self.0, &other.0)
    }
}

impl Eq for Sign {}

impl core::hash::Hash for Sign {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl core::fmt::Display for Sign {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl core::fmt::Debug for Sign {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Sign({})", self.as_str())
    }
}

/// Checks a callback key against the console's rules: 1 to 32 characters, each an ASCII
/// letter or digit. [`Error::InvalidKey`] otherwise.
///
/// The `_keyed` functions can check only the length (a loaded [`HmacKey`] keeps no key
/// bytes), so check a key with this before loading it.
pub fn check_key(key: &[u8]) -> Result<(), Error> {
    check_key_len(key.len())?;
    if key.iter().all(u8::is_ascii_alphanumeric) { Ok(()) } else { Err(Error::InvalidKey) }
}

fn check_key_len(len: usize) -> Result<(), Error> {
    if (1..=KEY_MAX_LEN).contains(&len) { Ok(()) } else { Err(Error::InvalidKey) }
}

/// The `Sign` TRTC sends with `body` (for tests and test rigs that play Tencent's part).
///
/// Errors: [`Error::InvalidArgument`] for a body over [`crate::Limits::MAX_BODY_LEN`], then
/// [`Error::InvalidKey`] when the key breaks [`check_key`].
pub fn sign(key: &[u8], body: &[u8]) -> Result<Sign, Error> {
    limits::check(body, Limits::MAX_BODY_LEN)?;
    check_key(key)?;
    sign_keyed(&HmacKey::new(key)?, body)
}

/// [`sign`] with a loaded key. Errors: [`Error::InvalidArgument`] for a body over
/// [`crate::Limits::MAX_BODY_LEN`], then [`Error::InvalidKey`] for a key over 32 bytes.
pub fn sign_keyed(key: &HmacKey, body: &[u8]) -> Result<Sign, Error> {
    limits::check(body, Limits::MAX_BODY_LEN)?;
    check_key_len(key.key_len())?;
    Ok(Sign(base64::encode_sha256_words(Alphabet::Standard, &key.mac_words(&[body]))))
}

/// Verifies the `Sign` header `sign` of the raw callback `body` under the callback key.
///
/// The checks run in this order and the first failure is returned:
/// [`Error::InvalidArgument`] (a body over [`crate::Limits::MAX_BODY_LEN`]),
/// [`Error::InvalidKey`] (the key breaks [`check_key`]), [`Error::Malformed`] (`sign` is not
/// the canonical padded standard base64 of 32 bytes: no whitespace, no URL-safe alphabet),
/// [`Error::SignatureMismatch`] (compared in constant time over the decoded bytes).
pub fn verify(key: &[u8], body: &[u8], sign: &[u8]) -> Result<(), Error> {
    limits::check(body, Limits::MAX_BODY_LEN)?;
    check_key(key)?;
    verify_keyed(&HmacKey::new(key)?, body, sign)
}

/// [`verify`] with a loaded key; the key's characters cannot be checked here (see
/// [`check_key`]), its length can: [`Error::InvalidKey`] over 32 bytes (after
/// [`Error::InvalidArgument`] for a body over [`crate::Limits::MAX_BODY_LEN`]).
pub fn verify_keyed(key: &HmacKey, body: &[u8], sign: &[u8]) -> Result<(), Error> {
    limits::check(body, Limits::MAX_BODY_LEN)?;
    check_key_len(key.key_len())?;
    let claimed = decode_sign(sign)?;
    if ct_eq_wipe(&mut key.mac(&[body]), &claimed) { Ok(()) } else { Err(Error::SignatureMismatch) }
}

/// [`verify`] against a key ring (the current key and the ones it replaced, up to 8): returns
/// the index of the first key that matches. Every key is checked against the rules first,
/// and every key is tried, so the time taken does not depend on which one matched.
///
/// Errors, in order: [`Error::InvalidArgument`] for a body over
/// [`crate::Limits::MAX_BODY_LEN`], no key or more than 8, [`Error::InvalidKey`] when any key
/// breaks [`check_key`], [`Error::Malformed`] for a malformed `sign`,
/// [`Error::SignatureMismatch`] when no key matches.
pub fn verify_ring(keys: &[&[u8]], body: &[u8], sign: &[u8]) -> Result<usize, Error> {
    ring(keys, body, sign, |k| check_key(k).is_ok(), |k| HmacKey::new(k).ok().map(|key| key.mac(&[body])))
}

/// [`verify_ring`] with loaded keys; as for [`verify_keyed`], only each key's length can be
/// checked ([`Error::InvalidKey`] over 32 bytes).
pub fn verify_ring_keyed(keys: &[HmacKey], body: &[u8], sign: &[u8]) -> Result<usize, Error> {
    ring(keys, body, sign, |k| check_key_len(k.key_len()).is_ok(), |k| Some(k.mac(&[body])))
}

/// The ring verification both kinds of key share: `valid` is the key rule, `mac` the body's
/// MAC under a key (`None`: no MAC, so no match).
fn ring<K>(
    keys: &[K],
    body: &[u8],
    sign: &[u8],
    valid: impl Fn(&K) -> bool,
    mac: impl Fn(&K) -> Option<[u8; hmac::LEN]>,
) -> Result<usize, Error> {
    limits::check(body, Limits::MAX_BODY_LEN)?;
    let claimed = decode_sign(sign);
    let found = keyring::find(keys, valid, |k| {
        claimed.as_ref().is_ok_and(|c| mac(k).is_some_and(|mut m| ct_eq_wipe(&mut m, c)))
    });
    match (found, claimed) {
        // The key checks come first; a malformed sign outranks "no key matched".
        (Err(Error::SignatureMismatch), Err(e)) => Err(e),
        (found, _) => found,
    }
}

/// The strict decoding of a claimed sign: exactly the 44-character encoding of 32 bytes.
fn decode_sign(sign: &[u8]) -> Result<[u8; hmac::LEN], Error> {
    let mut mac = [0u8; hmac::LEN];
    let len = base64::decode(Alphabet::Standard, sign, &mut mac).map_err(|_| Error::Malformed)?.len();
    if len == hmac::LEN { Ok(mac) } else { Err(Error::Malformed) }
}

/// The body's `CallbackTs`: the send time in Unix milliseconds. Read it only from a body
/// that [`verify`] accepted: before that it is whatever a forger wrote.
///
/// Errors: [`Error::InvalidArgument`] for a body over [`crate::Limits::MAX_BODY_LEN`];
/// [`Error::Malformed`] when the body is not a strict JSON object, or `CallbackTs` is missing,
/// present twice, or not a non-negative integer that fits in 64 bits.
pub fn callback_ts(body: &[u8]) -> Result<u64, Error> {
    limits::check(body, Limits::MAX_BODY_LEN)?;
    json::parse_lookup(body, [b"CallbackTs"])?[0].and_then(|v| v.as_u64()).ok_or(Error::Malformed)
}

/// The replay window: [`Error::Expired`] when a callback sent at `callback_ts_ms` is older
/// than `max_age_s` at `now` (Unix seconds), i.e. `now > callback_ts_ms / 1000 + max_age_s`
/// (saturating). `max_age_s` includes the clock skew between Tencent and this server;
/// Tencent retries a failed callback for one minute, so keep it above 60 s (300 s is the
/// usual webhook window). A timestamp in the future is accepted: it cannot be forged on a
/// verified body and only means the clocks differ.
pub fn check_age(callback_ts_ms: u64, now: u64, max_age_s: u32) -> Result<(), Error> {
    expiry::check(callback_ts_ms / 1000, now, max_age_s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The body of Tencent's documented example (product 647/90450), with the key of
    /// `tencent.trtc.callback` in the shared vectors.
    const BODY: &[u8] = b"{\n\t\"EventGroupId\":\t1,\n\t\"EventType\":\t103,\n\t\"CallbackTs\":\t1615554923704,\n\t\"EventInfo\":\t{\n\t\t\"RoomId\":\t12345,\n\t\t\"EventTs\":\t1608441737,\n\t\t\"UserId\":\t\"test\",\n\t\t\"UniqueId\":\t1615554922656,\n\t\t\"Role\":\t20,\n\t\t\"Reason\":\t1\n\t}\n}";
    const SIGN: &[u8] = b"IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+Uo=";

    #[test]
    fn documented_body() {
        assert_eq!(sign(b"123654", BODY).unwrap().as_bytes(), SIGN);
        assert_eq!(verify(b"123654", BODY, SIGN), Ok(()));
        assert_eq!(callback_ts(BODY), Ok(1615554923704));
    }

    #[test]
    fn order_of_checks() {
        assert_eq!(verify(b"", BODY, b"x"), Err(Error::InvalidKey));
        assert_eq!(verify(b"123654", BODY, b"x"), Err(Error::Malformed));
        assert_eq!(verify(b"123655", BODY, SIGN), Err(Error::SignatureMismatch));
        assert_eq!(verify_ring(&[b"123655", b"12_"], BODY, b"x"), Err(Error::InvalidKey));
        assert_eq!(verify_ring(&[b"123655"], BODY, b"x"), Err(Error::Malformed));
        assert_eq!(verify_ring(&[b"123655"], BODY, SIGN), Err(Error::SignatureMismatch));
        assert_eq!(verify_ring(&[b"123655", b"123654"], BODY, SIGN), Ok(1));
    }

    #[test]
    fn replay_window() {
        let sent = 1615554923; // CallbackTs 1615554923704 ms
        assert_eq!(check_age(1615554923704, sent + 300, 300), Ok(()));
        assert_eq!(check_age(1615554923704, sent + 301, 300), Err(Error::Expired));
        assert_eq!(check_age(1615554923704, 0, 0), Ok(()));
        assert_eq!(check_age(u64::MAX, u64::MAX / 1000, 0), Ok(()));
    }
}
