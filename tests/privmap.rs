//! PrivateMapKey through the safe Rust API: the spec's layout and worked examples, the
//! official tokens, the refusals (and why), and a round-trip property.

mod support;

use livesign::trtc::{Privilege, Room, UserSig, privmap_gen, privmap_parse, usersig_inspect, usersig_verify};
use livesign::{Error, HmacKey};
use proptest::prelude::*;
use support::usersig as tok;

const KEY: &[u8] = b"5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

fn userbuf_of(t: &UserSig) -> Vec<u8> {
    usersig_inspect(t.as_bytes()).unwrap().userbuf().unwrap().to_vec()
}

#[test]
fn privilege_bits_are_the_documented_ones() {
    let bits = [
        Privilege::CREATE,
        Privilege::ENTER,
        Privilege::SEND_AUDIO,
        Privilege::RECV_AUDIO,
        Privilege::SEND_VIDEO,
        Privilege::RECV_VIDEO,
        Privilege::SEND_SUBSTREAM,
        Privilege::RECV_SUBSTREAM,
    ];
    assert_eq!(bits, [1, 2, 4, 8, 16, 32, 64, 128]);
    assert_eq!(bits.iter().fold(0, |a, b| a | b), Privilege::ALL);
    // "enter plus receive audio/video" is 42 in the official comments.
    assert_eq!(Privilege::ENTER | Privilege::RECV_AUDIO | Privilege::RECV_VIDEO, 42);
}

#[test]
fn spec_worked_examples() {
    let k = HmacKey::new(KEY).unwrap();
    let c8 = UserSig::private_map_key(&k, 1400000000, "xiaojun", 300, 1700000000, Room::Id(10000), 255).unwrap();
    assert_eq!(support::hex(&userbuf_of(&c8)), "0000077869616f6a756e53724e00000027106553f22c000000ff00000000");
    let k9 = HmacKey::new(b"a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90").unwrap();
    let c9 = UserSig::private_map_key(&k9, 1400123456, "user_01", 15552000, 1710000000, Room::Name(b"room-42_abc"), 42)
        .unwrap();
    assert_eq!(
        support::hex(&userbuf_of(&c9)),
        "010007757365725f3031537430400000000066d9d5800000002a00000000000b726f6f6d2d34325f616263"
    );
    // The spec's c8 TLS.sig.
    let doc = tok::json(&tok::doc_of(c8.as_str()));
    assert_eq!(doc["TLS.sig"], "0+M4K64lITF5k+8jtQGalx0fgxd1aweZx0fZYfdnvZk=");
}

#[test]
fn official_grants_parse() {
    let mut seen = 0;
    for v in tok::vectors().into_iter().filter(|v| v.privilege.is_some()) {
        let info = usersig_verify(
            &HmacKey::new(v.key.as_bytes()).unwrap(),
            v.sdkappid,
            &v.identifier,
            v.usersig.as_bytes(),
            v.time,
            0,
        )
        .unwrap();
        let p = privmap_parse(info.userbuf().unwrap()).unwrap();
        assert_eq!(p.identifier, v.identifier.as_bytes());
        assert_eq!(u64::from(p.sdkappid), v.sdkappid);
        assert_eq!(u64::from(p.expires_at), v.time + v.expire, "the grant's expiry is absolute");
        assert_eq!(Some(p.privileges), v.privilege);
        assert_eq!(p.account_type, 0);
        match (&v.roomstr, v.roomid) {
            (Some(name), _) => assert_eq!((p.room_id, p.room_name), (0, Some(name.as_bytes()))),
            (None, Some(id)) => assert_eq!((p.room_id, p.room_name), (id, None)),
            _ => unreachable!(),
        }
        seen += 1;
    }
    assert_eq!(seen, 8);
}

