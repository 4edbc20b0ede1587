package io.livesign

import io.livesign.Trtc.PrivateMapKey
import io.livesign.Trtc.PrivateMapKey.Privilege
import io.livesign.Trtc.UserSig
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import java.util.EnumSet

/**
 * tests/vectors/usersig.json: one entry per case, with the tokens of Tencent's official
 * python, node, cpp and go SDKs (livesign generates the go one byte for byte).
 */
private class Case(val name: String, val sdkappid: Long, val key: String, val identifier: String, val expire: Long,
                   val time: Long, val hasUserbuf: Boolean, val userbufHex: String?, val tokens: List<String>) {
    val userbuf: ByteArray? get() = userbufHex?.let { h -> ByteArray(h.length / 2) { h.substring(2 * it, 2 * it + 2).toInt(16).toByte() } }
}

private val cases = listOf(
        Case("c1_plain_default_expire", 1400000000L, "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", "xiaojun", 15552000L, 1700000000L, false, null, listOf(
            "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkKjIT87NK82CSxSnZiQUFmSlAKUMTAyiAyqVWFGQWpYJkTE1NjRDiJZm5YFFzNPXFmekgG3zKHM1T9D3LzdODi-OKs8vCqpxcAvydnV2SSv2cy03cPcpDnA2SMgu0nUxslWoBHdYzUg__",
            "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqOKplYUZBaBxE1NTY3gosWZ6UpWSj5ljuYp*p7l5unBxXnF2WVhVU4uAf7Ozi5JpX7O5SbuHuUhzgZJmQXaTia2SrUAohcx8g__",
            "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDKAAIpOZkppXkpmWCdZQkZmYn1WaB9VUkpmbCtRgjqohtaIgswgkbmpqagSUglqQmQ600KfM0TxF37PcPD24OK84uyysysklwN-Z2SWp1M*53MTdozzE2SAps0DbycRWqRYAcDcx8g__",
            "eAEArABT-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoieGlhb2p1biIsIlRMUy5zZGthcHBpZCI6MTQwMDAwMDAwMCwiVExTLmV4cGlyZSI6MTU1NTIwMDAsIlRMUy50aW1lIjoxNzAwMDAwMDAwLCJUTFMuc2lnIjoiTHZBN2QvSXc3Z1NzbnNrdlZ6QkRQT0NDRGJ1TkN3NEdId1RDMGJpcCtCND0ifQoBAAD--9-DMfw_")),
        Case("c2_plain_expire0", 1400123456L, "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", "administrator", 0L, 1710000000L, false, null, listOf(
            "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkElNyM-Myi0uKEkvyi2BKilOyEwsKMlOACgxNDAwMjYxNTM2gcqkVBZlFqUAZA6hASWYuiGtobmgAATBDMtNBFlRFWYS6FQTmugeapYTlZ0TkBAUFG3j6ZBklGpdFpVbkRPo7F0WVFZuFZ7naKtUCAJ4ANTQ_",
            "eJwtil0LgjAYRv-Lex2yTbMYdBUWgRBqn94Ntuo1p2MbQ4r*e6A*d*ec5wunvIqCssCBRQQWI6NUnccHjlpIjR06b4Xv7Xxw8i2MQQmcJoRQFifLdCoetQJOV5RMm6waDFoFfEaHT*DwqdfnnSn0vkjlpX-d2rKsyCFvmIhDrYb2ftzaOrj02mQb*P0BD*0z1A__",
            "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDAwMjYxNTM0gMpkpqXklmWmZYA2JKbmZeZnFJUWJJflFUK0lmbmpQG3mhgYQANGWWlGQWQQUN4Can5kOtK8qyiLUrSAw1z3QLCUsPyMiJygo2MDTJ8so0bgsKrUiJ9LfuSiqrNgsPMvVVqkWAMllM9Q_",
            "eAEAnABj-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoiYWRtaW5pc3RyYXRvciIsIlRMUy5zZGthcHBpZCI6MTQwMDEyMzQ1NiwiVExTLnRpbWUiOjE3MTAwMDAwMDAsIlRMUy5zaWciOiJ6WjhVRnBRbUdRNmRWb2hYbFJSUzBJTGoyYTN2WmV4bFlPQ3JadnM2V2pFPSJ9CgEAAP--avEvVg__")),
        Case("c3_plain_unicode_identifier", 20012345L, "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", "\u7528\u6237_Zo\u00eb\ud83d\ude00", 86400L, 1700000000L, false, null, listOf(
            "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkYkrNTY0sYkrNjIzN46PyY0oNDFKTYkpTLIxTgGSqAVxbcUp2YkFBZgpQk5GBgaGRsYkpVCa1oiCzKBUobmFmYmAAFSzJzAUJGZobQAHMmMx0kLUFBVVlhv5GhoUWpqZOPpWmeR5uhe4RkcWOPp6Vhh7pRfkhlhXhpdleJiXltkq1ANOKOjk_",
            "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBws*nrHjWsT0*Kv-w6g-zZzRAlRSnZCcWFGSmKFkZGRgYGhmbmELESzJzU5WsDM0NoAAimlpRkFmUqmRlYWYCEyrOTFeyUiooqCoz9DcyLLQwNXXyqTTN83ArdI*ILHb08aw09Egvyg*xrAgvzfYyKSm3VaoFAJEfN-Y_",
            "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrIwMDAyNjE1MIeKZKal5JZlpmWDlz6eseNaxPT4q--DqD-NnNEC1lmTmpipZGZobQAFEY2pFQWYRUNzCzMTAAGpHZjrQzoKCqjJDfyPDQgtTUyefStM8D7dC94jIYkcfz0pDj-Si-BDLivDSbC*TknJbpVoAAXs39g__",
            "eAEArwBQ-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoi55So5oi3X1pvw6vwn5iAIiwiVExTLnNka2FwcGlkIjoyMDAxMjM0NSwiVExTLmV4cGlyZSI6ODY0MDAsIlRMUy50aW1lIjoxNzAwMDAwMDAwLCJUTFMuc2lnIjoicHB6djFPMjFxODU1Qkx5NW5IRnFHWFlzQUxJeTFIZ3JvVDl4V3VrSjR0dz0ifQoBAAD--9iVOAA_")),
        Case("c4_plain_single_char_identifier", 1600000001L, "short-key", "0", 1L, 1234567890L, false, null, listOf(
            "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIk4MLFKdmJBQWZKUBBQzMDCDCEyqVWFGQWpYJkoAIlmblgrpGxiamZuYWlAcyQzHSQoWYegYb6maFGRklpBr5uEZFV3sH*Jl5*TjlRrklJ-umVHukWJlHBFSWRlqG2SrUAHRYuuA__",
            "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwjDB4pTsxIKCzBQlK0MzAwgwhMiUZOamKlkZGhmbmJqZW1gaQERTKwoyi0DiUO2Z6UpWSmYegYb6maFGRklpBr5uEZFV3sH*Jl5*TjlRrklJ-umVHukWJlHBFSWRlqG2SrUAwCItWA__",
            "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAzNDCDAECKTmZKaV5KZlgnWAFNekpmbClRqZGxiamZuYWkAUZpaUZBZBBKHmpmZDrTDzCPQUD8z1MgoKc3A1y0isso72N-Ey88pJ8o1Kck-vdIj3cIkKriiJNIy1FapFgCtbS1Y",
            "eAEAnwBg-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoiMCIsIlRMUy5zZGthcHBpZCI6MTYwMDAwMDAwMSwiVExTLmV4cGlyZSI6MSwiVExTLnRpbWUiOjEyMzQ1Njc4OTAsIlRMUy5zaWciOiI2SFExL2lVMjJiZjBNRlhZektTTzRKTkJsWkViYk9neUhnODRaU3h0WTlVPSJ9CgEAAP---mEtYg__")),
        Case("c5_plain_empty_identifier", 1400000000L, "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", "", 3600L, 1700000000L, false, null, listOf(
            "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkYKLFKdmJBQWZKUAxQxMDKIDKpVYUZBalAmWMzeBiJZm5IBFDczS1xZnpIGO9tQ21TZJKKgwqg409E6uczfIKzC1807x93IwDkysDnE38w3yr-APzHbMdbZVqAWtNLuk_",
            "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwlCx4pTsxIKCzBQlK0MTAyiAyJRk5qYqWRmao4qmVhRkFqUqWRmbwUSKM9OVrJS8tQ21TZJKKgwqg409E6uczfIKzC1807x93IwDkysDnE38w3yr-APzHbMdbZVqAQyPLYk_",
            "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDKAAIpOZkppXkpmWCdYAVV2SmZsKVGmOqjK1oiCzCChubGZgADU1Mx1oi7e2obZJUkmFQWWwsWdilbNZXoG5hW*at4*bcWByZYCziX*Yb5V-YL5jtqOtUi0A92wtiQ__",
            "eAEAjQBy-3siVExTLnZlciI6IjIuMCIsIlRMUy5zZGthcHBpZCI6MTQwMDAwMDAwMCwiVExTLmV4cGlyZSI6MzYwMCwiVExTLnRpbWUiOjE3MDAwMDAwMDAsIlRMUy5zaWciOiJLKzErNGJ0eDB5UzNJYXpDNm5wNzhNZktMRjNRY3lQQzRPVk16T1FvQWtBPSJ9CgEAAP--rS4nYQ__")),
        Case("c6_plain_json_special_chars", 1400000000L, "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", "a\"b\\c/d<e>&f", 86400L, 1700000000L, false, null, listOf(
            "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkEmOUkmJikvVTbFLt1NJgaopTshMLCjJTgCoMTQygACqXWlGQWZQKlLEwM4ELlmTmgoQMzdEUF2emg2xxc3FKdtT3dUwpMDYINA*vCHcpLnQPDvJ2C4-ytyjwd-ZzDSuL8Mn28-UJtVWqBQCVgTOL",
            "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokxSkkxMcn6KTapdmppUBXFKdmJBQWZKUpWhiYGUACRKcnMTVWyMjRHFU2tKMgsSlWysjAzgQkVZ6YrWSm5uTglO*r7OqYUGBsEmodXhLsUF7oHB3m7hUf5WxT4O-u5hpVF*GT7*fqE2irVAgANazIr",
            "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDKAAIpOZkppXkpmWCdaQGKOUFBOTrJ9ik2qnlgbVW5KZmwrUZ46qL7WiILMIKG5hBjQQaklmOtBSNxenZEd9X8eUAmODQPPwinCX4kL34CBvt-Aof4sCf2c-17CyCJ9sP1*fUFulWgDpJDIr",
            "eAEAvwBA-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoiYVwiYlxcYy9kXHUwMDNjZVx1MDAzZVx1MDAyNmYiLCJUTFMuc2RrYXBwaWQiOjE0MDAwMDAwMDAsIlRMUy5leHBpcmUiOjg2NDAwLCJUTFMudGltZSI6MTcwMDAwMDAwMCwiVExTLnNpZyI6IkZEQmNBL01BZHAzMFE3V3hXRHNxR1NSS0ZXWk84cE9DTkVWdlhMa05NTFU9In0KAQAA--*R2ja*")),
        Case("c7_raw_userbuf_abc", 1400000000L, "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", "xiaojun", 86400L, 1700000000L, true, "616263", listOf(
            "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkKjIT87NK82CSxSnZiQUFmSlAKUMTAyiAyqVWFGQWpQJlLMxM4IIlmbkgIUNzNMWlxalFSaVpICsiw72y4OZnpoOE-BOTjMsi0nMiTUwDkiuqtIODszJSKpzCSzNCHCvCMioifdLKwrLcM-y9DGyVagF2rTqB",
            "eJxVjF0LgjAYRv-Le1vIrPXBoAu7CUQwULRdapvuXWUynYyi-x6YXvTcnXPgeUMaJd4gDTBYeQSWI6OQTY8Vjtph8dS2mVInbkXbogDmUzLtV3p8SGD*7t9K16KRwPZbOivbSVPaChjwPNTzL9bAIC7K9XCp75xuzlf3WiSJVsIdc6vSwGXK8agaMn1ScUgO8PkCf2c44Q__",
            "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDKAAIpOZkppXkpmWCdZQkZmYn1WaB9VUkpmbCtRgjqohtaIgswgobmEGNAliRmlxalFSaRrQxshwryyYlZnpQAH-xCTjsoj0nEgT04Dkiirt4OCsjJQKp-DSjBDHirCMikiftLKwLPcMfy8DW6VaAE2HOOE_",
            "eAEAvgBB-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoieGlhb2p1biIsIlRMUy5zZGthcHBpZCI6MTQwMDAwMDAwMCwiVExTLmV4cGlyZSI6ODY0MDAsIlRMUy50aW1lIjoxNzAwMDAwMDAwLCJUTFMudXNlcmJ1ZiI6IllXSmoiLCJUTFMuc2lnIjoiT2FiM3ZYZ2xZNDVQY3h6K1NTamhkeEJXdWhUQXhWaHhZTGZ2VmpHaE9KMD0ifQoBAAD--8fIOOs_")),
        Case("c8_privmapkey_numeric_room", 1400000000L, "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e", "xiaojun", 300L, 1700000000L, true, "0000077869616f6a756e53724e00000027106553f22c000000ff00000000", listOf(
            "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkKjIT87NK82CSxSnZiQUFmSlAKUMTAyiAyqVWFGQWpQJljOFCJZm5IAFDczSlpcWpRUmlaSALHB0dPVLdczKSjAoMk3L8KkPSgSLOyYFRYQGVPkCmY4AFiHSEuyAzHaTNQNvXxNvMJMczxM00W9siqyTQPTGnwiAtvSLFMLE8NQrIjIpMS8kri8q2VaoFALpLREM_",
            "eJxVjU0LgkAURf-L2xoympUMtHgEWWShJEHutJmxUTPxq5Hov0eWi*7iwj1ncZ8QuEe94xVQMHUCk2FLxotGCjlgJaN72hY-VbMsKkvJgBoW*eVrGnnjQI3FP*WqlBUHOh1BW-MqbgVQQMQNd-JrbJZGnB-6IEHE1cUPT17vIiJ69qdxfJYJUCDa3trNrXwbrGeZZqeN70S5IiJRzIgePFREhGfBii7MlvB6A36tQqM_",
            "eAGrVgrxCdYrSy1SslIy0jNQ0gHzi1OyEwsKMlOUrAxNDKAAIpOZkppXkpmWCdZQkZmYn1WaB9VUkpmbCtRgjqohtaIgswgobmxgADGhtDi1KKk0DWifo6OjR6p7TkaSUYFhUo5fZUg6UMQ5OTAqLKDSB8h0DLAAkY4wR2WmAzUZaPuaeJuZ5HiGuJlma1tklQS6J*ZUGKSlV6QYJpanRgGZUZFpKXllUdm2SrUATM1Cow__",
            "eAEA4AAf-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoieGlhb2p1biIsIlRMUy5zZGthcHBpZCI6MTQwMDAwMDAwMCwiVExTLmV4cGlyZSI6MzAwLCJUTFMudGltZSI6MTcwMDAwMDAwMCwiVExTLnVzZXJidWYiOiJBQUFIZUdsaGIycDFibE55VGdBQUFDY1FaVlB5TEFBQUFQOEFBQUFBIiwiVExTLnNpZyI6IjArTTRLNjRsSVRGNWsrOGp0UUdhbHgwZmd4ZDFhd2VaeDBmWllmZG52Wms9In0KAQAA---SCkKt")),
        Case("c9_privmapkey_string_room", 1400123456L, "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", "user_01", 15552000L, 1710000000L, true, "010007757365725f3031537430400000000066d9d5800000002a00000000000b726f6f6d2d34325f616263", listOf(
            "eJw9jtsKgkAURX8l5rWI45RpgQ92I6iMUuzyEtlMddBMbCaT6N9r1NpPm7Vgn-Mi3sxtPnhKejVCm0AatYIg47HAE5ZC3nm6B*0n7yw8JAmyr9LaABpttfVO5fgzwZQro*s6BYCKC7wW1NCgTMXVdCBP6oq9tCds40THyMzmvgPzkV1kJ2L-rMrgVgJb5AHtipm3zDd0jNvMsv6v4VlNuXkmrguHx8Z0GMooxdXlCGF-svaCet4yxdCVkjFz0DFuFnl-AGEaS9I_",
            "eJw9ztsKgkAQBuB3mdsidrdMW-DCTgSVUYodbiLbrQbNxHYzid491Oq-mvl*GOYF-sxrPWQGHFiLQLPaUchE4Qkr1neZ7Qn9VncRHdIUBXDaIYSydsfo1o3CqwROTUrq1CqfKWalG4bB-lreDPUJODhLZyI2bnyMrXweuGQ*cqrsVBKcy2Fwq8FRRch6auYviw0b4za37d9LeAYOXpGr68KViTkdRjrOcHU5kqg-Wftho2hbauhpLYQ16Jo3G94f-AFKMg__",
            "eAE1js0OgjAQhN*lVw0pVQRNOCBqTBSMQvDnYsQW3IBAsBWJ8d0FqnPancm3s2-krz3lyUo0QUTBqN-tD5pcigIomqhDjFUyGGojmQBlGYcIOkA8WHnG6g-icGcNoKtYSgLsVUDZ*pqmkSaQbkuGImpKra21pAc3vaZG5QQuduZWpxPPgrid7FwaFq9DMuZrf1sfyAKOlWn*v4W4OeTVFb9vXJbpq1ki0hJ2tytOpsu9H-bqgcFnnhCUGvZIz030*QLZPkoy",
            "eAEA*QAG-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoidXNlcl8wMSIsIlRMUy5zZGthcHBpZCI6MTQwMDEyMzQ1NiwiVExTLmV4cGlyZSI6MTU1NTIwMDAsIlRMUy50aW1lIjoxNzEwMDAwMDAwLCJUTFMudXNlcmJ1ZiI6IkFRQUhkWE5sY2w4d01WTjBNRUFBQUFBQVp0blZnQUFBQUNvQUFBQUFBQXR5YjI5dExUUXlYMkZpWXc9PSIsIlRMUy5zaWciOiJTeXd0bU9OZW43S0RrdWxyaVJoYzBrQkhXVGIreTM4dERTdXVkZDhDNjdvPSJ9CgEAAP--UeZKPA__"))
)

