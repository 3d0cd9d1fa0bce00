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
