// Tests of livesign::trtc::usersig and livesign::trtc::privmap against the real library: every
// token of tests/vectors/usersig.json (made by Tencent's official Python, Node, C++ and Go SDKs)
// verified, inspected and regenerated, the PrivateMapKey layouts, round trips and the errors.
#include <string>

#include "check.hpp"

using namespace livesign;
using test::status_of;

namespace {

// tests/vectors/usersig.json: one entry per case, with the tokens of the python, node, cpp and
// go implementations (livesign generates the go one byte for byte).
struct Case {
    std::string_view name;
    uint64_t sdkappid;
    std::string_view key, identifier;
    uint64_t expire, time;
    bool has_userbuf;
    std::string_view userbuf_hex;
    std::string_view tokens[4];
};
const Case kCases[] = {
    {"c1_plain_default_expire", 1400000000u,
     "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", "xiaojun",
     15552000u, 1700000000u, false, "",
     {"eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkKjIT87NK82CSxSnZiQUFmSlAKUMTAyiAyqVWFGQWpYJkTE1NjRDiJZm5YFFzNPXFmekgG3zKHM1T9D3LzdODi-OKs8vCqpxcAvydnV2SSv2cy03cPcpDnA2SMgu0nUxslWoBHdYzUg__",
      "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqOKplYUZBaBxE1NTY3gosWZ6UpWSj5ljuYp*p7l5unBxXnF2WVhVU4uAf7Ozi5JpX7O5SbuHuUhzgZJmQXaTia2SrUAohcx8g__",
      "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDKAAIpOZkppXkpmWCdZQkZmYn1WaB9VUkpmbCtRgjqohtaIgswgkbmpqagSUglqQmQ600KfM0TxF37PcPD24OK84uyysysklwN-Z2SWp1M*53MTdozzE2SAps0DbycRWqRYAcDcx8g__",
      "eAEArABT-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoieGlhb2p1biIsIlRMUy5zZGthcHBpZCI6MTQwMDAwMDAwMCwiVExTLmV4cGlyZSI6MTU1NTIwMDAsIlRMUy50aW1lIjoxNzAwMDAwMDAwLCJUTFMuc2lnIjoiTHZBN2QvSXc3Z1NzbnNrdlZ6QkRQT0NDRGJ1TkN3NEdId1RDMGJpcCtCND0ifQoBAAD--9-DMfw_"}},
    {"c2_plain_expire0", 1400123456u,
     "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", "administrator",
     0u, 1710000000u, false, "",
     {"eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkElNyM-Myi0uKEkvyi2BKilOyEwsKMlOACgxNDAwMjYxNTM2gcqkVBZlFqUAZA6hASWYuiGtobmgAATBDMtNBFlRFWYS6FQTmugeapYTlZ0TkBAUFG3j6ZBklGpdFpVbkRPo7F0WVFZuFZ7naKtUCAJ4ANTQ_",
      "eJwtil0LgjAYRv-Lex2yTbMYdBUWgRBqn94Ntuo1p2MbQ4r*e6A*d*ec5wunvIqCssCBRQQWI6NUnccHjlpIjR06b4Xv7Xxw8i2MQQmcJoRQFifLdCoetQJOV5RMm6waDFoFfEaHT*DwqdfnnSn0vkjlpX-d2rKsyCFvmIhDrYb2ftzaOrj02mQb*P0BD*0z1A__",
      "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDAwMjYxNTM0gMpkpqXklmWmZYA2JKbmZeZnFJUWJJflFUK0lmbmpQG3mhgYQANGWWlGQWQQUN4Can5kOtK8qyiLUrSAw1z3QLCUsPyMiJygo2MDTJ8so0bgsKrUiJ9LfuSiqrNgsPMvVVqkWAMllM9Q_",
      "eAEAnABj-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoiYWRtaW5pc3RyYXRvciIsIlRMUy5zZGthcHBpZCI6MTQwMDEyMzQ1NiwiVExTLnRpbWUiOjE3MTAwMDAwMDAsIlRMUy5zaWciOiJ6WjhVRnBRbUdRNmRWb2hYbFJSUzBJTGoyYTN2WmV4bFlPQ3JadnM2V2pFPSJ9CgEAAP--avEvVg__"}},
    {"c3_plain_unicode_identifier", 20012345u,
     "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", "\xe7\x94\xa8\xe6\x88\xb7_Zo\xc3\xab\xf0\x9f\x98\x80",
     86400u, 1700000000u, false, "",
     {"eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkYkrNTY0sYkrNjIzN46PyY0oNDFKTYkpTLIxTgGSqAVxbcUp2YkFBZgpQk5GBgaGRsYkpVCa1oiCzKBUobmFmYmAAFSzJzAUJGZobQAHMmMx0kLUFBVVlhv5GhoUWpqZOPpWmeR5uhe4RkcWOPp6Vhh7pRfkhlhXhpdleJiXltkq1ANOKOjk_",
      "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBws*nrHjWsT0*Kv-w6g-zZzRAlRSnZCcWFGSmKFkZGRgYGhmbmELESzJzU5WsDM0NoAAimlpRkFmUqmRlYWYCEyrOTFeyUiooqCoz9DcyLLQwNXXyqTTN83ArdI*ILHb08aw09Egvyg*xrAgvzfYyKSm3VaoFAJEfN-Y_",
      "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrIwMDAyNjE1MIeKZKal5JZlpmWDlz6eseNaxPT4q--DqD-NnNEC1lmTmpipZGZobQAFEY2pFQWYRUNzCzMTAAGpHZjrQzoKCqjJDfyPDQgtTUyefStM8D7dC94jIYkcfz0pDj-Si-BDLivDSbC*TknJbpVoAAXs39g__",
      "eAEArwBQ-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoi55So5oi3X1pvw6vwn5iAIiwiVExTLnNka2FwcGlkIjoyMDAxMjM0NSwiVExTLmV4cGlyZSI6ODY0MDAsIlRMUy50aW1lIjoxNzAwMDAwMDAwLCJUTFMuc2lnIjoicHB6djFPMjFxODU1Qkx5NW5IRnFHWFlzQUxJeTFIZ3JvVDl4V3VrSjR0dz0ifQoBAAD--9iVOAA_"}},
    {"c4_plain_single_char_identifier", 1600000001u,
     "short-key", "0",
     1u, 1234567890u, false, "",
     {"eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIk4MLFKdmJBQWZKUBBQzMDCDCEyqVWFGQWpYJkoAIlmblgrpGxiamZuYWlAcyQzHSQoWYegYb6maFGRklpBr5uEZFV3sH*Jl5*TjlRrklJ-umVHukWJlHBFSWRlqG2SrUAHRYuuA__",
      "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwjDB4pTsxIKCzBQlK0MzAwgwhMiUZOamKlkZGhmbmJqZW1gaQERTKwoyi0DiUO2Z6UpWSmYegYb6maFGRklpBr5uEZFV3sH*Jl5*TjlRrklJ-umVHukWJlHBFSWRlqG2SrUAwCItWA__",
      "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAzNDCDAECKTmZKaV5KZlgnWAFNekpmbClRqZGxiamZuYWkAUZpaUZBZBBKHmpmZDrTDzCPQUD8z1MgoKc3A1y0isso72N-Ey88pJ8o1Kck-vdIj3cIkKriiJNIy1FapFgCtbS1Y",
      "eAEAnwBg-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoiMCIsIlRMUy5zZGthcHBpZCI6MTYwMDAwMDAwMSwiVExTLmV4cGlyZSI6MSwiVExTLnRpbWUiOjEyMzQ1Njc4OTAsIlRMUy5zaWciOiI2SFExL2lVMjJiZjBNRlhZektTTzRKTkJsWkViYk9neUhnODRaU3h0WTlVPSJ9CgEAAP---mEtYg__"}},
    {"c5_plain_empty_identifier", 1400000000u,
     "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", "",
     3600u, 1700000000u, false, "",
     {"eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkYKLFKdmJBQWZKUAxQxMDKIDKpVYUZBalAmWMzeBiJZm5IBFDczS1xZnpIGO9tQ21TZJKKgwqg409E6uczfIKzC1807x93IwDkysDnE38w3yr-APzHbMdbZVqAWtNLuk_",
      "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwlCx4pTsxIKCzBQlK0MTAyiAyJRk5qYqWRmao4qmVhRkFqUqWRmbwUSKM9OVrJS8tQ21TZJKKgwqg409E6uczfIKzC1807x93IwDkysDnE38w3yr-APzHbMdbZVqAQyPLYk_",
      "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDKAAIpOZkppXkpmWCdYAVV2SmZsKVGmOqjK1oiCzCChubGZgADU1Mx1oi7e2obZJUkmFQWWwsWdilbNZXoG5hW*at4*bcWByZYCziX*Yb5V-YL5jtqOtUi0A92wtiQ__",
      "eAEAjQBy-3siVExTLnZlciI6IjIuMCIsIlRMUy5zZGthcHBpZCI6MTQwMDAwMDAwMCwiVExTLmV4cGlyZSI6MzYwMCwiVExTLnRpbWUiOjE3MDAwMDAwMDAsIlRMUy5zaWciOiJLKzErNGJ0eDB5UzNJYXpDNm5wNzhNZktMRjNRY3lQQzRPVk16T1FvQWtBPSJ9CgEAAP--rS4nYQ__"}},
    {"c6_plain_json_special_chars", 1400000000u,
     "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", "a\"b\\c/d<e>&f",
     86400u, 1700000000u, false, "",
     {"eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkEmOUkmJikvVTbFLt1NJgaopTshMLCjJTgCoMTQygACqXWlGQWZQKlLEwM4ELlmTmgoQMzdEUF2emg2xxc3FKdtT3dUwpMDYINA*vCHcpLnQPDvJ2C4-ytyjwd-ZzDSuL8Mn28-UJtVWqBQCVgTOL",
      "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokxSkkxMcn6KTapdmppUBXFKdmJBQWZKUpWhiYGUACRKcnMTVWyMjRHFU2tKMgsSlWysjAzgQkVZ6YrWSm5uTglO*r7OqYUGBsEmodXhLsUF7oHB3m7hUf5WxT4O-u5hpVF*GT7*fqE2irVAgANazIr",
      "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDKAAIpOZkppXkpmWCdaQGKOUFBOTrJ9ik2qnlgbVW5KZmwrUZ46qL7WiILMIKG5hBjQQaklmOtBSNxenZEd9X8eUAmODQPPwinCX4kL34CBvt-Aof4sCf2c-17CyCJ9sP1*fUFulWgDpJDIr",
      "eAEAvwBA-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoiYVwiYlxcYy9kXHUwMDNjZVx1MDAzZVx1MDAyNmYiLCJUTFMuc2RrYXBwaWQiOjE0MDAwMDAwMDAsIlRMUy5leHBpcmUiOjg2NDAwLCJUTFMudGltZSI6MTcwMDAwMDAwMCwiVExTLnNpZyI6IkZEQmNBL01BZHAzMFE3V3hXRHNxR1NSS0ZXWk84cE9DTkVWdlhMa05NTFU9In0KAQAA--*R2ja*"}},
    {"c7_raw_userbuf_abc", 1400000000u,
     "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", "xiaojun",
     86400u, 1700000000u, true, "616263",
     {"eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkKjIT87NK82CSxSnZiQUFmSlAKUMTAyiAyqVWFGQWpQJlLMxM4IIlmbkgIUNzNMWlxalFSaVpICsiw72y4OZnpoOE-BOTjMsi0nMiTUwDkiuqtIODszJSKpzCSzNCHCvCMioifdLKwrLcM-y9DGyVagF2rTqB",
      "eJxVjF0LgjAYRv-Le1vIrPXBoAu7CUQwULRdapvuXWUynYyi-x6YXvTcnXPgeUMaJd4gDTBYeQSWI6OQTY8Vjtph8dS2mVInbkXbogDmUzLtV3p8SGD*7t9K16KRwPZbOivbSVPaChjwPNTzL9bAIC7K9XCp75xuzlf3WiSJVsIdc6vSwGXK8agaMn1ScUgO8PkCf2c44Q__",
      "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDKAAIpOZkppXkpmWCdZQkZmYn1WaB9VUkpmbCtRgjqohtaIgswgobmEGNAliRmlxalFSaRrQxshwryyYlZnpQAH-xCTjsoj0nEgT04Dkiirt4OCsjJQKp-DSjBDHirCMikiftLKwLPcMfy8DW6VaAE2HOOE_",
      "eAEAvgBB-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoieGlhb2p1biIsIlRMUy5zZGthcHBpZCI6MTQwMDAwMDAwMCwiVExTLmV4cGlyZSI6ODY0MDAsIlRMUy50aW1lIjoxNzAwMDAwMDAwLCJUTFMudXNlcmJ1ZiI6IllXSmoiLCJUTFMuc2lnIjoiT2FiM3ZYZ2xZNDVQY3h6K1NTamhkeEJXdWhUQXhWaHhZTGZ2VmpHaE9KMD0ifQoBAAD--8fIOOs_"}},
    {"c8_privmapkey_numeric_room", 1400000000u,
     "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", "xiaojun",
     300u, 1700000000u, true, "0000077869616f6a756e53724e00000027106553f22c000000ff00000000",
     {"eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkKjIT87NK82CSxSnZiQUFmSlAKUMTAyiAyqVWFGQWpQJljOFCJZm5IAFDczSlpcWpRUmlaSALHB0dPVLdczKSjAoMk3L8KkPSgSLOyYFRYQGVPkCmY4AFiHSEuyAzHaTNQNvXxNvMJMczxM00W9siqyTQPTGnwiAtvSLFMLE8NQrIjIpMS8kri8q2VaoFALpLREM_",
      "eJxVjU0LgkAURf-L2xoympUMtHgEWWShJEHutJmxUTPxq5Hov0eWi*7iwj1ncZ8QuEe94xVQMHUCk2FLxotGCjlgJaN72hY-VbMsKkvJgBoW*eVrGnnjQI3FP*WqlBUHOh1BW-MqbgVQQMQNd-JrbJZGnB-6IEHE1cUPT17vIiJ69qdxfJYJUCDa3trNrXwbrGeZZqeN70S5IiJRzIgePFREhGfBii7MlvB6A36tQqM_",
      "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDKAAIpOZkppXkpmWCdZQkZmYn1WaB9VUkpmbCtRgjqohtaIgswgobmxgADGhtDi1KKk0DWifo6OjR6p7TkaSUYFhUo5fZUg6UMQ5OTAqLKDSB8h0DLAAkY4wR2WmAzUZaPuaeJuZ5HiGuJlma1tklQS6J*ZUGKSlV6QYJpanRgGZUZFpKXllUdm2SrUATM1Cow__",
      "eAEA4AAf-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoieGlhb2p1biIsIlRMUy5zZGthcHBpZCI6MTQwMDAwMDAwMCwiVExTLmV4cGlyZSI6MzAwLCJUTFMudGltZSI6MTcwMDAwMDAwMCwiVExTLnVzZXJidWYiOiJBQUFIZUdsaGIycDFibE55VGdBQUFDY1FaVlB5TEFBQUFQOEFBQUFBIiwiVExTLnNpZyI6IjArTTRLNjRsSVRGNWsrOGp0UUdhbHgwZmd4ZDFhd2VaeDBmWllmZG52Wms9In0KAQAA---SCkKt"}},
    {"c9_privmapkey_string_room", 1400123456u,
     "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", "user_01",
     15552000u, 1710000000u, true, "010007757365725f3031537430400000000066d9d5800000002a00000000000b726f6f6d2d34325f616263",
     {"eJw9jtsKgkAURX8l5rWI45RpgQ92I6iMUuzyEtlMddBMbCaT6N9r1NpPm7Vgn-Mi3sxtPnhKejVCm0AatYIg47HAE5ZC3nm6B*0n7yw8JAmyr9LaABpttfVO5fgzwZQro*s6BYCKC7wW1NCgTMXVdCBP6oq9tCds40THyMzmvgPzkV1kJ2L-rMrgVgJb5AHtipm3zDd0jNvMsv6v4VlNuXkmrguHx8Z0GMooxdXlCGF-svaCet4yxdCVkjFz0DFuFnl-AGEaS9I_",
      "eJw9ztsKgkAQBuB3mdsidrdMW-DCTgSVUYodbiLbrQbNxHYzid491Oq-mvl*GOYF-sxrPWQGHFiLQLPaUchE4Qkr1neZ7Qn9VncRHdIUBXDaIYSydsfo1o3CqwROTUrq1CqfKWalG4bB-lreDPUJODhLZyI2bnyMrXweuGQ*cqrsVBKcy2Fwq8FRRch6auYviw0b4za37d9LeAYOXpGr68KViTkdRjrOcHU5kqg-Wftho2hbauhpLYQ16Jo3G94f-AFKMg__",
      "eAE1js0OgjAQhN*lVw0pVQRNOCBqTBSMQvDnYsQW3IBAsBWJ8d0FqnPancm3s2-krz3lyUo0QUTBqN-tD5pcigIomqhDjFUyGGojmQBlGYcIOkA8WHnG6g-icGcNoKtYSgLsVUDZ*pqmkSaQbkuGImpKra21pAc3vaZG5QQuduZWpxPPgrid7FwaFq9DMuZrf1sfyAKOlWn*v4W4OeTVFb9vXJbpq1ki0hJ2tytOpsu9H-bqgcFnnhCUGvZIz030*QLZPkoy",
      "eAEA*QAG-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoidXNlcl8wMSIsIlRMUy5zZGthcHBpZCI6MTQwMDEyMzQ1NiwiVExTLmV4cGlyZSI6MTU1NTIwMDAsIlRMUy50aW1lIjoxNzEwMDAwMDAwLCJUTFMudXNlcmJ1ZiI6IkFRQUhkWE5sY2w4d01WTjBNRUFBQUFBQVp0blZnQUFBQUNvQUFBQUFBQXR5YjI5dExUUXlYMkZpWXc9PSIsIlRMUy5zaWciOiJTeXd0bU9OZW43S0RrdWxyaVJoYzBrQkhXVGIreTM4dERTdXVkZDhDNjdvPSJ9CgEAAP--UeZKPA__"}},
};

std::string unhex(std::string_view hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
    }
    return out;
}

