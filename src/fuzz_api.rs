//! The crate-private parsers, exposed for the fuzz targets (`fuzz/`) and for the differential
//! and fuzz-regression tests, behind the `fuzzing` cargo feature.
//!
//! Not part of the public API: hidden from the documentation, no stability promise, and never
//! compiled into a normal build (`cargo build` does not enable the feature; only `cargo test`
//! does, through the crate's dev-dependency on itself, and `fuzz/Cargo.toml`). It adds no
//! `extern "C"` function and no `pub const`, so the C ABI and the header are the same with and
//! without it.

use crate::Error;
use crate::text::Out;

/// The strict JSON reader (`src/json.rs`).
pub mod json {
    use super::{Error, Out};
    pub use crate::json::{Kind, Members, Object, Str, Unescaped, Value, parse_object, parse_u64};

    /// The deepest nesting the reader accepts.
    pub fn max_depth() -> usize {
        crate::json::MAX_DEPTH
    }

    /// [`parse_object`] and the number of steps the reader took (every iteration of every
    /// loop it runs; UTF-8 validation, done by `core`, is not counted).
    pub fn parse_object_steps(src: &[u8]) -> (Result<(), Error>, u64) {
        let mut steps = crate::json::Steps::default();
        let result = crate::json::parse_object_metered(src, &mut steps).map(drop);
        (result, steps.0)
    }

    /// The one-pass validation and lookup the UserSig reader uses, and its steps.
    pub fn parse_lookup_steps<const N: usize>(src: &[u8], names: [&[u8]; N]) -> (Result<(), Error>, u64) {
        let mut steps = crate::json::Steps::default();
        let result = crate::json::parse_lookup_metered(src, names, &mut steps).map(drop);
        (result, steps.0)
    }

    /// Writes `s` escaped as the body of a JSON string into `buf`, as the UserSig writer does
    /// (Go's `encoding/json` with HTML escaping): the length written, or `BufferTooSmall` with
    /// the length needed.
    pub fn escape(s: &[u8], buf: &mut [u8]) -> Result<usize, Error> {
        let mut out = Out::new(buf);
        crate::trtc::escape_into(s, &mut out);
        out.finish()
    }
}

/// Strict padded base64 in both alphabets (`src/base64.rs`).
pub mod base64 {
    use super::{Error, Out};
    pub use crate::base64::{Alphabet, decode, decoded_max_len, encoded_len};

    /// Encodes `src` into `buf`: the length written, or `BufferTooSmall` with the length needed.
    pub fn encode(alphabet: Alphabet, src: &[u8], buf: &mut [u8]) -> Result<usize, Error> {
        let mut out = Out::new(buf);
        crate::base64::encode(alphabet, src, &mut out);
        out.finish()
    }

    /// The generator's encoder: `src` is copied to the tail of `buf`'s first
    /// `encoded_len(src.len())` bytes and encoded where it lies. The length written, or
    /// `BufferTooSmall` with the length needed.
    pub fn encode_in_place(alphabet: Alphabet, src: &[u8], buf: &mut [u8]) -> Result<usize, Error> {
        let needed = encoded_len(src.len());
        let buf = buf.get_mut(..needed).ok_or(Error::BufferTooSmall { needed })?;
        buf[needed - src.len()..].copy_from_slice(src);
        crate::base64::encode_in_place(alphabet, buf, src.len());
        Ok(needed)
    }
}

/// The URL and query reader (`src/url.rs`).
pub mod url {
    pub use crate::url::{Url, lookup, params, parse};
}

/// The inflater and its zlib container (`src/trtc/inflate.rs`, `zlib.rs`), with the reading
/// rules as a parameter so that the differential tests can show exactly where livesign is
/// stricter than miniz_oxide.
pub mod zlib {
    use super::Error;
    pub use crate::trtc::inflate::Rules;

    /// What a raw deflate stream inflated to.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Inflated {
        /// Bytes written.
        pub len: usize,
        /// Input bytes the stream occupied.
        pub consumed: usize,
        /// Block types seen: 1 stored, 2 fixed Huffman, 4 dynamic Huffman.
        pub kinds: u8,
    }

    /// Inflates the raw deflate stream at the start of `src` into `out`.
    pub fn inflate(src: &[u8], out: &mut [u8], rules: Rules) -> Result<Inflated, Error> {
        let r = crate::trtc::inflate::inflate(src, out, rules)?;
        Ok(Inflated { len: r.len, consumed: r.consumed, kinds: r.kinds })
    }

    /// Decompresses exactly one zlib stream (header, deflate, Adler-32, nothing after) into
    /// `out` and returns the length written.
    pub fn decompress(src: &[u8], out: &mut [u8], rules: Rules) -> Result<usize, Error> {
        crate::trtc::zlib::decompress_with(src, out, rules).map(|d| d.data.len())
    }

    /// The largest document a UserSig may decompress to (the buffer the verifier uses).
    pub fn max_doc_len() -> usize {
        crate::trtc::MAX_DOC_LEN
    }
}
