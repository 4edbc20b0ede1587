//! The inflater and its zlib framing against `miniz_oxide` (what the official SDKs' zlib
//! streams are read with elsewhere): livesign never accepts a stream miniz rejects, agrees on
//! the output whenever both accept, and refuses what miniz accepts only for its documented
//! strictness, shown exactly by reading with `Rules::Miniz`, which must then agree with miniz
//! completely:
//!
//! - non-zero bits in the padding of a stored block header or after the final block (a token
//!   could otherwise be changed in those bits and still verify);
//! - a literal/length or distance code of one symbol longer than one bit (zlib's rule: such
//!   a code is incomplete; zlib says "invalid distances set", miniz reads it);
//! - and, in the zlib framing, bytes after the Adler-32 (a zlib stream is the whole token,
//!   nothing may follow it).
//!
//! Both refuse a preset dictionary (FDICT), a window over 32 KiB, a method other than deflate,
//! a bad FCHECK or Adler-32, and output beyond the buffer (livesign's `BufferTooSmall`, with
//! the size to retry with).

use livesign::Error;
use livesign::fuzz_api::zlib::{self, Rules};
use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::inflate::core::inflate_flags::{
    TINFL_FLAG_PARSE_ZLIB_HEADER, TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
};
use miniz_oxide::inflate::core::{DecompressorOxide, decompress};

use super::input::{Input, Writer};
use super::reference::adler32;

/// miniz_oxide's reading of the stream at the start of `src` into at most `cap` bytes: the
/// output and the input bytes the stream occupied, or why it failed (`HasMoreOutput`: the
/// output does not fit).
pub fn miniz(src: &[u8], cap: usize, zlib: bool) -> Result<(Vec<u8>, usize), TINFLStatus> {
    let mut r = Box::new(DecompressorOxide::new());
    let mut out = vec![0u8; cap];
    let flags = TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF | if zlib { TINFL_FLAG_PARSE_ZLIB_HEADER } else { 0 };
    let (status, consumed, written) = decompress(&mut r, src, &mut out, 0, flags);
    match status {
        TINFLStatus::Done => {
            out.truncate(written);
            // miniz checks the Adler-32 except in fuzzing builds (`cfg(fuzzing)`, which
            // cargo-fuzz sets): check it here in every build.
            let trailer = src.get(consumed.wrapping_sub(4)..consumed).and_then(|t| <[u8; 4]>::try_from(t).ok());
            if zlib && trailer.map(u32::from_be_bytes) != Some(adler32(&out)) {
                return Err(TINFLStatus::Adler32Mismatch);
            }
            Ok((out, consumed))
        }
        other => Err(other),
    }
}

/// Input layout: `mode`, `arg` (u32), `cap` (u16 in a u32's low half), `bytes` (rest).
/// `mode & 3`: 0 `bytes` is a zlib stream, 1 a raw deflate stream; 2 and 3 compress `bytes`
/// with miniz (zlib or raw) at level `mode >> 2` (0 to 10) and, when `arg` is not 0, flip bit
/// `arg - 1` of the result (modulo its length). `cap` is the output buffer's size (at most
/// 65535; livesign's UserSig buffer is 4096).
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let (mode, arg, cap) = (input.byte(), input.u32(), input.u32() & 0xffff);
    let bytes = input.rest();
    let cap = cap as usize;
    match mode & 3 {
        0 => zlib_agrees(bytes, cap),
        1 => raw_agrees(bytes, cap),
        m => {
            let level = (mode >> 2) % 11;
            let mut stream = if m == 2 {
                miniz_oxide::deflate::compress_to_vec_zlib(bytes, level)
            } else {
                miniz_oxide::deflate::compress_to_vec(bytes, level)
            };
            if arg != 0 {
                flip(&mut stream, arg - 1);
            }
            if m == 2 {
                zlib_agrees(&stream, cap)
            } else {
                raw_agrees(&stream, cap)
            }
            if arg == 0 {
                // An unchanged stream that fits is read back exactly.
                let mut out = vec![0u8; bytes.len()];
                if m == 2 {
                    assert_eq!(zlib::decompress(&stream, &mut out, Rules::Strict), Ok(bytes.len()));
                } else {
                    let r = zlib::inflate(&stream, &mut out, Rules::Strict).expect("miniz's own stream");
                    assert_eq!((r.len, r.consumed), (bytes.len(), stream.len()));
                }
                assert_eq!(out, bytes);
            }
        }
    }
}

/// Flips bit `k` (modulo the stream's bits) of `s`.
pub fn flip(s: &mut [u8], k: u32) {
    if !s.is_empty() {
        let k = k as usize % (8 * s.len());
        s[k / 8] ^= 1 << (k % 8);
    }
}