// A wrong key of the same length (the last byte changed).
std::string wrong(std::string_view key) {
    std::string k(key);
    k.back() = k.back() == 'x' ? 'y' : 'x';
    return k;
}

void vectors() {
    using namespace trtc;
    int tokens = 0;
    for (const Case &c : kCases) {
        const std::string userbuf = unhex(c.userbuf_hex);
        const HmacKey loaded(c.key);
        const uint64_t end = c.time + c.expire;
        for (std::string_view token : c.tokens) {
            ++tokens;
            const usersig::Info info = usersig::verify(c.sdkappid, c.key, c.identifier, token, c.time);
            CHECK(info.sdkappid == c.sdkappid && info.identifier == c.identifier);
            CHECK(info.time == c.time && info.expire == c.expire && info.expires_at == end);
            CHECK(info.has_userbuf == c.has_userbuf && info.userbuf == userbuf);
            // The status of verifying `t` (this token, by default) for `app` and `id` at `now`.
            const auto verify = [&](uint64_t app, std::string_view key, std::string_view id, uint64_t now,
                                    uint32_t leeway = 0, std::string_view t = {}) {
                return status_of([&] { usersig::verify(app, key, id, t.empty() ? token : t, now, leeway); });
            };
            // Valid through time + expire, expired one second later (unless the leeway covers it).
            CHECK(verify(c.sdkappid, c.key, c.identifier, end) == Status::Ok);
            CHECK(status_of([&] { usersig::verify(c.sdkappid, loaded, c.identifier, token, end); }) == Status::Ok);
            CHECK(verify(c.sdkappid, c.key, c.identifier, end + 1) == Status::Expired);
            CHECK(status_of([&] { usersig::verify(c.sdkappid, loaded, c.identifier, token, end + 1); }) ==
                  Status::Expired);
            CHECK(verify(c.sdkappid, c.key, c.identifier, end + 1, 1) == Status::Ok);
            CHECK(status_of([&] { usersig::verify(c.sdkappid, c.key, c.identifier, token); }) == Status::Expired);
            CHECK(verify(c.sdkappid, wrong(c.key), c.identifier, c.time) == Status::SignatureMismatch);
            CHECK(verify(c.sdkappid + 1, c.key, c.identifier, c.time) == Status::IdentityMismatch);
            CHECK(verify(c.sdkappid, c.key, std::string(c.identifier) + "x", c.time) == Status::IdentityMismatch);
            CHECK(verify(c.sdkappid, c.key, c.identifier, c.time, 0, token.substr(0, token.size() - 4)) ==
                  Status::Malformed);
            // inspect reads the same fields without the key.
            const usersig::Info seen = usersig::inspect(token);
            CHECK(seen.sdkappid == info.sdkappid && seen.identifier == info.identifier && seen.time == info.time &&
                  seen.expire == info.expire && seen.expires_at == info.expires_at &&
                  seen.has_userbuf == info.has_userbuf && seen.userbuf == info.userbuf);
        }
        // livesign writes the Go SDK's token.
        const std::string_view go = c.tokens[3];
        using privmap::Privilege;
        if (c.name.substr(0, 3) == "c8_") {
            CHECK(privmap::gen(c.sdkappid, c.key, c.identifier, c.expire, 10000, Privilege::All, c.time) == go);
            CHECK(privmap::gen(c.sdkappid, loaded, c.identifier, c.expire, 10000, Privilege::All, c.time) == go);
        } else if (c.name.substr(0, 3) == "c9_") {
            const Privilege p = Privilege::Enter | Privilege::RecvAudio | Privilege::RecvVideo;
            CHECK(privmap::gen(c.sdkappid, c.key, c.identifier, c.expire, "room-42_abc", p, c.time) == go);
            CHECK(privmap::gen(c.sdkappid, loaded, c.identifier, c.expire, "room-42_abc", p, c.time) == go);
        } else {
            CHECK(usersig::gen(c.sdkappid, c.key, c.identifier, c.expire, c.time, userbuf) == go);
            CHECK(usersig::gen(c.sdkappid, loaded, c.identifier, c.expire, c.time, userbuf) == go);
        }
        CHECK(usersig::len(c.sdkappid, c.identifier, c.expire, c.time, userbuf.size()) == go.size());
    }
    CHECK(tokens == 36);
}

