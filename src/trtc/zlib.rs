//! The zlib container (RFC 1950) around deflate: reading any conforming stream, and writing
//! the stored-block form the official Go SDK has emitted by default since 2024-11.

use super::adler32::adler32;
pub(crate) use super::inflate::Rules;
use super::inflate::inflate;
use crate::Error;

/// Bytes a stored-block stream adds around its data: the zlib header, the block's 5-byte
/// header, the empty final block and the Adler-32.
pub(crate) const STORED_OVERHEAD: usize = 2 + 5 + 5 + 4;
/// The most data one stored block carries.
pub(crate) const STORED_MAX: usize = 0xffff;

/// What [`decompress`] produced.
#[derive(Debug)]
pub(crate) struct Decompressed<'o> {
    pub(crate) data: &'o [u8],
    /// Deflate block types seen (the `inflate::STORED | FIXED | DYNAMIC` bit set).
    #[allow(dead_code)] // Read by the tests: which encoders' formats were exercised.
    pub(crate) kinds: u8,
}

/// Decompresses one complete zlib stream into `out`. `Malformed` for a bad header (method
/// other than deflate, window over 32 KiB, FCHECK wrong, a preset dictionary, which no
/// UserSig encoder uses and without which the data cannot be read), a bad deflate stream,
/// a wrong Adler-32 or any byte after it; `BufferTooSmall` for output larger than `out`
/// (see [`inflate`]: a larger buffer may still find the stream malformed).
pub(crate) fn decompress<'o>(src: &[u8], out: &'o mut [u8]) -> Result<Decompressed<'o>, Error> {
    decompress_with(src, out, Rules::Strict)
}

/// [`decompress`] under a choice of [`Rules`].
pub(crate) fn decompress_with<'o>(src: &[u8], out: &'o mut [u8], rules: Rules) -> Result<Decompressed<'o>, Error> {
    let [cmf, flg, body @ ..] = src else { return Err(Error::Malformed) };
    let method_ok = cmf & 0x0f == 8 && cmf >> 4 <= 7;
    let check_ok = (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0;
    let no_dictionary = flg & 0x20 == 0;
    if !(method_ok && check_ok && no_dictionary) {
        return Err(Error::Malformed);
    }
    let r = inflate(body, out, rules)?;
    let trailer: &[u8; 4] = body.get(r.consumed..).and_then(|t| t.try_into().ok()).ok_or(Error::Malformed)?;
    let data = out.get(..r.len).ok_or(Error::Malformed)?;
    if u32::from_be_bytes(*trailer) != adler32(data) {
        return Err(Error::Malformed);
    }
    Ok(Decompressed { data, kinds: r.kinds })
}

/// What goes before `len` bytes of data in a stored-block stream: the zlib header `78 01`
/// (deflate, 32 KiB window, "fastest"; Go writes it for `NoCompression`), then one non-final
/// stored block header.
pub(crate) fn stored_head(len: u16) -> [u8; 7] {
    let [lo, hi] = len.to_le_bytes();
    [0x78, 0x01, 0x00, lo, hi, !lo, !hi]
}

/// What goes after the data: the empty final stored block and the Adler-32 of the data.
pub(crate) fn stored_tail(adler: u32) -> [u8; 9] {
    let a = adler.to_be_bytes();
    [0x01, 0x00, 0x00, 0xff, 0xff, a[0], a[1], a[2], a[3]]
}

#[cfg(test)]
mod tests {
    use super::super::inflate::{DYNAMIC, FIXED, STORED};
    use super::*;

    fn stored(data: &[u8]) -> Vec<u8> {
        let mut v = stored_head(data.len() as u16).to_vec();
        v.extend_from_slice(data);
        v.extend_from_slice(&stored_tail(adler32(data)));
        v
    }

    #[test]
    fn stored_form_is_what_zlib_and_miniz_read() {
        for data in [&b""[..], b"x", br#"{"TLS.ver":"2.0"}"#, &[0xa5; 4000]] {
            let s = stored(data);
            assert_eq!(s.len(), data.len() + STORED_OVERHEAD);
            assert_eq!(miniz_oxide::inflate::decompress_to_vec_zlib(&s).unwrap(), data);
            let mut out = [0u8; 4096];
            let d = decompress(&s, &mut out).unwrap();
            assert_eq!(d.data, data);
            assert_eq!(d.kinds, STORED);
        }
    }

    #[test]
    fn reads_miniz_at_every_level() {
        let data: Vec<u8> =
            br#"{"TLS.ver": "2.0", "TLS.identifier": "xiaojun", "TLS.sdkappid": 1400000000}"#.repeat(20);
        let mut kinds = 0;
        for level in 0..=10u8 {
            let z = miniz_oxide::deflate::compress_to_vec_zlib(&data, level);
            let mut out = [0u8; 4096];
            let d = decompress(&z, &mut out).unwrap();
            assert_eq!(d.data, &data[..]);
            kinds |= d.kinds;
        }
        assert_ne!(kinds & (FIXED | DYNAMIC), 0);
    }

    #[test]
    fn header_checks() {
        let good = stored(b"abc");
        let mut out = [0u8; 64];
        assert!(decompress(&good, &mut out).is_ok());
        let mut cases: Vec<(&str, Vec<u8>)> = Vec::new();
        let mut with = |what, cmf: u8, flg: u8| {
            let mut v = good.clone();
            v[0] = cmf;
            v[1] = flg;
            cases.push((what, v));
        };
        with("method 7", 0x77, 0x09); // 0x7709 % 31 == 0
        with("window 64 KiB", 0x88, 0x1c);
        with("FCHECK wrong", 0x78, 0x02);
        with("preset dictionary", 0x78, 0x20); // 0x7820 % 31 == 0
        cases.push(("too short", vec![0x78]));
        cases.push(("header only", vec![0x78, 0x01]));
        for (what, cmf, flg) in
            [("method 7", 0x77u16, 0x09u16), ("window 64 KiB", 0x88, 0x1c), ("preset dictionary", 0x78, 0x20)]
        {
            assert_eq!((cmf << 8 | flg) % 31, 0, "{what}: only the tested field may be wrong");
        }
        let mut v = good.clone();
        v.push(0);
        cases.push(("trailing byte", v));
        let mut v = good.clone();
        v.pop();
        cases.push(("short Adler-32", v));
        let mut v = good.clone();
        let last = v.len() - 1;
        v[last] ^= 1;
        cases.push(("wrong Adler-32", v));
        for (what, v) in cases {
            assert_eq!(decompress(&v, &mut out).map(|d| d.data.len()), Err(Error::Malformed), "{what}");
        }
        // Every FLEVEL is fine (it is only a hint), as is any smaller window.
        for (cmf, flg) in [(0x78u8, 0x9cu8), (0x78, 0xda), (0x78, 0x5e), (0x08, 0x1d)] {
            assert_eq!((u16::from(cmf) << 8 | u16::from(flg)) % 31, 0);
            let mut v = good.clone();
            v[0] = cmf;
            v[1] = flg;
            assert!(decompress(&v, &mut out).is_ok(), "{cmf:02x} {flg:02x}");
        }
    }

    #[test]
    fn output_limit_is_buffer_too_small() {
        let data = [7; 100];
        for s in [stored(&data), miniz_oxide::deflate::compress_to_vec_zlib(&data, 9)] {
            let mut out = [0u8; 99];
            assert!(matches!(decompress(&s, &mut out), Err(Error::BufferTooSmall { .. })));
            let mut out = [0u8; 100];
            assert_eq!(decompress(&s, &mut out).unwrap().data, data);
        }
    }
}
