//! Allocation-free text pieces shared by every provider: hex, decimal, constant-time compare.
//!
//! Hex encoding is arithmetic rather than a lookup table so that encoding a secret-derived
//! value never indexes memory with secret bits.

use subtle::ConstantTimeEq;
use zeroize::Zeroize;

use crate::Error;

/// Encodes `src` as lowercase hex into `dst`, which must be exactly twice as long.
pub(crate) fn hex_lower(src: &[u8], dst: &mut [u8]) {
    debug_assert_eq!(dst.len(), src.len() * 2);
    let (words, rest) = src.as_chunks::<4>();
    let (out_words, out_rest) = dst.split_at_mut(words.len() * 8);
    for (out, word) in out_words.as_chunks_mut::<8>().0.iter_mut().zip(words) {
        *out = hex_word(*word);
    }
    for (pair, &b) in out_rest.chunks_exact_mut(2).zip(rest) {
        pair[0] = hex_digit(b >> 4);
        pair[1] = hex_digit(b & 0x0f);
    }
}

/// Four bytes to eight lowercase hex digits in one 64-bit register (SWAR): spread each byte
/// over 16 bits, split it into its two nibbles (high nibble first in memory), then turn every
/// nibble lane into its digit with the same branch-free gap as [`hex_digit`].
#[inline(always)]
fn hex_word(b: [u8; 4]) -> [u8; 8] {
    const LANES: u64 = 0x0101_0101_0101_0101;
    let x = u64::from(u32::from_le_bytes(b));
    let x = (x | (x << 16)) & 0x0000_ffff_0000_ffff;
    let x = (x | (x << 8)) & 0x00ff_00ff_00ff_00ff;
    let nibbles = ((x >> 4) & 0x000f_000f_000f_000f) | ((x & 0x000f_000f_000f_000f) << 8);
    // A lane is 10..=15 exactly when adding 6 carries into bit 4.
    let letters = ((nibbles + 6 * LANES) >> 4) & LANES;
    (nibbles + u64::from(b'0') * LANES + letters * u64::from(b'a' - b'0' - 10)).to_le_bytes()
}

/// `0..=15` to `b'0'..=b'9' | b'a'..=b'f'` without a branch or a table.
#[inline(always)]
fn hex_digit(n: u8) -> u8 {
    // For n > 9, (9 - n) is negative, so its high byte is all ones and adds the gap 'a'-'0'-10.
    let gap = ((9i16 - n as i16) >> 8) as u8 & (b'a' - b'0' - 10);
    b'0' + n + gap
}

/// Decodes exactly `2 * N` lowercase hex characters; anything else is `None`.
/// The input is attacker-supplied and public, so early exits leak nothing.
pub(crate) fn parse_hex_lower<const N: usize>(src: &[u8]) -> Option<[u8; N]> {
    decode_hex(src, false)
}

/// Nibble values by character, `0xff` for a character that is not a digit of the alphabet.
/// Indexing by the claimed text is fine: it is public (only encoding touches secrets).
const fn nibble_table(upper: bool) -> [u8; 256] {
    let mut t = [0xffu8; 256];
    let mut i = 0;
    while i < 16 {
        let lower = b"0123456789abcdef"[i];
        t[lower as usize] = i as u8;
        if upper {
            t[lower.to_ascii_uppercase() as usize] = i as u8;
        }
        i += 1;
    }
    t
}
static LOWER_NIBBLES: [u8; 256] = nibble_table(false);
static ANY_NIBBLES: [u8; 256] = nibble_table(true);

/// Exactly `2 * N` hex characters: eight at a time in a 64-bit register ([`hex_word_decode`]),
/// the rest through a nibble table; one validity check at the end instead of one per character.
fn decode_hex<const N: usize>(src: &[u8], any_case: bool) -> Option<[u8; N]> {
    if src.len() != 2 * N {
        return None;
    }
    let table = if any_case { &ANY_NIBBLES } else { &LOWER_NIBBLES };
    let mut out = [0u8; N];
    let (words, tail) = src.as_chunks::<8>();
    let (out_words, out_tail) = out.split_at_mut(words.len() * 4);
    let mut valid = true;
    for (o, w) in out_words.as_chunks_mut::<4>().0.iter_mut().zip(words) {
        let (bytes, ok) = hex_word_decode(*w, any_case);
        *o = bytes;
        valid &= ok;
    }
    let mut invalid = 0u8;
    for (o, &[hi, lo]) in out_tail.iter_mut().zip(tail.as_chunks::<2>().0) {
        let (hi, lo) = (table[usize::from(hi)], table[usize::from(lo)]);
        invalid |= hi | lo;
        *o = (hi << 4) | (lo & 0x0f);
    }
    (valid && invalid & 0xf0 == 0).then_some(out)
}

