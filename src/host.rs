//! What a builder accepts as the host of a URL it writes: `host[:port]`, where the host is
//! dot-separated labels of `A-Z a-z 0-9 -` (1 to 63 characters each, at most 253 in all, as
//! DNS allows; no label starts or ends with `-`, RFC 1123 §2.1) or, where allowed, a
//! bracketed IPv6 address, and the port is 1 to 65535 without leading zeros. A URL written with anything else (no host, an empty label, a 64-character
//! label, a port of 0, `[1::2::3]`) names no server a client can reach.
//!
//! A name whose last label is a number (`1.2.3`, `010.0.0.1`, `0x7f.0.0.1`, `h.123`) must be
//! a dotted-quad IPv4 address (four decimal octets, no leading zeros): WHATWG URL parsers
//! (browsers, curl) read the other forms as IPv4 addresses of their own (`1.2.3` as 1.2.0.3,
//! `010.0.0.1` as 8.0.0.1, octal) or refuse them, while other clients read them in decimal or
//! look them up in DNS, so the signed URL would reach different servers in different clients.

/// `label(.label)*[:port]`.
pub(crate) fn is_name_port(s: &[u8]) -> bool {
    let (name, port) = match s.iter().position(|&c| c == b':') {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    is_name(name) && port.is_none_or(is_port)
}

/// [`is_name_port`], or `[IPv6 literal][:port]`.
pub(crate) fn is_host_port(s: &[u8]) -> bool {
    let Some(rest) = s.strip_prefix(b"[") else { return is_name_port(s) };
    let Some(close) = rest.iter().position(|&c| c == b']') else { return false };
    let (literal, after) = (&rest[..close], &rest[close + 1..]);
    let port_ok = match after.split_first() {
        None => true,
        Some((b':', port)) => is_port(port),
        Some(_) => false,
    };
    is_ipv6(literal) && port_ok
}

/// An IPv6 address (RFC 3986 `IPv6address`, as RFC 4291 writes them: hex groups of 1 to 4
/// digits, one `::`, a dotted quad at the end); zone ids and `IPvFuture`, which WHATWG URL
/// parsers refuse, are left out.
pub(crate) fn is_ipv6(literal: &[u8]) -> bool {
    core::str::from_utf8(literal).is_ok_and(|s| s.parse::<core::net::Ipv6Addr>().is_ok())
}

/// Labels of 1 to [`MAX_LABEL_LEN`] characters, at most [`MAX_NAME_LEN`] in all: DNS (RFC 1035,
/// RFC 1123) resolves no longer name. No trailing dot is accepted (its label would be empty), so
/// the 253 is the whole length.
fn is_name(name: &[u8]) -> bool {
    let labels_ok = !name.is_empty()
        && name.len() <= MAX_NAME_LEN
        && name.split(|&c| c == b'.').all(|l| {
            (1..=MAX_LABEL_LEN).contains(&l.len())
                && l.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'-')
                && !l.starts_with(b"-")
                && !l.ends_with(b"-")
        });
    labels_ok && reads_alike(name)
}

/// The longest DNS label (RFC 1035 2.3.4).
const MAX_LABEL_LEN: usize = 63;
/// The longest DNS name written with dots and without the trailing one (RFC 1035's 255 bytes
/// on the wire less the length bytes).
const MAX_NAME_LEN: usize = 253;

/// Whether every client reads the host name `name` (no brackets, no port) as the same host:
/// one whose last label is a number (a trailing dot aside, which WHATWG drops first) must be a
/// dotted quad, and a `%` is refused because WHATWG percent-decodes the name before that test
/// (`%30x7f.0.0.1` is `0x7f.0.0.1`).
pub(crate) fn reads_alike(name: &[u8]) -> bool {
    let numeric = ends_in_number(name.strip_suffix(b".").unwrap_or(name));
    !name.contains(&b'%')
        && (!numeric || core::str::from_utf8(name).is_ok_and(|s| s.parse::<core::net::Ipv4Addr>().is_ok()))
}

/// WHATWG's "ends in a number": the last label is decimal digits, or `0x` / `0X` and hex digits
/// (none at all is 0), so the host parser reads the name as an IPv4 address.
fn ends_in_number(name: &[u8]) -> bool {
    let last = name.rsplit(|&c| c == b'.').next().unwrap_or_default();
    match last {
        [b'0', b'x' | b'X', hex @ ..] => hex.iter().all(u8::is_ascii_hexdigit),
        _ => !last.is_empty() && last.iter().all(u8::is_ascii_digit),
    }
}

