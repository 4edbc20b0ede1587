//! The settings Huawei's URL validation ("Key防盗链", console or API `auth_type` `a_md5` /
//! `b_md5` / `d_sha256`) accepts: the key and the validity duration. The same key rule and
//! duration bounds apply to methods A, B and D.

use crate::Error;
use crate::limits::{self, Limits};

/// Bounds of Huawei's URL validation settings.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct UrlAuth;

// Rust-only constants: the doc line below keeps cbindgen from copying them into the C header
// (the C API has its own LIVESIGN_ constants in src/ffi/).
/// cbindgen:ignore
impl UrlAuth {
    /// A URL validation key is exactly this many characters: ASCII letters and digits, not all
    /// digits and not all letters ("不可为纯数字或纯字母").
    pub const KEY_LEN: usize = 32;
    /// Shortest validity duration Huawei's console accepts (60 s).
    pub const MIN_DURATION_S: u32 = 60;
    /// Longest validity duration Huawei's console accepts (30 days).
    pub const MAX_DURATION_S: u32 = 2_592_000;
    /// The largest `txTime` the method-B builder writes and its verifier reads as hex:
    /// `ffffffff` (2106-02-07), 8 hex digits, as every documented `txTime` has.
    pub const B_MAX_TX_TIME: u64 = crate::txsecret::MAX_EXPIRY;
    /// The smallest `txTime` the method-B builder writes and its verifier reads: `10000000`
    /// (1978-07-04), the first time of 8 hex digits (see [`crate::huawei::url_b_verify`]).
    pub const B_MIN_TX_TIME: u64 = crate::txsecret::MIN_EXPIRY;
    /// The largest timestamp the method-A builder writes in hex, and the largest hex one its
    /// verifier reads: `ffffffff` (2106-02-07), like `txTime`.
    pub const A_MAX_HEX_TIMESTAMP: u64 = crate::authkey::HEX_MAX_TIMESTAMP;
    /// The largest `hwTime` the method-D builder writes and its verifier reads: `ffffffff`
    /// (2106-02-07), 8 hex digits (see [`crate::huawei::url_d_verify`]).
    pub const D_MAX_HW_TIME: u64 = crate::text::HEX_TIME_MAX;
    /// The smallest `hwTime` the method-D builder writes and its verifier reads: `10000000`
    /// (1978-07-04), the first time of 8 hex digits (see [`crate::huawei::url_d_verify`]).
    pub const D_MIN_HW_TIME: u64 = crate::text::HEX_TIME_MIN;

    /// Whether `key` follows the key rule ([`UrlAuth::KEY_LEN`]). Not an early-exit scan, so
    /// its time depends only on the key's length.
    pub fn key_valid(key: &[u8]) -> bool {
        // Bit flags OR-ed over the key, so the loop has no branch and vectorises.
        let seen = key.iter().fold(0u8, |seen, &b| {
            let digit = u8::from(b.is_ascii_digit());
            let letter = u8::from(b.is_ascii_alphabetic());
            seen | digit | (letter << 1) | ((1 ^ (digit | letter)) << 2)
        });
        key.len() == Self::KEY_LEN && seen == 0b011
    }

    pub(crate) fn duration_valid(duration_s: u32) -> bool {
        (Self::MIN_DURATION_S..=Self::MAX_DURATION_S).contains(&duration_s)
    }

    /// The argument checks of the stream-name methods' verifiers (B and D), which come before
    /// the key rule: `InvalidArgument` for an empty stream name or one over
    /// [`crate::Limits::MAX_ID_LEN`], a URL over [`crate::Limits::MAX_URL_LEN`], or a duration
    /// out of bounds.
    pub(crate) fn check_verify_args(stream: &str, url: &[u8], duration_s: u32) -> Result<(), Error> {
        Self::check_stream(stream)?;
        limits::check(url, Limits::MAX_URL_LEN)?;
        if Self::duration_valid(duration_s) { Ok(()) } else { Err(Error::InvalidArgument) }
    }

    /// A stream name of the stream-name methods (B and D): 1 to [`crate::Limits::MAX_ID_LEN`]
    /// bytes, else `InvalidArgument`.
    pub(crate) fn check_stream(stream: &str) -> Result<(), Error> {
        let len_ok = (1..=Limits::MAX_ID_LEN).contains(&stream.len());
        if len_ok { Ok(()) } else { Err(Error::InvalidArgument) }
    }
}

#[cfg(test)]
mod tests {
    use super::UrlAuth;

    #[test]
    fn key_rule() {
        assert!(UrlAuth::key_valid(b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enly"));
        assert!(UrlAuth::key_valid(b"0123456789abcdef0123456789ABCDEF"));
        for bad in [
            &b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enl"[..],
            b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enlyx",
            b"01234567890123456789012345678901",
            b"abcdefghijklmnopqrstuvwxyzABCDEF",
            b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enl-",
            b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enl\xe9",
            b"",
        ] {
            assert!(!UrlAuth::key_valid(bad), "{bad:?}");
        }
        for b in 0..=255u8 {
            let mut key = [b; UrlAuth::KEY_LEN];
            key[..2].copy_from_slice(b"a1");
            assert_eq!(UrlAuth::key_valid(&key), b.is_ascii_alphanumeric(), "{b}");
        }
        assert!(!UrlAuth::duration_valid(59) && UrlAuth::duration_valid(60));
        assert!(UrlAuth::duration_valid(2_592_000) && !UrlAuth::duration_valid(2_592_001));
    }
}
