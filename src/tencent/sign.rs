//! Tencent CSS `t + sign`: `sign = lowercase hex MD5(key + decimal t)`, where `t` is the
//! Unix time at which the request or notification stops being valid (seeds 000, 001, 003).

use crate::digest::md5::{self, md5};
use crate::text::{Decimal, Hex, ct_eq_wipe, parse_hex_lower};
use crate::{Error, expiry, limits};

/// A Tencent `sign` (or `txSecret`): 32 lowercase hex characters, the crate's [`Hex`] text;
/// `Sign::LEN` is its length (`LIVESIGN_TENCENT_SIGN_LEN` in C).
pub type Sign = Hex<{ 2 * md5::LEN }>;

/// Signs `t` (the expiry, Unix seconds) under `key`, the CGI/callback key of the CSS console.
///
/// Errors: [`Error::InvalidKey`] when `key` is empty or longer than
/// [`crate::Limits::MAX_KEY_LEN`].
pub fn sign(key: &[u8], t: u64) -> Result<Sign, Error> {
    check_key(key)?;
    Ok(Hex::encode(&digest(key, t)))
}

/// Verifies a `t` and `sign` pair received at time `now`, tolerating `leeway_s` seconds of
/// clock skew on the expiry.
///
/// The checks run in this order and the first failure is returned:
/// [`Error::InvalidKey`] (empty key, or over 1 KiB), [`Error::Malformed`] (`sign` is not 32 lowercase hex
/// characters), [`Error::SignatureMismatch`] ("sign invalid", compared in constant time),
/// [`Error::Expired`] ("time expired", `now > t + leeway_s`, saturating). A forged sign is
/// therefore reported as a mismatch even when `t` has also passed.
pub fn verify(key: &[u8], t: u64, sign: &[u8], now: u64, leeway_s: u32) -> Result<(), Error> {
    check_key(key)?;
    // The claimed sign is public: decoding it (rather than hex-encoding our secret-derived
    // digest) keeps every operation on the expected value constant-time.
    let claimed: [u8; md5::LEN] = parse_hex_lower(sign).ok_or(Error::Malformed)?;
    if !ct_eq_wipe(&mut digest(key, t), &claimed) {
        return Err(Error::SignatureMismatch);
    }
    expiry::check(t, now, leeway_s)
}

/// Tencent's only key rule: not empty (keys are free text chosen in the console); livesign's
/// own bound, [`crate::Limits::MAX_KEY_LEN`], on top.
pub(crate) fn check_key(key: &[u8]) -> Result<(), Error> {
    if limits::key_len_ok(key) { Ok(()) } else { Err(Error::InvalidKey) }
}

fn digest(key: &[u8], t: u64) -> [u8; md5::LEN] {
    md5(&[key, Decimal::new(t).as_bytes()])
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"5d41402abc4b2a76b9719d911017c592";

    #[test]
    fn seed_003_example() {
        assert_eq!(sign(KEY, 1471850187).unwrap().as_str(), "b17971b51ba0fe5916ddcd96692e9fb3");
    }

    #[test]
    fn order_of_checks() {
        let s = sign(KEY, 100).unwrap();
        assert_eq!(verify(b"", 100, s.as_bytes(), 0, 0), Err(Error::InvalidKey));
        assert_eq!(verify(KEY, 100, b"zz", 500, 0), Err(Error::Malformed));
        assert_eq!(verify(KEY, 101, s.as_bytes(), 500, 0), Err(Error::SignatureMismatch));
        assert_eq!(verify(KEY, 100, s.as_bytes(), 500, 0), Err(Error::Expired));
        assert_eq!(verify(KEY, 100, s.as_bytes(), 100, 0), Ok(()));
    }

    #[test]
    fn uppercase_sign_is_malformed_not_accepted() {
        let s = sign(KEY, 100).unwrap().as_str().to_ascii_uppercase();
        assert_eq!(verify(KEY, 100, s.as_bytes(), 0, 0), Err(Error::Malformed));
    }
}