/** A wrong key of the same length (the last character changed). */
private fun wrong(key: String) = key.dropLast(1) + (if (key.last() == 'x') 'y' else 'x')

private val WATCH: Set<Privilege> = EnumSet.of(Privilege.ENTER, Privilege.RECV_AUDIO, Privilege.RECV_VIDEO)

class UserSigTest {
    @Test fun everyOfficialToken() {
        var tokens = 0
        for (c in cases) {
            HmacKey(c.key).use { loaded ->
                val end = c.time + c.expire
                for (token in c.tokens) {
                    tokens++
                    val info = UserSig.verify(c.sdkappid, c.key, c.identifier, token, now = c.time)
                    assertEquals(UserSig.Info(c.sdkappid, c.identifier, c.time, c.expire, end, c.userbuf), info)
                    assertEquals(c.hasUserbuf, info.userbuf != null)
                    // Valid through time + expire, expired one second later (unless the leeway covers it).
                    assertEquals(info, UserSig.verify(c.sdkappid, c.key, c.identifier, token, now = end))
                    assertEquals(info, UserSig.verify(c.sdkappid, loaded, c.identifier, token, now = end))
                    assertStatus<LiveSignException.Expired> { UserSig.verify(c.sdkappid, c.key, c.identifier, token, now = end + 1) }
                    assertStatus<LiveSignException.Expired> { UserSig.verify(c.sdkappid, loaded, c.identifier, token, now = end + 1) }
                    UserSig.verify(c.sdkappid, c.key, c.identifier, token, now = end + 1, leewaySeconds = 1)
                    assertStatus<LiveSignException.Expired> { UserSig.verify(c.sdkappid, c.key, c.identifier, token) }
                    assertStatus<LiveSignException.SignatureMismatch> {
                        UserSig.verify(c.sdkappid, wrong(c.key), c.identifier, token, now = c.time)
                    }
                    assertStatus<LiveSignException.IdentityMismatch> {
                        UserSig.verify(c.sdkappid + 1, c.key, c.identifier, token, now = c.time)
                    }
                    assertStatus<LiveSignException.IdentityMismatch> {
                        UserSig.verify(c.sdkappid, c.key, c.identifier + "x", token, now = c.time)
                    }
                    assertStatus<LiveSignException.Malformed> {
                        UserSig.verify(c.sdkappid, c.key, c.identifier, token.dropLast(4), now = c.time)
                    }
                    // inspect reads the same fields without the key.
                    assertEquals(info, UserSig.inspect(token))
                }
                // livesign writes the Go SDK's token.
                val go = c.tokens[3]
                when (c.name) {
                    "c8_privmapkey_numeric_room" -> {
                        assertEquals(go, PrivateMapKey.generate(c.sdkappid, c.key, c.identifier, c.expire, 10000L, Privilege.ALL, now = c.time))
                        assertEquals(go, PrivateMapKey.generate(c.sdkappid, loaded, c.identifier, c.expire, 10000L, Privilege.ALL, now = c.time))
                    }
                    "c9_privmapkey_string_room" -> {
                        assertEquals(go, PrivateMapKey.generate(c.sdkappid, c.key, c.identifier, c.expire, "room-42_abc", WATCH, now = c.time))
                        assertEquals(go, PrivateMapKey.generate(c.sdkappid, loaded, c.identifier, c.expire, "room-42_abc", WATCH, now = c.time))
                    }
                    else -> {
                        assertEquals(go, UserSig.generate(c.sdkappid, c.key, c.identifier, c.expire, now = c.time, userbuf = c.userbuf))
                        assertEquals(go, UserSig.generate(c.sdkappid, loaded, c.identifier, c.expire, c.time, c.userbuf))
                    }
                }
                assertEquals(go.length, UserSig.length(c.sdkappid, c.identifier, c.expire, c.time, c.userbuf?.size ?: 0))
            }
        }
        assertEquals(36, tokens)
    }

