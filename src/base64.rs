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

/// The 64 symbols of each alphabet, so that encoding a group is one masked lookup per symbol.
static STANDARD: [u8; 64] = symbols(Alphabet::Standard);
static TENCENT: [u8; 64] = symbols(Alphabet::Tencent);

const fn symbols(alphabet: Alphabet) -> [u8; 64] {
    let mut t = [0u8; 64];
    let mut i = 0;
    while i < 62 {
        t[i] = CORE[i];
        i += 1;
    }
    t[62] = alphabet.specials()[0];
    t[63] = alphabet.specials()[1];
    t
}

/// Two symbols for every 12 bits, the first in the low byte: six bytes encode with four
/// lookups and one 8-byte store instead of eight lookups (8 KiB per alphabet, which a
/// generator's hot loop keeps in L1).
static STANDARD_PAIRS: [u16; 4096] = pairs(&STANDARD);
static TENCENT_PAIRS: [u16; 4096] = pairs(&TENCENT);

const fn pairs(symbols: &[u8; 64]) -> [u16; 4096] {
    let mut t = [0u16; 4096];
    let mut i = 0;
    while i < 4096 {
        t[i] = symbols[i >> 6] as u16 | (symbols[i & 63] as u16) << 8;
        i += 1;
    }
    t
}

/// Encoded length of `n` bytes (always padded).
pub const fn encoded_len(n: usize) -> usize {
    n.div_ceil(3) * 4
}

/// Largest decoded length of `n` characters.
pub const fn decoded_max_len(n: usize) -> usize {
    n / 4 * 3
}

/// An alphabet's encoding tables.
#[derive(Clone, Copy)]
struct Symbols {
    single: &'static [u8; 64],
    pairs: &'static [u16; 4096],
    pad: u8,
}

impl Symbols {
    fn of(alphabet: Alphabet) -> Self {
        let (single, pairs) = match alphabet {
            Alphabet::Standard => (&STANDARD, &STANDARD_PAIRS),
            Alphabet::Tencent => (&TENCENT, &TENCENT_PAIRS),
        };
        Self { single, pairs, pad: alphabet.specials()[2] }
    }

    /// The 8 symbols of the six bytes in the top 48 bits of `w`.
    #[inline(always)]
    fn octet(self, w: u64) -> [u8; 8] {
        let pair = |shift: u32| u64::from(self.pairs[(w >> shift) as usize & 0xfff]);
        (pair(52) | pair(40) << 16 | pair(28) << 32 | pair(16) << 48).to_le_bytes()
    }

    #[inline(always)]
    fn quad(self, g: [u8; 3]) -> [u8; 4] {
        let n = (u32::from(g[0]) << 16) | (u32::from(g[1]) << 8) | u32::from(g[2]);
        let t = self.single;
        [t[(n >> 18) as usize & 63], t[(n >> 12) as usize & 63], t[(n >> 6) as usize & 63], t[n as usize & 63]]
    }

    /// The padded quad of the last 1 or 2 bytes; `None` for none.
    fn last(self, tail: &[u8]) -> Option<[u8; 4]> {
        let have = tail.len().min(2);
        if have == 0 {
            return None;
        }
        let mut group = [0u8; 3];
        group[..have].copy_from_slice(&tail[..have]);
        let mut q = self.quad(group);
        q[have + 1..].fill(self.pad);
        Some(q)
    }
}

/// Appends the encoding of `src` to `out`.
pub(crate) fn encode(alphabet: Alphabet, src: &[u8], out: &mut Out<'_>) {
    let s = Symbols::of(alphabet);
    let (runs, rest) = src.as_chunks::<6>();
    // Batches of 64 symbols keep the per-push bookkeeping of `Out` off the hot path.
    for batch in runs.chunks(8) {
        let mut buf = [0u8; 64];
        for (dst, &[a, b, c, d, e, f]) in buf.as_chunks_mut::<8>().0.iter_mut().zip(batch) {
            *dst = s.octet(u64::from_be_bytes([a, b, c, d, e, f, 0, 0]));
        }
        out.push(&buf[..batch.len() * 8]);
    }
    let (group, tail) = rest.as_chunks::<3>();
    if let Some(&g) = group.first() {
        out.push(&s.quad(g));
    }
    if let Some(q) = s.last(tail) {
        out.push(&q);
    }
}

