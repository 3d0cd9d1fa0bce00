# Third-party libraries, all from Debian: natively the installed -dev packages; under Emscripten the
# source packages that scripts/setup.sh fetched into third_party/ (never committed).

# nlohmann/json (header-only). Emscripten's toolchain hides /usr, and adding /usr/include to a WASM
# compile drags in glibc headers, so copy just the nlohmann headers into the build tree.
if(EMSCRIPTEN)
  set(_json_include "${CMAKE_BINARY_DIR}/_deps/json/include")
  if(NOT EXISTS "${_json_include}/nlohmann/json.hpp")
    file(COPY /usr/include/nlohmann DESTINATION "${_json_include}")
  endif()
  add_library(gloss_nlohmann_json INTERFACE)
  target_include_directories(gloss_nlohmann_json SYSTEM INTERFACE "${_json_include}")
  add_library(nlohmann_json::nlohmann_json ALIAS gloss_nlohmann_json)
else()
  find_package(nlohmann_json 3 REQUIRED)
endif()

# re2
if(EMSCRIPTEN)
  set(_re2 "${GLOSS_THIRD_PARTY_DIR}/re2")
  if(NOT EXISTS "${_re2}/re2/unicode_groups.cc")
    message(FATAL_ERROR "re2 sources not found in ${_re2}: run scripts/setup.sh first")
  endif()
  file(GLOB _re2_sources "${_re2}/re2/*.cc")
  list(FILTER _re2_sources EXCLUDE REGEX "(_test|_benchmark|_fuzzer)\\.cc$")
  add_library(gloss_re2 STATIC ${_re2_sources} "${_re2}/util/rune.cc" "${_re2}/util/strutil.cc")
  target_include_directories(gloss_re2 SYSTEM PUBLIC "${_re2}")
  target_compile_options(gloss_re2 PRIVATE -w)
  add_library(re2::re2 ALIAS gloss_re2)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
  add_library(re2::re2 ALIAS PkgConfig::RE2)
endif()
