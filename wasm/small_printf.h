// vsnprintf for the browser module without libc's formatter (small_printf.cpp says what and why).
#pragma once

#include <cstdarg>
#include <cstddef>

namespace gloss_wasm {

int small_vsnprintf(char* buffer, std::size_t size, const char* format, va_list args);
int small_snprintf(char* buffer, std::size_t size, const char* format, ...);

}  // namespace gloss_wasm
