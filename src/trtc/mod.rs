//! Tencent TRTC / Chat server side: REST API request URLs, response envelopes and the common
//! REST error codes ([`rest`]).

pub mod rest;