/// The encoding (44 characters) of a SHA-256 digest given as its eight big-endian state
/// words, computed from the words in registers. Encoding the digest's bytes instead would read
/// them back right after they were stored, with loads that each span several of those stores:
/// such a load cannot be served from the store buffer and waits until the stores reach the
/// cache, which cost more than the encoding itself.
pub(crate) fn encode_sha256_words(alphabet: Alphabet, words: &[u32; 8]) -> [u8; 44] {
    let s = Symbols::of(alphabet);
    // The digest as four big-endian 64-bit pieces, bytes 8j..8j+8.
    let [p0, p1, p2, p3] = [0, 1, 2, 3].map(|j| {
        let word = |i: usize| u64::from(words.get(i).copied().unwrap_or_default());
        word(2 * j) << 32 | word(2 * j + 1)
    });
    // Bytes 6k..6k+6 in the top 48 bits, as `octet` reads them: 0–5, 6–11, 12–17, 18–23, 24–29.
    let runs = [p0, p0 << 48 | p1 >> 16, p1 << 32 | p2 >> 32, p2 << 16, p3];
    let mut out = [0u8; 44];
    let (octets, last) = out.as_chunks_mut::<8>();
    for (dst, run) in octets.iter_mut().zip(runs) {
        *dst = s.octet(run);
    }
    // Bytes 30 and 31, padded.
    let [.., b30, b31] = p3.to_be_bytes();
    if let Some(q) = s.last(&[b30, b31]) {
        last.copy_from_slice(&q);
    }
    out
}

/// Encodes the last `n` bytes of `buf` into the whole of `buf`, which must be exactly
/// `encoded_len(n)` long (else nothing is written): a generator can build its bytes in the
/// tail of the caller's output buffer and encode them where they lie, with no copy.
///
/// Group `i` (3 bytes) starts at `start + 3i`, where `start = encoded_len(n) - n >=
/// ceil(n / 3)`, and its quad goes to `4i..4i+4`. Two groups at a time are read as one 8-byte
/// window (its last 2 bytes are ignored) and written with one store, which reaches `4i + 8 <=
/// start + 3i + 6`, where the next read begins, because `i + 2 <= n / 3 <= start`: no byte is
/// overwritten before it is read.
pub(crate) fn encode_in_place(alphabet: Alphabet, buf: &mut [u8], n: usize) {
    if buf.len() != encoded_len(n) {
        debug_assert!(false, "encode_in_place needs exactly encoded_len(n) bytes");
        return;
    }
    let s = Symbols::of(alphabet);
    let start = buf.len() - n;
    let full = n / 3;
    let mut i = 0;
    while i + 2 <= full {
        let from = start + 3 * i;
        let Some(window) = buf.get(from..from + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) else { break };
        let q = s.octet(u64::from_be_bytes(window));
        if let Some(dst) = buf.get_mut(4 * i..4 * i + 8) {
            dst.copy_from_slice(&q);
        }
        i += 2;
    }
    // At most the last two whole groups are left: their window would pass the end.
    for i in i..full {
        let from = start + 3 * i;
        let group = buf.get(from..from + 3).and_then(|g| <[u8; 3]>::try_from(g).ok()).unwrap_or_default();
        if let Some(dst) = buf.get_mut(4 * i..4 * i + 4) {
            dst.copy_from_slice(&s.quad(group));
        }
    }
    if let Some(q) = s.last(buf.get(start + 3 * full..).unwrap_or_default())
        && let Some(dst) = buf.get_mut(4 * full..4 * full + 4)
    {
        dst.copy_from_slice(&q);
    }
}

/// Symbol values by character for each alphabet, pre-shifted to their place in a quad's 24
/// bits (`[0]` for the first character, `<< 18`, to `[3]`, `<< 0`), so that a quad decodes
/// with four lookups and three ORs. Every other character (padding included: it is only
/// valid at the end, where `decode` handles it separately) is [`INVALID`], which sets bits
/// above the 24 whatever it is ORed with.
static STANDARD_VALUES: [[u32; 256]; 4] = values(Alphabet::Standard);
static TENCENT_VALUES: [[u32; 256]; 4] = values(Alphabet::Tencent);
const INVALID: u32 = 0xff00_0000;