/// A zlib stream: the strict reading is a subset of miniz's rules, which agree with miniz
/// except for bytes after the Adler-32.
pub fn zlib_agrees(src: &[u8], cap: usize) {
    let (mut strict, mut lenient) = (vec![0u8; cap], vec![0u8; cap]);
    let ours = zlib::decompress(src, &mut strict, Rules::Strict);
    let any = zlib::decompress(src, &mut lenient, Rules::Miniz);
    if let Ok(n) = ours {
        assert_eq!(any, Ok(n), "the strict rules only refuse");
        assert_eq!(strict[..n], lenient[..n]);
    }
    match (any, miniz(src, cap, true)) {
        (Ok(n), Ok((out, consumed))) => {
            assert_eq!(&lenient[..n], &out[..], "different output");
            assert_eq!(consumed, src.len(), "livesign accepted bytes after the Adler-32");
        }
        (Ok(_), Err(status)) => panic!("livesign accepted a zlib stream miniz rejects ({status:?})"),
        (Err(e), Ok((_, consumed))) => {
            assert_eq!(e, Error::Malformed);
            assert!(consumed < src.len(), "livesign refused a whole zlib stream miniz reads");
        }
        (Err(e), Err(_)) => refused_alike(e, cap, |out| zlib::decompress(src, out, Rules::Miniz), src, true),
    }
}

/// A raw deflate stream: the same, with the input consumed reported alike (bytes after the
/// final block are the caller's).
pub fn raw_agrees(src: &[u8], cap: usize) {
    let (mut strict, mut lenient) = (vec![0u8; cap], vec![0u8; cap]);
    let ours = zlib::inflate(src, &mut strict, Rules::Strict);
    let any = zlib::inflate(src, &mut lenient, Rules::Miniz);
    if let Ok(r) = ours {
        assert_eq!(any, Ok(r), "the strict rules only refuse");
        assert_eq!(strict[..r.len], lenient[..r.len]);
    }
    match (any, miniz(src, cap, false)) {
        (Ok(r), Ok((out, consumed))) => {
            assert_eq!(&lenient[..r.len], &out[..], "different output");
            assert_eq!(r.consumed, consumed, "different ends of the stream");
        }
        (Ok(_), Err(status)) => panic!("livesign accepted a deflate stream miniz rejects ({status:?})"),
        (Err(e), Ok(_)) => panic!("livesign (under miniz's rules) refused a deflate stream miniz reads ({e:?})"),
        (Err(e), Err(_)) => {
            refused_alike(e, cap, |out| zlib::inflate(src, out, Rules::Miniz).map(|r| r.len), src, false)
        }
    }
}

/// Both refused a stream. livesign's refusal is `Malformed`, or `BufferTooSmall` when the
/// output would pass `cap` (miniz may then report another fault first: a stream can be both
/// too long and broken, and the two check in different orders). `BufferTooSmall` is a promise
/// to the caller: `needed` is more than `cap`, and a buffer of `needed` bytes reads the
/// stream with the same result except where the smaller one overflowed: success (with
/// miniz's output), `Malformed`, or `BufferTooSmall` again with a larger `needed`.
fn refused_alike(e: Error, cap: usize, read: impl Fn(&mut [u8]) -> Result<usize, Error>, src: &[u8], zlib: bool) {
    let Error::BufferTooSmall { needed } = e else {
        assert_eq!(e, Error::Malformed);
        return;
    };
    assert!(needed > cap, "BufferTooSmall needing {needed} bytes, with {cap} available");
    let mut larger = vec![0u8; needed];
    match read(&mut larger) {
        Ok(n) => {
            let (out, _) = miniz(src, needed, zlib).expect("livesign read what miniz cannot");
            assert_eq!(&larger[..n], &out[..], "different output with the larger buffer");
        }
        Err(Error::BufferTooSmall { needed: again }) => assert!(again > needed, "no progress: {again} <= {needed}"),
        Err(e) => assert_eq!(e, Error::Malformed),
    }
}

/// A seed: `bytes` as a zlib stream (mode 0), a deflate stream (1), or plaintext to compress
/// at `level` into zlib (2) or deflate (3), with bit `flip - 1` flipped when `flip` is not 0.
pub fn seed(mode: u8, level: u8, flip: u32, cap: u16, bytes: &[u8]) -> Vec<u8> {
    Writer::new().byte(mode | level << 2).u32(flip).u32(u32::from(cap)).rest(bytes)
}

/// Seeds: the zlib streams inside the UserSig vectors (every official SDK's and livesign's
/// layout), their deflate bodies, and their documents compressed at several levels, whole and
/// with one bit flipped.
pub fn seeds(vectors: &super::seeds::Vectors) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for v in super::seeds::vectors_of(vectors, "usersig") {
        let token = super::seeds::bytes(v, &["usersig"]);
        let name = format!("usersig-{}", v["case"].as_str().unwrap_or("?"));
        if let Some(z) = super::reference::tencent_base64_decode(&token) {
            out.push((name.clone(), seed(0, 0, 0, 4096, &z)));
            if z.len() > 6 {
                out.push((name.clone(), seed(1, 0, 0, 4096, &z[2..z.len() - 4])));
            }
        }
        let doc = super::seeds::bytes(v, &["json_doc"]);
        for (level, flip) in [(0u8, 0u32), (1, 0), (6, 0), (9, 0), (10, 0), (6, 77), (0, 3)] {
            out.push((name.clone(), seed(2, level, flip, 4096, &doc)));
        }
        out.push((name, seed(3, 9, 0, 4096, &doc)));
    }
    out
}