/// Eight hex characters to four bytes (SWAR), and whether all eight were hex digits (`0-9`,
/// `a-f`, and `A-F` when `any_case`). Range checks add a per-lane bias so that the high bit
/// of each lane says "at least" / "at most"; ASCII-only input keeps lanes from carrying.
#[inline(always)]
fn hex_word_decode(chars: [u8; 8], any_case: bool) -> ([u8; 4], bool) {
    const LANES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_le_bytes(chars);
    let ascii = x & HIGH == 0;
    // Letters are checked lowercased when either case is allowed; digits on the original bytes
    // (lowercasing would turn control characters 0x10..=0x19 into digits).
    let l = if any_case { x | (0x20 * LANES) } else { x };
    let at_least = |v: u64, lo: u8| v.wrapping_add(u64::from(0x80 - lo) * LANES) & HIGH;
    let at_most = |v: u64, hi: u8| !v.wrapping_add(u64::from(0x7f - hi) * LANES) & HIGH;
    let digit = at_least(x, b'0') & at_most(x, b'9');
    let letter = at_least(l, b'a') & at_most(l, b'f');
    let valid = ascii && (digit | letter) == HIGH;
    let nibbles = (l & (0x0f * LANES)) + (letter >> 7) * 9;
    // Lane pairs (char 2k, char 2k+1) become byte k: high nibble first.
    let pairs = ((nibbles & 0x00ff_00ff_00ff_00ff) << 4) | ((nibbles >> 8) & 0x00ff_00ff_00ff_00ff);
    let packed = (pairs | (pairs >> 8)) & 0x0000_ffff_0000_ffff;
    let packed = (packed | (packed >> 16)) & 0xffff_ffff;
    ((packed as u32).to_le_bytes(), valid)
}

/// Decodes exactly `2 * N` hex characters of either case (`a-f`, `A-F`, mixed too): for
/// schemes whose documents do not pin the case of a received signature. The decoded bytes
/// are what gets compared, so accepting both cases adds no second valid spelling per byte
/// beyond the case itself.
pub(crate) fn parse_hex<const N: usize>(src: &[u8]) -> Option<[u8; N]> {
    decode_hex(src, true)
}

pub(crate) fn any_nibble(c: u8) -> Option<u8> {
    let v = ANY_NIBBLES[usize::from(c)];
    (v < 16).then_some(v)
}

/// Most digits a hex time of a signed URL may have: 8, the width of every hex time in Tencent's
/// and Huawei's documents (`5C271099`, `5eed5888`), enough until 2106-02-07 06:28:15 UTC.
pub(crate) const HEX_TIME_MAX_DIGITS: usize = 8;
/// The largest hex time: `ffffffff`.
pub(crate) const HEX_TIME_MAX: u64 = (1 << (4 * HEX_TIME_MAX_DIGITS)) - 1;
/// The smallest hex time of [`HEX_TIME_MAX_DIGITS`] digits: `10000000`, 1978-07-04 21:24:16 UTC.
pub(crate) const HEX_TIME_MIN: u64 = 1 << (4 * (HEX_TIME_MAX_DIGITS - 1));

/// A hex time that a signature joins to a text field (`txTime`, `hwTime`): exactly
/// [`HEX_TIME_MAX_DIGITS`] hex digits of either case, the first not `0` ([`HEX_TIME_MIN`] to
/// [`HEX_TIME_MAX`]), no `0x`, no sign, as [`HexU64`] writes such a time; anything else is
/// `None`.
///
/// `txSecret` and `hwSecret` sign the stream name and the time joined without a separator, so
/// the width is what keeps a captured URL's secret from covering another stream:
/// - a ninth digit would let any trailing stream character move in, giving a prefix stream a
///   far-future expiry (`room1` + `5C271099` = `room` + `15C271099`, valid until 2155);
/// - a leading zero would let a `0` move from the stream into the time with the same value
///   (`room10` + `5C271099` = `room1` + `05C271099`);
/// - a seventh-or-fewer-digit time would let a time character move out into the stream
///   (`room1a` + `6553FF10` = `room1a6` + `553FF10`): that time lies before 1978, but callers
///   pass windows (`valid_for_s`, `leeway_s`) of up to 136 years, which reach it.
///
/// With exactly 8 digits, every other split of a real time is malformed, whatever the window.
pub(crate) fn parse_hex_time(src: &[u8]) -> Option<u64> {
    if src.len() != HEX_TIME_MAX_DIGITS {
        return None;
    }
    parse_hex_time_any_width(src)
}

