import Foundation
import XCTest

@testable import Livesign

private typealias UserSig = Livesign.Trtc.UserSig
private typealias PMK = Livesign.Trtc.PrivateMapKey

private func at(_ unix: UInt64) -> Date { Date(timeIntervalSince1970: TimeInterval(unix)) }

private func assertStatus<R>(_ expected: LivesignError, _ call: @autoclosure () throws -> R, file: StaticString = #filePath,
                             line: UInt = #line) {
    XCTAssertThrowsError(try call(), file: file, line: line) {
        XCTAssertEqual($0 as? LivesignError, expected, file: file, line: line)
    }
}

/// tests/vectors/usersig.json: one entry per case, with the tokens of Tencent's official python,
/// node, cpp and go SDKs (livesign generates the go one byte for byte).
private struct Case {
    let name: String
    let sdkappid: UInt64
    let key: String
    let identifier: String
    let expire: UInt64
    let time: UInt64
    let userbufHex: String?
    let tokens: [String]

    var userbuf: Data? {
        guard let hex = userbufHex else { return nil }
        var bytes = [UInt8]()
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            bytes.append(UInt8(hex[i..<j], radix: 16)!)
            i = j
        }
        return Data(bytes)
    }
}

private let cases = [
    Case(name: "c1_plain_default_expire", sdkappid: 1400000000, key: "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", identifier: "xiaojun", expire: 15552000, time: 1700000000, userbufHex: nil, tokens: [
        "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkKjIT87NK82CSxSnZiQUFmSlAKUMTAyiAyqVWFGQWpYJkTE1NjRDiJZm5YFFzNPXFmekgG3zKHM1T9D3LzdODi-OKs8vCqpxcAvydnV2SSv2cy03cPcpDnA2SMgu0nUxslWoBHdYzUg__",
        "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqOKplYUZBaBxE1NTY3gosWZ6UpWSj5ljuYp*p7l5unBxXnF2WVhVU4uAf7Ozi5JpX7O5SbuHuUhzgZJmQXaTia2SrUAohcx8g__",
        "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDKAAIpOZkppXkpmWCdZQkZmYn1WaB9VUkpmbCtRgjqohtaIgswgkbmpqagSUglqQmQ600KfM0TxF37PcPD24OK84uyysysklwN-Z2SWp1M*53MTdozzE2SAps0DbycRWqRYAcDcx8g__",
        "eAEArABT-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoieGlhb2p1biIsIlRMUy5zZGthcHBpZCI6MTQwMDAwMDAwMCwiVExTLmV4cGlyZSI6MTU1NTIwMDAsIlRMUy50aW1lIjoxNzAwMDAwMDAwLCJUTFMuc2lnIjoiTHZBN2QvSXc3Z1NzbnNrdlZ6QkRQT0NDRGJ1TkN3NEdId1RDMGJpcCtCND0ifQoBAAD--9-DMfw_"]),
    Case(name: "c2_plain_expire0", sdkappid: 1400123456, key: "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", identifier: "administrator", expire: 0, time: 1710000000, userbufHex: nil, tokens: [
        "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkElNyM-Myi0uKEkvyi2BKilOyEwsKMlOACgxNDAwMjYxNTM2gcqkVBZlFqUAZA6hASWYuiGtobmgAATBDMtNBFlRFWYS6FQTmugeapYTlZ0TkBAUFG3j6ZBklGpdFpVbkRPo7F0WVFZuFZ7naKtUCAJ4ANTQ_",
        "eJwtil0LgjAYRv-Lex2yTbMYdBUWgRBqn94Ntuo1p2MbQ4r*e6A*d*ec5wunvIqCssCBRQQWI6NUnccHjlpIjR06b4Xv7Xxw8i2MQQmcJoRQFifLdCoetQJOV5RMm6waDFoFfEaHT*DwqdfnnSn0vkjlpX-d2rKsyCFvmIhDrYb2ftzaOrj02mQb*P0BD*0z1A__",
        "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDAwMjYxNTM0gMpkpqXklmWmZYA2JKbmZeZnFJUWJJflFUK0lmbmpQG3mhgYQANGWWlGQWQQUN4Can5kOtK8qyiLUrSAw1z3QLCUsPyMiJygo2MDTJ8so0bgsKrUiJ9LfuSiqrNgsPMvVVqkWAMllM9Q_",
        "eAEAnABj-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoiYWRtaW5pc3RyYXRvciIsIlRMUy5zZGthcHBpZCI6MTQwMDEyMzQ1NiwiVExTLnRpbWUiOjE3MTAwMDAwMDAsIlRMUy5zaWciOiJ6WjhVRnBRbUdRNmRWb2hYbFJSUzBJTGoyYTN2WmV4bFlPQ3JadnM2V2pFPSJ9CgEAAP--avEvVg__"]),
    Case(name: "c3_plain_unicode_identifier", sdkappid: 20012345, key: "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", identifier: "\u{7528}\u{6237}_Zo\u{eb}\u{1f600}", expire: 86400, time: 1700000000, userbufHex: nil, tokens: [
        "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkYkrNTY0sYkrNjIzN46PyY0oNDFKTYkpTLIxTgGSqAVxbcUp2YkFBZgpQk5GBgaGRsYkpVCa1oiCzKBUobmFmYmAAFSzJzAUJGZobQAHMmMx0kLUFBVVlhv5GhoUWpqZOPpWmeR5uhe4RkcWOPp6Vhh7pRfkhlhXhpdleJiXltkq1ANOKOjk_",
        "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBws*nrHjWsT0*Kv-w6g-zZzRAlRSnZCcWFGSmKFkZGRgYGhmbmELESzJzU5WsDM0NoAAimlpRkFmUqmRlYWYCEyrOTFeyUiooqCoz9DcyLLQwNXXyqTTN83ArdI*ILHb08aw09Egvyg*xrAgvzfYyKSm3VaoFAJEfN-Y_",
        "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrIwMDAyNjE1MIeKZKal5JZlpmWDlz6eseNaxPT4q--DqD-NnNEC1lmTmpipZGZobQAFEY2pFQWYRUNzCzMTAAGpHZjrQzoKCqjJDfyPDQgtTUyefStM8D7dC94jIYkcfz0pDj-Si-BDLivDSbC*TknJbpVoAAXs39g__",
        "eAEArwBQ-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoi55So5oi3X1pvw6vwn5iAIiwiVExTLnNka2FwcGlkIjoyMDAxMjM0NSwiVExTLmV4cGlyZSI6ODY0MDAsIlRMUy50aW1lIjoxNzAwMDAwMDAwLCJUTFMuc2lnIjoicHB6djFPMjFxODU1Qkx5NW5IRnFHWFlzQUxJeTFIZ3JvVDl4V3VrSjR0dz0ifQoBAAD--9iVOAA_"]),
    Case(name: "c4_plain_single_char_identifier", sdkappid: 1600000001, key: "short-key", identifier: "0", expire: 1, time: 1234567890, userbufHex: nil, tokens: [
        "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIk4MLFKdmJBQWZKUBBQzMDCDCEyqVWFGQWpYJkoAIlmblgrpGxiamZuYWlAcyQzHSQoWYegYb6maFGRklpBr5uEZFV3sH*Jl5*TjlRrklJ-umVHukWJlHBFSWRlqG2SrUAHRYuuA__",
        "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwjDB4pTsxIKCzBQlK0MzAwgwhMiUZOamKlkZGhmbmJqZW1gaQERTKwoyi0DiUO2Z6UpWSmYegYb6maFGRklpBr5uEZFV3sH*Jl5*TjlRrklJ-umVHukWJlHBFSWRlqG2SrUAwCItWA__",
        "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAzNDCDAECKTmZKaV5KZlgnWAFNekpmbClRqZGxiamZuYWkAUZpaUZBZBBKHmpmZDrTDzCPQUD8z1MgoKc3A1y0isso72N-Ey88pJ8o1Kck-vdIj3cIkKriiJNIy1FapFgCtbS1Y",
        "eAEAnwBg-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoiMCIsIlRMUy5zZGthcHBpZCI6MTYwMDAwMDAwMSwiVExTLmV4cGlyZSI6MSwiVExTLnRpbWUiOjEyMzQ1Njc4OTAsIlRMUy5zaWciOiI2SFExL2lVMjJiZjBNRlhZektTTzRKTkJsWkViYk9neUhnODRaU3h0WTlVPSJ9CgEAAP---mEtYg__"]),
    Case(name: "c5_plain_empty_identifier", sdkappid: 1400000000, key: "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", identifier: "", expire: 3600, time: 1700000000, userbufHex: nil, tokens: [
        "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkYKLFKdmJBQWZKUAxQxMDKIDKpVYUZBalAmWMzeBiJZm5IBFDczS1xZnpIGO9tQ21TZJKKgwqg409E6uczfIKzC1807x93IwDkysDnE38w3yr-APzHbMdbZVqAWtNLuk_",
        "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwlCx4pTsxIKCzBQlK0MTAyiAyJRk5qYqWRmao4qmVhRkFqUqWRmbwUSKM9OVrJS8tQ21TZJKKgwqg409E6uczfIKzC1807x93IwDkysDnE38w3yr-APzHbMdbZVqAQyPLYk_",
        "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDKAAIpOZkppXkpmWCdYAVV2SmZsKVGmOqjK1oiCzCChubGZgADU1Mx1oi7e2obZJUkmFQWWwsWdilbNZXoG5hW*at4*bcWByZYCziX*Yb5V-YL5jtqOtUi0A92wtiQ__",
        "eAEAjQBy-3siVExTLnZlciI6IjIuMCIsIlRMUy5zZGthcHBpZCI6MTQwMDAwMDAwMCwiVExTLmV4cGlyZSI6MzYwMCwiVExTLnRpbWUiOjE3MDAwMDAwMDAsIlRMUy5zaWciOiJLKzErNGJ0eDB5UzNJYXpDNm5wNzhNZktMRjNRY3lQQzRPVk16T1FvQWtBPSJ9CgEAAP--rS4nYQ__"]),
    Case(name: "c6_plain_json_special_chars", sdkappid: 1400000000, key: "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", identifier: "a\"b\\c/d<e>&f", expire: 86400, time: 1700000000, userbufHex: nil, tokens: [
        "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkEmOUkmJikvVTbFLt1NJgaopTshMLCjJTgCoMTQygACqXWlGQWZQKlLEwM4ELlmTmgoQMzdEUF2emg2xxc3FKdtT3dUwpMDYINA*vCHcpLnQPDvJ2C4-ytyjwd-ZzDSuL8Mn28-UJtVWqBQCVgTOL",
        "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokxSkkxMcn6KTapdmppUBXFKdmJBQWZKUpWhiYGUACRKcnMTVWyMjRHFU2tKMgsSlWysjAzgQkVZ6YrWSm5uTglO*r7OqYUGBsEmodXhLsUF7oHB3m7hUf5WxT4O-u5hpVF*GT7*fqE2irVAgANazIr",
        "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDKAAIpOZkppXkpmWCdaQGKOUFBOTrJ9ik2qnlgbVW5KZmwrUZ46qL7WiILMIKG5hBjQQaklmOtBSNxenZEd9X8eUAmODQPPwinCX4kL34CBvt-Aof4sCf2c-17CyCJ9sP1*fUFulWgDpJDIr",
        "eAEAvwBA-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoiYVwiYlxcYy9kXHUwMDNjZVx1MDAzZVx1MDAyNmYiLCJUTFMuc2RrYXBwaWQiOjE0MDAwMDAwMDAsIlRMUy5leHBpcmUiOjg2NDAwLCJUTFMudGltZSI6MTcwMDAwMDAwMCwiVExTLnNpZyI6IkZEQmNBL01BZHAzMFE3V3hXRHNxR1NSS0ZXWk84cE9DTkVWdlhMa05NTFU9In0KAQAA--*R2ja*"]),
    Case(name: "c7_raw_userbuf_abc", sdkappid: 1400000000, key: "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", identifier: "xiaojun", expire: 86400, time: 1700000000, userbufHex: "616263", tokens: [
        "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkKjIT87NK82CSxSnZiQUFmSlAKUMTAyiAyqVWFGQWpQJlLMxM4IIlmbkgIUNzNMWlxalFSaVpICsiw72y4OZnpoOE-BOTjMsi0nMiTUwDkiuqtIODszJSKpzCSzNCHCvCMioifdLKwrLcM-y9DGyVagF2rTqB",
        "eJxVjF0LgjAYRv-Le1vIrPXBoAu7CUQwULRdapvuXWUynYyi-x6YXvTcnXPgeUMaJd4gDTBYeQSWI6OQTY8Vjtph8dS2mVInbkXbogDmUzLtV3p8SGD*7t9K16KRwPZbOivbSVPaChjwPNTzL9bAIC7K9XCp75xuzlf3WiSJVsIdc6vSwGXK8agaMn1ScUgO8PkCf2c44Q__",
        "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDKAAIpOZkppXkpmWCdZQkZmYn1WaB9VUkpmbCtRgjqohtaIgswgobmEGNAliRmlxalFSaRrQxshwryyYlZnpQAH-xCTjsoj0nEgT04Dkiirt4OCsjJQKp-DSjBDHirCMikiftLKwLPcMfy8DW6VaAE2HOOE_",
        "eAEAvgBB-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoieGlhb2p1biIsIlRMUy5zZGthcHBpZCI6MTQwMDAwMDAwMCwiVExTLmV4cGlyZSI6ODY0MDAsIlRMUy50aW1lIjoxNzAwMDAwMDAwLCJUTFMudXNlcmJ1ZiI6IllXSmoiLCJUTFMuc2lnIjoiT2FiM3ZYZ2xZNDVQY3h6K1NTamhkeEJXdWhUQXhWaHhZTGZ2VmpHaE9KMD0ifQoBAAD--8fIOOs_"]),
    Case(name: "c8_privmapkey_numeric_room", sdkappid: 1400000000, key: "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", identifier: "xiaojun", expire: 300, time: 1700000000, userbufHex: "0000077869616f6a756e53724e00000027106553f22c000000ff00000000", tokens: [
        "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkKjIT87NK82CSxSnZiQUFmSlAKUMTAyiAyqVWFGQWpQJljOFCJZm5IAFDczSlpcWpRUmlaSALHB0dPVLdczKSjAoMk3L8KkPSgSLOyYFRYQGVPkCmY4AFiHSEuyAzHaTNQNvXxNvMJMczxM00W9siqyTQPTGnwiAtvSLFMLE8NQrIjIpMS8kri8q2VaoFALpLREM_",
        "eJxVjU0LgkAURf-L2xoympUMtHgEWWShJEHutJmxUTPxq5Hov0eWi*7iwj1ncZ8QuEe94xVQMHUCk2FLxotGCjlgJaN72hY-VbMsKkvJgBoW*eVrGnnjQI3FP*WqlBUHOh1BW-MqbgVQQMQNd-JrbJZGnB-6IEHE1cUPT17vIiJ69qdxfJYJUCDa3trNrXwbrGeZZqeN70S5IiJRzIgePFREhGfBii7MlvB6A36tQqM_",
        "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDKAAIpOZkppXkpmWCdZQkZmYn1WaB9VUkpmbCtRgjqohtaIgswgobmxgADGhtDi1KKk0DWifo6OjR6p7TkaSUYFhUo5fZUg6UMQ5OTAqLKDSB8h0DLAAkY4wR2WmAzUZaPuaeJuZ5HiGuJlma1tklQS6J*ZUGKSlV6QYJpanRgGZUZFpKXllUdm2SrUATM1Cow__",
        "eAEA4AAf-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoieGlhb2p1biIsIlRMUy5zZGthcHBpZCI6MTQwMDAwMDAwMCwiVExTLmV4cGlyZSI6MzAwLCJUTFMudGltZSI6MTcwMDAwMDAwMCwiVExTLnVzZXJidWYiOiJBQUFIZUdsaGIycDFibE55VGdBQUFDY1FaVlB5TEFBQUFQOEFBQUFBIiwiVExTLnNpZyI6IjArTTRLNjRsSVRGNWsrOGp0UUdhbHgwZmd4ZDFhd2VaeDBmWllmZG52Wms9In0KAQAA---SCkKt"]),
    Case(name: "c9_privmapkey_string_room", sdkappid: 1400123456, key: "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", identifier: "user_01", expire: 15552000, time: 1710000000, userbufHex: "010007757365725f3031537430400000000066d9d5800000002a00000000000b726f6f6d2d34325f616263", tokens: [
        "eJw9jtsKgkAURX8l5rWI45RpgQ92I6iMUuzyEtlMddBMbCaT6N9r1NpPm7Vgn-Mi3sxtPnhKejVCm0AatYIg47HAE5ZC3nm6B*0n7yw8JAmyr9LaABpttfVO5fgzwZQro*s6BYCKC7wW1NCgTMXVdCBP6oq9tCds40THyMzmvgPzkV1kJ2L-rMrgVgJb5AHtipm3zDd0jNvMsv6v4VlNuXkmrguHx8Z0GMooxdXlCGF-svaCet4yxdCVkjFz0DFuFnl-AGEaS9I_",
        "eJw9ztsKgkAQBuB3mdsidrdMW-DCTgSVUYodbiLbrQbNxHYzid491Oq-mvl*GOYF-sxrPWQGHFiLQLPaUchE4Qkr1neZ7Qn9VncRHdIUBXDaIYSydsfo1o3CqwROTUrq1CqfKWalG4bB-lreDPUJODhLZyI2bnyMrXweuGQ*cqrsVBKcy2Fwq8FRRch6auYviw0b4za37d9LeAYOXpGr68KViTkdRjrOcHU5kqg-Wftho2hbauhpLYQ16Jo3G94f-AFKMg__",
        "eAE1js0OgjAQhN*lVw0pVQRNOCBqTBSMQvDnYsQW3IBAsBWJ8d0FqnPancm3s2-krz3lyUo0QUTBqN-tD5pcigIomqhDjFUyGGojmQBlGYcIOkA8WHnG6g-icGcNoKtYSgLsVUDZ*pqmkSaQbkuGImpKra21pAc3vaZG5QQuduZWpxPPgrid7FwaFq9DMuZrf1sfyAKOlWn*v4W4OeTVFb9vXJbpq1ki0hJ2tytOpsu9H-bqgcFnnhCUGvZIz030*QLZPkoy",
        "eAEA*QAG-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoidXNlcl8wMSIsIlRMUy5zZGthcHBpZCI6MTQwMDEyMzQ1NiwiVExTLmV4cGlyZSI6MTU1NTIwMDAsIlRMUy50aW1lIjoxNzEwMDAwMDAwLCJUTFMudXNlcmJ1ZiI6IkFRQUhkWE5sY2w4d01WTjBNRUFBQUFBQVp0blZnQUFBQUNvQUFBQUFBQXR5YjI5dExUUXlYMkZpWXc9PSIsIlRMUy5zaWciOiJTeXd0bU9OZW43S0RrdWxyaVJoYzBrQkhXVGIreTM4dERTdXVkZDhDNjdvPSJ9CgEAAP--UeZKPA__"])
]

