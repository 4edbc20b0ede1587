//! Tencent TRTC / Chat server side: REST API request URLs, response envelopes and the common
//! REST error codes ([`rest`]), and TRTC event callback signatures ([`callback`]).

pub mod callback;
pub mod rest;