    @Test fun roundTrips() {
        val key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"
        HmacKey(key).use { loaded ->
            // A Unicode identifier and a binary userbuf (with a NUL).
            val id = "\u7528\u6237_Zo\u00eb\ud83d\ude00"
            val buf = byteArrayOf('g'.toByte(), 0, -1, 1)
            val token = UserSig.generate(1400000000L, key, id, 3600L, now = 1700000000L, userbuf = buf)
            assertEquals(token.length, UserSig.length(1400000000L, id, 3600L, 1700000000L, buf.size))
            assertTrue(token.length <= UserSig.MAX_LEN)
            val info = UserSig.verify(1400000000L, loaded, id, token, now = 1700003600L)
            assertEquals(id, info.identifier)
            assertArrayEquals(buf, info.userbuf)
            assertEquals(1700003600L, info.expiresAt)
            assertEquals(token, UserSig.generate(1400000000L, loaded, id, 3600L, 1700000000L, buf))
            // An empty userbuf is none.
            assertNull(UserSig.verify(1400000000L, key, id, UserSig.generate(1400000000L, key, id, 60L, 1700000000L, ByteArray(0)),
                now = 1700000000L).userbuf)
            // The default clock on both sides.
            assertEquals("alice", UserSig.verify(1400000000L, key, "alice", UserSig.generate(1400000000L, key, "alice", 60L)).identifier)
            // The longest token Kotlin makes: the longest identifier, all control characters (6 bytes
            // each in JSON), the longest userbuf, a 20-digit sdkappid (-1L is 2^64 - 1) and 19-digit
            // times ending at MAX_EXPIRES_AT (a negative expire or issue time is refused: see
            // NegativeSecondsTest).
            val longId = "\u0001".repeat(UserSig.IDENTIFIER_MAX_LEN)
            val longBuf = ByteArray(UserSig.USERBUF_MAX_LEN) { -1 }
            val half = UserSig.MAX_EXPIRES_AT / 2
            val longest = UserSig.generate(-1L, loaded, longId, half + 1, half, longBuf)
            assertEquals(UserSig.MAX_LEN - 4, longest.length)
            assertEquals(longest.length, UserSig.length(-1L, longId, half + 1, half, longBuf.size))
            val l = UserSig.verify(-1L, key, longId, longest, now = UserSig.MAX_EXPIRES_AT)
            assertEquals(longId, l.identifier)
            assertArrayEquals(longBuf, l.userbuf)
            assertEquals(UserSig.MAX_EXPIRES_AT, l.expiresAt)
            // One second later the official verifiers' int64 would wrap: not made.
            assertStatus<LiveSignException.InvalidArgument> { UserSig.generate(1L, loaded, "a", half + 2, half) }
            assertStatus<LiveSignException.InvalidArgument> { UserSig.generate(1L, key, "a", Long.MAX_VALUE, Long.MAX_VALUE) }
            assertEquals(0, UserSig.length(1L, "a", half + 2, half))
        }
    }