/// A wrong key of the same length (the last character changed).
private func wrong(_ key: String) -> String { String(key.dropLast()) + (key.last == "x" ? "y" : "x") }

private let watch: PMK.Privileges = [.enter, .receiveAudio, .receiveVideo]

final class UserSigTests: XCTestCase {
    func testEveryOfficialToken() throws {
        var tokens = 0
        for c in cases {
            let loaded = try HmacKey(key: c.key)
            let end = c.time + c.expire
            for token in c.tokens {
                tokens += 1
                let info = try UserSig.verify(sdkappid: c.sdkappid, key: c.key, identifier: c.identifier, usersig: token, now: at(c.time))
                XCTAssertEqual(info, UserSig.Info(sdkappid: c.sdkappid, identifier: c.identifier, issuedAt: at(c.time),
                                                  expireSeconds: c.expire, expiresAt: at(end), userbuf: c.userbuf), c.name)
                // Valid through time + expire, expired one second later (unless the leeway covers it).
                XCTAssertEqual(try UserSig.verify(sdkappid: c.sdkappid, key: c.key, identifier: c.identifier, usersig: token, now: at(end)), info)
                XCTAssertEqual(try UserSig.verify(sdkappid: c.sdkappid, key: loaded, identifier: c.identifier, usersig: token, now: at(end)), info)
                assertStatus(.expired, try UserSig.verify(sdkappid: c.sdkappid, key: c.key, identifier: c.identifier, usersig: token,
                                                          now: at(end + 1)))
                assertStatus(.expired, try UserSig.verify(sdkappid: c.sdkappid, key: loaded, identifier: c.identifier, usersig: token,
                                                          now: at(end + 1)))
                XCTAssertEqual(try UserSig.verify(sdkappid: c.sdkappid, key: c.key, identifier: c.identifier, usersig: token,
                                                  now: at(end + 1), leewaySeconds: 1), info)
                assertStatus(.expired, try UserSig.verify(sdkappid: c.sdkappid, key: c.key, identifier: c.identifier, usersig: token))
                assertStatus(.signatureMismatch, try UserSig.verify(sdkappid: c.sdkappid, key: wrong(c.key), identifier: c.identifier,
                                                                    usersig: token, now: at(c.time)))
                assertStatus(.identityMismatch, try UserSig.verify(sdkappid: c.sdkappid + 1, key: c.key, identifier: c.identifier,
                                                                   usersig: token, now: at(c.time)))
                assertStatus(.identityMismatch, try UserSig.verify(sdkappid: c.sdkappid, key: c.key, identifier: c.identifier + "x",
                                                                   usersig: token, now: at(c.time)))
                assertStatus(.malformed, try UserSig.verify(sdkappid: c.sdkappid, key: c.key, identifier: c.identifier,
                                                            usersig: String(token.dropLast(4)), now: at(c.time)))
                // inspect reads the same fields without the key.
                XCTAssertEqual(try UserSig.inspect(token), info)
            }
            // livesign writes the Go SDK's token.
            let go = c.tokens[3]
            switch c.name {
            case "c8_privmapkey_numeric_room":
                XCTAssertEqual(try PMK.generate(sdkappid: c.sdkappid, key: c.key, identifier: c.identifier, expireSeconds: c.expire,
                                                room: .numeric(10000), privileges: .all, now: at(c.time)), go)
                XCTAssertEqual(try PMK.generate(sdkappid: c.sdkappid, key: loaded, identifier: c.identifier, expireSeconds: c.expire,
                                                room: .numeric(10000), privileges: .all, now: at(c.time)), go)
            case "c9_privmapkey_string_room":
                XCTAssertEqual(try PMK.generate(sdkappid: c.sdkappid, key: c.key, identifier: c.identifier, expireSeconds: c.expire,
                                                room: .string("room-42_abc"), privileges: watch, now: at(c.time)), go)
                XCTAssertEqual(try PMK.generate(sdkappid: c.sdkappid, key: loaded, identifier: c.identifier, expireSeconds: c.expire,
                                                room: .string("room-42_abc"), privileges: watch, now: at(c.time)), go)
            default:
                XCTAssertEqual(try UserSig.generate(sdkappid: c.sdkappid, key: c.key, identifier: c.identifier, expireSeconds: c.expire,
                                                    now: at(c.time), userbuf: c.userbuf), go)
                XCTAssertEqual(try UserSig.generate(sdkappid: c.sdkappid, key: loaded, identifier: c.identifier, expireSeconds: c.expire,
                                                    now: at(c.time), userbuf: c.userbuf), go)
            }
            XCTAssertEqual(UserSig.length(sdkappid: c.sdkappid, identifier: c.identifier, expireSeconds: c.expire, now: at(c.time),
                                          userbufLength: c.userbuf?.count ?? 0), go.utf8.count)
        }
        XCTAssertEqual(tokens, 36)
    }

