//! Huge and deeply nested JSON: the reader neither recurses (a 1 MiB run of `[` parses on a
//! 64 KiB stack) nor does more than linear work. Work is counted, not timed: the reader's
//! steps (every iteration of every loop it runs, `livesign::fuzz_api::json::*_steps`) must
//! grow in proportion to the input, so 1000 copies of a shape cost 1000 times one copy (within
//! a small constant), and no input costs more than a few steps a byte.

use livesign::Error;
use livesign::fuzz_api::json::{max_depth, parse_lookup_steps, parse_object_steps};

const MIB: usize = 1 << 20;

/// A document made of `n` copies of `unit` between `head` and `tail`, with `sep` between them.
fn doc(head: &str, unit: &str, sep: &str, tail: &str, n: usize) -> Vec<u8> {
    let mut d = head.as_bytes().to_vec();
    for i in 0..n {
        if i > 0 {
            d.extend_from_slice(sep.as_bytes());
        }
        d.extend_from_slice(unit.replace("#", &i.to_string()).as_bytes());
    }
    d.extend_from_slice(tail.as_bytes());
    d
}

/// The shapes: (name, head, unit, separator, tail, accepted).
fn shapes() -> Vec<(&'static str, &'static str, String, &'static str, &'static str, bool)> {
    // The object and the array around the copies are two levels.
    let deep = format!("{}{}", "[".repeat(max_depth() - 2), "]".repeat(max_depth() - 2));
    vec![
        ("members", "{", r#""k#":0"#.to_owned(), ",", "}", true),
        ("nested to the limit, repeated", "{\"a\":[", deep, ",", "]}", true),
        ("empty arrays", "{\"a\":[", "[]".to_owned(), ",", "]}", true),
        ("escaped string", "{\"a\":\"", r"\u00e9\n\ud83d\ude00\\\/".to_owned(), "", "\"}", true),
        ("plain string", "{\"a\":\"", "abcdefghijklmnop".to_owned(), "", "\"}", true),
        (
            "escapes between plain runs",
            "{\"a\":\"",
            r"\nabcdefghijklmnopqrstuvwxyz0123456789".to_owned(),
            "",
            "\"}",
            true,
        ),
        ("whitespace", "{", " \t\r\n".to_owned(), "", "}", true),
        ("digits", "{\"a\":", "1234567890".to_owned(), "", "}", true),
        ("literals", "{\"a\":[", "true,false,null".to_owned(), ",", "]}", true),
        ("objects in arrays", "{\"a\":[", r#"{"b":{"c":[1,"x"]}}"#.to_owned(), ",", "]}", true),
        ("duplicated names", "{", r#""k":1"#.to_owned(), ",", "}", true),
        ("unclosed", "{\"a\":", "[".to_owned(), "", "", false),
        ("unclosed objects", "{\"a\":", "{\"b\":".to_owned(), "", "", false),
    ]
}

#[test]
fn work_grows_linearly_with_the_input() {
    for (name, head, unit, sep, tail, accepted) in shapes() {
        let small = doc(head, &unit, sep, tail, 16);
        let (r_small, s_small) = parse_object_steps(&small);
        // Copies to about 1 MiB.
        let n = MIB / (unit.len() + sep.len());
        let big = doc(head, &unit, sep, tail, n);
        let (r_big, s_big) = parse_object_steps(&big);
        assert_eq!((r_small.is_ok(), r_big.is_ok()), (accepted, accepted), "{name}: {r_small:?} {r_big:?}");
        // Per copy, the big document costs what the small one does (the fixed head and tail
        // and the longer decimal numbers in names aside).
        let per_copy_small = s_small as f64 / 16.0;
        let per_copy_big = s_big as f64 / n as f64;
        assert!(
            per_copy_big <= per_copy_small * 1.25 + 4.0,
            "{name}: {per_copy_small} steps a copy at 16, {per_copy_big} at {n}"
        );
        // And never more than a few steps a byte.
        assert!(s_big <= 3 * big.len() as u64 + 64, "{name}: {s_big} steps for {} bytes", big.len());
        // Nor fewer than one per 16 bytes read (the string scanner's stride) for a document
        // read to its end: a meter that counted nothing would pass every bound above.
        if accepted {
            assert!(s_big >= big.len() as u64 / 16, "{name}: {s_big} steps for {} bytes", big.len());
        }
        // The one-pass lookup does the same work.
        let (r_lookup, s_lookup) = parse_lookup_steps(&big, [b"a", b"k0", b"k"]);
        if name == "duplicated names" {
            assert_eq!(r_lookup, Err(Error::Malformed), "a looked-up name twice");
        } else if !name.contains("unclosed") && name != "nested to the limit, repeated" {
            assert_eq!(r_lookup, Ok(()), "{name}");
        }
        assert!(s_lookup <= 3 * big.len() as u64 + 64, "{name}: lookup {s_lookup} steps");
        if r_lookup.is_ok() {
            assert!(s_lookup >= big.len() as u64 / 16, "{name}: lookup {s_lookup} steps");
        }
        println!("{name}: {} bytes, {s_big} steps", big.len());
    }
}

#[test]
fn nesting_never_grows_the_stack() {
    // One MiB of `[` (and of `{"a":`): refused at depth 65, on a thread whose whole stack is
    // 64 KiB, where a recursive reader would overflow long before.
    let worker = std::thread::Builder::new().stack_size(64 << 10);
    let handle = worker
        .spawn(|| {
            let mut results = Vec::new();
            for unit in ["[", "{\"a\":"] {
                let d = doc("{\"a\":", unit, "", "", MIB / unit.len());
                results.push(parse_object_steps(&d));
                results.push(parse_lookup_steps(&d, [b"a"]));
            }
            results
        })
        .unwrap();
    for (result, steps) in handle.join().expect("the reader overflowed a 64 KiB stack") {
        assert_eq!(result, Err(Error::Malformed));
        // Refused as soon as the depth limit is passed, not after reading the megabyte.
        assert!(steps < 2000, "{steps} steps to refuse");
    }
}

#[test]
fn verifiers_on_huge_bodies_do_the_same_bounded_work() {
    // The verifiers parse once and look up once: a body of 80k members is refused or
    // read like any other (no panic, no quadratic lookup); here they are unsigned, so the
    // outcome is a clean Malformed or SignatureMismatch.
    let body = doc("{", r#""k#":0"#, ",", r#","t":1,"sign":"00000000000000000000000000000000"}"#, 80_000);
    assert!(body.len() < MIB);
    assert_eq!(livesign::tencent::callback::verify(b"k", &body, 0, 0).map(drop), Err(Error::SignatureMismatch));
    let key = livesign::HmacKey::new(b"0123456789abcdefghijklmnopqrstuv").unwrap();
    assert_eq!(livesign::huawei::Notification::verify(&key, &body, 0, 0).map(drop), Err(Error::Malformed));
    assert_eq!(livesign::trtc::callback::callback_ts(&body), Err(Error::Malformed));
    assert_eq!(livesign::trtc::rest::Response::parse(&body).map(drop), Err(Error::Malformed));
}
