//! Differential tests on generated inputs, through the fuzz targets' own invariants
//! (`fuzz/src/`): the strict JSON reader against `serde_json`, strict base64 (both alphabets)
//! against the `base64` crate's canonical engine.
//!
//! Intended differences from serde_json, each tested explicitly below:
//! - livesign reads only a top-level object (serde_json reads any value);
//! - livesign refuses nesting deeper than 64 (serde_json's limit is 128);
//! - a name looked up that occurs twice is `Malformed` for livesign (serde_json keeps the last);
//! - livesign checks number grammar only, so `1e400` is fine (serde_json refuses it as out of
//!   f64 range; livesign converts only integers, on request, with overflow checks).
//!
//! The inflater and its zlib framing against `miniz_oxide`, on data compressed at every level
//! (0 to 10) and on random mutations of those streams: livesign never accepts a stream miniz
//! rejects, and both give the same output when both accept. Intended differences, each tested
//! explicitly below (and by the invariant, which reads once more under miniz's rules to show
//! that these are the only ones):
//! - livesign requires the bits that pad a stored block's header and the final block to a
//!   byte boundary to be zero (zlib and miniz ignore them): otherwise a UserSig could be
//!   changed in those bits and still verify;
//! - livesign follows zlib's rule that a literal/length or distance code of a single symbol
//!   must be one bit long (zlib: "invalid distances set"); miniz reads any length;
//! - livesign refuses bytes after the Adler-32 (the zlib stream is the whole token);
//! - both refuse a preset dictionary (FDICT), a window over 32 KiB, a method other than 8, a
//!   bad FCHECK or Adler-32, and output beyond the buffer.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz;

use livesign::Error;
use livesign::fuzz_api::base64::Alphabet;
use livesign::fuzz_api::json;
use proptest::prelude::*;
use serde_json::Value;

/// A JSON value with the spelling choices a generator makes.
#[derive(Debug, Clone)]
enum Doc {
    Null,
    Bool(bool),
    /// Digits, fraction, exponent: rendered exactly as chosen.
    Number {
        negative: bool,
        int: u64,
        frac: Option<u32>,
        exp: Option<(bool, i8)>,
    },
    Str(Vec<Piece>),
    Array(Vec<Doc>),
    Object(Vec<(Vec<Piece>, Doc)>),
}

/// One character of a string and how it is written.
#[derive(Debug, Clone)]
enum Piece {
    Raw(char),
    /// `\uXXXX` (a surrogate pair for characters beyond the BMP).
    Unicode(char),
    /// `\n`, `\"`, `\/`, ... for the characters that have one.
    Short(char),
}

fn piece() -> impl Strategy<Value = Piece> {
    let any_char = prop_oneof![
        4 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('\u{0}', '\u{7f}'),
        1 => any::<char>(),
        1 => proptest::char::range('\u{10000}', '\u{10ffff}'),
    ];
    (any_char, 0..3u8).prop_map(|(c, how)| {
        let short = matches!(c, '"' | '\\' | '/' | '\u{8}' | '\u{c}' | '\n' | '\r' | '\t');
        let raw_ok = c != '"' && c != '\\' && c >= ' ';
        match how {
            0 if raw_ok => Piece::Raw(c),
            1 if short => Piece::Short(c),
            _ => Piece::Unicode(c),
        }
    })
}

fn name() -> impl Strategy<Value = Vec<Piece>> {
    prop_oneof![
        3 => proptest::collection::vec(piece(), 0..6),
        // Short names collide often: duplicates, sometimes spelled differently.
        2 => proptest::collection::vec(
            prop_oneof![Just('t'), Just('a')].prop_flat_map(|c| prop_oneof![Just(Piece::Raw(c)), Just(Piece::Unicode(c))]),
            1..2
        ),
    ]
}