    func testRoundTrips() throws {
        let key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"
        let loaded = try HmacKey(key: key)
        // A Unicode identifier and a binary userbuf (with a NUL).
        let id = "\u{7528}\u{6237}_Zo\u{eb}\u{1f600}"
        let buf = Data([0x67, 0, 0xff, 1])
        let token = try UserSig.generate(sdkappid: 1_400_000_000, key: key, identifier: id, expireSeconds: 3600, now: at(1_700_000_000),
                                         userbuf: buf)
        XCTAssertEqual(token.utf8.count, UserSig.length(sdkappid: 1_400_000_000, identifier: id, expireSeconds: 3600,
                                                        now: at(1_700_000_000), userbufLength: buf.count))
        XCTAssertLessThanOrEqual(token.utf8.count, UserSig.maxLength)
        let info = try UserSig.verify(sdkappid: 1_400_000_000, key: loaded, identifier: id, usersig: token, now: at(1_700_003_600))
        XCTAssertEqual(info.identifier, id)
        XCTAssertEqual(info.userbuf, buf)
        XCTAssertEqual(info.expiresAt, at(1_700_003_600))
        XCTAssertEqual(try UserSig.generate(sdkappid: 1_400_000_000, key: loaded, identifier: id, expireSeconds: 3600,
                                            now: at(1_700_000_000), userbuf: buf), token)
        // An empty userbuf is none.
        let none = try UserSig.generate(sdkappid: 1_400_000_000, key: key, identifier: id, expireSeconds: 60, now: at(1_700_000_000),
                                        userbuf: Data())
        XCTAssertNil(try UserSig.verify(sdkappid: 1_400_000_000, key: key, identifier: id, usersig: none, now: at(1_700_000_000)).userbuf)
        // The default clock on both sides.
        let fresh = try UserSig.generate(sdkappid: 1_400_000_000, key: key, identifier: "alice", expireSeconds: 60)
        XCTAssertEqual(try UserSig.verify(sdkappid: 1_400_000_000, key: key, identifier: "alice", usersig: fresh).identifier, "alice")
        // A long token: the longest identifier, all control characters (6 bytes each in JSON),
        // the longest userbuf, a 20-digit sdkappid and the latest expiry.
        XCTAssertEqual(UserSig.maxExpiresAtSeconds, UInt64(Int64.max))
        let longID = String(repeating: "\u{1}", count: UserSig.identifierMaxLength)
        let longBuf = Data(repeating: 0xff, count: UserSig.userbufMaxLength)
        let last = UserSig.maxExpiresAtSeconds - 1
        let longest = try UserSig.generate(sdkappid: .max, key: loaded, identifier: longID, expireSeconds: last, now: at(1),
                                           userbuf: longBuf)
        XCTAssertTrue((3001...UserSig.maxLength).contains(longest.utf8.count))
        let l = try UserSig.verify(sdkappid: .max, key: key, identifier: longID, usersig: longest, now: at(1))
        XCTAssertEqual(l.identifier, longID)
        XCTAssertEqual(l.userbuf, longBuf)
        XCTAssertEqual(l.expireSeconds, last)
        // Past Int64.max the official verifiers would refuse the token: not made. A date beyond
        // UInt64 seconds saturates, and is refused the same way.
        assertStatus(.invalidArgument, try UserSig.generate(sdkappid: 1, key: loaded, identifier: "a", expireSeconds: last + 1,
                                                            now: at(1)))
        assertStatus(.invalidArgument, try UserSig.generate(sdkappid: 1, key: key, identifier: "a", expireSeconds: 60,
                                                            now: Date(timeIntervalSince1970: 1e30)))
        XCTAssertEqual(UserSig.length(sdkappid: 1, identifier: "a", expireSeconds: last + 1, now: at(1)), 0)
    }

