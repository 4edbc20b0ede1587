//! Tencent CSS `t + sign` verification against a reference signer (the `md-5` crate): the
//! Rust and C verifiers return exactly the status the documented rules give, so a sign that is
//! not the key's MD5 of `t` is never accepted, and a right one is judged on expiry alone.

use livesign::Error;
use livesign::ffi::status::livesign_status;
use livesign::ffi::tencent::{livesign_tencent_sign, livesign_tencent_verify};
use livesign::tencent;

use super::input::{Input, Writer};
use super::reference;

/// Input layout: `t`, `now` (u64), `leeway` (u32), `mode`, `key` (field), `sign` (rest).
/// `mode & 3` picks the sign: 0 as given, 1 the right one, 2 the right one with one byte
/// changed (position and value from `mode` and `sign`), 3 the right one in uppercase.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let (t, now, leeway, mode) = (input.u64(), input.u64(), input.u32(), input.byte());
    let key = input.field();
    let given = input.rest();
    let right = reference::tencent_sign(key, t);
    let sign = match mode & 3 {
        0 => given.to_vec(),
        1 => right.clone().into_bytes(),
        2 => {
            let mut s = right.clone().into_bytes();
            let i = usize::from(mode >> 2) % s.len();
            s[i] = s[i].wrapping_add(given.first().copied().unwrap_or(1).max(1));
            s
        }
        _ => right.to_ascii_uppercase().into_bytes(),
    };
    verify_agrees(key, t, &sign, now, leeway);
}

/// What the rules say `verify` must return.
pub fn expected(key: &[u8], t: u64, sign: &[u8], now: u64, leeway: u32) -> Result<(), Error> {
    let well_formed = sign.len() == 32 && sign.iter().all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c));
    if key.is_empty() {
        Err(Error::InvalidKey)
    } else if !well_formed {
        Err(Error::Malformed)
    } else if sign != reference::tencent_sign(key, t).as_bytes() {
        Err(Error::SignatureMismatch)
    } else if !reference::fresh(t, now, leeway) {
        Err(Error::Expired)
    } else {
        Ok(())
    }
}

/// The safe and C verifiers and signers against the rules.
pub fn verify_agrees(key: &[u8], t: u64, sign: &[u8], now: u64, leeway: u32) {
    let want = expected(key, t, sign, now, leeway);
    assert_eq!(tencent::verify(key, t, sign, now, leeway), want, "t {t} now {now} leeway {leeway}");
    // SAFETY: key and sign are valid for their lengths.
    let c = unsafe { livesign_tencent_verify(key.as_ptr(), key.len(), t, sign.as_ptr(), sign.len(), now, leeway) };
    assert_eq!(c as u32, want.map_or_else(Error::code, |()| 0));
    let mut out = [0u8; 32];
    // SAFETY: key is valid for its length; out holds LIVESIGN_TENCENT_SIGN_LEN bytes.
    let c = unsafe { livesign_tencent_sign(key.as_ptr(), key.len(), t, out.as_mut_ptr()) };
    match tencent::sign(key, t) {
        Ok(s) => {
            assert_eq!(s.as_str(), reference::tencent_sign(key, t));
            assert_eq!((c, &out), (livesign_status::LIVESIGN_OK, s.as_bytes()));
        }
        Err(e) => {
            assert!(key.is_empty());
            assert_eq!((e, c as u32), (Error::InvalidKey, Error::InvalidKey.code()));
        }
    }
}

/// A seed: the input that makes [`check`] verify `sign` for `key` and `t` at `now`.
pub fn seed(key: &[u8], t: u64, now: u64, leeway: u32, mode: u8, sign: &[u8]) -> Vec<u8> {
    Writer::new().u64(t).u64(now).u32(leeway).byte(mode).field(key).rest(sign)
}