    /**
     * Other SDKs write times past `Long.MAX_VALUE`: the official Java and Go SDKs a lifetime of
     * `Long.MAX_VALUE` / `math.MaxInt64` (`TLS.time + TLS.expire` is then past it), SDKs with
     * unbounded integers any `u64`. livesign verifies such tokens (the expiry saturates at 2^64 - 1
     * in C); read as a `Long`'s bits, the time a token ends came back negative, i.e. before 1970.
     * The times of an [UserSig.Info] saturate at `Long.MAX_VALUE` instead.
     */
    @Test fun timesPastLongMaxSaturate() {
        val key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"
        val max = Long.MAX_VALUE
        val forever = officialToken(key, "alice", 1400000000L, "1700000000", max.toString())
        for (info in listOf(UserSig.verify(1400000000L, key, "alice", forever, now = 1700000001L), UserSig.inspect(forever))) {
            assertEquals(1700000000L, info.time)
            assertEquals(max, info.expire)
            assertEquals(max, info.expiresAt)
        }
        val u64 = officialToken(key, "alice", 1400000000L, "1700000000", "18446744073709551615")
        val i = UserSig.verify(1400000000L, key, "alice", u64, now = max)
        assertEquals(listOf(1700000000L, max, max), listOf(i.time, i.expire, i.expiresAt))
        val late = UserSig.inspect(officialToken(key, "alice", 1400000000L, "9223372036854775808", "0"))
        assertEquals(listOf(max, 0L, max), listOf(late.time, late.expire, late.expiresAt))
        // The sdkappid keeps the bits of the C uint64_t: it goes back into verify unchanged.
        val app = officialToken(key, "alice", -1L, "1700000000", "60")
        assertEquals(-1L, UserSig.inspect(app).sdkappid)
        UserSig.verify(UserSig.inspect(app).sdkappid, key, "alice", app, now = 1700000000L)
    }