// The spec's c8 / c9 grants, read back from verified tokens.
void privmap_layouts() {
    using namespace trtc;
    const Case &c8 = kCases[7], &c9 = kCases[8];
    CHECK(c8.name == "c8_privmapkey_numeric_room" && c9.name == "c9_privmapkey_string_room");
    for (std::string_view token : c8.tokens) {
        const usersig::Info info = usersig::verify(c8.sdkappid, c8.key, c8.identifier, token, c8.time);
        const privmap::Info p = privmap::parse(info.userbuf);
        CHECK(p.identifier == "xiaojun" && p.sdkappid == 1400000000u && p.roomid == 10000u && !p.roomstr);
        CHECK(p.expires_at == 1700000300u && p.privileges == privmap::Privilege::All && p.account_type == 0);
    }
    for (std::string_view token : c9.tokens) {
        const usersig::Info info = usersig::verify(c9.sdkappid, c9.key, c9.identifier, token, c9.time);
        const privmap::Info p = privmap::parse(info.userbuf);
        CHECK(p.identifier == "user_01" && p.sdkappid == 1400123456u && p.roomid == 0 && p.roomstr == "room-42_abc");
        CHECK(p.expires_at == 1725552000u && static_cast<uint32_t>(p.privileges) == 42 && p.account_type == 0);
        CHECK(privmap::has(p.privileges, privmap::Privilege::Enter | privmap::Privilege::RecvVideo));
        CHECK(!privmap::has(p.privileges, privmap::Privilege::SendAudio));
    }
    CHECK(status_of([] { privmap::parse(""); }) == Status::Malformed);
    CHECK(status_of([] { privmap::parse("abc"); }) == Status::Malformed);
    const std::string c8buf = unhex(c8.userbuf_hex);
    CHECK(status_of([&] { privmap::parse(c8buf + "x"); }) == Status::Malformed);
    CHECK(status_of([&] { privmap::parse(c8buf.substr(0, c8buf.size() - 1)); }) == Status::Malformed);
}

