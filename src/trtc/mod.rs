//! Tencent TRTC / Chat server side: TLSSigAPIv2 UserSig generation, verification and
//! inspection, and PrivateMapKey, as checked against Tencent's official Python, Node, C++ and
//! Go code (`specs/tencent-usersig-and-css.md` §1–5, §8); REST API request URLs, response
//! envelopes and the common REST error codes ([`rest`]); TRTC event callback signatures
//! ([`callback`]).

mod adler32;
pub mod callback;
pub(crate) mod inflate;
mod privmap;
pub mod rest;
mod usersig;
mod usersig_info;
mod usersig_json;
mod usersig_verify;
pub(crate) mod zlib;

pub use privmap::{PrivateMap, Privilege, Room, privmap_gen, privmap_parse};
pub use usersig::{UserSig, usersig_gen, usersig_len};
pub use usersig_info::{UserSigInfo, usersig_inspect};
pub use usersig_verify::usersig_verify;

pub(crate) use usersig_info::{Fields, with_decoded};
pub(crate) use usersig_verify::verify_with;
#[cfg(feature = "fuzzing")]
pub(crate) use {usersig_info::MAX_DOC_LEN, usersig_json::escape_into};