    @Test fun errors() {
        assertEquals(4180, UserSig.MAX_LEN)
        assertStatus<LiveSignException.InvalidKey> { UserSig.generate(1L, "", "alice", 60L, 1L) }
        assertStatus<LiveSignException.InvalidArgument> { UserSig.generate(1L, "k", "i".repeat(257), 60L, 1L) }
        assertStatus<LiveSignException.InvalidArgument> { UserSig.generate(1L, "k", "alice", 60L, 1L, ByteArray(1025)) }
        assertEquals(0, UserSig.length(1L, "i".repeat(257), 60L, 1L))
        assertEquals(0, UserSig.length(1L, "alice", 60L, 1L, 1025))
        assertEquals(0, UserSig.length(1L, "alice", 60L, 1L, -1))
        assertTrue(UserSig.length(1L, "i".repeat(256), 60L, 1L) > 0)
        // An identifier with an unpaired surrogate has no UTF-8 form: generate throws
        // InvalidArgument, so length answers 0 as documented (as C and C++ do for an identifier
        // that is not UTF-8), never an exception.
        assertEquals(0, UserSig.length(1L, "alice\uD800", 60L, 1L))
        assertStatus<LiveSignException.InvalidArgument> { UserSig.generate(1L, "k", "alice\uD800", 60L, 1L) }
        val token = UserSig.generate(1L, "k", "alice", 60L, 1L)
        assertStatus<LiveSignException.InvalidKey> { UserSig.verify(1L, "", "alice", token, now = 1L) }
        assertStatus<LiveSignException.InvalidArgument> { UserSig.verify(1L, "k", "i".repeat(257), token, now = 1L) }
        assertStatus<LiveSignException.Malformed> { UserSig.verify(1L, "k", "alice", "not a usersig", now = 1L) }
        assertStatus<LiveSignException.Malformed> { UserSig.verify(1L, "k", "alice", "", now = 1L) }
        assertStatus<LiveSignException.Malformed> { UserSig.inspect("eJyrVgrxCdYr") }
        // A token whose alphabet was turned into standard base64 (`* - _` to `+ / =`) is not a UserSig.
        val go = cases[0].tokens[3]
        val standard = go.replace('*', '+').replace('-', '/').replace('_', '=')
        assertNotEquals(go, standard)
        assertStatus<LiveSignException.Malformed> { UserSig.inspect(standard) }
        // A closed key is refused, not a crash.
        val closed = HmacKey("k").also { it.close() }
        assertStatus<LiveSignException.InvalidArgument> { UserSig.generate(1L, closed, "alice", 60L, 1L) }
        assertStatus<LiveSignException.InvalidArgument> { UserSig.verify(1L, closed, "alice", token, now = 1L) }
    }
}

