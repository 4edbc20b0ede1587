//! The C test of UserSig and PrivateMapKey (`tests/c/usersig.c`), run on every vector of
//! `usersig.json`: verification until expiry, every failure status, inspection, PrivateMapKey
//! parsing, and generation (the Go tokens byte for byte) through every export.

mod support;

use support::usersig::vectors;

#[test]
fn c_usersig() {
    let all = vectors();
    let hex_or_dash = |b: &[u8]| if b.is_empty() { "-".to_owned() } else { support::hex(b) };
    let mut input = String::new();
    for v in &all {
        let userbuf = match &v.userbuf {
            None => "~".to_owned(),
            Some(b) => hex_or_dash(b),
        };
        let (kind, room) = match (v.roomid, &v.roomstr) {
            (Some(id), _) => ("room", id.to_string()),
            (_, Some(name)) => ("roomstr", hex_or_dash(name.as_bytes())),
            _ => ("plain", "-".to_owned()),
        };
        input += &format!(
            "{} {} {} {} {} {} {} {} {} {} {}\n",
            v.imp,
            v.sdkappid,
            hex_or_dash(v.key.as_bytes()),
            hex_or_dash(v.identifier.as_bytes()),
            v.expire,
            v.time,
            userbuf,
            v.usersig,
            kind,
            room,
            v.privilege.unwrap_or(0)
        );
    }
    let exe = support::c::build("usersig");
    let summary = support::c::run(&exe, &[], &input);
    assert!(summary.contains(&format!("{} vectors", all.len())), "{summary}");
}
