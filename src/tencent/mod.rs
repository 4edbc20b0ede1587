//! Tencent Cloud Live (CSS): `t` + `sign` request and callback protection.

mod sign;

pub use sign::{Sign, sign, verify};