class PrivateMapKeyTest {
    // The spec's c8 / c9 grants, read back from verified tokens.
    @Test fun layouts() {
        val c8 = cases[7]
        val c9 = cases[8]
        assertEquals("c8_privmapkey_numeric_room", c8.name)
        assertEquals("c9_privmapkey_string_room", c9.name)
        for (token in c8.tokens) {
            val p = PrivateMapKey.parse(UserSig.verify(c8.sdkappid, c8.key, c8.identifier, token, now = c8.time).userbuf!!)
            assertEquals(PrivateMapKey.Info("xiaojun", 1400000000L, 10000L, null, 1700000300L, Privilege.ALL, 255L, 0L), p)
        }
        for (token in c9.tokens) {
            val p = PrivateMapKey.parse(UserSig.verify(c9.sdkappid, c9.key, c9.identifier, token, now = c9.time).userbuf!!)
            assertEquals(PrivateMapKey.Info("user_01", 1400123456L, 0L, "room-42_abc", 1725552000L, WATCH, 42L, 0L), p)
        }
        assertStatus<LiveSignException.Malformed> { PrivateMapKey.parse(ByteArray(0)) }
        assertStatus<LiveSignException.Malformed> { PrivateMapKey.parse("abc".toByteArray()) }
        val c8buf = c8.userbuf!!
        assertStatus<LiveSignException.Malformed> { PrivateMapKey.parse(c8buf + 'x'.toByte()) }
        assertStatus<LiveSignException.Malformed> { PrivateMapKey.parse(c8buf.copyOf(c8buf.size - 1)) }
    }

