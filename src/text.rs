//! Allocation-free text pieces shared by every provider: hex, decimal, constant-time compare.
//!
//! Hex encoding is arithmetic rather than a lookup table so that encoding a secret-derived
//! value never indexes memory with secret bits.

use subtle::ConstantTimeEq;

use crate::Error;

/// Encodes `src` as lowercase hex into `dst`, which must be exactly twice as long.
pub(crate) fn hex_lower(src: &[u8], dst: &mut [u8]) {
    debug_assert_eq!(dst.len(), src.len() * 2);
    for (pair, &b) in dst.chunks_exact_mut(2).zip(src) {
        pair[0] = hex_digit(b >> 4);
        pair[1] = hex_digit(b & 0x0f);
    }
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
    if src.len() != 2 * N {
        return None;
    }
    let mut out = [0u8; N];
    for (o, pair) in out.iter_mut().zip(src.chunks_exact(2)) {
        *o = (lower_nibble(pair[0])? << 4) | lower_nibble(pair[1])?;
    }
    Some(out)
}

fn lower_nibble(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
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

    pub(crate) fn new(mut v: u64) -> Self {
        let mut buf = [0u8; Self::MAX_LEN];
        let mut i = Self::MAX_LEN;
        loop {
            i -= 1;
            buf[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        Self { buf, start: i as u8 }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[self.start as usize..]
    }
}

/// Constant-time equality of two byte strings. Their lengths are public: a length
/// difference returns early.
pub(crate) fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

#[cfg(test)]
mod tests {
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
    fn parse_hex_rejects_bad_length_and_characters() {
        assert_eq!(parse_hex_lower::<2>(b"abc"), None);
        assert_eq!(parse_hex_lower::<2>(b"abcde"), None);
        assert_eq!(parse_hex_lower::<2>(b"abcg"), None);
        assert_eq!(parse_hex_lower::<2>(b"ab c"), None);
        assert_eq!(parse_hex_lower::<2>(b"09af"), Some([0x09, 0xaf]));
    }

    #[test]
    fn decimal_matches_std_formatting() {
        for v in [0, 1, 9, 10, 99, 100, 1471850187, u32::MAX as u64, u64::MAX - 1, u64::MAX] {
            assert_eq!(Decimal::new(v).as_bytes(), v.to_string().as_bytes());
        }
    }

    #[test]
    fn ct_eq_compares_content_and_length() {
        assert!(ct_eq(b"abc", b"abc"));
        assert!(!ct_eq(b"abc", b"abd"));
        assert!(!ct_eq(b"abc", b"ab"));
        assert!(ct_eq(b"", b""));
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
    #[allow(dead_code)] // TEMP: until the first provider operation uses it
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The written length, or `BufferTooSmall` with the length needed.
    pub(crate) fn finish(self) -> Result<usize, Error> {
        if self.len > self.buf.len() { Err(Error::BufferTooSmall { needed: self.len }) } else { Ok(self.len) }
    }
}

#[cfg(test)]
mod out_tests {
    use super::Out;
    use crate::Error;

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