    func testErrors() throws {
        XCTAssertEqual(UserSig.maxLength, 4180)
        XCTAssertEqual(UserSig.identifierMaxLength, 256)
        XCTAssertEqual(UserSig.userbufMaxLength, 1024)
        assertStatus(.invalidKey, try UserSig.generate(sdkappid: 1, key: "", identifier: "alice", expireSeconds: 60, now: at(1)))
        assertStatus(.invalidArgument, try UserSig.generate(sdkappid: 1, key: "k", identifier: String(repeating: "i", count: 257),
                                                            expireSeconds: 60, now: at(1)))
        assertStatus(.invalidArgument, try UserSig.generate(sdkappid: 1, key: "k", identifier: "alice", expireSeconds: 60, now: at(1),
                                                            userbuf: Data(count: 1025)))
        XCTAssertEqual(UserSig.length(sdkappid: 1, identifier: String(repeating: "i", count: 257), expireSeconds: 60, now: at(1)), 0)
        XCTAssertEqual(UserSig.length(sdkappid: 1, identifier: "alice", expireSeconds: 60, now: at(1), userbufLength: 1025), 0)
        XCTAssertGreaterThan(UserSig.length(sdkappid: 1, identifier: String(repeating: "i", count: 256), expireSeconds: 60), 0)
        let token = try UserSig.generate(sdkappid: 1, key: "k", identifier: "alice", expireSeconds: 60, now: at(1))
        assertStatus(.invalidKey, try UserSig.verify(sdkappid: 1, key: "", identifier: "alice", usersig: token, now: at(1)))
        assertStatus(.invalidArgument, try UserSig.verify(sdkappid: 1, key: "k", identifier: String(repeating: "i", count: 257),
                                                          usersig: token, now: at(1)))
        assertStatus(.malformed, try UserSig.verify(sdkappid: 1, key: "k", identifier: "alice", usersig: "not a usersig", now: at(1)))
        assertStatus(.malformed, try UserSig.verify(sdkappid: 1, key: "k", identifier: "alice", usersig: "", now: at(1)))
        assertStatus(.malformed, try UserSig.inspect("eJyrVgrxCdYr"))
        // A token whose alphabet was turned into standard base64 (`* - _` to `+ / =`) is not a UserSig.
        let go = cases[0].tokens[3]
        let standard = go.replacingOccurrences(of: "*", with: "+").replacingOccurrences(of: "-", with: "/")
            .replacingOccurrences(of: "_", with: "=")
        XCTAssertNotEqual(standard, go)
        assertStatus(.malformed, try UserSig.inspect(standard))
    }
}

