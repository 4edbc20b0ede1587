//! What a builder accepts as the host of a URL it writes: `host[:port]`, where the host is
//! dot-separated labels of `A-Z a-z 0-9 -` or, where allowed, a bracketed IPv6 literal, and
//! the port is 1 to 65535 without leading zeros. A URL written with anything else (no host,
//! an empty label, a port of 0) names no server a client can reach.

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
    // The shape of an IPv6 address (RFC 3986 `IP-literal`, zone ids and `IPvFuture` left out),
    // not its grammar: enough that the URL parses with this host, and nothing else.
    let literal_ok =
        literal.contains(&b':') && literal.iter().all(|&c| c.is_ascii_hexdigit() || c == b':' || c == b'.');
    literal_ok && port_ok
}

fn is_name(name: &[u8]) -> bool {
    !name.is_empty()
        && name
            .split(|&c| c == b'.')
            .all(|l| !l.is_empty() && l.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'-'))
}

fn is_port(p: &[u8]) -> bool {
    p.len() <= 5 && crate::json::parse_u64(p).is_some_and(|n| (1..=65535).contains(&n))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 6] =
        ["console.tim.qq.com", "adminapisgp.im.qcloud.com", "localhost:8080", "127.0.0.1:1", "h:65535", "a-b.c"];
    const NEITHER: [&str; 19] = [
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
    }
}
