//! Hash primitives driven through the RustCrypto compression functions on stack buffers that
//! are wiped after use: MD5 and SHA-256 over concatenated parts, HMAC-SHA256 with loaded keys.

pub(crate) mod hmac;
pub(crate) mod md5;
pub(crate) mod sha256;
mod stream;