/// A hex time between separators (Huawei's hex `auth_key` time, `-` on both sides): 1 to
/// [`HEX_TIME_MAX_DIGITS`] hex digits of either case, no `0x`, no sign, no leading zero (`0`
/// alone is zero), as [`HexU64`] writes it; anything else is `None`. The separators fix where
/// the time starts and ends, so a short time cannot come from a moved boundary.
pub(crate) fn parse_hex_time_any_width(src: &[u8]) -> Option<u64> {
    if src.is_empty() || src.len() > HEX_TIME_MAX_DIGITS || (src.len() > 1 && src[0] == b'0') {
        return None;
    }
    src.iter().try_fold(0u64, |acc, &c| Some((acc << 4) | u64::from(any_nibble(c)?)))
}

/// The hex digits of a `u64` without leading zeros (`0` for zero), on the stack, as `%x` /
/// `%X` print them: how signed URLs write their times (`5eed5888`, `5C271099`).
#[derive(Clone, Copy)]
pub(crate) struct HexU64 {
    buf: [u8; HexU64::MAX_LEN],
    start: u8,
}

impl HexU64 {
    /// `u64::MAX` has 16 hex digits.
    pub(crate) const MAX_LEN: usize = 16;

    /// Lowercase digits (`5eed5888`).
    pub(crate) fn new(v: u64) -> Self {
        let mut buf = [0u8; Self::MAX_LEN];
        hex_lower(&v.to_be_bytes(), &mut buf);
        Self { buf, start: (Self::MAX_LEN - Self::digits(v)) as u8 }
    }

    /// Uppercase digits (`5C271099`). Times are public, so the case change may branch.
    pub(crate) fn upper(v: u64) -> Self {
        let mut hex = Self::new(v);
        hex.buf.make_ascii_uppercase();
        hex
    }

    /// How many digits `v` takes (1 to 16).
    pub(crate) const fn digits(v: u64) -> usize {
        let significant = (u64::BITS - v.leading_zeros()).div_ceil(4) as usize;
        if significant == 0 { 1 } else { significant }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[self.start as usize..]
    }
}

/// The decimal digits of a `u64`, written in place on the stack.
pub(crate) struct Decimal {
    buf: [u8; Decimal::MAX_LEN],
    start: u8,
}

impl Decimal {
    /// `u64::MAX` has 20 digits.
    pub(crate) const MAX_LEN: usize = 20;

    /// Groups of eight digits from the low end, as many as `v` needs (at most 20 digits: 8,
    /// 8, 4), each converted by [`eight_digits`] in a few lane-wise steps: the chain of five
    /// dependent divisions it replaces (two digits each) cost `t + sign` 4 of its 111 ns.
    pub(crate) fn new(v: u64) -> Self {
        const E8: u64 = 100_000_000;
        let mut buf = [0u8; Self::MAX_LEN];
        // Writes the group ending at `end` and returns where its significant digits start
        // (leading zero digits are zero bytes at the low end of its word); the group at the
        // top keeps its last `MAX_LEN - 16` = 4 digits.
        let mut group = |v: u64, end: usize| {
            let digits = eight_digits((v % E8) as u32);
            let text = (digits | ASCII_ZEROS).to_le_bytes();
            let from = end.saturating_sub(8);
            let skip = 8 - (end - from);
            if let (Some(dst), Some(src)) = (buf.get_mut(from..end), text.get(skip..)) {
                dst.copy_from_slice(src);
            }
            from + (digits.trailing_zeros() as usize / 8).saturating_sub(skip)
        };
        let low = group(v, 20);
        let mid = (v >= E8).then(|| group(v / E8, 12));
        let top = (v >= E8 * E8).then(|| group(v / E8 / E8, 4));
        // The highest group written holds the first significant digit; 0 is one "0".
        let start = top.or(mid).unwrap_or(low.min(Self::MAX_LEN - 1));
        Self { buf, start: start as u8 }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[self.start as usize..]
    }
}

