//! Base64 (RFC 4648) with padding, in the two alphabets the clouds use: standard (`+ / =`) and
//! Tencent's UserSig variant (`* - _`, padding kept as `_`). Allocation-free and strict:
//! decoding accepts only the one canonical encoding of a byte string (no whitespace, padding
//! only at the end, unused bits zero), so no two distinct strings verify as the same MAC.

use crate::Error;
use crate::text::Out;

/// Which 3 characters replace `+`, `/` and `=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alphabet {
    /// `+ / =` (RFC 4648 §4).
    Standard,
    /// `* - _`: TLSSigAPIv2's outer UserSig encoding.
    Tencent,
}

impl Alphabet {
    const fn specials(self) -> [u8; 3] {
        match self {
            Alphabet::Standard => *b"+/=",
            Alphabet::Tencent => *b"*-_",
        }
    }
}

const CORE: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// Encoded length of `n` bytes (always padded).
pub const fn encoded_len(n: usize) -> usize {
    n.div_ceil(3) * 4
}

/// Largest decoded length of `n` characters.
pub const fn decoded_max_len(n: usize) -> usize {
    n / 4 * 3
}

fn symbol(alphabet: Alphabet, v: u8) -> u8 {
    match v {
        0..=61 => CORE[v as usize],
        62 => alphabet.specials()[0],
        _ => alphabet.specials()[1],
    }
}

/// Appends the encoding of `src` to `out`.
pub(crate) fn encode(alphabet: Alphabet, src: &[u8], out: &mut Out<'_>) {
    let pad = alphabet.specials()[2];
    for chunk in src.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let mut quad = [0u8; 4];
        for (i, q) in quad.iter_mut().enumerate() {
            *q = symbol(alphabet, ((n >> (18 - 6 * i)) & 63) as u8);
        }
        if chunk.len() < 3 {
            quad[3] = pad;
        }
        if chunk.len() < 2 {
            quad[2] = pad;
        }
        out.push(&quad);
    }
}

fn value(alphabet: Alphabet, c: u8) -> Option<u8> {
    let [s62, s63, _] = alphabet.specials();
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        _ if c == s62 => Some(62),
        _ if c == s63 => Some(63),
        _ => None,
    }
}

/// Decodes `src` into `dst` and returns the decoded bytes. `Malformed` for anything but a
/// canonical padded encoding; `BufferTooSmall` when `dst` is shorter than the result.
pub fn decode<'d>(alphabet: Alphabet, src: &[u8], dst: &'d mut [u8]) -> Result<&'d [u8], Error> {
    if !src.len().is_multiple_of(4) {
        return Err(Error::Malformed);
    }
    let pad = alphabet.specials()[2];
    let padding = src.iter().rev().take_while(|&&c| c == pad).count();
    if padding > 2 {
        return Err(Error::Malformed);
    }
    let len = decoded_max_len(src.len()) - padding;
    if len > dst.len() {
        return Err(Error::BufferTooSmall { needed: len });
    }
    let mut n = 0;
    for quad in src.chunks_exact(4) {
        let mut acc = 0u32;
        let mut symbols = 0;
        for &c in quad {
            if c == pad {
                break;
            }
            acc = (acc << 6) | u32::from(value(alphabet, c).ok_or(Error::Malformed)?);
            symbols += 1;
        }
        // Only the last quad may be short, and only by the padding counted above.
        let bytes = match symbols {
            4 => 3,
            3 => 2,
            2 => 1,
            _ => return Err(Error::Malformed),
        };
        let unused_bits = symbols * 6 - bytes * 8;
        if acc & ((1 << unused_bits) - 1) != 0 {
            return Err(Error::Malformed);
        }
        acc >>= unused_bits;
        for i in (0..bytes).rev() {
            // n + bytes <= len is guaranteed by the padding count; `get_mut` keeps it panic-free.
            *dst.get_mut(n + bytes - 1 - i).ok_or(Error::Malformed)? = (acc >> (8 * i)) as u8;
        }
        n += bytes;
        if symbols < 4 && n != len {
            return Err(Error::Malformed);
        }
    }
    Ok(&dst[..n])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(alphabet: Alphabet, src: &[u8]) -> String {
        let mut buf = [0u8; 256];
        let mut out = Out::new(&mut buf);
        encode(alphabet, src, &mut out);
        let n = out.finish().unwrap();
        assert_eq!(n, encoded_len(src.len()));
        String::from_utf8(buf[..n].to_vec()).unwrap()
    }

    #[test]
    fn rfc4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in cases {
            assert_eq!(enc(Alphabet::Standard, plain.as_bytes()), coded);
            let mut dst = [0u8; 16];
            assert_eq!(decode(Alphabet::Standard, coded.as_bytes(), &mut dst).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn tencent_alphabet() {
        let bytes = [0xfb, 0xff, 0xbf, 0x01];
        assert_eq!(enc(Alphabet::Standard, &bytes), "+/+/AQ==");
        assert_eq!(enc(Alphabet::Tencent, &bytes), "*-*-AQ__");
        let mut dst = [0u8; 8];
        assert_eq!(decode(Alphabet::Tencent, b"*-*-AQ__", &mut dst).unwrap(), bytes);
        assert_eq!(decode(Alphabet::Tencent, b"+/+/AQ==", &mut dst), Err(Error::Malformed));
    }

    #[test]
    fn round_trips_every_length() {
        let data: Vec<u8> = (0..100u8).map(|i| i.wrapping_mul(97)).collect();
        for len in 0..data.len() {
            for alphabet in [Alphabet::Standard, Alphabet::Tencent] {
                let s = enc(alphabet, &data[..len]);
                let mut dst = [0u8; 100];
                assert_eq!(decode(alphabet, s.as_bytes(), &mut dst).unwrap(), &data[..len]);
            }
        }
    }

    #[test]
    fn rejects_non_canonical_and_broken_input() {
        let mut dst = [0u8; 16];
        for bad in [&b"Zg="[..], b"Zh==", b"Zm9=", b"Z===", b"Zg==Zg==", b"Zm 9v", b"Zm9v\n", b"====", b"Zg=A", b"Z$9v"]
        {
            assert_eq!(
                decode(Alphabet::Standard, bad, &mut dst),
                Err(Error::Malformed),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
        let mut small = [0u8; 2];
        assert_eq!(decode(Alphabet::Standard, b"Zm9v", &mut small), Err(Error::BufferTooSmall { needed: 3 }));
    }
}