final class PrivateMapKeyTests: XCTestCase {
    // The spec's c8 / c9 grants, read back from verified tokens.
    func testLayouts() throws {
        let c8 = cases[7], c9 = cases[8]
        XCTAssertEqual(c8.name, "c8_privmapkey_numeric_room")
        XCTAssertEqual(c9.name, "c9_privmapkey_string_room")
        for token in c8.tokens {
            let info = try UserSig.verify(sdkappid: c8.sdkappid, key: c8.key, identifier: c8.identifier, usersig: token, now: at(c8.time))
            XCTAssertEqual(try PMK.parse(info.userbuf!), PMK.Info(identifier: "xiaojun", sdkappid: 1_400_000_000, room: .numeric(10000),
                                                                  expiresAt: at(1_700_000_300), privileges: .all, accountType: 0))
        }
        for token in c9.tokens {
            let info = try UserSig.verify(sdkappid: c9.sdkappid, key: c9.key, identifier: c9.identifier, usersig: token, now: at(c9.time))
            let p = try PMK.parse(info.userbuf!)
            XCTAssertEqual(p, PMK.Info(identifier: "user_01", sdkappid: 1_400_123_456, room: .string("room-42_abc"),
                                       expiresAt: at(1_725_552_000), privileges: watch, accountType: 0))
            XCTAssertEqual(p.privileges.rawValue, 42)
            XCTAssertTrue(p.privileges.contains([.enter, .receiveVideo]))
            XCTAssertFalse(p.privileges.contains(.sendAudio))
        }
        assertStatus(.malformed, try PMK.parse(Data()))
        assertStatus(.malformed, try PMK.parse(Data("abc".utf8)))
        let c8buf = c8.userbuf!
        assertStatus(.malformed, try PMK.parse(c8buf + Data("x".utf8)))
        assertStatus(.malformed, try PMK.parse(c8buf.dropLast()))
    }