void round_trips() {
    using namespace trtc;
    const std::string key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    const HmacKey loaded(key);
    // A Unicode identifier and a binary userbuf (with a NUL).
    const std::string id = "\xe7\x94\xa8\xe6\x88\xb7_Zo\xc3\xab\xf0\x9f\x98\x80";
    const std::string buf("grant\0\xff\x01", 8);
    const std::string token = usersig::gen(1400000000, key, id, 3600, 1700000000, buf);
    CHECK(token.size() == usersig::len(1400000000, id, 3600, 1700000000, buf.size()));
    CHECK(token.size() <= usersig::max_len());
    usersig::Info info = usersig::verify(1400000000, loaded, id, token, 1700003600);
    CHECK(info.identifier == id && info.has_userbuf && info.userbuf == buf && info.expires_at == 1700003600);
    CHECK(usersig::gen(1400000000, loaded, id, 3600, 1700000000, buf) == token);
    // An empty userbuf is none.
    info = usersig::verify(1400000000, key, id, usersig::gen(1400000000, key, id, 60, 1700000000, ""), 1700000000);
    CHECK(!info.has_userbuf && info.userbuf.empty());
    // The default clock on both sides.
    CHECK(usersig::verify(1400000000, key, "alice", usersig::gen(1400000000, key, "alice", 60)).identifier == "alice");
    // The longest token: the longest identifier, all control characters (6 bytes each in
    // JSON), the longest userbuf, a 20-digit sdkappid and 19-digit times ending at
    // max_expires_at (INT64_MAX, the most the official verifiers read).
    CHECK(usersig::max_expires_at == static_cast<uint64_t>(INT64_MAX));
    const std::string long_id(usersig::identifier_max_len, '\x01'), long_buf(usersig::userbuf_max_len, '\xff');
    const uint64_t half = usersig::max_expires_at / 2;
    const std::string longest = usersig::gen(UINT64_MAX, loaded, long_id, half + 1, half, long_buf);
    CHECK(longest.size() + 4 == usersig::max_len());
    info = usersig::verify(UINT64_MAX, key, long_id, longest, usersig::max_expires_at);
    CHECK(info.identifier == long_id && info.userbuf == long_buf && info.expires_at == usersig::max_expires_at);
    CHECK(status_of([&] { usersig::gen(1, key, "a", half + 2, half); }) == Status::InvalidArgument);
    CHECK(status_of([&] { usersig::gen(1, loaded, "a", UINT64_MAX, UINT64_MAX); }) == Status::InvalidArgument);
    CHECK(usersig::len(1, "a", half + 2, half) == 0);
    // PrivateMapKeys, numeric and string rooms.
    using privmap::Privilege;
    const Privilege watch = Privilege::Enter | Privilege::RecvAudio | Privilege::RecvVideo;
    const std::string pk = privmap::gen(1400000000, key, "bob", 300, 4294967295u, watch, 1700000000);
    privmap::Info p = privmap::parse(usersig::verify(1400000000, key, "bob", pk, 1700000300).userbuf);
    CHECK(p.identifier == "bob" && p.roomid == 4294967295u && !p.roomstr);
    CHECK(p.privileges == watch && p.expires_at == 1700000300);
    const std::string ps = privmap::gen(1400000000, loaded, "bob", 300, "live-room_9", Privilege::All, 1700000000);
    p = privmap::parse(usersig::verify(1400000000, loaded, "bob", ps, 1700000000).userbuf);
    CHECK(p.roomid == 0 && p.roomstr == "live-room_9" && p.privileges == Privilege::All);
    Privilege set = Privilege::None;
    set |= Privilege::Create;
    set |= Privilege::SendSubstream | Privilege::RecvSubstream | Privilege::SendAudio | Privilege::SendVideo;
    CHECK((set | watch) == Privilege::All && static_cast<uint32_t>(Privilege::All) == LIVESIGN_PRIVMAP_ALL);
    // The default clock: the grant and the token end 60 s from now.
    const uint64_t now = unix_now();
    const std::string fresh = privmap::gen(1400000000, key, "bob", 60, 7u, watch);
    p = privmap::parse(usersig::verify(1400000000, key, "bob", fresh).userbuf);
    CHECK(p.expires_at >= now + 60 && p.expires_at <= now + 61);
}

