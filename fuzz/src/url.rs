//! The URL and query reader: the parts of an accepted URL put back together are the URL (up
//! to its fragment), each part has the shape documented for it (an `rtmp*` URL has no `#` and
//! no `/` in its query; an http(s), ws(s), ftp or file URL no `\` before its query), and
//! query lookup agrees with the parameter list, refusing exactly the names that occur twice or
//! beside another spelling of themselves.

use livesign::Error;
use livesign::fuzz_api::url;

use super::reference;

/// The invariants on one input, read as a URL and, separately, as a bare query.
pub fn check(data: &[u8]) {
    match url::parse(data) {
        Ok(u) => {
            assert!(!data.is_empty() && data.iter().all(|&b| b > b' ' && b < 0x7f), "accepted a forbidden byte");
            let base = data.split(|&b| b == b'#').next().unwrap_or_default();
            let mut rebuilt = Vec::new();
            if !u.scheme.is_empty() {
                assert!(u.scheme.iter().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b)));
                assert!(!u.authority.is_empty() && !u.authority.iter().any(|b| b"/?".contains(b)));
                rebuilt.extend_from_slice(u.scheme);
                rebuilt.extend_from_slice(b"://");
                rebuilt.extend_from_slice(u.authority);
            } else {
                assert!(u.authority.is_empty());
            }
            assert!(u.path.starts_with(b"/") && !u.path.contains(&b'?'));
            if u.scheme.len() >= 4 && u.scheme[..4].eq_ignore_ascii_case(b"rtmp") {
                assert!(!data.contains(&b'#') && !u.query.contains(&b'/'), "an RTMP client reads another stream");
            }
            let special = ["http", "https", "ws", "wss", "ftp", "file"]
                .iter()
                .any(|s| u.scheme.eq_ignore_ascii_case(s.as_bytes()));
            if special {
                assert!(!u.authority.contains(&b'\\') && !u.path.contains(&b'\\'), "a browser reads `\\` as `/`");
            }
            rebuilt.extend_from_slice(u.path);
            if base.len() > rebuilt.len() {
                rebuilt.push(b'?');
                rebuilt.extend_from_slice(u.query);
            } else {
                assert!(u.query.is_empty());
            }
            assert_eq!(rebuilt, base, "the parts do not add up to the URL");
            query(u.query);
        }
        Err(e) => assert_eq!(e, Error::Malformed),
    }
    query(data);
}

/// `params` splits on `&` and the first `=`; `lookup` finds each name's one value and
/// refuses a name present twice or present beside another spelling of it.
pub fn query(q: &[u8]) {
    let params: Vec<(&[u8], &[u8])> = url::params(q).collect();
    let nonempty: Vec<&[u8]> = q.split(|&b| b == b'&').filter(|p| !p.is_empty()).collect();
    assert_eq!(params.len(), nonempty.len());
    for ((name, value), pair) in params.iter().zip(&nonempty) {
        assert!(!name.contains(&b'&') && !name.contains(&b'='));
        if pair.contains(&b'=') {
            assert_eq!([*name, b"=", *value].concat(), *pair);
        } else {
            assert_eq!((*name, *value), (*pair, &b""[..]));
        }
    }
    let count = |n: &[u8]| params.iter().filter(|(m, _)| *m == n).count();
    let respelled = |n: &[u8]| params.iter().any(|(m, _)| *m != n && reference::same_param_name(m, n));
    let pick = |i: usize| params.get(i).map_or(&b"absent"[..], |p| p.0);
    let wanted = [pick(0), pick(params.len() / 2), pick(params.len().saturating_sub(1)), b"\xffabsent"];
    match url::lookup(q, wanted) {
        Ok(found) => {
            for (slot, name) in found.iter().zip(wanted) {
                assert!(!respelled(name), "lookup took a name spelled another way too");
                assert_eq!(count(name), usize::from(slot.is_some()));
                if let Some(v) = slot {
                    assert!(params.contains(&(name, *v)));
                }
            }
        }
        Err(e) => {
            assert_eq!(e, Error::Malformed);
            assert!(wanted.iter().any(|n| count(n) > 1 || respelled(n)), "lookup refused names that occur once");
        }
    }
}
