// libc and ImGui functions replaced in the browser module at link time by smaller ones: wasm-ld's
// --wrap=NAME (CMakeLists.txt) sends every reference to NAME to __wrap_NAME, so ImGui's and libc++'s code
// stay as Debian ships them and the originals are left out of the link.
#include <emscripten/console.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>

#include "imgui.h"
#include "small_printf.h"
#include "small_sscanf.h"

extern "C" {

// sscanf: ImGui's .ini readers and the GL backend's "#version %d" need integers only (small_sscanf.cpp);
// libc's scanner and its long-double float parsing cost 8.5 KB gzip.
int __wrap_sscanf(const char* input, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int result = gloss_wasm::small_vsscanf(input, format, args);
  va_end(args);
  return result;
}

// The printf family that ImGui (labels, ids), the panel (dates) and libc++ (to_string, abort messages)
// call: small_printf.cpp, without libc's formatter (-2 KB gzip). fprintf goes only to stderr here (the
// OpenGL3 backend's shader errors, libc++'s messages before an abort): it becomes a console error.
int __wrap_vsnprintf(char* buffer, std::size_t size, const char* format, va_list args) {
  return gloss_wasm::small_vsnprintf(buffer, size, format, args);
}

int __wrap_snprintf(char* buffer, std::size_t size, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int result = gloss_wasm::small_vsnprintf(buffer, size, format, args);
  va_end(args);
  return result;
}

static int console_vfprintf(const char* format, va_list args) {
  char message[512];  // longer messages are cut, not lost silently: the count returned is the full one
  const int result = gloss_wasm::small_vsnprintf(message, sizeof message, format, args);
  emscripten_console_error(message);
  return result;
}

int __wrap_fprintf(FILE*, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int result = console_vfprintf(format, args);
  va_end(args);
  return result;
}

int __wrap_fiprintf(FILE*, const char* format, ...) {  // musl's name for an fprintf with no float
  va_list args;
  va_start(args, format);
  const int result = console_vfprintf(format, args);
  va_end(args);
  return result;
}

// ImFontAtlas::AddFontDefault: ImGui builds its atlas with the embedded ProggyClean font when no font
// was added; the panel always adds its own (gloss::panel::AddPanelHostFonts) before the first frame, so the
// 11 KB gzip of compressed font data and its decompressor would never run. Should a host ever build the
// atlas without a font, this stops with a message rather than draw with no font.
ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
  emscripten_console_error("gloss: the panel's font atlas has no font (ImGui's default font is not in this build)");
  std::abort();
}

}  // extern "C"