    @Test fun roundTrips() {
        val key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"
        assertEquals(255, Privilege.bits(Privilege.ALL))
        assertEquals(WATCH, Privilege.of(42))
        HmacKey(key).use { loaded ->
            val pk = PrivateMapKey.generate(1400000000L, key, "bob", 300L, 4294967295L, WATCH, now = 1700000000L)
            assertEquals(PrivateMapKey.Info("bob", 1400000000L, 4294967295L, null, 1700000300L, WATCH, 42L, 0L),
                PrivateMapKey.parse(UserSig.verify(1400000000L, key, "bob", pk, now = 1700000300L).userbuf!!))
            val ps = PrivateMapKey.generate(1400000000L, loaded, "bob", 300L, "live-room_9", Privilege.ALL, 1700000000L)
            val p = PrivateMapKey.parse(UserSig.verify(1400000000L, loaded, "bob", ps, now = 1700000000L).userbuf!!)
            assertEquals(0L, p.roomId)
            assertEquals("live-room_9", p.roomStr)
            assertEquals(Privilege.ALL, p.privileges)
            // The default clock: the grant and the token end 60 s from now.
            val now = LiveSign.unixNow()
            val fresh = PrivateMapKey.generate(1400000000L, loaded, "bob", 60L, 7L, WATCH)
            val expires = PrivateMapKey.parse(UserSig.verify(1400000000L, key, "bob", fresh).userbuf!!).expiresAt
            assertTrue(expires in now + 60..now + 61)
        }
    }

