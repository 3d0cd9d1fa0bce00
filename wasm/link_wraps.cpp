// Two functions that ImGui 1.86 links into the browser module although the panel never runs them,
// replaced at link time: wasm-ld's --wrap=NAME (CMakeLists.txt) sends every reference to NAME to
// __wrap_NAME, so ImGui's sources stay as Debian ships them and the originals are left out of the link.
#include <emscripten/console.h>

#include <cstdarg>
#include <cstdlib>

#include "imgui.h"
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

// ImFontAtlas::AddFontDefault: ImGui builds its atlas with the embedded ProggyClean font when no font
// was added; the panel always adds its own (gloss::panel::AddPanelHostFonts) before the first frame, so the
// 11 KB gzip of compressed font data and its decompressor would never run. Should a host ever build the
// atlas without a font, this stops with a message rather than draw with no font.
ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
  emscripten_console_error("gloss: the panel's font atlas has no font (ImGui's default font is not in this build)");
  std::abort();
}

}  // extern "C"