fn doc() -> impl Strategy<Value = Doc> {
    let number = (
        any::<bool>(),
        any::<u64>(),
        proptest::option::of(any::<u32>()),
        proptest::option::of((any::<bool>(), -30i8..30)),
    )
        .prop_map(|(negative, int, frac, exp)| Doc::Number { negative, int, frac, exp });
    let leaf = prop_oneof![
        Just(Doc::Null),
        any::<bool>().prop_map(Doc::Bool),
        number,
        proptest::collection::vec(piece(), 0..12).prop_map(Doc::Str),
    ];
    leaf.prop_recursive(6, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Doc::Array),
            proptest::collection::vec((name(), inner), 0..6).prop_map(Doc::Object),
        ]
    })
}

fn top() -> impl Strategy<Value = (Doc, Vec<u8>)> {
    let object = proptest::collection::vec((name(), doc()), 0..8).prop_map(Doc::Object);
    (object, proptest::collection::vec(0..5u8, 64)).prop_map(|(d, ws)| {
        let mut out = Vec::new();
        render(&d, &mut out, &mut ws.iter().cycle());
        (d, out)
    })
}

/// Whitespace the generator may put between tokens.
fn space(out: &mut Vec<u8>, ws: &mut dyn Iterator<Item = &u8>) {
    out.extend_from_slice([&b""[..], b"", b" ", b"\n\t", b"\r\n  "][usize::from(*ws.next().unwrap())]);
}

fn render_str(pieces: &[Piece], out: &mut Vec<u8>) {
    out.push(b'"');
    for p in pieces {
        match *p {
            Piece::Raw(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            Piece::Short(c) => out.extend_from_slice(match c {
                '"' => b"\\\"",
                '\\' => b"\\\\",
                '/' => b"\\/",
                '\u{8}' => b"\\b",
                '\u{c}' => b"\\f",
                '\n' => b"\\n",
                '\r' => b"\\r",
                _ => b"\\t",
            }),
            Piece::Unicode(c) => {
                let mut units = [0u16; 2];
                for &mut u in c.encode_utf16(&mut units) {
                    // Mixed case hex digits: both are valid.
                    let hex = if u % 2 == 0 { format!("\\u{u:04x}") } else { format!("\\u{u:04X}") };
                    out.extend_from_slice(hex.as_bytes());
                }
            }
        }
    }
    out.push(b'"');
}

fn render(d: &Doc, out: &mut Vec<u8>, ws: &mut dyn Iterator<Item = &u8>) {
    match d {
        Doc::Null => out.extend_from_slice(b"null"),
        Doc::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Doc::Number { negative, int, frac, exp } => {
            if *negative {
                out.push(b'-');
            }
            out.extend_from_slice(int.to_string().as_bytes());
            if let Some(f) = frac {
                out.extend_from_slice(format!(".{f}").as_bytes());
            }
            if let Some((upper, e)) = exp {
                out.push(if *upper { b'E' } else { b'e' });
                out.extend_from_slice(format!("{e:+}").as_bytes());
            }
        }
        Doc::Str(p) => render_str(p, out),
        Doc::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                space(out, ws);
                render(item, out, ws);
                space(out, ws);
            }
            out.push(b']');
        }
        Doc::Object(members) => {
            out.push(b'{');
            for (i, (n, v)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                space(out, ws);
                render_str(n, out);
                space(out, ws);
                out.push(b':');
                space(out, ws);
                render(v, out, ws);
                space(out, ws);
            }
            out.push(b'}');
        }
    }
}

/// One random edit of a document.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, u8),
    Delete(usize),
    Replace(usize, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    let byte = prop_oneof![
        3 => proptest::sample::select(b"{}[]\":,\\u0123456789abcdefABCDEF.eE+- \n\ttrfalsn\x00\x1f\x7f".to_vec()),
        1 => any::<u8>(),
    ];
    prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), byte).prop_map(|(i, b)| Edit::Replace(i, b)),
    ]
}