    /// The identifier and room string are read exactly: bytes that are not UTF-8 are refused,
    /// never decoded to U+FFFD (which made the grants of "a\u{FF}" and "a\u{FE}" bytes equal).
    func testParseIsExact() throws {
        func grant(_ id: [UInt8], room: [UInt8]?) -> Data {
            var b: [UInt8] = [room == nil ? 0 : 1, UInt8(id.count >> 8), UInt8(id.count & 0xff)] + id
            for v: UInt32 in [1_400_000_000, 0, 1_700_000_300, 42, 0] { b += withUnsafeBytes(of: v.bigEndian, Array.init) }
            if let room { b += [UInt8(room.count >> 8), UInt8(room.count & 0xff)] + room }
            return Data(b)
        }
        let ok = try PMK.parse(grant(Array("b\u{f6}b".utf8), room: Array("r\u{e9}".utf8)))
        XCTAssertEqual(ok.identifier, "b\u{f6}b")
        XCTAssertEqual(ok.room, .string("r\u{e9}"))
        let bad: [[UInt8]] = [[0x61, 0xff], [0x61, 0xfe], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]
        for b in bad {
            assertStatus(.malformed, try PMK.parse(grant(b, room: nil)))
            assertStatus(.malformed, try PMK.parse(grant(Array("bob".utf8), room: b)))
        }
    }