    // The identifier and room string are read exactly: bytes that are not UTF-8 are refused,
    // never decoded to U+FFFD (which made the grants of "a\xFF" and "a\xFE" equal).
    @Test fun parseIsExact() {
        fun grant(id: ByteArray, room: ByteArray?): ByteArray {
            val b = java.io.ByteArrayOutputStream()
            val out = java.io.DataOutputStream(b)
            out.writeByte(if (room == null) 0 else 1)
            out.writeShort(id.size); out.write(id)
            for (v in intArrayOf(1400000000, 0, 1700000300, 42, 0)) out.writeInt(v)
            if (room != null) { out.writeShort(room.size); out.write(room) }
            return b.toByteArray()
        }
        val ok = PrivateMapKey.parse(grant("b\u00f6b".toByteArray(), "r\u00e9".toByteArray()))
        assertEquals("b\u00f6b", ok.identifier)
        assertEquals("r\u00e9", ok.roomStr)
        val bad = listOf(byteArrayOf(0x61, 0xFF.toByte()), byteArrayOf(0x61, 0xFE.toByte()), byteArrayOf(0xC3.toByte()),
            byteArrayOf(0xED.toByte(), 0xA0.toByte(), 0x80.toByte()), byteArrayOf(0xC0.toByte(), 0xAF.toByte()))
        for (b in bad) {
            assertStatus<LiveSignException.Malformed> { PrivateMapKey.parse(grant(b, null)) }
            assertStatus<LiveSignException.Malformed> { PrivateMapKey.parse(grant("bob".toByteArray(), b)) }
        }
    }

    @Test fun errors() {
        val enter = EnumSet.of(Privilege.ENTER)
        assertStatus<LiveSignException.InvalidKey> { PrivateMapKey.generate(1L, "", "bob", 60L, 1L, enter, 1L) }
        assertStatus<LiveSignException.InvalidArgument> { PrivateMapKey.generate(1L, "k", "b\u00f6b", 60L, 1L, enter, 1L) }
        assertStatus<LiveSignException.InvalidArgument> { PrivateMapKey.generate(4294967296L, "k", "bob", 60L, 1L, enter, 1L) }
        PrivateMapKey.generate(4294967295L, "k", "bob", 60L, 1L, enter, 1L)
        assertStatus<LiveSignException.InvalidArgument> { PrivateMapKey.generate(1L, "k", "bob", 1L, 1L, enter, 4294967295L) }
        PrivateMapKey.generate(1L, "k", "bob", 0L, 1L, enter, 4294967295L)
        assertStatus<LiveSignException.InvalidArgument> { PrivateMapKey.generate(1L, "k", "bob", 60L, 4294967296L, enter, 1L) }
        assertStatus<LiveSignException.InvalidArgument> { PrivateMapKey.generate(1L, "k", "bob", 60L, -1L, enter, 1L) }
        assertStatus<LiveSignException.InvalidArgument> { PrivateMapKey.generate(1L, "k", "bob", 60L, "", enter, 1L) }
        assertStatus<LiveSignException.InvalidArgument> { PrivateMapKey.generate(1L, "k", "bob", 60L, "r\u00f6", enter, 1L) }
        PrivateMapKey.generate(1L, "k", "bob", 60L, "r".repeat(1024 - 25 - 3), enter, 1L)  // the longest userbuf
        assertStatus<LiveSignException.InvalidArgument> { PrivateMapKey.generate(1L, "k", "bob", 60L, "r".repeat(1024 - 25 - 2), enter, 1L) }
        val closed = HmacKey("k").also { it.close() }
        assertStatus<LiveSignException.InvalidArgument> { PrivateMapKey.generate(1L, closed, "bob", 60L, 1L, enter, 1L) }
        assertStatus<LiveSignException.InvalidArgument> { PrivateMapKey.generate(1L, closed, "bob", 60L, "r", enter, 1L) }
    }
}

/**
 * A TLSSigAPIv2 UserSig laid out as the official SDKs write it, with its numbers as given (the
 * decimal text of `TLS.time` and `TLS.expire`; `sdkappid` as the bits of a `uint64_t`), for
 * tokens livesign's own generator refuses to make.
 */
private fun officialToken(key: String, identifier: String, sdkappid: Long, time: String, expire: String): String {
    val app = java.lang.Long.toUnsignedString(sdkappid)
    val content = "TLS.identifier:$identifier\nTLS.sdkappid:$app\nTLS.time:$time\nTLS.expire:$expire\n"
    val mac = javax.crypto.Mac.getInstance("HmacSHA256")
    mac.init(javax.crypto.spec.SecretKeySpec(key.toByteArray(), "HmacSHA256"))
    val sig = java.util.Base64.getEncoder().encodeToString(mac.doFinal(content.toByteArray()))
    val doc = "{\"TLS.ver\":\"2.0\",\"TLS.identifier\":\"$identifier\",\"TLS.sdkappid\":$app," +
        "\"TLS.expire\":$expire,\"TLS.time\":$time,\"TLS.sig\":\"$sig\"}"
    val deflater = java.util.zip.Deflater()
    deflater.setInput(doc.toByteArray())
    deflater.finish()
    val z = ByteArray(1024)
    val n = deflater.deflate(z)
    deflater.end()
    return java.util.Base64.getEncoder().encodeToString(z.copyOf(n)).replace('+', '*').replace('/', '-').replace('=', '_')
}