const fn values(alphabet: Alphabet) -> [[u32; 256]; 4] {
    let symbols = symbols(alphabet);
    let mut t = [[INVALID; 256]; 4];
    let mut i = 0;
    while i < 64 {
        let c = symbols[i] as usize;
        let mut k = 0;
        while k < 4 {
            t[k][c] = (i as u32) << (18 - 6 * k);
            k += 1;
        }
        i += 1;
    }
    t
}

fn value_tables(alphabet: Alphabet) -> &'static [[u32; 256]; 4] {
    match alphabet {
        Alphabet::Standard => &STANDARD_VALUES,
        Alphabet::Tencent => &TENCENT_VALUES,
    }
}

/// The 24 bits of a quad with no padding; above them, [`INVALID`] bits if a character is not
/// a symbol.
#[inline(always)]
fn quad_bits(t: &[[u32; 256]; 4], q: &[u8; 4]) -> u32 {
    t[0][usize::from(q[0])] | t[1][usize::from(q[1])] | t[2][usize::from(q[2])] | t[3][usize::from(q[3])]
}

/// The shape of an encoding: how many padding characters end it and how many bytes it
/// decodes to. `Malformed` for a length that is not a multiple of 4 or more than 2 padding
/// characters.
fn shape(alphabet: Alphabet, src: &[u8]) -> Result<(usize, usize), Error> {
    if !src.len().is_multiple_of(4) {
        return Err(Error::Malformed);
    }
    let pad = alphabet.specials()[2];
    let padding = src.iter().rev().take(3).take_while(|&&c| c == pad).count();
    if padding > 2 {
        return Err(Error::Malformed);
    }
    Ok((padding, decoded_max_len(src.len()) - padding))
}

/// The 1 or 2 bytes of a padded last quad ("xy==" carries 1 byte and "xyz=" 2); the bits
/// beyond them must be zero.
fn padded_quad(t: &[[u32; 256]; 4], q: &[u8; 4], padding: usize) -> Result<[u8; 2], Error> {
    let c = if padding == 2 { 0 } else { t[2][usize::from(q[2])] };
    let v = t[0][usize::from(q[0])] | t[1][usize::from(q[1])] | c;
    let unused = (1u32 << (8 * padding)) - 1;
    if v & (INVALID | unused) != 0 {
        return Err(Error::Malformed);
    }
    Ok([(v >> 16) as u8, (v >> 8) as u8])
}

/// Decodes `src` into `dst` and returns the decoded bytes (nothing past them in `dst` is
/// written). `Malformed` for anything but a canonical padded encoding; `BufferTooSmall` when
/// `dst` is shorter than the result.
pub fn decode<'d>(alphabet: Alphabet, src: &[u8], dst: &'d mut [u8]) -> Result<&'d [u8], Error> {
    let (padding, len) = shape(alphabet, src)?;
    let dst = dst.get_mut(..len).ok_or(Error::BufferTooSmall { needed: len })?;
    let t = value_tables(alphabet);
    // Every quad but a padded last one decodes to 3 bytes; the input is public, so invalid
    // characters are collected and reported once.
    let full = src.len() / 4 - usize::from(padding > 0);
    let (body, last) = src.split_at(full * 4);
    let (out, rest) = dst.split_at_mut(full * 3);
    let mut bits = 0;
    // Two quads at a time, stored as one 8-byte word while 8 bytes of the body's output
    // remain (the 2 extra bytes are the next pair's, rewritten by it).
    let (pairs, odd) = body.as_chunks::<8>();
    let mut o = 0;
    for pair in pairs {
        let [a, b, c, d, e, f, g, h] = *pair;
        let (v0, v1) = (quad_bits(t, &[a, b, c, d]), quad_bits(t, &[e, f, g, h]));
        bits |= v0 | v1;
        let w = (u64::from(v0) << 40 | u64::from(v1) << 16).to_be_bytes();
        match out.get_mut(o..o + 8) {
            Some(d) => d.copy_from_slice(&w),
            None => {
                if let Some(d) = out.get_mut(o..o + 6) {
                    d.copy_from_slice(&w[..6]);
                }
            }
        }
        o += 6;
    }
    if let (Ok(q), Some(d)) = (<&[u8; 4]>::try_from(odd), out.get_mut(o..o + 3)) {
        let v = quad_bits(t, q);
        bits |= v;
        d.copy_from_slice(&v.to_be_bytes()[1..]);
    }
    if bits & INVALID != 0 {
        return Err(Error::Malformed);
    }
    if let Ok(q) = <&[u8; 4]>::try_from(last) {
        let tail = padded_quad(t, q, padding)?;
        let bytes = 3 - padding;
        rest.get_mut(..bytes).ok_or(Error::Malformed)?.copy_from_slice(&tail[..bytes]);
    }
    Ok(dst)
}