fn is_port(p: &[u8]) -> bool {
    p.len() <= 5 && crate::json::parse_u64(p).is_some_and(|n| (1..=65535).contains(&n))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 6] =
        ["console.tim.qq.com", "adminapisgp.im.qcloud.com", "localhost:8080", "127.0.0.1:1", "h:65535", "a-b.c"];
    const NEITHER: [&str; 23] = [
        "",
        "https://h",
        "h/p",
        "h:",
        "h:0",
        "h:65536",
        "h:080",
        "h:+80",
        "h..x",
        ".h",
        "h.",
        "h x",
        "h:1:2",
        ":80",
        "u@h",
        "[]",
        "[::1",
        "[::1]x",
        "[::1]:0",
        "-h.com",
        "h-.com",
        "a.-b",
        "a.b-:80",
    ];

    #[test]
    fn names_with_ports() {
        for ok in NAMES {
            assert!(is_name_port(ok.as_bytes()) && is_host_port(ok.as_bytes()), "{ok}");
        }
        for bad in NEITHER.iter().chain(&["[::1]", "[::1]:1935"]) {
            assert!(!is_name_port(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn ipv6_literals_only_where_allowed() {
        for ok in ["[::1]", "[::1]:1935", "[2001:db8::7]:443", "[::ffff:192.0.2.1]"] {
            assert!(is_host_port(ok.as_bytes()), "{ok}");
        }
        for bad in NEITHER.iter().chain(&["[1.2.3.4]", "[::g]", "[::1]]", "[::1]:", "[::1%eth0]", "[v1.x]"]) {
            assert!(!is_host_port(bad.as_bytes()), "{bad}");
        }
        // The grammar, not just the characters: one `::`, at most 8 groups of at most 4 hex
        // digits, a dotted quad only at the end.
        for bad in ["[:]", "[:::]", "[1::2::3]", "[12345::]", "[1:2:3:4:5:6:7:8:9]", "[1:2:3:4:5:6:7]", "[::1.2.3]"] {
            assert!(!is_host_port(bad.as_bytes()), "{bad}");
        }
        for bad in ["[1.2.3.4::]", "[::ffff:256.1.1.1]", "[::01.2.3.4]", "[:1::]", "[::1:]", "[fe80::1%25eth0]"] {
            assert!(!is_host_port(bad.as_bytes()), "{bad}");
        }
        for ok in ["[::]", "[1:2:3:4:5:6:7::]", "[::2:3:4:5:6:7:8]", "[1:2:3:4:5:6:7:8]", "[0001:DB8::A]:1"] {
            assert!(is_host_port(ok.as_bytes()), "{ok}");
        }
    }

    #[test]
    fn names_fit_dns_lengths() {
        let label = |n| "a".repeat(n);
        // RFC 1035 / 1123: labels of 1 to 63 characters, a name of at most 253 (no trailing
        // dot is accepted here, so 253 is the whole limit).
        let (name_253, name_254) =
            (format!("{0}.{0}.{0}.{1}", label(63), label(61)), format!("{0}.{0}.{0}.{1}", label(63), label(62)));
        assert_eq!((name_253.len(), name_254.len()), (253, 254));
        for ok in [label(63), format!("h.{}.com:443", label(63)), format!("{name_253}:65535"), name_253] {
            assert!(is_name_port(ok.as_bytes()) && is_host_port(ok.as_bytes()), "{ok}");
        }
        for bad in [label(64), format!("h.{}.com:443", label(64)), format!("{name_254}:1"), name_254] {
            assert!(!is_name_port(bad.as_bytes()) && !is_host_port(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn names_ending_in_a_number_are_dotted_quads() {
        for bad in
            ["1.2.3", "010.0.0.1", "1.2.3.04", "0x7f.0.0.1", "0X7F", "0x", "8080", "h.123", "h.0x1f", "1.2.3.4.5"]
        {
            assert!(!is_name_port(bad.as_bytes()) && !is_host_port(bad.as_bytes()), "{bad}");
        }
        for ok in ["0.0.0.0", "255.255.255.255:80", "123.example.com", "1.2.3.4a", "h.0xg", "0x.h", "1-2"] {
            assert!(is_name_port(ok.as_bytes()) && is_host_port(ok.as_bytes()), "{ok}");
        }
    }

    #[test]
    fn reads_alike_looks_past_one_trailing_dot_and_refuses_percent() {
        for bad in ["1.2.3.4.", "010.0.0.1.", "h.123.", "0x.", "%31.2.3.4", "h%2e123", "%68"] {
            assert!(!reads_alike(bad.as_bytes()), "{bad}");
        }
        for ok in ["1.2.3.4", "h.", ".", "h.0xg.", "123.h.", "1.2.3.4a."] {
            assert!(reads_alike(ok.as_bytes()), "{ok}");
        }
    }
}