    func testRoundTrips() throws {
        let key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"
        let loaded = try HmacKey(key: key)
        XCTAssertEqual(PMK.Privileges.all, [.create, .enter, .sendAudio, .receiveAudio, .sendVideo, .receiveVideo, .sendSubstream,
                                            .receiveSubstream])
        let pk = try PMK.generate(sdkappid: 1_400_000_000, key: key, identifier: "bob", expireSeconds: 300, room: .numeric(.max),
                                  privileges: watch, now: at(1_700_000_000))
        let info = try UserSig.verify(sdkappid: 1_400_000_000, key: key, identifier: "bob", usersig: pk, now: at(1_700_000_300))
        XCTAssertEqual(try PMK.parse(info.userbuf!), PMK.Info(identifier: "bob", sdkappid: 1_400_000_000, room: .numeric(.max),
                                                              expiresAt: at(1_700_000_300), privileges: watch, accountType: 0))
        let ps = try PMK.generate(sdkappid: 1_400_000_000, key: loaded, identifier: "bob", expireSeconds: 300, room: .string("live-room_9"),
                                  privileges: .all, now: at(1_700_000_000))
        let named = try UserSig.verify(sdkappid: 1_400_000_000, key: loaded, identifier: "bob", usersig: ps, now: at(1_700_000_000))
        XCTAssertEqual(try PMK.parse(named.userbuf!).room, .string("live-room_9"))
        // The default clock: the grant and the token end 60 s from now.
        let now = Date()
        let fresh = try PMK.generate(sdkappid: 1_400_000_000, key: loaded, identifier: "bob", expireSeconds: 60, room: .numeric(7),
                                     privileges: watch)
        let grant = try PMK.parse(try UserSig.verify(sdkappid: 1_400_000_000, key: key, identifier: "bob", usersig: fresh).userbuf!)
        XCTAssertEqual(grant.expiresAt.timeIntervalSince(now), 60, accuracy: 1.5)
    }

