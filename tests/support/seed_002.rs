//! Seed 002's table of the common REST API error codes, shared by the Rust and C tests of the
//! catalog (`#[path]`-included, so it is not part of `support`).

/// Seed 002's table of common REST error codes, copied from the seed word for word.
pub const CODES: [(i64, &str); 20] = [
    (60002, "HTTP parsing error, please check the HTTP request URL format"),
    (60003, "HTTP request JSON parsing error, please check the JSON format"),
    (60004, "Request URL or JSON payload contains an incorrect account or signature"),
    (60005, "Request URL or JSON payload contains an incorrect account or signature"),
    (60006, "SDKAppID invalid, please verify the validity of SDKAppID"),
    (60007, "RESTful API invocation frequency exceeds its limit, please reduce the request frequency"),
    (60008, "Service request timed out or HTTP request format is incorrect, please check and retry"),
    (60009, "Request Resource Error, please check the request URL"),
    (60010, "The request requires App administrator privileges"),
    (60011, "SDKAppID request frequency exceeds the limit, please reduce the request frequency"),
    (60012, "RESTful API requires SDKAppID, please check the SDKAppID in the request URL"),
    (60013, "HTTP response package JSON parsing error"),
    (60014, "Account Replacement timed out"),
    (60015, "The request body has the wrong account type. Please ensure the account is in string format"),
    (60016, "SDKAppID is disabled."),
    (60017, "The request is disabled."),
    (60018, "The request is too frequent, please try again later."),
    (60019, "The request is too frequent, please try again later."),
    (
        60020,
        "Your Professional Edition package has expired and been deactivated. Please log in to [ Chat purchase page](https://buy.tencentcloud.com/avc) to repurchase the package. Once purchased, it will take effect 5 minutes later.",
    ),
    (60021, "The Call Source IP for RestAPI is illegal."),
];