#[test]
fn u32_edges() {
    // sdkappid and room at the top of their 32-bit fields (spec case c10).
    let k = HmacKey::new(KEY).unwrap();
    let t = UserSig::private_map_key(&k, 3000000000, "edge", 3600, 1700000000, Room::Id(u32::MAX), 0xab).unwrap();
    let p = privmap_parse(&userbuf_of(&t)).map(|p| (p.sdkappid, p.room_id, p.privileges, p.expires_at)).unwrap();
    assert_eq!(p, (3000000000, u32::MAX, 0xab, 1700003600));
    assert!(usersig_verify(&k, 3000000000, "edge", t.as_bytes(), 1700000000, 0).is_ok());
    // The largest expiry a 32-bit field can hold, and one past it.
    let last = u64::from(u32::MAX);
    assert!(UserSig::private_map_key(&k, 1, "a", 10, last - 10, Room::Id(1), 1).is_ok());
    assert_eq!(
        UserSig::private_map_key(&k, 1, "a", 11, last - 10, Room::Id(1), 1).map(|_| ()),
        Err(Error::InvalidArgument)
    );
    assert_eq!(
        UserSig::private_map_key(&k, last + 1, "a", 1, 1, Room::Id(1), 1).map(|_| ()),
        Err(Error::InvalidArgument)
    );
}

#[test]
fn non_ascii_is_refused_because_the_official_sdks_disagree() {
    // "Zoë" is 5a6feb with a length of 3 in Node/Java and 5a6fc3ab with 4 in C++/Go/PHP.
    let k = HmacKey::new(KEY).unwrap();
    let mut out = [0u8; UserSig::MAX_LEN];
    assert_eq!(privmap_gen(&k, 1, "Zoë", 1, 1, Room::Id(1), 1, &mut out), Err(Error::InvalidArgument));
    assert_eq!(privmap_gen(&k, 1, "a", 1, 1, Room::Name("Zoë".as_bytes()), 1, &mut out), Err(Error::InvalidArgument));
    assert_eq!(privmap_gen(&k, 1, "a", 1, 1, Room::Name(b""), 1, &mut out), Err(Error::InvalidArgument));
    // Plain UserSig handles Unicode the same way in every SDK, so it takes it.
    assert!(UserSig::new(&k, 1, "Zoë", 1, 1, b"").is_ok());
}

#[test]
fn buffer_contract() {
    let k = HmacKey::new(KEY).unwrap();
    let whole = UserSig::private_map_key(&k, 1400000000, "xiaojun", 300, 1700000000, Room::Id(1), 255).unwrap();
    let n = whole.as_bytes().len();
    let mut out = vec![0u8; n];
    assert_eq!(privmap_gen(&k, 1400000000, "xiaojun", 300, 1700000000, Room::Id(1), 255, &mut out), Ok(n));
    assert_eq!(out, whole.as_bytes());
    assert_eq!(
        privmap_gen(&k, 1400000000, "xiaojun", 300, 1700000000, Room::Id(1), 255, &mut out[..n - 1]),
        Err(Error::BufferTooSmall { needed: n })
    );
    assert_eq!(livesign::trtc::usersig_len(1400000000, "xiaojun", 300, 1700000000, 23 + 7), Ok(n));
}

proptest! {
    #[test]
    fn round_trip(
        id in "[A-Za-z0-9_-]{0,32}",
        name in proptest::option::of("[ -~]{1,64}"),
        room in any::<u32>(),
        privileges in any::<u32>(),
        sdkappid in any::<u32>(),
        now in 0..4_000_000_000u64,
        expire in 0..100_000_000u64,
    ) {
        prop_assume!(now + expire <= u64::from(u32::MAX));
        let k = HmacKey::new(KEY).unwrap();
        let r = name.as_deref().map_or(Room::Id(room), |n| Room::Name(n.as_bytes()));
        let t = UserSig::private_map_key(&k, sdkappid.into(), &id, expire, now, r, privileges).unwrap();
        let info = usersig_verify(&k, sdkappid.into(), &id, t.as_bytes(), now + expire, 0).unwrap();
        let p = privmap_parse(info.userbuf().unwrap()).unwrap();
        prop_assert_eq!(p.identifier, id.as_bytes());
        prop_assert_eq!((p.sdkappid, p.privileges, u64::from(p.expires_at)), (sdkappid, privileges, now + expire));
        match name {
            Some(n) => prop_assert_eq!((p.room_id, p.room_name), (0, Some(n.as_bytes()))),
            None => prop_assert_eq!((p.room_id, p.room_name), (room, None)),
        }
    }

    #[test]
    fn parse_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
        let _ = privmap_parse(&bytes);
    }
}