const ASCII_ZEROS: u64 = 0x3030_3030_3030_3030;

/// The eight decimal digits of `v` (< 10^8, leading zeros included) as digit values 0–9 in
/// the bytes of a word, the first digit in the lowest byte (`to_le_bytes` gives text order).
/// Each step splits every lane in two with a multiply-shift that divides exactly in its range:
/// 10^4 (one 32-bit lane per half), then /100 in each 32-bit lane (`x·10486 >> 20` is exact
/// for x < 43 699), then /10 in each 16-bit lane (`x·103 >> 10`, exact for x < 179).
fn eight_digits(v: u32) -> u64 {
    let v = u64::from(v / 10_000) | (u64::from(v % 10_000) << 32);
    let hundreds = ((v * 10_486) >> 20) & 0x0000_007f_0000_007f;
    let v = hundreds | ((v - hundreds * 100) << 16);
    let tens = ((v * 103) >> 10) & 0x000f_000f_000f_000f;
    tens | ((v - tens * 10) << 8)
}

/// Fixed-length lowercase hex text: a signature as livesign writes it (`N` characters, e.g.
/// 64 for HMAC-SHA256, 32 for MD5). `Debug` and `Display` show the text: it is a signature,
/// never key material.
#[derive(Clone, Copy)]
pub struct Hex<const N: usize>([u8; N]);

/// Constant time: a signature is derived from a key, and a caller comparing a computed one
/// with a received one must not learn how many leading bytes matched.
impl<const N: usize> PartialEq for Hex<N> {
    fn eq(&self, other: &Self) -> bool {
        ct_eq(&self.0, &other.0)
    }
}

impl<const N: usize> Eq for Hex<N> {}

impl<const N: usize> core::hash::Hash for Hex<N> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

// The doc line below keeps cbindgen from copying `LEN` into the C header.
/// cbindgen:ignore
impl<const N: usize> Hex<N> {
    /// Length of the text in bytes.
    pub const LEN: usize = N;

    /// Encodes `bytes` (`N / 2` of them).
    pub(crate) fn encode<const B: usize>(bytes: &[u8; B]) -> Self {
        const { assert!(2 * B == N) };
        let mut out = [0u8; N];
        hex_lower(bytes, &mut out);
        Self(out)
    }

    /// The hex text.
    pub fn as_str(&self) -> &str {
        // Only hex_lower writes these bytes, and it writes ASCII.
        core::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The hex text as ASCII bytes.
    pub fn as_bytes(&self) -> &[u8; N] {
        &self.0
    }
}

impl<const N: usize> core::fmt::Display for Hex<N> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<const N: usize> core::fmt::Debug for Hex<N> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Hex({})", self.as_str())
    }
}

/// Constant-time equality of two byte strings. Their lengths are public: a length
/// difference returns early. Compares eight bytes per `subtle` step (subtle's byte-wise slice
/// comparison costs about a nanosecond a byte).
pub(crate) fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (a_words, a_rest) = a.as_chunks::<8>();
    let (b_words, b_rest) = b.as_chunks::<8>();
    let mut eq = a_rest.ct_eq(b_rest);
    for (x, y) in a_words.iter().zip(b_words) {
        eq &= u64::from_ne_bytes(*x).ct_eq(&u64::from_ne_bytes(*y));
    }
    eq.into()
}

/// [`ct_eq`] of the MAC a verifier computed and the one it was sent, then wipes the computed
/// one: it is the valid signature of attacker-chosen content, a credential the caller never
/// asked for, and it must not outlive the check.
pub(crate) fn ct_eq_wipe(expected: &mut [u8], claimed: &[u8]) -> bool {
    let eq = ct_eq(expected, claimed);
    expected.zeroize();
    eq
}

#[cfg(test)]
mod tests {

    #[test]
    fn ct_eq_wipe_compares_then_wipes() {
        let mut mac = [7u8; 32];
        assert!(ct_eq_wipe(&mut mac, &[7u8; 32]));
        assert_eq!(mac, [0u8; 32]);
        let mut mac = [7u8; 32];
        assert!(!ct_eq_wipe(&mut mac, &[8u8; 32]));
        assert_eq!(mac, [0u8; 32], "wiped on a mismatch too");
        let mut mac = [7u8; 16];
        assert!(!ct_eq_wipe(&mut mac, &[7u8; 15]));
        assert_eq!(mac, [0u8; 16], "and on a length mismatch");
    }
    use super::*;

