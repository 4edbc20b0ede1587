//! Hash primitives driven through the RustCrypto compression functions, on stack buffers
//! that are wiped after use.

pub(crate) mod md5;