/// What [`decode`] would return the length of, or its `Malformed`, without writing the bytes
/// anywhere: for checking an encoding that is decoded later, or not at all.
pub(crate) fn decoded_len(alphabet: Alphabet, src: &[u8]) -> Result<usize, Error> {
    let (padding, len) = shape(alphabet, src)?;
    let t = value_tables(alphabet);
    let full = src.len() / 4 - usize::from(padding > 0);
    let (body, last) = src.split_at(full * 4);
    let bits = body.as_chunks::<4>().0.iter().fold(0, |bits, q| bits | quad_bits(t, q));
    if bits & INVALID != 0 {
        return Err(Error::Malformed);
    }
    if let Ok(q) = <&[u8; 4]>::try_from(last) {
        padded_quad(t, q, padding)?;
    }
    Ok(len)
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

    /// Every set of positions holding a non-symbol is refused, in the pairs of quads the
    /// decoder takes together, in a lone quad, and in a padded last quad: the invalid marks of
    /// two characters must never cancel out.
    #[test]
    fn any_set_of_invalid_characters_is_refused() {
        let mut dst = [0u8; 16];
        for valid in [&b"QUJDREVG"[..], b"QUJDREVGR0hJ", b"QUJD", b"QUI=", b"QQ==", b"QUJDREVGQQ=="] {
            let symbols = valid.iter().filter(|&&c| c != b'=').count();
            for set in 1u32..1 << symbols {
                let mut text = valid.to_vec();
                for (i, c) in text.iter_mut().take(symbols).enumerate() {
                    if set >> i & 1 == 1 {
                        *c = b'!';
                    }
                }
                assert_eq!(
                    decode(Alphabet::Standard, &text, &mut dst),
                    Err(Error::Malformed),
                    "{:?}",
                    String::from_utf8_lossy(&text)
                );
                assert_eq!(decoded_len(Alphabet::Standard, &text), Err(Error::Malformed));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_base64_crate(data in proptest::collection::vec(proptest::num::u8::ANY, 0..100)) {
            use ::base64::Engine;
            let ours = enc(Alphabet::Standard, &data);
            proptest::prop_assert_eq!(&ours, &::base64::engine::general_purpose::STANDARD.encode(&data));
            let mut dst = [0u8; 100];
            proptest::prop_assert_eq!(decode(Alphabet::Standard, ours.as_bytes(), &mut dst).unwrap(), &data[..]);
        }

        #[test]
        fn one_changed_character_agrees_with_the_strict_base64_crate(
            data in proptest::collection::vec(proptest::num::u8::ANY, 1..60),
            at in proptest::num::usize::ANY,
            c in proptest::sample::select(b"AQgw+/=*-_ \0\xff".to_vec()),
        ) {
            use ::base64::Engine;
            let mut s = enc(Alphabet::Standard, &data).into_bytes();
            let i = at % s.len();
            s[i] = c;
            let theirs = ::base64::engine::general_purpose::STANDARD.decode(&s).ok();
            let mut dst = [0u8; 64];
            let ours = decode(Alphabet::Standard, &s, &mut dst).ok().map(<[u8]>::to_vec);
            proptest::prop_assert_eq!(decoded_len(Alphabet::Standard, &s).ok(), theirs.as_ref().map(Vec::len));
            proptest::prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn decoded_len_agrees_with_decode(s in "[A-Za-z0-9+/=*_-]{0,40}") {
            for alphabet in [Alphabet::Standard, Alphabet::Tencent] {
                let mut dst = [0u8; 40];
                let decoded = decode(alphabet, s.as_bytes(), &mut dst).map(<[u8]>::len);
                proptest::prop_assert_eq!(decoded_len(alphabet, s.as_bytes()), decoded);
            }
        }

        #[test]
        fn accepts_exactly_what_the_strict_base64_crate_accepts(s in "[A-Za-z0-9+/=]{0,12}") {
            use ::base64::Engine;
            let theirs = ::base64::engine::general_purpose::STANDARD.decode(&s).ok();
            let mut dst = [0u8; 16];
            let ours = decode(Alphabet::Standard, s.as_bytes(), &mut dst).ok().map(<[u8]>::to_vec);
            proptest::prop_assert_eq!(ours, theirs, "{:?}", s);
        }
    }

    #[test]
    fn decode_writes_exactly_the_result() {
        let data: Vec<u8> = (0..100u32).map(|i| (i * 151 + 7) as u8).collect();
        for len in 0..data.len() {
            for alphabet in [Alphabet::Standard, Alphabet::Tencent] {
                let s = enc(alphabet, &data[..len]);
                let mut dst = [0xa5u8; 120];
                assert_eq!(decode(alphabet, s.as_bytes(), &mut dst).unwrap(), &data[..len]);
                assert!(dst[len..].iter().all(|&b| b == 0xa5), "{len}: written past the result");
                let mut exact = vec![0u8; len];
                assert_eq!(decode(alphabet, s.as_bytes(), &mut exact).unwrap(), &data[..len]);
                if len > 0 {
                    let mut short = vec![0u8; len - 1];
                    assert_eq!(decode(alphabet, s.as_bytes(), &mut short), Err(Error::BufferTooSmall { needed: len }));
                }
                assert_eq!(decoded_len(alphabet, s.as_bytes()), Ok(len));
            }
        }
    }

    #[test]
    fn a_foreign_character_anywhere_is_malformed() {
        let data: Vec<u8> = (0..60u8).map(|i| i.wrapping_mul(67) ^ 0x5a).collect();
        let foreign = |alphabet| match alphabet {
            Alphabet::Standard => &b"*-_ .\0\x80\xff\n"[..],
            Alphabet::Tencent => &b"+/= .\0\x80\xff\n"[..],
        };
        // Lengths with each padding, and an odd and even number of whole quads.
        for len in [1, 2, 3, 4, 5, 6, 7, 9, 12, 31, 32, 33, 58, 59, 60] {
            for alphabet in [Alphabet::Standard, Alphabet::Tencent] {
                let s = enc(alphabet, &data[..len]).into_bytes();
                let pad = alphabet.specials()[2];
                for i in 0..s.len() {
                    let mut chars = foreign(alphabet).to_vec();
                    if i + 2 < s.len() {
                        chars.push(pad);
                    }
                    for c in chars {
                        let mut bad = s.clone();
                        bad[i] = c;
                        let mut dst = [0u8; 64];
                        assert_eq!(decode(alphabet, &bad, &mut dst), Err(Error::Malformed), "{len} {i} {c:02x}");
                        assert_eq!(decoded_len(alphabet, &bad), Err(Error::Malformed), "{len} {i} {c:02x}");
                    }
                }
            }
        }
    }

    #[test]
    fn digest_words_encode_as_their_bytes() {
        let mut x = 0x0123_4567_89ab_cdefu64;
        for round in 0..200 {
            let words: [u32; 8] = core::array::from_fn(|i| {
                x = x.rotate_left(13).wrapping_mul(0x9e37_79b9_7f4a_7c15).wrapping_add(i as u64);
                match round {
                    0 => 0,
                    1 => u32::MAX,
                    _ => (x >> 32) as u32,
                }
            });
            let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_be_bytes()).collect();
            for alphabet in [Alphabet::Standard, Alphabet::Tencent] {
                let got = encode_sha256_words(alphabet, &words);
                assert_eq!(std::str::from_utf8(&got).unwrap(), enc(alphabet, &bytes), "{words:08x?}");
            }
        }
    }

    #[test]
    fn in_place_equals_out_of_place() {
        let data: Vec<u8> = (0..100u32).map(|i| (i * 89 + 5) as u8).collect();
        for n in 0..data.len() {
            for alphabet in [Alphabet::Standard, Alphabet::Tencent] {
                let mut buf = vec![0xaa; encoded_len(n)];
                let start = buf.len() - n;
                buf[start..].copy_from_slice(&data[..n]);
                encode_in_place(alphabet, &mut buf, n);
                assert_eq!(String::from_utf8(buf).unwrap(), enc(alphabet, &data[..n]), "{n}");
            }
        }
    }
}