void errors() {
    using namespace trtc;
    CHECK(usersig::max_len() == LIVESIGN_USERSIG_MAX_LEN && usersig::identifier_max_len == 256 &&
          usersig::userbuf_max_len == 1024);
    const std::string key = "k";
    CHECK(status_of([&] { usersig::gen(1, "", "alice", 60, 1); }) == Status::InvalidKey);
    CHECK(status_of([&] { usersig::gen(1, key, "\xff", 60, 1); }) == Status::InvalidArgument);
    CHECK(status_of([&] { usersig::gen(1, key, std::string(257, 'i'), 60, 1); }) == Status::InvalidArgument);
    CHECK(status_of([&] { usersig::gen(1, key, "alice", 60, 1, std::string(1025, 'u')); }) == Status::InvalidArgument);
    CHECK(usersig::len(1, "\xff", 60, 1) == 0 && usersig::len(1, std::string(257, 'i'), 60, 1) == 0);
    CHECK(usersig::len(1, "alice", 60, 1, 1025) == 0 && usersig::len(1, "alice", 60, 1) > 0);
    const std::string token = usersig::gen(1, key, "alice", 60, 1);
    CHECK(status_of([&] { usersig::verify(1, "", "alice", token, 1); }) == Status::InvalidKey);
    CHECK(status_of([&] { usersig::verify(1, key, "\xff", token, 1); }) == Status::InvalidArgument);
    CHECK(status_of([&] { usersig::verify(1, key, "alice", "not a usersig", 1); }) == Status::Malformed);
    CHECK(status_of([&] { usersig::verify(1, key, "alice", "", 1); }) == Status::Malformed);
    CHECK(status_of([] { usersig::inspect("eJyrVgrxCdYr"); }) == Status::Malformed);
    // A token whose alphabet was turned into standard base64 (`* - _` to `+ / =`) is not a UserSig.
    std::string standard(kCases[0].tokens[3]);
    for (char &ch : standard) ch = ch == '*' ? '+' : ch == '-' ? '/' : ch == '_' ? '=' : ch;
    CHECK(standard != kCases[0].tokens[3] && status_of([&] { usersig::inspect(standard); }) == Status::Malformed);
    // PrivateMapKeys: ASCII identifiers and rooms, 32-bit sdkappid and expiry.
    using privmap::Privilege;
    const auto numeric = [&](uint64_t app, std::string_view k, std::string_view id, uint64_t expire, uint64_t now) {
        return status_of([&] { privmap::gen(app, k, id, expire, 1u, Privilege::Enter, now); });
    };
    const auto named = [&](std::string_view room) {
        return status_of([&] { privmap::gen(1, key, "bob", 60, room, Privilege::Enter, 1); });
    };
    CHECK(numeric(1, "", "bob", 60, 1) == Status::InvalidKey);
    CHECK(numeric(1, key, "b\xc3\xb6" "b", 60, 1) == Status::InvalidArgument);
    CHECK(numeric(4294967296u, key, "bob", 60, 1) == Status::InvalidArgument);
    CHECK(numeric(4294967295u, key, "bob", 60, 1) == Status::Ok);
    CHECK(numeric(1, key, "bob", 1, 4294967295u) == Status::InvalidArgument);
    CHECK(numeric(1, key, "bob", 0, 4294967295u) == Status::Ok);
    CHECK(named("") == Status::InvalidArgument);
    CHECK(named("r\xc3\xb6") == Status::InvalidArgument);
    CHECK(named(std::string(1024 - 25 - 3, 'r')) == Status::Ok);  // the longest userbuf
    CHECK(named(std::string(1024 - 25 - 3 + 1, 'r')) == Status::InvalidArgument);
    // A wiped key context is refused, not a crash.
    HmacKey moved(key);
    HmacKey target(std::move(moved));
    CHECK(status_of([&] { usersig::gen(1, moved, "alice", 60, 1); }) == Status::InvalidArgument);
    CHECK(status_of([&] { usersig::verify(1, moved, "alice", token, 1); }) == Status::InvalidArgument);
    CHECK(status_of([&] { privmap::gen(1, moved, "bob", 60, 1u, Privilege::Enter, 1); }) == Status::InvalidArgument);
    CHECK(status_of([&] { privmap::gen(1, moved, "bob", 60, "r", Privilege::Enter, 1); }) == Status::InvalidArgument);
    CHECK(usersig::verify(1, target, "alice", token, 1).identifier == "alice");
}

}  // namespace

namespace test {
void usersig() {
    vectors();
    privmap_layouts();
    round_trips();
    errors();
}
}  // namespace test