    func testErrors() throws {
        func numeric(_ sdkappid: UInt64 = 1, key: String = "k", identifier: String = "bob", expire: UInt64 = 60, now: UInt64 = 1) throws
            -> String {
            try PMK.generate(sdkappid: sdkappid, key: key, identifier: identifier, expireSeconds: expire, room: .numeric(1),
                             privileges: .enter, now: at(now))
        }
        func named(_ room: String) throws -> String {
            try PMK.generate(sdkappid: 1, key: "k", identifier: "bob", expireSeconds: 60, room: .string(room), privileges: .enter, now: at(1))
        }
        assertStatus(.invalidKey, try numeric(key: ""))
        assertStatus(.invalidArgument, try numeric(identifier: "b\u{f6}b"))
        assertStatus(.invalidArgument, try numeric(4_294_967_296))
        XCTAssertNoThrow(try numeric(4_294_967_295))
        assertStatus(.invalidArgument, try numeric(expire: 1, now: 4_294_967_295))
        XCTAssertNoThrow(try numeric(expire: 0, now: 4_294_967_295))
        assertStatus(.invalidArgument, try named(""))
        assertStatus(.invalidArgument, try named("r\u{f6}"))
        XCTAssertNoThrow(try named(String(repeating: "r", count: 1024 - 25 - 3)))  // the longest userbuf
        assertStatus(.invalidArgument, try named(String(repeating: "r", count: 1024 - 25 - 2)))
    }
}
