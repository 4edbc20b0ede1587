// The checks shared by the C++ wrapper's test files (one executable).
#ifndef LIVESIGN_CPP_TEST_CHECK_HPP
#define LIVESIGN_CPP_TEST_CHECK_HPP

#include <cstdio>
#include <functional>

#include "livesign.hpp"

namespace test {
inline int checks = 0, failures = 0;

inline void check(bool ok, const char *what, const char *file, int line) {
    ++checks;
    if (!ok) {
        ++failures;
        std::fprintf(stderr, "FAIL %s:%d: %s\n", file, line, what);
    }
}

// The status a call throws, or Status::Ok when it returns.
inline livesign::Status status_of(const std::function<void()> &f) {
    try {
        f();
        return livesign::Status::Ok;
    } catch (const livesign::Error &e) {
        return e.status();
    }
}

// One per test file.
void usersig();
void huawei();
void alibaba();
}  // namespace test

#define CHECK(cond) ::test::check((cond), #cond, __FILE__, __LINE__)

#endif
