//! Huawei Cloud Live: stream status notifications ([`Notification`], [`sign`]) and their
//! ordering ([`StreamState`]) and ids ([`Notification::event_id`]); URL validation methods A
//! ([`url_a_build`], [`url_a_verify`]), B ([`url_b_build`], [`url_b_verify`]) and D
//! ([`url_d_build`], [`url_d_verify`]); recording callbacks ([`record_sign`],
//! [`record_md5_sign`], ...); SparkRTC recording callbacks ([`sparkrtc_verify`]).
//!
//! URL method C (`auth_info`, AES) is left out: Huawei's pages do not say enough (cipher mode,
//! plaintext layout, IV encoding) to implement it exactly.

mod event_id;
mod notify;
mod ordering;
mod record;
mod sparkrtc;
mod url_a;
mod url_b;
mod url_d;
mod url_rules;

pub use crate::authkey::TimeFormat;
pub use notify::{EventKind, Notification, sign};
pub use ordering::{Phase, StreamState, Verdict};
pub use record::{RecordFields, record_md5_sign, record_md5_verify, record_sign, record_verify};
pub use sparkrtc::{SparkRtcUnit, sparkrtc_sign, sparkrtc_verify, sparkrtc_verify_unit};
pub use url_a::{url_a_build, url_a_verify};
pub use url_b::{url_b_build, url_b_verify};
pub use url_d::{url_d_build, url_d_secret, url_d_verify};
pub use url_rules::UrlAuth;

pub(crate) use event_id::{replay_fields, write_into as write_event_id};
pub(crate) use notify::check_auth_timestamp;
pub(crate) use sparkrtc::{check as sparkrtc_check, seconds as sparkrtc_seconds};
pub(crate) use url_b::QUERY_MAX_LEN as URL_B_QUERY_MAX_LEN;
pub(crate) use url_d::{QUERY_MAX_LEN as URL_D_QUERY_MAX_LEN, check_build_args as url_d_check_build_args};