fn apply(doc: &mut Vec<u8>, e: &Edit) {
    let n = doc.len();
    match *e {
        Edit::Insert(i, b) => doc.insert(i % (n + 1), b),
        Edit::Delete(i) if n > 0 => {
            doc.remove(i % n);
        }
        Edit::Replace(i, b) if n > 0 => doc[i % n] = b,
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Generated valid objects: both readers accept them and agree on every member.
    #[test]
    fn json_valid_documents_agree((_, text) in top()) {
        let theirs: Value = serde_json::from_slice(&text).expect("the generator writes valid JSON");
        prop_assert!(theirs.is_object());
        prop_assert!(json::parse_object(&text).is_ok(), "livesign refused {}", String::from_utf8_lossy(&text));
        fuzz::json::check(&text);
    }

    /// Mutated documents: the readers agree on accept/reject, and on the members when both accept.
    #[test]
    fn json_mutated_documents_agree((_, text) in top(), edits in proptest::collection::vec(edit(), 1..4)) {
        let mut text = text;
        for e in &edits {
            apply(&mut text, e);
        }
        fuzz::json::check(&text);
    }

    /// Arbitrary bytes behind a `{`: mostly rejected by both, never a disagreement.
    #[test]
    fn json_arbitrary_bytes_agree(tail in proptest::collection::vec(any::<u8>(), 0..40)) {
        fuzz::json::check(&[b"{".as_slice(), &tail].concat());
    }

    /// Random bytes encode like the base64 crate and decode back, in both alphabets.
    #[test]
    fn base64_encodings_agree(bytes in proptest::collection::vec(any::<u8>(), 0..100)) {
        for alphabet in [Alphabet::Standard, Alphabet::Tencent] {
            fuzz::base64::encoding(alphabet, &bytes);
        }
    }

    /// Valid encodings with random edits, and random text over the symbols of both alphabets:
    /// livesign decodes exactly what the canonical engine decodes, to the same bytes.
    #[test]
    fn base64_decodings_agree(bytes in proptest::collection::vec(any::<u8>(), 0..40),
                              edits in proptest::collection::vec(edit(), 0..3),
                              text in proptest::collection::vec(proptest::sample::select(b"AQgwZz09+/*-=_ \n.".to_vec()), 0..24)) {
        let mut encoded = fuzz::reference::base64_encode(&bytes).into_bytes();
        for e in &edits {
            apply(&mut encoded, e);
        }
        for alphabet in [Alphabet::Standard, Alphabet::Tencent] {
            fuzz::base64::decoding(alphabet, &encoded);
            fuzz::base64::decoding(alphabet, &fuzz::reference::swap_alphabet(&encoded));
            fuzz::base64::decoding(alphabet, &text);
        }
    }
}

/// Plaintexts like those UserSigs carry (JSON with base64), repetitive runs, and noise.
fn plaintext() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => (top(), 1..8usize).prop_map(|((_, text), n)| text.repeat(n)),
        1 => proptest::collection::vec(proptest::sample::select(b"aaaab{\"}:,0123".to_vec()), 0..3000),
        1 => proptest::collection::vec(any::<u8>(), 0..600),
        1 => (any::<u8>(), 0..5000usize).prop_map(|(b, n)| vec![b; n]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every level miniz writes, zlib and raw deflate: read back exactly, within and beyond
    /// the output buffer.
    #[test]
    fn inflate_reads_every_level(data in plaintext(), level in 0u8..=10, short: bool) {
        let cap = if short { data.len().saturating_sub(1) } else { data.len() };
        let z = miniz_oxide::deflate::compress_to_vec_zlib(&data, level);
        fuzz::inflate::zlib_agrees(&z, cap);
        let raw = miniz_oxide::deflate::compress_to_vec(&data, level);
        fuzz::inflate::raw_agrees(&raw, cap);
        // The invariant's own round trip (and the buffer the UserSig reader uses).
        fuzz::inflate::check(&fuzz::inflate::seed(2, level, 0, 4096, &data[..data.len().min(4096)]));
    }

    /// Random mutations of valid streams: flipped bits, replaced, inserted and deleted bytes,
    /// truncation, bytes appended.
    #[test]
    fn inflate_mutated_streams_agree(data in plaintext(), level in 0u8..=10, flips in proptest::collection::vec(any::<u32>(), 1..4),
                                     edits in proptest::collection::vec(edit(), 0..3), cut in any::<u16>(), extra in proptest::collection::vec(any::<u8>(), 0..3)) {
        for zlib in [true, false] {
            let mut s = if zlib {
                miniz_oxide::deflate::compress_to_vec_zlib(&data, level)
            } else {
                miniz_oxide::deflate::compress_to_vec(&data, level)
            };
            for &k in &flips {
                fuzz::inflate::flip(&mut s, k);
            }
            let check = |s: &[u8]| if zlib { fuzz::inflate::zlib_agrees(s, 8192) } else { fuzz::inflate::raw_agrees(s, 8192) };
            check(&s);
            for e in &edits {
                apply(&mut s, e);
            }
            check(&s);
            check(&s[..usize::from(cut) % (s.len() + 1)]);
            check(&[&s[..], &extra].concat());
        }
    }
}

/// A stored-block zlib stream of `data` (as livesign's UserSig writer makes it), with the
/// padding bits after its 3-bit header set to `pad`.
fn stored_zlib(data: &[u8], pad: u8) -> Vec<u8> {
    let n = data.len() as u16;
    let mut v = vec![0x78, 0x01, 0x01 | pad << 3];
    v.extend_from_slice(&n.to_le_bytes());
    v.extend_from_slice(&(!n).to_le_bytes());
    v.extend_from_slice(data);
    v.extend_from_slice(&fuzz::reference::adler32(data).to_be_bytes());
    v
}

#[test]
fn intended_difference_padding_bits_must_be_zero() {
    use livesign::fuzz_api::zlib::{self, Rules};
    let data = br#"{"TLS.sig":"x"}"#;
    let mut out = [0u8; 64];
    assert_eq!(zlib::decompress(&stored_zlib(data, 0), &mut out, Rules::Strict), Ok(data.len()));
    for pad in 1..32u8 {
        let s = stored_zlib(data, pad);
        assert_eq!(
            miniz_oxide::inflate::decompress_to_vec_zlib(&s).ok().as_deref(),
            Some(&data[..]),
            "miniz ignores padding"
        );
        assert_eq!(zlib::decompress(&s, &mut out, Rules::Strict), Err(Error::Malformed), "pad {pad}");
        assert_eq!(zlib::decompress(&s, &mut out, Rules::Miniz), Ok(data.len()));
        fuzz::inflate::zlib_agrees(&s, 64);
    }
}

#[test]
fn intended_difference_a_single_code_must_be_one_bit_long() {
    use livesign::fuzz_api::zlib::{self, Rules};
    // A dynamic block (found by the mutation test): its distance code has one symbol of two
    // bits; its only literal/length symbol read is the end of block. zlib refuses it
    // ("invalid distances set"), miniz reads an empty output.
    let s = [
        0xed, 0x8b, 0x21, 0x0a, 0xc0, 0x30, 0x0c, 0x45, 0x75, 0x03, 0xbb, 0xc3, 0x27, 0x7a, 0x22, 0xaa, 0x1b, 0x91,
        0x3b, 0x47, 0x4d, 0xc4, 0xa6, 0xc2, 0xcc, 0xa8, 0x0a, 0xbd, 0xfb, 0xa0, 0xbd, 0x41, 0x75, 0xd1, 0xe3, 0x1f,
    ];
    assert_eq!(fuzz::inflate::miniz(&s, 64, false).map(|(o, c)| (o.len(), c)), Ok((0, 36)));
    let mut out = [0u8; 64];
    assert_eq!(zlib::inflate(&s, &mut out, Rules::Strict), Err(Error::Malformed));
    assert_eq!(zlib::inflate(&s, &mut out, Rules::Miniz).map(|r| (r.len, r.consumed)), Ok((0, 36)));
    fuzz::inflate::raw_agrees(&s, 64);
}

#[test]
fn intended_difference_nothing_may_follow_the_adler32() {
    use livesign::fuzz_api::zlib::{self, Rules};
    let data = b"abc";
    let s = [stored_zlib(data, 0), vec![0]].concat();
    assert_eq!(
        miniz_oxide::inflate::decompress_to_vec_zlib(&s).ok().as_deref(),
        Some(&data[..]),
        "miniz stops reading"
    );
    assert_eq!(zlib::decompress(&s, &mut [0u8; 8], Rules::Miniz), Err(Error::Malformed));
    fuzz::inflate::zlib_agrees(&s, 8);
}

#[test]
fn both_refuse_a_preset_dictionary_a_large_window_and_a_wrong_adler32() {
    use livesign::fuzz_api::zlib::{self, Rules};
    let good = stored_zlib(b"abc", 0);
    let mut cases = Vec::new();
    for (cmf, flg) in [(0x78u8, 0x20u8), (0x88, 0x1c), (0x77, 0x09)] {
        assert_eq!((u16::from(cmf) << 8 | u16::from(flg)) % 31, 0);
        cases.push([&[cmf, flg][..], &good[2..]].concat());
    }
    let mut adler = good.clone();
    *adler.last_mut().unwrap() ^= 1;
    cases.push(adler);
    for s in cases {
        assert!(miniz_oxide::inflate::decompress_to_vec_zlib(&s).is_err());
        assert_eq!(zlib::decompress(&s, &mut [0u8; 8], Rules::Miniz), Err(Error::Malformed));
        fuzz::inflate::zlib_agrees(&s, 8);
    }
}

#[test]
fn intended_difference_top_level_must_be_an_object() {
    for doc in [&b"[]"[..], b"1", b"\"x\"", b"null", b"true"] {
        assert!(serde_json::from_slice::<Value>(doc).is_ok());
        assert_eq!(json::parse_object(doc).map(|_| ()), Err(Error::Malformed));
        fuzz::json::check(doc);
    }
}

#[test]
fn intended_difference_depth_limit_is_64() {
    let nested = |depth: usize| format!("{{\"a\":{}{}}}", "[".repeat(depth - 1), "]".repeat(depth - 1)).into_bytes();
    assert_eq!(json::max_depth(), 64);
    assert!(json::parse_object(&nested(64)).is_ok());
    for depth in [65, 100, 127] {
        let doc = nested(depth);
        assert!(serde_json::from_slice::<Value>(&doc).is_ok(), "serde_json reads depth {depth}");
        assert_eq!(json::parse_object(&doc).map(|_| ()), Err(Error::Malformed), "depth {depth}");
        fuzz::json::check(&doc);
    }
    let doc = nested(128);
    assert!(serde_json::from_slice::<Value>(&doc).is_err(), "serde_json's own limit");
    fuzz::json::check(&doc);
}

#[test]
fn intended_difference_duplicate_names_are_refused_on_lookup() {
    for doc in [&br#"{"t":1,"t":2}"#[..], br#"{"t":1,"\u0074":2}"#] {
        let theirs: Value = serde_json::from_slice(doc).unwrap();
        assert_eq!(theirs["t"], 2, "serde_json keeps the last");
        let ours = json::parse_object(doc).unwrap();
        assert_eq!(ours.get(b"t").map(|_| ()), Err(Error::Malformed));
        assert_eq!(ours.members().count(), 2);
        fuzz::json::check(doc);
    }
}

#[test]
fn intended_difference_numbers_beyond_f64_are_grammar_checked_only() {
    for doc in [&br#"{"a":1e400}"#[..], br#"{"a":-1e400}"#, br#"{"a":[1E+999]}"#] {
        let e = serde_json::from_slice::<Value>(doc).unwrap_err();
        assert!(e.to_string().starts_with("number out of range"), "{e}");
        let ours = json::parse_object(doc).unwrap();
        assert_eq!(ours.get(b"a").unwrap().unwrap().as_u64(), None);
        fuzz::json::check(doc);
    }
    let big = format!("{{\"a\":1{}}}", "0".repeat(400));
    assert!(serde_json::from_slice::<Value>(big.as_bytes()).is_err());
    assert_eq!(json::parse_object(big.as_bytes()).unwrap().get(b"a").unwrap().unwrap().as_u64(), None);
}

#[test]
fn the_reference_engine_is_canonical() {
    // The references the differential trusts: padding required, no stray bits.
    for bad in [&b"Zg"[..], b"Zh==", b"Zg=", b"Zg==="] {
        assert_eq!(fuzz::reference::base64_decode(bad), None, "{bad:?}");
    }
    assert_eq!(fuzz::reference::base64_decode(b"Zg==").as_deref(), Some(&b"f"[..]));
    assert_eq!(fuzz::reference::swap_alphabet(b"+/=*-_"), b"*-_+/=");
}
