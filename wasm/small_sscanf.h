// sscanf's integer conversions without libc's scanner (small_sscanf.cpp says what and why).
#pragma once

#include <cstdarg>

namespace gloss_wasm {

int small_vsscanf(const char* input, const char* format, va_list args);
int small_sscanf(const char* input, const char* format, ...);

}  // namespace gloss_wasm
