//! The settings Huawei's URL validation ("Key防盗链", console or API `auth_type` `a_md5` /
//! `d_sha256`) accepts: the key and the validity duration. The same key rule applies to
//! methods A and D.

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

    /// Whether `key` follows the key rule ([`UrlAuth::KEY_LEN`]). Not an early-exit scan, so
    /// its time depends only on the key's length.
    pub fn key_valid(key: &[u8]) -> bool {
        let (alnum, letter, digit) = key.iter().fold((true, false, false), |(alnum, letter, digit), &b| {
            (alnum & b.is_ascii_alphanumeric(), letter | b.is_ascii_alphabetic(), digit | b.is_ascii_digit())
        });
        key.len() == Self::KEY_LEN && alnum & letter & digit
    }

    pub(crate) fn duration_valid(duration_s: u32) -> bool {
        (Self::MIN_DURATION_S..=Self::MAX_DURATION_S).contains(&duration_s)
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
        assert!(!UrlAuth::duration_valid(59) && UrlAuth::duration_valid(60));
        assert!(UrlAuth::duration_valid(2_592_000) && !UrlAuth::duration_valid(2_592_001));
    }
}