    #[test]
    fn hex_lower_covers_every_byte() {
        for b in 0..=255u8 {
            let mut out = [0u8; 2];
            hex_lower(&[b], &mut out);
            assert_eq!(std::str::from_utf8(&out).unwrap(), format!("{b:02x}"));
            assert_eq!(parse_hex_lower::<1>(&out), Some([b]));
            assert_eq!(parse_hex_lower::<1>(format!("{b:02X}").as_bytes()).is_some(), b % 16 < 10 && b / 16 < 10);
        }
    }

    #[test]
    fn hex_lower_matches_std_for_every_length_and_byte() {
        let data: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for len in 0..40 {
            for start in [0, 100, 250, 472] {
                let src = &data[start..start + len];
                let mut out = vec![0u8; 2 * len];
                hex_lower(src, &mut out);
                let want: String = src.iter().map(|b| format!("{b:02x}")).collect();
                assert_eq!(String::from_utf8(out).unwrap(), want);
            }
        }
    }

    #[test]
    fn word_decoding_agrees_with_the_tables_for_every_byte_in_every_position() {
        let base = *b"0123abcd";
        for pos in 0..8 {
            for c in 0..=255u8 {
                let mut text = base;
                text[pos] = c;
                let by_table = |t: &[u8; 256]| {
                    let mut out = [0u8; 4];
                    let mut bad = 0u8;
                    for (o, p) in out.iter_mut().zip(text.chunks(2)) {
                        bad |= t[usize::from(p[0])] | t[usize::from(p[1])];
                        *o = (t[usize::from(p[0])] << 4) | (t[usize::from(p[1])] & 0x0f);
                    }
                    (bad & 0xf0 == 0).then_some(out)
                };
                for (any_case, table) in [(false, &LOWER_NIBBLES), (true, &ANY_NIBBLES)] {
                    let (bytes, ok) = hex_word_decode(text, any_case);
                    assert_eq!(ok.then_some(bytes), by_table(table), "{text:?} any_case {any_case}");
                }
            }
        }
        let upper: [u8; 8] = *b"DEADBEEF";
        assert_eq!(hex_word_decode(upper, true), ([0xde, 0xad, 0xbe, 0xef], true));
        assert!(!hex_word_decode(upper, false).1);
    }

    #[test]
    fn parse_hex_rejects_bad_length_and_characters() {
        assert_eq!(parse_hex_lower::<2>(b"abc"), None);
        assert_eq!(parse_hex_lower::<2>(b"abcde"), None);
        assert_eq!(parse_hex_lower::<2>(b"abcg"), None);
        assert_eq!(parse_hex_lower::<2>(b"ab c"), None);
        assert_eq!(parse_hex_lower::<2>(b"09af"), Some([0x09, 0xaf]));
    }

    #[test]
    fn parse_hex_accepts_both_cases() {
        assert_eq!(parse_hex::<2>(b"09aF"), Some([0x09, 0xaf]));
        assert_eq!(parse_hex::<2>(b"09AF"), Some([0x09, 0xaf]));
        assert_eq!(parse_hex::<2>(b"09ag"), None);
        assert_eq!(parse_hex::<2>(b"09a"), None);
        for b in 0..=255u8 {
            assert_eq!(parse_hex::<1>(format!("{b:02X}").as_bytes()), Some([b]));
            assert_eq!(parse_hex::<1>(format!("{b:02x}").as_bytes()), Some([b]));
        }
        for c in 0..=255u8 {
            let ok = c.is_ascii_hexdigit();
            assert_eq!(parse_hex::<1>(&[b'0', c]).is_some(), ok, "{c}");
        }
    }

    #[test]
    fn hex_u64_writes_as_printf() {
        for v in [0, 1, 0xa, 15, 16, 0x5c271099, u64::MAX >> 4, u64::MAX] {
            let (lower, upper) = (HexU64::new(v), HexU64::upper(v));
            assert_eq!(lower.as_bytes(), format!("{v:x}").as_bytes());
            assert_eq!(upper.as_bytes(), format!("{v:X}").as_bytes());
            assert_eq!(lower.as_bytes().len(), HexU64::digits(v));
        }
    }

