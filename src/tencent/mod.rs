//! Tencent Cloud Live (CSS): `t` + `sign` request protection ([`sign`], [`verify`]), event
//! callbacks ([`callback`]), push/play URL hotlink protection ([`url`]), legacy API requests
//! ([`api`]) and the error catalog ([`errors`]).

pub mod api;
pub mod callback;
pub mod errors;
mod sign;
pub mod url;

pub use sign::{Sign, sign, verify};
