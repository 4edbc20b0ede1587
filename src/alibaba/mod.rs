//! Alibaba Cloud ApsaraVideo Live: URL signing type A ([`url_a_build`], [`url_a_verify`]) and
//! the callback signature ([`callback_sign`], [`callback_verify`]).

mod callback;
mod url_a;

pub use callback::{callback_sign, callback_verify};
pub use url_a::{url_a_build, url_a_verify};