    #[test]
    fn hex_times_round_trip_up_to_eight_digits() {
        for v in [0, 1, 15, 16, 0x5eed5888, 0x1000_0000, HEX_TIME_MAX] {
            assert_eq!(parse_hex_time_any_width(HexU64::new(v).as_bytes()), Some(v));
            assert_eq!(parse_hex_time_any_width(HexU64::upper(v).as_bytes()), Some(v));
        }
        assert_eq!(HEX_TIME_MAX, u64::from(u32::MAX));
        assert_eq!(parse_hex_time_any_width(b"5EED5888"), Some(0x5eed5888));
        // A ninth digit: a stream character moved into the time.
        for long in [&b"100000000"[..], b"15C271099", b"fffffffff", b"ffffffffffffffff"] {
            assert_eq!(parse_hex_time_any_width(long), None, "{long:?}");
            assert_eq!(parse_hex_time(long), None, "{long:?}");
        }
        for zero_led in [&b"00"[..], b"01", b"05C27109", b"0000001"] {
            assert_eq!(parse_hex_time_any_width(zero_led), None, "{zero_led:?}");
            assert_eq!(parse_hex_time(zero_led), None, "{zero_led:?}");
        }
        for bad in [&b""[..], b"0x1", b"-1", b"g", b" 1", b"1 ", b"+1"] {
            assert_eq!(parse_hex_time_any_width(bad), None, "{bad:?}");
            assert_eq!(parse_hex_time(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn joined_hex_times_have_exactly_eight_digits() {
        assert_eq!((HEX_TIME_MIN, HEX_TIME_MAX), (0x1000_0000, 0xffff_ffff));
        for v in [HEX_TIME_MIN, 0x5eed5888, 0x6553ff10, HEX_TIME_MAX] {
            assert_eq!(parse_hex_time(HexU64::new(v).as_bytes()), Some(v));
            assert_eq!(parse_hex_time(HexU64::upper(v).as_bytes()), Some(v));
        }
        assert_eq!(parse_hex_time(b"5EED5888"), Some(0x5eed5888));
        // Seven digits or fewer: a time character moved out into the stream name.
        for short in [&b"0"[..], b"1", b"ff", b"553FF10", b"fffffff", b"6000000"] {
            assert_eq!(parse_hex_time(short), None, "{short:?}");
        }
        assert_eq!(parse_hex_time(HexU64::new(HEX_TIME_MIN - 1).as_bytes()), None);
        for bad in [&b"0fffffff"[..], b"0000000a", b"5C27109G", b"+5C27109", b"5C27109 "] {
            assert_eq!(parse_hex_time(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn hex_type_shows_its_text() {
        let h = Hex::<4>::encode(&[0xab, 0x01]);
        assert_eq!(h.as_str(), "ab01");
        assert_eq!(h.to_string(), "ab01");
        assert_eq!(format!("{h:?}"), "Hex(ab01)");
    }

    #[test]
    fn hex_equality_is_by_content() {
        // Callers compare a computed signature with a rebuilt one through `==`: a signature
        // that differs in any byte must not compare equal.
        let h = Hex::<4>::encode(&[0xab, 0x01]);
        assert!(h == Hex::<4>::encode(&[0xab, 0x01]));
        assert!(h != Hex::<4>::encode(&[0xab, 0x02]));
        assert!(h != Hex::<4>::encode(&[0xbb, 0x01]));
    }

    #[test]
    fn hex_hash_is_by_content() {
        // A signature used as a map or set key (a replay cache) must hash as its text: equal
        // signatures land in the same bucket, different ones are told apart.
        use std::collections::hash_map::DefaultHasher;
        use std::hash::{Hash, Hasher};
        fn hash(v: &impl Hash) -> u64 {
            let mut h = DefaultHasher::new();
            v.hash(&mut h);
            h.finish()
        }
        let h = Hex::<4>::encode(&[0xab, 0x01]);
        assert_eq!(hash(&h), hash(b"ab01"));
        assert_eq!(hash(&h), hash(&Hex::<4>::encode(&[0xab, 0x01])));
        assert_ne!(hash(&h), hash(&Hex::<4>::encode(&[0xab, 0x02])));
    }

    #[test]
    fn decimal_matches_std_formatting() {
        for v in [0, 1, 9, 10, 99, 100, 1471850187, u32::MAX as u64, u64::MAX - 1, u64::MAX] {
            assert_eq!(Decimal::new(v).as_bytes(), v.to_string().as_bytes());
        }
        // Every length and group boundary: 10^k - 1, 10^k, 10^k + 1, and digit patterns.
        let mut p = 1u64;
        loop {
            for v in [p - 1, p, p + 1, p / 7 * 9, p.wrapping_mul(5)] {
                assert_eq!(Decimal::new(v).as_bytes(), v.to_string().as_bytes(), "{v}");
            }
            let Some(next) = p.checked_mul(10) else { break };
            p = next;
        }
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            for v in [x, x >> (x % 64), x % 100_000_000] {
                assert_eq!(Decimal::new(v).as_bytes(), v.to_string().as_bytes(), "{v}");
            }
        }
    }

    #[test]
    fn ct_eq_compares_content_and_length() {
        assert!(ct_eq(b"abc", b"abc"));
        assert!(!ct_eq(b"abc", b"abd"));
        assert!(!ct_eq(b"abc", b"ab"));
        assert!(ct_eq(b"", b""));
        // Every byte of whole words and of the tail counts.
        let a: Vec<u8> = (0..37u8).collect();
        for i in 0..a.len() {
            let mut b = a.clone();
            b[i] ^= 0x80;
            assert!(!ct_eq(&a, &b), "byte {i}");
            assert!(ct_eq(&a[..i], &b[..i]));
        }
    }
}

/// A cursor over a caller's output buffer that keeps counting past its end, so one pass
/// both writes the output and learns the size needed when it does not fit.
pub(crate) struct Out<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl<'a> Out<'a> {
    pub(crate) fn new(buf: &'a mut [u8]) -> Self {
        Self { buf, len: 0 }
    }

    pub(crate) fn push(&mut self, bytes: &[u8]) {
        let end = self.len.saturating_add(bytes.len());
        if end <= self.buf.len() {
            self.buf[self.len..end].copy_from_slice(bytes);
        }
        self.len = end;
    }

    /// Bytes pushed so far (including any that did not fit).
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The written length, or `BufferTooSmall` with the length needed.
    pub(crate) fn finish(self) -> Result<usize, Error> {
        if self.len > self.buf.len() { Err(Error::BufferTooSmall { needed: self.len }) } else { Ok(self.len) }
    }
}

/// Writes what `f` pushes into `out` when all of it fits and returns its length; otherwise
/// `BufferTooSmall` with the length needed and `out` untouched, so a caller reusing a buffer
/// never finds half an output in it. `f` runs twice (measuring, then writing) only when the
/// output may not fit, `out` being shorter than `upper_bound`, a length `f` never exceeds.
pub(crate) fn write_whole(out: &mut [u8], upper_bound: usize, f: impl Fn(&mut Out<'_>)) -> Result<usize, Error> {
    if out.len() < upper_bound {
        let mut size = Out::new(&mut []);
        f(&mut size);
        if size.len() > out.len() {
            return Err(Error::BufferTooSmall { needed: size.len() });
        }
    }
    let mut o = Out::new(out);
    f(&mut o);
    debug_assert!(o.len() <= upper_bound, "write_whole: the output outgrew its bound");
    o.finish()
}

#[cfg(test)]
mod out_tests {
    use super::{Out, write_whole};
    use crate::Error;

    #[test]
    fn write_whole_leaves_a_short_buffer_untouched() {
        let f = |o: &mut Out<'_>| {
            o.push(b"abc");
            o.push(b"de");
        };
        for bound in [5, usize::MAX] {
            let mut buf = [b'#'; 4];
            assert_eq!(write_whole(&mut buf, bound, f), Err(Error::BufferTooSmall { needed: 5 }));
            assert_eq!(&buf, b"####", "bound {bound}");
            let mut buf = [b'#'; 6];
            assert_eq!(write_whole(&mut buf, bound, f), Ok(5));
            assert_eq!(&buf, b"abcde#");
        }
        assert_eq!(write_whole(&mut [], 5, f), Err(Error::BufferTooSmall { needed: 5 }));
    }

    #[test]
    fn counts_past_the_end() {
        let mut buf = [0u8; 4];
        let mut out = Out::new(&mut buf);
        out.push(b"ab");
        out.push(b"cde");
        out.push(b"f");
        assert_eq!(out.len(), 6);
        assert_eq!(out.finish(), Err(Error::BufferTooSmall { needed: 6 }));
        let mut out = Out::new(&mut buf);
        out.push(b"abcd");
        assert_eq!(out.finish(), Ok(4));
        assert_eq!(&buf, b"abcd");
    }
}
